/**
 * 行政执法案件 as agencies report them (行政处罚 / 行政检查 / 行政强制). Each write recomputes the case's
 * flags (rules.ts); a daily task re-evaluates open cases, whose flags can appear just by time passing.
 */
import { and, asc, desc, eq, gte, ilike, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { type Db, type DbOrTx, type Tx } from '../../platform/db/client';
import type { AuthContext } from '../../platform/auth/context';
import { recordAudit, systemActor, type Actor } from '../../platform/audit/service';
import { AppError, invalid } from '../../platform/errors';
import { todayInChina } from '../../platform/calendar/service';
import { pgErrorCode } from '../../platform/errors';
import { orgs } from '../../platform/orgs/schema';
import type { Org } from '../../platform/orgs/service';
import { enforcementCases } from './schema';
import { caseFlags, decisionDue, publicationDue, type CaseFacts } from './rules';
import { agencyFor, checkVersion, getRules, isoDate, optionalDate, pageInput, rowInScope, scopeOf } from './common';
import { caseKinds, caseRules, ENTITY, PERM, procedures, type CaseKind, type CaseRule, type EnforcementRules } from './terms';

export type EnforcementCase = typeof enforcementCases.$inferSelect;

const creditCode = z.string().trim().regex(/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/, '统一社会信用代码应为18位（数字和大写字母）');

export const caseInput = z
  .object({
    agencyOrg: z.string().trim().max(100).optional(),
    caseNumber: z.string().trim().min(2, '请填写案件编号').max(100),
    kind: z.enum(Object.keys(caseKinds) as [CaseKind], { message: '请选择案件类型：行政处罚、行政检查或行政强制' }),
    procedure: z.enum(Object.keys(procedures) as ['ordinary', 'summary']).default('ordinary'),
    partyName: z.string().trim().min(2, '请填写相对人名称').max(200),
    partyCreditCode: creditCode.nullish(),
    filedDate: isoDate,
    decisionDate: optionalDate,
    extensionDays: z.number().int().min(0).max(365).default(0),
    extensionBasis: z.string().trim().max(500).nullish(),
    amount: z.number().min(0).max(1e11).nullish(),
    legalBasis: z.string().trim().max(500).nullish(),
    major: z.boolean().default(false),
    legalReviewDate: optionalDate,
    mustPublish: z.boolean().default(true),
    publicationDate: optionalDate,
    publicationLink: z.string().trim().max(500).nullish(),
    changedDate: optionalDate,
    withdrawnDate: optionalDate,
    version: z.number().int().optional(),
  })
  .superRefine((v, ctx) => {
    const before = (a: string | null | undefined, b: string | null | undefined, path: string, message: string) => {
      if (a && b && a < b) ctx.addIssue({ code: 'custom', path: [path], message });
    };
    before(v.decisionDate, v.filedDate, 'decisionDate', '决定日期不能早于立案日期');
    before(v.publicationDate, v.decisionDate ?? v.filedDate, 'publicationDate', '公示日期不能早于决定日期');
    before(v.changedDate, v.decisionDate ?? v.filedDate, 'changedDate', '变更撤销日期不能早于决定日期');
    before(v.withdrawnDate, v.changedDate ?? v.publicationDate ?? v.filedDate, 'withdrawnDate', '撤回公示日期不能早于变更撤销日期');
    if (v.publicationDate && !v.decisionDate) ctx.addIssue({ code: 'custom', path: ['publicationDate'], message: '尚未作出决定的案件不能登记公示日期' });
    if (v.extensionDays > 0 && !v.extensionBasis) ctx.addIssue({ code: 'custom', path: ['extensionBasis'], message: '请写明延长办案期限的依据和批准情况（行政处罚法 第六十条）' });
  });
export type CaseInput = z.input<typeof caseInput>;

/** The stored columns of a case: the facts plus due dates and flags as of `today`. */
export function caseColumns(v: z.output<typeof caseInput>, org: Org, rules: EnforcementRules, today: string) {
  const facts: CaseFacts = {
    kind: v.kind, procedure: v.procedure, filedDate: v.filedDate, decisionDate: v.decisionDate ?? null, extensionDays: v.extensionDays, major: v.major,
    legalReviewDate: v.legalReviewDate ?? null, mustPublish: v.mustPublish, publicationDate: v.publicationDate ?? null, changedDate: v.changedDate ?? null, withdrawnDate: v.withdrawnDate ?? null,
  };
  return {
    ...facts,
    orgId: org.id, regionCode: org.regionCode, caseNumber: v.caseNumber, partyName: v.partyName, partyCreditCode: v.partyCreditCode ?? null,
    extensionBasis: v.extensionBasis ?? null, amount: v.amount == null ? null : String(v.amount), legalBasis: v.legalBasis ?? null, publicationLink: v.publicationLink ?? null,
    decisionDue: decisionDue(facts), publicationDue: publicationDue(facts, rules), flags: caseFlags(facts, today, rules),
  };
}

function duplicate(err: unknown, caseNumber: string) {
  if (pgErrorCode(err) === '23505') return new AppError('ENFORCEMENT_CASE_DUPLICATE', `案件编号 ${caseNumber} 已登记`, 409, { fields: [{ path: 'caseNumber', message: '该案件编号已登记' }] });
  return err;
}

export async function reportCase(db: Db, auth: AuthContext, raw: CaseInput, today = todayInChina()) {
  const v = caseInput.parse(raw);
  const org = await agencyFor(db, auth, v.agencyOrg, PERM.report);
  const rules = await getRules(db);
  return db.transaction(async (tx) => {
    try {
      const [row] = await tx.insert(enforcementCases).values({ ...caseColumns(v, org, rules, today), createdBy: auth.user.id }).returning();
      await recordAudit(tx, auth.actor, { action: 'enforcement.case.report', entityType: ENTITY.case, entityId: row.id, summary: `${org.name}报送${caseKinds[v.kind]}案件 ${v.caseNumber}`, after: row });
      return row;
    } catch (err) {
      throw duplicate(err, v.caseNumber);
    }
  });
}

export async function updateCase(db: Db, auth: AuthContext, id: string, raw: CaseInput, today = todayInChina()) {
  const v = caseInput.parse(raw);
  const rules = await getRules(db);
  return db.transaction(async (tx) => {
    const before = await rowInScope(tx, auth, enforcementCases, id, '执法案件', PERM.report);
    checkVersion(before, v.version);
    const [org] = await tx.select().from(orgs).where(eq(orgs.id, before.orgId));
    const [row] = await tx.update(enforcementCases).set({ ...caseColumns(v, org, rules, today), version: before.version + 1, updatedAt: new Date() }).where(eq(enforcementCases.id, id)).returning();
    await recordAudit(tx, auth.actor, { action: 'enforcement.case.update', entityType: ENTITY.case, entityId: id, summary: `修改执法案件 ${row.caseNumber}`, before, after: row });
    return row;
  }).catch((err) => {
    throw duplicate(err, v.caseNumber);
  });
}

export async function voidCase(db: Db, auth: AuthContext, id: string, reason: string) {
  return db.transaction(async (tx) => {
    const before = await rowInScope(tx, auth, enforcementCases, id, '执法案件', PERM.report);
    const [row] = await tx.update(enforcementCases).set({ voidedAt: new Date(), voidedBy: auth.user.id, voidReason: reason, version: before.version + 1 }).where(eq(enforcementCases.id, id)).returning();
    await recordAudit(tx, auth.actor, { action: 'enforcement.case.void', entityType: ENTITY.case, entityId: id, summary: `作废执法案件 ${before.caseNumber}：${reason}`, before, after: { voidReason: reason } });
    return row;
  });
}

/** Bulk insert for imports and demo data (in the caller's transaction); returns ids. */
export async function insertCasesTx(tx: Tx, actor: Actor, list: { input: z.output<typeof caseInput>; org: Org }[], rules: EnforcementRules, today: string) {
  const ids: string[] = [];
  for (let i = 0; i < list.length; i += 500) {
    const rows = await tx
      .insert(enforcementCases)
      .values(list.slice(i, i + 500).map(({ input, org }) => ({ ...caseColumns(input, org, rules, today), createdBy: actor.id })))
      .returning({ id: enforcementCases.id });
    ids.push(...rows.map((r) => r.id));
  }
  return ids;
}

/**
 * Re-evaluates the flags of cases whose flags can still change with time (undecided, unpublished or
 * not withdrawn), as of `today`. Idempotent; run daily.
 */
export async function refreshCaseFlags(db: Db, today = todayInChina()) {
  const rules = await getRules(db);
  return db.transaction(async (tx) => {
    const open = await tx
      .select()
      .from(enforcementCases)
      .where(and(isNull(enforcementCases.voidedAt), or(isNull(enforcementCases.decisionDate), and(eq(enforcementCases.mustPublish, true), isNull(enforcementCases.publicationDate)), and(sql`${enforcementCases.changedDate} is not null`, isNull(enforcementCases.withdrawnDate)))));
    let changed = 0;
    for (const c of open) {
      const flags = caseFlags(c, today, rules);
      if (flags.join() === c.flags.join()) continue;
      await tx.update(enforcementCases).set({ flags, updatedAt: new Date() }).where(eq(enforcementCases.id, c.id));
      await recordAudit(tx, systemActor, { action: 'enforcement.case.flags', entityType: ENTITY.case, entityId: c.id, summary: `执法案件 ${c.caseNumber} 预警更新`, before: { flags: c.flags }, after: { flags } });
      changed++;
    }
    return { checked: open.length, changed };
  });
}

export const caseListFilter = z.object({
  q: z.string().trim().max(100).optional(),
  kind: z.enum(Object.keys(caseKinds) as [CaseKind]).optional(),
  flag: z.enum(Object.keys(caseRules) as [CaseRule]).optional(),
  flagged: z.coerce.boolean().optional(),
  agencyOrgId: z.uuid().optional(),
  filedFrom: isoDate.optional(),
  filedTo: isoDate.optional(),
  ...pageInput,
});

export async function listCases(db: DbOrTx, auth: AuthContext, raw: z.input<typeof caseListFilter>) {
  const f = caseListFilter.parse(raw);
  const t = enforcementCases;
  const like = f.q ? `%${f.q.replace(/[%_\\]/g, (m) => '\\' + m)}%` : null;
  const cond = and(
    isNull(t.voidedAt),
    scopeOf(auth, t),
    f.kind ? eq(t.kind, f.kind) : undefined,
    f.flag ? sql`${t.flags} ? ${f.flag}` : undefined,
    f.flagged ? sql`jsonb_array_length(${t.flags}) > 0` : undefined,
    f.agencyOrgId ? eq(t.orgId, f.agencyOrgId) : undefined,
    f.filedFrom ? gte(t.filedDate, f.filedFrom) : undefined,
    f.filedTo ? lte(t.filedDate, f.filedTo) : undefined,
    like ? or(ilike(t.caseNumber, like), ilike(t.partyName, like), ilike(t.partyCreditCode, like)) : undefined,
  );
  const [{ total }] = await db.select({ total: sql<number>`count(*)::int` }).from(t).where(cond);
  const rows = await db
    .select({ c: t, orgName: orgs.name })
    .from(t)
    .innerJoin(orgs, eq(orgs.id, t.orgId))
    .where(cond)
    .orderBy(desc(t.filedDate), asc(t.id))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  return { total: Number(total), page: f.page, pageSize: f.pageSize, items: rows.map((r) => caseView(r.c, r.orgName)) };
}

export function caseView(c: EnforcementCase, orgName: string) {
  return {
    ...c,
    orgName,
    amount: c.amount == null ? null : Number(c.amount),
    kindLabel: caseKinds[c.kind as CaseKind] ?? c.kind,
    procedureLabel: procedures[c.procedure as keyof typeof procedures] ?? c.procedure,
    flagDetails: c.flags.map((k) => ({ key: k, label: caseRules[k as CaseRule]?.label ?? k, cite: caseRules[k as CaseRule]?.cite ?? '' })),
  };
}

export async function caseDetail(db: DbOrTx, auth: AuthContext, id: string) {
  const c = await rowInScope(db, auth, enforcementCases, id, '执法案件');
  const [org] = await db.select({ name: orgs.name }).from(orgs).where(eq(orgs.id, c.orgId));
  return caseView(c, org.name);
}

/** Cases by their ids (for 评查 sampling), scoped. */
export async function casesByIds(db: DbOrTx, auth: AuthContext, ids: string[]) {
  if (!ids.length) return [];
  return db.select().from(enforcementCases).where(and(inArray(enforcementCases.id, ids), isNull(enforcementCases.voidedAt), scopeOf(auth, enforcementCases)));
}

