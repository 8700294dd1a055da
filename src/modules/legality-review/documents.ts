/**
 * 规范性文件 register (DOMAIN.md §3): 起草 → 征求意见 → 合法性审核 → 集体审议 → 公布 (统一登记号, 文件码) →
 * 备案 within the local period → 有效 until 有效期 → 清理 (保留/修改/废止/宣布失效). Each write is one
 * transaction with its audit entry; nothing is deleted (amendments keep the previous version).
 */
import { and, asc, desc, eq, gte, isNull, lt, lte, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { rowsOf, type Db, type DbOrTx, type Tx } from '../../platform/db/client';
import { AppError, forbidden, invalid, notFound } from '../../platform/errors';
import { recordAudit, type Actor } from '../../platform/audit/service';
import type { AuthContext } from '../../platform/auth/context';
import { orgInScope, scopeCondition } from '../../platform/auth/scope';
import { getOrg, resolveOrg } from '../../platform/orgs/service';
import { getSetting } from '../../platform/settings/service';
import { addDays, todayInChina } from '../../platform/calendar/service';
import { registerSearchTerms, searchVector, toTsQuery, tsMatch } from '../../platform/search/service';
import { normativeDocumentSearch } from './schema-search';
import { reviewsOfDocument } from './reviews';
import { normativeDocuments, normativeDocumentLookups, normativeDocumentVersions, type DocEvent, type NormativeDocument } from './schema';
import {
  cleanupOutcomes,
  defaultDocRules,
  DOC_ENTITY,
  FILING_CITE,
  isProvisionalTitle,
  PERM,
  searchWords,
  SETTINGS_KEY,
  stageOrder,
  stages,
  statuses,
  VALIDITY_CITE,
  type CleanupOutcome,
  type DocRules,
  type DocStatus,
  type Stage,
} from './terms';

registerSearchTerms(searchWords);

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const live = isNull(normativeDocuments.voidedAt);
const scopeCols = { orgId: normativeDocuments.orgId, createdBy: normativeDocuments.createdBy };

export const getDocRules = (db: DbOrTx) => getSetting<DocRules>(db, SETTINGS_KEY, defaultDocRules);

/** 民法典 第二百零二条 style year arithmetic: the day before the same date N years later (有效期 of N years). */
export function lastDayOfYears(effectiveDate: string, years: number): string {
  const [y, m, d] = effectiveDate.split('-').map(Number);
  const end = new Date(Date.UTC(y + years, m - 1, d));
  if (end.getUTCMonth() !== m - 1) end.setUTCDate(0); // 2月29日 + N years → 2月28日
  end.setUTCDate(end.getUTCDate() - 1);
  return end.toISOString().slice(0, 10);
}

/** The longest 有效期 allowed: 5 years, 暂行/试行 2 years (local settings; VALIDITY_CITE). */
export function maxValidUntil(effectiveDate: string, provisional: boolean, rules: DocRules = defaultDocRules): string {
  return lastDayOfYears(effectiveDate, provisional ? rules.provisionalValidityYears : rules.validityYears);
}

/** 备案 due date: 公布 + N calendar days; a last day on a 法定休假日 moves to the next working day (民法典 第二百零三条). */
export function filingDueDate(publishedDate: string, rules: DocRules = defaultDocRules): string {
  return addDays(publishedDate, rules.filingDays, 'calendarDay').date;
}

const event = (date: string, ev: string, label: string, note?: string | null): DocEvent => ({ date, event: ev, label, note: note ?? null });

export async function docInScope(db: DbOrTx, auth: AuthContext, id: string, permission: string = PERM.docRead): Promise<NormativeDocument> {
  if (!z.uuid().safeParse(id).success) throw notFound('规范性文件');
  const [row] = await db.select().from(normativeDocuments).where(and(eq(normativeDocuments.id, id), live, scopeCondition(auth, permission, scopeCols)));
  if (!row) throw notFound('规范性文件');
  return row;
}

async function requireManage(db: DbOrTx, auth: AuthContext, orgId: string) {
  const org = await getOrg(db, orgId);
  if (!org || !auth.permissions.has(PERM.docManage) || !orgInScope(auth, PERM.docManage, org)) throw forbidden('无权管理该机关的规范性文件');
  return org;
}

// ── drafting ───────────────────────────────────────────────────────────────────────────────────────────────

export const draftInput = z.object({
  title: z.string().trim().min(4, '请填写文件标题').max(200),
  /** 制定机关 in the org tree (id, name or code); default the caller's org. */
  issuerOrg: z.string().trim().max(100).optional(),
  docNumber: z.string().trim().max(100).optional(),
  body: z.string().max(200_000).default(''),
});

export async function createDraft(db: Db, auth: AuthContext, raw: z.input<typeof draftInput>) {
  const input = draftInput.parse(raw);
  const org = input.issuerOrg ? await resolveOrg(db, auth.rootPath, input.issuerOrg) : await getOrg(db, auth.user.orgId);
  if (!org) throw invalid('制定机关不存在', { fields: [{ path: 'issuerOrg', message: '制定机关不存在或不在您的管理范围内' }] });
  await requireManage(db, auth, org.id);
  const today = todayInChina();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(normativeDocuments)
      .values({
        orgId: org.id, regionCode: org.regionCode, createdBy: auth.user.id, title: input.title, issuer: org.name, docNumber: input.docNumber ?? null,
        stage: 'drafting', provisional: isProvisionalTitle(input.title), body: input.body, history: [event(today, 'drafting', '起草')],
      })
      .returning();
    await recordAudit(tx, auth.actor, { action: 'normativeDoc.create', entityType: DOC_ENTITY, entityId: row.id, summary: `起草规范性文件《${row.title}》`, after: row });
    return row;
  });
}

