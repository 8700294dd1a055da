import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Card, DatePicker, Form, Input, Radio, Select, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../api/client';
import { PageContainer } from '../../platform/components/page-container';
import { useSession } from '../../platform/auth/session';
import { OrgTreeSelect } from '../../platform/components/org-tree';
import { ActionModal } from './action-modal';
import { options, PERM, useMeta, type Page } from './api';

interface Person { id: string; name: string; idNumberMasked: string | null; prison: string; crime: string | null; releaseDate: string; noticeDate: string; handoverDate: string | null; riskLevelLabel: string; helpGroup: string[]; helps: { date: string; kind: string; note: string }[]; followUntil: string; state: string; stateLabel: string; orgName: string | null }

/** 安置帮教: the prison's 释放通知, 衔接 with a 帮教小组, help records, follow-up for the local period. */
export default function ResettlementPage() {
  const { can } = useSession();
  const meta = useMeta();
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [state, setState] = useState<string | undefined>();
  const list = useQuery({ queryKey: ['corrections', 'resettlement', paging, state], queryFn: () => api.get<Page<Person>>('/api/corrections/resettlement', { ...paging, state }) });
  return (
    <PageContainer title="安置帮教" extra={can(PERM.manage) && (
      <ActionModal<{ name: string; gender?: string; idNumber: string; phone?: string; address: string; prison: string; crime?: string; releaseDate: Dayjs; noticeDate: Dayjs; riskLevel: string; office?: string }> label="登记释放通知" type="primary" width={620} initialValues={{ noticeDate: dayjs(), riskLevel: 'low' }}
        send={(v) => api.post('/api/corrections/resettlement', { ...v, phone: v.phone || undefined, office: v.office || undefined, releaseDate: v.releaseDate.format('YYYY-MM-DD'), noticeDate: v.noticeDate.format('YYYY-MM-DD') })}>
        <Form.Item name="name" label="姓名" rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}><Input /></Form.Item>
        <Form.Item name="gender" label="性别"><Select options={[{ value: '男', label: '男' }, { value: '女', label: '女' }]} /></Form.Item>
        <Form.Item name="idNumber" label="身份证号码" rules={[{ required: true, whitespace: true, message: '请填写身份证号码' }]}><Input maxLength={18} /></Form.Item>
        <Form.Item name="phone" label="联系电话"><Input maxLength={11} /></Form.Item>
        <Form.Item name="address" label="户籍或居住地址" rules={[{ required: true, whitespace: true, message: '请填写地址' }]}><Input /></Form.Item>
        <Form.Item name="prison" label="释放单位" rules={[{ required: true, whitespace: true, message: '请填写释放单位' }]}><Input placeholder="如：浙江省第四监狱" /></Form.Item>
        <Form.Item name="crime" label="罪名"><Input /></Form.Item>
        <Form.Item name="releaseDate" label="释放日期" rules={[{ required: true, message: '请选择日期' }]}><DatePicker style={{ width: '100%' }} /></Form.Item>
        <Form.Item name="noticeDate" label="收到通知日期" rules={[{ required: true, message: '请选择日期' }]}><DatePicker style={{ width: '100%' }} /></Form.Item>
        <Form.Item name="riskLevel" label="风险等级"><Radio.Group options={options(meta.data?.riskLevels)} /></Form.Item>
        {can(PERM.decide) && <Form.Item name="office" label="负责司法所"><OrgTreeSelect allowClear /></Form.Item>}
      </ActionModal>
    )}>
      <Card>
        <Radio.Group style={{ marginBottom: 12 }} value={state ?? ''} optionType="button" onChange={(e) => { setState(e.target.value || undefined); setPaging((p) => ({ ...p, page: 1 })); }} options={[{ value: '', label: '全部' }, ...options(meta.data?.resettlementStates)]} />
        <Table<Person> rowKey="id" size="middle" loading={list.isFetching} dataSource={list.data?.items} scroll={{ x: 1200 }}
          pagination={{ current: paging.page, pageSize: paging.pageSize, total: list.data?.total, showTotal: (t) => `共 ${t} 人`, onChange: (page, pageSize) => setPaging({ page, pageSize }) }}
          expandable={{ expandedRowRender: (p) => (p.helps.length ? p.helps.map((h, i) => <div key={i}>{h.date} {h.kind}：{h.note}</div>) : '暂无帮教记录') }}
          columns={[
            { title: '姓名', dataIndex: 'name', width: 90 },
            { title: '身份证号码', dataIndex: 'idNumberMasked', width: 190 },
            { title: '释放单位', dataIndex: 'prison', width: 150 },
            { title: '释放日期', dataIndex: 'releaseDate', width: 110 },
            { title: '衔接日期', dataIndex: 'handoverDate', width: 110, render: (v: string | null) => v ?? <Tag color="gold">待衔接</Tag> },
            { title: '风险', dataIndex: 'riskLevelLabel', width: 70 },
            { title: '帮教至', dataIndex: 'followUntil', width: 110 },
            { title: '司法所', dataIndex: 'orgName', width: 110 },
            { title: '状态', dataIndex: 'stateLabel', width: 90 },
            { title: '操作', key: 'op', width: 130, render: (_: unknown, p) => !can(PERM.manage) ? null : p.state === 'notified' ? (
              <ActionModal<{ date: Dayjs; helpGroup: string }> size="small" type="primary" label="衔接" initialValues={{ date: dayjs() }} send={(v) => api.post(`/api/corrections/resettlement/${p.id}/handover`, { date: v.date.format('YYYY-MM-DD'), helpGroup: v.helpGroup.split(/[、,，\s]+/).filter(Boolean) })}>
                <Form.Item name="date" label="衔接日期" rules={[{ required: true, message: '请选择日期' }]}><DatePicker style={{ width: '100%' }} /></Form.Item>
                <Form.Item name="helpGroup" label="帮教小组成员（用顿号分隔）" rules={[{ required: true, whitespace: true, message: '请填写帮教小组成员' }]}><Input /></Form.Item>
              </ActionModal>
            ) : p.state === 'following' ? (
              <ActionModal<{ date: Dayjs; kind: string; note: string }> size="small" label="帮教记录" initialValues={{ date: dayjs(), kind: '走访谈心' }} send={(v) => api.post(`/api/corrections/resettlement/${p.id}/helps`, { date: v.date.format('YYYY-MM-DD'), kind: v.kind, note: v.note })}>
                <Form.Item name="date" label="日期" rules={[{ required: true, message: '请选择日期' }]}><DatePicker style={{ width: '100%' }} /></Form.Item>
                <Form.Item name="kind" label="帮教方式" rules={[{ required: true, message: '请填写帮教方式' }]}><Input /></Form.Item>
                <Form.Item name="note" label="情况" rules={[{ required: true, whitespace: true, message: '请填写帮教情况' }]}><Input.TextArea rows={3} /></Form.Item>
              </ActionModal>
            ) : null },
          ]} />
      </Card>
    </PageContainer>
  );
}
