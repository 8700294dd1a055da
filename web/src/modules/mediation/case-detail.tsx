import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Col, DatePicker, Descriptions, Empty, Form, Input, List, Modal, Row, Select, Space, Switch, Table, Tag, Timeline, Typography } from 'antd';
import { FileWordOutlined, RollbackOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../api/client';
import type { Page } from '../../api/types';
import { PageContainer } from '../../platform/components/page-container';
import { lightLabels } from '../../platform/components/deadline-tag';
import { useSession } from '../../platform/auth/session';
import { feedback, reportError } from '../../platform/feedback';
import { ReasonButton } from '../../platform/components/reason-modal';
import { isConflict, showFieldErrors } from '../../platform/form-errors';
import { useCase, useOptions, type CaseDetail, type Mediator, type Options, type Suggestion, type WorkflowView } from './api';

type Field = { name: string; label: string; kind: 'date' | 'text' | 'textarea' | 'boolean' | 'select' | 'committee' | 'mediator'; options?: (o: Options) => { value: string; label: string }[]; required?: boolean; extra?: string };
const date = (label = '日期'): Field => ({ name: 'date', label, kind: 'date', required: true });
const note: Field = { name: 'note', label: '备注', kind: 'textarea' };

/** What each step records (the server validates the same; src/modules/mediation/workflow.ts). */
const stepFields: Record<string, Field[]> = {
  accept: [date('受理日期'), note],
  reject: [date(), { name: 'reason', label: '不予受理的理由（人民调解法第十七条）', kind: 'textarea', required: true }],
  dispatch: [date('分派日期'), { name: 'committeeOrgId', label: '调解委员会', kind: 'committee' }, { name: 'mediatorId', label: '调解员', kind: 'mediator' }, note],
  escalate: [date('提级日期'), { name: 'reason', label: '提级调解的理由（分级递进：村 → 乡镇 → 县）', kind: 'textarea', required: true }],
  extendCourtWindow: [date(), { name: 'partiesConsent', label: '各方当事人同意延长', kind: 'boolean', required: true, extra: '诉前调解期限经当事人同意可延长一次（30日）' }, note],
  succeed: [
    date('达成协议日期'),
    { name: 'agreementType', label: '协议形式（人民调解法第二十八条）', kind: 'select', options: (o) => o.agreementTypes, required: true },
    { name: 'content', label: '协议内容', kind: 'textarea', required: true },
    { name: 'performanceTerms', label: '履行方式、时限', kind: 'textarea' },
    { name: 'wantsConfirmation', label: '当事人拟申请司法确认', kind: 'boolean', extra: '书面协议生效之日起30日内共同申请（人民调解法第三十三条），系统将跟踪该期限' },
  ],
  fail: [date(), { name: 'reason', label: '告知当事人的救济途径（人民调解法第二十六条）', kind: 'textarea', required: true }],
  terminate: [date(), { name: 'reason', label: '终止调解的理由', kind: 'textarea', required: true }],
  followUp: [date('回访日期'), { name: 'performance', label: '协议履行情况', kind: 'select', options: (o) => o.performances }, { name: 'note', label: '回访情况', kind: 'textarea', required: true }],
  apply: [date('申请日期'), { name: 'courtName', label: '受理法院', kind: 'text', required: true }, { name: 'jointly', label: '双方当事人共同申请', kind: 'boolean', required: true }],
  confirm: [date('裁定日期'), note],
  refuse: [date('裁定日期'), { name: 'note', label: '驳回理由', kind: 'textarea', required: true }],
  abandon: [date(), note],
};
const closing = new Set(['succeed', 'fail', 'terminate', 'reject']);
const confirmationSteps = new Set(['apply', 'confirm', 'refuse', 'abandon']);

function Deadlines({ wf }: { wf: WorkflowView | null }) {
  if (!wf?.deadlines.length) return <Typography.Text type="secondary">无期限</Typography.Text>;
  return (
    <Space direction="vertical" size={4}>
      {wf.deadlines.map((d) => {
        const l = d.light ? lightLabels[d.light] : null;
        return (
          <Space key={d.id} wrap data-deadline={d.rule}>
            {l ? <Tag color={l.color}>{l.text}</Tag> : <Tag>{d.status === 'met' ? '已完成' : '已结束'}</Tag>}
            <Typography.Text strong>{d.label}</Typography.Text>
            <span>
              {d.startDate} 起 {d.days + d.extendedDays} 日，截止 {d.dueDate ?? '—'}
              {d.extendedDays ? `（已延长${d.extendedDays}日）` : ''}
            </span>
            <Typography.Text type="secondary">依据：{d.cite}</Typography.Text>
          </Space>
        );
      })}
    </Space>
  );
}

/** 调解案件: 登记信息, 流程与期限 (黄灯/红灯 with the source), 分派 with suggestions, 调解记录, 文书, 司法确认, 办理经过. */
export default function CaseDetailPage() {
  const { id = '' } = useParams();
  const { can } = useSession();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const options = useOptions();
  const detail = useCase(id);
  const [step, setStepState] = useState<{ key: string; label: string } | null>(null);
  const [sessionOpen, setSessionOpen] = useState(false);
  const [form] = Form.useForm();
  const committee = Form.useWatch('committeeOrgId', form);
  const c0 = detail.data?.case;
  const mediators = useQuery({
    queryKey: ['mediation', 'mediators', committee ?? c0?.orgId],
    queryFn: () => api.get<Page<Mediator>>('/api/mediation/mediators', { committeeOrgId: committee ?? c0?.orgId, status: 'active', pageSize: 200 }),
    enabled: step?.key === 'dispatch' && !!(committee ?? c0?.orgId),
  });
  const suggestions = useQuery({ queryKey: ['mediation', 'suggest', id], queryFn: () => api.get<Suggestion[]>(`/api/mediation/cases/${id}/dispatch-suggestions`), enabled: step?.key === 'dispatch' });
  const setStep = (s: { key: string; label: string } | null) => {
    form.resetFields();
    setStepState(s);
  };
  const run = useMutation({
    mutationFn: ({ url, body }: { url: string; body: unknown }) => api.post<CaseDetail>(url, body),
    meta: { silent: true },
    onSuccess: (d) => {
      qc.invalidateQueries({ queryKey: ['mediation'] });
      setStepState(null);
      setSessionOpen(false);
      form.resetFields();
      if (d?.moved) {
        feedback.message?.success(d.message ?? '案件已移交');
        navigate('/mediation/cases');
        return;
      }
      feedback.message?.success('已保存');
      if (d?.case) qc.setQueryData(['mediation', 'case', id], d);
    },
    onError: (err) => {
      if (isConflict(err)) {
        feedback.message?.warning(err.message);
        setStepState(null);
        void detail.refetch();
        return;
      }
      if (showFieldErrors(form, err)) feedback.message?.error('填写有误，请按表单中标红的提示修改');
      else reportError(err);
    },
  });
  const voidCase = useMutation({
    mutationFn: (reason: string) => api.post(`/api/mediation/cases/${id}/void`, { reason }),
    onSuccess: () => {
      feedback.message?.success('已作废');
      qc.invalidateQueries({ queryKey: ['mediation'] });
      navigate('/mediation/cases');
    },
  });

  if (!detail.data) return <Card loading={detail.isLoading} />;
  const { case: c, workflow, confirmation, sessions, instruments, timeline } = detail.data;
  const manage = can('mediation.manage');
  const o = options.data;

  const values = (v: Record<string, unknown>) => {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) if (x !== undefined && x !== null && x !== '') out[k] = dayjs.isDayjs(x) ? (x as Dayjs).format('YYYY-MM-DD') : x;
    return out;
  };
  const submitStep = (v: Record<string, unknown>) => {
    if (!step) return;
    const isConf = confirmationSteps.has(step.key);
    const body = { version: isConf ? confirmation!.version : workflow!.version, data: values(v) };
    run.mutate({ url: `/api/mediation/cases/${id}/actions/${step.key}`, body });
  };
  const okStep = async () => {
    try {
      await form.validateFields();
    } catch {
      return;
    }
    if (step && closing.has(step.key)) {
      feedback.modal?.confirm({ title: `确认「${step.label}」？`, content: '提交后案件即结案，结果计入调解成功率等指标。', okText: '确认', cancelText: '取消', onOk: () => form.submit() });
    } else form.submit();
  };
  const input = (f: Field) => {
    switch (f.kind) {
      case 'date':
        return <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />;
      case 'boolean':
        return <Switch />;
      case 'select':
        return <Select options={o && f.options ? f.options(o) : []} allowClear={!f.required} />;
      case 'committee':
        return <Select allowClear showSearch optionFilterProp="label" placeholder={`本委员会（${c.orgName}）`} options={o?.committees.filter((x) => x.manageable).map((x) => ({ value: x.orgId, label: x.name }))} />;
      case 'mediator':
        return <Select allowClear loading={mediators.isLoading} options={mediators.data?.items.map((m) => ({ value: m.id, label: `${m.name}（${m.kindLabel}，在办${m.openCases}件${m.specialtyLabels.length ? '，擅长' + m.specialtyLabels.join('、') : ''}）` }))} />;
      case 'textarea':
        return <Input.TextArea rows={3} />;
      default:
        return <Input />;
    }
  };
  const actions = [...(workflow?.available ?? []), ...(confirmation?.available ?? [])];

  return (
    <PageContainer
      title={
        <Space>
          {c.caseNumber}
          <Tag color={c.status === 'closed' ? 'default' : 'processing'}>{workflow?.stateLabel ?? (c.outcomeLabel || '历史记录')}</Tag>
          {c.outcomeLabel && <Tag color={c.outcome === 'success' ? 'green' : 'orange'}>{c.outcomeLabel}</Tag>}
          {c.confirmationStatus !== 'none' && <Tag color="blue">{c.confirmationLabel}</Tag>}
        </Space>
      }
      extra={
        <>
          <Link to="/mediation/cases">
            <Button icon={<RollbackOutlined />}>返回列表</Button>
          </Link>
          {manage && (
            <ReasonButton danger title="作废调解案件" warning="作废后案件不再计入统计，操作记入审计日志。" okText="作废" onConfirm={(reason: string) => voidCase.mutateAsync(reason)}>
              作废
            </ReasonButton>
          )}
        </>
      }
    >
      <Row gutter={16}>
        <Col xs={24} lg={16}>
          <Card title="纠纷信息" size="small" style={{ marginBottom: 16 }}>
            <Descriptions column={2} size="small">
              <Descriptions.Item label="来源">{c.sourceLabel}</Descriptions.Item>
              <Descriptions.Item label="纠纷类型">{c.disputeTypeLabel}</Descriptions.Item>
              <Descriptions.Item label="申请人">{c.applicantName}</Descriptions.Item>
              <Descriptions.Item label="身份证号">{c.applicantIdMasked ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="联系电话">{c.applicantPhoneMasked ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="对方当事人">{c.respondentName}</Descriptions.Item>
              <Descriptions.Item label="登记日期">{c.registeredDate}</Descriptions.Item>
              <Descriptions.Item label="受理日期">{c.acceptedDate ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="调解委员会">
                {c.orgName}（{c.levelLabel}）{c.escalations ? <Tag color="purple">已提级{c.escalations}次</Tag> : null}
              </Descriptions.Item>
              <Descriptions.Item label="调解员">{c.mediatorNames ?? '未分派'}</Descriptions.Item>
              {c.courtCaseNumber && <Descriptions.Item label="委派法院">{c.courtName}</Descriptions.Item>}
              {c.courtCaseNumber && <Descriptions.Item label="诉前调解案号">{c.courtCaseNumber}（{c.referralDate} 委派）</Descriptions.Item>}
              <Descriptions.Item label="涉及金额">{c.amount ? `${c.amount} 元` : '—'}</Descriptions.Item>
              <Descriptions.Item label="当事人人数">{c.partyCount}</Descriptions.Item>
              <Descriptions.Item label="纠纷简要情况" span={2}>
                {c.summary}
              </Descriptions.Item>
              {c.outcome && <Descriptions.Item label="结案日期">{c.closedDate}</Descriptions.Item>}
              {c.agreementTypeLabel && <Descriptions.Item label="协议形式">{c.agreementTypeLabel}</Descriptions.Item>}
              {c.agreementContent && (
                <Descriptions.Item label="协议内容" span={2}>
                  {c.agreementContent}
                </Descriptions.Item>
              )}
              {c.outcomeNote && (
                <Descriptions.Item label="说明" span={2}>
                  {c.outcomeNote}
                </Descriptions.Item>
              )}
              {c.followUpDate && <Descriptions.Item label="回访">{`${c.followUpDate} ${c.performanceLabel ?? ''} ${c.followUpNote ?? ''}`}</Descriptions.Item>}
            </Descriptions>
          </Card>
          <Card
            title="调解记录"
            size="small"
            style={{ marginBottom: 16 }}
            extra={
              manage && workflow?.state === 'mediating' ? (
                <Button size="small" onClick={() => { form.resetFields(); setSessionOpen(true); }}>
                  登记调解记录
                </Button>
              ) : null
            }
          >
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={sessions}
              locale={{ emptyText: '暂无调解记录' }}
              columns={[
                { title: '日期', dataIndex: 'sessionDate', width: 110 },
                { title: '调解员', dataIndex: 'mediatorNames', width: 120 },
                { title: '地点', dataIndex: 'location', width: 140, render: (v) => v ?? '—' },
                { title: '调解经过', dataIndex: 'content' },
              ]}
            />
          </Card>
          <Card title="文书" size="small" style={{ marginBottom: 16 }}>
            {instruments.length ? (
              <List
                size="small"
                dataSource={instruments}
                renderItem={(i) => (
                  <List.Item data-testid="instrument" actions={[<a key="d" href={`/api/instruments/${i.id}/docx`}><FileWordOutlined /> 下载</a>]}>
                    {i.title} {i.number}
                  </List.Item>
                )}
              />
            ) : (
              <Empty description="暂无文书（书面调解协议达成后生成人民调解协议书）" image={Empty.PRESENTED_IMAGE_SIMPLE} />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card title="办理与期限" size="small" style={{ marginBottom: 16 }}>
            <Space direction="vertical" style={{ width: '100%' }}>
              <Deadlines wf={workflow} />
              {confirmation && (
                <>
                  <Typography.Text strong>司法确认：{confirmation.stateLabel}</Typography.Text>
                  <Deadlines wf={confirmation} />
                </>
              )}
              {manage && (
                <Space wrap>
                  {actions.map((a) => (
                    <Button key={a.key} type={['succeed', 'accept', 'dispatch'].includes(a.key) ? 'primary' : 'default'} danger={['reject', 'terminate'].includes(a.key)} onClick={() => setStep(a)}>
                      {a.label}
                    </Button>
                  ))}
                </Space>
              )}
            </Space>
          </Card>
          <Card title="办理经过" size="small">
            <Timeline items={timeline.map((t) => ({ children: <><Typography.Text strong>{t.date} {t.label}</Typography.Text><div>{t.detail}</div></> }))} />
          </Card>
        </Col>
      </Row>

      <Modal open={!!step} title={step?.label} onCancel={() => setStepState(null)} onOk={okStep} confirmLoading={run.isPending} okText="提交" cancelText="取消" destroyOnHidden width={620}>
        {step?.key === 'dispatch' && (
          <Card size="small" title="分派建议（纠纷类型、地域、在办案件数）" style={{ marginBottom: 12 }}>
            <List
              size="small"
              loading={suggestions.isLoading}
              dataSource={(suggestions.data ?? []).slice(0, 5)}
              renderItem={(s) => (
                <List.Item actions={[<a key="use" onClick={() => form.setFieldsValue({ committeeOrgId: s.committeeOrgId === c.orgId ? undefined : s.committeeOrgId, mediatorId: s.mediatorId ?? undefined })}>采用</a>]}>
                  <List.Item.Meta title={`${s.committeeName}${s.mediatorName ? ' · ' + s.mediatorName : ''}（${s.score}分）`} description={s.reasons.join('；')} />
                </List.Item>
              )}
            />
          </Card>
        )}
        <Form form={form} layout="vertical" onFinish={submitStep} initialValues={{ date: dayjs() }}>
          {(step ? stepFields[step.key] ?? [date()] : []).map((f) => (
            <Form.Item key={f.name} name={f.name} label={f.label} extra={f.extra} valuePropName={f.kind === 'boolean' ? 'checked' : 'value'} rules={f.required ? [{ required: true, message: `请填写${f.label}` }] : []}>
              {input(f)}
            </Form.Item>
          ))}
        </Form>
      </Modal>

      <Modal open={sessionOpen} title="登记调解记录" onCancel={() => setSessionOpen(false)} onOk={() => form.submit()} confirmLoading={run.isPending} okText="保存" cancelText="取消" destroyOnHidden>
        <Form
          form={form}
          layout="vertical"
          initialValues={{ sessionDate: dayjs(), mediatorNames: c.mediatorNames ?? '' }}
          onFinish={(v) => run.mutate({ url: `/api/mediation/cases/${id}/sessions`, body: values(v) })}
        >
          <Form.Item name="sessionDate" label="调解日期" rules={[{ required: true, message: '请选择调解日期' }]}>
            <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
          </Form.Item>
          <Form.Item name="mediatorNames" label="参加调解的调解员" rules={[{ required: true, message: '请填写调解员' }]}>
            <Input />
          </Form.Item>
          <Form.Item name="location" label="地点">
            <Input />
          </Form.Item>
          <Form.Item name="content" label="调解经过" rules={[{ required: true, message: '请填写调解经过' }]}>
            <Input.TextArea rows={4} />
          </Form.Item>
        </Form>
      </Modal>
    </PageContainer>
  );
}
