/**
 * 行政检查 records, 联合检查任务 ("综合查一次") and the detection of 多头检查 / 重复检查 clues (DOMAIN.md §4):
 *  - 重复检查: the same agency inspects the same enterprise on the same matter more than `repeatAllowed` times
 *    within `inspectionWindowDays` (local, default 30): the inspection whose N-th predecessor (same agency,
 *    enterprise, matter) lies within the window completes a clue.
 *  - 多头检查: the same enterprise inspected by ≥ 2 agencies within the window without a joint plan: an
 *    inspection whose nearest earlier inspection by another agency lies within the window completes a clue.
 * "Within the window" is inclusive: 30 days apart is inside a 30-day window, 31 days is not. Inspections made
 * inside a 联合检查任务 are the remedy and never count. Detection is one SQL statement (window functions over
 * the whole county), idempotent: re-running adds only new clues, and open clues no longer found lapse.
 */
import { and, asc, desc, eq, gte, ilike, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { rowsOf, type Db, type DbOrTx, type Tx } from '../../platform/db/client';
import type { AuthContext } from '../../platform/auth/context';
import { recordAudit, type Actor } from '../../platform/audit/service';
import { AppError, invalid } from '../../platform/errors';
import { todayInChina } from '../../platform/calendar/service';
import { orgs } from '../../platform/orgs/schema';
import type { Org } from '../../platform/orgs/service';
import { enforcementClues, enforcementInspections, enforcementJointTasks } from './schema';
import { agencyFor, checkVersion, getRules, isoDate, pageInput, rowInScope, scopeOf } from './common';
import { clueKinds, clueStatuses, ENTITY, INSPECTION_CITE, PERM, type ClueKind, type ClueStatus } from './terms';

export const creditCode = z.string().trim().toUpperCase().pipe(z.string().regex(/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/, '统一社会信用代码应为18位（数字和大写字母）'));

export const inspectionInput = z.object({
  agencyOrg: z.string().trim().max(100).optional(),
  enterpriseCreditCode: creditCode,
  enterpriseName: z.string().trim().min(2, '请填写企业名称').max(200),
  inspectionDate: isoDate,
  matter: z.string().trim().min(2, '请填写检查事项').max(200),
  planned: z.boolean().default(true),
  jointTaskId: z.uuid().nullish(),
  result: z.string().trim().max(1000).nullish(),
});
export type InspectionInput = z.input<typeof inspectionInput>;

export function inspectionColumns(v: z.output<typeof inspectionInput>, org: Org) {
  return {
    orgId: org.id, regionCode: org.regionCode, enterpriseCreditCode: v.enterpriseCreditCode, enterpriseName: v.enterpriseName, inspectionDate: v.inspectionDate,
    matter: v.matter, planned: v.planned, jointTaskId: v.jointTaskId ?? null, result: v.result ?? null,
  };
}

async function checkJointTask(db: DbOrTx, v: z.output<typeof inspectionInput>, org: Org) {
  if (!v.jointTaskId) return;
  const [task] = await db.select().from(enforcementJointTasks).where(and(eq(enforcementJointTasks.id, v.jointTaskId), isNull(enforcementJointTasks.voidedAt)));
  if (!task || !task.agencyOrgIds.includes(org.id)) throw invalid('该联合检查任务不存在或本机关不在参加部门之列', { fields: [{ path: 'jointTaskId', message: '联合检查任务不包括本机关' }] });
}

export async function recordInspection(db: Db, auth: AuthContext, raw: InspectionInput) {
  const v = inspectionInput.parse(raw);
  const org = await agencyFor(db, auth, v.agencyOrg, PERM.report);
  await checkJointTask(db, v, org);
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(enforcementInspections).values({ ...inspectionColumns(v, org), createdBy: auth.user.id }).returning();
    await recordAudit(tx, auth.actor, { action: 'enforcement.inspection.create', entityType: ENTITY.inspection, entityId: row.id, summary: `${org.name}登记对${v.enterpriseName}的行政检查（${v.inspectionDate}）`, after: row });
    return row;
  });
}

