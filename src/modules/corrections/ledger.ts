/**
 * 在册 台账 import: an existing register of 社区矫正对象 (e.g. from the provincial 智慧矫正 system or a spreadsheet)
 * becomes subjects in the state their dates show (已接收 / 已报到 / 在矫). PII is encrypted on the way in; a file
 * with any bad row imports nothing.
 */
import { z } from 'zod';
import { and, inArray, isNull, sql } from 'drizzle-orm';
import { registerLedger } from '../../platform/ledger/spec';
import { orgs } from '../../platform/orgs/schema';
import { protectPii, piiIndex } from '../../platform/crypto/sm';
import { indexDoc } from '../../platform/search/service';
import { correctionSubjects } from './schema';
import { levels, PERM, sentenceTypes, SUBJECT_ENTITY } from './terms';
import { reportDue } from './workflow';

interface Row {
  name: string;
  gender: string | null;
  idNumber: string;
  phone: string | null;
  address: string | null;
  sentenceType: keyof typeof sentenceTypes;
  crime: string;
  sentence: string | null;
  decisionOrg: string;
  judgmentNumber: string | null;
  judgmentEffectiveDate: string;
  termStart: string;
  termEnd: string;
  receivedDate: string;
  reportedDate: string | null;
  announcedDate: string | null;
  level: keyof typeof levels | null;
  officeId: string;
}

const invert = (o: Record<string, string>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [v, k]));

export const subjectsLedger = registerLedger<Row>({
  entity: 'correction-subjects',
  label: '社区矫正对象在册台账',
  permission: PERM.import,
  entityType: SUBJECT_ENTITY,
  columns: [
    { key: 'name', header: '姓名', required: true, schema: z.string().min(2, '姓名至少2个字').max(50), example: '张某某', width: 10 },
    { key: 'gender', header: '性别', schema: z.enum(['男', '女'], { message: '性别应为男或女' }), example: '男', width: 6 },
    { key: 'idNumber', header: '身份证号码', required: true, unique: true, schema: z.string().regex(/^(\d{17}[\dXx]|\d{15})$/, '身份证号码格式不正确（18位）'), example: '330723199001011234', width: 22 },
    { key: 'phone', header: '联系电话', schema: z.string().regex(/^1\d{10}$/, '手机号码格式不正确'), example: '13800000000', width: 14 },
    { key: 'address', header: '居住地址', schema: z.string().min(4).max(200), example: '武义县壶山街道某某路1号', width: 28 },
    { key: 'sentenceType', header: '矫正类别', required: true, codes: invert(sentenceTypes), example: '缓刑', width: 12 },
    { key: 'crime', header: '罪名', required: true, schema: z.string().min(2).max(100), example: '危险驾驶罪', width: 14 },
    { key: 'sentence', header: '刑期', schema: z.string().max(200), example: '拘役二个月，缓刑四个月', width: 22 },
    { key: 'decisionOrg', header: '决定机关', required: true, schema: z.string().min(2).max(100), example: '武义县人民法院', width: 16 },
    { key: 'judgmentNumber', header: '法律文书号', schema: z.string().max(100), example: '（2025）浙0723刑初100号', width: 22 },
    { key: 'judgmentEffectiveDate', header: '判决生效日期', type: 'date', required: true, example: '2025-03-01', width: 12 },
    { key: 'termStart', header: '矫正起始日', type: 'date', required: true, example: '2025-03-01', width: 12 },
    { key: 'termEnd', header: '矫正截止日', type: 'date', required: true, example: '2025-06-30', width: 12 },
    { key: 'receivedDate', header: '接收日期', type: 'date', required: true, example: '2025-03-03', width: 12 },
    { key: 'reportedDate', header: '报到日期', type: 'date', example: '2025-03-05', width: 12 },
    { key: 'announcedDate', header: '入矫宣告日期', type: 'date', example: '2025-03-06', width: 12 },
    { key: 'level', header: '管理级别', codes: invert(levels), example: '普通', width: 10 },
    { key: 'officeId', header: '执行司法所', required: true, lookup: { kind: 'org' }, example: '壶山司法所', width: 14 },
  ],
  validateRow: (row) => {
    const v = row.values;
    const issues: { column?: string; reason: string }[] = [];
    if (v.termEnd < v.termStart) issues.push({ column: 'termEnd', reason: '矫正截止日不能早于起始日' });
    if (v.reportedDate && v.reportedDate < v.judgmentEffectiveDate) issues.push({ column: 'reportedDate', reason: '报到日期不能早于判决生效日期' });
    if (v.announcedDate && !v.reportedDate) issues.push({ column: 'reportedDate', reason: '已入矫宣告的，应填写报到日期' });
    if (v.announcedDate && v.reportedDate && v.announcedDate < v.reportedDate) issues.push({ column: 'announcedDate', reason: '宣告日期不能早于报到日期' });
    return issues;
  },
  validateRows: async (rows, ctx) => {
    const byIndex = new Map(rows.map((r) => [piiIndex(r.values.idNumber.toUpperCase()), r.rowNumber]));
    if (!byIndex.size) return [];
    const existing = await ctx.db.select({ idx: correctionSubjects.idNumberIndex }).from(correctionSubjects).where(and(isNull(correctionSubjects.voidedAt), inArray(correctionSubjects.idNumberIndex, [...byIndex.keys()]), sql`${correctionSubjects.state} in ('received','reported','supervising')`));
    return existing.map((e) => ({ row: byIndex.get(e.idx!)!, column: 'idNumber', reason: '该身份证号码的社区矫正对象已在册' }));
  },
  importRows: async (tx, rows, ctx) => {
    const officeIds = [...new Set(rows.map((r) => r.values.officeId))];
    const offices = new Map((await tx.select().from(orgs).where(inArray(orgs.id, officeIds))).map((o) => [o.id, o]));
    const ids: string[] = [];
    for (const { values: v } of rows) {
      const org = offices.get(v.officeId)!;
      const pid = protectPii(v.idNumber.toUpperCase());
      const phone = protectPii(v.phone);
      const address = protectPii(v.address);
      const state = v.announcedDate ? 'supervising' : v.reportedDate ? 'reported' : 'received';
      const [row] = await tx
        .insert(correctionSubjects)
        .values({
          orgId: org.id, regionCode: org.regionCode, createdBy: ctx.auth.user.id, name: v.name, gender: v.gender, idNumberEnc: pid.enc, idNumberMasked: pid.masked, idNumberIndex: pid.index,
          phoneEnc: phone.enc, phoneMasked: phone.masked, addressEnc: address.enc, addressMasked: address.masked, sentenceType: v.sentenceType, crime: v.crime, sentence: v.sentence,
          decisionOrg: v.decisionOrg, judgmentNumber: v.judgmentNumber, judgmentEffectiveDate: v.judgmentEffectiveDate, termStart: v.termStart, termEnd: v.termEnd, receivedDate: v.receivedDate,
          reportDueDate: reportDue(v.sentenceType, v.judgmentEffectiveDate).date, reportedDate: v.reportedDate, announcedDate: v.announcedDate, level: v.level ?? 'normal', state,
          lastContactDate: v.announcedDate ?? v.reportedDate, source: 'ledger',
        })
        .returning({ id: correctionSubjects.id });
      await indexDoc(tx, { entityType: SUBJECT_ENTITY, entityId: row.id, orgId: org.id, title: v.name, text: `${v.crime} ${v.judgmentNumber ?? ''}` });
      ids.push(row.id);
    }
    return ids;
  },
});
