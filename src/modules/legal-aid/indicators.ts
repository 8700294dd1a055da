/**
 * 公共法律服务 indicators, by org (with descendants) and period (DOMAIN.md §6, §9):
 *  - legalAid.caseCount: 法律援助 cases assigned (指派) in the period, by type (刑事/民事/行政).
 *  - legalAid.qualityDistribution: cases 质量评估 in the period, by grade (优秀/良好/合格/不合格).
 *  - notary.caseCount: 公证 matters 出证 in the period (涉外, 最多跑一次 shown beside).
 *  - consultation.count: consultations in the period, by channel (12348热线/窗口/网上).
 *  - legalService.lawyersPerTenThousand: 执业律师 / 常住人口 × 10000 (律师万人比), lawyers practising at the
 *    period's end; population of the org, or of its nearest ancestor that has one (a 司法局 → its county).
 */
import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '../../platform/db/client';
import { registerIndicators, type IndicatorDef, type IndicatorQuery, type RecordRef } from '../../platform/indicators/registry';
import { CASE_ENTITY, caseTypes, consultationChannels, lawyerKinds, MODULE, notaryMatterTypes, PERM, practisingLawyerKinds, qualityGrades, type CaseType, type QualityGrade } from './terms';

const inOrg = (alias: string, q: IndicatorQuery) => sql`${sql.raw(alias)}.org_id in (select id from orgs where path like ${q.org.path + '%'}) and ${sql.raw(alias)}.voided_at is null`;
const assigned = (q: IndicatorQuery) => sql`${inOrg('c', q)} and c.assigned_date between ${q.from} and ${q.to}`;
const evaluated = (q: IndicatorQuery) => sql`${inOrg('c', q)} and c.quality_date between ${q.from} and ${q.to} and c.quality_grade is not null`;
const certified = (q: IndicatorQuery) => sql`${inOrg('m', q)} and m.state = 'certified' and m.certified_date between ${q.from} and ${q.to}`;
const consulted = (q: IndicatorQuery) => sql`${inOrg('k', q)} and k.consulted_date between ${q.from} and ${q.to}`;
const kinds = sql.join(practisingLawyerKinds.map((k) => sql`${k}`), sql`, `);
const practising = (q: IndicatorQuery) => sql`${inOrg('l', q)} and l.status = 'active' and l.kind in (${kinds}) and (l.license_date is null or l.license_date <= ${q.to})`;

async function caseRecords(db: DbOrTx, where: SQL, dateCol: string): Promise<RecordRef[]> {
  const rows = rowsOf<{ id: string; case_number: string; applicant_name: string; case_type: string; d: string; org_name: string; quality_grade: string | null }>(
    await db.execute(sql`select c.id, c.case_number, c.applicant_name, c.case_type, c.${sql.raw(dateCol)}::text as d, o.name as org_name, c.quality_grade from legal_aid_cases c join orgs o on o.id = c.org_id where ${where} order by c.${sql.raw(dateCol)}, c.case_number limit 5000`),
  );
  return rows.map((r) => ({ entityType: CASE_ENTITY, id: r.id, title: `${r.case_number} ${r.applicant_name}`, date: r.d, orgName: r.org_name, link: `/legal-aid/cases/${r.id}`, extra: { caseType: caseTypes[r.case_type as CaseType], grade: r.quality_grade ? qualityGrades[r.quality_grade as QualityGrade] : null } }));
}

async function population(db: DbOrTx, q: IndicatorQuery): Promise<number> {
  if (q.org.population) return q.org.population;
  const ids = q.org.path.split('/').filter(Boolean).reverse();
  const rows = rowsOf<{ id: string; population: number | null }>(await db.execute(sql`select id, population from orgs where id in (${sql.join(ids.map((i) => sql`${i}`), sql`, `)})`));
  for (const id of ids) {
    const p = rows.find((r) => r.id === id)?.population;
    if (p) return Number(p);
  }
  return 0;
}

