import { useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Form, Input, Result, Select, Typography } from 'antd';
import { ApiError, api } from '../../api/client';

interface Submitted {
  trackingCode: string;
  caseNumber: string;
  registeredDate: string;
  committeeName: string;
  message: string;
}
interface Track {
  caseNumber: string;
  registeredDate: string;
  committeeName: string;
  disputeTypeLabel: string;
  stateLabel: string;
  outcomeLabel: string | null;
  closedDate: string | null;
}

/** 网上申请人民调解 (public, no login) and progress by 查询码. */
export default function PortalApply() {
  const [form] = Form.useForm();
  const [done, setDone] = useState<Submitted | null>(null);
  const [code, setCode] = useState('');
  const opts = useQuery({ queryKey: ['public', 'mediation', 'options'], queryFn: () => api.get<{ disputeTypes: { value: string; label: string }[]; townships: { code: string; name: string }[] }>('/api/public/mediation/options') });
  const submit = useMutation({
    mutationFn: (v: Record<string, unknown>) => api.post<Submitted>('/api/public/mediation/applications', v),
    meta: { silent: true },
    onSuccess: setDone,
    onError: (err) => {
      const fields = err instanceof ApiError ? (err.details as { fields?: { path: string; message: string }[] } | undefined)?.fields : undefined;
      if (fields?.length) form.setFields(fields.map((f) => ({ name: f.path, errors: [f.message] })));
    },
  });
  const track = useMutation({ mutationFn: (c: string) => api.get<Track>(`/api/public/mediation/track/${encodeURIComponent(c.trim())}`), meta: { silent: true } });
  return (
    <div style={{ maxWidth: 760, margin: '0 auto' }}>
      <Typography.Title level={3}>网上申请人民调解</Typography.Title>
      <Typography.Paragraph type="secondary">人民调解不收费。调解委员会收到申请后将与您联系；调解应当遵循当事人自愿、平等的原则（人民调解法 第三条）。</Typography.Paragraph>
      {done ? (
        <Card>
          <Result
            status="success"
            title="调解申请已提交"
            subTitle={`编号 ${done.caseNumber}，由${done.committeeName}受理。`}
            extra={
              <Alert
                type="info"
                message={
                  <span>
                    查询码：<Typography.Text strong copyable data-testid="tracking-code">{done.trackingCode}</Typography.Text>（请妥善保存，凭查询码查询办理进度）
                  </span>
                }
              />
            }
          />
        </Card>
      ) : (
        <Card>
          <Form form={form} layout="vertical" onFinish={(v) => submit.mutate(Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined && x !== '')))}>
            <Form.Item name="townshipCode" label="纠纷发生地（乡镇、街道）" rules={[{ required: true, message: '请选择纠纷发生地' }]}>
              <Select options={opts.data?.townships.map((t) => ({ value: t.code, label: t.name }))} />
            </Form.Item>
            <Form.Item name="disputeType" label="纠纷类型" rules={[{ required: true, message: '请选择纠纷类型' }]}>
              <Select options={opts.data?.disputeTypes} />
            </Form.Item>
            <Form.Item name="applicantName" label="您的姓名" rules={[{ required: true, message: '请填写姓名' }]}>
              <Input maxLength={50} />
            </Form.Item>
            <Form.Item name="applicantPhone" label="手机号码" rules={[{ required: true, pattern: /^1\d{10}$/, message: '请填写11位手机号码' }]}>
              <Input maxLength={11} />
            </Form.Item>
            <Form.Item name="applicantAddress" label="住址">
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item name="respondentName" label="对方当事人" rules={[{ required: true, message: '请填写对方当事人' }]}>
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item name="summary" label="纠纷简要情况和您的请求" rules={[{ required: true, message: '请填写纠纷简要情况' }]}>
              <Input.TextArea rows={5} maxLength={4000} showCount />
            </Form.Item>
            {submit.error && !(submit.error instanceof ApiError && (submit.error.details as { fields?: unknown[] } | undefined)?.fields) && <Alert type="error" style={{ marginBottom: 12 }} message={(submit.error as Error).message} />}
            <Button type="primary" htmlType="submit" loading={submit.isPending}>
              提交申请
            </Button>
          </Form>
        </Card>
      )}
      <Card title="查询办理进度" style={{ marginTop: 16 }}>
        <Input.Search placeholder="请输入查询码" enterButton="查询" value={code} onChange={(e) => setCode(e.target.value)} onSearch={(c) => c.trim() && track.mutate(c)} loading={track.isPending} />
        {track.error && <Alert type="error" style={{ marginTop: 12 }} message={(track.error as Error).message} />}
        {track.data && (
          <Descriptions column={1} size="small" style={{ marginTop: 12 }}>
            <Descriptions.Item label="编号">{track.data.caseNumber}</Descriptions.Item>
            <Descriptions.Item label="受理组织">{track.data.committeeName}</Descriptions.Item>
            <Descriptions.Item label="纠纷类型">{track.data.disputeTypeLabel}</Descriptions.Item>
            <Descriptions.Item label="办理状态">{track.data.stateLabel}</Descriptions.Item>
            {track.data.outcomeLabel && <Descriptions.Item label="结果">{`${track.data.outcomeLabel} ${track.data.closedDate ?? ''}`}</Descriptions.Item>}
          </Descriptions>
        )}
      </Card>
    </div>
  );
}
