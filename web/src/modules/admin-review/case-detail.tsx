import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Col, DatePicker, Descriptions, Empty, Form, Input, Modal, Row, Space, Table, Tabs, Tag, Timeline, Typography, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../api/client';
import { PageContainer } from '../../platform/components/page-container';
import { ReasonButton } from '../../platform/components/reason-modal';
import { DeadlineTag } from '../../platform/components/deadline-tag';
import { useSession } from '../../platform/auth/session';
import { feedback, reportError } from '../../platform/feedback';
import { ActionModal, actionFields } from './action-forms';
import { useCase, useMeta, useTransitionLabels, type CaseDetail, type Meta, type WfDeadline, type WfView } from './api';
import { isConflict } from '../../platform/form-errors';

const litigationLevels: Record<string, string> = { first: '一审', second: '二审', retrial: '再审' };
const statusLabels: Record<WfDeadline['status'], string> = { open: '计时中', paused: '已暂停（中止）', met: '已完成', cancelled: '已取消' };
const unitLabel = (u: string) => (u === 'workingDay' ? '个工作日' : '日');

function DeadlineTable({ deadlines }: { deadlines: WfDeadline[] }) {
  return (
    <Table<WfDeadline>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={deadlines}
      columns={[
        { title: '期限', dataIndex: 'label' },
        { title: '期间', render: (_, d) => `${d.days}${unitLabel(d.unit)}${d.extendedDays ? `（延长${d.extendedDays}${unitLabel(d.unit)}）` : ''}` },
        { title: '起算日', dataIndex: 'startDate' },
        { title: '届满日', render: (_, d) => (d.dueDate ? `${d.dueDate}${d.provisional ? '（暂定）' : ''}` : '—') },
        { title: '状态', render: (_, d) => (d.status === 'met' ? `已完成 ${d.metAt ?? ''}` : statusLabels[d.status]) },
        { title: '提示', render: (_, d) => (d.light && d.dueDate ? <DeadlineTag deadline={{ label: d.label, dueDate: d.dueDate, light: d.light, cite: d.cite, provisional: d.provisional, unit: d.unit, days: d.days }} /> : null) },
        { title: '法律依据', dataIndex: 'cite' },
      ]}
    />
  );
}

/** Labels for the data a step records: the action forms' labels, plus what the server adds itself. */
const extraFieldLabels: Record<string, string> = { channel: '登记方式', procedure: '程序', kind: '决定类型', ground: '情形', outcome: '结案方式', decisionNumber: '决定书文号' };
const hiddenFields = new Set(['date', 'documentKind', 'instrumentIds']);

function fieldLabel(transition: string, key: string) {
  return actionFields[transition]?.find((f) => f.name === key)?.label ?? extraFieldLabels[key] ?? null;
}

function fieldValue(key: string, v: unknown, meta?: Meta): string {
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (v == null) return '—';
  const s = String(v);
  if (!meta) return s;
  const lookups: Record<string, Record<string, string | { label: string }>> = {
    channel: meta.channels,
    procedure: meta.procedures,
    kind: meta.decisionKinds,
    ground: { ...meta.suspensionGrounds, ...meta.terminationGrounds },
    outcome: meta.outcomes,
    handling: { self: '本机关依法处理', forward: '转送有权机关处理' },
  };
  const hit = lookups[key]?.[s];
  return hit == null ? s : typeof hit === 'string' ? hit : hit.label;
}

