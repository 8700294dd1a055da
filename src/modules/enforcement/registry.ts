/**
 * Registry (DOMAIN.md §4): 执法主体 (legal basis, 职权清单, 资格清理) and 执法人员 with 执法证 / 监督证, exam and
 * training. 持证率 = 持有效执法证的在编执法人员 / 在编执法人员. 身份证号 is encrypted (SM4) with a blind index.
 */
import { and, asc, eq, gte, ilike, isNull, lte, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { rowsOf, type Db, type DbOrTx, type Tx } from '../../platform/db/client';
import type { AuthContext } from '../../platform/auth/context';
import { recordAudit, type Actor } from '../../platform/audit/service';
import { AppError } from '../../platform/errors';
import { pgErrorCode } from '../../platform/errors';
import { protectPii } from '../../platform/crypto/sm';
import { todayInChina } from '../../platform/calendar/service';
import { orgs } from '../../platform/orgs/schema';
import type { Org } from '../../platform/orgs/service';
import { enforcementAgencies, enforcementOfficers } from './schema';
import { agencyFor, getRules, isoDate, optionalDate, pageInput, scopeOf, rowInScope, checkVersion } from './common';
import { certificateTypes, ENTITY, PERM, type CertificateType } from './terms';

// ── 执法主体 ───────────────────────────────────────────────────────────────────────────────────────────

export const agencyInput = z.object({
  legalBasis: z.string().trim().max(2000).default(''),
  powers: z.array(z.string().trim().min(1).max(200)).max(2000).default([]),
  qualified: z.boolean().nullish(),
  qualifiedDate: optionalDate,
});

/** Saves an agency's 执法主体 record (one per org): the 司法局 records 资格清理; the agency its basis and powers. */
export async function saveAgency(db: Db, auth: AuthContext, orgId: string, raw: z.input<typeof agencyInput>) {
  const v = agencyInput.parse(raw);
  const supervising = auth.permissions.has(PERM.supervise);
  const org = await agencyFor(db, auth, orgId, supervising ? PERM.supervise : PERM.report);
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(enforcementAgencies).where(eq(enforcementAgencies.orgId, org.id));
    const values = { legalBasis: v.legalBasis, powers: v.powers, ...(supervising ? { qualified: v.qualified ?? null, qualifiedDate: v.qualifiedDate ?? null } : {}) };
    const [row] = before
      ? await tx.update(enforcementAgencies).set({ ...values, version: before.version + 1, updatedAt: new Date() }).where(eq(enforcementAgencies.id, before.id)).returning()
      : await tx.insert(enforcementAgencies).values({ orgId: org.id, regionCode: org.regionCode, createdBy: auth.user.id, ...values }).returning();
    await recordAudit(tx, auth.actor, { action: 'enforcement.agency.save', entityType: ENTITY.agency, entityId: row.id, summary: `更新执法主体信息：${org.name}`, before: before ?? null, after: row });
    return row;
  });
}

/**
 * 执法主体 list with officers and 持证率 per agency (as at `today`): every org of type agency in scope,
 * with or without a registry record.
 */
export async function listAgencies(db: DbOrTx, auth: AuthContext, today = todayInChina()) {
  const scope = scopeOf(auth, { orgId: orgs.id, createdBy: orgs.id } as never);
  const warnUntil = new Date(Date.parse(today) + (await getRules(db)).certificateWarningDays * 86_400_000).toISOString().slice(0, 10);
  const rows = rowsOf<{ org_id: string; name: string; type: string; legal_basis: string | null; powers: string[] | null; qualified: boolean | null; qualified_date: string | null; staffed: number; certified: number; expiring: number }>(
    await db.execute(sql`
      select orgs.id as org_id, orgs.name, orgs.type, a.legal_basis, a.powers, a.qualified, a.qualified_date::text,
        (select count(*) from enforcement_officers e where e.org_id = orgs.id and e.voided_at is null and e.staffed)::int as staffed,
        (select count(*) from enforcement_officers e where e.org_id = orgs.id and e.voided_at is null and e.staffed and e.certificate_type = 'enforcement' and e.certificate_expiry >= ${today})::int as certified,
        (select count(*) from enforcement_officers e where e.org_id = orgs.id and e.voided_at is null and e.certificate_expiry between ${today} and ${warnUntil})::int as expiring
      from orgs left join enforcement_agencies a on a.org_id = orgs.id and a.voided_at is null
      where orgs.voided_at is null and (orgs.type = 'agency' or a.id is not null) and ${scope}
      order by orgs.sort, orgs.name`),
  );
  return rows.map((r) => ({
    orgId: r.org_id, name: r.name, legalBasis: r.legal_basis ?? '', powers: r.powers ?? [], qualified: r.qualified, qualifiedDate: r.qualified_date,
    staffed: Number(r.staffed), certified: Number(r.certified), expiring: Number(r.expiring),
    certificateRate: Number(r.staffed) ? Math.round((Number(r.certified) / Number(r.staffed)) * 1000) / 10 : null,
  }));
}

