import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Form, Input, Radio, Result, Select, Tag, Typography } from 'antd';
import { ApiError } from '../../api/client';
import { showFieldErrors } from '../../platform/form-errors';
import { options, publicApi } from './api';

/** /portal/consult: 网上法律咨询 (留言), answered by 12348 staff; the asker reads the answer with a 查询码. */
export function PortalConsultAsk() {
  const [form] = Form.useForm();
  const meta = useQuery({ queryKey: ['portal', 'legal-aid', 'meta'], queryFn: publicApi.meta, staleTime: Infinity });
  const [done, setDone] = useState<{ queryCode: string; serialNumber: string; message: string } | null>(null);
  const ask = useMutation({ mutationFn: publicApi.ask, meta: { silent: true }, onSuccess: setDone, onError: (e) => showFieldErrors(form, e) });
  if (done) {
    return (
      <Result status="success" title="咨询已提交" subTitle={done.message}
        extra={[<Card key="c" size="small" style={{ maxWidth: 320, margin: '0 auto 16px' }}><div>查询码</div><Typography.Title level={3} copyable style={{ margin: 8 }} data-testid="consult-code">{done.queryCode}</Typography.Title></Card>,
          <Link key="l" to={`/portal/consult/${done.queryCode}`}><Button type="primary">查看解答</Button></Link>]} />
    );
  }
  return (
    <div>
      <Typography.Title level={3} style={{ margin: '8px 0 4px' }}>网上法律咨询</Typography.Title>
      <Typography.Paragraph type="secondary">也可拨打12348公共法律服务热线。网上留言由工作人员在工作日内解答，凭查询码查看。</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => ask.mutate(v)}>
        <Form.Item name="topic" label="咨询类别" rules={[{ required: true, message: '请选择咨询类别' }]}><Select options={meta.data ? options(meta.data.topics) : []} placeholder="请选择" /></Form.Item>
        <Form.Item name="question" label="问题描述" rules={[{ required: true, whitespace: true, message: '请描述您的问题' }, { min: 10, message: '请详细描述您的问题（至少10个字）' }]}><Input.TextArea autoSize={{ minRows: 4, maxRows: 10 }} maxLength={5000} showCount /></Form.Item>
        <Form.Item name="askerName" label="称呼（选填）"><Input maxLength={50} /></Form.Item>
        <Form.Item name="askerPhone" label="联系电话（选填）" rules={[{ pattern: /^1\d{10}$|^0\d{2,3}-?\d{7,8}$/, message: '请填写11位手机号或带区号的固定电话' }]}><Input inputMode="tel" maxLength={15} /></Form.Item>
        {ask.error && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={ask.error instanceof ApiError ? ask.error.message : '提交未成功'} />}
        <Button type="primary" htmlType="submit" size="large" block loading={ask.isPending}>提交咨询</Button>
      </Form>
    </div>
  );
}

export function PortalConsultAnswer() {
  const { code: raw = '' } = useParams();
  const code = raw.trim().toUpperCase();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ code: string }>();
  useEffect(() => form.setFieldsValue({ code }), [code, form]);
  const meta = useQuery({ queryKey: ['portal', 'legal-aid', 'meta'], queryFn: publicApi.meta, staleTime: Infinity });
  const q = useQuery({ queryKey: ['portal', 'consult', code], queryFn: ({ signal }) => publicApi.answer(code, signal), enabled: !!code, retry: false, meta: { silent: true } });
  const rate = useMutation({ mutationFn: (s: string) => publicApi.rate(code, s), onSuccess: (d) => qc.setQueryData(['portal', 'consult', code], d) });
  const d = q.data;
  return (
    <div>
      <Typography.Title level={3} style={{ margin: '8px 0 12px' }}>查看咨询解答</Typography.Title>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Form form={form} layout="inline" onFinish={(v) => navigate(`/portal/consult/${encodeURIComponent(v.code.trim().toUpperCase())}`)}>
          <Form.Item name="code" rules={[{ required: true, message: '请输入查询码' }]}><Input placeholder="查询码" maxLength={32} /></Form.Item>
          <Button type="primary" htmlType="submit">查询</Button>
        </Form>
      </Card>
      {q.error instanceof ApiError && q.error.status === 404 && <Result status="warning" title="未查到该查询码" />}
      {d && (
        <Card size="small">
          <Descriptions column={1} size="small">
            <Descriptions.Item label="编号">{d.serialNumber}</Descriptions.Item>
            <Descriptions.Item label="类别">{d.topicLabel}</Descriptions.Item>
            <Descriptions.Item label="问题">{d.question}</Descriptions.Item>
            <Descriptions.Item label="状态"><Tag color={d.state === 'answered' ? 'green' : 'orange'}>{d.stateLabel}</Tag></Descriptions.Item>
            {d.answer && <Descriptions.Item label={`解答（${d.answeredDate}）`}><span data-testid="consult-answer">{d.answer}</span></Descriptions.Item>}
            {d.referralLabel && <Descriptions.Item label="建议">已为您转介{d.referralLabel}，工作人员将与您联系</Descriptions.Item>}
          </Descriptions>
          {d.state === 'answered' && !d.satisfaction && meta.data && (
            <div style={{ marginTop: 12 }}>对解答是否满意：<Radio.Group optionType="button" options={options(meta.data.satisfactionLevels)} onChange={(e) => rate.mutate(e.target.value)} /></div>
          )}
          {d.satisfaction && meta.data && <div style={{ marginTop: 12 }}>您的评价：{meta.data.satisfactionLevels[d.satisfaction]}，感谢反馈。</div>}
        </Card>
      )}
    </div>
  );
}
