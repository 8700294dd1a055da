import { useState } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, Form, Input, InputNumber, Radio, Result, Select, Typography } from 'antd';
import { ApiError } from '../../api/client';
import { showFieldErrors } from '../../platform/form-errors';
import { options, publicApi } from './api';

const ID = /^\d{17}[\dXx]$/;
const PHONE = /^1\d{10}$|^0\d{2,3}-?\d{7,8}$/;

/** /portal/legal-aid/apply: 网上申请法律援助 — answered with a 查询码 (法律援助法 第四十三条：7日内审查决定). */
export default function PortalLegalAidApply() {
  const [form] = Form.useForm();
  const meta = useQuery({ queryKey: ['portal', 'legal-aid', 'meta'], queryFn: publicApi.meta, staleTime: Infinity });
  const ground = Form.useWatch('meansGround', form);
  const [done, setDone] = useState<{ trackingCode: string; caseNumber: string; message: string } | null>(null);
  const submit = useMutation({
    mutationFn: (v: Record<string, unknown>) => publicApi.apply({ ...v, pledge: undefined }),
    meta: { silent: true },
    onSuccess: setDone,
    onError: (e) => showFieldErrors(form, e),
  });
  if (done) {
    return (
      <Result
        status="success"
        title="法律援助申请已提交"
        subTitle={<div><div>受理编号：{done.caseNumber}</div><div>{done.message}</div></div>}
        extra={[
          <Card key="code" size="small" style={{ maxWidth: 360, margin: '0 auto 16px' }}>
            <div>查询码（请截图或抄写保存）</div>
            <Typography.Title level={3} copyable style={{ margin: 8, fontFamily: 'ui-monospace, Menlo, Consolas, monospace' }} data-testid="tracking-code">{done.trackingCode}</Typography.Title>
          </Card>,
          <Link key="track" to={`/portal/legal-aid/track/${done.trackingCode}`}><Button type="primary">查询办理进度</Button></Link>,
        ]}
      />
    );
  }
  const m = meta.data;
  return (
    <div>
      <Typography.Title level={3} style={{ margin: '8px 0 4px' }}>网上申请法律援助</Typography.Title>
      <Typography.Paragraph type="secondary">经济困难的公民可以申请法律援助。法律援助中心自收到申请之日起7日内作出是否给予法律援助的决定，决定给予的3日内指派律师（《中华人民共和国法律援助法》第四十三条）。</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => submit.mutate(v)} initialValues={{ caseType: 'civil', meansGround: 'income' }} scrollToFirstError>
        <Card size="small" title="申请人" style={{ marginBottom: 12 }}>
          <Form.Item name="applicantName" label="姓名" rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}><Input maxLength={50} autoComplete="name" /></Form.Item>
          <Form.Item name="applicantIdNumber" label="身份证号" rules={[{ required: true, message: '请填写身份证号' }, { pattern: ID, message: '身份证号应为18位（最后一位可为X）' }]}><Input maxLength={18} autoComplete="off" /></Form.Item>
          <Form.Item name="applicantPhone" label="联系电话" rules={[{ required: true, message: '请填写联系电话' }, { pattern: PHONE, message: '请填写11位手机号或带区号的固定电话' }]}><Input inputMode="tel" maxLength={15} /></Form.Item>
          <Form.Item name="applicantAddress" label="住址"><Input maxLength={200} /></Form.Item>
        </Card>
        <Card size="small" title="申请事项" style={{ marginBottom: 12 }}>
          <Form.Item name="caseType" label="案件类别" rules={[{ required: true, message: '请选择案件类别' }]}><Radio.Group options={m ? options(m.caseTypes) : []} optionType="button" /></Form.Item>
          <Form.Item name="matter" label="案情及申请事项" extra="如：某公司拖欠本人工资3万元，请求法律援助代理劳动仲裁" rules={[{ required: true, whitespace: true, message: '请填写案情及申请事项' }, { min: 4, message: '至少4个字' }]}><Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={5000} /></Form.Item>
          <Form.Item name="opponent" label="对方当事人"><Input maxLength={200} /></Form.Item>
        </Card>
        <Card size="small" title="经济状况" style={{ marginBottom: 12 }}>
          <Form.Item name="meansGround" label="申请情形" extra={m && `经济困难标准：家庭人均月收入低于 ${m.eligibility.monthlyIncomePerCapita} 元`}><Select options={m ? options(m.meansGrounds) : []} /></Form.Item>
          {ground === 'income' && (
            <>
              <Form.Item name="householdSize" label="家庭人口（人）" rules={[{ required: true, message: '请填写家庭人口' }]}><InputNumber min={1} max={30} style={{ width: '100%' }} inputMode="numeric" /></Form.Item>
              <Form.Item name="monthlyIncome" label="家庭月收入合计（元）" rules={[{ required: true, message: '请填写家庭月收入' }]}><InputNumber min={0} style={{ width: '100%' }} inputMode="decimal" /></Form.Item>
            </>
          )}
          <Form.Item name="urgent" valuePropName="checked"><Checkbox>距诉讼时效或期限届满不足七日等紧急情况，需先行提供法律援助（第四十四条）</Checkbox></Form.Item>
        </Card>
        <Form.Item name="pledge" valuePropName="checked" rules={[{ validator: (_, v) => (v ? Promise.resolve() : Promise.reject(new Error('请确认所填信息真实'))) }]}>
          <Checkbox>本人承诺如实说明经济困难状况，所填信息真实、准确（法律援助法 第四十一条）</Checkbox>
        </Form.Item>
        {submit.error && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={submit.error instanceof ApiError ? submit.error.message : '提交未成功，请稍后再试'} data-testid="apply-error" />}
        <Button type="primary" htmlType="submit" size="large" block loading={submit.isPending}>提交申请</Button>
      </Form>
    </div>
  );
}
