/**
 * 手工指标: figures no business line records (常住人口, 执业律师数, honours won), entered per org and period with
 * their source and who entered them, audited, and served as indicators `manual.<code>` beside the others.
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { rowsOf, type Db, type DbOrTx } from '../db/client';
import { AppError, conflict, invalid, notFound, pgErrorCode } from '../errors';
import { recordAudit } from '../audit/service';
import type { AuthContext } from '../auth/context';
import { orgInScope, scopeCondition } from '../auth/scope';
import { getOrg } from '../orgs/service';
import { isoDate } from '../http/schemas';
import type { IndicatorDef, IndicatorQuery, RecordRef } from './registry';
import { indicatorManualDefs, indicatorManualValues } from './schema';
import { IND_PERM } from './permissions';

export const MANUAL_PREFIX = 'manual.';
export const MANUAL_ENTITY = 'indicatorManualValue';

export const aggregations = {
  latest: '期末数（取期末有效的最新填报值）',
  sum: '累计数（期间内各期填报值相加）',
} as const;

export const manualDefInput = z.object({
  code: z.string().trim().regex(/^[a-zA-Z][a-zA-Z0-9_]{1,47}$/, '指标代码应为字母开头的字母、数字或下划线（2–48位）'),
  label: z.string().trim().min(2, '请填写指标名称').max(60),
  unitLabel: z.string().trim().max(16).default(''),
  definition: z.string().trim().min(2, '请填写指标口径').max(500),
  aggregation: z.enum(['latest', 'sum']).default('latest'),
  direction: z.enum(['higherBetter', 'lowerBetter']).default('higherBetter'),
});

export const manualValueInput = z.object({
  defCode: z.string().trim().min(1, '请选择指标'),
  orgId: z.uuid({ message: '请选择机构' }),
  periodFrom: isoDate,
  periodTo: isoDate,
  value: z.number({ message: '请填写数值' }).finite().min(-1e12).max(1e12),
  source: z.string().trim().min(2, '请填写数据来源').max(200),
  note: z.string().trim().max(500).nullish(),
});

export const manualValueUpdate = manualValueInput.pick({ value: true, source: true, note: true }).extend({ version: z.number().int() });

type ManualDefRow = typeof indicatorManualDefs.$inferSelect;
type ManualValueRow = typeof indicatorManualValues.$inferSelect;

export async function listManualDefs(db: DbOrTx): Promise<ManualDefRow[]> {
  return db.select().from(indicatorManualDefs).where(isNull(indicatorManualDefs.voidedAt)).orderBy(indicatorManualDefs.code);
}

/**
 * The value of a manual indicator for an org (with descendants) and a period. Only the top-most orgs with
 * a value count, so a county figure entered for the county is not added to its townships' figures.
 *  latest: per org, the value whose period ends last on or before the period's end (in force at its end).
 *  sum:    per org, the values whose period lies inside the period, added up.
 */
function manualValuesSql(code: string, aggregation: string, q: IndicatorQuery) {
  const perOrg =
    sql`select v.org_id, o.path, o.name as org_name, v.id, v.value, v.period_from, v.period_to, v.source from indicator_manual_values v join orgs o on o.id = v.org_id
        where v.def_code = ${code} and v.voided_at is null and o.path like ${q.org.path + '%'}`;
  const pick =
    aggregation === 'sum'
      ? sql`select * from e where e.period_from >= ${q.from} and e.period_to <= ${q.to}`
      : sql`select distinct on (e.org_id) * from e where e.period_to <= ${q.to} order by e.org_id, e.period_to desc`;
  return sql`with e as (${perOrg}), pick as (${pick})
    select p.* from pick p where not exists (select 1 from pick a where p.path like a.path || '%' and a.path <> p.path)`;
}

