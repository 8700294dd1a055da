/**
 * 公证, 12348 法律咨询 and the service network (DOMAIN.md §6): registers with data scope on `org_id`, PII
 * encrypted, every write audited in its transaction.
 */
import crypto from 'node:crypto';
import { and, asc, desc, eq, ilike, isNull, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { rowsOf, type Db, type DbOrTx } from '../../platform/db/client';
import { AppError, forbidden, invalid, notFound } from '../../platform/errors';
import { recordAudit, type Actor } from '../../platform/audit/service';
import type { AuthContext } from '../../platform/auth/context';
import { orgInScope, scopeCondition } from '../../platform/auth/scope';
import { getOrg, type Org } from '../../platform/orgs/service';
import { orgs } from '../../platform/orgs/schema';
import { protectPii } from '../../platform/crypto/sm';
import { countDays, todayInChina } from '../../platform/calendar/service';
import { consultations, lawFirms, lawyers, notaryMatters, servicePoints, type Consultation, type NotaryMatter } from './schema';
import { trackingHash } from './cases';
import {
  assessmentResults, consultationChannels, consultationTopics, COVERAGE_RADIUS_M, lawyerKinds, notaryMatterTypes, notaryStates, PERM, pointKinds, referralTargets, satisfactionLevels,
  type ConsultationChannel, type ConsultationTopic, type LawyerKind, type NotaryMatterType, type NotaryState, type PointKind,
} from './terms';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const page = { page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(1000).default(20) };
const phone = z.string().trim().regex(/^1\d{10}$|^0\d{2,3}-?\d{7,8}$/, '联系电话应为11位手机号或带区号的固定电话');

async function serial(tx: DbOrTx, table: string, org: Org, year: number, dateCol: string, prefix: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`${table}.serial:${org.id}`}))`);
  const [r] = rowsOf<{ n: number }>(await tx.execute(sql`select count(*)::int as n from ${sql.raw(table)} where org_id = ${org.id} and extract(year from ${sql.raw(dateCol)}) = ${year}`));
  return `${prefix}〔${year}〕${Number(r.n) + 1}号`;
}

async function orgOfType(db: DbOrTx, auth: AuthContext, type: string): Promise<Org | undefined> {
  if (auth.user.orgType === type) return getOrg(db, auth.user.orgId);
  const [org] = await db.select().from(orgs).where(and(eq(orgs.type, type), isNull(orgs.voidedAt), sql`${orgs.path} like ${auth.rootPath + '%'}`)).orderBy(orgs.sort).limit(1);
  return org;
}

// ── 公证 ─────────────────────────────────────────────────────────────────────────────────────────────────
export const notaryInput = z.object({
  matterType: z.enum(Object.keys(notaryMatterTypes) as [NotaryMatterType], { message: '请选择公证事项' }),
  applicantName: z.string().trim().min(2, '请填写申请人').max(100),
  applicantIdNumber: z.string().trim().regex(/^\d{17}[\dXx]$/, '身份证号应为18位（最后一位可为X）').optional(),
  applicantPhone: phone.optional(),
  foreign: z.boolean().default(false),
  useCountry: z.string().trim().max(50).optional(),
  oneVisit: z.boolean().default(false),
  fee: z.coerce.number().min(0, '收费不能为负数').max(1_000_000),
  acceptedDate: isoDate.optional(),
  notaryName: z.string().trim().max(50).optional(),
  note: z.string().max(2000).optional(),
}).refine((d) => !d.foreign || !!d.useCountry, { message: '涉外公证请填写使用地（国家或地区）', path: ['useCountry'] });

const notaryScope = (auth: AuthContext) => scopeCondition(auth, PERM.notaryRead, { orgId: notaryMatters.orgId, createdBy: notaryMatters.createdBy });

export async function createNotaryMatter(db: Db, auth: AuthContext, raw: z.input<typeof notaryInput>) {
  const input = notaryInput.parse(raw);
  const org = await orgOfType(db, auth, 'notaryOffice');
  if (!org || !auth.permissions.has(PERM.notaryManage) || !orgInScope(auth, PERM.notaryManage, org)) throw forbidden('无权受理公证事项');
  const date = input.acceptedDate ?? todayInChina();
  return db.transaction(async (tx) => {
    const caseNumber = await serial(tx, 'notary_matters', org, Number(date.slice(0, 4)), 'accepted_date', org.shortName ?? '公证');
    const pid = protectPii(input.applicantIdNumber);
    const pph = protectPii(input.applicantPhone);
    const [row] = await tx.insert(notaryMatters).values({
      orgId: org.id, regionCode: org.regionCode, createdBy: auth.user.id, caseNumber, matterType: input.matterType, applicantName: input.applicantName,
      applicantIdEnc: pid.enc, applicantIdMasked: pid.masked, applicantPhoneEnc: pph.enc, applicantPhoneMasked: pph.masked,
      foreign: input.foreign, useCountry: input.useCountry ?? null, oneVisit: input.oneVisit, fee: String(input.fee), state: 'accepted', acceptedDate: date, notaryName: input.notaryName ?? null, note: input.note ?? null,
    }).returning();
    await recordAudit(tx, auth.actor, { action: 'notary.accept', entityType: 'notaryMatter', entityId: row.id, summary: `受理公证 ${caseNumber}：${notaryMatterTypes[input.matterType]}（${input.applicantName}）`, after: row });
    return row;
  });
}

export const notaryActionInput = z.object({
  version: z.number().int(),
  action: z.enum(['certify', 'refuse', 'terminate']),
  date: isoDate.optional(),
  certificateNumber: z.string().trim().max(100).optional(),
  reason: z.string().trim().max(2000).optional(),
}).refine((d) => d.action !== 'certify' || !!d.certificateNumber, { message: '出证请填写公证书编号', path: ['certificateNumber'] })
  .refine((d) => d.action === 'certify' || (d.reason?.length ?? 0) >= 2, { message: '不予办理或终止公证请写明理由', path: ['reason'] });

/** 公证程序规则: 受理 → 审查 → 出证 | 不予办理 | 终止. */
export async function actOnNotary(db: Db, auth: AuthContext, id: string, raw: z.input<typeof notaryActionInput>) {
  const input = notaryActionInput.parse(raw);
  return db.transaction(async (tx) => {
    const [m] = await tx.select().from(notaryMatters).where(and(eq(notaryMatters.id, id), isNull(notaryMatters.voidedAt), notaryScope(auth)));
    if (!m) throw notFound('公证事项');
    const org = (await getOrg(tx, m.orgId))!;
    if (!auth.permissions.has(PERM.notaryManage) || !orgInScope(auth, PERM.notaryManage, org)) throw forbidden('无权办理该公证事项');
    if (m.state !== 'accepted') throw new AppError('NOTARY_CLOSED', `该公证事项已${notaryStates[m.state as NotaryState]}`, 400);
    const date = input.date ?? todayInChina();
    if (date < m.acceptedDate) throw invalid('办结日期不能早于受理日期', { fields: [{ path: 'date', message: '办结日期不能早于受理日期' }] });
    const state: NotaryState = input.action === 'certify' ? 'certified' : input.action === 'refuse' ? 'refused' : 'terminated';
    const [after] = await tx.update(notaryMatters).set({ state, certifiedDate: date, certificateNumber: input.certificateNumber ?? null, note: input.reason ?? m.note, version: m.version + 1, updatedAt: new Date() })
      .where(and(eq(notaryMatters.id, id), eq(notaryMatters.version, input.version))).returning();
    if (!after) throw new AppError('VERSION_CONFLICT', '该公证事项已被他人处理，请刷新后重试', 409);
    await recordAudit(tx, auth.actor, { action: `notary.${input.action}`, entityType: 'notaryMatter', entityId: id, summary: `${m.caseNumber} ${notaryStates[state]}`, before: m, after });
    return after;
  });
}

export const notaryFilter = z.object({
  state: z.enum(Object.keys(notaryStates) as [NotaryState]).optional(),
  matterType: z.enum(Object.keys(notaryMatterTypes) as [NotaryMatterType]).optional(),
  foreign: z.enum(['0', '1']).optional(),
  oneVisit: z.enum(['0', '1']).optional(),
  q: z.string().trim().max(50).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  ...page,
});

export const decorateNotary = (m: NotaryMatter) => {
  const { applicantIdEnc: _a, applicantPhoneEnc: _b, ...rest } = m;
  return { ...rest, matterTypeLabel: notaryMatterTypes[m.matterType as NotaryMatterType] ?? m.matterType, stateLabel: notaryStates[m.state as NotaryState] ?? m.state, fee: Number(m.fee), durationDays: m.certifiedDate && m.state === 'certified' ? countDays(m.acceptedDate, m.certifiedDate, 'calendarDay') : null };
};

export async function listNotary(db: DbOrTx, auth: AuthContext, raw: z.input<typeof notaryFilter>) {
  const f = notaryFilter.parse(raw);
  const cond = and(
    isNull(notaryMatters.voidedAt), notaryScope(auth),
    f.state ? eq(notaryMatters.state, f.state) : undefined, f.matterType ? eq(notaryMatters.matterType, f.matterType) : undefined,
    f.foreign ? eq(notaryMatters.foreign, f.foreign === '1') : undefined, f.oneVisit ? eq(notaryMatters.oneVisit, f.oneVisit === '1') : undefined,
    f.q ? or(ilike(notaryMatters.caseNumber, `%${f.q}%`), ilike(notaryMatters.applicantName, `%${f.q}%`)) : undefined,
    f.from ? sql`${notaryMatters.acceptedDate} >= ${f.from}` : undefined, f.to ? sql`${notaryMatters.acceptedDate} <= ${f.to}` : undefined,
  );
  const [s] = await db.select({
    total: sql<number>`count(*)::int`,
    certified: sql<number>`count(*) filter (where ${notaryMatters.state} = 'certified')::int`,
    foreign: sql<number>`count(*) filter (where ${notaryMatters.foreign})::int`,
    oneVisit: sql<number>`count(*) filter (where ${notaryMatters.oneVisit})::int`,
    fees: sql<string>`coalesce(sum(${notaryMatters.fee}), 0)::text`,
    avgDays: sql<string | null>`round(avg(${notaryMatters.certifiedDate} - ${notaryMatters.acceptedDate}) filter (where ${notaryMatters.state} = 'certified'), 1)::text`,
  }).from(notaryMatters).where(cond);
  const rows = await db.select().from(notaryMatters).where(cond).orderBy(desc(notaryMatters.acceptedDate), desc(notaryMatters.createdAt)).limit(f.pageSize).offset((f.page - 1) * f.pageSize);
  return {
    total: Number(s.total), page: f.page, pageSize: f.pageSize, items: rows.map(decorateNotary),
    summary: { certified: Number(s.certified), foreign: Number(s.foreign), oneVisit: Number(s.oneVisit), fees: Number(s.fees), averageDays: s.avgDays == null ? null : Number(s.avgDays) },
  };
}

// ── 12348 法律咨询 ───────────────────────────────────────────────────────────────────────────────────────
export const consultationInput = z.object({
  channel: z.enum(['hotline', 'window'], { message: '请选择咨询渠道' }),
  topic: z.enum(Object.keys(consultationTopics) as [ConsultationTopic], { message: '请选择咨询类别' }),
  consultedDate: isoDate.optional(),
  askerName: z.string().trim().max(50).optional(),
  askerPhone: phone.optional(),
  question: z.string().trim().min(4, '请填写咨询内容（至少4个字）').max(5000),
  answer: z.string().trim().min(2, '请填写解答意见').max(10000),
  durationMinutes: z.coerce.number().int().min(0).max(600).optional(),
  referralTarget: z.enum(Object.keys(referralTargets) as [keyof typeof referralTargets]).optional(),
  referralNote: z.string().trim().max(2000).optional(),
  satisfaction: z.enum(Object.keys(satisfactionLevels) as [keyof typeof satisfactionLevels]).optional(),
});
export const onlineQuestionInput = z.object({
  topic: z.enum(Object.keys(consultationTopics) as [ConsultationTopic], { message: '请选择咨询类别' }),
  askerName: z.string().trim().max(50).optional(),
  askerPhone: phone.optional(),
  question: z.string().trim().min(10, '请详细描述您的问题（至少10个字）').max(5000),
});
export const answerInput = z.object({
  version: z.number().int(),
  answer: z.string().trim().min(2, '请填写解答意见').max(10000),
  topic: z.enum(Object.keys(consultationTopics) as [ConsultationTopic]).optional(),
  referralTarget: z.enum(Object.keys(referralTargets) as [keyof typeof referralTargets]).optional(),
  referralNote: z.string().trim().max(2000).optional(),
});

const consultationScope = (auth: AuthContext) => scopeCondition(auth, PERM.consultationRead, { orgId: consultations.orgId, createdBy: consultations.createdBy });

async function insertConsultation(db: Db, actor: Actor, org: Org, values: Omit<typeof consultations.$inferInsert, 'orgId' | 'regionCode' | 'serialNumber'>) {
  return db.transaction(async (tx) => {
    const date = values.consultedDate;
    const serialNumber = await serial(tx, 'consultations', org, Number(date.slice(0, 4)), 'consulted_date', `${org.shortName ?? '12348'}咨`);
    const [row] = await tx.insert(consultations).values({ ...values, orgId: org.id, regionCode: org.regionCode, serialNumber }).returning();
    await recordAudit(tx, actor, { action: 'consultation.log', entityType: 'consultation', entityId: row.id, summary: `${consultationChannels[row.channel as ConsultationChannel]}咨询 ${serialNumber}：${consultationTopics[row.topic as ConsultationTopic]}`, after: { ...row, askerPhoneEnc: undefined } });
    return row;
  });
}

/** Hotline and window consultations are logged answered, by the operator's org. */
export async function logConsultation(db: Db, auth: AuthContext, raw: z.input<typeof consultationInput>) {
  const input = consultationInput.parse(raw);
  const org = (await getOrg(db, auth.user.orgId))!;
  if (!auth.permissions.has(PERM.consultationManage)) throw forbidden('无权登记法律咨询');
  const date = input.consultedDate ?? todayInChina();
  const pph = protectPii(input.askerPhone);
  return insertConsultation(db, auth.actor, org, {
    createdBy: auth.user.id, channel: input.channel, topic: input.topic, consultedDate: date, askerName: input.askerName ?? null, askerPhoneEnc: pph.enc, askerPhoneMasked: pph.masked,
    question: input.question, answer: input.answer, answeredDate: date, answeredBy: auth.user.displayName, state: 'answered', durationMinutes: input.durationMinutes ?? null,
    referralTarget: input.referralTarget ?? null, referralNote: input.referralNote ?? null, referralDate: input.referralTarget ? date : null, satisfaction: input.satisfaction ?? null,
  });
}

function newCode() {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const raw = [...crypto.randomBytes(8)].map((b) => alphabet[b % alphabet.length]).join('');
  return `${raw.slice(0, 4)}-${raw.slice(4, 8)}`;
}

/** 网上咨询 from the portal: to the county's 司法局, unanswered; the asker reads the answer with a 查询码. */
export async function askOnline(db: Db, raw: z.input<typeof onlineQuestionInput>, meta: { ip: string | null }) {
  const input = onlineQuestionInput.parse(raw);
  const [org] = await db.select().from(orgs).where(and(eq(orgs.type, 'justiceBureau'), isNull(orgs.voidedAt))).orderBy(orgs.sort).limit(1);
  if (!org) throw new AppError('CONSULTATION_NO_ORG', '未找到受理网上咨询的机构', 400);
  const code = newCode();
  const pph = protectPii(input.askerPhone);
  const row = await insertConsultation(db, { id: null, name: `网上咨询：${input.askerName ?? '匿名'}`, orgId: null, ip: meta.ip }, org, {
    createdBy: null, channel: 'online', topic: input.topic, consultedDate: todayInChina(), askerName: input.askerName ?? null, askerPhoneEnc: pph.enc, askerPhoneMasked: pph.masked,
    question: input.question, state: 'pending', trackingHash: trackingHash('consultation', code),
  });
  return { serialNumber: row.serialNumber, queryCode: code };
}

export async function answerConsultation(db: Db, auth: AuthContext, id: string, raw: z.input<typeof answerInput>) {
  const input = answerInput.parse(raw);
  return db.transaction(async (tx) => {
    const [c] = await tx.select().from(consultations).where(and(eq(consultations.id, id), isNull(consultations.voidedAt), consultationScope(auth)));
    if (!c) throw notFound('咨询记录');
    const org = (await getOrg(tx, c.orgId))!;
    if (!auth.permissions.has(PERM.consultationManage) || !orgInScope(auth, PERM.consultationManage, org)) throw forbidden('无权解答该咨询');
    const date = todayInChina();
    const [after] = await tx.update(consultations).set({
      answer: input.answer, answeredDate: date, answeredBy: auth.user.displayName, state: 'answered', topic: input.topic ?? c.topic,
      referralTarget: input.referralTarget ?? c.referralTarget, referralNote: input.referralNote ?? c.referralNote, referralDate: input.referralTarget ? date : c.referralDate,
      version: c.version + 1, updatedAt: new Date(),
    }).where(and(eq(consultations.id, id), eq(consultations.version, input.version))).returning();
    if (!after) throw new AppError('VERSION_CONFLICT', '该咨询已被他人解答，请刷新后重试', 409);
    await recordAudit(tx, auth.actor, { action: 'consultation.answer', entityType: 'consultation', entityId: id, summary: `解答咨询 ${c.serialNumber}${input.referralTarget ? `，转${referralTargets[input.referralTarget]}` : ''}`, before: { state: c.state, answer: c.answer }, after: { state: after.state, answer: after.answer, referralTarget: after.referralTarget } });
    return after;
  });
}

/** The asker reads the answer (no personal data shown back) and may rate it once. */
export async function consultationByCode(db: DbOrTx, code: string) {
  const [c] = await db.select().from(consultations).where(and(eq(consultations.trackingHash, trackingHash('consultation', code)), isNull(consultations.voidedAt)));
  if (!c) throw new AppError('NOT_FOUND', '查询码不存在，请核对后重新输入', 404);
  return { serialNumber: c.serialNumber, consultedDate: c.consultedDate, topicLabel: consultationTopics[c.topic as ConsultationTopic], question: c.question, state: c.state, stateLabel: c.state === 'answered' ? '已解答' : '待解答', answer: c.answer, answeredDate: c.answeredDate, referralLabel: c.referralTarget ? referralTargets[c.referralTarget as keyof typeof referralTargets] : null, satisfaction: c.satisfaction };
}

export async function rateConsultation(db: Db, code: string, satisfaction: keyof typeof satisfactionLevels) {
  const [c] = await db.select().from(consultations).where(and(eq(consultations.trackingHash, trackingHash('consultation', code)), isNull(consultations.voidedAt)));
  if (!c) throw new AppError('NOT_FOUND', '查询码不存在，请核对后重新输入', 404);
  if (c.state !== 'answered') throw new AppError('CONSULTATION_NOT_ANSWERED', '咨询尚未解答，暂不能评价', 400);
  if (c.satisfaction) throw new AppError('CONSULTATION_ALREADY_RATED', '您已评价过该咨询', 400);
  await db.transaction(async (tx) => {
    await tx.update(consultations).set({ satisfaction, updatedAt: new Date() }).where(eq(consultations.id, c.id));
    await recordAudit(tx, { id: null, name: '网上咨询人', orgId: null }, { action: 'consultation.rate', entityType: 'consultation', entityId: c.id, summary: `${c.serialNumber} 评价：${satisfactionLevels[satisfaction]}` });
  });
  return consultationByCode(db, code);
}

export const consultationFilter = z.object({
  channel: z.enum(Object.keys(consultationChannels) as [ConsultationChannel]).optional(),
  topic: z.enum(Object.keys(consultationTopics) as [ConsultationTopic]).optional(),
  state: z.enum(['pending', 'answered']).optional(),
  referral: z.enum(['legalAid', 'mediation']).optional(),
  q: z.string().trim().max(50).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  ...page,
});

const decorateConsultation = (c: Consultation) => {
  const { askerPhoneEnc: _a, trackingHash: _b, ...rest } = c;
  return {
    ...rest, channelLabel: consultationChannels[c.channel as ConsultationChannel] ?? c.channel, topicLabel: consultationTopics[c.topic as ConsultationTopic] ?? c.topic,
    stateLabel: c.state === 'answered' ? '已解答' : '待解答', referralLabel: c.referralTarget ? referralTargets[c.referralTarget as keyof typeof referralTargets] : null,
    satisfactionLabel: c.satisfaction ? satisfactionLevels[c.satisfaction as keyof typeof satisfactionLevels] : null,
  };
};

export async function listConsultations(db: DbOrTx, auth: AuthContext, raw: z.input<typeof consultationFilter>) {
  const f = consultationFilter.parse(raw);
  const cond = and(
    isNull(consultations.voidedAt), consultationScope(auth),
    f.channel ? eq(consultations.channel, f.channel) : undefined, f.topic ? eq(consultations.topic, f.topic) : undefined, f.state ? eq(consultations.state, f.state) : undefined,
    f.referral ? eq(consultations.referralTarget, f.referral) : undefined,
    f.q ? or(ilike(consultations.question, `%${f.q}%`), ilike(consultations.serialNumber, `%${f.q}%`)) : undefined,
    f.from ? sql`${consultations.consultedDate} >= ${f.from}` : undefined, f.to ? sql`${consultations.consultedDate} <= ${f.to}` : undefined,
  );
  const [{ total }] = await db.select({ total: sql<number>`count(*)::int` }).from(consultations).where(cond);
  const rows = await db.select().from(consultations).where(cond).orderBy(asc(sql`case when ${consultations.state} = 'pending' then 0 else 1 end`), desc(consultations.consultedDate), desc(consultations.createdAt)).limit(f.pageSize).offset((f.page - 1) * f.pageSize);
  return { total: Number(total), page: f.page, pageSize: f.pageSize, items: rows.map(decorateConsultation) };
}

// ── 服务网络 and 律所/律师 ─────────────────────────────────────────────────────────────────────────────
export const pointInput = z.object({
  kind: z.enum(Object.keys(pointKinds) as [PointKind], { message: '请选择服务点类别' }),
  name: z.string().trim().min(2, '请填写名称').max(100),
  org: z.uuid({ message: '请选择所属机构' }).optional(),
  address: z.string().trim().min(2, '请填写地址').max(200),
  lng: z.coerce.number().min(73, '经度应在73至136之间').max(136, '经度应在73至136之间'),
  lat: z.coerce.number().min(3, '纬度应在3至54之间').max(54, '纬度应在3至54之间'),
  openingHours: z.string().trim().max(100).optional(),
  phone: z.string().trim().max(30).optional(),
  staffCount: z.coerce.number().int().min(0).max(1000).default(0),
  staffNames: z.string().trim().max(500).optional(),
});


export async function createPoint(db: Db, auth: AuthContext, raw: z.input<typeof pointInput>) {
  const input = pointInput.parse(raw);
  const org = (await getOrg(db, input.org ?? auth.user.orgId))!;
  if (!org || !orgInScope(auth, PERM.networkManage, org)) throw forbidden('无权在该机构登记服务点');
  return db.transaction(async (tx) => {
    const { org: _o, ...values } = input;
    const [row] = await tx.insert(servicePoints).values({ ...values, orgId: org.id, regionCode: org.regionCode, createdBy: auth.user.id }).returning();
    await recordAudit(tx, auth.actor, { action: 'legalService.point', entityType: 'servicePoint', entityId: row.id, summary: `登记${pointKinds[row.kind as PointKind]}：${row.name}`, after: row });
    return row;
  });
}

export async function listPoints(db: DbOrTx, auth: AuthContext, f: { kind?: string; q?: string }) {
  const rows = await db.select({ p: servicePoints, orgName: orgs.name }).from(servicePoints).innerJoin(orgs, eq(orgs.id, servicePoints.orgId))
    .where(and(isNull(servicePoints.voidedAt), scopeCondition(auth, PERM.networkRead, { orgId: servicePoints.orgId }), f.kind ? eq(servicePoints.kind, f.kind) : undefined, f.q ? ilike(servicePoints.name, `%${f.q}%`) : undefined))
    .orderBy(servicePoints.kind, servicePoints.regionCode, servicePoints.name);
  return { items: rows.map((r) => ({ ...r.p, orgName: r.orgName, kindLabel: pointKinds[r.p.kind as PointKind] ?? r.p.kind })), coverageRadiusM: COVERAGE_RADIUS_M };
}

/** Everything the 一图可见 map draws: service points and law firms, with the 15-minute radius. */
export async function networkMap(db: DbOrTx, auth: AuthContext) {
  const points = (await listPoints(db, auth, {})).items;
  const firms = await db.select().from(lawFirms).where(and(isNull(lawFirms.voidedAt), scopeCondition(auth, PERM.networkRead, { orgId: lawFirms.orgId })));
  return {
    coverageRadiusM: COVERAGE_RADIUS_M,
    points: points.map((p) => ({ id: p.id, kind: p.kind, kindLabel: p.kindLabel, name: p.name, address: p.address, lng: p.lng, lat: p.lat, openingHours: p.openingHours, phone: p.phone, staffCount: p.staffCount })),
    firms: firms.filter((f) => f.lng != null && f.lat != null).map((f) => ({ id: f.id, name: f.name, address: f.address, lng: f.lng!, lat: f.lat! })),
  };
}

export const firmInput = z.object({
  name: z.string().trim().min(4, '请填写律师事务所名称').max(100),
  licenseNumber: z.string().trim().min(6, '请填写执业许可证号').max(50),
  head: z.string().trim().max(50).optional(),
  address: z.string().trim().max(200).optional(),
  phone: z.string().trim().max(30).optional(),
  lng: z.coerce.number().min(73).max(136).optional(),
  lat: z.coerce.number().min(3).max(54).optional(),
  foundedDate: isoDate.optional(),
});

export async function createFirm(db: Db, auth: AuthContext, raw: z.input<typeof firmInput>) {
  const input = firmInput.parse(raw);
  const org = (await getOrg(db, auth.user.orgId))!;
  if (!orgInScope(auth, PERM.networkManage, org)) throw forbidden('无权登记律师事务所');
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(lawFirms).values({ ...input, orgId: org.id, regionCode: org.regionCode, createdBy: auth.user.id }).returning();
    await recordAudit(tx, auth.actor, { action: 'legalService.firm', entityType: 'lawFirm', entityId: row.id, summary: `登记律师事务所：${row.name}`, after: row });
    return row;
  });
}

export async function listFirms(db: DbOrTx, auth: AuthContext) {
  const rows = rowsOf<Record<string, unknown>>(await db.execute(sql`
    select f.id, f.name, f.license_number as "licenseNumber", f.head, f.address, f.phone, f.lng, f.lat, f.founded_date::text as "foundedDate",
      (select count(*)::int from lawyers l where l.firm_id = f.id and l.voided_at is null and l.status = 'active') as "lawyerCount"
    from law_firms f where f.voided_at is null and ${scopeCondition(auth, PERM.networkRead, { orgId: lawFirms.orgId })} order by f.name`));
  return { items: rows };
}

export const lawyerInput = z.object({
  name: z.string().trim().min(2, '请填写姓名').max(50),
  kind: z.enum(Object.keys(lawyerKinds) as [LawyerKind], { message: '请选择执业类别' }),
  firmId: z.uuid({ message: '请选择所在律师事务所' }).optional(),
  licenseNumber: z.string().trim().regex(/^\d{17}$|^[A-Za-z0-9-]{6,30}$/, '执业证号应为17位数字'),
  licenseDate: isoDate.optional(),
  phone: phone.optional(),
  specialties: z.string().trim().max(200).optional(),
});

export async function createLawyer(db: Db, auth: AuthContext, raw: z.input<typeof lawyerInput>) {
  const input = lawyerInput.parse(raw);
  const org = (await getOrg(db, auth.user.orgId))!;
  if (!orgInScope(auth, PERM.networkManage, org)) throw forbidden('无权登记律师');
  return db.transaction(async (tx) => {
    const pph = protectPii(input.phone);
    const { phone: _p, ...values } = input;
    const [row] = await tx.insert(lawyers).values({ ...values, phoneEnc: pph.enc, phoneMasked: pph.masked, orgId: org.id, regionCode: org.regionCode, createdBy: auth.user.id }).returning();
    await recordAudit(tx, auth.actor, { action: 'legalService.lawyer', entityType: 'lawyer', entityId: row.id, summary: `登记${lawyerKinds[row.kind as LawyerKind]}：${row.name}（${row.licenseNumber}）`, after: { ...row, phoneEnc: undefined } });
    return row;
  });
}

export const assessmentInput = z.object({ version: z.number().int(), year: z.coerce.number().int().min(2000).max(2100), result: z.enum(Object.keys(assessmentResults) as [keyof typeof assessmentResults], { message: '请选择考核结果' }), note: z.string().max(500).optional() });

/** 年度考核 (律师事务所年度检查考核办法): one result a year; a second entry for the year replaces the first. */
export async function assessLawyer(db: Db, auth: AuthContext, id: string, raw: z.input<typeof assessmentInput>) {
  const input = assessmentInput.parse(raw);
  return db.transaction(async (tx) => {
    const [l] = await tx.select().from(lawyers).where(and(eq(lawyers.id, id), isNull(lawyers.voidedAt), scopeCondition(auth, PERM.networkManage, { orgId: lawyers.orgId })));
    if (!l) throw notFound('律师');
    const assessments = [...l.assessments.filter((a) => a.year !== input.year), { year: input.year, result: input.result, note: input.note ?? null }].sort((a, b) => a.year - b.year);
    const [after] = await tx.update(lawyers).set({ assessments, version: l.version + 1, updatedAt: new Date() }).where(and(eq(lawyers.id, id), eq(lawyers.version, input.version))).returning();
    if (!after) throw new AppError('VERSION_CONFLICT', '数据已被他人修改，请刷新后重试', 409);
    await recordAudit(tx, auth.actor, { action: 'legalService.assess', entityType: 'lawyer', entityId: id, summary: `${l.name} ${input.year}年度考核：${assessmentResults[input.result]}`, before: l.assessments, after: assessments });
    return after;
  });
}

export const lawyerFilter = z.object({ kind: z.enum(Object.keys(lawyerKinds) as [LawyerKind]).optional(), firmId: z.uuid().optional(), q: z.string().trim().max(50).optional(), status: z.string().max(16).optional(), ...page });

export async function listLawyers(db: DbOrTx, auth: AuthContext, raw: z.input<typeof lawyerFilter>) {
  const f = lawyerFilter.parse(raw);
  const cond = and(
    isNull(lawyers.voidedAt), scopeCondition(auth, PERM.networkRead, { orgId: lawyers.orgId }),
    f.kind ? eq(lawyers.kind, f.kind) : undefined, f.firmId ? eq(lawyers.firmId, f.firmId) : undefined, f.status ? eq(lawyers.status, f.status) : undefined,
    f.q ? or(ilike(lawyers.name, `%${f.q}%`), ilike(lawyers.licenseNumber, `%${f.q}%`)) : undefined,
  );
  const [{ total }] = await db.select({ total: sql<number>`count(*)::int` }).from(lawyers).where(cond);
  const rows = await db.select({ l: lawyers, firmName: lawFirms.name }).from(lawyers).leftJoin(lawFirms, eq(lawFirms.id, lawyers.firmId)).where(cond).orderBy(lawFirms.name, lawyers.name).limit(f.pageSize).offset((f.page - 1) * f.pageSize);
  return {
    total: Number(total), page: f.page, pageSize: f.pageSize,
    items: rows.map(({ l, firmName }) => {
      const { phoneEnc: _p, ...rest } = l;
      const last = l.assessments.at(-1);
      return { ...rest, firmName, kindLabel: lawyerKinds[l.kind as LawyerKind] ?? l.kind, statusLabel: l.status === 'active' ? '执业' : l.status === 'suspended' ? '停止执业' : '注销', lastAssessment: last ? `${last.year}年 ${assessmentResults[last.result as keyof typeof assessmentResults] ?? last.result}` : null };
    }),
  };
}
