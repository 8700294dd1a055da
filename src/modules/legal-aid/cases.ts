/**
 * 法律援助 use cases (法律援助法; DOMAIN.md §6). A case belongs to its 法律援助机构 (`org_id`); data scope on it
 * decides who sees it, and the assigned 法律援助人员 sees the cases assigned to them. Each write is one
 * transaction: row, workflow, 文书, audit.
 */
import crypto from 'node:crypto';
import { and, desc, eq, ilike, isNull, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, DbOrTx, Tx } from '../../platform/db/client';
import { AppError, forbidden, invalid, notFound } from '../../platform/errors';
import { recordAudit, type Actor } from '../../platform/audit/service';
import type { AuthContext } from '../../platform/auth/context';
import { orgInScope, scopeCondition } from '../../platform/auth/scope';
import { getOrg, type Org } from '../../platform/orgs/service';
import { orgs } from '../../platform/orgs/schema';
import { protectPii, sm3, decryptPii } from '../../platform/crypto/sm';
import { getSetting } from '../../platform/settings/service';
import { todayInChina } from '../../platform/calendar/service';
import { issueNumber } from '../../platform/instruments/numbering';
import { registerInstrumentType } from '../../platform/instruments/registry';
import { fireTransition, instanceHistory, instanceInScope, instanceView, loadInstance, startInstance, voidInstancesOf } from '../../platform/workflow/engine';
import { lawFirms, lawyers, legalAidCases, legalAidObjections, dutyLawyerLogs, type CaseEntry, type LegalAidCase } from './schema';
import {
  assigneeKinds, lawyerKinds, CASE_ENTITY, CASE_WORKFLOW, caseStateLabels, caseTypes, channels, closingMaterials, defaultEligibility, dutyPlaces, ELIGIBILITY_KEY, gradeOf,
  meansGrounds, OBJECTION_ENTITY, OBJECTION_WORKFLOW, objectionDecisions, PERM, qualityGrades, qualityItems, terminationGrounds,
  type CaseType, type Channel, type EligibilityRules, type MeansGround, type QualityGrade, type QualityItem,
} from './terms';
import './workflow';
import './instruments';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const live = isNull(legalAidCases.voidedAt);

/** 案件编号 武援〔2025〕12号: gap-free per 法律援助机构 and year. */
registerInstrumentType({ type: 'legalAid.caseNo', label: '法律援助案件编号', typeShort: '援', numbered: true, format: '{orgShort}〔{year}〕{n}号', title: () => '法律援助案件', body: () => [] });

const idNumber = z.string().trim().regex(/^\d{17}[\dXx]$/, '身份证号应为18位（最后一位可为X）');
const phone = z.string().trim().regex(/^1\d{10}$|^0\d{2,3}-?\d{7,8}$/, '联系电话应为11位手机号或带区号的固定电话');

export const applicationInput = z.object({
  caseType: z.enum(Object.keys(caseTypes) as [CaseType], { message: '请选择案件类别（刑事、民事、行政）' }),
  applicantName: z.string().trim().min(2, '请填写申请人姓名').max(50),
  applicantIdNumber: idNumber,
  applicantPhone: phone,
  applicantAddress: z.string().trim().max(200).optional(),
  matter: z.string().trim().min(4, '请简要写明案情和申请事项（至少4个字）').max(5000),
  opponent: z.string().trim().max(200).optional(),
  meansGround: z.enum(Object.keys(meansGrounds) as [MeansGround], { message: '请选择经济困难情形' }).default('income'),
  householdSize: z.coerce.number().int().min(1, '家庭人口至少1人').max(30).optional(),
  monthlyIncome: z.coerce.number().min(0, '家庭月收入不能为负数').max(10_000_000).optional(),
  urgent: z.boolean().default(false),
  receivedDate: isoDate.optional(),
}).refine((d) => meansGrounds[d.meansGround].check === false || (d.householdSize != null && d.monthlyIncome != null), {
  message: '因经济困难申请的，请填写家庭人口和家庭月收入（法律援助法 第四十一条）', path: ['monthlyIncome'],
});
export type ApplicationInput = z.input<typeof applicationInput>;

export const noticeInput = z.object({
  caseType: z.enum(['criminal', 'civil', 'administrative']).default('criminal'),
  applicantName: z.string().trim().min(2, '请填写犯罪嫌疑人、被告人姓名').max(50),
  applicantIdNumber: idNumber.optional(),
  matter: z.string().trim().min(2, '请填写涉嫌罪名或案由').max(2000),
  noticeOrgName: z.string().trim().min(2, '请填写通知机关（公安机关、人民检察院或人民法院）').max(100),
  noticeNumber: z.string().trim().max(100).optional(),
  receivedDate: isoDate.optional(),
});