export function manualIndicatorDef(row: ManualDefRow): IndicatorDef {
  const key = MANUAL_PREFIX + row.code;
  return {
    key,
    label: row.label,
    module: 'manual',
    definition: `${row.definition}（手工填报，${aggregations[row.aggregation as keyof typeof aggregations] ?? row.aggregation}）`,
    unit: 'count',
    unitLabel: row.unitLabel || undefined,
    direction: row.direction === 'lowerBetter' ? 'lowerBetter' : 'higherBetter',
    permission: IND_PERM.read,
    compute: async (db, q) => {
      const [r] = rowsOf<{ n: string | null }>(await db.execute(sql`select sum(x.value)::text as n from (${manualValuesSql(row.code, row.aggregation, q)}) x`));
      return { numerator: r?.n == null ? 0 : Number(r.n), denominator: null };
    },
    records: async (db, q) => {
      const rows = rowsOf<{ id: string; org_name: string; value: string; period_from: string; period_to: string; source: string }>(
        await db.execute(sql`select x.id, x.org_name, x.value::text as value, x.period_from::text as period_from, x.period_to::text as period_to, x.source from (${manualValuesSql(row.code, row.aggregation, q)}) x order by x.period_to, x.org_name`),
      );
      return rows.map((r): RecordRef => ({
        entityType: MANUAL_ENTITY,
        id: r.id,
        title: `${row.label} ${Number(r.value)}${row.unitLabel}（${r.period_from}至${r.period_to}）`,
        date: r.period_to,
        orgName: r.org_name,
        link: `/indicators/manual?code=${encodeURIComponent(row.code)}`,
        extra: { source: r.source, value: Number(r.value) },
      }));
    },
  };
}

export async function manualIndicatorDefs(db: DbOrTx): Promise<IndicatorDef[]> {
  return (await listManualDefs(db)).map(manualIndicatorDef);
}

export async function createManualDef(db: Db, auth: AuthContext, input: z.infer<typeof manualDefInput>) {
  return db.transaction(async (tx) => {
    try {
      const [row] = await tx.insert(indicatorManualDefs).values({ ...input, orgId: auth.user.orgId, regionCode: auth.user.regionCode, createdBy: auth.user.id }).returning();
      await recordAudit(tx, auth.actor, { action: 'indicator.manualDef.create', entityType: 'indicatorManualDef', entityId: row.id, summary: `定义手工指标 ${row.label}`, after: row });
      return row;
    } catch (err) {
      if (pgErrorCode(err) === '23505') throw new AppError('INDICATOR_MANUAL_CODE_TAKEN', `指标代码 ${input.code} 已存在`, 409);
      throw err;
    }
  });
}

async function manualDefByCode(db: DbOrTx, code: string) {
  const [d] = await db.select().from(indicatorManualDefs).where(and(eq(indicatorManualDefs.code, code), isNull(indicatorManualDefs.voidedAt)));
  return d;
}

export async function enterManualValue(db: Db, auth: AuthContext, input: z.infer<typeof manualValueInput>) {
  if (input.periodFrom > input.periodTo) throw invalid('起始日期不能晚于截止日期', undefined, 'INDICATOR_BAD_PERIOD');
  return db.transaction(async (tx) => {
    const def = await manualDefByCode(tx, input.defCode);
    if (!def) throw notFound('手工指标');
    const org = await getOrg(tx, input.orgId);
    if (!org || org.voidedAt || !orgInScope(auth, IND_PERM.enterManual, org)) throw notFound('机构');
    try {
      const [row] = await tx
        .insert(indicatorManualValues)
        .values({ defCode: def.code, orgId: org.id, regionCode: org.regionCode, createdBy: auth.user.id, periodFrom: input.periodFrom, periodTo: input.periodTo, value: String(input.value), source: input.source, note: input.note ?? null })
        .returning();
      await recordAudit(tx, auth.actor, { action: 'indicator.manualValue.create', entityType: MANUAL_ENTITY, entityId: row.id, summary: `填报 ${org.name} ${def.label} ${input.value}${def.unitLabel}（${input.periodFrom}至${input.periodTo}，来源：${input.source}）`, after: row });
      return row;
    } catch (err) {
      if (pgErrorCode(err) === '23505') throw new AppError('INDICATOR_MANUAL_VALUE_EXISTS', `${org.name}在该期间已填报${def.label}，请修改原值`, 409);
      throw err;
    }
  });
}

async function valueInScope(tx: DbOrTx, auth: AuthContext, id: string): Promise<ManualValueRow> {
  const [row] = await tx.select().from(indicatorManualValues).where(and(eq(indicatorManualValues.id, id), isNull(indicatorManualValues.voidedAt)));
  const org = row && (await getOrg(tx, row.orgId));
  if (!row || !org || !orgInScope(auth, IND_PERM.enterManual, org)) throw notFound('填报记录');
  return row;
}

