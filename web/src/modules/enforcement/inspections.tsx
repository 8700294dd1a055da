import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Form, Input, Modal, Popconfirm, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { DownloadOutlined, RadarChartOutlined } from '@ant-design/icons';
import { api, queryString } from '../../api/client';
import { PageContainer } from '../../platform/components/page-container';
import { LedgerImport } from '../../platform/components/ledger-import';
import { useSession } from '../../platform/auth/session';
import { reportError } from '../../platform/feedback';
import { options, PERM, useList, useMeta, type Clue, type Filters, type Inspection, type JointTask } from './api';
import { AgencySelect, DocIssueButton, fmt } from './components';

function InspectionList() {
  const [form] = Form.useForm();
  const [filters, setFilters] = useState<Filters>({});
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const q = useList<Inspection>('inspections', { ...filters, ...paging });
  return (
    <>
      <Form form={form} layout="inline" style={{ marginBottom: 12, rowGap: 8 }} onFinish={(v) => { setPaging((p) => ({ ...p, page: 1 })); setFilters({ q: v.q?.trim() || undefined, agencyOrgId: v.agencyOrgId, joint: v.joint }); }}>
        <Form.Item name="q"><Input placeholder="企业名称、信用代码、检查事项" allowClear style={{ width: 240 }} /></Form.Item>
        <Form.Item name="agencyOrgId"><AgencySelect allowClear style={{ width: 220 }} /></Form.Item>
        <Form.Item name="joint"><Select placeholder="是否联合检查" allowClear style={{ width: 140 }} options={[{ value: 'yes', label: '联合检查' }, { value: 'no', label: '单独检查' }]} /></Form.Item>
        <Button type="primary" htmlType="submit">查询</Button>
        <Button icon={<DownloadOutlined />} href={`/api/ledger/export/enforcement-inspections${queryString(filters as never)}`} style={{ marginInlineStart: 8 }}>导出Excel</Button>
      </Form>
      <Table<Inspection>
        rowKey="id" size="middle" loading={q.isFetching} dataSource={q.data?.items} scroll={{ x: 1000 }}
        columns={[
          { title: '检查日期', dataIndex: 'inspectionDate', width: 110 },
          { title: '执法机关', dataIndex: 'orgName', width: 200, ellipsis: true },
          { title: '企业', dataIndex: 'enterpriseName', ellipsis: true },
          { title: '统一社会信用代码', dataIndex: 'enterpriseCreditCode', width: 190 },
          { title: '检查事项', dataIndex: 'matter', width: 120 },
          { title: '联合检查', dataIndex: 'jointTaskName', width: 200, ellipsis: true, render: (v: string | null) => (v ? <Tag color="blue">{v}</Tag> : '—') },
        ]}
        pagination={{ current: paging.page, pageSize: paging.pageSize, total: q.data?.total, showSizeChanger: true, showTotal: (t) => `共 ${t} 条`, onChange: (page, pageSize) => setPaging({ page, pageSize }) }}
      />
    </>
  );
}

function ClueList() {
  const { can } = useSession();
  const meta = useMeta();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [filters, setFilters] = useState<Filters>({});
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const q = useList<Clue>('clues', { ...filters, ...paging });
  const [dismissing, setDismissing] = useState<Clue | null>(null);
  const [note, setNote] = useState('');
  const detect = useMutation({
    mutationFn: () => api.post<{ found: { repeat: number; multiAgency: number }; added: { repeat: number; multiAgency: number }; windowDays: number }>('/api/enforcement/clues/detect', {}),
    onSuccess: (r) => {
      qc.invalidateQueries({ queryKey: ['enforcement'] });
      message.success(`筛查完成（窗口${r.windowDays}日）：新增重复检查线索 ${r.added.repeat} 条、多头检查线索 ${r.added.multiAgency} 条`);
    },
    onError: reportError,
  });
  const decide = useMutation({
    mutationFn: ({ c, action, note }: { c: Clue; action: 'confirm' | 'dismiss'; note?: string }) => api.post(`/api/enforcement/clues/${c.id}/${action}`, { version: c.version, note: note ?? '' }),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: ['enforcement'] });
      setDismissing(null);
      setNote('');
    },
    onError: reportError,
  });
  const supervise = can(PERM.supervise);
  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        <Select placeholder="线索类型" allowClear style={{ width: 130 }} options={options(meta.data?.clueKinds)} onChange={(kind) => { setPaging((p) => ({ ...p, page: 1 })); setFilters((f) => ({ ...f, kind })); }} />
        <Select placeholder="处理状态" allowClear style={{ width: 130 }} options={options(meta.data?.clueStatuses)} onChange={(status) => { setPaging((p) => ({ ...p, page: 1 })); setFilters((f) => ({ ...f, status })); }} />
        {supervise && (
          <Button type="primary" icon={<RadarChartOutlined />} loading={detect.isPending} onClick={() => detect.mutate()}>
            筛查线索
          </Button>
        )}
        <Typography.Text type="secondary">
          同一企业 {meta.data?.rules.inspectionWindowDays ?? 30} 日内被两个以上部门检查（未纳入联合检查）为多头检查；同一部门同一事项检查超过 {meta.data?.rules.repeatAllowed ?? 1} 次为重复检查（窗口为地方规定）。
        </Typography.Text>
      </Space>
      <Table<Clue>
        rowKey="id" size="middle" loading={q.isFetching} dataSource={q.data?.items} scroll={{ x: 1200 }}
        onRow={() => ({ 'data-testid': 'clue-row' }) as never}
        columns={[
          { title: '类型', dataIndex: 'kindLabel', width: 100, render: (v: string, c) => <Tag color={c.kind === 'repeat' ? 'orange' : 'purple'}>{v}</Tag> },
          { title: '企业', dataIndex: 'enterpriseName', ellipsis: true },
          { title: '检查日期', dataIndex: 'inspectionDate', width: 110 },
          { title: '前次检查', dataIndex: 'priorDate', width: 110, render: (v: string | null) => v ?? '—' },
          { title: '涉及部门', dataIndex: 'agencyNames', width: 260, render: (v: string[]) => [...new Set(v)].join('、') },
          { title: '事项', dataIndex: 'matter', width: 110 },
          { title: '状态', dataIndex: 'statusLabel', width: 90, render: (v: string, c) => <Tag color={c.status === 'confirmed' ? 'red' : c.status === 'open' ? 'gold' : 'default'}>{v}</Tag> },
          ...(supervise
            ? [{
                title: '操作', key: 'op', width: 230,
                render: (_: unknown, c: Clue) =>
                  c.status === 'open' ? (
                    <Space>
                      <Popconfirm title="确认该线索属实？" okText="确认" cancelText="取消" onConfirm={() => decide.mutate({ c, action: 'confirm', note: '经核实属实' })}>
                        <Button size="small" type="primary">确认</Button>
                      </Popconfirm>
                      <Button size="small" onClick={() => setDismissing(c)}>排除</Button>
                    </Space>
                  ) : c.status === 'confirmed' ? (
                    <DocIssueButton
                      label="出具监督通知书"
                      buttonProps={{ size: 'small' }}
                      source={{ sourceType: 'clue', sourceId: c.id }}
                      initial={{ kind: 'notice', agencyOrgId: c.orgId, subject: `涉企${c.kindLabel}`, facts: `${c.enterpriseName}（${c.enterpriseCreditCode}）于${c.priorDate ?? ''}、${c.inspectionDate}在${c.windowDays}日内被${[...new Set(c.agencyNames)].join('、')}检查，构成${c.kindLabel}。` }}
                    />
                  ) : null,
              }]
            : []),
        ]}
        pagination={{ current: paging.page, pageSize: paging.pageSize, total: q.data?.total, showTotal: (t) => `共 ${t} 条`, onChange: (page, pageSize) => setPaging({ page, pageSize }) }}
      />
      <Modal open={!!dismissing} title="排除线索" okText="排除" onCancel={() => setDismissing(null)} onOk={() => dismissing && decide.mutate({ c: dismissing, action: 'dismiss', note })} confirmLoading={decide.isPending} destroyOnHidden>
        <Input.TextArea placeholder="请写明排除理由" value={note} onChange={(e) => setNote(e.target.value)} autoSize={{ minRows: 3 }} />
      </Modal>
    </>
  );
}

