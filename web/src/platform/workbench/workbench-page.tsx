import { lazy, Suspense, useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Empty, Flex, Row, Segmented, Skeleton, Statistic, Table, Typography } from 'antd';
import { CalendarOutlined, ClockCircleOutlined, ExclamationCircleOutlined, InboxOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { api } from '../../api/client';
import type { CalendarStatus, Page, Todo, TodoMode, TodoSummary } from '../../api/types';
import { useSession } from '../auth/session';
import { DeadlineTag } from '../components/deadline-tag';
import { PageContainer } from '../components/page-container';
import { useMenuGroups } from '../layout/app-layout';

const EChart = lazy(() => import('../components/echart'));

type LightFilter = 'all' | 'red' | 'yellow';

function CalendarReminder() {
  const { can } = useSession();
  const status = useQuery({
    queryKey: ['calendar', 'status'],
    queryFn: () => api.get<CalendarStatus>('/api/calendar/status'),
    enabled: can('calendar.manage'),
    meta: { silent: true },
    staleTime: 5 * 60_000,
  });
  if (!status.data?.remind) return null;
  return (
    <Alert
      type="warning"
      showIcon
      icon={<CalendarOutlined />}
      style={{ marginBottom: 16 }}
      title={status.data.message ?? `请导入${status.data.nextYear}年的法定节假日和调休安排`}
      description="国务院办公厅通常在每年11月公布下一年度的放假安排；未导入的年份按周一至周五计算工作日，相关期限标为“暂定”。"
      action={
        <Link to="/admin/calendar">
          <Button size="small" type="primary">
            前往工作日历
          </Button>
        </Link>
      }
    />
  );
}

export default function WorkbenchPage() {
  const { me } = useSession();
  const navigate = useNavigate();
  const groups = useMenuGroups();
  const [light, setLight] = useState<LightFilter>('all');
  const [page, setPage] = useState({ page: 1, pageSize: 10 });
  // Unset: the server chooses — 我的待办 for those who act on cases, 督办 (all in scope) for those who only oversee.
  const [mode, setMode] = useState<TodoMode | undefined>(undefined);

  // No polling: a request every minute would keep the session alive forever and defeat the idle timeout.
  const summary = useQuery({
    queryKey: ['workbench', 'summary', mode],
    queryFn: () => api.get<TodoSummary>('/api/workbench/summary', { mode }),
    meta: { silent: true },
  });
  const todos = useQuery({
    queryKey: ['workbench', 'todos', mode, light, page],
    queryFn: () => api.get<Page<Todo> & { mode: TodoMode }>('/api/workbench/todos', { ...page, mode, light: light === 'all' ? undefined : light }),
    placeholderData: keepPreviousData,
    meta: { silent: true },
  });

  const chartOption = useMemo(() => {
    const rows = summary.data?.byWorkflow ?? [];
    return {
      tooltip: { trigger: 'axis' },
      legend: { data: ['正常', '黄灯', '红灯'], bottom: 0 },
      grid: { left: 8, right: 16, top: 16, bottom: 36, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: rows.map((r) => r.label), inverse: true },
      series: [
        { name: '正常', type: 'bar', stack: 'all', data: rows.map((r) => r.total - r.red - r.yellow), itemStyle: { color: '#52c41a' } },
        { name: '黄灯', type: 'bar', stack: 'all', data: rows.map((r) => r.yellow), itemStyle: { color: '#faad14' } },
        { name: '红灯', type: 'bar', stack: 'all', data: rows.map((r) => r.red), itemStyle: { color: '#f5222d' } },
      ],
    };
  }, [summary.data]);

  const shownMode: TodoMode = mode ?? summary.data?.mode ?? todos.data?.mode ?? 'act';
  const shortcuts = groups.flatMap((g) => g.menu).filter((m) => m.path !== '/');
  const failed = summary.error ?? todos.error;

  return (
    <PageContainer title="工作台" extra={<Typography.Text type="secondary">{dayjs().format('YYYY年M月D日 dddd')}，{me.user.displayName}，您好</Typography.Text>}>
      <CalendarReminder />
      {failed && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={`待办加载失败：${failed.message}`} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} md={8}>
          <Card hoverable onClick={() => setLight('all')} data-testid="card-total">
            <Statistic title={shownMode === 'act' ? '待办总数' : '在办总数'} value={summary.data?.total ?? 0} loading={summary.isPending} prefix={<InboxOutlined />} />
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card hoverable onClick={() => setLight('red')} data-testid="card-red">
            <Statistic title="红灯 · 已超期" value={summary.data?.red ?? 0} loading={summary.isPending} prefix={<ExclamationCircleOutlined />} styles={{ content: { color: '#cf1322' } }} />
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card hoverable onClick={() => setLight('yellow')} data-testid="card-yellow">
            <Statistic title="黄灯 · 即将到期" value={summary.data?.yellow ?? 0} loading={summary.isPending} prefix={<ClockCircleOutlined />} styles={{ content: { color: '#d48806' } }} />
          </Card>
        </Col>
        <Col xs={24} xl={17}>
          <Card
            title={
              <Segmented<TodoMode>
                value={shownMode}
                onChange={(m) => {
                  setMode(m);
                  setPage((p) => ({ ...p, page: 1 }));
                }}
                options={[
                  { value: 'act', label: '我的待办' },
                  { value: 'watch', label: '在办督办' },
                ]}
              />
            }
            extra={
              <Segmented<LightFilter>
                value={light}
                onChange={(v) => {
                  setLight(v);
                  setPage((p) => ({ ...p, page: 1 }));
                }}
                options={[
                  { value: 'all', label: '全部' },
                  { value: 'red', label: '红灯' },
                  { value: 'yellow', label: '黄灯' },
                ]}
              />
            }
          >
            <Table<Todo>
              size="middle"
              rowKey="instanceId"
              loading={todos.isFetching && !todos.data}
              dataSource={todos.data?.items ?? []}
              locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={shownMode === 'act' ? '暂无待办' : '暂无在办事项'} /> }}
              onRow={(t) => (t.link ? { onClick: () => navigate(t.link!), style: { cursor: 'pointer' } } : {})}
              pagination={{
                current: page.page,
                pageSize: page.pageSize,
                total: todos.data?.total ?? 0,
                hideOnSinglePage: true,
                showTotal: (n) => `共 ${n} 项`,
                onChange: (p, s) => setPage({ page: p, pageSize: s }),
              }}
              columns={[
                { title: '期限', key: 'light', width: 84, render: (_, t) => <DeadlineTag deadline={t.deadline} /> },
                { title: '事项', dataIndex: 'title', ellipsis: { showTitle: true } },
                { title: '业务', dataIndex: 'workflowLabel', width: 96, ellipsis: true },
                { title: '当前环节', dataIndex: 'stateLabel', width: 104, ellipsis: true },
                { title: '承办机构', dataIndex: 'orgName', width: 120, ellipsis: true },
                {
                  title: '截止日期',
                  key: 'due',
                  width: 128,
                  render: (_, t) =>
                    t.deadline ? (
                      <div>
                        <div>{t.deadline.dueDate}</div>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {t.deadline.label}
                        </Typography.Text>
                      </div>
                    ) : (
                      '—'
                    ),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={7}>
          <Flex vertical gap={16}>
            <Card title="各业务待办">
              {summary.data && summary.data.byWorkflow.length > 0 ? (
                <Suspense fallback={<Skeleton active />}>
                  <EChart option={chartOption} height={Math.max(180, summary.data.byWorkflow.length * 44 + 60)} />
                </Suspense>
              ) : (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无业务待办" />
              )}
            </Card>
            <Card title="常用功能">
              {shortcuts.length ? (
                <Flex wrap gap={8}>
                  {shortcuts.map((m) => (
                    <Link key={m.path} to={m.path}>
                      <Button>{m.label}</Button>
                    </Link>
                  ))}
                </Flex>
              ) : (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无可用功能" />
              )}
            </Card>
          </Flex>
        </Col>
      </Row>
    </PageContainer>
  );
}
