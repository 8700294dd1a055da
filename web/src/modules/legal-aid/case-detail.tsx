import type { ReactElement } from 'react';
import { useParams, useNavigate } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, Col, DatePicker, Descriptions, Empty, Form, Input, InputNumber, Row, Select, Skeleton, Space, Table, Tag, Timeline, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { PageContainer } from '../../platform/components/page-container';
import { DeadlineTag } from '../../platform/components/deadline-tag';
import { ReasonButton } from '../../platform/components/reason-modal';
import { useSession } from '../../platform/auth/session';
import { api } from '../../api/client';
import { ActionModal } from './action-modal';
import { gradeColor, KEY, options, PERM, stateColor, useCase, useInstruments, useMeta, type CaseDetail } from './api';

const day = (d?: Dayjs) => (d ? d.format('YYYY-MM-DD') : undefined);
const DateItem = ({ label = '日期' }: { label?: string }) => (
  <Form.Item name="date" label={label} rules={[{ required: true, message: '请选择日期' }]}><DatePicker style={{ width: '100%' }} /></Form.Item>
);

interface LawyerOption { id: string; name: string; firmName: string | null; kindLabel: string }

/** One 法律援助 case: its facts, deadlines (审查 7日 / 指派 3日) with their articles, the next steps, 文书 and history. */
export default function CaseDetailPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { can } = useSession();
  const qc = useQueryClient();
  const q = useCase(id);
  const meta = useMeta();
  const instruments = useInstruments(id);
  const lawyers = useQuery({ queryKey: [KEY, 'lawyers', 'active'], queryFn: () => api.get<{ items: LawyerOption[] }>('/api/legal-aid/assignable-lawyers'), enabled: can(PERM.decide) });
  if (q.isLoading || !q.data) return <Skeleton active paragraph={{ rows: 10 }} />;
  const c: CaseDetail = q.data;
  const wf = c.workflow;
  const act = (action: string) => (v: Record<string, unknown> & { date?: Dayjs }) => api.post(`/api/legal-aid/cases/${c.id}/actions/${action}`, { version: wf!.version, data: { ...v, date: day(v.date) } });
  const today = dayjs();
  const m = meta.data;

  const forms: Record<string, ReactElement> = {
    requestSupplement: (
      <ActionModal key="requestSupplement" label="一次性告知补充材料" hint="补充材料期间不计入7日审查期限；未按要求补充的视为撤回申请（法律援助法 第四十三条第二款）" initialValues={{ date: today }} send={act('requestSupplement')}>
        <DateItem /><Form.Item name="items" label="需补充的材料或说明" rules={[{ required: true, message: '请写明需要补充的材料' }]}><Input.TextArea rows={3} /></Form.Item>
      </ActionModal>
    ),
    supplied: <ActionModal key="supplied" label="收到补充材料" initialValues={{ date: today }} send={act('supplied')}><DateItem /><Form.Item name="note" label="备注"><Input.TextArea rows={2} /></Form.Item></ActionModal>,
    deemWithdrawn: <ActionModal key="deemWithdrawn" label="视为撤回申请" danger initialValues={{ date: today }} send={act('deemWithdrawn')}><DateItem /><Form.Item name="note" label="备注"><Input.TextArea rows={2} /></Form.Item></ActionModal>,
    grant: (
      <ActionModal key="grant" label="决定给予法律援助" type="primary" hint={c.means ? `${c.means.eligible ? '符合' : '不符合'}经济困难条件：${c.means.reason}（${c.means.cite}）` : undefined} initialValues={{ date: today }} send={act('grant')}>
        <DateItem label="决定日期" /><Form.Item name="note" label="审查意见"><Input.TextArea rows={2} /></Form.Item>
      </ActionModal>
    ),
    deny: (
      <ActionModal key="deny" label="决定不予法律援助" danger initialValues={{ date: today }} send={act('deny')} hint="申请人对不予法律援助的决定有异议的，可以向司法行政部门提出（法律援助法 第四十九条）">
        <DateItem label="决定日期" /><Form.Item name="reason" label="不予法律援助的理由" rules={[{ required: true, message: '请写明理由' }]}><Input.TextArea rows={3} /></Form.Item>
      </ActionModal>
    ),
    correct: <ActionModal key="correct" label="依异议决定改正，给予法律援助" type="primary" initialValues={{ date: today }} send={act('correct')}><DateItem /><Form.Item name="note" label="说明"><Input.TextArea rows={2} /></Form.Item></ActionModal>,
    assign: (
      <ActionModal key="assign" label="指派法律援助人员" type="primary" initialValues={{ date: today, assigneeKind: 'lawyer' }} send={act('assign')} hint={c.channel === 'notice' ? '收到通知之日起3日内指派律师并通知办案机关（法律援助法 第三十六条）' : '作出给予法律援助决定之日起3日内指派（法律援助法 第四十三条）'}>
        <DateItem label="指派日期" />
        <Form.Item name="lawyerId" label="承办律师 / 基层法律服务工作者" rules={[{ required: true, message: '请选择承办人' }]}>
          <Select showSearch optionFilterProp="label" placeholder="输入姓名检索" options={(lawyers.data?.items ?? []).map((l) => ({ value: l.id, label: `${l.name}（${l.firmName ?? ''}，${l.kindLabel}）` }))} />
        </Form.Item>
        <Form.Item name="assigneeKind" label="人员类别"><Select options={m ? options(m.assigneeKinds) : []} /></Form.Item>
      </ActionModal>
    ),
    close: <ActionModal key="close" label="审查结案材料，结案" type="primary" initialValues={{ date: today }} send={act('close')}><DateItem label="结案日期" /><Form.Item name="result" label="办理结果" rules={[{ required: true, message: '请填写办理结果' }]}><Input.TextArea rows={2} /></Form.Item></ActionModal>,
    evaluate: (
      <ActionModal<Record<string, unknown> & { date?: Dayjs; s?: Record<string, number> }> key="evaluate" label="质量评估" type="primary" width={620} initialValues={{ date: today }}
        hint={m ? `按总分评定：优秀≥${m.gradeThresholds.excellent}，良好≥${m.gradeThresholds.good}，合格≥${m.gradeThresholds.pass}，以下为不合格` : undefined}
        send={(v) => api.post(`/api/legal-aid/cases/${c.id}/actions/evaluate`, { version: wf!.version, data: { date: day(v.date), assessor: v.assessor, note: v.note, scores: v.s } })}>
        <DateItem label="评估日期" />
        <Form.Item name="assessor" label="评估人" rules={[{ required: true, message: '请填写评估人' }]}><Input /></Form.Item>
        <Row gutter={12}>
          {m && Object.entries(m.qualityItems).map(([k, it]) => (
            <Col span={12} key={k}><Form.Item name={['s', k]} label={`${it.label}（满分${it.max}）`} rules={[{ required: true, message: '请评分' }]}><InputNumber min={0} max={it.max} style={{ width: '100%' }} /></Form.Item></Col>
          ))}
        </Row>
        <Form.Item name="note" label="评估意见"><Input.TextArea rows={2} /></Form.Item>
      </ActionModal>
    ),
    terminate: (
      <ActionModal key="terminate" label="终止法律援助" danger initialValues={{ date: today }} send={act('terminate')}>
        <DateItem /><Form.Item name="ground" label="终止情形（法律援助法 第四十八条）" rules={[{ required: true, message: '请选择' }]}><Select options={m ? options(m.terminationGrounds) : []} /></Form.Item>
        <Form.Item name="note" label="说明"><Input.TextArea rows={2} /></Form.Item>
      </ActionModal>
    ),
  };

  return (
    <PageContainer
      title={<Space>{c.caseNumber}<Tag color={stateColor(c.state)} data-testid="case-state">{c.stateLabel}</Tag></Space>}
      extra={
        <>
          {wf?.available.map((a) => forms[a.key])}
          {c.mayHandle && c.state === 'assigned' && (
            <>
              <ActionModal key="progress" label="记录办理进展" initialValues={{ date: today }} send={(v: { date?: Dayjs; text: string }) => api.post(`/api/legal-aid/cases/${c.id}/progress`, { date: day(v.date), text: v.text })}>
                <DateItem /><Form.Item name="text" label="办理进展（会见、阅卷、调查取证、开庭…）" rules={[{ required: true, message: '请填写办理进展' }]}><Input.TextArea rows={3} /></Form.Item>
              </ActionModal>
              <ActionModal key="closing" label="提交结案材料" initialValues={{ date: today, materials: ['report'] }} hint="法律援助事项办理结束后，及时向法律援助机构报告并提交材料（法律援助法 第五十条）"
                send={(v: { date?: Dayjs; materials: string[]; report: string }) => api.post(`/api/legal-aid/cases/${c.id}/closing`, { date: day(v.date), materials: v.materials, report: v.report })}>
                <DateItem /><Form.Item name="materials" label="提交的材料" rules={[{ required: true, message: '请选择材料' }]}><Checkbox.Group options={m ? options(m.closingMaterials) : []} /></Form.Item>
                <Form.Item name="report" label="办理情况报告" rules={[{ required: true, message: '请填写办理情况报告' }]}><Input.TextArea rows={3} /></Form.Item>
              </ActionModal>
            </>
          )}
          {(c.state === 'denied' || c.state === 'terminated') && can(PERM.register) && (
            <ActionModal key="objection" label="登记异议" initialValues={{ receivedDate: today }} hint="司法行政部门应当自收到异议之日起5日内审查并作出决定（法律援助法 第四十九条）"
              send={(v: { receivedDate?: Dayjs; reason: string }) => api.post(`/api/legal-aid/cases/${c.id}/objections`, { receivedDate: day(v.receivedDate), reason: v.reason })}>
              <Form.Item name="receivedDate" label="收到异议日期"><DatePicker style={{ width: '100%' }} /></Form.Item>
              <Form.Item name="reason" label="异议理由" rules={[{ required: true, message: '请填写异议理由' }]}><Input.TextArea rows={3} /></Form.Item>
            </ActionModal>
          )}
          {can(PERM.decide) && (
            <ReasonButton title="作废该案件" warning="作废用于登记错误的案件，不会物理删除，作废原因记入审计日志。" onConfirm={async (reason) => { await api.post(`/api/legal-aid/cases/${c.id}/void`, { reason }); await qc.invalidateQueries({ queryKey: [KEY] }); navigate('/legal-aid/cases'); }}>作废</ReasonButton>
          )}
        </>
      }
    >
      {wf && wf.deadlines.some((d) => d.status === 'open' || d.status === 'paused') && (
        <Alert style={{ marginBottom: 12 }} type="info" showIcon title={<Space wrap>{wf.deadlines.filter((d) => d.status === 'open' || d.status === 'paused').map((d) => <span key={d.id} data-testid="deadline">{d.label}：{d.status === 'paused' ? '已中止' : `${d.dueDate} 前`}（{d.cite}） <DeadlineTag deadline={{ ...d, light: d.light ?? 'green' }} /></span>)}</Space>} />
      )}
      <Row gutter={16}>
        <Col xs={24} lg={16}>
          <Card title="案件信息" size="small" style={{ marginBottom: 16 }}>
            <Descriptions column={2} size="small" bordered>
              <Descriptions.Item label="案件类别">{c.caseTypeLabel}</Descriptions.Item>
              <Descriptions.Item label="来源">{c.channelLabel}{c.urgent && <Tag color="red" style={{ marginLeft: 8 }}>先行提供</Tag>}</Descriptions.Item>
              <Descriptions.Item label="受援人">{c.applicantName}</Descriptions.Item>
              <Descriptions.Item label="收案日期">{c.receivedDate}</Descriptions.Item>
              <Descriptions.Item label="身份证号">{c.revealed?.applicantIdNumber ?? c.applicantIdMasked ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="联系电话">{c.revealed?.applicantPhone ?? c.applicantPhoneMasked ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="住址" span={2}>{c.revealed?.applicantAddress ?? c.applicantAddressMasked ?? '—'}{can(PERM.decide) && !c.revealed && <Button type="link" size="small" onClick={() => qc.fetchQuery({ queryKey: [KEY, 'case', id], queryFn: () => api.get<CaseDetail>(`/api/legal-aid/cases/${id}`, { reveal: 1 }) })}>查看完整信息（记入审计）</Button>}</Descriptions.Item>
              <Descriptions.Item label="案情及申请事项" span={2}>{c.matter}</Descriptions.Item>
              {c.noticeOrgName && <Descriptions.Item label="通知机关" span={2}>{c.noticeOrgName} {c.noticeNumber}</Descriptions.Item>}
              {c.means && <Descriptions.Item label="经济困难审查" span={2}><Tag color={c.means.eligible ? 'green' : 'red'}>{c.means.eligible ? '符合' : '不符合'}</Tag>{c.meansGroundLabel}：{c.means.reason}（{c.means.cite}）</Descriptions.Item>}
              {c.decision && <Descriptions.Item label="审查决定">{c.decision === 'grant' ? '给予法律援助' : '不予法律援助'}（{c.decisionDate}）</Descriptions.Item>}
              {c.decisionReason && <Descriptions.Item label="理由">{c.decisionReason}</Descriptions.Item>}
              {c.assignedDate && <Descriptions.Item label="承办人" span={2}>{c.assigneeName}（{c.assigneeFirm}，{c.assigneeKindLabel}），{c.assignedDate} 指派</Descriptions.Item>}
              {c.closedDate && <Descriptions.Item label="结案" span={2}>{c.closedDate}：{c.closingResult}</Descriptions.Item>}
              {c.closingMaterials && <Descriptions.Item label="结案材料" span={2}>{c.closingMaterials.join('、')}</Descriptions.Item>}
              {c.qualityGrade && <Descriptions.Item label="质量评估" span={2}><Tag color={gradeColor[c.qualityGrade]}>{c.qualityGradeLabel}</Tag>总分 {c.qualityTotal}（{c.qualityDate}，{c.qualityAssessor}）{m && c.qualityScores && <div>{Object.entries(m.qualityItems).map(([k, it]) => `${it.label} ${c.qualityScores![k] ?? '—'}/${it.max}`).join('；')}</div>}</Descriptions.Item>}
              {c.terminationGroundLabel && <Descriptions.Item label="终止情形" span={2}>{c.terminationGroundLabel}</Descriptions.Item>}
            </Descriptions>
          </Card>
          <Card title="办理记录" size="small" style={{ marginBottom: 16 }}>
            {c.entries.length ? (
              <Timeline items={c.entries.map((e) => ({ children: <div><Typography.Text strong>{e.date} {e.kind === 'closing' ? '提交结案材料' : '办理进展'}</Typography.Text>（{e.by}）<div>{e.text}</div>{e.items && <div>材料：{e.items.join('、')}</div>}</div> }))} />
            ) : <Empty description="承办人尚未记录办理情况" />}
          </Card>
          {c.objections.length > 0 && (
            <Card title="异议" size="small" style={{ marginBottom: 16 }}>
              <Table size="small" rowKey="id" pagination={false} dataSource={c.objections} columns={[{ title: '收到日期', dataIndex: 'receivedDate' }, { title: '理由', dataIndex: 'reason' }, { title: '审查结果', dataIndex: 'decisionLabel', render: (v: string | null, r) => v ? `${v}（${r.decisionDate}）` : <Tag color="orange">待审查</Tag> }]} />
            </Card>
          )}
        </Col>
        <Col xs={24} lg={8}>
          <Card title="文书" size="small" style={{ marginBottom: 16 }}>
            {instruments.data?.items.length ? instruments.data.items.map((i) => (
              <div key={i.id} style={{ marginBottom: 8 }}>
                <Button size="small" icon={<DownloadOutlined />} href={`/api/instruments/${i.id}/docx`} disabled={!!i.voidedAt}>{i.title}</Button> <Typography.Text type="secondary">{i.number}</Typography.Text>
              </div>
            )) : <Empty description="暂无文书" image={Empty.PRESENTED_IMAGE_SIMPLE} />}
          </Card>
          <Card title="流程记录" size="small">
            <Timeline items={[{ children: `${c.receivedDate} 收案` }, ...c.history.filter((h) => h.transition !== 'start').map((h) => ({ children: `${h.eventDate} ${meta.data?.states[h.toState] ?? h.toState}（${h.actorName ?? '系统'}）` }))]} />
          </Card>
        </Col>
      </Row>
    </PageContainer>
  );
}
