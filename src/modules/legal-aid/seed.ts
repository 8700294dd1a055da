/**
 * Demo data for 武义县 (one year to today): the service network (县公共法律服务中心, a 工作站 at each of the 18
 * 司法所, 工作室 in villages), 8 律所/法律服务所 with ~60 lawyers and their 考核, ~190 法律援助 cases (126 assessed:
 * 优秀 49 / 良好 44 / 合格 33, as in the seeds), ~250 值班律师 shifts, ~1,415 公证 matters, ~1,950 12348 consultations —
 * historical records in bulk, a dozen open cases through the workflow engine so the 工作台 shows their deadlines.
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../platform/db/client';
import type { SeedContext } from '../../platform/module';
import { systemActor } from '../../platform/audit/service';
import { createUser } from '../../platform/auth/users';
import { users } from '../../platform/auth/schema';
import { orgs } from '../../platform/orgs/schema';
import { createOrg, type Org } from '../../platform/orgs/service';
import { loadAuthContext } from '../../platform/auth/context';
import { todayInChina } from '../../platform/calendar/service';
import { protectPii } from '../../platform/crypto/sm';
import { loadInstance } from '../../platform/workflow/engine';
import { consultations, dutyLawyerLogs, lawFirms, lawyers, servicePoints } from './schema';
import { actOnCase, addProgress, caseInScope, fileObjection, registerApplication, registerNotice, submitClosing, submitOnline } from './cases';
import { insertHistoricalCases, insertNotaryMatters, type HistoricalCase, type HistoricalNotary } from './history';
import { askOnline } from './services';
import { qualityItems, type ConsultationTopic, type NotaryMatterType, type QualityGrade } from './terms';
import { justiceOfficeName } from '../../platform/seed/county';

export const demoLegalAidUsers = [
  { username: 'fayuanzx', displayName: '郑晓慧', title: '法律援助中心主任', org: '武义县法律援助中心', roles: ['legalAidStaff'] },
  { username: 'lvshi', displayName: '李明', title: '律师', org: '浙江武阳律师事务所', roles: ['legalAidLawyer'] },
  { username: 'gongzheng', displayName: '陈晓', title: '公证员', org: '浙江省武义县公证处', roles: ['notaryStaff'] },
  { username: 'rexian', displayName: '何佳怡', title: '12348热线接线员', org: '公共法律服务管理科', roles: ['consultationOperator'] },
  { username: 'gongfu', displayName: '俞新民', title: '公共法律服务管理科科长', org: '公共法律服务管理科', roles: ['legalServiceAdmin'] },
];

const FIRM_ORG = '浙江武阳律师事务所';

/** The lawyer's firm as an org (for its account), then the module's demo accounts; returns ids by username. */
export async function createLegalAidUsers(db: Db, password: string): Promise<Map<string, string>> {
  const byName = async (name: string) => (await db.select().from(orgs).where(and(eq(orgs.name, name), isNull(orgs.voidedAt))))[0];
  if (!(await byName(FIRM_ORG))) {
    const bureau = await byName('武义县司法局');
    if (!bureau) throw new Error('demo county is missing 武义县司法局');
    await createOrg(db, systemActor, { name: FIRM_ORG, shortName: '武阳所', type: 'lawFirm', regionCode: bureau.regionCode, parentId: bureau.id, address: '武义县壶山街道温泉北路88号' });
  }
  const ids = new Map<string, string>();
  for (const u of demoLegalAidUsers) {
    const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.username, u.username));
    if (existing) {
      ids.set(u.username, existing.id);
      continue;
    }
    const org = await byName(u.org);
    if (!org) throw new Error(`demo county is missing ${u.org}`);
    const user = await createUser(db, systemActor, { username: u.username, displayName: u.displayName, orgId: org.id, title: u.title, roleCodes: u.roles, password });
    await db.update(users).set({ mustChangePassword: false }).where(eq(users.id, user.id));
    ids.set(u.username, user.id);
  }
  return ids;
}

