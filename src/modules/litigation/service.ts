/**
 * 行政应诉 use cases. Each write is one transaction: the case row, the workflow step (state, history,
 * deadlines, 文书 number) and the audit entry commit together.
 */
import { and, asc, desc, eq, ilike, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { rowsOf, type Db, type DbOrTx } from '../../platform/db/client';
import { AppError, conflict, forbidden, invalid, notFound } from '../../platform/errors';
import { recordAudit } from '../../platform/audit/service';
import type { AuthContext } from '../../platform/auth/context';
import { orgInScope, scopeCondition } from '../../platform/auth/scope';
import { protectPii } from '../../platform/crypto/sm';
import { orgs } from '../../platform/orgs/schema';
import { getOrg, resolveOrg, type Org } from '../../platform/orgs/service';
import { getSetting, putSetting } from '../../platform/settings/service';
import { todayInChina } from '../../platform/calendar/service';
import { fireTransition, getWarningPolicy, instanceHistory, instanceInScope, instanceView, lightOf, startInstance, voidInstance } from '../../platform/workflow/engine';
import { wfDeadlines, wfInstances } from '../../platform/workflow/schema';
import { createInstrument, listInstruments } from '../../platform/instruments/service';
import { isoDate } from '../../platform/http/schemas';
import { indexDoc, removeDoc } from '../../platform/search/service';
import { findReviewCases } from '../admin-review/service';
import { litigationCases, litigationHearings, litigationMediations, litigationSuggestions } from './schema';
import {
  actTypes,
  caseStatuses,
  levels,
  lossOutcomes,
  mediationResults,
  mediationStages,
  outcomeLabel,
  outcomes,
  plaintiffTypes,
  procedures,
  type OutcomeCode,
} from './terms';
import { LITIGATION_MANAGE, LITIGATION_READ, LITIGATION_SETTINGS, litigationWorkflow, suggestionWorkflow } from './workflow';

export type LitigationCase = typeof litigationCases.$inferSelect;
export type Hearing = typeof litigationHearings.$inferSelect;

const keys = <T extends Record<string, unknown>>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];

/** Org types that can be a 被告 (行政机关 and governments; 行政诉讼法 第二十六条). */
export const DEFENDANT_ORG_TYPES = ['government', 'agency', 'justiceBureau', 'publicSecurity'];

/** 案号 as courts write them: （2025）浙0723行初12号 (最高人民法院《关于人民法院案件案号的若干规定》). */
export const CASE_NUMBER = /^[（(]\d{4}[）)][\u4e00-\u9fa5]{1,2}\d{0,4}[\u4e00-\u9fa5]{1,4}\d+号$/;

// ── settings ─────────────────────────────────────────────────────────────────────────────────────────────

export interface LitigationSettings {
  /**
   * Days the organ has to reply to a 司法建议 when the court sets none (local rule; 最高人民法院《关于加强司法建议
   * 工作的意见》 asks courts to set a reply period; 60 days is the common default).
   */
  suggestionReplyDays: number;
}
export const SETTINGS_KEY = 'litigation.settings';
export const defaultSettings: LitigationSettings = { suggestionReplyDays: 60 };
export const getLitigationSettings = (db: DbOrTx) => getSetting(db, SETTINGS_KEY, defaultSettings);

export async function putLitigationSettings(db: Db, auth: AuthContext, input: LitigationSettings) {
  if (!auth.permissions.has(LITIGATION_SETTINGS)) throw forbidden();
  return db.transaction(async (tx) => {
    const before = await getLitigationSettings(tx);
    await putSetting(tx, SETTINGS_KEY, input, auth.user.id);
    await recordAudit(tx, auth.actor, { action: 'litigation.settings', entityType: 'setting', summary: `修改行政应诉设置：司法建议回复期限 ${input.suggestionReplyDays} 日`, before, after: input });
    return input;
  });
}

// ── reading ──────────────────────────────────────────────────────────────────────────────────────────────

/** A case the caller may read under `permission`, with its org; 404 otherwise (outside the scope it does not exist). */
export async function loadCase(db: DbOrTx, auth: AuthContext, id: string, permission = LITIGATION_READ) {
  const rows = await db
    .select({ c: litigationCases, orgPath: orgs.path, orgName: orgs.name })
    .from(litigationCases)
    .innerJoin(orgs, eq(orgs.id, litigationCases.orgId))
    .where(and(eq(litigationCases.id, id), isNull(litigationCases.voidedAt)));
  const r = rows[0];
  if (!r || !orgInScope(auth, LITIGATION_READ, { id: r.c.orgId, path: r.orgPath }, r.c.createdBy)) throw notFound('应诉案件');
  if (permission !== LITIGATION_READ && (!auth.permissions.has(permission) || !orgInScope(auth, permission, { id: r.c.orgId, path: r.orgPath }, r.c.createdBy))) {
    throw forbidden('无权办理该应诉案件');
  }
  return r;
}

export const listQuery = z.object({
  q: z.string().trim().max(100).optional().describe('案号、原告、被告或案由'),
  level: z.enum(keys(levels)).optional(),
  status: z.enum(keys(caseStatuses)).optional(),
  state: z.string().max(64).optional().describe('流程状态'),
  court: z.string().trim().max(100).optional().describe('法院名称（包含）'),
  defendant: z.string().trim().max(100).optional().describe('被告名称（包含）或机构ID'),
  actType: z.enum(keys(actTypes)).optional(),
  outcome: z.string().max(32).optional().describe('结果代码，或 loss（败诉）/ win（非败诉结案）'),
  headAppeared: z.enum(['yes', 'no', 'none']).optional().describe('yes 负责人出庭 / no 开庭但负责人未出庭 / none 未开庭'),
  receivedFrom: isoDate.optional(),
  receivedTo: isoDate.optional(),
  closedFrom: isoDate.optional(),
  closedTo: isoDate.optional(),
  overdue: z.enum(['true', 'false']).optional().describe('true：有已超期未完成的期限'),
  reviewCaseId: z.uuid().optional(),
});
export type ListQuery = z.infer<typeof listQuery>;

const held = sql`status = 'held' and voided_at is null`;

