/**
 * 人民调解 use cases. Each write is one transaction: the case row, the workflow step (state, history, deadlines,
 * 调解协议书 number) and the audit entry commit together. The handling committee is the case's org: dispatch and
 * 分级递进 move the case — and its workflow instance — so data scope follows the committee that has the case.
 */
import crypto from 'node:crypto';
import { and, asc, desc, eq, ilike, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { rowsOf, type Db, type DbOrTx, type Tx } from '../../platform/db/client';
import { AppError, conflict, forbidden, invalid, notFound } from '../../platform/errors';
import { recordAudit, type Actor } from '../../platform/audit/service';
import type { AuthContext } from '../../platform/auth/context';
import { orgInScope, scopeCondition } from '../../platform/auth/scope';
import { protectPii, sm3 } from '../../platform/crypto/sm';
import { orgs } from '../../platform/orgs/schema';
import { createOrg, getOrg, type Org } from '../../platform/orgs/service';
import { getSetting, putSetting } from '../../platform/settings/service';
import { todayInChina } from '../../platform/calendar/service';
import { fireTransition, getWarningPolicy, instanceHistory, instanceInScope, instanceView, lightOf, startInstance, voidInstance } from '../../platform/workflow/engine';
import { wfDeadlines, wfInstances } from '../../platform/workflow/schema';
import { instrumentDocx, instrumentFileName, listInstruments } from '../../platform/instruments/service';
import { instruments } from '../../platform/instruments/schema';
import { isoDate } from '../../platform/http/schemas';
import { mediationCases, mediationCommittees, mediationCourtStats, mediationMediators, mediationScreenings, mediationSequences, mediationSessions } from './schema';
import {
  agreementTypes,
  caseStatuses,
  committeeLevels,
  confirmationStatuses,
  disputeTypes,
  escalationTarget,
  genders,
  label,
  mediatorKinds,
  outcomes,
  performances,
  sources,
  type CommitteeLevel,
} from './terms';
import { MEDIATION_COURT, MEDIATION_MANAGE, MEDIATION_READ, MEDIATION_REGISTRY, confirmationWorkflow, mediationWorkflow } from './workflow';

export type MediationCase = typeof mediationCases.$inferSelect;
export type Committee = typeof mediationCommittees.$inferSelect;
export type Mediator = typeof mediationMediators.$inferSelect;

const keys = <T extends Record<string, unknown>>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];
const optText = (max = 4000) => z.string().trim().max(max).optional();
const reqText = (what: string, max = 4000) => z.string().trim().min(1, `请填写${what}`).max(max);
const like = (q: string) => `%${q.replace(/[%_\\]/g, (m) => '\\' + m)}%`;

export function parseOrThrow<T extends z.ZodType>(schema: T, input: unknown, what: string): z.infer<T> {
  const r = schema.safeParse(input);
  if (!r.success) {
    const fields = r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    throw invalid(`${what}有误：` + fields.map((f) => (f.path && !/^请/.test(f.message) ? `${f.path} ${f.message}` : f.message)).join('；'), { fields });
  }
  return r.data;
}

// ── settings ─────────────────────────────────────────────────────────────────────────────────────────────

export interface MediationSettings {
  /** 超时预警: days a committee has from 受理 (local rule, default 30; DOMAIN.md §5). */
  termDays: number;
}
const SETTINGS_KEY = 'mediation.settings';
export const defaultSettings: MediationSettings = { termDays: 30 };
export const getMediationSettings = (db: DbOrTx) => getSetting(db, SETTINGS_KEY, defaultSettings);

export async function putMediationSettings(db: Db, auth: AuthContext, input: MediationSettings) {
  if (!auth.permissions.has(MEDIATION_REGISTRY)) throw forbidden();
  return db.transaction(async (tx) => {
    const before = await getMediationSettings(tx);
    await putSetting(tx, SETTINGS_KEY, input, auth.user.id);
    await recordAudit(tx, auth.actor, { action: 'mediation.settings', entityType: 'setting', summary: `修改人民调解设置：调解期限 ${input.termDays} 日`, before, after: input });
    return input;
  });
}

// ── committees ───────────────────────────────────────────────────────────────────────────────────────────

export const committeeInput = z.object({
  name: reqText('调解委员会名称', 100),
  level: z.enum(keys(committeeLevels), { message: '请选择调解委员会类型' }),
  industry: z.enum(keys(disputeTypes)).optional().nullable(),
  townshipCode: z.string().regex(/^\d{9}$/, '乡镇（街道）行政区划代码应为9位数字').optional().nullable(),
  villageOrgId: z.uuid().optional().nullable(),
  directorName: optText(50),
  phone: optText(30),
  address: optText(200),
  establishedDate: isoDate.optional().nullable(),
  acceptsCourtReferrals: z.boolean().optional(),
});
export type CommitteeInput = z.infer<typeof committeeInput>;

/** The org a new committee sits under: its township's 司法所 for 村/乡镇 committees, the 司法局 otherwise. */
async function committeeParent(db: DbOrTx, rootPath: string, level: CommitteeLevel, townshipCode: string | null | undefined): Promise<Org> {
  if (level === 'village' || level === 'township') {
    if (!townshipCode) throw invalid('村（社区）和乡镇（街道）调解委员会须选择所在乡镇（街道）', { fields: [{ path: 'townshipCode', message: '请选择乡镇（街道）' }] });
    const [o] = await db.select().from(orgs).where(and(eq(orgs.type, 'justiceOffice'), eq(orgs.regionCode, townshipCode), sql`${orgs.path} like ${rootPath + '%'}`, isNull(orgs.voidedAt))).limit(1);
    if (!o) throw invalid('该乡镇（街道）没有司法所，无法登记调解委员会', { fields: [{ path: 'townshipCode', message: '未找到司法所' }] });
    return o;
  }
  const [b] = await db.select().from(orgs).where(and(eq(orgs.type, 'justiceBureau'), sql`${orgs.path} like ${rootPath + '%'}`, isNull(orgs.voidedAt))).orderBy(asc(orgs.path)).limit(1);
  if (!b) throw invalid('未找到司法局');
  return b;
}

/** Creates the committee's org (type mediationCommittee) and its profile, in one transaction. */
export async function createCommittee(db: Db, auth: AuthContext, input: unknown, actor: Actor = auth.actor) {
  const d = parseOrThrow(committeeInput, input, '调解委员会信息');
  if (d.level === 'industry' && !d.industry) throw invalid('行业性专业性调解委员会须选择专业领域', { fields: [{ path: 'industry', message: '请选择专业领域' }] });
  return db.transaction(async (tx) => {
    const parent = await committeeParent(tx, auth.rootPath, d.level, d.townshipCode);
    if (!auth.permissions.has(MEDIATION_REGISTRY) || !orgInScope(auth, MEDIATION_REGISTRY, parent)) throw forbidden('无权在该司法所（司法局）下登记调解委员会');
    let regionCode = d.townshipCode ?? parent.regionCode;
    if (d.villageOrgId) {
      const v = await getOrg(tx, d.villageOrgId);
      if (!v || v.type !== 'village' || !v.regionCode.startsWith(d.townshipCode ?? '#')) throw invalid('所选村（社区）不在该乡镇（街道）', { fields: [{ path: 'villageOrgId', message: '村（社区）有误' }] });
      regionCode = v.regionCode;
    }
    const shortName = d.name.replace(/(人民)?调解委员会$/, '').replace(/^武义县/, '') || d.name;
    const org = await createOrg(tx as unknown as Db, actor, { name: d.name, type: 'mediationCommittee', regionCode, parentId: parent.id, shortName, address: d.address ?? null });
    const [row] = await tx
      .insert(mediationCommittees)
      .values({
        orgId: org.id,
        regionCode,
        createdBy: actor.id,
        level: d.level,
        industry: d.industry ?? null,
        townshipCode: d.townshipCode ?? null,
        villageOrgId: d.villageOrgId ?? null,
        directorName: d.directorName ?? null,
        phone: d.phone ?? null,
        address: d.address ?? null,
        establishedDate: d.establishedDate ?? null,
        acceptsCourtReferrals: d.acceptsCourtReferrals ?? d.level !== 'village',
      })
      .returning();
    await recordAudit(tx, actor, { action: 'mediation.committee.create', entityType: 'mediationCommittee', entityId: row.id, summary: `登记调解委员会 ${d.name}（${committeeLevels[d.level]}）`, after: row });
    return { ...row, name: org.name };
  });
}

export const committeeListQuery = z.object({
  q: z.string().trim().max(100).optional(),
  level: z.enum(keys(committeeLevels)).optional(),
  townshipCode: z.string().max(12).optional(),
  courtReferrals: z.enum(['true', 'false']).optional(),
});

