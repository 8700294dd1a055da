/**
 * 清理 campaigns (DOMAIN.md §3 评估/清理): a campaign selects documents in force from the register, assigns them to
 * reviewers, and each reviewer records 保留 / 修改 / 废止 / 宣布失效 with a reason — applied to the document through
 * the register's own `cleanupDocument`, so status and history stay in one place. When every document has an
 * outcome the campaign is finished and its 清理结果公告 issued.
 */
import { and, asc, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { type Db, type DbOrTx } from '../../../platform/db/client';
import { AppError, forbidden, invalid, notFound } from '../../../platform/errors';
import { recordAudit } from '../../../platform/audit/service';
import { loadAuthContext, type AuthContext } from '../../../platform/auth/context';
import { orgInScope, scopeCondition } from '../../../platform/auth/scope';
import { getOrg, resolveOrg } from '../../../platform/orgs/service';
import { orgs } from '../../../platform/orgs/schema';
import { rolePermissions, roles, userRoles, users } from '../../../platform/auth/schema';
import { todayInChina } from '../../../platform/calendar/service';
import { createInstrument } from '../../../platform/instruments/service';
import { cleanupDocument, docInScope } from '../documents';
import { normativeDocuments } from '../schema';
import { cleanupOutcomes, PERM, type CleanupOutcome } from '../terms';
import { cleanupCampaignItems, cleanupCampaigns, type CleanupCampaign } from '../schema-oversight';
import { CAMPAIGN_ENTITY, campaignStates, OPERM } from './terms';
import { CLEANUP_NOTICE } from './instruments';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const scopeCols = { orgId: cleanupCampaigns.orgId, createdBy: cleanupCampaigns.createdBy };

export const campaignInput = z.object({
  name: z.string().trim().min(4, '请填写清理名称（至少4个字）').max(200),
  year: z.number().int().min(2000, '年度不正确').max(2100, '年度不正确'),
  basis: z.string().trim().max(2000).default(''),
  scope: z.string().trim().max(2000).default(''),
  /** The organ running the 清理 (id, name or code); default the county government of the caller's tree. */
  org: z.string().trim().max(100).optional(),
});

export async function createCampaign(db: Db, auth: AuthContext, raw: z.input<typeof campaignInput>) {
  const input = campaignInput.parse(raw);
  const org = input.org ? await resolveOrg(db, auth.rootPath, input.org) : (await db.select().from(orgs).where(sql`${orgs.path} = ${auth.rootPath}`))[0];
  if (!org || !orgInScope(auth, OPERM.cleanupManage, org)) throw invalid('组织清理的机关不存在或不在您的管理范围内', { fields: [{ path: 'org', message: '机关不存在或不在您的管理范围内' }] });
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(cleanupCampaigns).values({ orgId: org.id, regionCode: org.regionCode, createdBy: auth.user.id, name: input.name, year: input.year, basis: input.basis, scope: input.scope, state: 'active' }).returning();
    await recordAudit(tx, auth.actor, { action: 'normativeDoc.campaign.create', entityType: CAMPAIGN_ENTITY, entityId: row.id, summary: `创建规范性文件清理：${row.name}`, after: row });
    return row;
  });
}

export async function campaignInScope(db: DbOrTx, auth: AuthContext, id: string): Promise<CleanupCampaign> {
  if (!z.uuid().safeParse(id).success) throw notFound('清理任务');
  const [row] = await db.select().from(cleanupCampaigns).where(and(eq(cleanupCampaigns.id, id), isNull(cleanupCampaigns.voidedAt), scopeCondition(auth, OPERM.cleanupRead, scopeCols)));
  if (!row) throw notFound('清理任务');
  return row;
}

async function manageable(db: DbOrTx, auth: AuthContext, id: string) {
  const c = await campaignInScope(db, auth, id);
  const org = await getOrg(db, c.orgId);
  if (!org || !auth.permissions.has(OPERM.cleanupManage) || !orgInScope(auth, OPERM.cleanupManage, org)) throw forbidden('无权管理该清理任务');
  if (c.state !== 'active') throw new AppError('CAMPAIGN_FINISHED', '该清理任务已完成，不能再修改', 400);
  return c;
}

// ── selecting documents ───────────────────────────────────────────────────────────────────────────────

