/**
 * The indicator engine: for an org (with descendants) and a period, each figure with the same period last
 * year, the change (同比) and the rank among sibling orgs — the figures the 驾驶舱, the 考核 view and the
 * annual report (src/modules/annual-report) are built from.
 *
 *   const { figures } = await indicatorFigures(db, null, { orgId, period: { kind: 'year', year: 2024 } });
 *   figures[0].display   // '58.3%'
 *   figures[0].change    // { value: 2.1, display: '+2.1个百分点', text: '上升2.1个百分点', trend: 'up', unit: 'pp' }
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '../db/client';
import { notFound } from '../errors';
import type { AuthContext } from '../auth/context';
import { orgInScope } from '../auth/scope';
import { orgs } from '../orgs/schema';
import { allIndicators, present, roundHalfUp, type IndicatorBatch, type IndicatorDef, type IndicatorQuery, type IndicatorValue, type RecordRef } from './registry';
import { newBatch } from './tally';
import { manualIndicatorDefs, MANUAL_PREFIX } from './manual';
import { periodBounds, periodLabel, samePeriodLastYear, type Period } from './period';

export type Direction = 'higherBetter' | 'lowerBetter';

/**
 * Which way is better for figures registered without `direction`. 败诉率 and 被纠错 are shortfalls of the
 * organs assessed (法治政府建设指标体系: 行政复议纠错率、行政诉讼败诉率 are "lower is better").
 */
const knownDirections: Record<string, Direction> = {
  'adminReview.correctionRate': 'lowerBetter',
  'litigation.lossRate': 'lowerBetter',
};

export function directionOf(def: IndicatorDef): Direction {
  return def.direction ?? knownDirections[def.key] ?? (/败诉|纠错|超期|逾期|违法|重复检查|多头检查/.test(def.label) ? 'lowerBetter' : 'higherBetter');
}

/** Every figure the engine knows: the ones lines registered, plus the manual indicators defined in this database. */
export async function indicatorCatalogue(db: DbOrTx): Promise<IndicatorDef[]> {
  return [...allIndicators(), ...(await manualIndicatorDefs(db))];
}

export async function catalogueDef(db: DbOrTx, key: string): Promise<IndicatorDef | undefined> {
  if (key.startsWith(MANUAL_PREFIX)) return (await manualIndicatorDefs(db)).find((d) => d.key === key);
  return allIndicators().find((d) => d.key === key);
}

type OrgRow = typeof orgs.$inferSelect;
export const queryOrg = (o: Pick<OrgRow, 'id' | 'path' | 'regionCode' | 'population'>) => ({ id: o.id, path: o.path, regionCode: o.regionCode, population: o.population });

/** May the caller see this figure for this org? (auth null = the system, e.g. the report generator's CLI) */
export function canSee(auth: AuthContext | null, def: IndicatorDef, org: { id: string; path: string }) {
  return !auth || (auth.permissions.has(def.permission) && orgInScope(auth, def.permission, org));
}

export type Presented = ReturnType<typeof present>;

export interface Change {
  /** Percentage points for rates, percent for counts, the unit's own difference for ratios and 万人比. */
  value: number | null;
  unit: 'pp' | 'percent' | 'abs';
  display: string;
  /** For prose: '上升2.3个百分点', '增长12.5%', '下降0.35', '持平', '增加5' (last year 0). */
  text: string;
  trend: 'up' | 'down' | 'flat' | null;
}

/** Rounded decimal as an exact integer count of 10^-d units (58.3 → 583 at d=1). */
const units = (v: number, d: number) => Math.round(v * 10 ** d);

function signed(n: number, d: number) {
  return `${n > 0 ? '+' : n < 0 ? '−' : ''}${Math.abs(n).toFixed(d)}`;
}

/**
 * 同比 (DOMAIN.md §9 rounds each figure to 1 decimal, half-up): a rate changes by the difference of the two
 * displayed rates in 个百分点; a count by (本期 − 上年同期) / 上年同期, a percentage rounded the same way;
 * 复议:诉讼 and 万人比 by the difference of the displayed values.
 */
