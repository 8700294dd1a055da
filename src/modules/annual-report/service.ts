/**
 * Use cases of the annual report: draft from templates and 报告素材, save versions, regenerate figures, restore a
 * version, route for approval, publish, void; and the 报告素材 register. Each write is one transaction with its
 * audit entry; every read is scoped by the caller's data scope.
 */
import { and, asc, count, desc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, DbOrTx, Tx } from '../../platform/db/client';
import type { AuthContext } from '../../platform/auth/context';
import { orgInScope, scopeCondition } from '../../platform/auth/scope';
import { recordAudit } from '../../platform/audit/service';
import { users } from '../../platform/auth/schema';
import { orgs } from '../../platform/orgs/schema';
import { getOrg, resolveOrg, type Org } from '../../platform/orgs/service';
import { AppError, conflict, notFound, pgErrorCode } from '../../platform/errors';
import { todayInChina } from '../../platform/calendar/service';
import { fireTransition, instanceHistory, instanceView, loadInstance, startInstance, voidInstance } from '../../platform/workflow/engine';
import { annualReportInputs, annualReports, annualReportVersions } from './schema';
import { buildDraft, hasUnwritten, reportTitle, tokenKeys, TO_BE_WRITTEN, type DraftInput } from './draft';
import { computeFigures } from './figures';
import type { ReportContent } from './model';
import { reportWorkflow } from './workflow';
import { dueDates, ENTITY_TYPE, INPUT_CATEGORIES, INPUT_ENTITY_TYPE, inputCategoryKeys, PERM, SECTIONS, STATES, WORKFLOW_KEY, type InputCategory, type ReportState } from './terms';

type Report = typeof annualReports.$inferSelect;

const yearSchema = z.coerce.number({ message: '请填写年度' }).int('年度应为整数').min(2000, '年度不能早于2000年').max(2100, '年度不能晚于2100年');

// ── inputs (zod) ──────────────────────────────────────────────────────────────────────────────────────

export const createReportInput = z.object({
  year: yearSchema,
  org: z.string().trim().min(1).optional().describe('报告主体：机构ID、名称或行政区划代码；默认本人所属司法局'),
});

const blockSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('heading'), text: z.string().trim().min(1, '小标题不能为空').max(200, '小标题不能超过200字') }),
  z.object({ kind: z.literal('paragraph'), text: z.string().trim().min(1, '段落不能为空，不需要的段落请删除').max(20000) }),
]);
export const contentSchema = z.object({
  sections: z
    .array(z.object({ key: z.enum(SECTIONS.map((s) => s.key) as [string, ...string[]]), heading: z.string().optional(), blocks: z.array(blockSchema).max(500) }))
    .length(SECTIONS.length, '年度报告应包含法定的五个部分'),
});
export const saveInput = z.object({ version: z.number().int(), content: contentSchema, note: z.string().trim().max(500).optional() });
export const versionInput = z.object({ version: z.number().int() });
export const regenerateInput = versionInput.extend({ mode: z.enum(['figures', 'draft']).default('figures').describe('figures：只重新计算数据；draft：按模板和报告素材重新起草（保留旧版本）') });
export const actionInput = versionInput.extend({ data: z.record(z.string(), z.unknown()).default({}) });
export const voidInput = versionInput.extend({ reason: z.string().trim().min(2, '请填写作废原因（至少2个字）').max(500) });

export const reportListFilter = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  year: z.coerce.number().int().optional(),
  status: z.enum(Object.keys(STATES) as [ReportState, ...ReportState[]]).optional(),
  format: z.enum(['json', 'xlsx']).optional(),
});