/** 经济困难 check (法律援助法 第三十四条, 第三十二条, 第四十二条): declared grounds, the local income standard. */
export function checkMeans(rules: EligibilityRules, input: { meansGround?: string | null; householdSize?: number | null; monthlyIncome?: number | string | null }) {
  const ground = meansGrounds[(input.meansGround ?? 'income') as MeansGround] ?? meansGrounds.income;
  if (!ground.check) return { eligible: true, perCapita: null as number | null, reason: `${ground.label}，不受经济困难条件限制或免予核查`, cite: ground.cite };
  const size = Number(input.householdSize ?? 0);
  const income = Number(input.monthlyIncome ?? NaN);
  if (!size || !Number.isFinite(income)) return { eligible: false, perCapita: null, reason: '未填写家庭人口或家庭月收入，无法核查经济困难状况', cite: ground.cite };
  const perCapita = Math.round((income / size) * 100) / 100;
  const eligible = perCapita < rules.monthlyIncomePerCapita;
  return {
    eligible,
    perCapita,
    reason: `家庭人均月收入${perCapita}元，${eligible ? '低于' : '不低于'}经济困难标准${rules.monthlyIncomePerCapita}元（${rules.basis}）`,
    cite: ground.cite,
  };
}
export const getEligibility = (db: DbOrTx) => getSetting(db, ELIGIBILITY_KEY, defaultEligibility);

/** The 法律援助机构 a caller works for, or (portal, others) the first one in the tree. */
export async function legalAidCenterOf(db: DbOrTx, auth?: AuthContext, rootPath?: string): Promise<Org | undefined> {
  if (auth?.user.orgType === 'legalAidCenter') return getOrg(db, auth.user.orgId);
  const root = rootPath ?? auth?.rootPath ?? '/';
  const [org] = await db.select().from(orgs).where(and(eq(orgs.type, 'legalAidCenter'), isNull(orgs.voidedAt), sql`${orgs.path} like ${root + '%'}`)).orderBy(orgs.sort).limit(1);
  return org;
}

const visible = (auth: AuthContext): SQL =>
  auth.permissions.has(PERM.handle)
    ? or(scopeCondition(auth, PERM.read, { orgId: legalAidCases.orgId, createdBy: legalAidCases.createdBy }), eq(legalAidCases.assigneeUserId, auth.user.id))!
    : scopeCondition(auth, PERM.read, { orgId: legalAidCases.orgId, createdBy: legalAidCases.createdBy });

export async function caseInScope(db: DbOrTx, auth: AuthContext, id: string): Promise<LegalAidCase> {
  if (!z.uuid().safeParse(id).success) throw notFound('法律援助案件');
  const [row] = await db.select().from(legalAidCases).where(and(eq(legalAidCases.id, id), live, visible(auth)));
  if (!row) throw notFound('法律援助案件');
  return row;
}

function newTrackingCode() {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const raw = [...crypto.randomBytes(12)].map((b) => alphabet[b % alphabet.length]).join('');
  return `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8, 12)}`;
}
export const trackingHash = (scope: string, code: string) => sm3(`${scope}:${code.trim().toUpperCase()}`);

interface InsertCase {
  org: Org;
  channel: Channel;
  caseType: CaseType;
  receivedDate: string;
  applicantName: string;
  applicantIdNumber?: string | null;
  applicantPhone?: string | null;
  applicantAddress?: string | null;
  matter: string;
  opponent?: string | null;
  meansGround?: MeansGround | null;
  householdSize?: number | null;
  monthlyIncome?: number | null;
  meansEligible?: boolean | null;
  urgent?: boolean;
  noticeOrgName?: string | null;
  noticeNumber?: string | null;
  trackingHash?: string | null;
}

async function insertCase(tx: Tx, actor: Actor, c: InsertCase): Promise<LegalAidCase> {
  const { number } = await issueNumber(tx, { orgId: c.org.id, type: 'legalAid.caseNo', year: Number(c.receivedDate.slice(0, 4)) });
  const id = crypto.randomUUID();
  const pid = protectPii(c.applicantIdNumber);
  const pphone = protectPii(c.applicantPhone);
  const paddr = protectPii(c.applicantAddress);
  const instance = await startInstance(tx, actor, { workflow: CASE_WORKFLOW, entityId: id, title: `${number} ${c.applicantName}（${caseTypes[c.caseType]}）`, orgId: c.org.id, regionCode: c.org.regionCode, date: c.receivedDate, data: { channel: c.channel } });
  const [row] = await tx
    .insert(legalAidCases)
    .values({
      id, orgId: c.org.id, regionCode: c.org.regionCode, createdBy: actor.id, caseNumber: number, channel: c.channel, caseType: c.caseType, state: instance.state, instanceId: instance.id,
      receivedDate: c.receivedDate, applicantName: c.applicantName,
      applicantIdEnc: pid.enc, applicantIdMasked: pid.masked, applicantIdIndex: pid.index,
      applicantPhoneEnc: pphone.enc, applicantPhoneMasked: pphone.masked, applicantAddressEnc: paddr.enc, applicantAddressMasked: paddr.masked,
      matter: c.matter, opponent: c.opponent ?? null, meansGround: c.meansGround ?? null, householdSize: c.householdSize ?? null,
      monthlyIncome: c.monthlyIncome == null ? null : String(c.monthlyIncome), meansEligible: c.meansEligible ?? null, urgent: c.urgent ?? false,
      noticeOrgName: c.noticeOrgName ?? null, noticeNumber: c.noticeNumber ?? null, trackingHash: c.trackingHash ?? null,
    })
    .returning();
  return row;
}