/** Committees in the caller's scope, with their workload: mediators, open cases, cases this year. */
export async function listCommittees(db: DbOrTx, auth: AuthContext, f: z.infer<typeof committeeListQuery>, page = 1, pageSize = 50) {
  const c = mediationCommittees;
  const year = todayInChina().slice(0, 4);
  const where = and(
    isNull(c.voidedAt),
    scopeCondition(auth, MEDIATION_READ, { orgId: c.orgId }),
    f.level ? eq(c.level, f.level) : undefined,
    f.townshipCode ? eq(c.townshipCode, f.townshipCode) : undefined,
    f.courtReferrals ? eq(c.acceptsCourtReferrals, f.courtReferrals === 'true') : undefined,
    f.q ? ilike(orgs.name, like(f.q)) : undefined,
  )!;
  const [{ total }] = await db.select({ total: sql<number>`count(*)::int` }).from(c).innerJoin(orgs, eq(orgs.id, c.orgId)).where(where);
  const rows = await db
    .select({
      c,
      name: orgs.name,
      parentName: sql<string | null>`(select p.name from orgs p where p.id = ${orgs.parentId})`,
      mediators: sql<number>`(select count(*)::int from mediation_mediators m where m.org_id = ${c.orgId} and m.voided_at is null and m.status = 'active')`,
      openCases: sql<number>`(select count(*)::int from mediation_cases x where x.org_id = ${c.orgId} and x.voided_at is null and x.status = 'open')`,
      yearCases: sql<number>`(select count(*)::int from mediation_cases x where x.org_id = ${c.orgId} and x.voided_at is null and x.registered_date >= ${year + '-01-01'})`,
      yearSuccess: sql<number>`(select count(*)::int from mediation_cases x where x.org_id = ${c.orgId} and x.voided_at is null and x.outcome = 'success' and x.closed_date >= ${year + '-01-01'})`,
    })
    .from(c)
    .innerJoin(orgs, eq(orgs.id, c.orgId))
    .where(where)
    .orderBy(asc(c.townshipCode), asc(c.level), asc(orgs.name))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  return {
    items: rows.map((r) => ({
      id: r.c.id,
      orgId: r.c.orgId,
      name: r.name,
      parentName: r.parentName,
      level: r.c.level,
      levelLabel: label(committeeLevels, r.c.level)!,
      industry: r.c.industry,
      industryLabel: label(disputeTypes, r.c.industry),
      townshipCode: r.c.townshipCode,
      directorName: r.c.directorName,
      phone: r.c.phone,
      address: r.c.address,
      establishedDate: r.c.establishedDate,
      acceptsCourtReferrals: r.c.acceptsCourtReferrals,
      mediators: Number(r.mediators),
      openCases: Number(r.openCases),
      yearCases: Number(r.yearCases),
      yearSuccess: Number(r.yearSuccess),
    })),
    total: Number(total),
    page,
    pageSize,
  };
}

/** Every committee of the caller's county (names are public), with whether the caller may manage its cases. */
export async function committeeOptions(db: DbOrTx, auth: AuthContext) {
  const rows = await db
    .select({ c: mediationCommittees, org: orgs })
    .from(mediationCommittees)
    .innerJoin(orgs, eq(orgs.id, mediationCommittees.orgId))
    .where(and(isNull(mediationCommittees.voidedAt), sql`${orgs.path} like ${auth.rootPath + '%'}`))
    .orderBy(asc(mediationCommittees.townshipCode), asc(mediationCommittees.level), asc(orgs.sort));
  return rows.map((r) => ({
    orgId: r.org.id,
    name: r.org.name,
    level: r.c.level,
    industry: r.c.industry,
    townshipCode: r.c.townshipCode,
    acceptsCourtReferrals: r.c.acceptsCourtReferrals,
    manageable: auth.permissions.has(MEDIATION_MANAGE) && orgInScope(auth, MEDIATION_MANAGE, r.org),
  }));
}

/** A committee by its org id (live), or null. */
export async function committeeOf(db: DbOrTx, orgId: string) {
  const rows = await db.select({ c: mediationCommittees, org: orgs }).from(mediationCommittees).innerJoin(orgs, eq(orgs.id, mediationCommittees.orgId)).where(and(eq(mediationCommittees.orgId, orgId), isNull(mediationCommittees.voidedAt)));
  return rows[0] ?? null;
}

async function committeeAt(db: DbOrTx, rootPath: string, level: CommitteeLevel, townshipCode: string | null) {
  const rows = await db
    .select({ c: mediationCommittees, org: orgs })
    .from(mediationCommittees)
    .innerJoin(orgs, eq(orgs.id, mediationCommittees.orgId))
    .where(and(eq(mediationCommittees.level, level), isNull(mediationCommittees.voidedAt), sql`${orgs.path} like ${rootPath + '%'}`, level === 'township' ? eq(mediationCommittees.townshipCode, townshipCode ?? '#') : undefined))
    .orderBy(asc(orgs.sort))
    .limit(1);
  return rows[0] ?? null;
}

// ── mediators & 专家库 ────────────────────────────────────────────────────────────────────────────────────

export const mediatorInput = z.object({
  committeeOrgId: z.uuid({ message: '请选择调解委员会' }),
  name: reqText('姓名', 50),
  gender: z.enum(keys(genders)).optional().nullable(),
  kind: z.enum(keys(mediatorKinds), { message: '请选择专职或兼职' }),
  specialties: z.array(z.enum(keys(disputeTypes))).max(15).default([]),
  phone: z.string().trim().regex(/^1\d{10}$|^0\d{2,3}-?\d{7,8}$/, '电话号码格式不正确').optional().nullable(),
  userId: z.uuid().optional().nullable(),
  isExpert: z.boolean().default(false),
  expertField: optText(100),
  title: optText(100),
});

export async function createMediator(db: Db, auth: AuthContext, input: unknown) {
  const d = parseOrThrow(mediatorInput, input, '调解员信息');
  return db.transaction(async (tx) => {
    const cm = await committeeOf(tx, d.committeeOrgId);
    if (!cm) throw invalid('调解委员会不存在', { fields: [{ path: 'committeeOrgId', message: '请选择调解委员会' }] });
    if (!auth.permissions.has(MEDIATION_REGISTRY) || !orgInScope(auth, MEDIATION_REGISTRY, cm.org)) throw forbidden('无权为该调解委员会登记调解员');
    if (d.isExpert && !d.expertField) throw invalid('入选专家库的，请填写专家领域', { fields: [{ path: 'expertField', message: '请填写专家领域' }] });
    const phone = protectPii(d.phone);
    const [row] = await tx
      .insert(mediationMediators)
      .values({ orgId: cm.org.id, regionCode: cm.org.regionCode, createdBy: auth.user.id, name: d.name, gender: d.gender ?? null, kind: d.kind, specialties: d.specialties, phoneEnc: phone.enc, phoneMasked: phone.masked, userId: d.userId ?? null, isExpert: d.isExpert, expertField: d.expertField ?? null, title: d.title ?? null })
      .returning();
    await recordAudit(tx, auth.actor, { action: 'mediation.mediator.create', entityType: 'mediationMediator', entityId: row.id, summary: `登记调解员 ${d.name}（${cm.org.name}，${mediatorKinds[d.kind]}）`, after: { ...row, phoneEnc: undefined } });
    return row;
  });
}

export const mediatorUpdate = z.object({ version: z.number().int(), status: z.enum(['active', 'inactive']).optional(), specialties: z.array(z.enum(keys(disputeTypes))).max(15).optional(), isExpert: z.boolean().optional(), expertField: optText(100), kind: z.enum(keys(mediatorKinds)).optional() });

export async function updateMediator(db: Db, auth: AuthContext, id: string, input: unknown) {
  const d = parseOrThrow(mediatorUpdate, input, '调解员信息');
  return db.transaction(async (tx) => {
    const rows = await tx.select({ m: mediationMediators, path: orgs.path }).from(mediationMediators).innerJoin(orgs, eq(orgs.id, mediationMediators.orgId)).where(and(eq(mediationMediators.id, id), isNull(mediationMediators.voidedAt)));
    const r = rows[0];
    if (!r || !orgInScope(auth, MEDIATION_READ, { id: r.m.orgId, path: r.path })) throw notFound('调解员');
    if (!auth.permissions.has(MEDIATION_REGISTRY) || !orgInScope(auth, MEDIATION_REGISTRY, { id: r.m.orgId, path: r.path })) throw forbidden();
    if (r.m.version !== d.version) throw conflict();
    const [after] = await tx
      .update(mediationMediators)
      .set({ status: d.status ?? r.m.status, specialties: d.specialties ?? r.m.specialties, isExpert: d.isExpert ?? r.m.isExpert, expertField: d.expertField ?? r.m.expertField, kind: d.kind ?? r.m.kind, version: r.m.version + 1, updatedAt: new Date() })
      .where(and(eq(mediationMediators.id, id), eq(mediationMediators.version, d.version)))
      .returning();
    if (!after) throw conflict();
    await recordAudit(tx, auth.actor, { action: 'mediation.mediator.update', entityType: 'mediationMediator', entityId: id, summary: `修改调解员 ${r.m.name}`, before: { ...r.m, phoneEnc: undefined }, after: { ...after, phoneEnc: undefined } });
    return after;
  });
}

export const mediatorListQuery = z.object({
  q: z.string().trim().max(50).optional(),
  committeeOrgId: z.uuid().optional(),
  kind: z.enum(keys(mediatorKinds)).optional(),
  specialty: z.enum(keys(disputeTypes)).optional(),
  expert: z.enum(['true', 'false']).optional(),
  status: z.enum(['active', 'inactive']).optional(),
});

