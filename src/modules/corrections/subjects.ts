/**
 * 社区矫正 use cases (DOMAIN.md §7). A subject belongs to the 受委托 司法所 that supervises them (`org_id`): data
 * scope on it decides who sees them — the county 社区矫正机构 sees all, a 司法所 its own, nobody else anything.
 * Every write is one transaction with its audit entry; every read of a subject's file is audited too.
 */
import { and, asc, desc, eq, ilike, isNull, lte, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, DbOrTx } from '../../platform/db/client';
import { AppError, forbidden, invalid, notFound } from '../../platform/errors';
import { recordAudit } from '../../platform/audit/service';
import type { AuthContext } from '../../platform/auth/context';
import { orgInScope, scopeCondition } from '../../platform/auth/scope';
import { decryptPii, protectPii, piiIndex } from '../../platform/crypto/sm';
import { getOrg, resolveOrg } from '../../platform/orgs/service';
import { orgs } from '../../platform/orgs/schema';
import { countDays, todayInChina } from '../../platform/calendar/service';
import { getSetting } from '../../platform/settings/service';
import { indexDoc, registerSearchable, registerSearchTerms } from '../../platform/search/service';
import { saveFile, readFile } from '../../platform/files/service';
import { createUser } from '../../platform/auth/users';
import { correctionCheckins, correctionLeaves, correctionMeasures, correctionRecords, correctionSubjects, type CorrectionSubject } from './schema';
import {
  approverLabels, assessmentResults, defaultRules, leaveApprover, leaveStates, levels, measures, measureStates, PERM, recordKinds, searchWords, sentenceTypes,
  SETTINGS_KEY, subjectStateLabels, SUBJECT_ENTITY, LEAVE_CITE, RELOCATION_CITE, endings,
  type CorrectionsRules, type Ending, type Level, type Measure, type RecordKind, type SentenceType,
} from './terms';
import { reportDue, stepOf } from './workflow';
import { correctionsAgency, documentsOf, issueDocument } from './instruments';

registerSearchTerms(searchWords);
registerSearchable({ entityType: SUBJECT_ENTITY, label: '社区矫正对象', permission: PERM.read, link: '/corrections/subjects/:id' });

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const live = isNull(correctionSubjects.voidedAt);
const scopeCols = { orgId: correctionSubjects.orgId };
export const getRules = (db: DbOrTx) => getSetting<CorrectionsRules>(db, SETTINGS_KEY, defaultRules);
const idNumber = z.string().trim().regex(/^(\d{17}[\dXx]|\d{15})$/, '身份证号码格式不正确（18位）');

// ── 接收 ─────────────────────────────────────────────────────────────────────────────────────────────────

export const receiveInput = z.object({
  name: z.string().trim().min(2, '请填写姓名').max(50),
  gender: z.enum(['男', '女']).optional(),
  idNumber,
  phone: z.string().trim().regex(/^1\d{10}$/, '手机号码格式不正确').optional(),
  address: z.string().trim().min(4, '请填写居住地址').max(200),
  sentenceType: z.enum(Object.keys(sentenceTypes) as [SentenceType], { message: '请选择矫正类别：管制、缓刑、假释或暂予监外执行' }),
  crime: z.string().trim().min(2, '请填写罪名').max(100),
  sentence: z.string().trim().max(200).optional(),
  decisionOrg: z.string().trim().min(2, '请填写决定机关（判决法院或批准机关）').max(100),
  judgmentNumber: z.string().trim().max(100).optional(),
  judgmentEffectiveDate: isoDate,
  termStart: isoDate,
  termEnd: isoDate,
  receivedDate: isoDate.optional(),
  /** The supervising 司法所 (id, name or code); default the caller's org. */
  office: z.string().trim().max(100).optional(),
});

export async function subjectInScope(db: DbOrTx, auth: AuthContext, id: string, permission: string = PERM.read): Promise<CorrectionSubject> {
  if (!z.uuid().safeParse(id).success) throw notFound('社区矫正对象');
  const [row] = await db.select().from(correctionSubjects).where(and(eq(correctionSubjects.id, id), live, scopeCondition(auth, permission, scopeCols)));
  if (!row) throw notFound('社区矫正对象');
  return row;
}

const searchTitle = (s: Pick<CorrectionSubject, 'name' | 'crime' | 'judgmentNumber'>) => ({ title: s.name, text: `${s.crime} ${s.judgmentNumber ?? ''}` });

