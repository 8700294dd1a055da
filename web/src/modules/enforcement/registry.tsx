import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Card, Input, Select, Space, Table, Tabs, Tag } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { queryString } from '../../api/client';
import { PageContainer } from '../../platform/components/page-container';
import { LedgerImport } from '../../platform/components/ledger-import';
import { useSession } from '../../platform/auth/session';
import { PERM, useAgencies, useList, type Agency, type Filters, type Officer } from './api';
import { AgencySelect } from './components';

const certColor = { valid: 'green', expiring: 'gold', expired: 'red', none: 'default' } as const;
const certLabel = { valid: '有效', expiring: '即将到期', expired: '已过期', none: '未持证' } as const;

function Agencies() {
  const q = useAgencies();
  return (
    <Table<Agency> rowKey="orgId" size="middle" loading={q.isFetching} dataSource={q.data?.items} pagination={false}
      columns={[
        { title: '执法主体', dataIndex: 'name' },
        { title: '资格清理', dataIndex: 'qualified', width: 100, render: (v: boolean | null) => (v == null ? <Tag>待清理</Tag> : v ? <Tag color="green">合格</Tag> : <Tag color="red">不合格</Tag>) },
        { title: '职权事项', dataIndex: 'powers', width: 90, render: (v: string[]) => v.length },
        { title: '在编执法人员', dataIndex: 'staffed', width: 110 },
        { title: '持证', dataIndex: 'certified', width: 80 },
        { title: '持证率', dataIndex: 'certificateRate', width: 90, render: (v: number | null) => (v == null ? '—' : `${v.toFixed(1)}%`) },
        { title: '证件即将到期', dataIndex: 'expiring', width: 110, render: (v: number) => (v ? <Tag color="gold">{v}</Tag> : 0) },
      ]} />
  );
}

function Officers() {
  const { can } = useSession();
  const [filters, setFilters] = useState<Filters>({});
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const q = useList<Officer>('officers', { ...filters, ...paging });
  const set = (k: string, v: string | undefined) => { setFilters((f) => ({ ...f, [k]: v || undefined })); setPaging((p) => ({ ...p, page: 1 })); };
  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        <Input.Search placeholder="姓名、证件编号" allowClear style={{ width: 200 }} onSearch={(v) => set('q', v.trim())} />
        {can(PERM.supervise) && <AgencySelect allowClear style={{ width: 220 }} onChange={(v) => set('agencyOrgId', v)} />}
        <Select placeholder="证件状态" allowClear style={{ width: 140 }} onChange={(v) => set('cert', v)} options={[{ value: 'expiring', label: '即将到期' }, { value: 'expired', label: '已过期' }, { value: 'uncertified', label: '未持证' }]} />
        <Button icon={<DownloadOutlined />} href={`/api/ledger/export/enforcement-officers${queryString(filters as never)}`}>导出Excel</Button>
      </Space>
      <Table<Officer> rowKey="id" size="middle" loading={q.isFetching} dataSource={q.data?.items} scroll={{ x: 1100 }}
        columns={[
          { title: '姓名', dataIndex: 'name', width: 90 },
          { title: '执法机关', dataIndex: 'orgName', ellipsis: true },
          { title: '身份证号', dataIndex: 'idNumberMasked', width: 180 },
          { title: '在编', dataIndex: 'staffed', width: 60, render: (v: boolean) => (v ? '是' : '否') },
          { title: '证件', dataIndex: 'certificateTypeLabel', width: 120, render: (v: string | null) => v ?? '—' },
          { title: '证件编号', dataIndex: 'certificateNumber', width: 130 },
          { title: '有效期至', dataIndex: 'certificateExpiry', width: 110 },
          { title: '状态', dataIndex: 'certificateStatus', width: 100, render: (v: Officer['certificateStatus']) => <Tag color={certColor[v]}>{certLabel[v]}</Tag> },
          { title: '考试', key: 'exam', width: 120, render: (_: unknown, o) => (o.examDate ? `${o.examScore ?? '—'}分 ${o.examPassed ? '合格' : '不合格'}` : '—') },
          { title: '培训学时', dataIndex: 'trainingHours', width: 90 },
        ]}
        pagination={{ current: paging.page, pageSize: paging.pageSize, total: q.data?.total, showSizeChanger: true, showTotal: (t) => `共 ${t} 人`, onChange: (page, pageSize) => setPaging({ page, pageSize }) }} />
    </>
  );
}

/** 执法主体 and 执法人员 (持证率, 证件到期预警). */
export default function RegistryPage() {
  const { can } = useSession();
  const qc = useQueryClient();
  return (
    <PageContainer title="执法主体与人员" extra={can(PERM.report) && <LedgerImport entity="enforcement-officers" label="导入执法人员名册" onDone={() => qc.invalidateQueries({ queryKey: ['enforcement'] })} />}>
      <Card>
        <Tabs destroyOnHidden items={[{ key: 'agencies', label: '执法主体', children: <Agencies /> }, { key: 'officers', label: '执法人员', children: <Officers /> }]} />
      </Card>
    </PageContainer>
  );
}
