import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { eq, sql } from 'drizzle-orm';
import { rowsOf } from '../../platform/db/client';
import type { Client } from '../../platform/testing/harness';
import { filledTemplate, importLedger } from '../../platform/ledger/test-ledger';
import { legalityReviews } from './schema';
import { legalityTestContext, ok } from './test-helpers';

let t: Awaited<ReturnType<typeof countyContext>>;
const countyContext = () => legalityTestContext({ county: true });
beforeAll(async () => {
  t = await countyContext();
}, 300_000);
afterAll(() => t?.close());

async function submit(c: Client, over: Record<string, unknown> = {}) {
  return ok(await c.post('/api/legality/reviews', { objectType: 'contract', title: '村集体厂房租赁合同', submitterName: '壶山街道办事处', submittedDate: '2025-03-03', ...over }), 201);
}
async function act(c: Client, id: string, action: string, data: Record<string, unknown> = {}) {
  const d = await ok(await c.get(`/api/legality/reviews/${id}`));
  return c.post(`/api/legality/reviews/${id}/actions/${action}`, { version: d.workflow?.version ?? d.version, data });
}
const actOk = async (c: Client, id: string, action: string, data: Record<string, unknown> = {}) => ok(await act(c, id, action, data));
const reviewDeadline = (d: { workflow: { deadlines: { rule: string; dueDate: string; status: string; cite: string }[] } }) => d.workflow.deadlines.find((x) => x.rule === 'review')!;

