/**
 * 考核目标 and the 考核 view (法治政府建设与责任落实督察工作规定; 法治督察考核 decomposes the county's goals to
 * townships and departments, DOMAIN area M15): each org's targets for a year, met or not, and the 整改 items
 * opened from a shortfall, tracked to closure.
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { rowsOf, type Db, type DbOrTx } from '../db/client';
import { AppError, conflict, invalid, notFound, pgErrorCode } from '../errors';
import { recordAudit } from '../audit/service';
import type { AuthContext } from '../auth/context';
import { orgInScope, scopeCondition } from '../auth/scope';
import { getOrg } from '../orgs/service';
import { isoDate } from '../http/schemas';
import { todayInChina } from '../calendar/service';
import { present } from './registry';
import { catalogueDef, mapLimit, queryOrg } from './figures';
import { periodBounds, periodLabel, type Period } from './period';
import { indicatorRectifications, indicatorTargets } from './schema';
import { IND_PERM } from './permissions';

/** How a figure is compared with its threshold (the threshold in the figure's display unit: 7 means 7 %). */
export const comparators = {
  '<': { label: '低于', test: (v: number, t: number) => v < t },
  '<=': { label: '不高于', test: (v: number, t: number) => v <= t },
  '>': { label: '高于', test: (v: number, t: number) => v > t },
  '>=': { label: '不低于', test: (v: number, t: number) => v >= t },
  '=': { label: '达到', test: (v: number, t: number) => v === t },
} as const;
export type Comparator = keyof typeof comparators;

export const targetInput = z.object({
  orgId: z.uuid({ message: '请选择考核对象' }),
  year: z.number().int().min(2000, '年度不正确').max(2100, '年度不正确'),
  indicatorKey: z.string().trim().min(1, '请选择指标'),
  comparator: z.enum(Object.keys(comparators) as [Comparator, ...Comparator[]], { message: '请选择比较方式' }),
  threshold: z.number({ message: '请填写目标值' }).finite(),
  basis: z.string().trim().max(200).nullish(),
});

export const rectificationInput = z.object({
  targetId: z.uuid().nullish(),
  orgId: z.uuid({ message: '请选择整改单位' }).optional(),
  title: z.string().trim().min(2, '请填写整改事项').max(200),
  requirement: z.string().trim().max(2000).nullish(),
  deadline: isoDate,
});

export const closeInput = z.object({
  closedDate: isoDate,
  closureNote: z.string().trim().min(2, '请填写整改完成情况').max(2000),
  version: z.number().int(),
});

type TargetRow = typeof indicatorTargets.$inferSelect;
const unitSuffix = (unit: string) => (unit === 'percent' ? '%' : '');

export function targetText(label: string, unit: string, comparator: Comparator, threshold: number) {
  return `${label}${comparators[comparator].label}${threshold}${unitSuffix(unit)}`;
}

async function orgFor(tx: DbOrTx, auth: AuthContext, permission: string, id: string) {
  const org = await getOrg(tx, id);
  if (!org || org.voidedAt || !orgInScope(auth, permission, org)) throw notFound('机构');
  return org;
}

export async function setTarget(db: Db, auth: AuthContext, input: z.infer<typeof targetInput>) {
  const def = await catalogueDef(db, input.indicatorKey);
  if (!def) throw invalid('指标不存在', { fields: [{ path: 'indicatorKey', message: '指标不存在' }] }, 'INDICATOR_UNKNOWN');
  if (def.unit === 'percent' && (input.threshold < 0 || input.threshold > 100)) throw invalid('比率目标应在0到100之间（单位：%）', { fields: [{ path: 'threshold', message: '应在0到100之间' }] });
  return db.transaction(async (tx) => {
    const org = await orgFor(tx, auth, IND_PERM.manageTargets, input.orgId);
    try {
      const [row] = await tx
        .insert(indicatorTargets)
        .values({ orgId: org.id, regionCode: org.regionCode, createdBy: auth.user.id, year: input.year, indicatorKey: def.key, comparator: input.comparator, threshold: String(input.threshold), basis: input.basis ?? null })
        .returning();
      await recordAudit(tx, auth.actor, { action: 'indicator.target.create', entityType: 'indicatorTarget', entityId: row.id, summary: `设定 ${org.name} ${input.year}年考核目标：${targetText(def.label, def.unit, input.comparator, input.threshold)}`, after: row });
      return row;
    } catch (err) {
      if (pgErrorCode(err) === '23505') throw new AppError('INDICATOR_TARGET_EXISTS', `${org.name}${input.year}年已设定该指标的目标，请先作废原目标`, 409);
      throw err;
    }
  });
}