function JointTasks() {
  const { can } = useSession();
  const qc = useQueryClient();
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const q = useList<JointTask>('joint-tasks', paging);
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const create = useMutation({
    mutationFn: (v: { name: string; plannedDate: import('dayjs').Dayjs; agencyOrgIds: string[]; enterpriseName?: string }) => api.post('/api/enforcement/joint-tasks', { ...v, plannedDate: fmt(v.plannedDate) }),
    onSuccess: () => { qc.invalidateQueries({ queryKey: ['enforcement'] }); setOpen(false); },
    onError: reportError,
  });
  return (
    <>
      {can(PERM.supervise) && <Button type="primary" style={{ marginBottom: 12 }} onClick={() => setOpen(true)}>新建联合检查任务</Button>}
      <Table<JointTask>
        rowKey="id" size="middle" loading={q.isFetching} dataSource={q.data?.items}
        columns={[
          { title: '任务', dataIndex: 'name', ellipsis: true },
          { title: '计划日期', dataIndex: 'plannedDate', width: 110 },
          { title: '参加部门', dataIndex: 'agencyNames', render: (v: string[]) => v.join('、') },
          { title: '检查记录', dataIndex: 'inspectionCount', width: 90 },
        ]}
        pagination={{ current: paging.page, pageSize: paging.pageSize, total: q.data?.total, showTotal: (t) => `共 ${t} 个`, onChange: (page, pageSize) => setPaging({ page, pageSize }) }}
      />
      <Modal open={open} title="新建联合检查任务（综合查一次）" okText="创建" onCancel={() => setOpen(false)} onOk={() => form.submit()} confirmLoading={create.isPending} destroyOnHidden>
        <Form form={form} layout="vertical" preserve={false} onFinish={(v) => create.mutate(v)}>
          <Form.Item name="name" label="任务名称" rules={[{ required: true, message: '请填写任务名称' }]}><Input /></Form.Item>
          <Form.Item name="plannedDate" label="计划日期" rules={[{ required: true, message: '请选择日期' }]}><DatePicker /></Form.Item>
          <Form.Item name="agencyOrgIds" label="参加部门" rules={[{ required: true, type: 'array', min: 2, message: '至少两个部门' }]}><AgencySelect mode="multiple" /></Form.Item>
          <Form.Item name="enterpriseName" label="检查对象"><Input /></Form.Item>
        </Form>
      </Modal>
    </>
  );
}

/** 行政检查: records (台账 import/export), 多头/重复检查 clues, 联合检查任务. */
export default function InspectionsPage() {
  const { can } = useSession();
  const qc = useQueryClient();
  return (
    <PageContainer title="行政检查监督" extra={can(PERM.report) && <LedgerImport entity="enforcement-inspections" label="导入检查记录" onDone={() => qc.invalidateQueries({ queryKey: ['enforcement'] })} />}>
      <Card>
        <Tabs
          destroyOnHidden
          items={[
            { key: 'clues', label: '检查线索', children: <ClueList /> },
            { key: 'records', label: '检查记录', children: <InspectionList /> },
            { key: 'joint', label: '联合检查任务', children: <JointTasks /> },
          ]}
        />
      </Card>
    </PageContainer>
  );
}
