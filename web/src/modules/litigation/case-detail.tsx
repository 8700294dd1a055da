import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Col, DatePicker, Descriptions, Empty, Form, Input, InputNumber, Modal, Radio, Row, Select, Space, Switch, Table, Tag, Timeline, Tooltip, Typography } from 'antd';
import { FileWordOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../api/client';
import { PageContainer } from '../../platform/components/page-container';
import { lightLabels } from '../../platform/components/deadline-tag';
import { useSession } from '../../platform/auth/session';
import { feedback } from '../../platform/feedback';
import { useCase, useOptions, type CaseDetail, type Options, type Suggestion, type WorkflowDeadline } from './api';

type Field = { name: string; label: string; kind: 'date' | 'text' | 'textarea' | 'number' | 'boolean' | 'select'; options?: (o: Options) => { value: string; label: string }[]; required?: boolean };

const note: Field = { name: 'note', label: '备注', kind: 'textarea' };
const date = (label: string, name = 'date'): Field => ({ name, label, kind: 'date', required: true });

/** The data each step records (the server validates the same with zod; see src/modules/litigation/workflow.ts). */
const stepFields: Record<string, Field[]> = {
  recordFiling: [date('法院立案日期', 'filedDate'), { name: 'procedure', label: '审理程序', kind: 'select', options: (o) => o.procedures, required: true }],
  submitDefence: [date('提交日期'), { name: 'evidenceCount', label: '证据数量（份）', kind: 'number', required: true }, note],
  firstJudgment: [
    date('裁判日期', 'judgmentDate'),
    date('送达日期（上诉期自送达之日起算）', 'servedDate'),
    { name: 'outcome', label: '裁判结果', kind: 'select', required: true, options: (o) => o.outcomes.filter((x) => x.kind === 'judgment' || x.value === 'dismissSuit') },
    note,
  ],
  waiveAppeal: [date('决定日期'), { name: 'reason', label: '不上诉的理由', kind: 'textarea', required: true }],
  appeal: [date('上诉日期'), { name: 'appellant', label: '上诉人', kind: 'select', options: (o) => o.appellants, required: true }, { name: 'caseNumber', label: '二审案号', kind: 'text' }, note],
  judgmentEffective: [date('生效日期'), note],
  secondJudgment: [date('二审裁判日期'), { name: 'disposition', label: '二审结果', kind: 'select', options: (o) => o.secondDispositions, required: true }, { name: 'outcome', label: '改判结果（改判时填写）', kind: 'select', options: (o) => o.outcomes }, note],
  remand: [date('发回日期'), note],
  withdraw: [date('准予撤诉日期'), { name: 'changedAct', label: '行政机关改变了被诉行政行为', kind: 'boolean' }, note],
  mediate: [date('调解书日期'), { name: 'kind', label: '调解类型（行政诉讼法第六十条）', kind: 'select', options: (o) => o.mediationKinds, required: true }, { name: 'amount', label: '金额（元）', kind: 'number' }, note],
  startRetrial: [date('再审立案日期'), { name: 'caseNumber', label: '再审案号', kind: 'text' }, note],
  retrialJudgment: [date('再审裁判日期'), { name: 'outcome', label: '再审结果', kind: 'select', options: (o) => o.outcomes, required: true }, note],
};

function fieldInput(f: Field, o?: Options) {
  switch (f.kind) {
    case 'date':
      return <DatePicker style={{ width: '100%' }} />;
    case 'number':
      return <InputNumber min={0} style={{ width: '100%' }} />;
    case 'boolean':
      return <Switch />;
    case 'select':
      return <Select options={o && f.options ? f.options(o) : []} allowClear={!f.required} />;
    case 'textarea':
      return <Input.TextArea rows={3} />;
    default:
      return <Input />;
  }
}

/** Dates from the pickers as 'YYYY-MM-DD'; empty values dropped. */
function clean(v: Record<string, unknown>) {
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) {
    if (x === undefined || x === null || x === '') continue;
    out[k] = dayjs.isDayjs(x) ? (x as Dayjs).format('YYYY-MM-DD') : x;
  }
  return out;
}

function DeadlineLine({ d }: { d: WorkflowDeadline }) {
  const l = d.light ? lightLabels[d.light] : null;
  return (
    <Space wrap>
      {l ? <Tag color={l.color}>{l.text}</Tag> : <Tag>{d.status === 'met' ? '已完成' : d.status === 'paused' ? '已暂停' : '已取消'}</Tag>}
      <Typography.Text strong>{d.label}</Typography.Text>
      <span>
        {d.startDate} 起 {d.days}
        {d.unit === 'workingDay' ? '个工作日' : '日'}，截止 {d.dueDate ?? '—'}
        {d.provisional ? '（暂定）' : ''}
      </span>
      {d.metAt && <Typography.Text type="secondary">完成于 {d.metAt}</Typography.Text>}
      <Typography.Text type="secondary">依据：{d.cite}</Typography.Text>
    </Space>
  );
}