export function changeOf(def: IndicatorDef, now: Presented, before: Presented): Change {
  const none = (text: string): Change => ({ value: null, unit: def.unit === 'percent' ? 'pp' : def.unit === 'count' ? 'percent' : 'abs', display: '—', text, trend: null });
  if (def.unit === 'count' || now.denominator == null) {
    const a = now.numerator;
    const b = before.numerator;
    if (b === 0) return a === 0 ? { value: 0, unit: 'percent', display: '0.0%', text: '持平', trend: 'flat' } : { ...none(`增加${a}`), trend: 'up' };
    // Counts may carry decimals (manual figures): compare in 1/10000 units, still integers.
    const diff = units(a, 4) - units(b, 4);
    const pct = roundHalfUp(Math.abs(diff), units(b, 4), 100, 1) * Math.sign(diff);
    const trend = pct > 0 ? 'up' : pct < 0 ? 'down' : 'flat';
    return { value: pct, unit: 'percent', display: `${signed(pct, 1)}%`, text: trend === 'flat' ? '持平' : `${trend === 'up' ? '增长' : '下降'}${Math.abs(pct).toFixed(1)}%`, trend };
  }
  if (now.value == null || before.value == null) return none(before.value == null ? '上年同期无数据' : '本期无数据');
  const d = def.unit === 'percent' ? 1 : 2;
  const diff = (units(now.value, d) - units(before.value, d)) / 10 ** d;
  const trend = diff > 0 ? 'up' : diff < 0 ? 'down' : 'flat';
  const suffix = def.unit === 'percent' ? '个百分点' : '';
  return {
    value: diff,
    unit: def.unit === 'percent' ? 'pp' : 'abs',
    display: `${signed(diff, d)}${suffix}`,
    text: trend === 'flat' ? '持平' : `${trend === 'up' ? '上升' : '下降'}${Math.abs(diff).toFixed(d)}${suffix}`,
    trend,
  };
}

/** Runs `fn` over `items` with at most `n` at a time (PostgreSQL pool; PGlite serializes anyway). */
export async function mapLimit<T, R>(items: T[], n: number, fn: (x: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  }));
  return out;
}

/** Competition ranking (1, 2, 2, 4) by the rounded value, in the figure's direction; null values are not ranked. */
export function rankOf(direction: Direction, values: { id: string; value: number | null }[], id: string): { position: number; of: number } | null {
  const ranked = values.filter((v) => v.value != null) as { id: string; value: number }[];
  const mine = ranked.find((v) => v.id === id);
  if (!mine) return null;
  const better = ranked.filter((v) => (direction === 'higherBetter' ? v.value > mine.value : v.value < mine.value)).length;
  return { position: better + 1, of: ranked.length };
}

export interface Figure extends Presented {
  unitLabel: string | null;
  direction: Direction;
  period: { label: string; from: string; to: string };
  lastYear: Presented & { period: { label: string; from: string; to: string } };
  change: Change;
  /** Among orgs with the same parent and type (townships among townships, 司法所 among 司法所). */
  rank: { position: number; of: number } | null;
}

export interface FiguresRequest {
  keys?: string[];
  orgId: string;
  period: Period;
  /** Rank among siblings (default true). */
  rank?: boolean;
}

async function loadOrg(db: DbOrTx, id: string): Promise<OrgRow> {
  const [org] = await db.select().from(orgs).where(and(eq(orgs.id, id), isNull(orgs.voidedAt)));
  if (!org) throw notFound('机构');
  return org;
}

/** Sibling orgs: same parent, same type (a township government is ranked among township governments). */
async function siblingsOf(db: DbOrTx, org: OrgRow): Promise<OrgRow[]> {
  if (!org.parentId) return [org];
  return db.select().from(orgs).where(and(eq(orgs.parentId, org.parentId), eq(orgs.type, org.type), isNull(orgs.voidedAt)));
}

