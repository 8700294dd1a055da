import { useNavigate } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Card, DatePicker, Form, Input, InputNumber, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../api/client';
import { PageContainer } from '../../platform/components/page-container';
import { feedback, reportError } from '../../platform/feedback';
import { showFieldErrors } from '../../platform/form-errors';
import { useOptions, type CaseDetail } from './api';

/** 登记纠纷 (主动排查, 当事人申请, 公安/信访 移交): to the caller's committee, or one they may manage. */
export default function CaseRegister() {
  const navigate = useNavigate();
  const qc = useQueryClient();
  const options = useOptions();
  const [form] = Form.useForm();
  const township = Form.useWatch('townshipCode', form);
  const o = options.data;
  const save = useMutation({
    mutationFn: (v: Record<string, unknown>) => api.post<CaseDetail>('/api/mediation/cases', v),
    meta: { silent: true },
    onSuccess: (d) => {
      feedback.message?.success(`已登记，编号 ${d.case.caseNumber}`);
      qc.invalidateQueries({ queryKey: ['mediation'] });
      navigate(`/mediation/cases/${d.case.id}`);
    },
    onError: (err) => {
      if (showFieldErrors(form, err)) feedback.message?.error('填写有误，请按表单中标红的提示修改');
      else reportError(err);
    },
  });
  const submit = (v: Record<string, unknown>) => {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) if (x !== undefined && x !== null && x !== '') out[k] = dayjs.isDayjs(x) ? (x as Dayjs).format('YYYY-MM-DD') : x;
    save.mutate(out);
  };
  return (
    <PageContainer title="登记矛盾纠纷">
      <Card>
        <Form form={form} layout="vertical" onFinish={submit} initialValues={{ source: 'application', registeredDate: dayjs() }} style={{ maxWidth: 760 }}>
          <Form.Item name="source" label="纠纷来源" rules={[{ required: true, message: '请选择纠纷来源' }]}>
            <Select options={o?.registerSources} />
          </Form.Item>
          <Form.Item name="disputeType" label="纠纷类型" rules={[{ required: true, message: '请选择纠纷类型' }]}>
            <Select options={o?.disputeTypes} showSearch optionFilterProp="label" />
          </Form.Item>
          <Form.Item name="registeredDate" label="登记日期" rules={[{ required: true, message: '请选择登记日期' }]}>
            <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
          </Form.Item>
          <Form.Item name="committeeOrgId" label="受理的调解委员会" extra="不选时：调委会人员登记到本委员会，司法所登记到本乡镇（街道）调委会">
            <Select allowClear showSearch optionFilterProp="label" options={o?.committees.filter((c) => c.manageable).map((c) => ({ value: c.orgId, label: c.name }))} />
          </Form.Item>
          <Form.Item name="townshipCode" label="纠纷发生地（乡镇、街道）">
            <Select allowClear options={o?.townships.map((t) => ({ value: t.code, label: t.name.replace(/司法所$/, '') }))} />
          </Form.Item>
          <Form.Item name="villageOrgId" label="村（社区）">
            <Select allowClear options={o?.villages.filter((v) => !township || v.townshipCode === township).map((v) => ({ value: v.id, label: v.name }))} />
          </Form.Item>
          <Form.Item name="applicantName" label="申请人（当事人）" rules={[{ required: true, message: '请填写申请人' }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="applicantIdNumber" label="身份证号" extra="加密存储，列表中只显示掩码">
            <Input maxLength={18} />
          </Form.Item>
          <Form.Item name="applicantPhone" label="联系电话">
            <Input maxLength={20} />
          </Form.Item>
          <Form.Item name="applicantAddress" label="住址">
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="respondentName" label="对方当事人" rules={[{ required: true, message: '请填写对方当事人' }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="partyCount" label="当事人人数">
            <InputNumber min={2} />
          </Form.Item>
          <Form.Item name="amount" label="涉及金额（元）">
            <InputNumber min={0} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="summary" label="纠纷简要情况" rules={[{ required: true, message: '请填写纠纷简要情况' }]}>
            <Input.TextArea rows={4} maxLength={4000} />
          </Form.Item>
          <Form.Item name="note" label="备注">
            <Input.TextArea rows={2} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            登记
          </Button>
        </Form>
      </Card>
    </PageContainer>
  );
}
