import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, DatePicker, Descriptions, Drawer, Form, Input, InputNumber, Modal, Select, Space, Table, Tag } from 'antd';
import { DownloadOutlined, FileWordOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { api, queryString } from '../../api/client';
import { PageContainer } from '../../platform/components/page-container';
import { lightLabels } from '../../platform/components/deadline-tag';
import { feedback, reportError } from '../../platform/feedback';
import { showFieldErrors } from '../../platform/form-errors';
import { useOptions, useReferral, useReferrals, type CaseListItem, type Referral } from './api';
import { DeadlineCell } from '../../platform/components/deadline-tag';

const clean = (v: Record<string, unknown>) => Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined && x !== null && x !== '').map(([k, x]) => [k, dayjs.isDayjs(x) ? (x as Dayjs).format('YYYY-MM-DD') : x]));

function ReferralView({ r }: { r: Referral }) {
  return (
    <Descriptions column={1} size="small" bordered>
      <Descriptions.Item label="诉前调解案号">{r.courtCaseNumber}</Descriptions.Item>
      <Descriptions.Item label="调解编号">{r.caseNumber}</Descriptions.Item>
      <Descriptions.Item label="委派日期">{r.referralDate}</Descriptions.Item>
      <Descriptions.Item label="当事人">{`${r.applicantName} — ${r.respondentName}`}</Descriptions.Item>
      <Descriptions.Item label="纠纷">{`${r.disputeTypeLabel}：${r.summary}`}</Descriptions.Item>
      <Descriptions.Item label="调解组织">{r.committeeName}</Descriptions.Item>
      <Descriptions.Item label="调解员">{r.mediatorNames ?? '尚未分派'}</Descriptions.Item>
      <Descriptions.Item label="进度">
        <span data-testid="referral-state">{r.stateLabel}</span>（调解 {r.sessions} 次）
      </Descriptions.Item>
      {r.deadlines.map((d) => (
        <Descriptions.Item key={d.label} label="诉前调解期限">
          {d.light ? <Tag color={lightLabels[d.light].color}>{lightLabels[d.light].text}</Tag> : <Tag>{d.status === 'met' ? '已办结' : '已结束'}</Tag>}
          {d.startDate} 起，截止 {d.dueDate}
          {d.extendedDays ? `（当事人同意延长${d.extendedDays}日）` : ''}；依据：{d.cite}
        </Descriptions.Item>
      ))}
      <Descriptions.Item label="调解结果">
        {r.outcomeLabel ? <Tag color={r.outcome === 'success' ? 'green' : 'orange'} data-testid="referral-outcome">{r.outcomeLabel}</Tag> : '调解中'}
        {r.closedDate ? ` ${r.closedDate}` : ''}
      </Descriptions.Item>
      {r.agreementTypeLabel && <Descriptions.Item label="协议形式">{r.agreementTypeLabel}</Descriptions.Item>}
      {r.agreementContent && <Descriptions.Item label="协议内容">{r.agreementContent}</Descriptions.Item>}
      {r.outcomeNote && <Descriptions.Item label="说明">{r.outcomeNote}</Descriptions.Item>}
      {r.agreement && (
        <Descriptions.Item label="调解协议书">
          <a href={r.agreement.docx}>
            <FileWordOutlined /> {r.agreement.number} {r.agreement.title}
          </a>
        </Descriptions.Item>
      )}
      {r.confirmationStatus !== 'none' && <Descriptions.Item label="司法确认">{`${r.confirmationLabel}${r.confirmationDueDate ? `（申请期限至 ${r.confirmationDueDate}，人民调解法第三十三条）` : ''}`}</Descriptions.Item>}
    </Descriptions>
  );
}

