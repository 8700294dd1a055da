/**
 * Demo data for 武义县 行政执法监督: 20 执法主体 (the county's 12 agencies plus 8 more), their officers with
 * 执法证 (≈98 % certified, an exam session with ≈95 % passing), a year of reported cases (a few breaking the
 * 第六十条 / 第五十八条 / 第四十八条 rules), a year of inspections with 联合检查任务 and some 重复/多头检查 that the
 * detection finds, a 案卷评查 campaign, 监督文书 with 整改 items (most closed), 投诉举报 and a 专项监督.
 * Bulk inserts in one transaction per table group; deterministic via ctx.random.
 */
import crypto from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { SeedContext } from '../../platform/module';
import { systemActor } from '../../platform/audit/service';
import { createUser } from '../../platform/auth/users';
import { users } from '../../platform/auth/schema';
import { loadAuthContext } from '../../platform/auth/context';
import { todayInChina } from '../../platform/calendar/service';
import { createOrg, type Org } from '../../platform/orgs/service';
import { protectPii } from '../../platform/crypto/sm';
import { saveFile } from '../../platform/files/service';
import { demoCounty } from '../../platform/seed/county';
import {
  enforcementAgencies, enforcementCampaigns, enforcementCases, enforcementCaseFileReviews, enforcementClues, enforcementComplaints, enforcementInspections, enforcementJointTasks, enforcementOfficers,
  enforcementRectifications,
} from './schema';
import { caseColumns, caseInput } from './cases';
import { detectCluesSql } from './inspections';
import { issueOversightDoc } from './supervision';
import { getRules } from './common';
import { complaintCategories, type DocKind } from './terms';

export const enforcementDemoUsers = [
  { username: 'zfjd', displayName: '何晓峰', org: '法治督察与执法监督科', roles: ['enforcementSupervisor'], title: '法治督察与执法监督科科长' },
  { username: 'scjg', displayName: '楼静', org: '武义县市场监督管理局', roles: ['agencyLegalOfficer'], title: '法规科科员' },
  { username: 'zhzfj', displayName: '邵军', org: '武义县综合行政执法局', roles: ['agencyLegalOfficer'], title: '法制科科长' },
];

const moreAgencies = [
  { name: '武义县文化和广电旅游体育局', shortName: '武文广旅体' },
  { name: '武义县水务局', shortName: '武水' },
  { name: '武义县商务局', shortName: '武商' },
  { name: '武义县民政局', shortName: '武民' },
  { name: '武义县医疗保障局', shortName: '武医保' },
  { name: '武义县消防救援大队', shortName: '武消' },
  { name: '国家税务总局武义县税务局', shortName: '武税' },
  { name: '武义县烟草专卖局', shortName: '武烟' },
];

const matters: Record<string, string[]> = {
  武义县市场监督管理局: ['食品安全', '特种设备', '计量器具', '价格行为'],
  武义县综合行政执法局: ['市容环境', '占道经营', '违法建设'],
  金华市生态环境局武义分局: ['污染物排放', '环评手续'],
  武义县应急管理局: ['安全生产', '危险化学品'],
  武义县卫生健康局: ['公共场所卫生', '职业卫生'],
  武义县消防救援大队: ['消防安全'],
  武义县交通运输局: ['道路运输', '超限超载'],
  武义县人力资源和社会保障局: ['劳动用工', '欠薪'],
};
const surnames = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '朱', '何', '楼', '邵', '汤', '潘', '应', '钟'];
const given = ['伟', '芳', '娜', '敏', '静', '强', '磊', '军', '洋', '勇', '艳', '杰', '涛', '明', '超', '霞', '平', '刚', '丽', '建华', '志强', '晓燕', '国平', '海燕'];
const trades = ['五金', '电动工具', '茶叶', '食品', '温泉酒店', '建材', '家具', '文具', '餐饮', '物流', '中药材', '门业'];

