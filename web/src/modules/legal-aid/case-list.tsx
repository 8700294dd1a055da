import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Button, Card, DatePicker, Form, Input, Select, Space, Table, Tag } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { PageContainer } from '../../platform/components/page-container';
import { useSession } from '../../platform/auth/session';
import { queryString } from '../../api/client';
import { LedgerImportButton } from './ledger-button';
import { gradeColor, options, PERM, stateColor, useCases, useMeta, type CaseItem } from './api';

type Filters = { state?: string; caseType?: string; channel?: string; grade?: string; q?: string; from?: string; to?: string; mine?: string };

/** 法律援助案件: filters (状态, 类别, 来源, 质量等级, 收案期间), paging, 导出 Excel, 登记申请 / 通知辩护. */
export default function CaseList() {
  const { can } = useSession();
  const navigate = useNavigate();
  const meta = useMeta();
  const [form] = Form.useForm<Omit<Filters, 'from' | 'to'> & { range?: [Dayjs, Dayjs] }>();
  const [filters, setFilters] = useState<Filters>(can(PERM.handle) && !can(PERM.decide) ? { mine: '1' } : {});
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const cases = useCases({ ...filters, ...paging });
  const columns = [
    { title: '案件编号', dataIndex: 'caseNumber', width: 150, render: (v: string, r: CaseItem) => <Link to={`/legal-aid/cases/${r.id}`}>{v}</Link> },
    { title: '受援人', dataIndex: 'applicantName', width: 100 },
    { title: '类别', dataIndex: 'caseTypeLabel', width: 70 },
    { title: '来源', dataIndex: 'channelLabel', width: 130 },
    { title: '案由', dataIndex: 'matter', ellipsis: true },
    { title: '收案日期', dataIndex: 'receivedDate', width: 105 },
    { title: '状态', dataIndex: 'stateLabel', width: 150, render: (v: string, r: CaseItem) => <Tag color={stateColor(r.state)}>{v}</Tag> },
    { title: '承办人', dataIndex: 'assigneeName', width: 90, render: (v: string | null) => v ?? '—' },
    { title: '质量等级', dataIndex: 'qualityGradeLabel', width: 90, render: (v: string | null, r: CaseItem) => (v ? <Tag color={gradeColor[r.qualityGrade ?? '']}>{v}</Tag> : '—') },
  ];
  return (
    <PageContainer
      title="法律援助案件"
      extra={
        <>
          <Button icon={<DownloadOutlined />} href={`/api/legal-aid/cases${queryString({ ...filters, format: 'xlsx' })}`}>导出Excel</Button>
          {can(PERM.decide) && <LedgerImportButton entity="legal-aid-cases" label="导入历史台账" />}
          {can(PERM.register) && <Button onClick={() => navigate('/legal-aid/cases/new?notice=1')}>登记通知辩护</Button>}
          {can(PERM.register) && <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/legal-aid/cases/new')}>登记申请</Button>}
        </>
      }
    >
      <Card>
        <Form
          form={form}
          layout="inline"
          style={{ marginBottom: 12, rowGap: 8 }}
          onFinish={(v) => {
            setPaging((p) => ({ ...p, page: 1 }));
            setFilters({ state: v.state, caseType: v.caseType, channel: v.channel, grade: v.grade, q: v.q || undefined, mine: filters.mine, from: v.range?.[0]?.format('YYYY-MM-DD'), to: v.range?.[1]?.format('YYYY-MM-DD') });
          }}
        >
          <Form.Item name="q"><Input placeholder="案件编号或受援人" allowClear style={{ width: 170 }} /></Form.Item>
          <Form.Item name="state"><Select placeholder="办理状态" allowClear style={{ width: 170 }} options={meta.data ? options(meta.data.states) : []} /></Form.Item>
          <Form.Item name="caseType"><Select placeholder="案件类别" allowClear style={{ width: 110 }} options={meta.data ? options(meta.data.caseTypes) : []} /></Form.Item>
          <Form.Item name="channel"><Select placeholder="来源" allowClear style={{ width: 160 }} options={meta.data ? options(meta.data.channels) : []} /></Form.Item>
          <Form.Item name="grade"><Select placeholder="质量等级" allowClear style={{ width: 110 }} options={meta.data ? options(meta.data.qualityGrades) : []} /></Form.Item>
          <Form.Item name="range"><DatePicker.RangePicker placeholder={['收案起', '收案止']} /></Form.Item>
          <Space>
            <Button type="primary" htmlType="submit">查询</Button>
            <Button onClick={() => { form.resetFields(); setFilters({ mine: filters.mine }); setPaging((p) => ({ ...p, page: 1 })); }}>重置</Button>
          </Space>
        </Form>
        <Table<CaseItem>
          rowKey="id"
          size="middle"
          loading={cases.isFetching}
          dataSource={cases.data?.items}
          columns={columns}
          scroll={{ x: 1100 }}
          pagination={{ current: paging.page, pageSize: paging.pageSize, total: cases.data?.total, showSizeChanger: true, showTotal: (t) => `共 ${t} 件`, onChange: (page, pageSize) => setPaging({ page, pageSize }) }}
        />
      </Card>
    </PageContainer>
  );
}
