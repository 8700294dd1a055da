/**
 * 合法性审查 and 规范性文件 indicators, by org (with descendants) and period.
 *  - legality.reviewCount: matters submitted in the period, by object type.
 *  - legality.adoptionRate: 采纳 / 已反馈 (feedback recorded in the period).
 *  - normativeDoc.filingCount: documents filed (备案) in the period.
 *  - normativeDoc.filingOnTimeRate: filed by the due date / documents whose 备案 fell due in the period
 *    (filed or not; a document not filed by its due date counts against the rate).
 *  - normativeDoc.cleanupCounts: 清理 outcomes recorded in the period (保留/修改/废止/宣布失效).
 *  - normativeDoc.publicLookups: public 文件码 look-ups in the period.
 */
import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '../../platform/db/client';
import { registerIndicators, type IndicatorDef, type IndicatorQuery, type RecordRef } from '../../platform/indicators/registry';
import { cleanupOutcomes, DOC_ENTITY, objectTypes, PERM, REVIEW_ENTITY, type CleanupOutcome, type ObjectType } from './terms';

const inOrg = (alias: string, q: IndicatorQuery) => sql`${sql.raw(alias)}.org_id in (select id from orgs where path like ${q.org.path + '%'}) and ${sql.raw(alias)}.voided_at is null`;
const submitted = (q: IndicatorQuery) => sql`${inOrg('r', q)} and r.submitted_date between ${q.from} and ${q.to}`;
const fedBack = (q: IndicatorQuery) => sql`${inOrg('r', q)} and r.feedback_date between ${q.from} and ${q.to} and r.adopted is not null`;
const filed = (q: IndicatorQuery) => sql`${inOrg('d', q)} and d.filed_date between ${q.from} and ${q.to}`;
const filingDue = (q: IndicatorQuery) => sql`${inOrg('d', q)} and d.stage = 'published' and d.filing_due_date between ${q.from} and ${q.to}`;
const cleaned = (q: IndicatorQuery) => sql`${inOrg('d', q)} and d.cleanup_date between ${q.from} and ${q.to} and d.cleanup_outcome is not null`;

async function countReviews(db: DbOrTx, where: SQL) {
  const [r] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from legality_reviews r where ${where}`));
  return Number(r.n);
}
async function countDocs(db: DbOrTx, where: SQL) {
  const [r] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from normative_documents d where ${where}`));
  return Number(r.n);
}

async function reviewRecords(db: DbOrTx, where: SQL): Promise<RecordRef[]> {
  const rows = rowsOf<{ id: string; serial_number: string; title: string; object_type: string; d: string; org_name: string; adopted: boolean | null }>(
    await db.execute(sql`select r.id, r.serial_number, r.title, r.object_type, r.submitted_date::text as d, o.name as org_name, r.adopted from legality_reviews r join orgs o on o.id = r.org_id where ${where} order by r.submitted_date, r.serial_number limit 5000`),
  );
  return rows.map((r) => ({ entityType: REVIEW_ENTITY, id: r.id, title: `${r.serial_number} ${r.title}`, date: r.d, orgName: r.org_name, link: `/legality/reviews/${r.id}`, extra: { objectType: objectTypes[r.object_type as ObjectType] ?? r.object_type, adopted: r.adopted } }));
}

async function docRecords(db: DbOrTx, where: SQL, dateCol: string): Promise<RecordRef[]> {
  const rows = rowsOf<{ id: string; code: string | null; title: string; d: string | null; org_name: string; filed_late: boolean | null; cleanup_outcome: string | null }>(
    await db.execute(sql`select d.id, d.code, d.title, d.${sql.raw(dateCol)}::text as d, o.name as org_name, d.filed_late, d.cleanup_outcome from normative_documents d join orgs o on o.id = d.org_id where ${where} order by d.${sql.raw(dateCol)}, d.code limit 5000`),
  );
  return rows.map((r) => ({ entityType: DOC_ENTITY, id: r.id, title: `${r.code ?? ''} ${r.title}`.trim(), date: r.d, orgName: r.org_name, link: `/legality/documents/${r.id}`, extra: { filedLate: r.filed_late, cleanupOutcome: r.cleanup_outcome } }));
}

const onTime = (q: IndicatorQuery) => sql`${filingDue(q)} and d.filed_date is not null and d.filed_date <= d.filing_due_date`;

