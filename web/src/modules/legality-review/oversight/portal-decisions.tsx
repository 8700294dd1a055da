import { useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Empty, List, Select, Space, Spin, Tag, Typography } from 'antd';
import { api } from '../../../api/client';

interface PublicCatalog {
  years: number[];
  year: number | null;
  publishedDate: string | null;
  items: { id: string; orgName: string; title: string; hostUnit: string; plannedDate: string; currentStepLabel: string; progress: { done: number; total: number }; steps: string[] }[];
}

/** /portal/major-decisions: the published 重大行政决策事项目录 of a year (no login). */
export default function PortalMajorDecisions() {
  const [params, setParams] = useSearchParams();
  const year = params.get('year') ?? undefined;
  const q = useQuery({ queryKey: ['portal', 'major-decisions', year], queryFn: () => api.get<PublicCatalog>('/api/public/major-decisions', { year }), meta: { silent: true }, retry: false });
  const data = q.data;
  return (
    <div>
      <Typography.Title level={3} style={{ margin: '8px 0 4px' }}>重大行政决策事项目录</Typography.Title>
      <Typography.Paragraph type="secondary">经同级党委同意后向社会公布的年度重大行政决策事项，及其公众参与、专家论证、风险评估、合法性审查、集体讨论决定等程序进展。</Typography.Paragraph>
      <Space style={{ marginBottom: 12 }}>
        <span>年度</span>
        <Select style={{ width: 120 }} value={data?.year ?? undefined} placeholder="选择年度" options={(data?.years ?? []).map((y) => ({ value: y, label: `${y}年` }))} onChange={(v) => setParams({ year: String(v) })} aria-label="年度" />
        {data?.publishedDate && <Typography.Text type="secondary">{data.publishedDate} 公布</Typography.Text>}
      </Space>
      {q.isError && <Alert type="error" showIcon title="目录暂时无法查询，请稍后再试" />}
      {q.isLoading ? (
        <Spin />
      ) : !data?.items.length ? (
        <Empty description="该年度目录尚未公布" />
      ) : (
        <List
          dataSource={data.items}
          renderItem={(d, i) => (
            <List.Item data-testid="decision-item">
              <Card size="small" style={{ width: '100%' }}>
                <Typography.Text strong>{i + 1}. {d.title}</Typography.Text>
                <div style={{ fontSize: 13, marginTop: 4 }}>
                  <Typography.Text type="secondary">承办单位：{d.hostUnit} · 计划完成时间：{d.plannedDate}</Typography.Text>
                </div>
                <div style={{ marginTop: 6 }}>
                  <Tag color={d.progress.done === d.progress.total ? 'green' : 'processing'}>{d.currentStepLabel}</Tag>
                  {d.steps.map((s) => <Tag key={s}>{s}</Tag>)}
                </div>
              </Card>
            </List.Item>
          )}
        />
      )}
    </div>
  );
}