export const inputBody = z.object({
  year: yearSchema,
  category: z.enum(inputCategoryKeys, { message: '请选择素材类别' }),
  module: z.string().trim().max(32).nullish(),
  title: z.string().trim().min(2, '请填写标题（至少2个字）').max(200, '标题不能超过200字'),
  content: z.string().trim().min(2, '请填写内容（至少2个字）').max(10000, '内容不能超过10000字'),
  occurredOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD').nullish(),
  source: z.string().trim().max(200).nullish(),
  org: z.string().trim().optional(),
});
export const inputUpdate = inputBody.omit({ org: true }).extend({ version: z.number().int() });
export const inputListFilter = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  year: z.coerce.number().int().optional(),
  category: z.enum(inputCategoryKeys).optional(),
  org: z.string().optional(),
  q: z.string().trim().max(100).optional(),
  format: z.enum(['json', 'xlsx']).optional(),
});

// ── helpers ───────────────────────────────────────────────────────────────────────────────────────────

/** The org a report or input is for: the given one, else the caller's 司法局 (the nearest bureau above or at their org). */
export async function reportOrg(db: DbOrTx, auth: AuthContext, ref: string | undefined, permission: string): Promise<Org> {
  let org: Org | undefined;
  if (ref) org = await resolveOrg(db, auth.rootPath, ref);
  else {
    const ids = auth.orgPath.split('/').filter(Boolean);
    const rows = await db.select().from(orgs).where(and(sql`${orgs.id} in (${sql.join(ids.map((i) => sql`${i}`), sql`, `)})`, isNull(orgs.voidedAt))).orderBy(desc(sql`length(${orgs.path})`));
    org = rows.find((o) => o.type === 'justiceBureau') ?? rows[0];
  }
  if (!org || !orgInScope(auth, permission, org)) throw notFound('机构');
  return org;
}

async function inputsFor(db: DbOrTx, orgId: string, year: number): Promise<DraftInput[]> {
  const rows = await db
    .select()
    .from(annualReportInputs)
    .where(and(eq(annualReportInputs.orgId, orgId), eq(annualReportInputs.year, year), isNull(annualReportInputs.voidedAt)))
    .orderBy(asc(annualReportInputs.occurredOn), asc(annualReportInputs.createdAt));
  return rows.map((r) => ({ category: r.category as InputCategory, module: r.module, title: r.title, content: r.content }));
}

/** The statutory headings are fixed: whatever the editor sends, each section carries its own (督察工作规定 第二十五条). */
function normalizeContent(content: z.infer<typeof contentSchema>, year: number): ReportContent {
  const keys = content.sections.map((s) => s.key);
  if (SECTIONS.some((s, i) => keys[i] !== s.key)) throw new AppError('ANNUAL_REPORT_SECTIONS', '年度报告的五个部分及其顺序由规定确定，不能调整（法治政府建设与责任落实督察工作规定 第二十五条）', 400);
  return { sections: content.sections.map((s, i) => ({ key: SECTIONS[i].key, heading: SECTIONS[i].heading(year), blocks: s.blocks })) };
}

async function loadReport(db: DbOrTx, auth: AuthContext, id: string, permission: string = PERM.read): Promise<Report> {
  const [r] = await db.select().from(annualReports).where(and(eq(annualReports.id, id), isNull(annualReports.voidedAt), scopeCondition(auth, permission, { orgId: annualReports.orgId })));
  if (!r) throw notFound('年度报告');
  return r;
}

function checkVersion(r: Report, version: number) {
  if (r.version !== version) throw conflict('该报告已被他人修改，请刷新后重试', { currentVersion: r.version });
}

function requireDrafting(r: Report, what: string) {
  if (r.status !== 'drafting') throw new AppError('ANNUAL_REPORT_LOCKED', `报告处于「${STATES[r.status as ReportState] ?? r.status}」状态，不能${what}；如需修改，请由审核人退回`, 400);
}

async function newVersion(tx: Tx, r: Report, auth: AuthContext, content: ReportContent, figures: Report['figures'], note: string, extra: Partial<typeof annualReports.$inferInsert> = {}) {
  const versionNo = r.versionNo + 1;
  await tx.insert(annualReportVersions).values({ reportId: r.id, versionNo, content, figures, note, createdBy: auth.user.id });
  const [updated] = await tx
    .update(annualReports)
    .set({ content, figures, versionNo, version: r.version + 1, updatedAt: new Date(), ...extra })
    .where(and(eq(annualReports.id, r.id), eq(annualReports.version, r.version)))
    .returning();
  if (!updated) throw conflict('该报告已被他人修改，请刷新后重试');
  return updated;
}

