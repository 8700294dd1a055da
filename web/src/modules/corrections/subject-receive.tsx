import { useNavigate } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Col, DatePicker, Form, Input, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../api/client';
import { PageContainer } from '../../platform/components/page-container';
import { OrgTreeSelect } from '../../platform/components/org-tree';
import { showFieldErrors } from '../../platform/form-errors';
import { useSession } from '../../platform/auth/session';
import { options, PERM, useMeta } from './api';

interface ReceiveForm {
  name: string;
  gender?: string;
  idNumber: string;
  phone?: string;
  address: string;
  sentenceType: string;
  crime: string;
  sentence?: string;
  decisionOrg: string;
  judgmentNumber?: string;
  judgmentEffectiveDate: Dayjs;
  term: [Dayjs, Dayjs];
  receivedDate: Dayjs;
  office?: string;
}

const ymd = (d?: Dayjs) => d?.format('YYYY-MM-DD');

/** 接收: the 法律文书 of a new 社区矫正对象; the 报到 clock (10 days, 社区矫正法 第二十一条) starts from the judgment. */
export default function SubjectReceive() {
  const meta = useMeta();
  const { can } = useSession();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [form] = Form.useForm<ReceiveForm>();
  const submit = useMutation({
    mutationFn: (v: ReceiveForm) =>
      api.post<{ id: string }>('/api/corrections/subjects', {
        name: v.name.trim(), gender: v.gender, idNumber: v.idNumber.trim(), phone: v.phone?.trim() || undefined, address: v.address.trim(), sentenceType: v.sentenceType, crime: v.crime.trim(),
        sentence: v.sentence?.trim() || undefined, decisionOrg: v.decisionOrg.trim(), judgmentNumber: v.judgmentNumber?.trim() || undefined, judgmentEffectiveDate: ymd(v.judgmentEffectiveDate),
        termStart: ymd(v.term?.[0]), termEnd: ymd(v.term?.[1]), receivedDate: ymd(v.receivedDate), office: v.office || undefined,
      }),
    onError: (err) => showFieldErrors(form, err),
    onSuccess: (r) => {
      qc.invalidateQueries({ queryKey: ['corrections'] });
      navigate(`/corrections/subjects/${r.id}`);
    },
  });
  const req = (message: string) => [{ required: true, whitespace: true, message }];
  return (
    <PageContainer title="接收社区矫正对象">
      <Card style={{ maxWidth: 960 }}>
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title="管制、缓刑、假释对象应自判决、裁定生效之日起10日内报到；暂予监外执行的自决定之日起10日内移送（社区矫正法 第二十一条）。身份证号码、电话、住址加密保存，列表只显示脱敏信息。" />
        <Form<ReceiveForm> form={form} layout="vertical" initialValues={{ receivedDate: dayjs(), sentenceType: 'probation' }} onFinish={(v) => submit.mutate(v)}>
          <Row gutter={16}>
            <Col span={8}><Form.Item name="name" label="姓名" rules={req('请填写姓名')}><Input maxLength={50} /></Form.Item></Col>
            <Col span={4}><Form.Item name="gender" label="性别"><Select options={[{ value: '男', label: '男' }, { value: '女', label: '女' }]} /></Form.Item></Col>
            <Col span={12}><Form.Item name="idNumber" label="身份证号码" rules={req('请填写身份证号码')}><Input maxLength={18} /></Form.Item></Col>
            <Col span={8}><Form.Item name="phone" label="联系电话"><Input maxLength={11} /></Form.Item></Col>
            <Col span={16}><Form.Item name="address" label="居住地址" rules={req('请填写居住地址')}><Input maxLength={200} /></Form.Item></Col>
            <Col span={8}><Form.Item name="sentenceType" label="矫正类别" rules={[{ required: true, message: '请选择矫正类别' }]}><Select options={options(meta.data?.sentenceTypes)} /></Form.Item></Col>
            <Col span={8}><Form.Item name="crime" label="罪名" rules={req('请填写罪名')}><Input maxLength={100} /></Form.Item></Col>
            <Col span={8}><Form.Item name="sentence" label="刑期"><Input maxLength={200} placeholder="如：有期徒刑一年，缓刑二年" /></Form.Item></Col>
            <Col span={8}><Form.Item name="decisionOrg" label="决定机关" rules={req('请填写决定机关')}><Input maxLength={100} placeholder="如：武义县人民法院" /></Form.Item></Col>
            <Col span={8}><Form.Item name="judgmentNumber" label="法律文书号"><Input maxLength={100} /></Form.Item></Col>
            <Col span={8}><Form.Item name="judgmentEffectiveDate" label="判决（裁定、决定）生效日期" rules={[{ required: true, message: '请选择生效日期' }]}><DatePicker style={{ width: '100%' }} /></Form.Item></Col>
            <Col span={12}><Form.Item name="term" label="矫正期限" rules={[{ required: true, message: '请选择矫正期限' }]}><DatePicker.RangePicker style={{ width: '100%' }} /></Form.Item></Col>
            <Col span={6}><Form.Item name="receivedDate" label="接收日期" rules={[{ required: true, message: '请选择接收日期' }]}><DatePicker style={{ width: '100%' }} /></Form.Item></Col>
            {can(PERM.decide) && <Col span={6}><Form.Item name="office" label="执行司法所" extra="不选则为本单位"><OrgTreeSelect allowClear /></Form.Item></Col>}
          </Row>
          <Button type="primary" htmlType="submit" loading={submit.isPending}>接收</Button>
        </Form>
      </Card>
    </PageContainer>
  );
}