/** 接收: the 司法所 (or the county agency for a 司法所) records the 法律文书 and the 报到 clock starts (第二十一条). */
export async function receiveSubject(db: Db, auth: AuthContext, raw: z.input<typeof receiveInput>) {
  const input = receiveInput.parse(raw);
  const org = input.office ? await resolveOrg(db, auth.rootPath, input.office) : await getOrg(db, auth.user.orgId);
  if (!org) throw invalid('执行司法所不存在', { fields: [{ path: 'office', message: '执行司法所不存在' }] });
  if (!auth.permissions.has(PERM.manage) || !orgInScope(auth, PERM.manage, org)) throw forbidden('无权在该机构接收社区矫正对象');
  if (input.termEnd < input.termStart) throw invalid('矫正期限截止日不能早于起始日', { fields: [{ path: 'termEnd', message: '矫正期限截止日不能早于起始日' }] });
  const receivedDate = input.receivedDate ?? todayInChina();
  const due = reportDue(input.sentenceType, input.judgmentEffectiveDate);
  const pid = protectPii(input.idNumber.toUpperCase());
  const [dup] = await db.select({ id: correctionSubjects.id }).from(correctionSubjects).where(and(live, eq(correctionSubjects.idNumberIndex, pid.index!), sql`${correctionSubjects.state} in ('received','reported','supervising')`));
  if (dup) throw new AppError('CORRECTIONS_DUPLICATE', '该身份证号码的社区矫正对象已在册，不能重复接收', 409);
  const phone = protectPii(input.phone);
  const address = protectPii(input.address);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(correctionSubjects)
      .values({
        orgId: org.id, regionCode: org.regionCode, createdBy: auth.user.id, name: input.name, gender: input.gender ?? null,
        idNumberEnc: pid.enc, idNumberMasked: pid.masked, idNumberIndex: pid.index, phoneEnc: phone.enc, phoneMasked: phone.masked, addressEnc: address.enc, addressMasked: address.masked,
        sentenceType: input.sentenceType, crime: input.crime, sentence: input.sentence ?? null, decisionOrg: input.decisionOrg, judgmentNumber: input.judgmentNumber ?? null,
        judgmentEffectiveDate: input.judgmentEffectiveDate, termStart: input.termStart, termEnd: input.termEnd, receivedDate, reportDueDate: due.date, state: 'received',
      })
      .returning();
    await indexDoc(tx, { entityType: SUBJECT_ENTITY, entityId: row.id, orgId: org.id, ...searchTitle(row) });
    await recordAudit(tx, auth.actor, { action: 'corrections.receive', entityType: SUBJECT_ENTITY, entityId: row.id, summary: `接收社区矫正对象${row.name}（${sentenceTypes[input.sentenceType]}，${org.name}），应于${due.date}前报到（${'社区矫正法 第二十一条'}）`, after: row });
    return row;
  });
}

// ── lifecycle steps ─────────────────────────────────────────────────────────────────────────────────────

export const stepInput = z.object({ version: z.number().int(), data: z.record(z.string(), z.unknown()).default({}) });

function checkVersion(s: { version: number }, version: number) {
  if (s.version !== version) throw new AppError('VERSION_CONFLICT', '该对象的档案已被他人更新（数据版本已变化），请刷新后重试', 409, { currentVersion: s.version });
}

const docFields = (s: CorrectionSubject) => ({
  name: s.name, gender: s.gender, idNumberMasked: s.idNumberMasked, decisionOrg: s.decisionOrg, judgmentNumber: s.judgmentNumber, crime: s.crime, sentence: s.sentence,
  sentenceType: s.sentenceType, termStart: s.termStart, termEnd: s.termEnd,
});

/** Moves a subject one step (报到, 入矫宣告, 解除, 终止) along workflow.ts; 文书 are issued in the same transaction. */
export async function takeStep(db: Db, auth: AuthContext, id: string, key: string, raw: z.input<typeof stepInput>) {
  const step = stepOf(key);
  if (!step) throw new AppError('CORRECTIONS_UNKNOWN_STEP', `没有名为“${key}”的操作`, 400);
  const input = stepInput.parse(raw);
  const parsed = step.data.safeParse(input.data);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    throw invalid(`「${step.label}」的信息有误：` + fields.map((f) => f.message).join('；'), { fields });
  }
  const data = parsed.data as Record<string, unknown> & { date: string };
  return db.transaction(async (tx) => {
    const s = await subjectInScope(tx, auth, id);
    const org = (await getOrg(tx, s.orgId))!;
    if (!auth.permissions.has(step.permission) || !orgInScope(auth, step.permission, org)) throw forbidden(`无权执行「${step.label}」（${step.permission === PERM.decide ? '须由县级社区矫正机构决定' : '须由执行司法所办理'}）`);
    checkVersion(s, input.version);
    if (!step.from.includes(s.state)) throw new AppError('CORRECTIONS_ILLEGAL_STEP', `当前状态为「${subjectStateLabels[s.state]}」，不能执行「${step.label}」`, 400);
    if (data.date > todayInChina()) throw invalid('日期不能晚于今天', { fields: [{ path: 'date', message: '日期不能晚于今天' }] });
    const set: Partial<CorrectionSubject> = { state: step.to, version: s.version + 1, updatedAt: new Date() };
    const agency = await correctionsAgency(tx, auth.rootPath);
    const issued: string[] = [];
    const issue = async (type: string, extra: Record<string, unknown> = {}) => {
      const doc = await issueDocument(tx, auth.actor, { type, agency, orgId: s.orgId, regionCode: s.regionCode, subjectId: s.id, date: data.date, fields: { ...docFields(s), ...extra } });
      issued.push(doc.id);
    };
    switch (key) {
      case 'report':
        if (data.date < s.judgmentEffectiveDate) throw invalid('报到日期不能早于判决（裁定、决定）生效日期');
        Object.assign(set, { reportedDate: data.date, lastContactDate: data.date });
        break;
      case 'announce': {
        if (data.date < (s.reportedDate ?? s.receivedDate)) throw invalid('宣告日期不能早于报到日期');
        Object.assign(set, { announcedDate: data.date, level: data.level as Level, groupMembers: data.groupMembers as string[], plan: data.plan as string, lastContactDate: data.date });
        await issue('corrections.intakeAnnouncement', { place: data.place, groupMembers: data.groupMembers, levelLabel: levels[data.level as Level] });
        break;
      }
      case 'release':
        // 社区矫正法 第四十四条: 解除 only when the term has run out.
        if (data.date < s.termEnd) throw new AppError('CORRECTIONS_TERM_NOT_EXPIRED', `矫正期限至${s.termEnd}届满，期满前不能解除矫正（社区矫正法 第四十四条）`, 400, { termEnd: s.termEnd });
        Object.assign(set, { endedDate: data.date, ending: 'expired' });
        await issue('corrections.releaseAnnouncement');
        await issue('corrections.releaseCertificate');
        break;
      case 'terminate':
        Object.assign(set, { endedDate: data.date, ending: data.ending as Ending, reoffended: Boolean(data.reoffended) || s.reoffended, reoffendedDate: data.reoffended ? data.date : s.reoffendedDate });
        break;
    }
    const [row] = await tx.update(correctionSubjects).set(set).where(eq(correctionSubjects.id, s.id)).returning();
    await recordAudit(tx, auth.actor, { action: `corrections.${key}`, entityType: SUBJECT_ENTITY, entityId: s.id, summary: `${step.label}：${s.name}（${subjectStateLabels[s.state]} → ${subjectStateLabels[step.to]}；${step.cite}）`, before: { state: s.state }, after: { state: step.to, ...data, documents: issued } });
    return row;
  });
}

