import { useEffect, useMemo, useState } from 'react';
import { Alert, Card, Col, DatePicker, Empty, Flex, Row, Segmented, Skeleton, Space, Tag, Tooltip, Typography } from 'antd';
import { InfoCircleOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { PageContainer } from '../components/page-container';
import { OrgTreeSelect, useOrgs } from '../components/org-tree';
import { useSession } from '../auth/session';
import { webModules } from '../../modules';
import { useIndicators, type Indicator, type IndicatorFilter } from './api';
import { periodBounds, periodLabel, periodParams, thisYear, type Period, type PeriodKind } from './period';
import { parts, RecordsDrawer } from './records-drawer';
import { ChangeLine } from './change-line';

const periodKinds: { value: PeriodKind; label: string }[] = [
  { value: 'year', label: '年度' },
  { value: 'quarter', label: '季度' },
  { value: 'month', label: '月度' },
  { value: 'ytd', label: '1—N月' },
  { value: 'range', label: '自定义' },
];

/** The heading a figure is grouped under: the business line's own name from the module registry. */
const moduleLabels: Record<string, string> = Object.fromEntries(webModules.map((m) => [m.key, m.label]));

function IndicatorCard({ ind, onOpen }: { ind: Indicator; onOpen: () => void }) {
  const p = parts(ind);
  return (
    <Card hoverable size="small" onClick={onOpen} style={{ height: '100%' }} data-testid={`indicator-${ind.key}`} role="button" aria-label={`${ind.label} ${ind.display}`}>
      <Flex justify="space-between" align="start" gap={8}>
        <Typography.Text strong>{ind.label}</Typography.Text>
        <Tooltip title={`计算口径：${ind.definition}`}>
          <InfoCircleOutlined style={{ color: '#999' }} onClick={(e) => e.stopPropagation()} />
        </Tooltip>
      </Flex>
      <div style={{ fontSize: 30, fontWeight: 600, lineHeight: 1.3, margin: '6px 0 2px', color: ind.value == null ? '#999' : '#1d4ed8' }} data-testid="indicator-display">
        {ind.display}
      </div>
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        {p.denominator ? `${p.numerator} ${ind.numerator} / ${p.denominator} ${ind.denominator}` : `共 ${ind.numerator} ${ind.unitLabel ?? '件'}`}
      </Typography.Text>
      {ind.change && <ChangeLine ind={ind} />}
      {ind.breakdown && ind.breakdown.length > 0 && (
        <div style={{ marginTop: 6 }}>
          {ind.breakdown.map((b) => (
            <Tag key={b.key} style={{ marginBottom: 4 }}>
              {b.label} {b.value}
            </Tag>
          ))}
        </div>
      )}
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '6px 0 0' }} ellipsis={{ rows: 2, tooltip: ind.definition }}>
        口径：{ind.definition}
      </Typography.Paragraph>
    </Card>
  );
}

/** 指标: every figure the user may see, for an org (with the orgs below it) and a period, with the records behind it. */
export default function IndicatorsPage() {
  const { me } = useSession();
  const [org, setOrg] = useState<string>(me.user.orgId);
  const [orgName, setOrgName] = useState<string>(me.user.orgName);
  const [picked, setPicked] = useState(false);
  // Leaders look at the whole area they oversee: start from the top of the visible tree (the county for
  // 局长), not the user's own 科室 or bureau, whose figures would leave out township and department records.
  const orgs = useOrgs();
  useEffect(() => {
    if (picked || !orgs.data?.length) return;
    const ids = new Set(orgs.data.map((o) => o.id));
    const top = orgs.data.find((o) => !o.parentId || !ids.has(o.parentId));
    if (top && top.id !== org) {
      setOrg(top.id);
      setOrgName(top.name);
    }
  }, [orgs.data, picked, org]);
  const [period, setPeriod] = useState<Period>(thisYear);
  const [open, setOpen] = useState<Indicator | null>(null);

  const filter = useMemo<IndicatorFilter>(() => ({ org, ...periodParams(period) }), [org, period]);
  const indicators = useIndicators({ ...filter, compare: '1' });

  const groups = useMemo(() => {
    const map = new Map<string, Indicator[]>();
    for (const ind of indicators.data?.indicators ?? []) map.set(ind.module, [...(map.get(ind.module) ?? []), ind]);
    return [...map];
  }, [indicators.data]);

  const bounds = periodBounds(period);
  const scopeText = `${orgName}（含下级机构），${periodLabel(period)}（${bounds.from} 至 ${bounds.to}）`;

  const picker = (() => {
    switch (period.kind) {
      case 'year':
      case 'quarter':
      case 'month':
      case 'ytd':
        return (
          <DatePicker
            picker={period.kind === 'ytd' ? 'month' : period.kind}
            allowClear={false}
            value={period.anchor}
            onChange={(d) => d && setPeriod({ kind: period.kind, anchor: d })}
            aria-label="期间"
            style={{ width: 150 }}
          />
        );
      case 'range':
        return (
          <DatePicker.RangePicker
            allowClear={false}
            value={period.range ?? [period.anchor.startOf('year'), period.anchor.endOf('year')]}
            onChange={(r) => r?.[0] && r[1] && setPeriod({ kind: 'range', anchor: r[0], range: [r[0], r[1]] })}
          />
        );
    }
  })();

  return (
    <PageContainer
      title="指标"
      extra={
        <>
          <OrgTreeSelect
            value={org}
            allowClear={false}
            style={{ width: 240 }}
            aria-label="机构"
            onChange={(v, labels) => {
              if (!v) return;
              setPicked(true);
              setOrg(v);
              const l = Array.isArray(labels) ? labels[0] : labels;
              setOrgName(typeof l === 'string' ? l : String(l ?? ''));
            }}
          />
          <Segmented<PeriodKind>
            options={periodKinds}
            value={period.kind}
            onChange={(kind) => setPeriod((p) => ({ kind, anchor: p.anchor, range: kind === 'range' ? [dayjs(periodBounds(p).from), dayjs(periodBounds(p).to)] : undefined }))}
          />
          {picker}
        </>
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
        统计范围：{scopeText}。点击指标查看分子、分母对应的记录。比率保留1位小数，四舍五入；同比：比率按百分点，数量按增减百分比。
      </Typography.Paragraph>
      {indicators.isLoading && <Skeleton active paragraph={{ rows: 6 }} />}
      {indicators.isError && <Alert type="error" showIcon title={indicators.error.message} />}
      {indicators.data && groups.length === 0 && <Empty description="您的角色没有可查看的指标，如需开通请联系安全管理员。" />}
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        {groups.map(([module, list]) => (
          <section key={module} data-testid={`indicator-group-${module}`}>
            <Typography.Title level={5} style={{ marginTop: 0 }}>
              {moduleLabels[module] ?? list[0]?.moduleLabel ?? module}
            </Typography.Title>
            <Row gutter={[12, 12]}>
              {list.map((ind) => (
                <Col key={ind.key} xs={24} sm={12} lg={8} xxl={6}>
                  <IndicatorCard ind={ind} onOpen={() => setOpen(ind)} />
                </Col>
              ))}
            </Row>
          </section>
        ))}
      </Space>
      <RecordsDrawer ind={open} filter={filter} scopeText={scopeText} onClose={() => setOpen(null)} />
    </PageContainer>
  );
}