function History({ wf, meta, labels }: { wf: WfView; meta?: Meta; labels?: Record<string, string> }) {
  return (
    <Timeline
      items={wf.history.map((h) => {
        const details = Object.entries(h.data ?? {})
          .filter(([k, v]) => !hiddenFields.has(k) && v !== '' && v != null && typeof v !== 'object')
          .map(([k, v]) => [fieldLabel(h.transition, k), fieldValue(k, v, meta)] as const)
          .filter(([label]) => label)
          .map(([label, v]) => `${label}：${v}`);
        return {
          content: (
            <div>
              <Typography.Text strong>{h.eventDate}</Typography.Text> {h.transition === 'start' ? '收到申请' : (labels?.[h.transition] ?? h.transition)}
              <span style={{ color: '#888' }}>（{h.actorName ?? '网上申请'}）</span>
              {details.length > 0 && <div style={{ color: '#666', fontSize: 12 }}>{details.join('；')}</div>}
              {h.note && <div style={{ color: '#666', fontSize: 12 }}>备注：{h.note}</div>}
            </div>
          ),
        };
      })}
    />
  );
}

/** 意见书 / 履行监督 / 建议书 after the decision (行政复议法 第七十六条、第七十七条). */
function FollowUpForm({ c, onDone }: { c: CaseDetail; onDone: () => void }) {
  const [kind, setKind] = useState<'opinion' | 'performance' | 'suggestion' | null>(null);
  const [form] = Form.useForm();
  const save = useMutation({
    mutationFn: (v: { date: Dayjs; issue: string; recommendation?: string; recipient?: string }) =>
      kind === 'suggestion'
        ? api.post(`/api/admin-review/cases/${c.id}/suggestions`, { date: v.date.format('YYYY-MM-DD'), recipient: v.recipient, issue: v.issue, recommendation: v.recommendation })
        : api.post(`/api/admin-review/cases/${c.id}/follow-ups`, { kind, date: v.date.format('YYYY-MM-DD'), issue: v.issue, recommendation: v.recommendation }),
    onSuccess: () => {
      feedback.message?.success('已办理');
      setKind(null);
      onDone();
    },
  });
  return (
    <>
      <Space>
        <Button onClick={() => setKind('opinion')}>制发意见书</Button>
        <Button onClick={() => setKind('performance')}>履行监督</Button>
        <Button onClick={() => setKind('suggestion')}>制发建议书</Button>
      </Space>
      <Modal open={!!kind} title={kind === 'opinion' ? '行政复议意见书（第七十六条）' : kind === 'suggestion' ? '行政复议建议书' : '履行监督（第七十七条）'} onCancel={() => setKind(null)} onOk={() => form.submit()} confirmLoading={save.isPending} destroyOnHidden>
        <Form form={form} layout="vertical" initialValues={{ date: dayjs() }} onFinish={(v) => save.mutate(v)} preserve={false}>
          <Form.Item name="date" label="日期" rules={[{ required: true }]}><DatePicker style={{ width: '100%' }} /></Form.Item>
          {kind === 'suggestion' && <Form.Item name="recipient" label="受文机关" rules={[{ required: true, message: '请填写受文机关' }]}><Input /></Form.Item>}
          <Form.Item name="issue" label={kind === 'performance' ? '需要履行的内容' : '发现的问题'} rules={[{ required: true, message: '请填写' }]}><Input.TextArea rows={3} /></Form.Item>
          {kind !== 'performance' && <Form.Item name="recommendation" label={kind === 'suggestion' ? '建议' : '意见'} rules={[{ required: true, message: '请填写' }]}><Input.TextArea rows={3} /></Form.Item>}
        </Form>
      </Modal>
    </>
  );
}