/** Records 重新犯罪 (the recidivism indicator) without ending the sentence yet (the court decides later). */
export async function markReoffended(db: Db, auth: AuthContext, id: string, date: string, note: string) {
  return db.transaction(async (tx) => {
    const s = await subjectInScope(tx, auth, id, PERM.manage);
    await tx.update(correctionSubjects).set({ reoffended: true, reoffendedDate: date, version: s.version + 1, updatedAt: new Date() }).where(eq(correctionSubjects.id, s.id));
    await recordAudit(tx, auth.actor, { action: 'corrections.reoffended', entityType: SUBJECT_ENTITY, entityId: s.id, summary: `登记重新犯罪：${s.name}（${date}）${note}` });
  });
}

// ── 日常监管 and 考核 ─────────────────────────────────────────────────────────────────────────────────────

export const recordInput = z.object({
  kind: z.enum([...Object.keys(recordKinds), 'assessment'] as [RecordKind | 'assessment'], { message: '请选择记录类型' }),
  date: isoDate,
  summary: z.string().trim().max(5000).optional(),
  answered: z.boolean().optional(),
  hours: z.number().int().min(0).max(200).optional(),
  month: z.string().regex(/^\d{4}-\d{2}$/, '考核月份格式应为 YYYY-MM').optional(),
  result: z.enum(Object.keys(assessmentResults) as [keyof typeof assessmentResults]).optional(),
});

const contactKinds = new Set(['report', 'visit', 'verification', 'rollCall']);

/** One supervision record or a monthly 考核 (one per subject per month: 社区矫正法 第二十八条). */
export async function addRecord(db: Db, auth: AuthContext, subjectId: string, raw: z.input<typeof recordInput>) {
  const input = recordInput.parse(raw);
  if (input.kind === 'assessment' && (!input.month || !input.result)) throw invalid('月度考核须填写考核月份和考核结果', { fields: [{ path: input.month ? 'result' : 'month', message: '请填写考核月份和考核结果' }] });
  if (input.kind === 'rollCall' && input.answered === undefined) throw invalid('视频点名须记录是否应答', { fields: [{ path: 'answered', message: '请选择是否应答' }] });
  if (input.date > todayInChina()) throw invalid('日期不能晚于今天', { fields: [{ path: 'date', message: '日期不能晚于今天' }] });
  return db.transaction(async (tx) => {
    const s = await subjectInScope(tx, auth, subjectId, PERM.manage);
    if (s.state !== 'supervising' && s.state !== 'reported') throw new AppError('CORRECTIONS_NOT_SUPERVISING', `「${subjectStateLabels[s.state]}」的对象不能登记监管记录`, 400);
    if (input.kind === 'assessment') {
      if (input.month! < s.termStart.slice(0, 7) || input.month! > input.date.slice(0, 7)) throw invalid('考核月份应在矫正期内且不晚于登记日期', { fields: [{ path: 'month', message: '考核月份应在矫正期内且不晚于登记日期' }] });
      const [dup] = await tx.select({ id: correctionRecords.id }).from(correctionRecords).where(and(eq(correctionRecords.subjectId, s.id), eq(correctionRecords.kind, 'assessment'), eq(correctionRecords.month, input.month!), isNull(correctionRecords.voidedAt)));
      if (dup) throw new AppError('CORRECTIONS_ASSESSMENT_EXISTS', `${input.month}的月度考核已登记，每月只考核一次`, 409);
    }
    const [row] = await tx
      .insert(correctionRecords)
      .values({ orgId: s.orgId, regionCode: s.regionCode, createdBy: auth.user.id, subjectId: s.id, kind: input.kind, date: input.date, summary: input.summary ?? null, answered: input.answered ?? null, hours: input.hours ?? null, month: input.month ?? null, result: input.result ?? null })
      .returning();
    const contact = contactKinds.has(input.kind) && (input.kind !== 'rollCall' || input.answered);
    if (contact && (!s.lastContactDate || input.date > s.lastContactDate)) await tx.update(correctionSubjects).set({ lastContactDate: input.date }).where(eq(correctionSubjects.id, s.id));
    const label = input.kind === 'assessment' ? `月度考核（${input.month}：${assessmentResults[input.result!]}）` : recordKinds[input.kind];
    await recordAudit(tx, auth.actor, { action: 'corrections.record', entityType: SUBJECT_ENTITY, entityId: s.id, summary: `${label}：${s.name}（${input.date}）`, after: row });
    return row;
  });
}

