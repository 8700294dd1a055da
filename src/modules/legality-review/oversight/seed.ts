/**
 * Demo data of the oversight part for 武义县: four accounts (two 规范性文件管理员 in the 合法性审查中心, two
 * filers), a year of 备案审查 (about 40 filings from departments and townships — some late, a few 纠错), last year's
 * finished 清理 (proportions of the seeds: 644 reviewed → 保留 429 / 废止 200 / 修改 1, the rest 宣布失效) and this
 * year's in progress, and two years of 重大行政决策 目录 with their procedures.
 */
import { and, eq, inArray, isNull, lt, asc, sql } from 'drizzle-orm';
import type { SeedContext } from '../../../platform/module';
import { seededRandom } from '../../../platform/seed/demo';
import type { Db } from '../../../platform/db/client';
import { recordAudit, systemActor } from '../../../platform/audit/service';
import { createUser } from '../../../platform/auth/users';
import { users } from '../../../platform/auth/schema';
import { loadAuthContext, type AuthContext } from '../../../platform/auth/context';
import { todayInChina } from '../../../platform/calendar/service';
import { saveFile } from '../../../platform/files/service';
import { normativeDocuments } from '../schema';
import { cleanupCampaignItems, cleanupCampaigns, majorDecisions, majorDecisionSteps, normativeDocFilings } from '../schema-oversight';
import { getDocRules } from '../documents';
import { cleanupOutcomes, type CleanupOutcome } from '../terms';
import { filingTimeliness, recordCorrection, reviewFiling, submitFiling } from './filings';
import { addItems, assignItems, createCampaign, finishCampaign, recordOutcome } from './campaigns';
import { checkStep, createDecision, publishCatalog, stepInput } from './decisions';
import { CAMPAIGN_ENTITY, DECISION_ENTITY, FILING_ENTITY, type DecisionStep } from './terms';

export const demoOversightUsers = [
  { username: 'qingli', displayName: '吴晓芳', org: '合法性审查中心', title: '合法性审查中心科员', roles: ['normativeDocManager', 'staff'] },
  { username: 'qingli2', displayName: '郑海涛', org: '合法性审查中心', title: '合法性审查中心副主任', roles: ['normativeDocManager', 'staff'] },
  { username: 'scjgba', displayName: '刘海燕', org: '武义县市场监督管理局', title: '法规科科员', roles: ['normativeDocFiler'] },
  { username: 'wangzhaiba', displayName: '何春生', org: '王宅镇', title: '党政综合办工作人员', roles: ['normativeDocFiler'] },
];

const iso = (d: Date) => d.toISOString().slice(0, 10);
const shift = (date: string, days: number) => iso(new Date(Date.parse(date + 'T00:00:00Z') + days * 86_400_000));
const min = (a: string, b: string) => (a < b ? a : b);

async function createDemoUsers(ctx: SeedContext) {
  const out = new Map<string, AuthContext>();
  for (const u of demoOversightUsers) {
    const org = ctx.orgs.get(u.org);
    if (!org) continue;
    const user = await createUser(ctx.db, systemActor, { username: u.username, displayName: u.displayName, orgId: org.id, title: u.title, roleCodes: u.roles, password: ctx.config.demoPassword });
    await ctx.db.update(users).set({ mustChangePassword: false }).where(eq(users.id, user.id));
    ctx.users.set(u.username, user.id);
    out.set(u.username, (await loadAuthContext(ctx.db, user.id))!);
  }
  return out;
}