export async function voidTarget(db: Db, auth: AuthContext, id: string, reason: string) {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(indicatorTargets).where(and(eq(indicatorTargets.id, id), isNull(indicatorTargets.voidedAt)));
    if (!before) throw notFound('考核目标');
    await orgFor(tx, auth, IND_PERM.manageTargets, before.orgId);
    const [after] = await tx.update(indicatorTargets).set({ voidedAt: new Date(), voidedBy: auth.user.id, voidReason: reason, version: before.version + 1 }).where(eq(indicatorTargets.id, id)).returning();
    await recordAudit(tx, auth.actor, { action: 'indicator.target.void', entityType: 'indicatorTarget', entityId: id, summary: `作废考核目标：${reason}`, before, after });
    return after;
  });
}

export interface AssessmentRow {
  targetId: string;
  orgId: string;
  orgName: string;
  indicatorKey: string;
  label: string;
  unit: string;
  comparator: Comparator;
  threshold: number;
  target: string;
  basis: string | null;
  value: number | null;
  display: string;
  numerator: number;
  denominator: number | null;
  /** met 达标 · unmet 未达标 · noData 无数据 (denominator 0: nothing to assess yet). */
  status: 'met' | 'unmet' | 'noData';
  rectifications: { id: string; title: string; status: string; deadline: string; overdue: boolean }[];
}

/**
 * The 考核 view for a year (or a part of it, e.g. 1—11月 while the year runs): every target the caller may see,
 * its figure for the target's org (with descendants), 达标 or not, the 整改 items opened from it, and per org how
 * many targets are behind, most behind first.
 */
export async function assessment(db: DbOrTx, auth: AuthContext, f: { year: number; period?: Period; orgId?: string }) {
  const period: Period = f.period ?? { kind: 'year', year: f.year };
  const bounds = periodBounds(period);
  const scope = scopeCondition(auth, IND_PERM.assessment, { orgId: indicatorTargets.orgId });
  const targets = await db
    .select()
    .from(indicatorTargets)
    .where(and(eq(indicatorTargets.year, f.year), isNull(indicatorTargets.voidedAt), scope, f.orgId ? eq(indicatorTargets.orgId, f.orgId) : undefined));
  const orgIds = [...new Set(targets.map((t) => t.orgId))];
  const orgRows = orgIds.length ? rowsOf<{ id: string; name: string; path: string; region_code: string; population: number | null; sort: number }>(await db.execute(sql`select id, name, path, region_code, population, sort from orgs where id in (${sql.join(orgIds.map((i) => sql`${i}`), sql`, `)})`)) : [];
  const orgById = new Map(orgRows.map((o) => [o.id, o]));
  const rects = targets.length
    ? await db.select().from(indicatorRectifications).where(and(isNull(indicatorRectifications.voidedAt), sql`${indicatorRectifications.targetId} in (${sql.join(targets.map((t) => sql`${t.id}`), sql`, `)})`))
    : [];
  const today = todayInChina();
  const rows = await mapLimit(targets, 4, async (t: TargetRow): Promise<AssessmentRow | null> => {
    const def = await catalogueDef(db, t.indicatorKey);
    const o = orgById.get(t.orgId);
    if (!def || !o) return null;
    const v = present(def, await def.compute(db, { org: queryOrg({ id: o.id, path: o.path, regionCode: o.region_code, population: o.population }), ...bounds }));
    const threshold = Number(t.threshold);
    const comparator = t.comparator as Comparator;
    const status = v.value == null ? 'noData' : comparators[comparator].test(v.value, threshold) ? 'met' : 'unmet';
    return {
      targetId: t.id,
      orgId: o.id,
      orgName: o.name,
      indicatorKey: def.key,
      label: def.label,
      unit: def.unit,
      comparator,
      threshold,
      target: targetText(def.label, def.unit, comparator, threshold),
      basis: t.basis,
      value: v.value,
      display: v.display,
      numerator: v.numerator,
      denominator: v.denominator,
      status,
      rectifications: rects.filter((r) => r.targetId === t.id).map((r) => ({ id: r.id, title: r.title, status: r.status, deadline: r.deadline, overdue: r.status === 'open' && r.deadline < today })),
    };
  });
  const items = rows.filter((r): r is AssessmentRow => !!r).sort((a, b) => (orgById.get(a.orgId)!.sort - orgById.get(b.orgId)!.sort) || a.orgName.localeCompare(b.orgName) || a.label.localeCompare(b.label));
  const byOrg = new Map<string, { orgId: string; orgName: string; total: number; met: number; unmet: number; noData: number; openRectifications: number }>();
  for (const r of items) {
    const s = byOrg.get(r.orgId) ?? { orgId: r.orgId, orgName: r.orgName, total: 0, met: 0, unmet: 0, noData: 0, openRectifications: 0 };
    s.total += 1;
    s[r.status] += 1;
    s.openRectifications += r.rectifications.filter((x) => x.status === 'open').length;
    byOrg.set(r.orgId, s);
  }
  const orgs = [...byOrg.values()].sort((a, b) => b.unmet - a.unmet || a.met - b.met || a.orgName.localeCompare(b.orgName));
  return { year: f.year, period: { label: periodLabel(period), ...bounds }, orgs, items };
}

