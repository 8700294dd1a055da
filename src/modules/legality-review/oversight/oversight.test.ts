import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createUser } from '../../../platform/auth/users';
import { users } from '../../../platform/auth/schema';
import { systemActor } from '../../../platform/audit/service';
import { orgs } from '../../../platform/orgs/schema';
import { saveFile } from '../../../platform/files/service';
import { TEST_PASSWORD, type Client, type TestContext } from '../../../platform/testing/harness';
import { legalityTestContext, ok, publishedDoc } from '../test-helpers';
import { cleanupCampaignItems } from '../schema-oversight';

let t: TestContext & { director: Client; hushan: Client; baiyang: Client };
let manager: Client; // 规范性文件管理员 (司法局 合法性审查中心)
let reviewer2: Client;
let market: Client; // 市场监管局 报送员
let wangzhai: Client; // 王宅镇 报送员
const ids = new Map<string, string>();

async function addUser(username: string, orgName: string, roles: string[]) {
  const [org] = await t.database.db.select().from(orgs).where(eq(orgs.name, orgName));
  const u = await createUser(t.database.db, systemActor, { username, displayName: username, orgId: org.id, roleCodes: roles, password: TEST_PASSWORD });
  await t.database.db.update(users).set({ mustChangePassword: false }).where(eq(users.id, u.id));
  ids.set(username, u.id);
  return t.login(username);
}

beforeAll(async () => {
  t = await legalityTestContext();
  manager = await addUser('t_qingli', '合法性审查中心', ['normativeDocManager']);
  reviewer2 = await addUser('t_qingli2', '合法性审查中心', ['normativeDocManager']);
  market = await addUser('t_scjg', '武义县市场监督管理局', ['normativeDocFiler']);
  wangzhai = await addUser('t_wangzhai', '王宅镇人民政府', ['normativeDocFiler']);
});
afterAll(() => t?.close());

const filing = (c: Client, over: Record<string, unknown> = {}) =>
  c.post('/api/legality/filings', { title: '关于印发武义县食品小作坊登记管理实施细则的通知', docNumber: '武市监规〔2025〕3号', publishedDate: '2025-09-05', submittedDate: '2025-09-20', ...over });

