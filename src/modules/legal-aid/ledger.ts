/**
 * 台账 of 公共法律服务: the 法律援助案件登记台账 and the 公证事项登记台账 — template, all-or-nothing import of
 * historical records (with 身份证号 encrypted on the way in) and export of the list as the caller may see it.
 */
import { z } from 'zod';
import { registerLedger } from '../../platform/ledger/spec';
import { getOrg } from '../../platform/orgs/service';
import { assigneeKinds, caseTypes, channels, notaryMatterTypes, notaryStates, PERM, qualityItems } from './terms';
import { legalAidCenterOf, listCases } from './cases';
import { listNotary, notaryFilter } from './services';
import { insertHistoricalCases, insertNotaryMatters } from './history';
import { listFilter } from './cases';
import { AppError } from '../../platform/errors';
import { rowsOf } from '../../platform/db/client';
import { sql } from 'drizzle-orm';

const invert = (o: Record<string, string>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [v, k]));
const idNumber = z.string().regex(/^\d{17}[\dXx]$/, '身份证号应为18位（最后一位可为X）');

interface CaseRow {
  caseNumber: string | null;
  caseType: 'criminal' | 'civil' | 'administrative';
  channel: 'counter' | 'portal' | 'notice';
  receivedDate: string;
  applicantName: string;
  applicantIdNumber: string | null;
  matter: string;
  noticeOrgName: string | null;
  decisionDate: string | null;
  assignedDate: string | null;
  assigneeKind: string | null;
  assigneeName: string | null;
  assigneeFirm: string | null;
  closedDate: string | null;
  closingResult: string | null;
  qualityTotal: number | null;
  qualityDate: string | null;
}