const filingTopics: [string, string[]][] = [
  ['武义县市场监督管理局', ['关于印发武义县市场监管领域轻微违法行为不予处罚清单的通知', '关于印发武义县食品小作坊登记管理实施细则的通知', '关于规范农贸市场经营秩序的通告']],
  ['武义县综合行政执法局', ['关于印发武义县城市管理领域包容审慎监管实施办法的通知', '关于规范城区户外广告设置的通告']],
  ['武义县自然资源和规划局', ['关于印发武义县农村宅基地审批管理实施细则的通知', '关于印发武义县国有建设用地供应管理办法的通知']],
  ['武义县交通运输局', ['关于印发武义县网络预约出租汽车经营服务管理实施细则的通知']],
  ['武义县人力资源和社会保障局', ['关于印发武义县灵活就业人员社会保险补贴办法的通知', '关于印发武义县高技能人才奖励办法的通知']],
  ['武义县农业农村局', ['关于印发武义县茶产业发展专项资金管理办法的通知', '关于印发武义县农机购置补贴实施方案的通知']],
  ['武义县住房和城乡建设局', ['关于印发武义县物业专项维修资金管理办法的通知']],
  ['王宅镇', ['王宅镇村级小微权力清单实施办法', '王宅镇农村集体资产租赁管理办法']],
  ['壶山街道', ['壶山街道社区公共服务设施管理办法']],
  ['白洋街道', ['白洋街道美丽乡村建设奖补办法']],
  ['桐琴镇', ['桐琴镇村级工程项目管理办法']],
  ['履坦镇', ['履坦镇农村生活垃圾分类奖惩办法']],
];
const unlawfulReasons = [
  '第五条设定了“未按规定登记的，处以2000元罚款”的内容，规范性文件不得设定行政处罚（行政处罚法 第十六条）。',
  '第八条要求申请人提供无犯罪记录证明，增加了法律、法规规定以外的条件。',
  '第三条将补贴对象限定为本县注册企业，排除外地经营者，违反公平竞争审查的有关规定。',
];

async function seedFilings(ctx: SeedContext, auth: Map<string, AuthContext>, today: string) {
  const manager = auth.get('qingli');
  if (!manager) return 0;
  const rules = await getDocRules(ctx.db);
  const list: { org: string; title: string }[] = [];
  for (const [org, titles] of filingTopics) for (const t of titles) list.push({ org, title: t });
  const total = 2 * list.length;
  // Filings reviewed 合法 long ago are history: inserted in one statement (timeliness computed by the same rule);
  // recent ones and every 纠错 go through the services (numbered 纠错通知书, state checks, audit).
  const history: (typeof normativeDocFilings.$inferInsert)[] = [];
  const live: (() => Promise<void>)[] = [];
  let n = 0;
  for (let k = 0; k < total; k++) {
    const item = list[k % list.length];
    const org = ctx.orgs.get(item.org);
    if (!org) continue;
    const submitted = shift(today, -(1 + Math.floor(((total - 1 - k) / total) * 320 + ctx.random() * 4)));
    const late = ctx.random() < 0.12;
    const published = shift(submitted, -(late ? 32 + Math.floor(ctx.random() * 40) : 4 + Math.floor(ctx.random() * 22)));
    const title = k < list.length ? item.title : item.title.replace(/的通知$/, '（修订）的通知').replace(/(办法|细则|通告|清单)$/, '$1（修订）');
    const filer = item.org === '武义县市场监督管理局' ? auth.get('scjgba') : item.org === '王宅镇' ? auth.get('wangzhaiba') : undefined;
    const year = published.slice(0, 4);
    const input = {
      title, docNumber: `${org.shortName ?? '武'}${/镇|街道/.test(org.name) ? '' : '规'}〔${year}〕${1 + Math.floor(ctx.random() * 12)}号`, publishedDate: published, submittedDate: submitted,
      body: `${title.replace(/^关于印发|的通知$/g, '')}\n第一条 为规范相关工作，根据有关法律、法规和规章，结合本地实际，制定本办法。`,
    };
    const reviewDate = shift(submitted, 5 + Math.floor(ctx.random() * 10));
    const bad = k % 9 === 4 || k === total - 4;
    n++;
    if (!bad && reviewDate < shift(today, -30)) {
      const t = filingTimeliness(published, submitted, rules.filingDays);
      history.push({
        orgId: org.id, regionCode: org.regionCode, createdBy: (filer ?? manager).user.id, serialNumber: '', filerName: org.name, ...input, dueDate: t.dueDate, late: t.late, daysLate: t.daysLate,
        state: 'filed', reviewResult: 'lawful', reviewDate, reviewerName: manager.user.displayName,
      });
      continue;
    }
    live.push(async () => {
      const f = await submitFiling(ctx.db, filer ?? manager, { ...input, filerOrg: filer ? undefined : org.id });
      if (reviewDate > today) return;
      const reviewed = await reviewFiling(ctx.db, manager, f.id, {
        version: f.version, date: reviewDate, result: bad ? (k % 2 ? 'unlawful' : 'inappropriate') : 'lawful', reasons: bad ? unlawfulReasons[k % unlawfulReasons.length] : '',
      });
      if (!bad) return;
      const answer = shift(reviewDate, 12 + Math.floor(ctx.random() * 15));
      if (answer <= today && k % 4 !== 0 && k < total - 6) {
        await recordCorrection(ctx.db, filer ?? manager, f.id, { version: reviewed.version, date: answer, result: k % 3 === 0 ? 'selfRepealed' : 'corrected', note: k % 3 === 0 ? '经研究，该文件已自行废止，并重新报送废止决定' : '已删除相关条款，修改后重新公布' });
      } else if (reviewed.correctionDeadline! < today && k % 8 === 4) {
        await recordCorrection(ctx.db, manager, f.id, { version: reviewed.version, date: min(today, shift(reviewed.correctionDeadline!, 3)), result: 'notCorrected', note: '期限届满未纠正，已提请县政府处理' });
      }
    });
  }
  if (history.length) {
    // Serial numbers per region and year in filing order; the services continue the sequence after them.
    const seq = new Map<string, number>();
    history.sort((a, b) => a.submittedDate.localeCompare(b.submittedDate));
    for (const h of history) {
      const key = `${h.regionCode.slice(0, 6)}BA${h.submittedDate.slice(0, 4)}`;
      const next = (seq.get(key) ?? 0) + 1;
      seq.set(key, next);
      h.serialNumber = `${key}-${String(next).padStart(4, '0')}`;
    }
    await ctx.db.insert(normativeDocFilings).values(history);
    await recordAudit(ctx.db, systemActor, { action: 'normativeDoc.filing.import', entityType: FILING_ENTITY, summary: `演示数据：登记已审查（合法）的备案文件${history.length}件`, after: { count: history.length } });
  }
  for (const run of live) await run();
  return n;
}

