import { useQuery } from '@tanstack/react-query';
import { Button, Card, Checkbox, Col, DatePicker, Form, Input, InputNumber, Row, Select, Space, Statistic, Table, Tag } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { dateRange, FilterBar, useListFilters } from '../../platform/components/filter-list';
import { PageContainer } from '../../platform/components/page-container';
import { LedgerImportButton } from './ledger-button';
import { useSession } from '../../platform/auth/session';
import { api, queryString } from '../../api/client';
import type { Page } from '../../api/types';
import { ActionModal } from './action-modal';
import { KEY, options, PERM } from './api';

interface Matter { id: string; caseNumber: string; matterTypeLabel: string; applicantName: string; applicantIdMasked: string | null; foreign: boolean; useCountry: string | null; oneVisit: boolean; fee: number; state: string; stateLabel: string; acceptedDate: string; certifiedDate: string | null; durationDays: number | null; certificateNumber: string | null; version: number }
interface Result extends Page<Matter> { summary: { certified: number; foreign: number; oneVisit: number; fees: number; averageDays: number | null } }

/** 公证事项: 受理 → 出证, with counts, 涉外, 最多跑一次, 收费 and 办理时长. */
export default function NotaryPage() {
  const { can } = useSession();
  const meta = useQuery({ queryKey: [KEY, 'notary-meta'], queryFn: () => api.get<{ matterTypes: Record<string, string>; states: Record<string, string> }>('/api/notary/meta'), staleTime: Infinity });
  const [form] = Form.useForm();
  const { filters, paging, apply, pagination } = useListFilters();
  const list = useQuery({ queryKey: [KEY, 'notary', filters, paging], queryFn: () => api.get<Result>('/api/notary/matters', { ...filters, ...paging }) });
  const s = list.data?.summary;
  return (
    <PageContainer
      title="公证事项"
      extra={
        <>
          <Button icon={<DownloadOutlined />} href={`/api/notary/matters${queryString({ ...filters, format: 'xlsx' })}`}>导出Excel</Button>
          {can(PERM.notaryManage) && <LedgerImportButton entity="notary-matters" label="导入公证台账" />}
          {can(PERM.notaryManage) && (
            <ActionModal label="受理公证" type="primary" icon={<PlusOutlined />} initialValues={{ acceptedDate: dayjs(), oneVisit: true, foreign: false }}
              send={(v: Record<string, unknown> & { acceptedDate?: Dayjs }) => api.post('/api/notary/matters', { ...v, acceptedDate: v.acceptedDate?.format('YYYY-MM-DD') })}>
              <Form.Item name="matterType" label="公证事项" rules={[{ required: true, message: '请选择公证事项' }]}><Select options={meta.data ? options(meta.data.matterTypes) : []} /></Form.Item>
              <Form.Item name="applicantName" label="申请人" rules={[{ required: true, message: '请填写申请人' }]}><Input /></Form.Item>
              <Form.Item name="applicantIdNumber" label="身份证号"><Input maxLength={18} /></Form.Item>
              <Form.Item name="applicantPhone" label="联系电话"><Input maxLength={15} /></Form.Item>
              <Space><Form.Item name="foreign" valuePropName="checked"><Checkbox>涉外</Checkbox></Form.Item><Form.Item name="oneVisit" valuePropName="checked"><Checkbox>最多跑一次</Checkbox></Form.Item></Space>
              <Form.Item name="useCountry" label="使用地（涉外）"><Input /></Form.Item>
              <Form.Item name="fee" label="收费（元）" rules={[{ required: true, message: '请填写收费' }]}><InputNumber min={0} style={{ width: '100%' }} /></Form.Item>
              <Form.Item name="acceptedDate" label="受理日期"><DatePicker style={{ width: '100%' }} /></Form.Item>
            </ActionModal>
          )}
        </>
      }
    >
      <Row gutter={12} style={{ marginBottom: 12 }}>
        <Col span={4}><Card size="small"><Statistic title="受理" value={list.data?.total ?? 0} suffix="件" /></Card></Col>
        <Col span={4}><Card size="small"><Statistic title="出证" value={s?.certified ?? 0} suffix="件" /></Card></Col>
        <Col span={4}><Card size="small"><Statistic title="涉外" value={s?.foreign ?? 0} suffix="件" /></Card></Col>
        <Col span={4}><Card size="small"><Statistic title="最多跑一次" value={s?.oneVisit ?? 0} suffix="件" /></Card></Col>
        <Col span={4}><Card size="small"><Statistic title="收费" value={s?.fees ?? 0} suffix="元" /></Card></Col>
        <Col span={4}><Card size="small"><Statistic title="平均办理时长" value={s?.averageDays ?? '—'} suffix="日" /></Card></Col>
      </Row>
      <Card>
        <FilterBar bare form={form} onApply={(v) => apply({ q: v.q || undefined, matterType: v.matterType, state: v.state, foreign: v.foreign, oneVisit: v.oneVisit, ...dateRange(v.range, 'from', 'to') })}>
          <Form.Item name="q"><Input placeholder="受理编号或申请人" allowClear /></Form.Item>
          <Form.Item name="matterType"><Select placeholder="公证事项" allowClear style={{ width: 160 }} options={meta.data ? options(meta.data.matterTypes) : []} /></Form.Item>
          <Form.Item name="state"><Select placeholder="状态" allowClear style={{ width: 110 }} options={meta.data ? options(meta.data.states) : []} /></Form.Item>
          <Form.Item name="foreign"><Select placeholder="涉外" allowClear style={{ width: 90 }} options={[{ value: '1', label: '涉外' }, { value: '0', label: '国内' }]} /></Form.Item>
          <Form.Item name="oneVisit"><Select placeholder="最多跑一次" allowClear style={{ width: 120 }} options={[{ value: '1', label: '是' }, { value: '0', label: '否' }]} /></Form.Item>
          <Form.Item name="range"><DatePicker.RangePicker placeholder={['受理起', '受理止']} /></Form.Item>
        </FilterBar>
        <Table<Matter> rowKey="id" size="middle" loading={list.isFetching} dataSource={list.data?.items} scroll={{ x: 1200 }}
          pagination={pagination(list.data?.total)}
          columns={[
            { title: '受理编号', dataIndex: 'caseNumber', width: 150 },
            { title: '公证事项', dataIndex: 'matterTypeLabel', width: 140 },
            { title: '申请人', dataIndex: 'applicantName', ellipsis: true },
            { title: '身份证号', dataIndex: 'applicantIdMasked', width: 170 },
            { title: '标记', width: 140, render: (_: unknown, r) => <>{r.foreign && <Tag color="purple">涉外·{r.useCountry}</Tag>}{r.oneVisit && <Tag color="green">最多跑一次</Tag>}</> },
            { title: '收费', dataIndex: 'fee', width: 80 },
            { title: '受理', dataIndex: 'acceptedDate', width: 105 },
            { title: '办结', dataIndex: 'certifiedDate', width: 105 },
            { title: '时长', dataIndex: 'durationDays', width: 70, render: (v: number | null) => (v == null ? '—' : `${v}日`) },
            { title: '状态', dataIndex: 'stateLabel', width: 90, render: (v: string, r) => <Tag color={r.state === 'certified' ? 'green' : r.state === 'accepted' ? 'processing' : 'default'}>{v}</Tag> },
            {
              title: '操作', width: 160, render: (_: unknown, r) => r.state === 'accepted' && can(PERM.notaryManage) ? (
                <ActionModal size="small" label="出证" initialValues={{ date: dayjs(), action: 'certify' }} send={(v: { date?: Dayjs; action: string; certificateNumber?: string; reason?: string }) => api.post(`/api/notary/matters/${r.id}/actions`, { ...v, version: r.version, date: v.date?.format('YYYY-MM-DD') })}>
                  <Form.Item name="action" label="办理结果"><Select options={[{ value: 'certify', label: '出具公证书' }, { value: 'refuse', label: '不予办理' }, { value: 'terminate', label: '终止公证' }]} /></Form.Item>
                  <Form.Item name="date" label="办结日期"><DatePicker style={{ width: '100%' }} /></Form.Item>
                  <Form.Item name="certificateNumber" label="公证书编号"><Input /></Form.Item>
                  <Form.Item name="reason" label="理由（不予办理、终止时填写）"><Input.TextArea rows={2} /></Form.Item>
                </ActionModal>
              ) : null,
            },
          ]}
        />
      </Card>
    </PageContainer>
  );
}
