import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { sampleWorkflow } from './sample-workflow';
import { createTestContext, type Client, type TestContext } from '../testing/harness';
import { startInstance } from './engine';
import { loadAuthContext } from '../auth/context';
import { users } from '../auth/schema';
import { orgs } from '../orgs/schema';
import { registerInstrumentType } from '../instruments/registry';
import { wfDeadlines, wfInstances } from './schema';

registerInstrumentType({
  type: 'sampleNotice',
  label: '示例受理通知书',
  typeShort: '示',
  numbered: true,
  title: () => '受理通知书',
  body: (f) => [{ kind: 'paragraph', text: `你单位提交的${String(f.title)}已受理。` }],
});

let t: TestContext;
let hushan: Client;
let hushanOrg: { id: string; regionCode: string };

beforeAll(async () => {
  void sampleWorkflow;
  t = await createTestContext({ seedModules: false });
  hushan = await t.login('hushan');
  const [o] = await t.database.db.select().from(orgs).where(eq(orgs.name, '壶山司法所'));
  hushanOrg = o;
});
afterAll(() => t?.close());

async function newCase(orgName: string, date: string, username = 'hushan') {
  const [org] = await t.database.db.select().from(orgs).where(eq(orgs.name, orgName));
  const [u] = await t.database.db.select().from(users).where(eq(users.username, username));
  const auth = (await loadAuthContext(t.database.db, u.id))!;
  return t.database.db.transaction((tx) =>
    startInstance(tx, auth.actor, { workflow: 'sample', entityId: crypto.randomUUID(), title: `示例案件 ${crypto.randomUUID().slice(0, 6)}`, orgId: org.id, regionCode: org.regionCode, date }),
  );
}

async function view(c: Client, id: string) {
  const res = await c.get(`/api/workflow/instances/${id}`);
  expect(res.statusCode).toBe(200);
  return res.json();
}

const fire = (c: Client, id: string, transition: string, version: number, data: Record<string, unknown>) =>
  c.post(`/api/workflow/instances/${id}/transitions/${transition}`, { version, data });

describe('流程引擎：法定期限', () => {
  it('受理审查5个工作日跨国庆调休：9月27日收到 → 10月10日届满 (行政复议法 第三十条、第八十八条；民法典 第二百零一条)', async () => {
    const inst = await newCase('壶山司法所', '2024-09-27');
    const v = await view(hushan, inst.id);
    const review = v.deadlines.find((d: { rule: string }) => d.rule === 'review');
    expect(review).toMatchObject({ dueDate: '2024-10-10', unit: 'workingDay', days: 5, cite: '行政复议法 第三十条', status: 'open', provisional: false });
  });

  it('补正后受理审查期限自收到补正材料之日重新计算 (行政复议法 第三十一条)', async () => {
    const inst = await newCase('壶山司法所', '2025-01-20');
    let r = await fire(hushan, inst.id, 'requestAmend', 1, { date: '2025-01-22' });
    expect(r.statusCode).toBe(200);
    r = await fire(hushan, inst.id, 'amended', 2, { date: '2025-02-05' });
    expect(r.statusCode).toBe(200);
    const deadlines = r.json().deadlines as { rule: string; status: string; dueDate: string; metAt: string }[];
    expect(deadlines.find((d) => d.rule === 'review')).toMatchObject({ status: 'met', metAt: '2025-01-22' });
    // 2025-02-05 (Wed) + 5 working days: 02-06, 02-07, 02-08 (Saturday, 春节调休上班), 02-10, 02-11.
    expect(deadlines.find((d) => d.rule === 'reviewAfterAmend')).toMatchObject({ status: 'open', dueDate: '2025-02-11' });
  });

  it('受理时签发有编号的通知书；审结期限60日，末日为法定休假日顺延 (行政复议法 第六十二条；民法典 第二百零三条)', async () => {
    const inst = await newCase('壶山司法所', '2024-07-29');
    const r = await fire(hushan, inst.id, 'accept', 1, { date: '2024-08-02' });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().instruments).toHaveLength(1);
    expect(r.json().instruments[0].number).toMatch(/〔2024〕\d+号$/);
    const decide = r.json().deadlines.find((d: { rule: string }) => d.rule === 'decide');
    // 2024-08-02 + 60 days = 2024-10-01 (国庆) → first working day after the holiday: 2024-10-08.
    expect(decide).toMatchObject({ dueDate: '2024-10-08', unit: 'calendarDay' });
  });

  it('中止停止计时，恢复后按剩余天数继续计算 (行政复议法 第三十九条)', async () => {
    const inst = await newCase('壶山司法所', '2024-03-01');
    await fire(hushan, inst.id, 'accept', 1, { date: '2024-03-04' }); // due 2024-05-03 (60 days)
    let r = await fire(hushan, inst.id, 'suspend', 2, { date: '2024-03-14' });
    const paused = r.json().deadlines.find((d: { rule: string }) => d.rule === 'decide');
    expect(paused.status).toBe('paused');
    expect(r.json().suspended).toBe(true);
    r = await fire(hushan, inst.id, 'resume', 3, { date: '2024-06-03' });
    const resumed = r.json().deadlines.find((d: { rule: string }) => d.rule === 'decide');
    // 10 days used (03-04 → 03-14), 50 remain from 06-03 → 07-23.
    expect(resumed).toMatchObject({ status: 'open', dueDate: '2024-07-23' });
  });

  it('延期须经负责人批准，延长30日 (行政复议法 第六十二条)', async () => {
    const inst = await newCase('壶山司法所', '2024-03-01');
    await fire(hushan, inst.id, 'accept', 1, { date: '2024-03-04' });
    const denied = await fire(hushan, inst.id, 'extend', 2, { date: '2024-04-20' });
    expect(denied.statusCode).toBe(403);
    const director = await t.login('director');
    const ok = await fire(director, inst.id, 'extend', 2, { date: '2024-04-20' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().deadlines.find((d: { rule: string }) => d.rule === 'decide')).toMatchObject({ dueDate: '2024-06-03', extendedDays: 30 });
  });

  it('期限跨入未加载日历的年份时标记为暂定，管理员导入该年日历后重新计算 (DOMAIN §0)', async () => {
    const inst = await newCase('壶山司法所', '2026-12-28');
    const before = (await view(hushan, inst.id)).deadlines.find((d: { rule: string }) => d.rule === 'review');
    expect(before).toMatchObject({ provisional: true, dueDate: '2027-01-04' });
    const admin = await t.login('admin');
    const imp = await admin.post('/api/calendar/years/2027/import', {
      source: '测试数据',
      holidays: [{ name: '元旦', from: '2027-01-01', to: '2027-01-03' }, { name: '测试假日', from: '2027-01-04', to: '2027-01-04' }],
      workdays: [],
    });
    expect(imp.statusCode).toBe(200);
    const after = (await view(hushan, inst.id)).deadlines.find((d: { rule: string }) => d.rule === 'review');
    // 12-29, 12-30, 12-31, then 01-01…01-04 are holidays: 01-05, 01-06.
    expect(after).toMatchObject({ provisional: false, dueDate: '2027-01-06' });
  });
});

