/**
 * 台账 the agencies send as Excel: 执法人员名册, 执法案件清单, 行政检查记录. All-or-nothing imports through the
 * platform ledger (row, column, value, reason on failure); the same specs export the scoped lists.
 */
import { inArray } from 'drizzle-orm';
import { z } from 'zod';
import { registerLedger } from '../../platform/ledger/spec';
import { orgs } from '../../platform/orgs/schema';
import type { Tx } from '../../platform/db/client';
import { todayInChina } from '../../platform/calendar/service';
import { caseInput, insertCasesTx, listCases, caseListFilter } from './cases';
import { creditCode, insertInspectionsTx, inspectionInput, inspectionListFilter, listInspections } from './inspections';
import { insertOfficersTx, listOfficers, officerInput, officerListFilter } from './registry';
import { getRules } from './common';
import { caseKinds, certificateTypes, PERM, procedures } from './terms';

const swap = (t: Record<string, string>) => Object.fromEntries(Object.entries(t).map(([k, v]) => [v, k]));
const agencyCol = { key: 'agencyOrgId', header: '执法机关', required: true, lookup: { kind: 'org' as const }, width: 24, hint: '机关全称或简称' };

async function orgsById(tx: Tx, ids: string[]) {
  return new Map((await tx.select().from(orgs).where(inArray(orgs.id, [...new Set(ids)]))).map((o) => [o.id, o]));
}

const issuesOf = (r: { success: boolean; error?: z.ZodError }) =>
  r.success ? [] : r.error!.issues.map((i) => ({ column: String(i.path[0] ?? ''), reason: i.message }));

// ── 执法人员名册 ───────────────────────────────────────────────────────────────────────────────────────

interface OfficerRow { agencyOrgId: string; name: string; idNumber: string | null; staffed: boolean | null; certificateType: string | null; certificateNumber: string | null; certificateArea: string | null; certificateIssued: string | null; certificateExpiry: string | null; examDate: string | null; examScore: number | null; trainingHours: number | null }
const officerParse = (v: OfficerRow) => officerInput.safeParse({ ...v, agencyOrg: undefined, staffed: v.staffed ?? true, trainingHours: v.trainingHours ?? 0 });

registerLedger<OfficerRow>({
  entity: 'enforcement-officers',
  label: '行政执法人员名册',
  permission: PERM.report,
  entityType: 'enforcementOfficer',
  columns: [
    agencyCol,
    { key: 'name', header: '姓名', required: true, schema: z.string().min(2).max(50), example: '张伟', width: 10 },
    { key: 'idNumber', header: '身份证号', schema: z.string().regex(/^\d{17}[\dXx]$/, '身份证号应为18位'), example: '330723198805061234', width: 20, export: false },
    { key: 'staffed', header: '在编', type: 'boolean', example: '是', width: 6 },
    { key: 'certificateType', header: '证件类型', codes: swap(certificateTypes), example: '行政执法证', width: 14 },
    { key: 'certificateNumber', header: '证件编号', schema: z.string().min(4).max(40), unique: true, example: '33072301001', width: 16 },
    { key: 'certificateArea', header: '执法区域', schema: z.string().max(200), example: '武义县', width: 12 },
    { key: 'certificateIssued', header: '发证日期', type: 'date', example: '2023-06-01', width: 12 },
    { key: 'certificateExpiry', header: '有效期至', type: 'date', example: '2029-05-31', width: 12 },
    { key: 'examDate', header: '考试日期', type: 'date', example: '2023-05-20', width: 12 },
    { key: 'examScore', header: '考试成绩', type: 'integer', schema: z.number().int().min(0).max(100), example: 86, width: 10, hint: '60分及以上为合格' },
    { key: 'trainingHours', header: '培训学时', type: 'integer', schema: z.number().int().min(0).max(2000), example: 40, width: 10 },
  ],
  validateRow: (row) => issuesOf(officerParse(row.values)),
  importRows: async (tx, rows, ctx) => {
    const byId = await orgsById(tx, rows.map((r) => r.values.agencyOrgId));
    return insertOfficersTx(tx, ctx.auth.actor, rows.map((r) => ({ input: officerParse(r.values).data!, org: byId.get(r.values.agencyOrgId)! })));
  },
  export: {
    permission: PERM.read,
    filters: officerListFilter.omit({ page: true, pageSize: true }) as unknown as z.ZodType<Record<string, unknown>>,
    fetch: async (db, auth, filters, page, pageSize) => {
      const r = await listOfficers(db, auth, { ...filters, page, pageSize });
      return { total: r.total, items: r.items.map((o) => ({ ...o, agencyOrgId: o.orgName })) };
    },
  },
});

// ── 执法案件清单 ───────────────────────────────────────────────────────────────────────────────────────

interface CaseRow { agencyOrgId: string; caseNumber: string; kind: string; procedure: string | null; partyName: string; partyCreditCode: string | null; filedDate: string; decisionDate: string | null; extensionDays: number | null; extensionBasis: string | null; amount: number | null; legalBasis: string | null; major: boolean | null; legalReviewDate: string | null; mustPublish: boolean | null; publicationDate: string | null; publicationLink: string | null; changedDate: string | null; withdrawnDate: string | null }
const caseParse = (v: CaseRow) => caseInput.safeParse({ ...v, agencyOrg: undefined, procedure: v.procedure ?? 'ordinary', extensionDays: v.extensionDays ?? 0, major: v.major ?? false, mustPublish: v.mustPublish ?? true });

