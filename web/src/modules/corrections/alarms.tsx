import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Card, Table, Tag, Tooltip } from 'antd';
import { api } from '../../api/client';
import { PageContainer } from '../../platform/components/page-container';
import { Decide } from './subject-detail';

interface Alarm { kind: string; label: string; cite: string; subjectId: string | null; name: string; orgName: string | null; since: string; detail: string }

const color: Record<string, string> = { notReported: 'red', lostContact: 'red', leaveOverdue: 'volcano', assessmentMissing: 'gold', assessmentOverdue: 'orange' };

/** 预警与待审批: 脱管/漏管 alarms computed from the records, and the proposals and requests waiting for a decision. */
export default function AlarmsPage() {
  const alarms = useQuery({ queryKey: ['corrections', 'alarms'], queryFn: () => api.get<{ total: number; items: Alarm[] }>('/api/corrections/alarms') });
  const approvals = useQuery({ queryKey: ['corrections', 'approvals'], queryFn: () => api.get<{ measures: any[]; leaves: any[] }>('/api/corrections/approvals') });
  return (
    <PageContainer title="预警与待审批">
      <Card title={`脱管、漏管预警（${alarms.data?.total ?? 0}）`}>
        <Table<Alarm> rowKey={(a) => `${a.kind}-${a.subjectId ?? a.name}-${a.since}`} size="small" loading={alarms.isFetching} dataSource={alarms.data?.items} pagination={{ pageSize: 20, showTotal: (t) => `共 ${t} 条` }} columns={[
          { title: '预警', dataIndex: 'label', width: 190, render: (v: string, a) => <Tooltip title={`依据：${a.cite}`}><Tag color={color[a.kind]}>{v}</Tag></Tooltip> },
          { title: '对象', dataIndex: 'name', width: 110, render: (v: string, a) => (a.subjectId ? <Link to={`/corrections/subjects/${a.subjectId}`}>{v}</Link> : v) },
          { title: '司法所', dataIndex: 'orgName', width: 120 },
          { title: '起始', dataIndex: 'since', width: 110 },
          { title: '情况', dataIndex: 'detail' },
        ]} />
      </Card>
      <Card title="待审批的奖惩建议" style={{ marginTop: 16 }}>
        <Table rowKey="id" size="small" loading={approvals.isFetching} dataSource={approvals.data?.measures} pagination={false} columns={[
          { title: '对象', dataIndex: 'name', width: 110, render: (v: string, r: any) => <Link to={`/corrections/subjects/${r.subjectId}`}>{v}</Link> },
          { title: '司法所', dataIndex: 'orgName', width: 120 },
          { title: '措施', dataIndex: 'measureLabel', width: 140 },
          { title: '事实和理由', dataIndex: 'facts' },
          { title: '提出日期', dataIndex: 'proposedDate', width: 110 },
          { title: '审批', key: 'op', width: 170, render: (_: unknown, r: any) => <Decide url={`/api/corrections/measures/${r.id}/decide`} /> },
        ]} />
      </Card>
      <Card title="待审批的外出、迁居申请" style={{ marginTop: 16 }}>
        <Table rowKey="id" size="small" loading={approvals.isFetching} dataSource={approvals.data?.leaves} pagination={false} columns={[
          { title: '对象', dataIndex: 'name', width: 110, render: (v: string, r: any) => <Link to={`/corrections/subjects/${r.subjectId}`}>{v}</Link> },
          { title: '类型', dataIndex: 'kind', width: 70, render: (v: string) => (v === 'leave' ? '外出' : '迁居') },
          { title: '目的地', dataIndex: 'destination', width: 140 },
          { title: '时间', key: 't', render: (_: unknown, l: any) => `${l.startDate}${l.endDate ? ` 至 ${l.endDate}（${l.days}日）` : ''}` },
          { title: '审批层级', dataIndex: 'approverLabel', width: 150 },
          { title: '审批', key: 'op', width: 170, render: (_: unknown, r: any) => <Decide url={`/api/corrections/leaves/${r.id}/decide`} /> },
        ]} />
      </Card>
    </PageContainer>
  );
}