// ── reports ───────────────────────────────────────────────────────────────────────────────────────────

/** Drafts the report of an org and year: prose from the templates and 报告素材, figures computed now (version 1). */
export async function createReport(db: Db, auth: AuthContext, input: z.infer<typeof createReportInput>) {
  const org = await reportOrg(db, auth, input.org, PERM.edit);
  const [existing] = await db.select({ id: annualReports.id }).from(annualReports).where(and(eq(annualReports.orgId, org.id), eq(annualReports.year, input.year), isNull(annualReports.voidedAt)));
  if (existing) throw new AppError('ANNUAL_REPORT_EXISTS', `${org.name}${input.year}年度的报告已存在，请直接打开编辑`, 409, { id: existing.id });
  const content = buildDraft(org.name, input.year, await inputsFor(db, org.id, input.year));
  const figures = await computeFigures(db, org, input.year, tokenKeys(content));
  const title = reportTitle(org.name, input.year);
  try {
    return await db.transaction(async (tx) => {
      const [r] = await tx
        .insert(annualReports)
        .values({ orgId: org.id, regionCode: org.regionCode, createdBy: auth.user.id, year: input.year, title, status: 'drafting', content, figures, figuresAt: new Date(figures.computedAt), versionNo: 1 })
        .returning();
      await tx.insert(annualReportVersions).values({ reportId: r.id, versionNo: 1, content, figures, note: '系统起草', createdBy: auth.user.id });
      // The year decides the statutory dates (报送 3月1日, 公开 4月1日 of the next year).
      const instance = await startInstance(tx, auth.actor, { workflow: WORKFLOW_KEY, entityId: r.id, title, orgId: org.id, regionCode: org.regionCode, data: { year: input.year } });
      await tx.update(annualReports).set({ workflowInstanceId: instance.id }).where(eq(annualReports.id, r.id));
      await recordAudit(tx, auth.actor, { action: 'annualReport.create', entityType: ENTITY_TYPE, entityId: r.id, summary: `起草${title}`, after: { year: input.year, orgId: org.id, figures: Object.keys(figures.values).length } });
      return { id: r.id };
    });
  } catch (e) {
    if (pgErrorCode(e) === '23505') throw new AppError('ANNUAL_REPORT_EXISTS', `${org.name}${input.year}年度的报告已存在，请直接打开编辑`, 409);
    throw e;
  }
}

export async function reportDetail(db: DbOrTx, auth: AuthContext, id: string) {
  const r = await loadReport(db, auth, id);
  const org = await getOrg(db, r.orgId);
  const instance = r.workflowInstanceId ? await loadInstance(db, r.workflowInstanceId) : undefined;
  const workflow = instance ? await instanceView(db, auth, instance, reportWorkflow) : null;
  const history = instance ? await instanceHistory(db, instance.id) : [];
  const due = dueDates(r.year);
  const today = todayInChina();
  const published = r.status === 'published';
  return {
    id: r.id,
    orgId: r.orgId,
    orgName: org?.name ?? '',
    regionCode: r.regionCode,
    year: r.year,
    title: r.title,
    status: r.status,
    statusLabel: STATES[r.status as ReportState] ?? r.status,
    version: r.version,
    versionNo: r.versionNo,
    content: r.content,
    figures: r.figures,
    figuresAt: r.figuresAt.toISOString(),
    publishedAt: r.publishedAt?.toISOString() ?? null,
    unwritten: hasUnwritten(r.content),
    // 法治政府建设与责任落实督察工作规定 第二十四条
    due: { ...due, cite: '法治政府建设与责任落实督察工作规定 第二十四条', publishOverdue: !published && today > due.publishBy, submitOverdue: !['approved', 'published'].includes(r.status) && today > due.submitBy },
    workflow: workflow && { state: workflow.state, stateLabel: workflow.stateLabel, version: workflow.version, available: workflow.available },
    history: history.map((h) => ({ transition: h.transition, label: reportWorkflow.transitions.find((t) => t.key === h.transition)?.label ?? '起草', toState: h.toState, toLabel: STATES[h.toState as ReportState] ?? h.toState, actorName: h.actorName, at: h.at, data: h.data })),
  };
}