describe('合法性审查流程（乡镇）', () => {
  it('承办机构送审 → 综合办审核 → 司法所审查 → 出具意见 → 反馈采纳 → 归档', async () => {
    const r = await submit(t.hushan);
    expect(r.state).toBe('submitted');
    expect(r.orgId).toBeTruthy();
    expect(r.serialNumber).toMatch(/审〔2025〕\d+号$/);
    await actOk(t.hushan, r.id, 'accept', { date: '2025-03-04' });
    const op = await actOk(t.hushan, r.id, 'issueOpinion', { date: '2025-03-12', opinion: 'lawfulAfterRevision', reasons: '第五条违约责任约定不对等，建议修改' });
    expect(op).toMatchObject({ state: 'opinionIssued', opinion: 'lawfulAfterRevision', opinionLabel: '修改后合法', opinionDate: '2025-03-12' });
    expect(reviewDeadline(op).status).toBe('met');
    const fb = await actOk(t.hushan, r.id, 'feedback', { date: '2025-03-14', adopted: true });
    expect(fb).toMatchObject({ state: 'adopted', adopted: true, feedbackDate: '2025-03-14' });
    const ar = await actOk(t.hushan, r.id, 'archive', { date: '2025-03-15' });
    expect(ar.state).toBe('archived');
    expect(ar.workflow.isFinal).toBe(true);
  });

  it('审查期限最长15个工作日，自材料齐全受理之日起算 (国办发〔2018〕115号)', async () => {
    const r = await submit(t.hushan, { title: '道路保洁服务采购合同' });
    const d = await actOk(t.hushan, r.id, 'accept', { date: '2025-03-03' });
    const dl = reviewDeadline(d);
    // Monday 2025-03-03 + 15 working days = Monday 2025-03-24.
    expect(dl).toMatchObject({ dueDate: '2025-03-24', status: 'open', cite: '国办发〔2018〕115号' });
    // Across 劳动节 2025 (5月1日–5日 休, 4月27日 调休上班): 2025-04-24 + 15 working days = 2025-05-19.
    const r2 = await submit(t.hushan, { title: '镇区停车场建设项目', objectType: 'majorDecision', submittedDate: '2025-04-24' });
    const d2 = await actOk(t.hushan, r2.id, 'accept', { date: '2025-04-24' });
    expect(reviewDeadline(d2).dueDate).toBe('2025-05-19');
  });

  it('要求补充材料期间审查期限中止，收到后以剩余工作日继续计算 (国办发〔2018〕115号)', async () => {
    const r = await submit(t.hushan, { title: '小微企业纾困扶持措施', objectType: 'enterprisePolicy' });
    await actOk(t.hushan, r.id, 'accept', { date: '2025-03-03' });
    // 5 working days used (3-4 … 3-10), 10 left.
    const s = await actOk(t.hushan, r.id, 'requestSupplement', { date: '2025-03-10', items: '请补充上位法依据' });
    expect(s.state).toBe('supplementing');
    expect(reviewDeadline(s).status).toBe('paused');
    const back = await actOk(t.hushan, r.id, 'supplied', { date: '2025-03-17' });
    // 2025-03-17 + 10 working days = 2025-03-31.
    expect(reviewDeadline(back)).toMatchObject({ status: 'open', dueDate: '2025-03-31' });
  });

  it('材料不全的，综合办退回承办机构', async () => {
    const r = await submit(t.hushan, { title: '镇党政联席会议纪要', objectType: 'meetingMinutes' });
    const noReason = await act(t.hushan, r.id, 'return', { date: '2025-03-04' });
    expect(noReason.statusCode).toBe(400);
    const d = await actOk(t.hushan, r.id, 'return', { date: '2025-03-04', reason: '缺少起草说明' });
    expect(d.state).toBe('returned');
  });

  it('修改后合法、不合法的意见须写明理由；未采纳的须说明理由', async () => {
    const r = await submit(t.hushan, { title: '征收补偿安置方案', objectType: 'other' });
    await actOk(t.hushan, r.id, 'accept', { date: '2025-03-04' });
    expect((await act(t.hushan, r.id, 'issueOpinion', { date: '2025-03-11', opinion: 'unlawful' })).statusCode).toBe(400);
    await actOk(t.hushan, r.id, 'issueOpinion', { date: '2025-03-11', opinion: 'unlawful', reasons: '补偿标准低于省定标准，违反上位法' });
    expect((await act(t.hushan, r.id, 'feedback', { date: '2025-03-12', adopted: false })).statusCode).toBe(400);
    const d = await actOk(t.hushan, r.id, 'feedback', { date: '2025-03-12', adopted: false, explanation: '已提交会议另行研究' });
    expect(d).toMatchObject({ adopted: false, adoptionNote: '已提交会议另行研究' });
  });

  it('未受理不能出具意见（状态不符）', async () => {
    const r = await submit(t.hushan, { title: '村级小微权力清单实施办法', objectType: 'normativeDocument' });
    const res = await act(t.hushan, r.id, 'issueOpinion', { opinion: 'lawful' });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('WORKFLOW_ILLEGAL_TRANSITION');
  });
});

describe('数据范围', () => {
  it('司法所工作人员只能看到本所的审查事项；局长可看全县', async () => {
    const mine = await submit(t.baiyang, { title: '白洋街道农贸市场改造议题', objectType: 'meetingTopic', submitterName: '白洋街道办事处' });
    const hushanList = await ok(await t.hushan.get('/api/legality/reviews?pageSize=200'));
    expect(hushanList.items.map((i: { id: string }) => i.id)).not.toContain(mine.id);
    expect(hushanList.total).toBeGreaterThan(0);
    expect((await t.hushan.get(`/api/legality/reviews/${mine.id}`)).statusCode).toBe(404);
    expect((await t.hushan.post(`/api/legality/reviews/${mine.id}/actions/accept`, { version: 1, data: {} })).statusCode).toBe(404);
    const baiyangList = await ok(await t.baiyang.get('/api/legality/reviews?pageSize=200'));
    expect(baiyangList.items.map((i: { id: string }) => i.id)).toEqual([mine.id]);
    const all = await ok(await t.director.get('/api/legality/reviews?pageSize=200'));
    expect(all.total).toBe(hushanList.total + 1);
    // 送审 to another 司法所 is refused.
    const other = await t.hushan.post('/api/legality/reviews', { objectType: 'contract', title: '越权送审', submitterName: '壶山街道办事处', reviewOrg: '白洋司法所' });
    expect(other.statusCode).toBe(403);
  });
});

