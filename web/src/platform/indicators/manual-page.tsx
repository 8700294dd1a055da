import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Table, Typography } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { api, queryString } from '../../api/client';
import type { Page } from '../../api/types';
import { PageContainer } from '../components/page-container';
import { OrgTreeSelect } from '../components/org-tree';
import { ReasonButton } from '../components/reason-modal';
import { useSession } from '../auth/session';
import { feedback, reportError } from '../feedback';
import { isConflict, showFieldErrors } from '../form-errors';

interface ManualDef { code: string; label: string; unitLabel: string; definition: string; aggregation: 'latest' | 'sum' }
interface ManualValue { id: string; defCode: string; label: string; unitLabel: string; orgId: string; orgName: string; periodFrom: string; periodTo: string; value: number; source: string; note: string | null; enteredBy: string | null; updatedAt: string; version: number }

const aggregationLabels = { latest: '期末数', sum: '累计数' };

function DefModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm();
  const qc = useQueryClient();
  const save = useMutation({
    mutationFn: (v: Omit<ManualDef, 'unitLabel'> & { unitLabel?: string }) => api.post('/api/indicators/manual/defs', { ...v, unitLabel: v.unitLabel ?? '' }),
    onSuccess: () => {
      feedback.message?.success('已定义手工指标');
      qc.invalidateQueries({ queryKey: ['manual'] });
      qc.invalidateQueries({ queryKey: ['indicators'] });
      onClose();
    },
    onError: (err) => showFieldErrors(form, err) || reportError(err),
  });
  return (
    <Modal open={open} title="定义手工指标" okText="保存" onOk={() => form.submit()} confirmLoading={save.isPending} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)} initialValues={{ aggregation: 'latest' }}>
        <Form.Item name="code" label="指标代码（字母开头）" rules={[{ required: true, pattern: /^[a-zA-Z][a-zA-Z0-9_]{1,47}$/, message: '字母开头的字母、数字或下划线' }]}>
          <Input placeholder="如 practisingLawyers" />
        </Form.Item>
        <Form.Item name="label" label="指标名称" rules={[{ required: true, min: 2, message: '请填写指标名称' }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="unitLabel" label="计量单位">
          <Input maxLength={16} placeholder="人、名、项" />
        </Form.Item>
        <Form.Item name="definition" label="口径" rules={[{ required: true, min: 2, message: '请填写指标口径' }]}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <Form.Item name="aggregation" label="汇总方式">
          <Select options={[{ value: 'latest', label: '期末数（取期末有效的最新填报值，如人口、律师数）' }, { value: 'sum', label: '累计数（期间内各期相加，如荣誉项数）' }]} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

type ValueForm = { defCode: string; orgId: string; range: [Dayjs, Dayjs]; value: number; source: string; note?: string };

function ValueModal({ editing, defs, onClose }: { editing: ManualValue | 'new' | null; defs: ManualDef[]; onClose: () => void }) {
  const [form] = Form.useForm<ValueForm>();
  const qc = useQueryClient();
  const save = useMutation({
    mutationFn: (v: ValueForm) =>
      editing === 'new'
        ? api.post('/api/indicators/manual/values', { defCode: v.defCode, orgId: v.orgId, periodFrom: v.range[0].format('YYYY-MM-DD'), periodTo: v.range[1].format('YYYY-MM-DD'), value: v.value, source: v.source, note: v.note || null })
        : api.put(`/api/indicators/manual/values/${(editing as ManualValue).id}`, { value: v.value, source: v.source, note: v.note || null, version: (editing as ManualValue).version }),
    onSuccess: () => {
      feedback.message?.success('已保存');
      qc.invalidateQueries({ queryKey: ['manual'] });
      qc.invalidateQueries({ queryKey: ['indicators'] });
      onClose();
    },
    onError: (err) => {
      if (isConflict(err)) qc.invalidateQueries({ queryKey: ['manual'] });
      if (!showFieldErrors(form, err)) reportError(err);
    },
  });
  const isNew = editing === 'new';
  const initial = editing && editing !== 'new'
    ? { defCode: editing.defCode, orgId: editing.orgId, range: [dayjs(editing.periodFrom), dayjs(editing.periodTo)], value: editing.value, source: editing.source, note: editing.note ?? undefined }
    : { range: [dayjs().subtract(1, 'year').startOf('year'), dayjs().subtract(1, 'year').endOf('year')] };
  return (
    <Modal open={!!editing} title={isNew ? '填报手工指标' : '修改填报值'} okText="保存" onOk={() => form.submit()} confirmLoading={save.isPending} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)} initialValues={initial as never}>
        <Form.Item name="defCode" label="指标" rules={[{ required: true, message: '请选择指标' }]}>
          <Select disabled={!isNew} options={defs.map((d) => ({ value: d.code, label: `${d.label}（${aggregationLabels[d.aggregation]}）` }))} />
        </Form.Item>
        <Form.Item name="orgId" label="机构" rules={[{ required: true, message: '请选择机构' }]}>
          <OrgTreeSelect disabled={!isNew} />
        </Form.Item>
        <Form.Item name="range" label="所属期间" rules={[{ required: true, message: '请选择期间' }]}>
          <DatePicker.RangePicker disabled={!isNew} />
        </Form.Item>
        <Form.Item name="value" label="数值" rules={[{ required: true, message: '请填写数值' }]}>
          <InputNumber style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="source" label="数据来源" rules={[{ required: true, min: 2, message: '请填写数据来源' }]}>
          <Input maxLength={200} placeholder="如：县统计局统计公报、县律师协会" />
        </Form.Item>
        <Form.Item name="note" label="备注">
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 手工指标: what no business line records, entered per org and period with its source; every change is audited. */
export default function ManualIndicatorsPage() {
  const { can } = useSession();
  const [params] = useSearchParams();
  const qc = useQueryClient();
  const [code, setCode] = useState<string | undefined>(params.get('code') ?? undefined);
  const [year, setYear] = useState<number | undefined>();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const defs = useQuery({ queryKey: ['manual', 'defs'], queryFn: () => api.get<{ items: ManualDef[] }>('/api/indicators/manual/defs') });
  const filter = { code, year };
  const values = useQuery({ queryKey: ['manual', 'values', filter, page], queryFn: () => api.get<Page<ManualValue>>('/api/indicators/manual/values', { ...filter, ...page }), placeholderData: keepPreviousData });
  const [defOpen, setDefOpen] = useState(false);
  const [editing, setEditing] = useState<ManualValue | 'new' | null>(null);
  const canEnter = can('indicator.manual.enter');
  const voidValue = (id: string, reason: string) => api.post(`/api/indicators/manual/values/${id}/void`, { reason }).then(() => qc.invalidateQueries({ queryKey: ['manual'] }), (e) => { reportError(e); throw e; });

  return (
    <PageContainer
      title="手工指标"
      extra={
        <>
          {can('indicator.manual.define') && <Button onClick={() => setDefOpen(true)}>定义指标</Button>}
          {canEnter && <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>填报</Button>}
        </>
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
        业务系统没有记录的数据（常住人口、执业律师数、获得的荣誉等），按机构和期间填报并注明来源；与其他指标一起计算、展示和写入年度报告。所有填报和修改记入审计日志。
      </Typography.Paragraph>
      <Space style={{ marginBottom: 12 }} wrap>
        <Select allowClear placeholder="全部指标" style={{ width: 200 }} value={code} onChange={(v) => { setCode(v); setPage((p) => ({ ...p, page: 1 })); }} options={(defs.data?.items ?? []).map((d) => ({ value: d.code, label: d.label }))} aria-label="指标" />
        <DatePicker picker="year" placeholder="全部年度" value={year ? dayjs(`${year}-01-01`) : null} onChange={(d) => { setYear(d?.year()); setPage((p) => ({ ...p, page: 1 })); }} />
        <Button icon={<DownloadOutlined />} href={`/api/indicators/manual/values${queryString({ ...filter, format: 'xlsx' })}`}>导出 Excel</Button>
      </Space>
      <Table<ManualValue>
        size="small"
        rowKey="id"
        loading={values.isLoading}
        dataSource={values.data?.items ?? []}
        pagination={{ current: page.page, pageSize: page.pageSize, total: values.data?.total ?? 0, showTotal: (t) => `共 ${t} 条`, onChange: (p, s) => setPage({ page: p, pageSize: s }) }}
        columns={[
          { title: '指标', dataIndex: 'label', width: 140 },
          { title: '机构', dataIndex: 'orgName', width: 160 },
          { title: '期间', width: 200, render: (_, r) => `${r.periodFrom} 至 ${r.periodTo}` },
          { title: '数值', width: 110, render: (_, r) => `${r.value}${r.unitLabel}` },
          { title: '来源', dataIndex: 'source' },
          { title: '填报人', dataIndex: 'enteredBy', width: 90 },
          ...(canEnter
            ? [{
                title: '操作',
                width: 120,
                render: (_: unknown, r: ManualValue) => (
                  <Space size={0}>
                    <Button size="small" type="link" onClick={() => setEditing(r)}>修改</Button>
                    <ReasonButton size="small" type="link" title="作废填报值" warning="作废后该值不再参与计算，原因记入审计日志。" onConfirm={(reason) => voidValue(r.id, reason)}>作废</ReasonButton>
                  </Space>
                ),
              }]
            : []),
        ]}
      />
      <DefModal open={defOpen} onClose={() => setDefOpen(false)} />
      <ValueModal editing={editing} defs={defs.data?.items ?? []} onClose={() => setEditing(null)} />
    </PageContainer>
  );
}
