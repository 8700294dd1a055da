/**
 * Demo data for 武义县: 2025-01-01 → today, about 130 applications a year (the 2023 report: 调撤率 55.56%,
 * 复议:诉讼 2.57:1), most concluded (inserted as historical cases), a dozen open ones run through the workflow
 * engine so the 工作台 shows 黄灯 and 红灯.
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../platform/db/client';
import { orgs } from '../../platform/orgs/schema';
import type { SeedContext } from '../../platform/module';
import { systemActor } from '../../platform/audit/service';
import { createUser } from '../../platform/auth/users';
import { users } from '../../platform/auth/schema';
import { loadAuthContext } from '../../platform/auth/context';
import { todayInChina } from '../../platform/calendar/service';
import { issueNumber } from '../../platform/instruments/numbering';
import type { Org } from '../../platform/orgs/service';
import { actOnCase, insertHistoricalCases, registerCase, startFollowUp, type HistoricalCase } from './service';
import { reviewAuthority } from './authority';

export const demoReviewUsers = [
  { username: 'fuyi', displayName: '王晓燕', title: '行政复议与应诉科科员', roles: ['reviewOfficer', 'staff'] },
  { username: 'fuyihead', displayName: '李国平', title: '行政复议与应诉科科长', roles: ['reviewHead', 'staff'] },
];

/** The 复议科 demo accounts (fuyi, fuyihead) in 行政复议与应诉科; returns their ids by username. */
export async function createReviewUsers(db: Db, password: string): Promise<Map<string, string>> {
  const [division] = await db.select().from(orgs).where(and(eq(orgs.name, '行政复议与应诉科'), isNull(orgs.voidedAt)));
  if (!division) throw new Error('demo county is missing 行政复议与应诉科');
  const ids = new Map<string, string>();
  for (const u of demoReviewUsers) {
    const user = await createUser(db, systemActor, { username: u.username, displayName: u.displayName, orgId: division.id, title: u.title, roleCodes: u.roles, password });
    // Demo accounts are ready to use, like the platform's (src/platform/seed/demo.ts).
    await db.update(users).set({ mustChangePassword: false }).where(eq(users.id, user.id));
    ids.set(u.username, user.id);
  }
  return ids;
}

const surnames = '王李张刘陈杨黄赵吴周徐孙朱胡郑何潘应邵汤俞叶金楼蒋'.split('');
const given = ['建国', '丽娟', '志强', '海燕', '伟', '晓明', '国平', '美华', '春生', '秀英', '金华', '永康', '红梅', '卫东', '小军', '雪芳', '林峰', '佳怡', '浩然', '玉兰', '德明', '素芬', '新民', '桂香'];
const companies = ['武义县宏达茶业有限公司', '武义县鑫源五金制品厂', '浙江武义温泉旅游开发有限公司', '武义县恒信建材有限公司', '武义县绿野农业专业合作社', '武义县东方电动工具有限公司', '武义县佳美食品有限公司', '武义县顺通物流有限公司', '武义县百草中药材有限公司', '武义县瑞丰机械有限公司'];