const periodInfo = (p: Period) => ({ label: periodLabel(p), ...periodBounds(p) });
const queryOf = (org: OrgRow, p: Period, batch?: IndicatorBatch): IndicatorQuery => ({ org: queryOrg(org), ...periodBounds(p), batch });

/**
 * Figures for an org (with descendants) and period: value, same period last year, 同比 and rank among
 * siblings. `auth` null computes everything (system use); otherwise only the figures the caller may see
 * for that org, and a rank only when the caller may see every sibling.
 */
export async function indicatorFigures(db: DbOrTx, auth: AuthContext | null, req: FiguresRequest): Promise<{ org: { id: string; name: string; regionCode: string }; period: ReturnType<typeof periodInfo>; figures: Figure[] }> {
  const org = await loadOrg(db, req.orgId);
  const catalogue = await indicatorCatalogue(db);
  const defs = catalogue.filter((d) => (!req.keys || req.keys.includes(d.key)) && canSee(auth, d, org));
  if (req.keys) defs.sort((a, b) => req.keys!.indexOf(a.key) - req.keys!.indexOf(b.key));
  const last = samePeriodLastYear(req.period);
  const siblings = req.rank === false ? [org] : await siblingsOf(db, org);
  // One memo for the request: figures counting the same table read it once, this year and last together.
  const batch = newBatch([periodBounds(req.period), periodBounds(last)]);
  const siblingBatch = new Map(siblings.map((s) => [s.id, newBatch([periodBounds(req.period)])]));
  const figures = await mapLimit(defs, 4, async (def): Promise<Figure> => {
    const [now, before] = (await Promise.all([def.compute(db, queryOf(org, req.period, batch)), def.compute(db, queryOf(org, last, batch))])).map((v) => present(def, v));
    let rank: Figure['rank'] = null;
    // An org without a value has no rank: skip computing its siblings.
    if (now.value != null && siblings.length > 1 && siblings.every((s) => canSee(auth, def, s))) {
      const values = await mapLimit(siblings, 4, async (s) => ({ id: s.id, value: s.id === org.id ? now.value : present(def, await def.compute(db, queryOf(s, req.period, siblingBatch.get(s.id)))).value }));
      rank = rankOf(directionOf(def), values, org.id);
    }
    return {
      ...now,
      unitLabel: def.unitLabel ?? null,
      direction: directionOf(def),
      period: periodInfo(req.period),
      lastYear: { ...before, period: periodInfo(last) },
      change: changeOf(def, now, before),
      rank,
    };
  });
  return { org: { id: org.id, name: org.name, regionCode: org.regionCode }, period: periodInfo(req.period), figures };
}

/**
 * One figure's value for a plain list of periods (trend lines), without 同比 or rank. Pass one `batch` (of
 * these periods) for several figures of the same org: a table is then read once for all of them.
 */
export async function indicatorSeries(db: DbOrTx, def: IndicatorDef, org: OrgRow, periods: Period[], batch = newBatch(periods.map((p) => periodBounds(p)))) {
  return mapLimit(periods, 4, async (p) => ({ ...periodInfo(p), ...present(def, await def.compute(db, queryOf(org, p, batch))) }));
}

/**
 * Units a figure is broken down by, for rankings and the map:
 *  - children: the org's direct children (本级下属机构);
 *  - townships: each township (乡镇/街道, a 9-digit 行政区划代码) under the org, merging the orgs that carry its
 *    code at the top of their branch (the township government with its villages, and its 司法所).
 */
export interface Unit {
  id: string;
  name: string;
  regionCode: string;
  members: OrgRow[];
  /** 常住人口 of the unit, for 万人比 over merged members. */
  population: number | null;
}

