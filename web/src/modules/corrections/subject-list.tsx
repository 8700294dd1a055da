import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Card, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { queryString } from '../../api/client';
import { PageContainer } from '../../platform/components/page-container';
import { LedgerImport } from '../../platform/components/ledger-import';
import { useSession } from '../../platform/auth/session';
import { OrgTreeSelect } from '../../platform/components/org-tree';
import { options, PERM, useMeta, useSubjects, type SubjectItem } from './api';

export const stateColor: Record<string, string> = { received: 'gold', reported: 'blue', supervising: 'processing', released: 'default', terminated: 'red' };

interface Filters {
  q?: string;
  state?: string;
  sentenceType?: string;
  level?: string;
  office?: string;
  onRegister?: string;
}

/** 社区矫正对象名册: filters, paging, export (with a reason, audited), 台账 import, 接收. */
export default function SubjectList() {
  const { can } = useSession();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const meta = useMeta();
  const [form] = Form.useForm<Filters>();
  const [filters, setFilters] = useState<Filters>({ onRegister: '1' });
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [exportOpen, setExportOpen] = useState(false);
  const [reasonForm] = Form.useForm<{ reason: string }>();
  const subjects = useSubjects({ ...filters, ...paging });
  const columns = [
    { title: '姓名', dataIndex: 'name', width: 100, render: (v: string, r: SubjectItem) => <Link to={`/corrections/subjects/${r.id}`}>{v}</Link> },
    { title: '身份证号码', dataIndex: 'idNumberMasked', width: 190 },
    { title: '矫正类别', dataIndex: 'sentenceTypeLabel', width: 110 },
    { title: '罪名', dataIndex: 'crime', width: 150, ellipsis: true },
    { title: '矫正期限', key: 'term', width: 210, render: (_: unknown, r: SubjectItem) => `${r.termStart} 至 ${r.termEnd}` },
    { title: '管理级别', dataIndex: 'levelLabel', width: 90 },
    { title: '状态', dataIndex: 'stateLabel', width: 130, render: (v: string, r: SubjectItem) => <Tag color={stateColor[r.state]}>{v}{r.endingLabel && r.state === 'terminated' ? `（${r.endingLabel}）` : ''}</Tag> },
    { title: '执行司法所', dataIndex: 'orgName', width: 120 },
    { title: '最近报告/签到', dataIndex: 'lastContactDate', width: 120 },
  ];
  const doExport = ({ reason }: { reason: string }) => {
    window.location.href = `/api/corrections/subjects${queryString({ ...filters, format: 'xlsx', reason: reason.trim() })}`;
    setExportOpen(false);
  };
  return (
    <PageContainer
      title="社区矫正对象"
      extra={
        <>
          {can(PERM.export) && <Button icon={<DownloadOutlined />} onClick={() => setExportOpen(true)}>导出 Excel</Button>}
          {can(PERM.import) && <LedgerImport entity="correction-subjects" label="导入在册台账" onDone={() => qc.invalidateQueries({ queryKey: ['corrections'] })} />}
          {can(PERM.manage) && <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/corrections/subjects/new')}>接收社区矫正对象</Button>}
        </>
      }
    >
      <Card>
        <Form form={form} layout="inline" initialValues={{ onRegister: '1' }} style={{ marginBottom: 12, rowGap: 8 }} onFinish={(v) => { setPaging((p) => ({ ...p, page: 1 })); setFilters({ ...v, q: v.q?.trim() || undefined }); }}>
          <Form.Item name="q"><Input allowClear placeholder="姓名或完整身份证号码" style={{ width: 200 }} /></Form.Item>
          <Form.Item name="onRegister"><Select allowClear placeholder="在册情况" style={{ width: 120 }} options={[{ value: '1', label: '在册' }, { value: '0', label: '已解除/终止' }]} /></Form.Item>
          <Form.Item name="state"><Select allowClear placeholder="状态" style={{ width: 140 }} options={options(meta.data?.states)} /></Form.Item>
          <Form.Item name="sentenceType"><Select allowClear placeholder="矫正类别" style={{ width: 140 }} options={options(meta.data?.sentenceTypes)} /></Form.Item>
          <Form.Item name="level"><Select allowClear placeholder="管理级别" style={{ width: 110 }} options={options(meta.data?.levels)} /></Form.Item>
          {can(PERM.decide) && <Form.Item name="office"><OrgTreeSelect allowClear placeholder="执行司法所" style={{ width: 180 }} /></Form.Item>}
          <Space>
            <Button type="primary" htmlType="submit">查询</Button>
            <Button onClick={() => { form.resetFields(); setFilters({ onRegister: '1' }); setPaging((p) => ({ ...p, page: 1 })); }}>重置</Button>
          </Space>
        </Form>
        <Table<SubjectItem>
          rowKey="id"
          size="middle"
          loading={subjects.isFetching}
          dataSource={subjects.data?.items}
          columns={columns}
          scroll={{ x: 1200 }}
          pagination={{ current: paging.page, pageSize: paging.pageSize, total: subjects.data?.total, showSizeChanger: true, showTotal: (t) => `共 ${t} 人`, onChange: (page, pageSize) => setPaging({ page, pageSize }) }}
        />
      </Card>
      <Modal title="导出社区矫正对象名册" open={exportOpen} okText="导出" onOk={() => reasonForm.submit()} onCancel={() => setExportOpen(false)} destroyOnHidden>
        <p>名册含个人信息（已脱敏），导出事由将记入审计日志。</p>
        <Form form={reasonForm} layout="vertical" onFinish={doExport} preserve={false}>
          <Form.Item name="reason" label="导出事由" rules={[{ required: true, whitespace: true, message: '请填写导出事由' }, { min: 4, message: '事由至少4个字' }]}>
            <Input.TextArea rows={3} maxLength={500} showCount />
          </Form.Item>
        </Form>
      </Modal>
    </PageContainer>
  );
}
