import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Table, Tag } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { api, queryString } from '../../api/client';
import { FilterBar, useListFilters } from '../../platform/components/filter-list';
import { PageContainer } from '../../platform/components/page-container';
import { ReasonButton } from '../../platform/components/reason-modal';
import { useSession } from '../../platform/auth/session';
import { showFieldErrors } from '../../platform/form-errors';
import { options, PERM, useInputs, useMeta, type InputItem } from './api';

interface FormValues {
  year: number;
  category: string;
  module?: string | null;
  title: string;
  content: string;
  occurredOn?: Dayjs | null;
  source?: string;
}

const lastYear = new Date().getFullYear() - 1;

/** Add or edit one 报告素材 (who and when are recorded by the server). */
function InputModal({ item, open, onClose }: { item: InputItem | null; open: boolean; onClose: () => void }) {
  const meta = useMeta();
  const [form] = Form.useForm<FormValues>();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const run = useMutation({
    mutationFn: (v: FormValues) => {
      const body = { ...v, module: v.module || null, occurredOn: v.occurredOn ? v.occurredOn.format('YYYY-MM-DD') : null, source: v.source || null };
      return item ? api.put(`/api/annual-report-inputs/${item.id}`, { ...body, version: item.version }) : api.post('/api/annual-report-inputs', body);
    },
    onError: (err) => showFieldErrors(form, err),
    onSuccess: () => { message.success('已保存'); qc.invalidateQueries({ queryKey: ['annual-report', 'inputs'] }); onClose(); },
  });
  return (
    <Modal open={open} title={item ? '修改报告素材' : '登记报告素材'} onCancel={onClose} onOk={() => form.submit()} confirmLoading={run.isPending} destroyOnHidden width={640} okText="保存">
      <Form<FormValues> form={form} layout="vertical" preserve={false} onFinish={(v) => run.mutate(v)}
        initialValues={item ? { ...item, occurredOn: item.occurredOn ? dayjs(item.occurredOn) : null, source: item.source ?? undefined } : { year: lastYear }}>
        <Space wrap>
          <Form.Item name="year" label="年度" rules={[{ required: true, message: '请填写年度' }]}><InputNumber min={2000} max={2100} /></Form.Item>
          <Form.Item name="category" label="类别" rules={[{ required: true, message: '请选择素材类别' }]}><Select style={{ width: 280 }} options={meta.data ? options(meta.data.categories) : []} /></Form.Item>
          <Form.Item name="module" label="业务条线（主要举措）"><Select allowClear style={{ width: 240 }} options={(meta.data?.lines ?? []).map((l) => ({ value: l.module, label: l.heading }))} /></Form.Item>
        </Space>
        <Form.Item name="title" label="标题" rules={[{ required: true, whitespace: true, message: '请填写标题' }, { min: 2, message: '至少2个字' }]}><Input maxLength={200} /></Form.Item>
        <Form.Item name="content" label="内容" rules={[{ required: true, whitespace: true, message: '请填写内容' }, { min: 2, message: '至少2个字' }]}><Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} maxLength={10000} /></Form.Item>
        <Space wrap>
          <Form.Item name="occurredOn" label="日期"><DatePicker /></Form.Item>
          <Form.Item name="source" label="来源（如 法治督察、案卷评查、某科室）"><Input style={{ width: 300 }} maxLength={200} /></Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}

/** 报告素材 register: what the bureau records during the year for sections 1–5 of the report. */
export default function InputList() {
  const { can } = useSession();
  const meta = useMeta();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ year?: number; category?: string; q?: string }>();
  const { filters, paging, apply, pagination } = useListFilters<{ year?: number; category?: string; q?: string }>();
  const [editing, setEditing] = useState<InputItem | null | undefined>(undefined);
  const inputs = useInputs({ ...filters, ...paging });
  return (
    <PageContainer
      title="年度报告素材"
      extra={
        <>
          {can(PERM.inputs) && <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>登记素材</Button>}
          <Button icon={<DownloadOutlined />} href={`/api/annual-report-inputs${queryString({ ...filters, format: 'xlsx' })}`}>导出Excel</Button>
        </>
      }
    >
      <Card>
        <FilterBar bare form={form} onApply={(v) => apply({ year: v.year ?? undefined, category: v.category, q: v.q || undefined })}>
          <Form.Item name="year"><InputNumber placeholder="年度" min={2000} max={2100} style={{ width: 110 }} /></Form.Item>
          <Form.Item name="category"><Select placeholder="类别" allowClear style={{ width: 260 }} options={meta.data ? options(meta.data.categories) : []} /></Form.Item>
          <Form.Item name="q"><Input placeholder="标题或内容" allowClear style={{ width: 180 }} /></Form.Item>
        </FilterBar>
        <Table<InputItem>
          rowKey="id"
          size="middle"
          loading={inputs.isFetching}
          dataSource={inputs.data?.items}
          scroll={{ x: 1100 }}
          expandable={{ expandedRowRender: (r) => <div style={{ whiteSpace: 'pre-wrap' }}>{r.content}</div> }}
          columns={[
            { title: '年度', dataIndex: 'year', width: 70 },
            { title: '类别', dataIndex: 'categoryLabel', width: 220, render: (v: string) => <Tag>{v}</Tag> },
            { title: '标题', dataIndex: 'title', ellipsis: true },
            { title: '日期', dataIndex: 'occurredOn', width: 110 },
            { title: '来源', dataIndex: 'source', width: 140, ellipsis: true },
            { title: '登记人', dataIndex: 'createdByName', width: 90 },
            { title: '登记时间', dataIndex: 'createdAt', width: 165, render: (v: string) => new Date(v).toLocaleString('zh-CN') },
            {
              title: '操作', key: 'op', width: 130, fixed: 'right',
              render: (_: unknown, r) => can(PERM.inputs) && (
                <Space size={4}>
                  <Button type="link" size="small" onClick={() => setEditing(r)}>修改</Button>
                  <ReasonButton type="link" size="small" danger title="作废报告素材" okText="作废" onConfirm={(reason) => api.post(`/api/annual-report-inputs/${r.id}/void`, { version: r.version, reason }).then(() => qc.invalidateQueries({ queryKey: ['annual-report', 'inputs'] }))}>作废</ReasonButton>
                </Space>
              ),
            },
          ]}
          pagination={pagination(inputs.data?.total, '条')}
        />
      </Card>
      <InputModal item={editing ?? null} open={editing !== undefined} onClose={() => setEditing(undefined)} />
    </PageContainer>
  );
}