describe('指标', () => {
  it('legality.reviewCount 按审查对象分类；legality.adoptionRate = 采纳 / 已反馈', async () => {
    const q = `org=${encodeURIComponent('壶山司法所')}&from=2025-01-01&to=2025-12-31&keys=legality.reviewCount,legality.adoptionRate`;
    const ind = await ok(await t.director.get(`/api/indicators?${q}`));
    const by = Object.fromEntries(ind.indicators.map((i: { key: string }) => [i.key, i]));
    // 壶山: contract ×2, majorDecision, enterprisePolicy, meetingMinutes, other, normativeDocument = 7.
    expect(by['legality.reviewCount'].value).toBe(7);
    const breakdown = Object.fromEntries(by['legality.reviewCount'].breakdown.map((b: { label: string; value: number }) => [b.label, b.value]));
    expect(breakdown).toMatchObject({ '行政合同/协议': 2, 重大行政决策: 1, 涉企政策: 1, 会议纪要: 1, 其他: 1, 行政规范性文件: 1 });
    // Feedback recorded: 1 adopted, 1 not adopted → 50.0%.
    expect(by['legality.adoptionRate']).toMatchObject({ numerator: 1, denominator: 2, display: '50.0%' });
  });
});

const countReviews = async () => rowsOf<{ n: number }>(await t.database.db.execute(sql`select count(*)::int as n from legality_reviews`))[0].n;
const ids = (list: { items: { id: string }[] }) => list.items.map((i) => i.id);

describe('审核时间不少于5个工作日 (国办发〔2018〕115号)', () => {
  it('受理后不足5个工作日出具意见须写明理由（如急需），否则拒绝且不改变事项 (国办发〔2018〕115号)', async () => {
    const r = await submit(t.hefaxing, { title: '县城区停车收费标准调整', objectType: 'majorDecision', submitterName: '武义县发展和改革局' });
    await actOk(t.hefaxing, r.id, 'accept', { date: '2025-03-03' });
    // Monday 3-3 → Friday 3-7: 4 working days.
    const early = await act(t.hefaxing, r.id, 'issueOpinion', { date: '2025-03-07', opinion: 'lawful' });
    expect(early.statusCode).toBe(400);
    expect(early.json()).toMatchObject({ code: 'LEGALITY_REVIEW_TOO_SHORT', details: { daysUsed: 4, minimum: 5, cite: '国办发〔2018〕115号' } });
    expect(early.json().message).toContain('少于5个工作日');
    const [row] = await t.database.db.select().from(legalityReviews).where(eq(legalityReviews.id, r.id));
    expect(row).toMatchObject({ state: 'reviewing', opinion: null });
    const d = await actOk(t.hefaxing, r.id, 'issueOpinion', { date: '2025-03-07', opinion: 'lawful', earlyReason: '急需：县政府常务会议3月10日研究' });
    expect(d).toMatchObject({ state: 'opinionIssued', earlyReason: '急需：县政府常务会议3月10日研究', reviewerName: '郑伟明' });
  });

  it('满5个工作日无需理由；跨国庆假期按工作日计算 (国办发〔2018〕115号)', async () => {
    const r = await submit(t.hefaxing, { title: '农村客运公交化改造方案', objectType: 'majorDecision', submitterName: '武义县交通运输局' });
    await actOk(t.hefaxing, r.id, 'accept', { date: '2025-03-03' });
    await actOk(t.hefaxing, r.id, 'issueOpinion', { date: '2025-03-10', opinion: 'lawful' });
    // 2025 国庆: 10月1日–8日 休, 9月28日、10月11日 调休上班. Accepted 9-30: 10-9, 10-10, 10-11 = 3 working days.
    const r2 = await submit(t.hefaxing, { title: '城区公交线路调整方案', objectType: 'majorDecision', submitterName: '武义县交通运输局', submittedDate: '2025-09-29' });
    await actOk(t.hefaxing, r2.id, 'accept', { date: '2025-09-30' });
    const early = await act(t.hefaxing, r2.id, 'issueOpinion', { date: '2025-10-11', opinion: 'lawful' });
    expect(early.json()).toMatchObject({ code: 'LEGALITY_REVIEW_TOO_SHORT', details: { daysUsed: 3 } });
    // 10-13, 10-14 make 5.
    await actOk(t.hefaxing, r2.id, 'issueOpinion', { date: '2025-10-14', opinion: 'lawful' });
  });

  it('补充材料期间不计入审核时间 (国办发〔2018〕115号)', async () => {
    const r = await submit(t.hefaxing, { title: '人才公寓租赁管理办法', objectType: 'normativeDocument', submitterName: '武义县住房和城乡建设局' });
    await actOk(t.hefaxing, r.id, 'accept', { date: '2025-03-03' });
    await actOk(t.hefaxing, r.id, 'requestSupplement', { date: '2025-03-05', items: '请补充起草说明' }); // 2 used
    await actOk(t.hefaxing, r.id, 'supplied', { date: '2025-03-12' });
    const early = await act(t.hefaxing, r.id, 'issueOpinion', { date: '2025-03-14', opinion: 'lawful' }); // 2 + 2
    expect(early.json()).toMatchObject({ code: 'LEGALITY_REVIEW_TOO_SHORT', details: { daysUsed: 4 } });
    await actOk(t.hefaxing, r.id, 'issueOpinion', { date: '2025-03-17', opinion: 'lawful' });
  });
});