function listWhere(auth: AuthContext, f: ListQuery): SQL {
  const c = litigationCases;
  const conds: (SQL | undefined)[] = [isNull(c.voidedAt), scopeCondition(auth, LITIGATION_READ, { orgId: c.orgId, createdBy: c.createdBy })];
  if (f.q) {
    const like = `%${f.q.replace(/[%_\\]/g, (m) => '\\' + m)}%`;
    conds.push(or(ilike(c.caseNumber, like), ilike(c.plaintiffName, like), ilike(c.defendantName, like), ilike(c.cause, like)));
  }
  if (f.level) conds.push(eq(c.level, f.level));
  if (f.status) conds.push(eq(c.status, f.status));
  if (f.state) conds.push(sql`${c.instanceId} in (select id from wf_instances where state = ${f.state})`);
  if (f.court) conds.push(/^[0-9a-f-]{36}$/i.test(f.court) ? eq(c.courtOrgId, f.court) : ilike(c.courtName, `%${f.court}%`));
  if (f.defendant) conds.push(/^[0-9a-f-]{36}$/i.test(f.defendant) ? eq(c.defendantOrgId, f.defendant) : ilike(c.defendantName, `%${f.defendant}%`));
  if (f.actType) conds.push(eq(c.actType, f.actType));
  if (f.outcome === 'loss') conds.push(inArray(c.outcome, lossOutcomes));
  else if (f.outcome === 'win') conds.push(and(eq(c.status, 'closed'), sql`${c.outcome} is not null`, sql`${c.outcome} not in (${sql.join(lossOutcomes.map((o) => sql`${o}`), sql`, `)})`));
  else if (f.outcome) conds.push(eq(c.outcome, f.outcome));
  if (f.headAppeared === 'yes') conds.push(sql`exists (select 1 from litigation_hearings h where h.case_id = ${c.id} and h.${held} and h.head_appeared)`);
  if (f.headAppeared === 'no')
    conds.push(sql`exists (select 1 from litigation_hearings h where h.case_id = ${c.id} and h.${held}) and not exists (select 1 from litigation_hearings h where h.case_id = ${c.id} and h.${held} and h.head_appeared)`);
  if (f.headAppeared === 'none') conds.push(sql`not exists (select 1 from litigation_hearings h where h.case_id = ${c.id} and h.${held})`);
  if (f.receivedFrom) conds.push(sql`${c.receivedDate} >= ${f.receivedFrom}`);
  if (f.receivedTo) conds.push(sql`${c.receivedDate} <= ${f.receivedTo}`);
  if (f.closedFrom) conds.push(sql`${c.closedDate} >= ${f.closedFrom}`);
  if (f.closedTo) conds.push(sql`${c.closedDate} <= ${f.closedTo}`);
  const overdue = sql`exists (select 1 from wf_deadlines d where d.instance_id = ${c.instanceId} and d.status = 'open' and d.due_date < ${todayInChina()})`;
  if (f.overdue === 'true') conds.push(overdue);
  if (f.overdue === 'false') conds.push(sql`not ${overdue}`);
  if (f.reviewCaseId) conds.push(eq(c.reviewCaseId, f.reviewCaseId));
  return and(...conds)!;
}

export interface CaseListItem {
  id: string;
  caseNumber: string;
  courtName: string;
  plaintiffName: string;
  plaintiffType: string;
  defendantName: string;
  actType: string;
  actTypeLabel: string;
  cause: string;
  level: string;
  levelLabel: string;
  status: string;
  state: string | null;
  stateLabel: string;
  receivedDate: string;
  filedDate: string | null;
  closedDate: string | null;
  outcome: string | null;
  outcomeLabel: string | null;
  loss: boolean;
  hearingCount: number;
  firstHearingDate: string | null;
  /** true: the 负责人 appeared at a hearing; false: hearings held without; null: no hearing held. */
  headAppeared: boolean | null;
  headNames: string | null;
  orgName: string;
  reviewCaseId: string | null;
  deadline: { label: string; dueDate: string; light: 'green' | 'yellow' | 'red'; cite: string; provisional: boolean } | null;
  source: string;
}

/** The list (and export) query: one page of the cases the caller may see, newest first. */
export async function listCases(db: DbOrTx, auth: AuthContext, f: ListQuery, page = 1, pageSize = 20): Promise<{ items: CaseListItem[]; total: number; page: number; pageSize: number }> {
  const where = listWhere(auth, f);
  const c = litigationCases;
  const [{ total }] = rowsOf<{ total: number }>(await db.execute(sql`select count(*)::int as total from litigation_cases where ${where}`));
  const rows = await db
    .select({
      c,
      orgName: orgs.name,
      state: wfInstances.state,
      hearingCount: sql<number>`(select count(*)::int from litigation_hearings h where h.case_id = ${c.id} and h.${held})`,
      firstHearingDate: sql<string | null>`(select min(h.hearing_date)::text from litigation_hearings h where h.case_id = ${c.id} and h.${held})`,
      headAppeared: sql<boolean | null>`(select bool_or(h.head_appeared) from litigation_hearings h where h.case_id = ${c.id} and h.${held})`,
      headNames: sql<string | null>`(select string_agg(distinct h.head_name, '、') from litigation_hearings h where h.case_id = ${c.id} and h.${held} and h.head_appeared)`,
    })
    .from(c)
    .innerJoin(orgs, eq(orgs.id, c.orgId))
    .leftJoin(wfInstances, eq(wfInstances.id, c.instanceId))
    .where(where)
    .orderBy(desc(c.receivedDate), desc(c.createdAt))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const deadlines = await nextDeadlines(db, rows.map((r) => r.c.instanceId).filter((x): x is string => !!x));
  const items = rows.map((r): CaseListItem => ({
    id: r.c.id,
    caseNumber: r.c.caseNumber,
    courtName: r.c.courtName,
    plaintiffName: r.c.plaintiffName,
    plaintiffType: r.c.plaintiffType,
    defendantName: r.c.defendantName,
    actType: r.c.actType,
    actTypeLabel: actTypes[r.c.actType as keyof typeof actTypes] ?? r.c.actType,
    cause: r.c.cause,
    level: r.c.level,
    levelLabel: levels[r.c.level as keyof typeof levels] ?? r.c.level,
    status: r.c.status,
    state: r.state ?? null,
    stateLabel: r.state ? (litigationWorkflow.states[r.state]?.label ?? r.state) : caseStatuses[r.c.status as keyof typeof caseStatuses],
    receivedDate: r.c.receivedDate,
    filedDate: r.c.filedDate,
    closedDate: r.c.closedDate,
    outcome: r.c.outcome,
    outcomeLabel: outcomeLabel(r.c.outcome),
    loss: !!r.c.outcome && (lossOutcomes as string[]).includes(r.c.outcome),
    hearingCount: Number(r.hearingCount),
    firstHearingDate: r.firstHearingDate,
    headAppeared: r.headAppeared,
    headNames: r.headNames,
    orgName: r.orgName,
    reviewCaseId: r.c.reviewCaseId,
    deadline: (r.c.instanceId && deadlines.get(r.c.instanceId)) || null,
    source: r.c.source,
  }));
  return { items, total: Number(total), page, pageSize };
}

/** The most urgent open deadline of each instance, with its light. */
async function nextDeadlines(db: DbOrTx, instanceIds: string[]) {
  const out = new Map<string, NonNullable<CaseListItem['deadline']>>();
  if (!instanceIds.length) return out;
  const policy = await getWarningPolicy(db);
  const today = todayInChina();
  const rows = await db
    .select()
    .from(wfDeadlines)
    .where(and(inArray(wfDeadlines.instanceId, instanceIds), eq(wfDeadlines.status, 'open')))
    .orderBy(asc(wfDeadlines.dueDate));
  for (const d of rows) {
    if (out.has(d.instanceId) || !d.dueDate) continue;
    out.set(d.instanceId, { label: d.label, dueDate: d.dueDate, light: lightOf(d, today, policy) ?? 'green', cite: d.cite, provisional: d.provisional });
  }
  return out;
}