/** 窗口申请: the centre's staff record an application received at the counter. */
export async function registerApplication(db: Db, auth: AuthContext, raw: ApplicationInput) {
  const input = applicationInput.parse(raw);
  const org = await legalAidCenterOf(db, auth);
  if (!org) throw new AppError('LEGAL_AID_NO_CENTER', '未找到法律援助机构', 400);
  if (!auth.permissions.has(PERM.register) || !orgInScope(auth, PERM.register, org)) throw forbidden('无权登记法律援助申请');
  const means = checkMeans(await getEligibility(db), input);
  return db.transaction(async (tx) => {
    const row = await insertCase(tx, auth.actor, { ...input, org, channel: 'counter', receivedDate: input.receivedDate ?? todayInChina(), meansEligible: means.eligible });
    await recordAudit(tx, auth.actor, { action: 'legalAid.register', entityType: CASE_ENTITY, entityId: row.id, summary: `登记法律援助申请 ${row.caseNumber}：${row.applicantName}`, after: row });
    return row;
  });
}

/** 网上申请 from the public portal: filed with the county's 法律援助中心, answered with a 查询码. */
export async function submitOnline(db: Db, raw: ApplicationInput, meta: { ip: string | null }) {
  const input = applicationInput.parse({ ...(raw as object), receivedDate: undefined });
  const org = await legalAidCenterOf(db);
  if (!org) throw new AppError('LEGAL_AID_NO_CENTER', '未找到受理法律援助申请的机构', 400);
  const actor: Actor = { id: null, name: `网上申请：${input.applicantName}`, orgId: null, ip: meta.ip };
  const means = checkMeans(await getEligibility(db), input);
  const code = newTrackingCode();
  return db.transaction(async (tx) => {
    const row = await insertCase(tx, actor, { ...input, org, channel: 'portal', receivedDate: todayInChina(), meansEligible: means.eligible, trackingHash: trackingHash('legalAid', code) });
    await recordAudit(tx, actor, { action: 'legalAid.submitOnline', entityType: CASE_ENTITY, entityId: row.id, summary: `网上法律援助申请 ${row.caseNumber}：${row.applicantName}`, after: row });
    return { case: row, trackingCode: code };
  });
}

/** 公检法 通知辩护/代理 (法律援助法 第三十六条): no application, no means test; 指派 within 3 days. */
export async function registerNotice(db: Db, auth: AuthContext, raw: z.input<typeof noticeInput>) {
  const input = noticeInput.parse(raw);
  const org = await legalAidCenterOf(db, auth);
  if (!org) throw new AppError('LEGAL_AID_NO_CENTER', '未找到法律援助机构', 400);
  if (!auth.permissions.has(PERM.register) || !orgInScope(auth, PERM.register, org)) throw forbidden('无权登记通知辩护');
  return db.transaction(async (tx) => {
    const row = await insertCase(tx, auth.actor, { ...input, org, channel: 'notice', receivedDate: input.receivedDate ?? todayInChina() });
    await recordAudit(tx, auth.actor, { action: 'legalAid.notice', entityType: CASE_ENTITY, entityId: row.id, summary: `收到${row.noticeOrgName}通知辩护 ${row.caseNumber}：${row.applicantName}`, after: row });
    return row;
  });
}

export const actionInput = z.object({ version: z.number().int(), data: z.record(z.string(), z.unknown()).default({}), note: z.string().max(2000).optional() });

/** 质量评估: every item scored within its maximum; the total decides the grade (terms.ts). */
export function scoreQuality(scores: Record<string, number>) {
  const fields: { path: string; message: string }[] = [];
  for (const [k, item] of Object.entries(qualityItems)) {
    const v = scores[k];
    if (v == null) fields.push({ path: `scores.${k}`, message: `请为「${item.label}」评分` });
    else if (v > item.max) fields.push({ path: `scores.${k}`, message: `「${item.label}」最高${item.max}分` });
  }
  for (const k of Object.keys(scores)) if (!(k in qualityItems)) fields.push({ path: `scores.${k}`, message: `没有名为“${k}”的评估项目` });
  if (fields.length) throw invalid('质量评估的评分有误：' + fields.map((f) => f.message).join('；'), { fields }, 'LEGAL_AID_QUALITY_SCORES');
  const total = Object.keys(qualityItems).reduce((s, k) => s + scores[k], 0);
  return { total, grade: gradeOf(total) };
}

