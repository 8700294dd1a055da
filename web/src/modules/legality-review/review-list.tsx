import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Button, Card, Form, Select, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { PageContainer } from '../../platform/components/page-container';
import { useSession } from '../../platform/auth/session';
import { options, PERM, useMeta, useReviews, type ReviewItem } from './api';

const finalStates = new Set(['returned', 'archived', 'withdrawn']);
export const opinionColor: Record<string, string> = { lawful: 'green', lawfulAfterRevision: 'gold', unlawful: 'red' };

/** 合法性审查事项 list: filters (状态, 审查对象), paging, 送审登记. */
export default function ReviewList() {
  const { can } = useSession();
  const navigate = useNavigate();
  const meta = useMeta();
  const [form] = Form.useForm<{ state?: string; objectType?: string }>();
  const [filters, setFilters] = useState<{ state?: string; objectType?: string }>({});
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const reviews = useReviews({ ...filters, ...paging });
  const columns = [
    { title: '编号', dataIndex: 'serialNumber', width: 190, render: (v: string, r: ReviewItem) => <Link to={`/legality/reviews/${r.id}`}>{v}</Link> },
    { title: '送审事项', dataIndex: 'title', ellipsis: true },
    { title: '审查对象', dataIndex: 'objectTypeLabel', width: 130 },
    { title: '承办机构', dataIndex: 'submitterName', width: 170, ellipsis: true },
    { title: '送审日期', dataIndex: 'submittedDate', width: 105 },
    { title: '状态', dataIndex: 'stateLabel', width: 140, render: (v: string, r: ReviewItem) => <Tag color={finalStates.has(r.state) ? 'default' : 'processing'}>{v}</Tag> },
    { title: '审查意见', dataIndex: 'opinionLabel', width: 110, render: (v: string | null, r: ReviewItem) => (v ? <Tag color={opinionColor[r.opinion ?? '']}>{v}</Tag> : '—') },
  ];
  return (
    <PageContainer
      title="合法性审查"
      extra={can(PERM.submit) && (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/legality/reviews/new')}>
          送审登记
        </Button>
      )}
    >
      <Card>
        <Form form={form} layout="inline" style={{ marginBottom: 12, rowGap: 8 }} onFinish={(v) => { setPaging((p) => ({ ...p, page: 1 })); setFilters({ state: v.state, objectType: v.objectType }); }}>
          <Form.Item name="state">
            <Select placeholder="办理状态" allowClear style={{ width: 160 }} options={meta.data ? options(meta.data.reviewStates) : []} />
          </Form.Item>
          <Form.Item name="objectType">
            <Select placeholder="审查对象" allowClear style={{ width: 170 }} options={meta.data ? options(meta.data.objectTypes) : []} />
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit">查询</Button>
            <Button onClick={() => { form.resetFields(); setFilters({}); setPaging((p) => ({ ...p, page: 1 })); }}>重置</Button>
          </Space>
        </Form>
        <Table<ReviewItem>
          rowKey="id"
          size="middle"
          loading={reviews.isFetching}
          dataSource={reviews.data?.items}
          columns={columns}
          scroll={{ x: 1000 }}
          pagination={{ current: paging.page, pageSize: paging.pageSize, total: reviews.data?.total, showSizeChanger: true, showTotal: (t) => `共 ${t} 件`, onChange: (page, pageSize) => setPaging({ page, pageSize }) }}
        />
      </Card>
    </PageContainer>
  );
}