/** 法院委派 诉前调解: the court's liaison refers disputes, follows progress and the 30-day window, gets the result; enters the monthly 一审民商事收案. */
export default function CourtPage() {
  const qc = useQueryClient();
  const options = useOptions();
  const o = options.data;
  const [filters, setFilters] = useState<Record<string, string | undefined>>({});
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const list = useReferrals({ ...filters, ...page });
  const [selected, setSelected] = useState<string | null>(null);
  const detail = useReferral(selected);
  const [open, setOpen] = useState<'refer' | 'stat' | null>(null);
  const [form] = Form.useForm();
  const year = String(dayjs().year());
  const stats = useQuery({ queryKey: ['mediation', 'court-stats', year], queryFn: () => api.get<{ id: string; courtName: string; month: string; civilFirstInstance: number; referrals: number }[]>('/api/mediation/court-stats', { year }) });
  const save = useMutation({
    mutationFn: ({ url, body, method }: { url: string; body: unknown; method: 'post' | 'put' }) => (method === 'put' ? api.put(url, body) : api.post<Referral>(url, body)),
    meta: { silent: true },
    onSuccess: (r) => {
      feedback.message?.success('已保存');
      qc.invalidateQueries({ queryKey: ['mediation'] });
      setOpen(null);
      form.resetFields();
      if (r && (r as Referral).caseNumber) setSelected((r as Referral).id);
    },
    onError: (err) => {
      if (showFieldErrors(form, err)) feedback.message?.error('填写有误，请按表单中标红的提示修改');
      else reportError(err);
    },
  });
  return (
    <PageContainer
      title="诉前委派调解"
      extra={
        <>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => { form.resetFields(); setOpen('refer'); }}>
            委派调解
          </Button>
          <Button onClick={() => { form.resetFields(); setOpen('stat'); }}>登记月度收案数</Button>
          <Button icon={<DownloadOutlined />} href={`/api/mediation/court/referrals${queryString({ ...filters, format: 'xlsx' })}`}>
            导出Excel
          </Button>
        </>
      }
    >
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space wrap>
          <Input.Search placeholder="案号、当事人" allowClear style={{ width: 220 }} onSearch={(q) => setFilters((f) => ({ ...f, q: q || undefined }))} />
          <Select placeholder="状态" allowClear style={{ width: 120 }} options={o?.statuses} onChange={(v) => setFilters((f) => ({ ...f, status: v }))} />
          <Select placeholder="结果" allowClear style={{ width: 120 }} options={o?.outcomes} onChange={(v) => setFilters((f) => ({ ...f, outcome: v }))} />
          <Select placeholder="超期" allowClear style={{ width: 100 }} options={[{ value: 'true', label: '有超期' }]} onChange={(v) => setFilters((f) => ({ ...f, overdue: v }))} />
        </Space>
      </Card>
      <Table<CaseListItem>
        rowKey="id"
        size="middle"
        loading={list.isLoading}
        dataSource={list.data?.items}
        locale={{ emptyText: '本院尚未委派调解案件' }}
        scroll={{ x: 1200 }}
        pagination={{ current: page.page, pageSize: page.pageSize, total: list.data?.total, showTotal: (n) => `共 ${n} 件`, onChange: (p, s) => setPage({ page: p, pageSize: s }) }}
        columns={[
          { title: '诉前调解案号', dataIndex: 'courtCaseNumber', width: 220, render: (v, r) => <a onClick={() => setSelected(r.id)}>{v}</a> },
          { title: '委派日期', dataIndex: 'referralDate', width: 105 },
          { title: '当事人', width: 180, render: (_, r) => `${r.applicantName} — ${r.respondentName}` },
          { title: '纠纷类型', dataIndex: 'disputeTypeLabel', width: 130 },
          { title: '调解组织', dataIndex: 'orgName', width: 200 },
          { title: '进度', dataIndex: 'stateLabel', width: 140 },
          { title: '结果', dataIndex: 'outcomeLabel', width: 110, render: (v: string | null, r) => (v ? <Tag color={r.outcome === 'success' ? 'green' : 'orange'}>{v}</Tag> : '—') },
          { title: '期限', dataIndex: 'deadline', width: 240, render: (d: CaseListItem['deadline']) => <DeadlineCell d={d} /> },
        ]}
      />
      <Card size="small" title={`${year}年一审民商事收案数（诉前引调率的分母）`} style={{ marginTop: 16 }}>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={stats.data}
          locale={{ emptyText: '尚未登记' }}
          columns={[
            { title: '法院', dataIndex: 'courtName' },
            { title: '月份', dataIndex: 'month' },
            { title: '一审民商事收案', dataIndex: 'civilFirstInstance' },
            { title: '当月委派调解', dataIndex: 'referrals' },
            { title: '诉前引调率', render: (_, r) => (r.civilFirstInstance ? `${((r.referrals / r.civilFirstInstance) * 100).toFixed(1)}%` : '—') },
          ]}
        />
      </Card>
      <Drawer open={!!selected} width={620} title="委派调解案件" onClose={() => setSelected(null)} loading={detail.isLoading}>
        {detail.data && <ReferralView r={detail.data} />}
      </Drawer>
      <Modal open={open === 'refer'} title="委派诉前调解" onCancel={() => setOpen(null)} onOk={() => form.submit()} confirmLoading={save.isPending} okText="委派" cancelText="取消" destroyOnHidden width={640}>
        <Form form={form} layout="vertical" initialValues={{ referralDate: dayjs() }} onFinish={(v) => save.mutate({ url: '/api/mediation/court/referrals', body: clean(v), method: 'post' })}>
          <Form.Item name="courtCaseNumber" label="诉前调解案号" rules={[{ required: true, message: '请填写诉前调解案号' }]}>
            <Input placeholder="（2025）浙0723民诉前调123号" />
          </Form.Item>
          <Form.Item name="referralDate" label="委派日期" rules={[{ required: true, message: '请选择委派日期' }]}>
            <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
          </Form.Item>
          <Form.Item name="committeeOrgId" label="调解组织" extra="不选时委派县人民调解委员会">
            <Select allowClear showSearch optionFilterProp="label" options={o?.committees.filter((c) => c.acceptsCourtReferrals).map((c) => ({ value: c.orgId, label: c.name }))} />
          </Form.Item>
          <Form.Item name="disputeType" label="纠纷类型" rules={[{ required: true, message: '请选择纠纷类型' }]}>
            <Select options={o?.disputeTypes} />
          </Form.Item>
          <Form.Item name="applicantName" label="原告（申请人）" rules={[{ required: true, message: '请填写原告' }]}>
            <Input />
          </Form.Item>
          <Form.Item name="applicantPhone" label="原告电话">
            <Input />
          </Form.Item>
          <Form.Item name="respondentName" label="被告（对方当事人）" rules={[{ required: true, message: '请填写被告' }]}>
            <Input />
          </Form.Item>
          <Form.Item name="amount" label="标的额（元）">
            <InputNumber min={0} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="summary" label="纠纷简要情况" rules={[{ required: true, message: '请填写纠纷简要情况' }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal open={open === 'stat'} title="登记一审民商事收案数" onCancel={() => setOpen(null)} onOk={() => form.submit()} confirmLoading={save.isPending} okText="保存" cancelText="取消" destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={(v) => save.mutate({ url: '/api/mediation/court-stats', body: { ...clean(v), month: (v.month as Dayjs).format('YYYY-MM') }, method: 'put' })}>
          <Form.Item name="month" label="月份" rules={[{ required: true, message: '请选择月份' }]}>
            <DatePicker picker="month" disabledDate={(d) => d.isAfter(dayjs(), 'month')} />
          </Form.Item>
          <Form.Item name="civilFirstInstance" label="一审民商事收案数" rules={[{ required: true, message: '请填写收案数' }]}>
            <InputNumber min={0} />
          </Form.Item>
        </Form>
      </Modal>
    </PageContainer>
  );
}
