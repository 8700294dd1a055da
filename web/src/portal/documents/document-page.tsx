import { Link, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Collapse, Descriptions, Result, Spin, Tag, Timeline, Typography } from 'antd';
import { ApiError } from '../../api/client';
import { lookupDocument, normalizeDocCode, qrUrl, statusColor } from './api';

/** What each 效力状态 means for the reader (statuses in src/modules/legality-review/terms.ts). */
const statusHint: Record<string, string> = {
  effective: '该文件现行有效，可以作为行政管理的依据。',
  expired: '该文件已失效（有效期届满或经清理宣布失效），不再作为行政管理的依据。',
  repealed: '该文件已被废止，不再作为行政管理的依据。',
  amended: '该文件已经修改，请以修改后的现行文本为准。',
};

/** /portal/documents/:code — where the 文件码 QR code points: 效力状态, 有效期, full text and history. */
export default function PortalDocumentPage() {
  const code = normalizeDocCode(useParams().code ?? '');
  const doc = useQuery({
    queryKey: ['portal', 'document', code],
    queryFn: ({ signal }) => lookupDocument(code, signal),
    enabled: code.length > 0,
    meta: { silent: true },
    retry: false,
  });
  const err = doc.error;
  const back = (
    <div style={{ textAlign: 'center', marginTop: 16 }}>
      <Link to="/portal/documents">查询其他规范性文件</Link>
    </div>
  );

  if (doc.isPending)
    return (
      <div style={{ textAlign: 'center', padding: 48 }}>
        <Spin />
      </div>
    );
  if (err instanceof ApiError && (err.status === 404 || err.status === 400))
    return (
      <Card data-testid="doc-not-found">
        <Result
          status="warning"
          title="未查到该规范性文件"
          subTitle={`文件码「${code}」没有对应的已公布规范性文件。请核对文件码（如 WY-2025-0012）后重新查询，或按标题搜索。`}
          extra={
            <Link to="/portal/documents">
              <Button type="primary">按标题搜索</Button>
            </Link>
          }
        />
      </Card>
    );
  if (err || !doc.data)
    return (
      <>
        <Alert type="error" showIcon title={err?.message ?? '查询失败，请稍后再试'} data-testid="doc-error" />
        {back}
      </>
    );

  const d = doc.data;
  const status = d.status ?? '';
  const inForce = status === 'effective';
  return (
    <div>
      <Typography.Title level={4} style={{ margin: '8px 0 8px' }} data-testid="doc-title">
        {d.title}
      </Typography.Title>
      <Alert
        type={inForce ? 'success' : status === 'amended' ? 'warning' : 'error'}
        showIcon
        style={{ marginBottom: 12 }}
        title={
          <span>
            效力状态：
            <Tag color={statusColor[status] ?? 'default'} style={{ fontSize: 14 }} data-testid="doc-status">
              {d.statusLabel ?? '—'}
            </Tag>
            {d.statusDate && !inForce ? <Typography.Text type="secondary">（{d.statusDate}起）</Typography.Text> : null}
          </span>
        }
        description={statusHint[status]}
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap', alignItems: 'flex-start' }}>
          <Descriptions size="small" column={1} style={{ flex: '1 1 220px' }}>
            <Descriptions.Item label="制定机关">{d.issuer}</Descriptions.Item>
            <Descriptions.Item label="发文字号">{d.docNumber ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="统一登记号">{d.registrationNumber ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="文件码">{d.code}</Descriptions.Item>
            <Descriptions.Item label="公布日期">{d.publishedDate ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="施行日期">{d.effectiveDate ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="有效期至">{d.validUntil ?? '—'}</Descriptions.Item>
            {d.versionNo > 1 && <Descriptions.Item label="现行版本">第{d.versionNo}版</Descriptions.Item>}
          </Descriptions>
          {d.code && (
            <div style={{ textAlign: 'center', margin: '0 auto' }}>
              <img src={qrUrl(d.code)} alt={`文件码 ${d.code} 的二维码`} width={120} height={120} style={{ display: 'block' }} />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                扫码查看本页
              </Typography.Text>
            </div>
          )}
        </div>
      </Card>
      <Card size="small" title="全文" style={{ marginBottom: 12 }}>
        {d.body ? (
          <div style={{ whiteSpace: 'pre-wrap', lineHeight: 1.8, fontSize: 15, wordBreak: 'break-word' }} data-testid="doc-body">
            {d.body}
          </div>
        ) : (
          <Typography.Text type="secondary">暂无全文</Typography.Text>
        )}
      </Card>
      {d.history.length > 0 && (
        <Card size="small" title="文件沿革" style={{ marginBottom: 12 }}>
          <Timeline items={d.history.map((h) => ({ content: <span>{h.date} {h.label}{h.note ? `：${h.note}` : ''}</span> }))} />
        </Card>
      )}
      {d.versions.length > 0 && (
        <Card size="small" title="历史版本" style={{ marginBottom: 12 }}>
          <Collapse
            size="small"
            items={d.versions.map((v) => ({
              key: String(v.versionNo),
              label: `第${v.versionNo}版 ${v.docNumber ?? ''}（${v.effectiveDate ?? '—'} 至 ${v.supersededDate ?? '—'}）`,
              children: <div style={{ whiteSpace: 'pre-wrap', lineHeight: 1.7, wordBreak: 'break-word' }}>{v.body || '（无全文）'}</div>,
            }))}
          />
        </Card>
      )}
      {back}
    </div>
  );
}
