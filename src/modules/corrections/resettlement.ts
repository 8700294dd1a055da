/**
 * 安置帮教 (DOMAIN.md §7): a prison notifies the release of a 刑满释放人员; the 司法所 takes them over (衔接),
 * forms a 帮教小组, records help, and follows them for a local period after release (default 5 years).
 */
import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, DbOrTx } from '../../platform/db/client';
import { AppError, forbidden, invalid, notFound } from '../../platform/errors';
import { recordAudit } from '../../platform/audit/service';
import type { AuthContext } from '../../platform/auth/context';
import { orgInScope, scopeCondition } from '../../platform/auth/scope';
import { protectPii } from '../../platform/crypto/sm';
import { addMonths, todayInChina } from '../../platform/calendar/service';
import { getOrg, resolveOrg } from '../../platform/orgs/service';
import { orgs } from '../../platform/orgs/schema';
import { resettlementPersons, type ResettlementPerson } from './schema';
import { PERM, RESETTLEMENT_ENTITY, riskLevels, type RiskLevel } from './terms';
import { getRules } from './subjects';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
export const resettlementStates = { notified: '待衔接', following: '帮教中', closed: '帮教期满' } as const;

export const personInput = z.object({
  name: z.string().trim().min(2, '请填写姓名').max(50),
  gender: z.enum(['男', '女']).optional(),
  idNumber: z.string().trim().regex(/^(\d{17}[\dXx]|\d{15})$/, '身份证号码格式不正确（18位）'),
  phone: z.string().trim().regex(/^1\d{10}$/, '手机号码格式不正确').optional(),
  address: z.string().trim().min(4, '请填写户籍或居住地址').max(200),
  prison: z.string().trim().min(2, '请填写释放单位（监狱、看守所）').max(100),
  crime: z.string().trim().max(100).optional(),
  releaseDate: isoDate,
  noticeDate: isoDate,
  riskLevel: z.enum(Object.keys(riskLevels) as [RiskLevel]).default('low'),
  office: z.string().trim().max(100).optional(),
});

/** Registers the prison's 释放通知 (the follow-up period runs from release). */
export async function registerRelease(db: Db, auth: AuthContext, raw: z.input<typeof personInput>) {
  const input = personInput.parse(raw);
  const org = input.office ? await resolveOrg(db, auth.rootPath, input.office) : await getOrg(db, auth.user.orgId);
  if (!org) throw invalid('司法所不存在', { fields: [{ path: 'office', message: '司法所不存在' }] });
  if (!auth.permissions.has(PERM.manage) || !orgInScope(auth, PERM.manage, org)) throw forbidden('无权在该机构登记安置帮教对象');
  const rules = await getRules(db);
  const id = protectPii(input.idNumber.toUpperCase());
  const phone = protectPii(input.phone);
  const address = protectPii(input.address);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(resettlementPersons)
      .values({
        orgId: org.id, regionCode: org.regionCode, createdBy: auth.user.id, name: input.name, gender: input.gender ?? null, idNumberEnc: id.enc, idNumberMasked: id.masked, idNumberIndex: id.index,
        phoneEnc: phone.enc, phoneMasked: phone.masked, addressEnc: address.enc, addressMasked: address.masked, prison: input.prison, crime: input.crime ?? null,
        releaseDate: input.releaseDate, noticeDate: input.noticeDate, riskLevel: input.riskLevel, followUntil: addMonths(input.releaseDate, rules.followUpYears * 12), state: 'notified',
      })
      .returning();
    await recordAudit(tx, auth.actor, { action: 'resettlement.register', entityType: RESETTLEMENT_ENTITY, entityId: row.id, summary: `登记刑满释放人员${row.name}（${row.prison}，${row.releaseDate}释放）`, after: row });
    return row;
  });
}

async function personInScope(db: DbOrTx, auth: AuthContext, id: string, permission: string = PERM.read) {
  if (!z.uuid().safeParse(id).success) throw notFound('安置帮教对象');
  const [row] = await db.select().from(resettlementPersons).where(and(eq(resettlementPersons.id, id), isNull(resettlementPersons.voidedAt), scopeCondition(auth, permission, { orgId: resettlementPersons.orgId })));
  if (!row) throw notFound('安置帮教对象');
  return row;
}

export const handoverInput = z.object({ date: isoDate, helpGroup: z.array(z.string().trim().min(2).max(50)).min(1, '请至少填写一名帮教小组成员').max(10), riskLevel: z.enum(Object.keys(riskLevels) as [RiskLevel]).optional() });