function mirrorOf(c: LegalAidCase, key: string, date: string, data: Record<string, unknown>): Partial<LegalAidCase> {
  switch (key) {
    case 'grant':
    case 'correct':
      return { decision: 'grant', decisionDate: date, decisionReason: (data.note as string) || null };
    case 'deny':
      return { decision: 'deny', decisionDate: date, decisionReason: String(data.reason) };
    case 'assign':
      return { assignedDate: date, assigneeKind: String(data.assigneeKind), assigneeName: String(data.assigneeName), assigneeFirm: String(data.assigneeFirm), lawyerId: (data.lawyerId as string) ?? null };
    case 'close':
      return { closedDate: date, closingResult: String(data.result) };
    case 'terminate':
      return { terminatedDate: date, terminationGround: String(data.ground) };
    default:
      return {};
  }
}

/** Fires one step of the flow on a case; the rules the engine cannot see (means test, channel) are checked here. */
export async function actOnCase(db: Db, auth: AuthContext, id: string, action: string, body: z.input<typeof actionInput>) {
  const input = actionInput.parse(body);
  return db.transaction(async (tx) => {
    const c = await caseInScope(tx, auth, id);
    // The 法律援助人员 reports progress and hands in materials; decisions are the centre's (法律援助法 第四十三条).
    if (!auth.permissions.has(PERM.decide)) throw forbidden('只有法律援助机构可以办理审查、指派、结案和评估');
    if (!c.instanceId) throw new AppError('LEGAL_AID_HISTORICAL', '该案件为导入的历史记录，不能办理流程操作', 400);
    const data: Record<string, unknown> = { ...input.data };
    const extra: Partial<LegalAidCase> = {};
    if ((action === 'grant' || action === 'deny' || action === 'requestSupplement') && c.channel === 'notice') {
      throw new AppError('LEGAL_AID_NOTICE_NO_REVIEW', '通知辩护案件无需审查经济困难条件，应当在三日内直接指派律师（法律援助法 第三十六条）', 400);
    }
    if (action === 'grant') {
      // 法律援助法 第四十一条: the applicant's 经济困难 must be established (or a ground of 第三十二条/第四十二条).
      const means = checkMeans(await getEligibility(tx), { meansGround: c.meansGround, householdSize: c.householdSize, monthlyIncome: c.monthlyIncome });
      if (!means.eligible) throw new AppError('LEGAL_AID_NOT_ELIGIBLE', `不符合经济困难条件，不能决定给予法律援助：${means.reason}（${means.cite}）`, 400, { means });
    }
    if (action === 'assign') {
      if (c.state === 'received' && c.channel !== 'notice') throw new AppError('LEGAL_AID_NOT_DECIDED', '尚未作出给予法律援助的决定，不能指派（法律援助法 第四十三条）', 400);
      if (data.lawyerId) {
        const [l] = await tx.select({ lawyer: lawyers, firm: lawFirms }).from(lawyers).leftJoin(lawFirms, eq(lawFirms.id, lawyers.firmId)).where(and(eq(lawyers.id, String(data.lawyerId)), isNull(lawyers.voidedAt), sql`${lawyers.orgId} in (select id from orgs where path like ${auth.rootPath + '%'})`));
        if (!l) throw invalid('所选律师不存在', { fields: [{ path: 'lawyerId', message: '所选律师不存在' }] });
        if (l.lawyer.status !== 'active') throw invalid(`${l.lawyer.name}当前不在执业状态，不能指派`, { fields: [{ path: 'lawyerId', message: '该律师不在执业状态' }] });
        data.assigneeName = data.assigneeName ?? l.lawyer.name;
        data.assigneeFirm = data.assigneeFirm ?? l.firm?.name ?? '';
        data.assigneeKind = data.assigneeKind ?? (l.lawyer.kind === 'grassroots' ? 'grassroots' : l.lawyer.kind === 'aid' ? 'aidLawyer' : 'lawyer');
        extra.assigneeUserId = l.lawyer.userId;
      }
    }
    if (action === 'close') {
      data.materials = c.closingMaterials ?? [];
      if (!c.closingMaterials?.length) throw new AppError('LEGAL_AID_NO_CLOSING_MATERIALS', '法律援助人员尚未提交结案材料（法律援助法 第五十条）', 400);
    }
    if (action === 'evaluate') {
      const scores = (data.scores ?? {}) as Record<string, number>;
      if (typeof scores === 'object' && scores) {
        const fixed: Record<string, number> = {};
        for (const [k, v] of Object.entries(scores)) fixed[k] = Number(v);
        const q = scoreQuality(fixed);
        Object.assign(extra, { qualityScores: fixed, qualityTotal: q.total, qualityGrade: q.grade, qualityAssessor: String(data.assessor ?? '') });
        data.total = q.total;
        data.grade = q.grade;
      }
    }
    const center = (await getOrg(tx, c.orgId))!;
    const bureau = center.parentId ? await getOrg(tx, center.parentId) : undefined;
    const result = await fireTransition(tx, auth, {
      instanceId: c.instanceId, transition: action, version: input.version, data, note: input.note,
      instrumentFields: { caseNumber: c.caseNumber, applicantName: c.applicantName, caseType: c.caseType, matter: c.matter, receivedDate: c.receivedDate, channel: c.channel, noticeOrgName: c.noticeOrgName, noticeNumber: c.noticeNumber, orgName: center.name, bureauName: bureau?.type === 'justiceBureau' ? bureau.name : undefined, ...data },
    });
    const date = result.event.eventDate;
    if (action === 'evaluate') extra.qualityDate = date;
    const after = { ...mirrorOf(c, action, date, (result.event.data as Record<string, unknown>) ?? data), ...extra, state: result.instance.state, version: c.version + 1, updatedAt: new Date() };
    await tx.update(legalAidCases).set(after).where(eq(legalAidCases.id, c.id));
    return result;
  });
}