/** The detail page: the case, its workflow (state, deadlines with 黄灯/红灯, history), hearings, 司法建议, 调解, 文书, linked 复议. */
export async function getCaseDetail(db: DbOrTx, auth: AuthContext, id: string) {
  const { c, orgName } = await loadCase(db, auth, id);
  let workflow = null;
  let history: Awaited<ReturnType<typeof instanceHistory>> = [];
  if (c.instanceId) {
    const { instance, def } = await instanceInScope(db, auth, c.instanceId);
    workflow = await instanceView(db, auth, instance, def);
    history = await instanceHistory(db, instance.id);
  }
  const hearings = await db.select().from(litigationHearings).where(and(eq(litigationHearings.caseId, id), isNull(litigationHearings.voidedAt))).orderBy(asc(litigationHearings.hearingDate));
  const suggestions = await listSuggestions(db, auth, id);
  const mediations = await db.select().from(litigationMediations).where(and(eq(litigationMediations.caseId, id), isNull(litigationMediations.voidedAt))).orderBy(asc(litigationMediations.startDate));
  const instruments = (await listInstruments(db, auth, { entityType: 'litigationCase', entityId: id, readPermission: LITIGATION_READ, pageSize: 200 })).items;
  for (const s of suggestions) {
    instruments.push(...(await listInstruments(db, auth, { entityType: 'litigationSuggestion', entityId: s.id, readPermission: LITIGATION_READ, pageSize: 50 })).items);
  }
  const reviewCase = c.reviewCaseId ? ((await findReviewCases(db, auth, { ids: [c.reviewCaseId] }))[0] ?? null) : null;
  const view = caseView(c, orgName);
  const timeline = [
    { date: c.receivedDate, kind: 'received', label: '收到起诉状副本', detail: `${c.courtName} ${c.caseNumber}` },
    ...history
      .filter((h) => h.transition !== 'start')
      .map((h) => ({ date: h.eventDate, kind: 'transition', label: litigationWorkflow.transitions.find((t) => t.key === h.transition)?.label ?? h.transition, detail: eventDetail(h.transition, h.data as Record<string, unknown> | null) })),
    ...hearings.map((h) => ({
      date: h.hearingDate,
      kind: 'hearing',
      label: `${levels[h.level as keyof typeof levels] ?? ''}开庭${h.status === 'scheduled' ? '（已排期）' : ''}`,
      detail: h.status === 'held' ? (h.headAppeared ? `负责人出庭：${h.headName}（${h.headPost}）` : `负责人未出庭；出庭人员：${[h.staffNames, h.lawyerNames].filter(Boolean).join('、')}`) : h.courtName,
    })),
    ...suggestions.map((s) => ({ date: s.receivedDate, kind: 'suggestion', label: '收到司法建议', detail: s.documentNumber ?? s.courtName })),
    ...suggestions.filter((s) => s.replyDate).map((s) => ({ date: s.replyDate!, kind: 'suggestionReply', label: '回复司法建议', detail: null })),
    ...mediations.map((m) => ({ date: m.startDate, kind: 'mediation', label: mediationStages[m.stage as keyof typeof mediationStages] ?? m.stage, detail: `${m.centerName}：${mediationResults[m.result as keyof typeof mediationResults] ?? m.result}` })),
  ].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { case: view, workflow, history, hearings, suggestions, mediations, instruments, reviewCase, timeline };
}

function eventDetail(transition: string, d: Record<string, unknown> | null): string | null {
  if (!d) return null;
  switch (transition) {
    case 'recordFiling':
      return `立案日期 ${d.filedDate}，${procedures[d.procedure as keyof typeof procedures] ?? ''}`;
    case 'submitDefence':
      return `证据 ${d.evidenceCount} 份`;
    case 'firstJudgment':
      return `${outcomeLabel(d.outcome as string)}（${d.judgmentDate} 作出，${d.servedDate} 送达）`;
    case 'secondJudgment':
      return `${d.disposition === 'reversed' ? '改判：' + outcomeLabel(d.outcome as string) : d.disposition === 'upheld' ? '驳回上诉，维持原判' : '撤回上诉'}`;
    case 'withdraw':
      return d.changedAct ? '行政机关改变被诉行为后原告撤诉' : '原告撤诉（未改变行为）';
    case 'appeal':
      return `上诉人：${d.appellant === 'organ' ? '行政机关' : d.appellant === 'plaintiff' ? '原告' : '双方'}`;
    default:
      return typeof d.note === 'string' ? d.note : typeof d.reason === 'string' ? d.reason : null;
  }
}

export function caseView(c: LitigationCase, orgName: string) {
  return {
    id: c.id,
    version: c.version,
    orgId: c.orgId,
    orgName,
    caseNumber: c.caseNumber,
    courtOrgId: c.courtOrgId,
    courtName: c.courtName,
    plaintiffType: c.plaintiffType,
    plaintiffTypeLabel: plaintiffTypes[c.plaintiffType as keyof typeof plaintiffTypes] ?? c.plaintiffType,
    plaintiffName: c.plaintiffName,
    plaintiffIdMasked: c.plaintiffIdMasked,
    plaintiffPhoneMasked: c.plaintiffPhoneMasked,
    plaintiffCount: c.plaintiffCount,
    defendantOrgId: c.defendantOrgId,
    defendantName: c.defendantName,
    actType: c.actType,
    actTypeLabel: actTypes[c.actType as keyof typeof actTypes] ?? c.actType,
    cause: c.cause,
    claims: c.claims,
    reviewCaseId: c.reviewCaseId,
    receivedDate: c.receivedDate,
    filedDate: c.filedDate,
    procedure: c.procedure,
    procedureLabel: procedures[c.procedure as keyof typeof procedures] ?? c.procedure,
    level: c.level,
    levelLabel: levels[c.level as keyof typeof levels] ?? c.level,
    status: c.status,
    defenceDate: c.defenceDate,
    evidenceCount: c.evidenceCount,
    firstOutcome: c.firstOutcome,
    firstOutcomeLabel: outcomeLabel(c.firstOutcome),
    firstOutcomeDate: c.firstOutcomeDate,
    appealed: c.appealed,
    appellant: c.appellant,
    outcome: c.outcome,
    outcomeLabel: outcomeLabel(c.outcome),
    loss: !!c.outcome && (lossOutcomes as string[]).includes(c.outcome),
    closedDate: c.closedDate,
    closingDocument: c.closingDocument,
    instanceId: c.instanceId,
    source: c.source,
    note: c.note,
  };
}