/** Mediators (or the 专家库 with expert=true) in the caller's scope, with their current load. */
export async function listMediators(db: DbOrTx, auth: AuthContext, f: z.infer<typeof mediatorListQuery>, page = 1, pageSize = 50) {
  const m = mediationMediators;
  const year = todayInChina().slice(0, 4);
  const where = and(
    isNull(m.voidedAt),
    scopeCondition(auth, MEDIATION_READ, { orgId: m.orgId }),
    f.q ? ilike(m.name, like(f.q)) : undefined,
    f.committeeOrgId ? eq(m.orgId, f.committeeOrgId) : undefined,
    f.kind ? eq(m.kind, f.kind) : undefined,
    f.specialty ? sql`${m.specialties} @> ${JSON.stringify([f.specialty])}::jsonb` : undefined,
    f.expert ? eq(m.isExpert, f.expert === 'true') : undefined,
    f.status ? eq(m.status, f.status) : undefined,
  )!;
  const [{ total }] = await db.select({ total: sql<number>`count(*)::int` }).from(m).where(where);
  const rows = await db
    .select({
      m,
      committeeName: orgs.name,
      openCases: sql<number>`(select count(*)::int from mediation_cases x where x.mediator_id = ${m.id} and x.voided_at is null and x.status = 'open')`,
      yearCases: sql<number>`(select count(*)::int from mediation_cases x where x.mediator_id = ${m.id} and x.voided_at is null and x.registered_date >= ${year + '-01-01'})`,
    })
    .from(m)
    .innerJoin(orgs, eq(orgs.id, m.orgId))
    .where(where)
    .orderBy(asc(orgs.name), asc(m.name))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  return {
    items: rows.map((r) => ({
      id: r.m.id,
      version: r.m.version,
      committeeOrgId: r.m.orgId,
      committeeName: r.committeeName,
      name: r.m.name,
      gender: r.m.gender,
      kind: r.m.kind,
      kindLabel: label(mediatorKinds, r.m.kind)!,
      specialties: r.m.specialties,
      specialtyLabels: r.m.specialties.map((s) => label(disputeTypes, s)!),
      phoneMasked: r.m.phoneMasked,
      isExpert: r.m.isExpert,
      expertField: r.m.expertField,
      title: r.m.title,
      status: r.m.status,
      userId: r.m.userId,
      openCases: Number(r.openCases),
      yearCases: Number(r.yearCases),
    })),
    total: Number(total),
    page,
    pageSize,
  };
}

// ── dispatch suggestion ──────────────────────────────────────────────────────────────────────────────────

export interface DispatchSuggestion {
  committeeOrgId: string;
  committeeName: string;
  level: string;
  mediatorId: string | null;
  mediatorName: string | null;
  openCases: number;
  score: number;
  reasons: string[];
}

/**
 * 分派建议: committees that may take the case (the handling one and those below it in the caller's scope, plus the
 * county's 行业性专业性 committee for the dispute type) and their active mediators, ranked by
 * 专长 (dispute type) + 地域 (same village / township) − 负荷 (open cases). Weights are stated in `reasons`.
 */
export async function suggestDispatch(db: DbOrTx, auth: AuthContext, caseId: string, limit = 8): Promise<DispatchSuggestion[]> {
  const { c } = await loadCase(db, auth, caseId);
  const rows = rowsOf<{ org_id: string; name: string; level: string; industry: string | null; township_code: string | null; region_code: string; mediator_id: string | null; mediator_name: string | null; specialties: string[] | null; committee_open: number; mediator_open: number | null }>(
    await db.execute(sql`
      select cm.org_id, o.name, cm.level, cm.industry, cm.township_code, o.region_code,
        m.id as mediator_id, m.name as mediator_name, m.specialties,
        (select count(*)::int from mediation_cases x where x.org_id = cm.org_id and x.status = 'open' and x.voided_at is null) as committee_open,
        (select count(*)::int from mediation_cases x where x.mediator_id = m.id and x.status = 'open' and x.voided_at is null) as mediator_open
      from mediation_committees cm
      join orgs o on o.id = cm.org_id
      left join mediation_mediators m on m.org_id = cm.org_id and m.voided_at is null and m.status = 'active'
      where cm.voided_at is null and o.voided_at is null and o.path like ${auth.rootPath + '%'}
        and (cm.township_code = ${c.townshipCode ?? '#'} or cm.org_id = ${c.orgId} or (cm.level = 'industry' and cm.industry = ${c.disputeType}))`),
  );
  const out: DispatchSuggestion[] = [];
  for (const r of rows) {
    const reasons: string[] = [];
    let score = 0;
    if (r.level === 'industry') {
      score += 40;
      reasons.push(`行业性专业性调委会（${label(disputeTypes, r.industry)}）+40`);
    }
    if (r.specialties?.includes(c.disputeType)) {
      score += 30;
      reasons.push(`调解员擅长${label(disputeTypes, c.disputeType)} +30`);
    }
    const villageCode = c.villageOrgId ? (await getOrg(db, c.villageOrgId))?.regionCode : null;
    if (villageCode && r.region_code === villageCode) {
      score += 25;
      reasons.push('纠纷发生地所在村（社区）+25');
    } else if (r.township_code && r.township_code === c.townshipCode) {
      score += r.level === 'township' ? 15 : 5;
      reasons.push(`同一乡镇（街道）+${r.level === 'township' ? 15 : 5}`);
    }
    const load = r.mediator_id ? Number(r.mediator_open ?? 0) : Number(r.committee_open);
    score -= load * 3;
    reasons.push(`${r.mediator_id ? '调解员' : '调委会'}在办 ${load} 件 −${load * 3}`);
    out.push({ committeeOrgId: r.org_id, committeeName: r.name, level: r.level, mediatorId: r.mediator_id, mediatorName: r.mediator_name, openCases: load, score, reasons });
  }
  return out.sort((a, b) => b.score - a.score || a.openCases - b.openCases || a.committeeName.localeCompare(b.committeeName)).slice(0, limit);
}

// ── cases: reading ───────────────────────────────────────────────────────────────────────────────────────

/** A case the caller may read (its committee in their scope, or — for a court liaison — referred by their court); 404 otherwise. */
export async function loadCase(db: DbOrTx, auth: AuthContext, id: string, permission = MEDIATION_READ) {
  const rows = await db
    .select({ c: mediationCases, orgPath: orgs.path, orgName: orgs.name })
    .from(mediationCases)
    .innerJoin(orgs, eq(orgs.id, mediationCases.orgId))
    .where(and(eq(mediationCases.id, id), isNull(mediationCases.voidedAt)));
  const r = rows[0];
  if (!r || !orgInScope(auth, MEDIATION_READ, { id: r.c.orgId, path: r.orgPath }, r.c.createdBy)) throw notFound('调解案件');
  if (permission !== MEDIATION_READ && (!auth.permissions.has(permission) || !orgInScope(auth, permission, { id: r.c.orgId, path: r.orgPath }, r.c.createdBy))) throw forbidden('无权办理该调解案件');
  return r;
}

export const listQuery = z.object({
  q: z.string().trim().max(100).optional().describe('编号、当事人或纠纷简况'),
  source: z.enum(keys(sources)).optional(),
  disputeType: z.enum(keys(disputeTypes)).optional(),
  status: z.enum(keys(caseStatuses)).optional(),
  state: z.string().max(32).optional(),
  outcome: z.enum(keys(outcomes)).optional(),
  level: z.enum(keys(committeeLevels)).optional(),
  committeeOrgId: z.uuid().optional(),
  townshipCode: z.string().max(12).optional(),
  mediatorId: z.uuid().optional(),
  registeredFrom: isoDate.optional(),
  registeredTo: isoDate.optional(),
  closedFrom: isoDate.optional(),
  closedTo: isoDate.optional(),
  overdue: z.enum(['true', 'false']).optional(),
  confirmation: z.enum(keys(confirmationStatuses)).optional(),
  court: z.enum(['true']).optional().describe('true：仅法院委派的'),
});
export type ListQuery = z.infer<typeof listQuery>;

