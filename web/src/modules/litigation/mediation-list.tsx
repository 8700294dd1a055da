import { useState } from 'react';
import { Link } from 'react-router';
import { Select, Space, Table, Tag } from 'antd';
import { PageContainer } from '../../platform/components/page-container';
import { useMediations, useOptions, type Mediation } from './api';

/** 行政争议调解 (诉前/诉中, with the court's 行政争议调解中心), linked to lawsuits where there is one. */
export default function MediationList() {
  const options = useOptions();
  const [f, setF] = useState<{ stage?: string; result?: string }>({});
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const list = useMediations({ ...f, ...page });
  return (
    <PageContainer
      title="行政争议调解"
      extra={
        <Space>
          <Select placeholder="类型" allowClear style={{ width: 120 }} options={options.data?.mediationStages} onChange={(stage) => setF((x) => ({ ...x, stage }))} />
          <Select placeholder="结果" allowClear style={{ width: 120 }} options={options.data?.mediationResults} onChange={(result) => setF((x) => ({ ...x, result }))} />
        </Space>
      }
    >
      <Table<Mediation>
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data?.items}
        pagination={{ current: page.page, pageSize: page.pageSize, total: list.data?.total, onChange: (p, s) => setPage({ page: p, pageSize: s }) }}
        columns={[
          { title: '类型', dataIndex: 'stageLabel', width: 100 },
          { title: '当事人', dataIndex: 'partyName' },
          { title: '行政机关', dataIndex: 'defendantName' },
          { title: '争议事项', dataIndex: 'subject' },
          { title: '调解组织', dataIndex: 'centerName' },
          { title: '开始', dataIndex: 'startDate', width: 105 },
          { title: '结束', dataIndex: 'endDate', width: 105, render: (v) => v ?? '—' },
          { title: '结果', dataIndex: 'resultLabel', width: 100, render: (v, r) => <Tag color={r.result === 'success' ? 'green' : r.result === 'failed' ? 'red' : 'blue'}>{v}</Tag> },
          { title: '关联案件', dataIndex: 'caseNumber', render: (v, r) => (r.caseId ? <Link to={`/litigation/cases/${r.caseId}`}>{v}</Link> : '—') },
        ]}
      />
    </PageContainer>
  );
}