/** The seeds' 清理 in proportion (644 reviewed: 保留 429, 废止 200, 修改 1; the other 14 宣布失效), at least one 修改. */
function outcomePlan(total: number): CleanupOutcome[] {
  const keep = Math.round((total * 429) / 644);
  const repeal = Math.round((total * 200) / 644);
  const amend = Math.max(1, Math.round(total / 644));
  const plan: CleanupOutcome[] = [];
  for (let i = 0; i < total; i++) plan.push(i < keep ? 'keep' : i < keep + repeal ? 'repeal' : i < keep + repeal + amend ? 'amend' : 'declareInvalid');
  // Spread over the list (a fixed stride permutation), so outcomes do not follow publication order.
  const stride = [7, 11, 13, 17].find((p) => total % p !== 0) ?? 1;
  return plan.map((_, i) => plan[(i * stride) % total]);
}
const outcomeReason: Record<CleanupOutcome, string> = { keep: '', repeal: '上位法已修改或废止，文件内容与之不一致', amend: '部分条款与新修订的上位法不一致，需修改', declareInvalid: '调整对象已消失，适用期已过' };

/**
 * Historical 清理 outcomes in two statements (demo data of a finished campaign): each document gets what the
 * register's applyCleanup (documents.ts) writes — outcome, date, status from `cleanupOutcomes`, a 清理 history event,
 * version + 1 — and each campaign item its outcome; one audit entry for the batch.
 */