/** The assigned 法律援助人员 (or the centre) records a step of the work: 会见, 阅卷, 开庭 … */
export const progressInput = z.object({ date: isoDate.default(() => todayInChina()), text: z.string().trim().min(2, '请填写办理进展').max(5000) });
export const closingInput = z.object({
  date: isoDate.default(() => todayInChina()),
  materials: z.array(z.enum(Object.keys(closingMaterials) as [keyof typeof closingMaterials])).min(1, '请选择提交的结案材料'),
  report: z.string().trim().min(4, '请填写办理情况报告').max(10000),
});

function mayHandle(auth: AuthContext, c: LegalAidCase) {
  return (c.assigneeUserId != null && c.assigneeUserId === auth.user.id) || auth.permissions.has(PERM.decide);
}

async function appendEntry(db: Db, auth: AuthContext, id: string, entry: CaseEntry, patch: Partial<LegalAidCase> = {}, action: string) {
  return db.transaction(async (tx) => {
    const c = await caseInScope(tx, auth, id);
    if (!mayHandle(auth, c)) throw forbidden('只有承办该案的法律援助人员或法律援助机构可以记录');
    if (c.state !== 'assigned') throw new AppError('LEGAL_AID_NOT_IN_PROGRESS', `案件当前状态为「${caseStateLabels[c.state] ?? c.state}」，不能记录办理情况`, 400);
    const [row] = await tx.update(legalAidCases).set({ entries: [...c.entries, entry], ...patch, version: c.version + 1, updatedAt: new Date() }).where(and(eq(legalAidCases.id, id), eq(legalAidCases.version, c.version))).returning();
    if (!row) throw new AppError('VERSION_CONFLICT', '该案件已被他人处理，请刷新后重试', 409);
    await recordAudit(tx, auth.actor, { action, entityType: CASE_ENTITY, entityId: id, summary: `${c.caseNumber}：${entry.text.slice(0, 60)}`, before: { entries: c.entries.length }, after: entry });
    return row;
  });
}

export const addProgress = (db: Db, auth: AuthContext, id: string, raw: z.input<typeof progressInput>) => {
  const input = progressInput.parse(raw);
  return appendEntry(db, auth, id, { date: input.date, kind: 'progress', text: input.text, by: auth.user.displayName }, {}, 'legalAid.progress');
};

/** 法律援助法 第五十条: after the matter ends, the 法律援助人员 reports and hands in the documents. */
export const submitClosing = (db: Db, auth: AuthContext, id: string, raw: z.input<typeof closingInput>) => {
  const input = closingInput.parse(raw);
  return appendEntry(db, auth, id, { date: input.date, kind: 'closing', text: input.report, by: auth.user.displayName, items: input.materials.map((m) => closingMaterials[m]) }, { closingMaterials: input.materials.map((m) => closingMaterials[m]) }, 'legalAid.closingMaterials');
};

export async function voidCase(db: Db, auth: AuthContext, id: string, reason: string) {
  return db.transaction(async (tx) => {
    const c = await caseInScope(tx, auth, id);
    const org = (await getOrg(tx, c.orgId))!;
    if (!auth.permissions.has(PERM.decide) || !orgInScope(auth, PERM.decide, org)) throw forbidden('无权作废法律援助案件');
    const [after] = await tx.update(legalAidCases).set({ voidedAt: new Date(), voidedBy: auth.user.id, voidReason: reason, version: c.version + 1, updatedAt: new Date() }).where(and(eq(legalAidCases.id, id), eq(legalAidCases.version, c.version))).returning();
    if (!after) throw new AppError('VERSION_CONFLICT', '该案件已被他人处理，请刷新后重试', 409);
    await voidInstancesOf(tx, auth.actor, CASE_ENTITY, id, reason);
    await recordAudit(tx, auth.actor, { action: 'legalAid.void', entityType: CASE_ENTITY, entityId: id, summary: `作废法律援助案件 ${c.caseNumber}：${reason}`, before: c, after });
    return after;
  });
}

