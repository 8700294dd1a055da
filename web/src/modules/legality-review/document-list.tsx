import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Form, Input, Modal, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { api } from '../../api/client';
import { FilterBar, useListFilters } from '../../platform/components/filter-list';
import { PageContainer } from '../../platform/components/page-container';
import { LedgerImport } from '../../platform/components/ledger-import';
import { OrgTreeSelect } from '../../platform/components/org-tree';
import { useSession } from '../../platform/auth/session';
import { showFieldErrors } from '../../platform/form-errors';
import { options, PERM, statusColor, useDocuments, useExpiring, useMeta, useOverdueFilings, type DocDetail, type DocListItem } from './api';

interface FilterForm {
  q?: string;
  stage?: string;
  status?: string;
}

export function DocStatusTag({ d }: { d: Pick<DocListItem, 'stage' | 'status' | 'statusLabel'> }) {
  if (d.stage !== 'published') return <Tag color="processing">{d.statusLabel}</Tag>;
  return <Tag color={statusColor[d.status ?? ''] ?? 'default'}>{d.statusLabel}</Tag>;
}

const titleCol = { title: '标题', dataIndex: 'title', ellipsis: true, render: (v: string, r: { id: string }) => <Link to={`/legality/documents/${r.id}`}>{v}</Link> };

/** 起草登记: a new draft (起草 stage) of a 规范性文件. */
function DraftButton() {
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ title: string; issuerOrg?: string; docNumber?: string; body?: string }>();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const create = useMutation({
    mutationFn: (v: { title: string; issuerOrg?: string; docNumber?: string; body?: string }) => api.post<DocDetail>('/api/legality/documents', { ...v, body: v.body ?? '' }),
    onError: (err) => showFieldErrors(form, err),
    onSuccess: (doc) => {
      qc.invalidateQueries({ queryKey: ['legality'] });
      setOpen(false);
      navigate(`/legality/documents/${doc.id}`);
    },
  });
  return (
    <>
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
        起草登记
      </Button>
      <Modal open={open} title="起草登记规范性文件" okText="登记" onCancel={() => setOpen(false)} onOk={() => form.submit()} confirmLoading={create.isPending} destroyOnHidden width={640}>
        <Form form={form} layout="vertical" onFinish={(v) => create.mutate(v)}>
          <Form.Item name="title" label="文件标题" rules={[{ required: true, whitespace: true, message: '请填写文件标题' }, { min: 4, message: '至少4个字' }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="issuerOrg" label="制定机关" extra="不选则为本单位">
            <OrgTreeSelect allowClear placeholder="本单位" />
          </Form.Item>
          <Form.Item name="docNumber" label="发文字号（可暂不填）">
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="body" label="草案文本">
            <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

function Register() {
  const meta = useMeta();
  const [form] = Form.useForm<FilterForm>();
  const { filters, paging, apply, pagination } = useListFilters<FilterForm>();
  const docs = useDocuments({ ...filters, ...paging });
  const columns = [
    titleCol,
    { title: '制定机关', dataIndex: 'issuer', width: 180, ellipsis: true },
    { title: '发文字号', dataIndex: 'docNumber', width: 170, render: (v: string | null) => v ?? '—' },
    { title: '文件码', dataIndex: 'code', width: 130, render: (v: string | null) => v ?? '—' },
    { title: '状态', dataIndex: 'statusLabel', width: 110, render: (_: string, r: DocListItem) => <DocStatusTag d={r} /> },
    { title: '公布日期', dataIndex: 'publishedDate', width: 105, render: (v: string | null) => v ?? '—' },
    { title: '有效期至', dataIndex: 'validUntil', width: 105, render: (v: string | null) => v ?? '—' },
    {
      title: '备案',
      dataIndex: 'filedDate',
      width: 140,
      render: (v: string | null, r: DocListItem) => (v ? <span>{v}{r.filedLate && <Tag color="red" style={{ marginInlineStart: 4 }}>逾期</Tag>}</span> : r.filingDueDate ? `应于 ${r.filingDueDate} 前` : '—'),
    },
  ];
  return (
    <>
      <FilterBar bare form={form} onApply={(v) => apply({ q: v.q?.trim() || undefined, stage: v.stage, status: v.status })}>
        <Form.Item name="q">
          <Input placeholder="标题、文号、文件码" allowClear style={{ width: 220 }} />
        </Form.Item>
        <Form.Item name="stage">
          <Select placeholder="制定阶段" allowClear style={{ width: 130 }} options={meta.data ? options(meta.data.stages) : []} />
        </Form.Item>
        <Form.Item name="status">
          <Select placeholder="效力状态" allowClear style={{ width: 120 }} options={meta.data ? options(meta.data.statuses) : []} />
        </Form.Item>
      </FilterBar>
      <Table<DocListItem>
        rowKey="id"
        size="middle"
        loading={docs.isFetching}
        dataSource={docs.data?.items}
        columns={columns}
        scroll={{ x: 1100 }}
        pagination={pagination(docs.data?.total)}
      />
    </>
  );
}

function Expiring() {
  const meta = useMeta();
  const q = useExpiring(true);
  return (
    <>
      <Typography.Paragraph type="secondary">有效期在 {meta.data?.rules.expiryWarningDays ?? 90} 日内届满的现行有效文件，请及时评估、清理或修改（省规定：有效期一般不超过5年，暂行、试行不超过2年）。</Typography.Paragraph>
      <Table rowKey="id" size="middle" loading={q.isFetching} dataSource={q.data?.items} pagination={false}
        columns={[titleCol, { title: '制定机关', dataIndex: 'issuer', width: 200 }, { title: '文件码', dataIndex: 'code', width: 130 }, { title: '有效期至', dataIndex: 'validUntil', width: 120, render: (v: string) => <Tag color="gold">{v}</Tag> }]} />
    </>
  );
}

function OverdueFilings() {
  const meta = useMeta();
  const q = useOverdueFilings(true);
  return (
    <>
      <Typography.Paragraph type="secondary">公布后 {meta.data?.rules.filingDays ?? 30} 日内应报送备案而尚未备案的文件（法规规章备案审查条例 第四条；省规定）。</Typography.Paragraph>
      <Table rowKey="id" size="middle" loading={q.isFetching} dataSource={q.data?.items} pagination={false}
        columns={[titleCol, { title: '制定机关', dataIndex: 'issuer', width: 200 }, { title: '公布日期', dataIndex: 'publishedDate', width: 110 }, { title: '应备案日期', dataIndex: 'filingDueDate', width: 130, render: (v: string) => <Tag color="red">{v}</Tag> }]} />
    </>
  );
}

/** 规范性文件登记簿: filters, paging, 即将到期 / 逾期未备案 tabs, 起草登记 and 台账 import. */
export default function DocumentList() {
  const { can } = useSession();
  const qc = useQueryClient();
  return (
    <PageContainer
      title="规范性文件"
      extra={
        can(PERM.docManage) && (
          <Space>
            <DraftButton />
            <LedgerImport entity="normative-documents" label="导入文件台账" onDone={() => qc.invalidateQueries({ queryKey: ['legality'] })} />
          </Space>
        )
      }
    >
      <Card>
        <Tabs
          destroyOnHidden
          items={[
            { key: 'all', label: '登记簿', children: <Register /> },
            { key: 'expiring', label: '即将到期', children: <Expiring /> },
            { key: 'overdue', label: '逾期未备案', children: <OverdueFilings /> },
          ]}
        />
      </Card>
    </PageContainer>
  );
}
