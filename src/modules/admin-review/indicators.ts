/**
 * 行政复议 indicators (DOMAIN.md §9), by org (with descendants) and period, over this line's table only.
 * 受理 = accepted in the period; 审结 = concluded in the period by any ending (决定, 调解, 终止).
 */
import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '../../platform/db/client';
import { computeIndicator, indicatorDef, registerIndicators, type IndicatorDef, type IndicatorQuery, type PeriodBounds, type RecordRef } from '../../platform/indicators/registry';
import { defineTally } from '../../platform/indicators/tally';
import { actTypes, concludingOutcomes, correctionOutcomes, ENTITY_TYPE, mediatedWithdrawnOutcomes, outcomes, PERM } from './terms';

const inOrg = (q: IndicatorQuery) => sql`c.org_id in (select id from orgs where path like ${q.org.path + '%'}) and c.voided_at is null`;
const list = (xs: string[]) => sql.join(xs.map((x) => sql`${x}`), sql`, `);

/** The two populations every ratio is drawn from. */
const acceptedIn = (p: PeriodBounds) => sql`c.accepted_date between ${p.from} and ${p.to}`;
const concludedIn = (p: PeriodBounds) => sql`c.concluded_date between ${p.from} and ${p.to} and c.outcome in (${list(concludingOutcomes)})`;
const accepted = (q: IndicatorQuery) => sql`${inOrg(q)} and ${acceptedIn(q)}`;
const concluded = (q: IndicatorQuery) => sql`${inOrg(q)} and ${concludedIn(q)}`;

/** Every figure of the line from one scan of admin_review_cases, concluded cases by outcome (platform tally). */
const tally = defineTally({
  key: 'adminReview.cases',
  from: sql`admin_review_cases c`,
  where: inOrg,
  dimensions: { outcome: sql`c.outcome` },
  measures: { accepted: acceptedIn, concluded: concludedIn },
});

async function records(db: DbOrTx, where: SQL, dateCol: 'accepted_date' | 'concluded_date'): Promise<RecordRef[]> {
  const rows = rowsOf<{ id: string; case_number: string; applicant_name: string; respondent_name: string; act_type: string; outcome: string | null; d: string | null; org_name: string }>(
    await db.execute(sql`
      select c.id, c.case_number, c.applicant_name, c.respondent_name, c.act_type, c.outcome, c.${sql.raw(dateCol)}::text as d, o.name as org_name
      from admin_review_cases c join orgs o on o.id = c.org_id
      where ${where} order by c.${sql.raw(dateCol)}, c.case_number limit 5000`),
  );
  return rows.map((r) => ({
    entityType: ENTITY_TYPE,
    id: r.id,
    title: `${r.case_number} ${r.applicant_name}不服${r.respondent_name}${actTypes[r.act_type as keyof typeof actTypes] ?? ''}`,
    date: r.d,
    orgName: r.org_name,
    link: `/admin-review/cases/${r.id}`,
    extra: { outcome: r.outcome, outcomeLabel: r.outcome ? outcomes[r.outcome]?.label ?? r.outcome : null },
  }));
}

/** A share of the concluded cases: numerator = concluded with one of `kinds`. */
function shareOfConcluded(key: string, label: string, definition: string, kinds: string[]): IndicatorDef {
  const num = (q: IndicatorQuery) => sql`${concluded(q)} and c.outcome in (${list(kinds)})`;
  return {
    key,
    label,
    module: 'admin-review',
    definition,
    unit: 'percent',
    permission: PERM.indicators,
    compute: async (db, q) => {
      const t = await tally(db, q);
      const byOutcome = t.by('concluded', 'outcome').filter((r) => kinds.includes(r.key)).sort((a, b) => a.key.localeCompare(b.key));
      return { numerator: byOutcome.reduce((s, r) => s + r.n, 0), denominator: t.count('concluded'), breakdown: byOutcome.map((r) => ({ key: r.key, label: outcomes[r.key]?.label ?? r.key, value: r.n })) };
    },
    records: (db, q, part) => records(db, part === 'numerator' ? num(q) : concluded(q), 'concluded_date'),
  };
}

