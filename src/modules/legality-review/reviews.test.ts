import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../platform/testing/harness';
import { legalityTestContext, ok } from './test-helpers';

let t: Awaited<ReturnType<typeof legalityTestContext>>;
beforeAll(async () => {
  t = await legalityTestContext();
});
afterAll(() => t?.close());

async function submit(c: Client, over: Record<string, unknown> = {}) {
  return ok(await c.post('/api/legality/reviews', { objectType: 'contract', title: '村集体厂房租赁合同', submitterName: '壶山街道办事处', submittedDate: '2025-03-03', ...over }), 201);
}
async function act(c: Client, id: string, action: string, data: Record<string, unknown> = {}) {
  const d = await ok(await c.get(`/api/legality/reviews/${id}`));
  return c.post(`/api/legality/reviews/${id}/actions/${action}`, { version: d.workflow.version, data });
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
    expect((await act(t.hushan, r.id, 'issueOpinion', { date: '2025-03-10', opinion: 'unlawful' })).statusCode).toBe(400);
    await actOk(t.hushan, r.id, 'issueOpinion', { date: '2025-03-10', opinion: 'unlawful', reasons: '补偿标准低于省定标准，违反上位法' });
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
