/**
 * 重大行政决策 (重大行政决策程序暂行条例; DOMAIN.md §3): the yearly 目录 (published after the 同级党委 agrees,
 * 第三条第三款) and each decision's procedure, step by step in the order of `decisionSteps`, each step done with its
 * evidence or — when optional — skipped with the reason. The rules are checked here, once.
 */
import { and, asc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, DbOrTx } from '../../../platform/db/client';
import { AppError, forbidden, invalid, notFound } from '../../../platform/errors';
import { recordAudit } from '../../../platform/audit/service';
import type { AuthContext } from '../../../platform/auth/context';
import { orgInScope, scopeCondition } from '../../../platform/auth/scope';
import { getOrg, resolveOrg } from '../../../platform/orgs/service';
import { orgs } from '../../../platform/orgs/schema';
import { countDays, todayInChina } from '../../../platform/calendar/service';
import { files } from '../../../platform/files/schema';
import { majorDecisionCatalogs, majorDecisions, majorDecisionSteps, type MajorDecision, type MajorDecisionStep } from '../schema-oversight';
import { checkFiles } from './filings';
import { DECISION_ENTITY, decisionReviewResults, decisionStepOrder, decisionSteps, MIN_COMMENT_DAYS, MIN_LEGALITY_REVIEW_WORKING_DAYS, OPERM, type DecisionStep } from './terms';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const scopeCols = { orgId: majorDecisions.orgId, createdBy: majorDecisions.createdBy };
const live = isNull(majorDecisions.voidedAt);

async function decisionOrg(db: DbOrTx, auth: AuthContext, ref?: string) {
  const org = ref ? await resolveOrg(db, auth.rootPath, ref) : (await db.select().from(orgs).where(eq(orgs.path, auth.rootPath)))[0];
  if (!org || !auth.permissions.has(OPERM.decisionManage) || !orgInScope(auth, OPERM.decisionManage, org)) throw invalid('决策机关不存在或不在您的管理范围内', { fields: [{ path: 'org', message: '决策机关不存在或不在您的管理范围内' }] });
  return org;
}

// ── 目录 ───────────────────────────────────────────────────────────────────────────────────────────────

export const decisionInput = z.object({
  year: z.number().int().min(2000, '年度不正确').max(2100, '年度不正确'),
  title: z.string().trim().min(4, '请填写决策事项（至少4个字）').max(200),
  hostUnit: z.string().trim().min(2, '请填写承办单位').max(100),
  plannedDate: isoDate,
  /** 决策机关 (id, name or code); default the government at the root of the caller's tree. */
  org: z.string().trim().max(100).optional(),
});

export async function createDecision(db: Db, auth: AuthContext, raw: z.input<typeof decisionInput>) {
  const input = decisionInput.parse(raw);
  const org = await decisionOrg(db, auth, input.org);
  if (Number(input.plannedDate.slice(0, 4)) < input.year) throw invalid('计划完成时间不能早于目录年度', { fields: [{ path: 'plannedDate', message: '计划完成时间不能早于目录年度' }] });
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(majorDecisions).values({ orgId: org.id, regionCode: org.regionCode, createdBy: auth.user.id, year: input.year, title: input.title, hostUnit: input.hostUnit, plannedDate: input.plannedDate }).returning();
    await recordAudit(tx, auth.actor, { action: 'majorDecision.create', entityType: DECISION_ENTITY, entityId: row.id, summary: `列入${input.year}年重大行政决策目录：${row.title}`, after: row });
    return row;
  });
}

export const publishCatalogInput = z.object({
  year: z.number().int().min(2000).max(2100),
  /** 同级党委同意的日期 (第三条第三款). */
  approvedDate: isoDate,
  publishedDate: isoDate,
  org: z.string().trim().max(100).optional(),
});

/** 第三条第三款: 决策事项目录 经同级党委同意后向社会公布. */
export async function publishCatalog(db: Db, auth: AuthContext, raw: z.input<typeof publishCatalogInput>) {
  const input = publishCatalogInput.parse(raw);
  const org = await decisionOrg(db, auth, input.org);
  if (input.publishedDate < input.approvedDate) throw invalid('目录须经同级党委同意后公布：公布日期不能早于党委同意日期（重大行政决策程序暂行条例 第三条第三款）', { fields: [{ path: 'publishedDate', message: '公布日期不能早于党委同意日期' }] });
  return db.transaction(async (tx) => {
    const [{ n }] = await tx.select({ n: sql<number>`count(*)::int` }).from(majorDecisions).where(and(live, eq(majorDecisions.orgId, org.id), eq(majorDecisions.year, input.year)));
    if (!Number(n)) throw new AppError('MAJOR_DECISION_CATALOG_EMPTY', `${input.year}年目录中还没有决策事项`, 400);
    const [row] = await tx
      .insert(majorDecisionCatalogs)
      .values({ orgId: org.id, regionCode: org.regionCode, createdBy: auth.user.id, year: input.year, approvedDate: input.approvedDate, publishedDate: input.publishedDate })
      .onConflictDoUpdate({ target: [majorDecisionCatalogs.orgId, majorDecisionCatalogs.year], set: { approvedDate: input.approvedDate, publishedDate: input.publishedDate, updatedAt: new Date(), version: sql`${majorDecisionCatalogs.version} + 1` } })
      .returning();
    await recordAudit(tx, auth.actor, { action: 'majorDecision.catalog.publish', entityType: DECISION_ENTITY, entityId: row.id, summary: `公布${org.name}${input.year}年重大行政决策事项目录`, after: row });
    return row;
  });
}

