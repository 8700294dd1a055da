/**
 * 行政复议 use cases. Each write is one transaction: the case row, the workflow (state, history, deadlines),
 * the 文书 with their numbers, the materials and the audit entry commit or roll back together.
 */
import crypto from 'node:crypto';
import { and, asc, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { rowsOf, type Db, type DbOrTx, type Tx } from '../../platform/db/client';
import { AppError, invalid, notFound, forbidden } from '../../platform/errors';
import { recordAudit, type Actor } from '../../platform/audit/service';
import type { AuthContext } from '../../platform/auth/context';
import { orgInScope, scopeCondition } from '../../platform/auth/scope';
import { orgs } from '../../platform/orgs/schema';
import { getOrg, type Org } from '../../platform/orgs/service';
import { protectPii, sm3 } from '../../platform/crypto/sm';
import { fireTransition, getWarningPolicy, instanceHistory, instanceView, lightOf, loadInstance, startInstance, voidInstancesOf } from '../../platform/workflow/engine';
import { wfDeadlines, wfInstances } from '../../platform/workflow/schema';
import { todayInChina } from '../../platform/calendar/service';
import { issueNumber } from '../../platform/instruments/numbering';
import { createInstrument, listInstruments } from '../../platform/instruments/service';
import { saveFile, type FileMeta } from '../../platform/files/service';
import { files } from '../../platform/files/schema';
import { adminReviewCases, type AdminReviewCase } from './schema';
import { justiceBureauOf, reviewAuthority } from './authority';
import { proposeProcedure, type TriageInput } from './triage';
import {
  actTypes,
  applicantTypes,
  channels,
  concludingOutcomes,
  decisionKinds,
  ENTITY_TYPE,
  FOLLOW_UP_WORKFLOW,
  outcomes,
  PERM,
  procedures,
  stateLabels,
  WORKFLOW,
  type Channel,
} from './terms';
import './workflow';
import './instruments';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const idNumber = z
  .string()
  .trim()
  .regex(/^(\d{17}[\dXx]|\d{15}|[0-9A-HJ-NPQRTUWXY]{18})$/, '身份证号或统一社会信用代码格式不正确');
const phone = z.string().trim().regex(/^(1\d{10}|0\d{2,3}-?\d{7,8})$/, '联系电话格式不正确');

export const attachmentInput = z.object({
  name: z.string().trim().min(1, '请填写文件名').max(200),
  mime: z.string().max(128).optional(),
  contentBase64: z.string().min(1, '附件内容为空'),
});

/** What a 复议 application records (窗口登记 and 网上申请 share it). */
export const applicationInput = z.object({
  receivedDate: isoDate.optional().describe('收到申请之日，默认今天'),
  applicantType: z.enum(['person', 'organization'], { message: '请选择申请人类型' }),
  applicantName: z.string().trim().min(2, '请填写申请人姓名或名称').max(100),
  applicantIdNumber: idNumber.optional(),
  applicantPhone: phone.optional(),
  applicantAddress: z.string().trim().max(200).optional(),
  respondentOrgId: z.uuid({ message: '被申请人编号格式不正确' }).optional(),
  respondentName: z.string().trim().max(100).optional(),
  thirdParties: z.array(z.object({ name: z.string().trim().min(1).max(100), type: z.string().max(20).optional() })).max(20).default([]),
  agents: z.array(z.object({ name: z.string().trim().min(1).max(100), kind: z.string().max(20).optional(), org: z.string().max(100).optional() })).max(5).default([]),
  actType: z.enum(Object.keys(actTypes) as [keyof typeof actTypes], { message: '请选择行为类别' }),
  actNumber: z.string().trim().max(100).optional(),
  actDate: isoDate.optional(),
  actAmount: z.number().nonnegative('款额不能为负数').max(1e12).nullable().optional(),
  request: z.string().trim().min(2, '请填写行政复议请求').max(5000),
  reasons: z.string().trim().max(10000).optional(),
  onTheSpot: z.boolean().optional(),
  warningOrCriticism: z.boolean().optional(),
  factsClear: z.boolean().optional(),
  partiesAgree: z.boolean().optional(),
  attachments: z.array(attachmentInput).max(5, '附件最多5个').default([]),
});
export type ApplicationInput = z.input<typeof applicationInput>;

// ── helpers ─────────────────────────────────────────────────────────────────────────────────────────────

const scopeCols = { orgId: adminReviewCases.orgId, createdBy: adminReviewCases.createdBy };
const live = isNull(adminReviewCases.voidedAt);

/** The 行政复议机构 a user registers cases for: the 司法局 their org belongs to (or their own org). */
async function handlingOrgOf(db: DbOrTx, auth: AuthContext): Promise<Org> {
  const ids = auth.orgPath.split('/').filter(Boolean);
  const rows = await db.select().from(orgs).where(and(inArray(orgs.id, ids), eq(orgs.type, 'justiceBureau'), isNull(orgs.voidedAt))).orderBy(desc(orgs.path));
  return rows[0] ?? (await getOrg(db, auth.user.orgId))!;
}

async function resolveRespondent(db: DbOrTx, rootPath: string, input: { respondentOrgId?: string; respondentName?: string }) {
  if (input.respondentOrgId) {
    const org = await getOrg(db, input.respondentOrgId);
    if (!org || org.voidedAt || !org.path.startsWith(rootPath) || !['agency', 'government', 'justiceBureau', 'publicSecurity'].includes(org.type)) {
      throw invalid('被申请人应为本县的行政机关或人民政府', { fields: [{ path: 'respondentOrgId', message: '被申请人不存在或不是行政机关' }] });
    }
    return { respondentOrgId: org.id, respondentName: org.name };
  }
  const name = input.respondentName?.trim();
  if (!name) throw invalid('请选择或填写被申请人', { fields: [{ path: 'respondentName', message: '请选择或填写被申请人' }] });
  const [org] = await db.select().from(orgs).where(and(eq(orgs.name, name), isNull(orgs.voidedAt), sql`${orgs.path} like ${rootPath + '%'}`)).limit(1);
  return { respondentOrgId: org?.id ?? null, respondentName: name };
}

const actDescription = (c: Pick<AdminReviewCase, 'respondentName' | 'actNumber' | 'actType' | 'actDate'>) =>
  `${c.respondentName}${c.actDate ? `于${c.actDate.slice(0, 4)}年${Number(c.actDate.slice(5, 7))}月${Number(c.actDate.slice(8, 10))}日` : ''}作出的${c.actNumber ? `${c.actNumber}` : ''}${actTypes[c.actType as keyof typeof actTypes] ?? ''}行为`;

/** The case data every 文书 of the case is written from. */
async function instrumentFieldsOf(db: DbOrTx, c: AdminReviewCase) {
  const bureau = await getOrg(db, c.orgId);
  const authority = c.authorityOrgId ? await getOrg(db, c.authorityOrgId) : undefined;
  return {
    caseNumber: c.caseNumber,
    applicantName: c.applicantName,
    applicantAddress: c.applicantAddress,
    respondentName: c.respondentName,
    thirdParties: c.thirdParties,
    agents: c.agents,
    actDescription: actDescription(c),
    request: c.request,
    reasons: c.reasons,
    receivedDate: c.receivedDate,
    acceptedDate: c.acceptedDate,
    procedure: c.procedure,
    procedureLabel: c.procedure ? procedures[c.procedure as keyof typeof procedures] : undefined,
    decisionNumber: c.decisionNumber,
    bureauName: bureau?.name,
    authorityOrgId: c.authorityOrgId,
    authorityName: authority?.name,
  };
}

function caseTitle(c: Pick<AdminReviewCase, 'applicantName' | 'respondentName' | 'actType'>) {
  return `${c.applicantName}不服${c.respondentName}${actTypes[c.actType as keyof typeof actTypes] ?? ''}`;
}

/** A case the caller may read (adminReview.read in its data scope), else 404 — the same answer as a missing case. */
export async function caseInScope(db: DbOrTx, auth: AuthContext, id: string): Promise<AdminReviewCase> {
  if (!z.uuid().safeParse(id).success) throw notFound('行政复议案件');
  const rows = await db.select().from(adminReviewCases).where(and(eq(adminReviewCases.id, id), live, scopeCondition(auth, PERM.read, scopeCols)));
  if (!rows[0]) throw notFound('行政复议案件');
  return rows[0];
}

/** 作废 a wrongly registered case (nothing is deleted): the case, its workflows and its 待办 go, with the reason. */
export async function voidCase(db: Db, auth: AuthContext, id: string, reason: string) {
  return db.transaction(async (tx) => {
    const c = await caseInScope(tx, auth, id);
    const org = await getOrg(tx, c.orgId);
    if (!org || !orgInScope(auth, PERM.handle, org, c.createdBy)) throw forbidden('无权作废该案件');
    const [after] = await tx
      .update(adminReviewCases)
      .set({ voidedAt: new Date(), voidedBy: auth.user.id, voidReason: reason, version: c.version + 1, updatedAt: new Date() })
      .where(and(eq(adminReviewCases.id, id), eq(adminReviewCases.version, c.version)))
      .returning();
    if (!after) throw new AppError('VERSION_CONFLICT', '该案件已被他人处理（数据版本已变化），请刷新后重试', 409);
    await voidInstancesOf(tx, auth.actor, ENTITY_TYPE, id, reason);
    await recordAudit(tx, auth.actor, { action: 'adminReview.void', entityType: ENTITY_TYPE, entityId: id, summary: `作废行政复议案件 ${c.caseNumber}：${reason}`, before: c, after });
    return after;
  });
}

// ── registration ────────────────────────────────────────────────────────────────────────────────────────

export interface RegisterResult {
  case: AdminReviewCase;
  trackingCode: string | null;
  materials: FileMeta[];
}

/** 查询码 for an online applicant: 12 characters without look-alikes, shown once. */
function newTrackingCode() {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = crypto.randomBytes(12);
  const raw = [...bytes].map((b) => alphabet[b % alphabet.length]).join('');
  return `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8, 12)}`;
}
const trackingHash = (code: string) => sm3('adminReview.track:' + code.trim().toUpperCase());

async function insertCase(
  tx: Tx,
  actor: Actor,
  bureau: Org,
  input: z.output<typeof applicationInput>,
  channel: Channel,
  respondent: { respondentOrgId: string | null; respondentName: string },
  extra: Partial<typeof adminReviewCases.$inferInsert> = {},
) {
  const receivedDate = input.receivedDate ?? todayInChina();
  const authority = await reviewAuthority(tx, bureau);
  const { number: caseNumber } = await issueNumber(tx, { orgId: bureau.id, type: 'adminReview.caseNo', year: Number(receivedDate.slice(0, 4)) });
  const triage: TriageInput = { actType: input.actType, onTheSpot: input.onTheSpot, warningOrCriticism: input.warningOrCriticism, amount: input.actAmount ?? null, factsClear: input.factsClear, partiesAgree: input.partiesAgree };
  const proposal = proposeProcedure(triage);
  const id = crypto.randomUUID();
  const pid = protectPii(input.applicantIdNumber);
  const pphone = protectPii(input.applicantPhone);
  const [row] = await tx
    .insert(adminReviewCases)
    .values({
      id,
      orgId: bureau.id,
      regionCode: bureau.regionCode,
      createdBy: actor.id,
      caseNumber,
      channel,
      authorityOrgId: authority?.id ?? null,
      state: 'applied',
      receivedDate,
      applicantType: input.applicantType,
      applicantName: input.applicantName,
      applicantIdEnc: pid.enc,
      applicantIdMasked: pid.masked,
      applicantIdIndex: pid.index,
      applicantPhoneEnc: pphone.enc,
      applicantPhoneMasked: pphone.masked,
      applicantAddress: input.applicantAddress ?? null,
      ...respondent,
      thirdParties: input.thirdParties,
      agents: input.agents,
      actType: input.actType,
      actNumber: input.actNumber ?? null,
      actDate: input.actDate ?? null,
      actAmount: input.actAmount == null ? null : String(input.actAmount),
      request: input.request,
      reasons: input.reasons ?? null,
      triage: { ...triage, proposal },
      proposedProcedure: proposal.procedure,
      ...extra,
    })
    .returning();
  return row;
}

async function saveAttachments(tx: Tx, c: AdminReviewCase, createdBy: string | null, attachments: z.output<typeof attachmentInput>[]) {
  const saved: FileMeta[] = [];
  for (const a of attachments) {
    const content = Buffer.from(a.contentBase64, 'base64');
    if (!content.length) throw invalid(`附件「${a.name}」内容为空`);
    if (content.length > 20 * 1024 * 1024) throw invalid(`附件「${a.name}」超过20MB`);
    saved.push(await saveFile(tx, { name: a.name, mime: a.mime ?? 'application/octet-stream', content, orgId: c.orgId, entityType: ENTITY_TYPE, entityId: c.id, createdBy }));
  }
  return saved;
}

async function startCaseWorkflow(tx: Tx, actor: Actor, c: AdminReviewCase) {
  const instance = await startInstance(tx, actor, { workflow: WORKFLOW, entityId: c.id, title: `${c.caseNumber} ${caseTitle(c)}`, orgId: c.orgId, regionCode: c.regionCode, date: c.receivedDate, data: { channel: c.channel } });
  const [row] = await tx.update(adminReviewCases).set({ instanceId: instance.id }).where(eq(adminReviewCases.id, c.id)).returning();
  return row;
}

/** 窗口登记: a 复议科 user records an application received at the counter (or by post). */
export async function registerCase(db: Db, auth: AuthContext, raw: ApplicationInput, channel: Channel = 'counter'): Promise<RegisterResult> {
  const input = applicationInput.parse(raw);
  const bureau = await handlingOrgOf(db, auth);
  if (!auth.permissions.has(PERM.register) || !orgInScope(auth, PERM.register, bureau)) throw forbidden('无权登记行政复议申请');
  return db.transaction(async (tx) => {
    const respondent = await resolveRespondent(tx, auth.rootPath, input);
    let c = await insertCase(tx, auth.actor, bureau, input, channel, respondent);
    c = await startCaseWorkflow(tx, auth.actor, c);
    const materials = await saveAttachments(tx, c, auth.user.id, input.attachments);
    await recordAudit(tx, auth.actor, { action: 'adminReview.register', entityType: ENTITY_TYPE, entityId: c.id, summary: `登记行政复议申请 ${c.caseNumber}：${caseTitle(c)}（${channels[channel]}）`, after: { ...c, materials: materials.map((m) => ({ id: m.id, name: m.name, sha256: m.sha256 })) } });
    return { case: c, trackingCode: null, materials };
  });
}

/** 网上申请 from the public portal: filed with the county's 司法局, answered with a 查询码. */
export async function submitOnline(db: Db, raw: ApplicationInput, meta: { ip: string | null; regionCode?: string }): Promise<RegisterResult> {
  const input = applicationInput.parse({ ...raw, receivedDate: undefined });
  const bureau = await justiceBureauOf(db, undefined, meta.regionCode);
  if (!bureau) throw new AppError('ADMIN_REVIEW_NO_AUTHORITY', '未找到受理行政复议申请的机构', 400);
  const rootPath = `/${bureau.path.split('/').filter(Boolean)[0]}/`;
  const actor: Actor = { id: null, name: `网上申请：${input.applicantName}`, orgId: null, ip: meta.ip };
  const code = newTrackingCode();
  return db.transaction(async (tx) => {
    const respondent = await resolveRespondent(tx, rootPath, input);
    let c = await insertCase(tx, actor, bureau, input, 'portal', respondent, { trackingHash: trackingHash(code) });
    c = await startCaseWorkflow(tx, actor, c);
    const materials = await saveAttachments(tx, c, null, input.attachments);
    await recordAudit(tx, actor, { action: 'adminReview.submitOnline', entityType: ENTITY_TYPE, entityId: c.id, summary: `网上行政复议申请 ${c.caseNumber}：${caseTitle(c)}`, after: { ...c, materials: materials.map((m) => ({ id: m.id, name: m.name, sha256: m.sha256 })) } });
    return { case: c, trackingCode: code, materials };
  });
}

/** Progress for the 查询码 holder, without personal data (no names, numbers or addresses). */
export async function trackByCode(db: DbOrTx, code: string) {
  const [c] = await db.select().from(adminReviewCases).where(and(eq(adminReviewCases.trackingHash, trackingHash(code)), live));
  if (!c) throw new AppError('NOT_FOUND', '查询码不存在，请核对后重新输入', 404);
  const steps: { date: string; label: string }[] = [{ date: c.receivedDate, label: '收到行政复议申请' }];
  if (c.instanceId) {
    const hist = await instanceHistory(db, c.instanceId);
    const publicSteps: Record<string, string> = {
      requestAmend: '已通知补正材料', amended: '已收到补正材料', acceptSummary: '已受理（简易程序）', acceptOrdinary: '已受理（普通程序）', reject: '决定不予受理',
      transfer: '已转送有权机关', sendCopy: '已向被申请人发送申请书副本', answerReceived: '已收到被申请人答复', scheduleHearing: '已安排听证', suspend: '中止审理',
      normativeReview: '中止审理（附带审查规范性文件）', resume: '恢复审理', extend: '延期审理', convert: '转为普通程序', decide: '已作出行政复议决定', mediate: '调解结案', terminate: '终止行政复议', abandon: '视为放弃申请',
    };
    for (const h of hist) if (publicSteps[h.transition]) steps.push({ date: h.eventDate, label: publicSteps[h.transition] });
  }
  return {
    caseNumber: c.caseNumber,
    receivedDate: c.receivedDate,
    state: c.state,
    stateLabel: stateLabel(c),
    procedureLabel: c.procedure ? procedures[c.procedure as keyof typeof procedures] : null,
    outcomeLabel: c.outcome ? outcomes[c.outcome]?.label ?? null : null,
    decisionNumber: c.decisionNumber,
    concludedDate: c.concludedDate,
    steps,
  };
}

const stateLabel = (c: Pick<AdminReviewCase, 'state' | 'procedure'>) =>
  c.state === 'hearing' && c.procedure ? `${stateLabels.hearing}（${procedures[c.procedure as keyof typeof procedures]}）` : (stateLabels[c.state] ?? c.state);

// ── actions (one transition each) ───────────────────────────────────────────────────────────────────────

export const actionInput = z.object({
  version: z.number().int(),
  data: z.record(z.string(), z.unknown()).default({}),
  note: z.string().max(2000).optional(),
});

/** Which workflow transition an action is: `accept` picks the procedure's, `sendCopy` carries the procedure. */
function transitionFor(c: AdminReviewCase, action: string, data: Record<string, unknown>): { key: string; data: Record<string, unknown> } {
  if (action === 'accept') {
    const procedure = data.procedure ?? c.proposedProcedure ?? 'ordinary';
    if (procedure !== 'summary' && procedure !== 'ordinary') throw invalid('请选择简易程序或普通程序', { fields: [{ path: 'procedure', message: '请选择简易程序或普通程序' }] });
    return { key: procedure === 'summary' ? 'acceptSummary' : 'acceptOrdinary', data: { ...data, procedure } };
  }
  if (action === 'sendCopy') return { key: action, data: { ...data, procedure: c.procedure ?? 'ordinary' } };
  return { key: action, data };
}

/** Columns that mirror an event, so lists, filters, indicators and the 台账 need no workflow joins. */
function mirrorOf(c: AdminReviewCase, key: string, date: string, data: Record<string, unknown>, issued: { type: string; number: string | null }[]): Partial<AdminReviewCase> {
  const records = { ...(c.records ?? {}) } as Record<string, unknown>;
  const push = (k: string) => (records[k] = [...((records[k] as unknown[]) ?? []), { date, ...data }]);
  switch (key) {
    case 'acceptSummary':
    case 'acceptOrdinary':
      return { acceptedDate: date, procedure: key === 'acceptSummary' ? 'summary' : 'ordinary' };
    case 'reject':
      return { concludedDate: date, outcome: 'rejected', decisionNumber: issued.find((i) => i.type === 'adminReview.rejectDecision')?.number ?? null };
    case 'transfer':
      return { concludedDate: date, outcome: 'transferred', records: { ...records, transfer: { date, ...data } } };
    case 'abandon':
      return { concludedDate: date, outcome: 'abandoned' };
    case 'convert':
      return { procedure: 'ordinary', converted: true, records: { ...records, conversion: { date, ...data } } };
    case 'extend':
      return { extended: true, records: { ...records, extension: { date, ...data } } };
    case 'decide':
      return { concludedDate: date, outcome: String(data.kind), decisionNumber: issued.find((i) => i.type === 'adminReview.decision')?.number ?? null };
    case 'mediate':
      return { concludedDate: date, outcome: 'mediation', decisionNumber: issued.find((i) => i.type === 'adminReview.mediationDoc')?.number ?? null };
    case 'terminate':
      return { concludedDate: date, outcome: String(data.ground), decisionNumber: issued.find((i) => i.type === 'adminReview.terminationDecision')?.number ?? null };
    case 'scheduleHearing':
    case 'recordHearing':
      push('hearings');
      return { records };
    case 'referCommittee':
    case 'committeeOpinion':
      push('committee');
      return { records };
    case 'normativeReview':
    case 'notifyDrafter':
    case 'drafterAnswered':
    case 'normativeForwarded':
    case 'normativeConcluded':
      push('normativeReview');
      return { records };
    default:
      return {};
  }
}

/** Fires one action on a case (the UI's path): the transition, its 文书 and the mirrored columns in one transaction. */
export async function actOnCase(db: Db, auth: AuthContext, caseId: string, action: string, body: z.input<typeof actionInput>) {
  const input = actionInput.parse(body);
  return db.transaction(async (tx) => {
    const c = await caseInScope(tx, auth, caseId);
    if (!c.instanceId) throw new AppError('ADMIN_REVIEW_HISTORICAL', '该案件为台账导入的历史案件，不能办理流程操作', 400);
    const t = transitionFor(c, action, input.data);
    const result = await fireTransition(tx, auth, { instanceId: c.instanceId, transition: t.key, version: input.version, data: t.data, note: input.note, instrumentFields: await instrumentFieldsOf(tx, c) });
    const date = result.event.eventDate;
    const mirror = mirrorOf(c, t.key, date, (result.event.data as Record<string, unknown>) ?? {}, result.instruments);
    await tx.update(adminReviewCases).set({ ...mirror, state: result.instance.state, version: c.version + 1, updatedAt: new Date() }).where(eq(adminReviewCases.id, c.id));
    return { instruments: result.instruments };
  });
}

/** 意见书 (行政复议法 第七十六条) or 履行监督 of a decision: an instrument and a 履行监督 instance with its deadline. */
export const followUpInput = z.object({
  kind: z.enum(['opinion', 'performance'], { message: '请选择意见书或履行监督' }),
  date: isoDate,
  issue: z.string().trim().min(2, '请填写发现的问题').max(5000),
  recommendation: z.string().trim().max(5000).optional(),
});

export async function startFollowUp(db: Db, auth: AuthContext, caseId: string, raw: z.input<typeof followUpInput>) {
  const input = followUpInput.parse(raw);
  return db.transaction(async (tx) => {
    const c = await caseInScope(tx, auth, caseId);
    const org = (await getOrg(tx, c.orgId))!;
    if (!auth.permissions.has(PERM.handle) || !orgInScope(auth, PERM.handle, org)) throw forbidden('无权办理行政复议案件');
    if (!c.concludedDate || !['decided', 'mediated'].includes(c.state)) throw new AppError('ADMIN_REVIEW_NOT_DECIDED', '案件作出决定或调解结案后才能制发意见书、开展履行监督（行政复议法 第七十六条、第七十七条）', 400);
    if (input.kind === 'opinion' && !input.recommendation) throw invalid('请填写意见书的具体意见', { fields: [{ path: 'recommendation', message: '请填写意见' }] });
    let instrument: { id: string; number: string | null } | null = null;
    if (input.kind === 'opinion') {
      const row = await createInstrument(tx, auth.actor, { orgId: c.orgId, regionCode: c.regionCode, type: 'adminReview.opinion', date: input.date, entityType: ENTITY_TYPE, entityId: c.id, fields: { ...(await instrumentFieldsOf(tx, c)), issue: input.issue, recommendation: input.recommendation } });
      instrument = { id: row.id, number: row.number };
    }
    const instance = await startInstance(tx, auth.actor, { workflow: FOLLOW_UP_WORKFLOW, entityId: c.id, title: `${c.caseNumber} ${input.kind === 'opinion' ? '意见书整改' : '决定履行'}监督：${c.respondentName}`, orgId: c.orgId, regionCode: c.regionCode, date: input.date, data: { kind: input.kind, issue: input.issue, instrumentId: instrument?.id ?? null } });
    const records = { ...(c.records ?? {}) } as Record<string, unknown>;
    records.followUps = [...((records.followUps as unknown[]) ?? []), { instanceId: instance.id, kind: input.kind, date: input.date, issue: input.issue, instrumentNumber: instrument?.number ?? null }];
    await tx.update(adminReviewCases).set({ records, version: c.version + 1, updatedAt: new Date() }).where(eq(adminReviewCases.id, c.id));
    await recordAudit(tx, auth.actor, { action: 'adminReview.followUp', entityType: ENTITY_TYPE, entityId: c.id, summary: `${input.kind === 'opinion' ? '制发行政复议意见书' : '启动履行监督'}：${c.caseNumber}`, after: { instanceId: instance.id, ...input, instrument } });
    return { instanceId: instance.id, instrument };
  });
}

/** 建议书 to another organ (行政复议法实施条例 第五十七条). */
export const suggestionInput = z.object({ date: isoDate, recipient: z.string().trim().min(2, '请填写受文机关').max(100), issue: z.string().trim().min(2, '请填写发现的问题').max(5000), recommendation: z.string().trim().min(2, '请填写建议').max(5000) });

export async function issueSuggestion(db: Db, auth: AuthContext, caseId: string, raw: z.input<typeof suggestionInput>) {
  const input = suggestionInput.parse(raw);
  return db.transaction(async (tx) => {
    const c = await caseInScope(tx, auth, caseId);
    const org = (await getOrg(tx, c.orgId))!;
    if (!auth.permissions.has(PERM.handle) || !orgInScope(auth, PERM.handle, org)) throw forbidden('无权办理行政复议案件');
    const row = await createInstrument(tx, auth.actor, { orgId: c.orgId, regionCode: c.regionCode, type: 'adminReview.suggestion', date: input.date, entityType: ENTITY_TYPE, entityId: c.id, fields: { ...(await instrumentFieldsOf(tx, c)), ...input } });
    return { id: row.id, number: row.number };
  });
}

/** Adds materials (stored with their SHA-256) to a case. */
export async function addMaterials(db: Db, auth: AuthContext, caseId: string, items: { name: string; mime: string; content: Buffer }[]) {
  return db.transaction(async (tx) => {
    const c = await caseInScope(tx, auth, caseId);
    const org = (await getOrg(tx, c.orgId))!;
    if (!auth.permissions.has(PERM.handle) || !orgInScope(auth, PERM.handle, org)) throw forbidden('无权办理行政复议案件');
    const saved: FileMeta[] = [];
    for (const it of items) saved.push(await saveFile(tx, { ...it, orgId: c.orgId, entityType: ENTITY_TYPE, entityId: c.id, createdBy: auth.user.id }));
    await recordAudit(tx, auth.actor, { action: 'adminReview.addMaterials', entityType: ENTITY_TYPE, entityId: c.id, summary: `上传材料 ${saved.length} 件：${c.caseNumber}`, after: saved.map((m) => ({ id: m.id, name: m.name, sha256: m.sha256 })) });
    return saved;
  });
}

export async function caseMaterials(db: DbOrTx, caseId: string) {
  return db
    .select({ id: files.id, name: files.name, mime: files.mime, size: files.size, sha256: files.sha256, createdAt: files.createdAt })
    .from(files)
    .where(and(eq(files.entityType, ENTITY_TYPE), eq(files.entityId, caseId), isNull(files.voidedAt)))
    .orderBy(asc(files.createdAt));
}

export async function caseMaterial(db: DbOrTx, auth: AuthContext, caseId: string, fileId: string) {
  await caseInScope(db, auth, caseId);
  const [f] = await db.select().from(files).where(and(eq(files.id, fileId), eq(files.entityType, ENTITY_TYPE), eq(files.entityId, caseId), isNull(files.voidedAt)));
  if (!f) throw notFound('材料');
  return f;
}

// ── reads ───────────────────────────────────────────────────────────────────────────────────────────────

export const listFilter = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  q: z.string().trim().max(100).optional().describe('案号、申请人、被申请人'),
  state: z.string().optional().describe('状态，逗号分隔'),
  procedure: z.enum(['summary', 'ordinary']).optional(),
  respondent: z.string().trim().max(100).optional().describe('被申请人（机构ID或名称）'),
  actType: z.string().optional(),
  channel: z.string().optional(),
  outcome: z.string().optional(),
  receivedFrom: isoDate.optional(),
  receivedTo: isoDate.optional(),
  concludedFrom: isoDate.optional(),
  concludedTo: isoDate.optional(),
  overdue: z.enum(['true', 'false']).optional().describe('只看已超期（红灯）'),
  open: z.enum(['true', 'false']).optional().describe('只看未办结'),
});
export type ListFilter = z.infer<typeof listFilter>;

