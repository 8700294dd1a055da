/**
 * Indicators of the oversight part, by org (with descendants) and period:
 *  - normativeDoc.filingReviewCount: 备案审查 — filings received (报送日期 in the period), by 审查结论.
 *  - normativeDoc.filingLateRate: 逾期报送率 — late filings / filings received in the period.
 *  - normativeDoc.correctionCount: 纠错 — 纠错通知 issued in the period, by 纠正结果.
 *  - majorDecision.count: 重大行政决策 — decisions in the 目录 of the years the period covers.
 */
import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '../../../platform/db/client';
import { registerIndicators, type IndicatorDef, type IndicatorQuery, type RecordRef } from '../../../platform/indicators/registry';
import { correctionResults, DECISION_ENTITY, FILING_ENTITY, OPERM, reviewResults } from './terms';

const inOrg = (alias: string, q: IndicatorQuery) => sql`${sql.raw(alias)}.org_id in (select id from orgs where path like ${q.org.path + '%'}) and ${sql.raw(alias)}.voided_at is null`;
const received = (q: IndicatorQuery) => sql`${inOrg('f', q)} and f.submitted_date between ${q.from} and ${q.to}`;
const corrections = (q: IndicatorQuery) => sql`${inOrg('f', q)} and f.review_result in ('unlawful', 'inappropriate') and f.review_date between ${q.from} and ${q.to}`;
const decisions = (q: IndicatorQuery) => sql`${inOrg('d', q)} and d.year between ${Number(q.from.slice(0, 4))} and ${Number(q.to.slice(0, 4))}`;

async function count(db: DbOrTx, table: string, alias: string, where: SQL) {
  const [r] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from ${sql.raw(table)} ${sql.raw(alias)} where ${where}`));
  return Number(r.n);
}
async function breakdown(db: DbOrTx, where: SQL, col: string, labels: Record<string, string>, none: string) {
  const rows = rowsOf<{ k: string | null; n: number }>(await db.execute(sql`select f.${sql.raw(col)} as k, count(*)::int as n from normative_doc_filings f where ${where} group by f.${sql.raw(col)}`));
  const by = new Map(rows.map((r) => [r.k ?? 'none', Number(r.n)]));
  return [...Object.entries(labels).map(([key, label]) => ({ key, label, value: by.get(key) ?? 0 })), { key: 'none', label: none, value: by.get('none') ?? 0 }];
}

async function filingRecords(db: DbOrTx, where: SQL, dateCol: string): Promise<RecordRef[]> {
  const rows = rowsOf<{ id: string; serial_number: string; title: string; d: string | null; filer_name: string; late: boolean; review_result: string | null; correction_result: string | null }>(
    await db.execute(sql`select f.id, f.serial_number, f.title, f.${sql.raw(dateCol)}::text as d, f.filer_name, f.late, f.review_result, f.correction_result from normative_doc_filings f where ${where} order by f.${sql.raw(dateCol)}, f.serial_number limit 5000`),
  );
  return rows.map((r) => ({ entityType: FILING_ENTITY, id: r.id, title: `${r.serial_number} ${r.title}`, date: r.d, orgName: r.filer_name, link: `/legality/filings/${r.id}`, extra: { late: r.late, reviewResult: r.review_result, correctionResult: r.correction_result } }));
}

export const oversightIndicators: IndicatorDef[] = [
  {
    key: 'normativeDoc.filingReviewCount', label: '规范性文件备案审查件数', module: 'legality-review', unit: 'count', permission: OPERM.filingRead,
    definition: '期间内收到报送备案的规范性文件数（按审查结论分类）',
    compute: async (db, q) => ({ numerator: await count(db, 'normative_doc_filings', 'f', received(q)), denominator: null, breakdown: await breakdown(db, received(q), 'review_result', reviewResults, '待审查') }),
    records: (db, q) => filingRecords(db, received(q), 'submitted_date'),
  },
  {
    key: 'normativeDoc.filingLateRate', label: '规范性文件逾期报送备案率', module: 'legality-review', unit: 'percent', permission: OPERM.filingRead,
    definition: '逾期报送备案的文件 / 期间内收到报送备案的文件（公布后30日内报送，省规定）',
    compute: async (db, q) => ({ numerator: await count(db, 'normative_doc_filings', 'f', sql`${received(q)} and f.late`), denominator: await count(db, 'normative_doc_filings', 'f', received(q)) }),
    records: (db, q, part) => filingRecords(db, part === 'numerator' ? sql`${received(q)} and f.late` : received(q), 'submitted_date'),
  },
  {
    key: 'normativeDoc.correctionCount', label: '备案审查纠错件数', module: 'legality-review', unit: 'count', permission: OPERM.filingRead,
    definition: '期间内经备案审查认定不合法或不适当、发出纠错通知的文件数（按纠正结果分类）',
    compute: async (db, q) => ({ numerator: await count(db, 'normative_doc_filings', 'f', corrections(q)), denominator: null, breakdown: await breakdown(db, corrections(q), 'correction_result', correctionResults, '纠正中') }),
    records: (db, q) => filingRecords(db, corrections(q), 'review_date'),
  },
  {
    key: 'majorDecision.count', label: '重大行政决策事项数', module: 'legality-review', unit: 'count', permission: OPERM.decisionRead,
    definition: '期间所属年度重大行政决策事项目录中的决策事项数',
    compute: async (db, q) => ({ numerator: await count(db, 'major_decisions', 'd', decisions(q)), denominator: null }),
    records: async (db, q) => {
      const rows = rowsOf<{ id: string; title: string; planned_date: string; name: string }>(await db.execute(sql`select d.id, d.title, d.planned_date::text, o.name from major_decisions d join orgs o on o.id = d.org_id where ${decisions(q)} order by d.planned_date limit 5000`));
      return rows.map((r) => ({ entityType: DECISION_ENTITY, id: r.id, title: r.title, date: r.planned_date, orgName: r.name, link: `/legality/major-decisions/${r.id}` }));
    },
  },
];

registerIndicators(oversightIndicators);
