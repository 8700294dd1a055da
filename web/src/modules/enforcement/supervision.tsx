import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Form, Input, Modal, Radio, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../api/client';
import { PageContainer } from '../../platform/components/page-container';
import { useSession } from '../../platform/auth/session';
import { reportError } from '../../platform/feedback';
import { showFieldErrors } from '../../platform/form-errors';
import { options, PERM, useList, useMeta, type Campaign, type Complaint, type Filters, type OversightDoc, type Rectification } from './api';
import { AgencySelect, DocIssueButton, EvidenceUpload, fmt } from './components';

function Docs() {
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [kind, setKind] = useState<string | undefined>();
  const meta = useMeta();
  const q = useList<OversightDoc>('docs', { ...paging, kind });
  return (
    <>
      <Select placeholder="文书种类" allowClear style={{ width: 200, marginBottom: 12 }} options={options(meta.data?.docKinds)} onChange={(v) => { setKind(v); setPaging((p) => ({ ...p, page: 1 })); }} />
      <Table<OversightDoc>
        rowKey="id" size="middle" loading={q.isFetching} dataSource={q.data?.items}
        onRow={() => ({ 'data-testid': 'doc-row' }) as never}
        columns={[
          { title: '文号', dataIndex: 'number', width: 170 },
          { title: '种类', dataIndex: 'kindLabel', width: 160 },
          { title: '被监督机关', dataIndex: 'orgName', width: 200, ellipsis: true },
          { title: '监督事项', dataIndex: 'subject', ellipsis: true },
          { title: '发文日期', dataIndex: 'issuedDate', width: 110 },
          { title: '整改进度', key: 'r', width: 110, render: (_: unknown, d) => <Tag color={d.rectification.closed === d.rectification.total ? 'green' : 'gold'}>{d.rectification.closed}/{d.rectification.total}</Tag> },
          { title: '文书', key: 'docx', width: 90, render: (_: unknown, d) => <a href={`/api/instruments/${d.instrumentId}/docx`}>下载</a> },
        ]}
        pagination={{ current: paging.page, pageSize: paging.pageSize, total: q.data?.total, showTotal: (t) => `共 ${t} 份`, onChange: (page, pageSize) => setPaging({ page, pageSize }) }}
      />
    </>
  );
}

function CloseModal({ r, onClose }: { r: Rectification; onClose: () => void }) {
  const [form] = Form.useForm<{ note: string; evidenceFileIds: string[]; date: Dayjs }>();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const close = useMutation({
    mutationFn: (v: { note: string; evidenceFileIds: string[]; date: Dayjs }) => api.post(`/api/enforcement/rectifications/${r.id}/close`, { version: r.version, note: v.note, evidenceFileIds: v.evidenceFileIds ?? [], date: fmt(v.date) }),
    onSuccess: () => { qc.invalidateQueries({ queryKey: ['enforcement'] }); message.success('已提交整改完成情况'); onClose(); },
    onError: (err) => { if (!showFieldErrors(form, err)) reportError(err); },
  });
  return (
    <Modal open title="完成整改" okText="提交" onCancel={onClose} onOk={() => form.submit()} confirmLoading={close.isPending} destroyOnHidden>
      <Typography.Paragraph>{r.item}（期限 {r.deadline}）</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ date: dayjs() }} onFinish={(v) => close.mutate(v)}>
        <Form.Item name="note" label="整改情况" rules={[{ required: true, whitespace: true, message: '请写明整改情况' }]}><Input.TextArea autoSize={{ minRows: 3 }} /></Form.Item>
        <Form.Item name="evidenceFileIds" label="佐证材料" rules={[{ required: true, type: 'array', min: 1, message: '请上传整改佐证材料' }]}><EvidenceUpload /></Form.Item>
        <Form.Item name="date" label="完成日期" rules={[{ required: true }]}><DatePicker /></Form.Item>
      </Form>
    </Modal>
  );
}