registerLedger<CaseRow>({
  entity: 'enforcement-cases',
  label: '行政执法案件清单',
  permission: PERM.report,
  entityType: 'enforcementCase',
  columns: [
    agencyCol,
    { key: 'caseNumber', header: '案件编号', required: true, schema: z.string().min(2).max(100), unique: true, example: '武市监处〔2025〕12号', width: 22 },
    { key: 'kind', header: '案件类型', required: true, codes: swap(caseKinds), example: '行政处罚', width: 10 },
    { key: 'procedure', header: '程序', codes: swap(procedures), example: '一般程序', width: 10 },
    { key: 'partyName', header: '相对人', required: true, schema: z.string().min(2).max(200), example: '武义县某某贸易有限公司', width: 24 },
    { key: 'partyCreditCode', header: '统一社会信用代码', schema: creditCode, example: '91330723MA2E0X1234', width: 20 },
    { key: 'filedDate', header: '立案日期', type: 'date', required: true, example: '2025-03-03', width: 12 },
    { key: 'decisionDate', header: '决定日期', type: 'date', example: '2025-05-20', width: 12 },
    { key: 'extensionDays', header: '延长天数', type: 'integer', schema: z.number().int().min(0).max(365), width: 10, hint: '经批准延长办案期限的天数（行政处罚法 第六十条）' },
    { key: 'extensionBasis', header: '延长依据', schema: z.string().max(500), width: 20 },
    { key: 'amount', header: '罚没金额（元）', type: 'decimal', schema: z.number().min(0), example: 5000, width: 12 },
    { key: 'legalBasis', header: '法律依据', schema: z.string().max(500), example: '《中华人民共和国食品安全法》第一百二十四条', width: 30 },
    { key: 'major', header: '重大执法决定', type: 'boolean', example: '否', width: 10 },
    { key: 'legalReviewDate', header: '法制审核日期', type: 'date', width: 12, hint: '重大执法决定应在决定前经法制审核（行政处罚法 第五十八条）' },
    { key: 'mustPublish', header: '应公示', type: 'boolean', example: '是', width: 8 },
    { key: 'publicationDate', header: '公示日期', type: 'date', example: '2025-05-23', width: 12 },
    { key: 'publicationLink', header: '公示网址', schema: z.string().max(500), width: 24 },
    { key: 'changedDate', header: '变更撤销日期', type: 'date', width: 12 },
    { key: 'withdrawnDate', header: '撤回公示日期', type: 'date', width: 12 },
  ],
  validateRow: (row) => issuesOf(caseParse(row.values)),
  importRows: async (tx, rows, ctx) => {
    const byId = await orgsById(tx, rows.map((r) => r.values.agencyOrgId));
    return insertCasesTx(tx, ctx.auth.actor, rows.map((r) => ({ input: caseParse(r.values).data!, org: byId.get(r.values.agencyOrgId)! })), await getRules(tx), todayInChina());
  },
  export: {
    permission: PERM.read,
    filters: caseListFilter.omit({ page: true, pageSize: true }) as unknown as z.ZodType<Record<string, unknown>>,
    fetch: async (db, auth, filters, page, pageSize) => {
      const r = await listCases(db, auth, { ...filters, page, pageSize });
      return { total: r.total, items: r.items.map((c) => ({ ...c, agencyOrgId: c.orgName })) };
    },
  },
});

// ── 行政检查记录 ───────────────────────────────────────────────────────────────────────────────────────

interface InspectionRow { agencyOrgId: string; enterpriseCreditCode: string; enterpriseName: string; inspectionDate: string; matter: string; planned: boolean | null; result: string | null }
const inspectionParse = (v: InspectionRow) => inspectionInput.safeParse({ ...v, agencyOrg: undefined, planned: v.planned ?? true });

registerLedger<InspectionRow>({
  entity: 'enforcement-inspections',
  label: '行政检查记录',
  permission: PERM.report,
  entityType: 'enforcementInspection',
  columns: [
    agencyCol,
    { key: 'enterpriseCreditCode', header: '统一社会信用代码', required: true, schema: creditCode, example: '91330723MA2E0X1234', width: 20 },
    { key: 'enterpriseName', header: '企业名称', required: true, schema: z.string().min(2).max(200), example: '武义县某某五金有限公司', width: 24 },
    { key: 'inspectionDate', header: '检查日期', type: 'date', required: true, example: '2025-04-08', width: 12 },
    { key: 'matter', header: '检查事项', required: true, schema: z.string().min(2).max(200), example: '安全生产', width: 16 },
    { key: 'planned', header: '计划内', type: 'boolean', example: '是', width: 8 },
    { key: 'result', header: '检查结果', schema: z.string().max(1000), example: '未发现问题', width: 20 },
  ],
  validateRow: (row) => issuesOf(inspectionParse(row.values)),
  importRows: async (tx, rows, ctx) => {
    const byId = await orgsById(tx, rows.map((r) => r.values.agencyOrgId));
    return insertInspectionsTx(tx, ctx.auth.actor, rows.map((r) => ({ input: inspectionParse(r.values).data!, org: byId.get(r.values.agencyOrgId)! })));
  },
  export: {
    permission: PERM.read,
    filters: inspectionListFilter.omit({ page: true, pageSize: true }) as unknown as z.ZodType<Record<string, unknown>>,
    fetch: async (db, auth, filters, page, pageSize) => {
      const r = await listInspections(db, auth, { ...filters, page, pageSize });
      return { total: r.total, items: r.items.map((i) => ({ ...i, agencyOrgId: i.orgName })) };
    },
  },
});
