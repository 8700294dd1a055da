import { useQuery } from '@tanstack/react-query';
import { Button, Card, DatePicker, Form, Input, InputNumber, Select, Space, Table, Tag } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { dateRange, FilterBar, useListFilters } from '../../platform/components/filter-list';
import { PageContainer } from '../../platform/components/page-container';
import { useSession } from '../../platform/auth/session';
import { api, queryString } from '../../api/client';
import type { Page } from '../../api/types';
import { ActionModal } from './action-modal';
import { KEY, options, PERM } from './api';

interface Item { id: string; serialNumber: string; consultedDate: string; channelLabel: string; topic: string; topicLabel: string; askerName: string | null; askerPhoneMasked: string | null; question: string; answer: string | null; state: string; stateLabel: string; referralLabel: string | null; satisfactionLabel: string | null; version: number }
interface Meta { channels: Record<string, string>; topics: Record<string, string>; referralTargets: Record<string, string>; satisfactionLevels: Record<string, string> }

/** 12348 / 窗口 / 网上 法律咨询: log, answer online questions, refer to 法律援助 or 人民调解. */
export default function ConsultationsPage() {
  const { can } = useSession();
  const meta = useQuery({ queryKey: [KEY, 'consultation-meta'], queryFn: () => api.get<Meta>('/api/consultations/meta'), staleTime: Infinity });
  const [form] = Form.useForm();
  const { filters, paging, apply, pagination } = useListFilters();
  const list = useQuery({ queryKey: [KEY, 'consultations', filters, paging], queryFn: () => api.get<Page<Item>>('/api/consultations', { ...filters, ...paging }) });
  const m = meta.data;
  return (
    <PageContainer
      title="法律咨询（12348）"
      extra={
        <>
          <Button icon={<DownloadOutlined />} href={`/api/consultations${queryString({ ...filters, format: 'xlsx' })}`}>导出Excel</Button>
          {can(PERM.consultationManage) && (
            <ActionModal label="登记咨询" type="primary" icon={<PlusOutlined />} width={640} initialValues={{ channel: 'hotline', consultedDate: dayjs() }}
              send={(v: Record<string, unknown> & { consultedDate?: Dayjs }) => api.post('/api/consultations', { ...v, consultedDate: v.consultedDate?.format('YYYY-MM-DD') })}>
              <Space wrap>
                <Form.Item name="channel" label="渠道"><Select style={{ width: 140 }} options={[{ value: 'hotline', label: '12348热线' }, { value: 'window', label: '窗口' }]} /></Form.Item>
                <Form.Item name="topic" label="类别" rules={[{ required: true, message: '请选择类别' }]}><Select style={{ width: 150 }} options={m ? options(m.topics) : []} /></Form.Item>
                <Form.Item name="consultedDate" label="日期"><DatePicker /></Form.Item>
                <Form.Item name="durationMinutes" label="时长（分钟）"><InputNumber min={0} /></Form.Item>
              </Space>
              <Space wrap><Form.Item name="askerName" label="咨询人"><Input /></Form.Item><Form.Item name="askerPhone" label="电话"><Input maxLength={15} /></Form.Item></Space>
              <Form.Item name="question" label="咨询内容" rules={[{ required: true, message: '请填写咨询内容' }]}><Input.TextArea rows={3} /></Form.Item>
              <Form.Item name="answer" label="解答意见" rules={[{ required: true, message: '请填写解答意见' }]}><Input.TextArea rows={3} /></Form.Item>
              <Space wrap>
                <Form.Item name="referralTarget" label="转介"><Select allowClear style={{ width: 140 }} options={m ? options(m.referralTargets) : []} /></Form.Item>
                <Form.Item name="satisfaction" label="满意度"><Select allowClear style={{ width: 120 }} options={m ? options(m.satisfactionLevels) : []} /></Form.Item>
              </Space>
              <Form.Item name="referralNote" label="转介说明"><Input /></Form.Item>
            </ActionModal>
          )}
        </>
      }
    >
      <Card>
        <FilterBar bare form={form} onApply={(v) => apply({ q: v.q || undefined, channel: v.channel, topic: v.topic, state: v.state, referral: v.referral, ...dateRange(v.range, 'from', 'to') })}>
          <Form.Item name="q"><Input placeholder="编号或内容" allowClear /></Form.Item>
          <Form.Item name="channel"><Select placeholder="渠道" allowClear style={{ width: 120 }} options={m ? options(m.channels) : []} /></Form.Item>
          <Form.Item name="topic"><Select placeholder="类别" allowClear style={{ width: 120 }} options={m ? options(m.topics) : []} /></Form.Item>
          <Form.Item name="state"><Select placeholder="状态" allowClear style={{ width: 100 }} options={[{ value: 'pending', label: '待解答' }, { value: 'answered', label: '已解答' }]} /></Form.Item>
          <Form.Item name="referral"><Select placeholder="转介" allowClear style={{ width: 110 }} options={m ? options(m.referralTargets) : []} /></Form.Item>
          <Form.Item name="range"><DatePicker.RangePicker /></Form.Item>
        </FilterBar>
        <Table<Item> rowKey="id" size="middle" loading={list.isFetching} dataSource={list.data?.items} scroll={{ x: 1200 }}
          pagination={pagination(list.data?.total)}
          columns={[
            { title: '编号', dataIndex: 'serialNumber', width: 170 },
            { title: '日期', dataIndex: 'consultedDate', width: 105 },
            { title: '渠道', dataIndex: 'channelLabel', width: 100 },
            { title: '类别', dataIndex: 'topicLabel', width: 90 },
            { title: '咨询内容', dataIndex: 'question', ellipsis: true },
            { title: '解答', dataIndex: 'answer', ellipsis: true, render: (v: string | null) => v ?? '—' },
            { title: '电话', dataIndex: 'askerPhoneMasked', width: 120, render: (v: string | null) => v ?? '—' },
            { title: '转介', dataIndex: 'referralLabel', width: 90, render: (v: string | null) => (v ? <Tag color="purple">{v}</Tag> : '—') },
            { title: '满意度', dataIndex: 'satisfactionLabel', width: 90, render: (v: string | null) => v ?? '—' },
            {
              title: '状态', width: 150, render: (_: unknown, r) => r.state === 'pending' && can(PERM.consultationManage) ? (
                <ActionModal size="small" type="primary" label="解答" width={600} initialValues={{ topic: r.topic }} hint={r.question}
                  send={(v: Record<string, unknown>) => api.post(`/api/consultations/${r.id}/answer`, { ...v, version: r.version })}>
                  <Form.Item name="topic" label="类别"><Select options={m ? options(m.topics) : []} /></Form.Item>
                  <Form.Item name="answer" label="解答意见" rules={[{ required: true, message: '请填写解答意见' }]}><Input.TextArea rows={4} /></Form.Item>
                  <Form.Item name="referralTarget" label="转介"><Select allowClear options={m ? options(m.referralTargets) : []} /></Form.Item>
                  <Form.Item name="referralNote" label="转介说明"><Input /></Form.Item>
                </ActionModal>
              ) : <Tag color={r.state === 'pending' ? 'orange' : 'green'}>{r.stateLabel}</Tag>,
            },
          ]}
        />
      </Card>
    </PageContainer>
  );
}
