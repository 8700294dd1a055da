/**
 * Demo data of the 人民调解 line for 武义县: the committees (a county committee, three 行业性专业性 ones, one per
 * township and one per demo village), their mediators and 专家库, a year of cases (≈3,400, shaped like the seeds'
 * reported volumes: ~99% 调解成功, a few dozen 司法确认, court referrals), monthly 排查 per committee and the court's
 * monthly 一审民商事收案. Concluded cases are bulk-inserted; open ones go through the service and the workflow
 * engine so their deadlines (some 黄灯, some 红灯) are the engine's own.
 */
import { eq, sql } from 'drizzle-orm';
import type { SeedContext } from '../../platform/module';
import type { Db } from '../../platform/db/client';
import { systemActor } from '../../platform/audit/service';
import { createUser } from '../../platform/auth/users';
import { users } from '../../platform/auth/schema';
import { loadAuthContext, type AuthContext } from '../../platform/auth/context';
import { todayInChina } from '../../platform/calendar/service';
import { protectPii } from '../../platform/crypto/sm';
import { demoCounty } from '../../platform/seed/county';
import { mediationCases, mediationCourtStats, mediationMediators, mediationScreenings, mediationSequences } from './schema';
import { act, addSession, createCommittee, referCase, registerCase } from './service';
import { disputeTypes, type DisputeType } from './terms';

export const mediationDemoUsers = [
  { username: 'tiaojie', displayName: '蒋美华', org: '人民参与和促进法治科', roles: ['mediationAdmin'], title: '人民参与和促进法治科科长' },
  { username: 'wangzhai', displayName: '王立新', org: '王宅司法所', roles: ['mediationOfficer'], title: '司法所调解专干' },
  { username: 'houchen', displayName: '陈国良', org: '后陈村人民调解委员会', roles: ['mediator'], title: '村调委会主任' },
  { username: 'fayuan', displayName: '钟晓敏', org: '武义县人民法院', roles: ['courtLiaison'], title: '立案庭诉调对接员' },
];

const DAY = 86_400_000;
const shift = (iso: string, days: number) => new Date(Date.parse(iso + 'T00:00:00Z') + days * DAY).toISOString().slice(0, 10);
const surnames = '徐朱何陈王李张周吴金郑胡汤潘俞邓叶应钟蒋';
const given = ['国平', '美玲', '建华', '志明', '丽芳', '永强', '小军', '春燕', '伟东', '海英', '金良', '秀珍', '晓峰', '文斌', '雪梅', '荣根', '爱琴', '宏伟'];

const facts: Record<DisputeType, string[]> = {
  marriageFamily: ['因赡养老人费用分担发生争执', '离婚后子女探视安排发生纠纷'],
  neighbor: ['因房屋滴水、排水沟走向发生争执', '因楼上漏水导致楼下天花板受损'],
  housingHomestead: ['因宅基地界址不清发生争议', '因老屋翻建占用通道发生纠纷'],
  contract: ['因装修工程款结算发生争议', '因茶叶收购货款拖欠发生纠纷'],
  business: ['因合伙经营五金加工厂利润分配发生争议'],
  damages: ['因饲养的狗咬伤邻居发生赔偿纠纷', '因施工损坏他人围墙发生赔偿纠纷'],
  landForest: ['因山林承包边界发生争议', '因承包土地流转租金发生纠纷'],
  demolition: ['因征迁补偿款在家庭成员间分配发生争议'],
  environment: ['因养殖场异味影响周边居民发生纠纷'],
  labor: ['因拖欠农民工工资发生争议', '因工伤赔偿数额发生争议'],
  medical: ['因手术后并发症对医院诊疗行为有异议'],
  traffic: ['因电动自行车与小型轿车碰撞发生赔偿纠纷'],
  property: ['因物业费收取和小区停车管理发生纠纷'],
  consumer: ['因购买的电器质量问题要求退货发生纠纷'],
  other: ['因红白喜事占道搭棚发生争执'],
};