async function applyHistoricalOutcomes(db: Db, rows: { itemId: string; documentId: string; reviewer: AuthContext; outcome: CleanupOutcome; date: string }[]) {
  if (!rows.length) return;
  const values = sql.join(rows.map((r) => sql`(${r.documentId}::uuid, ${r.outcome}, ${cleanupOutcomes[r.outcome].status}, ${r.date}::date, ${`清理：${cleanupOutcomes[r.outcome].label}`}, ${outcomeReason[r.outcome] || null})`), sql`, `);
  await db.execute(sql`
    update normative_documents d set
      cleanup_outcome = v.outcome, cleanup_date = v.day, status = v.status,
      status_date = case when v.status = d.status then d.status_date else v.day end,
      history = d.history || jsonb_build_array(jsonb_build_object('date', v.day::text, 'event', 'cleanup.' || v.outcome, 'label', v.label, 'note', v.note)),
      version = d.version + 1, updated_at = now()
    from (values ${values}) as v(id, outcome, status, day, label, note)
    where d.id = v.id and d.status in ('effective', 'amended')`);
  const items = sql.join(rows.map((r) => sql`(${r.itemId}::uuid, ${r.outcome}, ${outcomeReason[r.outcome] || null}, ${r.date}::date, ${r.reviewer.user.id}::uuid)`), sql`, `);
  await db.execute(sql`
    update cleanup_campaign_items i set outcome = v.outcome, reason = v.reason, decided_date = v.day, decided_by = v.by, version = i.version + 1, updated_at = now()
    from (values ${items}) as v(id, outcome, reason, day, by) where i.id = v.id`);
  await recordAudit(db, systemActor, { action: 'normativeDoc.campaign.outcome', entityType: CAMPAIGN_ENTITY, summary: `演示数据：登记历史清理结果${rows.length}件`, after: { count: rows.length } });
}

async function seedCampaigns(ctx: SeedContext, auth: Map<string, AuthContext>, today: string) {
  const director = ctx.users.get('director') ? await loadAuthContext(ctx.db, ctx.users.get('director')!) : null;
  const r1 = auth.get('qingli');
  const r2 = auth.get('qingli2');
  if (!director || !r1 || !r2) return;
  const year = Number(today.slice(0, 4));
  const inForce = (before: string) =>
    ctx.db.select({ id: normativeDocuments.id }).from(normativeDocuments)
      .where(and(isNull(normativeDocuments.voidedAt), eq(normativeDocuments.stage, 'published'), inArray(normativeDocuments.status, ['effective', 'amended']), lt(normativeDocuments.publishedDate, before)))
      .orderBy(asc(normativeDocuments.publishedDate), asc(normativeDocuments.id));

  // Last year's campaign, finished: every document in force published before that year.
  const prev = year - 1;
  const docs = await inForce(`${prev}-01-01`);
  if (docs.length) {
    const c = await createCampaign(ctx.db, director, { name: `${prev}年度规范性文件集中清理`, year: prev, basis: '《浙江省行政规范性文件管理办法》和县政府办公室关于开展规范性文件清理工作的通知', scope: `截至${prev - 1}年底现行有效的县政府及其部门、乡镇（街道）规范性文件` });
    await addItems(ctx.db, director, c.id, { documentIds: docs.map((d) => d.id) });
    const items = await ctx.db.select().from(cleanupCampaignItems).where(eq(cleanupCampaignItems.campaignId, c.id)).orderBy(asc(cleanupCampaignItems.createdAt), asc(cleanupCampaignItems.id));
    const half = Math.ceil(items.length / 2);
    await assignItems(ctx.db, director, c.id, { itemIds: items.slice(0, half).map((i) => i.id), reviewerId: r1.user.id });
    if (items.length > half) await assignItems(ctx.db, director, c.id, { itemIds: items.slice(half).map((i) => i.id), reviewerId: r2.user.id });
    // Outcomes spread so each share appears (the rare 修改 lands in the middle of the list, not always the same doc).
    const plan = outcomePlan(items.length);
    // Last year's outcomes are history: applied in bulk (this year's campaign below goes through recordOutcome).
    await applyHistoricalOutcomes(ctx.db, items.map((item, i) => ({ itemId: item.id, documentId: item.documentId, reviewer: i < half ? r1 : r2, outcome: plan[i], date: `${prev}-06-${String(10 + (i % 15)).padStart(2, '0')}` })));
    const [fresh] = await ctx.db.select().from(cleanupCampaigns).where(eq(cleanupCampaigns.id, c.id));
    await finishCampaign(ctx.db, director, c.id, { version: fresh.version, date: `${prev}-06-30` });
  }

  // This year's campaign, in progress: documents published in the two years before last, still in force.
  const current = await inForce(`${prev}-01-01`);
  const picked = current.slice(-Math.min(current.length, 40));
  if (picked.length) {
    const c = await createCampaign(ctx.db, director, { name: `${year}年度规范性文件清理`, year, basis: '县政府办公室关于开展规范性文件清理工作的通知', scope: '现行有效的规范性文件（分批）' });
    await addItems(ctx.db, director, c.id, { documentIds: picked.map((d) => d.id) });
    const items = await ctx.db.select().from(cleanupCampaignItems).where(eq(cleanupCampaignItems.campaignId, c.id)).orderBy(asc(cleanupCampaignItems.id));
    const half = Math.ceil(items.length / 2);
    await assignItems(ctx.db, director, c.id, { itemIds: items.slice(0, half).map((i) => i.id), reviewerId: r1.user.id });
    if (items.length > half) await assignItems(ctx.db, director, c.id, { itemIds: items.slice(half).map((i) => i.id), reviewerId: r2.user.id });
    const date = min(today, `${year}-10-20`);
    for (const [i, item] of items.entries()) {
      if (i % 5 >= 2) continue; // 40% done
      const outcome: CleanupOutcome = i % 10 === 5 ? 'repeal' : 'keep';
      await recordOutcome(ctx.db, i < half ? r1 : r2, item.id, { version: item.version + 1, outcome, reason: outcomeReason[outcome], date });
    }
  }
}

