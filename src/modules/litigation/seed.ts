/**
 * Demo data of the 行政应诉 line for 武义县: about two years of lawsuits (2025 → today) shaped like the
 * county's reported figures (2023 年度报告: 行政诉讼败诉率 0, 复议:诉讼 ≈ 2.6:1, 负责人出庭应诉 the rule).
 * Concluded historical cases are inserted in batches; open ones go through the service and the workflow
 * engine, so their deadlines (some 黄灯, some 红灯) are the engine's own.
 */
import { eq } from 'drizzle-orm';
import type { SeedContext } from '../../platform/module';
import { systemActor } from '../../platform/audit/service';
import { createUser } from '../../platform/auth/users';
import { users } from '../../platform/auth/schema';
import { loadAuthContext, type AuthContext } from '../../platform/auth/context';
import { todayInChina } from '../../platform/calendar/service';
import type { Org } from '../../platform/orgs/service';
import { findReviewCases } from '../admin-review/service';
import { litigationCases, litigationHearings, litigationMediations, litigationSuggestions } from './schema';
import { act, addHearing, addMediation, createDefenceDraft, indexCase, registerCase, registerSuggestion, replySuggestion } from './service';
import { outcomes, type OutcomeCode } from './terms';

export const litigationDemoUsers = [
  { username: 'yingsu', displayName: '应晓燕', org: '行政复议与应诉科', roles: ['litigationOfficer'], title: '行政复议与应诉科科员' },
  { username: 'zrzy', displayName: '潘建军', org: '武义县自然资源和规划局', roles: ['agencyLegal'], title: '法制员' },
];

/** 机关简称 as used in their 发文字号. */

const DAY = 86_400_000;
const shift = (iso: string, days: number) => new Date(Date.parse(iso + 'T00:00:00Z') + days * DAY).toISOString().slice(0, 10);

const surnames = '徐朱何陈王李张周吴金郑胡汤潘俞邓叶应钟蒋';
const given = ['国平', '美玲', '建华', '志明', '丽芳', '永强', '小军', '春燕', '伟东', '海英', '金良', '秀珍', '晓峰', '文斌', '雪梅', '荣根', '爱琴', '宏伟'];
const companies = ['武义宏达五金制品有限公司', '浙江武义茗香茶业有限公司', '武义县宇鑫工贸有限公司', '武义温泉度假酒店有限公司', '武义县恒润建材有限公司', '浙江壶山电器有限公司'];

interface Kind {
  actType: string;
  cause: string;
  defendant: string;
  claims: string;
}
const kinds: Kind[] = [
  { actType: 'penalty', cause: '治安行政处罚', defendant: '武义县公安局', claims: '请求撤销被告作出的行政处罚决定' },
  { actType: 'penalty', cause: '土地行政处罚', defendant: '武义县自然资源和规划局', claims: '请求撤销被告作出的没收违法建筑物并处罚款的行政处罚决定' },
  { actType: 'enforcement', cause: '强制拆除违法建筑', defendant: '武义县综合行政执法局', claims: '请求确认被告强制拆除原告房屋的行为违法' },
  { actType: 'registration', cause: '工伤认定', defendant: '武义县人力资源和社会保障局', claims: '请求撤销被告作出的不予认定工伤决定书' },
  { actType: 'penalty', cause: '市场监督管理行政处罚', defendant: '武义县市场监督管理局', claims: '请求撤销被告作出的行政处罚决定书' },
  { actType: 'informationDisclosure', cause: '政府信息公开', defendant: '武义县人民政府', claims: '请求判令被告公开相关征收补偿安置信息' },
  { actType: 'expropriation', cause: '房屋征收补偿决定', defendant: '武义县人民政府', claims: '请求撤销被告作出的房屋征收补偿决定' },
  { actType: 'inaction', cause: '不履行法定职责', defendant: '武义县综合行政执法局', claims: '请求判令被告对举报的违法建设依法查处' },
  { actType: 'registration', cause: '不动产登记', defendant: '武义县自然资源和规划局', claims: '请求撤销被告颁发的不动产权证书' },
  { actType: 'enforcement', cause: '强制拆除', defendant: '壶山街道', claims: '请求确认被告强制拆除行为违法并赔偿损失' },
  { actType: 'compensation', cause: '行政赔偿', defendant: '王宅镇', claims: '请求判令被告赔偿强制拆除造成的损失' },
  { actType: 'agreement', cause: '征收补偿协议', defendant: '白洋街道', claims: '请求判令被告继续履行征收补偿协议' },
  { actType: 'penalty', cause: '交通运输行政处罚', defendant: '武义县交通运输局', claims: '请求撤销被告作出的行政处罚决定' },
  { actType: 'penalty', cause: '环境保护行政处罚', defendant: '金华市生态环境局武义分局', claims: '请求撤销被告作出的罚款决定' },
];