export const addItemsInput = z.object({
  documentIds: z.array(z.uuid()).max(5000).optional(),
  /** Select by filter: documents in force (有效 / 修改) of an issuer, published in a date range. */
  filter: z.object({ issuerOrg: z.string().trim().max(100).optional(), publishedFrom: isoDate.optional(), publishedTo: isoDate.optional() }).optional(),
});

/** Adds documents in force (in the caller's register scope) to the campaign; ones already in it are skipped. */
export async function addItems(db: Db, auth: AuthContext, id: string, raw: z.input<typeof addItemsInput>) {
  const input = addItemsInput.parse(raw);
  if (!input.documentIds?.length && !input.filter) throw invalid('请选择要清理的文件，或填写筛选条件');
  return db.transaction(async (tx) => {
    const c = await manageable(tx, auth, id);
    const f = input.filter;
    const issuer = f?.issuerOrg ? await resolveOrg(tx, auth.rootPath, f.issuerOrg) : undefined;
    if (f?.issuerOrg && !issuer) throw invalid('制定机关不存在', { fields: [{ path: 'filter.issuerOrg', message: '制定机关不存在' }] });
    const docs = await tx
      .select({ id: normativeDocuments.id, status: normativeDocuments.status })
      .from(normativeDocuments)
      .where(
        and(
          isNull(normativeDocuments.voidedAt),
          eq(normativeDocuments.stage, 'published'),
          scopeCondition(auth, PERM.docManage, { orgId: normativeDocuments.orgId }),
          input.documentIds?.length ? inArray(normativeDocuments.id, input.documentIds) : undefined,
          issuer ? eq(normativeDocuments.orgId, issuer.id) : undefined,
          f?.publishedFrom ? sql`${normativeDocuments.publishedDate} >= ${f.publishedFrom}` : undefined,
          f?.publishedTo ? sql`${normativeDocuments.publishedDate} <= ${f.publishedTo}` : undefined,
        ),
      );
    const notInForce = docs.filter((d) => !['effective', 'amended'].includes(d.status ?? ''));
    if (input.documentIds?.length) {
      if (docs.length < input.documentIds.length) throw invalid('部分文件不存在或不在您的管理范围内');
      if (notInForce.length) throw new AppError('CAMPAIGN_DOC_NOT_IN_FORCE', `有${notInForce.length}件文件已废止或失效，不在清理范围内`, 400);
    }
    const ids = docs.filter((d) => ['effective', 'amended'].includes(d.status ?? '')).map((d) => d.id);
    const added = ids.length ? await tx.insert(cleanupCampaignItems).values(ids.map((documentId) => ({ campaignId: c.id, documentId }))).onConflictDoNothing().returning({ id: cleanupCampaignItems.id }) : [];
    await recordAudit(tx, auth.actor, { action: 'normativeDoc.campaign.addItems', entityType: CAMPAIGN_ENTITY, entityId: c.id, summary: `清理任务「${c.name}」选入文件${added.length}件`, after: { added: added.length } });
    return { added: added.length };
  });
}

export const assignInput = z.object({ itemIds: z.array(z.uuid()).min(1, '请选择要分配的文件').max(5000), reviewerId: z.uuid({ message: '请选择审查人员' }) });

/** Assigns items to a reviewer, who must be able to manage the documents (规范性文件管理 in scope). */
export async function assignItems(db: Db, auth: AuthContext, id: string, raw: z.input<typeof assignInput>) {
  const input = assignInput.parse(raw);
  return db.transaction(async (tx) => {
    const c = await manageable(tx, auth, id);
    const reviewer = await loadAuthContext(tx, input.reviewerId);
    if (!reviewer || reviewer.rootPath !== auth.rootPath || !reviewer.permissions.has(PERM.docManage)) throw invalid('该人员没有规范性文件管理权限，不能承担清理审查', { fields: [{ path: 'reviewerId', message: '请选择有规范性文件管理权限的人员' }] });
    const items = await tx
      .select({ id: cleanupCampaignItems.id, outcome: cleanupCampaignItems.outcome, docOrg: normativeDocuments.orgId, path: orgs.path })
      .from(cleanupCampaignItems)
      .innerJoin(normativeDocuments, eq(normativeDocuments.id, cleanupCampaignItems.documentId))
      .innerJoin(orgs, eq(orgs.id, normativeDocuments.orgId))
      .where(and(eq(cleanupCampaignItems.campaignId, c.id), inArray(cleanupCampaignItems.id, input.itemIds)));
    if (items.length !== input.itemIds.length) throw invalid('部分文件不在该清理任务中');
    if (items.some((i) => i.outcome)) throw new AppError('CAMPAIGN_ITEM_DONE', '已有清理结果的文件不能重新分配', 400);
    if (items.some((i) => !orgInScope(reviewer, PERM.docManage, { id: i.docOrg, path: i.path }))) throw invalid('部分文件不在该人员的管理范围内', { fields: [{ path: 'reviewerId', message: '部分文件不在该人员的管理范围内' }] });
    await tx.update(cleanupCampaignItems).set({ reviewerId: reviewer.user.id, version: sql`${cleanupCampaignItems.version} + 1`, updatedAt: new Date() }).where(inArray(cleanupCampaignItems.id, input.itemIds));
    await recordAudit(tx, auth.actor, { action: 'normativeDoc.campaign.assign', entityType: CAMPAIGN_ENTITY, entityId: c.id, summary: `清理任务「${c.name}」分配${items.length}件文件给${reviewer.user.displayName}`, after: { reviewerId: reviewer.user.id, itemIds: input.itemIds } });
    return { assigned: items.length };
  });
}