export const legalAidLedger = registerLedger<CaseRow>({
  entity: 'legal-aid-cases',
  label: '法律援助案件登记台账',
  permission: PERM.decide,
  entityType: 'legalAidCase',
  columns: [
    { key: 'caseNumber', header: '案件编号', schema: z.string().max(60), example: '武援〔2024〕12号', width: 18, unique: true, hint: '空白时按本机构当年顺序自动编号' },
    { key: 'caseType', header: '案件类别', required: true, codes: invert(caseTypes), example: '民事', width: 10 },
    { key: 'channel', header: '案件来源', required: true, codes: invert(channels), example: '窗口申请', width: 16 },
    { key: 'receivedDate', header: '收案日期', type: 'date', required: true, example: '2024-03-05', width: 12 },
    { key: 'applicantName', header: '受援人', required: true, schema: z.string().min(2, '受援人姓名至少2个字').max(50), example: '张建国', width: 12 },
    { key: 'applicantIdNumber', header: '身份证号', schema: idNumber, example: '330723197805061234', width: 22, hint: '导入后加密保存，列表和导出只显示脱敏号码' },
    { key: 'matter', header: '案由', required: true, schema: z.string().min(2).max(2000), example: '劳动报酬纠纷', width: 24 },
    { key: 'noticeOrgName', header: '通知机关', schema: z.string().max(100), example: '', width: 18, hint: '通知辩护案件填写公安机关、人民检察院或人民法院' },
    { key: 'decisionDate', header: '决定给予日期', type: 'date', example: '2024-03-08', width: 12, hint: '申请案件：收到申请之日起7日内（法律援助法 第四十三条）' },
    { key: 'assignedDate', header: '指派日期', type: 'date', example: '2024-03-10', width: 12 },
    { key: 'assigneeKind', header: '承办人类别', codes: invert(assigneeKinds), example: '律师', width: 14 },
    { key: 'assigneeName', header: '承办人', schema: z.string().max(50), example: '李明', width: 10 },
    { key: 'assigneeFirm', header: '承办单位', schema: z.string().max(100), example: '浙江武阳律师事务所', width: 22 },
    { key: 'closedDate', header: '结案日期', type: 'date', example: '2024-06-20', width: 12 },
    { key: 'closingResult', header: '办理结果', schema: z.string().max(2000), example: '调解结案，受援人获赔2.8万元', width: 24 },
    { key: 'qualityTotal', header: '质量评估得分', type: 'integer', schema: z.number().int().min(0, '得分应在0至100之间').max(100, '得分应在0至100之间'), example: 92, width: 12, hint: '优秀≥90，良好≥80，合格≥60' },
    { key: 'qualityDate', header: '评估日期', type: 'date', example: '2024-07-01', width: 12 },
  ],
  validateRow: (row) => {
    const v = row.values;
    const issues: { column?: string; reason: string }[] = [];
    const order: [keyof CaseRow, string][] = [['receivedDate', '收案日期'], ['decisionDate', '决定给予日期'], ['assignedDate', '指派日期'], ['closedDate', '结案日期'], ['qualityDate', '评估日期']];
    let prev: [string, string] | null = null;
    for (const [k, label] of order) {
      const d = v[k] as string | null;
      if (!d) continue;
      if (prev && d < prev[1]) issues.push({ column: k, reason: `${label}不能早于${prev[0]}` });
      prev = [label, d];
    }
    if (v.channel === 'notice' && !v.noticeOrgName) issues.push({ column: 'noticeOrgName', reason: '通知辩护案件请填写通知机关' });
    if (v.channel !== 'notice' && !v.decisionDate) issues.push({ column: 'decisionDate', reason: '申请案件请填写决定给予日期' });
    if (v.assignedDate && (!v.assigneeName || !v.assigneeKind)) issues.push({ column: 'assigneeName', reason: '已指派的案件请填写承办人和承办人类别' });
    if (v.closedDate && !v.assignedDate) issues.push({ column: 'assignedDate', reason: '已结案的案件请填写指派日期' });
    if ((v.qualityTotal == null) !== (v.qualityDate == null)) issues.push({ column: v.qualityTotal == null ? 'qualityTotal' : 'qualityDate', reason: '质量评估得分和评估日期应同时填写' });
    if (v.qualityDate && !v.closedDate) issues.push({ column: 'closedDate', reason: '评估的案件请填写结案日期' });
    return issues;
  },
  validateRows: async (rows, ctx) => {
    const numbers = rows.map((r) => r.values.caseNumber).filter((n): n is string => !!n);
    if (!numbers.length) return [];
    const existing = new Set(rowsOf<{ case_number: string }>(await ctx.db.execute(sql`select case_number from legal_aid_cases where case_number in (${sql.join(numbers.map((n) => sql`${n}`), sql`, `)})`)).map((r) => r.case_number));
    return rows.filter((r) => r.values.caseNumber && existing.has(r.values.caseNumber)).map((r) => ({ row: r.rowNumber, column: 'caseNumber', reason: '案件编号已存在' }));
  },
  importRows: async (tx, rows, ctx) => {
    const org = await legalAidCenterOf(tx, ctx.auth);
    if (!org) throw new AppError('LEGAL_AID_NO_CENTER', '未找到法律援助机构', 400);
    // One total score: spread over the items in proportion to their maxima, so the grade follows the total.
    const maxTotal = Object.values(qualityItems).reduce((s, i) => s + i.max, 0);
    return insertHistoricalCases(tx, ctx.auth.actor, rows.map(({ values: v }) => {
      let scores: Record<string, number> | null = null;
      if (v.qualityTotal != null) {
        const entries = Object.entries(qualityItems);
        scores = Object.fromEntries(entries.map(([k, i]) => [k, Math.floor((v.qualityTotal! * i.max) / maxTotal)]));
        const diff = v.qualityTotal - Object.values(scores).reduce((s, x) => s + x, 0);
        scores[entries[0][0]] += diff;
      }
      return {
        orgId: org.id, regionCode: org.regionCode, caseNumber: v.caseNumber, channel: v.channel, caseType: v.caseType, receivedDate: v.receivedDate, applicantName: v.applicantName,
        applicantIdNumber: v.applicantIdNumber, matter: v.matter, noticeOrgName: v.noticeOrgName, decision: 'grant' as const, decisionDate: v.decisionDate ?? v.receivedDate,
        assignedDate: v.assignedDate, assigneeKind: v.assigneeKind, assigneeName: v.assigneeName, assigneeFirm: v.assigneeFirm, closedDate: v.closedDate, closingResult: v.closingResult,
        qualityScores: scores, qualityDate: v.qualityDate, qualityAssessor: v.qualityDate ? '台账导入' : null,
      };
    }));
  },
  export: {
    permission: PERM.read,
    filters: listFilter.omit({ page: true, pageSize: true }) as never,
    fetch: async (db, auth, filters, page, pageSize) => {
      const r = await listCases(db, auth, { ...filters, page, pageSize });
      return { total: r.total, items: r.items.map((c) => ({ ...c, applicantIdNumber: c.applicantIdMasked })) };
    },
  },
});