function filterSql(auth: AuthContext, f: Partial<ListFilter>): SQL {
  const c = adminReviewCases;
  const today = todayInChina();
  const parts: (SQL | undefined)[] = [
    live,
    scopeCondition(auth, PERM.read, scopeCols),
    f.q ? sql`(${c.caseNumber} ilike ${'%' + f.q + '%'} or ${c.applicantName} ilike ${'%' + f.q + '%'} or ${c.respondentName} ilike ${'%' + f.q + '%'} or ${c.decisionNumber} ilike ${'%' + f.q + '%'})` : undefined,
    f.state ? inArray(c.state, f.state.split(',')) : undefined,
    f.procedure ? eq(c.procedure, f.procedure) : undefined,
    f.respondent ? (/^[0-9a-f-]{36}$/i.test(f.respondent) ? eq(c.respondentOrgId, f.respondent) : sql`${c.respondentName} ilike ${'%' + f.respondent + '%'}`) : undefined,
    f.actType ? inArray(c.actType, f.actType.split(',')) : undefined,
    f.channel ? eq(c.channel, f.channel) : undefined,
    f.outcome ? inArray(c.outcome, f.outcome.split(',')) : undefined,
    f.receivedFrom ? sql`${c.receivedDate} >= ${f.receivedFrom}` : undefined,
    f.receivedTo ? sql`${c.receivedDate} <= ${f.receivedTo}` : undefined,
    f.concludedFrom ? sql`${c.concludedDate} >= ${f.concludedFrom}` : undefined,
    f.concludedTo ? sql`${c.concludedDate} <= ${f.concludedTo}` : undefined,
    f.open === 'true' ? isNull(c.concludedDate) : f.open === 'false' ? sql`${c.concludedDate} is not null` : undefined,
    f.overdue === 'true' ? sql`exists (select 1 from wf_deadlines d where d.instance_id = ${c.instanceId} and d.status = 'open' and d.due_date < ${today})` : undefined,
  ];
  return and(...parts.filter(Boolean))!;
}