export const outcomeInput = z.object({
  version: z.number().int(),
  outcome: z.enum(Object.keys(cleanupOutcomes) as [CleanupOutcome], { message: '请选择清理结果：保留、修改、废止或宣布失效' }),
  reason: z.string().trim().max(2000).default(''),
  date: isoDate.optional(),
});

/** The assigned reviewer records the outcome; the register's cleanupDocument applies it in the same transaction. */
export async function recordOutcome(db: Db, auth: AuthContext, itemId: string, raw: z.input<typeof outcomeInput>) {
  const input = outcomeInput.parse(raw);
  if (!z.uuid().safeParse(itemId).success) throw notFound('清理文件');
  return db.transaction(async (tx) => {
    const [item] = await tx.select().from(cleanupCampaignItems).where(eq(cleanupCampaignItems.id, itemId)).for('update');
    if (!item) throw notFound('清理文件');
    const c = await campaignInScope(tx, auth, item.campaignId);
    if (c.state !== 'active') throw new AppError('CAMPAIGN_FINISHED', '该清理任务已完成', 400);
    if (item.reviewerId !== auth.user.id) throw forbidden(item.reviewerId ? '该文件已分配给其他审查人员' : '该文件尚未分配审查人员');
    if (item.version !== input.version) throw new AppError('CONFLICT', '该文件的清理信息已变化，请刷新后重试', 409);
    if (item.outcome) throw new AppError('CAMPAIGN_ITEM_DONE', '该文件已有清理结果', 409);
    const date = input.date ?? todayInChina();
    const doc = await docInScope(tx, auth, item.documentId, PERM.docManage);
    await cleanupDocument(tx as unknown as Db, auth, doc.id, { version: doc.version, date, outcome: input.outcome, reason: input.reason });
    const [row] = await tx
      .update(cleanupCampaignItems)
      .set({ outcome: input.outcome, reason: input.reason || null, decidedDate: date, decidedBy: auth.user.id, version: item.version + 1, updatedAt: new Date() })
      .where(eq(cleanupCampaignItems.id, item.id))
      .returning();
    await recordAudit(tx, auth.actor, { action: 'normativeDoc.campaign.outcome', entityType: CAMPAIGN_ENTITY, entityId: c.id, summary: `清理任务「${c.name}」：《${doc.title}》${cleanupOutcomes[input.outcome].label}`, after: { itemId: item.id, documentId: doc.id, outcome: input.outcome, reason: input.reason } });
    return row;
  });
}

// ── progress, results, finish ─────────────────────────────────────────────────────────────────────────

export async function campaignProgress(db: DbOrTx, campaignId: string) {
  const rows = await db
    .select({ reviewerId: cleanupCampaignItems.reviewerId, reviewerName: users.displayName, total: sql<number>`count(*)::int`, done: sql<number>`count(${cleanupCampaignItems.outcome})::int` })
    .from(cleanupCampaignItems)
    .leftJoin(users, eq(users.id, cleanupCampaignItems.reviewerId))
    .where(eq(cleanupCampaignItems.campaignId, campaignId))
    .groupBy(cleanupCampaignItems.reviewerId, users.displayName)
    .orderBy(asc(users.displayName));
  const byOutcome = await db
    .select({ outcome: cleanupCampaignItems.outcome, n: sql<number>`count(*)::int` })
    .from(cleanupCampaignItems)
    .where(eq(cleanupCampaignItems.campaignId, campaignId))
    .groupBy(cleanupCampaignItems.outcome);
  const counts = Object.fromEntries(byOutcome.map((r) => [r.outcome ?? 'pending', Number(r.n)]));
  const total = rows.reduce((s, r) => s + Number(r.total), 0);
  const done = rows.reduce((s, r) => s + Number(r.done), 0);
  return {
    total, done,
    reviewers: rows.map((r) => ({ reviewerId: r.reviewerId, reviewerName: r.reviewerId ? r.reviewerName : '未分配', total: Number(r.total), done: Number(r.done) })),
    outcomes: (Object.keys(cleanupOutcomes) as CleanupOutcome[]).map((k) => ({ key: k, label: cleanupOutcomes[k].label, value: counts[k] ?? 0 })),
  };
}