/** The case page: facts, parties, deadlines with 黄灯/红灯 and citations, every available action, 文书, materials, 履行监督. */
export default function CaseDetailPage() {
  const { id = '' } = useParams();
  const { can } = useSession();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const voidCase = useMutation({
    mutationFn: (reason: string) => api.post(`/api/admin-review/cases/${id}/void`, { reason }),
    onSuccess: () => {
      feedback.message?.success('已作废');
      qc.invalidateQueries({ queryKey: ['admin-review'] });
      navigate('/admin-review/cases');
    },
  });
  const meta = useMeta();
  const labels = useTransitionLabels();
  const q = useCase(id);
  const [action, setAction] = useState<{ key: string; label: string; instanceId?: string; version?: number } | null>(null);

  const refresh = () => qc.invalidateQueries({ queryKey: ['admin-review'] });
  const fire = useMutation({
    mutationFn: async ({ data, note }: { data: Record<string, unknown>; note?: string }) => {
      if (!action || !q.data) return;
      if (action.instanceId) return api.post(`/api/workflow/instances/${action.instanceId}/transitions/${action.key}`, { version: action.version, data, note });
      return api.post(`/api/admin-review/cases/${id}/actions/${action.key}`, { version: q.data.workflow!.version, data, note });
    },
    // Failures are shown here: a stale version (someone else acted first) reloads the case.
    meta: { silent: true },
    onSuccess: () => {
      feedback.message?.success(`已${action?.label}`);
      setAction(null);
      void refresh();
    },
    onError: (err) => {
      if (isConflict(err)) {
        feedback.message?.warning(err.message || '该案件已被他人处理，请刷新后重试');
        setAction(null);
        void refresh();
        return;
      }
      reportError(err);
    },
  });
  /** Opens an action's form; a refusal of an earlier submission is forgotten. */
  const openAction = (a: { key: string; label: string; instanceId?: string; version?: number }) => {
    fire.reset();
    setAction(a);
  };
  const upload = useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return api.post(`/api/admin-review/cases/${id}/materials`, form);
    },
    onSuccess: () => void refresh(),
  });

  if (q.isLoading || !q.data) return <Card loading />;
  const c = q.data;
  const wf = c.workflow;
  const openDeadlines = wf?.deadlines.filter((d) => d.status === 'open' || d.status === 'paused') ?? [];
  const worst = openDeadlines.find((d) => d.light === 'red') ?? openDeadlines.find((d) => d.light === 'yellow');

  return (
    <PageContainer
      title={
        <Space>
          {c.caseNumber}
          <Tag color={c.concludedDate ? 'default' : 'processing'}>{c.stateLabel}</Tag>
          {c.procedureLabel && <Tag>{c.procedureLabel}</Tag>}
        </Space>
      }
      extra={
        <Space>
          {can('adminReview.handle') && (
            <ReasonButton danger title="作废复议案件" warning="仅用于登记错误或重复登记的案件。作废后案件不再出现在列表、待办和指标中；记录和原因保存在审计日志中。" okText="作废" onConfirm={(reason) => voidCase.mutateAsync(reason)}>
              作废
            </ReasonButton>
          )}
          <Link to="/admin-review/cases"><Button>返回列表</Button></Link>
        </Space>
      }
    >
      {worst && worst.dueDate && (
        <Alert style={{ marginBottom: 16 }} type={worst.light === 'red' ? 'error' : 'warning'} showIcon title={`${worst.label}${worst.light === 'red' ? '已超期' : '即将届满'}：届满日 ${worst.dueDate}（${worst.cite}）`} />
      )}
      <Row gutter={16}>
        <Col span={16}>
          <Card title="案件信息" size="small" style={{ marginBottom: 16 }}>
            <Descriptions column={2} size="small">
              <Descriptions.Item label="申请人">{c.applicantName}（{c.applicantTypeLabel}）</Descriptions.Item>
              <Descriptions.Item label="证件号码">{c.applicantIdMasked ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="联系电话">{c.applicantPhoneMasked ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="住所地">{c.applicantAddress ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="被申请人">{c.respondentName}</Descriptions.Item>
              <Descriptions.Item label="第三人">{c.thirdParties.map((x) => x.name).join('、') || '—'}</Descriptions.Item>
              <Descriptions.Item label="代理人">{c.agents.map((x) => `${x.name}${x.kind ? `（${x.kind}）` : ''}`).join('、') || '—'}</Descriptions.Item>
              <Descriptions.Item label="登记方式">{c.channelLabel}</Descriptions.Item>
              <Descriptions.Item label="行为类别">{c.actTypeLabel}</Descriptions.Item>
              <Descriptions.Item label="行为文号">{c.actNumber ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="作出日期">{c.actDate ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="涉及款额">{c.actAmount != null ? `${c.actAmount} 元` : '—'}</Descriptions.Item>
              <Descriptions.Item label="收到申请">{c.receivedDate}</Descriptions.Item>
              <Descriptions.Item label="受理日期">{c.acceptedDate ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="行政复议机构">{c.orgName}</Descriptions.Item>
              <Descriptions.Item label="行政复议机关">{c.authorityName}（以其名义作出决定，第六十一条）</Descriptions.Item>
              <Descriptions.Item label="结案方式">{c.outcomeLabel ? `${c.outcomeLabel} ${c.concludedDate}` : '—'}</Descriptions.Item>
              <Descriptions.Item label="决定书文号">{c.decisionNumber ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="复议请求" span={2}>{c.request}</Descriptions.Item>
              <Descriptions.Item label="事实和理由" span={2}>{c.reasons ?? '—'}</Descriptions.Item>
            </Descriptions>
            {c.triage?.proposal && !c.acceptedDate && (
              <Alert type="info" showIcon title={`系统建议：${c.triage.proposal.procedure === 'summary' ? '简易程序' : '普通程序'}（${c.triage.proposal.cite}）`} description={c.triage.proposal.reasons.join('；')} />
            )}
          </Card>
          <Card size="small">
            <Tabs
              items={[
                { key: 'deadlines', label: '法定期限', children: wf ? <DeadlineTable deadlines={wf.deadlines} /> : <Empty description="历史台账案件，无流程期限" /> },
                { key: 'history', label: '办理过程', children: wf ? <History wf={wf} meta={meta.data} labels={labels.data} /> : <Empty description="历史台账案件，无办理过程记录" /> },
                {
                  key: 'instruments',
                  label: `文书（${c.instruments.length}）`,
                  children: (
                    <Table
                      rowKey="id"
                      size="small"
                      pagination={false}
                      dataSource={c.instruments}
                      columns={[
                        { title: '文书', dataIndex: 'title' },
                        { title: '文号', dataIndex: 'number', render: (v: string | null) => v ?? '—' },
                        { title: '发文机关', dataIndex: 'issuerName' },
                        { title: '日期', dataIndex: 'issuedOn' },
                        { title: '', render: (_: unknown, r: { id: string; voided: boolean }) => (r.voided ? <Tag>已作废</Tag> : <Button size="small" icon={<DownloadOutlined />} href={`/api/instruments/${r.id}/docx`}>下载</Button>) },
                      ]}
                    />
                  ),
                },
                {
                  key: 'materials',
                  label: `材料（${c.materials.length}）`,
                  children: (
                    <Space orientation="vertical" style={{ width: '100%' }}>
                      {can('adminReview.handle') && (
                        <Upload beforeUpload={(f) => { upload.mutate(f); return false; }} showUploadList={false}>
                          <Button icon={<UploadOutlined />} loading={upload.isPending}>上传材料</Button>
                        </Upload>
                      )}
                      <Table
                        rowKey="id"
                        size="small"
                        pagination={false}
                        dataSource={c.materials}
                        columns={[
                          { title: '文件名', dataIndex: 'name', render: (v: string, r: { id: string; mime?: string }) => (
                            <Space>
                              <a href={`/api/admin-review/cases/${c.id}/materials/${r.id}`}>{v}</a>
                              {/^(application\/pdf|image\/|text\/plain)/.test(r.mime ?? '') && <a href={`/api/admin-review/cases/${c.id}/materials/${r.id}?inline=1`} target="_blank" rel="noreferrer">预览</a>}
                            </Space>
                          ) },
                          { title: '大小', dataIndex: 'size', render: (n: number) => `${(n / 1024).toFixed(1)} KB` },
                          { title: 'SHA-256', dataIndex: 'sha256', render: (v: string) => <Typography.Text code copyable={{ text: v }}>{v.slice(0, 16)}…</Typography.Text> },
                        ]}
                      />
                    </Space>
                  ),
                },
                {
                  key: 'followUps',
                  label: `履行监督（${c.followUps.length}）`,
                  children: (
                    <Space orientation="vertical" style={{ width: '100%' }}>
                      {can('adminReview.handle') && (c.state === 'decided' || c.state === 'mediated') && <FollowUpForm c={c} onDone={() => void refresh()} />}
                      {c.followUps.map((f) => (
                        <Card key={f.id} size="small" title={<Space>{f.title}<Tag>{f.stateLabel}</Tag></Space>} extra={f.available.map((a) => <Button key={a.key} size="small" onClick={() => openAction({ key: a.key, label: a.label, instanceId: f.id, version: f.version })}>{a.label}</Button>)}>
                          <DeadlineTable deadlines={f.deadlines} />
                        </Card>
                      ))}
                      {!c.followUps.length && <Empty description="暂无意见书或履行监督" />}
                    </Space>
                  ),
                },
                {
                  key: 'litigation',
                  label: `关联诉讼（${c.litigation.length}）`,
                  children: c.litigation.length ? (
                    <Table
                      rowKey="id"
                      size="small"
                      pagination={false}
                      dataSource={c.litigation}
                      columns={[
                        { title: '案号', dataIndex: 'caseNumber', render: (v: string, r: { id: string }) => (can('litigation.read') ? <Link to={`/litigation/cases/${r.id}`}>{v}</Link> : v) },
                        { title: '法院', dataIndex: 'courtName' },
                        { title: '审级', dataIndex: 'level', render: (v: unknown) => litigationLevels[String(v)] ?? String(v ?? '—') },
                        { title: '状态', dataIndex: 'status', render: (v: unknown) => (v === 'closed' ? '已结案' : v === 'open' ? '审理中' : String(v ?? '—')) },
                        { title: '结果', dataIndex: 'outcomeLabel', render: (v: unknown) => (v ? String(v) : '—') },
                      ]}
                    />
                  ) : (
                    <Empty description="无关联的行政诉讼（行政复议法 第二十九条：复议与诉讼不得同时进行）" />
                  ),
                },
              ]}
            />
          </Card>
        </Col>
        <Col span={8}>
          <Card title="办理" size="small" style={{ marginBottom: 16 }}>
            {wf?.available.length ? (
              <Space wrap>
                {wf.available.map((a) => (
                  <Button key={a.key} type={['acceptOrdinary', 'acceptSummary', 'decide'].includes(a.key) ? 'primary' : 'default'} onClick={() => openAction(a)}>
                    {a.label}
                  </Button>
                ))}
              </Space>
            ) : (
              <Typography.Text type="secondary">{wf ? (wf.isFinal ? '案件已办结' : '当前没有您可以执行的操作') : '历史台账案件'}</Typography.Text>
            )}
          </Card>
          <Card title="正在计时的期限" size="small">
            {openDeadlines.length ? (
              <Space orientation="vertical">
                {openDeadlines.map((d) => (
                  <div key={d.id}>
                    {d.light && d.dueDate ? <DeadlineTag deadline={{ label: d.label, dueDate: d.dueDate, light: d.light, cite: d.cite, provisional: d.provisional, unit: d.unit, days: d.days }} /> : <Tag>暂停</Tag>}
                    {d.label}：{d.dueDate ?? '中止中'}
                    <div style={{ color: '#888', fontSize: 12 }}>{d.cite}</div>
                  </div>
                ))}
              </Space>
            ) : (
              <Typography.Text type="secondary">无</Typography.Text>
            )}
          </Card>
        </Col>
      </Row>
      <ActionModal open={!!action} title={action?.label ?? ''} action={action?.key ?? null} meta={meta.data} loading={fire.isPending} error={fire.error} onCancel={() => setAction(null)} onSubmit={(data, note) => fire.mutate({ data, note })} />
    </PageContainer>
  );
}