type ActType = 'penalty' | 'coercion' | 'licensing' | 'confirmation' | 'infoDisclosure' | 'agreement' | 'nonPerformance' | 'other';
const actPlan: [ActType, number, string[]][] = [
  ['penalty', 45, ['武义县公安局', '武义县市场监督管理局', '武义县综合行政执法局', '武义县交通运输局', '金华市生态环境局武义分局', '武义县应急管理局']],
  ['infoDisclosure', 12, ['武义县人民政府', '武义县自然资源和规划局', '武义县住房和城乡建设局', '王宅镇人民政府', '壶山街道办事处']],
  ['nonPerformance', 10, ['武义县公安局', '武义县市场监督管理局', '武义县人力资源和社会保障局', '桐琴镇人民政府']],
  ['confirmation', 9, ['武义县人力资源和社会保障局', '武义县自然资源和规划局']],
  ['coercion', 8, ['武义县综合行政执法局', '武义县公安局', '履坦镇人民政府']],
  ['licensing', 6, ['武义县自然资源和规划局', '武义县住房和城乡建设局', '武义县卫生健康局']],
  ['agreement', 3, ['武义县住房和城乡建设局', '白洋街道办事处']],
  ['other', 7, ['武义县农业农村局', '武义县教育局', '熟溪街道办事处']],
];
const actNumberPrefix: Record<ActType, string> = { penalty: '罚决字', coercion: '强制字', licensing: '许可字', confirmation: '认字', infoDisclosure: '依申复字', agreement: '协字', nonPerformance: '', other: '' };
const requests: Record<ActType, string> = {
  penalty: '请求撤销被申请人作出的行政处罚决定',
  coercion: '请求确认被申请人实施的行政强制措施违法',
  licensing: '请求撤销被申请人作出的不予许可决定，并责令其重新作出行政许可决定',
  confirmation: '请求撤销被申请人作出的认定决定',
  infoDisclosure: '请求撤销被申请人作出的政府信息公开答复，并责令其依法公开所申请的政府信息',
  agreement: '请求确认被申请人解除行政协议的行为违法',
  nonPerformance: '请求责令被申请人依法履行法定职责',
  other: '请求撤销被申请人作出的行政行为',
};

/** 结案方式 shares chosen to resemble 武义's figures: 调撤 ≈ 55%, 纠错 ≈ 12%, 维持 ≈ 20%, 驳回 ≈ 8%. */
const outcomePlan: [string, number][] = [
  ['mediation', 22], ['settlementWithdrawn', 18], ['withdrawn', 15],
  ['uphold', 20], ['dismiss', 8],
  ['revoke', 4], ['revokeAndRedo', 2], ['confirmIllegal', 3], ['alter', 1], ['partialRevoke', 1], ['orderPerformance', 1],
  ['dismissApplication', 2], ['otherTermination', 1],
];

const shift = (iso: string, days: number) => new Date(Date.parse(iso + 'T00:00:00Z') + days * 86_400_000).toISOString().slice(0, 10);

