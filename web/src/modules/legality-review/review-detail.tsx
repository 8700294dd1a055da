import type { ReactNode } from 'react';
import { useParams } from 'react-router';
import { Link } from 'react-router';
import { Alert, Button, Card, Col, DatePicker, Descriptions, Form, Input, Radio, Row, Select, Skeleton, Space, Table, Tag, Timeline, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../api/client';
import { PageContainer } from '../../platform/components/page-container';
import { DeadlineTag } from '../../platform/components/deadline-tag';
import { ActionModal } from './action-modal';
import { opinionColor } from './review-list';
import { options, useMeta, useReview, type ClauseOpinion, type Consultation, type Meta, type ReviewDetail } from './api';

const text = (name: string, label: string, message: string, required = true) => (
  <Form.Item key={name} name={name} label={label} rules={required ? [{ required: true, whitespace: true, message }, { min: 2, message: '至少2个字' }] : []}>
    <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={5000} />
  </Form.Item>
);

/** 逐条意见: 条款 + 意见 + 理由 rows. */
function ClauseRows() {
  return (
    <Form.List name="clauses">
      {(fields, { add, remove }) => (
        <div style={{ marginBottom: 12 }}>
          <Typography.Text strong>逐条意见（条款、意见、理由）</Typography.Text>
          {fields.map((f, i) => (
            <Space key={f.key} align="start" style={{ display: 'flex', marginTop: 8 }} wrap>
              <Form.Item name={[f.name, 'clause']} rules={[{ required: true, whitespace: true, message: '请填写条款（如：第三条）' }]} style={{ marginBottom: 0, width: 110 }}>
                <Input placeholder="条款" aria-label={`第${i + 1}条意见的条款`} maxLength={200} />
              </Form.Item>
              <Form.Item name={[f.name, 'opinion']} rules={[{ required: true, whitespace: true, message: '请填写该条款的审查意见' }, { min: 2, message: '至少2个字' }]} style={{ marginBottom: 0, width: 200 }}>
                <Input.TextArea placeholder="意见" aria-label={`第${i + 1}条意见`} autoSize={{ minRows: 1, maxRows: 4 }} maxLength={5000} />
              </Form.Item>
              <Form.Item name={[f.name, 'reason']} rules={[{ required: true, whitespace: true, message: '请填写该条款的理由或依据' }, { min: 2, message: '至少2个字' }]} style={{ marginBottom: 0, width: 200 }}>
                <Input.TextArea placeholder="理由或依据" aria-label={`第${i + 1}条理由`} autoSize={{ minRows: 1, maxRows: 4 }} maxLength={5000} />
              </Form.Item>
              <MinusCircleOutlined onClick={() => remove(f.name)} aria-label="删除该条" style={{ marginTop: 8 }} />
            </Space>
          ))}
          <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => add({ clause: '', opinion: '', reason: '' })} style={{ marginTop: 8 }}>
            添加一条意见
          </Button>
        </div>
      )}
    </Form.List>
  );
}

