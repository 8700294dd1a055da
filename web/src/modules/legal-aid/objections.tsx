import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Card, Form, Input, Select, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { PageContainer } from '../../platform/components/page-container';
import { DeadlineTag } from '../../platform/components/deadline-tag';
import { api } from '../../api/client';
import { ActionModal } from './action-modal';
import { KEY, type WfView } from './api';

interface Objection { id: string; caseId: string; caseNumber: string; applicantName: string; receivedDate: string; reason: string; state: string; decisionLabel: string | null; decisionDate: string | null; decisionReason: string | null; workflow: WfView | null }

/** 异议审查 by the 司法行政部门: decided within 5 days (法律援助法 第四十九条). */
export default function ObjectionsPage() {
  const list = useQuery({ queryKey: [KEY, 'objections'], queryFn: () => api.get<{ items: Objection[] }>('/api/legal-aid/objections') });
  return (
    <PageContainer title="法律援助异议审查（法律援助法 第四十九条：收到异议之日起5日内作出决定）">
      <Card>
        <Table<Objection> rowKey="id" size="middle" loading={list.isFetching} dataSource={list.data?.items} pagination={{ pageSize: 20 }} columns={[
          { title: '案件', dataIndex: 'caseNumber', width: 150, render: (v: string, r) => <Link to={`/legal-aid/cases/${r.caseId}`}>{v}</Link> },
          { title: '申请人', dataIndex: 'applicantName', width: 100 },
          { title: '收到日期', dataIndex: 'receivedDate', width: 110 },
          { title: '异议理由', dataIndex: 'reason', ellipsis: true },
          { title: '期限', width: 90, render: (_: unknown, r) => { const d = r.workflow?.deadlines.find((x) => x.status === 'open'); return d ? <DeadlineTag deadline={{ ...d, light: d.light ?? 'green' }} /> : '—'; } },
          {
            title: '审查结果', width: 230, render: (_: unknown, r) => r.decisionLabel ? <Tag color={r.state === 'corrected' ? 'orange' : 'default'}>{r.decisionLabel}（{r.decisionDate}）</Tag> : r.workflow && (
              <ActionModal size="small" type="primary" label="作出决定" initialValues={{ decision: 'uphold', date: dayjs() }} send={(v: { decision: string; reason: string; date?: Dayjs }) => api.post(`/api/legal-aid/objections/${r.id}/decide`, { ...v, version: r.workflow!.version, date: v.date?.format('YYYY-MM-DD') })}>
                <Form.Item name="decision" label="决定"><Select options={[{ value: 'uphold', label: '维持法律援助机构的决定' }, { value: 'correct', label: '责令法律援助机构改正' }]} /></Form.Item>
                <Form.Item name="reason" label="审查理由" rules={[{ required: true, message: '请写明理由' }]}><Input.TextArea rows={3} /></Form.Item>
              </ActionModal>
            ),
          },
        ]} />
      </Card>
    </PageContainer>
  );
}