// ── 执法人员 ───────────────────────────────────────────────────────────────────────────────────────────

export const officerInput = z
  .object({
    agencyOrg: z.string().trim().max(100).optional(),
    name: z.string().trim().min(2, '请填写姓名').max(50),
    idNumber: z.string().trim().toUpperCase().pipe(z.string().regex(/^\d{17}[\dX]$/, '身份证号应为18位')).nullish(),
    userId: z.uuid().nullish(),
    staffed: z.boolean().default(true),
    certificateType: z.enum(Object.keys(certificateTypes) as [CertificateType]).nullish(),
    certificateNumber: z.string().trim().min(4, '证件编号至少4位').max(40).nullish(),
    certificateArea: z.string().trim().max(200).nullish(),
    certificateIssued: optionalDate,
    certificateExpiry: optionalDate,
    examDate: optionalDate,
    examScore: z.number().int().min(0).max(100).nullish(),
    examPassed: z.boolean().nullish(),
    trainingHours: z.number().int().min(0).max(2000).default(0),
    version: z.number().int().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.certificateNumber && (!v.certificateType || !v.certificateExpiry)) ctx.addIssue({ code: 'custom', path: ['certificateExpiry'], message: '登记证件的，应填写证件类型和有效期' });
    if (v.certificateIssued && v.certificateExpiry && v.certificateExpiry < v.certificateIssued) ctx.addIssue({ code: 'custom', path: ['certificateExpiry'], message: '证件有效期不能早于发证日期' });
    if ((v.examScore != null || v.examPassed != null) && !v.examDate) ctx.addIssue({ code: 'custom', path: ['examDate'], message: '登记考试成绩的，应填写考试日期' });
  });
export type OfficerInput = z.input<typeof officerInput>;

export function officerColumns(v: z.output<typeof officerInput>, org: Org) {
  const id = protectPii(v.idNumber);
  return {
    orgId: org.id, regionCode: org.regionCode, name: v.name, userId: v.userId ?? null, idNumberEnc: id.enc, idNumberMasked: id.masked, idNumberIndex: id.index,
    staffed: v.staffed, certificateType: v.certificateType ?? null, certificateNumber: v.certificateNumber ?? null, certificateArea: v.certificateArea ?? null,
    certificateIssued: v.certificateIssued ?? null, certificateExpiry: v.certificateExpiry ?? null, examDate: v.examDate ?? null, examScore: v.examScore ?? null,
    examPassed: v.examPassed ?? (v.examScore != null ? v.examScore >= 60 : null), trainingHours: v.trainingHours,
  };
}

const certDuplicate = (err: unknown) =>
  pgErrorCode(err) === '23505' ? new AppError('ENFORCEMENT_CERT_DUPLICATE', '该证件编号已登记', 409, { fields: [{ path: 'certificateNumber', message: '该证件编号已登记' }] }) : err;

export async function createOfficer(db: Db, auth: AuthContext, raw: OfficerInput) {
  const v = officerInput.parse(raw);
  const org = await agencyFor(db, auth, v.agencyOrg, PERM.report);
  return db
    .transaction(async (tx) => {
      const [row] = await tx.insert(enforcementOfficers).values({ ...officerColumns(v, org), createdBy: auth.user.id }).returning();
      await recordAudit(tx, auth.actor, { action: 'enforcement.officer.create', entityType: ENTITY.officer, entityId: row.id, summary: `登记执法人员 ${v.name}（${org.name}）`, after: auditView(row) });
      return row;
    })
    .catch((err) => {
      throw certDuplicate(err);
    });
}