/** Historical endings: mostly 驳回诉讼请求, then 驳回起诉 and 撤诉; 调解 only in 赔偿/补偿 cases (行政诉讼法 第六十条). */
function endingFor(kind: Kind, r: number): OutcomeCode {
  if ((kind.actType === 'compensation' || kind.actType === 'expropriation') && r < 0.25) return 'mediated';
  if (r < 0.58) return 'dismissClaim';
  if (r < 0.74) return 'dismissSuit';
  if (r < 0.86) return 'withdrawn';
  return 'withdrawnChanged';
}

export async function seedLitigation(ctx: SeedContext) {
  const { db, orgs, random } = ctx;
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
  const person = () => pick([...surnames]) + pick(given);
  const org = (name: string): Org => {
    const o = orgs.get(name);
    if (!o) throw new Error(`demo org missing: ${name}`);
    return o;
  };
  // Township names map to their governments in the demo tree (seed/demo.ts).
  const defendantOrg = org;

  for (const u of litigationDemoUsers) {
    const user = await createUser(db, systemActor, { username: u.username, displayName: u.displayName, orgId: org(u.org).id, title: u.title, roleCodes: u.roles, password: ctx.config.demoPassword });
    await db.update(users).set({ mustChangePassword: false }).where(eq(users.id, user.id));
    ctx.users.set(u.username, user.id);
  }
  const yingsu = (await loadAuthContext(db, ctx.users.get('yingsu')!))!;
  const zrzy = (await loadAuthContext(db, ctx.users.get('zrzy')!))!;
  const today = todayInChina();
  const county = org('武义县人民法院');
  const serial = new Map<string, number>();
  const caseNumber = (date: string, court: 'county' | 'wucheng' | 'intermediate', kind: '行初' | '行终' = '行初') => {
    const y = date.slice(0, 4);
    const code = court === 'county' ? '浙0723' : court === 'wucheng' ? '浙0702' : '浙07';
    const key = `${y}${code}${kind}`;
    const n = (serial.get(key) ?? (court === 'county' ? 3 : court === 'wucheng' ? 40 : 60)) + 1 + Math.floor(random() * 3);
    serial.set(key, n);
    return `（${y}）${code}${kind}${n}号`;
  };
  const courtFor = (kind: Kind) => (kind.defendant === '武义县人民政府' ? { name: '金华市中级人民法院', id: null, key: 'intermediate' as const } : { name: county.name, id: county.id, key: 'county' as const });
  const plaintiff = (kind: Kind) => (kind.actType === 'penalty' && random() < 0.3 ? { type: 'organization', name: pick(companies) } : { type: 'person', name: person() });
  const heads: Record<string, [string, string]> = {
    武义县公安局: ['钟卫国', '副局长'],
    武义县自然资源和规划局: ['汤志刚', '副局长'],
    武义县综合行政执法局: ['何建平', '副局长'],
    武义县人力资源和社会保障局: ['邓丽萍', '副局长'],
    武义县市场监督管理局: ['俞晓东', '副局长'],
    武义县人民政府: ['朱振宇', '副县长'],
    壶山街道: ['金伟民', '办事处副主任'],
    王宅镇: ['周海涛', '副镇长'],
    白洋街道: ['陈建英', '办事处副主任'],
    武义县交通运输局: ['叶明华', '副局长'],
    金华市生态环境局武义分局: ['李向阳', '副局长'],
  };

  // ── concluded historical cases, in batches ───────────────────────────────────────────────────────────
  const closedCases: (typeof litigationCases.$inferInsert)[] = [];
  const hearings: (typeof litigationHearings.$inferInsert)[] = [];
  const lastReceived = shift(today, -150);
  let lossesLeft = 1; // 2025: one 确认违法 (程序违法); the reported 败诉率 stays low.
  let absences = 2;
  for (let d = '2025-01-06'; d <= lastReceived; d = shift(d, 4 + Math.floor(random() * 6))) {
    const kind = pick(kinds);
    const def = defendantOrg(kind.defendant);
    const court = courtFor(kind);
    const p = plaintiff(kind);
    const closedDate = shift(d, 50 + Math.floor(random() * 120));
    if (closedDate > shift(today, -20)) continue;
    let outcome = endingFor(kind, random());
    if (lossesLeft > 0 && d >= '2025-05-01' && kind.actType === 'enforcement') {
      outcome = 'confirmIllegal';
      lossesLeft--;
    }
    const id = crypto.randomUUID();
    const filedDate = shift(d, -3 - Math.floor(random() * 4));
    const appealed = outcome === 'dismissClaim' && random() < 0.3;
    closedCases.push({
      id,
      orgId: def.id,
      regionCode: def.regionCode,
      createdBy: yingsu.user.id,
      caseNumber: caseNumber(d, court.key),
      courtOrgId: court.id,
      courtName: court.name,
      plaintiffType: p.type,
      plaintiffName: p.name,
      plaintiffCount: random() < 0.15 ? 2 + Math.floor(random() * 4) : 1,
      defendantOrgId: def.id,
      defendantName: def.name,
      actType: kind.actType,
      cause: kind.cause,
      claims: kind.claims,
      receivedDate: d,
      filedDate,
      procedure: kind.actType === 'informationDisclosure' && random() < 0.5 ? 'summary' : 'ordinary',
      level: appealed ? 'second' : 'first',
      status: 'closed',
      defenceDate: shift(d, 8 + Math.floor(random() * 6)),
      evidenceCount: 4 + Math.floor(random() * 20),
      firstOutcome: outcome,
      firstOutcomeDate: appealed ? shift(closedDate, -70) : closedDate,
      appealed,
      appellant: appealed ? 'plaintiff' : null,
      outcome,
      closedDate,
      closingDocument: outcomes[outcome].kind,
      source: 'seed',
    });
    // Cases judged on the merits were heard; 撤诉 and 驳回起诉 often end before a hearing.
    const wasHeard = outcomes[outcome].kind === 'judgment' || random() < 0.4;
    if (wasHeard) {
      const hearingDate = shift(d, 25 + Math.floor(random() * 20));
      let headAppeared = true;
      if (absences > 0 && random() < 0.15) {
        headAppeared = false;
        absences--;
      }
      const [headName, headPost] = heads[kind.defendant] ?? ['王建新', '副局长'];
      hearings.push({
        orgId: def.id,
        regionCode: def.regionCode,
        createdBy: yingsu.user.id,
        caseId: id,
        level: 'first',
        hearingDate,
        courtName: court.name,
        status: 'held',
        headAppeared,
        headName: headAppeared ? headName : null,
        headPost: headAppeared ? headPost : null,
        staffNames: `${person()}（法制科）`,
        lawyerNames: random() < 0.6 ? `${person()}（浙江武川律师事务所）` : null,
        absenceReason: headAppeared ? null : '负责人参加县委重要会议，委托工作人员出庭并向法院提交情况说明',
      });
      if (appealed) {
        hearings.push({
          orgId: def.id,
          regionCode: def.regionCode,
          createdBy: yingsu.user.id,
          caseId: id,
          level: 'second',
          hearingDate: shift(closedDate, -20),
          courtName: '金华市中级人民法院',
          status: 'held',
          headAppeared: true,
          headName,
          headPost,
          staffNames: `${person()}（法制科）`,
        });
      }
    }
  }
  for (let i = 0; i < closedCases.length; i += 200) await db.insert(litigationCases).values(closedCases.slice(i, i + 200));
  for (let i = 0; i < hearings.length; i += 200) await db.insert(litigationHearings).values(hearings.slice(i, i + 200));
  await db.transaction(async (tx) => {
    for (const c of closedCases) await indexCase(tx, c as Parameters<typeof indexCase>[1]);
  });

  // Some lawsuits followed a 复议 on the same act (行政复议法 第二十九条): link a few to the 复议 line's cases.
  try {
    const director = await loadAuthContext(db, ctx.users.get('director')!);
    const reviews = director ? await findReviewCases(db, director, {}) : [];
    const linkable = reviews.filter((r) => ['维持', '驳回', '决定', '结案'].some((w) => (r.stateLabel ?? '').includes(w)));
    for (const [i, r] of linkable.slice(0, 6).entries()) {
      const target = closedCases.find((c, j) => j >= i * 5 && c.defendantName === r.respondentName) ?? closedCases[i * 5];
      if (target) await db.update(litigationCases).set({ reviewCaseId: r.id }).where(eq(litigationCases.id, target.id!));
    }
  } catch (err) {
    ctx.log(`行政应诉演示数据：未关联行政复议案件（${(err as Error).message}）`);
  }

  // ── open cases through the workflow: deadlines near and past due for the 工作台 ───────────────────────
  const register = async (auth: AuthContext, daysAgo: number, kind: Kind, extra: { filedDaysAgo?: number; procedure?: 'ordinary' | 'summary' } = {}) => {
    const received = shift(today, -daysAgo);
    const court = courtFor(kind);
    const p = plaintiff(kind);
    const row = await registerCase(db, auth, {
      caseNumber: caseNumber(received, court.key),
      courtOrgId: court.id,
      courtName: court.name,
      plaintiffType: p.type,
      plaintiffName: p.name,
      plaintiffIdNumber: p.type === 'person' ? `33072319${70 + Math.floor(random() * 25)}0${1 + Math.floor(random() * 9)}1${Math.floor(random() * 9)}${String(1000 + Math.floor(random() * 8999)).slice(0, 3)}${Math.floor(random() * 10)}` : null,
      plaintiffPhone: `13${5 + Math.floor(random() * 4)}${String(Math.floor(random() * 1e8)).padStart(8, '0')}`,
      defendantOrgId: defendantOrg(kind.defendant).id,
      actType: kind.actType,
      cause: kind.cause,
      claims: kind.claims,
      receivedDate: received,
      filedDate: extra.filedDaysAgo != null ? shift(today, -extra.filedDaysAgo) : null,
      procedure: extra.procedure ?? 'ordinary',
    });
    return row;
  };
  let version = 0;
  const step = async (auth: AuthContext, caseId: string, transition: string, data: Record<string, unknown>) => {
    const [c] = await db.select({ instanceId: litigationCases.instanceId }).from(litigationCases).where(eq(litigationCases.id, caseId));
    const { wfInstances } = await import('../../platform/workflow/schema');
    const [i] = await db.select({ version: wfInstances.version }).from(wfInstances).where(eq(wfInstances.id, c.instanceId!));
    version = i.version;
    return act(db, auth, caseId, transition, { version, data });
  };
  const defence = (auth: AuthContext, id: string, daysAgo: number) => step(auth, id, 'submitDefence', { date: shift(today, -daysAgo), evidenceCount: 6 + Math.floor(random() * 15) });
  const heard = (auth: AuthContext, id: string, kind: Kind, daysAgo: number, appeared = true) => {
    const [headName, headPost] = heads[kind.defendant] ?? ['王建新', '副局长'];
    return addHearing(db, auth, id, {
      hearingDate: shift(today, -daysAgo),
      status: 'held',
      headAppeared: appeared,
      headName: appeared ? headName : null,
      headPost: appeared ? headPost : null,
      staffNames: `${person()}（法制科）`,
      lawyerNames: `${person()}（浙江武川律师事务所）`,
    });
  };
  const k = (cause: string) => kinds.find((x) => x.cause === cause)!;

  // 答辩 period: green, two 黄灯, one 红灯 (答辩状 not yet filed).
  await register(yingsu, 2, k('治安行政处罚'));
  await register(yingsu, 12, k('工伤认定'), { filedDaysAgo: 15 });
  await register(yingsu, 14, k('市场监督管理行政处罚'), { filedDaysAgo: 18 });
  await register(yingsu, 20, k('强制拆除'), { filedDaysAgo: 24 });
  // An agency's own 法制员 registers its suit.
  await register(zrzy, 6, k('土地行政处罚'), { filedDaysAgo: 9 });

  // Hearing scheduled, with the internal 负责人出庭应诉通知.
  const c5 = await register(yingsu, 40, k('不动产登记'), { filedDaysAgo: 45 });
  await defence(yingsu, c5.id, 30);
  await addHearing(db, yingsu, c5.id, { hearingDate: shift(today, 10), status: 'scheduled', headName: '汤志刚', headPost: '副局长', issueNotice: true });

  // Heard, 负责人 appeared; 答辩状 drafted from the case data.
  const c6 = await register(yingsu, 70, k('交通运输行政处罚'), { filedDaysAgo: 74 });
  await createDefenceDraft(db, yingsu, c6.id, { legalRepresentative: '叶明华', legalRepresentativePost: '副局长' });
  await defence(yingsu, c6.id, 58);
  await heard(yingsu, c6.id, k('交通运输行政处罚'), 20);

  // 简易程序 past its 45 days (the court's 审限, information): 红灯.
  const c7 = await register(yingsu, 60, k('政府信息公开'), { filedDaysAgo: 64, procedure: 'summary' });
  await defence(yingsu, c7.id, 50);
  await heard(yingsu, c7.id, k('政府信息公开'), 30);

  // 一审 judgment served: the 15-day appeal period runs (第八十五条).
  const c8 = await register(yingsu, 120, k('环境保护行政处罚'), { filedDaysAgo: 125 });
  await defence(yingsu, c8.id, 108);
  await heard(yingsu, c8.id, k('环境保护行政处罚'), 60);
  await step(yingsu, c8.id, 'firstJudgment', { judgmentDate: shift(today, -12), servedDate: shift(today, -8), outcome: 'dismissClaim' });

  // 裁定驳回起诉 served: 10 days (第八十五条) — 黄灯.
  const c9 = await register(yingsu, 90, k('不履行法定职责'), { filedDaysAgo: 95 });
  await defence(yingsu, c9.id, 80);
  await step(yingsu, c9.id, 'firstJudgment', { judgmentDate: shift(today, -11), servedDate: shift(today, -8), outcome: 'dismissSuit' });

  // 原告 appealed: 二审 pending at the 中级人民法院.
  const c10 = await register(yingsu, 200, k('房屋征收补偿决定'), { filedDaysAgo: 206 });
  await defence(yingsu, c10.id, 190);
  await heard(yingsu, c10.id, k('房屋征收补偿决定'), 150);
  await step(yingsu, c10.id, 'firstJudgment', { judgmentDate: shift(today, -80), servedDate: shift(today, -76), outcome: 'dismissClaim' });
  await step(yingsu, c10.id, 'appeal', { date: shift(today, -66), appellant: 'plaintiff', caseNumber: caseNumber(shift(today, -66), 'intermediate', '行终') });

  // Concluded through the workflow: 撤诉 after the organ changed its act; judgment effective; 调解 in a 赔偿 case.
  const c11 = await register(yingsu, 150, k('土地行政处罚'), { filedDaysAgo: 155 });
  await defence(yingsu, c11.id, 140);
  await heard(yingsu, c11.id, k('土地行政处罚'), 100);
  await step(yingsu, c11.id, 'withdraw', { date: shift(today, -30), changedAct: true, note: '被告自行撤销原处罚决定，重新作出' });

  const c12 = await register(yingsu, 180, k('强制拆除违法建筑'), { filedDaysAgo: 185 });
  await defence(yingsu, c12.id, 170);
  await heard(yingsu, c12.id, k('强制拆除违法建筑'), 120);
  await step(yingsu, c12.id, 'firstJudgment', { judgmentDate: shift(today, -70), servedDate: shift(today, -66), outcome: 'dismissClaim' });
  await step(yingsu, c12.id, 'waiveAppeal', { date: shift(today, -60), reason: '一审判决驳回原告诉讼请求，本机关不上诉' });
  await step(yingsu, c12.id, 'judgmentEffective', { date: shift(today, -50) });
  // A 司法建议 on 执法程序 received after the judgment: reply due in 60 days.
  await registerSuggestion(db, yingsu, c12.id, { documentNumber: `（${today.slice(0, 4)}）浙0723司建${3 + Math.floor(random() * 5)}号`, receivedDate: shift(today, -20), content: '建议进一步规范违法建筑强制拆除前的催告、公告程序，完善执法全过程记录。' });

  const c13 = await register(yingsu, 130, k('行政赔偿'), { filedDaysAgo: 136 });
  await defence(yingsu, c13.id, 120);
  await addMediation(db, yingsu, { caseId: c13.id, stage: 'inLitigation', centerName: '武义县行政争议调解中心', startDate: shift(today, -90), endDate: shift(today, -45), result: 'success', summary: '经调解中心组织，双方就赔偿数额达成一致' });
  await step(yingsu, c13.id, 'mediate', { date: shift(today, -45), kind: 'compensation', amount: 68000 });

  // A replied 司法建议 on a concluded historical case.
  const old = closedCases.find((c) => c.actType === 'enforcement') ?? closedCases[0];
  if (old) {
    await registerSuggestion(db, yingsu, old.id!, { documentNumber: '（2025）浙0723司建2号', receivedDate: shift(old.closedDate!, 10), content: '建议加强行政强制执行程序合法性审核。' });
    const [s] = await db.select().from(litigationSuggestions).where(eq(litigationSuggestions.caseId, old.id!));
    const { wfInstances } = await import('../../platform/workflow/schema');
    const [i] = await db.select({ version: wfInstances.version }).from(wfInstances).where(eq(wfInstances.id, s.instanceId!));
    await replySuggestion(db, yingsu, s.id, { version: i.version, date: shift(old.closedDate!, 40), content: '我局已组织专题学习，修订强制拆除工作规程，落实催告、公告及全过程记录制度。' });
  }

  // 诉前 行政争议调解 with the court's 调解中心 (no lawsuit).
  const center = '武义县行政争议调解中心（县人民法院）';
  const batch: (typeof litigationMediations.$inferInsert)[] = [];
  const bureau = org('行政复议与应诉科');
  for (let i = 0; i < 8; i++) {
    const kind = pick(kinds);
    const start = shift(today, -20 - Math.floor(random() * 600));
    const done = start < shift(today, -45);
    batch.push({
      orgId: bureau.id,
      regionCode: bureau.regionCode,
      createdBy: yingsu.user.id,
      stage: 'preLitigation',
      centerName: center,
      partyName: person(),
      defendantName: defendantOrg(kind.defendant).name,
      subject: kind.cause,
      startDate: start,
      endDate: done ? shift(start, 15 + Math.floor(random() * 20)) : null,
      result: done ? (random() < 0.7 ? 'success' : 'failed') : 'ongoing',
      summary: done ? '诉前化解：行政机关作出解释说明，当事人息诉' : null,
    });
  }
  await db.insert(litigationMediations).values(batch);
  ctx.log(`行政应诉：${closedCases.length + 13} 件案件（${closedCases.length} 件历史已结案件），${hearings.length} 次开庭`);
  void version;
}