/** Opens a 整改 item, from a target's shortfall (its org, indicator and year) or for any org in scope. */
export async function openRectification(db: Db, auth: AuthContext, input: z.infer<typeof rectificationInput>) {
  return db.transaction(async (tx) => {
    let target: TargetRow | undefined;
    if (input.targetId) {
      [target] = await tx.select().from(indicatorTargets).where(and(eq(indicatorTargets.id, input.targetId), isNull(indicatorTargets.voidedAt)));
      if (!target) throw notFound('考核目标');
    }
    const orgId = target?.orgId ?? input.orgId;
    if (!orgId) throw invalid('请选择整改单位', { fields: [{ path: 'orgId', message: '请选择整改单位' }] });
    const org = await orgFor(tx, auth, IND_PERM.rectify, orgId);
    const [row] = await tx
      .insert(indicatorRectifications)
      .values({ orgId: org.id, regionCode: org.regionCode, createdBy: auth.user.id, title: input.title, targetId: target?.id ?? null, indicatorKey: target?.indicatorKey ?? null, year: target?.year ?? null, requirement: input.requirement ?? null, deadline: input.deadline })
      .returning();
    await recordAudit(tx, auth.actor, { action: 'indicator.rectification.open', entityType: 'indicatorRectification', entityId: row.id, summary: `向${org.name}交办整改：${input.title}（期限 ${input.deadline}）`, after: row });
    return row;
  });
}

async function rectificationInScope(tx: DbOrTx, auth: AuthContext, id: string) {
  const [row] = await tx.select().from(indicatorRectifications).where(and(eq(indicatorRectifications.id, id), isNull(indicatorRectifications.voidedAt)));
  if (!row) throw notFound('整改事项');
  await orgFor(tx, auth, IND_PERM.rectify, row.orgId).catch(() => {
    throw notFound('整改事项');
  });
  return row;
}

