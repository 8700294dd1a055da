/**
 * Demo data for 武义县: ~150 published 规范性文件 (2019 → today) from the county government, its departments and
 * townships — most filed on time, some late, a few not yet; a 2024 清理 campaign (保留 / 修改 / 废止); the
 * expiry job run so documents past their 有效期 show 失效 — and a few dozen 合法性审查 matters at 壶山 and 白洋
 * 司法所 run through the workflow engine.
 */
import type { SeedContext } from '../../platform/module';
import { systemActor } from '../../platform/audit/service';
import { loadAuthContext } from '../../platform/auth/context';
import { todayInChina } from '../../platform/calendar/service';
import { getSetting, putSetting } from '../../platform/settings/service';
import { expireDocuments, insertPublishedDocuments, type HistoricalDocument } from './documents';
import { actOnReview, submitReview } from './reviews';
import { loadInstance } from '../../platform/workflow/engine';
import { defaultDocRules, SETTINGS_KEY, type CleanupOutcome, type ObjectType } from './terms';

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
  ['武义县应急管理局', ['安全生产行政处罚裁量基准']],
];
const townTopics = ['村级工程项目管理办法', '村规民约备案审查办法', '农村集体资产租赁管理办法', '美丽乡村建设奖补办法'];

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
  for (let i = 0; i < 60; i++) plan.push({ org: county, title: `武义县${countyTopics[i % countyTopics.length]}${i >= countyTopics.length ? `（${['修订', '第二批', '2023年版', '补充规定'][Math.floor(i / countyTopics.length) - 1] ?? '补充规定'}）` : ''}` });
  for (const [dept, topics] of deptTopics) {
    const org = orgs.get(dept);
    if (!org) continue;
    for (let i = 0; i < 8; i++) plan.push({ org, title: `${dept}关于印发${topics[i % topics.length]}${i >= topics.length ? `（${2019 + i}年修订）` : ''}的通知` });
  }
  for (const town of ['王宅镇', '壶山街道', '白洋街道', '桐琴镇', '履坦镇', '泉溪镇']) {
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

  // ── 合法性审查 matters at 壶山 and 白洋司法所 (township flow), run through the engine ──
  const objects: [ObjectType, string][] = [
    ['contract', '村集体厂房租赁合同'], ['contract', '道路保洁服务采购合同'], ['majorDecision', '镇区停车场建设项目'], ['meetingTopic', '镇政府常务会议议题：农贸市场改造'],
    ['meetingMinutes', '镇党政联席会议纪要'], ['enterprisePolicy', '小微企业纾困扶持措施'], ['normativeDocument', '村级小微权力清单实施办法'], ['other', '征收补偿安置方案'],
  ];
  let n = 0;
  for (const username of ['hushan', 'baiyang']) {
    const uid = ctx.users.get(username);
    if (!uid) continue;
    const auth = (await loadAuthContext(db, uid))!;
    const town = username === 'hushan' ? '壶山街道办事处' : '白洋街道办事处';
    for (let i = 0; i < 16; i++) {
      const [objectType, title] = objects[i % objects.length];
      const submitted = shift(today, -(10 + Math.floor((i / 16) * 300 + random() * 10)));
      const r = await submitReview(db, auth, { objectType, title: `${title}（${i + 1}）`, submitterName: i % 3 === 0 ? town : `${town}${['经济发展办', '城建办', '农业农村办'][i % 3]}`, submittedDate: submitted });
      n++;
      const step = async (action: string, data: Record<string, unknown>) => {
        const instance = await loadInstance(db, r.instanceId!);
        await actOnReview(db, auth, r.id, action, { version: instance!.version, data });
      };
      if (i === 15) continue; // awaiting the 综合办
      if (i === 14) {
        await step('return', { date: shift(submitted, 1), reason: '缺少起草说明和征求意见情况' });
        continue;
      }
      await step('accept', { date: shift(submitted, 1) });
      if (i === 13) continue; // under review (clock running)
      if (i % 5 === 0) {
        await step('requestSupplement', { date: shift(submitted, 3), items: '请补充上位法依据和风险评估报告' });
        if (i === 10) continue; // waiting for supplements (clock stopped)
        await step('supplied', { date: shift(submitted, 6) });
      }
      const opinion = i % 7 === 3 ? 'unlawful' : i % 3 === 1 ? 'lawfulAfterRevision' : 'lawful';
      await step('issueOpinion', { date: shift(submitted, 9), opinion, reasons: opinion === 'lawful' ? '' : '第三条补偿标准缺少上位法依据；第五条违约责任约定不对等，建议修改' });
      if (i === 12) continue;
      const adopted = i % 6 !== 5;
      await step('feedback', { date: shift(submitted, 12), adopted, explanation: adopted ? '' : '该条款系会议已决定事项，已报请领导另行研究' });
      if (i % 2 === 0) await step('archive', { date: shift(submitted, 14) });
    }
  }
  ctx.log(`合法性审查：${n} 件审查事项`);
}
