import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Button, Card, DatePicker, Form, Input, InputNumber, Progress, Space, Table, Tag } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { api, queryString } from '../../../api/client';
import { PageContainer } from '../../../platform/components/page-container';
import { useSession } from '../../../platform/auth/session';
import { ActionModal } from '../action-modal';
import { OPERM, useDecisions, type Decision } from './api';

function CreateButton() {
  const navigate = useNavigate();
  return (
    <ActionModal<{ year: number; title: string; hostUnit: string; plannedDate: Dayjs }>
      type="primary"
      icon={<PlusOutlined />}
      label="列入目录"
      title="列入重大行政决策事项目录"
      initialValues={{ year: dayjs().year() }}
      send={async (v) => {
        const d = await api.post<Decision>('/api/legality/major-decisions', { year: v.year, title: v.title, hostUnit: v.hostUnit, plannedDate: v.plannedDate.format('YYYY-MM-DD') });
        navigate(`/legality/major-decisions/${d.id}`);
      }}
    >
      <Form.Item name="year" label="目录年度" rules={[{ required: true, message: '请填写年度' }]}>
        <InputNumber min={2000} max={2100} />
      </Form.Item>
      <Form.Item name="title" label="决策事项" rules={[{ required: true, whitespace: true, message: '请填写决策事项' }, { min: 4, message: '至少4个字' }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="hostUnit" label="承办单位" rules={[{ required: true, whitespace: true, message: '请填写承办单位' }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="plannedDate" label="计划完成时间" rules={[{ required: true, message: '请选择计划完成时间' }]}>
        <DatePicker />
      </Form.Item>
    </ActionModal>
  );
}

function PublishCatalog({ year }: { year: number }) {
  return (
    <ActionModal<{ year: number; approvedDate: Dayjs; publishedDate: Dayjs }>
      label="公布年度目录"
      initialValues={{ year, publishedDate: dayjs() }}
      hint="决策事项目录经同级党委同意后向社会公布（重大行政决策程序暂行条例 第三条第三款）；公布后在公共服务门户可查。"
      send={(v) => api.post('/api/legality/major-decisions/catalog', { year: v.year, approvedDate: v.approvedDate.format('YYYY-MM-DD'), publishedDate: v.publishedDate.format('YYYY-MM-DD') })}
    >
      <Form.Item name="year" label="目录年度" rules={[{ required: true, message: '请填写年度' }]}>
        <InputNumber min={2000} max={2100} />
      </Form.Item>
      <Form.Item name="approvedDate" label="党委同意日期" rules={[{ required: true, message: '请选择党委同意日期' }]}>
        <DatePicker />
      </Form.Item>
      <Form.Item name="publishedDate" label="公布日期" rules={[{ required: true, message: '请选择公布日期' }]}>
        <DatePicker />
      </Form.Item>
    </ActionModal>
  );
}

/** 重大行政决策: the yearly 目录 with each decision's progress. */
export default function DecisionList() {
  const { can } = useSession();
  const [year, setYear] = useState<number | undefined>(dayjs().year());
  const [q, setQ] = useState<string>();
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const list = useDecisions({ year, q, ...paging });
  return (
    <PageContainer
      title="重大行政决策"
      extra={
        <Space wrap>
          {can(OPERM.decisionManage) && <CreateButton />}
          {can(OPERM.decisionManage) && <PublishCatalog year={year ?? dayjs().year()} />}
          <Button icon={<DownloadOutlined />} href={`/api/legality/major-decisions${queryString({ year, q, format: 'xlsx' })}`}>导出 Excel</Button>
        </Space>
      }
    >
      <Card>
        <Space wrap style={{ marginBottom: 12 }}>
          <InputNumber placeholder="年度" min={2000} max={2100} value={year} onChange={(v) => { setYear(v ?? undefined); setPaging((p) => ({ ...p, page: 1 })); }} />
          <Input.Search placeholder="决策事项、承办单位" allowClear style={{ width: 240 }} onSearch={(v) => { setQ(v.trim() || undefined); setPaging((p) => ({ ...p, page: 1 })); }} />
        </Space>
        <Table<Decision>
          rowKey="id"
          loading={list.isFetching}
          dataSource={list.data?.items}
          scroll={{ x: 1000 }}
          columns={[
            { title: '年度', dataIndex: 'year', width: 70 },
            { title: '决策事项', dataIndex: 'title', render: (v: string, r) => <Link to={`/legality/major-decisions/${r.id}`}>{v}</Link> },
            { title: '承办单位', dataIndex: 'hostUnit', width: 180 },
            { title: '计划完成时间', dataIndex: 'plannedDate', width: 120 },
            { title: '进展', dataIndex: 'currentStepLabel', width: 150 },
            { title: '必经环节', width: 170, render: (_: unknown, r) => <Progress size="small" percent={Math.round((r.progress.done / r.progress.total) * 100)} format={() => `${r.progress.done}/${r.progress.total}`} /> },
            { title: '目录', dataIndex: 'catalogPublishedDate', width: 120, render: (v: string | null) => (v ? <Tag color="green">{v} 公布</Tag> : <Tag>未公布</Tag>) },
          ]}
          pagination={{ current: paging.page, pageSize: paging.pageSize, total: list.data?.total, showTotal: (t) => `共 ${t} 项`, onChange: (page, pageSize) => setPaging({ page, pageSize }) }}
        />
      </Card>
    </PageContainer>
  );
}