describe('备案审查', () => {
  it('报送备案期限 公布后30日，末日逢国庆假期顺延至节后第一个工作日；逾期报送标记逾期天数 (省规定 30日；民法典 第二百零三条)', async () => {
    // 2025-09-05 + 30 = 10-05 (国庆中秋假期 10-01..10-08) → 10-09.
    const onTime = await ok(await filing(market, { submittedDate: '2025-10-09' }), 201);
    expect(onTime).toMatchObject({ dueDate: '2025-10-09', late: false, daysLate: 0, state: 'pending', filerName: '武义县市场监督管理局' });
    const late = await ok(await filing(market, { title: '关于规范农贸市场经营秩序的通告', submittedDate: '2025-10-12' }), 201);
    expect(late).toMatchObject({ dueDate: '2025-10-09', late: true, daysLate: 3 });
    expect(late.serialNumber).toMatch(/^330723BA2025-\d{4}$/);
    const bad = await filing(market, { submittedDate: '2025-09-01' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('不能早于公布日期');
  });

  it('数据范围：乡镇、部门只看到本机关报送的备案，司法局看到全部；报送员不能审查', async () => {
    const own = await ok(await filing(wangzhai, { title: '王宅镇村级小微权力清单实施办法', docNumber: '王政〔2025〕5号' }), 201);
    const mine = await ok(await wangzhai.get('/api/legality/filings?pageSize=100'));
    expect(mine.items.map((f: { filerName: string }) => f.filerName)).toEqual(['王宅镇人民政府']);
    const theirs = await ok(await market.get('/api/legality/filings?pageSize=100'));
    expect(theirs.items.every((f: { filerName: string }) => f.filerName === '武义县市场监督管理局')).toBe(true);
    expect((await market.get(`/api/legality/filings/${own.id}`)).statusCode).toBe(404);
    const all = await ok(await t.director.get('/api/legality/filings?pageSize=100'));
    expect(all.total).toBe(mine.total + theirs.total);
    expect((await wangzhai.post(`/api/legality/filings/${own.id}/review`, { version: own.version, result: 'lawful' })).statusCode).toBe(403);
    // The Excel export is the same scoped list.
    const x = await wangzhai.get('/api/legality/filings?format=xlsx');
    expect(x.statusCode).toBe(200);
    expect(x.headers['content-type']).toContain('spreadsheetml');
  });

  it('审查不合法：须写明理由；出具编号的纠错通知书，报送机关可下载；报送机关反馈纠正结果（附证明材料）', async () => {
    const f = await ok(await filing(market, { title: '关于印发武义县市场监管领域轻微违法行为不予处罚清单的通知', submittedDate: '2025-09-30' }), 201);
    const noReason = await manager.post(`/api/legality/filings/${f.id}/review`, { version: f.version, result: 'unlawful', date: '2025-10-10' });
    expect(noReason.statusCode).toBe(400);
    const r = await ok(await manager.post(`/api/legality/filings/${f.id}/review`, { version: f.version, result: 'unlawful', reasons: '第五条设定行政处罚，规范性文件不得设定行政处罚。', date: '2025-10-10' }));
    // 10-10 + 30 days = 11-09 (Sunday) → 11-10.
    expect(r).toMatchObject({ state: 'correcting', reviewResultLabel: '不合法', correctionDeadline: '2025-11-10' });
    expect(r.noticeNumber).toBe('武司备纠〔2025〕1号');
    const docx = await market.get(`/api/instruments/${r.noticeInstrumentId}/docx`);
    expect(docx.statusCode).toBe(200);
    expect((await wangzhai.get(`/api/instruments/${r.noticeInstrumentId}`)).statusCode).toBe(404);

    // 未纠正 only by the 司法局, and only after the deadline.
    expect((await market.post(`/api/legality/filings/${f.id}/correction`, { version: r.version, result: 'notCorrected', date: '2025-11-20' })).statusCode).toBe(403);
    const early = await manager.post(`/api/legality/filings/${f.id}/correction`, { version: r.version, result: 'notCorrected', date: '2025-11-10' });
    expect(early.statusCode).toBe(400);
    expect(early.json().code).toBe('FILING_CORRECTION_NOT_DUE');

    // Evidence: a file someone else uploaded cannot be attached; the filer's own can.
    const foreign = await saveFile(t.database.db, { name: 'x.txt', mime: 'text/plain', content: Buffer.from('x'), orgId: (await t.database.db.select().from(orgs).where(eq(orgs.name, '王宅镇人民政府')))[0].id, createdBy: ids.get('t_wangzhai')! });
    expect((await market.post(`/api/legality/filings/${f.id}/correction`, { version: r.version, result: 'corrected', note: '已删除第五条', date: '2025-10-30', fileIds: [foreign.id] })).statusCode).toBe(404);
    const [me] = await t.database.db.select().from(users).where(eq(users.username, 't_scjg'));
    const evidence = await saveFile(t.database.db, { name: '修改决定.pdf', mime: 'application/pdf', content: Buffer.from('%PDF-1.4'), orgId: me.orgId, createdBy: me.id });
    const done = await ok(await market.post(`/api/legality/filings/${f.id}/correction`, { version: r.version, result: 'corrected', note: '已删除第五条，修改后重新公布', date: '2025-10-30', fileIds: [evidence.id] }));
    expect(done).toMatchObject({ state: 'closed', correctionResultLabel: '已纠正', evidenceFileIds: [evidence.id] });
    const again = await market.post(`/api/legality/filings/${f.id}/correction`, { version: done.version, result: 'corrected', note: '重复', date: '2025-10-31' });
    expect(again.statusCode).toBe(400);
  });

  it('指标：备案审查件数、逾期报送率、纠错件数', async () => {
    const res = await ok(await t.director.get(`/api/indicators?period=year&year=2025&org=${encodeURIComponent('武义县人民政府')}&keys=normativeDoc.filingReviewCount,normativeDoc.filingLateRate,normativeDoc.correctionCount`));
    const list = res.indicators as { key: string; numerator: number; denominator: number | null }[];
    const by = (k: string) => list.find((i) => i.key === k)!;
    const all = await ok(await t.director.get('/api/legality/filings?year=2025&pageSize=100'));
    expect(by('normativeDoc.filingReviewCount').numerator).toBe(all.total);
    expect(by('normativeDoc.filingLateRate').numerator).toBe(all.items.filter((f: { late: boolean }) => f.late).length);
    expect(by('normativeDoc.correctionCount').numerator).toBe(1);
  });
});

describe('清理', () => {
  it('清理任务：选入、分配、审查人员登记结果（经登记簿的 cleanupDocument 更新文件状态和历史），全部完成后发布公告', async () => {
    const d1 = await publishedDoc(t.director, { title: '武义县城市道路挖掘管理规定', docNumber: '武政发〔2021〕2号', publishedDate: '2021-03-01' });
    const d2 = await publishedDoc(t.director, { title: '武义县温泉旅游产业发展扶持政策', docNumber: '武政发〔2021〕7号', publishedDate: '2021-05-10' });
    const c = await ok(await t.director.post('/api/legality/cleanup-campaigns', { name: '2025年度规范性文件集中清理', year: 2025, basis: '县政府办公室通知' }), 201);
    expect(c).toMatchObject({ state: 'active', orgName: '武义县人民政府' });
    expect((await ok(await t.director.post(`/api/legality/cleanup-campaigns/${c.id}/items`, { documentIds: [d1.id, d2.id] }))).added).toBe(2);
    expect((await ok(await t.director.post(`/api/legality/cleanup-campaigns/${c.id}/items`, { documentIds: [d1.id] }))).added).toBe(0);
    const items = (await ok(await t.director.get(`/api/legality/cleanup-campaigns/${c.id}/items`))).items as { id: string; documentId: string; version: number }[];
    const i1 = items.find((i) => i.documentId === d1.id)!;
    const i2 = items.find((i) => i.documentId === d2.id)!;

    // A filer has no 规范性文件管理 right: cannot be a reviewer.
    const badAssign = await t.director.post(`/api/legality/cleanup-campaigns/${c.id}/assign`, { itemIds: [i1.id], reviewerId: ids.get('t_scjg') });
    expect(badAssign.statusCode).toBe(400);
    await ok(await t.director.post(`/api/legality/cleanup-campaigns/${c.id}/assign`, { itemIds: [i1.id], reviewerId: ids.get('t_qingli') }));
    await ok(await t.director.post(`/api/legality/cleanup-campaigns/${c.id}/assign`, { itemIds: [i2.id], reviewerId: ids.get('t_qingli2') }));

    // Only the assigned reviewer records; 废止 needs a reason (the register's rule).
    expect((await reviewer2.post(`/api/legality/cleanup-items/${i1.id}/outcome`, { version: 2, outcome: 'repeal', reason: '上位法已废止' })).statusCode).toBe(403);
    expect((await manager.post(`/api/legality/cleanup-items/${i1.id}/outcome`, { version: 2, outcome: 'repeal' })).statusCode).toBe(400);
    const out = await ok(await manager.post(`/api/legality/cleanup-items/${i1.id}/outcome`, { version: 2, outcome: 'repeal', reason: '上位法已废止', date: '2025-06-20' }));
    expect(out).toMatchObject({ outcome: 'repeal', decidedDate: '2025-06-20' });
    const doc = await ok(await t.director.get(`/api/legality/documents/${d1.id}`));
    expect(doc).toMatchObject({ status: 'repealed', cleanupOutcome: 'repeal' });
    expect(doc.history.at(-1)).toMatchObject({ label: '清理：废止', date: '2025-06-20' });
    const pub = await ok(await t.anonymous.get(`/api/public/documents/${doc.code}`));
    expect(pub.statusLabel).toBe('已废止');

    const progress = (await ok(await t.director.get(`/api/legality/cleanup-campaigns/${c.id}`))).progress;
    expect(progress).toMatchObject({ total: 2, done: 1 });
    expect(progress.reviewers.map((r: { done: number; total: number }) => [r.done, r.total]).sort()).toEqual([[0, 1], [1, 1]]);
    const unfinished = await t.director.post(`/api/legality/cleanup-campaigns/${c.id}/finish`, { version: c.version });
    expect(unfinished.json().code).toBe('CAMPAIGN_UNFINISHED');

    await ok(await reviewer2.post(`/api/legality/cleanup-items/${i2.id}/outcome`, { version: 2, outcome: 'keep', date: '2025-06-21' }));
    const results = await ok(await t.director.get(`/api/legality/cleanup-campaigns/${c.id}/items?outcome=keep`));
    expect(results.items.map((i: { title: string; outcomeLabel: string }) => [i.title, i.outcomeLabel])).toEqual([['武义县温泉旅游产业发展扶持政策', '保留']]);
    const xlsx = await t.director.get(`/api/legality/cleanup-campaigns/${c.id}/items?format=xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const fin = await ok(await t.director.post(`/api/legality/cleanup-campaigns/${c.id}/finish`, { version: c.version, date: '2025-06-30' }));
    expect(fin).toMatchObject({ state: 'finished', finishedDate: '2025-06-30' });
    expect(fin.noticeNumber).toBe('武政清〔2025〕1号');
    const notice = await ok(await t.director.get(`/api/instruments/${fin.noticeInstrumentId}`));
    expect(JSON.stringify(notice)).toContain('武义县城市道路挖掘管理规定');
    expect((await t.director.get(`/api/instruments/${fin.noticeInstrumentId}/docx`)).statusCode).toBe(200);
    expect((await t.director.post(`/api/legality/cleanup-campaigns/${c.id}/items`, { documentIds: [d2.id] })).statusCode).toBe(400);
  });

  it('登记结果与文件状态在同一事务：文件已不在清理范围内时拒绝，清理项不留结果', async () => {
    const d = await publishedDoc(t.director, { title: '武义县农村生活垃圾分类管理办法', docNumber: '武政发〔2022〕4号', publishedDate: '2022-04-01' });
    const c = await ok(await t.director.post('/api/legality/cleanup-campaigns', { name: '2025年度专项清理', year: 2025 }), 201);
    await ok(await t.director.post(`/api/legality/cleanup-campaigns/${c.id}/items`, { documentIds: [d.id] }));
    const [item] = (await ok(await t.director.get(`/api/legality/cleanup-campaigns/${c.id}/items`))).items;
    await ok(await t.director.post(`/api/legality/cleanup-campaigns/${c.id}/assign`, { itemIds: [item.id], reviewerId: ids.get('t_qingli') }));
    // Repealed directly in the register meanwhile.
    await ok(await t.director.post(`/api/legality/documents/${d.id}/cleanup`, { version: d.version, date: '2025-05-01', outcome: 'repeal', reason: '已被新文件替代' }));
    const res = await manager.post(`/api/legality/cleanup-items/${item.id}/outcome`, { version: 2, outcome: 'keep' });
    expect(res.statusCode).toBe(400);
    const [row] = await t.database.db.select().from(cleanupCampaignItems).where(eq(cleanupCampaignItems.id, item.id));
    expect(row.outcome).toBeNull();
  });
});

describe('重大行政决策', () => {
  let decision: { id: string; version: number };
  const step = async (body: Record<string, unknown>) => {
    const d = await ok(await manager.get(`/api/legality/major-decisions/${decision.id}`));
    return manager.post(`/api/legality/major-decisions/${decision.id}/steps`, { version: d.version, ...body });
  };

  beforeAll(async () => {
    decision = await ok(await manager.post('/api/legality/major-decisions', { year: 2025, title: '武义县城区公交线路优化调整方案', hostUnit: '武义县交通运输局', plannedDate: '2025-10-31' }), 201);
  });

  it('未经合法性审查不得提交集体讨论 (重大行政决策程序暂行条例 第二十五条)', async () => {
    const r = await step({ step: 'collectiveDiscussion', date: '2025-04-01' });
    expect(r.statusCode).toBe(400);
    expect(r.json()).toMatchObject({ code: 'MAJOR_DECISION_NO_LEGALITY_REVIEW' });
    expect(r.json().message).toContain('第二十五条');
  });

  it('公开征求意见期限一般不少于30日，缩短的须说明理由 (重大行政决策程序暂行条例 第十五条)', async () => {
    const short = await step({ step: 'publicParticipation', date: '2025-03-25', startDate: '2025-03-01', endDate: '2025-03-21' });
    expect(short.statusCode).toBe(400);
    expect(short.json().code).toBe('MAJOR_DECISION_COMMENT_PERIOD');
    expect(short.json().message).toContain('20日');
    // Exactly 30 days (start day not counted, 民法典 第二百零一条) passes without explanation.
    const ok30 = await ok(await step({ step: 'publicParticipation', date: '2025-04-01', startDate: '2025-03-01', endDate: '2025-03-31', note: '' }));
    expect(ok30.warnings).toEqual([]);
    expect(ok30.steps[0].record).toMatchObject({ startDate: '2025-03-01', endDate: '2025-03-31' });
    // Another decision: a shortened window with its reason is accepted with a warning.
    const other = await ok(await manager.post('/api/legality/major-decisions', { year: 2025, title: '武义县城区供水价格调整', hostUnit: '武义县发展和改革局', plannedDate: '2025-12-31' }), 201);
    const urgent = await ok(await manager.post(`/api/legality/major-decisions/${other.id}/steps`, { version: other.version, step: 'publicParticipation', date: '2025-03-25', startDate: '2025-03-01', endDate: '2025-03-21', note: '情况紧急，需在汛期前实施' }));
    expect(urgent.warnings[0]).toContain('20日');
  });

  it('专家论证、风险评估可不开展但须说明理由；合法性审查是必经程序；经审查不合法的不得提交讨论 (第十九条、第二十二条、第二十五条)', async () => {
    expect((await step({ step: 'expertArgument', skipped: true, date: '2025-04-03' })).json().code).toBe('MAJOR_DECISION_SKIP_REASON');
    await ok(await step({ step: 'expertArgument', skipped: true, date: '2025-04-03', note: '专业性、技术性不强，不组织专家论证' }));
    expect((await step({ step: 'legalityReview', date: '2025-04-20' })).json().code).toBe('MAJOR_DECISION_STEP_ORDER');
    await ok(await step({ step: 'riskAssessment', date: '2025-04-10', note: '社会稳定风险评估报告：低风险' }));
    expect((await step({ step: 'legalityReview', skipped: true, date: '2025-04-20', note: '不需要' })).json().code).toBe('MAJOR_DECISION_STEP_REQUIRED');
    const lr = await ok(await step({ step: 'legalityReview', date: '2025-04-15', startDate: '2025-04-11', result: 'unlawful', note: '收费依据不足' }));
    // 04-11 → 04-15: 2 working days (民法典 第二百零一条: start day not counted), under the usual 7 (第二十六条).
    expect(lr.warnings[0]).toContain('第二十六条');
    const blocked = await step({ step: 'collectiveDiscussion', date: '2025-04-25' });
    expect(blocked.json().code).toBe('MAJOR_DECISION_UNLAWFUL');
  });

  it('年度目录经党委同意后公布，公众无需登录即可查看 (第三条第三款)', async () => {
    expect((await ok(await t.anonymous.get('/api/public/major-decisions?year=2025'))).items).toEqual([]);
    const early = await manager.post('/api/legality/major-decisions/catalog', { year: 2025, approvedDate: '2025-02-20', publishedDate: '2025-02-10' });
    expect(early.statusCode).toBe(400);
    await ok(await manager.post('/api/legality/major-decisions/catalog', { year: 2025, approvedDate: '2025-02-20', publishedDate: '2025-02-28' }));
    const pub = await ok(await t.anonymous.get('/api/public/major-decisions?year=2025'));
    expect(pub.year).toBe(2025);
    expect(pub.items.map((i: { title: string }) => i.title)).toContain('武义县城区公交线路优化调整方案');
    const item = pub.items.find((i: { title: string }) => i.title === '武义县城区公交线路优化调整方案');
    expect(item).toMatchObject({ hostUnit: '武义县交通运输局', plannedDate: '2025-10-31', steps: ['公众参与', '风险评估', '合法性审查'] });
    // Staff without the permission see nothing.
    expect((await market.get('/api/legality/major-decisions')).statusCode).toBe(403);
  });
});