function listWhere(auth: AuthContext, f: ListQuery, scope: SQL): SQL {
  const c = mediationCases;
  const conds: (SQL | undefined)[] = [isNull(c.voidedAt), scope];
  if (f.q) conds.push(or(ilike(c.caseNumber, like(f.q)), ilike(c.applicantName, like(f.q)), ilike(c.respondentName, like(f.q)), ilike(c.summary, like(f.q)), ilike(c.courtCaseNumber, like(f.q))));
  if (f.source) conds.push(eq(c.source, f.source));
  if (f.disputeType) conds.push(eq(c.disputeType, f.disputeType));
  if (f.status) conds.push(eq(c.status, f.status));
  if (f.state) conds.push(sql`${c.instanceId} in (select id from wf_instances where state = ${f.state})`);
  if (f.outcome) conds.push(eq(c.outcome, f.outcome));
  if (f.level) conds.push(eq(c.level, f.level));
  if (f.committeeOrgId) conds.push(eq(c.orgId, f.committeeOrgId));
  if (f.townshipCode) conds.push(eq(c.townshipCode, f.townshipCode));
  if (f.mediatorId) conds.push(eq(c.mediatorId, f.mediatorId));
  if (f.registeredFrom) conds.push(sql`${c.registeredDate} >= ${f.registeredFrom}`);
  if (f.registeredTo) conds.push(sql`${c.registeredDate} <= ${f.registeredTo}`);
  if (f.closedFrom) conds.push(sql`${c.closedDate} >= ${f.closedFrom}`);
  if (f.closedTo) conds.push(sql`${c.closedDate} <= ${f.closedTo}`);
  if (f.confirmation) conds.push(eq(c.confirmationStatus, f.confirmation));
  if (f.court) conds.push(sql`${c.courtOrgId} is not null`);
  const overdue = sql`exists (select 1 from wf_deadlines d where d.instance_id in (${c.instanceId}, ${c.confirmationInstanceId}) and d.status = 'open' and d.due_date < ${todayInChina()})`;
  if (f.overdue === 'true') conds.push(overdue);
  if (f.overdue === 'false') conds.push(sql`not ${overdue}`);
  return and(...conds)!;
}

const staffScope = (auth: AuthContext) => scopeCondition(auth, MEDIATION_READ, { orgId: mediationCases.orgId, createdBy: mediationCases.createdBy });
/** A court liaison sees the cases their court referred (its org in their MEDIATION_COURT scope). */
const courtScope = (auth: AuthContext) => and(sql`${mediationCases.courtOrgId} is not null`, scopeCondition(auth, MEDIATION_COURT, { orgId: mediationCases.courtOrgId }))!;

export interface CaseListItem {
  id: string;
  caseNumber: string;
  source: string;
  sourceLabel: string;
  disputeType: string;
  disputeTypeLabel: string;
  summary: string;
  applicantName: string;
  applicantPhoneMasked: string | null;
  respondentName: string;
  orgName: string;
  level: string;
  levelLabel: string;
  mediatorNames: string | null;
  state: string | null;
  stateLabel: string;
  status: string;
  registeredDate: string;
  acceptedDate: string | null;
  closedDate: string | null;
  outcome: string | null;
  outcomeLabel: string | null;
  agreementType: string | null;
  courtName: string | null;
  courtCaseNumber: string | null;
  referralDate: string | null;
  confirmationStatus: string;
  confirmationLabel: string;
  escalations: number;
  deadline: { label: string; dueDate: string; light: 'green' | 'yellow' | 'red'; cite: string; provisional: boolean } | null;
  entry: string;
}

async function listWith(db: DbOrTx, where: SQL, page: number, pageSize: number): Promise<{ items: CaseListItem[]; total: number; page: number; pageSize: number }> {
  const c = mediationCases;
  const [{ total }] = rowsOf<{ total: number }>(await db.execute(sql`select count(*)::int as total from mediation_cases where ${where}`));
  const rows = await db
    .select({ c, orgName: orgs.name, state: wfInstances.state, courtName: sql<string | null>`(select o2.name from orgs o2 where o2.id = ${c.courtOrgId})` })
    .from(c)
    .innerJoin(orgs, eq(orgs.id, c.orgId))
    .leftJoin(wfInstances, eq(wfInstances.id, c.instanceId))
    .where(where)
    .orderBy(desc(c.registeredDate), desc(c.createdAt))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const deadlines = await nextDeadlines(db, rows.flatMap((r) => [r.c.instanceId, r.c.confirmationInstanceId]).filter((x): x is string => !!x));
  const items = rows.map((r): CaseListItem => ({
    id: r.c.id,
    caseNumber: r.c.caseNumber,
    source: r.c.source,
    sourceLabel: label(sources, r.c.source)!,
    disputeType: r.c.disputeType,
    disputeTypeLabel: label(disputeTypes, r.c.disputeType)!,
    summary: r.c.summary,
    applicantName: r.c.applicantName,
    applicantPhoneMasked: r.c.applicantPhoneMasked,
    respondentName: r.c.respondentName,
    orgName: r.orgName,
    level: r.c.level,
    levelLabel: label(committeeLevels, r.c.level)!,
    mediatorNames: r.c.mediatorNames,
    state: r.state ?? null,
    stateLabel: r.state ? (mediationWorkflow.states[r.state]?.label ?? r.state) : r.c.outcome ? label(outcomes, r.c.outcome)! : label(caseStatuses, r.c.status)!,
    status: r.c.status,
    registeredDate: r.c.registeredDate,
    acceptedDate: r.c.acceptedDate,
    closedDate: r.c.closedDate,
    outcome: r.c.outcome,
    outcomeLabel: label(outcomes, r.c.outcome),
    agreementType: r.c.agreementType,
    courtName: r.courtName,
    courtCaseNumber: r.c.courtCaseNumber,
    referralDate: r.c.referralDate,
    confirmationStatus: r.c.confirmationStatus,
    confirmationLabel: label(confirmationStatuses, r.c.confirmationStatus)!,
    escalations: r.c.escalations,
    deadline: (r.c.instanceId && deadlines.get(r.c.instanceId)) || (r.c.confirmationInstanceId && deadlines.get(r.c.confirmationInstanceId)) || null,
    entry: r.c.entry,
  }));
  return { items, total: Number(total), page, pageSize };
}

/** The list (and export) query: one page of the cases the caller may see, newest first. */
export const listCases = (db: DbOrTx, auth: AuthContext, f: ListQuery, page = 1, pageSize = 20) => listWith(db, listWhere(auth, f, staffScope(auth)), page, pageSize);

/** A court liaison's referrals (法院委派 诉前调解) with their progress and results. */
export const listReferrals = (db: DbOrTx, auth: AuthContext, f: ListQuery, page = 1, pageSize = 20) => listWith(db, listWhere(auth, f, courtScope(auth)), page, pageSize);

/** The most urgent open deadline of each instance, with its light. */
async function nextDeadlines(db: DbOrTx, instanceIds: string[]) {
  const out = new Map<string, NonNullable<CaseListItem['deadline']>>();
  if (!instanceIds.length) return out;
  const policy = await getWarningPolicy(db);
  const today = todayInChina();
  const rows = await db.select().from(wfDeadlines).where(and(inArray(wfDeadlines.instanceId, instanceIds), eq(wfDeadlines.status, 'open'))).orderBy(asc(wfDeadlines.dueDate));
  for (const d of rows) {
    if (out.has(d.instanceId) || !d.dueDate) continue;
    out.set(d.instanceId, { label: d.label, dueDate: d.dueDate, light: lightOf(d, today, policy) ?? 'green', cite: d.cite, provisional: d.provisional });
  }
  return out;
}

function caseView(c: MediationCase, orgName: string, courtName: string | null) {
  const { applicantIdEnc, applicantPhoneEnc, applicantAddressEnc, applicantIdIndex, trackingHash, ...rest } = c;
  void applicantIdEnc;
  void applicantPhoneEnc;
  void applicantAddressEnc;
  void applicantIdIndex;
  void trackingHash;
  return {
    ...rest,
    orgName,
    courtName,
    sourceLabel: label(sources, c.source),
    disputeTypeLabel: label(disputeTypes, c.disputeType),
    levelLabel: label(committeeLevels, c.level),
    outcomeLabel: label(outcomes, c.outcome),
    agreementTypeLabel: label(agreementTypes, c.agreementType),
    performanceLabel: label(performances, c.performance),
    confirmationLabel: label(confirmationStatuses, c.confirmationStatus),
  };
}

const transitionLabel = (key: string) => [...mediationWorkflow.transitions, ...confirmationWorkflow.transitions].find((t) => t.key === key)?.label ?? key;

/** The detail page: case, workflow (state, deadlines, history), sessions, 文书, 司法确认, escalation path. */
export async function getCaseDetail(db: DbOrTx, auth: AuthContext, id: string) {
  const { c, orgName } = await loadCase(db, auth, id);
  return detailOf(db, auth, c, orgName);
}

async function detailOf(db: DbOrTx, auth: AuthContext, c: MediationCase, orgName: string) {
  let workflow = null;
  let confirmation = null;
  let history: Awaited<ReturnType<typeof instanceHistory>> = [];
  if (c.instanceId) {
    const { instance, def } = await instanceInScope(db, auth, c.instanceId);
    workflow = await instanceView(db, auth, instance, def);
    history = await instanceHistory(db, instance.id);
  }
  if (c.confirmationInstanceId) {
    const { instance, def } = await instanceInScope(db, auth, c.confirmationInstanceId);
    confirmation = await instanceView(db, auth, instance, def);
    history = [...history, ...(await instanceHistory(db, instance.id))];
  }
  const sessions = await db.select().from(mediationSessions).where(and(eq(mediationSessions.caseId, c.id), isNull(mediationSessions.voidedAt))).orderBy(asc(mediationSessions.sessionDate));
  const docs = (await listInstruments(db, auth, { entityType: 'mediationCase', entityId: c.id, readPermission: MEDIATION_READ, pageSize: 50 })).items;
  const courtName = c.courtOrgId ? ((await getOrg(db, c.courtOrgId))?.name ?? null) : null;
  const timeline = [
    { date: c.registeredDate, kind: 'registered', label: `登记（${label(sources, c.source)}）`, detail: c.courtCaseNumber ? `${courtName ?? ''} ${c.courtCaseNumber}` : '' },
    ...history.filter((h) => h.transition !== 'start').map((h) => ({ date: h.eventDate, kind: 'transition', label: transitionLabel(h.transition), detail: [h.actorName, eventDetail(h.data as Record<string, unknown> | null)].filter(Boolean).join('：') })),
    ...sessions.map((s) => ({ date: s.sessionDate, kind: 'session', label: '调解', detail: `${s.mediatorNames}${s.location ? `（${s.location}）` : ''}：${s.content.slice(0, 80)}` })),
  ].sort((a, b) => a.date.localeCompare(b.date));
  return { case: caseView(c, orgName, courtName), workflow, confirmation, sessions, instruments: docs, timeline };
}

