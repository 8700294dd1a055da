import { useParams } from 'react-router';
import { Alert, Card, Checkbox, DatePicker, Descriptions, Form, Input, Radio, Space, Steps, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../../api/client';
import { PageContainer } from '../../../platform/components/page-container';
import { feedback } from '../../../platform/feedback';
import { ActionModal } from '../action-modal';
import { EvidenceUpload } from './filing-detail';
import { options, useDecision, useOversightMeta, type DecisionDetail, type DecisionStepView } from './api';

interface StepForm {
  skipped?: boolean;
  date: Dayjs;
  window?: [Dayjs, Dayjs];
  submitted?: Dayjs;
  result?: string;
  note?: string;
  fileIds?: string[];
}

function RecordStep({ d, s }: { d: DecisionDetail; s: DecisionStepView }) {
  const meta = useOversightMeta();
  const hint =
    s.key === 'publicParticipation'
      ? `公开征求意见的期限一般不少于${meta.data?.minCommentDays ?? 30}日；因情况紧急等原因缩短的，须在说明中写明理由（${s.cite}）。`
      : s.key === 'legalityReview'
        ? `未经合法性审查或经审查不合法的，不得提交决策机关讨论；送审时间一般不少于7个工作日（${s.cite}）。`
        : s.optional
          ? `“${s.label}”可根据需要开展；不开展的，请勾选并说明理由（${s.cite}）。`
          : s.cite;
  return (
    <ActionModal<StepForm>
      size="small"
      type="primary"
      label={`登记${s.label}`}
      width={640}
      hint={hint}
      initialValues={{ date: dayjs(), skipped: false, fileIds: [] }}
      send={async (v) => {
        const r = await api.post<DecisionDetail>(`/api/legality/major-decisions/${d.id}/steps`, {
          version: d.version, step: s.key, skipped: !!v.skipped, date: v.date.format('YYYY-MM-DD'),
          startDate: v.window?.[0]?.format('YYYY-MM-DD') ?? v.submitted?.format('YYYY-MM-DD'), endDate: v.window?.[1]?.format('YYYY-MM-DD'),
          result: v.result, note: v.note ?? '', fileIds: v.fileIds ?? [],
        });
        for (const w of r.warnings ?? []) feedback.message?.warning(w);
      }}
    >
      {s.optional && (
        <Form.Item name="skipped" valuePropName="checked">
          <Checkbox>不开展（须说明理由）</Checkbox>
        </Form.Item>
      )}
      {s.key === 'publicParticipation' && (
        <Form.Item name="window" label="公开征求意见起止日期">
          <DatePicker.RangePicker />
        </Form.Item>
      )}
      {s.key === 'legalityReview' && (
        <>
          <Form.Item name="submitted" label="送审日期">
            <DatePicker />
          </Form.Item>
          <Form.Item name="result" label="审查意见" rules={[{ required: true, message: '请选择审查意见' }]}>
            <Radio.Group options={meta.data ? options(meta.data.decisionReviewResults) : []} />
          </Form.Item>
        </>
      )}
      <Form.Item name="date" label="完成日期" rules={[{ required: true, message: '请选择日期' }]}>
        <DatePicker />
      </Form.Item>
      <Form.Item name="note" label="情况说明">
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={5000} />
      </Form.Item>
      <Form.Item name="fileIds" label="佐证材料">
        <EvidenceUpload />
      </Form.Item>
    </ActionModal>
  );
}

function StepBody({ s }: { s: DecisionStepView }) {
  const r = s.record;
  if (!r) return <Typography.Text type="secondary">{s.optional ? '根据需要开展' : '必经程序'} · {s.cite}</Typography.Text>;
  if (r.skipped) return <Typography.Text type="secondary">不开展：{r.note}</Typography.Text>;
  return (
    <Space direction="vertical" size={2}>
      <Typography.Text>
        {r.date}
        {r.startDate && r.endDate ? `（征求意见 ${r.startDate} 至 ${r.endDate}）` : r.startDate ? `（送审 ${r.startDate}）` : ''}
        {r.resultLabel && <Tag style={{ marginInlineStart: 8 }} color={r.result === 'unlawful' ? 'red' : 'green'}>{r.resultLabel}</Tag>}
      </Typography.Text>
      {r.note && <Typography.Text type="secondary">{r.note}</Typography.Text>}
      {r.files.length > 0 && <Space wrap>{r.files.map((f) => <a key={f.id} href={`/api/files/${f.id}`}>{f.name}</a>)}</Space>}
    </Space>
  );
}

/** One 重大行政决策: its procedure step by step, each with its evidence. */
export default function DecisionDetailPage() {
  const { id = '' } = useParams();
  const q = useDecision(id);
  if (!q.data) return <Card loading />;
  const d = q.data;
  const next = d.steps.findIndex((s) => !s.record);
  return (
    <PageContainer title={d.title}>
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Card size="small">
          <Descriptions size="small" column={{ xs: 1, md: 3 }}>
            <Descriptions.Item label="决策机关">{d.orgName}</Descriptions.Item>
            <Descriptions.Item label="目录年度">{d.year}</Descriptions.Item>
            <Descriptions.Item label="承办单位">{d.hostUnit}</Descriptions.Item>
            <Descriptions.Item label="计划完成时间">{d.plannedDate}</Descriptions.Item>
            <Descriptions.Item label="进展">{d.currentStepLabel}</Descriptions.Item>
            <Descriptions.Item label="必经环节">{d.progress.done}/{d.progress.total}</Descriptions.Item>
          </Descriptions>
        </Card>
        {d.steps.find((s) => s.key === 'legalityReview')?.record?.result === 'unlawful' && (
          <Alert type="error" showIcon title="决策草案经合法性审查不合法，不得提交决策机关讨论（重大行政决策程序暂行条例 第二十五条）" />
        )}
        <Card size="small" title="决策程序">
          <Steps
            direction="vertical"
            current={next === -1 ? d.steps.length : next}
            items={d.steps.map((s, i) => ({
              title: (
                <Space>
                  {s.label}
                  {s.optional && <Tag>根据需要</Tag>}
                  {d.canManage && i === next && <RecordStep d={d} s={s} />}
                </Space>
              ),
              status: s.record ? (s.record.skipped ? 'wait' : 'finish') : i === next ? 'process' : 'wait',
              description: <StepBody s={s} />,
            }))}
          />
        </Card>
      </Space>
    </PageContainer>
  );
}
