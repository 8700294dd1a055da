/**
 * 行政执法监督 indicators (issue 7), by org (with descendants) and period:
 *  - enforcement.certificateRate: 持有效执法证的在编执法人员 / 在编执法人员, as at the period's last day (DOMAIN.md §4, §9).
 *  - enforcement.examPassRate: 考试合格 / 参加执法资格考试 (exam date in the period).
 *  - enforcement.caseFileReviewCount: 评查案卷数 (reviewed in the period).
 *  - enforcement.caseFilePassRate: 合格案卷 / 评查案卷.
 *  - enforcement.publicationRate: 已公示 / 应公示 处罚决定 (decided in the period; 行政处罚法 第四十八条).
 *  - enforcement.repeatInspectionClues / multiAgencyInspectionClues: clues (not dismissed, not lapsed) on inspections in the period.
 *  - enforcement.jointInspectionRate: 联合检查中实施的检查 / 全部检查 (跨部门联合监管率).
 *  - enforcement.rectificationClosedRate: 已整改 / 下达的整改事项 (issued in the period).
 */
import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '../../platform/db/client';
import { registerIndicators, type IndicatorDef, type IndicatorQuery, type PeriodBounds, type RecordRef } from '../../platform/indicators/registry';
import { defineTally } from '../../platform/indicators/tally';
import { ENTITY, MODULE, PERM } from './terms';

const inOrg = (alias: string, q: IndicatorQuery) => sql`${sql.raw(alias)}.org_id in (select id from orgs where path like ${q.org.path + '%'}) and ${sql.raw(alias)}.voided_at is null`;

