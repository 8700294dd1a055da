import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, Col, DatePicker, Form, Input, InputNumber, Radio, Row, Select, Space, Upload, type UploadFile } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../api/client';
import { PageContainer } from '../../platform/components/page-container';
import { OrgTreeSelect } from '../../platform/components/org-tree';
import { feedback, reportError } from '../../platform/feedback';
import { showFieldErrors } from '../../platform/form-errors';
import { options, useMeta } from './api';

interface RegisterForm {
  receivedDate: Dayjs;
  applicantType: 'person' | 'organization';
  applicantName: string;
  applicantIdNumber?: string;
  applicantPhone?: string;
  applicantAddress?: string;
  respondentOrgId?: string;
  respondentName?: string;
  thirdParty?: string;
  agentName?: string;
  agentKind?: string;
  actType: string;
  actNumber?: string;
  actDate?: Dayjs;
  actAmount?: number;
  request: string;
  reasons?: string;
  criteria?: string[];
}

interface Proposal {
  procedure: string;
  reasons: string[];
  cite: string;
}

const readBase64 = (file: File) =>
  new Promise<string>((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result).split(',')[1] ?? '');
    r.onerror = () => reject(r.error);
    r.readAsDataURL(file);
  });

/** 窗口登记: the application as received, with the system's 繁简分流 proposal (行政复议法 第五十三条). */
export default function CaseRegister() {
  const navigate = useNavigate();
  const meta = useMeta();
  const [form] = Form.useForm<RegisterForm>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [proposal, setProposal] = useState<Proposal | null>(null);

  const triage = async () => {
    const v = form.getFieldsValue();
    const c = new Set(v.criteria ?? []);
    const p = await api.post<Proposal>('/api/admin-review/triage', { actType: v.actType, onTheSpot: c.has('onTheSpot'), warningOrCriticism: c.has('warningOrCriticism'), amount: v.actAmount ?? null, factsClear: c.has('factsClear'), partiesAgree: c.has('partiesAgree') });
    setProposal(p);
  };

  const save = useMutation({
    mutationFn: async (v: RegisterForm) => {
      const c = new Set(v.criteria ?? []);
      const attachments = await Promise.all(files.slice(0, 5).map(async (f) => ({ name: f.name, mime: f.type || undefined, contentBase64: await readBase64(f.originFileObj as File) })));
      return api.post<{ id: string; caseNumber: string }>('/api/admin-review/cases', {
        receivedDate: v.receivedDate.format('YYYY-MM-DD'),
        applicantType: v.applicantType,
        applicantName: v.applicantName,
        applicantIdNumber: v.applicantIdNumber || undefined,
        applicantPhone: v.applicantPhone || undefined,
        applicantAddress: v.applicantAddress || undefined,
        respondentOrgId: v.respondentOrgId || undefined,
        respondentName: v.respondentOrgId ? undefined : v.respondentName,
        thirdParties: v.thirdParty ? v.thirdParty.split(/[、，,]/).filter(Boolean).map((name) => ({ name })) : [],
        agents: v.agentName ? [{ name: v.agentName, kind: v.agentKind }] : [],
        actType: v.actType,
        actNumber: v.actNumber || undefined,
        actDate: v.actDate?.format('YYYY-MM-DD'),
        actAmount: v.actAmount ?? null,
        request: v.request,
        reasons: v.reasons || undefined,
        onTheSpot: c.has('onTheSpot'),
        warningOrCriticism: c.has('warningOrCriticism'),
        factsClear: c.has('factsClear'),
        partiesAgree: c.has('partiesAgree'),
        attachments,
      });
    },
    onSuccess: (r) => {
      feedback.message?.success(`已登记，收件编号 ${r.caseNumber}`);
      navigate(`/admin-review/cases/${r.id}`);
    },
    // Field errors go under their fields (the server's own text names fields by their code).
    meta: { silent: true },
    onError: (err) => {
      if (showFieldErrors(form, err)) feedback.message?.error('填写有误，请按表单中标红的提示修改');
      else reportError(err);
    },
  });

  return (
    <PageContainer title="登记行政复议申请（窗口登记）">
      <Form form={form} layout="vertical" initialValues={{ receivedDate: dayjs(), applicantType: 'person', actType: 'penalty' }} onFinish={(v) => save.mutate(v)} onValuesChange={() => setProposal(null)}>
        <Card title="申请人" size="small" style={{ marginBottom: 16 }}>
          <Row gutter={16}>
            <Col span={6}><Form.Item name="receivedDate" label="收到申请日期" rules={[{ required: true, message: '请选择收到申请日期' }]}><DatePicker style={{ width: '100%' }} /></Form.Item></Col>
            <Col span={6}><Form.Item name="applicantType" label="申请人类型"><Radio.Group options={options(meta.data?.applicantTypes ?? {})} /></Form.Item></Col>
            <Col span={6}><Form.Item name="applicantName" label="申请人姓名/名称" rules={[{ required: true, min: 2, message: '请填写申请人姓名或名称' }]}><Input /></Form.Item></Col>
            <Col span={6}><Form.Item name="applicantIdNumber" label="身份证号/统一社会信用代码"><Input /></Form.Item></Col>
            <Col span={6}><Form.Item name="applicantPhone" label="联系电话"><Input /></Form.Item></Col>
            <Col span={12}><Form.Item name="applicantAddress" label="住所地"><Input /></Form.Item></Col>
            <Col span={6}><Form.Item name="thirdParty" label="第三人（多个用顿号分隔）"><Input /></Form.Item></Col>
            <Col span={6}><Form.Item name="agentName" label="代理人"><Input /></Form.Item></Col>
            <Col span={6}><Form.Item name="agentKind" label="代理人身份"><Select allowClear options={['律师', '近亲属', '工作人员', '其他'].map((x) => ({ value: x, label: x }))} /></Form.Item></Col>
          </Row>
        </Card>
        <Card title="被申请人与被申请的行政行为" size="small" style={{ marginBottom: 16 }}>
          <Row gutter={16}>
            <Col span={8}><Form.Item name="respondentOrgId" label="被申请人（从机构中选择）"><OrgTreeSelect allowClear showSearch placeholder="选择行政机关" /></Form.Item></Col>
            <Col span={8}><Form.Item name="respondentName" label="或填写被申请人名称"><Input /></Form.Item></Col>
            <Col span={8}><Form.Item name="actType" label="行为类别" rules={[{ required: true }]}><Select options={options(meta.data?.actTypes ?? {})} /></Form.Item></Col>
            <Col span={8}><Form.Item name="actNumber" label="行政行为文号"><Input /></Form.Item></Col>
            <Col span={8}><Form.Item name="actDate" label="作出日期"><DatePicker style={{ width: '100%' }} /></Form.Item></Col>
            <Col span={8}><Form.Item name="actAmount" label="涉及款额（元）"><InputNumber min={0} style={{ width: '100%' }} /></Form.Item></Col>
            <Col span={24}><Form.Item name="request" label="行政复议请求" rules={[{ required: true, min: 2, message: '请填写行政复议请求' }]}><Input.TextArea rows={2} /></Form.Item></Col>
            <Col span={24}><Form.Item name="reasons" label="事实和理由"><Input.TextArea rows={3} /></Form.Item></Col>
          </Row>
        </Card>
        <Card title="繁简分流（行政复议法 第五十三条）" size="small" style={{ marginBottom: 16 }}>
          <Form.Item name="criteria">
            <Checkbox.Group
              options={[
                { value: 'onTheSpot', label: '行政行为是当场作出的' },
                { value: 'warningOrCriticism', label: '行政行为是警告或者通报批评' },
                { value: 'factsClear', label: '事实清楚、权利义务关系明确、争议不大' },
                { value: 'partiesAgree', label: '当事人各方同意适用简易程序' },
              ]}
            />
          </Form.Item>
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Button onClick={() => void triage()}>系统建议程序</Button>
            {proposal && (
              <Alert type={proposal.procedure === 'summary' ? 'success' : 'info'} showIcon title={`建议适用${proposal.procedure === 'summary' ? '简易程序' : '普通程序'}（${proposal.cite}）`} description={proposal.reasons.join('；')} />
            )}
          </Space>
        </Card>
        <Card title="申请材料（最多5个）" size="small" style={{ marginBottom: 16 }}>
          <Upload multiple beforeUpload={() => false} fileList={files} onChange={({ fileList }) => setFiles(fileList.slice(0, 5))}>
            <Button icon={<UploadOutlined />}>选择文件</Button>
          </Upload>
        </Card>
        <Space>
          <Button type="primary" htmlType="submit" loading={save.isPending}>登记</Button>
          <Button onClick={() => navigate(-1)}>取消</Button>
        </Space>
      </Form>
    </PageContainer>
  );
}