const decisionPlan: { title: string; host: string; month: number; stepsDone: number; skip?: DecisionStep[] }[] = [
  { title: '城区公交线路优化调整方案', host: '武义县交通运输局', month: 6, stepsDone: 7, skip: ['expertArgument'] },
  { title: '温泉小镇片区控制性详细规划', host: '武义县自然资源和规划局', month: 9, stepsDone: 6 },
  { title: '城市生活垃圾处理收费标准调整', host: '武义县发展和改革局', month: 8, stepsDone: 6 },
  { title: '农村饮用水达标提标工程实施方案', host: '武义县水务局', month: 10, stepsDone: 6, skip: ['riskAssessment'] },
  { title: '城区道路停车收费管理办法', host: '武义县综合行政执法局', month: 11, stepsDone: 7 },
];
const decisionPlanNext: typeof decisionPlan = [
  { title: '国土空间总体规划实施方案（近期）', host: '武义县自然资源和规划局', month: 12, stepsDone: 2 },
  { title: '中小学校布局调整规划', host: '武义县教育局', month: 9, stepsDone: 4 },
  { title: '城区供水价格调整', host: '武义县发展和改革局', month: 7, stepsDone: 6 },
  { title: '老旧小区加装电梯财政补助办法', host: '武义县住房和城乡建设局', month: 6, stepsDone: 6, skip: ['expertArgument', 'riskAssessment'] },
  { title: '熟溪河综合治理工程', host: '武义县水务局', month: 12, stepsDone: 1 },
  { title: '养老服务设施布局专项规划', host: '武义县民政局', month: 10, stepsDone: 0 },
];