export async function seedMediation(ctx: SeedContext) {
  const { db, orgs, random } = ctx;
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
  const person = () => pick([...surnames]) + pick(given);
  const today = todayInChina();
  const org = (name: string) => {
    const o = orgs.get(name);
    if (!o) throw new Error(`demo org missing: ${name}`);
    return o;
  };

  // The county 调解 user creates the committees through the service (org tree + profile + audit).
  const admin = await createUser(db, systemActor, { username: 'tiaojie', displayName: mediationDemoUsers[0].displayName, orgId: org('人民参与和促进法治科').id, title: mediationDemoUsers[0].title, roleCodes: ['mediationAdmin'], password: ctx.config.demoPassword });
  await db.update(users).set({ mustChangePassword: false }).where(eq(users.id, admin.id));
  ctx.users.set('tiaojie', admin.id);
  const adminAuth = (await loadAuthContext(db, admin.id))!;

  type C = { orgId: string; name: string; level: string; townshipCode: string | null; villageOrgId: string | null; industry: string | null; regionCode: string };
  const committees: C[] = [];
  const add = async (input: Parameters<typeof createCommittee>[2] & Record<string, unknown>) => {
    const r = await createCommittee(db as Db, adminAuth, input);
    committees.push({ orgId: r.orgId, name: r.name, level: r.level, townshipCode: r.townshipCode, villageOrgId: r.villageOrgId, industry: r.industry, regionCode: r.regionCode });
    return r;
  };
  await add({ name: '武义县人民调解委员会', level: 'county', directorName: '蒋美华', phone: '0579-87612348', address: '武义县壶山街道解放街', establishedDate: '2011-06-01', acceptsCourtReferrals: true });
  await add({ name: '武义县医疗纠纷人民调解委员会', level: 'industry', industry: 'medical', directorName: '何志明', establishedDate: '2012-03-15', acceptsCourtReferrals: true });
  await add({ name: '武义县道路交通事故纠纷人民调解委员会', level: 'industry', industry: 'traffic', directorName: '郑伟东', establishedDate: '2013-09-01', acceptsCourtReferrals: true });
  await add({ name: '武义县劳动争议人民调解委员会', level: 'industry', industry: 'labor', directorName: '周丽芳', establishedDate: '2015-05-01', acceptsCourtReferrals: true });
  for (const t of demoCounty.townships) {
    const short = t.name.replace(/畲族镇$/, '镇');
    await add({ name: `${short}人民调解委员会`, level: 'township', townshipCode: t.code, directorName: person(), establishedDate: '2011-01-01', acceptsCourtReferrals: true });
    for (const v of demoCounty.villages[t.name] ?? []) {
      await add({ name: `${v}人民调解委员会`, level: 'village', townshipCode: t.code, villageOrgId: org(v).id, directorName: person(), establishedDate: '2011-01-01', acceptsCourtReferrals: false });
    }
  }
  for (const c of committees) orgs.set(c.name, { id: c.orgId, name: c.name, regionCode: c.regionCode } as never);

  // Demo accounts of the line.
  for (const u of mediationDemoUsers.slice(1)) {
    const o = committees.find((c) => c.name === u.org)?.orgId ?? org(u.org).id;
    const user = await createUser(db, systemActor, { username: u.username, displayName: u.displayName, orgId: o, title: u.title, roleCodes: u.roles, password: ctx.config.demoPassword });
    await db.update(users).set({ mustChangePassword: false }).where(eq(users.id, user.id));
    ctx.users.set(u.username, user.id);
  }

  // Mediators: 2–6 per committee, the township and county ones with 专职 staff; a few in the 专家库.
  const typeKeys = Object.keys(disputeTypes) as DisputeType[];
  const mediatorRows: (typeof mediationMediators.$inferInsert)[] = [];
  const mediatorsOf = new Map<string, { id: string; name: string }[]>();
  const experts = [
    ['何晓峰', '法律（律师）'],
    ['郑雪梅', '医学（主任医师）'],
    ['吴文斌', '建筑工程'],
    ['金秀珍', '心理咨询'],
    ['俞荣根', '农村土地政策'],
  ];
  for (const c of committees) {
    const n = c.level === 'village' ? 3 : c.level === 'industry' ? 4 : 5;
    const list: { id: string; name: string }[] = [];
    for (let i = 0; i < n; i++) {
      const id = crypto.randomUUID();
      const name = c.name.startsWith('后陈村') && i === 0 ? '陈国良' : person();
      const specs = c.industry ? [c.industry] : [pick(typeKeys), pick(typeKeys)].filter((x, j, a) => a.indexOf(x) === j);
      const phone = protectPii(`13${Math.floor(random() * 1e9).toString().padStart(9, '0')}`);
      const expert = c.level === 'county' && i < experts.length ? experts[i] : null;
      mediatorRows.push({
        id,
        orgId: c.orgId,
        regionCode: c.regionCode,
        createdBy: admin.id,
        name: expert ? expert[0] : name,
        gender: random() < 0.4 ? 'female' : 'male',
        kind: c.level === 'village' ? 'partTime' : i < 2 ? 'fullTime' : 'partTime',
        specialties: specs,
        phoneEnc: phone.enc,
        phoneMasked: phone.masked,
        userId: c.name.startsWith('后陈村') && i === 0 ? (ctx.users.get('houchen') ?? null) : null,
        isExpert: !!expert,
        expertField: expert?.[1] ?? null,
        title: i === 0 ? '调委会主任' : '调解员',
      });
      list.push({ id, name: expert ? expert[0] : name });
    }
    mediatorsOf.set(c.orgId, list);
  }
  await db.insert(mediationMediators).values(mediatorRows);

  // A year of concluded cases.
  const county = org(demoCounty.name);
  const court = org('武义县人民法院');
  const start = shift(today, -365);
  const township = committees.filter((c) => c.level === 'township');
  const village = committees.filter((c) => c.level === 'village');
  const countyC = committees.find((c) => c.level === 'county')!;
  const industry = (t: string) => committees.find((c) => c.industry === t);
  const serials = new Map<number, number>();
  const caseRows: (typeof mediationCases.$inferInsert)[] = [];
  const TOTAL = 3400;
  for (let i = 0; i < TOTAL; i++) {
    const registeredDate = shift(start, Math.floor(random() * 330));
    const r = random();
    const source = r < 0.46 ? 'screening' : r < 0.74 ? 'application' : r < 0.87 ? 'courtReferral' : r < 0.94 ? 'police' : r < 0.98 ? 'petition' : 'portal';
    const type = pick(typeKeys);
    let c = source === 'courtReferral' && random() < 0.35 ? countyC : industry(type) && random() < 0.6 ? industry(type)! : random() < 0.3 ? pick(village) : pick(township);
    if (!c) c = pick(township);
    const year = Number(registeredDate.slice(0, 4));
    const serial = (serials.get(year) ?? 0) + 1;
    serials.set(year, serial);
    const days = 1 + Math.floor(random() * 25);
    const closedDate = shift(registeredDate, days);
    const o = random();
    const outcome = o < 0.968 ? 'success' : o < 0.99 ? 'failure' : 'terminated';
    const written = outcome === 'success' && random() < 0.72;
    const confirmedCase = written && random() < 0.018;
    const ms = mediatorsOf.get(c.orgId)!;
    const m = pick(ms);
    const applicant = person();
    caseRows.push({
      orgId: c.orgId,
      regionCode: c.regionCode,
      createdBy: admin.id,
      caseNumber: `（${year}）武调字第${serial}号`,
      source,
      disputeType: type,
      summary: pick(facts[type]),
      applicantName: applicant,
      applicantPhoneMasked: `13${String(Math.floor(random() * 10))}****${String(Math.floor(random() * 1e4)).padStart(4, '0')}`,
      respondentName: person(),
      partyCount: 2,
      amount: random() < 0.5 ? String(Math.round(random() * 50000)) : null,
      townshipCode: c.townshipCode ?? pick(township).townshipCode,
      villageOrgId: c.villageOrgId,
      registeredDate,
      acceptedDate: registeredDate,
      level: c.level,
      mediatorId: m.id,
      mediatorNames: m.name,
      courtOrgId: source === 'courtReferral' ? court.id : null,
      courtCaseNumber: source === 'courtReferral' ? `（${year}）浙0723民诉前调${1000 + serial}号` : null,
      referralDate: source === 'courtReferral' ? registeredDate : null,
      outcome,
      closedDate,
      agreementType: outcome === 'success' ? (written ? 'written' : 'oral') : null,
      agreementContent: outcome === 'success' ? '双方自愿达成协议，纠纷已化解。' : null,
      outcomeNote: outcome === 'failure' ? '已告知当事人可依法申请仲裁或向人民法院起诉' : outcome === 'terminated' ? '一方当事人明确拒绝继续调解' : null,
      followUpDate: shift(closedDate, 15) <= today ? shift(closedDate, 15) : null,
      performance: outcome === 'success' && shift(closedDate, 15) <= today ? (random() < 0.97 ? 'fulfilled' : 'partial') : null,
      confirmationStatus: confirmedCase ? 'confirmed' : 'none',
      confirmationAppliedDate: confirmedCase ? shift(closedDate, 5) : null,
      confirmationDecidedDate: confirmedCase ? shift(closedDate, 12) : null,
      status: 'closed',
      entry: 'seed',
    });
  }
  await db.transaction(async (tx) => {
    for (let i = 0; i < caseRows.length; i += 500) await tx.insert(mediationCases).values(caseRows.slice(i, i + 500));
    for (const [year, last] of serials) await tx.insert(mediationSequences).values({ scope: county.regionCode.slice(0, 6), year, last });

    // 排查: each committee, each month of the year.
    const screenings: (typeof mediationScreenings.$inferInsert)[] = [];
    for (let k = 11; k >= 1; k--) {
      const monthStart = shift(today.slice(0, 8) + '01', 0);
      const d = new Date(Date.parse(monthStart + 'T00:00:00Z'));
      d.setUTCMonth(d.getUTCMonth() - k);
      const ps = d.toISOString().slice(0, 10);
      const e = new Date(d);
      e.setUTCMonth(e.getUTCMonth() + 1);
      const pe = shift(e.toISOString().slice(0, 10), -1);
      for (const c of committees.filter((x) => x.level === 'village' || x.level === 'township')) {
        const found = Math.floor(random() * (c.level === 'village' ? 4 : 12));
        screenings.push({ orgId: c.orgId, regionCode: c.regionCode, createdBy: admin.id, periodStart: ps, periodEnd: pe, villageOrgId: c.villageOrgId, screeningCount: 2 + Math.floor(random() * 6), disputesFound: found, disputesResolved: Math.max(0, found - (random() < 0.2 ? 1 : 0)), keyRisks: found > 8 ? '征迁补偿、土地流转纠纷需重点关注' : null });
      }
      // The court's 一审民商事收案 of that month.
      await tx.insert(mediationCourtStats).values({ orgId: court.id, regionCode: court.regionCode, createdBy: admin.id, month: ps.slice(0, 7), civilFirstInstance: 260 + Math.floor(random() * 90) });
    }
    await tx.insert(mediationScreenings).values(screenings);
  });
  await db.execute(sql`select 1`);

  // Open cases through the service: some just registered, some being mediated (a few overdue), a court referral.
  const fayuan = (await loadAuthContext(db, ctx.users.get('fayuan')!))!;
  const houchenC = committees.find((c) => c.name === '后陈村人民调解委员会')!;
  const wangzhaiC = committees.find((c) => c.name === '王宅镇人民调解委员会')!;
  const step = async (auth: AuthContext, id: string, transition: string, data: Record<string, unknown>) => {
    const { getCaseDetail } = await import('./service');
    const d = await getCaseDetail(db, auth, id);
    await act(db as Db, auth, id, transition, { version: d.workflow!.version, data });
  };
  for (let i = 0; i < 12; i++) {
    const registeredDate = shift(today, -Math.floor(random() * 45));
    const c = i % 3 === 0 ? houchenC : i % 3 === 1 ? wangzhaiC : pick(township);
    const type = pick(typeKeys);
    const row = await registerCase(db as Db, adminAuth, { source: pick(['screening', 'application', 'police']), disputeType: type, summary: pick(facts[type]), applicantName: person(), applicantPhone: `139${String(Math.floor(random() * 1e8)).padStart(8, '0')}`, respondentName: person(), committeeOrgId: c.orgId, registeredDate, villageOrgId: c.villageOrgId ?? undefined, townshipCode: c.townshipCode ?? undefined });
    if (i % 4 === 3) continue;
    await step(adminAuth, row.id, 'accept', { date: registeredDate });
    const m = pick(mediatorsOf.get(c.orgId)!);
    await step(adminAuth, row.id, 'dispatch', { date: registeredDate, mediatorId: m.id });
    await addSession(db as Db, adminAuth, row.id, { sessionDate: shift(registeredDate, 1) <= today ? shift(registeredDate, 1) : registeredDate, mediatorNames: m.name, location: `${c.name}调解室`, content: '召集双方当事人到场，听取陈述，释法说理。' });
  }
  for (let i = 0; i < 4; i++) {
    const type = pick(['contract', 'damages', 'traffic', 'labor'] as DisputeType[]);
    const referralDate = shift(today, -(5 + i * 9));
    const c = i % 2 ? countyC : wangzhaiC;
    const r = await referCase(db as Db, fayuan, { courtCaseNumber: `（${today.slice(0, 4)}）浙0723民诉前调${2000 + i}号`, referralDate, disputeType: type, summary: pick(facts[type]), applicantName: person(), respondentName: person(), committeeOrgId: c.orgId });
    await step(adminAuth, r.id, 'accept', { date: referralDate });
    await step(adminAuth, r.id, 'dispatch', { date: referralDate, mediatorId: pick(mediatorsOf.get(c.orgId)!).id });
  }
  ctx.log(`人民调解：${committees.length} 个调解委员会，${mediatorRows.length} 名调解员，${caseRows.length + 16} 件案件`);
}
