import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { proposeProcedure } from './triage';
import { reviewTestContext, newCase, detail, act, actOk, deadline, type ReviewTestContext } from './test-helpers';
import { adminReviewCases } from './schema';
import { orgs } from '../../platform/orgs/schema';

let t: ReviewTestContext;
beforeAll(async () => {
  t = await reviewTestContext();
});
afterAll(() => t?.close());

describe('受理审查与补正（行政复议法 第三十条、第三十一条）', () => {
  it('收到申请之日起5个工作日内审查决定受理，跨国庆调休：9月27日收到 → 10月10日届满 (行政复议法 第三十条、第八十八条)', async () => {
    const id = await newCase(t.fuyi, { receivedDate: '2024-09-27' });
    const d = await detail(t.fuyi, id);
    expect(d.state).toBe('applied');
    expect(deadline(d, 'acceptReview')).toMatchObject({ dueDate: '2024-10-10', unit: 'workingDay', days: 5, cite: '行政复议法 第三十条', status: 'open' });
  });

  it('补正通知应在收到申请之日起5个工作日内发出 (行政复议法 第三十一条)', async () => {
    const id = await newCase(t.fuyi, { receivedDate: '2024-09-27' });
    const d = await detail(t.fuyi, id);
    expect(deadline(d, 'amendNotice')).toMatchObject({ dueDate: '2024-10-10', cite: '行政复议法 第三十一条' });
  });

  it('申请人10个工作日内补正，跨春节调休；收到补正材料后受理审查期限重新计算 (行政复议法 第三十一条)', async () => {
    const id = await newCase(t.fuyi, { receivedDate: '2025-01-20' });
    let d = await actOk(t.fuyi, id, 'requestAmend', { date: '2025-01-22', items: '请补充行政处罚决定书复印件' });
    expect(d.state).toBe('amending');
    expect(deadline(d, 'acceptReview')).toMatchObject({ status: 'met', metAt: '2025-01-22' });
    // 01-23, 01-24, 01-26 (调休上班), 01-27, then 春节 01-28…02-04; 02-05 … 02-08 (调休上班), 02-10, 02-11.
    expect(deadline(d, 'amendPeriod')).toMatchObject({ status: 'open', dueDate: '2025-02-11', cite: '行政复议法 第三十一条' });
    expect(d.issued.map((i: { type: string }) => i.type)).toEqual(['adminReview.amendNotice']);
    d = await actOk(t.fuyi, id, 'amended', { date: '2025-02-05' });
    expect(d.state).toBe('applied');
    expect(deadline(d, 'amendPeriod')).toMatchObject({ status: 'met' });
    expect(deadline(d, 'acceptReviewAfterAmend')).toMatchObject({ status: 'open', dueDate: '2025-02-11' });
  });

  it('不予受理须说明理由，出具不予受理决定书并以人民政府名义编号 (行政复议法 第三十条、第六十一条)', async () => {
    const id = await newCase(t.fuyi, { receivedDate: '2025-04-01' });
    const bad = await act(t.fuyi, id, 'reject', { date: '2025-04-03' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.fields.map((f: { path: string }) => f.path)).toContain('reason');
    const d = await actOk(t.fuyi, id, 'reject', { date: '2025-04-03', reason: '申请人不是该行政行为的利害关系人' });
    expect(d).toMatchObject({ state: 'rejected', outcome: 'rejected', concludedDate: '2025-04-03' });
    expect(d.decisionNumber).toMatch(/^武政复〔2025〕\d+号$/);
  });
});

describe('繁简分流与审理期限（行政复议法 第四十八条、第五十三条至第五十五条、第六十二条）', () => {
  it('普通程序：受理后7个工作日内发送副本（跨国庆调休），60日内审结 (行政复议法 第四十八条、第六十二条)', async () => {
    const id = await newCase(t.fuyi, { receivedDate: '2024-09-25' });
    const d = await actOk(t.fuyi, id, 'accept', { date: '2024-09-27', procedure: 'ordinary' });
    expect(d).toMatchObject({ state: 'hearing', procedure: 'ordinary', acceptedDate: '2024-09-27', stateLabel: '审理中（普通程序）' });
    // 09-29 (调休上班), 09-30, 国庆 10-01…10-07, 10-08 … 10-11, 10-12 (调休上班).
    expect(deadline(d, 'serveCopy')).toMatchObject({ dueDate: '2024-10-12', cite: '行政复议法 第四十八条' });
    expect(deadline(d, 'decide')).toMatchObject({ dueDate: '2024-11-26', days: 60, unit: 'calendarDay', cite: '行政复议法 第六十二条第一款' });
    expect(d.issued.map((i: { type: string }) => i.type)).toEqual(['adminReview.acceptNotice']);
  });

  it('简易程序：3个工作日内发送副本，30日内审结，末日为休息日顺延 (行政复议法 第五十四条、第六十二条；民法典 第二百零三条)', async () => {
    const id = await newCase(t.fuyi, { receivedDate: '2024-09-25' });
    const d = await actOk(t.fuyi, id, 'accept', { date: '2024-09-27', procedure: 'summary' });
    expect(d.procedure).toBe('summary');
    expect(deadline(d, 'serveCopy')).toMatchObject({ dueDate: '2024-10-08', cite: '行政复议法 第五十四条' });
    // 09-27 + 30 = 10-27 (Sunday) → 10-28.
    expect(deadline(d, 'decide')).toMatchObject({ dueDate: '2024-10-28', days: 30 });
  });

  it('被申请人自收到副本之日起10个工作日内答复，跨2025年国庆中秋 (行政复议法 第四十八条、第八十八条)', async () => {
    const id = await newCase(t.fuyi, { receivedDate: '2025-09-22' });
    await actOk(t.fuyi, id, 'accept', { date: '2025-09-24', procedure: 'ordinary' });
    const d = await actOk(t.fuyi, id, 'sendCopy', { date: '2025-09-26' });
    expect(deadline(d, 'serveCopy')).toMatchObject({ status: 'met', metAt: '2025-09-26' });
    expect(deadline(d, 'answer')).toMatchObject({ dueDate: '2025-10-16', cite: '行政复议法 第四十八条' });
    expect(d.issued.map((i: { type: string }) => i.type)).toEqual(['adminReview.answerNotice']);
    const done = await actOk(t.fuyi, id, 'answerReceived', { date: '2025-10-15', withEvidence: true });
    expect(deadline(done, 'answer')).toMatchObject({ status: 'met', metAt: '2025-10-15' });
  });

  it('简易程序被申请人5个工作日内答复 (行政复议法 第五十四条)', async () => {
    const id = await newCase(t.fuyi, { receivedDate: '2025-09-22' });
    await actOk(t.fuyi, id, 'accept', { date: '2025-09-24', procedure: 'summary' });
    const d = await actOk(t.fuyi, id, 'sendCopy', { date: '2025-09-26' });
    expect(deadline(d, 'answer')).toMatchObject({ dueDate: '2025-10-10', cite: '行政复议法 第五十四条' });
  });

  it('系统依第五十三条建议简易程序：款额3000元以下且事实清楚；政府信息公开；当事人各方同意 (行政复议法 第五十三条)', async () => {
    expect(proposeProcedure({ actType: 'penalty', amount: 3000, factsClear: true }).procedure).toBe('summary');
    expect(proposeProcedure({ actType: 'penalty', amount: 3000.01, factsClear: true }).procedure).toBe('ordinary');
    expect(proposeProcedure({ actType: 'penalty', amount: 2000 }).procedure).toBe('ordinary');
    expect(proposeProcedure({ actType: 'infoDisclosure', factsClear: true })).toMatchObject({ procedure: 'summary', cite: '行政复议法 第五十三条第一款' });
    expect(proposeProcedure({ actType: 'penalty', onTheSpot: true, factsClear: true }).procedure).toBe('summary');
    expect(proposeProcedure({ actType: 'penalty', warningOrCriticism: true, factsClear: true }).procedure).toBe('summary');
    expect(proposeProcedure({ actType: 'licensing', partiesAgree: true })).toMatchObject({ procedure: 'summary', cite: '行政复议法 第五十三条第二款' });
    expect(proposeProcedure({ actType: 'licensing', factsClear: true }).procedure).toBe('ordinary');
    // The registration stores the proposal; 受理 without a choice follows it.
    const id = await newCase(t.fuyi, { receivedDate: '2025-05-06', actAmount: 500, factsClear: true });
    const d = await detail(t.fuyi, id);
    expect(d.proposedProcedure).toBe('summary');
    expect(d.triage.proposal.reasons.join('')).toContain('三千元以下');
    const accepted = await actOk(t.fuyi, id, 'accept', { date: '2025-05-07' });
    expect(accepted.procedure).toBe('summary');
  });

  it('简易程序经负责人批准转为普通程序，审结期限变为受理之日起60日 (行政复议法 第五十五条、第六十二条)', async () => {
    const id = await newCase(t.fuyi, { receivedDate: '2025-03-01' });
    await actOk(t.fuyi, id, 'accept', { date: '2025-03-03', procedure: 'summary' });
    const denied = await act(t.fuyi, id, 'convert', { date: '2025-03-10', reason: '案情复杂' });
    expect(denied.statusCode).toBe(403);
    const d = await actOk(t.fuyihead, id, 'convert', { date: '2025-03-10', reason: '案情复杂，需要听证' });
    expect(d).toMatchObject({ procedure: 'ordinary', converted: true, stateLabel: '审理中（普通程序）' });
    // 03-03 + 60 = 05-02 (劳动节) → 05-06.
    expect(deadline(d, 'decide')).toMatchObject({ dueDate: '2025-05-06', extendedDays: 30 });
    const again = await act(t.fuyihead, id, 'convert', { date: '2025-03-12', reason: '重复' });
    expect(again.statusCode).toBe(400);
    expect(again.json().message).toContain('第五十五条');
  });

  it('延期审理须经负责人批准、只能延长一次且不超过30日；简易程序不得延期 (行政复议法 第六十二条)', async () => {
    const id = await newCase(t.fuyi, { receivedDate: '2025-03-01' });
    await actOk(t.fuyi, id, 'accept', { date: '2025-03-03', procedure: 'ordinary' });
    expect((await act(t.fuyi, id, 'extend', { date: '2025-04-25', reason: '案情复杂' })).statusCode).toBe(403);
    const d = await actOk(t.fuyihead, id, 'extend', { date: '2025-04-25', reason: '案情复杂，需补充调查' });
    // 03-03 + 90 = 06-01 (Sunday), 端午 05-31…06-02 → 06-03.
    expect(deadline(d, 'decide')).toMatchObject({ dueDate: '2025-06-03', extendedDays: 30 });
    expect(d.extended).toBe(true);
    expect(d.issued.map((i: { type: string }) => i.type)).toEqual(['adminReview.extensionNotice']);
    const twice = await act(t.fuyihead, id, 'extend', { date: '2025-05-20', reason: '再次延期' });
    expect(twice.statusCode).toBe(400);
    expect(twice.json()).toMatchObject({ code: 'WORKFLOW_GUARD', message: '审理期限只能延长一次，且延长期限最多不超过三十日（行政复议法 第六十二条第一款）' });

    const summary = await newCase(t.fuyi, { receivedDate: '2025-03-01' });
    await actOk(t.fuyi, summary, 'accept', { date: '2025-03-03', procedure: 'summary' });
    const refused = await act(t.fuyihead, summary, 'extend', { date: '2025-03-20', reason: '案情复杂' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().message).toContain('简易程序案件不得延期');
  });

  it('中止停止计时，恢复后按剩余日数继续计算 (行政复议法 第三十九条)', async () => {
    const id = await newCase(t.fuyi, { receivedDate: '2025-03-01' });
    await actOk(t.fuyi, id, 'accept', { date: '2025-03-03', procedure: 'ordinary' });
    let d = await actOk(t.fuyi, id, 'suspend', { date: '2025-03-13', ground: 'g6', reason: '双方同意和解' });
    expect(d.state).toBe('suspended');
    expect(deadline(d, 'decide')).toMatchObject({ status: 'paused' });
    expect(deadline(d, 'suspensionLimit')).toBeUndefined();
    expect(d.issued.map((i: { type: string }) => i.type)).toEqual(['adminReview.suspendNotice']);
    d = await actOk(t.fuyi, id, 'resume', { date: '2025-06-03' });
    // 10 days used (03-03 → 03-13); 50 remain from 06-03 → 07-23.
    expect(deadline(d, 'decide')).toMatchObject({ status: 'open', dueDate: '2025-07-23' });
  });

  it('因申请人死亡等情形中止满60日的，应当终止 (行政复议法 第四十一条)', async () => {
    const id = await newCase(t.fuyi, { receivedDate: '2025-03-01' });
    await actOk(t.fuyi, id, 'accept', { date: '2025-03-03', procedure: 'ordinary' });
    const d = await actOk(t.fuyi, id, 'suspend', { date: '2025-03-13', ground: 'g1' });
    expect(deadline(d, 'suspensionLimit')).toMatchObject({ status: 'open', dueDate: '2025-05-12', cite: '行政复议法 第四十一条' });
    const ended = await actOk(t.fuyi, id, 'terminate', { date: '2025-05-12', ground: 'suspensionLapsed' });
    expect(ended).toMatchObject({ state: 'terminated', outcome: 'suspensionLapsed' });
    expect(ended.decisionNumber).toMatch(/^武政复〔2025〕\d+号$/);
  });

  it('听证通知应在听证五个工作日前送达，跨国庆计算 (行政复议法 第五十一条)', async () => {
    const id = await newCase(t.fuyi, { receivedDate: '2025-09-15' });
    await actOk(t.fuyi, id, 'accept', { date: '2025-09-17', procedure: 'ordinary' });
    const tooSoon = await act(t.fuyi, id, 'scheduleHearing', { date: '2025-09-26', hearingDate: '2025-10-09', place: '县行政复议局听证室' });
    expect(tooSoon.statusCode).toBe(400);
    expect(tooSoon.json().message).toBe('听证通知应当在举行听证的五个工作日前送达（行政复议法 第五十一条）');
    const d = await actOk(t.fuyi, id, 'scheduleHearing', { date: '2025-09-26', hearingDate: '2025-10-10', place: '县行政复议局听证室' });
    expect(d.issued.map((i: { type: string }) => i.type)).toEqual(['adminReview.hearingNotice']);
    expect(d.records.hearings[0]).toMatchObject({ hearingDate: '2025-10-10' });
  });

  it('附带审查规范性文件时案件中止，3个工作日内通知制定机关，制定机关10个工作日内答复 (行政复议法 第五十六条、第五十八条)', async () => {
    const id = await newCase(t.fuyi, { receivedDate: '2025-09-15' });
    await actOk(t.fuyi, id, 'accept', { date: '2025-09-17', procedure: 'ordinary' });
    let d = await actOk(t.fuyi, id, 'normativeReview', { date: '2025-09-26', documentTitle: '武义县农村宅基地管理办法', handling: 'self', drafter: '武义县人民政府' });
    expect(d.state).toBe('suspended');
    expect(deadline(d, 'decide').status).toBe('paused');
    expect(deadline(d, 'notifyDrafter')).toMatchObject({ dueDate: '2025-09-30', cite: '行政复议法 第五十八条' });
    expect(deadline(d, 'normativeHandle')).toMatchObject({ dueDate: '2025-10-27', cite: '行政复议法 第五十六条' });
    d = await actOk(t.fuyi, id, 'notifyDrafter', { date: '2025-09-30', drafter: '武义县人民政府' });
    expect(deadline(d, 'drafterAnswer')).toMatchObject({ dueDate: '2025-10-21' });
  });
});

describe('决定与状态机（行政复议法 第六十一条至第六十九条）', () => {
  it('行政复议决定以县人民政府名义作出并编号（武政复〔2025〕N号），案件仍属司法局 (行政复议法 第六十一条)', async () => {
    const id = await newCase(t.fuyi, { receivedDate: '2025-06-02' });
    await actOk(t.fuyi, id, 'accept', { date: '2025-06-04', procedure: 'ordinary' });
    const d = await actOk(t.fuyi, id, 'decide', { date: '2025-07-20', kind: 'revoke', findings: '被申请人抽样程序违法。', reasoning: '主要证据不足。' });
    expect(d).toMatchObject({ state: 'decided', outcome: 'revoke', concludedDate: '2025-07-20', outcomeLabel: '撤销', orgName: '武义县司法局', authorityName: '武义县人民政府' });
    expect(d.decisionNumber).toMatch(/^武政复〔2025〕\d+号$/);
    const ins = d.instruments.find((i: { type: string }) => i.type === 'adminReview.decision');
    expect(ins).toMatchObject({ number: d.decisionNumber, issuerName: '武义县人民政府', title: '行政复议决定书' });
    const [row] = await t.database.db.select().from(adminReviewCases).where(eq(adminReviewCases.id, id));
    const [bureau] = await t.database.db.select().from(orgs).where(eq(orgs.id, row.orgId));
    expect(bureau.name).toBe('武义县司法局');
    expect(deadline(d, 'decide')).toMatchObject({ status: 'met', metAt: '2025-07-20' });
  });

  it('决定只能是法定类型之一；未受理不能作出决定（中文提示）', async () => {
    const id = await newCase(t.fuyi, { receivedDate: '2025-06-02' });
    const early = await act(t.fuyi, id, 'decide', { date: '2025-06-03', kind: 'uphold', findings: '事实', reasoning: '理由' });
    expect(early.statusCode).toBe(400);
    expect(early.json()).toMatchObject({ code: 'WORKFLOW_ILLEGAL_TRANSITION', message: '当前状态为「待受理审查」，不能执行「作出行政复议决定」' });
    await actOk(t.fuyi, id, 'accept', { date: '2025-06-04', procedure: 'ordinary' });
    const bad = await act(t.fuyi, id, 'decide', { date: '2025-06-20', kind: 'cancelIt', findings: '事实', reasoning: '理由' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('请选择一种决定类型');
    expect((await detail(t.fuyi, id)).state).toBe('hearing');
  });

  it('意见书送达后被申请人60日内报送整改情况 (行政复议法 第七十六条)', async () => {
    const id = await newCase(t.fuyi, { receivedDate: '2025-04-01' });
    const early = await t.fuyi.post(`/api/admin-review/cases/${id}/follow-ups`, { kind: 'opinion', date: '2025-06-01', issue: '问题', recommendation: '意见' });
    expect(early.statusCode).toBe(400);
    await actOk(t.fuyi, id, 'accept', { date: '2025-04-03', procedure: 'ordinary' });
    await actOk(t.fuyi, id, 'decide', { date: '2025-05-30', kind: 'confirmIllegal', findings: '程序违法。', reasoning: '未告知陈述申辩权利。' });
    const res = await t.fuyi.post(`/api/admin-review/cases/${id}/follow-ups`, { kind: 'opinion', date: '2025-06-01', issue: '执法程序不规范', recommendation: '规范告知程序' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().instrument.number).toMatch(/^武政复意〔2025〕\d+号$/);
    const d = await detail(t.fuyi, id);
    expect(d.followUps).toHaveLength(1);
    expect(d.followUps[0].deadlines[0]).toMatchObject({ rule: 'fixReport', dueDate: '2025-07-31', cite: '行政复议法 第七十六条' });
    // 责令限期履行 (第七十七条), then the feedback closes the supervision.
    const wf = d.followUps[0];
    const ordered = await t.fuyi.post(`/api/workflow/instances/${wf.id}/transitions/orderPerformance`, { version: wf.version, data: { date: '2025-08-05', limitDate: '2025-08-31', reason: '逾期未报送整改情况' } });
    expect(ordered.statusCode, ordered.body).toBe(200);
    expect(ordered.json().instruments[0].number).toMatch(/^武政复责〔2025〕\d+号$/);
  });
});