/** The form of each step of the flow (src/modules/legality-review/workflow.ts), with the rule it follows. */
function fieldsOf(action: string, meta: Meta | undefined, r: ReviewDetail): { fields: ReactNode[]; hint?: string; danger?: boolean; initial?: Record<string, unknown>; width?: number } {
  const opinionOptions = meta ? options(meta.opinions) : [];
  const county = r.flow === 'county';
  switch (action) {
    case 'accept':
      return { fields: [text('note', '备注', '', false)], hint: `材料齐全，${county ? '受理审查' : '转司法所审查'}；审查期限自受理之日起计算，一般不少于5个工作日、最长15个工作日（国办发〔2018〕115号）。` };
    case 'return':
      return { fields: [text('reason', '退回理由或需补齐的材料', '请写明退回理由或需补齐的材料')], danger: true };
    case 'requestSupplement':
      return { fields: [text('items', '需要补充的材料', '请写明需要补充的材料')], hint: '补充材料的时间不计入审查期限（国办发〔2018〕115号），期限暂停计算。' };
    case 'supplied':
      return { fields: [text('note', '备注', '', false)], hint: '收到补充材料后，审查期限继续计算。' };
    case 'consult':
      return {
        initial: { expertKind: 'legalAdviser' },
        fields: [
          <Form.Item key="expertKind" name="expertKind" label="咨询对象类别" rules={[{ required: true, message: '请选择法律顾问、公职律师或专家学者' }]}>
            <Radio.Group options={meta ? options(meta.expertKinds) : []} />
          </Form.Item>,
          text('expert', '法律顾问/公职律师', '请填写咨询的法律顾问或公职律师'),
          text('question', '咨询的问题', '请填写咨询的问题'),
          text('opinion', '专家意见', '请填写专家意见'),
        ],
      };
    case 'issueOpinion':
      return {
        width: 820,
        initial: { clauses: [] },
        hint: `修改后合法或不合法的，须逐条写明理由。审核时间一般不少于${r.minimumDays.days}个工作日（${r.minimumDays.cite}），自受理之日起算、补充材料期间不计；不足的须写明提前出具意见的理由（如急需）。`,
        fields: [
          <Form.Item key="opinion" name="opinion" label="审查意见" rules={[{ required: true, message: '请选择审查意见：合法、修改后合法或不合法' }]}>
            <Select options={opinionOptions} placeholder="请选择" />
          </Form.Item>,
          <ClauseRows key="clauses" />,
          <Form.Item key="reasons" name="reasons" label="意见和理由" extra="可逐条填写在上方，也可在此综合写明" dependencies={['opinion', 'clauses']}
            rules={[({ getFieldValue }) => ({ validator: (_, v?: string) => (getFieldValue('opinion') && getFieldValue('opinion') !== 'lawful' && !(getFieldValue('clauses') ?? []).length && (v ?? '').trim().length < 2 ? Promise.reject(new Error('修改后合法或不合法的意见须逐条写明理由')) : Promise.resolve()) })]}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} maxLength={10000} />
          </Form.Item>,
          <Form.Item key="earlyReason" name="earlyReason" label="提前出具意见的理由" extra={`自受理起审查不足${r.minimumDays.days}个工作日的必填（如：急需提交会议研究）`}>
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} />
          </Form.Item>,
        ],
      };
    case 'feedback':
      return {
        width: 720,
        initial: { clauses: r.clauses.map((c) => ({ seq: c.seq, adopted: true, explanation: '' })) },
        fields: [
          <Form.Item key="adopted" name="adopted" label="是否采纳审查意见" rules={[{ required: true, message: '请选择是否采纳' }]}>
            <Radio.Group options={[{ value: true, label: '采纳' }, { value: false, label: '未采纳' }]} />
          </Form.Item>,
          <Form.Item key="explanation" name="explanation" label="说明" extra="未采纳审查意见的，应当说明理由" dependencies={['adopted']}
            rules={[({ getFieldValue }) => ({ validator: (_, v?: string) => (getFieldValue('adopted') === false && (v ?? '').trim().length < 2 ? Promise.reject(new Error('未采纳审查意见的，应当说明理由')) : Promise.resolve()) })]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={5000} />
          </Form.Item>,
          r.clauses.length > 0 && (
            <Form.List key="clauses" name="clauses">
              {(fields) => (
                <div>
                  <Typography.Text strong>逐条采纳情况</Typography.Text>
                  {fields.map((f, i) => (
                    <Space key={f.key} align="start" style={{ display: 'flex', marginTop: 8 }} wrap>
                      <Typography.Text style={{ width: 160, display: 'inline-block' }}>{r.clauses[i]?.clause}：{r.clauses[i]?.opinion}</Typography.Text>
                      <Form.Item name={[f.name, 'seq']} hidden><Input /></Form.Item>
                      <Form.Item name={[f.name, 'adopted']} style={{ marginBottom: 0 }}>
                        <Radio.Group options={[{ value: true, label: '采纳' }, { value: false, label: '未采纳' }]} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'explanation']} style={{ marginBottom: 0, width: 220 }} dependencies={[['clauses', f.name, 'adopted']]}
                        rules={[({ getFieldValue }) => ({ validator: (_, v?: string) => (getFieldValue(['clauses', f.name, 'adopted']) === false && (v ?? '').trim().length < 2 ? Promise.reject(new Error('未采纳的请说明理由')) : Promise.resolve()) })]}>
                        <Input placeholder="未采纳的说明理由" maxLength={5000} />
                      </Form.Item>
                    </Space>
                  ))}
                </div>
              )}
            </Form.List>
          ),
        ],
      };
    case 'withdraw':
      return { fields: [text('reason', '撤回理由', '请填写撤回理由')], danger: true };
    default:
      return { fields: [] };
  }
}

