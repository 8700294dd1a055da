/**
 * 脱管/漏管 alarms and the register view. Alarms are computed on demand from the records (nothing to keep in
 * step): 逾期未报到 (社区矫正法 第二十一条), no 报告/签到/核查 within the level's interval (第二十四条 分类管理, local),
 * last month's 考核 missing, 外出 not back on time, 调查评估 past its 10 working days.
 */
import { and, eq, isNull, lt, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../../platform/db/client';
import type { AuthContext } from '../../platform/auth/context';
import { scopeCondition } from '../../platform/auth/scope';
import { addMonths, todayInChina } from '../../platform/calendar/service';
import { orgs } from '../../platform/orgs/schema';
import { rowsOf } from '../../platform/db/client';
import { correctionAssessments, correctionLeaves, correctionSubjects } from './schema';
import { alarmKinds, PERM, sentenceTypes, type AlarmKind, type CorrectionsRules, type Level, type SentenceType } from './terms';
import { getRules } from './subjects';

export interface Alarm {
  kind: AlarmKind;
  label: string;
  cite: string;
  subjectId: string | null;
  assessmentId?: string;
  name: string;
  orgId: string;
  orgName: string | null;
  since: string;
  detail: string;
}

const dayBefore = (d: string, n: number) => new Date(Date.parse(d + 'T00:00:00Z') - n * 86_400_000).toISOString().slice(0, 10);

/** Every alarm in the caller's scope as of `today`. */
export async function computeAlarms(db: DbOrTx, auth: AuthContext, today: string = todayInChina(), rules?: CorrectionsRules): Promise<Alarm[]> {
  const r = rules ?? (await getRules(db));
  const scope = scopeCondition(auth, PERM.read, { orgId: correctionSubjects.orgId });
  const out: Alarm[] = [];
  const base = { id: correctionSubjects.id, name: correctionSubjects.name, orgId: correctionSubjects.orgId, orgName: orgs.name };
  const mk = (kind: AlarmKind, row: { id: string | null; name: string; orgId: string; orgName: string | null }, since: string, detail: string, extra: Partial<Alarm> = {}): Alarm => ({ kind, label: alarmKinds[kind].label, cite: alarmKinds[kind].cite, subjectId: row.id, name: row.name, orgId: row.orgId, orgName: row.orgName, since, detail, ...extra });

  // 漏管: received, 报到 due date passed (社区矫正法 第二十一条).
  const notReported = await db.select({ ...base, due: correctionSubjects.reportDueDate }).from(correctionSubjects).leftJoin(orgs, eq(orgs.id, correctionSubjects.orgId))
    .where(and(isNull(correctionSubjects.voidedAt), scope, eq(correctionSubjects.state, 'received'), lt(correctionSubjects.reportDueDate, today)));
  for (const s of notReported) out.push(mk('notReported', s, s.due!, `应于${s.due}前报到，至今未报到`));

  // 脱管: no contact within the level's interval (第二十四条 分类管理; local intervals).
  const supervising = await db.select({ ...base, level: correctionSubjects.level, last: correctionSubjects.lastContactDate, announced: correctionSubjects.announcedDate, termStart: correctionSubjects.termStart }).from(correctionSubjects).leftJoin(orgs, eq(orgs.id, correctionSubjects.orgId))
    .where(and(isNull(correctionSubjects.voidedAt), scope, eq(correctionSubjects.state, 'supervising')));
  const lastMonth = addMonths(today, -1).slice(0, 7);
  const assessed = new Set(
    rowsOf<{ subject_id: string }>(await db.execute(sql`select subject_id from correction_records where kind = 'assessment' and month = ${lastMonth} and voided_at is null`)).map((x) => x.subject_id),
  );
  const assessmentDueDay = `${today.slice(0, 7)}-${String(r.assessmentDay).padStart(2, '0')}`;
  for (const s of supervising) {
    const gap = r.contactDays[s.level as Level] ?? r.contactDays.normal;
    const last = s.last ?? s.announced ?? s.termStart;
    if (last < dayBefore(today, gap)) out.push(mk('lostContact', s, last, `最近一次报告/签到/核查为${last}，超过${gap}日（${s.level === 'strict' ? '严格' : s.level === 'lenient' ? '宽松' : '普通'}管理）`));
    // 考核 of last month is due by the configured day of this month; only for subjects on register all last month.
    if (today > assessmentDueDay && (s.announced ?? s.termStart) < `${lastMonth}-01` && !assessed.has(s.id)) out.push(mk('assessmentMissing', s, assessmentDueDay, `${lastMonth}的月度考核未登记`));
  }

  // 外出逾期未归.
  const overdueLeaves = await db.select({ ...base, endDate: correctionLeaves.endDate, destination: correctionLeaves.destination }).from(correctionLeaves)
    .innerJoin(correctionSubjects, eq(correctionSubjects.id, correctionLeaves.subjectId)).leftJoin(orgs, eq(orgs.id, correctionSubjects.orgId))
    .where(and(isNull(correctionLeaves.voidedAt), scope, eq(correctionLeaves.kind, 'leave'), eq(correctionLeaves.state, 'approved'), lt(correctionLeaves.endDate, today)));
  for (const l of overdueLeaves) out.push(mk('leaveOverdue', l, l.endDate!, `外出${l.destination}应于${l.endDate}返回，未销假`));

  // 调查评估逾期.
  const late = await db.select({ id: correctionAssessments.id, name: correctionAssessments.personName, orgId: correctionAssessments.orgId, orgName: orgs.name, due: correctionAssessments.dueDate, requester: correctionAssessments.requester }).from(correctionAssessments).leftJoin(orgs, eq(orgs.id, correctionAssessments.orgId))
    .where(and(isNull(correctionAssessments.voidedAt), scopeCondition(auth, PERM.read, { orgId: correctionAssessments.orgId }), eq(correctionAssessments.state, 'investigating'), lt(correctionAssessments.dueDate, today)));
  for (const a of late) out.push(mk('assessmentOverdue', { id: null, name: a.name, orgId: a.orgId, orgName: a.orgName }, a.due, `${a.requester}委托的调查评估应于${a.due}前出具意见`, { assessmentId: a.id }));

  return out.sort((a, b) => a.since.localeCompare(b.since));
}

export const registerQuery = z.object({
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD'),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD'),
});

