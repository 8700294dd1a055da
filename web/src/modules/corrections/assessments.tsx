import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Card, Checkbox, DatePicker, Form, Input, Radio, Select, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../api/client';
import { PageContainer } from '../../platform/components/page-container';
import { useSession } from '../../platform/auth/session';
import { OrgTreeSelect } from '../../platform/components/org-tree';
import { ActionModal } from './action-modal';
import { options, PERM, useMeta, type Page } from './api';

interface Item { id: string; personName: string; idNumberMasked: string | null; requester: string; proposedTypeLabel: string; receivedDate: string; dueDate: string; provisional: boolean; state: string; stateLabel: string; opinion: string | null; completedDate: string | null; overdue: boolean; orgName: string | null; fastTrack: boolean }

/** 调查评估: 委托 registered by the 司法所; the county issues the 意见书 within 10 working days (实施办法 第十四条). */
export default function AssessmentsPage() {
  const { can } = useSession();
  const meta = useMeta();
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [state, setState] = useState<string | undefined>();
  const list = useQuery({ queryKey: ['corrections', 'assessments', paging, state], queryFn: () => api.get<Page<Item>>('/api/corrections/assessments', { ...paging, state }) });
  return (
    <PageContainer title="调查评估" extra={can(PERM.manage) && (
      <ActionModal<{ personName: string; idNumber?: string; requester: string; proposedType: string; crime?: string; fastTrack?: boolean; receivedDate: Dayjs; office?: string }> label="登记调查评估委托" type="primary" width={620}
        hint="自收到委托函之日起10个工作日内完成调查评估，提交评估意见；速裁程序5个工作日（社区矫正法 第十八条；实施办法 第十四条）。" initialValues={{ receivedDate: dayjs(), proposedType: 'probation' }}
        send={(v) => api.post('/api/corrections/assessments', { ...v, idNumber: v.idNumber || undefined, office: v.office || undefined, fastTrack: !!v.fastTrack, receivedDate: v.receivedDate.format('YYYY-MM-DD') })}>
        <Form.Item name="personName" label="被调查评估人" rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}><Input /></Form.Item>
        <Form.Item name="idNumber" label="身份证号码"><Input maxLength={18} /></Form.Item>
        <Form.Item name="requester" label="委托机关" rules={[{ required: true, whitespace: true, message: '请填写委托机关' }]}><Input placeholder="如：武义县人民法院" /></Form.Item>
        <Form.Item name="proposedType" label="拟适用" rules={[{ required: true, message: '请选择' }]}><Select options={options(meta.data?.sentenceTypes)} /></Form.Item>
        <Form.Item name="crime" label="罪名"><Input /></Form.Item>
        <Form.Item name="receivedDate" label="收到委托日期" rules={[{ required: true, message: '请选择日期' }]}><DatePicker style={{ width: '100%' }} /></Form.Item>
        <Form.Item name="fastTrack" valuePropName="checked"><Checkbox>速裁程序</Checkbox></Form.Item>
        {can(PERM.decide) && <Form.Item name="office" label="调查司法所"><OrgTreeSelect allowClear /></Form.Item>}
      </ActionModal>
    )}>
      <Card>
        <Radio.Group style={{ marginBottom: 12 }} value={state ?? ''} onChange={(e) => { setState(e.target.value || undefined); setPaging((p) => ({ ...p, page: 1 })); }} options={[{ value: '', label: '全部' }, { value: 'investigating', label: '调查中' }, { value: 'completed', label: '已出具意见' }]} optionType="button" />
        <Table<Item> rowKey="id" size="middle" loading={list.isFetching} dataSource={list.data?.items} scroll={{ x: 1100 }}
          pagination={{ current: paging.page, pageSize: paging.pageSize, total: list.data?.total, showTotal: (t) => `共 ${t} 件`, onChange: (page, pageSize) => setPaging({ page, pageSize }) }}
          columns={[
            { title: '被调查评估人', dataIndex: 'personName', width: 110 },
            { title: '身份证号码', dataIndex: 'idNumberMasked', width: 190 },
            { title: '委托机关', dataIndex: 'requester', width: 150 },
            { title: '拟适用', dataIndex: 'proposedTypeLabel', width: 100 },
            { title: '收到委托', dataIndex: 'receivedDate', width: 110 },
            { title: '期限', dataIndex: 'dueDate', width: 150, render: (v: string, r) => <>{v}{r.provisional && '（暂定）'} {r.overdue && <Tag color="red">逾期</Tag>}</> },
            { title: '调查司法所', dataIndex: 'orgName', width: 120 },
            { title: '状态', dataIndex: 'stateLabel', width: 150, render: (v: string, r) => (r.opinion ? `${v}：${r.opinion === 'suitable' ? '适宜' : '不适宜'}` : v) },
            { title: '操作', key: 'op', width: 120, render: (_: unknown, r) => r.state === 'investigating' && can(PERM.decide) ? (
              <ActionModal<{ opinion: string; reasons: string; date: Dayjs }> size="small" type="primary" label="出具意见书" initialValues={{ date: dayjs(), opinion: 'suitable' }}
                send={(v) => api.post(`/api/corrections/assessments/${r.id}/opinion`, { opinion: v.opinion, reasons: v.reasons, date: v.date.format('YYYY-MM-DD') })}>
                <Form.Item name="opinion" label="评估意见"><Radio.Group options={[{ value: 'suitable', label: '适宜社区矫正' }, { value: 'unsuitable', label: '不适宜社区矫正' }]} /></Form.Item>
                <Form.Item name="reasons" label="理由" rules={[{ required: true, whitespace: true, message: '请写明评估理由' }]}><Input.TextArea rows={3} /></Form.Item>
                <Form.Item name="date" label="出具日期" rules={[{ required: true, message: '请选择日期' }]}><DatePicker style={{ width: '100%' }} /></Form.Item>
              </ActionModal>
            ) : null },
          ]} />
      </Card>
    </PageContainer>
  );
}