// ── 奖惩 ─────────────────────────────────────────────────────────────────────────────────────────────────

export const measureInput = z.object({
  measure: z.enum(Object.keys(measures) as [Measure], { message: '请选择奖惩措施' }),
  facts: z.string().trim().min(4, '请写明事实和理由').max(5000),
  date: isoDate.optional(),
});

/** A 司法所 proposes 表扬 / 训诫 / 警告 / 提请…; the county decides (decideMeasure). */
export async function proposeMeasure(db: Db, auth: AuthContext, subjectId: string, raw: z.input<typeof measureInput>) {
  const input = measureInput.parse(raw);
  const m = measures[input.measure];
  return db.transaction(async (tx) => {
    const s = await subjectInScope(tx, auth, subjectId, PERM.manage);
    if (s.state !== 'supervising') throw new AppError('CORRECTIONS_NOT_SUPERVISING', '只能对在矫对象提出奖惩', 400);
    // 社区矫正法 第四十六条 (缓刑/假释) and 第四十九条 (暂予监外执行) apply to different sentences.
    if (input.measure === 'revocation' && !['probation', 'parole'].includes(s.sentenceType)) throw invalid('撤销缓刑、假释只适用于缓刑、假释对象（社区矫正法 第四十六条）');
    if (input.measure === 'committal' && s.sentenceType !== 'medicalParole') throw invalid('收监执行只适用于暂予监外执行对象（社区矫正法 第四十九条）');
    const date = input.date ?? todayInChina();
    const [row] = await tx.insert(correctionMeasures).values({ orgId: s.orgId, regionCode: s.regionCode, createdBy: auth.user.id, subjectId: s.id, measure: input.measure, state: 'proposed', facts: input.facts, proposedDate: date }).returning();
    await recordAudit(tx, auth.actor, { action: 'corrections.measure.propose', entityType: SUBJECT_ENTITY, entityId: s.id, summary: `提出${m.label}建议：${s.name}（由${m.decidedBy}决定；${m.cite}）`, after: row });
    return row;
  });
}

export const decideInput = z.object({ approve: z.boolean({ message: '请选择是否批准' }), note: z.string().trim().max(2000).optional(), date: isoDate.optional() });

/** The county 社区矫正机构 decides (训诫, 警告, 表扬) or sends the proposal on (法院, 公安, 决定机关) — with its 文书. */
export async function decideMeasure(db: Db, auth: AuthContext, measureId: string, raw: z.input<typeof decideInput>) {
  const input = decideInput.parse(raw);
  if (!z.uuid().safeParse(measureId).success) throw notFound('奖惩事项');
  return db.transaction(async (tx) => {
    const [m] = await tx.select().from(correctionMeasures).where(and(eq(correctionMeasures.id, measureId), isNull(correctionMeasures.voidedAt), scopeCondition(auth, PERM.read, { orgId: correctionMeasures.orgId })));
    if (!m) throw notFound('奖惩事项');
    const s = await subjectInScope(tx, auth, m.subjectId);
    const org = (await getOrg(tx, s.orgId))!;
    const def = measures[m.measure as Measure];
    if (!auth.permissions.has(PERM.decide) || !orgInScope(auth, PERM.decide, org)) throw forbidden(`${def.label}须由县级社区矫正机构审批（${def.cite}）`);
    if (m.state !== 'proposed') throw new AppError('CORRECTIONS_MEASURE_DECIDED', '该事项已审批', 409);
    if (!input.approve && (input.note ?? '').length < 2) throw invalid('不予批准的，请写明理由', { fields: [{ path: 'note', message: '请写明理由' }] });
    const date = input.date ?? todayInChina();
    let documentId: string | null = null;
    if (input.approve && def.instrument) {
      const doc = await issueDocument(tx, auth.actor, { type: def.instrument, agency: await correctionsAgency(tx, auth.rootPath), orgId: s.orgId, regionCode: s.regionCode, subjectId: s.id, date, fields: { ...docFields(s), facts: m.facts } });
      documentId = doc.id;
    }
    const [row] = await tx.update(correctionMeasures).set({ state: input.approve ? 'approved' : 'rejected', decidedDate: date, decidedBy: auth.user.id, decisionNote: input.note ?? null, documentId, version: m.version + 1, updatedAt: new Date() }).where(eq(correctionMeasures.id, m.id)).returning();
    await recordAudit(tx, auth.actor, { action: 'corrections.measure.decide', entityType: SUBJECT_ENTITY, entityId: s.id, summary: `${input.approve ? '批准' : '不予批准'}${def.label}：${s.name}（${def.cite}）`, before: { state: m.state }, after: { state: row.state, documentId } });
    return row;
  });
}