/** For other lines (e.g. 行政复议's detail page, 行政复议法 第二十九条): the lawsuits linked to given 复议 cases or ids, within the caller's scope. */
export async function findLitigationCases(db: DbOrTx, auth: AuthContext, q: { ids?: string[]; reviewCaseIds?: string[] }) {
  if (!q.ids?.length && !q.reviewCaseIds?.length) return [];
  const c = litigationCases;
  const rows = await db
    .select()
    .from(c)
    .where(
      and(
        isNull(c.voidedAt),
        scopeCondition(auth, LITIGATION_READ, { orgId: c.orgId, createdBy: c.createdBy }),
        or(q.ids?.length ? inArray(c.id, q.ids) : undefined, q.reviewCaseIds?.length ? inArray(c.reviewCaseId, q.reviewCaseIds) : undefined),
      ),
    );
  return rows.map((r) => ({
    id: r.id,
    caseNumber: r.caseNumber,
    courtName: r.courtName,
    plaintiffName: r.plaintiffName,
    defendantName: r.defendantName,
    reviewCaseId: r.reviewCaseId,
    level: r.level,
    status: r.status,
    outcome: r.outcome,
    outcomeLabel: outcomeLabel(r.outcome),
    closedDate: r.closedDate,
  }));
}

// ── registering a lawsuit ────────────────────────────────────────────────────────────────────────────────

const optText = (max: number) => z.string().trim().max(max).optional().nullable();

const caseBase = z.object({
    caseNumber: z.string().trim().regex(CASE_NUMBER, '案号格式应如（2025）浙0723行初12号'),
    courtOrgId: z.uuid().optional().nullable(),
    courtName: optText(100),
    plaintiffType: z.enum(keys(plaintiffTypes), { message: '请选择原告类型' }),
    plaintiffName: z.string().trim().min(1, '请填写原告名称').max(200),
    plaintiffIdNumber: z
      .string()
      .trim()
      .regex(/^(\d{17}[\dXx]|[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10})$/, '身份证号或统一社会信用代码格式不正确')
      .optional()
      .nullable()
      .or(z.literal('')),
    plaintiffPhone: z.string().trim().regex(/^(1\d{10}|0\d{2,3}-?\d{7,8})$/, '联系电话格式不正确').optional().nullable().or(z.literal('')),
    plaintiffCount: z.coerce.number().int().min(1).max(10000).default(1),
    defendantOrgId: z.uuid().optional().nullable(),
    defendantName: optText(200),
    actType: z.enum(keys(actTypes), { message: '请选择行为类别' }),
    cause: z.string().trim().min(1, '请填写案由').max(200),
    claims: optText(4000),
    reviewCaseId: z.uuid().optional().nullable(),
    receivedDate: isoDate,
    filedDate: isoDate.optional().nullable(),
    procedure: z.enum(keys(procedures)).default('ordinary'),
    note: optText(4000),
  });

export const caseInput = caseBase
  .refine((d) => !!d.courtOrgId || !!d.courtName, { message: '请选择或填写受理法院', path: ['courtName'] })
  .refine((d) => !!d.defendantOrgId || !!d.defendantName, { message: '请选择或填写被告行政机关', path: ['defendantName'] })
  .refine((d) => !d.filedDate || d.filedDate <= d.receivedDate, { message: '法院立案日期不应晚于收到起诉状副本日期', path: ['filedDate'] });
export type CaseInput = z.input<typeof caseInput>;

function parseOrThrow<T extends z.ZodType>(schema: T, input: unknown, what: string): z.output<T> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    throw invalid(`${what}有误：` + fields.map((f) => `${f.path ? f.path + ' ' : ''}${f.message}`).join('；'), { fields });
  }
  return parsed.data;
}

interface Resolved {
  court: { id: string | null; name: string };
  defendant: { org: Org | null; name: string };
  owner: Org;
}

/**
 * Court and 被告 from the org tree or free text, and the org that owns the record: the 被告 itself when the
 * caller may manage its cases (an agency's own suits are its own), else the caller's org. An organ's 法制员 may
 * only register suits against that organ.
 */
async function resolveParties(tx: DbOrTx, auth: AuthContext, d: z.output<typeof caseInput>): Promise<Resolved> {
  let court: Resolved['court'];
  if (d.courtOrgId) {
    const org = await getOrg(tx, d.courtOrgId);
    if (!org || org.voidedAt || !org.path.startsWith(auth.rootPath) || org.type !== 'court') throw invalid('所选法院不存在', { fields: [{ path: 'courtOrgId', message: '不是本地区的人民法院' }] });
    court = { id: org.id, name: org.name };
  } else {
    const org = await resolveOrg(tx, auth.rootPath, d.courtName!);
    court = org && org.type === 'court' ? { id: org.id, name: org.name } : { id: null, name: d.courtName! };
  }
  let defendant: Org | null = null;
  if (d.defendantOrgId) {
    const org = await getOrg(tx, d.defendantOrgId);
    if (!org || org.voidedAt || !org.path.startsWith(auth.rootPath) || !DEFENDANT_ORG_TYPES.includes(org.type)) {
      throw invalid('所选被告不是本地区的行政机关', { fields: [{ path: 'defendantOrgId', message: '被告应为行政机关或人民政府' }] });
    }
    defendant = org;
  } else {
    const org = await resolveOrg(tx, auth.rootPath, d.defendantName!);
    if (org && DEFENDANT_ORG_TYPES.includes(org.type)) defendant = org;
  }
  const own = (await getOrg(tx, auth.user.orgId))!;
  let owner = own;
  if (defendant && orgInScope(auth, LITIGATION_MANAGE, defendant)) owner = defendant;
  else if (defendant && DEFENDANT_ORG_TYPES.includes(own.type)) {
    throw new AppError('LITIGATION_NOT_OWN_ORGAN', `只能登记以本机关（${own.name}）为被告的应诉案件`, 403);
  }
  if (!auth.permissions.has(LITIGATION_MANAGE) || !orgInScope(auth, LITIGATION_MANAGE, owner)) throw forbidden('无权登记应诉案件');
  return { court, defendant: { org: defendant, name: defendant?.name ?? d.defendantName! }, owner };
}

async function checkReviewCase(db: DbOrTx, auth: AuthContext, id: string | null | undefined) {
  if (!id) return;
  const found = await findReviewCases(db, auth, { ids: [id] });
  if (!found.length) throw invalid('关联的行政复议案件不存在或无权查看', { fields: [{ path: 'reviewCaseId', message: '行政复议案件不存在' }] });
}

async function duplicateNumber(tx: DbOrTx, caseNumber: string, exceptId?: string) {
  const rows = await tx
    .select({ id: litigationCases.id })
    .from(litigationCases)
    .where(and(eq(litigationCases.caseNumber, caseNumber), isNull(litigationCases.voidedAt), exceptId ? sql`${litigationCases.id} <> ${exceptId}` : undefined));
  return rows.length > 0;
}

const caseTitle = (c: { caseNumber: string; plaintiffName: string; defendantName: string }) => `${c.caseNumber} ${c.plaintiffName}诉${c.defendantName}`;

