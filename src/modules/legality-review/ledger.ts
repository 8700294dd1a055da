/**
 * 规范性文件 台账: existing document registers imported from Excel (标题, 制定机关, 发文字号, 公布日期, 施行日期,
 * 有效期至, 备案, 清理结果). Each row becomes a published document with its 统一登记号 and 文件码; 有效期 and 备案
 * follow the same rules as documents published in the system (a late filing is flagged).
 */
import { z } from 'zod';
import { inArray } from 'drizzle-orm';
import { registerLedger } from '../../platform/ledger/spec';
import { orgs } from '../../platform/orgs/schema';
import { checkValidity, getDocRules, insertPublishedDocumentsTx, maxValidUntil } from './documents';
import { cleanupOutcomes, isProvisionalTitle, objectTypes, opinions, PERM, type CleanupOutcome, type ObjectType, type Opinion } from './terms';
import { AppError } from '../../platform/errors';
import { orgInScope } from '../../platform/auth/scope';
import { legalityReviews } from './schema';
import { insertFinishedReviews, listReviews, reviewListFilter } from './reviews';

interface Row {
  title: string;
  issuerOrgId: string;
  docNumber: string;
  publishedDate: string;
  effectiveDate: string | null;
  validUntil: string | null;
  filedDate: string | null;
  filedWith: string | null;
  cleanupOutcome: CleanupOutcome | null;
  cleanupDate: string | null;
  body: string | null;
}

const cleanupCodes = Object.fromEntries(Object.entries(cleanupOutcomes).map(([k, v]) => [v.label, k]));

export const normativeDocLedger = registerLedger<Row>({
  entity: 'normative-documents',
  label: '规范性文件登记台账',
  permission: PERM.docManage,
  entityType: 'normativeDocument',
  columns: [
    { key: 'title', header: '文件标题', required: true, schema: z.string().min(4, '文件标题至少4个字').max(200), example: '武义县行政处罚裁量基准', width: 36 },
    { key: 'issuerOrgId', header: '制定机关', required: true, lookup: { kind: 'org' }, example: '武义县人民政府', width: 22 },
    { key: 'docNumber', header: '发文字号', required: true, schema: z.string().min(2).max(100), example: '武政发〔2023〕5号', width: 20 },
    { key: 'publishedDate', header: '公布日期', type: 'date', required: true, example: '2023-03-01', width: 12 },
    { key: 'effectiveDate', header: '施行日期', type: 'date', example: '2023-04-01', width: 12, hint: '空白表示自公布之日起施行' },
    { key: 'validUntil', header: '有效期至', type: 'date', example: '2028-03-31', width: 12, hint: '空白按最长有效期：5年，暂行、试行2年' },
    { key: 'filedDate', header: '备案日期', type: 'date', example: '2023-03-20', width: 12, hint: '公布后30日内报上一级备案，逾期的自动标记' },
    { key: 'filedWith', header: '备案机关', schema: z.string().max(100), example: '金华市人民政府', width: 18 },
    { key: 'cleanupOutcome', header: '清理结果', codes: cleanupCodes, example: '保留', width: 10 },
    { key: 'cleanupDate', header: '清理日期', type: 'date', example: '2024-06-28', width: 12 },
    { key: 'body', header: '正文', schema: z.string().max(200_000), width: 40 },
  ],
  validateRow: async (row, ctx) => {
    const v = row.values;
    const issues: { column?: string; reason: string }[] = [];
    const effective = v.effectiveDate ?? v.publishedDate;
    if (effective < v.publishedDate) issues.push({ column: 'effectiveDate', reason: '施行日期不能早于公布日期' });
    if (v.validUntil) {
      try {
        checkValidity(effective, v.validUntil, isProvisionalTitle(v.title), await getDocRules(ctx.db));
      } catch (e) {
        issues.push({ column: 'validUntil', reason: e instanceof AppError ? e.message : `有效期不得晚于${maxValidUntil(effective, isProvisionalTitle(v.title))}` });
      }
    }
    if (v.filedDate && v.filedDate < v.publishedDate) issues.push({ column: 'filedDate', reason: '备案日期不能早于公布日期' });
    if (!!v.cleanupOutcome !== !!v.cleanupDate) issues.push({ column: v.cleanupOutcome ? 'cleanupDate' : 'cleanupOutcome', reason: '清理结果和清理日期应同时填写' });
    if (v.cleanupDate && v.cleanupDate < v.publishedDate) issues.push({ column: 'cleanupDate', reason: '清理日期不能早于公布日期' });
    return issues;
  },
  importRows: async (tx, rows, ctx) => {
    const ids = [...new Set(rows.map((r) => r.values.issuerOrgId))];
    const byId = new Map((await tx.select().from(orgs).where(inArray(orgs.id, ids))).map((o) => [o.id, o]));
    const docs = await insertPublishedDocumentsTx(
      tx,
      ctx.auth.actor,
      rows.map(({ values: v }) => {
        const org = byId.get(v.issuerOrgId)!;
        return {
          orgId: org.id, regionCode: org.regionCode, issuer: org.name, title: v.title, docNumber: v.docNumber, body: v.body ?? '',
          publishedDate: v.publishedDate, effectiveDate: v.effectiveDate ?? undefined, validUntil: v.validUntil ?? undefined,
          filedDate: v.filedDate, filedWith: v.filedWith,
          cleanup: v.cleanupOutcome && v.cleanupDate ? { date: v.cleanupDate, outcome: v.cleanupOutcome, reason: '台账导入' } : null,
        };
      }),
      await getDocRules(tx),
    );
    return docs.map((d) => d.id);
  },
});

