import { Link, useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Empty, Input, List, Pagination, Spin, Tag, Typography } from 'antd';
import { searchDocuments, statusColor, type PublicDocument } from './api';

/** Looks like a 文件码 (e.g. WY-2025-0012): offer to open it directly. */
const CODE_RE = /^[A-Z0-9]{2,12}-\d{4}-\d{1,6}$/i;

function DocItem({ d }: { d: PublicDocument }) {
  const title = d.code ? <Link to={`/portal/documents/${encodeURIComponent(d.code)}`}>{d.title}</Link> : d.title;
  return (
    <List.Item data-testid="doc-result">
      <div style={{ width: '100%' }}>
        <div style={{ display: 'flex', gap: 8, alignItems: 'flex-start', justifyContent: 'space-between' }}>
          <Typography.Text strong style={{ fontSize: 15 }}>
            {title}
          </Typography.Text>
          {d.statusLabel && (
            <Tag color={statusColor[d.status ?? ''] ?? 'default'} style={{ marginInlineEnd: 0, flexShrink: 0 }} data-testid="doc-status">
              {d.statusLabel}
            </Tag>
          )}
        </div>
        <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', marginTop: 4 }}>
          {d.issuer}
          {d.docNumber ? ` · ${d.docNumber}` : ''}
        </Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
          文件码 {d.code ?? '—'}
          {d.publishedDate ? ` · 公布 ${d.publishedDate}` : ''}
          {d.validUntil ? ` · 有效期至 ${d.validUntil}` : ''}
        </Typography.Text>
      </div>
    </List.Item>
  );
}

/** /portal/documents: the public 规范性文件 register — search by title or text, every result with its 效力状态. */
export default function PortalDocumentSearch() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const result = useQuery({
    queryKey: ['portal', 'documents', q, page],
    queryFn: ({ signal }) => searchDocuments(q, page, signal),
    meta: { silent: true },
    retry: false,
  });
  const data = result.data;

  return (
    <div>
      <Typography.Title level={3} style={{ margin: '8px 0 4px' }}>
        规范性文件查询
      </Typography.Title>
      <Typography.Paragraph type="secondary">查询本地区行政规范性文件的效力状态、有效期和全文；也可扫描文件上的二维码直接查看。</Typography.Paragraph>
      <Input.Search
        key={q}
        defaultValue={q}
        placeholder="输入标题或内容关键词，如：行政处罚"
        enterButton="查询"
        size="large"
        allowClear
        maxLength={200}
        aria-label="查询关键词"
        onSearch={(v) => setParams(v.trim() ? { q: v.trim() } : {})}
        style={{ marginBottom: 12 }}
      />
      {CODE_RE.test(q.trim()) && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={<Link to={`/portal/documents/${encodeURIComponent(q.trim().toUpperCase())}`}>按文件码 {q.trim().toUpperCase()} 直接查看</Link>} />
      )}
      {result.error && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={result.error.message} data-testid="doc-search-error" />}
      <Card size="small" styles={{ body: { padding: '0 12px' } }}>
        {result.isPending ? (
          <div style={{ textAlign: 'center', padding: 24 }}>
            <Spin />
          </div>
        ) : data && data.items.length ? (
          <>
            <Typography.Text type="secondary" style={{ display: 'block', padding: '8px 0 0', fontSize: 12 }}>
              {q ? `“${q}”共找到 ${data.total} 件` : `最新公布的文件（共 ${data.total} 件）`}
            </Typography.Text>
            <List dataSource={data.items} renderItem={(d) => <DocItem key={d.code ?? d.title} d={d} />} />
          </>
        ) : (
          <Empty style={{ padding: 24 }} description={q ? `未找到与“${q}”相关的规范性文件，请换个关键词试试` : '暂无公开的规范性文件'} />
        )}
      </Card>
      {data && data.total > data.pageSize && (
        <div style={{ textAlign: 'center', marginTop: 12 }}>
          <Pagination simple current={page} pageSize={data.pageSize} total={Math.min(data.total, 500 * data.pageSize)} onChange={(p) => setParams(q ? { q, page: String(p) } : { page: String(p) })} />
        </div>
      )}
    </div>
  );
}