/** The case in the global search (案号, parties, 案由, 诉讼请求). */
export const indexCase = (tx: DbOrTx, c: Pick<LitigationCase, 'id' | 'orgId' | 'caseNumber' | 'plaintiffName' | 'defendantName' | 'cause' | 'claims' | 'courtName'>) =>
  indexDoc(tx, { entityType: 'litigationCase', entityId: c.id, orgId: c.orgId, title: caseTitle(c), text: [c.courtName, c.cause, c.claims].filter(Boolean).join(' ') });

/**
 * 登记应诉案件 on receipt of the 起诉状副本: the 答辩 period (15 days, 行政诉讼法 第六十七条) starts from the
 * receipt date; a known 立案日期 also starts the court's 审限 (第八十一条 / 第八十三条).
 */
export async function registerCase(db: Db, auth: AuthContext, input: unknown): Promise<LitigationCase> {
  const d = parseOrThrow(caseInput, input, '应诉案件信息');
  if (d.receivedDate > todayInChina()) throw invalid('收到起诉状副本日期不能晚于今天', { fields: [{ path: 'receivedDate', message: '日期不能晚于今天' }] });
  return db.transaction(async (tx) => {
    const r = await resolveParties(tx, auth, d);
    await checkReviewCase(tx, auth, d.reviewCaseId);
    if (await duplicateNumber(tx, d.caseNumber)) throw new AppError('LITIGATION_DUPLICATE_NUMBER', `案号 ${d.caseNumber} 已登记`, 409);
    const id = crypto.randomUUID();
    const pid = protectPii(d.plaintiffIdNumber || null);
    const phone = protectPii(d.plaintiffPhone || null);
    const values = {
      id,
      orgId: r.owner.id,
      regionCode: r.owner.regionCode,
      createdBy: auth.user.id,
      caseNumber: d.caseNumber,
      courtOrgId: r.court.id,
      courtName: r.court.name,
      plaintiffType: d.plaintiffType,
      plaintiffName: d.plaintiffName,
      plaintiffIdEnc: pid.enc,
      plaintiffIdMasked: pid.masked,
      plaintiffIdIndex: pid.index,
      plaintiffPhoneEnc: phone.enc,
      plaintiffPhoneMasked: phone.masked,
      plaintiffCount: d.plaintiffCount,
      defendantOrgId: r.defendant.org?.id ?? null,
      defendantName: r.defendant.name,
      actType: d.actType,
      cause: d.cause,
      claims: d.claims ?? null,
      reviewCaseId: d.reviewCaseId ?? null,
      receivedDate: d.receivedDate,
      filedDate: null,
      procedure: d.procedure,
      note: d.note ?? null,
      source: 'register',
    };
    const instance = await startInstance(tx, auth.actor, { workflow: litigationWorkflow.key, entityId: id, title: caseTitle(values), orgId: r.owner.id, regionCode: r.owner.regionCode, date: d.receivedDate, data: { caseNumber: d.caseNumber } });
    const [row] = await tx.insert(litigationCases).values({ ...values, instanceId: instance.id }).returning();
    await indexCase(tx, row);
    await recordAudit(tx, auth.actor, { action: 'litigation.register', entityType: 'litigationCase', entityId: id, summary: `登记应诉案件 ${caseTitle(values)}`, after: row });
    if (d.filedDate) {
      await fireTransition(tx, auth, { instanceId: instance.id, transition: 'recordFiling', version: instance.version, data: { filedDate: d.filedDate, procedure: d.procedure } });
      const [updated] = await tx.update(litigationCases).set({ filedDate: d.filedDate }).where(eq(litigationCases.id, id)).returning();
      return updated;
    }
    return row;
  });
}

export const caseEditInput = z.object({
  version: z.number().int(),
  plaintiffName: z.string().trim().min(1).max(200).optional(),
  plaintiffIdNumber: caseBase.shape.plaintiffIdNumber,
  plaintiffPhone: caseBase.shape.plaintiffPhone,
  plaintiffCount: z.coerce.number().int().min(1).max(10000).optional(),
  actType: z.enum(keys(actTypes)).optional(),
  cause: z.string().trim().min(1).max(200).optional(),
  claims: optText(4000),
  reviewCaseId: z.uuid().optional().nullable(),
  note: optText(4000),
});

/** Corrects the registration data (not the course of the case, which only moves by workflow steps). */
export async function updateCase(db: Db, auth: AuthContext, id: string, input: unknown) {
  const d = parseOrThrow(caseEditInput, input, '应诉案件信息');
  return db.transaction(async (tx) => {
    const { c } = await loadCase(tx, auth, id, LITIGATION_MANAGE);
    if (c.version !== d.version) throw conflict();
    if (d.reviewCaseId) await checkReviewCase(tx, auth, d.reviewCaseId);
    const patch: Partial<typeof litigationCases.$inferInsert> = {};
    if (d.plaintiffName !== undefined) patch.plaintiffName = d.plaintiffName;
    if (d.plaintiffIdNumber !== undefined) {
      const p = protectPii(d.plaintiffIdNumber || null);
      Object.assign(patch, { plaintiffIdEnc: p.enc, plaintiffIdMasked: p.masked, plaintiffIdIndex: p.index });
    }
    if (d.plaintiffPhone !== undefined) {
      const p = protectPii(d.plaintiffPhone || null);
      Object.assign(patch, { plaintiffPhoneEnc: p.enc, plaintiffPhoneMasked: p.masked });
    }
    for (const k of ['plaintiffCount', 'actType', 'cause', 'claims', 'reviewCaseId', 'note'] as const) if (d[k] !== undefined) (patch as Record<string, unknown>)[k] = d[k];
    const [after] = await tx
      .update(litigationCases)
      .set({ ...patch, version: c.version + 1, updatedAt: new Date() })
      .where(and(eq(litigationCases.id, id), eq(litigationCases.version, d.version)))
      .returning();
    if (!after) throw conflict();
    await indexCase(tx, after);
    await recordAudit(tx, auth.actor, { action: 'litigation.update', entityType: 'litigationCase', entityId: id, summary: `修改应诉案件 ${c.caseNumber}`, before: c, after });
    return after;
  });
}

export async function voidCase(db: Db, auth: AuthContext, id: string, reason: string) {
  return db.transaction(async (tx) => {
    const { c } = await loadCase(tx, auth, id, LITIGATION_MANAGE);
    const [after] = await tx.update(litigationCases).set({ voidedAt: new Date(), voidedBy: auth.user.id, voidReason: reason, version: c.version + 1 }).where(eq(litigationCases.id, id)).returning();
    // The case's workflow leaves the 待办 with it (nothing is deleted).
    await removeDoc(tx, 'litigationCase', id);
    if (c.instanceId) await voidInstance(tx, auth.actor, c.instanceId, reason);
    await recordAudit(tx, auth.actor, { action: 'litigation.void', entityType: 'litigationCase', entityId: id, summary: `作废应诉案件 ${c.caseNumber}：${reason}`, before: c, after });
    return after;
  });
}

// ── workflow steps ───────────────────────────────────────────────────────────────────────────────────────