export async function voidInspection(db: Db, auth: AuthContext, id: string, reason: string) {
  return db.transaction(async (tx) => {
    const before = await rowInScope(tx, auth, enforcementInspections, id, '检查记录', PERM.report);
    await tx.update(enforcementInspections).set({ voidedAt: new Date(), voidedBy: auth.user.id, voidReason: reason, version: before.version + 1 }).where(eq(enforcementInspections.id, id));
    await recordAudit(tx, auth.actor, { action: 'enforcement.inspection.void', entityType: ENTITY.inspection, entityId: id, summary: `作废检查记录（${before.enterpriseName} ${before.inspectionDate}）：${reason}`, before });
  });
}

export async function insertInspectionsTx(tx: Tx, actor: Actor, list: { input: z.output<typeof inspectionInput>; org: Org }[]) {
  const ids: string[] = [];
  for (let i = 0; i < list.length; i += 1000) {
    const rows = await tx.insert(enforcementInspections).values(list.slice(i, i + 1000).map(({ input, org }) => ({ ...inspectionColumns(input, org), createdBy: actor.id }))).returning({ id: enforcementInspections.id });
    ids.push(...rows.map((r) => r.id));
  }
  return ids;
}

export const inspectionListFilter = z.object({
  q: z.string().trim().max(100).optional(),
  agencyOrgId: z.uuid().optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  joint: z.enum(['yes', 'no']).optional(),
  ...pageInput,
});

export async function listInspections(db: DbOrTx, auth: AuthContext, raw: z.input<typeof inspectionListFilter>) {
  const f = inspectionListFilter.parse(raw);
  const t = enforcementInspections;
  const like = f.q ? `%${f.q.replace(/[%_\\]/g, (m) => '\\' + m)}%` : null;
  const cond = and(
    isNull(t.voidedAt), scopeOf(auth, t),
    f.agencyOrgId ? eq(t.orgId, f.agencyOrgId) : undefined,
    f.from ? gte(t.inspectionDate, f.from) : undefined,
    f.to ? lte(t.inspectionDate, f.to) : undefined,
    f.joint === 'yes' ? sql`${t.jointTaskId} is not null` : f.joint === 'no' ? isNull(t.jointTaskId) : undefined,
    like ? or(ilike(t.enterpriseName, like), ilike(t.enterpriseCreditCode, like), ilike(t.matter, like)) : undefined,
  );
  const [{ total }] = await db.select({ total: sql<number>`count(*)::int` }).from(t).where(cond);
  const rows = await db.select({ i: t, orgName: orgs.name, taskName: enforcementJointTasks.name }).from(t).innerJoin(orgs, eq(orgs.id, t.orgId)).leftJoin(enforcementJointTasks, eq(enforcementJointTasks.id, t.jointTaskId)).where(cond).orderBy(desc(t.inspectionDate), asc(t.id)).limit(f.pageSize).offset((f.page - 1) * f.pageSize);
  return { total: Number(total), page: f.page, pageSize: f.pageSize, items: rows.map((r) => ({ ...r.i, orgName: r.orgName, jointTaskName: r.taskName })) };
}

// ── 联合检查任务 ("综合查一次") ───────────────────────────────────────────────────────────────────────

export const jointTaskInput = z.object({
  name: z.string().trim().min(2, '请填写任务名称').max(200),
  plannedDate: isoDate,
  agencyOrgIds: z.array(z.uuid()).min(2, '联合检查至少需要两个部门参加'),
  enterpriseName: z.string().trim().max(200).nullish(),
  enterpriseCreditCode: creditCode.nullish(),
  note: z.string().trim().max(1000).nullish(),
});

export async function createJointTask(db: Db, auth: AuthContext, raw: z.input<typeof jointTaskInput>) {
  const v = jointTaskInput.parse(raw);
  const lead = await agencyFor(db, auth, null, PERM.supervise);
  const ids = [...new Set(v.agencyOrgIds)];
  const found = await db.select({ id: orgs.id }).from(orgs).where(and(inArray(orgs.id, ids), sql`${orgs.path} like ${auth.rootPath + '%'}`));
  if (found.length !== ids.length) throw invalid('参加部门中有不存在的机关', { fields: [{ path: 'agencyOrgIds', message: '参加部门不存在' }] });
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(enforcementJointTasks).values({ orgId: lead.id, regionCode: lead.regionCode, createdBy: auth.user.id, name: v.name, plannedDate: v.plannedDate, agencyOrgIds: ids, enterpriseName: v.enterpriseName ?? null, enterpriseCreditCode: v.enterpriseCreditCode ?? null, note: v.note ?? null }).returning();
    await recordAudit(tx, auth.actor, { action: 'enforcement.jointTask.create', entityType: ENTITY.jointTask, entityId: row.id, summary: `创建联合检查任务「${v.name}」（${ids.length}个部门）`, after: row });
    return row;
  });
}

