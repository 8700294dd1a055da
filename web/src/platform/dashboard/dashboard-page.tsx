import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, DatePicker, Drawer, Empty, Flex, Row, Segmented, Select, Skeleton, Table, Tag, Tooltip, Typography } from 'antd';
import { InfoCircleOutlined } from '@ant-design/icons';
import type { EChartsCoreOption } from 'echarts/core';
import { api } from '../../api/client';
import { PageContainer } from '../components/page-container';
import { OrgTreeSelect, useOrgs } from '../components/org-tree';
import { DeadlineTag } from '../components/deadline-tag';
import { useSession } from '../auth/session';
import type { Indicator, IndicatorFilter, IndicatorUnits } from '../indicators/api';
import { periodBounds, periodLabel, periodParams, thisYear, type Period, type PeriodKind } from '../indicators/period';
import { RecordsDrawer } from '../indicators/records-drawer';
import { ChangeLine } from '../indicators/change-line';
import type { ChartClick } from './chart';

const Chart = lazy(() => import('./chart'));

interface TrendPoint extends Indicator {
  label: string;
  from: string;
  to: string;
}

interface Dashboard {
  org: { id: string; name: string; regionCode: string };
  period: { label: string; from: string; to: string };
  figures: Indicator[];
  trends: { key: string; label: string; unit: Indicator['unit']; points: TrendPoint[] }[];
  mapKey: string | null;
  mapOptions: { key: string; label: string }[];
  byTownship: IndicatorUnits | null;
  byChild: IndicatorUnits | null;
  overdue: { key: string; label: string; overdue: number; link: string }[];
}

const periodKinds: { value: PeriodKind; label: string }[] = [
  { value: 'year', label: '年度' },
  { value: 'quarter', label: '季度' },
  { value: 'month', label: '月度' },
  { value: 'ytd', label: '1—N月' },
];

type Open = { ind: Pick<Indicator, 'key' | 'label' | 'display' | 'definition' | 'unit' | 'numerator' | 'denominator'>; filter: IndicatorFilter; scope: string };

const chartFallback = <Skeleton.Node active style={{ width: '100%', height: 240 }} />;

/** The chart value of a figure: its rounded value (58.3 for 58.3 %), '-' (no bar) when there is none. */
const chartValue = (v: number | null) => (v == null ? '-' : v);

function rankingOption(u: IndicatorUnits): EChartsCoreOption {
  const rows = u.units;
  return {
    grid: { left: 8, right: 56, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'item', formatter: (p: { dataIndex: number }) => `${rows[p.dataIndex].name}<br/>${u.label}：${rows[p.dataIndex].display}${rows[p.dataIndex].rank ? `（第${rows[p.dataIndex].rank}名）` : ''}<br/>点击查看记录` },
    xAxis: { type: 'value', axisLabel: { formatter: u.unit === 'percent' ? '{value}%' : '{value}' } },
    yAxis: { type: 'category', inverse: true, data: rows.map((r) => r.name), axisLabel: { fontSize: 12 } },
    series: [
      {
        type: 'bar',
        data: rows.map((r) => chartValue(r.value)),
        itemStyle: { color: '#1d4ed8' },
        label: { show: true, position: 'right', formatter: (p: { dataIndex: number }) => rows[p.dataIndex].display },
        barMaxWidth: 16,
      },
    ],
  };
}

function mapOption(u: IndicatorUnits): EChartsCoreOption {
  const values = u.units.map((r) => r.value).filter((v): v is number => v != null);
  const lowGood = u.direction === 'lowerBetter';
  const colors = ['#fee2e2', '#fca5a5', '#b91c1c'];
  return {
    tooltip: { trigger: 'item', formatter: (p: { name: string }) => { const r = u.units.find((x) => x.name === p.name); return `${p.name}<br/>${u.label}：${r?.display ?? '—'}`; } },
    visualMap: {
      min: values.length ? Math.min(...values) : 0,
      max: values.length ? Math.max(...values, Math.min(...values) + 1) : 1,
      left: 8,
      bottom: 8,
      calculable: false,
      text: ['高', '低'],
      inRange: { color: lowGood ? colors : [...colors].reverse() },
      itemHeight: 80,
    },
    series: [
      {
        type: 'map',
        map: 'wuyi',
        roam: false,
        label: { show: true, fontSize: 10, color: '#333' },
        emphasis: { label: { show: true } },
        itemStyle: { borderColor: '#fff', areaColor: '#e5e7eb' },
        data: u.units.map((r) => ({ name: r.name, value: r.value ?? undefined })),
      },
    ],
  };
}