export async function updateOfficer(db: Db, auth: AuthContext, id: string, raw: OfficerInput) {
  const v = officerInput.parse(raw);
  return db
    .transaction(async (tx) => {
      const before = await rowInScope(tx, auth, enforcementOfficers, id, '执法人员', PERM.report);
      checkVersion(before, v.version);
      const [org] = await tx.select().from(orgs).where(eq(orgs.id, before.orgId));
      const [row] = await tx.update(enforcementOfficers).set({ ...officerColumns(v, org), version: before.version + 1, updatedAt: new Date() }).where(eq(enforcementOfficers.id, id)).returning();
      await recordAudit(tx, auth.actor, { action: 'enforcement.officer.update', entityType: ENTITY.officer, entityId: id, summary: `修改执法人员 ${v.name}`, before: auditView(before), after: auditView(row) });
      return row;
    })
    .catch((err) => {
      throw certDuplicate(err);
    });
}

/** The audit log keeps the masked 身份证号 only. */
function auditView(r: typeof enforcementOfficers.$inferSelect) {
  const { idNumberEnc: _e, idNumberIndex: _i, ...rest } = r;
  return rest;
}

export async function insertOfficersTx(tx: Tx, actor: Actor, list: { input: z.output<typeof officerInput>; org: Org }[]) {
  const ids: string[] = [];
  for (let i = 0; i < list.length; i += 500) {
    const rows = await tx.insert(enforcementOfficers).values(list.slice(i, i + 500).map(({ input, org }) => ({ ...officerColumns(input, org), createdBy: actor.id }))).returning({ id: enforcementOfficers.id });
    ids.push(...rows.map((r) => r.id));
  }
  return ids;
}

export const officerListFilter = z.object({
  q: z.string().trim().max(50).optional(),
  agencyOrgId: z.uuid().optional(),
  /** expiring: 执法证 expires within the warning window; expired: already expired; uncertified: none. */
  cert: z.enum(['expiring', 'expired', 'uncertified']).optional(),
  ...pageInput,
});

export async function listOfficers(db: DbOrTx, auth: AuthContext, raw: z.input<typeof officerListFilter>, today = todayInChina()) {
  const f = officerListFilter.parse(raw);
  const rules = await getRules(db);
  const t = enforcementOfficers;
  const warnUntil = new Date(Date.parse(today) + rules.certificateWarningDays * 86_400_000).toISOString().slice(0, 10);
  const like = f.q ? `%${f.q.replace(/[%_\\]/g, (m) => '\\' + m)}%` : null;
  const cond = and(
    isNull(t.voidedAt), scopeOf(auth, t),
    f.agencyOrgId ? eq(t.orgId, f.agencyOrgId) : undefined,
    f.cert === 'expiring' ? and(gte(t.certificateExpiry, today), lte(t.certificateExpiry, warnUntil)) : f.cert === 'expired' ? sql`${t.certificateExpiry} < ${today}` : f.cert === 'uncertified' ? isNull(t.certificateNumber) : undefined,
    like ? or(ilike(t.name, like), ilike(t.certificateNumber, like)) : undefined,
  );
  const [{ total }] = await db.select({ total: sql<number>`count(*)::int` }).from(t).where(cond);
  const rows = await db.select({ o: t, orgName: orgs.name }).from(t).innerJoin(orgs, eq(orgs.id, t.orgId)).where(cond).orderBy(asc(orgs.sort), asc(t.name), asc(t.id)).limit(f.pageSize).offset((f.page - 1) * f.pageSize);
  return {
    total: Number(total), page: f.page, pageSize: f.pageSize,
    items: rows.map(({ o: { idNumberEnc: _e, idNumberIndex: _i, ...o }, orgName }) => ({
      ...o, orgName, certificateTypeLabel: o.certificateType ? certificateTypes[o.certificateType as CertificateType] : null,
      certificateStatus: !o.certificateExpiry ? 'none' : o.certificateExpiry < today ? 'expired' : o.certificateExpiry <= warnUntil ? 'expiring' : 'valid',
    })),
  };
}
