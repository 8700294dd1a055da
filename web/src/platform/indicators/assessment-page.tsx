import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Form, Input, InputNumber, Modal, Progress, Segmented, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { api, queryString } from '../../api/client';
import type { Page } from '../../api/types';
import { PageContainer } from '../components/page-container';
import { OrgTreeSelect } from '../components/org-tree';
import { ReasonButton } from '../components/reason-modal';
import { useSession } from '../auth/session';
import { feedback, reportError } from '../feedback';
import { showFieldErrors } from '../form-errors';
import { useCatalogue } from './api';

interface AssessmentItem {
  targetId: string;
  orgId: string;
  orgName: string;
  indicatorKey: string;
  label: string;
  target: string;
  basis: string | null;
  display: string;
  numerator: number;
  denominator: number | null;
  status: 'met' | 'unmet' | 'noData';
  rectifications: { id: string; title: string; status: string; deadline: string; overdue: boolean }[];
}
interface Assessment {
  year: number;
  period: { label: string; from: string; to: string };
  orgs: { orgId: string; orgName: string; total: number; met: number; unmet: number; noData: number; openRectifications: number }[];
  items: AssessmentItem[];
}
interface Target { id: string; orgName: string; year: number; label: string; target: string; basis: string | null }
interface Rectification {
  id: string; title: string; orgName: string; indicatorLabel: string | null; year: number | null; requirement: string | null;
  deadline: string; status: 'open' | 'closed'; overdue: boolean; closedDate: string | null; closureNote: string | null; version: number;
}

const statusTag = { met: <Tag color="success">达标</Tag>, unmet: <Tag color="error">未达标</Tag>, noData: <Tag>无数据</Tag> } as const;
const comparatorOptions = [
  { value: '<', label: '低于 <' },
  { value: '<=', label: '不高于 ≤' },
  { value: '>', label: '高于 >' },
  { value: '>=', label: '不低于 ≥' },
  { value: '=', label: '达到 =' },
];