/**
 * Joint tasks visible to the caller: the 司法局 sees all in the county; an agency sees the tasks it takes part
 * in (so it can record its inspections against them).
 */
export async function listJointTasks(db: DbOrTx, auth: AuthContext, raw: { page?: number; pageSize?: number }) {
  const f = z.object(pageInput).parse(raw);
  const t = enforcementJointTasks;
  const cond = and(isNull(t.voidedAt), or(scopeOf(auth, t), sql`${t.agencyOrgIds} ? ${auth.user.orgId}`), sql`${t.orgId} in (select id from orgs where path like ${auth.rootPath + '%'})`);
  const [{ total }] = await db.select({ total: sql<number>`count(*)::int` }).from(t).where(cond);
  const rows = await db.select().from(t).where(cond).orderBy(desc(t.plannedDate), asc(t.id)).limit(f.pageSize).offset((f.page - 1) * f.pageSize);
  const names = new Map((await db.select({ id: orgs.id, name: orgs.name }).from(orgs).where(inArray(orgs.id, [...new Set(rows.flatMap((r) => r.agencyOrgIds))].concat('00000000-0000-0000-0000-000000000000')))).map((o) => [o.id, o.name]));
  const counts = rows.length
    ? new Map(rowsOf<{ id: string; n: number }>(await db.execute(sql`select joint_task_id as id, count(*)::int as n from enforcement_inspections where voided_at is null and joint_task_id in (${sql.join(rows.map((r) => sql`${r.id}`), sql`, `)}) group by joint_task_id`)).map((r) => [r.id, Number(r.n)]))
    : new Map<string, number>();
  return { total: Number(total), page: f.page, pageSize: f.pageSize, items: rows.map((r) => ({ ...r, agencyNames: r.agencyOrgIds.map((id) => names.get(id) ?? id), inspectionCount: counts.get(r.id) ?? 0 })) };
}

// ── clue detection ─────────────────────────────────────────────────────────────────────────────────────

/**
 * The detection statement: both kinds found with window functions in one pass over the county's inspections,
 * new clues inserted (ON CONFLICT: idempotent), open clues no longer found marked lapsed.
 */
