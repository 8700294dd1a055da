/**
 * Demo data for 武义县: ~300 published 规范性文件 (2019 → today) from the county government, its departments and
 * townships — most filed on time, some late, a few not yet; a 2024 清理 campaign (保留 / 修改 / 废止); the
 * expiry job run so documents past their 有效期 show 失效 — a few dozen 合法性审查 matters at 壶山 and 白洋 司法所
 * (township flow) and at the 司法局 合法性审查中心 (county flow, from departments) run through the workflow
 * engine, drafts at the 合法性审核 stage with their reviews, and a year of 会议纪要 reviews logged in batches.
 */
import type { SeedContext } from '../../platform/module';
import { systemActor } from '../../platform/audit/service';
import { loadAuthContext } from '../../platform/auth/context';
import { todayInChina } from '../../platform/calendar/service';
import { getSetting, putSetting } from '../../platform/settings/service';
import { expireDocuments, insertPublishedDocuments, type HistoricalDocument } from './documents';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../platform/db/client';
import { addDays } from '../../platform/calendar/service';
import { createUser } from '../../platform/auth/users';
import { users } from '../../platform/auth/schema';
import { orgs as orgTable } from '../../platform/orgs/schema';
import { advanceDocument, createDraft } from './documents';
import { actOnReview, insertFinishedReviews, submitReview, type FinishedReview } from './reviews';
import { loadInstance } from '../../platform/workflow/engine';
import { defaultDocRules, REVIEW_CENTER_NAME, SETTINGS_KEY, type CleanupOutcome, type ObjectType, type Opinion } from './terms';

/** Demo accounts of this line (README): a department submitter, the 中心's reviewer, the 规范性文件 manager. */
export const legalityDemoUsers = [
  { username: 'jiaoyu', displayName: '周晓梅', org: '武义县教育局', title: '教育局政策法规科科员', roles: ['legalitySubmitter'] },
  { username: 'hefaxing', displayName: '郑伟明', org: REVIEW_CENTER_NAME, title: '合法性审查中心主任', roles: ['legalityReviewer'] },
  { username: 'guifan', displayName: '蒋雪芳', org: REVIEW_CENTER_NAME, title: '规范性文件备案审查员', roles: ['normativeDocManager'] },
];

/** Creates the demo accounts (ready to use, like the platform's); returns their ids by username. */
export async function createLegalityUsers(db: Db, password: string): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const u of legalityDemoUsers) {
    const [org] = await db.select().from(orgTable).where(and(eq(orgTable.name, u.org), isNull(orgTable.voidedAt)));
    if (!org) throw new Error(`demo county is missing ${u.org}`);
    const user = await createUser(db, systemActor, { username: u.username, displayName: u.displayName, orgId: org.id, title: u.title, roleCodes: u.roles, password });
    await db.update(users).set({ mustChangePassword: false }).where(eq(users.id, user.id));
    ids.set(u.username, user.id);
  }
  return ids;
}