/** 应诉案件: registration, stage and 期限 (黄灯/红灯 with the article), timeline, hearings, 司法建议, 调解, 文书, linked 复议. */
export default function CaseDetailPage() {
  const { id = '' } = useParams();
  const { can } = useSession();
  const qc = useQueryClient();
  const options = useOptions();
  const detail = useCase(id);
  const [step, setStep] = useState<{ key: string; label: string } | null>(null);
  const [modal, setModal] = useState<'hearing' | 'suggestion' | 'mediation' | null>(null);
  const [reply, setReply] = useState<Suggestion | null>(null);
  const [form] = Form.useForm();

  const refresh = (d?: CaseDetail) => {
    if (d) qc.setQueryData(['litigation', 'case', id], d);
    qc.invalidateQueries({ queryKey: ['litigation'] });
  };
  const run = useMutation({
    mutationFn: ({ url, body, method = 'post' }: { url: string; body: unknown; method?: 'post' | 'put' }) => (method === 'put' ? api.put<CaseDetail>(url, body) : api.post<CaseDetail>(url, body)),
    onSuccess: (d) => {
      feedback.message?.success('已保存');
      refresh(d && (d as CaseDetail).case ? d : undefined);
      setStep(null);
      setModal(null);
      setReply(null);
      form.resetFields();
    },
  });
  const draft = useMutation({
    mutationFn: () => api.post<{ id: string; docx: string }>(`/api/litigation/cases/${id}/defence-draft`, {}),
    onSuccess: (r) => {
      refresh();
      window.location.href = r.docx;
    },
  });

  if (!detail.data) return <Card loading={detail.isLoading} />;
  const { case: c, workflow, hearings, suggestions, mediations, instruments, reviewCase, timeline } = detail.data;
  const manage = can('litigation.manage');
  const o = options.data;

  return (
    <PageContainer
      title={
        <Space>
          {c.caseNumber}
          <Tag color={c.status === 'closed' ? 'default' : 'processing'}>{workflow?.stateLabel ?? (c.status === 'closed' ? '已结案' : '审理中')}</Tag>
          {c.outcomeLabel && <Tag color={c.loss ? 'red' : 'blue'}>{c.outcomeLabel}</Tag>}
        </Space>
      }
      extra={
        manage && (
          <>
            {workflow?.available.map((a) => (
              <Button key={a.key} onClick={() => setStep(a)}>
                {a.label}
              </Button>
            ))}
            <Button onClick={() => setModal('hearing')}>登记开庭</Button>
            <Button onClick={() => setModal('suggestion')}>收到司法建议</Button>
            <Button onClick={() => setModal('mediation')}>行政争议调解</Button>
            <Button icon={<FileWordOutlined />} loading={draft.isPending} onClick={() => draft.mutate()}>
              生成答辩状草稿
            </Button>
          </>
        )
      }
    >
      <Row gutter={16}>
        <Col span={16}>
          <Card title="案件信息" size="small" style={{ marginBottom: 16 }}>
            <Descriptions size="small" column={2}>
              <Descriptions.Item label="法院">{c.courtName}</Descriptions.Item>
              <Descriptions.Item label="审级">{c.levelLabel}（{c.procedureLabel}）</Descriptions.Item>
              <Descriptions.Item label="原告">
                {c.plaintiffName}
                {c.plaintiffCount > 1 ? ` 等${c.plaintiffCount}人` : ''}（{c.plaintiffTypeLabel}）
              </Descriptions.Item>
              <Descriptions.Item label="证件号码">{c.plaintiffIdMasked ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="被告">{c.defendantName}</Descriptions.Item>
              <Descriptions.Item label="所属机构">{c.orgName}</Descriptions.Item>
              <Descriptions.Item label="行为类别">{c.actTypeLabel}</Descriptions.Item>
              <Descriptions.Item label="案由">{c.cause}</Descriptions.Item>
              <Descriptions.Item label="收到起诉状副本">{c.receivedDate}</Descriptions.Item>
              <Descriptions.Item label="法院立案">{c.filedDate ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="答辩提交">{c.defenceDate ? `${c.defenceDate}（证据${c.evidenceCount ?? 0}份）` : '—'}</Descriptions.Item>
              <Descriptions.Item label="一审裁判">{c.firstOutcomeLabel ? `${c.firstOutcomeLabel}（${c.firstOutcomeDate}）` : '—'}</Descriptions.Item>
              <Descriptions.Item label="结果">{c.outcomeLabel ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="结案日期">{c.closedDate ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="诉讼请求" span={2}>
                {c.claims ?? '—'}
              </Descriptions.Item>
              <Descriptions.Item label="关联复议" span={2}>
                {reviewCase ? (
                  <Link to={`/admin-review/cases/${reviewCase.id}`}>
                    {reviewCase.caseNumber ?? '复议案件'} {reviewCase.applicantName} — {reviewCase.stateLabel}
                  </Link>
                ) : (
                  '—'
                )}
              </Descriptions.Item>
            </Descriptions>
          </Card>
          <Card title="开庭与出庭应诉（行政诉讼法第三条第三款）" size="small" style={{ marginBottom: 16 }}>
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={hearings}
              locale={{ emptyText: '尚未开庭' }}
              columns={[
                { title: '日期', dataIndex: 'hearingDate', width: 105 },
                { title: '审级', dataIndex: 'level', width: 60, render: (v) => o?.levels.find((l) => l.value === v)?.label ?? v },
                { title: '法院', dataIndex: 'courtName' },
                { title: '状态', dataIndex: 'status', width: 80, render: (v) => (v === 'held' ? '已开庭' : <Tag color="blue">已排期</Tag>) },
                {
                  title: '负责人出庭',
                  render: (_, h) => (h.status !== 'held' ? '—' : h.headAppeared ? <Tag color="green">{`${h.headName}（${h.headPost}）`}</Tag> : <Tooltip title={h.absenceReason}><Tag color="orange">未出庭</Tag></Tooltip>),
                },
                { title: '出庭人员', render: (_, h) => [h.staffNames, h.lawyerNames].filter(Boolean).join('；') || '—' },
              ]}
            />
          </Card>
          <Card title="司法建议" size="small" style={{ marginBottom: 16 }}>
            {suggestions.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="无" />
            ) : (
              suggestions.map((s) => (
                <Card key={s.id} type="inner" size="small" style={{ marginBottom: 8 }} title={`${s.documentNumber ?? '司法建议'}（${s.receivedDate} 收到）`} extra={s.status === 'open' && manage && <Button size="small" onClick={() => setReply(s)}>回复</Button>}>
                  <Typography.Paragraph>{s.content}</Typography.Paragraph>
                  {s.workflow?.deadlines.map((d) => <DeadlineLine key={d.id} d={d} />)}
                  {s.replyContent && <Typography.Paragraph type="secondary">回复（{s.replyDate}）：{s.replyContent}</Typography.Paragraph>}
                </Card>
              ))
            )}
          </Card>
          <Card title="行政争议调解" size="small">
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={mediations}
              locale={{ emptyText: '无' }}
              columns={[
                { title: '类型', dataIndex: 'stage', render: (v) => o?.mediationStages.find((x) => x.value === v)?.label ?? v },
                { title: '调解组织', dataIndex: 'centerName' },
                { title: '开始', dataIndex: 'startDate' },
                { title: '结束', dataIndex: 'endDate', render: (v) => v ?? '—' },
                { title: '结果', dataIndex: 'result', render: (v) => o?.mediationResults.find((x) => x.value === v)?.label ?? v },
              ]}
            />
          </Card>
        </Col>
        <Col span={8}>
          <Card title="期限" size="small" style={{ marginBottom: 16 }}>
            {workflow?.deadlines.length ? (
              <Space orientation="vertical">{workflow.deadlines.map((d) => <DeadlineLine key={d.id} d={d} />)}</Space>
            ) : (
              <Typography.Text type="secondary">{workflow ? '无' : '台账导入的历史案件，无办理流程'}</Typography.Text>
            )}
          </Card>
          <Card title="时间线" size="small" style={{ marginBottom: 16 }}>
            <Timeline
              items={timeline.map((e) => ({
                color: e.kind === 'hearing' ? 'green' : e.kind.startsWith('suggestion') ? 'orange' : 'blue',
                content: (
                  <div>
                    <Typography.Text strong>{e.date}</Typography.Text> {e.label}
                    {e.detail && <div style={{ color: '#888' }}>{e.detail}</div>}
                  </div>
                ),
              }))}
            />
          </Card>
          <Card title="文书" size="small">
            {instruments.length === 0 ? (
              <Typography.Text type="secondary">无</Typography.Text>
            ) : (
              instruments.map((i) => (
                <div key={i.id}>
                  <a href={`/api/instruments/${i.id}/docx`}>
                    <FileWordOutlined /> {i.number ?? '（草稿）'} {i.title}
                  </a>
                  {i.voidedAt && <Tag>已作废</Tag>}
                </div>
              ))
            )}
          </Card>
        </Col>
      </Row>

      <Modal title={step?.label} open={!!step} onCancel={() => setStep(null)} onOk={() => form.submit()} confirmLoading={run.isPending} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={(v) => run.mutate({ url: `/api/litigation/cases/${id}/actions/${step!.key}`, body: { version: workflow!.version, data: clean(v) } })} initialValues={{ changedAct: false }}>
          {(step ? stepFields[step.key] ?? [] : []).map((f) => (
            <Form.Item key={f.name} name={f.name} label={f.label} rules={f.required ? [{ required: true, message: `请填写${f.label}` }] : undefined} valuePropName={f.kind === 'boolean' ? 'checked' : 'value'}>
              {fieldInput(f, o)}
            </Form.Item>
          ))}
        </Form>
      </Modal>

      <Modal title="登记开庭" open={modal === 'hearing'} onCancel={() => setModal(null)} onOk={() => form.submit()} confirmLoading={run.isPending} destroyOnHidden>
        <Form form={form} layout="vertical" initialValues={{ status: 'held', headAppeared: true }} onFinish={(v) => run.mutate({ url: `/api/litigation/cases/${id}/hearings`, body: clean(v) })}>
          <Form.Item name="hearingDate" label="开庭日期" rules={[{ required: true, message: '请选择日期' }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="status" label="状态">
            <Radio.Group options={[{ value: 'held', label: '已开庭' }, { value: 'scheduled', label: '已排期' }]} />
          </Form.Item>
          <Form.Item name="headAppeared" label="行政机关负责人出庭" valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item name="headName" label="出庭负责人姓名">
            <Input />
          </Form.Item>
          <Form.Item name="headPost" label="出庭负责人职务">
            <Input />
          </Form.Item>
          <Form.Item name="staffNames" label="出庭工作人员" extra="负责人未出庭的，应当委托行政机关相应的工作人员出庭">
            <Input />
          </Form.Item>
          <Form.Item name="lawyerNames" label="代理律师">
            <Input />
          </Form.Item>
          <Form.Item name="absenceReason" label="负责人未出庭的理由">
            <Input />
          </Form.Item>
          <Form.Item name="issueNotice" label="出具负责人出庭应诉通知" valuePropName="checked">
            <Switch />
          </Form.Item>
        </Form>
      </Modal>

      <Modal title="收到司法建议" open={modal === 'suggestion'} onCancel={() => setModal(null)} onOk={() => form.submit()} confirmLoading={run.isPending} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={(v) => run.mutate({ url: `/api/litigation/cases/${id}/suggestions`, body: clean(v) })}>
          <Form.Item name="documentNumber" label="司法建议书文号">
            <Input />
          </Form.Item>
          <Form.Item name="receivedDate" label="收到日期" rules={[{ required: true, message: '请选择日期' }]} extra="回复期限按本地设置（默认60日）自收到之次日起算">
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="content" label="建议内容" rules={[{ required: true, message: '请填写建议内容' }]}>
            <Input.TextArea rows={4} />
          </Form.Item>
        </Form>
      </Modal>

      <Modal title="回复司法建议" open={!!reply} onCancel={() => setReply(null)} onOk={() => form.submit()} confirmLoading={run.isPending} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={(v) => run.mutate({ url: `/api/litigation/suggestions/${reply!.id}/reply`, body: { ...clean(v), version: reply!.workflow?.version } })}>
          <Form.Item name="date" label="回复日期" rules={[{ required: true, message: '请选择日期' }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="content" label="回复内容（生成司法建议回复函）" rules={[{ required: true, message: '请填写回复内容' }]}>
            <Input.TextArea rows={5} />
          </Form.Item>
        </Form>
      </Modal>

      <Modal title="行政争议调解" open={modal === 'mediation'} onCancel={() => setModal(null)} onOk={() => form.submit()} confirmLoading={run.isPending} destroyOnHidden>
        <Form form={form} layout="vertical" initialValues={{ stage: 'inLitigation', result: 'ongoing', centerName: '武义县行政争议调解中心' }} onFinish={(v) => run.mutate({ url: '/api/litigation/mediations', body: { ...clean(v), caseId: id } })}>
          <Form.Item name="stage" label="类型">
            <Radio.Group options={o?.mediationStages} />
          </Form.Item>
          <Form.Item name="centerName" label="调解组织" rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="startDate" label="开始日期" rules={[{ required: true, message: '请选择日期' }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="endDate" label="结束日期">
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="result" label="结果">
            <Select options={o?.mediationResults} />
          </Form.Item>
          <Form.Item name="summary" label="情况">
            <Input.TextArea rows={3} />
          </Form.Item>
        </Form>
      </Modal>
    </PageContainer>
  );
}