// ── steps ──────────────────────────────────────────────────────────────────────────────────────────────

export const stepInput = z.object({
  version: z.number().int(),
  step: z.enum(decisionStepOrder as [DecisionStep], { message: '请选择决策程序环节' }),
  skipped: z.boolean().default(false),
  date: isoDate,
  startDate: isoDate.optional(),
  endDate: isoDate.optional(),
  result: z.string().max(32).optional(),
  note: z.string().trim().max(5000).default(''),
  fileIds: z.array(z.uuid()).max(20).default([]),
});

const fail = (code: string, message: string, path?: string) => new AppError(code, message, 400, path ? { fields: [{ path, message }] } : undefined);

/** The rules of one step against the steps already recorded (重大行政决策程序暂行条例). Returns warnings. */
export function checkStep(input: z.output<typeof stepInput>, recorded: Pick<MajorDecisionStep, 'step' | 'skipped' | 'result' | 'date'>[]): string[] {
  const def = decisionSteps[input.step];
  const warnings: string[] = [];
  const byStep = new Map(recorded.map((r) => [r.step, r]));
  if (byStep.has(input.step)) throw new AppError('MAJOR_DECISION_STEP_DONE', `「${def.label}」已登记`, 409);
  if (input.skipped) {
    if (!def.optional) throw fail('MAJOR_DECISION_STEP_REQUIRED', `「${def.label}」是必经程序，不能跳过（${def.cite}）`, 'skipped');
    if (input.note.length < 4) throw fail('MAJOR_DECISION_SKIP_REASON', `不开展「${def.label}」的，请说明理由`, 'note');
  }
  const at = decisionStepOrder.indexOf(input.step);
  // 第二十五条: 决策草案未经合法性审查的，不得提交决策机关讨论.
  if (at > decisionStepOrder.indexOf('legalityReview') && !byStep.has('legalityReview')) throw fail('MAJOR_DECISION_NO_LEGALITY_REVIEW', '决策草案未经合法性审查的，不得提交决策机关讨论（重大行政决策程序暂行条例 第二十五条）');
  // Steps go in order: every earlier step recorded (done, or skipped with its reason).
  for (const earlier of decisionStepOrder.slice(0, at)) {
    if (!byStep.has(earlier)) {
      throw fail('MAJOR_DECISION_STEP_ORDER', `请先登记「${decisionSteps[earlier].label}」（完成或说明不开展的理由），再登记「${def.label}」`);
    }
    const prev = byStep.get(earlier)!;
    if (prev.date > input.date) throw fail('MAJOR_DECISION_STEP_DATE', `「${def.label}」日期不能早于「${decisionSteps[earlier].label}」（${prev.date}）`, 'date');
  }
  if (input.step === 'collectiveDiscussion' && byStep.get('legalityReview')?.result === 'unlawful') {
    throw fail('MAJOR_DECISION_UNLAWFUL', '决策草案经合法性审查不合法的，不得提交决策机关讨论（重大行政决策程序暂行条例 第二十五条）');
  }
  if (input.skipped) return warnings;
  if (input.step === 'publicParticipation') {
    if (!input.startDate || !input.endDate) throw fail('MAJOR_DECISION_COMMENT_PERIOD', '请填写公开征求意见的起止日期', 'startDate');
    if (input.endDate < input.startDate) throw fail('MAJOR_DECISION_COMMENT_PERIOD', '征求意见截止日期不能早于开始日期', 'endDate');
    // 第十五条: 公开征求意见的期限一般不少于30日；因情况紧急等原因需要缩短期限的，公开征求意见时应当予以说明.
    const days = countDays(input.startDate, input.endDate, 'calendarDay');
    if (days < MIN_COMMENT_DAYS && input.note.length < 4) throw fail('MAJOR_DECISION_COMMENT_PERIOD', `公开征求意见期限为${days}日，少于${MIN_COMMENT_DAYS}日；因情况紧急等原因缩短期限的，请说明理由（重大行政决策程序暂行条例 第十五条）`, 'endDate');
    if (days < MIN_COMMENT_DAYS) warnings.push(`征求意见期限${days}日，已说明缩短理由`);
    if (input.date < input.endDate) throw fail('MAJOR_DECISION_COMMENT_PERIOD', '公众参与应在征求意见期限届满后登记完成', 'date');
  }
  if (input.step === 'legalityReview') {
    if (!input.result || !(input.result in decisionReviewResults)) throw fail('MAJOR_DECISION_REVIEW_RESULT', '请选择合法性审查意见：合法、修改后合法或不合法', 'result');
    // 第二十六条: 提交合法性审查的时间一般不少于7个工作日 (一般: a warning, not a refusal).
    if (input.startDate) {
      const wd = countDays(input.startDate, input.date, 'workingDay');
      if (wd < MIN_LEGALITY_REVIEW_WORKING_DAYS) warnings.push(`送审至出具意见仅${wd}个工作日，少于一般不少于${MIN_LEGALITY_REVIEW_WORKING_DAYS}个工作日的要求（第二十六条）`);
    }
  }
  return warnings;
}

