import { useState } from 'react';
import { Link } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, DatePicker, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { api } from '../../api/client';
import { PageContainer } from '../../platform/components/page-container';
import { useSession } from '../../platform/auth/session';
import { feedback, reportError } from '../../platform/feedback';
import { showFieldErrors } from '../../platform/form-errors';
import { useMediations, useOptions, type Mediation } from './api';

const day = (d?: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : undefined);

/** 行政争议调解 (诉前/诉中, with the court's 行政争议调解中心), linked to lawsuits where there is one. */
export default function MediationList() {
  const { can } = useSession();
  const qc = useQueryClient();
  const options = useOptions();
  const [f, setF] = useState<{ stage?: string; result?: string }>({});
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const list = useMediations({ ...f, ...page });
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  // 诉中调解 is registered on its lawsuit's page; here the 诉前 ones, which have no lawsuit (yet).
  const add = useMutation({
    mutationFn: (v: Record<string, unknown>) => api.post('/api/litigation/mediations', v),
    meta: { silent: true },
    onSuccess: () => {
      feedback.message?.success('已登记');
      setOpen(false);
      qc.invalidateQueries({ queryKey: ['litigation', 'mediations'] });
    },
    onError: (err) => {
      // Field errors go under their fields (the server's own text names fields by their code).
      if (showFieldErrors(form, err)) feedback.message?.error('填写有误，请按表单中标红的提示修改');
      else reportError(err);
    },
  });
  return (
    <PageContainer
      title="行政争议调解"
      extra={
        <Space>
          <Select placeholder="类型" allowClear style={{ width: 120 }} options={options.data?.mediationStages} onChange={(stage) => { setF((x) => ({ ...x, stage })); setPage((p) => ({ ...p, page: 1 })); }} />
          <Select placeholder="结果" allowClear style={{ width: 120 }} options={options.data?.mediationResults} onChange={(result) => { setF((x) => ({ ...x, result })); setPage((p) => ({ ...p, page: 1 })); }} />
          {can('litigation.manage') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => { form.resetFields(); setOpen(true); }}>
              登记诉前调解
            </Button>
          )}
        </Space>
      }
    >
      <Table<Mediation>
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data?.items}
        locale={{ emptyText: '暂无行政争议调解记录' }}
        pagination={{ current: page.page, pageSize: page.pageSize, total: list.data?.total, showTotal: (n) => `共 ${n} 件`, onChange: (p, s) => setPage({ page: p, pageSize: s }) }}
        columns={[
          { title: '类型', dataIndex: 'stageLabel', width: 100 },
          { title: '当事人', dataIndex: 'partyName', width: 110, render: (v) => v || '—' },
          { title: '行政机关', dataIndex: 'defendantName', render: (v) => v || '—' },
          { title: '争议事项', dataIndex: 'subject', render: (v) => v || '—' },
          { title: '调解组织', dataIndex: 'centerName' },
          { title: '开始', dataIndex: 'startDate', width: 105 },
          { title: '结束', dataIndex: 'endDate', width: 105, render: (v) => v ?? '—' },
          { title: '结果', dataIndex: 'resultLabel', width: 100, render: (v, r) => <Tag color={r.result === 'success' ? 'green' : r.result === 'failed' ? 'red' : 'blue'}>{v}</Tag> },
          { title: '关联案件', dataIndex: 'caseNumber', width: 210, render: (v, r) => (r.caseId ? <Link to={`/litigation/cases/${r.caseId}`}>{v}</Link> : '—') },
        ]}
      />
      <Modal title="登记诉前行政争议调解" open={open} onCancel={() => setOpen(false)} onOk={() => form.submit()} confirmLoading={add.isPending} destroyOnHidden>
        <Form
          form={form}
          layout="vertical"
          initialValues={{ stage: 'preLitigation', result: 'ongoing', centerName: '武义县行政争议调解中心' }}
          onFinish={(v) => add.mutate({ ...v, startDate: day(v.startDate), endDate: day(v.endDate) })}
        >
          <Form.Item name="stage" hidden>
            <Input />
          </Form.Item>
          <Form.Item name="partyName" label="当事人" rules={[{ required: true, message: '请填写当事人' }]}>
            <Input />
          </Form.Item>
          <Form.Item name="defendantName" label="行政机关" rules={[{ required: true, message: '请选择或填写行政机关' }]}>
            <Select showSearch allowClear optionFilterProp="label" options={options.data?.defendants.map((d) => ({ value: d.name, label: d.name }))} />
          </Form.Item>
          <Form.Item name="subject" label="争议事项" rules={[{ required: true, message: '请填写争议事项' }]}>
            <Input />
          </Form.Item>
          <Form.Item name="centerName" label="调解组织" rules={[{ required: true, message: '请填写调解组织' }]}>
            <Input />
          </Form.Item>
          <Form.Item name="startDate" label="开始日期" rules={[{ required: true, message: '请选择开始日期' }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="result" label="结果">
            <Select options={options.data?.mediationResults} />
          </Form.Item>
          <Form.Item name="summary" label="情况">
            <Input.TextArea rows={3} />
          </Form.Item>
        </Form>
      </Modal>
    </PageContainer>
  );
}