/**
 * 在册/接收/解除 by township and type for a period, as the annual report cites them: 在册 = received on or before
 * the end and not ended before the start; 接收 = received within; 解除 = ended (any way) within.
 */
export async function registerView(db: DbOrTx, auth: AuthContext, raw: z.input<typeof registerQuery>) {
  const { from, to } = registerQuery.parse(raw);
  const scope = scopeCondition(auth, PERM.read, { orgId: correctionSubjects.orgId });
  const rows = rowsOf<{ org_id: string; org_name: string; sentence_type: string; on_register: number; received: number; ended: number }>(
    await db.execute(sql`
      select correction_subjects.org_id, o.name as org_name, correction_subjects.sentence_type,
        count(*) filter (where correction_subjects.received_date <= ${to} and (correction_subjects.ended_date is null or correction_subjects.ended_date >= ${from}))::int as on_register,
        count(*) filter (where correction_subjects.received_date between ${from} and ${to})::int as received,
        count(*) filter (where correction_subjects.ended_date between ${from} and ${to})::int as ended
      from correction_subjects join orgs o on o.id = correction_subjects.org_id
      where correction_subjects.voided_at is null and ${scope}
      group by correction_subjects.org_id, o.name, correction_subjects.sentence_type, o.sort
      order by o.sort, correction_subjects.sentence_type`),
  );
  const byOffice = new Map<string, { orgId: string; orgName: string; onRegister: number; received: number; released: number; byType: Record<string, { onRegister: number; received: number; released: number }> }>();
  const totals = { onRegister: 0, received: 0, released: 0, byType: {} as Record<string, { label: string; onRegister: number; received: number; released: number }> };
  for (const r of rows) {
    const o = byOffice.get(r.org_id) ?? { orgId: r.org_id, orgName: r.org_name, onRegister: 0, received: 0, released: 0, byType: {} };
    o.onRegister += Number(r.on_register);
    o.received += Number(r.received);
    o.released += Number(r.ended);
    o.byType[r.sentence_type] = { onRegister: Number(r.on_register), received: Number(r.received), released: Number(r.ended) };
    byOffice.set(r.org_id, o);
    const t = (totals.byType[r.sentence_type] ??= { label: sentenceTypes[r.sentence_type as SentenceType] ?? r.sentence_type, onRegister: 0, received: 0, released: 0 });
    t.onRegister += Number(r.on_register);
    t.received += Number(r.received);
    t.released += Number(r.ended);
    totals.onRegister += Number(r.on_register);
    totals.received += Number(r.received);
    totals.released += Number(r.ended);
  }
  return { from, to, totals, offices: [...byOffice.values()].filter((o) => o.onRegister + o.received + o.released > 0), sentenceTypes };
}