describe('县级流程：部门 → 司法局合法性审查中心 (DOMAIN.md §3)', () => {
  it('教育局送审到中心；中心受理、征求法律顾问意见、逐条出具意见；部门逐条反馈采纳；部门只看到本部门送审事项', async () => {
    const r = await ok(await t.jiaoyu.post('/api/legality/reviews', { objectType: 'contract', title: '校舍维修工程施工合同', submittedDate: '2025-04-01' }), 201);
    expect(r).toMatchObject({ flow: 'county', orgName: '合法性审查中心', submitterName: '武义县教育局', state: 'submitted', stateLabel: '待审查中心受理' });
    expect(r.serialNumber).toMatch(/审〔2025〕\d+号$/);
    // The department cannot accept its own matter; the 中心 sees and accepts it (no 党政综合办 step).
    expect(r.workflow.available.map((a: { key: string }) => a.key)).toEqual(['withdraw']);
    const seen = await ok(await t.hefaxing.get(`/api/legality/reviews/${r.id}`));
    expect(seen.workflow.available.find((a: { key: string }) => a.key === 'accept').label).toBe('材料齐全，受理审查');
    expect((await act(t.jiaoyu, r.id, 'accept', { date: '2025-04-02' })).statusCode).toBe(403);
    await actOk(t.hefaxing, r.id, 'accept', { date: '2025-04-02' });

    const noQuestion = await act(t.hefaxing, r.id, 'consult', { date: '2025-04-03', expertKind: 'legalAdviser', expert: '俞建国律师', opinion: '建议修改' });
    expect(noQuestion.statusCode).toBe(400);
    await actOk(t.hefaxing, r.id, 'consult', { date: '2025-04-03', expertKind: 'legalAdviser', expert: '浙江丽武律师事务所 俞建国律师', question: '违约金比例是否过高？', opinion: '违约金超过实际损失30%的，可请求调减，建议降至合同价款10%以内。' });
    await actOk(t.hefaxing, r.id, 'consult', { date: '2025-04-07', expertKind: 'publicLawyer', expert: '公职律师 应志远', question: '是否须公开招标？', opinion: '估算价低于400万元，可依法采用其他采购方式。' });

    const noReason = await act(t.hefaxing, r.id, 'issueOpinion', { date: '2025-04-10', opinion: 'lawfulAfterRevision', clauses: [{ clause: '第八条', opinion: '降低违约金比例', reason: '' }] });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().message).toContain('请填写该条款的理由或依据');
    const op = await actOk(t.hefaxing, r.id, 'issueOpinion', {
      date: '2025-04-10', opinion: 'lawfulAfterRevision',
      clauses: [
        { clause: '第八条', opinion: '违约金降至合同价款10%以内', reason: '《中华人民共和国民法典》第五百八十五条' },
        { clause: '第十二条', opinion: '删除“甲方有权单方解除合同且不承担任何责任”', reason: '权利义务不对等' },
      ],
    });
    expect(op.clauses.map((c: { seq: number; clause: string }) => [c.seq, c.clause])).toEqual([[1, '第八条'], [2, '第十二条']]);
    expect(op.opinionReasons).toContain('第八条');
    expect(op.consultations.map((c: { expertKindLabel: string; question: string; consultedDate: string }) => [c.expertKindLabel, c.question, c.consultedDate])).toEqual([
      ['法律顾问', '违约金比例是否过高？', '2025-04-03'],
      ['公职律师', '是否须公开招标？', '2025-04-07'],
    ]);

    // The department sees the opinion and answers clause by clause (a clause not adopted needs a reason).
    const mineView = await ok(await t.jiaoyu.get(`/api/legality/reviews/${r.id}`));
    expect(mineView.workflow.available.map((a: { key: string }) => a.key)).toEqual(['feedback']);
    const bad = await act(t.jiaoyu, r.id, 'feedback', { date: '2025-04-12', adopted: true, clauses: [{ seq: 2, adopted: false }] });
    expect(bad.statusCode).toBe(400);
    const fb = await actOk(t.jiaoyu, r.id, 'feedback', { date: '2025-04-12', adopted: true, clauses: [{ seq: 1, adopted: true }, { seq: 2, adopted: false, explanation: '该条款为省级示范文本条款' }] });
    expect(fb.clauses.map((c: { adopted: boolean; explanation: string | null }) => [c.adopted, c.explanation])).toEqual([[true, null], [false, '该条款为省级示范文本条款']]);

    // Scope: the department sees only what it submitted; 司法所 do not see county matters; the 中心 sees all of them.
    const other = await submit(t.hefaxing, { title: '个体工商户纾困扶持措施', objectType: 'enterprisePolicy', submitterName: '武义县市场监督管理局', submittedDate: '2025-04-01' });
    const mine = await ok(await t.jiaoyu.get('/api/legality/reviews?pageSize=200'));
    expect(ids(mine)).toEqual([r.id]);
    expect((await t.jiaoyu.get(`/api/legality/reviews/${other.id}`)).statusCode).toBe(404);
    const center = await ok(await t.hefaxing.get('/api/legality/reviews?pageSize=200&flow=county'));
    expect(ids(center)).toEqual(expect.arrayContaining([r.id, other.id]));
    expect(center.items.every((i: { flow: string }) => i.flow === 'county')).toBe(true);
    expect(ids(await ok(await t.hushan.get('/api/legality/reviews?pageSize=200')))).not.toContain(r.id);
    expect(ids(await ok(await t.director.get('/api/legality/reviews?pageSize=200&flow=county')))).toEqual(expect.arrayContaining([r.id, other.id]));
    // A department sends only to the 中心.
    expect((await t.jiaoyu.post('/api/legality/reviews', { objectType: 'contract', title: '越级送审', reviewOrg: '壶山司法所' })).statusCode).toBe(403);
  });
});