export async function closeRectification(db: Db, auth: AuthContext, id: string, input: z.infer<typeof closeInput>) {
  return db.transaction(async (tx) => {
    const before = await rectificationInScope(tx, auth, id);
    if (before.version !== input.version) throw conflict();
    if (before.status === 'closed') throw new AppError('RECTIFICATION_CLOSED', '该整改事项已销号', 409);
    const [after] = await tx
      .update(indicatorRectifications)
      .set({ status: 'closed', closedDate: input.closedDate, closureNote: input.closureNote, version: before.version + 1, updatedAt: new Date() })
      .where(and(eq(indicatorRectifications.id, id), eq(indicatorRectifications.version, input.version)))
      .returning();
    if (!after) throw conflict();
    await recordAudit(tx, auth.actor, { action: 'indicator.rectification.close', entityType: 'indicatorRectification', entityId: id, summary: `整改销号：${before.title}`, before, after });
    return after;
  });
}

export async function voidRectification(db: Db, auth: AuthContext, id: string, reason: string) {
  return db.transaction(async (tx) => {
    const before = await rectificationInScope(tx, auth, id);
    const [after] = await tx.update(indicatorRectifications).set({ voidedAt: new Date(), voidedBy: auth.user.id, voidReason: reason, version: before.version + 1 }).where(eq(indicatorRectifications.id, id)).returning();
    await recordAudit(tx, auth.actor, { action: 'indicator.rectification.void', entityType: 'indicatorRectification', entityId: id, summary: `作废整改事项：${reason}`, before, after });
    return after;
  });
}

export const rectificationFilter = z.object({
  status: z.enum(['open', 'closed', 'overdue']).optional(),
  org: z.uuid().optional(),
  year: z.coerce.number().int().optional(),
});

/** 整改 items the caller may see (督办 permission, or the 考核 view's for the org's own staff). */
export async function listRectifications(db: DbOrTx, auth: AuthContext, f: z.infer<typeof rectificationFilter> & { page: number; pageSize: number }) {
  const perm = auth.permissions.has(IND_PERM.rectify) ? IND_PERM.rectify : IND_PERM.assessment;
  const today = todayInChina();
  const where = and(
    isNull(indicatorRectifications.voidedAt),
    scopeCondition(auth, perm, { orgId: indicatorRectifications.orgId }),
    f.org ? eq(indicatorRectifications.orgId, f.org) : undefined,
    f.year ? eq(indicatorRectifications.year, f.year) : undefined,
    f.status === 'overdue' ? sql`${indicatorRectifications.status} = 'open' and ${indicatorRectifications.deadline} < ${today}` : f.status ? eq(indicatorRectifications.status, f.status) : undefined,
  );
  const [{ total }] = await db.select({ total: sql<number>`count(*)::int` }).from(indicatorRectifications).where(where);
  const rows = rowsOf<{ id: string; title: string; org_id: string; org_name: string; indicator_key: string | null; year: number | null; requirement: string | null; deadline: string; status: string; closed_date: string | null; closure_note: string | null; version: number; created_at: string }>(
    await db.execute(sql`select r.id, r.title, r.org_id, o.name as org_name, r.indicator_key, r.year, r.requirement, r.deadline::text as deadline, r.status, r.closed_date::text as closed_date, r.closure_note, r.version, r.created_at::text as created_at
      from indicator_rectifications r join orgs o on o.id = r.org_id
      where r.id in (select ${indicatorRectifications.id} from ${indicatorRectifications} where ${where})
      order by (r.status = 'open') desc, r.deadline, r.created_at limit ${f.pageSize} offset ${(f.page - 1) * f.pageSize}`),
  );
  const labels = new Map<string, string>();
  for (const k of new Set(rows.map((r) => r.indicator_key).filter(Boolean) as string[])) labels.set(k, (await catalogueDef(db, k))?.label ?? k);
  return {
    items: rows.map((r) => ({
      id: r.id, title: r.title, orgId: r.org_id, orgName: r.org_name, indicatorKey: r.indicator_key, indicatorLabel: r.indicator_key ? labels.get(r.indicator_key) ?? r.indicator_key : null,
      year: r.year, requirement: r.requirement, deadline: r.deadline, status: r.status as 'open' | 'closed', overdue: r.status === 'open' && r.deadline < today,
      closedDate: r.closed_date, closureNote: r.closure_note, version: r.version,
    })),
    total,
    page: f.page,
    pageSize: f.pageSize,
  };
}