function Rectifications() {
  const { can } = useSession();
  const [filters, setFilters] = useState<Filters>({ status: 'open' });
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const q = useList<Rectification>('rectifications', { ...filters, ...paging });
  const [closing, setClosing] = useState<Rectification | null>(null);
  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        <Radio.Group value={filters.status ?? ''} onChange={(e) => { setFilters((f) => ({ ...f, status: e.target.value || undefined })); setPaging((p) => ({ ...p, page: 1 })); }}
          options={[{ value: 'open', label: '整改中' }, { value: 'overdue', label: '已逾期' }, { value: 'closed', label: '已整改' }, { value: '', label: '全部' }]} optionType="button" />
        {can(PERM.supervise) && <AgencySelect allowClear style={{ width: 220 }} onChange={(agencyOrgId) => setFilters((f) => ({ ...f, agencyOrgId }))} />}
      </Space>
      <Table<Rectification>
        rowKey="id" size="middle" loading={q.isFetching} dataSource={q.data?.items} scroll={{ x: 1100 }}
        onRow={() => ({ 'data-testid': 'rect-row' }) as never}
        columns={[
          { title: '整改事项', dataIndex: 'item', ellipsis: true },
          { title: '责任机关', dataIndex: 'orgName', width: 190, ellipsis: true },
          { title: '来源', key: 'src', width: 200, render: (_: unknown, r) => `${r.sourceLabel}${r.sourceNumber ? ` ${r.sourceNumber}` : ''}` },
          { title: '期限', dataIndex: 'deadline', width: 110, render: (v: string, r) => (r.overdue ? <Tag color="red">{v}</Tag> : v) },
          { title: '状态', dataIndex: 'statusLabel', width: 90, render: (v: string, r) => <Tag color={r.status === 'closed' ? 'green' : 'gold'}>{v}</Tag> },
          { title: '佐证', dataIndex: 'evidence', width: 150, render: (v: { id: string; name: string }[]) => v.map((f) => <a key={f.id} href={`/api/files/${f.id}`} style={{ marginInlineEnd: 6 }}>{f.name}</a>) },
          ...(can(PERM.report) ? [{ title: '操作', key: 'op', width: 100, render: (_: unknown, r: Rectification) => r.status === 'open' && <Button size="small" type="primary" onClick={() => setClosing(r)}>完成整改</Button> }] : []),
        ]}
        pagination={{ current: paging.page, pageSize: paging.pageSize, total: q.data?.total, showTotal: (t) => `共 ${t} 项`, onChange: (page, pageSize) => setPaging({ page, pageSize }) }}
      />
      {closing && <CloseModal r={closing} onClose={() => setClosing(null)} />}
    </>
  );
}

function Complaints() {
  const { can } = useSession();
  const meta = useMeta();
  const qc = useQueryClient();
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const q = useList<Complaint>('complaints', paging);
  const [open, setOpen] = useState(false);
  const [handling, setHandling] = useState<Complaint | null>(null);
  const [form] = Form.useForm();
  const [hform] = Form.useForm();
  const register = useMutation({
    mutationFn: (v: Record<string, unknown> & { receivedDate: Dayjs }) => api.post('/api/enforcement/complaints', { ...v, receivedDate: fmt(v.receivedDate) }),
    onSuccess: () => { qc.invalidateQueries({ queryKey: ['enforcement'] }); setOpen(false); },
    onError: (err) => { if (!showFieldErrors(form, err)) reportError(err); },
  });
  const handle = useMutation({
    mutationFn: (v: { result: string; substantiated: boolean }) => api.post(`/api/enforcement/complaints/${handling!.id}/handle`, { ...v, version: handling!.version }),
    onSuccess: () => { qc.invalidateQueries({ queryKey: ['enforcement'] }); setHandling(null); },
    onError: reportError,
  });
  const supervise = can(PERM.supervise);
  return (
    <>
      {supervise && <Button type="primary" style={{ marginBottom: 12 }} onClick={() => setOpen(true)}>登记投诉举报</Button>}
      <Table<Complaint>
        rowKey="id" size="middle" loading={q.isFetching} dataSource={q.data?.items} scroll={{ x: 1000 }}
        columns={[
          { title: '收到日期', dataIndex: 'receivedDate', width: 110 },
          { title: '被投诉机关', dataIndex: 'orgName', width: 190, ellipsis: true },
          { title: '类别', dataIndex: 'categoryLabel', width: 110 },
          { title: '投诉人', dataIndex: 'complainantName', width: 100 },
          { title: '电话', dataIndex: 'phoneMasked', width: 130 },
          { title: '内容', dataIndex: 'content', ellipsis: true },
          { title: '状态', dataIndex: 'statusLabel', width: 90, render: (v: string, c) => <Tag color={c.status === 'handled' ? 'green' : 'gold'}>{v}</Tag> },
          ...(supervise ? [{ title: '操作', key: 'op', width: 90, render: (_: unknown, c: Complaint) => c.status === 'received' && <Button size="small" onClick={() => setHandling(c)}>办结</Button> }] : []),
        ]}
        pagination={{ current: paging.page, pageSize: paging.pageSize, total: q.data?.total, showTotal: (t) => `共 ${t} 件`, onChange: (page, pageSize) => setPaging({ page, pageSize }) }}
      />
      <Modal open={open} title="登记投诉举报" okText="登记" onCancel={() => setOpen(false)} onOk={() => form.submit()} confirmLoading={register.isPending} destroyOnHidden>
        <Form form={form} layout="vertical" preserve={false} initialValues={{ receivedDate: dayjs() }} onFinish={(v) => register.mutate(v)}>
          <Form.Item name="agencyOrgId" label="被投诉机关" rules={[{ required: true, message: '请选择被投诉机关' }]}><AgencySelect /></Form.Item>
          <Form.Item name="receivedDate" label="收到日期" rules={[{ required: true }]}><DatePicker /></Form.Item>
          <Form.Item name="complainantName" label="投诉人" rules={[{ required: true, message: '请填写投诉人' }]}><Input /></Form.Item>
          <Form.Item name="phone" label="联系电话"><Input /></Form.Item>
          <Form.Item name="category" label="类别" rules={[{ required: true, message: '请选择类别' }]}><Select options={options(meta.data?.complaintCategories)} /></Form.Item>
          <Form.Item name="content" label="投诉内容" rules={[{ required: true, min: 5, message: '请填写投诉内容' }]}><Input.TextArea autoSize={{ minRows: 3 }} /></Form.Item>
        </Form>
      </Modal>
      <Modal open={!!handling} title="办结投诉举报" okText="办结" onCancel={() => setHandling(null)} onOk={() => hform.submit()} confirmLoading={handle.isPending} destroyOnHidden>
        <Form form={hform} layout="vertical" preserve={false} initialValues={{ substantiated: false }} onFinish={(v) => handle.mutate(v)}>
          <Form.Item name="substantiated" label="是否属实"><Radio.Group options={[{ value: true, label: '属实' }, { value: false, label: '不属实' }]} /></Form.Item>
          <Form.Item name="result" label="办理结果" rules={[{ required: true, message: '请填写办理结果' }]}><Input.TextArea autoSize={{ minRows: 3 }} /></Form.Item>
        </Form>
      </Modal>
    </>
  );
}