// ── 合法性审查台账 (review log): import finished reviews; export the review list with the same filters ──────────

interface ReviewRow {
  serialNumber: string | null;
  orgId: string | null;
  objectType: ObjectType;
  title: string;
  submitterName: string;
  submittedDate: string;
  acceptedDate: string | null;
  meetingDate: string | null;
  opinion: Opinion | null;
  opinionDate: string | null;
  opinionReasons: string | null;
  reviewerName: string | null;
  adopted: boolean | null;
  adoptionNote: string | null;
  feedbackDate: string | null;
  stateLabel: string | null;
}

const labelCodes = (o: Record<string, string>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [v, k]));

export const reviewLogLedger = registerLedger<ReviewRow>({
  entity: 'legality-reviews',
  label: '合法性审查台账',
  permission: PERM.review,
  entityType: 'legalityReview',
  columns: [
    { key: 'serialNumber', header: '编号', schema: z.string().max(60), example: '壶山司审〔2025〕12号', width: 22, hint: '空白自动编号' },
    { key: 'orgId', header: '审查机构', lookup: { kind: 'org' }, width: 18, hint: '空白为本单位' },
    { key: 'objectType', header: '审查对象', required: true, codes: labelCodes(objectTypes), example: '会议纪要', width: 14 },
    { key: 'title', header: '送审事项', required: true, schema: z.string().min(2, '送审事项至少2个字').max(200), example: '镇党政联席会议纪要（第12期）', width: 34 },
    { key: 'submitterName', header: '承办机构', required: true, schema: z.string().min(2, '承办机构至少2个字').max(100), example: '壶山街道办事处', width: 20 },
    { key: 'submittedDate', header: '送审日期', type: 'date', required: true, example: '2025-03-03', width: 12 },
    { key: 'acceptedDate', header: '受理日期', type: 'date', example: '2025-03-04', width: 12 },
    { key: 'meetingDate', header: '会议日期', type: 'date', width: 12, hint: '会议纪要、常务会议议题填写' },
    { key: 'opinion', header: '审查意见', codes: labelCodes(opinions), example: '合法', width: 12, hint: '合法、修改后合法或不合法' },
    { key: 'opinionDate', header: '意见日期', type: 'date', example: '2025-03-12', width: 12 },
    { key: 'opinionReasons', header: '意见和理由', schema: z.string().max(10000), width: 36, hint: '修改后合法或不合法的须写明理由' },
    { key: 'reviewerName', header: '审查人', schema: z.string().max(50), example: '陈丽娟', width: 10 },
    { key: 'adopted', header: '是否采纳', type: 'boolean', example: '是', width: 10 },
    { key: 'adoptionNote', header: '采纳说明', schema: z.string().max(5000), width: 24, hint: '未采纳的说明理由' },
    { key: 'feedbackDate', header: '反馈日期', type: 'date', width: 12 },
    { key: 'stateLabel', header: '办理状态', schema: z.string().max(40), width: 14, hint: '导出时填写；导入的记录均为已归档' },
  ],
  validateRow: (row) => {
    const v = row.values;
    const issues: { column?: string; reason: string }[] = [];
    if (!v.opinion) issues.push({ column: 'opinion', reason: '导入的审查记录应已出具审查意见' });
    if (!v.opinionDate) issues.push({ column: 'opinionDate', reason: '请填写意见日期' });
    if (v.opinionDate && v.opinionDate < v.submittedDate) issues.push({ column: 'opinionDate', reason: '意见日期不能早于送审日期' });
    if (v.acceptedDate && v.acceptedDate < v.submittedDate) issues.push({ column: 'acceptedDate', reason: '受理日期不能早于送审日期' });
    if (v.opinion && v.opinion !== 'lawful' && (v.opinionReasons ?? '').trim().length < 2) issues.push({ column: 'opinionReasons', reason: '修改后合法或不合法的意见须写明理由' });
    if (v.adopted === false && (v.adoptionNote ?? '').trim().length < 2) issues.push({ column: 'adoptionNote', reason: '未采纳审查意见的，应当说明理由' });
    if (v.feedbackDate && v.adopted == null) issues.push({ column: 'adopted', reason: '填写反馈日期的，请填写是否采纳' });
    if (v.feedbackDate && v.opinionDate && v.feedbackDate < v.opinionDate) issues.push({ column: 'feedbackDate', reason: '反馈日期不能早于意见日期' });
    return issues;
  },
  validateRows: async (rows, ctx) => {
    const problems: { row: number; column?: string; reason: string }[] = [];
    const withSerial = rows.filter((r) => r.values.serialNumber);
    if (!withSerial.length) return problems;
    const serials = [...new Set(withSerial.map((r) => r.values.serialNumber!))];
    const taken = await ctx.db.select({ orgId: legalityReviews.orgId, serialNumber: legalityReviews.serialNumber }).from(legalityReviews).where(inArray(legalityReviews.serialNumber, serials));
    const key = (org: string, s: string) => `${org}|${s}`;
    const takenKeys = new Set(taken.map((t) => key(t.orgId, t.serialNumber)));
    const seen = new Set<string>();
    for (const r of withSerial) {
      const k = key(r.values.orgId ?? ctx.auth.user.orgId, r.values.serialNumber!);
      if (takenKeys.has(k)) problems.push({ row: r.rowNumber, column: 'serialNumber', reason: '该编号已存在' });
      else if (seen.has(k)) problems.push({ row: r.rowNumber, column: 'serialNumber', reason: '编号与其他行重复' });
      seen.add(k);
    }
    return problems;
  },
  importRows: async (tx, rows, ctx) => {
    const byOrg = new Map<string, ReviewRow[]>();
    for (const { values: v } of rows) {
      const orgId = v.orgId ?? ctx.auth.user.orgId;
      byOrg.set(orgId, [...(byOrg.get(orgId) ?? []), v]);
    }
    const ids: string[] = [];
    for (const [orgId, list] of byOrg) {
      const [org] = await tx.select().from(orgs).where(inArray(orgs.id, [orgId]));
      if (!org || !orgInScope(ctx.auth, PERM.review, org)) throw new AppError('FORBIDDEN', `无权为「${org?.name ?? orgId}」导入审查记录`, 403);
      const inserted = await insertFinishedReviews(tx, { ...ctx.auth.actor, rootPath: ctx.auth.rootPath }, org, list.map((v) => ({
        serialNumber: v.serialNumber, objectType: v.objectType, title: v.title, submitterName: v.submitterName, submittedDate: v.submittedDate, acceptedDate: v.acceptedDate,
        meetingDate: v.meetingDate, opinion: v.opinion!, opinionDate: v.opinionDate!, opinionReasons: v.opinionReasons, reviewerName: v.reviewerName,
        adopted: v.adopted, adoptionNote: v.adoptionNote, feedbackDate: v.feedbackDate,
      })), 'import');
      ids.push(...inserted.map((r) => r.id));
    }
    return ids;
  },
  export: {
    permission: PERM.read,
    filters: reviewListFilter.omit({ page: true, pageSize: true }),
    fetch: async (db, auth, filters, page, pageSize) => {
      const r = await listReviews(db, auth, { ...filters, page, pageSize });
      return { total: r.total, items: r.items.map((i) => ({ ...i, orgId: i.orgName })) };
    },
  },
});