export async function listReports(db: DbOrTx, auth: AuthContext, f: z.infer<typeof reportListFilter>) {
  const conds: SQL[] = [isNull(annualReports.voidedAt), scopeCondition(auth, PERM.read, { orgId: annualReports.orgId })];
  if (f.year) conds.push(eq(annualReports.year, f.year));
  if (f.status) conds.push(eq(annualReports.status, f.status));
  const where = and(...conds);
  const [{ n }] = await db.select({ n: count() }).from(annualReports).where(where);
  const rows = await db
    .select({ id: annualReports.id, year: annualReports.year, title: annualReports.title, status: annualReports.status, orgName: orgs.name, versionNo: annualReports.versionNo, figuresAt: annualReports.figuresAt, updatedAt: annualReports.updatedAt, publishedAt: annualReports.publishedAt })
    .from(annualReports)
    .innerJoin(orgs, eq(orgs.id, annualReports.orgId))
    .where(where)
    .orderBy(desc(annualReports.year), asc(orgs.path))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  return {
    items: rows.map((r) => ({ ...r, statusLabel: STATES[r.status as ReportState] ?? r.status, figuresAt: r.figuresAt.toISOString(), updatedAt: r.updatedAt.toISOString(), publishedAt: r.publishedAt?.toISOString() ?? null })),
    total: Number(n),
    page: f.page,
    pageSize: f.pageSize,
  };
}

/** Saves edited prose as a new version (drafting only). */
export async function saveContent(db: Db, auth: AuthContext, id: string, input: z.infer<typeof saveInput>) {
  return db.transaction(async (tx) => {
    const r = await loadReport(tx, auth, id, PERM.edit);
    checkVersion(r, input.version);
    requireDrafting(r, '修改');
    const content = normalizeContent(input.content, r.year);
    // Figures newly referenced by the edit are computed now, so every token has a value.
    const missing = tokenKeys(content).filter((k) => !r.figures.values[k]);
    const figures = missing.length ? await computeFigures(tx, (await getOrg(tx, r.orgId))!, r.year, tokenKeys(content)) : r.figures;
    const updated = await newVersion(tx, r, auth, content, figures, input.note || '编辑保存', missing.length ? { figuresAt: new Date(figures.computedAt) } : {});
    await recordAudit(tx, auth.actor, { action: 'annualReport.save', entityType: ENTITY_TYPE, entityId: r.id, summary: `保存${r.title}（第${updated.versionNo}版）`, before: { versionNo: r.versionNo, content: r.content }, after: { versionNo: updated.versionNo, content } });
  });
}

/**
 * 重新生成数据: recomputes every figure the prose references from the records as they are now (after a data
 * correction); mode 'draft' also re-assembles the prose from the templates and 报告素材. Either way a new version.
 */
export async function regenerate(db: Db, auth: AuthContext, id: string, input: z.infer<typeof regenerateInput>) {
  return db.transaction(async (tx) => {
    const r = await loadReport(tx, auth, id, PERM.edit);
    checkVersion(r, input.version);
    requireDrafting(r, '重新生成');
    const org = (await getOrg(tx, r.orgId))!;
    const content = input.mode === 'draft' ? buildDraft(org.name, r.year, await inputsFor(tx, org.id, r.year)) : r.content;
    const figures = await computeFigures(tx, org, r.year, tokenKeys(content));
    const changed = Object.values(figures.values).filter((v) => r.figures.values[v.key]?.display !== v.display || r.figures.values[v.key]?.change !== v.change).map((v) => ({ key: v.key, before: r.figures.values[v.key]?.display ?? null, after: v.display }));
    const updated = await newVersion(tx, r, auth, content, figures, input.mode === 'draft' ? '按模板和报告素材重新起草' : '重新生成数据', { figuresAt: new Date(figures.computedAt) });
    await recordAudit(tx, auth.actor, { action: 'annualReport.regenerate', entityType: ENTITY_TYPE, entityId: r.id, summary: `${input.mode === 'draft' ? '重新起草' : '重新生成数据'}：${r.title}（${changed.length}项数据变化）`, before: { versionNo: r.versionNo }, after: { versionNo: updated.versionNo, changed } });
    return { changed };
  });
}

