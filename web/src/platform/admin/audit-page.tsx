import { useState } from 'react';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { AutoComplete, Button, Card, Col, DatePicker, Descriptions, Input, Row, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { DownloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { api, queryString } from '../../api/client';
import type { AuditEntry, AuditVerifyResult, Page } from '../../api/types';
import { feedback } from '../feedback';
import { PageContainer } from '../components/page-container';

/** Chinese names of the actions the platform records; a module's own actions show by code until added here. */
export const actionLabels: Record<string, string> = {
  login: '登录',
  'login.failed': '登录失败',
  logout: '退出登录',
  'password.change': '修改密码',
  'user.create': '新建用户',
  'user.update': '修改用户',
  'user.resetPassword': '重置密码',
  'user.unlock': '解除锁定',
  'user.void': '注销用户',
  'org.create': '新建机构',
  'org.update': '修改机构',
  'org.void': '撤销机构',
  'role.create': '新建角色',
  'role.update': '修改角色',
  'role.void': '停用角色',
  'policy.update': '修改安全策略',
  'audit.read': '查询审计日志',
  'audit.verify': '校验审计日志',
  'calendar.day.set': '设置日历',
  'calendar.day.reset': '恢复日历默认',
  'calendar.year.import': '导入年度日历',
  'file.upload': '上传文件',
  'instrument.create': '生成文书',
  'instrument.void': '作废文书',
  'instrument.formats.update': '修改文书编号格式',
};

export const entityTypeLabels: Record<string, string> = {
  user: '用户',
  org: '组织机构',
  role: '角色',
  setting: '系统设置',
  audit_log: '审计日志',
  calendar_day: '工作日历（日）',
  calendar_year: '工作日历（年）',
  file: '文件',
  instrument: '文书',
};

interface Filters {
  range?: [Dayjs, Dayjs];
  action?: string;
  entityType?: string;
  q?: string;
}

const show = (v: unknown) => (v === null || v === undefined ? <Typography.Text type="secondary">（空）</Typography.Text> : typeof v === 'object' ? <code style={{ whiteSpace: 'pre-wrap' }}>{JSON.stringify(v)}</code> : String(v));

/** What changed: field by field for updates; the recorded state for creations and voids. */
function EntryDetail({ entry }: { entry: AuditEntry }) {
  const diffRows = entry.diff ? Object.entries(entry.diff).map(([field, [before, after]]) => ({ field, before, after })) : [];
  const snapshot = (entry.after ?? entry.before) as Record<string, unknown> | null;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {diffRows.length > 0 ? (
        <Table
          size="small"
          rowKey="field"
          pagination={false}
          dataSource={diffRows}
          columns={[
            { title: '字段', dataIndex: 'field', width: 180 },
            { title: '修改前', dataIndex: 'before', render: (v) => <span style={{ color: '#cf1322' }}>{show(v)}</span> },
            { title: '修改后', dataIndex: 'after', render: (v) => <span style={{ color: '#389e0d' }}>{show(v)}</span> },
          ]}
        />
      ) : snapshot && typeof snapshot === 'object' ? (
        <Descriptions
          size="small"
          bordered
          column={2}
          title={entry.after ? '记录内容' : '操作前内容'}
          items={Object.entries(snapshot).map(([k, v]) => ({ key: k, label: k, children: show(v) }))}
        />
      ) : (
        <Typography.Text type="secondary">该操作没有记录数据变化。</Typography.Text>
      )}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        哈希（SM3）：<code>{entry.hash}</code>
      </Typography.Text>
    </Space>
  );
}

export default function AuditPage() {
  const [filters, setFilters] = useState<Filters>({});
  const [draft, setDraft] = useState<Filters>({});
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });

  const query = {
    from: filters.range?.[0].format('YYYY-MM-DD'),
    to: filters.range?.[1].format('YYYY-MM-DD'),
    action: filters.action?.trim() || undefined,
    entityType: filters.entityType?.trim() || undefined,
    q: filters.q?.trim() || undefined,
    ...paging,
  };
  const entries = useQuery({ queryKey: ['audit', query], queryFn: () => api.get<Page<AuditEntry>>('/api/audit', query), placeholderData: keepPreviousData, staleTime: 0 });

  const verify = useMutation({
    mutationFn: () => api.post<AuditVerifyResult>('/api/audit/verify'),
    onSuccess: (r) => {
      if (r.ok) feedback.modal?.success({ title: '哈希链完整', content: `共校验 ${r.checked} 条审计记录，未发现篡改。` });
      else feedback.modal?.error({ title: '哈希链校验失败', content: `第 ${r.brokenAt} 条记录异常：${r.reason ?? '哈希不匹配'}。已校验 ${r.checked} 条。请立即报告安全管理员。` });
    },
  });

  const search = (patch: Partial<Filters> = {}) => {
    setFilters({ ...draft, ...patch });
    setPaging((p) => ({ ...p, page: 1 }));
  };

  return (
    <PageContainer
      title="审计日志"
      extra={
        <Space>
          <Button icon={<DownloadOutlined />} href={`/api/audit${queryString({ ...query, page: undefined, pageSize: undefined, format: 'xlsx' })}`}>
            导出Excel
          </Button>
          <Button icon={<SafetyCertificateOutlined />} loading={verify.isPending} onClick={() => verify.mutate()}>
            校验哈希链
          </Button>
        </Space>
      }
    >
      <Card styles={{ body: { paddingBottom: 8 } }}>
        <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
          <Col xs={24} md={7}>
            <DatePicker.RangePicker style={{ width: '100%' }} value={draft.range} onChange={(r) => setDraft((d) => ({ ...d, range: r && r[0] && r[1] ? [r[0], r[1]] : undefined }))} />
          </Col>
          <Col xs={12} md={4}>
            <AutoComplete
              style={{ width: '100%' }}
              placeholder="操作"
              allowClear
              value={draft.action}
              onChange={(v) => setDraft((d) => ({ ...d, action: v }))}
              options={Object.entries(actionLabels).map(([value, label]) => ({ value, label: `${label}（${value}）` }))}
              showSearch={{ filterOption: (input, o) => String(o?.label ?? '').toLowerCase().includes(input.toLowerCase()) }}
            />
          </Col>
          <Col xs={12} md={4}>
            <AutoComplete
              style={{ width: '100%' }}
              placeholder="对象类型"
              allowClear
              value={draft.entityType}
              onChange={(v) => setDraft((d) => ({ ...d, entityType: v }))}
              options={Object.entries(entityTypeLabels).map(([value, label]) => ({ value, label: `${label}（${value}）` }))}
            />
          </Col>
          <Col xs={24} md={6}>
            <Input.Search placeholder="关键字（摘要、操作人）" allowClear value={draft.q} onChange={(e) => setDraft((d) => ({ ...d, q: e.target.value }))} onSearch={(q) => search({ q })} enterButton="查询" />
          </Col>
          <Col xs={24} md={3}>
            <Button onClick={() => { setDraft({}); setFilters({}); setPaging((p) => ({ ...p, page: 1 })); }}>重置</Button>
          </Col>
        </Row>
        <Table<AuditEntry>
          rowKey="seq"
          size="middle"
          loading={entries.isFetching}
          dataSource={entries.data?.items ?? []}
          expandable={{ expandedRowRender: (e) => <EntryDetail entry={e} /> }}
          pagination={{
            current: paging.page,
            pageSize: paging.pageSize,
            total: entries.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (n) => `共 ${n} 条`,
            onChange: (page, pageSize) => setPaging({ page, pageSize }),
          }}
          columns={[
            { title: '序号', dataIndex: 'seq', width: 80 },
            { title: '时间', dataIndex: 'at', width: 170, render: (t) => dayjs(t).format('YYYY-MM-DD HH:mm:ss') },
            { title: '操作人', dataIndex: 'actorName', width: 120, render: (n) => n ?? '—' },
            {
              title: '操作',
              dataIndex: 'action',
              width: 190,
              render: (a: string) => (
                <Space size={4}>
                  <Tag color={a.endsWith('.void') || a === 'login.failed' ? 'red' : a.endsWith('.create') ? 'green' : undefined}>{actionLabels[a] ?? a}</Tag>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {a}
                  </Typography.Text>
                </Space>
              ),
            },
            {
              title: '对象',
              key: 'entity',
              width: 150,
              render: (_, e) => (
                <Tooltip title={e.entityId ? `编号：${e.entityId}` : undefined}>
                  {entityTypeLabels[e.entityType] ?? e.entityType}
                </Tooltip>
              ),
            },
            { title: '摘要', dataIndex: 'summary', ellipsis: true, render: (s) => s ?? '—' },
            { title: 'IP', dataIndex: 'ip', width: 130, render: (ip) => ip ?? '—' },
          ]}
        />
      </Card>
    </PageContainer>
  );
}
