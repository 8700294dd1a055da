import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Card, Form, Input, InputNumber, Progress, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { api } from '../../../api/client';
import { PageContainer } from '../../../platform/components/page-container';
import { useSession } from '../../../platform/auth/session';
import { ActionModal } from '../action-modal';
import { OPERM, useCampaigns, type Campaign } from './api';

function CreateButton() {
  const navigate = useNavigate();
  return (
    <ActionModal<{ name: string; year: number; basis?: string; scope?: string }>
      type="primary"
      icon={<PlusOutlined />}
      label="新建清理任务"
      width={600}
      initialValues={{ year: dayjs().year() }}
      send={async (v) => {
        const c = await api.post<Campaign>('/api/legality/cleanup-campaigns', { name: v.name, year: v.year, basis: v.basis ?? '', scope: v.scope ?? '' });
        navigate(`/legality/cleanup/${c.id}`);
      }}
    >
      <Form.Item name="name" label="清理名称" rules={[{ required: true, whitespace: true, message: '请填写清理名称' }, { min: 4, message: '至少4个字' }]}>
        <Input maxLength={200} placeholder="如：2026年度规范性文件集中清理" />
      </Form.Item>
      <Form.Item name="year" label="年度" rules={[{ required: true, message: '请填写年度' }]}>
        <InputNumber min={2000} max={2100} />
      </Form.Item>
      <Form.Item name="basis" label="清理依据">
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
      </Form.Item>
      <Form.Item name="scope" label="清理范围">
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
      </Form.Item>
    </ActionModal>
  );
}

/** 规范性文件清理: campaigns with their progress. */
export default function CampaignList() {
  const { can } = useSession();
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const q = useCampaigns(paging);
  return (
    <PageContainer title="规范性文件清理" extra={can(OPERM.cleanupManage) && <CreateButton />}>
      <Card>
        <Table<Campaign>
          rowKey="id"
          loading={q.isFetching}
          dataSource={q.data?.items}
          columns={[
            { title: '清理名称', dataIndex: 'name', render: (v: string, r) => <Link to={`/legality/cleanup/${r.id}`}>{v}</Link> },
            { title: '年度', dataIndex: 'year', width: 80 },
            { title: '状态', dataIndex: 'stateLabel', width: 100, render: (v: string, r) => <Tag color={r.state === 'finished' ? 'green' : 'processing'}>{v}</Tag> },
            { title: '进度', width: 240, render: (_: unknown, r) => <Progress percent={r.total ? Math.round(((r.done ?? 0) / r.total) * 100) : 0} format={() => `${r.done ?? 0}/${r.total ?? 0}`} size="small" /> },
            { title: '清理结果公告', dataIndex: 'noticeNumber', width: 170, render: (v: string | null, r) => (v ? <a href={`/api/instruments/${r.noticeInstrumentId}/docx`}>{v}</a> : '—') },
          ]}
          pagination={{ current: paging.page, pageSize: paging.pageSize, total: q.data?.total, showTotal: (t) => `共 ${t} 个`, onChange: (page, pageSize) => setPaging({ page, pageSize }) }}
        />
      </Card>
    </PageContainer>
  );
}