export async function listVersions(db: DbOrTx, auth: AuthContext, id: string) {
  await loadReport(db, auth, id);
  const rows = await db
    .select({ versionNo: annualReportVersions.versionNo, note: annualReportVersions.note, createdAt: annualReportVersions.createdAt, createdByName: users.displayName })
    .from(annualReportVersions)
    .leftJoin(users, eq(users.id, annualReportVersions.createdBy))
    .where(eq(annualReportVersions.reportId, id))
    .orderBy(desc(annualReportVersions.versionNo));
  return { items: rows.map((v) => ({ ...v, createdAt: v.createdAt.toISOString() })) };
}

export async function getVersion(db: DbOrTx, auth: AuthContext, id: string, no: number) {
  await loadReport(db, auth, id);
  const [v] = await db.select().from(annualReportVersions).where(and(eq(annualReportVersions.reportId, id), eq(annualReportVersions.versionNo, no)));
  if (!v) throw notFound('报告版本');
  return { versionNo: v.versionNo, note: v.note, createdAt: v.createdAt.toISOString(), content: v.content, figures: v.figures };
}

/** Restores an earlier version's prose and figures as a new version (history is kept). */
export async function restoreVersion(db: Db, auth: AuthContext, id: string, no: number, input: z.infer<typeof versionInput>) {
  return db.transaction(async (tx) => {
    const r = await loadReport(tx, auth, id, PERM.edit);
    checkVersion(r, input.version);
    requireDrafting(r, '恢复版本');
    const [v] = await tx.select().from(annualReportVersions).where(and(eq(annualReportVersions.reportId, id), eq(annualReportVersions.versionNo, no)));
    if (!v) throw notFound('报告版本');
    const updated = await newVersion(tx, r, auth, v.content, v.figures, `恢复第${no}版`, { figuresAt: new Date(v.figures.computedAt) });
    await recordAudit(tx, auth.actor, { action: 'annualReport.restore', entityType: ENTITY_TYPE, entityId: r.id, summary: `${r.title}恢复第${no}版（保存为第${updated.versionNo}版）`, before: { versionNo: r.versionNo }, after: { versionNo: updated.versionNo, restoredFrom: no } });
  });
}

/** Moves the report along its approval route (科室 → 分管领导 → 主要负责人 → 公开). */
export async function actOnReport(db: Db, auth: AuthContext, id: string, action: string, input: z.infer<typeof actionInput>) {
  return db.transaction(async (tx) => {
    const r = await loadReport(tx, auth, id);
    checkVersion(r, input.version);
    if (!r.workflowInstanceId) throw new AppError('ANNUAL_REPORT_NO_WORKFLOW', '该报告没有审批流程', 400);
    if (action === 'submit' && hasUnwritten(r.content)) throw new AppError('ANNUAL_REPORT_INCOMPLETE', `报告中仍有“${TO_BE_WRITTEN}”的内容，请补写后再提交审核`, 400);
    const instance = (await loadInstance(tx, r.workflowInstanceId))!;
    const result = await fireTransition(tx, auth, { instanceId: instance.id, transition: action, version: instance.version, data: input.data });
    const state = result.instance.state as ReportState;
    const publish = state === 'published';
    const [updated] = await tx
      .update(annualReports)
      .set({ status: state, version: r.version + 1, updatedAt: new Date(), ...(publish ? { publishedAt: new Date(), publishedBy: auth.user.id } : {}) })
      .where(and(eq(annualReports.id, r.id), eq(annualReports.version, r.version)))
      .returning();
    if (!updated) throw conflict('该报告已被他人修改，请刷新后重试');
  });
}