export interface CaseListItem {
  id: string;
  caseNumber: string;
  receivedDate: string;
  channel: string;
  channelLabel: string;
  applicantType: string;
  applicantName: string;
  applicantIdMasked: string | null;
  respondentName: string;
  actType: string;
  actTypeLabel: string;
  procedure: string | null;
  procedureLabel: string | null;
  proposedProcedure: string | null;
  state: string;
  stateLabel: string;
  acceptedDate: string | null;
  concludedDate: string | null;
  outcome: string | null;
  outcomeLabel: string | null;
  decisionNumber: string | null;
  instanceId: string | null;
  deadline: { label: string; dueDate: string; light: 'green' | 'yellow' | 'red'; cite: string } | null;
}

function listItem(c: AdminReviewCase): Omit<CaseListItem, 'deadline'> {
  return {
    id: c.id,
    caseNumber: c.caseNumber,
    receivedDate: c.receivedDate,
    channel: c.channel,
    channelLabel: channels[c.channel as Channel] ?? c.channel,
    applicantType: c.applicantType,
    applicantName: c.applicantName,
    applicantIdMasked: c.applicantIdMasked,
    respondentName: c.respondentName,
    actType: c.actType,
    actTypeLabel: actTypes[c.actType as keyof typeof actTypes] ?? c.actType,
    procedure: c.procedure,
    procedureLabel: c.procedure ? procedures[c.procedure as keyof typeof procedures] : null,
    proposedProcedure: c.proposedProcedure,
    state: c.state,
    stateLabel: stateLabel(c),
    acceptedDate: c.acceptedDate,
    concludedDate: c.concludedDate,
    outcome: c.outcome,
    outcomeLabel: c.outcome ? (outcomes[c.outcome]?.label ?? c.outcome) : null,
    decisionNumber: c.decisionNumber,
    instanceId: c.instanceId,
  };
}

