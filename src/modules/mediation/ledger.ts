/**
 * 人民调解案件台账 — the most common Excel ledger of the line: template, all-or-nothing import (row, column, value and
 * reason for every problem; nothing written if any) and export of the list with the same filters and data scope.
 * A row with 结案日期 and 调解结果 is a concluded historical case (no workflow); one without starts the workflow
 * at 已登记 so the committee carries it on.
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { registerLedger, type LedgerContext, type ParsedRow } from '../../platform/ledger/spec';
import { orgInScope } from '../../platform/auth/scope';
import { orgs } from '../../platform/orgs/schema';
import { todayInChina } from '../../platform/calendar/service';
import { rowsOf } from '../../platform/db/client';
import { mediationCases, mediationCommittees } from './schema';
import { agreementTypes, byLabel, disputeTypes, outcomes, sources } from './terms';
import { committeeOf, listCases, listQuery } from './service';
import { MEDIATION_MANAGE, MEDIATION_READ } from './workflow';
import { startInstance } from '../../platform/workflow/engine';

export interface LedgerRow {
  registeredDate: string;
  source: string;
  disputeType: string;
  applicantName: string;
  respondentName: string;
  summary: string;
  committeeOrgId: string;
  mediatorNames?: string;
  courtCaseNumber?: string;
  amount?: number;
  closedDate?: string;
  outcome?: string;
  agreementType?: string;
  agreementContent?: string;
}

async function resolveCommittee(ref: string, ctx: LedgerContext) {
  const [row] = await ctx.db
    .select({ orgId: mediationCommittees.orgId, path: orgs.path, name: orgs.name })
    .from(mediationCommittees)
    .innerJoin(orgs, eq(orgs.id, mediationCommittees.orgId))
    .where(and(isNull(mediationCommittees.voidedAt), sql`${orgs.path} like ${ctx.auth.rootPath + '%'}`, sql`(${orgs.name} = ${ref} or ${orgs.shortName} = ${ref})`))
    .limit(1);
  if (!row) return { reason: `调解委员会「${ref}」不存在` };
  if (!orgInScope(ctx.auth, MEDIATION_MANAGE, { id: row.orgId, path: row.path })) return { reason: `无权导入「${row.name}」的案件` };
  return { value: row.orgId };
}

export const mediationLedger = registerLedger<LedgerRow>({
  entity: 'mediation',
  label: '人民调解案件台账',
  permission: MEDIATION_MANAGE,
  entityType: 'mediationCase',
  columns: [
    { key: 'registeredDate', header: '登记日期', type: 'date', required: true, example: '2025-03-05', width: 12 },
    { key: 'source', header: '纠纷来源', required: true, codes: byLabel(sources), example: '当事人申请', width: 16 },
    { key: 'disputeType', header: '纠纷类型', required: true, codes: byLabel(disputeTypes), example: '邻里纠纷', width: 16 },
    { key: 'applicantName', header: '申请人', required: true, schema: z.string().max(100), example: '徐国平', width: 12 },
    { key: 'respondentName', header: '对方当事人', required: true, schema: z.string().max(200), example: '何建华', width: 14 },
    { key: 'summary', header: '纠纷简要情况', required: true, schema: z.string().max(4000), example: '因宅基地边界滴水问题发生争执', width: 30 },
    { key: 'committeeOrgId', header: '调解委员会', required: true, lookup: { kind: 'custom', label: '调解委员会名称', resolve: resolveCommittee }, example: '后陈村人民调解委员会', width: 22 },
    { key: 'mediatorNames', header: '调解员', schema: z.string().max(200), example: '王建国', width: 12 },
    { key: 'courtCaseNumber', header: '诉前调解案号', schema: z.string().max(100), example: '', width: 22, hint: '法院委派的填写' },
    { key: 'amount', header: '涉及金额（元）', type: 'decimal', schema: z.number().min(0, '金额不能为负数'), example: 5000, width: 12 },
    { key: 'closedDate', header: '结案日期', type: 'date', example: '2025-03-20', width: 12 },
    { key: 'outcome', header: '调解结果', codes: byLabel(outcomes), example: '调解成功', width: 12 },
    { key: 'agreementType', header: '协议形式', codes: byLabel(agreementTypes), example: '书面调解协议', width: 14 },
    { key: 'agreementContent', header: '协议内容', schema: z.string().max(4000), example: '双方同意按原界址砌墙，费用各半', width: 30 },
  ],
  validateRow: (row: ParsedRow<LedgerRow>) => {
    const v = row.values;
    const issues: { column?: string; reason: string }[] = [];
    const today = todayInChina();
    if (v.registeredDate > today) issues.push({ column: 'registeredDate', reason: '登记日期不能晚于今天' });
    if (!!v.closedDate !== !!v.outcome) issues.push({ column: v.closedDate ? 'outcome' : 'closedDate', reason: '结案日期和调解结果应同时填写' });
    if (v.closedDate && v.closedDate < v.registeredDate) issues.push({ column: 'closedDate', reason: '结案日期不能早于登记日期' });
    if (v.closedDate && v.closedDate > today) issues.push({ column: 'closedDate', reason: '结案日期不能晚于今天' });
    if (v.outcome === 'success' && !v.agreementType) issues.push({ column: 'agreementType', reason: '调解成功的，请填写协议形式（人民调解法第二十八条）' });
    if (v.outcome && v.outcome !== 'success' && v.agreementType) issues.push({ column: 'agreementType', reason: '调解未成功的，不应填写协议形式' });
    if (v.source === 'courtReferral' && !v.courtCaseNumber) issues.push({ column: 'courtCaseNumber', reason: '法院委派的案件请填写诉前调解案号' });
    return issues;
  },
  importRows: async (tx, rows, ctx) => {
    const ids: string[] = [];
    const county = (await tx.select().from(orgs).where(eq(orgs.id, ctx.auth.rootPath.split('/').filter(Boolean)[0])))[0];
    const [court] = await tx.select().from(orgs).where(and(eq(orgs.type, 'court'), sql`${orgs.path} like ${ctx.auth.rootPath + '%'}`, isNull(orgs.voidedAt))).limit(1);
    const values: (typeof mediationCases.$inferInsert)[] = [];
    for (const { values: v } of rows) {
      const cm = (await committeeOf(tx, v.committeeOrgId))!;
      const year = Number(v.registeredDate.slice(0, 4));
      const [{ last }] = rowsOf<{ last: number }>(
        await tx.execute(sql`insert into mediation_sequences (scope, year, last) values (${county.regionCode.slice(0, 6)}, ${year}, 1) on conflict (scope, year) do update set last = mediation_sequences.last + 1 returning last`),
      );
      const id = crypto.randomUUID();
      ids.push(id);
      const caseNumber = `（${year}）${(county.shortName ?? county.name).slice(0, 1)}调字第${last}号`;
      const row: typeof mediationCases.$inferInsert = {
        id,
        orgId: cm.org.id,
        regionCode: cm.org.regionCode,
        createdBy: ctx.auth.user.id,
        caseNumber,
        source: v.source,
        disputeType: v.disputeType,
        summary: v.summary,
        applicantName: v.applicantName,
        respondentName: v.respondentName,
        amount: v.amount == null ? null : String(v.amount),
        townshipCode: cm.c.townshipCode,
        villageOrgId: cm.c.villageOrgId,
        registeredDate: v.registeredDate,
        acceptedDate: v.closedDate ? v.registeredDate : null,
        level: cm.c.level,
        mediatorNames: v.mediatorNames ?? null,
        courtOrgId: v.source === 'courtReferral' ? (court?.id ?? null) : null,
        courtCaseNumber: v.courtCaseNumber ?? null,
        referralDate: v.source === 'courtReferral' ? v.registeredDate : null,
        outcome: v.outcome ?? null,
        closedDate: v.closedDate ?? null,
        agreementType: v.agreementType ?? null,
        agreementContent: v.agreementContent ?? null,
        status: v.closedDate ? 'closed' : 'open',
        entry: 'import',
      };
      if (!v.closedDate) {
        const instance = await startInstance(tx, ctx.auth.actor, { workflow: 'mediation', entityId: id, title: `${caseNumber} ${v.applicantName}与${v.respondentName}${disputeTypes[v.disputeType as keyof typeof disputeTypes]}`, orgId: cm.org.id, regionCode: cm.org.regionCode, date: v.registeredDate, data: { source: v.source } });
        row.instanceId = instance.id;
      }
      values.push(row);
    }
    for (let i = 0; i < values.length; i += 500) await tx.insert(mediationCases).values(values.slice(i, i + 500));
    return ids;
  },
  export: {
    permission: MEDIATION_READ,
    filters: listQuery as unknown as z.ZodType<Record<string, unknown>>,
    fetch: async (db, auth, filters, page, pageSize) => {
      const r = await listCases(db, auth, filters as z.infer<typeof listQuery>, page, pageSize);
      return { items: r.items.map(exportRow), total: r.total };
    },
  },
});

/** A list item as a 台账 row (code columns carry codes; the export writes their labels). */
export function exportRow(i: Awaited<ReturnType<typeof listCases>>['items'][number]) {
  return {
    caseNumber: i.caseNumber,
    registeredDate: i.registeredDate,
    source: i.source,
    disputeType: i.disputeType,
    applicantName: i.applicantName,
    respondentName: i.respondentName,
    summary: i.summary,
    committeeOrgId: i.orgName,
    mediatorNames: i.mediatorNames,
    courtCaseNumber: i.courtCaseNumber,
    amount: null,
    closedDate: i.closedDate,
    outcome: i.outcome,
    agreementType: i.agreementType,
    agreementContent: null,
    stateLabel: i.stateLabel,
  };
}
