import { Link, useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { Button, DatePicker, Form, Input, Select, Space, Table, Tag, Tooltip } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { queryString } from '../../api/client';
import { PageContainer } from '../../platform/components/page-container';
import { LedgerImport } from '../../platform/components/ledger-import';
import { DeadlineCell } from '../../platform/components/deadline-tag';
import { dateRange, FilterBar, useListFilters } from '../../platform/components/filter-list';
import { useSession } from '../../platform/auth/session';
import { useCases, useOptions, type CaseListItem } from './api';

/** 调解案件 list: filters (来源, 类型, 状态, 结果, 调委会, 乡镇, 日期, 超期), paging, Excel export and 台账 import. */
export default function CaseList() {
  const { can } = useSession();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const options = useOptions();
  const { filters, paging, apply, pagination } = useListFilters();
  const list = useCases({ ...filters, ...paging });
  const [form] = Form.useForm();
  const onApply = (v: Record<string, never>) =>
    apply({ q: v.q || undefined, source: v.source, disputeType: v.disputeType, state: v.state, outcome: v.outcome, committeeOrgId: v.committeeOrgId, townshipCode: v.townshipCode, overdue: v.overdue, ...dateRange(v.registered, 'registeredFrom', 'registeredTo'), ...dateRange(v.closed, 'closedFrom', 'closedTo') });
  const o = options.data;
  return (
    <PageContainer
      title="人民调解案件"
      extra={
        <>
          {can('mediation.manage') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/mediation/register')}>
              登记纠纷
            </Button>
          )}
          {can('mediation.manage') && <LedgerImport entity="mediation" label="导入调解台账" onDone={() => qc.invalidateQueries({ queryKey: ['mediation'] })} />}
          <Button icon={<DownloadOutlined />} href={`/api/mediation/cases${queryString({ ...filters, format: 'xlsx' })}`}>
            导出Excel
          </Button>
        </>
      }
    >
      <FilterBar form={form} onApply={onApply}>
          <Form.Item name="q">
            <Input.Search placeholder="编号、当事人、纠纷简况、诉前调解案号" allowClear onSearch={() => form.submit()} style={{ width: 260 }} />
          </Form.Item>
          <Form.Item name="source">
            <Select placeholder="来源" allowClear options={o?.sources} style={{ width: 150 }} />
          </Form.Item>
          <Form.Item name="disputeType">
            <Select placeholder="纠纷类型" allowClear options={o?.disputeTypes} style={{ width: 150 }} />
          </Form.Item>
          <Form.Item name="state">
            <Select placeholder="办理状态" allowClear options={o?.states} style={{ width: 150 }} />
          </Form.Item>
          <Form.Item name="outcome">
            <Select placeholder="结果" allowClear options={o?.outcomes} style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="townshipCode">
            <Select placeholder="乡镇（街道）" allowClear options={o?.townships.map((t) => ({ value: t.code, label: t.name.replace(/司法所$/, '') }))} style={{ width: 130 }} />
          </Form.Item>
          <Form.Item name="committeeOrgId">
            <Select placeholder="调解委员会" allowClear showSearch optionFilterProp="label" options={o?.committees.map((c) => ({ value: c.orgId, label: c.name }))} style={{ width: 220 }} />
          </Form.Item>
          <Form.Item name="overdue">
            <Select placeholder="超期" allowClear style={{ width: 100 }} options={[{ value: 'true', label: '有超期' }, { value: 'false', label: '无超期' }]} />
          </Form.Item>
          <Form.Item name="registered" label="登记">
            <DatePicker.RangePicker />
          </Form.Item>
          <Form.Item name="closed" label="结案">
            <DatePicker.RangePicker />
          </Form.Item>
      </FilterBar>
      <Table<CaseListItem>
        rowKey="id"
        size="middle"
        loading={list.isLoading}
        dataSource={list.data?.items}
        locale={{ emptyText: '没有符合条件的调解案件' }}
        scroll={{ x: 1400 }}
        pagination={pagination(list.data?.total)}
        columns={[
          { title: '编号', dataIndex: 'caseNumber', width: 170, fixed: 'left', render: (v, r) => <Link to={`/mediation/cases/${r.id}`}>{v}</Link> },
          { title: '登记日期', dataIndex: 'registeredDate', width: 105 },
          { title: '来源', dataIndex: 'sourceLabel', width: 140, render: (v, r) => (r.courtCaseNumber ? <Tooltip title={`${r.courtName ?? ''} ${r.courtCaseNumber}`}>{v}</Tooltip> : v) },
          { title: '纠纷类型', dataIndex: 'disputeTypeLabel', width: 130 },
          { title: '当事人', width: 180, render: (_, r) => `${r.applicantName} — ${r.respondentName}`, ellipsis: true },
          { title: '调解委员会', dataIndex: 'orgName', width: 200, ellipsis: true, render: (v, r) => (r.escalations ? <Space size={4}>{v}<Tag color="purple">提级</Tag></Space> : v) },
          { title: '调解员', dataIndex: 'mediatorNames', width: 90, render: (v) => v ?? '—' },
          { title: '状态', dataIndex: 'stateLabel', width: 140 },
          { title: '结果', dataIndex: 'outcomeLabel', width: 110, render: (v: string | null, r) => (v ? <Tag color={r.outcome === 'success' ? 'green' : r.outcome === 'failure' ? 'orange' : 'default'}>{v}</Tag> : '—') },
          { title: '结案日期', dataIndex: 'closedDate', width: 105, render: (v) => v ?? '—' },
          { title: '期限', dataIndex: 'deadline', width: 240, render: (d: CaseListItem['deadline']) => <DeadlineCell d={d} /> },
        ]}
      />
    </PageContainer>
  );
}
