import { useEffect } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Form, Input, Result, Spin, Steps, Tag, Typography } from 'antd';
import { ApiError } from '../api/client';
import { trackApplication } from './api';

/** 查询码 as issued: 12 characters in groups of four (XXXX-XXXX-XXXX), letters without look-alikes. */
const normalize = (s: string) => s.trim().toUpperCase().replace(/\s+/g, '');

/** /portal/admin-review/track[/:code]: progress of an online application by its 查询码 — no personal data. */
export default function PortalTrack() {
  const { code: rawCode } = useParams();
  const code = rawCode ? normalize(rawCode) : '';
  const navigate = useNavigate();
  const [form] = Form.useForm<{ code: string }>();

  useEffect(() => {
    form.setFieldsValue({ code });
  }, [code, form]);

  const track = useQuery({
    queryKey: ['portal', 'track', code],
    queryFn: ({ signal }) => trackApplication(code, signal),
    enabled: code.length > 0,
    meta: { silent: true },
    retry: false,
    staleTime: 0,
  });

  const err = track.error;
  const notFound = err instanceof ApiError && err.status === 404;
  const data = track.data;
  const concluded = !!data?.concludedDate;

  return (
    <div>
      <Typography.Title level={3} style={{ margin: '8px 0 12px' }}>
        查询办理进度
      </Typography.Title>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Form form={form} layout="vertical" onFinish={(v) => navigate(`/portal/admin-review/track/${encodeURIComponent(normalize(v.code))}`)} requiredMark={false}>
          <Form.Item
            name="code"
            label="查询码"
            extra="提交行政复议申请后页面显示的查询码，如 ABCD-EFGH-JK23"
            rules={[
              { required: true, whitespace: true, message: '请输入查询码' },
              { validator: (_, v?: string) => (!v || /^[A-Z0-9-]{4,32}$/.test(normalize(v)) ? Promise.resolve() : Promise.reject(new Error('查询码由字母、数字和短横线组成'))) },
            ]}
            style={{ marginBottom: 12 }}
          >
            <Input size="large" autoComplete="off" autoCapitalize="characters" spellCheck={false} maxLength={32} style={{ fontFamily: 'ui-monospace, Menlo, Consolas, monospace', letterSpacing: 1 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={track.isFetching}>
            查询
          </Button>
        </Form>
      </Card>

      {code && track.isPending && (
        <div style={{ textAlign: 'center', padding: 24 }}>
          <Spin />
        </div>
      )}
      {notFound && (
        <Card data-testid="track-not-found">
          <Result status="warning" title="未查到该查询码" subTitle="请核对查询码后重新输入（注意区分数字0和字母O：查询码不含0、O、1、I）。如仍查不到，请联系行政复议机构。" style={{ padding: '16px 0' }} />
        </Card>
      )}
      {err && !notFound && <Alert type="error" showIcon title={err.message} data-testid="track-error" />}
      {data && (
        <Card data-testid="track-result" title={<span>办理进度 <Tag color={concluded ? 'default' : 'processing'} style={{ marginInlineStart: 8 }}>{data.stateLabel}</Tag></span>}>
          <Descriptions size="small" column={1} style={{ marginBottom: 16 }}>
            <Descriptions.Item label="收件编号">{data.caseNumber}</Descriptions.Item>
            <Descriptions.Item label="收到日期">{data.receivedDate}</Descriptions.Item>
            {data.procedureLabel && <Descriptions.Item label="审理程序">{data.procedureLabel}</Descriptions.Item>}
            {data.outcomeLabel && <Descriptions.Item label="办理结果">{data.outcomeLabel}</Descriptions.Item>}
            {data.decisionNumber && <Descriptions.Item label="决定书文号">{data.decisionNumber}</Descriptions.Item>}
            {data.concludedDate && <Descriptions.Item label="办结日期">{data.concludedDate}</Descriptions.Item>}
          </Descriptions>
          <Steps
            orientation="vertical"
            size="small"
            current={concluded ? data.steps.length - 1 : data.steps.length}
            status={concluded ? 'finish' : 'process'}
            items={[...data.steps.map((s) => ({ title: s.label, content: s.date })), ...(concluded ? [] : [{ title: `当前：${data.stateLabel}`, content: '办理中' }])]}
          />
          {!concluded && (
            <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0 0' }}>
              行政复议机构收到申请后5个工作日内审查决定是否受理（行政复议法 第三十条）；需要补正材料的，将另行通知您。
            </Typography.Paragraph>
          )}
        </Card>
      )}
      <div style={{ textAlign: 'center', marginTop: 16 }}>
        <Link to="/portal/admin-review/apply">还没有申请？在线申请行政复议</Link>
      </div>
    </div>
  );
}