/** The list (and its Excel export): every filter goes through the caller's data scope. */
export async function listCases(db: DbOrTx, auth: AuthContext, f: Partial<ListFilter> & { page: number; pageSize: number }) {
  const where = filterSql(auth, f);
  const [{ total }] = rowsOf<{ total: number }>(await db.execute(sql`select count(*)::int as total from admin_review_cases where ${where}`));
  const rows = await db
    .select()
    .from(adminReviewCases)
    .where(where)
    .orderBy(desc(adminReviewCases.receivedDate), desc(adminReviewCases.createdAt))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  const instanceIds = rows.map((r) => r.instanceId).filter((x): x is string => !!x);
  const deadlines = instanceIds.length
    ? await db.select().from(wfDeadlines).where(and(inArray(wfDeadlines.instanceId, instanceIds), eq(wfDeadlines.status, 'open'))).orderBy(asc(wfDeadlines.dueDate))
    : [];
  const policy = await getWarningPolicy(db);
  const today = todayInChina();
  const items: CaseListItem[] = rows.map((r) => {
    const d = deadlines.find((x) => x.instanceId === r.instanceId && x.dueDate);
    return { ...listItem(r), deadline: d ? { label: d.label, dueDate: d.dueDate!, light: lightOf(d, today, policy) as 'green' | 'yellow' | 'red', cite: d.cite } : null };
  });
  return { items, total: Number(total), page: f.page, pageSize: f.pageSize };
}

