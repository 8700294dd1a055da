/**
 * Named formulas of the 行政应诉 line (DOMAIN.md §9), over this line's tables only, by org (with descendants)
 * and period. Cases imported from a 台账 count the moment they are imported.
 */
import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '../../platform/db/client';
import { registerIndicators, type IndicatorQuery, type RecordRef } from '../../platform/indicators/registry';
import { lossOutcomes, outcomeLabel } from './terms';
import { LITIGATION_READ } from './workflow';

const inOrg = (q: IndicatorQuery) => sql`c.org_id in (select id from orgs where path like ${q.org.path + '%'})`;
const losses = sql.join(lossOutcomes.map((o) => sql`${o}`), sql`, `);
const heldIn = (q: IndicatorQuery) => sql`h.case_id = c.id and h.status = 'held' and h.voided_at is null and h.hearing_date between ${q.from} and ${q.to}`;

/** 一审收案: lawsuits whose 起诉状副本 was received in the period. */
const filed = (q: IndicatorQuery) => sql`c.voided_at is null and ${inOrg(q)} and c.received_date between ${q.from} and ${q.to}`;
/** 审结: cases concluded in the period by any ending (judgment, ruling incl. 撤诉 and 驳回起诉, 调解). */
const concluded = (q: IndicatorQuery) => sql`c.voided_at is null and ${inOrg(q)} and c.status = 'closed' and c.closed_date between ${q.from} and ${q.to}`;
const lost = (q: IndicatorQuery) => sql`${concluded(q)} and c.outcome in (${losses})`;
/** 开庭审理案件: cases with a hearing held in the period. */
const heard = (q: IndicatorQuery) => sql`c.voided_at is null and ${inOrg(q)} and exists (select 1 from litigation_hearings h where ${heldIn(q)})`;
const headHeard = (q: IndicatorQuery) => sql`c.voided_at is null and ${inOrg(q)} and exists (select 1 from litigation_hearings h where ${heldIn(q)} and h.head_appeared)`;

async function count(db: DbOrTx, where: SQL): Promise<number> {
  const [{ n }] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from litigation_cases c where ${where}`));
  return Number(n);
}

async function records(db: DbOrTx, where: SQL, dateCol: 'received_date' | 'closed_date' | 'hearing'): Promise<RecordRef[]> {
  const dateExpr = dateCol === 'hearing' ? sql`(select min(h.hearing_date)::text from litigation_hearings h where h.case_id = c.id and h.status = 'held' and h.voided_at is null)` : sql.raw(`c.${dateCol}::text`);
  const rows = rowsOf<{ id: string; case_number: string; plaintiff_name: string; defendant_name: string; d: string | null; org_name: string; outcome: string | null; court_name: string }>(
    await db.execute(sql`select c.id, c.case_number, c.plaintiff_name, c.defendant_name, c.outcome, c.court_name, ${dateExpr} as d, o.name as org_name
      from litigation_cases c join orgs o on o.id = c.org_id where ${where} order by c.received_date, c.case_number limit 5000`),
  );
  return rows.map((r) => ({
    entityType: 'litigationCase',
    id: r.id,
    title: `${r.case_number} ${r.plaintiff_name}诉${r.defendant_name}`,
    date: r.d,
    orgName: r.org_name,
    link: `/litigation/cases/${r.id}`,
    extra: { courtName: r.court_name, outcome: r.outcome, outcomeLabel: outcomeLabel(r.outcome) },
  }));
}

registerIndicators([
  {
    key: 'litigation.firstInstanceFiled',
    label: '一审行政诉讼收案数',
    module: 'litigation',
    definition: '期间内收到起诉状副本的一审行政诉讼案件数',
    unit: 'count',
    permission: LITIGATION_READ,
    compute: async (db, q) => ({ numerator: await count(db, filed(q)), denominator: null }),
    records: (db, q) => records(db, filed(q), 'received_date'),
  },
  {
    key: 'litigation.concluded',
    label: '行政诉讼审结数',
    module: 'litigation',
    definition: '期间内审结（判决、裁定、调解等任何方式结案）的行政诉讼案件数',
    unit: 'count',
    permission: LITIGATION_READ,
    compute: async (db, q) => ({ numerator: await count(db, concluded(q)), denominator: null }),
    records: (db, q) => records(db, concluded(q), 'closed_date'),
  },
  {
    key: 'litigation.lossRate',
    label: '行政诉讼败诉率',
    module: 'litigation',
    definition: '败诉判决（撤销、确认违法、确认无效、责令履行、变更、赔偿或补偿）/ 期间内审结案件（判决、裁定、调解）',
    unit: 'percent',
    permission: LITIGATION_READ,
    compute: async (db, q) => ({ numerator: await count(db, lost(q)), denominator: await count(db, concluded(q)) }),
    records: (db, q, part) => records(db, part === 'numerator' ? lost(q) : concluded(q), 'closed_date'),
  },
  {
    key: 'litigation.headAppearanceRate',
    label: '行政机关负责人出庭应诉率',
    module: 'litigation',
    definition: '期间内负责人出庭应诉的开庭审理案件 / 期间内开庭审理的案件（行政诉讼法 第三条第三款）',
    unit: 'percent',
    permission: LITIGATION_READ,
    compute: async (db, q) => ({ numerator: await count(db, headHeard(q)), denominator: await count(db, heard(q)) }),
    records: (db, q, part) => records(db, part === 'numerator' ? headHeard(q) : heard(q), 'hearing'),
  },
]);