async function seedDecisions(ctx: SeedContext, auth: Map<string, AuthContext>, today: string) {
  const m = auth.get('qingli');
  if (!m) return 0;
  const year = Number(today.slice(0, 4));
  let n = 0;
  const steps: (typeof majorDecisionSteps.$inferInsert)[] = [];
  for (const [y, plan] of [[year - 1, decisionPlan], [year, decisionPlanNext]] as const) {
    for (const [i, p] of plan.entries()) {
      const d = await createDecision(ctx.db, m, { year: y, title: `武义县${p.title}`, hostUnit: p.host, plannedDate: `${y}-${String(p.month).padStart(2, '0')}-28` });
      n++;
      // Procedure from March of the year on: 公众参与 30+ days, then about three weeks per step.
      let day = `${y}-03-${String(2 + i * 3).padStart(2, '0')}`;
      const recorded: { step: string; skipped: boolean; result: string | null; date: string }[] = [];
      for (const [k, step] of (['publicParticipation', 'expertArgument', 'riskAssessment', 'legalityReview', 'collectiveDiscussion', 'publication', 'postEvaluation'] as DecisionStep[]).entries()) {
        if (k >= p.stepsDone) break;
        const skipped = p.skip?.includes(step) ?? false;
        const start = day;
        const end = step === 'publicParticipation' ? shift(start, 30 + (i % 3) * 5) : undefined;
        const date = step === 'publicParticipation' ? shift(end!, 2) : shift(day, 12 + Math.floor(ctx.random() * 10));
        if (date > today) break;
        const fileIds: string[] = [];
        if (!skipped && (step === 'publicParticipation' || step === 'legalityReview' || step === 'collectiveDiscussion')) {
          const name = { publicParticipation: '征求意见采纳情况说明', legalityReview: '合法性审查意见书', collectiveDiscussion: '常务会议纪要（摘录）' }[step as 'publicParticipation'];
          const file = await saveFile(ctx.db, { name: `${name}.txt`, mime: 'text/plain', content: Buffer.from(`武义县${p.title}\n${name}\n日期：${date}\n`, 'utf8'), orgId: m.user.orgId, createdBy: m.user.id });
          fileIds.push(file.id);
        }
        const input = stepInput.parse({
          version: d.version, step, skipped, date, startDate: step === 'publicParticipation' || step === 'legalityReview' ? start : undefined, endDate: end,
          result: step === 'legalityReview' ? (i % 2 ? 'lawfulAfterRevision' : 'lawful') : undefined,
          note: skipped ? (step === 'expertArgument' ? '决策事项专业性、技术性不强，经研究不组织专家论证' : '经初步评估，不涉及社会稳定和公共安全风险') : step === 'publicParticipation' ? `在县政府门户网站公开征求意见，收到意见${5 + i * 3}条，采纳${2 + i}条` : '',
          fileIds,
        });
        // The same rules as recordStep (order, 30-day window, 合法性审查 before 集体讨论), checked in memory.
        checkStep(input, recorded);
        const row = { decisionId: d.id, step, skipped, date, startDate: input.startDate ?? null, endDate: input.endDate ?? null, result: input.result ?? null, note: input.note || null, fileIds, recordedBy: m.user.id };
        recorded.push(row);
        steps.push(row);
        day = shift(date, 1);
      }
      if (recorded.length) {
        const last = recorded[recorded.length - 1].step;
        await ctx.db.update(majorDecisions).set({ currentStep: last, version: d.version + recorded.length }).where(eq(majorDecisions.id, d.id));
        await recordAudit(ctx.db, m.actor, { action: 'majorDecision.step', entityType: DECISION_ENTITY, entityId: d.id, summary: `演示数据：登记重大行政决策「${d.title}」程序${recorded.length}个环节`, after: recorded.map((r) => r.step) });
      }
    }
    if (steps.length) await ctx.db.insert(majorDecisionSteps).values(steps.splice(0));
    const approved = `${y}-02-20`;
    if (`${y}-02-28` <= today) await publishCatalog(ctx.db, m, { year: y, approvedDate: approved, publishedDate: `${y}-02-28` });
  }
  return n;
}

export async function seedOversight(outer: SeedContext): Promise<void> {
  const today = todayInChina();
  // One transaction: the services' own transactions become savepoints (much faster than a commit each).
  await outer.db.transaction(async (tx) => {
    // A random stream of its own (deterministic): seeding this part does not shift the numbers later lines draw from ctx.random.
    const ctx: SeedContext = { ...outer, db: tx as unknown as Db, random: seededRandom(20_251_105) };
    const t0 = Date.now();
    const auth = await createDemoUsers(ctx);
    const t1 = Date.now();
    const filings = await seedFilings(ctx, auth, today);
    const t2 = Date.now();
    await seedCampaigns(ctx, auth, today);
    const t3 = Date.now();
    const decisions = await seedDecisions(ctx, auth, today);
    ctx.log(`备案审查：${filings} 件；清理任务 2 个；重大行政决策 ${decisions} 项（账号 ${t1 - t0} ms，备案 ${t2 - t1} ms，清理 ${t3 - t2} ms，决策 ${Date.now() - t3} ms）`);
  });
}