function Actions({ r }: { r: ReviewDetail }) {
  const meta = useMeta();
  const wf = r.workflow;
  if (!wf || !wf.available.length) return null;
  return (
    <Space wrap>
      {wf.available.map((a, i) => {
        const f = fieldsOf(a.key, meta.data, r);
        return (
          <ActionModal<Record<string, unknown> & { date: Dayjs }>
            key={a.key}
            label={a.label}
            type={i === 0 && !f.danger ? 'primary' : 'default'}
            danger={f.danger}
            hint={f.hint}
            width={f.width}
            initialValues={{ date: dayjs(), ...f.initial }}
            send={({ date, ...data }) => api.post(`/api/legality/reviews/${r.id}/actions/${a.key}`, { version: wf.version, data: { ...data, date: date.format('YYYY-MM-DD') } })}
          >
            <Form.Item name="date" label="日期" rules={[{ required: true, message: '请选择日期' }]}>
              <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
            </Form.Item>
            {f.fields}
          </ActionModal>
        );
      })}
    </Space>
  );
}

function ClauseTable({ clauses }: { clauses: ClauseOpinion[] }) {
  return (
    <Table<ClauseOpinion>
      data-testid="review-clauses"
      rowKey="id"
      size="small"
      pagination={false}
      style={{ marginTop: 12 }}
      dataSource={clauses}
      columns={[
        { title: '序号', dataIndex: 'seq', width: 56 },
        { title: '条款', dataIndex: 'clause', width: 100 },
        { title: '意见', dataIndex: 'opinion' },
        { title: '理由', dataIndex: 'reason' },
        { title: '采纳', dataIndex: 'adopted', width: 160, render: (v: boolean | null, c) => (v == null ? '—' : v ? <Tag color="green">采纳</Tag> : <span><Tag color="red">未采纳</Tag>{c.explanation}</span>) },
      ]}
    />
  );
}

/** 征求法律顾问/公职律师意见: who, when, the question and the opinion. */
function Consultations({ items }: { items: Consultation[] }) {
  return (
    <Card title="征求法律顾问、公职律师意见" style={{ marginBottom: 16 }} data-testid="review-consultations">
      {items.map((c) => (
        <Descriptions key={c.id} size="small" column={1} style={{ marginBottom: 8 }} bordered
          items={[
            { key: 'who', label: c.expertKindLabel, children: `${c.expertName}（${c.consultedDate}）` },
            { key: 'q', label: '咨询问题', children: c.question },
            { key: 'o', label: '意见', children: <span style={{ whiteSpace: 'pre-wrap' }}>{c.opinion}</span> },
          ]}
        />
      ))}
    </Card>
  );
}

const dataLabels: Record<string, string> = { note: '备注', reason: '理由', items: '补充材料', expert: '专家', question: '咨询问题', opinion: '意见', reasons: '理由', explanation: '说明', earlyReason: '提前出具理由' };