/** The case page: the record, its workflow (state, deadlines with lights and citations, available actions, history), 文书, materials, 履行监督. */
export async function caseDetail(db: DbOrTx, auth: AuthContext, id: string) {
  const c = await caseInScope(db, auth, id);
  let workflow = null;
  if (c.instanceId) {
    const inst = await loadInstance(db, c.instanceId);
    if (inst) workflow = { ...(await instanceView(db, auth, inst)), history: await instanceHistory(db, inst.id) };
  }
  const followInstances = await db.select().from(wfInstances).where(and(eq(wfInstances.entityType, ENTITY_TYPE), eq(wfInstances.entityId, c.id), eq(wfInstances.workflow, FOLLOW_UP_WORKFLOW), isNull(wfInstances.voidedAt))).orderBy(asc(wfInstances.createdAt));
  const followUps = [];
  for (const fi of followInstances) followUps.push({ ...(await instanceView(db, auth, fi)), history: await instanceHistory(db, fi.id) });
  const instruments = await listInstruments(db, auth, { entityType: ENTITY_TYPE, entityId: c.id, readPermission: PERM.read, pageSize: 200 });
  const authority = c.authorityOrgId ? await getOrg(db, c.authorityOrgId) : undefined;
  const bureau = await getOrg(db, c.orgId);
  return {
    ...listItem(c),
    version: c.version,
    orgName: bureau?.name ?? null,
    authorityName: authority?.name ?? null,
    applicantTypeLabel: applicantTypes[c.applicantType as keyof typeof applicantTypes] ?? c.applicantType,
    applicantPhoneMasked: c.applicantPhoneMasked,
    applicantAddress: c.applicantAddress,
    respondentOrgId: c.respondentOrgId,
    thirdParties: c.thirdParties,
    agents: c.agents,
    actNumber: c.actNumber,
    actDate: c.actDate,
    actAmount: c.actAmount == null ? null : Number(c.actAmount),
    actDescription: actDescription(c),
    request: c.request,
    reasons: c.reasons,
    triage: c.triage,
    converted: c.converted,
    extended: c.extended,
    records: c.records,
    workflow,
    followUps,
    instruments: instruments.items.map((i) => ({ id: i.id, type: i.type, title: i.title, number: i.number, issuedOn: i.issuedOn, issuerName: i.issuerName, voided: !!i.voidedAt })),
    materials: await caseMaterials(db, c.id),
    litigation: await linkedLitigation(db, auth, c.id),
  };
}