export const legalityIndicators: IndicatorDef[] = [
  {
    key: 'legality.reviewCount', label: '合法性审查件数', module: 'legality-review', unit: 'count', permission: PERM.indicators,
    definition: '期间内送审的合法性审查事项数（按审查对象分类）',
    compute: async (db, q) => {
      const rows = rowsOf<{ k: string; n: number }>(await db.execute(sql`select r.object_type as k, count(*)::int as n from legality_reviews r where ${submitted(q)} group by r.object_type order by r.object_type`));
      return { numerator: rows.reduce((s, r) => s + Number(r.n), 0), denominator: null, breakdown: rows.map((r) => ({ key: r.k, label: objectTypes[r.k as ObjectType] ?? r.k, value: Number(r.n) })) };
    },
    records: (db, q) => reviewRecords(db, submitted(q)),
  },
  {
    key: 'legality.adoptionRate', label: '合法性审查意见采纳率', module: 'legality-review', unit: 'percent', permission: PERM.indicators,
    definition: '采纳审查意见的事项 / 期间内反馈采纳情况的事项',
    compute: async (db, q) => ({ numerator: await countReviews(db, sql`${fedBack(q)} and r.adopted`), denominator: await countReviews(db, fedBack(q)) }),
    records: (db, q, part) => reviewRecords(db, part === 'numerator' ? sql`${fedBack(q)} and r.adopted` : fedBack(q)),
  },
  {
    key: 'normativeDoc.filingCount', label: '规范性文件备案数', module: 'legality-review', unit: 'count', permission: PERM.indicators,
    definition: '期间内报送备案的规范性文件数',
    compute: async (db, q) => ({ numerator: await countDocs(db, filed(q)), denominator: null }),
    records: (db, q) => docRecords(db, filed(q), 'filed_date'),
  },
  {
    key: 'normativeDoc.filingOnTimeRate', label: '规范性文件按期备案率', module: 'legality-review', unit: 'percent', permission: PERM.indicators,
    definition: '在备案期限内报送备案的文件 / 期间内备案期限届满的文件（公布后30日内，法规规章备案审查条例 第四条；省规定）',
    compute: async (db, q) => ({ numerator: await countDocs(db, onTime(q)), denominator: await countDocs(db, filingDue(q)) }),
    records: (db, q, part) => docRecords(db, part === 'numerator' ? onTime(q) : filingDue(q), 'filing_due_date'),
  },
  {
    key: 'normativeDoc.cleanupCounts', label: '规范性文件清理数', module: 'legality-review', unit: 'count', permission: PERM.indicators,
    definition: '期间内清理的规范性文件数（保留/修改/废止/宣布失效）',
    compute: async (db, q) => {
      const rows = rowsOf<{ k: string; n: number }>(await db.execute(sql`select d.cleanup_outcome as k, count(*)::int as n from normative_documents d where ${cleaned(q)} group by d.cleanup_outcome`));
      const by = new Map(rows.map((r) => [r.k, Number(r.n)]));
      return { numerator: rows.reduce((s, r) => s + Number(r.n), 0), denominator: null, breakdown: (Object.keys(cleanupOutcomes) as CleanupOutcome[]).map((k) => ({ key: k, label: cleanupOutcomes[k].label, value: by.get(k) ?? 0 })) };
    },
    records: (db, q) => docRecords(db, cleaned(q), 'cleanup_date'),
  },
  {
    key: 'normativeDoc.publicLookups', label: '文件码公开查询次数', module: 'legality-review', unit: 'count', permission: PERM.indicators,
    definition: '期间内公众按文件码查询规范性文件的次数',
    compute: async (db, q) => {
      const [r] = rowsOf<{ n: number }>(await db.execute(sql`select coalesce(sum(l.count), 0)::int as n from normative_document_lookups l join normative_documents d on d.id = l.document_id where ${inOrg('d', q)} and l.day between ${q.from} and ${q.to}`));
      return { numerator: Number(r.n), denominator: null };
    },
    records: (db, q) => docRecords(db, sql`${inOrg('d', q)} and d.id in (select document_id from normative_document_lookups where day between ${q.from} and ${q.to})`, 'published_date'),
  },
];

registerIndicators(legalityIndicators);