export async function decisionInScope(db: DbOrTx, auth: AuthContext, id: string): Promise<MajorDecision> {
  if (!z.uuid().safeParse(id).success) throw notFound('重大行政决策事项');
  const [row] = await db.select().from(majorDecisions).where(and(eq(majorDecisions.id, id), live, scopeCondition(auth, OPERM.decisionRead, scopeCols)));
  if (!row) throw notFound('重大行政决策事项');
  return row;
}

export async function recordStep(db: Db, auth: AuthContext, id: string, raw: z.input<typeof stepInput>) {
  const input = stepInput.parse(raw);
  if (input.date > todayInChina()) throw fail('MAJOR_DECISION_STEP_DATE', '日期不能晚于今天', 'date');
  return db.transaction(async (tx) => {
    const d = await decisionInScope(tx, auth, id);
    const org = await getOrg(tx, d.orgId);
    if (!org || !auth.permissions.has(OPERM.decisionManage) || !orgInScope(auth, OPERM.decisionManage, org)) throw forbidden('无权登记该决策事项的程序');
    if (d.version !== input.version) throw new AppError('CONFLICT', '该决策事项已被他人修改，请刷新后重试', 409);
    const recorded = await tx.select().from(majorDecisionSteps).where(eq(majorDecisionSteps.decisionId, d.id));
    const warnings = checkStep(input, recorded);
    await checkFiles(tx, auth, input.fileIds);
    const [step] = await tx
      .insert(majorDecisionSteps)
      .values({ decisionId: d.id, step: input.step, skipped: input.skipped, date: input.date, startDate: input.startDate ?? null, endDate: input.endDate ?? null, result: input.result ?? null, note: input.note || null, fileIds: input.fileIds, recordedBy: auth.user.id })
      .returning();
    await tx.update(majorDecisions).set({ currentStep: input.step, version: d.version + 1, updatedAt: new Date() }).where(eq(majorDecisions.id, d.id));
    await recordAudit(tx, auth.actor, { action: 'majorDecision.step', entityType: DECISION_ENTITY, entityId: d.id, summary: `重大行政决策「${d.title}」：${decisionSteps[input.step].label}${input.skipped ? '（不开展）' : ''}`, after: step });
    return { step, warnings };
  });
}

// ── reading ────────────────────────────────────────────────────────────────────────────────────────────

const progressOf = (steps: Pick<MajorDecisionStep, 'step'>[]) => {
  const done = new Set(steps.map((s) => s.step));
  const required = decisionStepOrder.filter((s) => s !== 'postEvaluation');
  return { done: required.filter((s) => done.has(s)).length, total: required.length };
};

export const currentStepLabel = (step: string | null) => (step ? `已完成：${decisionSteps[step as DecisionStep]?.label ?? step}` : '未启动');

export const decisionListFilter = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional(), q: z.string().trim().max(100).optional(), page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(1000).default(20) });