/**
 * Lawsuits on the same act (行政复议法 第二十九条), through the 行政应诉 line's own exported function (scoped by its
 * read permission); loaded lazily so the two lines do not import each other at start.
 */
async function linkedLitigation(db: DbOrTx, auth: AuthContext, caseId: string) {
  try {
    const lit = await import('../litigation/service');
    if (typeof lit.findLitigationCases !== 'function') return [];
    const rows = await lit.findLitigationCases(db, auth, { reviewCaseIds: [caseId] });
    return rows.map((r: Record<string, unknown>) => ({ id: String(r.id), caseNumber: String(r.caseNumber ?? ''), courtName: String(r.courtName ?? ''), level: r.level ?? null, status: r.status ?? null, outcome: r.outcome ?? null, outcomeLabel: (r.outcomeLabel as string | null) ?? null }));
  } catch {
    return [];
  }
}

/**
 * For the 行政应诉 line (复议 and 诉讼 on the same act are linked, 行政复议法 第二十九条): cases the caller may
 * see, by id or by a search text.
 */
export async function findReviewCases(db: DbOrTx, auth: AuthContext, opts: { ids?: string[]; q?: string } = {}) {
  if (opts.ids && !opts.ids.length) return [];
  const where = and(
    filterSql(auth, { q: opts.q }),
    opts.ids ? inArray(adminReviewCases.id, opts.ids.filter((x) => z.uuid().safeParse(x).success)) : undefined,
  );
  const rows = await db.select().from(adminReviewCases).where(where).orderBy(desc(adminReviewCases.receivedDate)).limit(50);
  return rows.map((c) => ({ id: c.id, caseNumber: c.caseNumber, applicantName: c.applicantName, respondentName: c.respondentName, actType: c.actType, state: c.state, stateLabel: stateLabel(c) }));
}

