import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Col, DatePicker, Descriptions, Form, Input, Popconfirm, Progress, Radio, Row, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import { DownloadOutlined, FileWordOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { api, queryString } from '../../../api/client';
import { PageContainer } from '../../../platform/components/page-container';
import { OrgTreeSelect } from '../../../platform/components/org-tree';
import { useSession } from '../../../platform/auth/session';
import { feedback } from '../../../platform/feedback';
import { ActionModal } from '../action-modal';
import { options, outcomeColor, useCampaign, useCampaignItems, useOversightMeta, useReviewers, type CampaignDetail, type CampaignItem } from './api';

/** 选入文件: documents in force by issuer and publication date (or all in force). */
function AddItems({ c }: { c: CampaignDetail }) {
  return (
    <ActionModal<{ issuerOrg?: string; published?: [Dayjs, Dayjs] }>
      label="选入文件"
      title="从规范性文件登记簿选入待清理文件"
      hint="选入现行有效（含已修改）的文件；已选入的不会重复。"
      send={async (v) => {
        const r = await api.post<{ added: number }>(`/api/legality/cleanup-campaigns/${c.id}/items`, {
          filter: { issuerOrg: v.issuerOrg || undefined, publishedFrom: v.published?.[0]?.format('YYYY-MM-DD'), publishedTo: v.published?.[1]?.format('YYYY-MM-DD') },
        });
        feedback.message?.success(`选入 ${r.added} 件文件`);
      }}
    >
      <Form.Item name="issuerOrg" label="制定机关" extra="不选为全部">
        <OrgTreeSelect allowClear placeholder="全部" />
      </Form.Item>
      <Form.Item name="published" label="公布日期">
        <DatePicker.RangePicker />
      </Form.Item>
    </ActionModal>
  );
}

function AssignButton({ c, itemIds, onDone }: { c: CampaignDetail; itemIds: string[]; onDone: () => void }) {
  const reviewers = useReviewers(true);
  return (
    <ActionModal<{ reviewerId: string }>
      label={`分配审查人员（${itemIds.length}）`}
      disabled={!itemIds.length}
      send={async (v) => {
        await api.post(`/api/legality/cleanup-campaigns/${c.id}/assign`, { itemIds, reviewerId: v.reviewerId });
        onDone();
      }}
    >
      <Form.Item name="reviewerId" label="审查人员" rules={[{ required: true, message: '请选择审查人员' }]}>
        <Select showSearch optionFilterProp="label" options={reviewers.data?.items.map((u) => ({ value: u.id, label: `${u.displayName}（${u.orgName}）` }))} />
      </Form.Item>
    </ActionModal>
  );
}

function OutcomeButton({ item }: { item: CampaignItem }) {
  const meta = useOversightMeta();
  return (
    <ActionModal<{ outcome: string; reason?: string; date: Dayjs }>
      size="small"
      type="primary"
      label="登记结果"
      title={`清理：《${item.title}》`}
      initialValues={{ outcome: 'keep', date: dayjs() }}
      hint="修改、废止或宣布失效的，须写明理由；结果同时记入文件的效力状态和历史。"
      send={(v) => api.post(`/api/legality/cleanup-items/${item.id}/outcome`, { version: item.version, outcome: v.outcome, reason: v.reason ?? '', date: v.date.format('YYYY-MM-DD') })}
    >
      <Form.Item name="outcome" label="清理结果" rules={[{ required: true, message: '请选择清理结果' }]}>
        <Radio.Group options={meta.data ? options(meta.data.cleanupOutcomes) : []} />
      </Form.Item>
      <Form.Item name="reason" label="理由">
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={2000} />
      </Form.Item>
      <Form.Item name="date" label="清理日期" rules={[{ required: true, message: '请选择日期' }]}>
        <DatePicker />
      </Form.Item>
    </ActionModal>
  );
}

/** One 清理 campaign: progress per reviewer, the documents with their outcomes (清理结果), assignment and 公告. */
export default function CampaignDetailPage() {
  const { id = '' } = useParams();
  const { me } = useSession();
  const qc = useQueryClient();
  const meta = useOversightMeta();
  const c = useCampaign(id);
  const [filters, setFilters] = useState<{ outcome?: string; mine?: string }>({});
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [selected, setSelected] = useState<string[]>([]);
  const items = useCampaignItems(id, { ...filters, ...paging });
  const finish = useMutation({
    mutationFn: () => api.post(`/api/legality/cleanup-campaigns/${id}/finish`, { version: c.data!.version }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['legality'] }),
  });
  if (!c.data) return <Card loading />;
  const d = c.data;
  const p = d.progress;
  const active = d.state === 'active';
  return (
    <PageContainer
      title={d.name}
      extra={
        <Space wrap>
          {d.canManage && active && <AddItems c={d} />}
          <Button icon={<DownloadOutlined />} href={`/api/legality/cleanup-campaigns/${id}/items${queryString({ ...filters, format: 'xlsx' })}`}>导出清理结果</Button>
          {d.noticeInstrumentId && <Button icon={<FileWordOutlined />} href={`/api/instruments/${d.noticeInstrumentId}/docx`}>清理结果公告 {d.noticeNumber}</Button>}
          {d.canManage && active && (
            <Popconfirm title="完成清理并发布清理结果公告？" description="完成后不能再选入文件或修改结果。" okText="完成" cancelText="取消" onConfirm={() => finish.mutate()}>
              <Button type="primary" loading={finish.isPending}>完成清理</Button>
            </Popconfirm>
          )}
        </Space>
      }
    >
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Card size="small">
          <Descriptions size="small" column={{ xs: 1, md: 3 }}>
            <Descriptions.Item label="组织机关">{d.orgName}</Descriptions.Item>
            <Descriptions.Item label="年度">{d.year}</Descriptions.Item>
            <Descriptions.Item label="状态"><Tag color={active ? 'processing' : 'green'}>{d.stateLabel}</Tag>{d.finishedDate ?? ''}</Descriptions.Item>
            <Descriptions.Item label="清理依据" span={3}>{d.basis || '—'}</Descriptions.Item>
            <Descriptions.Item label="清理范围" span={3}>{d.scope || '—'}</Descriptions.Item>
          </Descriptions>
          <Row gutter={16} style={{ marginTop: 8 }}>
            <Col xs={12} md={4}><Statistic title="文件总数" value={p.total} /></Col>
            <Col xs={12} md={4}><Statistic title="已清理" value={p.done} /></Col>
            {p.outcomes.map((o) => <Col key={o.key} xs={12} md={4}><Statistic title={o.label} value={o.value} /></Col>)}
          </Row>
        </Card>
        <Card size="small" title="审查人员进度">
          <Table rowKey={(r) => r.reviewerId ?? 'none'} size="small" pagination={false} dataSource={p.reviewers}
            columns={[
              { title: '审查人员', dataIndex: 'reviewerName' },
              { title: '已完成/分配', width: 140, render: (_: unknown, r) => `${r.done}/${r.total}` },
              { title: '进度', render: (_: unknown, r) => <Progress percent={r.total ? Math.round((r.done / r.total) * 100) : 0} size="small" /> },
            ]} />
        </Card>
        <Card size="small" title="清理文件及结果">
          <Space wrap style={{ marginBottom: 12 }}>
            <Select aria-label="清理结果筛选" placeholder="清理结果" allowClear style={{ width: 130 }} value={filters.outcome} onChange={(v) => { setFilters((f) => ({ ...f, outcome: v })); setPaging((x) => ({ ...x, page: 1 })); }}
              options={[{ value: 'pending', label: '待清理' }, ...(meta.data ? options(meta.data.cleanupOutcomes) : [])]} />
            <Radio.Group value={filters.mine ?? 'false'} onChange={(e) => { setFilters((f) => ({ ...f, mine: e.target.value === 'true' ? 'true' : undefined })); setPaging((x) => ({ ...x, page: 1 })); }}
              options={[{ value: 'false', label: '全部' }, { value: 'true', label: '分配给我的' }]} optionType="button" />
            {d.canManage && active && <AssignButton c={d} itemIds={selected} onDone={() => setSelected([])} />}
          </Space>
          <Table<CampaignItem>
            rowKey="id"
            size="middle"
            loading={items.isFetching}
            dataSource={items.data?.items}
            rowSelection={d.canManage && active ? { selectedRowKeys: selected, preserveSelectedRowKeys: true, onChange: (k) => setSelected(k as string[]), getCheckboxProps: (r) => ({ disabled: !!r.outcome }) } : undefined}
            scroll={{ x: 1000 }}
            columns={[
              { title: '文件名称', dataIndex: 'title', ellipsis: true, render: (v: string, r) => <Link to={`/legality/documents/${r.documentId}`}>{v}</Link> },
              { title: '制定机关', dataIndex: 'issuer', width: 170, ellipsis: true },
              { title: '发文字号', dataIndex: 'docNumber', width: 160 },
              { title: '审查人员', dataIndex: 'reviewerName', width: 100, render: (v: string | null) => v ?? <Typography.Text type="secondary">未分配</Typography.Text> },
              { title: '清理结果', dataIndex: 'outcomeLabel', width: 100, render: (v: string, r) => <Tag color={r.outcome ? outcomeColor[r.outcome] : 'processing'}>{v}</Tag> },
              { title: '理由', dataIndex: 'reason', ellipsis: true, render: (v: string | null) => v ?? '—' },
              { title: '', width: 110, render: (_: unknown, r) => (active && !r.outcome && r.reviewerId === me.user.id ? <OutcomeButton item={r} /> : null) },
            ]}
            pagination={{ current: paging.page, pageSize: paging.pageSize, total: items.data?.total, showSizeChanger: true, showTotal: (t) => `共 ${t} 件`, onChange: (page, pageSize) => setPaging({ page, pageSize }) }}
          />
        </Card>
      </Space>
    </PageContainer>
  );
}