function eventDetail(d: Record<string, unknown> | null): string {
  if (!d) return '';
  const parts: string[] = [];
  if (d.reason) parts.push(String(d.reason));
  if (d.agreementType) parts.push(label(agreementTypes, String(d.agreementType))!);
  if (d.committeeName) parts.push(`至${d.committeeName}`);
  if (d.mediatorName) parts.push(`调解员 ${d.mediatorName}`);
  if (d.courtName) parts.push(String(d.courtName));
  if (d.note) parts.push(String(d.note));
  return parts.join('；');
}

// ── cases: registering ───────────────────────────────────────────────────────────────────────────────────

const partyFields = {
  disputeType: z.enum(keys(disputeTypes), { message: '请选择纠纷类型' }),
  summary: reqText('纠纷简要情况', 4000),
  applicantName: reqText('申请人（当事人）姓名', 100),
  applicantIdNumber: z.string().trim().regex(/^\d{17}[\dXx]$|^[0-9A-HJ-NPQRTUWXY]{18}$/, '身份证号或统一社会信用代码格式不正确').optional().nullable(),
  applicantPhone: z.string().trim().regex(/^1\d{10}$|^0\d{2,3}-?\d{7,8}$/, '联系电话格式不正确').optional().nullable(),
  applicantAddress: optText(200),
  respondentName: reqText('对方当事人', 200),
  partyCount: z.coerce.number().int().min(2, '当事人至少2人').max(10000).optional(),
  amount: z.coerce.number().min(0, '涉及金额不能为负数').max(1e11).optional().nullable(),
  villageOrgId: z.uuid().optional().nullable(),
  townshipCode: z.string().regex(/^\d{9}$/, '乡镇（街道）行政区划代码应为9位数字').optional().nullable(),
};

export const registerInput = z.object({
  ...partyFields,
  source: z.enum(['screening', 'application', 'police', 'petition'], { message: '请选择纠纷来源' }),
  registeredDate: isoDate.optional(),
  committeeOrgId: z.uuid().optional().nullable(),
  note: optText(2000),
});

export const portalInput = z.object({ ...partyFields, applicantPhone: z.string().trim().regex(/^1\d{10}$/, '请填写11位手机号码') });

export const referralInput = z.object({
  ...partyFields,
  courtCaseNumber: z.string().trim().min(1, '请填写诉前调解案号').max(100),
  referralDate: isoDate.optional(),
  committeeOrgId: z.uuid().optional().nullable(),
});

/** Next 调解案件编号 of the county and year: （2025）武调字第123号 — gap-free, drawn in the caller's transaction. */
async function nextCaseNumber(tx: DbOrTx, county: Org, year: number) {
  const rows = rowsOf<{ last: number }>(
    await tx.execute(sql`insert into mediation_sequences (scope, year, last) values (${county.regionCode.slice(0, 6)}, ${year}, 1)
      on conflict (scope, year) do update set last = mediation_sequences.last + 1 returning last`),
  );
  return `（${year}）${(county.shortName ?? county.name).slice(0, 1)}调字第${rows[0].last}号`;
}

async function countyOf(db: DbOrTx, rootPath: string): Promise<Org> {
  const rootId = rootPath.split('/').filter(Boolean)[0];
  return (await getOrg(db, rootId))!;
}

/** Where a dispute goes when nobody names a committee: the township committee of its township, else the county's. */
async function defaultCommittee(db: DbOrTx, rootPath: string, townshipCode: string | null | undefined) {
  return (townshipCode ? await committeeAt(db, rootPath, 'township', townshipCode) : null) ?? (await committeeAt(db, rootPath, 'county', null));
}

interface NewCase {
  committee: { c: Committee; org: Org };
  source: string;
  registeredDate: string;
  d: z.infer<typeof registerInput> | z.infer<typeof portalInput> | z.infer<typeof referralInput>;
  court?: { org: Org; caseNumber: string; referralDate: string };
  entry: string;
  trackingHash?: string;
  note?: string | null;
}

async function resolvePlace(tx: DbOrTx, rootPath: string, d: { villageOrgId?: string | null; townshipCode?: string | null }) {
  if (d.villageOrgId) {
    const v = await getOrg(tx, d.villageOrgId);
    if (!v || v.type !== 'village' || !v.path.startsWith(rootPath)) throw invalid('所选村（社区）不存在', { fields: [{ path: 'villageOrgId', message: '村（社区）有误' }] });
    return { villageOrgId: v.id, townshipCode: v.regionCode.slice(0, 9) };
  }
  return { villageOrgId: null, townshipCode: d.townshipCode ?? null };
}

async function insertCase(tx: Tx, actor: Actor, n: NewCase) {
  const { committee, d } = n;
  const county = await countyOf(tx, `/${committee.org.path.split('/').filter(Boolean)[0]}/`);
  const id = crypto.randomUUID();
  const place = { villageOrgId: d.villageOrgId ?? null, townshipCode: d.townshipCode ?? committee.c.townshipCode ?? null };
  const pid = protectPii('applicantIdNumber' in d ? d.applicantIdNumber : null);
  const phone = protectPii(d.applicantPhone);
  const address = protectPii(d.applicantAddress);
  const caseNumber = await nextCaseNumber(tx, county, Number(n.registeredDate.slice(0, 4)));
  const [row] = await tx
    .insert(mediationCases)
    .values({
      id,
      orgId: committee.org.id,
      regionCode: committee.org.regionCode,
      createdBy: actor.id,
      caseNumber,
      source: n.source,
      disputeType: d.disputeType,
      summary: d.summary,
      applicantName: d.applicantName,
      applicantIdEnc: pid.enc,
      applicantIdMasked: pid.masked,
      applicantIdIndex: pid.index,
      applicantPhoneEnc: phone.enc,
      applicantPhoneMasked: phone.masked,
      applicantAddressEnc: address.enc,
      applicantAddressMasked: address.masked,
      respondentName: d.respondentName,
      partyCount: d.partyCount ?? 2,
      amount: d.amount == null ? null : String(d.amount),
      townshipCode: place.townshipCode,
      villageOrgId: place.villageOrgId,
      registeredDate: n.registeredDate,
      level: committee.c.level,
      courtOrgId: n.court?.org.id ?? null,
      courtCaseNumber: n.court?.caseNumber ?? null,
      referralDate: n.court?.referralDate ?? null,
      trackingHash: n.trackingHash ?? null,
      entry: n.entry,
      note: n.note ?? null,
    })
    .returning();
  const instance = await startInstance(tx, actor, {
    workflow: mediationWorkflow.key,
    entityId: id,
    title: `${caseNumber} ${d.applicantName}与${d.respondentName}${label(disputeTypes, d.disputeType)}`,
    orgId: committee.org.id,
    regionCode: committee.org.regionCode,
    date: n.registeredDate,
    data: { source: n.source },
  });
  const [c] = await tx.update(mediationCases).set({ instanceId: instance.id }).where(eq(mediationCases.id, id)).returning();
  await recordAudit(tx, actor, {
    action: 'mediation.register',
    entityType: 'mediationCase',
    entityId: id,
    summary: `登记调解案件 ${caseNumber}（${label(sources, n.source)}，${committee.org.name}）`,
    after: { ...c, applicantIdEnc: undefined, applicantPhoneEnc: undefined, applicantAddressEnc: undefined },
  });
  return c;
}

/** 登记 by a committee or 司法所 (主动排查, 当事人申请, 公安/信访 移交). */
export async function registerCase(db: Db, auth: AuthContext, input: unknown) {
  const d = parseOrThrow(registerInput, input, '调解案件登记信息');
  const today = todayInChina();
  const registeredDate = d.registeredDate ?? today;
  if (registeredDate > today) throw invalid('登记日期不能晚于今天', { fields: [{ path: 'registeredDate', message: '日期有误' }] });
  return db.transaction(async (tx) => {
    const place = await resolvePlace(tx, auth.rootPath, d);
    let committee = d.committeeOrgId ? await committeeOf(tx, d.committeeOrgId) : await committeeOf(tx, auth.user.orgId);
    if (!committee && !d.committeeOrgId) {
      // A 司法所 user registers for its township's committee; the county's staff for the county committee.
      const own = (await getOrg(tx, auth.user.orgId))!;
      committee = await defaultCommittee(tx, auth.rootPath, own.type === 'justiceOffice' ? own.regionCode : place.townshipCode);
    }
    if (!committee) throw invalid('请选择受理的调解委员会', { fields: [{ path: 'committeeOrgId', message: '请选择调解委员会' }] });
    if (!auth.permissions.has(MEDIATION_MANAGE) || !orgInScope(auth, MEDIATION_MANAGE, committee.org)) throw forbidden('无权为该调解委员会登记案件');
    const c = await insertCase(tx, auth.actor, { committee, source: d.source, registeredDate, d: { ...d, ...place }, entry: 'register', note: d.note });
    return c;
  });
}