// ── 外出 and 迁居 ─────────────────────────────────────────────────────────────────────────────────────────

export const leaveInput = z.object({
  kind: z.enum(['leave', 'relocation'], { message: '请选择外出或迁居' }),
  destination: z.string().trim().min(2, '请填写目的地（新居住地）').max(200),
  reason: z.string().trim().min(2, '请填写事由').max(2000),
  startDate: isoDate,
  endDate: isoDate.optional(),
});

/** 外出 (by length: 司法所 / 县 / 上一级) or 迁居 (县级社区矫正机构) request — 社区矫正法 第二十七条. */
export async function requestLeave(db: Db, auth: AuthContext, subjectId: string, raw: z.input<typeof leaveInput>) {
  const input = leaveInput.parse(raw);
  if (input.kind === 'leave' && !input.endDate) throw invalid('外出须填写返回日期', { fields: [{ path: 'endDate', message: '请填写返回日期' }] });
  if (input.endDate && input.endDate < input.startDate) throw invalid('返回日期不能早于外出日期', { fields: [{ path: 'endDate', message: '返回日期不能早于外出日期' }] });
  const rules = await getRules(db);
  const days = input.endDate ? countDays(input.startDate, input.endDate, 'calendarDay') + 1 : null;
  const approver = input.kind === 'relocation' ? 'county' : leaveApprover(days!, rules);
  return db.transaction(async (tx) => {
    const s = await subjectInScope(tx, auth, subjectId, PERM.manage);
    if (s.state !== 'supervising') throw new AppError('CORRECTIONS_NOT_SUPERVISING', '只能为在矫对象登记外出、迁居申请', 400);
    const [row] = await tx.insert(correctionLeaves).values({ orgId: s.orgId, regionCode: s.regionCode, createdBy: auth.user.id, subjectId: s.id, kind: input.kind, destination: input.destination, reason: input.reason, startDate: input.startDate, endDate: input.endDate ?? null, days, approver, state: 'pending' }).returning();
    await recordAudit(tx, auth.actor, { action: 'corrections.leave.request', entityType: SUBJECT_ENTITY, entityId: s.id, summary: `${input.kind === 'leave' ? `外出申请${days}日` : '迁居申请'}：${s.name}，由${approverLabels[approver]}审批（${input.kind === 'leave' ? LEAVE_CITE : RELOCATION_CITE}）`, after: row });
    return row;
  });
}

/**
 * Approves or refuses a request at the level its length requires: ≤ 7 days the 受委托 司法所 (manage), up to 30
 * the county (decide); longer trips only go on to the 上一级 (recorded as 报上一级审批). 迁居: the county.
 */
export async function decideLeave(db: Db, auth: AuthContext, leaveId: string, raw: z.input<typeof decideInput>) {
  const input = decideInput.parse(raw);
  if (!z.uuid().safeParse(leaveId).success) throw notFound('外出申请');
  return db.transaction(async (tx) => {
    const [l] = await tx.select().from(correctionLeaves).where(and(eq(correctionLeaves.id, leaveId), isNull(correctionLeaves.voidedAt), scopeCondition(auth, PERM.read, { orgId: correctionLeaves.orgId })));
    if (!l) throw notFound('外出申请');
    const s = await subjectInScope(tx, auth, l.subjectId);
    const org = (await getOrg(tx, s.orgId))!;
    if (l.state !== 'pending') throw new AppError('CORRECTIONS_LEAVE_DECIDED', '该申请已审批', 409);
    const cite = l.kind === 'leave' ? LEAVE_CITE : RELOCATION_CITE;
    const needed = l.approver === 'office' ? [PERM.manage, PERM.decide] : [PERM.decide];
    if (!needed.some((p) => auth.permissions.has(p) && orgInScope(auth, p, org))) throw new AppError('CORRECTIONS_APPROVAL_LEVEL', `该申请须由${approverLabels[l.approver as keyof typeof approverLabels]}审批（${cite}）`, 403);
    if (!input.approve && (input.note ?? '').length < 2) throw invalid('不予批准的，请写明理由', { fields: [{ path: 'note', message: '请写明理由' }] });
    const state = !input.approve ? 'rejected' : l.approver === 'superior' ? 'escalated' : 'approved';
    const [row] = await tx.update(correctionLeaves).set({ state, decidedDate: input.date ?? todayInChina(), decidedBy: auth.user.id, decisionNote: input.note ?? null, version: l.version + 1, updatedAt: new Date() }).where(eq(correctionLeaves.id, l.id)).returning();
    await recordAudit(tx, auth.actor, { action: 'corrections.leave.decide', entityType: SUBJECT_ENTITY, entityId: s.id, summary: `${leaveStates[state]}：${s.name}${l.kind === 'leave' ? `外出${l.days}日` : '迁居'}（${cite}）`, before: { state: l.state }, after: { state } });
    return row;
  });
}