const iso = (d: Date) => d.toISOString().slice(0, 10);
const shift = (date: string, days: number) => iso(new Date(Date.parse(date + 'T00:00:00Z') + days * 86_400_000));
const credit = (n: number) => `91330723MA2E${String(n).padStart(6, '0')}`;

export async function seedEnforcement(ctx: SeedContext) {
  const { db, orgs, random } = ctx;
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
  const int = (a: number, b: number) => a + Math.floor(random() * (b - a + 1));
  const today = todayInChina();
  const start = shift(today, -365);
  const person = () => pick(surnames) + pick(given);
  const county = orgs.get(demoCounty.name)!;
  const bureau = orgs.get(demoCounty.bureau.name)!;

  // ── 执法主体: the 12 county agencies + 8 more (≈20, as the issue asks) ──
  let sort = 900;
  for (const a of moreAgencies) {
    if (orgs.has(a.name)) continue;
    orgs.set(a.name, await createOrg(db, systemActor, { name: a.name, type: 'agency', regionCode: county.regionCode, parentId: county.id, shortName: a.shortName, population: null, sort: sort++ }));
  }
  const agencies: Org[] = [...demoCounty.agencies, ...moreAgencies].map((a) => orgs.get(a.name)!).filter(Boolean);

  for (const u of enforcementDemoUsers) {
    const org = orgs.get(u.org);
    if (!org) continue;
    const user = await createUser(db, systemActor, { username: u.username, displayName: u.displayName, orgId: org.id, title: u.title, roleCodes: u.roles, password: ctx.config.demoPassword });
    await db.update(users).set({ mustChangePassword: false }).where(eq(users.id, user.id));
    ctx.users.set(u.username, user.id);
  }
  const rules = await getRules(db);

  await db.transaction(async (tx) => {
    await tx.insert(enforcementAgencies).values(
      agencies.map((a, i) => ({
        orgId: a.id, regionCode: a.regionCode, createdBy: null,
        legalBasis: `《中华人民共和国行政处罚法》及${a.name.replace(/^武义县|^金华市|^国家税务总局武义县/, '')}职责相关法律、法规、规章`,
        powers: (matters[a.name] ?? ['行政检查', '行政处罚']).flatMap((m) => [`${m}行政检查`, `${m}行政处罚`]),
        qualified: i !== agencies.length - 1 ? true : null, qualifiedDate: i !== agencies.length - 1 ? shift(today, -300) : null,
      })),
    );

    // ── 执法人员: 8–40 per agency; ≈98 % hold a valid 执法证; an exam session 200 days ago ──
    const officers: (typeof enforcementOfficers.$inferInsert)[] = [];
    let certNo = 1;
    for (const a of agencies) {
      const n = a.name.includes('市场') || a.name.includes('综合') ? 40 : int(8, 24);
      for (let i = 0; i < n; i++) {
        const certified = random() > 0.02;
        const expiry = random() < 0.05 ? shift(today, int(5, 55)) : shift(today, int(200, 1800));
        const examined = random() < 0.15;
        const score = examined ? (random() < 0.95 ? int(62, 96) : int(40, 59)) : null;
        const id = protectPii(`330723${1970 + int(0, 30)}${String(int(1, 12)).padStart(2, '0')}${String(int(1, 28)).padStart(2, '0')}${String(int(100, 999))}${int(0, 9)}`);
        officers.push({
          orgId: a.id, regionCode: a.regionCode, name: person(), idNumberEnc: id.enc, idNumberMasked: id.masked, idNumberIndex: id.index, staffed: random() > 0.05,
          certificateType: certified ? 'enforcement' : null, certificateNumber: certified ? `33072300${String(certNo++).padStart(4, '0')}` : null, certificateArea: certified ? '武义县' : null,
          certificateIssued: certified ? shift(expiry, -1826) : null, certificateExpiry: certified ? expiry : null,
          examDate: examined ? shift(today, -200) : null, examScore: score, examPassed: score == null ? null : score >= 60, trainingHours: int(20, 72),
        });
      }
    }
    // Two 监督证 holders at the 司法局.
    officers.push({ orgId: bureau.id, regionCode: bureau.regionCode, name: '何晓峰', staffed: true, certificateType: 'supervision', certificateNumber: '330723JD0001', certificateArea: '武义县', certificateIssued: shift(today, -700), certificateExpiry: shift(today, 1000), trainingHours: 60 });
    officers.push({ orgId: bureau.id, regionCode: bureau.regionCode, name: '吴丽萍', staffed: true, certificateType: 'supervision', certificateNumber: '330723JD0002', certificateArea: '武义县', certificateIssued: shift(today, -700), certificateExpiry: shift(today, 1000), trainingHours: 48 });
    for (let i = 0; i < officers.length; i += 500) await tx.insert(enforcementOfficers).values(officers.slice(i, i + 500));

    // ── a year of reported cases ──
    const cases: ReturnType<typeof caseColumns>[] = [];
    const weights = agencies.map((a) => (a.name.includes('市场') ? 8 : a.name.includes('综合') ? 10 : a.name.includes('公安') ? 6 : 1 + random() * 2));
    const total = weights.reduce((s, w) => s + w, 0);
    const seqs = new Map<string, number>();
    for (let i = 0; i < 1500; i++) {
      let r = random() * total;
      let k = 0;
      while ((r -= weights[k]) > 0) k++;
      const a = agencies[k];
      const filed = shift(start, int(0, 340));
      const kindR = random();
      const kind = kindR < 0.72 ? 'penalty' : kindR < 0.92 ? 'inspection' : 'coercion';
      const summary = kind === 'penalty' && random() < 0.35;
      let decided: string | null = shift(filed, summary ? 0 : int(10, 80));
      if (random() < 0.015) decided = shift(filed, int(92, 120)); // 超期
      if (decided > today) decided = null;
      const major = kind === 'penalty' && !summary && random() < 0.06;
      const published = decided && random() > 0.03 ? shift(decided, random() < 0.04 ? int(11, 20) : int(1, 6)) : null;
      const n = (seqs.get(a.id) ?? 0) + 1;
      seqs.set(a.id, n);
      const input = caseInput.parse({
        caseNumber: `${a.shortName ?? '武'}${kind === 'penalty' ? '罚' : kind === 'inspection' ? '查' : '强'}〔${filed.slice(0, 4)}〕${n}号`, kind, procedure: summary ? 'summary' : 'ordinary',
        partyName: `武义县${pick(['华', '鑫', '恒', '泰', '丰', '瑞', '康', '盛'])}${pick(['源', '达', '祥', '力', '宇', '成'])}${pick(trades)}有限公司`, partyCreditCode: credit(int(1, 2400)),
        filedDate: filed, decisionDate: decided, amount: kind === 'penalty' ? int(2, 300) * 100 : null, legalBasis: kind === 'penalty' ? '《中华人民共和国行政处罚法》及相关单行法律' : null,
        major, legalReviewDate: major && decided && random() > 0.15 ? shift(decided, -int(1, 5)) : null, mustPublish: kind === 'penalty' && !summary,
        publicationDate: kind === 'penalty' && !summary && published && published <= today ? published : null,
      });
      cases.push(caseColumns(input, a, rules, today));
    }
    for (let i = 0; i < cases.length; i += 500) await tx.insert(enforcementCases).values(cases.slice(i, i + 500));
  });
  ctx.log(`行政执法监督：${agencies.length} 个执法主体、执法人员、1500 件执法案件`);
  await seedInspections(ctx, agencies, today, start, bureau);
  await seedSupervision(ctx, agencies, today, bureau);
}

