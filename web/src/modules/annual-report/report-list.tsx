import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMutation } from '@tanstack/react-query';
import { Button, Card, Form, Input, InputNumber, Modal, Select, Table, Tag } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { api, queryString } from '../../api/client';
import { FilterBar, useListFilters } from '../../platform/components/filter-list';
import { PageContainer } from '../../platform/components/page-container';
import { useSession } from '../../platform/auth/session';
import { showFieldErrors } from '../../platform/form-errors';
import { options, PERM, statusColor, useMeta, useReports, type ReportDetail, type ReportItem } from './api';

const lastYear = new Date().getFullYear() - 1;

/** 起草: pick the year (and org) → the draft is assembled from the lines' figures and the 报告素材. */
function GenerateButton() {
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ year: number; org?: string }>();
  const navigate = useNavigate();
  const run = useMutation({
    mutationFn: (v: { year: number; org?: string }) => api.post<ReportDetail>('/api/annual-reports', { year: v.year, org: v.org || undefined }),
    onError: (err) => showFieldErrors(form, err),
    onSuccess: (r) => navigate(`/annual-report/reports/${r.id}`),
  });
  return (
    <>
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
        生成年度报告
      </Button>
      <Modal open={open} title="生成法治政府建设年度报告" okText="生成草稿" onCancel={() => setOpen(false)} onOk={() => form.submit()} confirmLoading={run.isPending} destroyOnHidden>
        <Form form={form} layout="vertical" initialValues={{ year: lastYear }} onFinish={(v) => run.mutate(v)} preserve={false}>
          <Form.Item name="year" label="报告年度" rules={[{ required: true, message: '请填写年度' }]} extra="按法定五个部分起草；第一部分的数据取自各业务条线的指标，第二至五部分取自本年度登记的报告素材。">
            <InputNumber min={2000} max={2100} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="org" label="报告主体" extra="机构名称或行政区划代码；不填为本人所属司法局">
            <Input allowClear placeholder="本人所属司法局" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

/** 年度报告 list: filters (年度, 状态), paging, 导出 Excel, 生成. */
export default function ReportList() {
  const { can } = useSession();
  const meta = useMeta();
  const [form] = Form.useForm<{ year?: number; status?: string }>();
  const { filters, paging, apply, pagination } = useListFilters<{ year?: number; status?: string }>();
  const reports = useReports({ ...filters, ...paging });
  return (
    <PageContainer
      title="法治政府建设年度报告"
      extra={
        <>
          {can(PERM.edit) && <GenerateButton />}
          <Button icon={<DownloadOutlined />} href={`/api/annual-reports${queryString({ ...filters, format: 'xlsx' })}`}>
            导出Excel
          </Button>
        </>
      }
    >
      <Card>
        <FilterBar bare form={form} onApply={(v) => apply({ year: v.year ?? undefined, status: v.status })}>
          <Form.Item name="year">
            <InputNumber placeholder="年度" min={2000} max={2100} style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="status">
            <Select placeholder="状态" allowClear style={{ width: 160 }} options={meta.data ? options(meta.data.states) : []} />
          </Form.Item>
        </FilterBar>
        <Table<ReportItem>
          rowKey="id"
          size="middle"
          loading={reports.isFetching}
          dataSource={reports.data?.items}
          scroll={{ x: 900 }}
          columns={[
            { title: '年度', dataIndex: 'year', width: 80 },
            { title: '标题', dataIndex: 'title', render: (v: string, r) => <Link to={`/annual-report/reports/${r.id}`}>{v}</Link> },
            { title: '报告主体', dataIndex: 'orgName', width: 180 },
            { title: '状态', dataIndex: 'statusLabel', width: 130, render: (v: string, r) => <Tag color={statusColor[r.status]}>{v}</Tag> },
            { title: '版本', dataIndex: 'versionNo', width: 70, render: (v: number) => `第${v}版` },
            { title: '数据生成时间', dataIndex: 'figuresAt', width: 170, render: (v: string) => new Date(v).toLocaleString('zh-CN') },
          ]}
          pagination={pagination(reports.data?.total, '份')}
        />
      </Card>
    </PageContainer>
  );
}