/** 合法性审查事项 page: facts, the review deadline with its light and citation, the next steps, 办理过程. */
export default function ReviewDetailPage() {
  const { id = '' } = useParams();
  const q = useReview(id);
  const meta = useMeta();
  if (q.isPending) return <Skeleton active paragraph={{ rows: 10 }} style={{ padding: 24 }} />;
  if (q.error || !q.data) return <PageContainer title="合法性审查"><Alert type="error" showIcon title={q.error?.message ?? '未找到该事项'} /></PageContainer>;
  const r = q.data;
  const wf = r.workflow;
  return (
    <PageContainer title={<span>{r.serialNumber} {r.title} <Tag color={wf?.isFinal ? 'default' : 'processing'}>{r.stateLabel}</Tag></span>} extra={<Actions r={r} />}>
      {wf && wf.deadlines.length > 0 && (
        <Card size="small" style={{ marginBottom: 16 }} data-testid="review-deadlines">
          {wf.deadlines.map((d) => (
            <div key={d.label} style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
              <DeadlineTag deadline={d} />
              <span>{d.label}：截止 <strong>{d.dueDate}</strong></span>
              <Typography.Text type="secondary">依据：{d.cite}</Typography.Text>
            </div>
          ))}
          {wf.suspended && <Alert type="warning" showIcon style={{ marginTop: 8 }} title="补充材料中，审查期限暂停计算（国办发〔2018〕115号）" />}
        </Card>
      )}
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <Card title="送审事项" style={{ marginBottom: 16 }}>
            <Descriptions size="small" column={{ xs: 1, md: 2 }}>
              <Descriptions.Item label="编号">{r.serialNumber}</Descriptions.Item>
              <Descriptions.Item label="审查对象">{r.objectTypeLabel}</Descriptions.Item>
              <Descriptions.Item label="承办机构">{r.submitterName}</Descriptions.Item>
              <Descriptions.Item label="审查机构">{r.orgName ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="流程">{r.flowLabel}</Descriptions.Item>
              {r.entryMode !== 'workflow' && <Descriptions.Item label="来源">{r.entryModeLabel}</Descriptions.Item>}
              {r.meetingDate && <Descriptions.Item label="会议日期">{r.meetingDate}</Descriptions.Item>}
              {r.document && <Descriptions.Item label="关联规范性文件" span={2}><Link to={`/legality/documents/${r.document.id}`} data-testid="review-document">{r.document.title}</Link></Descriptions.Item>}
              <Descriptions.Item label="送审日期">{r.submittedDate}</Descriptions.Item>
              <Descriptions.Item label="受理日期">{r.acceptedDate ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="状态">{r.stateLabel}</Descriptions.Item>
              <Descriptions.Item label="事项概要" span={2}>{r.summary || '—'}</Descriptions.Item>
            </Descriptions>
          </Card>
          {r.opinion && (
            <Card title="审查意见" style={{ marginBottom: 16 }} data-testid="review-opinion">
              <Descriptions size="small" column={1}>
                <Descriptions.Item label="意见"><Tag color={opinionColor[r.opinion]}>{r.opinionLabel}</Tag></Descriptions.Item>
                <Descriptions.Item label="出具日期">{r.opinionDate}</Descriptions.Item>
                {r.reviewerName && <Descriptions.Item label="审查人">{r.reviewerName}</Descriptions.Item>}
                {r.earlyReason && <Descriptions.Item label="提前出具理由">{r.earlyReason}</Descriptions.Item>}
                {r.opinionReasons && !r.clauses.length && <Descriptions.Item label="理由"><span style={{ whiteSpace: 'pre-wrap' }}>{r.opinionReasons}</span></Descriptions.Item>}
                {r.feedbackDate && <Descriptions.Item label="采纳情况">{r.adopted ? '已采纳' : '未采纳'}（{r.feedbackDate}）{r.adoptionNote ? `：${r.adoptionNote}` : ''}</Descriptions.Item>}
                {r.archivedDate && <Descriptions.Item label="归档日期">{r.archivedDate}</Descriptions.Item>}
              </Descriptions>
              {r.clauses.length > 0 && <ClauseTable clauses={r.clauses} />}
            </Card>
          )}
          {r.consultations.length > 0 && <Consultations items={r.consultations} />}
        </Col>
        <Col xs={24} lg={10}>
          <Card title="办理过程">
            <Timeline
              items={r.history.map((h) => {
                const extra = Object.entries(h.data ?? {}).filter(([k, v]) => k !== 'date' && v !== '' && v != null && dataLabels[k]);
                return {
                  content: (
                    <div>
                      <div>{h.eventDate} {(r.flow === 'county' ? meta.data?.countyReviewStates : meta.data?.reviewStates)?.[h.toState] ?? h.toState}{h.actorName ? <Typography.Text type="secondary">（{h.actorName}）</Typography.Text> : null}</div>
                      {extra.map(([k, v]) => (
                        <Typography.Text key={k} type="secondary" style={{ display: 'block', fontSize: 12 }}>
                          {dataLabels[k]}：{k === 'opinion' && h.transition === 'issueOpinion' ? meta.data?.opinions[String(v)] ?? String(v) : String(v)}
                        </Typography.Text>
                      ))}
                      {h.note && <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>{h.note}</Typography.Text>}
                    </div>
                  ),
                };
              })}
            />
          </Card>
        </Col>
      </Row>
    </PageContainer>
  );
}