/** The case fields every 文书 of the line can use. */
export function caseFields(c: LitigationCase) {
  return {
    caseNumber: c.caseNumber,
    courtName: c.courtName,
    plaintiffName: c.plaintiffName,
    plaintiffCount: c.plaintiffCount,
    defendantName: c.defendantName,
    cause: c.cause,
    claims: c.claims,
    receivedDate: c.receivedDate,
    evidenceCount: c.evidenceCount,
  };
}

const kindOf = (o: string | null | undefined) => (o ? outcomes[o as OutcomeCode]?.kind ?? null : null);

/** What each step changes on the case row (the workflow keeps the history; the row answers lists and indicators). */
function effectOf(transition: string, d: Record<string, unknown>, c: LitigationCase): Partial<typeof litigationCases.$inferInsert> {
  const closed = (outcome: string | null, date: string) => ({ status: 'closed', outcome, closedDate: date, closingDocument: kindOf(outcome) });
  switch (transition) {
    case 'recordFiling':
      return { filedDate: d.filedDate as string, procedure: d.procedure as string };
    case 'submitDefence':
      return { defenceDate: d.date as string, evidenceCount: d.evidenceCount as number };
    case 'firstJudgment':
      return { firstOutcome: d.outcome as string, firstOutcomeDate: d.judgmentDate as string };
    case 'appeal':
      return { appealed: true, appellant: d.appellant as string, level: 'second' };
    case 'judgmentEffective':
      // 审结 on the day of the 一审 judgment or ruling, which took effect unappealed.
      return closed(c.firstOutcome, c.firstOutcomeDate ?? (d.date as string));
    case 'secondJudgment':
      return closed(d.disposition === 'reversed' ? (d.outcome as string) : c.firstOutcome, d.date as string);
    case 'remand':
      return { level: 'first', firstOutcome: null, firstOutcomeDate: null };
    case 'withdraw':
      return closed(d.changedAct ? 'withdrawnChanged' : 'withdrawn', d.date as string);
    case 'mediate':
      return closed('mediated', d.date as string);
    case 'startRetrial':
      return { status: 'open', level: 'retrial' };
    case 'retrialJudgment':
      return closed(d.outcome as string, d.date as string);
    default:
      return {};
  }
}

export interface ActInput {
  version: number;
  data?: Record<string, unknown>;
  note?: string;
}

/** One step of the lawsuit (立案, 答辩, 裁判, 上诉, 撤诉, 调解 …): workflow and case row in one transaction. */
export async function act(db: Db, auth: AuthContext, caseId: string, transition: string, input: ActInput) {
  return db.transaction(async (tx) => {
    const { c } = await loadCase(tx, auth, caseId);
    if (!c.instanceId) throw new AppError('LITIGATION_NO_WORKFLOW', '该案件为台账导入的历史案件，没有办理流程', 400);
    const result = await fireTransition(tx, auth, { instanceId: c.instanceId, transition, version: input.version, data: input.data, note: input.note, instrumentFields: caseFields(c) });
    const patch = effectOf(transition, (result.event.data ?? {}) as Record<string, unknown>, c);
    await tx.update(litigationCases).set({ ...patch, version: c.version + 1, updatedAt: new Date() }).where(eq(litigationCases.id, caseId));
    return result;
  });
}

// ── hearings (行政诉讼法 第三条第三款) ────────────────────────────────────────────────────────────────────

export const hearingInput = z
  .object({
    level: z.enum(keys(levels)).optional(),
    hearingDate: isoDate,
    courtName: optText(100),
    status: z.enum(['scheduled', 'held']).default('held'),
    headAppeared: z.boolean().default(false),
    headName: optText(50),
    headPost: optText(100),
    staffNames: optText(500),
    lawyerNames: optText(500),
    absenceReason: optText(1000),
    note: optText(2000),
    /** Issue the internal 负责人出庭应诉通知 (numbered) with the hearing. */
    issueNotice: z.boolean().optional(),
  })
  .superRefine((d, ctx) => {
    if (d.status !== 'held') return;
    if (d.headAppeared) {
      if (!d.headName) ctx.addIssue({ code: 'custom', path: ['headName'], message: '请填写出庭负责人姓名' });
      if (!d.headPost) ctx.addIssue({ code: 'custom', path: ['headPost'], message: '请填写出庭负责人职务' });
    } else if (!d.staffNames) {
      // 行政诉讼法 第三条第三款: a 负责人 who cannot appear sends a 工作人员 of the organ (a lawyer alone does not suffice).
      ctx.addIssue({ code: 'custom', path: ['staffNames'], message: '负责人未出庭的，应当委托行政机关相应的工作人员出庭（行政诉讼法第三条第三款）' });
    }
  });

async function bureauOf(tx: DbOrTx, auth: AuthContext): Promise<Org | null> {
  const rows = await tx.select().from(orgs).where(and(eq(orgs.type, 'justiceBureau'), sql`${orgs.path} like ${auth.rootPath + '%'}`, isNull(orgs.voidedAt))).orderBy(asc(orgs.path)).limit(1);
  return rows[0] ?? null;
}

export async function addHearing(db: Db, auth: AuthContext, caseId: string, input: unknown) {
  const d = parseOrThrow(hearingInput, input, '开庭信息');
  if (d.status === 'held' && d.hearingDate > todayInChina()) throw invalid('开庭日期晚于今天的，请登记为“已排期”', { fields: [{ path: 'hearingDate', message: '尚未开庭' }] });
  return db.transaction(async (tx) => {
    const { c } = await loadCase(tx, auth, caseId, LITIGATION_MANAGE);
    const id = crypto.randomUUID();
    let noticeId: string | null = null;
    if (d.issueNotice) {
      const bureau = await bureauOf(tx, auth);
      const notice = await createInstrument(tx, auth.actor, {
        orgId: c.orgId,
        regionCode: c.regionCode,
        type: 'litigation.appearanceNotice',
        fields: { ...caseFields(c), hearingDate: d.hearingDate, courtName: d.courtName || c.courtName, headName: d.headName, headPost: d.headPost, issuerName: bureau?.name },
        entityType: 'litigationCase',
        entityId: c.id,
        instanceId: c.instanceId,
        issuerOrgId: bureau?.id,
      });
      noticeId = notice.id;
    }
    const [row] = await tx
      .insert(litigationHearings)
      .values({
        id,
        orgId: c.orgId,
        regionCode: c.regionCode,
        createdBy: auth.user.id,
        caseId,
        level: d.level ?? c.level,
        hearingDate: d.hearingDate,
        courtName: d.courtName || c.courtName,
        status: d.status,
        headAppeared: d.status === 'held' && d.headAppeared,
        headName: d.headName ?? null,
        headPost: d.headPost ?? null,
        staffNames: d.staffNames ?? null,
        lawyerNames: d.lawyerNames ?? null,
        absenceReason: d.absenceReason ?? null,
        noticeInstrumentId: noticeId,
        note: d.note ?? null,
      })
      .returning();
    await recordAudit(tx, auth.actor, { action: 'litigation.hearing.add', entityType: 'litigationCase', entityId: caseId, summary: `登记开庭 ${c.caseNumber} ${d.hearingDate}${row.headAppeared ? `，负责人${row.headName}出庭` : ''}`, after: row });
    return row;
  });
}