/** 销假: the subject is back (closes the 外出逾期 alarm). */
export async function returnFromLeave(db: Db, auth: AuthContext, leaveId: string, date: string) {
  if (!z.uuid().safeParse(leaveId).success) throw notFound('外出申请');
  return db.transaction(async (tx) => {
    const [l] = await tx.select().from(correctionLeaves).where(and(eq(correctionLeaves.id, leaveId), isNull(correctionLeaves.voidedAt), scopeCondition(auth, PERM.manage, { orgId: correctionLeaves.orgId })));
    if (!l) throw notFound('外出申请');
    if (l.kind !== 'leave' || l.state !== 'approved') throw new AppError('CORRECTIONS_LEAVE_STATE', '只有已批准的外出可以销假', 400);
    await tx.update(correctionLeaves).set({ state: 'returned', returnedDate: date, version: l.version + 1, updatedAt: new Date() }).where(eq(correctionLeaves.id, l.id));
    await tx.update(correctionSubjects).set({ lastContactDate: date }).where(and(eq(correctionSubjects.id, l.subjectId), or(isNull(correctionSubjects.lastContactDate), lte(correctionSubjects.lastContactDate, date))));
    await recordAudit(tx, auth.actor, { action: 'corrections.leave.return', entityType: SUBJECT_ENTITY, entityId: l.subjectId, summary: `外出销假（${date}）` });
  });
}

// ── mobile check-in ──────────────────────────────────────────────────────────────────────────────────────

export const checkinInput = z.object({
  latitude: z.number().min(-90).max(90).optional(),
  longitude: z.number().min(-180).max(180).optional(),
  accuracy: z.number().min(0).max(100_000).optional(),
  photoBase64: z.string().min(100, '请拍摄或上传本人照片').max(8_000_000, '照片不能超过6MB'),
  photoName: z.string().max(200).default('checkin.jpg'),
  note: z.string().max(500).optional(),
});

/** The subject of the caller's own account (矫正对象 role: check-in only). */
export async function ownSubject(db: DbOrTx, auth: AuthContext) {
  const [s] = await db.select().from(correctionSubjects).where(and(live, eq(correctionSubjects.subjectUserId, auth.user.id)));
  if (!s) throw notFound('您的社区矫正档案');
  return s;
}

/**
 * 签到: time, browser geolocation and a photo. The photo is a platform file with no org, so the generic
 * `/api/files` route never serves it to anyone but its uploader; staff open it through this line (audited).
 */
export async function checkIn(db: Db, auth: AuthContext, raw: z.input<typeof checkinInput>) {
  const input = checkinInput.parse(raw);
  if (!auth.permissions.has(PERM.checkin)) throw forbidden();
  const content = Buffer.from(input.photoBase64.replace(/^data:[^,]*,/, ''), 'base64');
  const mime = content[0] === 0x89 ? 'image/png' : content[0] === 0xff ? 'image/jpeg' : '';
  if (!mime) throw invalid('照片格式应为 JPG 或 PNG', { fields: [{ path: 'photoBase64', message: '照片格式应为 JPG 或 PNG' }] });
  return db.transaction(async (tx) => {
    const s = await ownSubject(tx, auth);
    if (s.state === 'released' || s.state === 'terminated') throw new AppError('CORRECTIONS_NOT_SUPERVISING', '您的社区矫正已结束，无需签到', 400);
    const file = await saveFile(tx, { name: input.photoName, mime, content, orgId: null, entityType: 'correctionCheckin', entityId: s.id, createdBy: auth.user.id });
    const today = todayInChina();
    const [row] = await tx.insert(correctionCheckins).values({ subjectId: s.id, orgId: s.orgId, date: today, latitude: input.latitude ?? null, longitude: input.longitude ?? null, accuracy: input.accuracy ?? null, fileId: file.id, note: input.note ?? null, createdBy: auth.user.id }).returning();
    await tx.update(correctionSubjects).set({ lastContactDate: today }).where(eq(correctionSubjects.id, s.id));
    await recordAudit(tx, auth.actor, { action: 'corrections.checkin', entityType: SUBJECT_ENTITY, entityId: s.id, summary: `社区矫正对象签到${input.latitude != null ? `（${input.latitude.toFixed(4)}, ${input.longitude?.toFixed(4)}）` : '（未提供位置）'}`, after: { id: row.id, at: row.at, fileId: file.id } });
    return { id: row.id, at: row.at, latitude: row.latitude, longitude: row.longitude };
  });
}