const trackingHashOf = (code: string) => sm3(`mediation:${code.trim().toUpperCase()}`);
function newTrackingCode() {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const raw = [...crypto.randomBytes(12)].map((b) => alphabet[b % alphabet.length]).join('');
  return `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8, 12)}`;
}

/** 网上申请 from the public portal: to the township committee of the chosen township (else the county's), with a 查询码. */
export async function submitPortal(db: Db, input: unknown, meta: { ip: string | null }) {
  const d = parseOrThrow(portalInput, input, '调解申请');
  const [county] = await db.select().from(orgs).where(and(isNull(orgs.parentId), isNull(orgs.voidedAt))).orderBy(asc(orgs.sort)).limit(1);
  if (!county) throw new AppError('MEDIATION_NO_COMMITTEE', '未找到受理调解申请的调解委员会', 400);
  const rootPath = county.path;
  const actor: Actor = { id: null, name: `网上申请：${d.applicantName}`, orgId: null, ip: meta.ip };
  const code = newTrackingCode();
  return db.transaction(async (tx) => {
    const place = await resolvePlace(tx, rootPath, d);
    const committee = await defaultCommittee(tx, rootPath, place.townshipCode);
    if (!committee) throw new AppError('MEDIATION_NO_COMMITTEE', '未找到受理调解申请的调解委员会', 400);
    const c = await insertCase(tx, actor, { committee, source: 'portal', registeredDate: todayInChina(), d: { ...d, ...place }, entry: 'portal', trackingHash: trackingHashOf(code) });
    return { trackingCode: code, caseNumber: c.caseNumber, registeredDate: c.registeredDate, committeeName: committee.org.name };
  });
}

/** Progress for the 查询码 holder, without personal data. */
export async function trackByCode(db: DbOrTx, code: string) {
  const rows = await db.select({ c: mediationCases, orgName: orgs.name, state: wfInstances.state }).from(mediationCases).innerJoin(orgs, eq(orgs.id, mediationCases.orgId)).leftJoin(wfInstances, eq(wfInstances.id, mediationCases.instanceId)).where(and(eq(mediationCases.trackingHash, trackingHashOf(code)), isNull(mediationCases.voidedAt)));
  const r = rows[0];
  if (!r) throw new AppError('NOT_FOUND', '查询码不存在，请核对后重试', 404);
  return { caseNumber: r.c.caseNumber, registeredDate: r.c.registeredDate, committeeName: r.orgName, disputeTypeLabel: label(disputeTypes, r.c.disputeType), stateLabel: r.state ? (mediationWorkflow.states[r.state]?.label ?? r.state) : label(caseStatuses, r.c.status), outcomeLabel: label(outcomes, r.c.outcome), closedDate: r.c.closedDate };
}

/** 法院委派 诉前调解: the court's liaison refers a dispute to a committee that accepts referrals (default: the county's). */
export async function referCase(db: Db, auth: AuthContext, input: unknown) {
  const d = parseOrThrow(referralInput, input, '委派调解信息');
  const court = (await getOrg(db, auth.user.orgId))!;
  if (court.type !== 'court' || !auth.permissions.has(MEDIATION_COURT) || !orgInScope(auth, MEDIATION_COURT, court)) throw forbidden('只有人民法院的诉调对接人员可以委派调解');
  const today = todayInChina();
  const referralDate = d.referralDate ?? today;
  if (referralDate > today) throw invalid('委派日期不能晚于今天', { fields: [{ path: 'referralDate', message: '日期有误' }] });
  return db.transaction(async (tx) => {
    const place = await resolvePlace(tx, auth.rootPath, d);
    const committee = d.committeeOrgId ? await committeeOf(tx, d.committeeOrgId) : await committeeAt(tx, auth.rootPath, 'county', null);
    if (!committee || !committee.org.path.startsWith(auth.rootPath)) throw invalid('请选择接受委派的调解委员会', { fields: [{ path: 'committeeOrgId', message: '调解委员会不存在' }] });
    if (!committee.c.acceptsCourtReferrals) throw new AppError('MEDIATION_NOT_COURT_PARTNER', `「${committee.org.name}」不是特邀调解组织，不接受法院委派`, 400);
    return insertCase(tx, auth.actor, { committee, source: 'courtReferral', registeredDate: referralDate, d: { ...d, ...place }, court: { org: court, caseNumber: d.courtCaseNumber, referralDate }, entry: 'court' });
  });
}

/** The court's view of one referral: progress, deadlines, result and the 调解协议书 — nothing of the committee's other cases. */
export async function getReferral(db: DbOrTx, auth: AuthContext, id: string) {
  const rows = await db
    .select({ c: mediationCases, orgName: orgs.name, courtPath: sql<string>`(select p.path from orgs p where p.id = ${mediationCases.courtOrgId})` })
    .from(mediationCases)
    .innerJoin(orgs, eq(orgs.id, mediationCases.orgId))
    .where(and(eq(mediationCases.id, id), isNull(mediationCases.voidedAt)));
  const r = rows[0];
  if (!r || !r.c.courtOrgId || !orgInScope(auth, MEDIATION_COURT, { id: r.c.courtOrgId, path: r.courtPath })) throw notFound('委派调解案件');
  const c = r.c;
  const state = c.instanceId ? (await db.select().from(wfInstances).where(eq(wfInstances.id, c.instanceId)))[0] : undefined;
  const policy = await getWarningPolicy(db);
  const today = todayInChina();
  const deadlines = state ? (await db.select().from(wfDeadlines).where(eq(wfDeadlines.instanceId, state.id))).filter((d) => d.rule === 'courtWindow' && d.status !== 'cancelled').map((d) => ({ label: d.label, startDate: d.startDate, dueDate: d.dueDate, status: d.status, extendedDays: d.extendedDays, cite: d.cite, light: lightOf(d, today, policy) })) : [];
  const confirmationDeadline = c.confirmationInstanceId ? (await db.select().from(wfDeadlines).where(and(eq(wfDeadlines.instanceId, c.confirmationInstanceId), eq(wfDeadlines.rule, 'apply'))))[0] : undefined;
  const [agreement] = c.agreementInstrumentId ? await db.select({ id: instruments.id, number: instruments.number, title: instruments.title }).from(instruments).where(eq(instruments.id, c.agreementInstrumentId)) : [];
  const [{ sessions }] = rowsOf<{ sessions: number }>(await db.execute(sql`select count(*)::int as sessions from mediation_sessions where case_id = ${c.id} and voided_at is null`));
  return {
    id: c.id,
    caseNumber: c.caseNumber,
    courtCaseNumber: c.courtCaseNumber,
    referralDate: c.referralDate,
    disputeTypeLabel: label(disputeTypes, c.disputeType),
    summary: c.summary,
    applicantName: c.applicantName,
    respondentName: c.respondentName,
    committeeName: r.orgName,
    mediatorNames: c.mediatorNames,
    state: state?.state ?? null,
    stateLabel: state ? (mediationWorkflow.states[state.state]?.label ?? state.state) : label(caseStatuses, c.status),
    sessions: Number(sessions),
    deadlines,
    outcome: c.outcome,
    outcomeLabel: label(outcomes, c.outcome),
    closedDate: c.closedDate,
    agreementType: c.agreementType,
    agreementTypeLabel: label(agreementTypes, c.agreementType),
    agreementContent: c.outcome === 'success' ? c.agreementContent : null,
    outcomeNote: c.outcomeNote,
    agreement: agreement ? { ...agreement, docx: `/api/mediation/court/referrals/${c.id}/agreement.docx` } : null,
    confirmationStatus: c.confirmationStatus,
    confirmationLabel: label(confirmationStatuses, c.confirmationStatus),
    confirmationDueDate: confirmationDeadline?.dueDate ?? null,
  };
}

/** The 调解协议书 of a referral, for the referring court. */
export async function referralAgreementDocx(db: DbOrTx, auth: AuthContext, id: string) {
  const ref = await getReferral(db, auth, id);
  if (!ref.agreement) throw notFound('调解协议书');
  const [row] = await db.select({ i: instruments, orgName: orgs.name }).from(instruments).leftJoin(orgs, eq(orgs.id, instruments.orgId)).where(eq(instruments.id, ref.agreement.id));
  return { buffer: await instrumentDocx({ ...row.i, orgName: row.orgName }), fileName: instrumentFileName(row.i) };
}

// ── cases: acting ────────────────────────────────────────────────────────────────────────────────────────

export const actInput = z.object({ version: z.number().int(), data: z.record(z.string(), z.unknown()).optional(), note: z.string().max(2000).optional() });