function trendOption(t: Dashboard['trends'][number]): EChartsCoreOption {
  return {
    grid: { left: 8, right: 12, top: 12, bottom: 4, containLabel: true },
    tooltip: { trigger: 'axis', formatter: (ps: { dataIndex: number }[]) => `${t.points[ps[0].dataIndex].label}：${t.points[ps[0].dataIndex].display}` },
    xAxis: { type: 'category', data: t.points.map((p) => `${Number(p.from.slice(5, 7))}月`), axisLabel: { fontSize: 10 } },
    yAxis: { type: 'value', axisLabel: { fontSize: 10, formatter: t.unit === 'percent' ? '{value}%' : '{value}' }, minInterval: t.unit === 'count' ? 1 : undefined },
    series: [{ type: 'line', data: t.points.map((p) => chartValue(p.value)), smooth: true, symbolSize: 7, connectNulls: false, areaStyle: { opacity: 0.08 } }],
  };
}

function overdueOption(rows: Dashboard['overdue']): EChartsCoreOption {
  return {
    grid: { left: 8, right: 12, top: 16, bottom: 4, containLabel: true },
    tooltip: { trigger: 'item', formatter: (p: { name: string; value: number }) => `${p.name}：超期 ${p.value} 件<br/>点击查看` },
    xAxis: { type: 'category', data: rows.map((r) => r.label), axisLabel: { interval: 0, fontSize: 11, overflow: 'truncate', width: 80 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', data: rows.map((r) => r.overdue), itemStyle: { color: '#cf1322' }, label: { show: true, position: 'top' }, barMaxWidth: 28 }],
  };
}

interface Todo {
  instanceId: string;
  title: string;
  stateLabel: string;
  orgName: string;
  link: string | null;
  deadline: Parameters<typeof DeadlineTag>[0]['deadline'];
}

/** The overdue cases of one line (the 工作台's list, 红灯 only, every case the leader may see). */
function OverdueDrawer({ line, onClose }: { line: Dashboard['overdue'][number] | null; onClose: () => void }) {
  const todos = useQuery({
    queryKey: ['dashboard', 'overdue', line?.key],
    queryFn: () => api.get<{ items: Todo[]; total: number }>('/api/workbench/todos', { light: 'red', workflow: line!.key, mode: 'watch', pageSize: 200 }),
    enabled: !!line,
  });
  return (
    <Drawer open={!!line} onClose={onClose} size={760} title={line ? `${line.label}：超期 ${line.overdue} 件` : ''} destroyOnHidden data-testid="overdue-drawer">
      <Table<Todo>
        size="small"
        rowKey="instanceId"
        loading={todos.isLoading}
        dataSource={todos.data?.items ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (t) => `共 ${t} 条` }}
        columns={[
          { title: '事项', dataIndex: 'title', render: (t: string, r) => (r.link ? <Link to={r.link}>{t}</Link> : t) },
          { title: '环节', dataIndex: 'stateLabel', width: 110 },
          { title: '机构', dataIndex: 'orgName', width: 140 },
          { title: '期限', width: 120, render: (_, r) => <DeadlineTag deadline={r.deadline} /> },
        ]}
      />
    </Drawer>
  );
}

function FigureCard({ ind, onOpen }: { ind: Indicator; onOpen: () => void }) {
  return (
    <Card hoverable size="small" onClick={onOpen} style={{ height: '100%' }} data-testid={`dash-figure-${ind.key}`} role="button" aria-label={`${ind.label} ${ind.display}`}>
      <Flex justify="space-between" gap={8}>
        <Typography.Text strong>{ind.label}</Typography.Text>
        <Tooltip title={`计算口径：${ind.definition}`}>
          <InfoCircleOutlined style={{ color: '#999' }} onClick={(e) => e.stopPropagation()} />
        </Tooltip>
      </Flex>
      <div style={{ fontSize: 26, fontWeight: 600, color: ind.value == null ? '#999' : '#1d4ed8' }}>{ind.display}</div>
      {ind.change && <ChangeLine ind={ind} />}
    </Card>
  );
}

/** 领导驾驶舱: key figures with 同比 and trends, townships ranked and mapped, what is overdue — every chart opens its records. */
export default function DashboardPage() {
  const { me } = useSession();
  const navigate = useNavigate();
  const orgs = useOrgs();
  const [org, setOrg] = useState<string | null>(null);
  const [orgName, setOrgName] = useState(me.user.orgName);
  useEffect(() => {
    if (org || !orgs.data?.length) return;
    // A leader looks at the whole county: the top of the visible tree.
    const ids = new Set(orgs.data.map((o) => o.id));
    const top = orgs.data.find((o) => !o.parentId || !ids.has(o.parentId)) ?? orgs.data[0];
    setOrg(top.id);
    setOrgName(top.name);
  }, [orgs.data, org]);
  const [period, setPeriod] = useState<Period>(thisYear);
  const [mapKey, setMapKey] = useState<string | undefined>();
  const [by, setBy] = useState<'townships' | 'children'>('townships');
  const [open, setOpen] = useState<Open | null>(null);
  const [overdueLine, setOverdueLine] = useState<Dashboard['overdue'][number] | null>(null);

  const params = useMemo(() => ({ org: org ?? undefined, ...periodParams(period) }), [org, period]);
  const data = useQuery({
    queryKey: ['dashboard', params, mapKey],
    queryFn: () => api.get<Dashboard>('/api/dashboard', { ...params, mapKey }),
    enabled: !!org,
  });
  const d = data.data;
  const bounds = periodBounds(period);
  const scope = `${orgName}（含下级机构），${periodLabel(period)}（${bounds.from} 至 ${bounds.to}）`;
  const ranking = by === 'townships' ? d?.byTownship : d?.byChild;
  const rankingOpt = useMemo(() => (ranking ? rankingOption(ranking) : null), [ranking]);
  const mapOpt = useMemo(() => (d?.byTownship ? mapOption(d.byTownship) : null), [d?.byTownship]);
  const overdueOpt = useMemo(() => (d ? overdueOption(d.overdue) : null), [d]);
  const trendOpts = useMemo(() => d?.trends.map((t) => ({ t, option: trendOption(t) })) ?? [], [d?.trends]);

  const openUnit = (u: IndicatorUnits, row: IndicatorUnits['units'][number]) =>
    setOpen({
      ind: { ...row, key: u.key, label: `${u.label}（${row.name}）`, definition: u.definition, unit: u.unit },
      filter: { ...params, ...(u.by === 'townships' ? { region: row.regionCode } : { org: row.id }) },
      scope: `${row.name}${u.by === 'townships' ? '（乡镇政府、司法所等合计）' : '（含下级机构）'}，${periodLabel(period)}`,
    });

  const picker =
    period.kind === 'range' ? null : (
      <DatePicker
        picker={period.kind === 'ytd' ? 'month' : period.kind}
        allowClear={false}
        value={period.anchor}
        onChange={(v) => v && setPeriod({ kind: period.kind, anchor: v })}
        aria-label="期间"
        style={{ width: 140 }}
      />
    );

  return (
    <PageContainer
      title="领导驾驶舱"
      extra={
        <>
          <OrgTreeSelect
            value={org ?? undefined}
            allowClear={false}
            style={{ width: 220 }}
            aria-label="机构"
            onChange={(v, labels) => {
              if (!v) return;
              setOrg(v);
              const l = Array.isArray(labels) ? labels[0] : labels;
              setOrgName(typeof l === 'string' ? l : String(l ?? ''));
            }}
          />
          <Segmented<PeriodKind> options={periodKinds} value={period.kind} onChange={(kind) => setPeriod((p) => ({ kind, anchor: p.anchor }))} />
          {picker}
        </>
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
        统计范围：{scope}。点击任一指标、图形或地图区域查看其背后的记录。
      </Typography.Paragraph>
      {data.isError && <Alert type="error" showIcon title={data.error.message} />}
      {(data.isLoading || !org) && <Skeleton active paragraph={{ rows: 10 }} />}
      {d && (
        <Flex vertical gap={16}>
          {d.figures.length === 0 && <Empty description="您的角色没有可查看的指标" />}
          <Row gutter={[12, 12]}>
            {d.figures.slice(0, 8).map((f) => (
              <Col key={f.key} xs={24} sm={12} lg={6}>
                <FigureCard ind={f} onOpen={() => setOpen({ ind: f, filter: params, scope })} />
              </Col>
            ))}
          </Row>

          {trendOpts.length > 0 && (
            <Card size="small" title="近12个月趋势" extra={<Typography.Text type="secondary">点击月份查看当月记录</Typography.Text>}>
              <Row gutter={[12, 12]}>
                {trendOpts.map(({ t, option }) => (
                  <Col key={t.key} xs={24} md={12} xl={8}>
                    <Typography.Text strong style={{ fontSize: 13 }}>{t.label}</Typography.Text>
                    <Suspense fallback={chartFallback}>
                      <Chart
                        option={option}
                        height={150}
                        testId={`trend-${t.key}`}
                        onClick={(e) => {
                          const p = t.points[e.dataIndex];
                          if (!p) return;
                          setOpen({ ind: { ...p, key: t.key, label: `${t.label}（${p.label}）` }, filter: { org: params.org, period: 'month', year: Number(p.from.slice(0, 4)), month: Number(p.from.slice(5, 7)) }, scope: `${orgName}（含下级机构），${p.label}` });
                        }}
                      />
                    </Suspense>
                  </Col>
                ))}
              </Row>
            </Card>
          )}

          <Row gutter={[12, 12]}>
            <Col xs={24} xl={12}>
              <Card
                size="small"
                title="排名"
                extra={
                  <Flex gap={8} wrap>
                    <Select
                      size="small"
                      style={{ width: 200 }}
                      value={d.mapKey ?? undefined}
                      options={d.mapOptions.map((o) => ({ value: o.key, label: o.label }))}
                      onChange={(k) => setMapKey(k)}
                      aria-label="排名指标"
                      showSearch={{ optionFilterProp: 'label' }}
                    />
                    <Segmented size="small" value={by} onChange={(v) => setBy(v as typeof by)} options={[{ value: 'townships', label: '按乡镇（街道）' }, { value: 'children', label: '按下级机构' }]} />
                  </Flex>
                }
              >
                {ranking && rankingOpt ? (
                  <>
                    <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 4 }}>
                      {ranking.label}，{ranking.direction === 'lowerBetter' ? '越低越好' : '越高越好'}；口径：{ranking.definition}
                    </Typography.Paragraph>
                    <Suspense fallback={chartFallback}>
                      <Chart option={rankingOpt} height={Math.max(220, ranking.units.length * 24)} testId="ranking-chart" onClick={(e: ChartClick) => ranking.units[e.dataIndex] && openUnit(ranking, ranking.units[e.dataIndex])} />
                    </Suspense>
                  </>
                ) : (
                  <Empty description="暂无可排名的指标" />
                )}
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card size="small" title={`乡镇（街道）分布${d.byTownship ? `：${d.byTownship.label}` : ''}`} extra={<Tag>示意图</Tag>}>
                {d.byTownship && mapOpt ? (
                  <Suspense fallback={chartFallback}>
                    <Chart
                      option={mapOpt}
                      height={460}
                      testId="township-map"
                      onClick={(e) => {
                        const row = d.byTownship!.units.find((u) => u.name === e.name);
                        if (row) openUnit(d.byTownship!, row);
                      }}
                    />
                  </Suspense>
                ) : (
                  <Empty />
                )}
              </Card>
            </Col>
          </Row>

          <Card size="small" title="超期事项（按业务条线）" extra={<Typography.Text type="secondary">已过法定期限仍未办结；点击查看</Typography.Text>}>
            {d.overdue.length && overdueOpt ? (
              <Suspense fallback={chartFallback}>
                <Chart
                  option={overdueOpt}
                  height={220}
                  testId="overdue-chart"
                  onClick={(e) => {
                    const line = d.overdue[e.dataIndex];
                    if (!line) return;
                    if (line.key === 'rectification') navigate(line.link);
                    else setOverdueLine(line);
                  }}
                />
              </Suspense>
            ) : (
              <Empty description="没有超期事项" />
            )}
          </Card>
        </Flex>
      )}
      <RecordsDrawer ind={open?.ind ?? null} filter={open?.filter ?? {}} scopeText={open?.scope ?? ''} onClose={() => setOpen(null)} />
      <OverdueDrawer line={overdueLine} onClose={() => setOverdueLine(null)} />
    </PageContainer>
  );
}
