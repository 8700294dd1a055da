import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Card, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Switch, Table } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { api, queryString } from '../../api/client';
import { PageContainer } from '../../platform/components/page-container';
import { LedgerImport } from '../../platform/components/ledger-import';
import { useSession } from '../../platform/auth/session';
import { reportError } from '../../platform/feedback';
import { showFieldErrors } from '../../platform/form-errors';
import { options, PERM, useList, useMeta, type CaseItem, type Filters } from './api';
import { AgencySelect, fmt, FlagTags } from './components';

const dateKeys = ['filedDate', 'decisionDate', 'legalReviewDate', 'publicationDate', 'changedDate', 'withdrawnDate'] as const;

function ReportButton() {
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const meta = useMeta();
  const qc = useQueryClient();
  const { me, can } = useSession();
  const create = useMutation({
    mutationFn: (v: Record<string, unknown>) => api.post('/api/enforcement/cases', { ...v, ...Object.fromEntries(dateKeys.map((k) => [k, fmt(v[k] as Dayjs | undefined) ?? null])) }),
    onSuccess: () => { qc.invalidateQueries({ queryKey: ['enforcement'] }); setOpen(false); },
    onError: (err) => { if (!showFieldErrors(form, err)) reportError(err); },
  });
  return (
    <>
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>报送案件</Button>
      <Modal open={open} title="报送行政执法案件" okText="报送" width={760} onCancel={() => setOpen(false)} onOk={() => form.submit()} confirmLoading={create.isPending} destroyOnHidden>
        <Form form={form} layout="vertical" preserve={false} initialValues={{ kind: 'penalty', procedure: 'ordinary', mustPublish: true, major: false, extensionDays: 0 }} onFinish={(v) => create.mutate(v)}>
          <Space wrap align="start">
            {can(PERM.supervise) && <Form.Item name="agencyOrg" label="执法机关" extra={`默认本机关（${me.user.orgName}）`}><AgencySelect allowClear style={{ width: 240 }} /></Form.Item>}
            <Form.Item name="caseNumber" label="案件编号" rules={[{ required: true, message: '请填写案件编号' }]}><Input style={{ width: 220 }} /></Form.Item>
            <Form.Item name="kind" label="类型"><Select style={{ width: 120 }} options={options(meta.data?.caseKinds)} /></Form.Item>
            <Form.Item name="procedure" label="程序"><Select style={{ width: 120 }} options={options(meta.data?.procedures)} /></Form.Item>
          </Space>
          <Space wrap align="start">
            <Form.Item name="partyName" label="相对人" rules={[{ required: true, message: '请填写相对人' }]}><Input style={{ width: 280 }} /></Form.Item>
            <Form.Item name="partyCreditCode" label="统一社会信用代码"><Input style={{ width: 220 }} /></Form.Item>
            <Form.Item name="amount" label="罚没金额（元）"><InputNumber min={0} style={{ width: 140 }} /></Form.Item>
          </Space>
          <Space wrap align="start">
            <Form.Item name="filedDate" label="立案日期" rules={[{ required: true, message: '请选择立案日期' }]}><DatePicker /></Form.Item>
            <Form.Item name="decisionDate" label="决定日期"><DatePicker /></Form.Item>
            <Form.Item name="extensionDays" label="延长天数"><InputNumber min={0} max={365} /></Form.Item>
            <Form.Item name="extensionBasis" label="延长依据"><Input style={{ width: 220 }} /></Form.Item>
          </Space>
          <Space wrap align="start">
            <Form.Item name="major" label="重大执法决定" valuePropName="checked"><Switch /></Form.Item>
            <Form.Item name="legalReviewDate" label="法制审核日期"><DatePicker /></Form.Item>
            <Form.Item name="mustPublish" label="应公示" valuePropName="checked"><Switch /></Form.Item>
            <Form.Item name="publicationDate" label="公示日期"><DatePicker /></Form.Item>
          </Space>
          <Form.Item name="legalBasis" label="法律依据"><Input /></Form.Item>
          <Form.Item name="publicationLink" label="公示网址"><Input /></Form.Item>
        </Form>
      </Modal>
    </>
  );
}

/** 行政执法案件 reported by agencies, with the statutory flags (第六十条, 第五十八条, 第四十八条). */
export default function CasesPage() {
  const { can } = useSession();
  const meta = useMeta();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const [filters, setFilters] = useState<Filters>({});
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const q = useList<CaseItem>('cases', { ...filters, ...paging });
  return (
    <PageContainer
      title="行政执法案件"
      extra={
        <>
          {can(PERM.report) && <ReportButton />}
          {can(PERM.report) && <LedgerImport entity="enforcement-cases" label="导入案件清单" onDone={() => qc.invalidateQueries({ queryKey: ['enforcement'] })} />}
          <Button icon={<DownloadOutlined />} href={`/api/ledger/export/enforcement-cases${queryString(filters as never)}`}>导出Excel</Button>
        </>
      }
    >
      <Card>
        <Form form={form} layout="inline" style={{ marginBottom: 12, rowGap: 8 }} onFinish={(v) => { setPaging((p) => ({ ...p, page: 1 })); setFilters({ q: v.q?.trim() || undefined, kind: v.kind, flag: v.flag, agencyOrgId: v.agencyOrgId }); }}>
          <Form.Item name="q"><Input placeholder="案件编号、相对人" allowClear style={{ width: 200 }} /></Form.Item>
          <Form.Item name="kind"><Select placeholder="类型" allowClear style={{ width: 120 }} options={options(meta.data?.caseKinds)} /></Form.Item>
          <Form.Item name="flag"><Select placeholder="预警" allowClear style={{ width: 220 }} options={Object.entries(meta.data?.caseRules ?? {}).map(([value, r]) => ({ value, label: r.label }))} /></Form.Item>
          {can(PERM.supervise) && <Form.Item name="agencyOrgId"><AgencySelect allowClear style={{ width: 220 }} /></Form.Item>}
          <Button type="primary" htmlType="submit">查询</Button>
        </Form>
        <Table<CaseItem>
          rowKey="id" size="middle" loading={q.isFetching} dataSource={q.data?.items} scroll={{ x: 1300 }}
          columns={[
            { title: '案件编号', dataIndex: 'caseNumber', width: 200 },
            { title: '执法机关', dataIndex: 'orgName', width: 190, ellipsis: true },
            { title: '类型', dataIndex: 'kindLabel', width: 90 },
            { title: '相对人', dataIndex: 'partyName', ellipsis: true },
            { title: '立案', dataIndex: 'filedDate', width: 105 },
            { title: '决定', dataIndex: 'decisionDate', width: 105, render: (v: string | null, c) => v ?? (c.decisionDue ? `应于 ${c.decisionDue} 前` : '—') },
            { title: '公示', dataIndex: 'publicationDate', width: 105, render: (v: string | null, c) => v ?? (c.mustPublish ? '未公示' : '不公示') },
            { title: '预警', dataIndex: 'flags', width: 240, render: (_: unknown, c) => <FlagTags c={c} /> },
          ]}
          pagination={{ current: paging.page, pageSize: paging.pageSize, total: q.data?.total, showSizeChanger: true, showTotal: (t) => `共 ${t} 件`, onChange: (page, pageSize) => setPaging({ page, pageSize }) }}
        />
      </Card>
    </PageContainer>
  );
}