export const legalAidIndicators: IndicatorDef[] = [
  {
    key: 'legalAid.caseCount', label: '法律援助案件数', module: MODULE, unit: 'count', permission: PERM.indicators,
    definition: '期间内指派办理的法律援助案件数（按刑事、民事、行政分类；值班律师服务另行统计）',
    compute: async (db, q) => {
      const rows = rowsOf<{ k: string; n: number }>(await db.execute(sql`select c.case_type as k, count(*)::int as n from legal_aid_cases c where ${assigned(q)} group by c.case_type`));
      const by = new Map(rows.map((r) => [r.k, Number(r.n)]));
      return { numerator: rows.reduce((s, r) => s + Number(r.n), 0), denominator: null, breakdown: (Object.keys(caseTypes) as CaseType[]).map((k) => ({ key: k, label: caseTypes[k], value: by.get(k) ?? 0 })) };
    },
    records: (db, q) => caseRecords(db, assigned(q), 'assigned_date'),
  },
  {
    key: 'legalAid.qualityDistribution', label: '法律援助案件质量评估', module: MODULE, unit: 'count', permission: PERM.indicators,
    definition: '期间内完成质量评估的法律援助案件数，按优秀、良好、合格、不合格分布（评分：优秀≥90，良好≥80，合格≥60）',
    compute: async (db, q) => {
      const rows = rowsOf<{ k: string; n: number }>(await db.execute(sql`select c.quality_grade as k, count(*)::int as n from legal_aid_cases c where ${evaluated(q)} group by c.quality_grade`));
      const by = new Map(rows.map((r) => [r.k, Number(r.n)]));
      return { numerator: rows.reduce((s, r) => s + Number(r.n), 0), denominator: null, breakdown: (Object.keys(qualityGrades) as QualityGrade[]).map((k) => ({ key: k, label: qualityGrades[k], value: by.get(k) ?? 0 })) };
    },
    records: (db, q) => caseRecords(db, evaluated(q), 'quality_date'),
  },
  {
    key: 'notary.caseCount', label: '公证办证数', module: MODULE, unit: 'count', permission: PERM.indicators,
    definition: '期间内出具公证书的公证事项数（另列涉外公证、最多跑一次件数）',
    compute: async (db, q) => {
      const [r] = rowsOf<{ n: number; foreign: number; one_visit: number }>(await db.execute(sql`select count(*)::int as n, count(*) filter (where m.foreign)::int as foreign, count(*) filter (where m.one_visit)::int as one_visit from notary_matters m where ${certified(q)}`));
      return { numerator: Number(r.n), denominator: null, breakdown: [{ key: 'domestic', label: '国内公证', value: Number(r.n) - Number(r.foreign) }, { key: 'foreign', label: '涉外公证', value: Number(r.foreign) }, { key: 'oneVisit', label: '最多跑一次', value: Number(r.one_visit) }] };
    },
    records: async (db, q) => {
      const rows = rowsOf<{ id: string; case_number: string; matter_type: string; d: string; org_name: string; foreign: boolean }>(await db.execute(sql`select m.id, m.case_number, m.matter_type, m.certified_date::text as d, o.name as org_name, m.foreign from notary_matters m join orgs o on o.id = m.org_id where ${certified(q)} order by m.certified_date, m.case_number limit 5000`));
      return rows.map((r) => ({ entityType: 'notaryMatter', id: r.id, title: `${r.case_number} ${notaryMatterTypes[r.matter_type as keyof typeof notaryMatterTypes] ?? r.matter_type}`, date: r.d, orgName: r.org_name, link: '/legal-aid/notary', extra: { foreign: r.foreign } }));
    },
  },
  {
    key: 'consultation.count', label: '法律咨询量', module: MODULE, unit: 'count', permission: PERM.indicators,
    definition: '期间内12348热线、窗口和网上法律咨询的件数',
    compute: async (db, q) => {
      const rows = rowsOf<{ k: string; n: number }>(await db.execute(sql`select k.channel as k, count(*)::int as n from consultations k where ${consulted(q)} group by k.channel`));
      const by = new Map(rows.map((r) => [r.k, Number(r.n)]));
      return { numerator: rows.reduce((s, r) => s + Number(r.n), 0), denominator: null, breakdown: Object.entries(consultationChannels).map(([k, label]) => ({ key: k, label, value: by.get(k) ?? 0 })) };
    },
    records: async (db, q) => {
      const rows = rowsOf<{ id: string; serial_number: string; channel: string; d: string; org_name: string }>(await db.execute(sql`select k.id, k.serial_number, k.channel, k.consulted_date::text as d, o.name as org_name from consultations k join orgs o on o.id = k.org_id where ${consulted(q)} order by k.consulted_date, k.serial_number limit 5000`));
      return rows.map((r) => ({ entityType: 'consultation', id: r.id, title: `${r.serial_number} ${consultationChannels[r.channel as keyof typeof consultationChannels] ?? r.channel}`, date: r.d, orgName: r.org_name, link: '/legal-aid/consultations' }));
    },
  },
  {
    key: 'legalService.lawyersPerTenThousand', label: '律师万人比', module: MODULE, unit: 'perTenThousand', permission: PERM.indicators,
    definition: '执业律师数 / 常住人口 × 10000（执业律师含专职、兼职、公职、公司、法律援助律师，不含基层法律服务工作者）',
    compute: async (db, q) => {
      const [r] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from lawyers l where ${practising(q)}`));
      return { numerator: Number(r.n), denominator: await population(db, q) };
    },
    records: async (db, q, part) => {
      if (part === 'denominator') return [];
      const rows = rowsOf<{ id: string; name: string; kind: string; license_number: string; org_name: string; d: string | null }>(await db.execute(sql`select l.id, l.name, l.kind, l.license_number, o.name as org_name, l.license_date::text as d from lawyers l join orgs o on o.id = l.org_id where ${practising(q)} order by l.name limit 5000`));
      return rows.map((r) => ({ entityType: 'lawyer', id: r.id, title: `${r.name}（${lawyerKinds[r.kind as keyof typeof lawyerKinds] ?? r.kind}，${r.license_number}）`, date: r.d, orgName: r.org_name, link: '/legal-aid/lawyers' }));
    },
  },
];

registerIndicators(legalAidIndicators);