export async function voidReport(db: Db, auth: AuthContext, id: string, input: z.infer<typeof voidInput>) {
  return db.transaction(async (tx) => {
    const r = await loadReport(tx, auth, id, PERM.edit);
    checkVersion(r, input.version);
    if (r.status === 'published') throw new AppError('ANNUAL_REPORT_PUBLISHED', '已公开的报告不能作废', 400);
    await tx.update(annualReports).set({ voidedAt: new Date(), voidedBy: auth.user.id, voidReason: input.reason, version: r.version + 1 }).where(eq(annualReports.id, r.id));
    if (r.workflowInstanceId) await voidInstance(tx, auth.actor, r.workflowInstanceId, input.reason);
    await recordAudit(tx, auth.actor, { action: 'annualReport.void', entityType: ENTITY_TYPE, entityId: r.id, summary: `作废${r.title}：${input.reason}`, before: { status: r.status }, after: { voided: true, reason: input.reason } });
  });
}

/** What the outputs need (docx, PDF, HTML), for a report the caller may read. */
export async function renderable(db: DbOrTx, auth: AuthContext, id: string, opts: { refresh?: boolean } = {}) {
  const r = await loadReport(db, auth, id);
  const org = (await getOrg(db, r.orgId))!;
  // A preview with the records as they are now (nothing saved): the figures are recomputed, the prose is the saved one.
  const figures = opts.refresh ? await computeFigures(db, org, r.year, tokenKeys(r.content)) : r.figures;
  return { title: r.title, orgName: org.name, date: r.publishedAt ? todayInChina(r.publishedAt) : todayInChina(), content: r.content, figures, year: r.year };
}

// ── public ────────────────────────────────────────────────────────────────────────────────────────────

export async function publicReports(db: DbOrTx, q: { region?: string; year?: number }) {
  const conds: SQL[] = [isNull(annualReports.voidedAt), eq(annualReports.status, 'published')];
  if (q.region) conds.push(sql`${annualReports.regionCode} like ${q.region + '%'}`);
  if (q.year) conds.push(eq(annualReports.year, q.year));
  const rows = await db
    .select({ id: annualReports.id, year: annualReports.year, title: annualReports.title, orgName: orgs.name, regionCode: annualReports.regionCode, publishedAt: annualReports.publishedAt })
    .from(annualReports)
    .innerJoin(orgs, eq(orgs.id, annualReports.orgId))
    .where(and(...conds))
    .orderBy(desc(annualReports.year), asc(orgs.name))
    .limit(200);
  return { items: rows.map((r) => ({ ...r, publishedAt: r.publishedAt?.toISOString() ?? null })) };
}

export async function publicRenderable(db: DbOrTx, id: string) {
  const [r] = await db
    .select({ r: annualReports, orgName: orgs.name })
    .from(annualReports)
    .innerJoin(orgs, eq(orgs.id, annualReports.orgId))
    .where(and(eq(annualReports.id, id), isNull(annualReports.voidedAt), eq(annualReports.status, 'published')));
  if (!r) throw notFound('年度报告');
  return { title: r.r.title, orgName: r.orgName, date: todayInChina(r.r.publishedAt!), content: r.r.content, figures: r.r.figures, year: r.r.year, publishedAt: r.r.publishedAt!.toISOString() };
}

// ── 报告素材 ──────────────────────────────────────────────────────────────────────────────────────────

