/**
 * Demo data for 武义县 社区矫正 (deterministic via ctx.random): the 2025 report year matches the county's figures —
 * 406 on register, 265 received, 233 released or terminated, 73 训诫, 35 警告, 8 提请撤销缓刑, 1 收监执行,
 * 230 视频点名 — and the flow continues at the same pace from 2026-01-01 to today, with a few live 脱管/漏管
 * alarms, pending approvals, 调查评估 and 安置帮教 hand-overs. Bulk inserts in one transaction.
 */
import { eq } from 'drizzle-orm';
import type { SeedContext } from '../../platform/module';
import { systemActor, recordAudit } from '../../platform/audit/service';
import { createUser } from '../../platform/auth/users';
import { users } from '../../platform/auth/schema';
import { orgs } from '../../platform/orgs/schema';
import { protectPii } from '../../platform/crypto/sm';
import { addMonths, todayInChina } from '../../platform/calendar/service';
import { searchDocs } from '../../platform/search/schema';
import { searchVector } from '../../platform/search/service';
import { demoCounty, justiceOfficeName } from '../../platform/seed/county';
import { correctionAssessments, correctionCheckins, correctionLeaves, correctionMeasures, correctionRecords, correctionSubjects, resettlementPersons } from './schema';
import { leaveApprover, SUBJECT_ENTITY, type Level, type SentenceType } from './terms';
import { reportDue } from './workflow';
import { assessmentDue } from './assessments';

/** The demo accounts of this line (password: the demo password). */
export const correctionsDemoUsers = [
  { username: 'jiaozheng', displayName: '吴晓燕', org: '社区矫正管理局', roles: ['correctionsOfficer'], title: '社区矫正管理局科员' },
  { username: 'jz_hushan', displayName: '何伟东', org: '壶山司法所', roles: ['correctionsStaff'], title: '社区矫正专干' },
  { username: 'jz_baiyang', displayName: '潘丽萍', org: '白洋司法所', roles: ['correctionsStaff'], title: '社区矫正专干' },
  { username: 'jzdx', displayName: '', org: '壶山司法所', roles: ['correctionsSubject'], title: '社区矫正对象' },
];

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蒋蔡余杜叶程魏苏吕丁任沈姚卢傅钟姜崔谭廖范汪陆金石戴贾韦夏邱方侯邹熊孟秦白江阎薛尹段雷黎史龙陶贺顾毛郝龚邵万钱严覃武';
const GIVEN = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀英', '霞', '平', '刚', '桂英', '建华', '志强', '海燕', '国平', '晓东', '小红', '建国', '文彬', '俊杰', '鹏', '斌', '浩', '宇', '飞', '建军', '立新', '红梅', '卫东'];
const CRIMES: [string, string, number][] = [
  // 罪名, 典型刑期, 矫正月数
  ['危险驾驶罪', '拘役二个月，缓刑四个月', 4], ['危险驾驶罪', '拘役三个月，缓刑六个月', 6], ['盗窃罪', '有期徒刑八个月，缓刑一年', 12], ['诈骗罪', '有期徒刑一年，缓刑一年六个月', 18],
  ['故意伤害罪', '有期徒刑一年，缓刑二年', 24], ['开设赌场罪', '有期徒刑一年六个月，缓刑二年', 24], ['帮助信息网络犯罪活动罪', '有期徒刑六个月，缓刑一年', 12], ['交通肇事罪', '有期徒刑一年，缓刑一年六个月', 18],
  ['非法占用农用地罪', '有期徒刑一年，缓刑二年', 24], ['寻衅滋事罪', '有期徒刑十个月，缓刑一年', 12], ['掩饰、隐瞒犯罪所得罪', '有期徒刑七个月，缓刑一年', 12], ['污染环境罪', '有期徒刑一年，缓刑二年', 24],
];

const shift = (d: string, days: number) => new Date(Date.parse(d + 'T00:00:00Z') + days * 86_400_000).toISOString().slice(0, 10);
const daysBetween = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);

/** A valid 18-digit 身份证号 (GB 11643 check digit) for a township code and birth date. */
function idNumber(regionCode: string, birth: string, seq: number) {
  const body = regionCode.slice(0, 6) + birth.replace(/-/g, '') + String(seq).padStart(3, '0');
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((a, c, i) => a + Number(c) * weights[i], 0);
  return body + '10X98765432'[sum % 11];
}