/** Moves the case (and its workflow instance) to another committee: dispatch and 分级递进. */
async function moveCase(tx: Tx, c: MediationCase, to: { c: Committee; org: Org }, mediator: Mediator | null) {
  await tx.update(wfInstances).set({ orgId: to.org.id, regionCode: to.org.regionCode, updatedAt: new Date() }).where(eq(wfInstances.id, c.instanceId!));
  return { orgId: to.org.id, regionCode: to.org.regionCode, level: to.c.level, mediatorId: mediator?.id ?? null, mediatorNames: mediator?.name ?? null };
}

/**
 * Fires a transition of the case's workflow and keeps the case row in step (handling committee, outcome,
 * agreement, 回访). 司法确认 steps (apply / confirm / refuse / abandon) go to the confirmation workflow.
 */
export async function act(db: Db, auth: AuthContext, caseId: string, transition: string, input: unknown) {
  const body = parseOrThrow(actInput, input, '办理信息');
  const data = { date: todayInChina(), ...(body.data ?? {}) } as Record<string, unknown>;
  if (typeof data.date === 'string' && data.date > todayInChina()) throw invalid('办理日期不能晚于今天', { fields: [{ path: 'date', message: '日期有误' }] });
  const confirmationStep = confirmationWorkflow.transitions.some((t) => t.key === transition);
  return db.transaction(async (tx) => {
    const { c, orgName } = await loadCase(tx, auth, caseId);
    if (confirmationStep) return actConfirmation(tx, auth, c, transition, body.version, data);
    if (!c.instanceId) throw new AppError('MEDIATION_NO_WORKFLOW', '该案件为历史台账记录，没有办理流程', 400);
    if (typeof data.date === 'string' && data.date < c.registeredDate) throw invalid('办理日期不能早于登记日期', { fields: [{ path: 'date', message: '日期有误' }] });
    const settings = await getMediationSettings(tx);
    const patch: Partial<typeof mediationCases.$inferInsert> = {};
    let instrumentFields: Record<string, unknown> = {};
    let move: { c: Committee; org: Org } | null = null;
    let mediator: Mediator | null = null;
    if (transition === 'dispatch') {
      const target = data.committeeOrgId ? await committeeOf(tx, String(data.committeeOrgId)) : { c: (await committeeOf(tx, c.orgId))!.c, org: (await getOrg(tx, c.orgId))! };
      if (!target?.c) throw invalid('调解委员会不存在', { fields: [{ path: 'committeeOrgId', message: '请选择调解委员会' }] });
      if (target.org.id !== c.orgId && !orgInScope(auth, MEDIATION_MANAGE, target.org)) throw forbidden(`无权将案件分派给「${target.org.name}」`);
      if (data.mediatorId) {
        [mediator] = await tx.select().from(mediationMediators).where(and(eq(mediationMediators.id, String(data.mediatorId)), isNull(mediationMediators.voidedAt)));
        if (!mediator || mediator.orgId !== target.org.id) throw invalid('所选调解员不属于该调解委员会', { fields: [{ path: 'mediatorId', message: '调解员有误' }] });
        if (mediator.status !== 'active') throw invalid(`调解员${mediator.name}已停用`, { fields: [{ path: 'mediatorId', message: '调解员已停用' }] });
      } else if (!data.committeeOrgId) {
        throw invalid('请选择调解委员会或调解员', { fields: [{ path: 'mediatorId', message: '请选择调解员' }] });
      }
      if (target.org.id !== c.orgId) move = target;
      data.committeeName = target.org.name;
      if (mediator) data.mediatorName = mediator.name;
      Object.assign(patch, target.org.id !== c.orgId ? {} : { mediatorId: mediator?.id ?? c.mediatorId, mediatorNames: mediator?.name ?? c.mediatorNames });
    }
    if (transition === 'escalate') {
      const up = escalationTarget[c.level as CommitteeLevel];
      if (!up) throw new AppError('MEDIATION_TOP_LEVEL', '县级调解委员会已是分级递进的最高一级，不能再提级', 400);
      const township = c.townshipCode ?? (await committeeOf(tx, c.orgId))?.c.townshipCode ?? null;
      const target = await committeeAt(tx, auth.rootPath, up, township);
      if (!target) throw new AppError('MEDIATION_NO_COMMITTEE', `未找到上一级（${committeeLevels[up]}）调解委员会`, 400);
      move = target;
      data.committeeName = target.org.name;
    }
    if (transition === 'succeed') {
      const cm = await committeeOf(tx, c.orgId);
      instrumentFields = { applicantName: c.applicantName, applicantAddressMasked: c.applicantAddressMasked, respondentName: c.respondentName, summary: c.summary, disputeTypeLabel: label(disputeTypes, c.disputeType), committeeName: cm?.org.name ?? orgName, mediatorNames: c.mediatorNames ?? '' };
    }
    const result = await fireTransition(tx, auth, { instanceId: c.instanceId, transition, version: body.version, data, note: body.note, instrumentFields, deadlineDays: { mediationTerm: settings.termDays } });
    const date = String(data.date);
    if (move) {
      Object.assign(patch, await moveCase(tx, c, move, mediator));
      if (transition === 'escalate') patch.escalations = c.escalations + 1;
    }
    switch (transition) {
      case 'accept':
        patch.acceptedDate = date;
        break;
      case 'reject':
        Object.assign(patch, { status: 'closed', closedDate: date, outcomeNote: String(data.reason) });
        break;
      case 'succeed': {
        Object.assign(patch, { status: 'closed', outcome: 'success', closedDate: date, agreementType: String(data.agreementType), agreementContent: String(data.content), agreementInstrumentId: result.instruments[0]?.id ?? null });
        // 人民调解法 第三十三条: the 30-day clock for 司法确认 runs from the agreement taking effect (第二十九条: on signing).
        if (data.wantsConfirmation && data.agreementType === 'written') {
          const ci = await startInstance(tx, auth.actor, { workflow: confirmationWorkflow.key, entityId: c.id, title: `${c.caseNumber} 司法确认`, orgId: patch.orgId ?? c.orgId, regionCode: patch.regionCode ?? c.regionCode, date });
          Object.assign(patch, { confirmationStatus: 'awaiting', confirmationInstanceId: ci.id });
        }
        break;
      }
      case 'fail':
        Object.assign(patch, { status: 'closed', outcome: 'failure', closedDate: date, outcomeNote: String(data.reason) });
        break;
      case 'terminate':
        Object.assign(patch, { status: 'closed', outcome: 'terminated', closedDate: date, outcomeNote: String(data.reason) });
        break;
      case 'followUp':
        Object.assign(patch, { followUpDate: date, performance: (data.performance as string | undefined) ?? null, followUpNote: String(data.note) });
        break;
    }
    if (Object.keys(patch).length) await tx.update(mediationCases).set({ ...patch, version: c.version + 1, updatedAt: new Date() }).where(eq(mediationCases.id, c.id));
    return { issued: result.instruments };
  });
}

async function actConfirmation(tx: Tx, auth: AuthContext, c: MediationCase, transition: string, version: number, data: Record<string, unknown>) {
  if (!c.confirmationInstanceId) throw new AppError('MEDIATION_NO_CONFIRMATION', '该案件未登记司法确认意向（须为书面调解协议）', 400);
  const result = await fireTransition(tx, auth, { instanceId: c.confirmationInstanceId, transition, version, data });
  const status = { apply: 'applied', confirm: 'confirmed', refuse: 'rejected', abandon: 'abandoned' }[transition]!;
  const patch: Partial<typeof mediationCases.$inferInsert> = { confirmationStatus: status };
  if (transition === 'apply') patch.confirmationAppliedDate = String(data.date);
  if (transition === 'confirm' || transition === 'refuse') patch.confirmationDecidedDate = String(data.date);
  await tx.update(mediationCases).set({ ...patch, version: c.version + 1, updatedAt: new Date() }).where(eq(mediationCases.id, c.id));
  return { issued: result.instruments };
}

export const sessionInput = z.object({ sessionDate: isoDate, mediatorNames: reqText('参加调解的调解员', 200), location: optText(200), content: reqText('调解经过', 8000) });

/** 调解记录: one session, while the case is being mediated. */
export async function addSession(db: Db, auth: AuthContext, caseId: string, input: unknown) {
  const d = parseOrThrow(sessionInput, input, '调解记录');
  if (d.sessionDate > todayInChina()) throw invalid('调解日期不能晚于今天', { fields: [{ path: 'sessionDate', message: '日期有误' }] });
  return db.transaction(async (tx) => {
    const { c } = await loadCase(tx, auth, caseId, MEDIATION_MANAGE);
    const [inst] = c.instanceId ? await tx.select().from(wfInstances).where(eq(wfInstances.id, c.instanceId)) : [];
    if (!inst || inst.state !== 'mediating') throw new AppError('MEDIATION_NOT_MEDIATING', '案件分派调解后才能登记调解记录', 400);
    if (d.sessionDate < c.registeredDate) throw invalid('调解日期不能早于登记日期', { fields: [{ path: 'sessionDate', message: '日期有误' }] });
    const [row] = await tx.insert(mediationSessions).values({ orgId: c.orgId, regionCode: c.regionCode, createdBy: auth.user.id, caseId, sessionDate: d.sessionDate, mediatorNames: d.mediatorNames, location: d.location ?? null, content: d.content }).returning();
    await recordAudit(tx, auth.actor, { action: 'mediation.session.add', entityType: 'mediationCase', entityId: caseId, summary: `登记调解记录 ${c.caseNumber} ${d.sessionDate}`, after: row });
    return row;
  });
}

