/**
 * 合法性审查 use cases (DOMAIN.md §3). A matter belongs to its reviewing org (司法所 / 合法性审查中心): data
 * scope on `org_id` decides who sees it. Each write is one transaction: row, workflow, audit.
 */
import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { rowsOf, type Db, type DbOrTx } from '../../platform/db/client';
import { AppError, forbidden, invalid, notFound } from '../../platform/errors';
import { recordAudit } from '../../platform/audit/service';
import type { AuthContext } from '../../platform/auth/context';
import { orgInScope, scopeCondition } from '../../platform/auth/scope';
import { getOrg, resolveOrg } from '../../platform/orgs/service';
import { fireTransition, instanceHistory, instanceView, loadInstance, startInstance } from '../../platform/workflow/engine';
import { todayInChina } from '../../platform/calendar/service';
import { legalityReviews, type LegalityReview } from './schema';
import { objectTypes, opinions, PERM, REVIEW_ENTITY, REVIEW_WORKFLOW, reviewStateLabels, type ObjectType, type Opinion } from './terms';
import './workflow';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const live = isNull(legalityReviews.voidedAt);
const scopeCols = { orgId: legalityReviews.orgId, createdBy: legalityReviews.createdBy };

export const submitInput = z.object({
  objectType: z.enum(Object.keys(objectTypes) as [ObjectType], { message: '请选择审查对象类型' }),
  title: z.string().trim().min(2, '请填写送审事项名称').max(200),
  /** 承办机构: an org of the tree (id, name or code) or free text. */
  submitterName: z.string().trim().min(2, '请填写承办机构').max(100),
  /** Reviewing org (司法所 / 合法性审查中心): id, name or code; default the caller's org. */
  reviewOrg: z.string().trim().max(100).optional(),
  submittedDate: isoDate.optional(),
  summary: z.string().max(10000).optional(),
  documentId: z.uuid().optional(),
});

export async function reviewInScope(db: DbOrTx, auth: AuthContext, id: string): Promise<LegalityReview> {
  if (!z.uuid().safeParse(id).success) throw notFound('合法性审查事项');
  const [row] = await db.select().from(legalityReviews).where(and(eq(legalityReviews.id, id), live, scopeCondition(auth, PERM.read, scopeCols)));
  if (!row) throw notFound('合法性审查事项');
  return row;
}