export async function listInputs(db: DbOrTx, auth: AuthContext, f: z.infer<typeof inputListFilter>) {
  const conds: SQL[] = [isNull(annualReportInputs.voidedAt), scopeCondition(auth, PERM.read, { orgId: annualReportInputs.orgId })];
  if (f.year) conds.push(eq(annualReportInputs.year, f.year));
  if (f.category) conds.push(eq(annualReportInputs.category, f.category));
  if (f.org) {
    const org = await resolveOrg(db, auth.rootPath, f.org);
    if (!org) throw notFound('机构');
    conds.push(eq(annualReportInputs.orgId, org.id));
  }
  if (f.q) conds.push(sql`(${annualReportInputs.title} like ${'%' + f.q + '%'} or ${annualReportInputs.content} like ${'%' + f.q + '%'})`);
  const where = and(...conds);
  const [{ n }] = await db.select({ n: count() }).from(annualReportInputs).where(where);
  const rows = await db
    .select({ i: annualReportInputs, orgName: orgs.name, createdByName: users.displayName })
    .from(annualReportInputs)
    .innerJoin(orgs, eq(orgs.id, annualReportInputs.orgId))
    .leftJoin(users, eq(users.id, annualReportInputs.createdBy))
    .where(where)
    .orderBy(desc(annualReportInputs.year), asc(annualReportInputs.category), desc(annualReportInputs.createdAt))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  return {
    items: rows.map(({ i, orgName, createdByName }) => ({
      id: i.id, year: i.year, category: i.category, categoryLabel: INPUT_CATEGORIES[i.category as InputCategory]?.label ?? i.category, module: i.module, title: i.title, content: i.content,
      occurredOn: i.occurredOn, source: i.source, orgName, createdByName, createdAt: i.createdAt.toISOString(), updatedAt: i.updatedAt.toISOString(), version: i.version,
    })),
    total: Number(n),
    page: f.page,
    pageSize: f.pageSize,
  };
}

export async function createInput(db: Db, auth: AuthContext, input: z.infer<typeof inputBody>) {
  const org = await reportOrg(db, auth, input.org, PERM.inputs);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(annualReportInputs)
      .values({ orgId: org.id, regionCode: org.regionCode, createdBy: auth.user.id, year: input.year, category: input.category, module: input.module || null, title: input.title, content: input.content, occurredOn: input.occurredOn || null, source: input.source || null })
      .returning();
    await recordAudit(tx, auth.actor, { action: 'annualReport.input.create', entityType: INPUT_ENTITY_TYPE, entityId: row.id, summary: `登记报告素材（${INPUT_CATEGORIES[input.category].label}）：${input.title}`, after: row });
    return { id: row.id };
  });
}

async function loadInput(tx: DbOrTx, auth: AuthContext, id: string) {
  const [row] = await tx.select().from(annualReportInputs).where(and(eq(annualReportInputs.id, id), isNull(annualReportInputs.voidedAt), scopeCondition(auth, PERM.inputs, { orgId: annualReportInputs.orgId })));
  if (!row) throw notFound('报告素材');
  return row;
}

export async function updateInput(db: Db, auth: AuthContext, id: string, input: z.infer<typeof inputUpdate>) {
  return db.transaction(async (tx) => {
    const before = await loadInput(tx, auth, id);
    if (before.version !== input.version) throw conflict();
    const [after] = await tx
      .update(annualReportInputs)
      .set({ year: input.year, category: input.category, module: input.module || null, title: input.title, content: input.content, occurredOn: input.occurredOn || null, source: input.source || null, version: before.version + 1, updatedAt: new Date() })
      .where(and(eq(annualReportInputs.id, id), eq(annualReportInputs.version, input.version)))
      .returning();
    if (!after) throw conflict();
    await recordAudit(tx, auth.actor, { action: 'annualReport.input.update', entityType: INPUT_ENTITY_TYPE, entityId: id, summary: `修改报告素材：${after.title}`, before, after });
  });
}

export async function voidInputRow(db: Db, auth: AuthContext, id: string, input: z.infer<typeof voidInput>) {
  return db.transaction(async (tx) => {
    const before = await loadInput(tx, auth, id);
    if (before.version !== input.version) throw conflict();
    await tx.update(annualReportInputs).set({ voidedAt: new Date(), voidedBy: auth.user.id, voidReason: input.reason, version: before.version + 1 }).where(eq(annualReportInputs.id, id));
    await recordAudit(tx, auth.actor, { action: 'annualReport.input.void', entityType: INPUT_ENTITY_TYPE, entityId: id, summary: `作废报告素材：${before.title}：${input.reason}`, before, after: { voided: true, reason: input.reason } });
  });
}