export async function voidCase(db: Db, auth: AuthContext, caseId: string, reason: string) {
  return db.transaction(async (tx) => {
    const { c } = await loadCase(tx, auth, caseId, MEDIATION_MANAGE);
    const [after] = await tx.update(mediationCases).set({ voidedAt: new Date(), voidedBy: auth.user.id, voidReason: reason, version: c.version + 1 }).where(eq(mediationCases.id, caseId)).returning();
    for (const i of [c.instanceId, c.confirmationInstanceId]) if (i) await voidInstance(tx, auth.actor, i, reason);
    await recordAudit(tx, auth.actor, { action: 'mediation.void', entityType: 'mediationCase', entityId: caseId, summary: `作废调解案件 ${c.caseNumber}：${reason}`, before: { ...c, applicantIdEnc: undefined, applicantPhoneEnc: undefined, applicantAddressEnc: undefined }, after: { voidedAt: after.voidedAt, voidReason: reason } });
  });
}

// ── 排查 ────────────────────────────────────────────────────────────────────────────────────────────────

export const screeningInput = z
  .object({
    committeeOrgId: z.uuid({ message: '请选择调解委员会' }),
    periodStart: isoDate,
    periodEnd: isoDate,
    screeningCount: z.coerce.number().int().min(0, '排查次数不能为负数').max(100000),
    disputesFound: z.coerce.number().int().min(0, '发现纠纷数不能为负数').max(100000),
    disputesResolved: z.coerce.number().int().min(0, '化解纠纷数不能为负数').max(100000),
    keyRisks: optText(2000),
    note: optText(2000),
  })
  .refine((d) => d.periodEnd >= d.periodStart, { message: '排查期间结束日期不能早于开始日期', path: ['periodEnd'] })
  .refine((d) => d.disputesResolved <= d.disputesFound, { message: '化解纠纷数不能多于发现纠纷数', path: ['disputesResolved'] });

export async function addScreening(db: Db, auth: AuthContext, input: unknown) {
  const d = parseOrThrow(screeningInput, input, '排查记录');
  if (d.periodEnd > todayInChina()) throw invalid('排查期间不能晚于今天', { fields: [{ path: 'periodEnd', message: '日期有误' }] });
  return db.transaction(async (tx) => {
    const cm = await committeeOf(tx, d.committeeOrgId);
    if (!cm) throw invalid('调解委员会不存在', { fields: [{ path: 'committeeOrgId', message: '请选择调解委员会' }] });
    if (!auth.permissions.has(MEDIATION_MANAGE) || !orgInScope(auth, MEDIATION_MANAGE, cm.org)) throw forbidden('无权为该调解委员会登记排查记录');
    const [row] = await tx
      .insert(mediationScreenings)
      .values({ orgId: cm.org.id, regionCode: cm.org.regionCode, createdBy: auth.user.id, periodStart: d.periodStart, periodEnd: d.periodEnd, villageOrgId: cm.c.villageOrgId, screeningCount: d.screeningCount, disputesFound: d.disputesFound, disputesResolved: d.disputesResolved, keyRisks: d.keyRisks ?? null, note: d.note ?? null })
      .returning();
    await recordAudit(tx, auth.actor, { action: 'mediation.screening.add', entityType: 'mediationScreening', entityId: row.id, summary: `登记矛盾纠纷排查 ${cm.org.name} ${d.periodStart}～${d.periodEnd}：排查${d.screeningCount}次，发现${d.disputesFound}件，化解${d.disputesResolved}件`, after: row });
    return row;
  });
}

export const screeningListQuery = z.object({ committeeOrgId: z.uuid().optional(), townshipCode: z.string().max(12).optional(), from: isoDate.optional(), to: isoDate.optional() });

export async function listScreenings(db: DbOrTx, auth: AuthContext, f: z.infer<typeof screeningListQuery>, page = 1, pageSize = 20) {
  const s = mediationScreenings;
  const where = and(
    isNull(s.voidedAt),
    scopeCondition(auth, MEDIATION_READ, { orgId: s.orgId, createdBy: s.createdBy }),
    f.committeeOrgId ? eq(s.orgId, f.committeeOrgId) : undefined,
    f.townshipCode ? sql`left(${s.regionCode}, 9) = ${f.townshipCode}` : undefined,
    f.from ? sql`${s.periodEnd} >= ${f.from}` : undefined,
    f.to ? sql`${s.periodStart} <= ${f.to}` : undefined,
  )!;
  const [totals] = rowsOf<{ total: number; screenings: number; found: number; resolved: number }>(
    await db.execute(sql`select count(*)::int as total, coalesce(sum(screening_count), 0)::int as screenings, coalesce(sum(disputes_found), 0)::int as found, coalesce(sum(disputes_resolved), 0)::int as resolved from mediation_screenings where ${where}`),
  );
  const rows = await db.select({ s, committeeName: orgs.name }).from(s).innerJoin(orgs, eq(orgs.id, s.orgId)).where(where).orderBy(desc(s.periodStart), asc(orgs.name)).limit(pageSize).offset((page - 1) * pageSize);
  return {
    items: rows.map((r) => ({ ...r.s, committeeName: r.committeeName })),
    total: Number(totals.total),
    page,
    pageSize,
    sums: { screeningCount: Number(totals.screenings), disputesFound: Number(totals.found), disputesResolved: Number(totals.resolved) },
  };
}

// ── the court's monthly 一审民商事收案数 (denominator of 诉前引调率) ───────────────────────────────────────────

export const courtStatInput = z.object({
  courtOrgId: z.uuid().optional(),
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM'),
  civilFirstInstance: z.coerce.number().int().min(0, '收案数不能为负数').max(1_000_000),
  note: optText(500),
});

/** Records (or corrects) one month's count; the court's liaison for its own court, county staff for any court. */
export async function putCourtStat(db: Db, auth: AuthContext, input: unknown) {
  const d = parseOrThrow(courtStatInput, input, '法院收案数');
  if (d.month > todayInChina().slice(0, 7)) throw invalid('不能登记未来月份的收案数', { fields: [{ path: 'month', message: '月份有误' }] });
  return db.transaction(async (tx) => {
    const court = await getOrg(tx, d.courtOrgId ?? auth.user.orgId);
    if (!court || court.type !== 'court') throw invalid('请选择人民法院', { fields: [{ path: 'courtOrgId', message: '请选择人民法院' }] });
    const may = (p: string) => auth.permissions.has(p) && orgInScope(auth, p, court);
    if (!may(MEDIATION_COURT) && !may(MEDIATION_REGISTRY)) throw forbidden('无权登记该法院的收案数');
    const [before] = await tx.select().from(mediationCourtStats).where(and(eq(mediationCourtStats.orgId, court.id), eq(mediationCourtStats.month, d.month), isNull(mediationCourtStats.voidedAt)));
    let row;
    if (before) {
      [row] = await tx.update(mediationCourtStats).set({ civilFirstInstance: d.civilFirstInstance, note: d.note ?? before.note, version: before.version + 1, updatedAt: new Date() }).where(eq(mediationCourtStats.id, before.id)).returning();
    } else {
      [row] = await tx.insert(mediationCourtStats).values({ orgId: court.id, regionCode: court.regionCode, createdBy: auth.user.id, month: d.month, civilFirstInstance: d.civilFirstInstance, note: d.note ?? null }).returning();
    }
    await recordAudit(tx, auth.actor, { action: 'mediation.courtStat.put', entityType: 'mediationCourtStat', entityId: row.id, summary: `登记${court.name} ${d.month} 一审民商事收案 ${d.civilFirstInstance} 件`, before: before ?? null, after: row });
    return row;
  });
}

export async function listCourtStats(db: DbOrTx, auth: AuthContext, year: string) {
  const s = mediationCourtStats;
  const scope = or(scopeCondition(auth, MEDIATION_COURT, { orgId: s.orgId }), scopeCondition(auth, MEDIATION_READ, { orgId: s.orgId }))!;
  const rows = await db
    .select({
      s,
      courtName: orgs.name,
      referrals: sql<number>`(select count(*)::int from mediation_cases x where x.court_org_id = ${s.orgId} and x.voided_at is null and to_char(x.referral_date, 'YYYY-MM') = ${s.month})`,
    })
    .from(s)
    .innerJoin(orgs, eq(orgs.id, s.orgId))
    .where(and(isNull(s.voidedAt), scope, sql`${s.month} like ${year + '-%'}`))
    .orderBy(asc(orgs.name), asc(s.month));
  return rows.map((r) => ({ id: r.s.id, courtOrgId: r.s.orgId, courtName: r.courtName, month: r.s.month, civilFirstInstance: r.s.civilFirstInstance, referrals: Number(r.referrals), note: r.s.note }));
}

