/**
 * 合法性审查 use cases (DOMAIN.md §3). A matter belongs to its reviewing org (司法所 / 合法性审查中心): data
 * scope on `org_id` decides who sees it; a submitting department also sees what it sent (`submitter_org_id`).
 * Each write is one transaction: row, workflow, audit.
 */
import { and, asc, desc, eq, gte, ilike, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { rowsOf, type Db, type DbOrTx, type Tx } from '../../platform/db/client';
import { AppError, forbidden, invalid, notFound } from '../../platform/errors';
import { recordAudit, type Actor } from '../../platform/audit/service';
import type { AuthContext } from '../../platform/auth/context';
import { orgInScope, scopeCondition } from '../../platform/auth/scope';
import { getOrg, resolveOrg, type Org } from '../../platform/orgs/service';
import { orgs } from '../../platform/orgs/schema';
import { fireTransition, instanceHistory, instanceView, loadInstance, startInstance } from '../../platform/workflow/engine';
import { countDays, todayInChina } from '../../platform/calendar/service';
import { legalityReviewClauses, legalityReviewConsultations, legalityReviews, normativeDocuments, type LegalityReview } from './schema';
import {
  stages, type Stage, countyStateLabels, countyTransitionLabels, entryModes, expertKinds, flows, objectTypes, opinions, PERM, REVIEW_CENTER_NAME, REVIEW_ENTITY, REVIEW_WORKFLOW, reviewStateLabels,
  type EntryMode, type ExpertKind, type Flow, type ObjectType, type Opinion,
} from './terms';
import { reviewMinimum } from './workflow';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const live = isNull(legalityReviews.voidedAt);
const scopeCols = { orgId: legalityReviews.orgId, createdBy: legalityReviews.createdBy };

/**
 * What a caller may read: matters of the reviewing orgs in their data scope, plus — for a 承办机构 / 部门 with
 * the submit permission — the matters their own org submitted (county flow: 部门 sees its own submissions).
 */
export function reviewReadCondition(auth: AuthContext): SQL {
  const scoped = scopeCondition(auth, PERM.read, scopeCols);
  if (!auth.permissions.has(PERM.submit) || !auth.permissions.has(PERM.read)) return scoped;
  return or(scoped, eq(legalityReviews.submitterOrgId, auth.user.orgId))!;
}

export const submitInput = z.object({
  objectType: z.enum(Object.keys(objectTypes) as [ObjectType], { message: '请选择审查对象类型' }),
  title: z.string().trim().min(2, '请填写送审事项名称').max(200),
  /** 承办机构: an org of the tree (id, name or code) or free text; a department submitting to the 中心 is itself. */
  submitterName: z.string().trim().min(2, '请填写承办机构').max(100).optional(),
  /** Reviewing org (司法所 / 合法性审查中心): id, name or code; default the caller's org, or for a department the 中心. */
  reviewOrg: z.string().trim().max(100).optional(),
  submittedDate: isoDate.optional(),
  summary: z.string().max(10000).optional(),
  documentId: z.uuid().optional(),
});

export async function reviewInScope(db: DbOrTx, auth: AuthContext, id: string): Promise<LegalityReview> {
  if (!z.uuid().safeParse(id).success) throw notFound('合法性审查事项');
  const [row] = await db.select().from(legalityReviews).where(and(eq(legalityReviews.id, id), live, reviewReadCondition(auth)));
  if (!row) throw notFound('合法性审查事项');
  return row;
}

/** The county's 合法性审查中心 (a division of the 司法局) in the caller's tree. */
export async function reviewCenter(db: DbOrTx, rootPath: string): Promise<Org | undefined> {
  const [row] = await db
    .select()
    .from(orgs)
    .where(and(sql`${orgs.path} like ${rootPath + '%'}`, eq(orgs.name, REVIEW_CENTER_NAME), isNull(orgs.voidedAt)))
    .orderBy(asc(orgs.path))
    .limit(1);
  return row;
}

/** A 司法所 reviews in the township flow; anything else (the 中心) in the county flow. */
export const flowOf = (reviewOrg: Pick<Org, 'type'>): Flow => (reviewOrg.type === 'justiceOffice' ? 'township' : 'county');

async function nextSerials(tx: Tx, org: Org, year: number, n: number): Promise<string[]> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${'legality.serial:' + org.id}))`);
  const [r] = rowsOf<{ n: number }>(await tx.execute(sql`select count(*)::int as n from legality_reviews where org_id = ${org.id} and extract(year from submitted_date) = ${year}`));
  return Array.from({ length: n }, (_, i) => `${org.shortName ?? org.name}审〔${year}〕${Number(r.n) + i + 1}号`);
}

/**
 * 送审. Township flow: the 司法所 (or 综合办) registers a matter for a 承办机构 of its township. County flow: a
 * department (部门) sends its own matter to the 司法局 合法性审查中心 — the only reviewing org outside its scope
 * it may send to. Serial `<reviewing org short name>审〔year〕N号`.
 */
export async function submitReview(db: Db, auth: AuthContext, raw: z.input<typeof submitInput>) {
  const input = submitInput.parse(raw);
  if (!auth.permissions.has(PERM.submit)) throw forbidden('无权送审');
  const own = (await getOrg(db, auth.user.orgId))!;
  const center = await reviewCenter(db, auth.rootPath);
  const reviewsItself = auth.permissions.has(PERM.review) || auth.permissions.has(PERM.check);
  const org = input.reviewOrg ? await resolveOrg(db, auth.rootPath, input.reviewOrg) : reviewsItself ? own : center;
  if (!org) throw invalid('审查机构不存在', { fields: [{ path: 'reviewOrg', message: '审查机构不存在' }] });
  // Within the caller's scope they register for any 承办机构; outside it, a department sends only its own
  // matter, and only to the county 中心.
  const onBehalf = orgInScope(auth, PERM.submit, org);
  const asDepartment = !onBehalf && !!center && org.id === center.id;
  if (!onBehalf && !asDepartment) throw forbidden('无权向该机构送审');
  // 规范性文件 合法性审核: a review started from a document at that stage; its 制定机关 is the 承办机构.
  let doc: { id: string; orgId: string; issuer: string; stage: string } | undefined;
  if (input.documentId) {
    [doc] = await db.select({ id: normativeDocuments.id, orgId: normativeDocuments.orgId, issuer: normativeDocuments.issuer, stage: normativeDocuments.stage }).from(normativeDocuments).where(and(eq(normativeDocuments.id, input.documentId), isNull(normativeDocuments.voidedAt), scopeCondition(auth, PERM.docRead, { orgId: normativeDocuments.orgId })));
    if (!doc) throw invalid('关联的规范性文件不存在或无权查看', { fields: [{ path: 'documentId', message: '关联的规范性文件不存在或无权查看' }] });
    if (doc.stage !== 'reviewing') throw new AppError('LEGALITY_DOC_STAGE', `该规范性文件当前为「${stages[doc.stage as Stage] ?? doc.stage}」阶段，只有处于「合法性审核」阶段的文件可以送审`, 400);
  }
  let submitter: Org | undefined;
  let submitterName: string;
  if (asDepartment) {
    submitter = own;
    submitterName = own.name;
  } else if (!input.submitterName && doc) {
    submitter = await getOrg(db, doc.orgId);
    submitterName = doc.issuer;
  } else {
    if (!input.submitterName) throw invalid('请填写承办机构', { fields: [{ path: 'submitterName', message: '请填写承办机构' }] });
    submitter = await resolveOrg(db, auth.rootPath, input.submitterName);
    submitterName = submitter?.name ?? input.submitterName;
  }
  const date = input.submittedDate ?? todayInChina();
  if (date > todayInChina()) throw invalid('送审日期不能晚于今天', { fields: [{ path: 'submittedDate', message: '送审日期不能晚于今天' }] });
  const year = Number(date.slice(0, 4));
  const flow = flowOf(org);
  return db.transaction(async (tx) => {
    const [serialNumber] = await nextSerials(tx, org, year, 1);
    const id = crypto.randomUUID();
    const instance = await startInstance(tx, auth.actor, { workflow: REVIEW_WORKFLOW, entityId: id, title: `${serialNumber} ${input.title}`, orgId: org.id, regionCode: org.regionCode, date, data: { objectType: input.objectType, flow } });
    const [row] = await tx
      .insert(legalityReviews)
      .values({ id, orgId: org.id, regionCode: org.regionCode, createdBy: auth.user.id, serialNumber, objectType: input.objectType, title: input.title, submitterOrgId: submitter?.id ?? null, submitterName, documentId: input.documentId ?? null, instanceId: instance.id, state: instance.state, submittedDate: date, summary: input.summary ?? null, flow })
      .returning();
    await recordAudit(tx, auth.actor, { action: 'legality.submit', entityType: REVIEW_ENTITY, entityId: id, summary: `${row.submitterName}送审${objectTypes[input.objectType]}「${row.title}」（${serialNumber}，${org.name}）`, after: row });
    return row;
  });
}

export const reviewActionInput = z.object({ version: z.number().int(), data: z.record(z.string(), z.unknown()).default({}), note: z.string().max(2000).optional() });

function mirrorOf(key: string, date: string, data: Record<string, unknown>, auth: AuthContext): Partial<LegalityReview> {
  switch (key) {
    case 'accept':
      return { acceptedDate: date };
    case 'issueOpinion': {
      const clauses = (data.clauses as { clause: string; opinion: string; reason: string }[]) ?? [];
      const reasons = (data.reasons as string) || clauses.map((c, i) => `${i + 1}. ${c.clause}：${c.opinion}（理由：${c.reason}）`).join('\n');
      return { opinion: String(data.opinion), opinionReasons: reasons || null, opinionDate: date, earlyReason: (data.earlyReason as string) || null, reviewerName: auth.user.displayName };
    }
    case 'feedback':
      return { adopted: Boolean(data.adopted), adoptionNote: (data.explanation as string) || null, feedbackDate: date };
    case 'archive':
      return { archivedDate: date };
    default:
      return {};
  }
}

/**
 * Working days of review so far (reviewMinimum): from 受理, not counting the days after the start
 * (民法典 第二百零一条), with the 补充材料 periods left out.
 */
export function reviewDaysUsed(events: { transition: string; eventDate: string }[], until: string): number {
  let start: string | null = null;
  let used = 0;
  for (const e of events) {
    if (e.transition === reviewMinimum.after || e.transition === reviewMinimum.resume) start = e.eventDate;
    else if (e.transition === reviewMinimum.pause && start) {
      used += countDays(start, e.eventDate, reviewMinimum.unit);
      start = null;
    }
  }
  if (start) used += countDays(start, until, reviewMinimum.unit);
  return used;
}

/** Fires one step of the flow on a matter (the workflow checks permission, scope, state and data). */
export async function actOnReview(db: Db, auth: AuthContext, id: string, action: string, body: z.input<typeof reviewActionInput>) {
  const input = reviewActionInput.parse(body);
  return db.transaction(async (tx) => {
    const r = await reviewInScope(tx, auth, id);
    if (!r.instanceId) throw new AppError('LEGALITY_HISTORICAL', '该事项为批量登记或导入的历史记录，不能办理流程操作', 400);
    if (action === reviewMinimum.ends && r.state === 'reviewing') await checkReviewMinimum(tx, r, input.data);
    const result = await fireTransition(tx, auth, { instanceId: r.instanceId, transition: action, version: input.version, data: input.data, note: input.note });
    const data = (result.event.data as Record<string, unknown>) ?? {};
    const date = result.event.eventDate;
    const mirror = mirrorOf(action, date, data, auth);
    await tx.update(legalityReviews).set({ ...mirror, state: result.instance.state, version: r.version + 1, updatedAt: new Date() }).where(eq(legalityReviews.id, r.id));
    if (action === 'consult') {
      await tx.insert(legalityReviewConsultations).values({ reviewId: r.id, expertKind: String(data.expertKind), expertName: String(data.expert), consultedDate: date, question: String(data.question), opinion: String(data.opinion), createdBy: auth.user.id });
    }
    if (action === 'issueOpinion') {
      const clauses = (data.clauses as { clause: string; opinion: string; reason: string }[]) ?? [];
      if (clauses.length) await tx.insert(legalityReviewClauses).values(clauses.map((c, i) => ({ reviewId: r.id, seq: i + 1, clause: c.clause, opinion: c.opinion, reason: c.reason })));
    }
    if (action === 'feedback') {
      const per = (data.clauses as { seq: number; adopted: boolean; explanation: string }[]) ?? [];
      if (per.length) {
        const existing = await tx.select({ seq: legalityReviewClauses.seq }).from(legalityReviewClauses).where(eq(legalityReviewClauses.reviewId, r.id));
        const known = new Set(existing.map((e) => e.seq));
        const bad = per.find((p) => !known.has(p.seq));
        if (bad) throw invalid(`审查意见没有第${bad.seq}条`, { fields: [{ path: 'clauses', message: `审查意见没有第${bad.seq}条` }] });
        for (const p of per) await tx.update(legalityReviewClauses).set({ adopted: p.adopted, explanation: p.explanation || null }).where(and(eq(legalityReviewClauses.reviewId, r.id), eq(legalityReviewClauses.seq, p.seq)));
      }
    }
  });
}

/** 国办发〔2018〕115号: 审核时间一般不少于5个工作日 — sooner only with a recorded reason (reviewMinimum). */
async function checkReviewMinimum(tx: Tx, r: LegalityReview, data: Record<string, unknown>) {
  const date = typeof data.date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(data.date) ? data.date : todayInChina();
  const used = reviewDaysUsed(await instanceHistory(tx, r.instanceId!), date);
  const excuse = typeof data[reviewMinimum.excuse] === 'string' ? (data[reviewMinimum.excuse] as string).trim() : '';
  if (used < reviewMinimum.days && excuse.length < 2) {
    const message = `自受理起审查仅${used}个工作日，少于${reviewMinimum.days}个工作日（${reviewMinimum.cite}：审核时间一般不少于5个工作日）；确需提前出具意见的，请写明理由（如急需）`;
    throw new AppError('LEGALITY_REVIEW_TOO_SHORT', message, 400, { daysUsed: used, minimum: reviewMinimum.days, cite: reviewMinimum.cite, fields: [{ path: reviewMinimum.excuse, message: '审查不足5个工作日，请写明提前出具意见的理由' }] });
  }
}

const stateLabelOf = (r: Pick<LegalityReview, 'state' | 'flow'>) => (r.flow === 'county' ? countyStateLabels : reviewStateLabels)[r.state] ?? r.state;

const decorate = <T extends LegalityReview>(r: T) => ({
  ...r,
  objectTypeLabel: objectTypes[r.objectType as ObjectType] ?? r.objectType,
  stateLabel: stateLabelOf(r),
  opinionLabel: r.opinion ? opinions[r.opinion as Opinion] ?? r.opinion : null,
  flowLabel: flows[r.flow as Flow] ?? r.flow,
  entryModeLabel: entryModes[r.entryMode as EntryMode] ?? r.entryMode,
});

export async function reviewDetail(db: DbOrTx, auth: AuthContext, id: string) {
  const r = await reviewInScope(db, auth, id);
  const instance = r.instanceId ? await loadInstance(db, r.instanceId) : undefined;
  let workflow = instance ? await instanceView(db, auth, instance) : null;
  if (workflow && r.flow === 'county') {
    workflow = { ...workflow, stateLabel: stateLabelOf(r), available: workflow.available.map((a) => ({ ...a, label: countyTransitionLabels[a.key] ?? a.label })) };
  }
  const [org] = await db.select({ name: orgs.name }).from(orgs).where(eq(orgs.id, r.orgId));
  const consultations = await db.select().from(legalityReviewConsultations).where(eq(legalityReviewConsultations.reviewId, r.id)).orderBy(asc(legalityReviewConsultations.consultedDate), asc(legalityReviewConsultations.createdAt));
  const clauses = await db.select().from(legalityReviewClauses).where(eq(legalityReviewClauses.reviewId, r.id)).orderBy(asc(legalityReviewClauses.seq));
  const [document] = r.documentId
    ? await db.select({ id: normativeDocuments.id, title: normativeDocuments.title, stage: normativeDocuments.stage, code: normativeDocuments.code }).from(normativeDocuments).where(eq(normativeDocuments.id, r.documentId))
    : [];
  return {
    ...decorate(r),
    orgName: org?.name ?? null,
    workflow,
    history: r.instanceId ? await instanceHistory(db, r.instanceId) : [],
    consultations: consultations.map((c) => ({ ...c, expertKindLabel: expertKinds[c.expertKind as ExpertKind] ?? c.expertKind })),
    clauses,
    document: document ?? null,
    minimumDays: { days: reviewMinimum.days, cite: reviewMinimum.cite },
  };
}

export const reviewListFilter = z.object({
  /** 标题或编号关键词. */
  q: z.string().trim().max(100).optional(),
  state: z.string().max(32).optional(),
  objectType: z.enum(Object.keys(objectTypes) as [ObjectType]).optional(),
  flow: z.enum(Object.keys(flows) as [Flow]).optional(),
  /** Reviewing or submitting org (id, name or code). */
  org: z.string().trim().max(100).optional(),
  submittedFrom: isoDate.optional(),
  submittedTo: isoDate.optional(),
  documentId: z.uuid().optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(1000).default(20),
});

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => '\\' + c);

export async function listReviews(db: DbOrTx, auth: AuthContext, raw: z.input<typeof reviewListFilter>) {
  const f = reviewListFilter.parse(raw);
  let orgCond: SQL | undefined;
  if (f.org) {
    const org = await resolveOrg(db, auth.rootPath, f.org);
    if (!org) throw invalid('筛选的机构不存在', { fields: [{ path: 'org', message: '机构不存在' }] });
    orgCond = or(eq(legalityReviews.orgId, org.id), eq(legalityReviews.submitterOrgId, org.id));
  }
  const kw = f.q ? `%${likeEscape(f.q)}%` : null;
  const cond = and(
    live,
    reviewReadCondition(auth),
    f.state ? eq(legalityReviews.state, f.state) : undefined,
    f.objectType ? eq(legalityReviews.objectType, f.objectType) : undefined,
    f.flow ? eq(legalityReviews.flow, f.flow) : undefined,
    orgCond,
    f.submittedFrom ? gte(legalityReviews.submittedDate, f.submittedFrom) : undefined,
    f.submittedTo ? lte(legalityReviews.submittedDate, f.submittedTo) : undefined,
    f.documentId ? eq(legalityReviews.documentId, f.documentId) : undefined,
    kw ? or(ilike(legalityReviews.title, kw), ilike(legalityReviews.serialNumber, kw)) : undefined,
  );
  const [{ total }] = await db.select({ total: sql<number>`count(*)::int` }).from(legalityReviews).where(cond);
  const rows = await db
    .select({ r: legalityReviews, orgName: orgs.name })
    .from(legalityReviews)
    .innerJoin(orgs, eq(orgs.id, legalityReviews.orgId))
    .where(cond)
    .orderBy(desc(legalityReviews.submittedDate), desc(legalityReviews.serialNumber))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  return { total: Number(total), page: f.page, pageSize: f.pageSize, items: rows.map(({ r, orgName }) => ({ ...decorate(r), orgName })) };
}

// ── 会议纪要 batch entry and 审查台账 import: matters reviewed outside the workflow ──────────────────────────

/** One finished review, entered in a batch or imported: it is stored 已归档 with its opinion. */
export interface FinishedReview {
  serialNumber?: string | null;
  objectType: ObjectType;
  title: string;
  submitterName: string;
  submittedDate: string;
  acceptedDate?: string | null;
  meetingDate?: string | null;
  opinion: Opinion;
  opinionDate: string;
  opinionReasons?: string | null;
  reviewerName?: string | null;
  adopted?: boolean | null;
  adoptionNote?: string | null;
  feedbackDate?: string | null;
}

/** Inserts finished reviews at one reviewing org inside the caller's transaction, numbered like submissions. */
export async function insertFinishedReviews(tx: Tx, actor: Actor & { rootPath: string }, org: Org, list: FinishedReview[], mode: EntryMode) {
  const submitters = new Map<string, Org | undefined>();
  for (const name of new Set(list.map((x) => x.submitterName))) submitters.set(name, await resolveOrg(tx, actor.rootPath, name));
  const byYear = new Map<number, number[]>();
  list.forEach((x, i) => {
    if (x.serialNumber) return;
    const y = Number(x.submittedDate.slice(0, 4));
    byYear.set(y, [...(byYear.get(y) ?? []), i]);
  });
  const serials: (string | null)[] = list.map((x) => x.serialNumber ?? null);
  for (const [year, idx] of byYear) (await nextSerials(tx, org, year, idx.length)).forEach((s, k) => (serials[idx[k]] = s));
  const rows = list.map((x, i) => {
    const s = submitters.get(x.submitterName);
    return {
      orgId: org.id, regionCode: org.regionCode, createdBy: actor.id, serialNumber: serials[i]!, objectType: x.objectType, title: x.title,
      submitterOrgId: s?.id ?? null, submitterName: s?.name ?? x.submitterName, state: 'archived', submittedDate: x.submittedDate,
      acceptedDate: x.acceptedDate ?? x.submittedDate, opinion: x.opinion, opinionReasons: x.opinionReasons || null, opinionDate: x.opinionDate,
      adopted: x.adopted ?? null, adoptionNote: x.adoptionNote || null, feedbackDate: x.adopted == null ? null : x.feedbackDate ?? x.opinionDate,
      archivedDate: x.feedbackDate ?? x.opinionDate, flow: flowOf(org), entryMode: mode, reviewerName: x.reviewerName || null, meetingDate: x.meetingDate ?? null,
    };
  });
  const out: LegalityReview[] = [];
  for (let i = 0; i < rows.length; i += 500) out.push(...(await tx.insert(legalityReviews).values(rows.slice(i, i + 500)).returning()));
  return out;
}

export const batchRow = z.object({
  objectType: z.enum(['meetingMinutes', 'meetingTopic'], { message: '审查对象应为会议纪要或政府常务会议议题' }).default('meetingMinutes'),
  title: z.string({ message: '请填写会议纪要名称' }).trim().min(2, '请填写会议纪要名称').max(200),
  meetingDate: isoDate.or(z.literal('')).optional(),
  submitterName: z.string({ message: '请填写送审单位' }).trim().min(2, '请填写送审单位').max(100),
  opinion: z.enum(Object.keys(opinions) as [Opinion], { message: '请选择审查意见' }),
  opinionDate: isoDate.or(z.literal('')).optional(),
  reasons: z.string().trim().max(5000).default(''),
  reviewerName: z.string({ message: '请填写审查人' }).trim().min(2, '请填写审查人').max(50),
});
export const batchInput = z.object({
  /** Reviewing org: id, name or code; default the caller's org. */
  reviewOrg: z.string().trim().max(100).optional(),
  rows: z.array(z.unknown()).min(1, '请至少填写一行').max(500, '一次最多登记500行'),
});

export interface BatchRowError {
  row: number;
  field: string;
  message: string;
}

/**
 * 会议纪要 快速登记: many finished reviews in one go. Every row is checked first; with any error nothing is
 * written and each row's problems come back (row, field, reason). Otherwise all rows go in one transaction.
 */
export async function batchEnterReviews(db: Db, auth: AuthContext, raw: z.input<typeof batchInput>) {
  const input = batchInput.parse(raw);
  const org = input.reviewOrg ? await resolveOrg(db, auth.rootPath, input.reviewOrg) : await getOrg(db, auth.user.orgId);
  if (!org) throw invalid('审查机构不存在', { fields: [{ path: 'reviewOrg', message: '审查机构不存在' }] });
  if (!auth.permissions.has(PERM.review) || !orgInScope(auth, PERM.review, org)) throw forbidden('无权为该机构登记审查记录');
  const today = todayInChina();
  const errors: BatchRowError[] = [];
  const list: FinishedReview[] = [];
  input.rows.forEach((rawRow, i) => {
    const row = i + 1;
    const parsed = batchRow.safeParse(rawRow);
    if (!parsed.success) for (const issue of parsed.error.issues) errors.push({ row, field: issue.path.join('.') || 'row', message: issue.message });
    // Cross-field checks run on every row, so one pass reports all of a row's problems.
    const loose = (parsed.success ? parsed.data : (rawRow ?? {})) as Record<string, unknown>;
    const dateOf = (k: string) => (typeof loose[k] === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(loose[k] as string) ? (loose[k] as string) : null);
    const meetingDate = dateOf('meetingDate');
    const opinionDate = dateOf('opinionDate') ?? meetingDate;
    if (!opinionDate && !errors.some((e) => e.row === row && /Date$/.test(e.field))) errors.push({ row, field: 'meetingDate', message: '请填写会议日期或审查日期' });
    if (meetingDate && meetingDate > today) errors.push({ row, field: 'meetingDate', message: '会议日期不能晚于今天' });
    if (dateOf('opinionDate') && dateOf('opinionDate')! > today) errors.push({ row, field: 'opinionDate', message: '审查日期不能晚于今天' });
    if (loose.opinion && loose.opinion !== 'lawful' && String(loose.reasons ?? '').trim().length < 2) errors.push({ row, field: 'reasons', message: '修改后合法或不合法的意见须写明理由' });
    if (!parsed.success || !opinionDate) return;
    const v = parsed.data;
    list.push({ objectType: v.objectType, title: v.title, submitterName: v.submitterName, submittedDate: opinionDate, meetingDate, opinion: v.opinion, opinionDate, opinionReasons: v.reasons, reviewerName: v.reviewerName });
  });
  if (errors.length) {
    const rows = [...new Set(errors.map((e) => e.row))];
    throw new AppError('LEGALITY_BATCH_INVALID', `共${rows.length}行有误，未登记任何记录：` + errors.slice(0, 5).map((e) => `第${e.row}行 ${e.message}`).join('；') + (errors.length > 5 ? '……' : ''), 400, { rows: errors });
  }
  return db.transaction(async (tx) => {
    const inserted = await insertFinishedReviews(tx, { ...auth.actor, rootPath: auth.rootPath }, org, list, 'batch');
    await recordAudit(tx, auth.actor, {
      action: 'legality.batchEntry', entityType: REVIEW_ENTITY,
      summary: `批量登记会议纪要等合法性审查记录 ${inserted.length} 件（${org.name}）`,
      after: { count: inserted.length, items: inserted.map((r) => ({ id: r.id, serialNumber: r.serialNumber, title: r.title, opinion: r.opinion })) },
    });
    return { count: inserted.length, items: inserted.map(decorate) };
  });
}

/** The reviews of one 规范性文件 (its 合法性审核 stage), newest first, within the caller's read scope. */
export async function reviewsOfDocument(db: DbOrTx, auth: AuthContext, documentId: string) {
  if (!auth.permissions.has(PERM.read)) return [];
  const rows = await db.select().from(legalityReviews).where(and(live, eq(legalityReviews.documentId, documentId), reviewReadCondition(auth))).orderBy(desc(legalityReviews.submittedDate), desc(legalityReviews.createdAt));
  return rows.map((r) => {
    const d = decorate(r);
    return { id: d.id, serialNumber: d.serialNumber, state: d.state, stateLabel: d.stateLabel, submittedDate: d.submittedDate, opinion: d.opinion, opinionLabel: d.opinionLabel, opinionDate: d.opinionDate, opinionReasons: d.opinionReasons, adopted: d.adopted };
  });
}
