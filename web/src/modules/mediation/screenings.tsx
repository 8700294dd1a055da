import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Statistic, Table } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { api, queryString } from '../../api/client';
import type { Page } from '../../api/types';
import { PageContainer } from '../../platform/components/page-container';
import { useSession } from '../../platform/auth/session';
import { feedback, reportError } from '../../platform/feedback';
import { showFieldErrors } from '../../platform/form-errors';
import { useOptions } from './api';

interface Screening {
  id: string;
  committeeName: string;
  periodStart: string;
  periodEnd: string;
  screeningCount: number;
  disputesFound: number;
  disputesResolved: number;
  keyRisks: string | null;
}

/** 矛盾纠纷排查: per committee and period — 排查次数, 发现, 化解 — with totals. */
export default function ScreeningsPage() {
  const { can } = useSession();
  const qc = useQueryClient();
  const o = useOptions().data;
  const [filters, setFilters] = useState<Record<string, string | undefined>>({});
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const list = useQuery({ queryKey: ['mediation', 'screenings', filters, page], queryFn: () => api.get<Page<Screening> & { sums: { screeningCount: number; disputesFound: number; disputesResolved: number } }>('/api/mediation/screenings', { ...filters, ...page }) });
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const save = useMutation({
    mutationFn: (body: unknown) => api.post('/api/mediation/screenings', body),
    meta: { silent: true },
    onSuccess: () => {
      feedback.message?.success('已保存');
      qc.invalidateQueries({ queryKey: ['mediation', 'screenings'] });
      setOpen(false);
    },
    onError: (err) => {
      if (showFieldErrors(form, err)) feedback.message?.error('填写有误，请按表单中标红的提示修改');
      else reportError(err);
    },
  });
  const s = list.data?.sums;
  return (
    <PageContainer
      title="矛盾纠纷排查"
      extra={
        <>
          {can('mediation.manage') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => { form.resetFields(); setOpen(true); }}>
              登记排查
            </Button>
          )}
          <Button icon={<DownloadOutlined />} href={`/api/mediation/screenings${queryString({ ...filters, format: 'xlsx' })}`}>
            导出Excel
          </Button>
        </>
      }
    >
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space wrap size="large">
          <Select placeholder="乡镇（街道）" allowClear style={{ width: 140 }} options={o?.townships.map((t) => ({ value: t.code, label: t.name.replace(/司法所$/, '') }))} onChange={(v) => setFilters((f) => ({ ...f, townshipCode: v }))} />
          <Select placeholder="调解委员会" allowClear showSearch optionFilterProp="label" style={{ width: 240 }} options={o?.committees.map((c) => ({ value: c.orgId, label: c.name }))} onChange={(v) => setFilters((f) => ({ ...f, committeeOrgId: v }))} />
          <DatePicker.RangePicker onChange={(v) => setFilters((f) => ({ ...f, from: v?.[0]?.format('YYYY-MM-DD'), to: v?.[1]?.format('YYYY-MM-DD') }))} />
          <Statistic title="排查次数" value={s?.screeningCount ?? 0} />
          <Statistic title="发现纠纷" value={s?.disputesFound ?? 0} />
          <Statistic title="化解纠纷" value={s?.disputesResolved ?? 0} />
        </Space>
      </Card>
      <Table<Screening>
        rowKey="id"
        size="middle"
        loading={list.isLoading}
        dataSource={list.data?.items}
        pagination={{ current: page.page, pageSize: page.pageSize, total: list.data?.total, showTotal: (n) => `共 ${n} 条`, onChange: (p, sz) => setPage({ page: p, pageSize: sz }) }}
        columns={[
          { title: '调解委员会', dataIndex: 'committeeName', width: 240 },
          { title: '排查期间', render: (_, r) => `${r.periodStart} ～ ${r.periodEnd}`, width: 220 },
          { title: '排查次数', dataIndex: 'screeningCount', width: 100 },
          { title: '发现纠纷', dataIndex: 'disputesFound', width: 100 },
          { title: '化解纠纷', dataIndex: 'disputesResolved', width: 100 },
          { title: '重点风险', dataIndex: 'keyRisks', render: (v) => v ?? '—' },
        ]}
      />
      <Modal open={open} title="登记矛盾纠纷排查" onCancel={() => setOpen(false)} onOk={() => form.submit()} confirmLoading={save.isPending} okText="保存" cancelText="取消" destroyOnHidden>
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) => {
            const [a, b] = v.period as [Dayjs, Dayjs];
            save.mutate({ committeeOrgId: v.committeeOrgId, periodStart: a.format('YYYY-MM-DD'), periodEnd: b.format('YYYY-MM-DD'), screeningCount: v.screeningCount, disputesFound: v.disputesFound, disputesResolved: v.disputesResolved, keyRisks: v.keyRisks || undefined });
          }}
        >
          <Form.Item name="committeeOrgId" label="调解委员会" rules={[{ required: true, message: '请选择调解委员会' }]}>
            <Select showSearch optionFilterProp="label" options={o?.committees.filter((c) => c.manageable).map((c) => ({ value: c.orgId, label: c.name }))} />
          </Form.Item>
          <Form.Item name="period" label="排查期间" rules={[{ required: true, message: '请选择排查期间' }]}>
            <DatePicker.RangePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
          </Form.Item>
          <Form.Item name="screeningCount" label="排查次数" rules={[{ required: true, message: '请填写排查次数' }]}>
            <InputNumber min={0} />
          </Form.Item>
          <Form.Item name="disputesFound" label="发现纠纷（件）" rules={[{ required: true, message: '请填写发现纠纷数' }]}>
            <InputNumber min={0} />
          </Form.Item>
          <Form.Item name="disputesResolved" label="化解纠纷（件）" rules={[{ required: true, message: '请填写化解纠纷数' }]}>
            <InputNumber min={0} />
          </Form.Item>
          <Form.Item name="keyRisks" label="重点风险">
            <Input.TextArea rows={2} />
          </Form.Item>
        </Form>
      </Modal>
    </PageContainer>
  );
}
