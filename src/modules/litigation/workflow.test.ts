import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Client, type TestContext } from '../../platform/testing/harness';
import { deadline, litigationUsers, registerVia, step, stepOk } from './test-helpers';

let t: TestContext;
let yingsu: Client;

beforeAll(async () => {
  t = await createTestContext({ seedModules: false });
  ({ yingsu } = await litigationUsers(t));
});
afterAll(() => t?.close());

describe('行政应诉期限', () => {
  it('答辩期15日自收到起诉状副本之次日起算 (行政诉讼法 第六十七条；民法典 第二百零一条)', async () => {
    const d = await registerVia(yingsu, { receivedDate: '2025-06-03' });
    expect(deadline(d, 'defence')).toMatchObject({ dueDate: '2025-06-18', unit: 'calendarDay', days: 15, cite: '行政诉讼法 第六十七条', status: 'open' });
    expect(d.workflow!.state).toBe('firstInstance');
  });

  it('答辩期末日逢国庆假期顺延至假期后第一个工作日 (行政诉讼法 第一百零一条 → 民事诉讼法 第八十五条；民法典 第二百零三条)', async () => {
    // 2025-09-16 + 15 = 2025-10-01 (国庆、中秋 10-01…10-08) → 2025-10-09.
    const d = await registerVia(yingsu, { receivedDate: '2025-09-16' });
    expect(deadline(d, 'defence')?.dueDate).toBe('2025-10-09');
  });

  it('答辩期末日逢春节假期顺延 (民法典 第二百零三条)', async () => {
    // 2026-02-01 + 15 = 2026-02-16 (春节 02-15…02-23) → 2026-02-24.
    const d = await registerVia(yingsu, { receivedDate: '2026-02-01' });
    expect(deadline(d, 'defence')?.dueDate).toBe('2026-02-24');
  });

  it('末日为春节调休上班的星期六，不顺延 (民法典 第二百零三条：仅法定休假日顺延)', async () => {
    // 2026-01-30 + 15 = 2026-02-14, a Saturday worked in exchange for the 春节 holiday.
    const d = await registerVia(yingsu, { receivedDate: '2026-01-30' });
    expect(deadline(d, 'defence')?.dueDate).toBe('2026-02-14');
  });

  it('提交答辩状及证据后答辩期限完成 (行政诉讼法 第六十七条)', async () => {
    let d = await registerVia(yingsu, { receivedDate: '2025-06-03' });
    d = await stepOk(yingsu, d, 'submitDefence', { date: '2025-06-12', evidenceCount: 12 });
    expect(deadline(d, 'defence')).toMatchObject({ status: 'met' });
  });

  it('普通程序一审审限自立案之日起六个月，到期月的对应日届满 (行政诉讼法 第八十一条；民法典 第二百零二条)', async () => {
    const d = await registerVia(yingsu, { receivedDate: '2025-03-06', filedDate: '2025-03-03' });
    // 2025-03-03 + 6 months = 2025-09-03 (Wednesday).
    expect(deadline(d, 'firstInstanceTerm')).toMatchObject({ dueDate: '2025-09-03', unit: 'month', days: 6, cite: '行政诉讼法 第八十一条' });
    expect(deadline(d, 'summaryTerm')).toBeUndefined();
  });

  it('简易程序审限45日 (行政诉讼法 第八十三条)', async () => {
    const d = await registerVia(yingsu, { receivedDate: '2025-08-19', filedDate: '2025-08-17', procedure: 'summary', actType: 'informationDisclosure' });
    // 2025-08-17 + 45 = 2025-10-01 (国庆) → 2025-10-09.
    expect(deadline(d, 'summaryTerm')).toMatchObject({ dueDate: '2025-10-09', cite: '行政诉讼法 第八十三条' });
    expect(deadline(d, 'firstInstanceTerm')).toBeUndefined();
  });

  it('一审判决送达后上诉期15日 (行政诉讼法 第八十五条)', async () => {
    let d = await registerVia(yingsu, { receivedDate: '2025-03-06', filedDate: '2025-03-03' });
    d = await stepOk(yingsu, d, 'firstJudgment', { judgmentDate: '2025-06-05', servedDate: '2025-06-10', outcome: 'dismissClaim' });
    expect(d.workflow!.state).toBe('firstJudged');
    expect(deadline(d, 'appealJudgment')).toMatchObject({ dueDate: '2025-06-25', days: 15, cite: '行政诉讼法 第八十五条' });
    expect(deadline(d, 'appealRuling')).toBeUndefined();
    expect(deadline(d, 'firstInstanceTerm')?.status).toBe('met');
  });

  it('一审裁定送达后上诉期10日，末日为星期六顺延至星期一 (行政诉讼法 第八十五条；民法典 第二百零三条)', async () => {
    let d = await registerVia(yingsu, { receivedDate: '2025-03-06' });
    d = await stepOk(yingsu, d, 'firstJudgment', { judgmentDate: '2025-06-09', servedDate: '2025-06-11', outcome: 'dismissSuit' });
    expect(deadline(d, 'appealRuling')).toMatchObject({ dueDate: '2025-06-23', days: 10 });
    expect(deadline(d, 'appealJudgment')).toBeUndefined();
  });

  it('上诉后进入二审，二审审限三个月（按90日提示） (行政诉讼法 第八十八条)', async () => {
    let d = await registerVia(yingsu, { receivedDate: '2025-03-06' });
    d = await stepOk(yingsu, d, 'firstJudgment', { judgmentDate: '2025-06-05', servedDate: '2025-06-10', outcome: 'dismissClaim' });
    d = await stepOk(yingsu, d, 'appeal', { date: '2025-06-20', appellant: 'plaintiff' });
    expect(d.workflow!.state).toBe('secondInstance');
    expect(d.case.level).toBe('second');
    expect(deadline(d, 'appealJudgment')).toMatchObject({ status: 'met', dueDate: '2025-06-25' });
    // 2025-06-20 + 3 months = 2025-09-20, a Saturday → the next working day 2025-09-22 (民法典 第二百零三条).
    expect(deadline(d, 'secondInstanceTerm')).toMatchObject({ dueDate: '2025-09-22', status: 'open' });
    d = await stepOk(yingsu, d, 'secondJudgment', { date: '2025-09-01', disposition: 'upheld' });
    expect(d.case).toMatchObject({ status: 'closed', outcome: 'dismissClaim', closedDate: '2025-09-01' });
    expect(d.workflow!.deadlines.every((x) => x.status !== 'open')).toBe(true);
  });
});