/** 送审: the 承办机构 submits a matter to the reviewing org; serial `<org short name>审〔year〕N号`. */
export async function submitReview(db: Db, auth: AuthContext, raw: z.input<typeof submitInput>) {
  const input = submitInput.parse(raw);
  const org = input.reviewOrg ? await resolveOrg(db, auth.rootPath, input.reviewOrg) : await getOrg(db, auth.user.orgId);
  if (!org) throw invalid('审查机构不存在', { fields: [{ path: 'reviewOrg', message: '审查机构不存在' }] });
  if (!auth.permissions.has(PERM.submit) || !orgInScope(auth, PERM.submit, org)) throw forbidden('无权向该机构送审');
  const submitter = await resolveOrg(db, auth.rootPath, input.submitterName);
  const date = input.submittedDate ?? todayInChina();
  const year = Number(date.slice(0, 4));
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${'legality.serial:' + org.id}))`);
    const [r] = rowsOf<{ n: number }>(await tx.execute(sql`select count(*)::int as n from legality_reviews where org_id = ${org.id} and extract(year from submitted_date) = ${year}`));
    const serialNumber = `${org.shortName ?? org.name}审〔${year}〕${Number(r.n) + 1}号`;
    const id = crypto.randomUUID();
    const instance = await startInstance(tx, auth.actor, { workflow: REVIEW_WORKFLOW, entityId: id, title: `${serialNumber} ${input.title}`, orgId: org.id, regionCode: org.regionCode, date, data: { objectType: input.objectType } });
    const [row] = await tx
      .insert(legalityReviews)
      .values({ id, orgId: org.id, regionCode: org.regionCode, createdBy: auth.user.id, serialNumber, objectType: input.objectType, title: input.title, submitterOrgId: submitter?.id ?? null, submitterName: submitter?.name ?? input.submitterName, documentId: input.documentId ?? null, instanceId: instance.id, state: instance.state, submittedDate: date, summary: input.summary ?? null })
      .returning();
    await recordAudit(tx, auth.actor, { action: 'legality.submit', entityType: REVIEW_ENTITY, entityId: id, summary: `${row.submitterName}送审${objectTypes[input.objectType]}「${row.title}」（${serialNumber}）`, after: row });
    return row;
  });
}

export const reviewActionInput = z.object({ version: z.number().int(), data: z.record(z.string(), z.unknown()).default({}), note: z.string().max(2000).optional() });

function mirrorOf(key: string, date: string, data: Record<string, unknown>): Partial<LegalityReview> {
  switch (key) {
    case 'accept':
      return { acceptedDate: date };
    case 'issueOpinion':
      return { opinion: String(data.opinion), opinionReasons: (data.reasons as string) || null, opinionDate: date };
    case 'feedback':
      return { adopted: Boolean(data.adopted), adoptionNote: (data.explanation as string) || null, feedbackDate: date };
    case 'archive':
      return { archivedDate: date };
    default:
      return {};
  }
}

/** Fires one step of the flow on a matter (the workflow checks permission, scope, state and data). */
export async function actOnReview(db: Db, auth: AuthContext, id: string, action: string, body: z.input<typeof reviewActionInput>) {
  const input = reviewActionInput.parse(body);
  return db.transaction(async (tx) => {
    const r = await reviewInScope(tx, auth, id);
    if (!r.instanceId) throw new AppError('LEGALITY_HISTORICAL', '该事项为导入的历史记录，不能办理流程操作', 400);
    const result = await fireTransition(tx, auth, { instanceId: r.instanceId, transition: action, version: input.version, data: input.data, note: input.note });
    const mirror = mirrorOf(action, result.event.eventDate, (result.event.data as Record<string, unknown>) ?? {});
    await tx.update(legalityReviews).set({ ...mirror, state: result.instance.state, version: r.version + 1, updatedAt: new Date() }).where(eq(legalityReviews.id, r.id));
  });
}

const decorate = (r: LegalityReview) => ({
  ...r,
  objectTypeLabel: objectTypes[r.objectType as ObjectType] ?? r.objectType,
  stateLabel: reviewStateLabels[r.state] ?? r.state,
  opinionLabel: r.opinion ? opinions[r.opinion as Opinion] ?? r.opinion : null,
});

export async function reviewDetail(db: DbOrTx, auth: AuthContext, id: string) {
  const r = await reviewInScope(db, auth, id);
  const instance = r.instanceId ? await loadInstance(db, r.instanceId) : undefined;
  return {
    ...decorate(r),
    workflow: instance ? await instanceView(db, auth, instance) : null,
    history: r.instanceId ? await instanceHistory(db, r.instanceId) : [],
  };
}

export const reviewListFilter = z.object({
  state: z.string().max(32).optional(),
  objectType: z.enum(Object.keys(objectTypes) as [ObjectType]).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export async function listReviews(db: DbOrTx, auth: AuthContext, raw: z.input<typeof reviewListFilter>) {
  const f = reviewListFilter.parse(raw);
  const cond = and(live, scopeCondition(auth, PERM.read, scopeCols), f.state ? eq(legalityReviews.state, f.state) : undefined, f.objectType ? eq(legalityReviews.objectType, f.objectType) : undefined);
  const [{ total }] = await db.select({ total: sql<number>`count(*)::int` }).from(legalityReviews).where(cond);
  const rows = await db.select().from(legalityReviews).where(cond).orderBy(desc(legalityReviews.submittedDate), asc(legalityReviews.serialNumber)).limit(f.pageSize).offset((f.page - 1) * f.pageSize);
  return { total: Number(total), page: f.page, pageSize: f.pageSize, items: rows.map(decorate) };
}
