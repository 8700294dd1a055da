/**
 * 行政复议 台账: historical cases imported from Excel (收案日期, 申请人, 被申请人, 行为类别, 程序, 受理日期, 审结日期,
 * 结案方式 …). Imported cases are concluded cases; they count in the indicators as soon as the import commits.
 */
import { z } from 'zod';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { registerLedger } from '../../platform/ledger/spec';
import { AppError } from '../../platform/errors';
import { orgs } from '../../platform/orgs/schema';
import { actTypes, decisionKinds, outcomes, PERM, terminationGrounds } from './terms';
import { handlingOrgOf, insertHistoricalCases, type HistoricalCase } from './service';

interface Row {
  receivedDate: string;
  applicantName: string;
  applicantType: 'person' | 'organization' | null;
  respondentName: string;
  actType: string;
  actNumber: string | null;
  procedure: 'summary' | 'ordinary' | null;
  acceptedDate: string | null;
  concludedDate: string | null;
  outcome: string;
  decisionNumber: string | null;
}

const invert = <T extends string>(o: Record<T, string>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [v as string, k])) as Record<string, string>;

/** 结案方式: every decision kind, 调解, the 终止 grounds, and the refusals — with the words people write in 台账. */
export const outcomeCodes: Record<string, string> = {
  ...Object.fromEntries(Object.entries(decisionKinds).map(([k, v]) => [v.label, k])),
  驳回: 'dismiss',
  驳回复议请求: 'dismiss',
  责令重作: 'revokeAndRedo',
  撤销并责令重作: 'revokeAndRedo',
  赔偿: 'compensation',
  调解: 'mediation',
  调解结案: 'mediation',
  ...Object.fromEntries(Object.entries(terminationGrounds).map(([k, v]) => [v.label, k])),
  撤回: 'withdrawn',
  撤回申请: 'withdrawn',
  撤回终止: 'withdrawn',
  和解撤回: 'settlementWithdrawn',
  和解后撤回: 'settlementWithdrawn',
  终止: 'otherTermination',
  不予受理: 'rejected',
  转送: 'transferred',
  视为放弃: 'abandoned',
};

export const adminReviewLedger = registerLedger<Row>({
  entity: 'admin-review',
  label: '行政复议案件台账',
  permission: PERM.import,
  entityType: 'adminReviewCase',
  columns: [
    { key: 'receivedDate', header: '收案日期', type: 'date', required: true, example: '2025-03-05', width: 12 },
    { key: 'applicantName', header: '申请人', required: true, schema: z.string().min(2, '申请人至少2个字').max(100), example: '张建国', width: 16 },
    { key: 'applicantType', header: '申请人类型', codes: invert(applicantTypeLabels()), example: '自然人', width: 14 },
    { key: 'respondentName', header: '被申请人', required: true, schema: z.string().min(2, '被申请人至少2个字').max(100), example: '武义县市场监督管理局', width: 24, hint: '行政机关全称；与组织机构名称一致的会自动关联' },
    { key: 'actType', header: '行为类别', required: true, codes: invert(actTypes), example: '行政处罚', width: 14 },
    { key: 'actNumber', header: '行政行为文号', schema: z.string().max(100), example: '武市监处罚〔2025〕12号', width: 22 },
    { key: 'procedure', header: '程序', codes: { 简易程序: 'summary', 普通程序: 'ordinary', 简易: 'summary', 普通: 'ordinary' }, example: '普通程序', width: 10 },
    { key: 'acceptedDate', header: '受理日期', type: 'date', example: '2025-03-10', width: 12 },
    { key: 'concludedDate', header: '审结日期', type: 'date', required: true, example: '2025-05-06', width: 12, hint: '决定、调解、终止或不予受理之日；历史台账只导入已办结案件' },
    { key: 'outcome', header: '结案方式', required: true, codes: outcomeCodes, example: '维持', width: 16 },
    { key: 'decisionNumber', header: '决定书文号', schema: z.string().max(100), example: '武政复〔2025〕12号', width: 20 },
  ],
  validateRow: (row) => {
    const v = row.values;
    const issues: { column?: string; reason: string }[] = [];
    const ending = outcomes[v.outcome]?.ending;
    if (ending && ending !== 'rejection' && !v.acceptedDate) issues.push({ column: 'acceptedDate', reason: `结案方式为“${outcomes[v.outcome].label}”的案件应填写受理日期` });
    if (ending === 'rejection' && v.acceptedDate) issues.push({ column: 'acceptedDate', reason: `结案方式为“${outcomes[v.outcome].label}”的案件不应有受理日期` });
    if (v.acceptedDate && v.acceptedDate < v.receivedDate) issues.push({ column: 'acceptedDate', reason: '受理日期不能早于收案日期' });
    if (v.concludedDate && v.concludedDate < (v.acceptedDate ?? v.receivedDate)) issues.push({ column: 'concludedDate', reason: v.acceptedDate ? '审结日期不能早于受理日期' : '审结日期不能早于收案日期' });
    return issues;
  },
  importRows: async (tx, rows, ctx) => {
    const bureau = await handlingOrgOf(tx, ctx.auth);
    if (!ctx.auth.permissions.has(PERM.import)) throw new AppError('FORBIDDEN', '无权导入行政复议台账', 403);
    const root = ctx.auth.rootPath;
    const known = new Map<string, string>();
    for (const name of new Set(rows.map((r) => r.values.respondentName))) {
      const [o] = await tx.select({ id: orgs.id }).from(orgs).where(and(eq(orgs.name, name), isNull(orgs.voidedAt), sql`${orgs.path} like ${root + '%'}`)).limit(1);
      if (o) known.set(name, o.id);
    }
    const cases: HistoricalCase[] = rows.map(({ values: v }) => ({
      receivedDate: v.receivedDate,
      applicantName: v.applicantName,
      applicantType: v.applicantType ?? 'person',
      respondentName: v.respondentName,
      respondentOrgId: known.get(v.respondentName) ?? null,
      actType: v.actType,
      actNumber: v.actNumber,
      procedure: v.procedure,
      acceptedDate: v.acceptedDate,
      concludedDate: v.concludedDate!,
      outcome: v.outcome,
      decisionNumber: v.decisionNumber,
    }));
    return insertHistoricalCases(tx, ctx.auth.actor, bureau, cases, 'ledger');
  },
});

function applicantTypeLabels() {
  return { person: '自然人', organization: '法人或其他组织' };
}