export function decorate(c: LegalAidCase) {
  const { applicantIdEnc: _a, applicantPhoneEnc: _b, applicantAddressEnc: _c, applicantIdIndex: _d, trackingHash: _e, ...rest } = c;
  return {
    ...rest,
    caseTypeLabel: caseTypes[c.caseType as CaseType] ?? c.caseType,
    channelLabel: channels[c.channel as Channel] ?? c.channel,
    stateLabel: caseStateLabels[c.state] ?? c.state,
    meansGroundLabel: c.meansGround ? meansGrounds[c.meansGround as MeansGround]?.label ?? c.meansGround : null,
    assigneeKindLabel: c.assigneeKind ? assigneeKinds[c.assigneeKind as keyof typeof assigneeKinds] ?? c.assigneeKind : null,
    qualityGradeLabel: c.qualityGrade ? qualityGrades[c.qualityGrade as QualityGrade] ?? c.qualityGrade : null,
    terminationGroundLabel: c.terminationGround ? terminationGrounds[c.terminationGround as keyof typeof terminationGrounds] ?? c.terminationGround : null,
  };
}

export async function caseDetail(db: DbOrTx, auth: AuthContext, id: string, opts: { reveal?: boolean } = {}) {
  const c = await caseInScope(db, auth, id);
  const instance = c.instanceId ? await loadInstance(db, c.instanceId) : undefined;
  const means = c.channel === 'notice' ? null : checkMeans(await getEligibility(db), { meansGround: c.meansGround, householdSize: c.householdSize, monthlyIncome: c.monthlyIncome });
  const objections = await db.select().from(legalAidObjections).where(and(eq(legalAidObjections.caseId, c.id), isNull(legalAidObjections.voidedAt))).orderBy(legalAidObjections.receivedDate);
  // The applicant's contact details in full only for those who decide on the case (and it is audited by the route).
  const revealed = opts.reveal && auth.permissions.has(PERM.decide)
    ? { applicantIdNumber: c.applicantIdEnc ? decryptPii(c.applicantIdEnc) : null, applicantPhone: c.applicantPhoneEnc ? decryptPii(c.applicantPhoneEnc) : null, applicantAddress: c.applicantAddressEnc ? decryptPii(c.applicantAddressEnc) : null }
    : null;
  return {
    ...decorate(c),
    means,
    revealed,
    mayHandle: mayHandle(auth, c),
    objections: objections.map((o) => ({ ...o, decisionLabel: o.decision ? objectionDecisions[o.decision as keyof typeof objectionDecisions] : null })),
    workflow: instance ? await instanceView(db, auth, instance) : null,
    history: c.instanceId ? await instanceHistory(db, c.instanceId) : [],
  };
}

