import { useState } from 'react';
import { useParams } from 'react-router';
import { Alert, Button, Card, DatePicker, Descriptions, Form, Input, InputNumber, Radio, Space, Tag, Typography, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../../api/client';
import { PageContainer } from '../../../platform/components/page-container';
import { useSession } from '../../../platform/auth/session';
import { ActionModal } from '../action-modal';
import { FilingStateTag } from './filing-list';
import { OPERM, options, uploadFile, useFiling, useOversightMeta, type Filing } from './api';

/** Evidence files: uploads each file to /api/files and keeps the ids in the form field. */
export function EvidenceUpload({ value, onChange }: { value?: string[]; onChange?: (ids: string[]) => void }) {
  const [names, setNames] = useState<{ id: string; name: string }[]>([]);
  const [busy, setBusy] = useState(false);
  return (
    <Space direction="vertical">
      <Upload
        showUploadList={false}
        beforeUpload={(file) => {
          setBusy(true);
          uploadFile(file)
            .then((f) => {
              setNames((n) => [...n, f]);
              onChange?.([...(value ?? []), f.id]);
            })
            .finally(() => setBusy(false));
          return false;
        }}
      >
        <Button icon={<UploadOutlined />} loading={busy}>上传证明材料</Button>
      </Upload>
      {names.map((n) => <Typography.Text key={n.id} type="secondary">{n.name}</Typography.Text>)}
    </Space>
  );
}

const today = () => dayjs();
const fmt = (d?: Dayjs) => d?.format('YYYY-MM-DD');

function Actions({ f }: { f: Filing }) {
  const { can } = useSession();
  const meta = useOversightMeta();
  const send = (path: string, body: Record<string, unknown>) => api.post(`/api/legality/filings/${f.id}/${path}`, { version: f.version, ...body });
  return (
    <Space wrap>
      {f.state === 'pending' && can(OPERM.filingReview) && (
        <ActionModal<{ result: string; reasons?: string; date: Dayjs; correctionDays?: number }>
          type="primary"
          label="审查"
          title="备案审查"
          width={640}
          initialValues={{ result: 'lawful', date: today(), correctionDays: meta.data?.defaultCorrectionDays ?? 30 }}
          hint="审查结论为不合法或不适当的，系统出具编号的纠错通知书，并按纠正期限跟踪。"
          send={(v) => send('review', { result: v.result, reasons: v.reasons ?? '', date: fmt(v.date), correctionDays: v.result === 'lawful' ? undefined : v.correctionDays })}
        >
          <Form.Item name="result" label="审查结论" rules={[{ required: true, message: '请选择审查结论' }]}>
            <Radio.Group options={meta.data ? options(meta.data.reviewResults) : []} />
          </Form.Item>
          <Form.Item name="reasons" label="理由和依据（不合法、不适当的必填）">
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={5000} />
          </Form.Item>
          <Space size="large" wrap>
            <Form.Item name="date" label="审查日期" rules={[{ required: true, message: '请选择审查日期' }]}>
              <DatePicker />
            </Form.Item>
            <Form.Item name="correctionDays" label="纠正期限（日）">
              <InputNumber min={1} max={180} />
            </Form.Item>
          </Space>
        </ActionModal>
      )}
      {f.state === 'correcting' && (can(OPERM.filingSubmit) || can(OPERM.filingReview)) && (
        <ActionModal<{ result: string; note?: string; date: Dayjs; fileIds?: string[] }>
          type="primary"
          label="反馈纠正情况"
          width={640}
          initialValues={{ result: 'corrected', date: today(), fileIds: [] }}
          hint={`纠正期限至 ${f.correctionDeadline}。“未纠正”由备案审查机关在期限届满后登记。`}
          send={(v) => send('correction', { result: v.result, note: v.note ?? '', date: fmt(v.date), fileIds: v.fileIds ?? [] })}
        >
          <Form.Item name="result" label="纠正结果" rules={[{ required: true, message: '请选择纠正结果' }]}>
            <Radio.Group options={meta.data ? options(meta.data.correctionResults).filter((o) => can(OPERM.filingReview) || o.value !== 'notCorrected') : []} />
          </Form.Item>
          <Form.Item name="note" label="纠正情况说明">
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={5000} />
          </Form.Item>
          <Form.Item name="date" label="日期" rules={[{ required: true, message: '请选择日期' }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="fileIds" label="证明材料">
            <EvidenceUpload />
          </Form.Item>
        </ActionModal>
      )}
    </Space>
  );
}

/** One filing: its timeliness, the review, the 纠错通知书 and the correction. */
export default function FilingDetail() {
  const { id = '' } = useParams();
  const q = useFiling(id);
  if (!q.data) return <Card loading />;
  const f = q.data;
  return (
    <PageContainer title={f.title} extra={<Actions f={f} />}>
      <Space direction="vertical" style={{ width: '100%' }} size={16}>
        {f.late && <Alert type="warning" showIcon title={`逾期报送备案：应于 ${f.dueDate} 前报送，实际 ${f.submittedDate} 报送，逾期 ${f.daysLate} 日（${f.cite ?? ''}）`} />}
        <Card size="small" title="备案信息">
          <Descriptions column={{ xs: 1, md: 2 }} size="small">
            <Descriptions.Item label="登记号">{f.serialNumber}</Descriptions.Item>
            <Descriptions.Item label="状态"><FilingStateTag f={f} /></Descriptions.Item>
            <Descriptions.Item label="报送机关">{f.filerName}</Descriptions.Item>
            <Descriptions.Item label="发文字号">{f.docNumber}</Descriptions.Item>
            <Descriptions.Item label="公布日期">{f.publishedDate}</Descriptions.Item>
            <Descriptions.Item label="应报送日期">{f.dueDate}</Descriptions.Item>
            <Descriptions.Item label="报送日期">{f.submittedDate} {f.late ? <Tag color="red">逾期{f.daysLate}日</Tag> : <Tag color="green">按期</Tag>}</Descriptions.Item>
          </Descriptions>
        </Card>
        <Card size="small" title="审查">
          <Descriptions column={{ xs: 1, md: 2 }} size="small">
            <Descriptions.Item label="审查结论">{f.reviewResultLabel ?? '待审查'}</Descriptions.Item>
            <Descriptions.Item label="审查日期">{f.reviewDate ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="审查人">{f.reviewerName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="纠错通知书">
              {f.noticeInstrumentId ? <Button size="small" icon={<DownloadOutlined />} href={`/api/instruments/${f.noticeInstrumentId}/docx`}>{f.noticeNumber}</Button> : '—'}
            </Descriptions.Item>
            <Descriptions.Item label="理由和依据" span={2}>{f.reviewReasons ?? '—'}</Descriptions.Item>
          </Descriptions>
        </Card>
        {f.reviewResult && f.reviewResult !== 'lawful' && (
          <Card size="small" title="纠正">
            <Descriptions column={{ xs: 1, md: 2 }} size="small">
              <Descriptions.Item label="纠正期限">{f.correctionDeadline}</Descriptions.Item>
              <Descriptions.Item label="纠正结果">{f.correctionResultLabel ?? '纠正中'}</Descriptions.Item>
              <Descriptions.Item label="纠正日期">{f.correctionDate ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="证明材料">
                {f.evidenceFileIds.length ? <Space wrap>{f.evidenceFileIds.map((fid, i) => <a key={fid} href={`/api/files/${fid}`}>材料{i + 1}</a>)}</Space> : '—'}
              </Descriptions.Item>
              <Descriptions.Item label="情况说明" span={2}>{f.correctionNote ?? '—'}</Descriptions.Item>
            </Descriptions>
          </Card>
        )}
        {f.body && (
          <Card size="small" title="文件正文">
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{f.body}</Typography.Paragraph>
          </Card>
        )}
      </Space>
    </PageContainer>
  );
}
