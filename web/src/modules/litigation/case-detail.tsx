import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { AutoComplete, Button, Card, Col, DatePicker, Descriptions, Empty, Form, Input, InputNumber, Modal, Radio, Row, Select, Space, Switch, Table, Tag, Timeline, Tooltip, Typography } from 'antd';
import { FileWordOutlined, RollbackOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../api/client';
import { PageContainer } from '../../platform/components/page-container';
import { lightLabels } from '../../platform/components/deadline-tag';
import { useSession } from '../../platform/auth/session';
import { feedback, reportError } from '../../platform/feedback';
import { ReasonButton } from '../../platform/components/reason-modal';
import { isConflict, showFieldErrors } from '../../platform/form-errors';
import { useCase, useOptions, type CaseDetail, type Hearing, type Mediation, type Options, type Suggestion, type WorkflowDeadline } from './api';

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

/** Steps that close the case (结案): irreversible, so the user confirms before they are recorded. */
const closingSteps = new Set(['judgmentEffective', 'secondJudgment', 'withdraw', 'mediate', 'retrialJudgment']);

function fieldInput(f: Field, o?: Options) {
  switch (f.kind) {
    case 'date':
      // Every step records something that has happened: no future dates.
      return <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />;
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
        {d.unit === 'workingDay' ? '个工作日' : d.unit === 'month' ? '个月' : '日'}，截止 {d.dueDate ?? '—'}
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
  const navigate = useNavigate();
  const [step, setStepState] = useState<{ key: string; label: string } | null>(null);
  const [modal, setModalState] = useState<'hearing' | 'suggestion' | 'mediation' | null>(null);
  const [reply, setReplyState] = useState<Suggestion | null>(null);
  const [hearing, setHearingState] = useState<Hearing | null>(null);
  const [mediation, setMediationState] = useState<Mediation | null>(null);
  const [form] = Form.useForm();
  const headAppeared = Form.useWatch('headAppeared', form);
  const hearingStatus = Form.useWatch('status', form);
  // One form serves every dialog (only one is open at a time): each opening starts from a clean form.
  const opening = <T,>(set: (v: T) => void) => (v: T) => {
    if (v) form.resetFields();
    set(v);
  };
  const setStep = opening(setStepState);
  const setModal = opening(setModalState);
  const setReply = opening(setReplyState);
  const setHearing = opening(setHearingState);
  const setMediation = opening(setMediationState);
  const closeAll = () => {
    setStepState(null);
    setModalState(null);
    setReplyState(null);
    setHearingState(null);
    setMediationState(null);
  };

  const refresh = (d?: CaseDetail) => {
    if (d) qc.setQueryData(['litigation', 'case', id], d);
    qc.invalidateQueries({ queryKey: ['litigation'] });
  };
  const run = useMutation({
    mutationFn: ({ url, body, method = 'post' }: { url: string; body: unknown; method?: 'post' | 'put' }) => (method === 'put' ? api.put<CaseDetail>(url, body) : api.post<CaseDetail>(url, body)),
    // Failures are shown here: field errors under their fields, a stale version reloads the case.
    meta: { silent: true },
    onSuccess: (d) => {
      feedback.message?.success('已保存');
      refresh(d && (d as CaseDetail).case ? d : undefined);
      closeAll();
      form.resetFields();
    },
    onError: (err) => {
      if (isConflict(err)) {
        feedback.message?.warning(err.message || '该案件已被他人处理，请刷新后重试');
        closeAll();
        void detail.refetch();
        return;
      }
      // Field errors go under their fields (the server's own text names fields by their code).
      if (showFieldErrors(form, err)) feedback.message?.error('填写有误，请按表单中标红的提示修改');
      else reportError(err);
    },
  });
  const voidCase = useMutation({
    mutationFn: (reason: string) => api.post(`/api/litigation/cases/${id}/void`, { reason }),
    onSuccess: () => {
      feedback.message?.success('已作废');
      qc.invalidateQueries({ queryKey: ['litigation'] });
      navigate('/litigation/cases');
    },
  });
  /** Submits the step dialog; a step that closes the case asks once more. */
  const submitStep = async () => {
    if (!step || !closingSteps.has(step.key)) return form.submit();
    try {
      await form.validateFields();
    } catch {
      return;
    }
    feedback.modal?.confirm({
      title: `确认「${step.label}」？`,
      content: '提交后案件即结案，结果将计入败诉率等指标；如有错误只能通过再审等流程更正。',
      okText: '确认结案',
      cancelText: '取消',
      onOk: () => form.submit(),
    });
  };
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
        <>
          <Link to="/litigation/cases">
            <Button icon={<RollbackOutlined />}>返回列表</Button>
          </Link>
          {manage && (
          <>
            {workflow?.available.map((a) => (
              <Button key={a.key} type={closingSteps.has(a.key) || a.key === 'firstJudgment' ? 'primary' : 'default'} ghost={closingSteps.has(a.key)} onClick={() => setStep(a)}>
                {a.label}
              </Button>
            ))}
            <Button onClick={() => setModal('hearing')}>登记开庭</Button>
            <Button onClick={() => setModal('suggestion')}>收到司法建议</Button>
            <Button onClick={() => setModal('mediation')}>行政争议调解</Button>
            {c.status === 'open' && !c.defenceDate && (
              <Button icon={<FileWordOutlined />} loading={draft.isPending} onClick={() => draft.mutate()}>
                生成答辩状草稿
              </Button>
            )}
            <ReasonButton title="作废应诉案件" warning="作废后案件不再出现在列表和指标中，期限从待办中移除；作废记录和原因保存在审计日志中。" okText="作废" onConfirm={(reason) => voidCase.mutateAsync(reason)}>
              作废
            </ReasonButton>
          </>
          )}
        </>
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
                ) : c.reviewCaseId ? (
                  <Typography.Text type="secondary">已关联行政复议案件（您无权查看行政复议案件）</Typography.Text>
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
              locale={{ emptyText: '尚未登记开庭' }}
              columns={[
                { title: '日期', dataIndex: 'hearingDate', width: 105 },
                { title: '审级', dataIndex: 'level', width: 60, render: (v) => o?.levels.find((l) => l.value === v)?.label ?? v },
                { title: '法院', dataIndex: 'courtName', width: 150 },
                { title: '状态', dataIndex: 'status', width: 80, render: (v) => (v === 'held' ? '已开庭' : <Tag color="blue">已排期</Tag>) },
                {
                  title: '负责人出庭',
                  render: (_, h) => (h.status !== 'held' ? '—' : h.headAppeared ? <Tag color="green">{`${h.headName}（${h.headPost}）`}</Tag> : <Tooltip title={h.absenceReason}><Tag color="orange">未出庭</Tag></Tooltip>),
                },
                { title: '出庭人员', render: (_, h) => [h.staffNames, h.lawyerNames].filter(Boolean).join('；') || '—' },
                ...(manage
                  ? [{ title: '', width: 110, render: (_: unknown, h: Hearing) => <Button size="small" onClick={() => setHearing(h)}>{h.status === 'held' ? '更正' : '记录开庭情况'}</Button> }]
                  : []),
              ]}
            />
          </Card>
          <Card title="司法建议" size="small" style={{ marginBottom: 16 }}>
            {suggestions.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="未收到司法建议" />
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
              locale={{ emptyText: '无行政争议调解记录' }}
              columns={[
                { title: '类型', dataIndex: 'stage', render: (v) => o?.mediationStages.find((x) => x.value === v)?.label ?? v },
                { title: '调解组织', dataIndex: 'centerName' },
                { title: '开始', dataIndex: 'startDate' },
                { title: '结束', dataIndex: 'endDate', render: (v) => v ?? '—' },
                { title: '结果', dataIndex: 'result', render: (v) => o?.mediationResults.find((x) => x.value === v)?.label ?? v },
                { title: '情况', dataIndex: 'summary', ellipsis: true, render: (v) => v ?? '—' },
                ...(manage ? [{ title: '', width: 90, render: (_: unknown, m: Mediation) => <Button size="small" onClick={() => setMediation(m)}>更新结果</Button> }] : []),
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
              <Typography.Text type="secondary">暂无文书</Typography.Text>
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

      <Modal title={step?.label} open={!!step} onCancel={() => setStep(null)} onOk={submitStep} okText={step && closingSteps.has(step.key) ? '结案' : '确定'} confirmLoading={run.isPending} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={(v) => run.mutate({ url: `/api/litigation/cases/${id}/actions/${step!.key}`, body: { version: workflow!.version, data: clean(v) } })} initialValues={{ changedAct: false }}>
          {(step ? stepFields[step.key] ?? [] : []).map((f) => (
            <Form.Item key={f.name} name={f.name} label={f.label} rules={f.required ? [{ required: true, message: `请填写${f.label}` }] : undefined} valuePropName={f.kind === 'boolean' ? 'checked' : 'value'}>
              {fieldInput(f, o)}
            </Form.Item>
          ))}
        </Form>
      </Modal>

      <Modal
        title={hearing ? (hearing.status === 'held' ? '更正开庭记录' : '记录开庭情况') : '登记开庭'}
        open={modal === 'hearing' || !!hearing}
        onCancel={() => (hearing ? setHearing(null) : setModal(null))}
        onOk={() => form.submit()}
        confirmLoading={run.isPending}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          initialValues={
            hearing
              ? { ...hearing, status: 'held', hearingDate: dayjs(hearing.hearingDate), headAppeared: hearing.status === 'held' ? hearing.headAppeared : true }
              : { status: 'held', headAppeared: true }
          }
          onFinish={(v) =>
            hearing
              ? run.mutate({ url: `/api/litigation/hearings/${hearing.id}`, method: 'put', body: { ...clean(v), version: hearing.version } })
              : run.mutate({ url: `/api/litigation/cases/${id}/hearings`, body: clean(v) })
          }
        >
          <Form.Item name="hearingDate" label="开庭日期" rules={[{ required: true, message: '请选择开庭日期' }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="courtName" label="开庭法院" extra={`不填则为本案受理法院（${c.courtName}）；二审、再审请填写审理法院`}>
            <AutoComplete options={o?.courts.map((x) => ({ value: x.name }))} />
          </Form.Item>
          <Form.Item name="status" label="状态" extra={hearingStatus === 'scheduled' ? '尚未开庭：开庭后再记录出庭情况' : undefined}>
            <Radio.Group options={[{ value: 'held', label: '已开庭' }, { value: 'scheduled', label: '已排期（尚未开庭）' }]} />
          </Form.Item>
          {hearingStatus !== 'scheduled' && (
            <>
              <Form.Item name="headAppeared" label="行政机关负责人出庭应诉（行政诉讼法第三条第三款）" valuePropName="checked">
                <Switch checkedChildren="出庭" unCheckedChildren="未出庭" />
              </Form.Item>
              {headAppeared ? (
                <Row gutter={16}>
                  <Col span={12}>
                    <Form.Item name="headName" label="出庭负责人姓名" rules={[{ required: true, message: '请填写出庭负责人姓名' }]}>
                      <Input />
                    </Form.Item>
                  </Col>
                  <Col span={12}>
                    <Form.Item name="headPost" label="出庭负责人职务" rules={[{ required: true, message: '请填写出庭负责人职务' }]}>
                      <Input placeholder="如 副局长" />
                    </Form.Item>
                  </Col>
                </Row>
              ) : (
                <Form.Item name="absenceReason" label="负责人未出庭的理由">
                  <Input />
                </Form.Item>
              )}
              <Form.Item
                name="staffNames"
                label="出庭工作人员"
                extra="负责人不能出庭的，应当委托行政机关相应的工作人员出庭"
                rules={headAppeared ? undefined : [{ required: true, message: '负责人未出庭的，应当委托行政机关相应的工作人员出庭（行政诉讼法第三条第三款）' }]}
              >
                <Input placeholder="姓名（职务），多人用顿号分隔" />
              </Form.Item>
              <Form.Item name="lawyerNames" label="代理律师">
                <Input placeholder="姓名（律师事务所）" />
              </Form.Item>
            </>
          )}
          {!hearing && (
            <Form.Item name="issueNotice" label="出具负责人出庭应诉通知（编号文书）" valuePropName="checked">
              <Switch />
            </Form.Item>
          )}
        </Form>
      </Modal>

      <Modal title="更新行政争议调解结果" open={!!mediation} onCancel={() => setMediation(null)} onOk={() => form.submit()} confirmLoading={run.isPending} destroyOnHidden>
        <Form
          form={form}
          layout="vertical"
          initialValues={mediation ? { result: mediation.result, summary: mediation.summary, endDate: mediation.endDate ? dayjs(mediation.endDate) : undefined } : undefined}
          onFinish={(v) => run.mutate({ url: `/api/litigation/mediations/${mediation!.id}`, method: 'put', body: { ...clean(v), version: mediation!.version } })}
        >
          <Form.Item name="result" label="结果" rules={[{ required: true, message: '请选择调解结果' }]}>
            <Select options={o?.mediationResults} />
          </Form.Item>
          <Form.Item name="endDate" label="结束日期" rules={[{ validator: (_, d?: Dayjs) => (!d || !mediation || d.format('YYYY-MM-DD') >= mediation.startDate ? Promise.resolve() : Promise.reject(new Error('结束日期不能早于开始日期'))) }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="summary" label="情况">
            <Input.TextArea rows={3} />
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
