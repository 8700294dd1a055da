import { Link, useNavigate, useParams } from 'react-router';
import { Alert, Button, Card, Col, Collapse, DatePicker, Descriptions, Empty, Form, Input, Row, Select, Skeleton, Space, Steps, Tag, Timeline, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../api/client';
import { PageContainer } from '../../platform/components/page-container';
import { useSession } from '../../platform/auth/session';
import { ActionModal } from './action-modal';
import { DocStatusTag } from './document-list';
import { opinionColor } from './review-list';
import { options, PERM, useDocument, useMeta, type DocDetail } from './api';

const day = (d?: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : undefined);
const today = () => dayjs();
const stageKeys = ['drafting', 'commenting', 'reviewing', 'deliberating', 'published'];
const stageNames = ['起草', '征求意见', '合法性审核', '集体审议', '公布'];
const dateRule = (message: string) => [{ required: true, message }];

/** The next step(s) of a document: 推进 / 公布 while drafting; 备案, 修改, 清理 once published (DOMAIN.md §3). */
function Actions({ doc }: { doc: DocDetail }) {
  const meta = useMeta();
  const url = `/api/legality/documents/${doc.id}`;
  const at = stageKeys.indexOf(doc.stage);
  const live = doc.stage === 'published' && ['effective', 'amended'].includes(doc.status ?? '');
  const buttons = [];
  if (at >= 0 && at < 3)
    buttons.push(
      <ActionModal<{ date?: Dayjs; note?: string }> key="advance" type="primary" label={`推进至「${stageNames[at + 1]}」`} initialValues={{ date: today() }} send={(v) => api.post(`${url}/advance`, { version: doc.version, date: day(v.date), note: v.note || undefined })}
        hint={at === 1 ? '进入合法性审核：文件须经司法行政部门（司法所）合法性审核。' : undefined}>
        <Form.Item name="date" label="日期" rules={dateRule('请选择日期')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="note" label="说明">
          <Input.TextArea autoSize={{ minRows: 2 }} maxLength={2000} />
        </Form.Item>
      </ActionModal>,
    );
  if (doc.stage === 'deliberating')
    buttons.push(
      <ActionModal<{ publishedDate: Dayjs; effectiveDate?: Dayjs; validUntil?: Dayjs; docNumber: string; registrationNumber?: string }>
        key="publish" type="primary" label="公布" title="公布规范性文件（统一登记号、文件码）"
        hint={`不填有效期截止日的，按最长有效期计算（一般${meta.data?.rules.validityYears ?? 5}年，暂行、试行${meta.data?.rules.provisionalValidityYears ?? 2}年；省规定）。公布后${meta.data?.rules.filingDays ?? 30}日内应报送备案。`}
        initialValues={{ publishedDate: today(), docNumber: doc.docNumber ?? '' }}
        send={(v) => api.post(`${url}/publish`, { version: doc.version, publishedDate: day(v.publishedDate), effectiveDate: day(v.effectiveDate), validUntil: day(v.validUntil), docNumber: v.docNumber.trim(), registrationNumber: v.registrationNumber?.trim() || undefined })}>
        <Form.Item name="docNumber" label="发文字号" rules={[{ required: true, whitespace: true, message: '请填写发文字号' }]}>
          <Input maxLength={100} placeholder="如：武政办发〔2025〕12号" />
        </Form.Item>
        <Form.Item name="publishedDate" label="公布日期" rules={dateRule('请选择公布日期')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="effectiveDate" label="施行日期" extra="不填则自公布之日起施行">
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="validUntil" label="有效期至">
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="registrationNumber" label="统一登记号" extra="不填则自动编号">
          <Input maxLength={64} />
        </Form.Item>
      </ActionModal>,
    );
  if (doc.stage === 'published' && !doc.filedDate)
    buttons.push(
      <ActionModal<{ filedDate: Dayjs; filedWith: string }> key="filing" type="primary" label="报送备案" initialValues={{ filedDate: today() }}
        hint={`应于 ${doc.filingDueDate ?? '—'} 前报送备案（法规规章备案审查条例 第四条；省规定），逾期报送的将标记为逾期。`}
        send={(v) => api.post(`${url}/filing`, { version: doc.version, filedDate: day(v.filedDate), filedWith: v.filedWith.trim() })}>
        <Form.Item name="filedDate" label="备案日期" rules={dateRule('请选择备案日期')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="filedWith" label="备案机关" rules={[{ required: true, whitespace: true, message: '请填写备案机关' }, { min: 2, message: '至少2个字' }]}>
          <Input maxLength={100} placeholder="如：武义县人民政府" />
        </Form.Item>
      </ActionModal>,
    );
  if (live) {
    buttons.push(
      <ActionModal<{ date: Dayjs; docNumber: string; title?: string; body: string; validUntil?: Dayjs; note?: string }> key="amend" label="修改" title="修改规范性文件（保留历史版本）" width={720}
        initialValues={{ date: today(), title: doc.title, body: doc.body }}
        send={(v) => api.post(`${url}/amend`, { version: doc.version, date: day(v.date), docNumber: v.docNumber.trim(), title: v.title?.trim() && v.title.trim() !== doc.title ? v.title.trim() : undefined, body: v.body, validUntil: day(v.validUntil), note: v.note || undefined })}>
        <Form.Item name="date" label="修改日期" rules={dateRule('请选择修改日期')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="docNumber" label="修改决定的发文字号" rules={[{ required: true, whitespace: true, message: '请填写修改决定的发文字号' }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="title" label="标题">
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="body" label="修改后的全文" rules={[{ required: true, message: '请填写修改后的全文' }]}>
          <Input.TextArea autoSize={{ minRows: 6, maxRows: 16 }} />
        </Form.Item>
        <Form.Item name="validUntil" label="有效期至（不填则不变）">
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="note" label="修改说明">
          <Input.TextArea autoSize={{ minRows: 2 }} maxLength={2000} />
        </Form.Item>
      </ActionModal>,
      <ActionModal<{ date: Dayjs; outcome: string; reason?: string }> key="cleanup" danger label="清理" title="文件清理（保留 / 修改 / 废止 / 宣布失效）" initialValues={{ date: today() }}
        hint="废止或宣布失效后，文件不再作为行政管理的依据，公开查询页面将显示相应状态。"
        send={(v) => api.post(`${url}/cleanup`, { version: doc.version, date: day(v.date), outcome: v.outcome, reason: v.reason?.trim() ?? '' })}>
        <Form.Item name="date" label="清理日期" rules={dateRule('请选择清理日期')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="outcome" label="清理结果" rules={[{ required: true, message: '请选择清理结果' }]}>
          <Select options={meta.data ? options(meta.data.cleanupOutcomes) : []} />
        </Form.Item>
        <Form.Item name="reason" label="理由" extra="修改、废止或宣布失效的，应写明理由" dependencies={['outcome']}
          rules={[({ getFieldValue }) => ({ validator: (_, v?: string) => (getFieldValue('outcome') && getFieldValue('outcome') !== 'keep' && (v ?? '').trim().length < 2 ? Promise.reject(new Error('请写明理由')) : Promise.resolve()) })]}>
          <Input.TextArea autoSize={{ minRows: 2 }} maxLength={2000} />
        </Form.Item>
      </ActionModal>,
    );
  }
  return buttons.length ? <Space wrap>{buttons}</Space> : null;
}

/** 合法性审核 stage: start a review from the document (to the 中心), and the reviews' opinions. */
function LegalityReviews({ doc }: { doc: DocDetail }) {
  const { can } = useSession();
  const navigate = useNavigate();
  const pending = doc.reviews.some((r) => !['returned', 'withdrawn'].includes(r.state) && !r.opinion);
  return (
    <Card title="合法性审核" style={{ marginBottom: 16 }} data-testid="doc-reviews"
      extra={doc.stage === 'reviewing' && can(PERM.submit) && !pending ? (
        <Button type="primary" size="small" onClick={() => navigate(`/legality/reviews/new?documentId=${doc.id}&title=${encodeURIComponent(`《${doc.title}》（送审稿）`)}`)}>发起合法性审核</Button>
      ) : null}>
      {doc.reviews.length ? (
        doc.reviews.map((r) => (
          <Descriptions key={r.id} size="small" column={1} style={{ marginBottom: 8 }}
            items={[
              { key: 'n', label: '审查事项', children: <Link to={`/legality/reviews/${r.id}`}>{r.serialNumber}</Link> },
              { key: 's', label: '状态', children: `${r.stateLabel}（${r.submittedDate} 送审）` },
              ...(r.opinion ? [
                { key: 'o', label: '审查意见', children: <span><Tag color={opinionColor[r.opinion]}>{r.opinionLabel}</Tag>{r.opinionDate}</span> },
                ...(r.opinionReasons ? [{ key: 'x', label: '理由', children: <span style={{ whiteSpace: 'pre-wrap' }}>{r.opinionReasons}</span> }] : []),
              ] : []),
            ]}
          />
        ))
      ) : (
        <Typography.Text type="secondary">尚未送审。文件须经合法性审核后方可提交集体审议（国办发〔2018〕115号）。</Typography.Text>
      )}
    </Card>
  );
}

/** 规范性文件 page: 制定程序 steps, the next actions, 公布/备案/有效期 facts, full text, 沿革 and 历史版本. */
export default function DocumentDetailPage() {
  const { id = '' } = useParams();
  const { can } = useSession();
  const q = useDocument(id);
  if (q.isPending) return <Skeleton active paragraph={{ rows: 10 }} style={{ padding: 24 }} />;
  if (q.error || !q.data) return <PageContainer title="规范性文件"><Alert type="error" showIcon title={q.error?.message ?? '未找到该规范性文件'} /></PageContainer>;
  const d = q.data;
  const at = stageKeys.indexOf(d.stage);
  const overdueFiling = d.stage === 'published' && !d.filedDate && d.filingDueDate && d.filingDueDate < dayjs().format('YYYY-MM-DD');
  return (
    <PageContainer title={<span>{d.title} <DocStatusTag d={d} /></span>} extra={can(PERM.docManage) ? <Actions doc={d} /> : null}>
      <Card style={{ marginBottom: 16 }}>
        <Steps current={at} status={at === 4 ? 'finish' : 'process'} items={stageNames.map((t, i) => ({ title: t, content: d.history.find((h) => h.event === stageKeys[i])?.date }))} />
        {overdueFiling && <Alert type="error" showIcon style={{ marginTop: 16 }} title={`逾期未备案：应于 ${d.filingDueDate} 前报送备案（法规规章备案审查条例 第四条；省规定）`} />}
      </Card>
      <Row gutter={16}>
        <Col xs={24} lg={15}>
          <Card title="基本信息" style={{ marginBottom: 16 }}>
            <Descriptions size="small" column={{ xs: 1, md: 2 }}>
              <Descriptions.Item label="制定机关">{d.issuer}</Descriptions.Item>
              <Descriptions.Item label="发文字号">{d.docNumber ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="统一登记号">{d.registrationNumber ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="文件码">{d.code ? <a href={`/portal/documents/${encodeURIComponent(d.code)}`} target="_blank" rel="noreferrer">{d.code}</a> : '—'}</Descriptions.Item>
              <Descriptions.Item label="公布日期">{d.publishedDate ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="施行日期">{d.effectiveDate ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="有效期至">{d.validUntil ?? '—'}{d.provisional && <Tag style={{ marginInlineStart: 4 }}>暂行/试行</Tag>}</Descriptions.Item>
              <Descriptions.Item label="备案">{d.filedDate ? <span>{d.filedDate} 报{d.filedWith}{d.filedLate && <Tag color="red" style={{ marginInlineStart: 4 }}>逾期</Tag>}</span> : d.filingDueDate ? `应于 ${d.filingDueDate} 前` : '—'}</Descriptions.Item>
              <Descriptions.Item label="现行版本">第{d.versionNo}版</Descriptions.Item>
              <Descriptions.Item label="公开查询次数">{d.lookups}</Descriptions.Item>
            </Descriptions>
          </Card>
          {(d.stage === 'reviewing' || d.reviews.length > 0) && <LegalityReviews doc={d} />}
          <Card title="全文" style={{ marginBottom: 16 }}>
            {d.body ? <div style={{ whiteSpace: 'pre-wrap', lineHeight: 1.8 }}>{d.body}</div> : <Empty description="暂无全文" />}
          </Card>
        </Col>
        <Col xs={24} lg={9}>
          {d.code && (
            <Card title="文件码二维码" style={{ marginBottom: 16, textAlign: 'center' }}>
              <img src={`/api/public/documents/${encodeURIComponent(d.code)}/qr.png`} alt={`文件码 ${d.code} 的二维码`} width={160} height={160} />
              <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: 0 }}>印在文件上，扫码查看效力状态</Typography.Paragraph>
            </Card>
          )}
          <Card title="文件沿革" style={{ marginBottom: 16 }}>
            <Timeline items={d.history.map((h) => ({ content: <span>{h.date} {h.label}{h.note ? <Typography.Text type="secondary">：{h.note}</Typography.Text> : null}</span> }))} />
          </Card>
          <Card title="历史版本">
            {d.versions.length ? (
              <Collapse size="small" items={d.versions.map((v) => ({ key: v.id, label: `第${v.versionNo}版 ${v.docNumber ?? ''}（${v.effectiveDate ?? '—'} 至 ${v.supersededDate ?? '—'}）`, children: <div style={{ whiteSpace: 'pre-wrap' }}>{v.body || '（无全文）'}</div> }))} />
            ) : (
              <Typography.Text type="secondary">无历史版本</Typography.Text>
            )}
          </Card>
        </Col>
      </Row>
    </PageContainer>
  );
}