export async function ownCheckins(db: DbOrTx, auth: AuthContext) {
  const s = await ownSubject(db, auth);
  const rows = await db.select({ id: correctionCheckins.id, at: correctionCheckins.at, latitude: correctionCheckins.latitude, longitude: correctionCheckins.longitude }).from(correctionCheckins).where(eq(correctionCheckins.subjectId, s.id)).orderBy(desc(correctionCheckins.at)).limit(20);
  return { name: s.name, termEnd: s.termEnd, items: rows };
}

/** A check-in photo for staff of the subject's scope; the read is audited. */
export async function checkinPhoto(db: Db, auth: AuthContext, checkinId: string) {
  if (!z.uuid().safeParse(checkinId).success) throw notFound('签到照片');
  const [c] = await db.select().from(correctionCheckins).where(and(eq(correctionCheckins.id, checkinId), scopeCondition(auth, PERM.read, { orgId: correctionCheckins.orgId })));
  if (!c?.fileId) throw notFound('签到照片');
  const file = await readFile(db, c.fileId);
  if (!file) throw notFound('签到照片');
  await recordAudit(db, auth.actor, { action: 'corrections.checkin.photo', entityType: SUBJECT_ENTITY, entityId: c.subjectId, summary: '查看签到照片' });
  return file;
}

/** Gives a subject an account (role 矫正对象) for the mobile check-in page. */
export const accountInput = z.object({ username: z.string().trim().min(3, '用户名至少3个字符').max(50), password: z.string().min(8).max(100) });
export async function createSubjectAccount(db: Db, auth: AuthContext, subjectId: string, raw: z.input<typeof accountInput>) {
  const input = accountInput.parse(raw);
  const s = await subjectInScope(db, auth, subjectId, PERM.manage);
  if (s.subjectUserId) throw new AppError('CORRECTIONS_ACCOUNT_EXISTS', '该对象已开通签到账号', 409);
  const user = await createUser(db, auth.actor, { username: input.username, displayName: s.name, orgId: s.orgId, roleCodes: ['correctionsSubject'], password: input.password, title: '社区矫正对象' });
  await db.update(correctionSubjects).set({ subjectUserId: user.id }).where(eq(correctionSubjects.id, s.id));
  return { userId: user.id, username: input.username };
}

// ── reading ──────────────────────────────────────────────────────────────────────────────────────────────

