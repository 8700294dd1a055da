/**
 * Named formulas of the 人民调解 line (DOMAIN.md §5, §9), over this line's tables, by org (with descendants) and
 * period. Historical cases (seed, 台账 import) count like registered ones: indicators read the same table.
 */
import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '../../platform/db/client';
import { registerIndicators, type IndicatorQuery, type PeriodBounds, type RecordRef } from '../../platform/indicators/registry';
import { defineTally, type Tally } from '../../platform/indicators/tally';
import { confirmationStatuses, disputeTypes, label, outcomes, sources } from './terms';
import { MEDIATION_READ } from './workflow';

const inOrg = (q: IndicatorQuery, col = sql`c.org_id`) => sql`${col} in (select id from orgs where path like ${q.org.path + '%'})`;
const live = sql`c.voided_at is null`;

/** Each count of the line as a condition over one period (DOMAIN.md §5). */
const conditions = {
  /** 受理（登记）: cases registered in the period. */
  registered: (p: PeriodBounds) => sql`c.registered_date between ${p.from} and ${p.to}`,
  /** 调解结案 = 成功 + 不成功 concluded in the period (终止 is not a 调解结案, DOMAIN.md §5). */
  concluded: (p: PeriodBounds) => sql`c.outcome in ('success', 'failure') and c.closed_date between ${p.from} and ${p.to}`,
  succeeded: (p: PeriodBounds) => sql`c.outcome = 'success' and c.closed_date between ${p.from} and ${p.to}`,
  /** 诉前委派调解数: court-referred cases whose 委派 date is in the period. */
  referred: (p: PeriodBounds) => sql`c.source = 'courtReferral' and c.referral_date between ${p.from} and ${p.to}`,
  /** 司法确认: agreements the court confirmed (裁定确认有效) in the period. */
  confirmed: (p: PeriodBounds) => sql`c.confirmation_status = 'confirmed' and c.confirmation_decided_date between ${p.from} and ${p.to}`,
  confirmationApplied: (p: PeriodBounds) => sql`c.confirmation_applied_date between ${p.from} and ${p.to}`,
};
type Measure = keyof typeof conditions;

/** Every figure of the line from one scan of mediation_cases (platform tally). */
const tally = defineTally({
  key: 'mediation.cases',
  from: sql`mediation_cases c`,
  where: (q) => sql`${live} and ${inOrg(q)}`,
  dimensions: { source: sql`c.source`, type: sql`c.dispute_type`, status: sql`c.confirmation_status` },
  measures: conditions,
});

/** The records behind a count: the same condition, listed. */
const where = (q: IndicatorQuery, m: Measure) => sql`${live} and ${inOrg(q)} and ${conditions[m](q)}`;

const prefixLabels = { source: '来源', type: '类型', status: '状态' } as const;
function breakdown(t: Tally<Measure, 'source' | 'type' | 'status'>, m: Measure, dim: 'source' | 'type' | 'status', table: Record<string, string>) {
  return t.by(m, dim).map((r) => ({ key: `${dim}:${r.key}`, label: `${prefixLabels[dim]}：${label(table, r.key) ?? r.key}`, value: r.n }));
}

/** 一审民商事收案 of the courts under the org, for the months the period covers (entered per month). */
async function courtIntake(db: DbOrTx, q: IndicatorQuery): Promise<number> {
  const [{ n }] = rowsOf<{ n: number }>(
    await db.execute(sql`select coalesce(sum(s.civil_first_instance), 0)::int as n from mediation_court_stats s
      where s.voided_at is null and ${inOrg(q, sql`s.org_id`)} and s.month between ${q.from.slice(0, 7)} and ${q.to.slice(0, 7)}`),
  );
  return Number(n);
}

