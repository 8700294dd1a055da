import { Link, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Card, Empty, List, Skeleton, Typography } from 'antd';
import { api } from '../../api/client';
import { CN } from './api';

interface PublicItem {
  id: string;
  year: number;
  title: string;
  orgName: string;
  publishedAt: string | null;
}
interface PublicReport {
  id: string;
  title: string;
  orgName: string;
  year: number;
  date: string;
  sections: { heading: string; blocks: { kind: string; text: string }[] }[];
}

/** 法治政府建设年度报告 published by the bureaus (法治政府建设与责任落实督察工作规定 第二十四条). */
export function PublicReportList() {
  const q = useQuery({ queryKey: ['public', 'annual-reports'], queryFn: () => api.get<{ items: PublicItem[] }>('/api/public/annual-reports') });
  return (
    <Card title="法治政府建设年度报告">
      <List loading={q.isFetching} dataSource={q.data?.items ?? []} locale={{ emptyText: <Empty description="暂无已公开的年度报告" /> }}
        renderItem={(r) => (
          <List.Item extra={r.publishedAt ? `公开于 ${new Date(r.publishedAt).toLocaleDateString('zh-CN')}` : null}>
            <Link to={`/portal/annual-reports/${r.id}`}>{r.title}</Link>
          </List.Item>
        )} />
    </Card>
  );
}

export function PublicReportView() {
  const { id = '' } = useParams();
  const q = useQuery({ queryKey: ['public', 'annual-report', id], queryFn: () => api.get<PublicReport>(`/api/public/annual-reports/${id}`) });
  if (!q.data) return <Skeleton active paragraph={{ rows: 12 }} />;
  const r = q.data;
  const [y, m, d] = r.date.split('-').map(Number);
  return (
    <Card>
      <Typography.Title level={3} style={{ textAlign: 'center' }}>{r.title}</Typography.Title>
      {r.sections.map((s, i) => {
        let sub = 0;
        return (
          <div key={i}>
            <Typography.Title level={5}>{CN[i]}、{s.heading}</Typography.Title>
            {s.blocks.map((b, j) => (b.kind === 'heading' ? <Typography.Paragraph key={j} strong>（{CN[sub++]}）{b.text}</Typography.Paragraph> : <Typography.Paragraph key={j} style={{ textIndent: '2em', lineHeight: 1.9 }}>{b.text}</Typography.Paragraph>))}
          </div>
        );
      })}
      <Typography.Paragraph style={{ textAlign: 'right' }}>{r.orgName}<br />{y}年{m}月{d}日</Typography.Paragraph>
      <Typography.Paragraph><a href={`/api/public/annual-reports/${r.id}/html`} target="_blank" rel="noreferrer">网页版（可打印）</a> · <Link to="/portal/annual-reports">返回列表</Link></Typography.Paragraph>
    </Card>
  );
}

export default PublicReportList;
