import { Link, useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { Button, DatePicker, Form, Input, Select, Table, Tag, Tooltip } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { queryString } from '../../api/client';
import { PageContainer } from '../../platform/components/page-container';
import { LedgerImport } from '../../platform/components/ledger-import';
import { DeadlineCell } from '../../platform/components/deadline-tag';
import { dateRange, FilterBar, useListFilters } from '../../platform/components/filter-list';
import { useSession } from '../../platform/auth/session';
import { useCases, useOptions, type CaseListItem } from './api';

/** 应诉案件 list: filters (审级, 法院, 被告, 结果, 负责人出庭, 日期, 超期), paging, Excel export and 台账 import. */
export default function CaseList() {
  const { can } = useSession();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const options = useOptions();
  const { filters, paging, apply, pagination } = useListFilters();
  const list = useCases({ ...filters, ...paging });
  const [form] = Form.useForm();

  const onApply = (v: Record<string, never>) =>
    apply({
      q: v.q || undefined,
      level: v.level,
      status: v.status,
      court: v.court || undefined,
      defendant: v.defendant || undefined,
      outcome: v.outcome,
      headAppeared: v.headAppeared,
      overdue: v.overdue,
      ...dateRange(v.received, 'receivedFrom', 'receivedTo'),
      ...dateRange(v.closed, 'closedFrom', 'closedTo'),
    });

  const o = options.data;
  return (
    <PageContainer
      title="行政应诉案件"
      extra={
        <>
          {can('litigation.manage') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/litigation/register')}>
              登记应诉案件
            </Button>
          )}
          {can('litigation.manage') && <LedgerImport entity="litigation" label="导入应诉台账" onDone={() => qc.invalidateQueries({ queryKey: ['litigation'] })} />}
          <Button icon={<DownloadOutlined />} href={`/api/litigation/cases${queryString({ ...filters, format: 'xlsx' })}`}>
            导出Excel
          </Button>
        </>
      }
    >
      <FilterBar form={form} onApply={onApply}>
          <Form.Item name="q">
            <Input.Search placeholder="案号、原告、被告、案由" allowClear onSearch={() => form.submit()} style={{ width: 220 }} />
          </Form.Item>
          <Form.Item name="level">
            <Select placeholder="审级" allowClear options={o?.levels} style={{ width: 100 }} />
          </Form.Item>
          <Form.Item name="status">
            <Select placeholder="状态" allowClear options={o?.statuses} style={{ width: 110 }} />
          </Form.Item>
          <Form.Item name="court">
            <Select placeholder="法院" allowClear showSearch options={o?.courts.map((c) => ({ value: c.id, label: c.name }))} style={{ width: 170 }} />
          </Form.Item>
          <Form.Item name="defendant">
            <Select placeholder="被告" allowClear showSearch optionFilterProp="label" options={o?.defendants.map((c) => ({ value: c.id, label: c.name }))} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="outcome">
            <Select
              placeholder="结果"
              allowClear
              style={{ width: 190 }}
              options={[{ value: 'loss', label: '败诉（全部）' }, { value: 'win', label: '未败诉结案（全部）' }, ...(o?.outcomes ?? []).map((x) => ({ value: x.value, label: x.label }))]}
            />
          </Form.Item>
          <Form.Item name="headAppeared">
            <Select
              placeholder="负责人出庭"
              allowClear
              style={{ width: 150 }}
              options={[
                { value: 'yes', label: '负责人出庭' },
                { value: 'no', label: '开庭但负责人未出庭' },
                { value: 'none', label: '尚未开庭' },
              ]}
            />
          </Form.Item>
          <Form.Item name="overdue">
            <Select placeholder="超期" allowClear style={{ width: 110 }} options={[{ value: 'true', label: '有超期' }, { value: 'false', label: '无超期' }]} />
          </Form.Item>
          <Form.Item name="received" label="收案">
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
        locale={{ emptyText: '没有符合条件的应诉案件' }}
        scroll={{ x: 1300 }}
        pagination={pagination(list.data?.total)}
        columns={[
          { title: '案号', dataIndex: 'caseNumber', width: 200, fixed: 'left', render: (v, r) => <Link to={`/litigation/cases/${r.id}`}>{v}</Link> },
          { title: '收案日期', dataIndex: 'receivedDate', width: 105 },
          { title: '原告', dataIndex: 'plaintiffName', width: 150, ellipsis: true },
          { title: '被告', dataIndex: 'defendantName', width: 190, ellipsis: true },
          { title: '案由', dataIndex: 'cause', width: 140, ellipsis: true },
          { title: '法院', dataIndex: 'courtName', width: 150, ellipsis: true },
          { title: '审级', dataIndex: 'levelLabel', width: 70 },
          { title: '状态', dataIndex: 'stateLabel', width: 150 },
          {
            title: '负责人出庭',
            dataIndex: 'headAppeared',
            width: 110,
            render: (v: boolean | null, r) => (v == null ? <Tag>未开庭</Tag> : v ? <Tooltip title={r.headNames}><Tag color="green">已出庭</Tag></Tooltip> : <Tag color="orange">未出庭</Tag>),
          },
          { title: '结果', dataIndex: 'outcomeLabel', width: 170, render: (v: string | null, r) => (v ? <Tag color={r.loss ? 'red' : 'blue'}>{v}</Tag> : '—') },
          { title: '结案日期', dataIndex: 'closedDate', width: 105, render: (v) => v ?? '—' },
          {
            title: '期限',
            dataIndex: 'deadline',
            width: 200,
            render: (d: CaseListItem['deadline']) => <DeadlineCell d={d} />,
          },
        ]}
      />
    </PageContainer>
  );
}