export const hearingUpdate = z.intersection(z.object({ version: z.number().int() }), hearingInput);

/** Records how a scheduled hearing went (or corrects one). */
export async function updateHearing(db: Db, auth: AuthContext, hearingId: string, input: unknown) {
  const d = parseOrThrow(hearingUpdate, input, '开庭信息');
  if (d.status === 'held' && d.hearingDate > todayInChina()) throw invalid('开庭日期晚于今天的，请登记为“已排期”', { fields: [{ path: 'hearingDate', message: '尚未开庭' }] });
  return db.transaction(async (tx) => {
    const [h] = await tx.select().from(litigationHearings).where(and(eq(litigationHearings.id, hearingId), isNull(litigationHearings.voidedAt)));
    if (!h) throw notFound('开庭记录');
    await loadCase(tx, auth, h.caseId, LITIGATION_MANAGE);
    if (h.version !== d.version) throw conflict();
    const [after] = await tx
      .update(litigationHearings)
      .set({
        level: d.level ?? h.level,
        hearingDate: d.hearingDate,
        courtName: d.courtName || h.courtName,
        status: d.status,
        headAppeared: d.status === 'held' && d.headAppeared,
        headName: d.headName ?? null,
        headPost: d.headPost ?? null,
        staffNames: d.staffNames ?? null,
        lawyerNames: d.lawyerNames ?? null,
        absenceReason: d.absenceReason ?? null,
        note: d.note ?? null,
        version: h.version + 1,
        updatedAt: new Date(),
      })
      .where(and(eq(litigationHearings.id, hearingId), eq(litigationHearings.version, d.version)))
      .returning();
    if (!after) throw conflict();
    await recordAudit(tx, auth.actor, { action: 'litigation.hearing.update', entityType: 'litigationCase', entityId: h.caseId, summary: `更新开庭记录 ${d.hearingDate}`, before: h, after });
    return after;
  });
}

// ── 司法建议 ─────────────────────────────────────────────────────────────────────────────────────────────

export const suggestionInput = z.object({
  documentNumber: optText(100),
  courtName: optText(100),
  receivedDate: isoDate,
  content: z.string().trim().min(1, '请填写司法建议内容').max(8000),
});

export async function listSuggestions(db: DbOrTx, auth: AuthContext, caseId: string) {
  const rows = await db.select().from(litigationSuggestions).where(and(eq(litigationSuggestions.caseId, caseId), isNull(litigationSuggestions.voidedAt))).orderBy(asc(litigationSuggestions.receivedDate));
  const out = [];
  for (const s of rows) {
    let workflow = null;
    if (s.instanceId) {
      const { instance, def } = await instanceInScope(db, auth, s.instanceId);
      workflow = await instanceView(db, auth, instance, def);
    }
    out.push({ ...s, workflow });
  }
  return out;
}

/** 收到司法建议: the reply period (local setting, default 60 days) starts from receipt. */
export async function registerSuggestion(db: Db, auth: AuthContext, caseId: string, input: unknown) {
  const d = parseOrThrow(suggestionInput, input, '司法建议');
  return db.transaction(async (tx) => {
    const { c } = await loadCase(tx, auth, caseId, LITIGATION_MANAGE);
    const settings = await getLitigationSettings(tx);
    const id = crypto.randomUUID();
    // The period is fixed when the suggestion arrives and stored with its deadline (workflow.ts).
    const instance = await startInstance(tx, auth.actor, { workflow: suggestionWorkflow.key, entityId: id, title: `司法建议 ${d.documentNumber ?? ''} ${c.caseNumber}`.replace(/\s+/g, ' '), orgId: c.orgId, regionCode: c.regionCode, date: d.receivedDate, deadlineDays: { reply: settings.suggestionReplyDays } });
    const [row] = await tx
      .insert(litigationSuggestions)
      .values({ id, orgId: c.orgId, regionCode: c.regionCode, createdBy: auth.user.id, caseId, documentNumber: d.documentNumber ?? null, courtName: d.courtName || c.courtName, receivedDate: d.receivedDate, content: d.content, replyDays: settings.suggestionReplyDays, instanceId: instance.id })
      .returning();
    await recordAudit(tx, auth.actor, { action: 'litigation.suggestion.add', entityType: 'litigationCase', entityId: caseId, summary: `收到司法建议 ${d.documentNumber ?? ''}（${c.caseNumber}）`, after: row });
    return row;
  });
}

export const suggestionReplyInput = z.object({ version: z.number().int(), date: isoDate, content: z.string().trim().min(1, '请填写回复内容').max(8000) });

/** 回复司法建议: issues the numbered 司法建议回复函 in the same transaction. */
export async function replySuggestion(db: Db, auth: AuthContext, suggestionId: string, input: unknown) {
  const d = parseOrThrow(suggestionReplyInput, input, '司法建议回复');
  return db.transaction(async (tx) => {
    const [s] = await tx.select().from(litigationSuggestions).where(and(eq(litigationSuggestions.id, suggestionId), isNull(litigationSuggestions.voidedAt)));
    if (!s) throw notFound('司法建议');
    const { c } = await loadCase(tx, auth, s.caseId, LITIGATION_MANAGE);
    const result = await fireTransition(tx, auth, {
      instanceId: s.instanceId!,
      transition: 'reply',
      version: d.version,
      data: { date: d.date, content: d.content },
      instrumentFields: { ...caseFields(c), documentNumber: s.documentNumber, courtName: s.courtName, receivedDate: s.receivedDate },
    });
    const [after] = await tx
      .update(litigationSuggestions)
      .set({ status: 'replied', replyDate: d.date, replyContent: d.content, replyInstrumentId: result.instruments[0]?.id ?? null, version: s.version + 1, updatedAt: new Date() })
      .where(eq(litigationSuggestions.id, suggestionId))
      .returning();
    return { suggestion: after, instruments: result.instruments };
  });
}

/** The case a 司法建议 belongs to (for the 工作台 link /litigation/suggestions/:id). */
export async function suggestionCase(db: DbOrTx, auth: AuthContext, suggestionId: string) {
  const [s] = await db.select().from(litigationSuggestions).where(and(eq(litigationSuggestions.id, suggestionId), isNull(litigationSuggestions.voidedAt)));
  if (!s) throw notFound('司法建议');
  await loadCase(db, auth, s.caseId);
  return { caseId: s.caseId };
}

// ── 行政争议调解 ─────────────────────────────────────────────────────────────────────────────────────────

export const mediationInput = z.object({
  caseId: z.uuid().optional().nullable(),
  stage: z.enum(keys(mediationStages), { message: '请选择诉前或诉中调解' }),
  centerName: z.string().trim().min(1, '请填写调解组织').max(100),
  partyName: optText(200),
  defendantName: optText(200),
  subject: optText(500),
  startDate: isoDate,
  endDate: isoDate.optional().nullable(),
  result: z.enum(keys(mediationResults)).default('ongoing'),
  summary: optText(4000),
  mediationId: z.uuid().optional().nullable(),
});