export function detectCluesSql(rootPath: string, windowDays: number, repeatAllowed: number) {
  if (!Number.isInteger(windowDays) || windowDays < 1 || !Number.isInteger(repeatAllowed) || repeatAllowed < 1) throw new Error('bad window');
  const county = sql`i.org_id in (select id from orgs where path like ${rootPath + '%'})`;
  return sql`
    with base as (
      select i.id, i.org_id, i.region_code, i.enterprise_credit_code collate "C" as ent, i.enterprise_name, i.inspection_date as d, i.matter collate "C" as matter
      from enforcement_inspections i
      where i.voided_at is null and i.joint_task_id is null and ${county}
    ),
    rep as (
      select b.*, lag(b.d, ${sql.raw(String(repeatAllowed))}) over w as nth_d, lag(b.id) over w as prior_id
      from base b
      window w as (partition by b.org_id, b.ent, b.matter order by b.d, b.id)
    ),
    m1 as (
      select b.*, lag(b.org_id) over w as p_org, lag(b.d) over w as p_d, lag(b.id) over w as p_id, row_number() over w as rn
      from base b
      window w as (partition by b.ent order by b.d, b.id)
    ),
    -- The nearest earlier inspection by another agency is the row before the current run of same-agency rows;
    -- run starts come in order, so a running max (same window, no second sort) carries it: its date, and
    -- (row number, id, agency) packed into one sortable key.
    m2 as (
      select m1.*,
        max(case when m1.p_org is distinct from m1.org_id then m1.p_d end) over w as other_d,
        max(case when m1.p_org is not null and m1.p_org <> m1.org_id then lpad(m1.rn::text, 12, '0') || m1.p_id::text || m1.p_org::text end collate "C") over w as other_key
      from m1
      window w as (partition by m1.ent order by m1.d, m1.id rows between unbounded preceding and current row)
    ),
    found as (
      select 'repeat'::varchar as kind, id, org_id, region_code, ent, enterprise_name, d, matter, prior_id, jsonb_build_array(org_id) as orgs
      from rep where nth_d is not null and d - nth_d <= ${windowDays}
      union all
      select 'multiAgency', id, org_id, region_code, ent, enterprise_name, d, matter, substr(other_key, 13, 36)::uuid, jsonb_build_array(substr(other_key, 49, 36)::uuid, org_id)
      from m2 where other_d is not null and d - other_d <= ${windowDays}
    ),
    inserted as (
      insert into enforcement_clues (org_id, region_code, kind, inspection_id, prior_inspection_id, enterprise_credit_code, enterprise_name, inspection_date, matter, agency_org_ids, window_days)
      select org_id, region_code, kind, id, prior_id, ent, enterprise_name, d, matter, orgs, ${windowDays} from found
      on conflict (kind, inspection_id) do nothing
      returning kind
    ),
    lapsed as (
      update enforcement_clues c set status = 'lapsed', updated_at = now(), version = c.version + 1
      where c.status = 'open' and c.voided_at is null and c.org_id in (select id from orgs where path like ${rootPath + '%'})
        and not exists (select 1 from found f where f.kind = c.kind and f.id = c.inspection_id)
      returning c.kind
    )
    select
      (select count(*) from found where kind = 'repeat')::int as found_repeat,
      (select count(*) from found where kind = 'multiAgency')::int as found_multi,
      (select count(*) from inserted where kind = 'repeat')::int as new_repeat,
      (select count(*) from inserted where kind = 'multiAgency')::int as new_multi,
      (select count(*) from lapsed)::int as lapsed`;
}

/**
 * Runs the detection statement in the caller's transaction. The window sorts over a county's inspections
 * get room in memory (work_mem, this transaction only) instead of spilling to disk.
 */
export async function runDetection(tx: Tx, rootPath: string, windowDays: number, repeatAllowed: number) {
  await tx.execute(sql`set local work_mem = '128MB'`);
  const [r] = rowsOf<{ found_repeat: number; found_multi: number; new_repeat: number; new_multi: number; lapsed: number }>(await tx.execute(detectCluesSql(rootPath, windowDays, repeatAllowed)));
  return r;
}

export interface DetectionResult {
  windowDays: number;
  repeatAllowed: number;
  found: { repeat: number; multiAgency: number };
  added: { repeat: number; multiAgency: number };
  lapsed: number;
  cite: string;
}

