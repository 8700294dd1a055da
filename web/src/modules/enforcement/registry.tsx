import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Card, DatePicker, Form, Input, Select, Space, Table, Tabs, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { DownloadOutlined } from '@ant-design/icons';
import { api, queryString } from '../../api/client';
import { lineActionModal } from '../../platform/components/action-modal';
import { PageContainer } from '../../platform/components/page-container';
import { LedgerImport } from '../../platform/components/ledger-import';
import { useSession } from '../../platform/auth/session';
import { PERM, useAgencies, useList, type Agency, type Filters, type Officer } from './api';
import { AgencySelect } from './components';

const certColor = { valid: 'green', expiring: 'gold', expired: 'red', none: 'default' } as const;
const certLabel = { valid: '有效', expiring: '即将到期', expired: '已过期', none: '未持证' } as const;

const EnforcementAction = lineActionModal('enforcement');

interface AgencyForm {
  legalBasis: string;
  powers: string;
  qualified?: 'yes' | 'no' | 'pending';
  qualifiedDate?: Dayjs | null;
}

/** 维护执法主体: 法定依据 and 职权清单 (one item a line); the 司法局 also records the 资格清理 result. */
function EditAgency({ a }: { a: Agency }) {
  const { can } = useSession();
  const supervising = can(PERM.supervise);
  if (!supervising && !can(PERM.report)) return null;
  return (
    <EnforcementAction<AgencyForm>
      label="维护"
      size="small"
      type="link"
      title={`维护执法主体：${a.name}`}
      width={640}
      // Every field starts from what is stored: the dialog saves them all, so a blank one would erase it.
      initialValues={{ legalBasis: a.legalBasis, powers: a.powers.join('\n'), qualified: a.qualified == null ? 'pending' : a.qualified ? 'yes' : 'no', qualifiedDate: a.qualifiedDate ? dayjs(a.qualifiedDate) : null }}
      send={(v) =>
        api.put(`/api/enforcement/agencies/${a.orgId}`, {
          legalBasis: v.legalBasis ?? '',
          powers: (v.powers ?? '').split('\n').map((x) => x.trim()).filter(Boolean),
          ...(supervising ? { qualified: v.qualified === 'pending' ? null : v.qualified === 'yes', qualifiedDate: v.qualifiedDate ? v.qualifiedDate.format('YYYY-MM-DD') : null } : {}),
        })
      }
    >
      <Form.Item name="legalBasis" label="法定依据" extra="设立和执法职权的法律、法规、规章依据">
        <Input.TextArea rows={3} maxLength={2000} showCount />
      </Form.Item>
      <Form.Item name="powers" label="职权清单" extra="每行一项（行政处罚、行政检查、行政强制等职权事项）">
        <Input.TextArea rows={6} />
      </Form.Item>
      {supervising && (
        <>
          <Form.Item name="qualified" label="资格清理结果">
            <Select options={[{ value: 'pending', label: '待清理' }, { value: 'yes', label: '合格' }, { value: 'no', label: '不合格' }]} />
          </Form.Item>
          <Form.Item name="qualifiedDate" label="清理日期">
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </>
      )}
    </EnforcementAction>
  );
}

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
        { title: '操作', key: 'edit', width: 80, render: (_: unknown, a) => <EditAgency a={a} /> },
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