export const campaignListFilter = z.object({ year: z.coerce.number().int().optional(), page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(200).default(20) });

export async function listCampaigns(db: DbOrTx, auth: AuthContext, raw: z.input<typeof campaignListFilter>) {
  const f = campaignListFilter.parse(raw);
  const cond = and(isNull(cleanupCampaigns.voidedAt), scopeCondition(auth, OPERM.cleanupRead, scopeCols), f.year ? eq(cleanupCampaigns.year, f.year) : undefined);
  const [{ total }] = await db.select({ total: sql<number>`count(*)::int` }).from(cleanupCampaigns).where(cond);
  const rows = await db.select().from(cleanupCampaigns).where(cond).orderBy(desc(cleanupCampaigns.year), desc(cleanupCampaigns.createdAt)).limit(f.pageSize).offset((f.page - 1) * f.pageSize);
  const items = [];
  for (const r of rows) {
    const p = await campaignProgress(db, r.id);
    items.push({ ...r, stateLabel: campaignStates[r.state as keyof typeof campaignStates], total: p.total, done: p.done });
  }
  return { total: Number(total), page: f.page, pageSize: f.pageSize, items };
}

export async function campaignDetail(db: DbOrTx, auth: AuthContext, id: string) {
  const c = await campaignInScope(db, auth, id);
  const org = await getOrg(db, c.orgId);
  return { ...c, orgName: org?.name ?? '', stateLabel: campaignStates[c.state as keyof typeof campaignStates], progress: await campaignProgress(db, c.id), canManage: auth.permissions.has(OPERM.cleanupManage) && !!org && orgInScope(auth, OPERM.cleanupManage, org) };
}

