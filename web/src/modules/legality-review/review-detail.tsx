import type { ReactNode } from 'react';
import { useParams } from 'react-router';
import { Alert, Card, Col, DatePicker, Descriptions, Form, Input, Radio, Row, Select, Skeleton, Space, Tag, Timeline, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../api/client';
import { PageContainer } from '../../platform/components/page-container';
import { DeadlineTag } from '../../platform/components/deadline-tag';
import { ActionModal } from './action-modal';
import { opinionColor } from './review-list';
import { options, useMeta, useReview, type ReviewDetail } from './api';

const text = (name: string, label: string, message: string, required = true) => (
  <Form.Item key={name} name={name} label={label} rules={required ? [{ required: true, whitespace: true, message }, { min: 2, message: '至少2个字' }] : []}>
    <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={5000} />
  </Form.Item>
);

/** The form of each step of the flow (src/modules/legality-review/workflow.ts), with the rule it follows. */
function fieldsOf(action: string, opinionOptions: { value: string; label: string }[]): { fields: ReactNode[]; hint?: string; danger?: boolean } {
  switch (action) {
    case 'accept':
      return { fields: [text('note', '备注', '', false)], hint: '材料齐全，转司法所审查；审查期限自受理之日起计算，最长15个工作日（国办发〔2018〕115号）。' };
    case 'return':
      return { fields: [text('reason', '退回理由或需补齐的材料', '请写明退回理由或需补齐的材料')], danger: true };
    case 'requestSupplement':
      return { fields: [text('items', '需要补充的材料', '请写明需要补充的材料')], hint: '补充材料的时间不计入审查期限（国办发〔2018〕115号），期限暂停计算。' };
    case 'supplied':
      return { fields: [text('note', '备注', '', false)], hint: '收到补充材料后，审查期限继续计算。' };
    case 'consult':
      return { fields: [text('expert', '法律顾问/公职律师', '请填写咨询的法律顾问或公职律师'), text('opinion', '专家意见', '请填写专家意见')] };
    case 'issueOpinion':
      return {
        fields: [
          <Form.Item key="opinion" name="opinion" label="审查意见" rules={[{ required: true, message: '请选择审查意见：合法、修改后合法或不合法' }]}>
            <Select options={opinionOptions} placeholder="请选择" />
          </Form.Item>,
          <Form.Item key="reasons" name="reasons" label="意见和理由" extra="修改后合法或不合法的，须逐条写明理由" dependencies={['opinion']}
            rules={[({ getFieldValue }) => ({ validator: (_, v?: string) => (getFieldValue('opinion') && getFieldValue('opinion') !== 'lawful' && (v ?? '').trim().length < 2 ? Promise.reject(new Error('修改后合法或不合法的意见须逐条写明理由')) : Promise.resolve()) })]}>
            <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} maxLength={10000} />
          </Form.Item>,
        ],
      };
    case 'feedback':
      return {
        fields: [
          <Form.Item key="adopted" name="adopted" label="是否采纳审查意见" rules={[{ required: true, message: '请选择是否采纳' }]}>
            <Radio.Group options={[{ value: true, label: '采纳' }, { value: false, label: '未采纳' }]} />
          </Form.Item>,
          <Form.Item key="explanation" name="explanation" label="说明" extra="未采纳审查意见的，应当说明理由" dependencies={['adopted']}
            rules={[({ getFieldValue }) => ({ validator: (_, v?: string) => (getFieldValue('adopted') === false && (v ?? '').trim().length < 2 ? Promise.reject(new Error('未采纳审查意见的，应当说明理由')) : Promise.resolve()) })]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={5000} />
          </Form.Item>,
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
  const opinionOptions = meta.data ? options(meta.data.opinions) : [];
  return (
    <Space wrap>
      {wf.available.map((a, i) => {
        const f = fieldsOf(a.key, opinionOptions);
        return (
          <ActionModal<Record<string, unknown> & { date: Dayjs }>
            key={a.key}
            label={a.label}
            type={i === 0 && !f.danger ? 'primary' : 'default'}
            danger={f.danger}
            hint={f.hint}
            initialValues={{ date: dayjs() }}
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

const dataLabels: Record<string, string> = { note: '备注', reason: '理由', items: '补充材料', expert: '专家', opinion: '意见', reasons: '理由', explanation: '说明' };

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
                {r.opinionReasons && <Descriptions.Item label="理由"><span style={{ whiteSpace: 'pre-wrap' }}>{r.opinionReasons}</span></Descriptions.Item>}
                {r.feedbackDate && <Descriptions.Item label="采纳情况">{r.adopted ? '已采纳' : '未采纳'}（{r.feedbackDate}）{r.adoptionNote ? `：${r.adoptionNote}` : ''}</Descriptions.Item>}
                {r.archivedDate && <Descriptions.Item label="归档日期">{r.archivedDate}</Descriptions.Item>}
              </Descriptions>
            </Card>
          )}
        </Col>
        <Col xs={24} lg={10}>
          <Card title="办理过程">
            <Timeline
              items={r.history.map((h) => {
                const extra = Object.entries(h.data ?? {}).filter(([k, v]) => k !== 'date' && v !== '' && v != null && dataLabels[k]);
                return {
                  content: (
                    <div>
                      <div>{h.eventDate} {meta.data?.reviewStates[h.toState] ?? h.toState}{h.actorName ? <Typography.Text type="secondary">（{h.actorName}）</Typography.Text> : null}</div>
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
