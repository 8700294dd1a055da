import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Card, DatePicker, Form, Input, Select, Space, Switch, Table, Tag } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { queryString } from '../../api/client';
import { PageContainer } from '../../platform/components/page-container';
import { LedgerImport } from '../../platform/components/ledger-import';
import { DeadlineTag } from '../../platform/components/deadline-tag';
import { useSession } from '../../platform/auth/session';
import { options, useCases, useMeta, type CaseListItem } from './api';

interface FilterForm {
  q?: string;
  state?: string[];
  procedure?: string;
  respondent?: string;
  actType?: string[];
  received?: [Dayjs, Dayjs] | null;
  concluded?: [Dayjs, Dayjs] | null;
  overdue?: boolean;
}

const day = (d?: Dayjs) => d?.format('YYYY-MM-DD');

/** 复议案件 list: filters (状态, 程序, 被申请人, 行为类别, 日期, 超期), paging, Excel export and 台账 import. */
export default function CaseList() {
  const { can } = useSession();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const meta = useMeta();
  const [form] = Form.useForm<FilterForm>();
  const [filters, setFilters] = useState<Record<string, string | undefined>>({});
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const cases = useCases({ ...filters, ...paging });

  const apply = (v: FilterForm) => {
    setPaging((p) => ({ ...p, page: 1 }));
    setFilters({
      q: v.q || undefined,
      state: v.state?.length ? v.state.join(',') : undefined,
      procedure: v.procedure,
      respondent: v.respondent || undefined,
      actType: v.actType?.length ? v.actType.join(',') : undefined,
      receivedFrom: day(v.received?.[0]),
      receivedTo: day(v.received?.[1]),
      concludedFrom: day(v.concluded?.[0]),
      concludedTo: day(v.concluded?.[1]),
      overdue: v.overdue ? 'true' : undefined,
    });
  };

  const columns = [
    { title: '收件编号', dataIndex: 'caseNumber', width: 170, fixed: 'left' as const, render: (v: string, r: CaseListItem) => <Link to={`/admin-review/cases/${r.id}`}>{v}</Link> },
    { title: '收案日期', dataIndex: 'receivedDate', width: 105 },
    { title: '申请人', dataIndex: 'applicantName', width: 130, ellipsis: true, render: (v: string, r: CaseListItem) => <span title={r.applicantIdMasked ?? ''}>{v}</span> },
    { title: '被申请人', dataIndex: 'respondentName', width: 190, ellipsis: true },
    { title: '行为类别', dataIndex: 'actTypeLabel', width: 110 },
    { title: '程序', dataIndex: 'procedureLabel', width: 90, render: (v: string | null) => v ?? '—' },
    { title: '状态', dataIndex: 'stateLabel', width: 150, render: (v: string, r: CaseListItem) => <Tag color={r.concludedDate ? 'default' : 'processing'}>{v}</Tag> },
    { title: '结案方式', dataIndex: 'outcomeLabel', width: 220, render: (v: string | null, r: CaseListItem) => (v ? `${v}${r.decisionNumber ? `（${r.decisionNumber}）` : ''}` : '—') },
    {
      title: '期限',
      dataIndex: 'deadline',
      width: 240,
      render: (d: CaseListItem['deadline'], r: CaseListItem) =>
        d ? (
          <Space size={4}>
            <DeadlineTag deadline={{ ...d, provisional: false, unit: '', days: 0 }} />
            <span>
              {d.label} <span style={{ whiteSpace: 'nowrap' }}>{d.dueDate}</span>
            </span>
          </Space>
        ) : r.state === 'suspended' ? (
          <Tag>中止，期限暂停计算</Tag>
        ) : (
          '—'
        ),
    },
  ];

  const exportHref = `/api/admin-review/cases${queryString({ ...filters, format: 'xlsx' })}`;

  return (
    <PageContainer
      title="行政复议案件"
      extra={
        <>
          {can('adminReview.register') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/admin-review/register')}>
              登记申请
            </Button>
          )}
          <Button icon={<DownloadOutlined />} href={exportHref}>
            导出Excel
          </Button>
          {can('adminReview.import') && <LedgerImport entity="admin-review" label="导入历史台账" onDone={() => qc.invalidateQueries({ queryKey: ['admin-review'] })} />}
        </>
      }
    >
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form form={form} layout="inline" onFinish={apply} style={{ rowGap: 8 }}>
          <Form.Item name="q">
            <Input allowClear placeholder="编号、申请人、被申请人" style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="state">
            <Select mode="multiple" allowClear placeholder="状态" style={{ minWidth: 160 }} options={options(meta.data?.states ?? {})} />
          </Form.Item>
          <Form.Item name="procedure">
            <Select allowClear placeholder="程序" style={{ width: 110 }} options={options(meta.data?.procedures ?? {})} />
          </Form.Item>
          <Form.Item name="respondent">
            <Input allowClear placeholder="被申请人" style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="actType">
            <Select mode="multiple" allowClear placeholder="行为类别" style={{ minWidth: 140 }} options={options(meta.data?.actTypes ?? {})} />
          </Form.Item>
          <Form.Item name="received" label="收案">
            <DatePicker.RangePicker />
          </Form.Item>
          <Form.Item name="concluded" label="审结">
            <DatePicker.RangePicker />
          </Form.Item>
          <Form.Item name="overdue" label="只看超期" valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item>
            <Space>
              <Button type="primary" htmlType="submit">查询</Button>
              <Button onClick={() => { form.resetFields(); apply({}); }}>重置</Button>
            </Space>
          </Form.Item>
        </Form>
      </Card>
      <Table<CaseListItem>
        rowKey="id"
        size="middle"
        loading={cases.isLoading}
        dataSource={cases.data?.items ?? []}
        locale={{ emptyText: '没有符合条件的复议案件' }}
        scroll={{ x: 1400 }}
        columns={columns}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: cases.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (n) => `共 ${n} 件`,
          onChange: (page, pageSize) => setPaging({ page, pageSize }),
        }}
      />
    </PageContainer>
  );
}