// ── historical cases (台账 import, demo data) ───────────────────────────────────────────────────────────

export interface HistoricalCase {
  receivedDate: string;
  applicantType?: 'person' | 'organization';
  applicantName: string;
  applicantIdNumber?: string | null;
  respondentName: string;
  respondentOrgId?: string | null;
  actType: string;
  actNumber?: string | null;
  actAmount?: number | null;
  request?: string | null;
  procedure?: 'summary' | 'ordinary' | null;
  acceptedDate?: string | null;
  concludedDate: string;
  outcome: string;
  decisionNumber?: string | null;
  caseNumber?: string | null;
}

/** The state a historical case ends in, from how it ended. */
export function finalStateOf(outcome: string): string {
  const o = outcomes[outcome];
  if (!o) throw new Error(`unknown outcome ${outcome}`);
  if (o.ending === 'decision') return 'decided';
  if (o.ending === 'mediation') return 'mediated';
  if (o.ending === 'termination') return 'terminated';
  return outcome === 'rejected' ? 'rejected' : outcome === 'transferred' ? 'transferred' : 'abandoned';
}

/**
 * Inserts concluded historical cases (one multi-row insert per 200) for the 行政复议机构 `bureau`; they count in
 * the indicators at once. Runs in the caller's transaction; returns the new ids.
 */