export async function listDecisions(db: DbOrTx, auth: AuthContext, raw: z.input<typeof decisionListFilter>) {
  const f = decisionListFilter.parse(raw);
  const q = f.q?.replace(/[%_\\]/g, '');
  const cond = and(live, scopeCondition(auth, OPERM.decisionRead, scopeCols), f.year ? eq(majorDecisions.year, f.year) : undefined, q ? sql`(${majorDecisions.title} ilike ${'%' + q + '%'} or ${majorDecisions.hostUnit} ilike ${'%' + q + '%'})` : undefined);
  const [{ total }] = await db.select({ total: sql<number>`count(*)::int` }).from(majorDecisions).where(cond);
  const rows = await db.select().from(majorDecisions).where(cond).orderBy(asc(majorDecisions.year), asc(majorDecisions.plannedDate), asc(majorDecisions.id)).limit(f.pageSize).offset((f.page - 1) * f.pageSize);
  const steps = rows.length ? await db.select({ decisionId: majorDecisionSteps.decisionId, step: majorDecisionSteps.step }).from(majorDecisionSteps).where(inArray(majorDecisionSteps.decisionId, rows.map((r) => r.id))) : [];
  const catalogs = rows.length ? await db.select().from(majorDecisionCatalogs).where(and(isNull(majorDecisionCatalogs.voidedAt), inArray(majorDecisionCatalogs.orgId, [...new Set(rows.map((r) => r.orgId))]))) : [];
  return {
    total: Number(total), page: f.page, pageSize: f.pageSize,
    items: rows.map((r) => ({ ...r, currentStepLabel: currentStepLabel(r.currentStep), progress: progressOf(steps.filter((s) => s.decisionId === r.id)), catalogPublishedDate: catalogs.find((c) => c.orgId === r.orgId && c.year === r.year)?.publishedDate ?? null })),
  };
}

export async function decisionDetail(db: DbOrTx, auth: AuthContext, id: string) {
  const d = await decisionInScope(db, auth, id);
  const steps = await db.select().from(majorDecisionSteps).where(eq(majorDecisionSteps.decisionId, d.id));
  const fileIds = [...new Set(steps.flatMap((s) => s.fileIds))];
  const fileRows = fileIds.length ? await db.select({ id: files.id, name: files.name, size: files.size }).from(files).where(inArray(files.id, fileIds)) : [];
  const org = await getOrg(db, d.orgId);
  return {
    ...d, orgName: org?.name ?? '', currentStepLabel: currentStepLabel(d.currentStep), progress: progressOf(steps),
    canManage: auth.permissions.has(OPERM.decisionManage) && !!org && orgInScope(auth, OPERM.decisionManage, org),
    steps: decisionStepOrder.map((key) => {
      const s = steps.find((x) => x.step === key);
      return { key, label: decisionSteps[key].label, cite: decisionSteps[key].cite, optional: decisionSteps[key].optional, record: s ? { ...s, files: fileRows.filter((f) => s.fileIds.includes(f.id)), resultLabel: s.result ? (decisionReviewResults as Record<string, string>)[s.result] ?? s.result : null } : null };
    }),
  };
}

// ── public 目录 (no login) ──────────────────────────────────────────────────────────────────────────────

export const publicDecisionQuery = z.object({ year: z.coerce.number().int().min(2000, '年度不正确').max(2100, '年度不正确').optional() });

/** The published 目录 of a year (default the latest published): 决策事项, 承办单位, 计划完成时间, progress. */
export async function publicCatalog(db: DbOrTx, raw: z.input<typeof publicDecisionQuery>) {
  const f = publicDecisionQuery.parse(raw);
  const published = await db
    .select({ orgId: majorDecisionCatalogs.orgId, year: majorDecisionCatalogs.year, publishedDate: majorDecisionCatalogs.publishedDate, orgName: orgs.name })
    .from(majorDecisionCatalogs)
    .innerJoin(orgs, eq(orgs.id, majorDecisionCatalogs.orgId))
    .where(and(isNull(majorDecisionCatalogs.voidedAt), isNotNull(majorDecisionCatalogs.publishedDate), sql`${majorDecisionCatalogs.publishedDate} <= ${todayInChina()}`))
    .orderBy(asc(majorDecisionCatalogs.year));
  const years = [...new Set(published.map((c) => c.year))].sort((a, b) => b - a);
  const year = f.year ?? years[0];
  const catalogs = published.filter((c) => c.year === year);
  const items = [];
  for (const c of catalogs) {
    const rows = await db.select().from(majorDecisions).where(and(live, eq(majorDecisions.orgId, c.orgId), eq(majorDecisions.year, c.year))).orderBy(asc(majorDecisions.plannedDate), asc(majorDecisions.title));
    const steps = rows.length ? await db.select({ decisionId: majorDecisionSteps.decisionId, step: majorDecisionSteps.step, skipped: majorDecisionSteps.skipped }).from(majorDecisionSteps).where(inArray(majorDecisionSteps.decisionId, rows.map((r) => r.id))) : [];
    for (const r of rows) {
      const mine = steps.filter((s) => s.decisionId === r.id);
      items.push({ id: r.id, orgName: c.orgName, title: r.title, hostUnit: r.hostUnit, plannedDate: r.plannedDate, currentStepLabel: currentStepLabel(r.currentStep), progress: progressOf(mine), steps: mine.filter((s) => !s.skipped).map((s) => decisionSteps[s.step as DecisionStep]?.label ?? s.step) });
    }
  }
  return { years, year: year ?? null, publishedDate: catalogs[0]?.publishedDate ?? null, items };
}