export async function updateManualValue(db: Db, auth: AuthContext, id: string, input: z.infer<typeof manualValueUpdate>) {
  return db.transaction(async (tx) => {
    const before = await valueInScope(tx, auth, id);
    if (before.version !== input.version) throw conflict();
    const [after] = await tx
      .update(indicatorManualValues)
      .set({ value: String(input.value), source: input.source, note: input.note ?? null, version: before.version + 1, updatedAt: new Date() })
      .where(and(eq(indicatorManualValues.id, id), eq(indicatorManualValues.version, input.version)))
      .returning();
    if (!after) throw conflict();
    await recordAudit(tx, auth.actor, { action: 'indicator.manualValue.update', entityType: MANUAL_ENTITY, entityId: id, summary: `修改手工指标填报值 ${Number(before.value)} → ${input.value}`, before, after });
    return after;
  });
}

export async function voidManualValue(db: Db, auth: AuthContext, id: string, reason: string) {
  return db.transaction(async (tx) => {
    const before = await valueInScope(tx, auth, id);
    const [after] = await tx.update(indicatorManualValues).set({ voidedAt: new Date(), voidedBy: auth.user.id, voidReason: reason, version: before.version + 1 }).where(eq(indicatorManualValues.id, id)).returning();
    await recordAudit(tx, auth.actor, { action: 'indicator.manualValue.void', entityType: MANUAL_ENTITY, entityId: id, summary: `作废手工指标填报值：${reason}`, before, after });
    return after;
  });
}

export const manualValueFilter = z.object({
  code: z.string().optional(),
  org: z.uuid().optional(),
  year: z.coerce.number().int().optional(),
});

/** Entered values the caller may see (scoped by 填报 permission or 查看 permission), newest period first. */
export async function listManualValues(db: DbOrTx, auth: AuthContext, f: z.infer<typeof manualValueFilter> & { page: number; pageSize: number }) {
  const scope = auth.permissions.has(IND_PERM.enterManual)
    ? scopeCondition(auth, IND_PERM.enterManual, { orgId: indicatorManualValues.orgId })
    : scopeCondition(auth, IND_PERM.read, { orgId: indicatorManualValues.orgId });
  const where = sql`indicator_manual_values.voided_at is null and ${scope}
    ${f.code ? sql`and indicator_manual_values.def_code = ${f.code}` : sql``}
    ${f.org ? sql`and indicator_manual_values.org_id = ${f.org}` : sql``}
    ${f.year ? sql`and extract(year from indicator_manual_values.period_to) = ${f.year}` : sql``}`;
  // scopeCondition names the table's own columns, so the table keeps its name (no alias).
  const from = sql`from indicator_manual_values join orgs o on o.id = indicator_manual_values.org_id left join indicator_manual_defs d on d.code = indicator_manual_values.def_code and d.voided_at is null left join users u on u.id = indicator_manual_values.created_by`;
  const fixed = sql`${from} where ${where}`;
  const [{ total }] = rowsOf<{ total: number }>(await db.execute(sql`select count(*)::int as total ${fixed}`));
  const rows = rowsOf<{ id: string; def_code: string; label: string | null; unit_label: string | null; org_id: string; org_name: string; period_from: string; period_to: string; value: string; source: string; note: string | null; entered_by: string | null; updated_at: string; version: number }>(
    await db.execute(sql`select indicator_manual_values.id, indicator_manual_values.def_code, d.label, d.unit_label, indicator_manual_values.org_id, o.name as org_name, indicator_manual_values.period_from::text as period_from, indicator_manual_values.period_to::text as period_to, indicator_manual_values.value::text as value,
      indicator_manual_values.source, indicator_manual_values.note, u.display_name as entered_by, indicator_manual_values.updated_at::text as updated_at, indicator_manual_values.version ${fixed}
      order by indicator_manual_values.period_to desc, o.sort, indicator_manual_values.def_code limit ${f.pageSize} offset ${(f.page - 1) * f.pageSize}`),
  );
  return {
    items: rows.map((r) => ({ id: r.id, defCode: r.def_code, label: r.label ?? r.def_code, unitLabel: r.unit_label ?? '', orgId: r.org_id, orgName: r.org_name, periodFrom: r.period_from, periodTo: r.period_to, value: Number(r.value), source: r.source, note: r.note, enteredBy: r.entered_by, updatedAt: r.updated_at, version: r.version })),
    total,
    page: f.page,
    pageSize: f.pageSize,
  };
}