interface NotaryRow {
  caseNumber: string;
  matterType: keyof typeof notaryMatterTypes;
  applicantName: string;
  applicantIdNumber: string | null;
  foreign: boolean | null;
  useCountry: string | null;
  oneVisit: boolean | null;
  fee: number;
  acceptedDate: string;
  certifiedDate: string | null;
  state: 'accepted' | 'certified' | 'refused' | 'terminated';
  certificateNumber: string | null;
  notaryName: string | null;
}

export const notaryLedger = registerLedger<NotaryRow>({
  entity: 'notary-matters',
  label: '公证事项登记台账',
  permission: PERM.notaryManage,
  entityType: 'notaryMatter',
  columns: [
    { key: 'caseNumber', header: '受理编号', required: true, unique: true, schema: z.string().min(2).max(60), example: '武证〔2024〕128号', width: 18 },
    { key: 'matterType', header: '公证事项', required: true, codes: invert(notaryMatterTypes), example: '继承', width: 16 },
    { key: 'applicantName', header: '申请人', required: true, schema: z.string().min(2).max(100), example: '王美华', width: 14 },
    { key: 'applicantIdNumber', header: '身份证号', schema: idNumber, example: '330723196508121226', width: 22, hint: '导入后加密保存' },
    { key: 'foreign', header: '涉外', type: 'boolean', example: '否', width: 8 },
    { key: 'useCountry', header: '使用地', schema: z.string().max(50), example: '', width: 12, hint: '涉外公证填写使用国家或地区' },
    { key: 'oneVisit', header: '最多跑一次', type: 'boolean', example: '是', width: 10 },
    { key: 'fee', header: '收费（元）', type: 'decimal', required: true, schema: z.number().min(0, '收费不能为负数'), example: 300, width: 10 },
    { key: 'acceptedDate', header: '受理日期', type: 'date', required: true, example: '2024-05-06', width: 12 },
    { key: 'state', header: '办理状态', required: true, codes: invert(notaryStates), example: '已出证', width: 10 },
    { key: 'certifiedDate', header: '办结日期', type: 'date', example: '2024-05-09', width: 12 },
    { key: 'certificateNumber', header: '公证书编号', schema: z.string().max(100), example: '（2024）浙武证字第1128号', width: 24 },
    { key: 'notaryName', header: '承办公证员', schema: z.string().max(50), example: '陈晓', width: 12 },
  ],
  validateRow: (row) => {
    const v = row.values;
    const issues: { column?: string; reason: string }[] = [];
    if (v.state !== 'accepted' && !v.certifiedDate) issues.push({ column: 'certifiedDate', reason: '已办结的公证事项请填写办结日期' });
    if (v.certifiedDate && v.certifiedDate < v.acceptedDate) issues.push({ column: 'certifiedDate', reason: '办结日期不能早于受理日期' });
    if (v.state === 'certified' && !v.certificateNumber) issues.push({ column: 'certificateNumber', reason: '已出证的请填写公证书编号' });
    if (v.foreign && !v.useCountry) issues.push({ column: 'useCountry', reason: '涉外公证请填写使用地' });
    return issues;
  },
  importRows: async (tx, rows, ctx) => {
    const org = ctx.auth.user.orgType === 'notaryOffice' ? await getOrg(tx, ctx.auth.user.orgId) : undefined;
    if (!org) throw new AppError('NOTARY_NOT_OFFICE', '请以公证处工作人员身份导入公证台账', 400);
    return insertNotaryMatters(tx, ctx.auth.actor, rows.map(({ values: v }) => ({ ...v, orgId: org.id, regionCode: org.regionCode, foreign: !!v.foreign, oneVisit: !!v.oneVisit })));
  },
  export: {
    permission: PERM.notaryRead,
    filters: notaryFilter.omit({ page: true, pageSize: true }) as never,
    fetch: async (db, auth, filters, page, pageSize) => {
      const r = await listNotary(db, auth, { ...filters, page, pageSize });
      return { total: r.total, items: r.items.map((m) => ({ ...m, applicantIdNumber: m.applicantIdMasked })) };
    },
  },
});