const townCoords: Record<string, [number, number]> = {
  白洋街道: [119.793, 28.902], 熟溪街道: [119.812, 28.883], 壶山街道: [119.823, 28.897], 履坦镇: [119.738, 28.948], 桐琴镇: [119.755, 28.986], 泉溪镇: [119.864, 28.958],
  王宅镇: [119.948, 28.928], 桃溪镇: [119.612, 28.853], 茭道镇: [119.684, 28.806], 柳城畲族镇: [119.583, 28.722], 新宅镇: [119.702, 28.632], 大田乡: [119.912, 28.834],
  白姆乡: [119.884, 28.764], 俞源乡: [119.862, 28.822], 坦洪乡: [119.921, 28.703], 西联乡: [119.522, 28.664], 三港乡: [119.772, 28.561], 大溪口乡: [119.634, 28.761],
};
const firmsPlan = [
  { name: FIRM_ORG, license: '31330000MD0123456A', head: '李明', lawyers: 16, at: [119.818, 28.899] },
  { name: '浙江熟溪律师事务所', license: '31330000MD0123457B', head: '徐建国', lawyers: 12, at: [119.808, 28.886] },
  { name: '浙江温泉律师事务所', license: '31330000MD0123458C', head: '王海燕', lawyers: 9, at: [119.826, 28.893] },
  { name: '浙江壶山律师事务所', license: '31330000MD0123459D', head: '陈卫东', lawyers: 7, at: [119.821, 28.905] },
  { name: '浙江明招律师事务所', license: '31330000MD0123460E', head: '朱德明', lawyers: 5, at: [119.799, 28.897] },
  { name: '浙江泽天律师事务所（武义分所）', license: '31330000MD0123461F', head: '叶林峰', lawyers: 4, at: [119.815, 28.879] },
];
const surnames = '王李张刘陈杨黄赵吴周徐孙朱胡郑何潘应邵汤俞叶金楼蒋涂钟'.split('');
const given = ['建国', '丽娟', '志强', '海燕', '伟', '晓明', '国平', '美华', '春生', '秀英', '金华', '永康', '红梅', '卫东', '小军', '雪芳', '林峰', '佳怡', '浩然', '玉兰', '德明', '素芬', '新民', '桂香', '一凡', '思远'];
const matters: Record<'criminal' | 'civil' | 'administrative', string[]> = {
  criminal: ['涉嫌盗窃罪', '涉嫌故意伤害罪', '涉嫌危险驾驶罪', '涉嫌诈骗罪', '涉嫌帮助信息网络犯罪活动罪', '涉嫌寻衅滋事罪', '涉嫌交通肇事罪'],
  civil: ['追索劳动报酬纠纷', '工伤事故损害赔偿', '离婚纠纷', '抚养费纠纷', '赡养纠纷', '机动车交通事故责任纠纷', '民间借贷纠纷', '人身损害赔偿纠纷'],
  administrative: ['工伤认定行政纠纷', '最低生活保障待遇行政纠纷', '房屋征收补偿行政纠纷'],
};
const notaryPlan: [NotaryMatterType, number, [number, number]][] = [
  ['entrustment', 18, [200, 400]], ['inheritance', 10, [500, 3000]], ['kinship', 12, [100, 200]], ['identity', 10, [100, 200]], ['noCriminal', 8, [100, 150]], ['marital', 6, [100, 150]],
  ['declaration', 8, [200, 300]], ['contract', 6, [300, 2000]], ['loan', 5, [500, 3000]], ['preservation', 7, [500, 2500]], ['license', 6, [100, 300]], ['will', 2, [300, 800]], ['other', 2, [100, 300]],
];
const consultTopics: [ConsultationTopic, number, string, string][] = [
  ['marriage', 18, '夫妻离婚时，婚后购买的房屋如何分割？', '婚后共同购买的房屋一般属于夫妻共同财产，协议不成的由人民法院根据财产的具体情况，按照照顾子女、女方和无过错方权益的原则判决（民法典第一千零八十七条）。'],
  ['labor', 20, '公司拖欠工资三个月，应该怎么维权？', '可向劳动保障监察机构投诉，或申请劳动争议仲裁；农民工追索劳动报酬可申请法律援助，免予核查经济困难状况（法律援助法第四十二条）。'],
  ['debt', 12, '朋友借钱不还，只有微信聊天记录可以起诉吗？', '微信聊天记录、转账记录可以作为证据；诉讼时效一般为三年，自知道或应当知道权利受损之日起计算。'],
  ['contract', 8, '网购商品质量有问题，商家拒绝退货怎么办？', '可依据消费者权益保护法要求退换货，协商不成可向市场监管部门投诉或提起诉讼。'],
  ['property', 7, '物业公司以欠物业费为由停水停电是否合法？', '物业服务人不得采取停止供电、供水、供热、供燃气等方式催交物业费（民法典第九百四十四条）。'],
  ['land', 8, '宅基地被邻居占用，怎么处理？', '可先由村民委员会或人民调解委员会调解，调解不成可申请乡镇人民政府处理或提起诉讼。'],
  ['traffic', 7, '交通事故对方全责但拒不赔偿怎么办？', '可凭事故认定书向对方及其保险公司主张赔偿，也可申请人民调解或提起诉讼。'],
  ['inheritance', 5, '父亲去世没有遗嘱，房子怎么继承？', '没有遗嘱的按法定继承办理，第一顺序继承人为配偶、子女、父母，可到公证处办理继承公证。'],
  ['tort', 5, '在超市摔倒受伤，超市要负责吗？', '经营场所的经营者未尽到安全保障义务造成他人损害的，应当承担侵权责任（民法典第一千一百九十八条）。'],
  ['criminal', 3, '家人被刑事拘留，可以请法律援助律师吗？', '犯罪嫌疑人经济困难的可申请法律援助；看守所、法院派驻有值班律师，可提供法律咨询等帮助。'],
  ['administrative', 3, '对行政处罚不服，如何申请行政复议？', '可自知道行政行为之日起六十日内向行政复议机关申请行政复议（行政复议法第二十条）。'],
  ['consumer', 2, '预付卡商家跑路了怎么办？', '可向市场监管部门投诉，并保留消费凭证，涉嫌犯罪的可向公安机关报案。'],
  ['other', 2, '办理公证需要带哪些材料？', '一般需携带身份证件、户口簿及与公证事项有关的证明材料，可先拨打公证处电话预约。'],
];