/** 衔接: the person is taken over by the 司法所 and a 帮教小组 formed. */
export async function handOver(db: Db, auth: AuthContext, id: string, raw: z.input<typeof handoverInput>) {
  const input = handoverInput.parse(raw);
  return db.transaction(async (tx) => {
    const p = await personInScope(tx, auth, id, PERM.manage);
    if (p.state !== 'notified') throw new AppError('RESETTLEMENT_HANDED_OVER', '该人员已衔接', 409);
    if (input.date < p.noticeDate) throw invalid('衔接日期不能早于收到释放通知日期', { fields: [{ path: 'date', message: '衔接日期不能早于收到释放通知日期' }] });
    const [row] = await tx.update(resettlementPersons).set({ state: 'following', handoverDate: input.date, helpGroup: input.helpGroup, riskLevel: input.riskLevel ?? p.riskLevel, version: p.version + 1, updatedAt: new Date() }).where(eq(resettlementPersons.id, p.id)).returning();
    await recordAudit(tx, auth.actor, { action: 'resettlement.handover', entityType: RESETTLEMENT_ENTITY, entityId: p.id, summary: `衔接刑满释放人员${p.name}（${input.date}）`, before: { state: p.state }, after: { state: 'following', handoverDate: input.date } });
    return row;
  });
}

export const helpInput = z.object({ date: isoDate, kind: z.string().trim().min(2, '请填写帮教方式').max(50), note: z.string().trim().min(2, '请填写帮教情况').max(2000) });

export async function addHelp(db: Db, auth: AuthContext, id: string, raw: z.input<typeof helpInput>) {
  const input = helpInput.parse(raw);
  return db.transaction(async (tx) => {
    const p = await personInScope(tx, auth, id, PERM.manage);
    if (p.state !== 'following') throw new AppError('RESETTLEMENT_NOT_FOLLOWING', '衔接后才能登记帮教记录', 400);
    const [row] = await tx.update(resettlementPersons).set({ helps: [...p.helps, input], version: p.version + 1, updatedAt: new Date() }).where(eq(resettlementPersons.id, p.id)).returning();
    await recordAudit(tx, auth.actor, { action: 'resettlement.help', entityType: RESETTLEMENT_ENTITY, entityId: p.id, summary: `帮教记录：${p.name}（${input.kind}，${input.date}）` });
    return row;
  });
}

export const resettlementFilter = z.object({
  state: z.enum(Object.keys(resettlementStates) as [keyof typeof resettlementStates]).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

const present = (p: ResettlementPerson & { orgName?: string | null }, today = todayInChina()) => {
  const { idNumberEnc: _a, idNumberIndex: _b, phoneEnc: _c, addressEnc: _d, ...rest } = p;
  const state = p.state === 'following' && p.followUntil < today ? 'closed' : p.state;
  return { ...rest, state, stateLabel: resettlementStates[state as keyof typeof resettlementStates], riskLevelLabel: riskLevels[p.riskLevel as RiskLevel] };
};

export async function listResettlement(db: DbOrTx, auth: AuthContext, raw: z.input<typeof resettlementFilter>) {
  const f = resettlementFilter.parse(raw);
  const today = todayInChina();
  const stateCond = f.state === 'closed' ? sql`${resettlementPersons.state} = 'following' and ${resettlementPersons.followUntil} < ${today}` : f.state === 'following' ? sql`${resettlementPersons.state} = 'following' and ${resettlementPersons.followUntil} >= ${today}` : f.state ? eq(resettlementPersons.state, f.state) : undefined;
  const cond = and(isNull(resettlementPersons.voidedAt), scopeCondition(auth, PERM.read, { orgId: resettlementPersons.orgId }), stateCond);
  const [{ total }] = await db.select({ total: sql<number>`count(*)::int` }).from(resettlementPersons).where(cond);
  const rows = await db.select({ p: resettlementPersons, orgName: orgs.name }).from(resettlementPersons).leftJoin(orgs, eq(orgs.id, resettlementPersons.orgId)).where(cond).orderBy(desc(resettlementPersons.releaseDate), asc(resettlementPersons.id)).limit(f.pageSize).offset((f.page - 1) * f.pageSize);
  return { total: Number(total), page: f.page, pageSize: f.pageSize, items: rows.map((r) => present({ ...r.p, orgName: r.orgName }, today)) };
}

/** One person's file (audited read). */
export async function resettlementDetail(db: Db, auth: AuthContext, id: string) {
  const p = await personInScope(db, auth, id);
  await recordAudit(db, auth.actor, { action: 'resettlement.read', entityType: RESETTLEMENT_ENTITY, entityId: p.id, summary: `查阅安置帮教对象档案：${p.name}` });
  return present(p);
}