const countyTopics = [
  '行政处罚裁量基准', '乡村振兴补助资金管理办法', '农村宅基地管理实施细则', '温泉旅游产业发展扶持政策', '工业企业有机更新实施意见', '涉企行政合规指导办法',
  '政府投资项目管理办法', '城市道路挖掘管理规定', '住房公积金缴存管理暂行办法', '农村集体经济组织资产管理办法', '重大行政决策程序实施办法', '行政规范性文件管理办法',
  '茶产业高质量发展若干政策', '电动工具产业集群培育方案', '中药材产业扶持办法', '农村生活垃圾分类管理办法', '城镇老旧小区改造实施办法', '残疾人就业保障金征收管理办法',
];
const deptTopics: [string, string[]][] = [
  ['武义县市场监督管理局', ['市场监管领域行政处罚裁量基准', '食品小作坊登记管理办法', '个体工商户登记试行办法']],
  ['武义县综合行政执法局', ['综合行政执法领域行政处罚裁量基准', '城市管理轻微违法行为免罚清单', '户外广告设置管理办法']],
  ['武义县自然资源和规划局', ['国有建设用地使用权出让管理办法', '农村建房规划许可管理办法']],
  ['武义县人力资源和社会保障局', ['就业创业补贴资金管理办法', '技能人才评价暂行办法']],
  ['武义县交通运输局', ['交通运输行政处罚裁量基准', '农村公路养护管理办法']],
  ['武义县农业农村局', ['农业产业化项目资金管理办法', '耕地地力保护补贴实施细则']],
  ['武义县住房和城乡建设局', ['建筑工地扬尘防治管理办法', '物业服务企业信用管理暂行办法']],
  ['武义县应急管理局', ['安全生产行政处罚裁量基准', '危险化学品安全管理办法']],
  ['武义县公安局', ['公安行政处罚裁量基准', '电动自行车登记管理办法']],
  ['金华市生态环境局武义分局', ['生态环境行政处罚裁量基准', '排污许可管理实施细则']],
  ['武义县卫生健康局', ['卫生健康行政处罚裁量基准', '医疗机构依法执业管理办法']],
  ['武义县教育局', ['民办学校管理办法', '校外培训机构管理暂行办法', '学生资助资金管理办法']],
];
const townTopics = ['村级工程项目管理办法', '村规民约备案审查办法', '农村集体资产租赁管理办法', '美丽乡村建设奖补办法', '农村人居环境整治长效管理办法'];
const towns = ['王宅镇', '壶山街道', '白洋街道', '桐琴镇', '履坦镇', '泉溪镇', '熟溪街道', '桃溪镇', '茭道镇', '柳城畲族镇', '新宅镇', '大田乡', '白姆乡', '俞源乡', '坦洪乡', '西联乡', '三港乡', '大溪口乡'];

const iso = (d: Date) => d.toISOString().slice(0, 10);
const shift = (date: string, days: number) => iso(new Date(Date.parse(date + 'T00:00:00Z') + days * 86_400_000));