export const advanceInput = z.object({ version: z.number().int(), date: isoDate.optional(), note: z.string().max(2000).optional() });

/** Moves a draft one stage on (起草 → 征求意见 → 合法性审核 → 集体审议); 公布 is `publishDocument`. */
export async function advanceDocument(db: Db, auth: AuthContext, id: string, raw: z.input<typeof advanceInput>) {
  const input = advanceInput.parse(raw);
  return db.transaction(async (tx) => {
    const doc = await docInScope(tx, auth, id);
    await requireManage(tx, auth, doc.orgId);
    checkVersion(doc, input.version);
    const at = stageOrder.indexOf(doc.stage as Stage);
    const next = stageOrder[at + 1];
    if (!next || next === 'published') throw new AppError('NORMATIVE_DOC_STAGE', `当前阶段为「${stages[doc.stage as Stage] ?? doc.stage}」，${next === 'published' ? '请通过“公布”登记公布信息' : '不能再推进'}`, 400);
    const date = input.date ?? todayInChina();
    const [row] = await tx
      .update(normativeDocuments)
      .set({ stage: next, history: [...doc.history, event(date, next, stages[next], input.note)], version: doc.version + 1, updatedAt: new Date() })
      .where(eq(normativeDocuments.id, doc.id))
      .returning();
    await recordAudit(tx, auth.actor, { action: 'normativeDoc.advance', entityType: DOC_ENTITY, entityId: doc.id, summary: `规范性文件《${doc.title}》进入「${stages[next]}」阶段`, before: { stage: doc.stage }, after: { stage: next } });
    return row;
  });
}

function checkVersion(doc: NormativeDocument, version: number) {
  if (doc.version !== version) throw new AppError('CONFLICT', '该文件已被他人修改（数据版本已变化），请刷新后重试', 409, { currentVersion: doc.version });
}

// ── 公布 ───────────────────────────────────────────────────────────────────────────────────────────────

export const publishInput = z.object({
  version: z.number().int(),
  publishedDate: isoDate,
  effectiveDate: isoDate.optional(),
  /** Last day in force; default the longest allowed 有效期. */
  validUntil: isoDate.optional(),
  docNumber: z.string().trim().min(2, '请填写发文字号').max(100),
  body: z.string().max(200_000).optional(),
  registrationNumber: z.string().trim().max(64).optional(),
});

/** Validates the 有效期 (≤ 5 years, 暂行/试行 ≤ 2 years, after the effective date). */
export function checkValidity(effectiveDate: string, validUntil: string, provisional: boolean, rules: DocRules = defaultDocRules) {
  if (validUntil < effectiveDate) throw invalid('有效期截止日不能早于施行日期', { fields: [{ path: 'validUntil', message: '有效期截止日不能早于施行日期' }] });
  const max = maxValidUntil(effectiveDate, provisional, rules);
  if (validUntil > max) {
    const years = provisional ? rules.provisionalValidityYears : rules.validityYears;
    const msg = `${provisional ? '暂行、试行的规范性文件' : '规范性文件'}有效期不得超过${years}年（至${max}）（${VALIDITY_CITE}）`;
    throw new AppError('NORMATIVE_DOC_VALIDITY', msg, 400, { fields: [{ path: 'validUntil', message: msg }], maxValidUntil: max });
  }
}

