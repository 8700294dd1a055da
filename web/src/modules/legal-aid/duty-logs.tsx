import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Card, DatePicker, Form, Input, InputNumber, Select, Space, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { PageContainer } from '../../platform/components/page-container';
import { useSession } from '../../platform/auth/session';
import { api } from '../../api/client';
import type { Page } from '../../api/types';
import { ActionModal } from './action-modal';
import { KEY, options, PERM, useMeta } from './api';

interface Log { id: string; dutyDate: string; placeLabel: string; placeName: string; lawyerName: string; consultations: number; pleaWitness: number; referrals: number; note: string | null }

/** 值班律师 work log at the court, procuratorate and detention centre (法律援助法 第十四条、第三十条). */
export default function DutyLogsPage() {
  const { can } = useSession();
  const meta = useMeta();
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const list = useQuery({ queryKey: [KEY, 'duty', paging], queryFn: () => api.get<Page<Log>>('/api/legal-aid/duty-logs', paging) });
  return (
    <PageContainer title="值班律师工作记录" extra={can(PERM.register) && (
      <ActionModal label="登记值班记录" type="primary" icon={<PlusOutlined />} initialValues={{ dutyDate: dayjs(), place: 'court', consultations: 0, pleaWitness: 0, referrals: 0 }}
        send={(v: Record<string, unknown> & { dutyDate?: Dayjs }) => api.post('/api/legal-aid/duty-logs', { ...v, dutyDate: v.dutyDate?.format('YYYY-MM-DD') })}>
        <Space wrap>
          <Form.Item name="dutyDate" label="值班日期" rules={[{ required: true }]}><DatePicker /></Form.Item>
          <Form.Item name="place" label="场所"><Select style={{ width: 140 }} options={meta.data ? options(meta.data.dutyPlaces) : []} /></Form.Item>
        </Space>
        <Form.Item name="placeName" label="工作站" rules={[{ required: true, message: '请填写工作站名称' }]}><Input /></Form.Item>
        <Form.Item name="lawyerName" label="值班律师" rules={[{ required: true, message: '请填写值班律师' }]}><Input /></Form.Item>
        <Space wrap>
          <Form.Item name="consultations" label="法律咨询（人次）"><InputNumber min={0} /></Form.Item>
          <Form.Item name="pleaWitness" label="认罪认罚见证（件）"><InputNumber min={0} /></Form.Item>
          <Form.Item name="referrals" label="转交申请（件）"><InputNumber min={0} /></Form.Item>
        </Space>
        <Form.Item name="note" label="备注"><Input.TextArea rows={2} /></Form.Item>
      </ActionModal>
    )}>
      <Card>
        <Table<Log> rowKey="id" size="middle" loading={list.isFetching} dataSource={list.data?.items}
          pagination={{ current: paging.page, pageSize: paging.pageSize, total: list.data?.total, showTotal: (t) => `共 ${t} 条`, onChange: (page, pageSize) => setPaging({ page, pageSize }) }}
          columns={[
            { title: '日期', dataIndex: 'dutyDate', width: 110 }, { title: '场所', dataIndex: 'placeLabel', width: 110 }, { title: '工作站', dataIndex: 'placeName' },
            { title: '值班律师', dataIndex: 'lawyerName', width: 100 }, { title: '咨询人次', dataIndex: 'consultations', width: 90 }, { title: '认罪认罚见证', dataIndex: 'pleaWitness', width: 110 }, { title: '转交申请', dataIndex: 'referrals', width: 90 },
          ]} />
      </Card>
    </PageContainer>
  );
}