async function seedInspections(ctx: SeedContext, agencies: Org[], today: string, start: string, bureau: Org) {
  const { db, random, orgs } = ctx;
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
  const int = (a: number, b: number) => a + Math.floor(random() * (b - a + 1));
  const county = orgs.get(demoCounty.name)!;
  const rules = await getRules(db);
  const entName = (e: number) => `武义县${['华', '鑫', '恒', '泰', '丰', '瑞', '康', '盛'][e % 8]}${['源', '达', '祥', '力', '宇', '成'][e % 6]}${trades[e % trades.length]}有限公司`;
  const mattersOf = (a: Org) => matters[a.name] ?? ['日常监督检查'];
  type Row = typeof enforcementInspections.$inferInsert;
  const rows: Row[] = [];
  const add = (a: Org, e: number, d: string, matter: string, jointTaskId: string | null = null) => {
    if (d > today) return;
    rows.push({ orgId: a.id, regionCode: a.regionCode, enterpriseCreditCode: credit(e), enterpriseName: entName(e), inspectionDate: d, matter, planned: random() > 0.2, jointTaskId, result: random() < 0.8 ? '未发现问题' : '发现问题，已责令改正' });
  };
  // Each enterprise has a home agency inspecting it every 100–130 days: no clue by construction …
  const firsts: { e: number; a: Org; d: string; matter: string }[] = [];
  for (let e = 1; e <= 900; e++) {
    const a = agencies[e % agencies.length];
    const matter = pick(mattersOf(a));
    let d = shift(start, int(0, 120));
    firsts.push({ e, a, d, matter });
    for (let k = 0; k < 3; k++, d = shift(d, int(100, 130))) add(a, e, d, matter);
  }
  // … then some repeat inspections (same agency and matter within the window) and some by a second agency.
  for (const f of firsts.slice(0, 30)) add(f.a, f.e, shift(f.d, int(3, rules.inspectionWindowDays)), f.matter);
  for (const f of firsts.slice(30, 44)) {
    const other = agencies[(agencies.indexOf(f.a) + int(1, agencies.length - 1)) % agencies.length];
    add(other, f.e, shift(f.d, int(1, rules.inspectionWindowDays)), pick(mattersOf(other)));
  }
  // "综合查一次": joint tasks of 2–4 agencies, each inspecting the enterprise on the planned day.
  const tasks: (typeof enforcementJointTasks.$inferInsert & { id: string })[] = [];
  for (let i = 0; i < 160; i++) {
    const e = 1000 + i;
    const members = [...new Set(Array.from({ length: int(2, 4) }, () => pick(agencies)))];
    if (members.length < 2) members.push(agencies[(agencies.indexOf(members[0]) + 1) % agencies.length]);
    const planned = shift(start, int(0, 360));
    if (planned > today) continue;
    const id = crypto.randomUUID();
    tasks.push({ id, orgId: bureau.id, regionCode: bureau.regionCode, name: `${entName(e)}综合查一次`, plannedDate: planned, agencyOrgIds: members.map((m) => m.id), enterpriseName: entName(e), enterpriseCreditCode: credit(e) });
    for (const m of members) add(m, e, planned, pick(mattersOf(m)), id);
  }
  await db.transaction(async (tx) => {
    for (let i = 0; i < tasks.length; i += 500) await tx.insert(enforcementJointTasks).values(tasks.slice(i, i + 500));
    for (let i = 0; i < rows.length; i += 1000) await tx.insert(enforcementInspections).values(rows.slice(i, i + 1000));
    await tx.execute(detectCluesSql(county.path, rules.inspectionWindowDays, rules.repeatAllowed));
    // The 执法监督科 has worked through most clues: confirmed most, dismissed a few as joint plans filed late.
    const zfjd = ctx.users.get('zfjd') ?? null;
    await tx.execute(sql`update enforcement_clues set status = 'confirmed', decided_by = ${zfjd}, decided_date = inspection_date + 7, decision_note = '经核实属实' where id in (select id from enforcement_clues order by inspection_date, id limit 28)`);
    await tx.execute(sql`update enforcement_clues set status = 'dismissed', decided_by = ${zfjd}, decided_date = inspection_date + 7, decision_note = '系群众投诉引发的核查，不属于重复检查' where status = 'open' and id in (select id from enforcement_clues where status = 'open' order by inspection_date, id limit 5)`);
  });
  ctx.log(`行政执法监督：${rows.length} 条检查记录、${tasks.length} 个联合检查任务`);
}