/** A 诉前/诉中 行政争议调解 with the court's 行政争议调解中心, linked to the lawsuit when there is one. */
export async function addMediation(db: Db, auth: AuthContext, input: unknown) {
  const d = parseOrThrow(mediationInput, input, '行政争议调解');
  if (d.stage === 'inLitigation' && !d.caseId) throw invalid('诉中调解须关联应诉案件', { fields: [{ path: 'caseId', message: '请选择应诉案件' }] });
  if (d.endDate && d.endDate < d.startDate) throw invalid('调解结束日期不能早于开始日期', { fields: [{ path: 'endDate', message: '日期有误' }] });
  return db.transaction(async (tx) => {
    let owner: Org;
    let c: LitigationCase | null = null;
    if (d.caseId) {
      c = (await loadCase(tx, auth, d.caseId, LITIGATION_MANAGE)).c;
      owner = (await getOrg(tx, c.orgId))!;
    } else {
      owner = (await getOrg(tx, auth.user.orgId))!;
      if (!auth.permissions.has(LITIGATION_MANAGE) || !orgInScope(auth, LITIGATION_MANAGE, owner)) throw forbidden();
    }
    const partyName = d.partyName || c?.plaintiffName;
    const defendantName = d.defendantName || c?.defendantName;
    const subject = d.subject || c?.cause;
    if (!partyName || !defendantName || !subject) throw invalid('请填写当事人、行政机关和争议事项', { fields: [{ path: 'partyName', message: '必填' }] });
    const [row] = await tx
      .insert(litigationMediations)
      .values({ orgId: owner.id, regionCode: owner.regionCode, createdBy: auth.user.id, caseId: d.caseId ?? null, stage: d.stage, centerName: d.centerName, partyName, defendantName, subject, startDate: d.startDate, endDate: d.endDate ?? null, result: d.result, summary: d.summary ?? null, mediationId: d.mediationId ?? null })
      .returning();
    await recordAudit(tx, auth.actor, { action: 'litigation.mediation.add', entityType: 'litigationMediation', entityId: row.id, summary: `登记${mediationStages[d.stage]}：${partyName}与${defendantName}`, after: row });
    return row;
  });
}

export const mediationUpdate = z.object({ version: z.number().int(), endDate: isoDate.optional().nullable(), result: z.enum(keys(mediationResults)), summary: optText(4000), mediationId: z.uuid().optional().nullable() });

export async function updateMediation(db: Db, auth: AuthContext, id: string, input: unknown) {
  const d = parseOrThrow(mediationUpdate, input, '行政争议调解');
  return db.transaction(async (tx) => {
    const m = await mediationInScope(tx, auth, id, LITIGATION_MANAGE);
    if (m.version !== d.version) throw conflict();
    if (d.endDate && d.endDate < m.startDate) throw invalid('调解结束日期不能早于开始日期');
    const [after] = await tx
      .update(litigationMediations)
      .set({ endDate: d.endDate ?? m.endDate, result: d.result, summary: d.summary ?? m.summary, mediationId: d.mediationId === undefined ? m.mediationId : d.mediationId, version: m.version + 1, updatedAt: new Date() })
      .where(and(eq(litigationMediations.id, id), eq(litigationMediations.version, d.version)))
      .returning();
    if (!after) throw conflict();
    await recordAudit(tx, auth.actor, { action: 'litigation.mediation.update', entityType: 'litigationMediation', entityId: id, summary: `更新行政争议调解：${mediationResults[d.result]}`, before: m, after });
    return after;
  });
}

async function mediationInScope(db: DbOrTx, auth: AuthContext, id: string, permission: string) {
  const rows = await db.select({ m: litigationMediations, path: orgs.path }).from(litigationMediations).innerJoin(orgs, eq(orgs.id, litigationMediations.orgId)).where(and(eq(litigationMediations.id, id), isNull(litigationMediations.voidedAt)));
  const r = rows[0];
  if (!r || !orgInScope(auth, LITIGATION_READ, { id: r.m.orgId, path: r.path }, r.m.createdBy)) throw notFound('行政争议调解');
  if (!orgInScope(auth, permission, { id: r.m.orgId, path: r.path }, r.m.createdBy)) throw forbidden();
  return r.m;
}

export const mediationListQuery = z.object({ stage: z.enum(keys(mediationStages)).optional(), result: z.enum(keys(mediationResults)).optional(), caseId: z.uuid().optional() });

export async function listMediations(db: DbOrTx, auth: AuthContext, f: z.infer<typeof mediationListQuery>, page = 1, pageSize = 20) {
  const m = litigationMediations;
  const where = and(
    isNull(m.voidedAt),
    scopeCondition(auth, LITIGATION_READ, { orgId: m.orgId, createdBy: m.createdBy }),
    f.stage ? eq(m.stage, f.stage) : undefined,
    f.result ? eq(m.result, f.result) : undefined,
    f.caseId ? eq(m.caseId, f.caseId) : undefined,
  )!;
  const [{ total }] = rowsOf<{ total: number }>(await db.execute(sql`select count(*)::int as total from litigation_mediations where ${where}`));
  const rows = await db
    .select({ m, orgName: orgs.name, caseNumber: litigationCases.caseNumber })
    .from(m)
    .innerJoin(orgs, eq(orgs.id, m.orgId))
    .leftJoin(litigationCases, eq(litigationCases.id, m.caseId))
    .where(where)
    .orderBy(desc(m.startDate))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  return {
    items: rows.map((r) => ({ ...r.m, orgName: r.orgName, caseNumber: r.caseNumber, stageLabel: mediationStages[r.m.stage as keyof typeof mediationStages], resultLabel: mediationResults[r.m.result as keyof typeof mediationResults] })),
    total: Number(total),
    page,
    pageSize,
  };
}

// ── 文书 ────────────────────────────────────────────────────────────────────────────────────────────────

export const defenceDraftInput = z.object({
  legalRepresentative: optText(50),
  legalRepresentativePost: optText(50),
  defenceRequest: optText(2000),
  facts: optText(8000),
  reasons: optText(8000),
  date: isoDate.optional(),
});

/** 答辩状 draft from the case data (行政诉讼法 第六十七条); unnumbered, downloadable as docx. */
export async function createDefenceDraft(db: Db, auth: AuthContext, caseId: string, input: unknown) {
  const d = parseOrThrow(defenceDraftInput, input ?? {}, '答辩状');
  return db.transaction(async (tx) => {
    const { c } = await loadCase(tx, auth, caseId, LITIGATION_MANAGE);
    return createInstrument(tx, auth.actor, {
      orgId: c.orgId,
      regionCode: c.regionCode,
      type: 'litigation.defence',
      fields: { ...caseFields(c), ...d },
      entityType: 'litigationCase',
      entityId: c.id,
      instanceId: c.instanceId,
      date: d.date,
    });
  });
}