export const listFilter = z.object({
  q: z.string().trim().max(50).optional(),
  state: z.string().max(16).optional(),
  sentenceType: z.enum(Object.keys(sentenceTypes) as [SentenceType]).optional(),
  level: z.enum(Object.keys(levels) as [Level]).optional(),
  office: z.uuid().optional(),
  /** 在册 on a day / within a period. */
  onRegister: z.enum(['1', '0']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(1000).default(20),
});

export const listColumns = {
  id: correctionSubjects.id, name: correctionSubjects.name, gender: correctionSubjects.gender, idNumberMasked: correctionSubjects.idNumberMasked, phoneMasked: correctionSubjects.phoneMasked,
  addressMasked: correctionSubjects.addressMasked, sentenceType: correctionSubjects.sentenceType, crime: correctionSubjects.crime, decisionOrg: correctionSubjects.decisionOrg,
  termStart: correctionSubjects.termStart, termEnd: correctionSubjects.termEnd, receivedDate: correctionSubjects.receivedDate, reportDueDate: correctionSubjects.reportDueDate,
  reportedDate: correctionSubjects.reportedDate, announcedDate: correctionSubjects.announcedDate, level: correctionSubjects.level, state: correctionSubjects.state,
  endedDate: correctionSubjects.endedDate, ending: correctionSubjects.ending, lastContactDate: correctionSubjects.lastContactDate, orgId: correctionSubjects.orgId, orgName: orgs.name, version: correctionSubjects.version,
};

type ListRow = { [K in keyof typeof listColumns]: unknown } & { sentenceType: string; state: string; level: string; ending: string | null };
const decorate = <T extends ListRow>(r: T) => ({
  ...r,
  sentenceTypeLabel: sentenceTypes[r.sentenceType as SentenceType] ?? r.sentenceType,
  stateLabel: subjectStateLabels[r.state] ?? r.state,
  levelLabel: levels[r.level as Level] ?? r.level,
  endingLabel: r.ending ? endings[r.ending as Ending] ?? r.ending : null,
  // 社区矫正法 第二十一条: reported after the 10 days (kept, and shown as 逾期报到).
  reportedLate: !!(r.reportedDate && r.reportDueDate && (r.reportedDate as string) > (r.reportDueDate as string)),
});

/** The register: scoped by the caller's data scope; `q` is a name, or an exact 身份证号 (blind index). */
export async function listSubjects(db: DbOrTx, auth: AuthContext, raw: z.input<typeof listFilter>) {
  const f = listFilter.parse(raw);
  const q = f.q?.trim();
  const byId = q && /^(\d{17}[\dXx]|\d{15})$/.test(q);
  const cond = and(
    live, scopeCondition(auth, PERM.read, scopeCols),
    q ? (byId ? eq(correctionSubjects.idNumberIndex, piiIndex(q.toUpperCase())) : ilike(correctionSubjects.name, `%${q.replace(/[%_\\]/g, '\\$&')}%`)) : undefined,
    f.state ? eq(correctionSubjects.state, f.state) : undefined,
    f.sentenceType ? eq(correctionSubjects.sentenceType, f.sentenceType) : undefined,
    f.level ? eq(correctionSubjects.level, f.level) : undefined,
    f.office ? eq(correctionSubjects.orgId, f.office) : undefined,
    f.onRegister === '1' ? sql`${correctionSubjects.state} in ('received','reported','supervising')` : f.onRegister === '0' ? sql`${correctionSubjects.state} in ('released','terminated')` : undefined,
  );
  const [{ total }] = await db.select({ total: sql<number>`count(*)::int` }).from(correctionSubjects).where(cond);
  const rows = await db.select(listColumns).from(correctionSubjects).leftJoin(orgs, eq(orgs.id, correctionSubjects.orgId)).where(cond).orderBy(desc(correctionSubjects.receivedDate), asc(correctionSubjects.id)).limit(f.pageSize).offset((f.page - 1) * f.pageSize);
  return { total: Number(total), page: f.page, pageSize: f.pageSize, items: rows.map((r) => decorate(r as ListRow & typeof r)) };
}

/** A subject's file: masked PII, records, 奖惩, 外出, 文书, check-ins. Audited as a read. */
export async function subjectDetail(db: Db, auth: AuthContext, id: string) {
  const s = await subjectInScope(db, auth, id);
  const org = await getOrg(db, s.orgId);
  const [records, measureRows, leaves, documents, checkins] = await Promise.all([
    db.select().from(correctionRecords).where(and(eq(correctionRecords.subjectId, s.id), isNull(correctionRecords.voidedAt))).orderBy(desc(correctionRecords.date), desc(correctionRecords.createdAt)).limit(200),
    db.select().from(correctionMeasures).where(and(eq(correctionMeasures.subjectId, s.id), isNull(correctionMeasures.voidedAt))).orderBy(desc(correctionMeasures.proposedDate)),
    db.select().from(correctionLeaves).where(and(eq(correctionLeaves.subjectId, s.id), isNull(correctionLeaves.voidedAt))).orderBy(desc(correctionLeaves.startDate)),
    documentsOf(db, s.id),
    db.select({ id: correctionCheckins.id, at: correctionCheckins.at, latitude: correctionCheckins.latitude, longitude: correctionCheckins.longitude, accuracy: correctionCheckins.accuracy, hasPhoto: sql<boolean>`${correctionCheckins.fileId} is not null` }).from(correctionCheckins).where(eq(correctionCheckins.subjectId, s.id)).orderBy(desc(correctionCheckins.at)).limit(50),
  ]);
  await recordAudit(db, auth.actor, { action: 'corrections.subject.read', entityType: SUBJECT_ENTITY, entityId: s.id, summary: `查阅社区矫正对象档案：${s.name}` });
  const { idNumberEnc: _i, idNumberIndex: _x, phoneEnc: _p, addressEnc: _a, ...rest } = s;
  return {
    ...decorate({ ...rest, orgName: org?.name ?? null } as never as ListRow & typeof rest & { orgName: string | null }),
    records: records.map((r) => ({ ...r, kindLabel: r.kind === 'assessment' ? '月度考核' : recordKinds[r.kind as RecordKind] ?? r.kind, resultLabel: r.result ? assessmentResults[r.result as keyof typeof assessmentResults] : null })),
    measures: measureRows.map((m) => ({ ...m, measureLabel: measures[m.measure as Measure]?.label ?? m.measure, stateLabel: measureStates[m.state as keyof typeof measureStates] ?? m.state, decidedByLabel: measures[m.measure as Measure]?.decidedBy, cite: measures[m.measure as Measure]?.cite })),
    leaves: leaves.map((l) => ({ ...l, stateLabel: leaveStates[l.state as keyof typeof leaveStates] ?? l.state, approverLabel: approverLabels[l.approver as keyof typeof approverLabels] })),
    documents,
    checkins,
    hasAccount: !!s.subjectUserId,
  };
}

export const revealInput = z.object({ reason: z.string().trim().min(4, '请填写查看完整信息的事由（至少4个字）').max(500) });

/** The full 身份证号, phone and address, for a stated reason (audited with it). */
export async function revealSubject(db: Db, auth: AuthContext, id: string, raw: z.input<typeof revealInput>) {
  const input = revealInput.parse(raw);
  const s = await subjectInScope(db, auth, id);
  await recordAudit(db, auth.actor, { action: 'corrections.subject.reveal', entityType: SUBJECT_ENTITY, entityId: s.id, summary: `查看社区矫正对象完整身份信息：${s.name}；事由：${input.reason}` });
  const dec = (v: string | null) => (v ? decryptPii(v) : null);
  return { idNumber: dec(s.idNumberEnc), phone: dec(s.phoneEnc), address: dec(s.addressEnc) };
}

