/**
 * 社区矫正 and 安置帮教 indicators (issue #8), by org (with descendants) and period:
 *  - corrections.onRegister: 在册 = received on or before the end and not ended before the start.
 *  - corrections.received / corrections.released: received / ended (期满解除 or 终止) within the period.
 *  - corrections.sanctions: 训诫, 警告, 提请撤销缓刑/假释, 提请收监执行 decided within the period.
 *  - corrections.recidivismRate: 重新犯罪 within the period / 在册 (社区矫正对象重新犯罪率).
 *  - corrections.videoRollCalls: 视频点名 calls within the period (answered or not).
 *  - resettlement.handoverRate: 衔接 / 刑满释放人员 released within the period (衔接率).
 * Drill-down lists show masked names: a figure's reader is not necessarily a reader of the files.
 */
import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '../../platform/db/client';
import { maskPii } from '../../platform/crypto/sm';
import { registerIndicators, type IndicatorDef, type IndicatorQuery, type RecordRef } from '../../platform/indicators/registry';
import { measures, MODULE, PERM, RESETTLEMENT_ENTITY, sentenceTypes, SUBJECT_ENTITY, type Measure, type SentenceType } from './terms';

const inOrg = (alias: string, q: IndicatorQuery) => sql`${sql.raw(alias)}.org_id in (select id from orgs where path like ${q.org.path + '%'}) and ${sql.raw(alias)}.voided_at is null`;
const onRegister = (q: IndicatorQuery) => sql`${inOrg('s', q)} and s.received_date <= ${q.to} and (s.ended_date is null or s.ended_date >= ${q.from})`;
const received = (q: IndicatorQuery) => sql`${inOrg('s', q)} and s.received_date between ${q.from} and ${q.to}`;
const released = (q: IndicatorQuery) => sql`${inOrg('s', q)} and s.ended_date between ${q.from} and ${q.to}`;
const reoffended = (q: IndicatorQuery) => sql`${onRegister(q)} and s.reoffended and s.reoffended_date between ${q.from} and ${q.to}`;
export const SANCTIONS = ['admonition', 'warning', 'revocation', 'committal'] as const;
const sanctions = (q: IndicatorQuery) => sql`${inOrg('m', q)} and m.state = 'approved' and m.measure in ('admonition','warning','revocation','committal') and m.decided_date between ${q.from} and ${q.to}`;
const rollCalls = (q: IndicatorQuery) => sql`${inOrg('r', q)} and r.kind = 'rollCall' and r.date between ${q.from} and ${q.to}`;
const releasedPersons = (q: IndicatorQuery) => sql`${inOrg('p', q)} and p.release_date between ${q.from} and ${q.to}`;
const handedOver = (q: IndicatorQuery) => sql`${releasedPersons(q)} and p.handover_date is not null`;