export async function seedAdminReview(ctx: SeedContext) {
  const { db, random } = ctx;
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
  const weighted = <T,>(plan: [T, number, ...unknown[]][]): [T, number, ...unknown[]] => {
    const total = plan.reduce((s, p) => s + p[1], 0);
    let r = random() * total;
    for (const p of plan) if ((r -= p[1]) < 0) return p;
    return plan[plan.length - 1];
  };

  const bureau = ctx.orgs.get('武义县司法局');
  if (!bureau) throw new Error('demo county is missing 武义县司法局');
  for (const [k, v] of await createReviewUsers(db, ctx.config.demoPassword)) ctx.users.set(k, v);
  const gov = (await reviewAuthority(db, bureau))!;
  const orgByName = (name: string): Org | undefined => ctx.orgs.get(name) ?? ctx.orgs.get(name.replace(/人民政府$|办事处$/, ''));
  const person = () => pick(surnames) + pick(given);
  const today = todayInChina();

  // ── concluded cases: 2025-01-01 → about two months before today ──
  const historical: HistoricalCase[] = [];
  const lastHistorical = shift(today, -75);
  for (let d = '2025-01-02'; d <= lastHistorical; d = shift(d, 1)) {
    const dow = new Date(d + 'T00:00:00Z').getUTCDay();
    if (dow === 0 || dow === 6) continue;
    // ≈ 0.52 applications a working day ≈ 130 a year.
    if (random() > 0.52) continue;
    const [actType, , respondents] = weighted(actPlan) as [ActType, number, string[]];
    const respondentName = pick(respondents);
    const org = orgByName(respondentName);
    const [outcome] = weighted(outcomePlan) as [string, number];
    const rejected = random() < 0.06;
    const summary = !rejected && (actType === 'infoDisclosure' || random() < 0.25);
    const acceptedDate = rejected ? null : shift(d, 2 + Math.floor(random() * 4));
    const concludedDate = rejected ? shift(d, 3 + Math.floor(random() * 3)) : shift(acceptedDate!, summary ? 12 + Math.floor(random() * 17) : 25 + Math.floor(random() * (random() < 0.1 ? 60 : 34)));
    const company = random() < 0.3;
    const finalOutcome = rejected ? 'rejected' : outcome;
    const year = Number(concludedDate.slice(0, 4));
    const numbered = ['uphold', 'dismiss', 'revoke', 'revokeAndRedo', 'confirmIllegal', 'alter', 'partialRevoke', 'orderPerformance', 'dismissApplication', 'rejected'].includes(finalOutcome);
    const decisionNumber = numbered ? (await issueNumber(db, { orgId: gov.id, type: 'adminReview.decision', year })).number : null;
    historical.push({
      receivedDate: d,
      applicantType: company ? 'organization' : 'person',
      applicantName: company ? pick(companies) : person(),
      applicantIdNumber: company ? null : `330723${1960 + Math.floor(random() * 40)}${String(1 + Math.floor(random() * 12)).padStart(2, '0')}${String(1 + Math.floor(random() * 28)).padStart(2, '0')}${String(Math.floor(random() * 999)).padStart(3, '0')}${Math.floor(random() * 10)}`,
      respondentName: org?.name ?? respondentName,
      respondentOrgId: org?.id ?? null,
      actType,
      actNumber: actNumberPrefix[actType] ? `武${actNumberPrefix[actType]}〔${d.slice(0, 4)}〕${10 + Math.floor(random() * 900)}号` : null,
      actAmount: actType === 'penalty' ? [200, 500, 1000, 2000, 3000, 5000, 10000, 50000][Math.floor(random() * 8)] : null,
      request: requests[actType],
      procedure: rejected ? null : summary ? 'summary' : 'ordinary',
      acceptedDate,
      concludedDate: concludedDate > today ? today : concludedDate,
      outcome: finalOutcome,
      decisionNumber,
    });
  }
  await db.transaction((tx) => insertHistoricalCases(tx, systemActor, bureau, historical, 'counter'));

  // ── open cases run through the engine (dates relative to today so the lights are right) ──
  const fuyi = (await loadAuthContext(db, ctx.users.get('fuyi')!))!;
  const head = (await loadAuthContext(db, ctx.users.get('fuyihead')!))!;
  const open = async (daysAgo: number, actType: ActType, respondent: string, extra: Record<string, unknown> = {}) => {
    const org = orgByName(respondent);
    const r = await registerCase(db, fuyi, {
      receivedDate: shift(today, -daysAgo),
      applicantType: 'person',
      applicantName: person(),
      applicantIdNumber: `3307231975${String(1 + Math.floor(random() * 12)).padStart(2, '0')}1${Math.floor(random() * 9)}23${Math.floor(random() * 10)}X`,
      applicantPhone: `13${Math.floor(100000000 + random() * 899999999)}`,
      applicantAddress: `浙江省武义县${pick(['壶山街道', '白洋街道', '熟溪街道', '王宅镇', '桐琴镇'])}${pick(['解放街', '永康街', '温泉路', '壶山中路'])}${1 + Math.floor(random() * 200)}号`,
      respondentOrgId: org?.id,
      respondentName: org ? undefined : respondent,
      actType,
      actNumber: actNumberPrefix[actType] ? `武${actNumberPrefix[actType]}〔${today.slice(0, 4)}〕${10 + Math.floor(random() * 900)}号` : undefined,
      actDate: shift(today, -daysAgo - 20),
      request: requests[actType],
      reasons: '被申请人作出的行政行为认定事实不清，证据不足，适用依据错误，程序违法。',
      ...extra,
    });
    return r.case.id;
  };
  let v = 1;
  const act = async (id: string, action: string, daysAgo: number, data: Record<string, unknown> = {}, who = fuyi) => {
    await actOnCase(db, who, id, action, { version: v, data: { date: shift(today, -daysAgo), ...data } });
    v++;
  };
  const run = async (daysAgo: number, actType: ActType, respondent: string, steps: (id: string) => Promise<void>, extra: Record<string, unknown> = {}) => {
    const id = await open(daysAgo, actType, respondent, extra);
    v = 1;
    await steps(id);
    return id;
  };

  await run(9, 'penalty', '武义县公安局', async () => {}); // 受理审查 overdue: 红灯 (第三十条)
  await run(2, 'infoDisclosure', '武义县自然资源和规划局', async () => {}, { factsClear: true });
  await run(1, 'penalty', '武义县市场监督管理局', async () => {}, { actAmount: 2000, factsClear: true });
  await run(20, 'confirmation', '武义县人力资源和社会保障局', async (id) => act(id, 'requestAmend', 15, { items: '请补充提交工伤认定决定书原件及送达回证' }));
  await run(70, 'penalty', '武义县综合行政执法局', async (id) => {
    await act(id, 'accept', 66, { procedure: 'ordinary' });
    await act(id, 'sendCopy', 63);
    await act(id, 'answerReceived', 52, { withEvidence: true, summary: '被申请人提交书面答复及证据12份' });
  }); // 审结 overdue: 红灯 (第六十二条)
  await run(60, 'coercion', '武义县综合行政执法局', async (id) => {
    await act(id, 'accept', 57, { procedure: 'ordinary' });
    await act(id, 'sendCopy', 55);
    await act(id, 'answerReceived', 44, { withEvidence: true });
  }); // 审结 due in a few days: 黄灯
  await run(16, 'nonPerformance', '桐琴镇人民政府', async (id) => {
    await act(id, 'accept', 14, { procedure: 'ordinary' });
  }); // 发送副本 overdue: 红灯 (第四十八条)
  await run(12, 'licensing', '武义县住房和城乡建设局', async (id) => {
    await act(id, 'accept', 10, { procedure: 'ordinary' });
    await act(id, 'sendCopy', 8);
  }); // 答复 due soon (第四十八条)
  await run(30, 'infoDisclosure', '武义县人民政府', async (id) => {
    await act(id, 'accept', 28, { procedure: 'summary' });
    await act(id, 'sendCopy', 27);
    await act(id, 'answerReceived', 22, { withEvidence: true });
  }, { factsClear: true }); // 简易 30 days: 黄灯
  await run(45, 'penalty', '武义县交通运输局', async (id) => {
    await act(id, 'accept', 42, { procedure: 'ordinary' });
    await act(id, 'sendCopy', 40);
    await act(id, 'suspend', 20, { ground: 'g6', reason: '双方同意进行和解，申请中止审理' });
  }); // 中止: clock stopped (第三十九条)
  await run(85, 'penalty', '金华市生态环境局武义分局', async (id) => {
    await act(id, 'accept', 82, { procedure: 'ordinary' });
    await act(id, 'sendCopy', 80);
    await act(id, 'answerReceived', 70, { withEvidence: true });
    await act(id, 'scheduleHearing', 62, { hearingDate: shift(today, -44), place: '武义县行政复议局听证室' });
    await act(id, 'recordHearing', 44, { record: '双方就处罚事实和裁量适用进行了陈述和质证', respondentHeadAttended: true });
    await act(id, 'extend', 30, { reason: '案情复杂，需进一步调查核实' }, head);
  }); // 延期审理 (第六十二条)
  const decided = await run(58, 'penalty', '武义县市场监督管理局', async (id) => {
    await act(id, 'accept', 56, { procedure: 'ordinary' });
    await act(id, 'sendCopy', 54);
    await act(id, 'answerReceived', 45, { withEvidence: true });
    await act(id, 'decide', 30, { kind: 'revoke', findings: '被申请人认定申请人销售不合格产品的抽样程序不符合规定。', reasoning: '被申请人作出的行政处罚决定主要证据不足。' });
  });
  await startFollowUp(db, fuyi, decided, { kind: 'opinion', date: shift(today, -28), issue: '抽样检验程序不规范，未按规定告知申请人复检权利', recommendation: '规范抽样检验程序，加强执法人员培训' });

  ctx.log(`行政复议：历史案件 ${historical.length} 件，在办案件 12 件`);
}
