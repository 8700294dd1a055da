/**
 * 备案审查 (DOMAIN.md §3): 规范性文件 filed with the 司法局 by county departments and townships. Timeliness:
 * due 公布 + N days (the local 备案 period of the register, default 30 — FILING_CITE), a last day on a 法定休假日
 * rolled to the next working day (民法典 第二百零三条); a late filing is kept and flagged with its days late.
 * The 司法局 reviews (合法 / 不合法 / 不适当); 不合法 or 不适当 issues a numbered 纠错通知书 with a correction
 * deadline, and the filer answers (已纠正 / 自行废止) with evidence; after the deadline the 司法局 may record 未纠正.
 */
import { and, asc, desc, eq, ilike, isNull, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { rowsOf, type Db, type DbOrTx } from '../../../platform/db/client';
import { AppError, forbidden, invalid, notFound } from '../../../platform/errors';
import { recordAudit } from '../../../platform/audit/service';
import type { AuthContext } from '../../../platform/auth/context';
import { orgInScope, scopeCondition } from '../../../platform/auth/scope';
import { getOrg, resolveOrg, type Org } from '../../../platform/orgs/service';
import { orgs } from '../../../platform/orgs/schema';
import { addDays, countDays, todayInChina } from '../../../platform/calendar/service';
import { createInstrument } from '../../../platform/instruments/service';
import { readFileFor } from '../../../platform/files/service';
import { filingDueDate, getDocRules } from '../documents';
import { defaultDocRules, FILING_CITE } from '../terms';
import { normativeDocFilings, type NormativeDocFiling } from '../schema-oversight';
import { correctionResults, DEFAULT_CORRECTION_DAYS, FILING_ENTITY, filingStates, OPERM, reviewResults, type CorrectionResult, type FilingState, type ReviewResult } from './terms';
import { CORRECTION_NOTICE } from './instruments';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const live = isNull(normativeDocFilings.voidedAt);
const scopeCols = { orgId: normativeDocFilings.orgId, createdBy: normativeDocFilings.createdBy };

/** The 司法局 that reviews: the caller's own bureau (an ancestor of its org), else the one in its tree. */
export async function reviewingBureau(db: DbOrTx, auth: AuthContext): Promise<Org> {
  const rows = await db
    .select()
    .from(orgs)
    .where(and(eq(orgs.type, 'justiceBureau'), isNull(orgs.voidedAt), sql`${orgs.path} like ${auth.rootPath + '%'}`))
    .orderBy(sql`case when ${auth.orgPath} like ${orgs.path} || '%' then 0 else 1 end`, asc(orgs.path))
    .limit(1);
  if (!rows[0]) throw new AppError('BUREAU_MISSING', '未找到本级司法行政机关，请先在组织机构中设置', 400);
  return rows[0];
}

/** Files the caller may read, for evidence lists (each must exist and be readable). */
export async function checkFiles(db: DbOrTx, auth: AuthContext, ids: string[]) {
  for (const id of ids) await readFileFor(db, auth, id);
}

/** 备案 timeliness: due date, late flag and calendar days late (start day not counted, 民法典 第二百零一条). */
export function filingTimeliness(publishedDate: string, submittedDate: string, filingDays: number) {
  const dueDate = filingDueDate(publishedDate, { ...defaultDocRules, filingDays });
  const daysLate = countDays(dueDate, submittedDate, 'calendarDay');
  return { dueDate, late: daysLate > 0, daysLate };
}

// ── 报送 ───────────────────────────────────────────────────────────────────────────────────────────────

export const filingInput = z.object({
  title: z.string().trim().min(4, '请填写文件标题（至少4个字）').max(200),
  docNumber: z.string().trim().min(2, '请填写发文字号').max(100),
  publishedDate: isoDate,
  submittedDate: isoDate.optional(),
  body: z.string().max(200_000).default(''),
  /** 报送机关 (id, name or code); default the caller's org. */
  filerOrg: z.string().trim().max(100).optional(),
});

async function nextSerial(tx: DbOrTx, regionCode: string, year: number) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${'normativeDoc.filingSerial'}))`);
  const prefix = `${regionCode.slice(0, 6)}BA${year}-`;
  const [r] = rowsOf<{ n: number }>(await tx.execute(sql`select coalesce(max(cast(substr(serial_number, ${prefix.length + 1}) as int)), 0)::int as n from normative_doc_filings where serial_number like ${prefix + '%'}`));
  return `${prefix}${String(Number(r?.n ?? 0) + 1).padStart(4, '0')}`;
}

export async function submitFiling(db: Db, auth: AuthContext, raw: z.input<typeof filingInput>) {
  const input = filingInput.parse(raw);
  const org = input.filerOrg ? await resolveOrg(db, auth.rootPath, input.filerOrg) : await getOrg(db, auth.user.orgId);
  if (!org || !orgInScope(auth, OPERM.filingSubmit, org)) throw invalid('报送机关不存在或不在您的管理范围内', { fields: [{ path: 'filerOrg', message: '报送机关不存在或不在您的管理范围内' }] });
  const today = todayInChina();
  const submitted = input.submittedDate ?? today;
  if (submitted > today) throw invalid('报送日期不能晚于今天', { fields: [{ path: 'submittedDate', message: '报送日期不能晚于今天' }] });
  if (submitted < input.publishedDate) throw invalid('报送日期不能早于公布日期', { fields: [{ path: 'submittedDate', message: '报送日期不能早于公布日期' }] });
  const rules = await getDocRules(db);
  const t = filingTimeliness(input.publishedDate, submitted, rules.filingDays);
  return db.transaction(async (tx) => {
    const serialNumber = await nextSerial(tx, org.regionCode, Number(submitted.slice(0, 4)));
    const [row] = await tx
      .insert(normativeDocFilings)
      .values({
        orgId: org.id, regionCode: org.regionCode, createdBy: auth.user.id, serialNumber, filerName: org.name, title: input.title, docNumber: input.docNumber, body: input.body,
        publishedDate: input.publishedDate, submittedDate: submitted, dueDate: t.dueDate, late: t.late, daysLate: t.daysLate, state: 'pending',
      })
      .returning();
    await recordAudit(tx, auth.actor, { action: 'normativeDoc.filing.submit', entityType: FILING_ENTITY, entityId: row.id, summary: `${org.name}报送备案《${row.title}》${t.late ? `（逾期${t.daysLate}日）` : ''}`, after: row });
    return row;
  });
}

// ── 审查 and 纠错 ─────────────────────────────────────────────────────────────────────────────────────

export async function filingInScope(db: DbOrTx, auth: AuthContext, id: string): Promise<NormativeDocFiling> {
  if (!z.uuid().safeParse(id).success) throw notFound('备案文件');
  const [row] = await db.select().from(normativeDocFilings).where(and(eq(normativeDocFilings.id, id), live, scopeCondition(auth, OPERM.filingRead, scopeCols)));
  if (!row) throw notFound('备案文件');
  return row;
}

function checkVersion(row: { version: number }, version: number) {
  if (row.version !== version) throw new AppError('CONFLICT', '该备案已被他人办理（数据版本已变化），请刷新后重试', 409, { currentVersion: row.version });
}

export const reviewInput = z.object({
  version: z.number().int(),
  result: z.enum(Object.keys(reviewResults) as [ReviewResult], { message: '请选择审查结论：合法、不合法或不适当' }),
  reasons: z.string().trim().max(5000).default(''),
  date: isoDate.optional(),
  /** 纠错 period in days (local; default 30). */
  correctionDays: z.number().int().min(1, '纠正期限至少1日').max(180, '纠正期限不超过180日').optional(),
});

export async function reviewFiling(db: Db, auth: AuthContext, id: string, raw: z.input<typeof reviewInput>) {
  const input = reviewInput.parse(raw);
  if (!auth.permissions.has(OPERM.filingReview)) throw forbidden('无权审查备案文件');
  if (input.result !== 'lawful' && input.reasons.length < 4) throw invalid('审查结论为不合法或不适当的，请写明理由和依据', { fields: [{ path: 'reasons', message: '请写明不合法或不适当的理由和依据' }] });
  return db.transaction(async (tx) => {
    const f = await filingInScope(tx, auth, id);
    checkVersion(f, input.version);
    const org = await getOrg(tx, f.orgId);
    if (!org || !orgInScope(auth, OPERM.filingReview, org)) throw forbidden('无权审查该机关报送的备案文件');
    if (f.state !== 'pending') throw new AppError('FILING_STATE', `该备案当前状态为「${filingStates[f.state as FilingState]}」，不能再次审查`, 400);
    const date = input.date ?? todayInChina();
    if (date > todayInChina()) throw invalid('审查日期不能晚于今天', { fields: [{ path: 'date', message: '审查日期不能晚于今天' }] });
    if (date < f.submittedDate) throw invalid('审查日期不能早于报送日期', { fields: [{ path: 'date', message: '审查日期不能早于报送日期' }] });
    const set: Partial<NormativeDocFiling> = { reviewResult: input.result, reviewReasons: input.reasons || null, reviewDate: date, reviewerName: auth.user.displayName, state: input.result === 'lawful' ? 'filed' : 'correcting' };
    if (input.result !== 'lawful') {
      const bureau = await reviewingBureau(tx, auth);
      set.correctionDeadline = addDays(date, input.correctionDays ?? DEFAULT_CORRECTION_DAYS, 'calendarDay').date;
      const notice = await createInstrument(tx, auth.actor, {
        orgId: f.orgId, regionCode: f.regionCode, issuerOrgId: bureau.id, type: CORRECTION_NOTICE, date, entityType: FILING_ENTITY, entityId: f.id,
        fields: { filerName: f.filerName, title: f.title, docNumber: f.docNumber, submittedDate: f.submittedDate, resultLabel: reviewResults[input.result], reasons: input.reasons, deadline: set.correctionDeadline },
      });
      set.noticeInstrumentId = notice.id;
      set.noticeNumber = notice.number;
    }
    const [row] = await tx.update(normativeDocFilings).set({ ...set, version: f.version + 1, updatedAt: new Date() }).where(eq(normativeDocFilings.id, f.id)).returning();
    await recordAudit(tx, auth.actor, { action: 'normativeDoc.filing.review', entityType: FILING_ENTITY, entityId: f.id, summary: `审查备案文件《${f.title}》：${reviewResults[input.result]}${row.noticeNumber ? `，出具纠错通知书 ${row.noticeNumber}` : ''}`, before: { state: f.state }, after: { state: row.state, reviewResult: row.reviewResult, noticeNumber: row.noticeNumber, correctionDeadline: row.correctionDeadline } });
    return row;
  });
}

export const correctionInput = z.object({
  version: z.number().int(),
  result: z.enum(Object.keys(correctionResults) as [CorrectionResult], { message: '请选择纠正结果' }),
  note: z.string().trim().max(5000).default(''),
  date: isoDate.optional(),
  fileIds: z.array(z.uuid()).max(20).default([]),
});

/**
 * The answer to a 纠错通知: the filer (or the 司法局 on its behalf) records 已纠正 / 自行废止 with evidence; only the
 * 司法局 records 未纠正, and only after the correction deadline has passed.
 */
export async function recordCorrection(db: Db, auth: AuthContext, id: string, raw: z.input<typeof correctionInput>) {
  const input = correctionInput.parse(raw);
  return db.transaction(async (tx) => {
    const f = await filingInScope(tx, auth, id);
    checkVersion(f, input.version);
    const org = (await getOrg(tx, f.orgId))!;
    const reviewer = auth.permissions.has(OPERM.filingReview) && orgInScope(auth, OPERM.filingReview, org);
    const filer = auth.permissions.has(OPERM.filingSubmit) && orgInScope(auth, OPERM.filingSubmit, org);
    if (f.state !== 'correcting') throw new AppError('FILING_STATE', `该备案当前状态为「${filingStates[f.state as FilingState]}」，无需反馈纠正情况`, 400);
    const date = input.date ?? todayInChina();
    if (date < (f.reviewDate ?? f.submittedDate)) throw invalid('纠正日期不能早于纠错通知日期', { fields: [{ path: 'date', message: '纠正日期不能早于纠错通知日期' }] });
    if (date > todayInChina()) throw invalid('日期不能晚于今天', { fields: [{ path: 'date', message: '日期不能晚于今天' }] });
    if (input.result === 'notCorrected') {
      if (!reviewer) throw forbidden('“未纠正”由备案审查机关登记');
      if (date <= f.correctionDeadline!) throw new AppError('FILING_CORRECTION_NOT_DUE', `纠正期限至${f.correctionDeadline}，期限届满后才能登记为未纠正`, 400, { correctionDeadline: f.correctionDeadline });
    } else {
      if (!reviewer && !filer) throw forbidden('无权反馈该文件的纠正情况');
      if (input.note.length < 2) throw invalid('请说明纠正情况（如修改后的条款、废止文件的文号）', { fields: [{ path: 'note', message: '请说明纠正情况' }] });
    }
    await checkFiles(tx, auth, input.fileIds);
    const [row] = await tx
      .update(normativeDocFilings)
      .set({ state: 'closed', correctionResult: input.result, correctionNote: input.note || null, correctionDate: date, evidenceFileIds: input.fileIds, version: f.version + 1, updatedAt: new Date() })
      .where(eq(normativeDocFilings.id, f.id))
      .returning();
    await recordAudit(tx, auth.actor, { action: 'normativeDoc.filing.correction', entityType: FILING_ENTITY, entityId: f.id, summary: `《${f.title}》纠错结果：${correctionResults[input.result]}`, before: { state: f.state }, after: { state: 'closed', correctionResult: input.result, note: input.note, fileIds: input.fileIds } });
    return row;
  });
}

// ── reading ────────────────────────────────────────────────────────────────────────────────────────────

export const filingListFilter = z.object({
  q: z.string().trim().max(100).optional(),
  state: z.enum(Object.keys(filingStates) as [FilingState]).optional(),
  late: z.enum(['true', 'false']).optional(),
  reviewResult: z.enum(Object.keys(reviewResults) as [ReviewResult]).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(1000).default(20),
});

export const presentFiling = (f: NormativeDocFiling) => {
  const { body: _b, ...rest } = f;
  return {
    ...rest,
    stateLabel: filingStates[f.state as FilingState] ?? f.state,
    reviewResultLabel: f.reviewResult ? reviewResults[f.reviewResult as ReviewResult] : null,
    correctionResultLabel: f.correctionResult ? correctionResults[f.correctionResult as CorrectionResult] : null,
    overdue: f.state === 'correcting' && !!f.correctionDeadline && f.correctionDeadline < todayInChina(),
  };
};

export async function listFilings(db: DbOrTx, auth: AuthContext, raw: z.input<typeof filingListFilter>) {
  const f = filingListFilter.parse(raw);
  const q = f.q?.replace(/[%_\\]/g, '');
  const cond: SQL | undefined = and(
    live,
    scopeCondition(auth, OPERM.filingRead, scopeCols),
    f.state ? eq(normativeDocFilings.state, f.state) : undefined,
    f.late ? eq(normativeDocFilings.late, f.late === 'true') : undefined,
    f.reviewResult ? eq(normativeDocFilings.reviewResult, f.reviewResult) : undefined,
    f.year ? sql`extract(year from ${normativeDocFilings.submittedDate}) = ${f.year}` : undefined,
    q ? or(ilike(normativeDocFilings.title, `%${q}%`), ilike(normativeDocFilings.docNumber, `%${q}%`), ilike(normativeDocFilings.filerName, `%${q}%`), ilike(normativeDocFilings.serialNumber, `%${q}%`)) : undefined,
  );
  const [{ total }] = await db.select({ total: sql<number>`count(*)::int` }).from(normativeDocFilings).where(cond);
  const rows = await db.select().from(normativeDocFilings).where(cond).orderBy(desc(normativeDocFilings.submittedDate), desc(normativeDocFilings.serialNumber)).limit(f.pageSize).offset((f.page - 1) * f.pageSize);
  return { total: Number(total), page: f.page, pageSize: f.pageSize, items: rows.map(presentFiling) };
}

export async function filingDetail(db: DbOrTx, auth: AuthContext, id: string) {
  const f = await filingInScope(db, auth, id);
  return { ...presentFiling(f), body: f.body, cite: FILING_CITE };
}