export const itemListFilter = z.object({
  outcome: z.enum(['keep', 'amend', 'repeal', 'declareInvalid', 'pending']).optional(),
  reviewerId: z.union([z.uuid(), z.literal('none')]).optional(),
  mine: z.enum(['true', 'false']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(1000).default(20),
});

/** The campaign's documents with their reviewer and outcome: the 清理结果 list (also exported to Excel). */
export async function listItems(db: DbOrTx, auth: AuthContext, id: string, raw: z.input<typeof itemListFilter>) {
  const c = await campaignInScope(db, auth, id);
  const f = itemListFilter.parse(raw);
  const cond: SQL | undefined = and(
    eq(cleanupCampaignItems.campaignId, c.id),
    f.outcome === 'pending' ? isNull(cleanupCampaignItems.outcome) : f.outcome ? eq(cleanupCampaignItems.outcome, f.outcome) : undefined,
    f.reviewerId === 'none' ? isNull(cleanupCampaignItems.reviewerId) : f.reviewerId ? eq(cleanupCampaignItems.reviewerId, f.reviewerId) : undefined,
    f.mine === 'true' ? eq(cleanupCampaignItems.reviewerId, auth.user.id) : undefined,
  );
  const [{ total }] = await db.select({ total: sql<number>`count(*)::int` }).from(cleanupCampaignItems).where(cond);
  const rows = await db
    .select({
      id: cleanupCampaignItems.id, documentId: cleanupCampaignItems.documentId, reviewerId: cleanupCampaignItems.reviewerId, reviewerName: users.displayName, outcome: cleanupCampaignItems.outcome,
      reason: cleanupCampaignItems.reason, decidedDate: cleanupCampaignItems.decidedDate, version: cleanupCampaignItems.version,
      title: normativeDocuments.title, issuer: normativeDocuments.issuer, docNumber: normativeDocuments.docNumber, code: normativeDocuments.code, publishedDate: normativeDocuments.publishedDate, validUntil: normativeDocuments.validUntil,
    })
    .from(cleanupCampaignItems)
    .innerJoin(normativeDocuments, eq(normativeDocuments.id, cleanupCampaignItems.documentId))
    .leftJoin(users, eq(users.id, cleanupCampaignItems.reviewerId))
    .where(cond)
    .orderBy(asc(normativeDocuments.publishedDate), asc(cleanupCampaignItems.id))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  return { total: Number(total), page: f.page, pageSize: f.pageSize, items: rows.map((r) => ({ ...r, outcomeLabel: r.outcome ? cleanupOutcomes[r.outcome as CleanupOutcome].label : '待清理' })) };
}

export const finishInput = z.object({ version: z.number().int(), date: isoDate.optional() });

/** Finishes a campaign once every document has an outcome, issuing the numbered 清理结果公告. */
export async function finishCampaign(db: Db, auth: AuthContext, id: string, raw: z.input<typeof finishInput>) {
  const input = finishInput.parse(raw);
  return db.transaction(async (tx) => {
    const c = await manageable(tx, auth, id);
    if (c.version !== input.version) throw new AppError('CONFLICT', '该清理任务已被他人修改，请刷新后重试', 409);
    const p = await campaignProgress(tx, c.id);
    if (!p.total) throw new AppError('CAMPAIGN_EMPTY', '清理任务中还没有文件', 400);
    if (p.done < p.total) throw new AppError('CAMPAIGN_UNFINISHED', `还有${p.total - p.done}件文件没有清理结果，不能完成`, 400, { pending: p.total - p.done });
    const date = input.date ?? todayInChina();
    const notice = await createInstrument(tx, auth.actor, { orgId: c.orgId, regionCode: c.regionCode, type: CLEANUP_NOTICE, date, entityType: CAMPAIGN_ENTITY, entityId: c.id, fields: await noticeFields(tx, c) });
    const [row] = await tx.update(cleanupCampaigns).set({ state: 'finished', finishedDate: date, noticeInstrumentId: notice.id, noticeNumber: notice.number, version: c.version + 1, updatedAt: new Date() }).where(eq(cleanupCampaigns.id, c.id)).returning();
    await recordAudit(tx, auth.actor, { action: 'normativeDoc.campaign.finish', entityType: CAMPAIGN_ENTITY, entityId: c.id, summary: `清理任务「${c.name}」完成，发布清理结果公告 ${notice.number ?? ''}`, before: { state: c.state }, after: { state: 'finished', noticeNumber: notice.number, outcomes: p.outcomes } });
    return row;
  });
}

export async function noticeFields(db: DbOrTx, c: CleanupCampaign) {
  const org = await getOrg(db, c.orgId);
  const rows = await db
    .select({ outcome: cleanupCampaignItems.outcome, reason: cleanupCampaignItems.reason, title: normativeDocuments.title, docNumber: normativeDocuments.docNumber })
    .from(cleanupCampaignItems)
    .innerJoin(normativeDocuments, eq(normativeDocuments.id, cleanupCampaignItems.documentId))
    .where(eq(cleanupCampaignItems.campaignId, c.id))
    .orderBy(asc(normativeDocuments.publishedDate), asc(normativeDocuments.title));
  const groups = (['keep', 'amend', 'repeal', 'declareInvalid'] as CleanupOutcome[]).map((k) => ({
    label: cleanupOutcomes[k].label,
    rows: rows.filter((r) => r.outcome === k).map((r) => [`《${r.title}》`, r.docNumber ?? '', r.reason ?? '']),
  }));
  return { campaignName: c.name, basis: c.basis, orgName: org?.name ?? '', groups };
}

/** People who may be assigned 清理 documents: live users of the caller's tree holding 规范性文件管理. */
export async function eligibleReviewers(db: DbOrTx, auth: AuthContext) {
  const rows = await db
    .selectDistinct({ id: users.id, displayName: users.displayName, orgName: orgs.name })
    .from(users)
    .innerJoin(orgs, eq(orgs.id, users.orgId))
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .innerJoin(roles, and(eq(roles.id, userRoles.roleId), isNull(roles.voidedAt)))
    .innerJoin(rolePermissions, and(eq(rolePermissions.roleId, roles.id), eq(rolePermissions.permission, PERM.docManage)))
    .where(and(isNull(users.voidedAt), sql`${orgs.path} like ${auth.rootPath + '%'}`))
    .orderBy(asc(users.displayName));
  return { items: rows };
}