async function count(db: DbOrTx, table: string, alias: string, where: SQL) {
  const [r] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from ${sql.raw(table)} ${sql.raw(alias)} where ${where}`));
  return Number(r.n);
}

async function records(db: DbOrTx, table: string, alias: string, where: SQL, cols: { title: string; date: string; entityType: string; link: string }): Promise<RecordRef[]> {
  const rows = rowsOf<{ id: string; title: string; d: string | null; org_name: string }>(
    await db.execute(sql`select ${sql.raw(alias)}.id, ${sql.raw(cols.title)} as title, ${sql.raw(cols.date)}::text as d, o.name as org_name from ${sql.raw(table)} ${sql.raw(alias)} join orgs o on o.id = ${sql.raw(alias)}.org_id where ${where} order by ${sql.raw(cols.date)} nulls last, ${sql.raw(alias)}.id limit 5000`),
  );
  return rows.map((r) => ({ entityType: cols.entityType, id: r.id, title: r.title, date: r.d, orgName: r.org_name, link: cols.link }));
}

const staffed = (q: IndicatorQuery) => sql`${inOrg('e', q)} and e.staffed`;
const certified = (q: IndicatorQuery) => sql`${staffed(q)} and e.certificate_type = 'enforcement' and e.certificate_expiry >= ${q.to} and coalesce(e.certificate_issued, ${q.to}) <= ${q.to}`;
const examined = (q: IndicatorQuery) => sql`${inOrg('e', q)} and e.exam_date between ${q.from} and ${q.to} and e.exam_passed is not null`;
const reviewed = (q: IndicatorQuery) => sql`${inOrg('r', q)} and r.reviewed_date between ${q.from} and ${q.to}`;
const mustPublish = (q: IndicatorQuery) => sql`${inOrg('c', q)} and c.kind = 'penalty' and c.must_publish and c.decision_date between ${q.from} and ${q.to}`;
const clues = (q: IndicatorQuery, kind: string) => sql`${inOrg('l', q)} and l.kind = ${kind} and l.status in ('open', 'confirmed') and l.inspection_date between ${q.from} and ${q.to}`;
const inspected = (q: IndicatorQuery) => sql`${inOrg('i', q)} and i.inspection_date between ${q.from} and ${q.to}`;
const issued = (q: IndicatorQuery) => sql`${inOrg('x', q)} and x.issued_date between ${q.from} and ${q.to}`;

/** Tables that can hold a county's (or a province's) year of records are read once per request (platform tally). */
const casesTally = defineTally({
  key: 'enforcement.cases',
  from: sql`enforcement_cases c`,
  where: (q) => inOrg('c', q),
  measures: {
    mustPublish: (p: PeriodBounds) => sql`c.kind = 'penalty' and c.must_publish and c.decision_date between ${p.from} and ${p.to}`,
    published: (p: PeriodBounds) => sql`c.kind = 'penalty' and c.must_publish and c.decision_date between ${p.from} and ${p.to} and c.publication_date is not null`,
  },
});
const inspectionsTally = defineTally({
  key: 'enforcement.inspections',
  from: sql`enforcement_inspections i`,
  where: (q) => inOrg('i', q),
  measures: {
    inspected: (p: PeriodBounds) => sql`i.inspection_date between ${p.from} and ${p.to}`,
    joint: (p: PeriodBounds) => sql`i.inspection_date between ${p.from} and ${p.to} and i.joint_task_id is not null`,
  },
});
const cluesTally = defineTally({
  key: 'enforcement.clues',
  from: sql`enforcement_clues l`,
  where: (q) => sql`${inOrg('l', q)} and l.status in ('open', 'confirmed')`,
  dimensions: { kind: sql`l.kind` },
  measures: { found: (p: PeriodBounds) => sql`l.inspection_date between ${p.from} and ${p.to}` },
});
const cluesOf = async (db: DbOrTx, q: IndicatorQuery, kind: string) => (await cluesTally(db, q)).by('found', 'kind').find((r) => r.key === kind)?.n ?? 0;

const officerCols = { title: `e.name || '（' || coalesce(e.certificate_number, '无证') || '）'`, date: 'e.certificate_expiry', entityType: ENTITY.officer, link: '/enforcement/registry' };
const reviewCols = { title: `r.case_number || '（' || r.total || '分）'`, date: 'r.reviewed_date', entityType: ENTITY.review, link: '/enforcement/reviews' };
const caseCols = { title: `c.case_number || ' ' || c.party_name`, date: 'c.decision_date', entityType: ENTITY.case, link: '/enforcement/cases' };
const clueCols = { title: `l.enterprise_name || '（' || l.enterprise_credit_code || '）'`, date: 'l.inspection_date', entityType: ENTITY.clue, link: '/enforcement/inspections' };
const inspectionCols = { title: `i.enterprise_name || ' ' || i.matter`, date: 'i.inspection_date', entityType: ENTITY.inspection, link: '/enforcement/inspections' };
const rectCols = { title: 'x.item', date: 'x.issued_date', entityType: ENTITY.rectification, link: '/enforcement/supervision' };

const base = { module: MODULE, permission: PERM.indicators } as const;

export const enforcementIndicators: IndicatorDef[] = [
  {
    ...base, key: 'enforcement.certificateRate', label: '执法证持证率', unit: 'percent',
    definition: '期末持有效行政执法证的在编执法人员 / 在编执法人员',
    compute: async (db, q) => ({ numerator: await count(db, 'enforcement_officers', 'e', certified(q)), denominator: await count(db, 'enforcement_officers', 'e', staffed(q)) }),
    records: (db, q, part) => records(db, 'enforcement_officers', 'e', part === 'numerator' ? certified(q) : staffed(q), officerCols),
  },
  {
    ...base, key: 'enforcement.examPassRate', label: '执法资格考试通过率', unit: 'percent',
    definition: '考试合格人数 / 期间内参加行政执法资格考试人数',
    compute: async (db, q) => ({ numerator: await count(db, 'enforcement_officers', 'e', sql`${examined(q)} and e.exam_passed`), denominator: await count(db, 'enforcement_officers', 'e', examined(q)) }),
    records: (db, q, part) => records(db, 'enforcement_officers', 'e', part === 'numerator' ? sql`${examined(q)} and e.exam_passed` : examined(q), { ...officerCols, date: 'e.exam_date' }),
  },
  {
    ...base, key: 'enforcement.caseFileReviewCount', label: '行政执法案卷评查数', unit: 'count',
    definition: '期间内评查的行政执法案卷数',
    compute: async (db, q) => ({ numerator: await count(db, 'enforcement_case_file_reviews', 'r', reviewed(q)), denominator: null }),
    records: (db, q) => records(db, 'enforcement_case_file_reviews', 'r', reviewed(q), reviewCols),
  },
  {
    ...base, key: 'enforcement.caseFilePassRate', label: '行政执法案卷合格率', unit: 'percent',
    definition: '评查合格案卷 / 期间内评查案卷（按评查表得分，达到合格分为合格）',
    compute: async (db, q) => ({ numerator: await count(db, 'enforcement_case_file_reviews', 'r', sql`${reviewed(q)} and r.passed`), denominator: await count(db, 'enforcement_case_file_reviews', 'r', reviewed(q)) }),
    records: (db, q, part) => records(db, 'enforcement_case_file_reviews', 'r', part === 'numerator' ? sql`${reviewed(q)} and r.passed` : reviewed(q), reviewCols),
  },
  {
    ...base, key: 'enforcement.publicationRate', label: '行政处罚决定公示率', unit: 'percent',
    definition: '已公示的行政处罚决定 / 期间内作出的应公示行政处罚决定（行政处罚法 第四十八条）',
    compute: async (db, q) => {
      const t = await casesTally(db, q);
      return { numerator: t.count('published'), denominator: t.count('mustPublish') };
    },
    records: (db, q, part) => records(db, 'enforcement_cases', 'c', part === 'numerator' ? sql`${mustPublish(q)} and c.publication_date is not null` : mustPublish(q), caseCols),
  },
  {
    ...base, key: 'enforcement.repeatInspectionClues', label: '重复检查线索数', unit: 'count',
    definition: '期间内检查中发现的重复检查线索（待核实和已确认）',
    compute: async (db, q) => ({ numerator: await cluesOf(db, q, 'repeat'), denominator: null }),
    records: (db, q) => records(db, 'enforcement_clues', 'l', clues(q, 'repeat'), clueCols),
  },
  {
    ...base, key: 'enforcement.multiAgencyInspectionClues', label: '多头检查线索数', unit: 'count',
    definition: '期间内检查中发现的多头检查线索（待核实和已确认）',
    compute: async (db, q) => ({ numerator: await cluesOf(db, q, 'multiAgency'), denominator: null }),
    records: (db, q) => records(db, 'enforcement_clues', 'l', clues(q, 'multiAgency'), clueCols),
  },
  {
    ...base, key: 'enforcement.jointInspectionRate', label: '跨部门联合监管率', unit: 'percent',
    definition: '联合检查任务（综合查一次）中实施的检查 / 期间内全部行政检查',
    compute: async (db, q) => {
      const t = await inspectionsTally(db, q);
      return { numerator: t.count('joint'), denominator: t.count('inspected') };
    },
    records: (db, q, part) => records(db, 'enforcement_inspections', 'i', part === 'numerator' ? sql`${inspected(q)} and i.joint_task_id is not null` : inspected(q), inspectionCols),
  },
  {
    ...base, key: 'enforcement.rectificationClosedRate', label: '整改完成率', unit: 'percent',
    definition: '已整改的事项 / 期间内下达的整改事项',
    compute: async (db, q) => ({ numerator: await count(db, 'enforcement_rectifications', 'x', sql`${issued(q)} and x.status = 'closed'`), denominator: await count(db, 'enforcement_rectifications', 'x', issued(q)) }),
    records: (db, q, part) => records(db, 'enforcement_rectifications', 'x', part === 'numerator' ? sql`${issued(q)} and x.status = 'closed'` : issued(q), rectCols),
  },
];

registerIndicators(enforcementIndicators);