export async function unitsOf(db: DbOrTx, org: OrgRow, by: 'children' | 'townships'): Promise<Unit[]> {
  if (by === 'children') {
    const kids = await db.select().from(orgs).where(and(eq(orgs.parentId, org.id), isNull(orgs.voidedAt))).orderBy(orgs.sort, orgs.name);
    return kids.map((k) => ({ id: k.id, name: k.name, regionCode: k.regionCode, members: [k], population: k.population }));
  }
  const rows = rowsOf<{ id: string }>(
    await db.execute(sql`select o.id from orgs o left join orgs p on p.id = o.parent_id
      where o.path like ${org.path + '%'} and o.voided_at is null and length(o.region_code) = 9 and (p.id is null or p.region_code <> o.region_code)
      order by o.region_code, o.sort`),
  );
  const members = rows.length ? await db.select().from(orgs).where(sql`${orgs.id} in (${sql.join(rows.map((r) => sql`${r.id}`), sql`, `)})`) : [];
  const byCode = new Map<string, OrgRow[]>();
  for (const m of members) byCode.set(m.regionCode, [...(byCode.get(m.regionCode) ?? []), m]);
  // The township is named by its government (白洋街道办事处 → 白洋街道, 王宅镇人民政府 → 王宅镇) even when only its
  // 司法所 is under the org asked for (the 司法局); the map's features carry these names.
  const codes = [...byCode.keys()];
  const govs = codes.length
    ? await db.select().from(orgs).where(and(eq(orgs.type, 'government'), isNull(orgs.voidedAt), sql`${orgs.regionCode} in (${sql.join(codes.map((c) => sql`${c}`), sql`, `)})`))
    : [];
  return [...byCode.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, ms]) => {
      const gov = govs.find((g) => g.regionCode === code) ?? ms[0];
      const own = ms.reduce((s, m) => s + (m.population ?? 0), 0);
      return { id: code, name: gov.name.replace(/(办事处|人民政府)$/, ''), regionCode: code, members: ms, population: own || gov.population || null };
    });
}

/** A figure summed over a unit's members (numerators and denominators add; 万人比 uses the unit's population). */
export async function unitValue(db: DbOrTx, def: IndicatorDef, unit: Unit, period: Period): Promise<IndicatorValue> {
  const vals = await mapLimit(unit.members, 4, (m) => def.compute(db, queryOf(m, period)));
  const numerator = vals.reduce((s, v) => s + v.numerator, 0);
  if (def.unit === 'perTenThousand') return { numerator, denominator: unit.population ?? 0 };
  const denominator = vals.some((v) => v.denominator != null) ? vals.reduce((s, v) => s + (v.denominator ?? 0), 0) : null;
  return { numerator, denominator };
}

export async function unitRecords(db: DbOrTx, def: IndicatorDef, unit: Unit, period: Period, part: 'numerator' | 'denominator'): Promise<RecordRef[]> {
  if (!def.records) return [];
  const lists = await mapLimit(unit.members, 4, (m) => def.records!(db, queryOf(m, period), part));
  return lists.flat().sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''));
}

/** A figure for each unit under the org, ranked in the figure's direction (units without a value last). */
export async function indicatorByUnit(db: DbOrTx, auth: AuthContext | null, req: { key: string; orgId: string; period: Period; by: 'children' | 'townships' }) {
  const org = await loadOrg(db, req.orgId);
  const def = await catalogueDef(db, req.key);
  if (!def || !canSee(auth, def, org)) throw notFound('指标');
  const units = (await unitsOf(db, org, req.by)).filter((u) => u.members.every((m) => canSee(auth, def, m)));
  const direction = directionOf(def);
  const rows = await mapLimit(units, 4, async (u) => ({ id: u.id, name: u.name, regionCode: u.regionCode, ...present(def, await unitValue(db, def, u, req.period)) }));
  const ranked = rows.map((r) => ({ ...r, rank: rankOf(direction, rows, r.id)?.position ?? null }));
  ranked.sort((a, b) => (a.value == null ? 1 : 0) - (b.value == null ? 1 : 0) || (a.value != null && b.value != null ? (direction === 'higherBetter' ? b.value - a.value : a.value - b.value) : 0) || a.regionCode.localeCompare(b.regionCode));
  return { key: def.key, label: def.label, unit: def.unit, direction, definition: def.definition, by: req.by, period: periodInfo(req.period), units: ranked };
}

export { loadOrg };
