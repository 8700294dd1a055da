import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Alert, Select, Space, Table, Tag } from 'antd';
import { api } from '../../api/client';
import type { Page } from '../../api/types';
import { PageContainer } from '../../platform/components/page-container';

interface AdminDispute {
  id: string;
  caseId: string | null;
  caseNumber: string | null;
  stageLabel: string;
  centerName: string;
  partyName: string;
  defendantName: string;
  subject: string;
  startDate: string;
  endDate: string | null;
  result: string;
  resultLabel: string;
  orgName: string;
}

/** 行政争议调解: the 行政应诉 line's records (诉前/诉中), shown here with links — kept there, not copied. */
export default function AdminDisputesPage() {
  const [f, setF] = useState<Record<string, string | undefined>>({});
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const list = useQuery({ queryKey: ['mediation', 'admin-disputes', f, page], queryFn: () => api.get<Page<AdminDispute> & { note?: string }>('/api/mediation/admin-disputes', { ...f, ...page }) });
  return (
    <PageContainer title="行政争议调解">
      <Alert type="info" showIcon style={{ marginBottom: 16 }} message="行政争议调解记录由行政应诉条线登记和维护，此处只读，点击案号进入应诉案件。" />
      {list.data?.note && <Alert type="warning" style={{ marginBottom: 16 }} message={list.data.note} />}
      <Space style={{ marginBottom: 12 }}>
        <Select placeholder="阶段" allowClear style={{ width: 120 }} options={[{ value: 'preLitigation', label: '诉前调解' }, { value: 'inLitigation', label: '诉中调解' }]} onChange={(v) => setF((x) => ({ ...x, stage: v }))} />
        <Select placeholder="结果" allowClear style={{ width: 120 }} options={[{ value: 'ongoing', label: '调解中' }, { value: 'success', label: '调解成功' }, { value: 'failed', label: '调解不成' }]} onChange={(v) => setF((x) => ({ ...x, result: v }))} />
      </Space>
      <Table<AdminDispute>
        rowKey="id"
        size="middle"
        loading={list.isLoading}
        dataSource={list.data?.items}
        pagination={{ current: page.page, pageSize: page.pageSize, total: list.data?.total, showTotal: (n) => `共 ${n} 件`, onChange: (p, s) => setPage({ page: p, pageSize: s }) }}
        columns={[
          { title: '阶段', dataIndex: 'stageLabel', width: 100 },
          { title: '应诉案号', dataIndex: 'caseNumber', width: 220, render: (v, r) => (r.caseId ? <Link to={`/litigation/cases/${r.caseId}`}>{v}</Link> : '—') },
          { title: '当事人', dataIndex: 'partyName', width: 140 },
          { title: '行政机关', dataIndex: 'defendantName', width: 200 },
          { title: '争议事项', dataIndex: 'subject' },
          { title: '调解组织', dataIndex: 'centerName', width: 180 },
          { title: '开始', dataIndex: 'startDate', width: 105 },
          { title: '结果', dataIndex: 'resultLabel', width: 100, render: (v, r) => <Tag color={r.result === 'success' ? 'green' : r.result === 'failed' ? 'orange' : 'processing'}>{v}</Tag> },
        ]}
      />
    </PageContainer>
  );
}
