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
import { cleanupOutcomes, isProvisionalTitle, PERM, type CleanupOutcome } from './terms';
import { AppError } from '../../platform/errors';

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
