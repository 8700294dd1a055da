import { useEffect } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Form, Input, Result, Steps, Tag, Typography } from 'antd';
import { ApiError } from '../../api/client';
import { publicApi } from './api';

const normalize = (s: string) => s.trim().toUpperCase().replace(/\s+/g, '');

/** /portal/legal-aid/track[/:code]: the applicant's progress by 查询码 — state, steps and the assigned lawyer. */
export default function PortalLegalAidTrack() {
  const { code: raw } = useParams();
  const code = raw ? normalize(raw) : '';
  const navigate = useNavigate();
  const [form] = Form.useForm<{ code: string }>();
  useEffect(() => form.setFieldsValue({ code }), [code, form]);
  const q = useQuery({ queryKey: ['portal', 'legal-aid', 'track', code], queryFn: ({ signal }) => publicApi.track(code, signal), enabled: !!code, retry: false, meta: { silent: true }, staleTime: 0 });
  const notFound = q.error instanceof ApiError && q.error.status === 404;
  const d = q.data;
  return (
    <div>
      <Typography.Title level={3} style={{ margin: '8px 0 12px' }}>法律援助申请进度查询</Typography.Title>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Form form={form} layout="vertical" requiredMark={false} onFinish={(v) => navigate(`/portal/legal-aid/track/${encodeURIComponent(normalize(v.code))}`)}>
          <Form.Item name="code" label="查询码" extra="提交申请后页面显示的查询码，如 ABCD-EFGH-JK23" rules={[{ required: true, whitespace: true, message: '请输入查询码' }]} style={{ marginBottom: 12 }}>
            <Input size="large" autoComplete="off" maxLength={32} style={{ fontFamily: 'ui-monospace, Menlo, Consolas, monospace' }} />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={q.isFetching}>查询</Button>
        </Form>
      </Card>
      {notFound && <Result status="warning" title="未查到该查询码" subTitle="请核对查询码后重新输入" data-testid="track-not-found" />}
      {q.error && !notFound && <Alert type="error" showIcon title={q.error instanceof ApiError ? q.error.message : '查询失败，请稍后再试'} />}
      {d && (
        <Card size="small" data-testid="track-result">
          <Descriptions column={1} size="small">
            <Descriptions.Item label="受理编号">{d.caseNumber}</Descriptions.Item>
            <Descriptions.Item label="申请日期">{d.receivedDate}</Descriptions.Item>
            <Descriptions.Item label="案件类别">{d.caseTypeLabel}</Descriptions.Item>
            <Descriptions.Item label="办理状态"><Tag color="blue" data-testid="track-state">{d.stateLabel}</Tag></Descriptions.Item>
            {d.assignee && <Descriptions.Item label="承办律师"><span data-testid="track-assignee">{d.assignee.name}（{d.assignee.firm}）</span></Descriptions.Item>}
            {d.decisionReason && <Descriptions.Item label="不予援助理由">{d.decisionReason}（如有异议，可向县司法局提出，法律援助法 第四十九条）</Descriptions.Item>}
          </Descriptions>
          <Steps direction="vertical" size="small" current={d.steps.length - 1} items={d.steps.map((s) => ({ title: s.label, description: s.date }))} style={{ marginTop: 12 }} />
        </Card>
      )}
    </div>
  );
}