async function seedSupervision(ctx: SeedContext, agencies: Org[], today: string, bureau: Org) {
  const { db, random } = ctx;
  const int = (a: number, b: number) => a + Math.floor(random() * (b - a + 1));
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
  const uid = ctx.users.get('zfjd');
  if (!uid) return;
  const auth = (await loadAuthContext(db, uid))!;
  const rules = await getRules(db);

  // 监督文书: the first confirmed clues get 监督通知书; more notices, decisions and suggestions from inspections.
  const confirmed = await db.select().from(enforcementClues).where(eq(enforcementClues.status, 'confirmed')).orderBy(enforcementClues.inspectionDate).limit(6);
  const plan: { kind: DocKind; agency: string; subject: string; facts: string; items: string[]; source?: string; date: string }[] = [];
  for (const c of confirmed) {
    const date = shift(c.inspectionDate, 15) > today ? today : shift(c.inspectionDate, 15);
    plan.push({ kind: 'notice', agency: c.orgId, subject: c.kind === 'repeat' ? '涉企重复检查' : '涉企多头检查', facts: `${c.inspectionDate}对${c.enterpriseName}的检查与此前检查间隔不足${c.windowDays}日。`, items: ['梳理年度检查计划，合并同类检查事项', '对相关执法人员开展规范涉企检查培训'], source: c.id, date });
  }
  const topics: [DocKind, string, string][] = [
    ['notice', '行政处罚决定公示', '部分行政处罚决定未在作出之日起7个工作日内公示。'],
    ['notice', '执法人员持证上岗', '发现个别未取得行政执法证的人员单独从事执法活动。'],
    ['decision', '超期作出行政处罚决定', '个别一般程序案件超过立案之日起九十日作出决定，且无延长审批手续。'],
    ['decision', '重大执法决定法制审核', '重大执法决定未经法制审核即作出决定。'],
    ['decision', '违规收取费用', '在执法检查中收取检测费用，无法定依据。'],
    ['decision', '罚没款项管理', '罚没款项未按规定及时缴入国库。'],
    ['suggestion', '行政裁量权基准适用', '同类案件处罚幅度差异较大。'],
    ['suggestion', '执法全过程记录', '执法记录仪使用率偏低。'],
    ['suggestion', '轻微违法免罚清单', '免罚清单适用说明理由不充分。'],
  ];
  for (const [kind, subject, facts] of topics) plan.push({ kind, agency: pick(agencies).id, subject, facts, items: ['限期纠正并报送整改报告', '举一反三开展自查'].slice(0, int(1, 2)), date: shift(today, -int(20, 300)) });
  for (const p of plan) {
    await issueOversightDoc(db, auth, {
      kind: p.kind, agencyOrgId: p.agency, subject: p.subject, facts: p.facts, date: p.date,
      items: p.items.map((item) => ({ item, deadline: shift(p.date, 30) })), ...(p.source ? { sourceType: 'clue' as const, sourceId: p.source } : {}),
    });
  }

  // 案卷评查: a campaign 60 days ago sampling 40 decided 行政处罚 case files.
  await db.transaction(async (tx) => {
    const startDate = shift(today, -60);
    const [campaign] = await tx.insert(enforcementCampaigns).values({
      orgId: bureau.id, regionCode: bureau.regionCode, createdBy: uid, kind: 'caseReview', name: `${startDate.slice(0, 4)}年度行政执法案卷评查`, startDate, endDate: shift(startDate, 30),
      focus: '随机抽取各执法主体一般程序行政处罚案卷', checklist: rules.checklist, passScore: rules.passScore, agencyOrgIds: agencies.map((a) => a.id),
    }).returning();
    await tx.insert(enforcementCampaigns).values({
      orgId: bureau.id, regionCode: bureau.regionCode, createdBy: uid, kind: 'special', name: '涉企行政检查专项监督', startDate: shift(today, -120), endDate: shift(today, -30),
      focus: '乱检查、多头检查、重复检查；趋利性执法', agencyOrgIds: agencies.slice(0, 8).map((a) => a.id), conclusion: '发现问题线索若干，已下达监督通知书并督促整改',
    });
    const sample = await tx.select().from(enforcementCases).where(sql`${enforcementCases.kind} = 'penalty' and ${enforcementCases.procedure} = 'ordinary' and ${enforcementCases.decisionDate} is not null`).orderBy(enforcementCases.caseNumber).limit(40);
    for (const c of sample) {
      const weak = random() < 0.15;
      const scores = Object.fromEntries(rules.checklist.map((i) => [i.key, weak ? Math.max(0, i.points - int(2, 8)) : i.points - int(0, Math.ceil(i.points / 8))]));
      const totalScore = Object.values(scores).reduce((s, v) => s + v, 0);
      const passed = totalScore >= rules.passScore;
      const reviewedDate = shift(startDate, int(1, 25));
      const org = agencies.find((a) => a.id === c.orgId)!;
      const [r] = await tx.insert(enforcementCaseFileReviews).values({ orgId: c.orgId, regionCode: org.regionCode, createdBy: uid, campaignId: campaign.id, caseId: c.id, caseNumber: c.caseNumber, reviewedDate, scores, total: totalScore, passed, findings: passed ? null : '证据材料不完整，送达程序不规范' }).returning();
      if (!passed) await tx.insert(enforcementRectifications).values({ orgId: c.orgId, regionCode: org.regionCode, createdBy: uid, sourceType: 'review', sourceId: r.id, item: `案卷 ${c.caseNumber} 评查不合格（${totalScore}分）：证据材料不完整，送达程序不规范`, issuedDate: reviewedDate, deadline: shift(reviewedDate, 30) });
    }

    // Most 整改 items whose deadline has passed were closed by the agency with evidence.
    const items = await tx.select().from(enforcementRectifications).where(sql`${enforcementRectifications.deadline} < ${today}`);
    for (const it of items) {
      if (random() < 0.12) continue;
      const closed = shift(it.issuedDate, int(5, 35));
      const file = await saveFile(tx, { name: '整改情况报告.txt', mime: 'text/plain', content: Buffer.from(`关于“${it.item}”的整改情况报告：已按要求完成整改。`), orgId: it.orgId, entityType: 'rectification', entityId: it.id, createdBy: null });
      await tx.update(enforcementRectifications).set({ status: 'closed', closedDate: closed > today ? today : closed, closureNote: '已按要求完成整改，报送整改报告', evidenceFileIds: [file.id] }).where(eq(enforcementRectifications.id, it.id));
    }

    // 投诉举报.
    const cats = Object.keys(complaintCategories) as (keyof typeof complaintCategories)[];
    for (let i = 0; i < 12; i++) {
      const phone = protectPii(`13${int(0, 9)}${String(int(0, 99_999_999)).padStart(8, '0')}`);
      const received = shift(today, -int(5, 330));
      const handled = received < shift(today, -30);
      const a = pick(agencies);
      await tx.insert(enforcementComplaints).values({
        orgId: a.id, regionCode: a.regionCode, createdBy: uid, receivedDate: received, complainantName: pick(['王先生', '李女士', '某五金厂', '张先生', '陈女士']), phoneEnc: phone.enc, phoneMasked: phone.masked, phoneIndex: phone.index,
        category: pick(cats), content: `反映${a.name}在执法中存在${complaintCategories[pick(cats)]}问题。`, status: handled ? 'handled' : 'received',
        handledDate: handled ? shift(received, int(5, 25)) : null, result: handled ? '经调查核实，已责令该单位说明情况并整改' : null, substantiated: handled ? random() < 0.4 : null,
      });
    }
  });
  ctx.log(`行政执法监督：${plan.length} 份监督文书、案卷评查、投诉举报`);
}