export async function detectClues(db: Db, auth: AuthContext): Promise<DetectionResult> {
  const rules = await getRules(db);
  return db.transaction(async (tx) => {
    // One detection at a time per county (PostgreSQL; PGlite is single-connection).
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${'enforcement.clues:' + auth.rootPath}))`);
    const r = await runDetection(tx, auth.rootPath, rules.inspectionWindowDays, rules.repeatAllowed);
    const result: DetectionResult = {
      windowDays: rules.inspectionWindowDays, repeatAllowed: rules.repeatAllowed,
      found: { repeat: Number(r.found_repeat), multiAgency: Number(r.found_multi) },
      added: { repeat: Number(r.new_repeat), multiAgency: Number(r.new_multi) },
      lapsed: Number(r.lapsed), cite: INSPECTION_CITE,
    };
    await recordAudit(tx, auth.actor, { action: 'enforcement.clues.detect', entityType: ENTITY.clue, entityId: null, summary: `检查线索筛查（窗口${rules.inspectionWindowDays}日）：新增重复检查${result.added.repeat}条、多头检查${result.added.multiAgency}条`, after: result });
    return result;
  });
}

export const clueListFilter = z.object({
  kind: z.enum(Object.keys(clueKinds) as [ClueKind]).optional(),
  status: z.enum([...Object.keys(clueStatuses), 'lapsed'] as [string]).optional(),
  q: z.string().trim().max(100).optional(),
  ...pageInput,
});

const clueStatusLabel = (s: string) => (s === 'lapsed' ? '已失效' : clueStatuses[s as ClueStatus] ?? s);

/** The clue list (scoped) — the statement `npm run bench -- --scenario enforcement` times. */
export function clueListQueries(db: DbOrTx, auth: AuthContext, raw: z.input<typeof clueListFilter>) {
  const f = clueListFilter.parse(raw);
  const t = enforcementClues;
  const like = f.q ? `%${f.q.replace(/[%_\\]/g, (m) => '\\' + m)}%` : null;
  const cond = and(isNull(t.voidedAt), scopeOf(auth, t), f.kind ? eq(t.kind, f.kind) : undefined, f.status ? eq(t.status, f.status) : sql`${t.status} <> 'lapsed'`, like ? or(ilike(t.enterpriseName, like), ilike(t.enterpriseCreditCode, like)) : undefined);
  return {
    f,
    count: db.select({ total: sql<number>`count(*)::int` }).from(t).where(cond),
    page: db.select().from(t).where(cond).orderBy(desc(t.inspectionDate), asc(t.id)).limit(f.pageSize).offset((f.page - 1) * f.pageSize),
  };
}

export async function listClues(db: DbOrTx, auth: AuthContext, raw: z.input<typeof clueListFilter>) {
  const { f, count, page } = clueListQueries(db, auth, raw);
  const [{ total }] = await count;
  const rows = await page;
  const orgIds = [...new Set(rows.flatMap((r) => r.agencyOrgIds))];
  const names = new Map(orgIds.length ? (await db.select({ id: orgs.id, name: orgs.name }).from(orgs).where(inArray(orgs.id, orgIds))).map((o) => [o.id, o.name]) : []);
  const priorIds = rows.map((r) => r.priorInspectionId).filter((x): x is string => !!x);
  const prior = new Map(priorIds.length ? (await db.select({ id: enforcementInspections.id, d: enforcementInspections.inspectionDate, matter: enforcementInspections.matter }).from(enforcementInspections).where(inArray(enforcementInspections.id, priorIds))).map((p) => [p.id, p]) : []);
  return {
    total: Number(total), page: f.page, pageSize: f.pageSize,
    items: rows.map((r) => ({
      ...r, kindLabel: clueKinds[r.kind as ClueKind] ?? r.kind, statusLabel: clueStatusLabel(r.status), agencyNames: r.agencyOrgIds.map((id) => names.get(id) ?? id),
      priorDate: r.priorInspectionId ? prior.get(r.priorInspectionId)?.d ?? null : null, priorMatter: r.priorInspectionId ? prior.get(r.priorInspectionId)?.matter ?? null : null,
    })),
  };
}

export const clueDecisionInput = z.object({ version: z.number().int().optional(), note: z.string().trim().max(1000).default('') });

/** 确认 or 排除 an open clue (执法监督科). Dismissal needs a reason. */
export async function decideClue(db: Db, auth: AuthContext, id: string, decision: 'confirmed' | 'dismissed', raw: z.input<typeof clueDecisionInput>, today = todayInChina()) {
  const v = clueDecisionInput.parse(raw);
  if (decision === 'dismissed' && v.note.length < 2) throw invalid('排除线索请写明理由', { fields: [{ path: 'note', message: '请写明排除理由' }] });
  return db.transaction(async (tx) => {
    const clue = await rowInScope(tx, auth, enforcementClues, id, '检查线索', PERM.supervise);
    checkVersion(clue, v.version);
    if (clue.status !== 'open') throw new AppError('ENFORCEMENT_CLUE_DECIDED', `该线索已${clueStatusLabel(clue.status)}，不能重复处理`, 409);
    const [row] = await tx.update(enforcementClues).set({ status: decision, decidedBy: auth.user.id, decidedDate: today, decisionNote: v.note || null, version: clue.version + 1, updatedAt: new Date() }).where(eq(enforcementClues.id, id)).returning();
    await recordAudit(tx, auth.actor, { action: `enforcement.clue.${decision}`, entityType: ENTITY.clue, entityId: id, summary: `${decision === 'confirmed' ? '确认' : '排除'}${clueKinds[clue.kind as ClueKind]}线索：${clue.enterpriseName}（${clue.inspectionDate}）`, before: { status: clue.status }, after: { status: decision, note: v.note } });
    return row;
  });
}