export async function seedCorrections(ctx: SeedContext) {
  const { db, random } = ctx;
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
  const int = (a: number, b: number) => a + Math.floor(random() * (b - a + 1));
  const between = (from: string, to: string) => shift(from, int(0, Math.max(0, daysBetween(from, to))));
  const today = todayInChina();
  const lastMonth = addMonths(today, -1).slice(0, 7);

  // The county 社区矫正机构 issues numbered 文书 under its 简称.
  const agency = ctx.orgs.get('社区矫正管理局');
  if (!agency) throw new Error('demo org missing: 社区矫正管理局');
  if (!agency.shortName) await db.update(orgs).set({ shortName: '武矫' }).where(eq(orgs.id, agency.id));
  const offices = demoCounty.townships.map((t) => ctx.orgs.get(justiceOfficeName(t.name))!).filter(Boolean);
  const weight = demoCounty.townships.map((t) => t.population);
  const totalWeight = weight.reduce((a, b) => a + b, 0);
  const office = () => {
    let x = random() * totalWeight;
    for (let i = 0; i < offices.length; i++) if ((x -= weight[i]) < 0) return offices[i];
    return offices[0];
  };
  const hushan = ctx.orgs.get('壶山司法所')!;

  for (const u of correctionsDemoUsers.filter((x) => x.username !== 'jzdx')) {
    const org = ctx.orgs.get(u.org)!;
    const user = await createUser(db, systemActor, { username: u.username, displayName: u.displayName, orgId: org.id, title: u.title, roleCodes: u.roles, password: ctx.config.demoPassword });
    await db.update(users).set({ mustChangePassword: false }).where(eq(users.id, user.id));
    ctx.users.set(u.username, user.id);
  }
  const officer = ctx.users.get('jiaozheng')!;

  // ── subjects ──────────────────────────────────────────────────────────────────────────────────────────
  type S = typeof correctionSubjects.$inferInsert & { id: string };
  const subjects: S[] = [];
  let seq = 0;
  const sentenceOf = (): SentenceType => {
    const x = random();
    return x < 0.85 ? 'probation' : x < 0.92 ? 'parole' : x < 0.95 ? 'control' : 'medicalParole';
  };
  const make = (receivedDate: string, termEnd: string | null, type: SentenceType = sentenceOf()): S => {
    const org = office();
    const [crime, sentence, months] = type === 'medicalParole' ? ['盗窃罪', '有期徒刑三年（暂予监外执行）', 12] as const : pick(CRIMES);
    const effective = shift(receivedDate, -int(1, 6));
    const end = termEnd ?? shift(addMonths(effective, months), -1);
    const reported = shift(receivedDate, int(0, 3));
    const announced = shift(reported, int(0, 2));
    const birth = `${int(1960, 2003)}-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`;
    const gender = random() < 0.86 ? '男' : '女';
    const name = pick([...SURNAMES]) + pick(GIVEN);
    const pid = protectPii(idNumber(org.regionCode, birth, (seq++ % 499) * 2 + (gender === '男' ? 1 : 0)));
    const phone = protectPii(`1${pick(['35', '37', '38', '58', '59', '88'])}${String(int(0, 99_999_999)).padStart(8, '0')}`);
    const address = protectPii(`${org.name.replace(/司法所$/, '')}${pick(['幸福路', '解放街', '溪南路', '壶山路', '东门街', '新华路'])}${int(1, 300)}号`);
    const level: Level = random() < 0.15 ? 'strict' : random() < 0.7 ? 'normal' : 'lenient';
    return {
      id: crypto.randomUUID(), orgId: org.id, regionCode: org.regionCode, createdBy: officer, name, gender,
      idNumberEnc: pid.enc, idNumberMasked: pid.masked, idNumberIndex: pid.index, phoneEnc: phone.enc, phoneMasked: phone.masked, addressEnc: address.enc, addressMasked: address.masked,
      sentenceType: type, crime, sentence, decisionOrg: type === 'parole' || type === 'medicalParole' ? '金华市中级人民法院' : '武义县人民法院',
      judgmentNumber: `（${effective.slice(0, 4)}）浙07${type === 'parole' ? '刑更' : '23刑初'}${int(10, 999)}号`, judgmentEffectiveDate: effective, termStart: effective, termEnd: end < effective ? effective : end,
      receivedDate, reportDueDate: reportDue(type, effective).date, reportedDate: reported, announcedDate: announced, level, state: 'supervising',
      groupMembers: ['司法所工作人员', '村（居）委会干部', '家庭成员'], plan: '每月到司法所报告一次，参加教育学习和公益活动，遵守外出请假规定。', source: 'demo',
    };
  };
  const end = (s: S, date: string, ending: 'expired' | 'revoked' | 'committed' | 'death') => Object.assign(s, { endedDate: date, ending, state: ending === 'expired' ? 'released' : 'terminated' });

  // A: on register on 2025-01-01 (141); B: received in 2025 (265); together 406 on register in 2025.
  const groupA = Array.from({ length: 141 }, () => make(between('2023-09-01', '2024-12-20'), null));
  const groupB = Array.from({ length: 265 }, () => make(between('2025-01-02', '2025-12-28'), null));
  // 233 leave the register in 2025: 120 of A, 113 of B (short 缓刑 terms).
  const endIn2025 = (s: S, earliest: string) => {
    const d = between(earliest > '2025-01-02' ? earliest : '2025-01-02', '2025-12-30');
    s.termEnd = d;
    return d;
  };
  const leaving = [...groupA.slice(0, 120), ...groupB.filter((s) => s.receivedDate < '2025-09-01').slice(0, 113)];
  const revoked = leaving.filter((s) => s.sentenceType === 'probation').slice(0, 8);
  let committed = leaving.find((s) => s.sentenceType === 'medicalParole');
  if (!committed) {
    committed = leaving[leaving.length - 1];
    committed.sentenceType = 'medicalParole';
  }
  const died = leaving.find((s) => !revoked.includes(s) && s !== committed)!;
  for (const s of leaving) {
    const earliest = shift(s.announcedDate!, 30);
    // A court's 撤销 / 收监 follows the proposal by a few weeks: both fall inside 2025.
    const d = endIn2025(s, (revoked.includes(s) || s === committed) && earliest < '2025-02-01' ? '2025-02-01' : earliest);
    end(s, d, revoked.includes(s) ? 'revoked' : s === committed ? 'committed' : s === died ? 'death' : 'expired');
    if (s.ending !== 'expired') s.termEnd = shift(d, int(60, 400));
  }
  revoked[0].reoffended = true;
  revoked[0].reoffendedDate = shift(revoked[0].endedDate!, -20);
  // Those staying past 2025 end after it.
  for (const s of [...groupA.slice(120), ...groupB.filter((x) => !leaving.includes(x))]) if (s.termEnd! <= '2025-12-31') s.termEnd = between('2026-01-15', '2027-12-31');
  // C: 2026 to today at the same pace.
  const groupC = Array.from({ length: Math.max(0, Math.round((265 * daysBetween('2026-01-01', today)) / 365)) }, () => make(between('2026-01-02', shift(today, -12)), null));
  const all = [...groupA, ...groupB, ...groupC];
  for (const s of all) if (!s.endedDate && s.termEnd! < today) end(s, shift(s.termEnd!, 1) > today ? today : shift(s.termEnd!, 1), 'expired');
  // Two just received (one past its 报到 day: 漏管), two lost contact (脱管).
  const fresh1 = make(shift(today, -12), null, 'probation');
  fresh1.judgmentEffectiveDate = fresh1.termStart = shift(today, -14);
  fresh1.reportDueDate = reportDue('probation', fresh1.judgmentEffectiveDate).date;
  const fresh2 = make(shift(today, -1), null, 'probation');
  for (const f of [fresh1, fresh2]) Object.assign(f, { state: 'received', reportedDate: null, announcedDate: null });
  all.push(fresh1, fresh2);
  const active = all.filter((s) => s.state === 'supervising');
  for (const s of active) s.lastContactDate = shift(today, -int(0, 5));
  active.slice(0, 2).forEach((s) => (s.lastContactDate = shift(today, -40)));
  // The demo 矫正对象 account (jzdx) belongs to an active subject of 壶山司法所.
  const mine = active.find((s) => s.orgId === hushan.id && s.termEnd! > shift(today, 90)) ?? active[active.length - 1];
  Object.assign(mine, { orgId: hushan.id, regionCode: hushan.regionCode });

  // ── records: monthly 考核, reports, visits, 视频点名 ──────────────────────────────────────────────────────
  type R = typeof correctionRecords.$inferInsert;
  const records: R[] = [];
  const rec = (s: S, r: Omit<R, 'orgId' | 'regionCode' | 'subjectId'>) => records.push({ orgId: s.orgId, regionCode: s.regionCode, subjectId: s.id, createdBy: officer, ...r });
  const skipAssessment = new Set(active.slice(2, 4).map((s) => s.id));
  for (const s of all) {
    if (!s.announcedDate) continue;
    const stop = s.endedDate ?? today;
    for (let m = addMonths(`${s.announcedDate.slice(0, 7)}-01`, 0); m.slice(0, 7) <= stop.slice(0, 7); m = addMonths(m, 1)) {
      const month = m.slice(0, 7);
      if (month < '2025-01' || month > lastMonth || (month === lastMonth && skipAssessment.has(s.id))) continue;
      const date = shift(addMonths(m, 1), int(0, 6));
      if (date > today) continue;
      rec(s, { kind: 'assessment', date, month, result: random() < 0.9 ? 'good' : random() < 0.8 ? 'fair' : 'poor', summary: '按月考核' });
    }
    if (s.state === 'supervising') rec(s, { kind: 'report', date: s.lastContactDate!, summary: '按时到司法所报告近期思想、工作和生活情况' });
    if (random() < 0.4) rec(s, { kind: 'visit', date: between(s.announcedDate, stop < today ? stop : today), summary: '入户走访，了解家庭和工作情况' });
  }
  // 视频点名: 230 calls in 2025, then the same pace.
  const onRegisterOn = (d: string) => all.filter((s) => s.announcedDate && s.announcedDate <= d && (!s.endedDate || s.endedDate >= d));
  const calls = (n: number, from: string, to: string) => {
    for (let i = 0; i < n; i++) {
      const d = between(from, to);
      const pool = onRegisterOn(d);
      if (pool.length) rec(pick(pool), { kind: 'rollCall', date: d, answered: random() < 0.95, summary: '视频点名' });
      else i--;
    }
  };
  calls(230, '2025-01-06', '2025-12-26');
  calls(Math.round((230 * daysBetween('2026-01-01', today)) / 365), '2026-01-05', shift(today, -1));

  // ── 奖惩 ──────────────────────────────────────────────────────────────────────────────────────────────
  type M = typeof correctionMeasures.$inferInsert;
  const measureRows: M[] = [];
  const FACTS: Record<string, string[]> = {
    admonition: ['未按规定时间到司法所报告', '未经批准擅自离开所居住的县', '无正当理由未参加教育学习', '手机定位多次关机'],
    warning: ['受到训诫后仍未按规定报告', '未经批准离开所居住的县超过七日', '不按规定参加公益活动且经教育不改'],
    revocation: ['受到警告后仍违反监督管理规定，情节严重', '违反禁止令，情节严重', '在缓刑考验期内发现判决宣告前还有其他罪没有判决'],
    committal: ['保外就医情形消失且刑期未满', '违反监督管理规定，经警告仍不改正'],
    commendation: ['积极参加公益活动，表现突出', '主动见义勇为，受到群众好评'],
  };
  const measure = (s: S, kind: string, date: string, state = 'approved') =>
    measureRows.push({ orgId: s.orgId, regionCode: s.regionCode, subjectId: s.id, createdBy: officer, measure: kind, state, facts: pick(FACTS[kind]), proposedDate: shift(date, -int(1, 5)), decidedDate: state === 'approved' ? date : null, decidedBy: state === 'approved' ? officer : null });
  const sanctionable = (from: string, to: string) => all.filter((s) => s.announcedDate && s.announcedDate < to && (!s.endedDate || s.endedDate > from) && !revoked.includes(s) && s !== committed);
  const spread = (kind: string, n: number, from: string, to: string) => {
    const pool = sanctionable(from, to);
    for (let i = 0; i < n; i++) {
      const s = pick(pool);
      const lo = s.announcedDate! > from ? s.announcedDate! : from;
      const hi = s.endedDate && s.endedDate < to ? s.endedDate : to;
      measure(s, kind, lo < hi ? between(lo, hi) : lo);
    }
  };
  spread('admonition', 73, '2025-01-02', '2025-12-30');
  spread('warning', 35, '2025-01-02', '2025-12-30');
  spread('commendation', 18, '2025-01-02', '2025-12-30');
  for (const s of revoked) measure(s, 'revocation', shift(s.endedDate!, -int(10, 25)));
  measure(committed, 'committal', shift(committed.endedDate!, -int(10, 25)));
  const frac = daysBetween('2026-01-01', today) / 365;
  spread('admonition', Math.round(60 * frac), '2026-01-02', shift(today, -2));
  spread('warning', Math.round(28 * frac), '2026-01-02', shift(today, -2));
  // Pending for the county's approval.
  measure(active[5], 'admonition', shift(today, -1), 'proposed');
  measure(active[6], 'warning', shift(today, -1), 'proposed');

  // ── 外出 ──────────────────────────────────────────────────────────────────────────────────────────────
  type L = typeof correctionLeaves.$inferInsert;
  const leaves: L[] = [];
  const leave = (s: S, start: string, days: number, state: string) =>
    leaves.push({ orgId: s.orgId, regionCode: s.regionCode, subjectId: s.id, createdBy: officer, kind: 'leave', destination: pick(['金华市区', '杭州市', '义乌市', '永康市', '上海市']), reason: pick(['探望生病亲属', '务工', '就医复查', '处理家庭事务']), startDate: start, endDate: shift(start, days - 1), days, approver: leaveApprover(days), state, decidedDate: state === 'pending' ? null : shift(start, -2), decidedBy: state === 'pending' ? null : officer, returnedDate: state === 'returned' ? shift(start, days - 1) : null });
  for (let i = 0; i < 70; i++) {
    const s = pick(active);
    const start = between(s.announcedDate! > '2025-06-01' ? s.announcedDate! : '2025-06-01', shift(today, -20));
    leave(s, start, pick([2, 3, 5, 7, 10, 15]), 'returned');
  }
  leave(active[7], shift(today, 3), 12, 'pending');
  leave(active[8], shift(today, -10), 5, 'approved'); // not back on time: alarm

  // ── 调查评估 ──────────────────────────────────────────────────────────────────────────────────────────
  type A = typeof correctionAssessments.$inferInsert;
  const assessments: A[] = [];
  const requesters = ['武义县人民法院', '武义县人民检察院', '金华市中级人民法院', '浙江省第六监狱'];
  const assessment = (received: string, done: boolean) => {
    const org = office();
    const fast = random() < 0.3;
    const due = assessmentDue(received, fast);
    const pid = protectPii(idNumber(org.regionCode, `${int(1965, 2003)}-0${int(1, 9)}-1${int(0, 9)}`, int(0, 998)));
    assessments.push({ orgId: org.id, regionCode: org.regionCode, createdBy: officer, personName: pick([...SURNAMES]) + pick(GIVEN), idNumberEnc: pid.enc, idNumberMasked: pid.masked, idNumberIndex: pid.index, requester: pick(requesters), proposedType: random() < 0.9 ? 'probation' : 'parole', crime: pick(CRIMES)[0], fastTrack: fast, receivedDate: received, dueDate: due.date, provisional: due.provisional, state: done ? 'completed' : 'investigating', opinion: done ? (random() < 0.88 ? 'suitable' : 'unsuitable') : null, opinionReasons: done ? '居住地固定，家庭成员愿意协助监管，村（居）委会无异议。' : null, completedDate: done ? shift(received, int(5, 12)) : null });
  };
  for (let i = 0; i < 150; i++) assessment(between('2025-01-02', shift(today, -30)), true);
  assessment(shift(today, -20), false); // past its 10 working days
  assessment(shift(today, -2), false);

  // ── 安置帮教 ──────────────────────────────────────────────────────────────────────────────────────────
  type P = typeof resettlementPersons.$inferInsert;
  const persons: P[] = [];
  const prisons = ['浙江省第四监狱', '浙江省金华监狱', '浙江省十里丰监狱', '武义县看守所', '浙江省女子监狱'];
  const person = (release: string, handed: boolean) => {
    const org = office();
    const notice = shift(release, -int(7, 30));
    const pid = protectPii(idNumber(org.regionCode, `${int(1960, 2000)}-1${int(0, 2)}-0${int(1, 9)}`, int(0, 998)));
    const phone = protectPii(`13${int(100_000_000, 999_999_999)}`);
    const address = protectPii(`${org.name.replace(/司法所$/, '')}${int(1, 200)}号`);
    persons.push({ orgId: org.id, regionCode: org.regionCode, createdBy: officer, name: pick([...SURNAMES]) + pick(GIVEN), gender: random() < 0.9 ? '男' : '女', idNumberEnc: pid.enc, idNumberMasked: pid.masked, idNumberIndex: pid.index, phoneEnc: phone.enc, phoneMasked: phone.masked, addressEnc: address.enc, addressMasked: address.masked, prison: pick(prisons), crime: pick(CRIMES)[0], releaseDate: release, noticeDate: notice, handoverDate: handed ? release : null, riskLevel: random() < 0.7 ? 'low' : random() < 0.8 ? 'medium' : 'high', helpGroup: handed ? ['司法所工作人员', '村（居）委会干部', '家属'] : [], helps: handed ? [{ date: shift(release, int(5, 40)), kind: '走访谈心', note: '了解就业和生活情况，协助办理社保' }] : [], followUntil: addMonths(release, 60), state: handed ? 'following' : 'notified' });
  };
  for (let i = 0; i < 152; i++) person(between('2025-01-02', '2025-12-30'), i !== 17 && i !== 90);
  for (let i = 0; i < Math.round(150 * frac); i++) person(between('2026-01-02', shift(today, -3)), true);
  person(shift(today, 2), false);
  person(shift(today, 5), false);

  const tChunk = async <T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) => {
    for (let i = 0; i < rows.length; i += 500) await insert(rows.slice(i, i + 500));
  };
  await db.transaction(async (tx) => {
    await tChunk(all, (c) => tx.insert(correctionSubjects).values(c));
    await tChunk(records, (c) => tx.insert(correctionRecords).values(c));
    await tChunk(measureRows, (c) => tx.insert(correctionMeasures).values(c));
    await tChunk(leaves, (c) => tx.insert(correctionLeaves).values(c));
    await tChunk(assessments, (c) => tx.insert(correctionAssessments).values(c));
    await tChunk(persons, (c) => tx.insert(resettlementPersons).values(c));
    await tChunk(all, (c) => tx.insert(searchDocs).values(c.map((s) => ({ entityType: SUBJECT_ENTITY, entityId: s.id, orgId: s.orgId, title: s.name, tokens: searchVector({ title: s.name, text: `${s.crime} ${s.judgmentNumber ?? ''}` }) }))));
    await tx.insert(correctionCheckins).values([1, 3, 8].map((n) => ({ subjectId: mine.id, orgId: mine.orgId, at: new Date(Date.parse(shift(today, -n) + 'T01:30:00Z')), date: shift(today, -n), latitude: 28.8927 + n / 1000, longitude: 119.8163, accuracy: 25 })));
    await recordAudit(tx, systemActor, { action: 'corrections.seed', entityType: SUBJECT_ENTITY, summary: `演示数据：社区矫正对象${all.length}人，监管记录${records.length}条，奖惩${measureRows.length}件，调查评估${assessments.length}件，安置帮教${persons.length}人` });
  });

  const jzdx = correctionsDemoUsers.find((u) => u.username === 'jzdx')!;
  const user = await createUser(db, systemActor, { username: jzdx.username, displayName: mine.name, orgId: hushan.id, title: jzdx.title, roleCodes: jzdx.roles, password: ctx.config.demoPassword });
  await db.update(users).set({ mustChangePassword: false }).where(eq(users.id, user.id));
  await db.update(correctionSubjects).set({ subjectUserId: user.id }).where(eq(correctionSubjects.id, mine.id));
  ctx.users.set('jzdx', user.id);
  ctx.log(`演示数据：社区矫正对象 ${all.length} 人（2025 年在册 ${groupA.length + groupB.length}、接收 ${groupB.length}、解除/终止 ${leaving.length}）`);
}