describe('会议纪要批量登记与审查台账', () => {
  const good = (k: number) => ({ title: `县政府常务会议纪要（2025年第${k}期）`, meetingDate: '2025-05-06', submitterName: '武义县人民政府办公室', opinion: 'lawful', reviewerName: '郑伟明' });

  it('有错误行时一行也不登记，逐行报错；全部正确时一次登记并可检索、导出', async () => {
    const before = await countReviews();
    const res = await t.hefaxing.post('/api/legality/reviews/batch', { rows: [good(1), { ...good(2), opinion: 'unlawful' }, { ...good(3), reviewerName: '' , meetingDate: '2099-01-01' }] });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('LEGALITY_BATCH_INVALID');
    expect(body.details.rows.map((e: { row: number; field: string }) => `${e.row}:${e.field}`).sort()).toEqual(['2:reasons', '3:meetingDate', '3:reviewerName']);
    expect(await countReviews()).toBe(before);

    const saved = await ok(await t.hefaxing.post('/api/legality/reviews/batch', { rows: [good(11), { ...good(12), opinion: 'lawfulAfterRevision', reasons: '第二项减免税费缺少法律依据' }, { ...good(13), objectType: 'meetingTopic', title: '提请县政府常务会议研究事项：城区停车场收费' }] }), 201);
    expect(saved.count).toBe(3);
    expect(await countReviews()).toBe(before + 3);
    expect(saved.items[0]).toMatchObject({ state: 'archived', entryMode: 'batch', meetingDate: '2025-05-06', opinionDate: '2025-05-06', reviewerName: '郑伟明', flow: 'county' });
    // Batch records are history: no workflow steps.
    expect((await act(t.hefaxing, saved.items[0].id, 'archive', {})).json().code).toBe('LEGALITY_HISTORICAL');
    // A 司法所 cannot log for the 中心.
    expect((await t.hushan.post('/api/legality/reviews/batch', { reviewOrg: '合法性审查中心', rows: [good(20)] })).statusCode).toBe(403);

    // List filters: keyword (title / number), object type, org, dates.
    const q = await ok(await t.hefaxing.get(`/api/legality/reviews?q=${encodeURIComponent('2025年第1')}&objectType=meetingMinutes`));
    expect(q.items.map((i: { title: string }) => i.title).sort()).toEqual(['县政府常务会议纪要（2025年第11期）', '县政府常务会议纪要（2025年第12期）']);
    const bySerial = await ok(await t.hefaxing.get(`/api/legality/reviews?q=${encodeURIComponent(saved.items[2].serialNumber)}`));
    expect(ids(bySerial)).toEqual([saved.items[2].id]);
    const byDate = await ok(await t.director.get(`/api/legality/reviews?submittedFrom=2025-05-06&submittedTo=2025-05-06&org=${encodeURIComponent('合法性审查中心')}`));
    expect(byDate.total).toBe(3);
    const byOrg = await ok(await t.director.get(`/api/legality/reviews?org=${encodeURIComponent('武义县教育局')}&pageSize=200`));
    expect(byOrg.items.every((i: { submitterName: string }) => i.submitterName === '武义县教育局')).toBe(true);

    // 导出 Excel with the same filters and the caller's scope.
    const x = await t.hefaxing.get(`/api/ledger/export/legality-reviews?submittedFrom=2025-05-06&submittedTo=2025-05-06`);
    expect(x.statusCode, x.body).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.rowCount).toBe(4);
    const header = (ws.getRow(1).values as unknown[]).map(String);
    const col = (h: string) => header.indexOf(h);
    const opinionsOut = [2, 3, 4].map((n) => String(ws.getRow(n).getCell(col('审查意见')).value)).sort();
    expect(opinionsOut).toEqual(['合法', '合法', '修改后合法'].sort());
    const hushanX = await t.hushan.get(`/api/ledger/export/legality-reviews?submittedFrom=2025-05-06&submittedTo=2025-05-06`);
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(hushanX.rawPayload as unknown as ArrayBuffer);
    expect(wb2.worksheets[0].rowCount).toBe(1);
  });

  it('审查台账导入：全部成功或全部不导入', async () => {
    const before = await countReviews();
    //            编号 审查机构 审查对象 送审事项 承办机构 送审日期 受理日期 会议日期 审查意见 意见日期 意见和理由 审查人 是否采纳 采纳说明 反馈日期 办理状态
    const row = (title: string, opinion: string | null, reasons: string | null = null) => [null, null, '会议纪要', title, '壶山街道办事处', '2024-06-03', '2024-06-03', '2024-06-03', opinion, '2024-06-05', reasons, '陈丽娟', '是', null, '2024-06-07', null];
    const bad = await importLedger(t.hushan, t.database.db, 'legality-reviews', await filledTemplate(t.hushan, 'legality-reviews', [row('党政联席会议纪要（2024年第9期）', '合法'), row('党政联席会议纪要（2024年第10期）', '不合法')]), '审查台账.xlsx');
    expect(bad.status).toBe('failed');
    expect(JSON.stringify(bad)).toContain('修改后合法或不合法的意见须写明理由');
    expect(await countReviews()).toBe(before);
    const job = await importLedger(t.hushan, t.database.db, 'legality-reviews', await filledTemplate(t.hushan, 'legality-reviews', [row('党政联席会议纪要（2024年第9期）', '合法'), row('党政联席会议纪要（2024年第10期）', '不合法', '第三项违反上位法')]), '审查台账.xlsx');
    expect(job.status, JSON.stringify(job)).toBe('succeeded');
    expect(await countReviews()).toBe(before + 2);
    const list = await ok(await t.hushan.get(`/api/legality/reviews?q=${encodeURIComponent('2024年第10期')}`));
    expect(list.items[0]).toMatchObject({ entryMode: 'import', opinion: 'unlawful', adopted: true, state: 'archived', orgName: '壶山司法所' });
  }, 120_000);
});

