/**
 * 应诉案件台账: the template, the all-or-nothing import of historical cases and the export of the list.
 * An imported closed case is a record without a workflow; an open one starts the workflow from its 收案日期.
 * Imported cases count in the indicators at once (indicators.ts reads the same table).
 */
import { and, inArray, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { registerLedger, type LedgerContext, type ParsedRow } from '../../platform/ledger/spec';
import { orgInScope } from '../../platform/auth/scope';
import { getOrg, resolveOrg, type Org } from '../../platform/orgs/service';
import { startInstance } from '../../platform/workflow/engine';
import { todayInChina } from '../../platform/calendar/service';
import type { DbOrTx } from '../../platform/db/client';
import { litigationCases, litigationHearings } from './schema';
import { actTypes, byLabel, levels, outcomes, plaintiffTypes, type OutcomeCode } from './terms';
import { CASE_NUMBER, DEFENDANT_ORG_TYPES, indexCase, listCases, listQuery } from './service';
import { LITIGATION_MANAGE, LITIGATION_READ, litigationWorkflow } from './workflow';

export interface LedgerRow {
  receivedDate: string;
  caseNumber: string;
  courtName: string;
  plaintiffName: string;
  plaintiffType?: string;
  defendantName: string;
  cause: string;
  actType?: string;
  level?: string;
  hearingDate?: string;
  headAppeared?: boolean;
  headName?: string;
  headPost?: string;
  closedDate?: string;
  outcome?: string;
}

const outcomeCodes = byLabel(outcomes);

/** Which org owns an imported case: as in registerCase (service.ts), the 被告 when the importer may manage it. */
async function ownerFor(ctx: LedgerContext, defendantName: string): Promise<{ owner: Org | null; defendant: Org | null; reason?: string }> {
  const memo = `owner:${defendantName}`;
  if (ctx.cache.has(memo)) return ctx.cache.get(memo) as { owner: Org | null; defendant: Org | null; reason?: string };
  const { auth, db } = ctx;
  const found = await resolveOrg(db, auth.rootPath, defendantName);
  const defendant = found && DEFENDANT_ORG_TYPES.includes(found.type) ? found : null;
  const own = (await getOrg(db, auth.user.orgId))!;
  let result: { owner: Org | null; defendant: Org | null; reason?: string };
  if (defendant && orgInScope(auth, LITIGATION_MANAGE, defendant)) result = { owner: defendant, defendant };
  else if (defendant && DEFENDANT_ORG_TYPES.includes(own.type)) result = { owner: null, defendant, reason: `只能导入以本机关（${own.name}）为被告的案件` };
  else if (!orgInScope(auth, LITIGATION_MANAGE, own)) result = { owner: null, defendant, reason: '无权导入应诉案件' };
  else result = { owner: own, defendant };
  ctx.cache.set(memo, result);
  return result;
}

export const litigationLedger = registerLedger<LedgerRow>({
  entity: 'litigation',
  label: '行政应诉案件台账',
  permission: LITIGATION_MANAGE,
  entityType: 'litigationCase',
  columns: [
    { key: 'receivedDate', header: '收案日期', type: 'date', required: true, example: '2025-03-05', width: 12, hint: '收到起诉状副本之日' },
    { key: 'caseNumber', header: '案号', required: true, unique: true, schema: z.string().regex(CASE_NUMBER, '案号格式应如（2025）浙0723行初12号'), example: '（2025）浙0723行初12号', width: 24 },
    { key: 'courtName', header: '法院', required: true, schema: z.string().max(100), example: '武义县人民法院', width: 16 },
    { key: 'plaintiffName', header: '原告', required: true, schema: z.string().max(200), example: '张某某', width: 14 },
    { key: 'plaintiffType', header: '原告类型', codes: byLabel(plaintiffTypes), example: '自然人', width: 12 },
    { key: 'defendantName', header: '被告', required: true, schema: z.string().max(200), example: '武义县自然资源和规划局', width: 22, hint: '被告行政机关全称；本县机关将自动关联' },
    { key: 'cause', header: '案由', required: true, schema: z.string().max(200), example: '土地行政处罚', width: 18 },
    { key: 'actType', header: '行为类别', codes: byLabel(actTypes), example: '行政处罚', width: 14 },
    { key: 'level', header: '审级', codes: byLabel(levels), example: '一审', width: 8, hint: '案件目前（或结案时）的审级，默认一审' },
    { key: 'hearingDate', header: '开庭日期', type: 'date', example: '2025-05-20', width: 12 },
    { key: 'headAppeared', header: '负责人是否出庭', type: 'boolean', example: '是', width: 10 },
    { key: 'headName', header: '出庭负责人', schema: z.string().max(50), example: '王某某', width: 12 },
    { key: 'headPost', header: '出庭负责人职务', schema: z.string().max(100), example: '副局长', width: 14 },
    { key: 'closedDate', header: '结案日期', type: 'date', example: '2025-07-10', width: 12 },
    { key: 'outcome', header: '结果', codes: outcomeCodes, example: '判决驳回诉讼请求', width: 22 },
  ],
  validateRow: async (row: ParsedRow<LedgerRow>, ctx) => {
    const v = row.values;
    const issues: { column?: string; reason: string }[] = [];
    const today = todayInChina();
    if (v.receivedDate > today) issues.push({ column: 'receivedDate', reason: '收案日期不能晚于今天' });
    if (!!v.closedDate !== !!v.outcome) issues.push({ column: v.closedDate ? 'outcome' : 'closedDate', reason: '结案日期和结果应同时填写' });
    if (v.closedDate && v.closedDate < v.receivedDate) issues.push({ column: 'closedDate', reason: '结案日期不能早于收案日期' });
    if (v.closedDate && v.closedDate > today) issues.push({ column: 'closedDate', reason: '结案日期不能晚于今天' });
    if (v.hearingDate && v.hearingDate > today) issues.push({ column: 'hearingDate', reason: '开庭日期不能晚于今天（台账只登记已开庭的）' });
    if (v.headAppeared && !v.hearingDate) issues.push({ column: 'hearingDate', reason: '负责人出庭的，请填写开庭日期' });
    if (v.headAppeared && !v.headName) issues.push({ column: 'headName', reason: '负责人出庭的，请填写出庭负责人' });
    if (!v.headAppeared && v.headName) issues.push({ column: 'headAppeared', reason: '填写了出庭负责人，“负责人是否出庭”应为“是”' });
    const o = await ownerFor(ctx, v.defendantName);
    if (o.reason) issues.push({ column: 'defendantName', reason: o.reason });
    return issues;
  },
  validateRows: async (rows, ctx) => {
    const numbers = rows.map((r) => r.values.caseNumber);
    if (!numbers.length) return [];
    const existing = await ctx.db
      .select({ n: litigationCases.caseNumber })
      .from(litigationCases)
      .where(and(inArray(litigationCases.caseNumber, numbers), isNull(litigationCases.voidedAt)));
    const taken = new Set(existing.map((e) => e.n));
    return rows.filter((r) => taken.has(r.values.caseNumber)).map((r) => ({ row: r.rowNumber, column: 'caseNumber', reason: `案号 ${r.values.caseNumber} 已登记` }));
  },
  importRows: async (tx, rows, ctx) => {
    const ids: string[] = [];
    const cases: (typeof litigationCases.$inferInsert)[] = [];
    const hearings: (typeof litigationHearings.$inferInsert)[] = [];
    for (const { values: v } of rows) {
      const { owner, defendant } = await ownerFor(ctx, v.defendantName);
      const court = await courtOf(tx, ctx, v.courtName);
      const id = crypto.randomUUID();
      ids.push(id);
      const closed = !!v.closedDate;
      const kind = v.outcome ? outcomes[v.outcome as OutcomeCode].kind : null;
      const row: typeof litigationCases.$inferInsert = {
        id,
        orgId: owner!.id,
        regionCode: owner!.regionCode,
        createdBy: ctx.auth.user.id,
        caseNumber: v.caseNumber,
        courtOrgId: court?.id ?? null,
        courtName: court?.name ?? v.courtName,
        plaintiffType: v.plaintiffType ?? 'person',
        plaintiffName: v.plaintiffName,
        defendantOrgId: defendant?.id ?? null,
        defendantName: defendant?.name ?? v.defendantName,
        actType: v.actType ?? 'other',
        cause: v.cause,
        receivedDate: v.receivedDate,
        level: v.level ?? 'first',
        status: closed ? 'closed' : 'open',
        appealed: (v.level ?? 'first') !== 'first',
        outcome: v.outcome ?? null,
        closedDate: v.closedDate ?? null,
        closingDocument: kind,
        source: 'import',
      };
      if (!closed) {
        // An open case gets its workflow from the 收案日期 so its 答辩 period and later steps are tracked.
        const instance = await startInstance(tx, ctx.auth.actor, { workflow: litigationWorkflow.key, entityId: id, title: `${v.caseNumber} ${v.plaintiffName}诉${row.defendantName}`, orgId: owner!.id, regionCode: owner!.regionCode, date: v.receivedDate });
        row.instanceId = instance.id;
      }
      cases.push(row);
      if (v.hearingDate) {
        hearings.push({
          orgId: owner!.id,
          regionCode: owner!.regionCode,
          createdBy: ctx.auth.user.id,
          caseId: id,
          level: v.level ?? 'first',
          hearingDate: v.hearingDate,
          courtName: row.courtName,
          status: 'held',
          headAppeared: !!v.headAppeared,
          headName: v.headName ?? null,
          headPost: v.headPost ?? null,
          note: '台账导入',
        });
      }
    }
    for (let i = 0; i < cases.length; i += 500) await tx.insert(litigationCases).values(cases.slice(i, i + 500));
    for (let i = 0; i < hearings.length; i += 500) await tx.insert(litigationHearings).values(hearings.slice(i, i + 500));
    for (const c of cases) await indexCase(tx, c as Parameters<typeof indexCase>[1]);
    return ids;
  },
  export: {
    permission: LITIGATION_READ,
    filters: listQuery as unknown as z.ZodType<Record<string, unknown>>,
    fetch: async (db, auth, filters, page, pageSize) => {
      const r = await listCases(db, auth, filters as z.infer<typeof listQuery>, page, pageSize);
      return { items: r.items.map(exportRow), total: r.total };
    },
  },
});

async function courtOf(tx: DbOrTx, ctx: LedgerContext, name: string) {
  const memo = `court:${name}`;
  if (!ctx.cache.has(memo)) {
    const org = await resolveOrg(tx, ctx.auth.rootPath, name);
    ctx.cache.set(memo, org && org.type === 'court' ? org : null);
  }
  return ctx.cache.get(memo) as Org | null;
}

/** A list item as a 台账 row (code columns carry codes; the export writes their labels). */
export function exportRow(i: Awaited<ReturnType<typeof listCases>>['items'][number]) {
  return {
    receivedDate: i.receivedDate,
    caseNumber: i.caseNumber,
    courtName: i.courtName,
    plaintiffName: i.plaintiffName,
    plaintiffType: i.plaintiffType,
    defendantName: i.defendantName,
    cause: i.cause,
    actType: i.actType,
    level: i.level,
    hearingDate: i.firstHearingDate,
    headAppeared: i.hearingCount ? !!i.headAppeared : null,
    headName: i.headNames,
    headPost: null,
    closedDate: i.closedDate,
    outcome: i.outcome,
  };
}