/** 常住人口 of the org asked for, or of the nearest org above it that has one (a 司法局 counts its county's). */
async function populationOf(db: DbOrTx, q: IndicatorQuery): Promise<number> {
  if (q.org.population) return q.org.population;
  const ids = q.org.path.split('/').filter(Boolean);
  const list = sql.join(ids.map((x) => sql`${x}`), sql`, `);
  const [r] = rowsOf<{ population: number | null }>(await db.execute(sql`select population from orgs where id in (${list}) and population is not null order by length(path) desc limit 1`));
  return Number(r?.population ?? 0);
}

export const adminReviewIndicators: IndicatorDef[] = [
  {
    key: 'adminReview.accepted',
    label: '行政复议受理数',
    module: 'admin-review',
    definition: '期间内受理的行政复议案件数',
    unit: 'count',
    permission: PERM.indicators,
    compute: async (db, q) => ({ numerator: (await tally(db, q)).count('accepted'), denominator: null }),
    records: (db, q) => records(db, accepted(q), 'accepted_date'),
  },
  {
    key: 'adminReview.concluded',
    label: '行政复议审结数',
    module: 'admin-review',
    definition: '期间内以任何方式审结（决定、调解、终止）的行政复议案件数',
    unit: 'count',
    permission: PERM.indicators,
    compute: async (db, q) => ({ numerator: (await tally(db, q)).count('concluded'), denominator: null }),
    records: (db, q) => records(db, concluded(q), 'concluded_date'),
  },
  shareOfConcluded('adminReview.correctionRate', '行政复议纠错率', '(撤销+部分撤销+责令重作+变更+确认违法+确认无效+责令履行) / 审结', correctionOutcomes),
  shareOfConcluded('adminReview.mediatedWithdrawnRate', '行政复议调撤率', '(调解结案 + 和解/撤回终止) / 审结', mediatedWithdrawnOutcomes),
  shareOfConcluded('adminReview.upholdRate', '行政复议维持率', '维持 / 审结', ['uphold']),
  shareOfConcluded('adminReview.dismissRate', '行政复议驳回率', '驳回行政复议请求 / 审结', ['dismiss']),
  {
    key: 'adminReview.perTenThousand',
    label: '万人行政复议率',
    module: 'admin-review',
    definition: '受理 / 常住人口 × 10000',
    unit: 'perTenThousand',
    permission: PERM.indicators,
    compute: async (db, q) => ({ numerator: (await tally(db, q)).count('accepted'), denominator: await populationOf(db, q) }),
    records: async (db, q, part) => (part === 'numerator' ? records(db, accepted(q), 'accepted_date') : []),
  },
  {
    key: 'adminReview.reviewToLitigationRatio',
    label: '复议:诉讼',
    module: 'admin-review',
    definition: '复议受理 / 一审行政诉讼收案',
    unit: 'ratio',
    permission: PERM.indicators,
    compute: async (db, q) => {
      let denominator = 0;
      // The 行政应诉 line counts its own suits; without it the ratio shows —.
      try {
        denominator = (await computeIndicator(db, 'litigation.firstInstanceFiled', q)).numerator;
      } catch {
        denominator = 0;
      }
      return { numerator: (await tally(db, q)).count('accepted'), denominator };
    },
    records: async (db, q, part) => {
      if (part === 'numerator') return records(db, accepted(q), 'accepted_date');
      // The suits behind the denominator are the 行政应诉 line's own records.
      const lit = indicatorDef('litigation.firstInstanceFiled');
      return lit?.records ? lit.records(db, q, 'numerator') : [];
    },
  },
];

registerIndicators(adminReviewIndicators);