async function count(db: DbOrTx, from: string, where: SQL) {
  const [r] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from ${sql.raw(from)} where ${where}`));
  return Number(r.n);
}

async function byType(db: DbOrTx, where: SQL) {
  const rows = rowsOf<{ k: string; n: number }>(await db.execute(sql`select s.sentence_type as k, count(*)::int as n from correction_subjects s where ${where} group by 1 order by 1`));
  return rows.map((r) => ({ key: r.k, label: sentenceTypes[r.k as SentenceType] ?? r.k, value: Number(r.n) }));
}

async function subjectRecords(db: DbOrTx, where: SQL, dateCol: string): Promise<RecordRef[]> {
  const rows = rowsOf<{ id: string; name: string; sentence_type: string; d: string | null; org_name: string }>(
    await db.execute(sql`select s.id, s.name, s.sentence_type, s.${sql.raw(dateCol)}::text as d, o.name as org_name from correction_subjects s join orgs o on o.id = s.org_id where ${where} order by s.${sql.raw(dateCol)}, s.id limit 5000`),
  );
  return rows.map((r) => ({ entityType: SUBJECT_ENTITY, id: r.id, title: `${maskPii(r.name)}（${sentenceTypes[r.sentence_type as SentenceType] ?? r.sentence_type}）`, date: r.d, orgName: r.org_name, link: `/corrections/subjects/${r.id}` }));
}

const base = { module: MODULE, permission: PERM.indicators } as const;

export const correctionsIndicators: IndicatorDef[] = [
  {
    ...base, key: 'corrections.onRegister', label: '社区矫正在册人数', unit: 'count', definition: '期内在册的社区矫正对象：期末前接收且期初前未解除或终止（按矫正类别）',
    compute: async (db, q) => ({ numerator: await count(db, 'correction_subjects s', onRegister(q)), denominator: null, breakdown: await byType(db, onRegister(q)) }),
    records: (db, q) => subjectRecords(db, onRegister(q), 'received_date'),
  },
  {
    ...base, key: 'corrections.received', label: '社区矫正接收人数', unit: 'count', definition: '期内接收的社区矫正对象（按矫正类别）',
    compute: async (db, q) => ({ numerator: await count(db, 'correction_subjects s', received(q)), denominator: null, breakdown: await byType(db, received(q)) }),
    records: (db, q) => subjectRecords(db, received(q), 'received_date'),
  },
  {
    ...base, key: 'corrections.released', label: '社区矫正解除（终止）人数', unit: 'count', definition: '期内期满解除矫正或终止矫正（撤销缓刑/假释、收监执行、死亡）的社区矫正对象',
    compute: async (db, q) => {
      const rows = rowsOf<{ k: string; n: number }>(await db.execute(sql`select s.ending as k, count(*)::int as n from correction_subjects s where ${released(q)} group by 1 order by 1`));
      const labels: Record<string, string> = { expired: '期满解除', revoked: '撤销缓刑/假释', committed: '收监执行', death: '死亡', other: '其他终止' };
      return { numerator: rows.reduce((a, r) => a + Number(r.n), 0), denominator: null, breakdown: rows.map((r) => ({ key: r.k, label: labels[r.k] ?? r.k, value: Number(r.n) })) };
    },
    records: (db, q) => subjectRecords(db, released(q), 'ended_date'),
  },
  {
    ...base, key: 'corrections.sanctions', label: '社区矫正惩处', unit: 'count', definition: '期内决定的训诫、警告、提请撤销缓刑/假释、提请收监执行（社区矫正法 第二十八条、第四十六条、第四十九条）',
    compute: async (db, q) => {
      const rows = rowsOf<{ k: string; n: number }>(await db.execute(sql`select m.measure as k, count(*)::int as n from correction_measures m where ${sanctions(q)} group by 1`));
      const by = new Map(rows.map((r) => [r.k, Number(r.n)]));
      return { numerator: rows.reduce((a, r) => a + Number(r.n), 0), denominator: null, breakdown: SANCTIONS.map((k) => ({ key: k, label: measures[k].label, value: by.get(k) ?? 0 })) };
    },
    records: async (db, q) => {
      const rows = rowsOf<{ id: string; name: string; measure: string; d: string; org_name: string }>(
        await db.execute(sql`select s.id, s.name, m.measure, m.decided_date::text as d, o.name as org_name from correction_measures m join correction_subjects s on s.id = m.subject_id join orgs o on o.id = m.org_id where ${sanctions(q)} order by m.decided_date, m.id limit 5000`),
      );
      return rows.map((r) => ({ entityType: SUBJECT_ENTITY, id: r.id, title: `${maskPii(r.name)}：${measures[r.measure as Measure]?.label ?? r.measure}`, date: r.d, orgName: r.org_name, link: `/corrections/subjects/${r.id}` }));
    },
  },
  {
    ...base, key: 'corrections.recidivismRate', label: '社区矫正对象重新犯罪率', unit: 'percent', definition: '期内重新犯罪的在册社区矫正对象 / 期内在册社区矫正对象',
    compute: async (db, q) => ({ numerator: await count(db, 'correction_subjects s', reoffended(q)), denominator: await count(db, 'correction_subjects s', onRegister(q)) }),
    records: (db, q, part) => subjectRecords(db, part === 'numerator' ? reoffended(q) : onRegister(q), part === 'numerator' ? 'reoffended_date' : 'received_date'),
  },
  {
    ...base, key: 'corrections.videoRollCalls', label: '视频点名次数', unit: 'count', definition: '期内对社区矫正对象的视频点名（人次，含未应答）',
    compute: async (db, q) => {
      const rows = rowsOf<{ answered: boolean | null; n: number }>(await db.execute(sql`select r.answered, count(*)::int as n from correction_records r where ${rollCalls(q)} group by 1`));
      const yes = rows.filter((r) => r.answered).reduce((a, r) => a + Number(r.n), 0);
      const total = rows.reduce((a, r) => a + Number(r.n), 0);
      return { numerator: total, denominator: null, breakdown: [{ key: 'answered', label: '应答', value: yes }, { key: 'unanswered', label: '未应答', value: total - yes }] };
    },
    records: async (db, q) => {
      const rows = rowsOf<{ id: string; name: string; d: string; answered: boolean; org_name: string }>(
        await db.execute(sql`select s.id, s.name, r.date::text as d, r.answered, o.name as org_name from correction_records r join correction_subjects s on s.id = r.subject_id join orgs o on o.id = r.org_id where ${rollCalls(q)} order by r.date, r.id limit 5000`),
      );
      return rows.map((r) => ({ entityType: SUBJECT_ENTITY, id: r.id, title: `${maskPii(r.name)}：视频点名${r.answered ? '' : '（未应答）'}`, date: r.d, orgName: r.org_name, link: `/corrections/subjects/${r.id}` }));
    },
  },
  {
    ...base, key: 'resettlement.handoverRate', label: '刑满释放人员衔接率', unit: 'percent', definition: '期内释放并已衔接的刑满释放人员 / 期内释放的刑满释放人员',
    compute: async (db, q) => ({ numerator: await count(db, 'resettlement_persons p', handedOver(q)), denominator: await count(db, 'resettlement_persons p', releasedPersons(q)) }),
    records: async (db, q, part) => {
      const rows = rowsOf<{ id: string; name: string; d: string; org_name: string; handover_date: string | null }>(
        await db.execute(sql`select p.id, p.name, p.release_date::text as d, o.name as org_name, p.handover_date::text as handover_date from resettlement_persons p join orgs o on o.id = p.org_id where ${part === 'numerator' ? handedOver(q) : releasedPersons(q)} order by p.release_date, p.id limit 5000`),
      );
      return rows.map((r) => ({ entityType: RESETTLEMENT_ENTITY, id: r.id, title: `${maskPii(r.name)}${r.handover_date ? `（${r.handover_date}衔接）` : '（未衔接）'}`, date: r.d, orgName: r.org_name, link: `/corrections/resettlement` }));
    },
  },
];

registerIndicators(correctionsIndicators);
