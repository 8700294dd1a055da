import { Link, useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Card, DatePicker, Form, Input, Select, Space, Table, Tag } from 'antd';
import { DownloadOutlined, PlusOutlined, TableOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { queryString } from '../../api/client';
import { FilterBar, useListFilters } from '../../platform/components/filter-list';
import { PageContainer } from '../../platform/components/page-container';
import { LedgerImport } from '../../platform/components/ledger-import';
import { OrgTreeSelect } from '../../platform/components/org-tree';
import { useSession } from '../../platform/auth/session';
import { options, PERM, useMeta, useReviews, type ReviewItem } from './api';

const finalStates = new Set(['returned', 'archived', 'withdrawn']);
export const opinionColor: Record<string, string> = { lawful: 'green', lawfulAfterRevision: 'gold', unlawful: 'red' };

interface FilterForm {
  q?: string;
  state?: string;
  objectType?: string;
  flow?: string;
  org?: string;
  dates?: [Dayjs | null, Dayjs | null] | null;
}
type Filters = Record<string, string | undefined>;

const toFilters = (v: FilterForm): Filters => ({
  q: v.q?.trim() || undefined,
  state: v.state,
  objectType: v.objectType,
  flow: v.flow,
  org: v.org,
  submittedFrom: v.dates?.[0]?.format('YYYY-MM-DD'),
  submittedTo: v.dates?.[1]?.format('YYYY-MM-DD'),
});

/** 合法性审查事项 list: keyword, 状态, 审查对象, 流程, 机构, 送审日期; paging; 导出 Excel; 台账导入; 送审登记; 会议纪要批量登记. */
export default function ReviewList() {
  const { can } = useSession();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const meta = useMeta();
  const [form] = Form.useForm<FilterForm>();
  const { filters, paging, apply, pagination } = useListFilters();
  const reviews = useReviews({ ...filters, ...paging });
  const columns = [
    { title: '编号', dataIndex: 'serialNumber', width: 190, render: (v: string, r: ReviewItem) => <Link to={`/legality/reviews/${r.id}`}>{v}</Link> },
    { title: '送审事项', dataIndex: 'title', ellipsis: true },
    { title: '审查对象', dataIndex: 'objectTypeLabel', width: 130 },
    { title: '承办机构', dataIndex: 'submitterName', width: 170, ellipsis: true },
    { title: '审查机构', dataIndex: 'orgName', width: 130, ellipsis: true },
    { title: '送审日期', dataIndex: 'submittedDate', width: 105 },
    { title: '状态', dataIndex: 'stateLabel', width: 140, render: (v: string, r: ReviewItem) => <Tag color={finalStates.has(r.state) ? 'default' : 'processing'}>{v}</Tag> },
    { title: '审查意见', dataIndex: 'opinionLabel', width: 110, render: (v: string | null, r: ReviewItem) => (v ? <Tag color={opinionColor[r.opinion ?? '']}>{v}</Tag> : '—') },
  ];
  return (
    <PageContainer
      title="合法性审查"
      extra={
        <Space wrap>
          {can(PERM.review) && (
            <Button icon={<TableOutlined />} onClick={() => navigate('/legality/reviews/batch')}>
              会议纪要批量登记
            </Button>
          )}
          {can(PERM.review) && <LedgerImport entity="legality-reviews" label="审查台账导入" onDone={() => qc.invalidateQueries({ queryKey: ['legality'] })} />}
          <Button icon={<DownloadOutlined />} href={`/api/ledger/export/legality-reviews${queryString({ ...filters, format: 'xlsx' })}`}>
            导出Excel
          </Button>
          {can(PERM.submit) && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/legality/reviews/new')}>
              送审登记
            </Button>
          )}
        </Space>
      }
    >
      <Card>
        <FilterBar bare form={form} onApply={(v) => apply(toFilters(v))}>
          <Form.Item name="q">
            <Input allowClear placeholder="标题或编号" aria-label="关键词" style={{ width: 180 }} />
          </Form.Item>
          <Form.Item name="state">
            <Select placeholder="办理状态" allowClear style={{ width: 150 }} options={meta.data ? options(meta.data.reviewStates) : []} />
          </Form.Item>
          <Form.Item name="objectType">
            <Select placeholder="审查对象" allowClear style={{ width: 160 }} options={meta.data ? options(meta.data.objectTypes) : []} />
          </Form.Item>
          <Form.Item name="flow">
            <Select placeholder="流程" allowClear style={{ width: 130 }} options={[{ value: 'township', label: '乡镇流程' }, { value: 'county', label: '县级流程' }]} />
          </Form.Item>
          <Form.Item name="org">
            <OrgTreeSelect allowClear placeholder="审查或送审机构" style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="dates">
            <DatePicker.RangePicker placeholder={['送审日期起', '送审日期止']} />
          </Form.Item>
        </FilterBar>
        <Table<ReviewItem>
          rowKey="id"
          size="middle"
          loading={reviews.isFetching}
          dataSource={reviews.data?.items}
          columns={columns}
          scroll={{ x: 1150 }}
          pagination={pagination(reviews.data?.total)}
        />
      </Card>
    </PageContainer>
  );
}
