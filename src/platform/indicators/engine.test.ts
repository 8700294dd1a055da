/**
 * The indicator engine on a hand-built fixture: 复议 cases inserted for the 司法局 and three 司法所, figures
 * checked against hand-computed values — periods, 同比, rank, township breakdown, manual figures, 考核, 整改.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { createTestContext, type Client, type TestContext } from '../testing/harness';
import { rowsOf } from '../db/client';
import { orgs } from '../orgs/schema';
import { systemActor } from '../audit/service';
import { insertHistoricalCases, type HistoricalCase } from '../../modules/admin-review/service';
import { createAssessmentUsers } from './seed';
import { indicatorFigures, indicatorSeries, queryOrg } from './figures';
import { periodBounds, periodLabel, samePeriodLastYear, parsePeriod, trailingMonths } from './period';
import { indicatorDef, present } from './registry';
import { newBatch } from './tally';

let t: TestContext;
let director: Client;
let kaohe: Client;
const id = new Map<string, string>();

let serial = 0;
const c = (concludedDate: string, outcome: string, acceptedDate: string | null = concludedDate.slice(0, 8) + '01'): HistoricalCase => ({
  caseNumber: `测复〔${concludedDate.slice(0, 4)}〕${++serial}号`,
  receivedDate: acceptedDate ?? concludedDate,
  acceptedDate,
  concludedDate,
  outcome,
  applicantName: '张建国',
  respondentName: '武义县市场监督管理局',
  actType: 'penalty',
});
const times = (n: number, f: () => HistoricalCase) => Array.from({ length: n }, f);

beforeAll(async () => {
  t = await createTestContext({ seedModules: false });
  await createAssessmentUsers(t.database.db, t.config.demoPassword);
  for (const o of await t.database.db.select().from(orgs)) id.set(o.name, o.id);
  const all = await t.database.db.select().from(orgs);
  // Looked up before the transaction: PGlite has one connection, a query outside an open transaction waits for it.
  const org = async (name: string) => all.find((o) => o.name === name)!;
  await t.database.db.transaction(async (tx) => {
    // 复议科 2024: 12 concluded, 7 corrected — 3 in Q1, 1 in March, 1 in December; 2023: 10 concluded, 5 corrected.
    await insertHistoricalCases(tx, systemActor, await org('行政复议与应诉科'), [
      c('2024-01-15', 'revoke'), c('2024-02-15', 'alter'), c('2024-03-15', 'confirmIllegal'),
      c('2024-05-15', 'orderPerformance'), c('2024-06-15', 'revokeAndRedo'), c('2024-09-15', 'partialRevoke'), c('2024-12-15', 'confirmVoid'),
      c('2024-04-15', 'uphold'), c('2024-07-15', 'uphold'), c('2024-08-15', 'dismiss'), c('2024-10-15', 'mediation'), c('2024-11-15', 'withdrawn'),
      ...times(5, () => c('2023-06-15', 'revoke')), ...times(5, () => c('2023-07-15', 'uphold')),
    ]);
    // Three 司法所 (siblings under the 司法局, like the 复议科): 纠错率 壶山 2/4 = 50 %, 白洋 1/4 = 25 %, 王宅 3/4 = 75 %.
    const office = async (name: string, corrected: number) =>
      insertHistoricalCases(tx, systemActor, await org(name), [...times(corrected, () => c('2024-06-10', 'revoke')), ...times(4 - corrected, () => c('2024-06-10', 'uphold'))]);
    await office('壶山司法所', 2);
    await office('白洋司法所', 1);
    await office('王宅司法所', 3);
  });
  director = await t.login('director');
  kaohe = await t.login('kaohe');
}, 300_000);
afterAll(() => t?.close());

type Fig = { key: string; display: string; value: number | null; numerator: number; denominator: number | null; lastYear: { display: string }; change: { display: string; text: string }; rank: { position: number; of: number } | null };
// The 复议 figures only: ranking every registered figure among 18 司法所 is the bench's job, not the tests'.
const adminReviewKeys = 'keys=adminReview.accepted,adminReview.concluded,adminReview.correctionRate,adminReview.upholdRate';
const figures = async (cl: Client, qs: string) => {
  const res = await cl.get(`/api/indicators?compare=1&${qs.includes('keys=') ? qs : `${qs}&${adminReviewKeys}`}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().indicators as Fig[];
};
const fig = (list: Fig[], key: string) => list.find((f) => f.key === key)!;

describe('期间 (年度、季度、月度、1—N月、自定义)', () => {
  it('各期间的起止日期和名称；上年同期遇闰年 2月29日 取 2月28日', () => {
    expect(periodBounds({ kind: 'quarter', year: 2024, quarter: 1 })).toEqual({ from: '2024-01-01', to: '2024-03-31' });
    expect(periodBounds({ kind: 'month', year: 2024, month: 2 })).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(periodBounds({ kind: 'ytd', year: 2024, month: 11 })).toEqual({ from: '2024-01-01', to: '2024-11-30' });
    expect(periodLabel({ kind: 'ytd', year: 2024, month: 11 })).toBe('2024年1—11月');
    expect(periodLabel({ kind: 'quarter', year: 2024, quarter: 3 })).toBe('2024年第三季度');
    expect(samePeriodLastYear({ kind: 'custom', from: '2024-02-29', to: '2024-02-29' })).toEqual({ kind: 'custom', from: '2023-02-28', to: '2023-02-28' });
    expect(samePeriodLastYear({ kind: 'custom', from: '2023-02-01', to: '2023-02-28' })).toEqual({ kind: 'custom', from: '2022-02-01', to: '2022-02-28' });
    expect(samePeriodLastYear({ kind: 'custom', from: '2025-02-01', to: '2025-02-28' })).toEqual({ kind: 'custom', from: '2024-02-01', to: '2024-02-29' });
    expect(() => parsePeriod({ period: 'quarter', year: 2024 })).toThrow(/季度/);
  });

  it('起始日期晚于截止日期、缺少季度：400 和中文提示，不是 500', async () => {
    const bad = await director.get('/api/indicators?org=行政复议与应诉科&period=custom&from=2024-05-01&to=2024-01-01');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'INDICATOR_BAD_PERIOD', message: '起始日期不能晚于截止日期' });
    expect((await director.get('/api/indicators?org=行政复议与应诉科&period=quarter&year=2024')).json().code).toBe('INDICATOR_BAD_PERIOD');
  });
});

describe('取值、同比与排名 (DOMAIN §9)', () => {
  it('纠错率 7/12 = 58.3%，上年同期 5/10 = 50.0%，同比上升 8.3 个百分点；受理数 12 比 10 增长 20.0%', async () => {
    const list = await figures(director, 'org=行政复议与应诉科&period=year&year=2024');
    const rate = fig(list, 'adminReview.correctionRate');
    expect(rate).toMatchObject({ display: '58.3%', numerator: 7, denominator: 12, lastYear: { display: '50.0%' }, change: { display: '+8.3个百分点', text: '上升8.3个百分点' } });
    expect(fig(list, 'adminReview.concluded')).toMatchObject({ display: '12', change: { display: '+20.0%', text: '增长20.0%' } });
  });

  it('季度、月度、1—11月（年报截稿口径）和自定义区间按审结日期取数', async () => {
    const q1 = fig(await figures(director, 'org=行政复议与应诉科&period=quarter&year=2024&quarter=1'), 'adminReview.correctionRate');
    expect(q1).toMatchObject({ numerator: 3, denominator: 3, display: '100.0%', lastYear: { display: '—' }, change: { display: '—' } });
    const march = fig(await figures(director, 'org=行政复议与应诉科&period=month&year=2024&month=3'), 'adminReview.concluded');
    expect(march.numerator).toBe(1);
    const ytd = fig(await figures(director, 'org=行政复议与应诉科&period=ytd&year=2024&month=11'), 'adminReview.correctionRate');
    // December's 确认无效 falls outside 1—11月: 6/11.
    expect(ytd).toMatchObject({ numerator: 6, denominator: 11, display: '54.5%' });
    const custom = fig(await figures(director, 'org=行政复议与应诉科&from=2024-05-01&to=2024-06-30'), 'adminReview.correctionRate');
    expect(custom).toMatchObject({ numerator: 2, denominator: 2 });
  });

  it('同级司法所排名按指标方向：纠错率越低越好 — 白洋 25% 第1、壶山 50% 第2、王宅 75% 第3（共3个有数据）', async () => {
    const hushan = fig(await figures(director, 'org=壶山司法所&year=2024'), 'adminReview.correctionRate');
    expect(hushan).toMatchObject({ display: '50.0%', rank: { position: 2, of: 3 } });
    const wangzhai = fig(await figures(director, 'org=王宅司法所&year=2024'), 'adminReview.correctionRate');
    expect(wangzhai.rank).toEqual({ position: 3, of: 3 });
    // 维持率 is higher-is-better: 白洋 3/4 first.
    expect(fig(await figures(director, 'org=白洋司法所&year=2024'), 'adminReview.upholdRate').rank).toEqual({ position: 1, of: 3 });
  });

  it('报告生成器直接调用 indicatorFigures（无登录上下文）得到同样的数字', async () => {
    const r = await indicatorFigures(t.database.db, null, { orgId: id.get('行政复议与应诉科')!, period: { kind: 'year', year: 2024 }, keys: ['adminReview.correctionRate'] });
    expect(r.figures.map((f) => [f.key, f.display, f.change.text])).toEqual([['adminReview.correctionRate', '58.3%', '上升8.3个百分点']]);
    expect(r.period).toEqual({ label: '2024年', from: '2024-01-01', to: '2024-12-31' });
  });

  it('按乡镇（街道）分解：乡镇政府和司法所合计；点开王宅镇看到其 4 件审结案件', async () => {
    const res = await director.get('/api/indicators/adminReview.correctionRate/units?org=330723&year=2024&by=townships');
    expect(res.statusCode, res.body).toBe(200);
    const units = res.json().units as { name: string; regionCode: string; display: string; rank: number | null }[];
    expect(units).toHaveLength(18);
    expect(units.slice(0, 3).map((u) => [u.name, u.display, u.rank])).toEqual([['白洋街道', '25.0%', 1], ['壶山街道', '50.0%', 2], ['王宅镇', '75.0%', 3]]);
    expect(units[3].display).toBe('—');
    const recs = await director.get('/api/indicators/adminReview.correctionRate/records?org=330723&year=2024&part=denominator&region=330723104');
    expect(recs.json().records).toHaveLength(4);
    expect(recs.json().records[0].orgName).toBe('王宅司法所');
  });
});

describe('手工指标（常住人口、律师数、荣誉）', () => {
  it('定义、填报、修改留痕；期末数取最上层机构，累计数按期间相加；出现在指标列表中', async () => {
    expect((await kaohe.post('/api/indicators/manual/defs', { code: 'lawyers', label: '执业律师数', unitLabel: '名', definition: '年末执业律师人数', aggregation: 'latest' })).statusCode).toBe(201);
    expect((await kaohe.post('/api/indicators/manual/defs', { code: 'honours', label: '法治荣誉', unitLabel: '项', definition: '省级以上表彰', aggregation: 'sum' })).statusCode).toBe(201);
    const dup = await kaohe.post('/api/indicators/manual/defs', { code: 'lawyers', label: '重复', definition: '重复定义' });
    expect(dup.statusCode).toBe(409);
    const enter = (defCode: string, org: string, periodFrom: string, periodTo: string, value: number) =>
      kaohe.post('/api/indicators/manual/values', { defCode, orgId: id.get(org), periodFrom, periodTo, value, source: '县律师协会' });
    expect((await enter('lawyers', '武义县人民政府', '2023-01-01', '2023-12-31', 110)).statusCode).toBe(201);
    const v2024 = await enter('lawyers', '武义县人民政府', '2024-01-01', '2024-12-31', 118);
    expect((await enter('lawyers', '王宅镇人民政府', '2024-01-01', '2024-12-31', 6)).statusCode).toBe(201);
    expect((await enter('honours', '武义县司法局', '2024-03-01', '2024-03-31', 2)).statusCode).toBe(201);
    expect((await enter('honours', '武义县司法局', '2024-08-01', '2024-08-31', 3)).statusCode).toBe(201);
    const again = await enter('lawyers', '武义县人民政府', '2024-01-01', '2024-12-31', 1);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('INDICATOR_MANUAL_VALUE_EXISTS');

    const county = await figures(director, 'org=330723&year=2024&keys=manual.lawyers,manual.honours');
    // The county's own 118, not 118 + 王宅镇's 6; 同比 118 vs 110.
    expect(fig(county, 'manual.lawyers')).toMatchObject({ display: '118', change: { display: '+7.3%' } });
    expect(fig(county, 'manual.honours').display).toBe('5');
    expect(fig(await figures(director, 'org=330723&period=quarter&year=2024&quarter=1&keys=manual.honours'), 'manual.honours').display).toBe('2');
    expect(fig(await figures(director, 'org=王宅镇人民政府&year=2024&keys=manual.lawyers'), 'manual.lawyers').display).toBe('6');

    const row = v2024.json();
    const upd = await kaohe.put(`/api/indicators/manual/values/${row.id}`, { value: 120, source: '县律师协会（更正）', version: row.version });
    expect(upd.statusCode, upd.body).toBe(200);
    expect((await kaohe.put(`/api/indicators/manual/values/${row.id}`, { value: 121, source: 'x来源', version: row.version })).statusCode).toBe(409);
    const [audit] = rowsOf<{ action: string; actor_name: string; diff: Record<string, unknown> }>(await t.database.db.execute(sql`select action, actor_name, diff from audit_log where entity_id = ${row.id} order by seq desc limit 1`));
    expect(audit).toMatchObject({ action: 'indicator.manualValue.update', actor_name: '周敏', diff: { value: ['118.0000', '120.0000'] } });
    expect(fig(await figures(director, 'org=330723&year=2024&keys=manual.lawyers'), 'manual.lawyers').display).toBe('120');

    // 局长 may read but not enter; the list is exported with the same filter.
    expect((await director.post('/api/indicators/manual/values', { defCode: 'lawyers', orgId: id.get('武义县人民政府'), periodFrom: '2022-01-01', periodTo: '2022-12-31', value: 1, source: '测试来源' })).statusCode).toBe(403);
    const list = await director.get('/api/indicators/manual/values?code=lawyers&year=2024');
    expect(list.json().items.map((i: { orgName: string; value: number; enteredBy: string }) => [i.orgName, i.value, i.enteredBy])).toEqual([['武义县人民政府', 120, '周敏'], ['王宅镇人民政府', 6, '周敏']]);
    const xlsx = await director.get('/api/indicators/manual/values?code=lawyers&format=xlsx');
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
  });
});

describe('考核目标、考核结果与整改 (法治督察考核)', () => {
  it('纠错率目标 < 40%：白洋达标、壶山和王宅未达标，落后者在前；无数据的司法所显示无数据', async () => {
    for (const org of ['壶山司法所', '白洋司法所', '王宅司法所', '桐琴司法所']) {
      const res = await kaohe.post('/api/indicators/targets', { orgId: id.get(org), year: 2024, indicatorKey: 'adminReview.correctionRate', comparator: '<', threshold: 40, basis: '考核细则第3项' });
      expect(res.statusCode, res.body).toBe(201);
    }
    expect((await kaohe.post('/api/indicators/targets', { orgId: id.get('壶山司法所'), year: 2024, indicatorKey: 'adminReview.correctionRate', comparator: '<', threshold: 30 })).statusCode).toBe(409);
    expect((await kaohe.post('/api/indicators/targets', { orgId: id.get('壶山司法所'), year: 2024, indicatorKey: 'adminReview.correctionRate', comparator: '<', threshold: 140 })).statusCode).toBe(400);
    expect((await kaohe.post('/api/indicators/targets', { orgId: id.get('壶山司法所'), year: 2024, indicatorKey: 'nope', comparator: '<', threshold: 1 })).json().code).toBe('INDICATOR_UNKNOWN');

    const res = await director.get('/api/indicators/assessment?year=2024');
    expect(res.statusCode, res.body).toBe(200);
    const a = res.json();
    const status = Object.fromEntries(a.items.map((i: { orgName: string; status: string; display: string }) => [i.orgName, `${i.status} ${i.display}`]));
    expect(status).toEqual({ 壶山司法所: 'unmet 50.0%', 白洋司法所: 'met 25.0%', 王宅司法所: 'unmet 75.0%', 桐琴司法所: 'noData —' });
    expect(a.items[0].target).toBe('行政复议纠错率低于40%');
    expect(a.orgs.slice(0, 2).map((o: { orgName: string; unmet: number }) => o.unmet)).toEqual([1, 1]);
    expect(a.orgs.at(-1)).toMatchObject({ orgName: '白洋司法所', met: 1, unmet: 0 });

    // 1—6月: 王宅's cases were concluded in June, so it is behind already at mid-year.
    const mid = (await director.get('/api/indicators/assessment?year=2024&period=ytd&month=6')).json();
    expect(mid.period.label).toBe('2024年1—6月');
  });

  it('由未达标目标交办整改，逾期标红，销号后关闭并留痕；司法所只看到本所的', async () => {
    const a = (await kaohe.get('/api/indicators/assessment?year=2024')).json();
    const hushan = a.items.find((i: { orgName: string }) => i.orgName === '壶山司法所');
    const opened = await kaohe.post('/api/indicators/rectifications', { targetId: hushan.targetId, title: '纠错率未达标整改', requirement: '报送整改报告', deadline: '2025-03-31' });
    expect(opened.statusCode, opened.body).toBe(201);
    expect(opened.json()).toMatchObject({ orgId: id.get('壶山司法所'), indicatorKey: 'adminReview.correctionRate', year: 2024, status: 'open' });
    await kaohe.post('/api/indicators/rectifications', { orgId: id.get('王宅司法所'), title: '案卷评查问题整改', deadline: '2099-12-31' });

    const overdue = (await kaohe.get('/api/indicators/rectifications?status=overdue')).json();
    expect(overdue.items.map((i: { title: string; overdue: boolean }) => [i.title, i.overdue])).toEqual([['纠错率未达标整改', true]]);
    const after = (await kaohe.get('/api/indicators/assessment?year=2024')).json();
    expect(after.items.find((i: { orgName: string }) => i.orgName === '壶山司法所').rectifications).toMatchObject([{ title: '纠错率未达标整改', status: 'open', overdue: true }]);

    // 壶山司法所 staff (本机构) see only their own items.
    const hushanUser = await t.login('hushan');
    expect((await hushanUser.get('/api/indicators/rectifications')).json().items.map((i: { orgName: string }) => i.orgName)).toEqual(['壶山司法所']);
    expect((await hushanUser.get('/api/indicators/assessment?year=2024')).json().items.map((i: { orgName: string }) => i.orgName)).toEqual(['壶山司法所']);
    expect((await hushanUser.post(`/api/indicators/rectifications/${opened.json().id}/close`, { closedDate: '2025-03-20', closureNote: '已整改', version: 1 })).statusCode).toBe(403);

    const bad = await kaohe.post(`/api/indicators/rectifications/${opened.json().id}/close`, { closedDate: '2025-03-20', closureNote: '', version: 1 });
    expect(bad.statusCode).toBe(400);
    const closed = await kaohe.post(`/api/indicators/rectifications/${opened.json().id}/close`, { closedDate: '2025-03-20', closureNote: '已召开专题会议，完善执法程序', version: 1 });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'closed', closedDate: '2025-03-20' });
    expect((await kaohe.get('/api/indicators/rectifications?status=overdue')).json().total).toBe(0);
    const [audit] = rowsOf<{ action: string; actor_name: string }>(await t.database.db.execute(sql`select action, actor_name from audit_log where entity_id = ${opened.json().id} order by seq desc limit 1`));
    expect(audit).toEqual({ action: 'indicator.rectification.close', actor_name: '周敏' });
    const n = rowsOf<{ n: number }>(await t.database.db.execute(sql`select count(*)::int as n from indicator_rectifications where org_id = ${id.get('壶山司法所')!}`))[0].n;
    expect(n).toBe(1);
  });
});

describe('驾驶舱', () => {
  it('一次请求：关键指标（含同比）、12个月趋势、乡镇排名和地图数据、下级机构排名、超期事项', async () => {
    const res = await director.get('/api/dashboard?org=330723&year=2024&mapKey=adminReview.correctionRate');
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    expect(d.figures.find((f: Fig) => f.key === 'adminReview.correctionRate')).toMatchObject({ numerator: 7 + 6, denominator: 12 + 12, display: '54.2%' });
    const trend = d.trends.find((x: { key: string }) => x.key === 'adminReview.correctionRate');
    expect(trend.points).toHaveLength(12);
    expect(trend.points.map((p: { from: string }) => p.from.slice(0, 7))).toEqual(Array.from({ length: 12 }, (_, i) => `2024-${String(i + 1).padStart(2, '0')}`));
    // June: 6 司法所 corrections + 1 bureau of 12 + 1 concluded.
    expect(trend.points[5]).toMatchObject({ numerator: 7, denominator: 13 });
    expect(d.byTownship.units.slice(0, 3).map((u: { name: string }) => u.name)).toEqual(['白洋街道', '壶山街道', '王宅镇']);
    // The county government's children: the 司法局 holds the 复议科 and the 司法所.
    expect(d.byChild.units.find((u: { name: string }) => u.name === '武义县司法局')).toMatchObject({ numerator: 13, denominator: 24 });
    expect(Array.isArray(d.overdue)).toBe(true);
    expect((await (await t.login('hushan')).get('/api/dashboard')).statusCode).toBe(403);
  });
});

describe('同一请求共用一次扫描（tally）', () => {
  /** The db, counting the statements that read admin_review_cases. */
  function counting(db: TestContext['database']['db']) {
    const dialect = new PgDialect();
    const texts: string[] = [];
    const spy = new Proxy(db, {
      get(target, key) {
        const v = Reflect.get(target, key, target);
        if (key === 'execute') return (q: SQL) => (texts.push(dialect.sqlToQuery(q).sql), v.call(target, q));
        return typeof v === 'function' ? v.bind(target) : v;
      },
    });
    return { spy, reads: () => texts.filter((x) => /from admin_review_cases/.test(x)).length };
  }
  const keys = ['adminReview.accepted', 'adminReview.concluded', 'adminReview.correctionRate', 'adminReview.mediatedWithdrawnRate', 'adminReview.upholdRate', 'adminReview.dismissRate', 'adminReview.perTenThousand'];

  it('复议7项指标含上年同期：只读一次 admin_review_cases，数字与逐项单独计算相同 (DOMAIN.md §9)', async () => {
    const { db } = t.database;
    const { spy, reads } = counting(db);
    const bureau = (await db.select().from(orgs).where(eq(orgs.name, '武义县司法局')))[0];
    const r = await indicatorFigures(spy, null, { orgId: bureau.id, period: { kind: 'year', year: 2024 }, keys, rank: false });
    expect(reads()).toBe(1);
    expect(r.figures.map((f) => f.key)).toEqual(keys);
    const rate = r.figures.find((f) => f.key === 'adminReview.correctionRate')!;
    // 复议科 7 of 12 and the 司法所 2 + 1 + 3 of 12; 2023: 5 of 10.
    expect(rate).toMatchObject({ numerator: 13, denominator: 24, display: '54.2%' });
    expect(rate.lastYear).toMatchObject({ numerator: 5, denominator: 10 });
    expect(rate.breakdown!.reduce((s, b) => s + b.value, 0)).toBe(13);
    for (const f of r.figures) {
      const def = indicatorDef(f.key)!;
      const alone = (year: number) => def.compute(db, { org: queryOrg(bureau), from: `${year}-01-01`, to: `${year}-12-31` });
      expect(f, f.key).toMatchObject(present(def, await alone(2024)));
      expect(f.lastYear, f.key).toMatchObject(present(def, await alone(2023)));
    }
  });

  it('12个月趋势：各月一起统计，仍只读一次 admin_review_cases', async () => {
    const { db } = t.database;
    const { spy, reads } = counting(db);
    const bureau = (await db.select().from(orgs).where(eq(orgs.name, '武义县司法局')))[0];
    const months = trailingMonths({ kind: 'year', year: 2024 });
    const batch = newBatch(months.map((m) => periodBounds(m)));
    const [rate, concluded] = await Promise.all(['adminReview.correctionRate', 'adminReview.concluded'].map((k) => indicatorSeries(spy, indicatorDef(k)!, bureau, months, batch)));
    expect(reads()).toBe(1);
    expect(rate[5]).toMatchObject({ numerator: 7, denominator: 13 });
    expect(concluded.reduce((s, p) => s + p.numerator, 0)).toBe(24);
  });
});

describe('权限与范围', () => {
  it('本机构范围的用户不能查看上级机构的指标', async () => {
    const res = await (await t.login('hushan')).get('/api/indicators/manual.lawyers/records?org=330723&year=2024');
    expect(res.statusCode).toBe(404);
    const rows = await t.database.db.select().from(orgs).where(and(eq(orgs.name, '壶山司法所')));
    expect(rows).toHaveLength(1);
  });
});
