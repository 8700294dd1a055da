import { Link, useNavigate } from 'react-router';
import { Button, Card, DatePicker, Form, Input, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { api, queryString } from '../../../api/client';
import { FilterBar, useListFilters } from '../../../platform/components/filter-list';
import { PageContainer } from '../../../platform/components/page-container';
import { useSession } from '../../../platform/auth/session';
import { ActionModal } from '../action-modal';
import { filingStateColor, OPERM, options, useFilings, useOversightMeta, type Filing } from './api';

interface Filters {
  q?: string;
  state?: string;
  late?: string;
  reviewResult?: string;
  year?: number;
}

export function FilingStateTag({ f }: { f: Pick<Filing, 'state' | 'stateLabel' | 'overdue'> }) {
  return (
    <Space size={4}>
      <Tag color={filingStateColor[f.state] ?? 'default'}>{f.stateLabel}</Tag>
      {f.overdue && <Tag color="red">纠正逾期</Tag>}
    </Space>
  );
}

/** 报送备案: a department or township files a published 规范性文件 with the 司法局. */
function SubmitButton() {
  const meta = useOversightMeta();
  const navigate = useNavigate();
  return (
    <ActionModal<{ title: string; docNumber: string; publishedDate: Dayjs; submittedDate?: Dayjs; body?: string }>
      type="primary"
      icon={<PlusOutlined />}
      label="报送备案"
      title="报送规范性文件备案"
      width={640}
      hint={`规范性文件应当自公布之日起${meta.data?.filingDays ?? 30}日内报送备案（${meta.data?.filingCite ?? ''}）；期限末日为法定节假日的顺延。逾期报送的将标记逾期天数。`}
      send={async (v) => {
        const f = await api.post<Filing>('/api/legality/filings', { title: v.title, docNumber: v.docNumber, publishedDate: v.publishedDate.format('YYYY-MM-DD'), submittedDate: v.submittedDate?.format('YYYY-MM-DD'), body: v.body ?? '' });
        navigate(`/legality/filings/${f.id}`);
      }}
    >
      <Form.Item name="title" label="文件名称" rules={[{ required: true, whitespace: true, message: '请填写文件名称' }, { min: 4, message: '至少4个字' }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="docNumber" label="发文字号" rules={[{ required: true, whitespace: true, message: '请填写发文字号' }]}>
        <Input maxLength={100} placeholder="如：武市监规〔2025〕3号" />
      </Form.Item>
      <Space size="large" wrap>
        <Form.Item name="publishedDate" label="公布日期" rules={[{ required: true, message: '请选择公布日期' }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="submittedDate" label="报送日期" extra="不填为今天">
          <DatePicker />
        </Form.Item>
      </Space>
      <Form.Item name="body" label="文件正文">
        <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} />
      </Form.Item>
    </ActionModal>
  );
}

/** 备案审查登记: filings received (the 司法局 sees all; a filer only its own), filters, paging, Excel. */
export default function FilingList() {
  const { can } = useSession();
  const meta = useOversightMeta();
  const [form] = Form.useForm<Filters>();
  const { filters, paging, apply, pagination } = useListFilters<Filters>();
  const q = useFilings({ ...filters, ...paging });
  const columns = [
    { title: '登记号', dataIndex: 'serialNumber', width: 150 },
    { title: '文件名称', dataIndex: 'title', ellipsis: true, render: (v: string, r: Filing) => <Link to={`/legality/filings/${r.id}`}>{v}</Link> },
    { title: '报送机关', dataIndex: 'filerName', width: 180, ellipsis: true },
    { title: '公布日期', dataIndex: 'publishedDate', width: 105 },
    {
      title: '报送日期', dataIndex: 'submittedDate', width: 160,
      render: (v: string, r: Filing) => <span>{v}{r.late && <Tag color="red" style={{ marginInlineStart: 4 }}>逾期{r.daysLate}日</Tag>}</span>,
    },
    { title: '审查结论', dataIndex: 'reviewResultLabel', width: 90, render: (v: string | null) => v ?? '—' },
    { title: '状态', dataIndex: 'stateLabel', width: 150, render: (_: string, r: Filing) => <FilingStateTag f={r} /> },
  ];
  return (
    <PageContainer
      title="备案审查"
      extra={
        <Space>
          {can(OPERM.filingSubmit) && <SubmitButton />}
          <Button icon={<DownloadOutlined />} href={`/api/legality/filings${queryString({ ...filters, format: 'xlsx' })}`}>
            导出 Excel
          </Button>
        </Space>
      }
    >
      <Card>
        <Typography.Paragraph type="secondary">
          县政府部门、乡镇（街道）报送备案的规范性文件：审查报送是否及时，对不合法、不适当的出具纠错通知书并跟踪纠正。
        </Typography.Paragraph>
        <FilterBar bare form={form} onApply={(v) => apply({ q: v.q?.trim() || undefined, state: v.state, late: v.late, reviewResult: v.reviewResult, year: v.year ?? undefined })}>
          <Form.Item name="q">
            <Input placeholder="文件名称、文号、报送机关" allowClear style={{ width: 220 }} />
          </Form.Item>
          <Form.Item name="state">
            <Select placeholder="状态" allowClear style={{ width: 120 }} options={meta.data ? options(meta.data.filingStates) : []} />
          </Form.Item>
          <Form.Item name="reviewResult">
            <Select placeholder="审查结论" allowClear style={{ width: 120 }} options={meta.data ? options(meta.data.reviewResults) : []} />
          </Form.Item>
          <Form.Item name="late">
            <Select placeholder="是否逾期" allowClear style={{ width: 110 }} options={[{ value: 'true', label: '逾期报送' }, { value: 'false', label: '按期报送' }]} />
          </Form.Item>
          <Form.Item name="year">
            <InputNumber placeholder="报送年度" min={2000} max={2100} style={{ width: 110 }} />
          </Form.Item>
        </FilterBar>
        <Table<Filing>
          rowKey="id"
          size="middle"
          loading={q.isFetching}
          dataSource={q.data?.items}
          columns={columns}
          scroll={{ x: 1100 }}
          pagination={pagination(q.data?.total)}
        />
      </Card>
    </PageContainer>
  );
}
