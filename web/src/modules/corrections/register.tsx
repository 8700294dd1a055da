import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Card, DatePicker, Space, Statistic, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../api/client';
import { PageContainer } from '../../platform/components/page-container';

interface Counts { onRegister: number; received: number; released: number }
interface View { from: string; to: string; totals: Counts & { byType: Record<string, Counts & { label: string }> }; offices: (Counts & { orgId: string; orgName: string })[] }

/** 在册/接收/解除 by period, type and township — the figures the annual report cites. */
export default function RegisterPage() {
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs().subtract(1, 'year').startOf('year'), dayjs().subtract(1, 'year').endOf('year')]);
  const from = range[0].format('YYYY-MM-DD');
  const to = range[1].format('YYYY-MM-DD');
  const view = useQuery({ queryKey: ['corrections', 'register', from, to], queryFn: () => api.get<View>('/api/corrections/register', { from, to }) });
  const t = view.data?.totals;
  return (
    <PageContainer title="在册统计" extra={<DatePicker.RangePicker value={range} allowClear={false} onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])} />}>
      <Card loading={view.isLoading}>
        <Space size={48}>
          <Statistic title="在册人数" value={t?.onRegister ?? 0} />
          <Statistic title="接收人数" value={t?.received ?? 0} />
          <Statistic title="解除（终止）人数" value={t?.released ?? 0} />
        </Space>
        <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>在册：期末前接收且期初前未解除或终止；接收、解除：期内发生。期间 {from} 至 {to}。</Typography.Paragraph>
        <Table size="small" rowKey="key" pagination={false} dataSource={Object.entries(t?.byType ?? {}).map(([key, v]) => ({ key, ...v }))} columns={[
          { title: '矫正类别', dataIndex: 'label' }, { title: '在册', dataIndex: 'onRegister' }, { title: '接收', dataIndex: 'received' }, { title: '解除（终止）', dataIndex: 'released' },
        ]} />
      </Card>
      <Card title="按司法所" style={{ marginTop: 16 }}>
        <Table size="small" rowKey="orgId" loading={view.isFetching} dataSource={view.data?.offices} pagination={false} columns={[
          { title: '司法所', dataIndex: 'orgName' }, { title: '在册', dataIndex: 'onRegister' }, { title: '接收', dataIndex: 'received' }, { title: '解除（终止）', dataIndex: 'released' },
        ]} />
      </Card>
    </PageContainer>
  );
}