const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
const shift = (date: string, days: number) => iso(Date.parse(date + 'T00:00:00Z') + days * 86_400_000);
const isWeekend = (date: string) => [0, 6].includes(new Date(date + 'T00:00:00Z').getUTCDay());

export async function seedLegalAid(ctx: SeedContext) {
  const { db, random } = ctx;
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
  const int = (a: number, b: number) => a + Math.floor(random() * (b - a + 1));
  const person = () => pick(surnames) + pick(given);
  const idNo = (i: number) => {
    const body = `330723${1950 + (i % 55)}${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (i % 28)).padStart(2, '0')}${String(100 + (i % 900)).padStart(3, '0')}`;
    const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const sum = [...body].reduce((s, c, k) => s + Number(c) * w[k], 0);
    return body + '10X98765432'[sum % 11];
  };
  const today = todayInChina();
  const start = shift(today, -365);
  for (const [k, v] of await createLegalAidUsers(db, ctx.config.demoPassword)) ctx.users.set(k, v);
  const byName = async (name: string): Promise<Org> => ctx.orgs.get(name) ?? (await db.select().from(orgs).where(and(eq(orgs.name, name), isNull(orgs.voidedAt))))[0];
  const bureau = await byName('武义县司法局');
  const center = await byName('武义县法律援助中心');
  const notary = await byName('浙江省武义县公证处');
  const division = await byName('公共法律服务管理科');

  await db.transaction(async (tx) => {
    // ── service network ──
    const points: (typeof servicePoints.$inferInsert)[] = [
      { orgId: bureau.id, regionCode: bureau.regionCode, kind: 'center', name: '武义县公共法律服务中心', address: '武义县壶山街道壶山上街2号', lng: 119.8165, lat: 28.8935, openingHours: '工作日 8:30-12:00，14:00-17:30（12348热线24小时）', phone: '0579-87661348', staffCount: 14, staffNames: '郑晓慧、何佳怡、俞新民等' },
    ];
    for (const [town, [lng, lat]] of Object.entries(townCoords)) {
      const office = await byName(justiceOfficeName(town));
      if (!office) continue;
      points.push({ orgId: office.id, regionCode: office.regionCode, kind: 'station', name: `${town}公共法律服务工作站`, address: `武义县${town}人民路${int(1, 99)}号（${justiceOfficeName(town)}内）`, lng, lat, openingHours: '工作日 8:30-12:00，14:00-17:30', phone: `0579-876${int(10000, 99999)}`.slice(0, 13), staffCount: int(2, 5) });
      const villages = ['中心村', '新村', '上村', '下村'];
      for (let i = 0; i < 3; i++) {
        const v = (['王宅镇', '壶山街道', '白洋街道', '桐琴镇', '履坦镇'].includes(town) && i < 2 ? ['后陈村', '王宅村', '上街社区', '下王宅村', '白洋社区', '溪南村', '桐琴村', '蜀墅村', '履坦村', '坛头村'][['王宅镇', '壶山街道', '白洋街道', '桐琴镇', '履坦镇'].indexOf(town) * 2 + i] : `${town.replace(/(街道|畲族镇|镇|乡)$/, '')}${villages[i]}`);
        points.push({ orgId: office.id, regionCode: office.regionCode, kind: 'room', name: `${v}公共法律服务工作室`, address: `武义县${town}${v}村委会`, lng: lng + (random() - 0.5) * 0.06, lat: lat + (random() - 0.5) * 0.05, openingHours: '每周二、周五 9:00-11:30（法律顾问驻村）', staffCount: int(1, 2) });
      }
    }
    await tx.insert(servicePoints).values(points.map((p) => ({ ...p, createdBy: null })));

    // ── 律所 and lawyers ──
    const firmRows = await tx.insert(lawFirms).values(firmsPlan.map((f) => ({ orgId: bureau.id, regionCode: bureau.regionCode, name: f.name, licenseNumber: f.license, head: f.head, address: `武义县壶山街道${pick(['温泉北路', '解放北街', '熟溪路', '永康街'])}${int(10, 200)}号`, phone: `0579-876${int(10000, 99999)}`.slice(0, 13), lng: f.at[0], lat: f.at[1], foundedDate: `${int(1996, 2018)}-0${int(1, 9)}-1${int(0, 9)}` }))).returning();
    const serviceFirm = (await tx.insert(lawFirms).values([
      { orgId: bureau.id, regionCode: bureau.regionCode, name: '武义县壶山法律服务所', licenseNumber: '33072300000001', head: '应春生', address: '武义县壶山街道下街18号', lng: 119.824, lat: 28.894 },
      { orgId: bureau.id, regionCode: bureau.regionCode, name: '武义县桐琴法律服务所', licenseNumber: '33072300000002', head: '楼金华', address: '武义县桐琴镇桐琴街56号', lng: 119.756, lat: 28.984 },
    ]).returning());
    const lawyerRows: (typeof lawyers.$inferInsert)[] = [];
    let n = 0;
    for (const [i, f] of firmsPlan.entries()) {
      for (let k = 0; k < f.lawyers; k++) {
        const name = i === 0 && k === 0 ? '李明' : k === 0 ? f.head : person();
        const licensed = `${int(2000, 2024)}-${String(int(1, 12)).padStart(2, '0')}-15`;
        const phone = protectPii(`13${int(500000000, 999999999)}`);
        const years = [2023, 2024, 2025].filter((y) => y >= Number(licensed.slice(0, 4)));
        lawyerRows.push({
          orgId: bureau.id, regionCode: bureau.regionCode, name, kind: k === f.lawyers - 1 && i < 2 ? 'partTime' : 'fullTime', firmId: firmRows[i].id, licenseNumber: `1330720${String(2010000000 + n * 7919).slice(0, 10)}`, licenseDate: licensed,
          status: n % 29 === 17 ? 'suspended' : 'active', phoneEnc: phone.enc, phoneMasked: phone.masked, specialties: pick(['婚姻家事', '劳动争议', '刑事辩护', '合同纠纷', '行政诉讼', '交通事故']),
          userId: i === 0 && k === 0 ? ctx.users.get('lvshi') ?? null : null,
          assessments: years.map((y) => ({ year: y, result: random() < 0.96 ? 'competent' : 'basicallyCompetent' })),
        });
        n++;
      }
    }
    for (const [i, name] of ['杨秀英', '汤德明', '金素芬', '钟小军'].entries()) lawyerRows.push({ orgId: bureau.id, regionCode: bureau.regionCode, name, kind: 'government', licenseNumber: `1330720${String(2090000000 + i * 131).slice(0, 10)}`, licenseDate: '2019-06-01', status: 'active', assessments: [{ year: 2025, result: 'competent' }] });
    for (const [i, name] of ['郑海燕', '涂浩然'].entries()) lawyerRows.push({ orgId: bureau.id, regionCode: bureau.regionCode, name, kind: 'aid', licenseNumber: `1330720${String(2095000000 + i * 17).slice(0, 10)}`, licenseDate: '2016-09-01', status: 'active', assessments: [{ year: 2025, result: 'competent' }] });
    for (let i = 0; i < 6; i++) lawyerRows.push({ orgId: bureau.id, regionCode: bureau.regionCode, name: person(), kind: 'grassroots', firmId: serviceFirm[i % 2].id, licenseNumber: `JC3307230${String(100 + i)}`, licenseDate: '2012-03-01', status: 'active', assessments: [{ year: 2025, result: 'competent' }] });
    const lawyerList = await tx.insert(lawyers).values(lawyerRows).returning();
    const firmName = new Map([...firmRows, ...serviceFirm].map((f) => [f.id, f.name]));
    const activeLawyers = lawyerList.filter((l) => l.status === 'active' && ['fullTime', 'partTime', 'aid', 'grassroots'].includes(l.kind));

    // ── 法律援助: historical cases ──
    const grades: QualityGrade[] = [...Array(49).fill('excellent'), ...Array(44).fill('good'), ...Array(33).fill('pass')];
    for (let i = grades.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [grades[i], grades[j]] = [grades[j], grades[i]];
    }
    const scoresFor = (g: QualityGrade) => {
      const target = g === 'excellent' ? int(90, 98) : g === 'good' ? int(80, 89) : g === 'pass' ? int(62, 79) : int(45, 59);
      const items = Object.entries(qualityItems);
      const max = items.reduce((s, [, it]) => s + it.max, 0);
      const out = Object.fromEntries(items.map(([k, it]) => [k, Math.floor((target * it.max) / max)]));
      out[items[2][0]] += target - Object.values(out).reduce((s, v) => s + v, 0);
      return out;
    };
    const historical: HistoricalCase[] = [];
    const total = 178;
    for (let i = 0; i < total; i++) {
      // The first 140 cases (received in the first eight months) have all ended; 126 of them are assessed.
      const received = i < 140 ? shift(start, Math.floor((i / 140) * 240) + int(0, 3)) : shift(start, 240 + Math.floor(((i - 140) / (total - 140)) * 90));
      const r = random();
      const caseType = r < 0.44 ? 'criminal' : r < 0.95 ? 'civil' : 'administrative';
      const channel = caseType === 'criminal' ? (random() < 0.85 ? 'notice' : 'counter') : random() < 0.12 ? 'portal' : 'counter';
      const denied = channel !== 'notice' && random() < 0.05;
      const decided = shift(received, int(1, 6));
      const assigned = channel === 'notice' ? shift(received, int(0, 2)) : shift(decided, int(0, 2));
      const lawyer = pick(activeLawyers);
      const closed = shift(assigned, int(20, 90));
      const isClosed = i < 140 || closed < shift(today, -10);
      const grade = i < 140 && !denied ? grades.pop() : undefined;
      const ground = caseType === 'civil' && random() < 0.35 ? 'migrantWorker' : random() < 0.15 ? 'vulnerable' : 'income';
      historical.push({
        orgId: center.id, regionCode: center.regionCode, channel, caseType, receivedDate: received, applicantName: person(), applicantIdNumber: idNo(i), applicantPhone: `13${int(500000000, 999999999)}`,
        matter: pick(matters[caseType]), meansGround: channel === 'notice' ? null : ground, noticeOrgName: channel === 'notice' ? pick(['武义县公安局', '武义县人民检察院', '武义县人民法院']) : null,
        decision: denied ? 'deny' : 'grant', decisionDate: decided, decisionReason: denied ? '家庭人均月收入高于经济困难标准' : null,
        ...(denied ? {} : {
          assignedDate: assigned, assigneeKind: lawyer.kind === 'grassroots' ? 'grassroots' : lawyer.kind === 'aid' ? 'aidLawyer' : 'lawyer', assigneeName: lawyer.name, assigneeFirm: lawyer.firmId ? firmName.get(lawyer.firmId) : '武义县法律援助中心', lawyerId: lawyer.id,
          ...(isClosed ? { closedDate: closed, closingResult: caseType === 'criminal' ? pick(['辩护意见部分采纳，判处缓刑', '辩护意见被采纳，从轻处罚', '认罪认罚，检察院建议量刑被采纳']) : pick(['调解结案，受援人获赔', '胜诉，判决支持受援人诉讼请求', '仲裁裁决支持受援人请求', '部分胜诉']) } : {}),
          ...(grade ? { qualityScores: scoresFor(grade), qualityDate: shift(closed, int(3, 9)), qualityAssessor: '武义县法律援助中心质量评估小组' } : {}),
        }),
      });
    }
    await insertHistoricalCases(tx, systemActor, historical);

    // ── 值班律师 ──
    const duty: (typeof dutyLawyerLogs.$inferInsert)[] = [];
    for (let d = start; d < today; d = shift(d, 1)) {
      if (isWeekend(d)) continue;
      const place = pick(['court', 'procuratorate', 'detention'] as const);
      const l = pick(activeLawyers.filter((x) => x.kind !== 'grassroots'));
      duty.push({ orgId: center.id, regionCode: center.regionCode, dutyDate: d, place, placeName: place === 'court' ? '武义县人民法院法律援助工作站' : place === 'procuratorate' ? '武义县人民检察院值班律师工作站' : '武义县看守所值班律师工作站', lawyerId: l.id, lawyerName: l.name, consultations: int(1, 8), pleaWitness: place === 'court' ? 0 : int(0, 4), referrals: random() < 0.15 ? 1 : 0 });
    }
    for (let i = 0; i < duty.length; i += 300) await tx.insert(dutyLawyerLogs).values(duty.slice(i, i + 300));

    // ── 公证 ──
    const notaryTotal = 1415;
    const plan = notaryPlan.flatMap(([t, w, fee]) => Array(w).fill([t, fee] as const)) as [NotaryMatterType, [number, number]][];
    const notaryList: HistoricalNotary[] = [];
    // Numbers continue after any matters already registered (a database seeded twice, or records entered first).
    const seqByYear = new Map<string, number>(rowsOf<{ y: string; n: number }>(await tx.execute(sql`select extract(year from accepted_date)::int::text as y, count(*)::int as n from notary_matters where org_id = ${notary.id} group by 1`)).map((r) => [r.y, Number(r.n)]));
    const certSeq = new Map<string, number>();
    for (let i = 0; i < notaryTotal; i++) {
      let accepted = shift(start, Math.floor((i / notaryTotal) * 364));
      if (isWeekend(accepted)) accepted = shift(accepted, new Date(accepted + 'T00:00:00Z').getUTCDay() === 6 ? 2 : 1);
      if (accepted >= today) accepted = shift(today, -1);
      const year = accepted.slice(0, 4);
      const seq = (seqByYear.get(year) ?? 0) + 1;
      seqByYear.set(year, seq);
      const [matterType, [lo, hi]] = pick(plan);
      const foreign = ['kinship', 'identity', 'noCriminal', 'marital', 'license', 'entrustment', 'declaration'].includes(matterType) && random() < 0.35;
      const oneVisit = random() < 0.62;
      const days = oneVisit ? int(0, 2) : matterType === 'inheritance' ? int(5, 25) : int(1, 10);
      const certified = shift(accepted, days);
      const pending = certified >= today;
      const refused = !pending && random() < 0.01;
      const cseq = (certSeq.get(year) ?? 0) + 1;
      if (!pending && !refused) certSeq.set(year, cseq);
      notaryList.push({
        orgId: notary.id, regionCode: notary.regionCode, caseNumber: `${notary.shortName ?? '公证'}〔${year}〕${seq}号`, matterType, applicantName: matterType === 'contract' && random() < 0.5 ? pick(['武义县宏达茶业有限公司', '武义县鑫源五金制品厂', '浙江武义温泉旅游开发有限公司']) : person(),
        applicantIdNumber: idNo(10_000 + i), foreign, useCountry: foreign ? pick(['美国', '意大利', '西班牙', '日本', '澳大利亚', '加拿大', '德国', '中国香港']) : null, oneVisit,
        fee: Math.round((lo + random() * (hi - lo)) / 10) * 10, acceptedDate: accepted, certifiedDate: pending ? null : certified,
        state: pending ? 'accepted' : refused ? 'refused' : 'certified', certificateNumber: pending || refused ? null : `（${year}）浙武证字第${cseq}号`, notaryName: pick(['陈晓', '王丽娟', '周国平', '吴雪芳']),
      });
    }
    await insertNotaryMatters(tx, systemActor, notaryList);

    // ── 12348 consultations ──
    const offices = (await Promise.all(Object.keys(townCoords).map((t) => byName(justiceOfficeName(t))))).filter(Boolean);
    const topicPlan = consultTopics.flatMap((t) => Array(t[1]).fill(t)) as (typeof consultTopics)[number][];
    const rows: (typeof consultations.$inferInsert)[] = [];
    const serials = new Map<string, number>(rowsOf<{ k: string; n: number }>(await tx.execute(sql`select org_id || ':' || extract(year from consulted_date)::int as k, count(*)::int as n from consultations group by 1`)).map((r) => [r.k, Number(r.n)]));
    const consultTotal = 1950;
    for (let i = 0; i < consultTotal; i++) {
      const date = shift(start, Math.floor((i / consultTotal) * 364));
      const r = random();
      const channel = r < 0.7 ? 'hotline' : r < 0.93 ? 'window' : 'online';
      const org = channel === 'hotline' ? division : channel === 'online' ? bureau : pick(offices);
      const key = `${org.id}:${date.slice(0, 4)}`;
      const seq = (serials.get(key) ?? 0) + 1;
      serials.set(key, seq);
      const [topic, , question, answer] = pick(topicPlan);
      const referral = topic === 'labor' && random() < 0.2 ? 'legalAid' : ['land', 'property', 'marriage'].includes(topic) && random() < 0.08 ? 'mediation' : null;
      const phone = protectPii(`13${int(500000000, 999999999)}`);
      rows.push({
        orgId: org.id, regionCode: org.regionCode, serialNumber: `${org.shortName ?? '12348'}咨〔${date.slice(0, 4)}〕${seq}号`, channel, topic, consultedDate: date, askerName: random() < 0.5 ? `${pick(surnames)}${pick(['先生', '女士'])}` : null,
        askerPhoneEnc: phone.enc, askerPhoneMasked: phone.masked, question, answer, answeredDate: date, answeredBy: channel === 'window' ? '司法所工作人员' : '何佳怡', state: 'answered', durationMinutes: channel === 'online' ? null : int(3, 25),
        referralTarget: referral, referralNote: referral === 'legalAid' ? '符合法律援助条件，已告知到县法律援助中心申请' : referral === 'mediation' ? '建议由村调委会先行调解，已转司法所' : null, referralDate: referral ? date : null,
        satisfaction: random() < 0.7 ? (random() < 0.93 ? 'satisfied' : random() < 0.8 ? 'fair' : 'unsatisfied') : null,
      });
    }
    for (let i = 0; i < rows.length; i += 300) await tx.insert(consultations).values(rows.slice(i, i + 300));
  });

  // ── open cases through the engine (so the 工作台 shows their 审查/指派 deadlines) ──
  const staff = (await loadAuthContext(db, ctx.users.get('fayuanzx')!))!;
  const [lvshiLawyer] = await db.select().from(lawyers).where(eq(lawyers.userId, ctx.users.get('lvshi')!));
  const act = async (id: string, action: string, data: Record<string, unknown>) => {
    const c = await caseInScope(db, staff, id);
    const inst = await loadInstance(db, c.instanceId!);
    await actOnCase(db, staff, id, action, { version: inst!.version, data });
  };
  const app = (i: number, over: Record<string, unknown> = {}) => ({
    caseType: 'civil' as const, applicantName: person(), applicantIdNumber: idNo(50_000 + i), applicantPhone: `13${int(500000000, 999999999)}`, applicantAddress: `武义县${pick(Object.keys(townCoords))}${pick(['人民路', '解放街', '新华街'])}${int(1, 99)}号`,
    matter: `${pick(matters.civil)}，请求法律援助代理诉讼`, meansGround: 'income' as const, householdSize: int(2, 5), monthlyIncome: int(1500, 5000), ...over,
  });
  const sets: { days: number; steps: string[]; over?: Record<string, unknown> }[] = [
    { days: 1, steps: [] }, { days: 5, steps: [] }, { days: 8, steps: [] }, { days: 4, steps: ['requestSupplement'] },
    { days: 3, steps: ['grant'], over: { meansGround: 'migrantWorker', matter: '追索劳动报酬纠纷，某建筑公司拖欠工资2.6万元' } }, { days: 6, steps: ['grant'] },
    { days: 12, steps: ['grant', 'assign'] }, { days: 20, steps: ['grant', 'assign', 'progress'] }, { days: 40, steps: ['grant', 'assign', 'progress', 'closing'] },
    { days: 60, steps: ['grant', 'assign', 'progress', 'closing', 'close'] }, { days: 9, steps: ['deny', 'objection'], over: { monthlyIncome: 18000, householdSize: 3 } },
  ];
  for (const [i, s] of sets.entries()) {
    const received = shift(today, -s.days);
    const c = await registerApplication(db, staff, { ...app(i, s.over), receivedDate: received });
    for (const step of s.steps) {
      const d = shift(received, Math.min(s.days, step === 'grant' || step === 'deny' || step === 'requestSupplement' ? 2 : step === 'assign' ? 3 : step === 'progress' ? 10 : step === 'closing' ? 30 : 35));
      if (step === 'grant') await act(c.id, 'grant', { date: d });
      else if (step === 'deny') await act(c.id, 'deny', { date: d, reason: '经核查，申请人家庭人均月收入6000元，高于本县经济困难标准' });
      else if (step === 'requestSupplement') await act(c.id, 'requestSupplement', { date: d, items: '请补充家庭经济状况说明表和劳动合同复印件' });
      else if (step === 'assign') await act(c.id, 'assign', { date: d, lawyerId: lvshiLawyer.id, assigneeKind: 'lawyer' });
      else if (step === 'progress') await addProgress(db, (await loadAuthContext(db, ctx.users.get('lvshi')!))!, c.id, { date: d, text: '已会见受援人，调取劳动合同、工资条等证据，向劳动人事争议仲裁委员会提交仲裁申请' });
      else if (step === 'closing') await submitClosing(db, (await loadAuthContext(db, ctx.users.get('lvshi')!))!, c.id, { date: d, materials: ['report', 'judgment', 'record'], report: '经仲裁调解，用人单位同意支付拖欠工资，受援人合法权益得到维护' });
      else if (step === 'close') await act(c.id, 'close', { date: d, result: '仲裁调解结案，受援人获付拖欠工资' });
      else if (step === 'objection') await fileObjection(db, staff, c.id, { receivedDate: shift(d, 2), reason: '本人患病失业，家庭收入已大幅减少，请求重新审查' });
    }
  }
  // 通知辩护: one fresh (3-day clock), one assigned.
  const n1 = await registerNotice(db, staff, { applicantName: person(), matter: '涉嫌盗窃罪', noticeOrgName: '武义县公安局', noticeNumber: '武公援通〔2025〕18号', receivedDate: shift(today, -1) });
  const n2 = await registerNotice(db, staff, { applicantName: person(), matter: '涉嫌危险驾驶罪', noticeOrgName: '武义县人民检察院', noticeNumber: '武检援通〔2025〕9号', receivedDate: shift(today, -15) });
  await act(n2.id, 'assign', { date: shift(today, -14), lawyerId: lvshiLawyer.id, assigneeKind: 'lawyer' });
  void n1;
  // Online applications and questions waiting for the staff.
  await submitOnline(db, app(90, { applicantName: '网上申请人' }), { ip: null });
  await askOnline(db, { topic: 'labor', askerName: '周女士', question: '我在厂里上班受伤了，老板不给报销医药费，也不给认定工伤，我该怎么办？' }, { ip: null });
  await askOnline(db, { topic: 'land', question: '邻居建房占了我家宅基地半米，村里调解了两次都没用，可以去法院起诉吗？' }, { ip: null });
  ctx.log('公共法律服务：约190件法律援助案件（126件质量评估），1415件公证，1950件法律咨询，8家律所/法律服务所');
}
