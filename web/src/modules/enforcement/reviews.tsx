import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../api/client';
import { PageContainer } from '../../platform/components/page-container';
import { useSession } from '../../platform/auth/session';
import { reportError } from '../../platform/feedback';
import { showFieldErrors } from '../../platform/form-errors';
import { PERM, useList, useMeta, type Campaign } from './api';
import { AgencySelect, fmt } from './components';

interface Results {
  campaign: Campaign;
  files: { id: string; orgName: string; caseNumber: string; reviewedDate: string; total: number; passed: boolean; findings: string | null; scores: Record<string, number> }[];
  agencies: { orgId: string; orgName: string; count: number; passed: number; average: number; passRate: number }[];
}

function ScoreModal({ campaign, onClose }: { campaign: Campaign; onClose: () => void }) {
  const [form] = Form.useForm();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const score = useMutation({
    mutationFn: (v: Record<string, unknown> & { reviewedDate: Dayjs }) =>
      api.post<{ total: number; passed: boolean }>(`/api/enforcement/campaigns/${campaign.id}/reviews`, {
        agencyOrgId: v.agencyOrgId, caseNumber: v.caseNumber, reviewedDate: fmt(v.reviewedDate), findings: v.findings || null,
        scores: Object.fromEntries(campaign.checklist.map((i) => [i.key, v[`s_${i.key}`] as number])),
      }),
    onSuccess: (r) => { qc.invalidateQueries({ queryKey: ['enforcement'] }); message.success(`${r.total}分，${r.passed ? '合格' : '不合格，已生成整改事项'}`); onClose(); },
    onError: (err) => { if (!showFieldErrors(form, err)) reportError(err); },
  });
  return (
    <Modal open title="案卷评分" okText="提交" onCancel={onClose} onOk={() => form.submit()} confirmLoading={score.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ reviewedDate: dayjs(), ...Object.fromEntries(campaign.checklist.map((i) => [`s_${i.key}`, i.points])) }} onFinish={(v) => score.mutate(v)}>
        <Form.Item name="agencyOrgId" label="被评查机关" rules={[{ required: true, message: '请选择' }]}><AgencySelect /></Form.Item>
        <Form.Item name="caseNumber" label="案卷编号" rules={[{ required: true, message: '请填写案卷编号' }]}><Input /></Form.Item>
        <Space wrap>
          {campaign.checklist.map((i) => (
            <Form.Item key={i.key} name={`s_${i.key}`} label={`${i.label}（${i.points}分）`} rules={[{ required: true, message: '请评分' }]}>
              <InputNumber min={0} max={i.points} />
            </Form.Item>
          ))}
        </Space>
        <Form.Item name="findings" label="发现的问题（有问题的生成整改事项）"><Input.TextArea /></Form.Item>
        <Form.Item name="reviewedDate" label="评查日期"><DatePicker /></Form.Item>
      </Form>
    </Modal>
  );
}

/** 案卷评查: campaigns on the configurable checklist, results per agency, failed files become 整改 items. */
export default function ReviewsPage() {
  const { can } = useSession();
  const meta = useMeta();
  const qc = useQueryClient();
  const campaigns = useList<Campaign>('campaigns', { kind: 'caseReview', pageSize: 50 });
  const [selected, setSelected] = useState<string | undefined>();
  const current = selected ?? campaigns.data?.items[0]?.id;
  const results = useQuery({ queryKey: ['enforcement', 'results', current], queryFn: () => api.get<Results>(`/api/enforcement/campaigns/${current}/results`), enabled: !!current });
  const [scoring, setScoring] = useState(false);
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm();
  const create = useMutation({
    mutationFn: (v: { name: string; startDate: Dayjs; focus?: string }) => api.post<Campaign>('/api/enforcement/campaigns', { kind: 'caseReview', name: v.name, startDate: fmt(v.startDate), focus: v.focus }),
    onSuccess: (c) => { qc.invalidateQueries({ queryKey: ['enforcement'] }); setSelected(c.id); setCreating(false); },
    onError: reportError,
  });
  const campaign = results.data?.campaign;
  return (
    <PageContainer title="案卷评查" extra={can(PERM.supervise) && <><Button onClick={() => setCreating(true)}>新建评查活动</Button>{campaign && <Button type="primary" onClick={() => setScoring(true)}>案卷评分</Button>}</>}>
      <Card>
        <Space style={{ marginBottom: 12 }} wrap>
          <Select style={{ width: 320 }} value={current} onChange={setSelected} options={(campaigns.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))} placeholder="评查活动" />
          {campaign && <Typography.Text type="secondary">评查表：{campaign.checklist.map((i) => `${i.label}${i.points}分`).join('、')}；{campaign.passScore}分及以上为合格</Typography.Text>}
        </Space>
        <Typography.Title level={5}>按机关汇总</Typography.Title>
        <Table rowKey="orgId" size="small" pagination={false} dataSource={results.data?.agencies}
          columns={[{ title: '机关', dataIndex: 'orgName' }, { title: '评查案卷', dataIndex: 'count', width: 100 }, { title: '合格', dataIndex: 'passed', width: 80 }, { title: '平均分', dataIndex: 'average', width: 90 }, { title: '合格率', dataIndex: 'passRate', width: 90, render: (v: number) => `${v.toFixed(1)}%` }]} />
        <Typography.Title level={5} style={{ marginTop: 16 }}>案卷</Typography.Title>
        <Table rowKey="id" size="small" dataSource={results.data?.files} pagination={{ pageSize: 20 }}
          columns={[
            { title: '机关', dataIndex: 'orgName', ellipsis: true },
            { title: '案卷编号', dataIndex: 'caseNumber', width: 200 },
            ...(campaign?.checklist ?? meta.data?.rules.checklist ?? []).map((i) => ({ title: i.label, key: i.key, width: 80, render: (_: unknown, f: Results['files'][number]) => f.scores[i.key] })),
            { title: '总分', dataIndex: 'total', width: 70 },
            { title: '结论', dataIndex: 'passed', width: 80, render: (v: boolean) => (v ? <Tag color="green">合格</Tag> : <Tag color="red">不合格</Tag>) },
            { title: '问题', dataIndex: 'findings', ellipsis: true },
          ]} />
      </Card>
      {scoring && campaign && <ScoreModal campaign={campaign} onClose={() => setScoring(false)} />}
      <Modal open={creating} title="新建案卷评查活动" okText="创建" onCancel={() => setCreating(false)} onOk={() => form.submit()} confirmLoading={create.isPending} destroyOnHidden>
        <Form form={form} layout="vertical" preserve={false} initialValues={{ startDate: dayjs() }} onFinish={(v) => create.mutate(v)}>
          <Form.Item name="name" label="名称" rules={[{ required: true, message: '请填写名称' }]}><Input /></Form.Item>
          <Form.Item name="startDate" label="开始日期"><DatePicker /></Form.Item>
          <Form.Item name="focus" label="评查范围"><Input.TextArea /></Form.Item>
        </Form>
      </Modal>
    </PageContainer>
  );
}