async function records(db: DbOrTx, where: SQL, dateCol: 'registered_date' | 'closed_date' | 'referral_date' | 'confirmation_decided_date'): Promise<RecordRef[]> {
  const rows = rowsOf<{ id: string; case_number: string; applicant_name: string; respondent_name: string; dispute_type: string; source: string; outcome: string | null; d: string | null; org_name: string }>(
    await db.execute(sql`select c.id, c.case_number, c.applicant_name, c.respondent_name, c.dispute_type, c.source, c.outcome, c.${sql.raw(dateCol)}::text as d, o.name as org_name
      from mediation_cases c join orgs o on o.id = c.org_id where ${where} order by c.${sql.raw(dateCol)}, c.case_number limit 5000`),
  );
  return rows.map((r) => ({
    entityType: 'mediationCase',
    id: r.id,
    title: `${r.case_number} ${r.applicant_name}与${r.respondent_name}${label(disputeTypes, r.dispute_type)}`,
    date: r.d,
    orgName: r.org_name,
    link: `/mediation/cases/${r.id}`,
    extra: { source: label(sources, r.source), outcome: label(outcomes, r.outcome) },
  }));
}

async function courtRecords(db: DbOrTx, q: IndicatorQuery): Promise<RecordRef[]> {
  const rows = rowsOf<{ id: string; month: string; n: number; court: string }>(
    await db.execute(sql`select s.id, s.month, s.civil_first_instance as n, o.name as court from mediation_court_stats s join orgs o on o.id = s.org_id
      where s.voided_at is null and ${inOrg(q, sql`s.org_id`)} and s.month between ${q.from.slice(0, 7)} and ${q.to.slice(0, 7)} order by s.month`),
  );
  return rows.map((r) => ({ entityType: 'mediationCourtStat', id: r.id, title: `${r.court} ${r.month} 一审民商事收案 ${r.n} 件`, date: `${r.month}-01`, orgName: r.court, link: null, extra: { count: Number(r.n) } }));
}

registerIndicators([
  {
    key: 'mediation.caseCount',
    label: '人民调解案件数',
    module: 'mediation',
    definition: '期间内登记受理的人民调解案件数（按来源、纠纷类型分列）',
    unit: 'count',
    permission: MEDIATION_READ,
    compute: async (db, q) => {
      const t = await tally(db, q);
      return { numerator: t.count('registered'), denominator: null, breakdown: [...breakdown(t, 'registered', 'source', sources), ...breakdown(t, 'registered', 'type', disputeTypes)] };
    },
    records: (db, q) => records(db, where(q, 'registered'), 'registered_date'),
  },
  {
    key: 'mediation.successRate',
    label: '调解成功率',
    module: 'mediation',
    definition: '调解成功 / 调解结案（成功 + 不成功），按结案日期计；终止调解的不计入（DOMAIN.md §5）',
    unit: 'percent',
    permission: MEDIATION_READ,
    compute: async (db, q) => {
      const t = await tally(db, q);
      return { numerator: t.count('succeeded'), denominator: t.count('concluded') };
    },
    records: (db, q, part) => records(db, where(q, part === 'numerator' ? 'succeeded' : 'concluded'), 'closed_date'),
  },
  {
    key: 'mediation.courtReferralRate',
    label: '诉前引调率',
    module: 'mediation',
    definition: '诉前委派调解数（按委派日期）/ 同期法院一审民商事收案数（法院按月登记）；可超过100%',
    unit: 'percent',
    permission: MEDIATION_READ,
    compute: async (db, q) => {
      const [t, intake] = await Promise.all([tally(db, q), courtIntake(db, q)]);
      return { numerator: t.count('referred'), denominator: intake };
    },
    records: (db, q, part) => (part === 'numerator' ? records(db, where(q, 'referred'), 'referral_date') : courtRecords(db, q)),
  },
  {
    key: 'mediation.judicialConfirmations',
    label: '调解协议司法确认数',
    module: 'mediation',
    definition: '期间内人民法院裁定确认有效的人民调解协议数（人民调解法 第三十三条）；另列期间内申请数及审查结果',
    unit: 'count',
    permission: MEDIATION_READ,
    compute: async (db, q) => {
      const t = await tally(db, q);
      return { numerator: t.count('confirmed'), denominator: null, breakdown: [{ key: 'applied', label: '期间内申请', value: t.count('confirmationApplied') }, ...breakdown(t, 'confirmationApplied', 'status', confirmationStatuses)] };
    },
    records: (db, q) => records(db, where(q, 'confirmed'), 'confirmation_decided_date'),
  },
]);