export async function seedLegalityReview(ctx: SeedContext) {
  const { db, orgs, random } = ctx;
  const today = todayInChina();
  const rules = await getSetting(db, SETTINGS_KEY, defaultDocRules);
  if (!rules.codePrefix) await putSetting(db, SETTINGS_KEY, { ...rules, codePrefix: 'WY' }, null);
  const county = orgs.get('武义县人民政府')!;
  const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)];

  const plan: { org: { id: string; regionCode: string; name: string; shortName: string | null }; title: string }[] = [];
  for (let i = 0; i < 90; i++) plan.push({ org: county, title: `武义县${countyTopics[i % countyTopics.length]}${i >= countyTopics.length ? `（${['修订', '第二批', '2023年版', '补充规定'][Math.floor(i / countyTopics.length) - 1] ?? `${2019 + (i % 7)}年补充规定`}）` : ''}` });
  for (const [dept, topics] of deptTopics) {
    const org = orgs.get(dept);
    if (!org) continue;
    for (let i = 0; i < 8; i++) plan.push({ org, title: `${dept}关于印发${topics[i % topics.length]}${i >= topics.length ? `（${2019 + i}年修订）` : ''}的通知` });
  }
  for (const town of towns) {
    const org = orgs.get(town) ?? orgs.get(`${town}人民政府`) ?? orgs.get(`${town}办事处`);
    if (!org) continue;
    for (const t of townTopics) plan.push({ org, title: `${org.name}${t}` });
  }

  const seqByOrgYear = new Map<string, number>();
  const list: HistoricalDocument[] = plan.map((p, i) => {
    // Published 2019-01 → 60 days ago, spread evenly; effective 30 days after.
    const span = Math.max(1, (Date.parse(shift(today, -60)) - Date.parse('2019-01-01')) / 86_400_000);
    const published = shift('2019-01-01', Math.floor((i / plan.length) * span + random() * 20));
    const year = published.slice(0, 4);
    const k = `${p.org.id}:${year}`;
    const n = (seqByOrgYear.get(k) ?? 0) + 1;
    seqByOrgYear.set(k, n);
    const late = random() < 0.12;
    const unfiled = published > shift(today, -120) && random() < 0.3;
    const filedDate = unfiled ? null : shift(published, late ? 31 + Math.floor(random() * 30) : 3 + Math.floor(random() * 25));
    const topic = p.title.replace(/^.*关于印发|的通知$/g, '');
    const doc: HistoricalDocument = {
      orgId: p.org.id, regionCode: p.org.regionCode, issuer: p.org.name, title: p.title,
      docNumber: `${p.org.shortName ?? '武政'}发〔${year}〕${n}号`,
      body: `为规范${topic.replace(/办法|细则|规定|意见|方案|政策|基准|清单/g, '')}工作，根据有关法律、法规和规章，结合本县实际，制定本${/细则|办法|规定/.test(topic) ? '办法' : '文件'}。\n第一条 本文件适用于本县行政区域内的相关活动。\n第二条 ${p.org.name}负责组织实施。\n第三条 本文件自印发之日起三十日后施行。`,
      publishedDate: published,
      effectiveDate: shift(published, 30),
      filedDate, filedWith: filedDate ? (p.org.id === county.id ? '金华市人民政府' : '武义县人民政府') : null,
    };
    // The 2024 清理 (campaign of 2024-06): documents effective before 2023 get an outcome.
    if (doc.effectiveDate! < '2023-01-01' && doc.effectiveDate! >= '2020-01-01' && today >= '2024-06-30') {
      const r = random();
      const outcome: CleanupOutcome = r < 0.3 ? 'repeal' : r < 0.34 ? 'amend' : r < 0.4 ? 'declareInvalid' : 'keep';
      doc.cleanup = { date: '2024-06-28', outcome, reason: outcome === 'keep' ? '' : outcome === 'repeal' ? '上位法已修改，文件内容与之不一致' : outcome === 'amend' ? '部分条款需根据新规定修改' : '调整对象已消失' };
    }
    return doc;
  });
  await insertPublishedDocuments(db, systemActor, list);
  const { expired } = await expireDocuments(db, today);
  ctx.log(`合法性审查：${list.length} 件规范性文件（${expired.length} 件有效期届满失效）`);

  // ── demo accounts: department submitter, 中心 reviewer, 规范性文件 manager ──
  if (!ctx.users.has('hefaxing')) for (const [k, v] of await createLegalityUsers(db, ctx.config.demoPassword)) ctx.users.set(k, v);
  const authOf = async (username: string) => (ctx.users.get(username) ? loadAuthContext(db, ctx.users.get(username)!) : null);
  const workday = (from: string, n: number) => addDays(from, n, 'workingDay').date;

  /** Runs one matter through the flow as far as its plan says, stopping at today. */
  const run = async (auth: NonNullable<Awaited<ReturnType<typeof authOf>>>, reviewer: typeof auth, feedbacker: typeof auth, r: { id: string; instanceId: string | null }, submitted: string, i: number, opts: { consult?: boolean; clauses?: boolean } = {}) => {
    const step = async (who: typeof auth, action: string, data: Record<string, unknown>) => {
      if (String(data.date) > today) return false;
      const instance = await loadInstance(db, r.instanceId!);
      await actOnReview(db, who, r.id, action, { version: instance!.version, data });
      return true;
    };
    if (i === 15) return; // awaiting 受理
    if (i === 14) {
      await step(reviewer, 'return', { date: shift(submitted, 1), reason: '缺少起草说明和征求意见情况' });
      return;
    }
    const accepted = workday(submitted, 1);
    if (!(await step(reviewer, 'accept', { date: accepted }))) return;
    if (i === 13) return; // under review (clock running)
    let from = accepted;
    if (i % 5 === 0) {
      const asked = workday(accepted, 2);
      if (!(await step(reviewer, 'requestSupplement', { date: asked, items: '请补充上位法依据和风险评估报告' }))) return;
      if (i === 10) return; // waiting for supplements (clock stopped)
      from = shift(asked, 3 + Math.floor(random() * 4));
      if (!(await step(reviewer, 'supplied', { date: from }))) return;
    }
    if (opts.consult && i % 3 === 0) {
      await step(reviewer, 'consult', { date: workday(from, 2), expertKind: i % 2 ? 'publicLawyer' : 'legalAdviser', expert: i % 2 ? '县司法局公职律师 应志远' : '浙江丽武律师事务所 俞建国律师（政府法律顾问）', question: '补偿标准和违约责任条款是否有上位法依据？', opinion: '补偿标准应依照《浙江省国有土地上房屋征收与补偿条例》确定；违约责任应对等约定。' });
    }
    const opinion: Opinion = i % 7 === 3 ? 'unlawful' : i % 3 === 1 ? 'lawfulAfterRevision' : 'lawful';
    const clauses = opinion === 'lawful' || !opts.clauses ? [] : [
      { clause: '第三条', opinion: '删除“一律不予补偿”的表述', reason: '与《中华人民共和国行政许可法》第八条关于信赖利益保护的规定不一致' },
      { clause: '第五条', opinion: '违约责任应当对等约定', reason: '《中华人民共和国民法典》第五百七十七条' },
    ];
    const opinionDate = workday(from, 5 + Math.floor(random() * 6));
    const ok = await step(reviewer, 'issueOpinion', { date: opinionDate, opinion, reasons: opinion === 'lawful' || clauses.length ? '' : '第三条补偿标准缺少上位法依据；第五条违约责任约定不对等，建议修改', clauses });
    if (!ok || i === 12) return;
    const adopted = i % 6 !== 5;
    if (!(await step(feedbacker, 'feedback', { date: shift(opinionDate, 3), adopted, explanation: adopted ? '' : '该条款系会议已决定事项，已报请领导另行研究', clauses: clauses.map((_, k) => ({ seq: k + 1, adopted: adopted || k > 0, explanation: adopted || k > 0 ? '' : '已报请领导另行研究' })) }))) return;
    if (i % 2 === 0) await step(reviewer, 'archive', { date: shift(opinionDate, 5) });
  };

  // ── 合法性审查 matters at 壶山 and 白洋司法所 (township flow), run through the engine ──
  const objects: [ObjectType, string][] = [
    ['contract', '村集体厂房租赁合同'], ['contract', '道路保洁服务采购合同'], ['majorDecision', '镇区停车场建设项目'], ['meetingTopic', '镇政府常务会议议题：农贸市场改造'],
    ['meetingMinutes', '镇党政联席会议纪要'], ['enterprisePolicy', '小微企业纾困扶持措施'], ['normativeDocument', '村级小微权力清单实施办法'], ['other', '征收补偿安置方案'],
  ];
  let n = 0;
  for (const username of ['hushan', 'baiyang']) {
    const auth = await authOf(username);
    if (!auth) continue;
    const town = username === 'hushan' ? '壶山街道办事处' : '白洋街道办事处';
    for (let i = 0; i < 16; i++) {
      const [objectType, title] = objects[i % objects.length];
      const submitted = shift(today, -(20 + Math.floor((i / 16) * 300 + random() * 10)));
      const r = await submitReview(db, auth, { objectType, title: `${title}（${i + 1}）`, submitterName: i % 3 === 0 ? town : `${town}${['经济发展办', '城建办', '农业农村办'][i % 3]}`, submittedDate: submitted });
      n++;
      await run(auth, auth, auth, r, submitted, i, { consult: true, clauses: i % 2 === 1 });
    }
  }

  // ── county flow: departments → 司法局 合法性审查中心 ──
  const center = await authOf('hefaxing');
  const guifan = await authOf('guifan');
  const jiaoyu = await authOf('jiaoyu');
  if (center && guifan && jiaoyu) {
    const countyObjects: [ObjectType, string, string][] = [
      ['contract', '武义县教育局', '校舍维修工程施工合同'], ['enterprisePolicy', '武义县市场监督管理局', '个体工商户纾困扶持措施'], ['majorDecision', '武义县自然资源和规划局', '城区控制性详细规划调整'],
      ['contract', '武义县住房和城乡建设局', '城区污水管网PPP项目合同'], ['meetingTopic', '武义县交通运输局', '县政府常务会议议题：农村客运公交化改造'], ['normativeDocument', '武义县教育局', '义务教育阶段招生入学实施办法'],
      ['enterprisePolicy', '武义县人力资源和社会保障局', '高校毕业生就业创业扶持政策'], ['other', '武义县农业农村局', '高标准农田建设项目实施方案'],
    ];
    // i 6…15: every stage of the flow (see run), ten matters.
    for (let i = 6; i < 16; i++) {
      const [objectType, dept, title] = countyObjects[i % countyObjects.length];
      const submitted = shift(today, -(20 + Math.floor((i / 16) * 320 + random() * 10)));
      const mine = dept === '武义县教育局';
      const submitter = mine ? jiaoyu : guifan;
      const r = await submitReview(db, submitter, { objectType, title: `${title}（${i + 1}）`, submitterName: mine ? undefined : dept, submittedDate: submitted });
      n++;
      await run(submitter, center, submitter, r, submitted, i, { consult: true, clauses: true });
    }
    // 规范性文件 drafts at the 合法性审核 stage, each with its review.
    for (const [k, title] of ['武义县城市道路占用挖掘管理办法', '武义县公共租赁住房管理办法', '武义县政府投资项目代建管理暂行办法'].entries()) {
      let d = await createDraft(db, guifan, { title, issuerOrg: '武义县人民政府', body: `为加强管理，根据有关法律、法规，结合本县实际，制定本办法。\n第一条 本办法适用于本县行政区域。` });
      for (let s = 0; s < 2; s++) d = await advanceDocument(db, guifan, d.id, { version: d.version, date: shift(today, -30 + s * 5) });
      const submitted = shift(today, -(20 - k * 6));
      const r = await submitReview(db, guifan, { objectType: 'normativeDocument', title: `《${title}》（送审稿）`, documentId: d.id, submittedDate: submitted });
      n++;
      await run(guifan, center, guifan, r, submitted, [1, 13, 15][k], { clauses: true });
    }
  }

  // ── a year of 会议纪要 / 常务会议议题 reviews, logged in batches (no workflow) ──
  const batches: { org: string; reviewer: string; units: string[] }[] = [
    { org: REVIEW_CENTER_NAME, reviewer: '郑伟明', units: ['武义县人民政府办公室', '武义县发展和改革局', '武义县财政局', '武义县教育局', '武义县住房和城乡建设局', '武义县农业农村局'] },
    { org: '壶山司法所', reviewer: '陈丽娟', units: ['壶山街道办事处'] },
    { org: '白洋司法所', reviewer: '徐志强', units: ['白洋街道办事处'] },
    { org: '王宅司法所', reviewer: '王宅司法所法制审查员', units: ['王宅镇人民政府'] },
    { org: '桐琴司法所', reviewer: '桐琴司法所法制审查员', units: ['桐琴镇人民政府'] },
  ];
  let logged = 0;
  await db.transaction(async (tx) => {
    for (const b of batches) {
      const org = orgs.get(b.org) ?? (await tx.select().from(orgTable).where(eq(orgTable.name, b.org)))[0];
      if (!org) continue;
      const list: FinishedReview[] = [];
      const perYear = b.org === REVIEW_CENTER_NAME ? 120 : 45;
      for (let k = 0; k < perYear; k++) {
        const meetingDate = shift(today, -(365 - Math.floor((k / perYear) * 360)));
        const topic = k % 4 === 0;
        const opinion: Opinion = random() < 0.06 ? 'unlawful' : random() < 0.2 ? 'lawfulAfterRevision' : 'lawful';
        const unit = pick(b.units);
        list.push({
          objectType: topic ? 'meetingTopic' : 'meetingMinutes',
          title: topic ? `${unit}提请会议研究事项（第${k + 1}项）` : `${b.org === REVIEW_CENTER_NAME ? '县政府常务会议' : '党政联席会议'}纪要（${meetingDate.slice(0, 4)}年第${k + 1}期）`,
          submitterName: unit, submittedDate: meetingDate, meetingDate, opinionDate: shift(meetingDate, 1 + Math.floor(random() * 3)),
          opinion, opinionReasons: opinion === 'lawful' ? '' : '纪要第二项涉及减免企业税费的表述缺少法律依据，建议删除或改为“依法依规予以支持”', reviewerName: b.reviewer,
        });
      }
      logged += (await insertFinishedReviews(tx, { ...systemActor, rootPath: `/${org.path.split('/').filter(Boolean)[0]}/` }, org, list.filter((x) => x.opinionDate <= today), 'batch')).length;
    }
  });
  ctx.log(`合法性审查：${n} 件流程审查事项，${logged} 件会议纪要等批量登记`);
}