export async function insertHistoricalCases(tx: DbOrTx, actor: Actor, bureau: Org, rows: HistoricalCase[], channel: Channel = 'ledger'): Promise<string[]> {
  const authority = await reviewAuthority(tx, bureau);
  const values: (typeof adminReviewCases.$inferInsert)[] = [];
  for (const r of rows) {
    const year = Number(r.receivedDate.slice(0, 4));
    const caseNumber = r.caseNumber ?? (await issueNumber(tx, { orgId: bureau.id, type: 'adminReview.caseNo', year })).number;
    const pid = protectPii(r.applicantIdNumber ?? null);
    values.push({
      id: crypto.randomUUID(),
      orgId: bureau.id,
      regionCode: bureau.regionCode,
      createdBy: actor.id,
      caseNumber,
      channel,
      authorityOrgId: authority?.id ?? null,
      state: finalStateOf(r.outcome),
      receivedDate: r.receivedDate,
      applicantType: r.applicantType ?? 'person',
      applicantName: r.applicantName,
      applicantIdEnc: pid.enc,
      applicantIdMasked: pid.masked,
      applicantIdIndex: pid.index,
      respondentOrgId: r.respondentOrgId ?? null,
      respondentName: r.respondentName,
      actType: r.actType,
      actNumber: r.actNumber ?? null,
      actAmount: r.actAmount == null ? null : String(r.actAmount),
      request: r.request ?? null,
      procedure: r.procedure ?? null,
      acceptedDate: r.acceptedDate ?? null,
      concludedDate: r.concludedDate,
      outcome: r.outcome,
      decisionNumber: r.decisionNumber ?? null,
    });
  }
  for (let i = 0; i < values.length; i += 200) await tx.insert(adminReviewCases).values(values.slice(i, i + 200));
  return values.map((v) => v.id!);
}

export { handlingOrgOf, caseTitle, concludingOutcomes, decisionKinds };