function Special() {
  const { can } = useSession();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const q = useList<Campaign>('campaigns', { kind: 'special', pageSize: 50 });
  const create = useMutation({
    mutationFn: (v: { name: string; range: [Dayjs, Dayjs]; focus?: string; agencyOrgIds?: string[] }) => api.post('/api/enforcement/campaigns', { kind: 'special', name: v.name, startDate: fmt(v.range[0]), endDate: fmt(v.range[1]), focus: v.focus, agencyOrgIds: v.agencyOrgIds ?? [] }),
    onSuccess: () => { qc.invalidateQueries({ queryKey: ['enforcement'] }); setOpen(false); },
    onError: reportError,
  });
  return (
    <>
      {can(PERM.supervise) && <Button type="primary" style={{ marginBottom: 12 }} onClick={() => setOpen(true)}>新建专项监督</Button>}
      <Table<Campaign> rowKey="id" size="middle" loading={q.isFetching} dataSource={q.data?.items} pagination={false}
        columns={[
          { title: '名称', dataIndex: 'name' },
          { title: '期间', key: 'p', width: 220, render: (_: unknown, c) => `${c.startDate} 至 ${c.endDate ?? '—'}` },
          { title: '重点', dataIndex: 'focus', ellipsis: true },
          { title: '涉及机关', dataIndex: 'agencyNames', ellipsis: true, render: (v: string[]) => v.join('、') },
          { title: '结论', dataIndex: 'conclusion', ellipsis: true },
        ]} />
      <Modal open={open} title="新建专项监督" okText="创建" onCancel={() => setOpen(false)} onOk={() => form.submit()} confirmLoading={create.isPending} destroyOnHidden>
        <Form form={form} layout="vertical" preserve={false} onFinish={(v) => create.mutate(v)}>
          <Form.Item name="name" label="名称" rules={[{ required: true, message: '请填写名称' }]}><Input /></Form.Item>
          <Form.Item name="range" label="期间" rules={[{ required: true, message: '请选择期间' }]}><DatePicker.RangePicker /></Form.Item>
          <Form.Item name="focus" label="监督重点"><Input.TextArea /></Form.Item>
          <Form.Item name="agencyOrgIds" label="涉及机关"><AgencySelect mode="multiple" /></Form.Item>
        </Form>
      </Modal>
    </>
  );
}

/** 监督文书, 整改, 投诉举报, 专项监督 (行政执法监督条例). */
export default function SupervisionPage() {
  const { can } = useSession();
  return (
    <PageContainer title="执法监督与整改" extra={can(PERM.supervise) && <DocIssueButton buttonProps={{ type: 'primary' }} />}>
      <Card>
        <Tabs
          destroyOnHidden
          defaultActiveKey={can(PERM.supervise) ? 'docs' : 'rect'}
          items={[
            { key: 'docs', label: '监督文书', children: <Docs /> },
            { key: 'rect', label: '整改事项', children: <Rectifications /> },
            { key: 'complaints', label: '投诉举报', children: <Complaints /> },
            { key: 'special', label: '专项监督', children: <Special /> },
          ]}
        />
      </Card>
    </PageContainer>
  );
}