describe('规范性文件合法性审核阶段与审查事项关联', () => {
  it('从处于合法性审核阶段的文件发起审查，文件页显示审查意见；其他阶段不能送审 (国办发〔2018〕115号)', async () => {
    let d = await ok(await t.guifan.post('/api/legality/documents', { title: '武义县公共租赁住房管理办法', issuerOrg: '武义县人民政府' }), 201);
    const early = await t.guifan.post('/api/legality/reviews', { objectType: 'normativeDocument', title: '《武义县公共租赁住房管理办法》送审稿', documentId: d.id });
    expect(early.json().code).toBe('LEGALITY_DOC_STAGE');
    for (let i = 0; i < 2; i++) d = await ok(await t.guifan.post(`/api/legality/documents/${d.id}/advance`, { version: d.version }));
    expect(d.stage).toBe('reviewing');
    const r = await ok(await t.guifan.post('/api/legality/reviews', { objectType: 'normativeDocument', title: '《武义县公共租赁住房管理办法》送审稿', documentId: d.id, submittedDate: '2025-06-02' }), 201);
    expect(r).toMatchObject({ submitterName: '武义县人民政府', orgName: '合法性审查中心', flow: 'county', document: { id: d.id, stage: 'reviewing' } });
    await actOk(t.hefaxing, r.id, 'accept', { date: '2025-06-03' });
    await actOk(t.hefaxing, r.id, 'issueOpinion', { date: '2025-06-10', opinion: 'lawfulAfterRevision', clauses: [{ clause: '第九条', opinion: '删除收取保证金的规定', reason: '没有法律、法规依据' }] });
    const page = await ok(await t.guifan.get(`/api/legality/documents/${d.id}`));
    expect(page.reviews).toEqual([expect.objectContaining({ id: r.id, opinion: 'lawfulAfterRevision', opinionLabel: '修改后合法', opinionDate: '2025-06-10' })]);
    expect(page.reviews[0].opinionReasons).toContain('第九条');
  });
});
