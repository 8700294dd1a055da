import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Card, DatePicker, Form, Input, Select, Space, Table, Tag, Tooltip } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { queryString } from '../../api/client';
import { PageContainer } from '../../platform/components/page-container';
import { LedgerImport } from '../../platform/components/ledger-import';
import { lightLabels } from '../../platform/components/deadline-tag';
import { useSession } from '../../platform/auth/session';
import { useCases, useOptions, type CaseListItem } from './api';

type Filters = Record<string, string | undefined>;

const range = (v: [Dayjs | null, Dayjs | null] | null | undefined, from: string, to: string): Filters =>
  v ? { [from]: v[0]?.format('YYYY-MM-DD'), [to]: v[1]?.format('YYYY-MM-DD') } : {};

/** 应诉案件 list: filters (审级, 法院, 被告, 结果, 负责人出庭, 日期, 超期), paging, Excel export and 台账 import. */
export default function CaseList() {
  const { can } = useSession();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const options = useOptions();
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const list = useCases({ ...filters, ...page });
  const [form] = Form.useForm();

  const apply = () => {
    const v = form.getFieldsValue();
    setFilters({
      q: v.q || undefined,
      level: v.level,
      status: v.status,
      court: v.court || undefined,
      defendant: v.defendant || undefined,
      outcome: v.outcome,
      headAppeared: v.headAppeared,
      overdue: v.overdue,
      ...range(v.received, 'receivedFrom', 'receivedTo'),
      ...range(v.closed, 'closedFrom', 'closedTo'),
    });
    setPage((p) => ({ ...p, page: 1 }));
  };

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
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form form={form} layout="inline" onFinish={apply} style={{ rowGap: 8 }}>
          <Form.Item name="q">
            <Input.Search placeholder="案号、原告、被告、案由" allowClear onSearch={apply} style={{ width: 220 }} />
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
          <Space>
            <Button type="primary" htmlType="submit">
              查询
            </Button>
            <Button
              onClick={() => {
                form.resetFields();
                setFilters({});
              }}
            >
              重置
            </Button>
          </Space>
        </Form>
      </Card>
      <Table<CaseListItem>
        rowKey="id"
        size="middle"
        loading={list.isLoading}
        dataSource={list.data?.items}
        locale={{ emptyText: '没有符合条件的应诉案件' }}
        scroll={{ x: 1300 }}
        pagination={{ current: page.page, pageSize: page.pageSize, total: list.data?.total, showSizeChanger: true, showTotal: (n) => `共 ${n} 件`, onChange: (p, s) => setPage({ page: p, pageSize: s }) }}
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
            render: (d: CaseListItem['deadline']) =>
              d ? (
                <Tooltip title={`依据：${d.cite}${d.provisional ? '（暂定）' : ''}`}>
                  <Tag color={lightLabels[d.light].color}>{lightLabels[d.light].text}</Tag>
                  {d.label} {d.dueDate}
                </Tooltip>
              ) : (
                '—'
              ),
          },
        ]}
      />
    </PageContainer>
  );
}