describe('行政应诉状态机', () => {
  it('未作一审裁判不能上诉，拒绝并给出中文说明', async () => {
    const d = await registerVia(yingsu, { receivedDate: '2025-04-01' });
    const r = await step(yingsu, d, 'appeal', { date: '2025-05-01', appellant: 'organ' });
    expect(r.statusCode).toBe(400);
    expect(r.json()).toMatchObject({ code: 'WORKFLOW_ILLEGAL_TRANSITION', message: '当前状态为「一审审理中」，不能执行「提起上诉」' });
  });

  it('调解仅限赔偿、补偿及自由裁量案件，缺少类型时拒绝 (行政诉讼法 第六十条)', async () => {
    const d = await registerVia(yingsu, { receivedDate: '2025-04-01' });
    const r = await step(yingsu, d, 'mediate', { date: '2025-05-01' });
    expect(r.statusCode).toBe(400);
    expect(r.json().message).toContain('行政诉讼法第六十条');
  });

  it('二审改判须写明改判结果；改判撤销计为败诉结案', async () => {
    let d = await registerVia(yingsu, { receivedDate: '2025-03-06' });
    d = await stepOk(yingsu, d, 'firstJudgment', { judgmentDate: '2025-06-05', servedDate: '2025-06-10', outcome: 'dismissClaim' });
    d = await stepOk(yingsu, d, 'appeal', { date: '2025-06-20', appellant: 'plaintiff' });
    const bad = await step(yingsu, d, 'secondJudgment', { date: '2025-09-01', disposition: 'reversed' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.fields.map((f: { path: string }) => f.path)).toContain('outcome');
    d = await stepOk(yingsu, d, 'secondJudgment', { date: '2025-09-01', disposition: 'reversed', outcome: 'revoke' });
    expect(d.case).toMatchObject({ status: 'closed', outcome: 'revoke' });
  });

  it('原告撤诉区分行政机关是否改变被诉行为 (行政诉讼法 第六十二条)', async () => {
    let d = await registerVia(yingsu, { receivedDate: '2025-04-01' });
    d = await stepOk(yingsu, d, 'withdraw', { date: '2025-05-20', changedAct: true });
    expect(d.case).toMatchObject({ status: 'closed', outcome: 'withdrawnChanged', closedDate: '2025-05-20' });
    // The 答辩 was never filed: the withdrawal ends the period (cancelled, no longer shown), it does not "meet" it.
    expect(deadline(d, 'defence')).toBeUndefined();
    const again = await step(yingsu, d, 'withdraw', { date: '2025-05-21', changedAct: false });
    expect(again.statusCode).toBe(400);
  });

  it('决定不上诉完成上诉期限，裁判生效后结案，审结日期为一审判决日', async () => {
    let d = await registerVia(yingsu, { receivedDate: '2025-03-06' });
    d = await stepOk(yingsu, d, 'firstJudgment', { judgmentDate: '2025-06-05', servedDate: '2025-06-10', outcome: 'confirmIllegal' });
    d = await stepOk(yingsu, d, 'waiveAppeal', { date: '2025-06-15', reason: '判决确认违法但未撤销，整改后不上诉' });
    expect(deadline(d, 'appealJudgment')).toMatchObject({ status: 'met' });
    d = await stepOk(yingsu, d, 'judgmentEffective', { date: '2025-06-26' });
    expect(d.case).toMatchObject({ status: 'closed', outcome: 'confirmIllegal', closedDate: '2025-06-05' });
  });

  it('版本不一致返回409，案件不变', async () => {
    const d = await registerVia(yingsu, { receivedDate: '2025-04-01' });
    await stepOk(yingsu, d, 'submitDefence', { date: '2025-04-10', evidenceCount: 3 });
    const stale = await step(yingsu, d, 'withdraw', { date: '2025-05-20', changedAct: false });
    expect(stale.statusCode).toBe(409);
  });
});