describe('流程引擎：状态机', () => {
  it('非法操作被拒绝并给出中文说明，状态不变', async () => {
    const inst = await newCase('壶山司法所', '2024-05-06');
    const r = await fire(hushan, inst.id, 'decide', 1, { date: '2024-05-07' });
    expect(r.statusCode).toBe(400);
    expect(r.json()).toMatchObject({ code: 'WORKFLOW_ILLEGAL_TRANSITION', message: '当前状态为「已申请」，不能执行「作出决定」' });
    expect((await view(hushan, inst.id)).state).toBe('submitted');
  });

  it('缺少必填信息时列出字段并不写入', async () => {
    const inst = await newCase('壶山司法所', '2024-05-06');
    const r = await fire(hushan, inst.id, 'reject', 1, { date: '2024-05-07' });
    expect(r.statusCode).toBe(400);
    expect(r.json().code).toBe('VALIDATION_FAILED');
    expect(r.json().details.fields.map((f: { path: string }) => f.path)).toContain('reason');
    expect((await view(hushan, inst.id)).version).toBe(1);
  });

  it('版本不一致返回 409（两人同时办理同一案件）', async () => {
    const inst = await newCase('壶山司法所', '2024-05-06');
    const first = await fire(hushan, inst.id, 'accept', 1, { date: '2024-05-07' });
    expect(first.statusCode).toBe(200);
    const second = await fire(hushan, inst.id, 'reject', 1, { date: '2024-05-07', reason: '重复申请' });
    expect(second.statusCode).toBe(409);
    expect(second.json().code).toBe('VERSION_CONFLICT');
  });

  it('并发执行同一版本的两个操作，只有一个成功', async () => {
    const inst = await newCase('壶山司法所', '2024-05-06');
    const results = await Promise.all([fire(hushan, inst.id, 'accept', 1, { date: '2024-05-07' }), fire(hushan, inst.id, 'reject', 1, { date: '2024-05-07', reason: '不符合受理条件' })]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const [row] = await t.database.db.select().from(wfInstances).where(eq(wfInstances.id, inst.id));
    expect(row.version).toBe(2);
  });

  it('一个操作是一个事务：文书生成失败时状态、历史、期限都不改变', async () => {
    const inst = await newCase('壶山司法所', '2024-05-06');
    // Make the 文书 step fail (an unregistered type) after state, history and deadlines were written.
    const { getWorkflow } = await import('./registry');
    const def = getWorkflow('sample');
    const accept = def.transitions.find((x) => x.key === 'accept')!;
    const saved = accept.instruments;
    accept.instruments = [{ type: 'noSuchInstrumentType' }];
    try {
      const r = await fire(hushan, inst.id, 'accept', 1, { date: '2024-05-07' });
      expect(r.statusCode).toBeGreaterThanOrEqual(400);
    } finally {
      accept.instruments = saved;
    }
    const v = await view(hushan, inst.id);
    expect(v).toMatchObject({ state: 'submitted', version: 1 });
    expect(v.history).toHaveLength(1);
    const open = await t.database.db.select().from(wfDeadlines).where(eq(wfDeadlines.instanceId, inst.id));
    expect(open.map((d) => d.rule)).toEqual(['review']);
  });

  it('进入终结状态后所有期限关闭，案件离开待办', async () => {
    const inst = await newCase('壶山司法所', '2024-05-06');
    await fire(hushan, inst.id, 'accept', 1, { date: '2024-05-07' });
    const r = await fire(hushan, inst.id, 'decide', 2, { date: '2024-06-01' });
    expect(r.json().isFinal).toBe(true);
    expect(r.json().deadlines.every((d: { status: string }) => d.status === 'met')).toBe(true);
    const todos = (await hushan.get('/api/workbench/todos?pageSize=200')).json();
    expect(todos.items.some((i: { instanceId: string }) => i.instanceId === inst.id)).toBe(false);
  });
});

describe('工作台待办与数据范围', () => {
  it('待办按期限排序并标红灯/黄灯；壶山司法所看不到白洋司法所的案件', async () => {
    const overdue = await newCase('壶山司法所', '2024-01-02');
    const other = await newCase('白洋司法所', '2024-01-02', 'baiyang');
    const res = await hushan.get('/api/workbench/todos?pageSize=200');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const mine = body.items.find((i: { instanceId: string }) => i.instanceId === overdue.id);
    expect(mine.deadline).toMatchObject({ light: 'red', cite: '行政复议法 第三十条' });
    expect(mine.link).toBe(`/sample/${overdue.entityId}`);
    expect(body.items.some((i: { instanceId: string }) => i.instanceId === other.id)).toBe(false);
    const dues = body.items.map((i: { deadline: { dueDate: string } | null }) => i.deadline?.dueDate ?? '9999');
    expect([...dues].sort()).toEqual(dues);
    // …nor by id.
    expect((await hushan.get(`/api/workflow/instances/${other.id}`)).statusCode).toBe(404);
    const summary = (await hushan.get('/api/workbench/summary')).json();
    expect(summary.red).toBeGreaterThanOrEqual(1);
  });

  it('剩余不超过3个工作日为黄灯', async () => {
    const { todayInChina } = await import('../calendar/service');
    const inst = await newCase('壶山司法所', todayInChina());
    await t.database.db.execute(sql`update wf_deadlines set due_date = ${todayInChina()} where instance_id = ${inst.id}`);
    const yellow = (await hushan.get('/api/workbench/todos?light=yellow&pageSize=200')).json();
    expect(yellow.items.some((i: { instanceId: string }) => i.instanceId === inst.id)).toBe(true);
    expect(yellow.items.every((i: { deadline: { light: string } }) => i.deadline.light === 'yellow')).toBe(true);
  });

  it('局长（全部范围）以督办模式看到所有司法所的案件', async () => {
    const a = await newCase('壶山司法所', '2024-02-01');
    const b = await newCase('白洋司法所', '2024-02-01', 'baiyang');
    const director = await t.login('director');
    const body = (await director.get('/api/workbench/todos?pageSize=200&mode=watch')).json();
    const ids = body.items.map((i: { instanceId: string }) => i.instanceId);
    expect(ids).toEqual(expect.arrayContaining([a.id, b.id]));
    void hushanOrg;
  });
});

describe('通用流程接口', () => {
  it('业务条线自己维护案件字段的流程不能通过通用接口办理', async () => {
    const { registerWorkflow } = await import('./registry');
    registerWorkflow({ ...sampleWorkflow, key: 'sampleModuleOnly', genericTransitions: false });
    const [org] = await t.database.db.select().from(orgs).where(eq(orgs.name, '壶山司法所'));
    const [u] = await t.database.db.select().from(users).where(eq(users.username, 'hushan'));
    const auth = (await loadAuthContext(t.database.db, u.id))!;
    const inst = await t.database.db.transaction((tx) => startInstance(tx, auth.actor, { workflow: 'sampleModuleOnly', entityId: crypto.randomUUID(), title: '只能在业务页面办理', orgId: org.id, regionCode: org.regionCode, date: '2024-05-06' }));
    const r = await fire(hushan, inst.id, 'accept', 1, { date: '2024-05-07' });
    expect(r.statusCode).toBe(400);
    expect(r.json().code).toBe('WORKFLOW_USE_MODULE_ENDPOINT');
    expect((await view(hushan, inst.id)).state).toBe('submitted');
  });
});