/** 文件码 `<prefix>-<year>-<NNNN>` and 统一登记号 `<prefix>DR-<year>-<NNNN>`, per region and year, no gaps. */
async function nextCodes(tx: DbOrTx, regionCode: string, year: number, rules: DocRules) {
  const prefix = (rules.codePrefix ?? regionCode).toUpperCase();
  const like = `${prefix}-${year}-%`;
  const [r] = rowsOf<{ n: number }>(await tx.execute(sql`select coalesce(max(cast(split_part(code, '-', 3) as int)), 0)::int as n from normative_documents where code like ${like}`));
  const seq = String(Number(r?.n ?? 0) + 1).padStart(4, '0');
  return { code: `${prefix}-${year}-${seq}`, registrationNumber: `${prefix}DR-${year}-${seq}` };
}

export async function publishDocument(db: Db, auth: AuthContext, id: string, raw: z.input<typeof publishInput>) {
  const input = publishInput.parse(raw);
  const rules = await getDocRules(db);
  return db.transaction(async (tx) => {
    const doc = await docInScope(tx, auth, id);
    await requireManage(tx, auth, doc.orgId);
    checkVersion(doc, input.version);
    if (doc.stage !== 'deliberating') throw new AppError('NORMATIVE_DOC_STAGE', '规范性文件须经合法性审核、集体审议后才能公布', 400, { stage: doc.stage });
    // Takes the numbering lock so two publications cannot draw the same number (PostgreSQL; PGlite is single-connection).
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${'normativeDoc.code'}))`);
    const published = await applyPublication(tx, auth.actor, doc, input, rules);
    return published;
  });
}

/** Fills the 公布 columns of a document (also used by the seed and imports). */
async function applyPublication(tx: Tx, actor: Actor, doc: NormativeDocument, input: z.output<typeof publishInput>, rules: DocRules, audit = true) {
  const effectiveDate = input.effectiveDate ?? input.publishedDate;
  if (effectiveDate < input.publishedDate) throw invalid('施行日期不能早于公布日期', { fields: [{ path: 'effectiveDate', message: '施行日期不能早于公布日期' }] });
  const validUntil = input.validUntil ?? maxValidUntil(effectiveDate, doc.provisional, rules);
  checkValidity(effectiveDate, validUntil, doc.provisional, rules);
  const codes = await nextCodes(tx, doc.regionCode, Number(input.publishedDate.slice(0, 4)), rules);
  const body = input.body ?? doc.body;
  const [row] = await tx
    .update(normativeDocuments)
    .set({
      stage: 'published', status: 'effective', statusDate: effectiveDate, publishedDate: input.publishedDate, effectiveDate, validUntil,
      docNumber: input.docNumber, body, code: codes.code, registrationNumber: input.registrationNumber ?? codes.registrationNumber,
      filingDueDate: filingDueDate(input.publishedDate, rules),
      history: [...doc.history, event(input.publishedDate, 'published', '公布', `${input.docNumber}，自${effectiveDate}起施行，有效期至${validUntil}`)],
      tokens: searchVector({ title: doc.title, text: `${input.docNumber} ${doc.issuer} ${body}` }),
      version: doc.version + 1, updatedAt: new Date(),
    })
    .where(eq(normativeDocuments.id, doc.id))
    .returning();
  if (audit) await recordAudit(tx, actor, { action: 'normativeDoc.publish', entityType: DOC_ENTITY, entityId: doc.id, summary: `公布规范性文件《${doc.title}》${input.docNumber}，文件码 ${row.code}`, before: { stage: doc.stage }, after: { code: row.code, registrationNumber: row.registrationNumber, publishedDate: row.publishedDate, validUntil } });
  return row;
}

// ── 备案 ───────────────────────────────────────────────────────────────────────────────────────────────

export const filingInput = z.object({ version: z.number().int(), filedDate: isoDate, filedWith: z.string().trim().min(2, '请填写备案机关').max(100) });

/**
 * 备案 to the level above within N days of 公布 (local; default 30 — 法规规章备案审查条例 第四条 and the
 * provincial rule). A filing after the due date is kept and flagged late.
 */
export async function fileDocument(db: Db, auth: AuthContext, id: string, raw: z.input<typeof filingInput>) {
  const input = filingInput.parse(raw);
  return db.transaction(async (tx) => {
    const doc = await docInScope(tx, auth, id);
    await requireManage(tx, auth, doc.orgId);
    checkVersion(doc, input.version);
    if (doc.stage !== 'published' || !doc.publishedDate) throw new AppError('NORMATIVE_DOC_STAGE', '规范性文件公布后才能报送备案', 400);
    if (doc.filedDate) throw new AppError('NORMATIVE_DOC_FILED', `该文件已于${doc.filedDate}报送备案`, 409);
    if (input.filedDate < doc.publishedDate) throw invalid('备案日期不能早于公布日期', { fields: [{ path: 'filedDate', message: '备案日期不能早于公布日期' }] });
    const late = input.filedDate > doc.filingDueDate!;
    const [row] = await tx
      .update(normativeDocuments)
      .set({
        filedDate: input.filedDate, filedWith: input.filedWith, filedLate: late,
        history: [...doc.history, event(input.filedDate, 'filed', late ? '报送备案（逾期）' : '报送备案', `报${input.filedWith}备案${late ? `，应于${doc.filingDueDate}前报送（${FILING_CITE}）` : ''}`)],
        version: doc.version + 1, updatedAt: new Date(),
      })
      .where(eq(normativeDocuments.id, doc.id))
      .returning();
    await recordAudit(tx, auth.actor, { action: 'normativeDoc.file', entityType: DOC_ENTITY, entityId: doc.id, summary: `规范性文件《${doc.title}》报${input.filedWith}备案${late ? '（逾期）' : ''}`, after: { filedDate: input.filedDate, filedWith: input.filedWith, filedLate: late, dueDate: doc.filingDueDate } });
    return row;
  });
}

/** Published documents not yet filed whose due date has passed (逾期未备案), as of `today`. */
export async function overdueFilings(db: DbOrTx, today: string = todayInChina(), scope?: SQL) {
  return db.select().from(normativeDocuments).where(and(live, eq(normativeDocuments.stage, 'published'), isNull(normativeDocuments.filedDate), lt(normativeDocuments.filingDueDate, today), scope)).orderBy(asc(normativeDocuments.filingDueDate));
}

// ── 修改 (amendment with version history) ─────────────────────────────────────────────────────────────

export const amendInput = z.object({
  version: z.number().int(),
  date: isoDate,
  docNumber: z.string().trim().min(2, '请填写修改决定的发文字号').max(100),
  title: z.string().trim().min(4).max(200).optional(),
  body: z.string().min(1, '请填写修改后的全文').max(200_000),
  validUntil: isoDate.optional(),
  note: z.string().max(2000).optional(),
});

/** Publishes an amended text: the text it replaces is kept as version N, the document continues as N+1, 有效. */
export async function amendDocument(db: Db, auth: AuthContext, id: string, raw: z.input<typeof amendInput>) {
  const input = amendInput.parse(raw);
  const rules = await getDocRules(db);
  return db.transaction(async (tx) => {
    const doc = await docInScope(tx, auth, id);
    await requireManage(tx, auth, doc.orgId);
    checkVersion(doc, input.version);
    if (doc.stage !== 'published' || !['effective', 'amended'].includes(doc.status ?? '')) throw new AppError('NORMATIVE_DOC_STATUS', `「${statusLabel(doc)}」的文件不能修改`, 400);
    if (input.date < doc.effectiveDate!) throw invalid('修改日期不能早于原文件施行日期');
    const title = input.title ?? doc.title;
    const provisional = isProvisionalTitle(title);
    const validUntil = input.validUntil ?? doc.validUntil!;
    checkValidity(input.date, validUntil, provisional, rules);
    await tx.insert(normativeDocumentVersions).values({ documentId: doc.id, versionNo: doc.versionNo, title: doc.title, docNumber: doc.docNumber, body: doc.body, effectiveDate: doc.effectiveDate, validUntil: doc.validUntil, supersededDate: input.date, note: input.note ?? null, createdBy: auth.user.id });
    const [row] = await tx
      .update(normativeDocuments)
      .set({
        title, provisional, body: input.body, docNumber: input.docNumber, effectiveDate: input.date, validUntil, status: 'effective', statusDate: input.date,
        versionNo: doc.versionNo + 1,
        history: [...doc.history, event(input.date, 'amendedVersion', `修改（第${doc.versionNo + 1}版）`, `${input.docNumber}${input.note ? `：${input.note}` : ''}`)],
        tokens: searchVector({ title, text: `${input.docNumber} ${doc.issuer} ${input.body}` }),
        version: doc.version + 1, updatedAt: new Date(),
      })
      .where(eq(normativeDocuments.id, doc.id))
      .returning();
    await recordAudit(tx, auth.actor, { action: 'normativeDoc.amend', entityType: DOC_ENTITY, entityId: doc.id, summary: `修改规范性文件《${title}》（第${row.versionNo}版，${input.docNumber}）`, before: { versionNo: doc.versionNo, docNumber: doc.docNumber, validUntil: doc.validUntil }, after: { versionNo: row.versionNo, docNumber: row.docNumber, validUntil } });
    return row;
  });
}

// ── 清理 ───────────────────────────────────────────────────────────────────────────────────────────────

export const cleanupInput = z.object({
  version: z.number().int(),
  date: isoDate,
  outcome: z.enum(Object.keys(cleanupOutcomes) as [CleanupOutcome], { message: '请选择清理结果：保留、修改、废止或宣布失效' }),
  reason: z.string().trim().max(2000).default(''),
});

/** Records a 清理 outcome: 保留 keeps it 有效; 修改 marks it for amendment; 废止 / 宣布失效 end its force. */
export async function cleanupDocument(db: Db, auth: AuthContext, id: string, raw: z.input<typeof cleanupInput>) {
  const input = cleanupInput.parse(raw);
  if (input.outcome !== 'keep' && input.reason.length < 2) throw invalid('修改、废止或宣布失效的，请写明理由', { fields: [{ path: 'reason', message: '请写明理由' }] });
  return db.transaction(async (tx) => {
    const doc = await docInScope(tx, auth, id);
    await requireManage(tx, auth, doc.orgId);
    checkVersion(doc, input.version);
    return applyCleanup(tx, auth.actor, doc, input);
  });
}

async function applyCleanup(tx: Tx, actor: Actor, doc: NormativeDocument, input: z.output<typeof cleanupInput>, audit = true) {
  if (doc.stage !== 'published' || !['effective', 'amended'].includes(doc.status ?? '')) throw new AppError('NORMATIVE_DOC_STATUS', `「${statusLabel(doc)}」的文件不在清理范围内`, 400);
  const o = cleanupOutcomes[input.outcome];
  const [row] = await tx
    .update(normativeDocuments)
    .set({
      cleanupOutcome: input.outcome, cleanupDate: input.date, status: o.status, statusDate: o.status === doc.status ? doc.statusDate : input.date,
      history: [...doc.history, event(input.date, `cleanup.${input.outcome}`, `清理：${o.label}`, input.reason || null)],
      version: doc.version + 1, updatedAt: new Date(),
    })
    .where(eq(normativeDocuments.id, doc.id))
    .returning();
  if (audit) await recordAudit(tx, actor, { action: 'normativeDoc.cleanup', entityType: DOC_ENTITY, entityId: doc.id, summary: `清理规范性文件《${doc.title}》：${o.label}`, before: { status: doc.status }, after: { status: o.status, outcome: input.outcome, reason: input.reason } });
  return row;
}

// ── 有效期: expiry job and warnings ────────────────────────────────────────────────────────────────────

/**
 * The expiry job (run daily): every 有效 or 修改 document whose 有效期 ended before `today` becomes 失效 on
 * the day after its last day. Also returns the documents expiring within the warning window (default 90 days).
 */
export async function expireDocuments(db: Db, today: string = todayInChina()) {
  const rules = await getDocRules(db);
  return db.transaction(async (tx) => {
    const due = await tx.select().from(normativeDocuments).where(and(live, eq(normativeDocuments.stage, 'published'), sql`${normativeDocuments.status} in ('effective', 'amended')`, lt(normativeDocuments.validUntil, today))).for('update');
    const expired: NormativeDocument[] = [];
    for (const doc of due) {
      // 失效 from the day after the last day of the 有效期.
      const day = nextDay(doc.validUntil!);
      const [row] = await tx
        .update(normativeDocuments)
        .set({ status: 'expired', statusDate: day, history: [...doc.history, event(day, 'expired', '有效期届满，自动失效', `有效期至${doc.validUntil}`)], version: doc.version + 1, updatedAt: new Date() })
        .where(eq(normativeDocuments.id, doc.id))
        .returning();
      await recordAudit(tx, { id: null, name: '系统：规范性文件有效期任务', orgId: null, ip: null }, { action: 'normativeDoc.expire', entityType: DOC_ENTITY, entityId: doc.id, summary: `规范性文件《${doc.title}》有效期至${doc.validUntil}届满，状态改为失效`, before: { status: doc.status }, after: { status: 'expired' } });
      expired.push(row);
    }
    const warnings = await expiringDocuments(tx, today, rules.expiryWarningDays);
    return { expired, warnings };
  });
}

const nextDay = (d: string) => new Date(Date.parse(d + 'T00:00:00Z') + 86_400_000).toISOString().slice(0, 10);

/** Documents in force whose 有效期 ends within `days` days of `today` (inclusive): the 90-day warning list. */
export async function expiringDocuments(db: DbOrTx, today: string, days: number = defaultDocRules.expiryWarningDays, scope?: SQL) {
  const until = new Date(Date.parse(today + 'T00:00:00Z') + days * 86_400_000).toISOString().slice(0, 10);
  return db
    .select()
    .from(normativeDocuments)
    .where(and(live, eq(normativeDocuments.stage, 'published'), sql`${normativeDocuments.status} in ('effective', 'amended')`, gte(normativeDocuments.validUntil, today), lte(normativeDocuments.validUntil, until), scope))
    .orderBy(asc(normativeDocuments.validUntil));
}

// ── reading ────────────────────────────────────────────────────────────────────────────────────────────

export const statusLabel = (d: Pick<NormativeDocument, 'stage' | 'status'>) => (d.stage === 'published' && d.status ? statuses[d.status as DocStatus]?.label ?? d.status : stages[d.stage as Stage] ?? d.stage);

export const docListFilter = z.object({
  q: z.string().max(200).optional(),
  stage: z.enum(Object.keys(stages) as [Stage]).optional(),
  status: z.enum(Object.keys(statuses) as [DocStatus]).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

const listColumns = {
  id: normativeDocuments.id, title: normativeDocuments.title, issuer: normativeDocuments.issuer, docNumber: normativeDocuments.docNumber, stage: normativeDocuments.stage,
  status: normativeDocuments.status, code: normativeDocuments.code, registrationNumber: normativeDocuments.registrationNumber, publishedDate: normativeDocuments.publishedDate,
  effectiveDate: normativeDocuments.effectiveDate, validUntil: normativeDocuments.validUntil, filingDueDate: normativeDocuments.filingDueDate, filedDate: normativeDocuments.filedDate,
  filedLate: normativeDocuments.filedLate, cleanupOutcome: normativeDocuments.cleanupOutcome, versionNo: normativeDocuments.versionNo, version: normativeDocuments.version,
};

export async function listDocuments(db: DbOrTx, auth: AuthContext, raw: z.input<typeof docListFilter>) {
  const f = docListFilter.parse(raw);
  const cond = and(live, scopeCondition(auth, PERM.docRead, scopeCols), f.stage ? eq(normativeDocuments.stage, f.stage) : undefined, f.status ? eq(normativeDocuments.status, f.status) : undefined, f.q?.trim() ? tsMatch(normativeDocuments.tokens, f.q) : undefined);
  const [{ total }] = await db.select({ total: sql<number>`count(*)::int` }).from(normativeDocuments).where(cond);
  const rows = await db.select(listColumns).from(normativeDocuments).where(cond).orderBy(desc(normativeDocuments.updatedAt), asc(normativeDocuments.id)).limit(f.pageSize).offset((f.page - 1) * f.pageSize);
  return { total: Number(total), page: f.page, pageSize: f.pageSize, items: rows.map((r) => ({ ...r, stageLabel: stages[r.stage as Stage], statusLabel: statusLabel(r) })) };
}

export async function documentDetail(db: DbOrTx, auth: AuthContext, id: string) {
  const doc = await docInScope(db, auth, id);
  const { tokens: _t, ...rest } = doc;
  const versions = await db.select().from(normativeDocumentVersions).where(eq(normativeDocumentVersions.documentId, doc.id)).orderBy(asc(normativeDocumentVersions.versionNo));
  // 合法性审核 stage: the reviews started from this document, with their opinions (国办发〔2018〕115号).
  return { ...rest, stageLabel: stages[doc.stage as Stage], statusLabel: statusLabel(doc), versions, lookups: await lookupTotal(db, doc.id), reviews: await reviewsOfDocument(db, auth, doc.id) };
}

async function lookupTotal(db: DbOrTx, documentId: string) {
  const [r] = await db.select({ n: sql<number>`coalesce(sum(${normativeDocumentLookups.count}), 0)::int` }).from(normativeDocumentLookups).where(eq(normativeDocumentLookups.documentId, documentId));
  return Number(r?.n ?? 0);
}

// ── public register (no login) ─────────────────────────────────────────────────────────────────────────

const publicOnly = and(live, eq(normativeDocuments.stage, 'published'));
const publicStatus = (status: string | null) => ({ status, statusLabel: status ? statuses[status as DocStatus]?.publicLabel ?? status : null });

export const publicQuery = z.object({
  q: z.string().max(200).optional(),
  page: z.coerce.number().int().min(1).max(500).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(20),
});

/**
 * The statements the public register issues (also timed by `npm run bench -- --scenario documents`).
 * With a keyword: ONE statement over the narrow search table (schema-search.ts) — jieba full-text match on
 * title + text through its GIN index, title matches ranked first, then newest; the total rides along as a
 * window count. Without one: newest first, plus a count.
 */
export function publicSearchQueries(db: DbOrTx, raw: z.input<typeof publicQuery>) {
  const f = publicQuery.parse(raw);
  const offset = (f.page - 1) * f.pageSize;
  const q = f.q?.trim() || null;
  const tsQuery = toTsQuery(q);
  const columns = { code: normativeDocuments.code, title: normativeDocuments.title, issuer: normativeDocuments.issuer, docNumber: normativeDocuments.docNumber, registrationNumber: normativeDocuments.registrationNumber, publishedDate: normativeDocuments.publishedDate, effectiveDate: normativeDocuments.effectiveDate, validUntil: normativeDocuments.validUntil, status: normativeDocuments.status };
  if (q) {
    const s = normativeDocumentSearch;
    // A keyword of nothing but punctuation matches nothing (rather than listing everything).
    const match = tsQuery ? sql`${s.tokens} @@ to_tsquery('simple', ${tsQuery})` : sql`false`;
    const hits = db
      .select({
        documentId: s.documentId,
        publishedDate: s.publishedDate,
        rank: sql<number>`ts_rank(${s.titleTokens}, to_tsquery('simple', ${tsQuery ?? ''}))::float8`.as('rank'),
        total: sql<number>`(count(*) over ())::int`.as('total'),
      })
      .from(s)
      .where(match)
      .orderBy(sql`"rank" desc`, desc(s.publishedDate), asc(s.documentId))
      .limit(f.pageSize)
      .offset(offset)
      .as('hits');
    return {
      f,
      page: db.select({ ...columns, total: hits.total }).from(hits).innerJoin(normativeDocuments, eq(normativeDocuments.id, hits.documentId)).orderBy(desc(hits.rank), desc(hits.publishedDate), asc(hits.documentId)),
      /** Only when the page lies past the last match (no row carries the total). */
      count: db.select({ total: sql<number>`count(*)::int` }).from(s).where(match),
    };
  }
  return {
    f,
    page: db.select({ ...columns, total: sql<number>`0`.as('total') }).from(normativeDocuments).where(publicOnly).orderBy(desc(normativeDocuments.publishedDate), asc(normativeDocuments.id)).limit(f.pageSize).offset(offset),
    count: db.select({ total: sql<number>`count(*)::int` }).from(normativeDocuments).where(publicOnly),
  };
}

/** The public register: published documents, jieba full-text over title + text (title ranked first), or newest first. */
export async function searchPublic(db: DbOrTx, raw: z.input<typeof publicQuery>) {
  const { f, page, count } = publicSearchQueries(db, raw);
  const rows = await page;
  const keyword = Boolean(f.q?.trim());
  const total = keyword && rows.length ? rows[0].total : (await count)[0].total;
  return { total: Number(total), page: f.page, pageSize: f.pageSize, items: rows.map(({ total: _t, ...r }) => ({ ...r, ...publicStatus(r.status) })) };
}

export const normalizeCode = (code: string) => code.normalize('NFKC').trim().toUpperCase();

/** The published document with this 文件码 (the statement `npm run bench -- --scenario documents` times). */
export const publicDocumentByCode = (db: DbOrTx, code: string) => db.select().from(normativeDocuments).where(and(publicOnly, eq(normativeDocuments.code, normalizeCode(code))));

/** One document by 文件码 for the public, counting the look-up (per document per day). */
export async function lookupPublic(db: Db, code: string, today: string = todayInChina()) {
  const [doc] = await publicDocumentByCode(db, code);
  if (!doc) throw new AppError('NOT_FOUND', '未找到该文件码对应的规范性文件，请核对后重新输入', 404);
  await db
    .insert(normativeDocumentLookups)
    .values({ documentId: doc.id, day: today, count: 1 })
    .onConflictDoUpdate({ target: [normativeDocumentLookups.documentId, normativeDocumentLookups.day], set: { count: sql`${normativeDocumentLookups.count} + 1` } });
  const versions = await db
    .select({ versionNo: normativeDocumentVersions.versionNo, title: normativeDocumentVersions.title, docNumber: normativeDocumentVersions.docNumber, effectiveDate: normativeDocumentVersions.effectiveDate, supersededDate: normativeDocumentVersions.supersededDate, body: normativeDocumentVersions.body })
    .from(normativeDocumentVersions)
    .where(eq(normativeDocumentVersions.documentId, doc.id))
    .orderBy(asc(normativeDocumentVersions.versionNo));
  return {
    code: doc.code,
    title: doc.title,
    issuer: doc.issuer,
    docNumber: doc.docNumber,
    registrationNumber: doc.registrationNumber,
    publishedDate: doc.publishedDate,
    effectiveDate: doc.effectiveDate,
    validUntil: doc.validUntil,
    ...publicStatus(doc.status),
    statusDate: doc.statusDate,
    versionNo: doc.versionNo,
    body: doc.body,
    history: doc.history.filter((h) => h.event !== 'drafting' && !['commenting', 'reviewing', 'deliberating'].includes(h.event)),
    versions,
    lookups: await lookupTotal(db, doc.id),
  };
}

/** The public page a 文件码 QR code points at. */
export const portalPath = (code: string) => `/portal/documents/${encodeURIComponent(code)}`;

// ── seeding / import ──────────────────────────────────────────────────────────────────────────────────

export interface HistoricalDocument {
  orgId: string;
  regionCode: string;
  issuer: string;
  title: string;
  docNumber: string;
  body: string;
  publishedDate: string;
  effectiveDate?: string;
  validUntil?: string;
  filedDate?: string | null;
  filedWith?: string | null;
  cleanup?: { date: string; outcome: CleanupOutcome; reason?: string } | null;
}

/** Inserts documents that were published before the system (demo data, 台账 import): published, filed, cleaned up as given. */
export async function insertPublishedDocuments(db: Db, actor: Actor, list: HistoricalDocument[]) {
  const rules = await getDocRules(db);
  return db.transaction((tx) => insertPublishedDocumentsTx(tx, actor, list, rules));
}

/** insertPublishedDocuments inside the caller's transaction (the 台账 import's). */
export async function insertPublishedDocumentsTx(tx: Tx, actor: Actor, list: HistoricalDocument[], rules: DocRules) {
  {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${'normativeDoc.code'}))`);
    const out: NormativeDocument[] = [];
    for (const h of list) {
      const [draft] = await tx
        .insert(normativeDocuments)
        .values({ orgId: h.orgId, regionCode: h.regionCode, createdBy: actor.id, title: h.title, issuer: h.issuer, stage: 'deliberating', provisional: isProvisionalTitle(h.title), body: h.body, history: [] })
        .returning();
      // One audit entry for the whole batch (below), not one per document and step.
      let doc = await applyPublication(tx, actor, draft, { version: draft.version, publishedDate: h.publishedDate, effectiveDate: h.effectiveDate, validUntil: h.validUntil, docNumber: h.docNumber }, rules, false);
      if (h.filedDate) {
        const late = h.filedDate > doc.filingDueDate!;
        [doc] = await tx.update(normativeDocuments).set({ filedDate: h.filedDate, filedWith: h.filedWith ?? null, filedLate: late, history: [...doc.history, event(h.filedDate, 'filed', late ? '报送备案（逾期）' : '报送备案', h.filedWith ? `报${h.filedWith}备案` : null)] }).where(eq(normativeDocuments.id, doc.id)).returning();
      }
      if (h.cleanup) doc = await applyCleanup(tx, actor, doc, { version: doc.version, date: h.cleanup.date, outcome: h.cleanup.outcome, reason: h.cleanup.reason ?? '' }, false);
      out.push(doc);
    }
    if (out.length) {
      await recordAudit(tx, actor, {
        action: 'normativeDoc.registerHistorical', entityType: DOC_ENTITY,
        summary: `登记已公布的规范性文件 ${out.length} 件（含备案、清理情况）`,
        after: { count: out.length, items: out.map((d) => ({ id: d.id, code: d.code, title: d.title, status: d.status, filedDate: d.filedDate, cleanupOutcome: d.cleanupOutcome })) },
      });
    }
    return out;
  }
}
