import { useQuery } from '@tanstack/react-query';
import { Button, Card, DatePicker, Form, Input, InputNumber, Select, Space, Table, Tabs, Tag } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { FilterBar, useListFilters } from '../../platform/components/filter-list';
import { PageContainer } from '../../platform/components/page-container';
import { useSession } from '../../platform/auth/session';
import { api, queryString } from '../../api/client';
import type { Page } from '../../api/types';
import { ActionModal } from './action-modal';
import { KEY, options, PERM } from './api';

interface Firm { id: string; name: string; licenseNumber: string; head: string | null; address: string | null; phone: string | null; lawyerCount: number }
interface Lawyer { id: string; name: string; kind: string; kindLabel: string; firmName: string | null; licenseNumber: string; licenseDate: string | null; status: string; statusLabel: string; phoneMasked: string | null; specialties: string | null; lastAssessment: string | null; assessments: { year: number; result: string }[]; version: number }
interface Meta { lawyerKinds: Record<string, string>; assessmentResults: Record<string, string> }

/** 律所/律师 registry: 执业证, 执业状态 and the annual 考核. */
export default function LawyersPage() {
  const { can } = useSession();
  const meta = useQuery({ queryKey: [KEY, 'network-meta'], queryFn: () => api.get<Meta & { pointKinds: Record<string, string> }>('/api/legal-service/meta'), staleTime: Infinity });
  const firms = useQuery({ queryKey: [KEY, 'firms'], queryFn: () => api.get<{ items: Firm[] }>('/api/legal-service/firms') });
  const [form] = Form.useForm();
  const { filters, paging, apply, pagination } = useListFilters();
  const list = useQuery({ queryKey: [KEY, 'lawyers', filters, paging], queryFn: () => api.get<Page<Lawyer>>('/api/legal-service/lawyers', { ...filters, ...paging }) });
  const m = meta.data;
  const year = new Date().getFullYear() - 1;
  return (
    <PageContainer
      title="律师事务所与律师"
      extra={
        <>
          <Button icon={<DownloadOutlined />} href={`/api/legal-service/lawyers${queryString({ ...filters, format: 'xlsx' })}`}>导出Excel</Button>
          {can(PERM.networkManage) && (
            <ActionModal label="登记律师事务所" send={(v: Record<string, unknown> & { foundedDate?: Dayjs }) => api.post('/api/legal-service/firms', { ...v, foundedDate: v.foundedDate?.format('YYYY-MM-DD') })}>
              <Form.Item name="name" label="名称" rules={[{ required: true, message: '请填写名称' }]}><Input /></Form.Item>
              <Form.Item name="licenseNumber" label="执业许可证号" rules={[{ required: true, message: '请填写执业许可证号' }]}><Input /></Form.Item>
              <Form.Item name="head" label="负责人"><Input /></Form.Item>
              <Form.Item name="address" label="地址"><Input /></Form.Item>
              <Space><Form.Item name="lng" label="经度"><InputNumber step={0.001} /></Form.Item><Form.Item name="lat" label="纬度"><InputNumber step={0.001} /></Form.Item></Space>
              <Form.Item name="foundedDate" label="成立日期"><DatePicker /></Form.Item>
            </ActionModal>
          )}
          {can(PERM.networkManage) && (
            <ActionModal label="登记律师" type="primary" icon={<PlusOutlined />} initialValues={{ kind: 'fullTime' }} send={(v: Record<string, unknown> & { licenseDate?: Dayjs }) => api.post('/api/legal-service/lawyers', { ...v, licenseDate: v.licenseDate?.format('YYYY-MM-DD') })}>
              <Form.Item name="name" label="姓名" rules={[{ required: true, message: '请填写姓名' }]}><Input /></Form.Item>
              <Form.Item name="kind" label="执业类别"><Select options={m ? options(m.lawyerKinds) : []} /></Form.Item>
              <Form.Item name="firmId" label="律师事务所"><Select allowClear options={(firms.data?.items ?? []).map((f) => ({ value: f.id, label: f.name }))} /></Form.Item>
              <Form.Item name="licenseNumber" label="执业证号" rules={[{ required: true, message: '请填写执业证号' }]}><Input maxLength={30} /></Form.Item>
              <Form.Item name="licenseDate" label="首次执业日期"><DatePicker /></Form.Item>
              <Form.Item name="phone" label="联系电话"><Input maxLength={15} /></Form.Item>
              <Form.Item name="specialties" label="业务专长"><Input /></Form.Item>
            </ActionModal>
          )}
        </>
      }
    >
      <Tabs items={[
        {
          key: 'lawyers', label: '律师名册',
          children: (
            <Card>
              <FilterBar bare form={form} onApply={(v) => apply({ q: v.q || undefined, kind: v.kind, firmId: v.firmId, status: v.status })}>
                <Form.Item name="q"><Input placeholder="姓名或执业证号" allowClear /></Form.Item>
                <Form.Item name="kind"><Select placeholder="执业类别" allowClear style={{ width: 150 }} options={m ? options(m.lawyerKinds) : []} /></Form.Item>
                <Form.Item name="firmId"><Select placeholder="律师事务所" allowClear style={{ width: 220 }} options={(firms.data?.items ?? []).map((f) => ({ value: f.id, label: f.name }))} /></Form.Item>
                <Form.Item name="status"><Select placeholder="执业状态" allowClear style={{ width: 120 }} options={[{ value: 'active', label: '执业' }, { value: 'suspended', label: '停止执业' }]} /></Form.Item>
              </FilterBar>
              <Table<Lawyer> rowKey="id" size="middle" loading={list.isFetching} dataSource={list.data?.items} scroll={{ x: 1100 }}
                pagination={pagination(list.data?.total, '人')}
                columns={[
                  { title: '姓名', dataIndex: 'name', width: 90 },
                  { title: '执业类别', dataIndex: 'kindLabel', width: 130 },
                  { title: '律师事务所', dataIndex: 'firmName', ellipsis: true },
                  { title: '执业证号', dataIndex: 'licenseNumber', width: 180 },
                  { title: '状态', dataIndex: 'statusLabel', width: 90, render: (v: string, r) => <Tag color={r.status === 'active' ? 'green' : 'red'}>{v}</Tag> },
                  { title: '专长', dataIndex: 'specialties', width: 100 },
                  { title: '电话', dataIndex: 'phoneMasked', width: 120 },
                  { title: '最近考核', dataIndex: 'lastAssessment', width: 130 },
                  {
                    title: '', width: 110, render: (_: unknown, r) => can(PERM.networkManage) && (
                      <ActionModal size="small" label="年度考核" initialValues={{ year, result: 'competent' }} send={(v) => api.post(`/api/legal-service/lawyers/${r.id}/assessments`, { ...v, version: r.version })}>
                        <Form.Item name="year" label="考核年度"><InputNumber min={2000} max={2100} /></Form.Item>
                        <Form.Item name="result" label="考核结果"><Select options={m ? options(m.assessmentResults) : []} /></Form.Item>
                        <Form.Item name="note" label="备注"><Input /></Form.Item>
                      </ActionModal>
                    ),
                  },
                ]}
              />
            </Card>
          ),
        },
        {
          key: 'firms', label: '律师事务所',
          children: (
            <Card>
              <Table<Firm> rowKey="id" size="middle" loading={firms.isFetching} dataSource={firms.data?.items} pagination={{ pageSize: 20 }} columns={[
                { title: '名称', dataIndex: 'name' }, { title: '执业许可证号', dataIndex: 'licenseNumber', width: 200 }, { title: '负责人', dataIndex: 'head', width: 90 },
                { title: '地址', dataIndex: 'address', ellipsis: true }, { title: '执业人数', dataIndex: 'lawyerCount', width: 90 },
              ]} />
            </Card>
          ),
        },
      ]} />
    </PageContainer>
  );
}