export const listFilter = z.object({
  state: z.string().max(24).optional(),
  caseType: z.enum(Object.keys(caseTypes) as [CaseType]).optional(),
  channel: z.enum(Object.keys(channels) as [Channel]).optional(),
  grade: z.enum(Object.keys(qualityGrades) as [QualityGrade]).optional(),
  q: z.string().trim().max(50).optional().describe('案件编号或申请人姓名'),
  from: isoDate.optional(),
  to: isoDate.optional(),
  mine: z.enum(['0', '1']).optional().describe('1：只看指派给我的案件'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(1000).default(20),
});

export async function listCases(db: DbOrTx, auth: AuthContext, raw: z.input<typeof listFilter>) {
  const f = listFilter.parse(raw);
  const cond = and(
    live, visible(auth),
    f.state ? eq(legalAidCases.state, f.state) : undefined,
    f.caseType ? eq(legalAidCases.caseType, f.caseType) : undefined,
    f.channel ? eq(legalAidCases.channel, f.channel) : undefined,
    f.grade ? eq(legalAidCases.qualityGrade, f.grade) : undefined,
    f.q ? or(ilike(legalAidCases.caseNumber, `%${f.q}%`), ilike(legalAidCases.applicantName, `%${f.q}%`)) : undefined,
    f.from ? sql`${legalAidCases.receivedDate} >= ${f.from}` : undefined,
    f.to ? sql`${legalAidCases.receivedDate} <= ${f.to}` : undefined,
    f.mine === '1' ? eq(legalAidCases.assigneeUserId, auth.user.id) : undefined,
  );
  const [{ total }] = await db.select({ total: sql<number>`count(*)::int` }).from(legalAidCases).where(cond);
  const rows = await db.select().from(legalAidCases).where(cond).orderBy(desc(legalAidCases.receivedDate), desc(legalAidCases.caseNumber)).limit(f.pageSize).offset((f.page - 1) * f.pageSize);
  return { total: Number(total), page: f.page, pageSize: f.pageSize, items: rows.map(decorate) };
}

/** Progress for the 查询码 holder: state, steps and the assigned 法律援助人员 — no personal data of anyone else. */
export async function trackByCode(db: DbOrTx, code: string) {
  const [c] = await db.select().from(legalAidCases).where(and(eq(legalAidCases.trackingHash, trackingHash('legalAid', code)), live));
  if (!c) throw new AppError('NOT_FOUND', '查询码不存在，请核对后重新输入', 404);
  const labels: Record<string, string> = {
    requestSupplement: '请按通知补充材料', supplied: '已收到补充材料', deemWithdrawn: '未按要求补充材料，视为撤回申请', grant: '决定给予法律援助', deny: '决定不予法律援助',
    correct: '依异议审查决定给予法律援助', assign: '已指派法律援助人员', close: '已结案', evaluate: '已结案', terminate: '终止法律援助',
  };
  const steps: { date: string; label: string }[] = [{ date: c.receivedDate, label: '收到法律援助申请' }];
  if (c.instanceId) for (const h of await instanceHistory(db, c.instanceId)) if (labels[h.transition]) steps.push({ date: h.eventDate, label: labels[h.transition] });
  return {
    caseNumber: c.caseNumber, receivedDate: c.receivedDate, state: c.state, stateLabel: caseStateLabels[c.state] ?? c.state, caseTypeLabel: caseTypes[c.caseType as CaseType],
    decisionReason: c.decision === 'deny' ? c.decisionReason : null,
    assignee: c.assignedDate ? { name: c.assigneeName, firm: c.assigneeFirm, kindLabel: c.assigneeKind ? assigneeKinds[c.assigneeKind as keyof typeof assigneeKinds] : null, date: c.assignedDate } : null,
    steps,
  };
}

/**
 * The county's practising lawyers and 基层法律服务工作者 a centre may assign (法律援助法 第十六条: lawyers have the
 * duty to provide legal aid) — the whole tree's pool, names and firms only, whatever the registry's own scope.
 */
export async function assignableLawyers(db: DbOrTx, auth: AuthContext) {
  const rows = await db
    .select({ id: lawyers.id, name: lawyers.name, kind: lawyers.kind, firmName: lawFirms.name })
    .from(lawyers)
    .leftJoin(lawFirms, eq(lawFirms.id, lawyers.firmId))
    .where(and(isNull(lawyers.voidedAt), eq(lawyers.status, 'active'), sql`${lawyers.kind} in ('fullTime', 'partTime', 'aid', 'grassroots')`, sql`${lawyers.orgId} in (select id from orgs where path like ${auth.rootPath + '%'})`))
    .orderBy(lawFirms.name, lawyers.name);
  return { items: rows.map((r) => ({ ...r, kindLabel: lawyerKinds[r.kind as keyof typeof lawyerKinds] ?? r.kind })) };
}

// ── 异议 (法律援助法 第四十九条) ─────────────────────────────────────────────────────────────────────────
export const objectionInput = z.object({ receivedDate: isoDate.optional(), reason: z.string().trim().min(4, '请写明异议理由（至少4个字）').max(5000) });

async function bureauOf(db: DbOrTx, c: LegalAidCase): Promise<Org> {
  const center = (await getOrg(db, c.orgId))!;
  // The 司法行政部门 that set up the centre: its parent when that is a 司法局, else the centre itself.
  const parent = center.parentId ? await getOrg(db, center.parentId) : undefined;
  return parent && (parent.type === 'justiceBureau' || parent.type === 'division') ? parent : center;
}

export async function fileObjection(db: Db, auth: AuthContext, caseId: string, raw: z.input<typeof objectionInput>) {
  const input = objectionInput.parse(raw);
  return db.transaction(async (tx) => {
    const c = await caseInScope(tx, auth, caseId);
    if (c.state !== 'denied' && c.state !== 'terminated') throw new AppError('LEGAL_AID_OBJECTION_NOT_ALLOWED', '只能对不予法律援助或终止法律援助的决定提出异议（法律援助法 第四十九条）', 400);
    const org = await bureauOf(tx, c);
    const id = crypto.randomUUID();
    const date = input.receivedDate ?? todayInChina();
    const instance = await startInstance(tx, auth.actor, { workflow: OBJECTION_WORKFLOW, entityId: id, title: `${c.caseNumber} ${c.applicantName} 异议`, orgId: org.id, regionCode: org.regionCode, date });
    const [row] = await tx.insert(legalAidObjections).values({ id, orgId: org.id, regionCode: org.regionCode, createdBy: auth.user.id, caseId: c.id, instanceId: instance.id, receivedDate: date, reason: input.reason, state: instance.state }).returning();
    await recordAudit(tx, auth.actor, { action: 'legalAid.objection', entityType: OBJECTION_ENTITY, entityId: id, summary: `${c.caseNumber} 申请人提出异议`, after: row });
    return row;
  });
}

export const objectionDecisionInput = z.object({ version: z.number().int(), decision: z.enum(['uphold', 'correct'], { message: '请选择维持或责令改正' }), reason: z.string().trim().min(2, '请写明审查理由').max(5000), date: isoDate.optional() });

export async function decideObjection(db: Db, auth: AuthContext, id: string, raw: z.input<typeof objectionDecisionInput>) {
  const input = objectionDecisionInput.parse(raw);
  return db.transaction(async (tx) => {
    const [o] = await tx.select().from(legalAidObjections).where(and(eq(legalAidObjections.id, id), isNull(legalAidObjections.voidedAt), scopeCondition(auth, PERM.objection, { orgId: legalAidObjections.orgId })));
    if (!o || !o.instanceId) throw notFound('异议');
    await instanceInScope(tx, auth, o.instanceId);
    const r = await fireTransition(tx, auth, { instanceId: o.instanceId, transition: input.decision === 'correct' ? 'decideCorrect' : 'decide', version: input.version, data: { decision: input.decision, reason: input.reason, ...(input.date ? { date: input.date } : {}) } });
    const [row] = await tx.update(legalAidObjections).set({ state: r.instance.state, decision: input.decision, decisionDate: r.event.eventDate, decisionReason: input.reason, version: o.version + 1, updatedAt: new Date() }).where(eq(legalAidObjections.id, id)).returning();
    return row;
  });
}

export async function listObjections(db: DbOrTx, auth: AuthContext) {
  const rows = await db
    .select({ o: legalAidObjections, caseNumber: legalAidCases.caseNumber, applicantName: legalAidCases.applicantName, caseState: legalAidCases.state })
    .from(legalAidObjections)
    .innerJoin(legalAidCases, eq(legalAidCases.id, legalAidObjections.caseId))
    .where(and(isNull(legalAidObjections.voidedAt), scopeCondition(auth, PERM.objection, { orgId: legalAidObjections.orgId })))
    .orderBy(desc(legalAidObjections.receivedDate))
    .limit(500);
  const out = [];
  for (const r of rows) {
    const instance = r.o.instanceId ? await loadInstance(db, r.o.instanceId) : undefined;
    out.push({ ...r.o, caseNumber: r.caseNumber, applicantName: r.applicantName, decisionLabel: r.o.decision ? objectionDecisions[r.o.decision as keyof typeof objectionDecisions] : null, workflow: instance ? await instanceView(db, auth, instance) : null });
  }
  return { items: out };
}

// ── 值班律师 logs (法律援助法 第十四条、第三十条) ───────────────────────────────────────────────────────
export const dutyLogInput = z.object({
  dutyDate: isoDate,
  place: z.enum(Object.keys(dutyPlaces) as [keyof typeof dutyPlaces], { message: '请选择值班场所' }),
  placeName: z.string().trim().min(2, '请填写值班工作站名称').max(100),
  lawyerId: z.uuid().optional(),
  lawyerName: z.string().trim().min(2, '请填写值班律师').max(50),
  consultations: z.coerce.number().int().min(0).max(1000).default(0),
  pleaWitness: z.coerce.number().int().min(0).max(1000).default(0),
  referrals: z.coerce.number().int().min(0).max(1000).default(0),
  note: z.string().max(2000).optional(),
});

export async function createDutyLog(db: Db, auth: AuthContext, raw: z.input<typeof dutyLogInput>) {
  const input = dutyLogInput.parse(raw);
  const org = await legalAidCenterOf(db, auth);
  if (!org || !orgInScope(auth, PERM.register, org)) throw forbidden('无权登记值班律师工作记录');
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(dutyLawyerLogs).values({ ...input, orgId: org.id, regionCode: org.regionCode, createdBy: auth.user.id }).returning();
    await recordAudit(tx, auth.actor, { action: 'legalAid.dutyLog', entityType: 'dutyLawyerLog', entityId: row.id, summary: `值班律师 ${row.lawyerName} ${row.dutyDate} ${row.placeName}`, after: row });
    return row;
  });
}

export const dutyListFilter = z.object({ from: isoDate.optional(), to: isoDate.optional(), page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(1000).default(20) });
export async function listDutyLogs(db: DbOrTx, auth: AuthContext, raw: z.input<typeof dutyListFilter>) {
  const f = dutyListFilter.parse(raw);
  const cond = and(isNull(dutyLawyerLogs.voidedAt), scopeCondition(auth, PERM.read, { orgId: dutyLawyerLogs.orgId }), f.from ? sql`${dutyLawyerLogs.dutyDate} >= ${f.from}` : undefined, f.to ? sql`${dutyLawyerLogs.dutyDate} <= ${f.to}` : undefined);
  const [{ total }] = await db.select({ total: sql<number>`count(*)::int` }).from(dutyLawyerLogs).where(cond);
  const rows = await db.select().from(dutyLawyerLogs).where(cond).orderBy(desc(dutyLawyerLogs.dutyDate)).limit(f.pageSize).offset((f.page - 1) * f.pageSize);
  return { total: Number(total), page: f.page, pageSize: f.pageSize, items: rows.map((r) => ({ ...r, placeLabel: dutyPlaces[r.place as keyof typeof dutyPlaces] ?? r.place })) };
}

export type { QualityItem };