function OpenRectificationModal({ item, onClose }: { item: AssessmentItem | null; onClose: () => void }) {
  const [form] = Form.useForm<{ title: string; requirement?: string; deadline: Dayjs }>();
  const qc = useQueryClient();
  const save = useMutation({
    mutationFn: (v: { title: string; requirement?: string; deadline: Dayjs }) =>
      api.post('/api/indicators/rectifications', { targetId: item!.targetId, title: v.title, requirement: v.requirement || null, deadline: v.deadline.format('YYYY-MM-DD') }),
    onSuccess: () => {
      feedback.message?.success('已交办整改');
      qc.invalidateQueries({ queryKey: ['assessment'] });
      onClose();
    },
    onError: (err) => showFieldErrors(form, err) || reportError(err),
  });
  return (
    <Modal open={!!item} title={`交办整改：${item?.orgName ?? ''}`} okText="交办" onOk={() => form.submit()} confirmLoading={save.isPending} onCancel={onClose} destroyOnHidden>
      {item && (
        <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)} initialValues={{ title: `${item.label}未达标整改（${item.display}，目标：${item.target}）`, deadline: dayjs().add(3, 'month') }}>
          <Form.Item name="title" label="整改事项" rules={[{ required: true, min: 2, message: '请填写整改事项' }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="requirement" label="整改要求">
            <Input.TextArea rows={3} maxLength={2000} placeholder="如：分析原因，制定整改措施，期限内报送整改报告" />
          </Form.Item>
          <Form.Item name="deadline" label="整改期限" rules={[{ required: true, message: '请选择整改期限' }]}>
            <DatePicker />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}

function ResultsTab({ year, canRectify }: { year: number; canRectify: boolean }) {
  const [ytd, setYtd] = useState<number | null>(null);
  const data = useQuery({
    queryKey: ['assessment', 'results', year, ytd],
    queryFn: () => api.get<Assessment>('/api/indicators/assessment', { year, ...(ytd ? { period: 'ytd', month: ytd } : {}) }),
  });
  const [rectify, setRectify] = useState<AssessmentItem | null>(null);
  const a = data.data;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <Typography.Text>考核期间：</Typography.Text>
        <Select style={{ width: 150 }} value={ytd ?? 0} onChange={(v) => setYtd(v || null)} options={[{ value: 0, label: '全年' }, ...Array.from({ length: 11 }, (_, i) => ({ value: i + 1, label: i === 0 ? '1月' : `1—${i + 1}月` }))]} aria-label="考核期间" />
        {a && <Typography.Text type="secondary">{a.period.label}（{a.period.from} 至 {a.period.to}）</Typography.Text>}
      </Space>
      <Card size="small" title="各单位达标情况（落后单位在前）">
        <Table
          size="small"
          rowKey="orgId"
          loading={data.isLoading}
          dataSource={a?.orgs ?? []}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          columns={[
            { title: '单位', dataIndex: 'orgName' },
            { title: '目标数', dataIndex: 'total', width: 80 },
            { title: '未达标', dataIndex: 'unmet', width: 80, render: (n: number) => (n ? <Typography.Text type="danger">{n}</Typography.Text> : 0) },
            { title: '无数据', dataIndex: 'noData', width: 80 },
            { title: '达标率', width: 180, render: (_, o) => <Progress percent={Math.round((o.met / Math.max(1, o.total - o.noData)) * 1000) / 10} size="small" status={o.unmet ? 'exception' : 'success'} /> },
            { title: '未销号整改', dataIndex: 'openRectifications', width: 100 },
          ]}
        />
      </Card>
      <Card size="small" title="考核明细" data-testid="assessment-items">
        <Table<AssessmentItem>
          size="small"
          rowKey="targetId"
          loading={data.isLoading}
          dataSource={a?.items ?? []}
          pagination={{ pageSize: 20, showTotal: (t) => `共 ${t} 项` }}
          columns={[
            { title: '单位', dataIndex: 'orgName', width: 160 },
            { title: '考核目标', dataIndex: 'target', render: (t: string, r) => <span title={r.basis ?? undefined}>{t}</span> },
            { title: '实际', dataIndex: 'display', width: 90, render: (d: string, r) => <span title={r.denominator != null ? `${r.numerator} / ${r.denominator}` : undefined}>{d}</span> },
            { title: '结果', dataIndex: 'status', width: 80, render: (s: AssessmentItem['status']) => statusTag[s] },
            {
              title: '整改',
              width: 260,
              render: (_, r) => (
                <Space orientation="vertical" size={2}>
                  {r.rectifications.map((x) => (
                    <span key={x.id}>
                      {x.status === 'closed' ? <Tag color="success">已销号</Tag> : x.overdue ? <Tag color="error">逾期</Tag> : <Tag color="processing">整改中</Tag>}
                      {x.title}
                    </span>
                  ))}
                  {r.status === 'unmet' && canRectify && (
                    <Button size="small" type="link" onClick={() => setRectify(r)} style={{ padding: 0 }}>
                      交办整改
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <OpenRectificationModal item={rectify} onClose={() => setRectify(null)} />
    </Space>
  );
}

function TargetsTab({ year, canManage }: { year: number; canManage: boolean }) {
  const qc = useQueryClient();
  const targets = useQuery({ queryKey: ['assessment', 'targets', year], queryFn: () => api.get<{ items: Target[] }>('/api/indicators/targets', { year }) });
  const catalogue = useCatalogue();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const save = useMutation({
    mutationFn: (v: { orgId: string; indicatorKey: string; comparator: string; threshold: number; basis?: string }) => api.post('/api/indicators/targets', { ...v, year, basis: v.basis || null }),
    onSuccess: () => {
      feedback.message?.success('已设定考核目标');
      qc.invalidateQueries({ queryKey: ['assessment'] });
      setOpen(false);
      form.resetFields();
    },
    onError: (err) => showFieldErrors(form, err) || reportError(err),
  });
  const voidTarget = (id: string, reason: string) => api.post(`/api/indicators/targets/${id}/void`, { reason }).then(() => qc.invalidateQueries({ queryKey: ['assessment'] }), (e) => { reportError(e); throw e; });
  return (
    <>
      {canManage && (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)} style={{ marginBottom: 12 }}>
          设定目标
        </Button>
      )}
      <Table<Target>
        size="small"
        rowKey="id"
        loading={targets.isLoading}
        dataSource={targets.data?.items ?? []}
        pagination={{ pageSize: 20, showTotal: (t) => `共 ${t} 项` }}
        columns={[
          { title: '考核对象', dataIndex: 'orgName', width: 180 },
          { title: '目标', dataIndex: 'target' },
          { title: '依据', dataIndex: 'basis', render: (b: string | null) => b ?? '—' },
          ...(canManage ? [{ title: '操作', width: 90, render: (_: unknown, r: Target) => <ReasonButton size="small" type="link" title="作废考核目标" warning={`作废后“${r.target}”不再参加考核。`} onConfirm={(reason) => voidTarget(r.id, reason)}>作废</ReasonButton> }] : []),
        ]}
      />
      <Modal open={open} title={`设定${year}年考核目标`} okText="保存" onOk={() => form.submit()} confirmLoading={save.isPending} onCancel={() => setOpen(false)} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)} initialValues={{ comparator: '<' }}>
          <Form.Item name="orgId" label="考核对象（乡镇、部门）" rules={[{ required: true, message: '请选择考核对象' }]}>
            <OrgTreeSelect />
          </Form.Item>
          <Form.Item name="indicatorKey" label="指标" rules={[{ required: true, message: '请选择指标' }]}>
            <Select showSearch={{ optionFilterProp: 'label' }} options={(catalogue.data?.items ?? []).map((c) => ({ value: c.key, label: c.label }))} />
          </Form.Item>
          <Space>
            <Form.Item name="comparator" label="比较" rules={[{ required: true }]}>
              <Select style={{ width: 130 }} options={comparatorOptions} />
            </Form.Item>
            <Form.Item name="threshold" label="目标值（比率填百分数，如 7 表示 7%）" rules={[{ required: true, message: '请填写目标值' }]}>
              <InputNumber style={{ width: 160 }} />
            </Form.Item>
          </Space>
          <Form.Item name="basis" label="依据">
            <Input maxLength={200} placeholder="如：2025年度法治建设考核细则第3项" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

function RectificationsTab({ canRectify, initialStatus }: { canRectify: boolean; initialStatus?: string }) {
  const qc = useQueryClient();
  const [status, setStatus] = useState<string>(initialStatus ?? 'all');
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const filter = { status: status === 'all' ? undefined : status };
  const list = useQuery({ queryKey: ['assessment', 'rect', filter, page], queryFn: () => api.get<Page<Rectification>>('/api/indicators/rectifications', { ...filter, ...page }), placeholderData: keepPreviousData });
  const [closing, setClosing] = useState<Rectification | null>(null);
  const [form] = Form.useForm<{ closedDate: Dayjs; closureNote: string }>();
  const close = useMutation({
    mutationFn: (v: { closedDate: Dayjs; closureNote: string }) => api.post(`/api/indicators/rectifications/${closing!.id}/close`, { closedDate: v.closedDate.format('YYYY-MM-DD'), closureNote: v.closureNote, version: closing!.version }),
    onSuccess: () => {
      feedback.message?.success('已销号');
      qc.invalidateQueries({ queryKey: ['assessment'] });
      setClosing(null);
    },
    onError: (err) => showFieldErrors(form, err) || reportError(err),
  });
  const voidIt = (id: string, reason: string) => api.post(`/api/indicators/rectifications/${id}/void`, { reason }).then(() => qc.invalidateQueries({ queryKey: ['assessment'] }), (e) => { reportError(e); throw e; });
  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        <Segmented value={status} onChange={(v) => { setStatus(v as string); setPage((p) => ({ ...p, page: 1 })); }} options={[{ value: 'all', label: '全部' }, { value: 'open', label: '整改中' }, { value: 'overdue', label: '逾期' }, { value: 'closed', label: '已销号' }]} />
        <Button icon={<DownloadOutlined />} href={`/api/indicators/rectifications${queryString({ ...filter, format: 'xlsx' })}`}>导出 Excel</Button>
      </Space>
      <Table<Rectification>
        size="small"
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        pagination={{ current: page.page, pageSize: page.pageSize, total: list.data?.total ?? 0, showTotal: (t) => `共 ${t} 项`, onChange: (p, s) => setPage({ page: p, pageSize: s }) }}
        columns={[
          { title: '整改事项', dataIndex: 'title' },
          { title: '整改单位', dataIndex: 'orgName', width: 150 },
          { title: '期限', dataIndex: 'deadline', width: 110 },
          { title: '状态', width: 90, render: (_, r) => (r.status === 'closed' ? <Tag color="success">已销号</Tag> : r.overdue ? <Tag color="error">逾期</Tag> : <Tag color="processing">整改中</Tag>) },
          { title: '整改情况', dataIndex: 'closureNote', render: (n: string | null, r) => (n ? `${r.closedDate}：${n}` : '—') },
          ...(canRectify
            ? [{
                title: '操作',
                width: 130,
                render: (_: unknown, r: Rectification) =>
                  r.status === 'open' && (
                    <Space size={0}>
                      <Button size="small" type="link" onClick={() => { setClosing(r); form.setFieldsValue({ closedDate: dayjs(), closureNote: '' }); }}>销号</Button>
                      <ReasonButton size="small" type="link" title="作废整改事项" warning="作废后该事项不再督办，原因记入审计日志。" onConfirm={(reason) => voidIt(r.id, reason)}>作废</ReasonButton>
                    </Space>
                  ),
              }]
            : []),
        ]}
      />
      <Modal open={!!closing} title={`整改销号：${closing?.title ?? ''}`} okText="销号" onOk={() => form.submit()} confirmLoading={close.isPending} onCancel={() => setClosing(null)} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={(v) => close.mutate(v)}>
          <Form.Item name="closedDate" label="完成日期" rules={[{ required: true, message: '请选择完成日期' }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="closureNote" label="整改完成情况" rules={[{ required: true, min: 2, message: '请填写整改完成情况' }]}>
            <Input.TextArea rows={4} maxLength={2000} showCount />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

/** 考核 (法治督察考核): each township and department against its targets, who is behind, and the 整改 opened from it. */
export default function AssessmentPage() {
  const { can } = useSession();
  const [params] = useSearchParams();
  const [year, setYear] = useState(dayjs().year());
  const tab = params.get('tab') ?? 'results';
  const items = useMemo(
    () => [
      { key: 'results', label: '考核结果', children: <ResultsTab year={year} canRectify={can('indicator.rectification.manage')} /> },
      { key: 'targets', label: '考核目标', children: <TargetsTab year={year} canManage={can('indicator.target.manage')} /> },
      { key: 'rectifications', label: '整改事项', children: <RectificationsTab canRectify={can('indicator.rectification.manage')} initialStatus={params.get('status') ?? undefined} /> },
    ],
    [year, can, params],
  );
  return (
    <PageContainer title="法治督察考核" extra={<DatePicker picker="year" allowClear={false} value={dayjs(`${year}-01-01`)} onChange={(d) => d && setYear(d.year())} aria-label="考核年度" />}>
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title="考核目标按年度分解到乡镇（街道）和部门；实际值按指标口径从业务记录计算（含下级机构），比率保留1位小数。未达标的目标可交办整改，整改销号后留痕。" />
      <Tabs defaultActiveKey={tab} items={items} destroyOnHidden />
    </PageContainer>
  );
}
