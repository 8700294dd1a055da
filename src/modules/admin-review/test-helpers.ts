/** Small factories for the 行政复议 tests: a test context with the 复议科 accounts, and cases built through the API. */
import { expect } from 'vitest';
import { createTestContext, type Client, type TestContext } from '../../platform/testing/harness';
import { createReviewUsers } from './seed';
import type { ApplicationInput } from './service';

export interface ReviewTestContext extends TestContext {
  fuyi: Client;
  fuyihead: Client;
}

export async function reviewTestContext(): Promise<ReviewTestContext> {
  const t = await createTestContext({ seedModules: false });
  await createReviewUsers(t.database.db, t.config.demoPassword);
  return Object.assign(t, { fuyi: await t.login('fuyi'), fuyihead: await t.login('fuyihead') });
}

export const application = (over: Partial<ApplicationInput> = {}): ApplicationInput => ({
  receivedDate: '2025-03-03',
  applicantType: 'person',
  applicantName: '张建国',
  applicantIdNumber: '330723197805061234',
  applicantPhone: '13812345678',
  applicantAddress: '浙江省武义县壶山街道解放街12号',
  respondentName: '武义县市场监督管理局',
  actType: 'penalty',
  actNumber: '武市监罚决字〔2025〕12号',
  actDate: '2025-02-10',
  actAmount: 5000,
  request: '请求撤销被申请人作出的行政处罚决定',
  reasons: '认定事实不清，证据不足。',
  ...over,
});

export async function newCase(c: Client, over: Partial<ApplicationInput> = {}): Promise<string> {
  const res = await c.post('/api/admin-review/cases', application(over));
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

export async function detail(c: Client, id: string) {
  const res = await c.get(`/api/admin-review/cases/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** Fires an action with the current version; returns the raw response. */
export async function act(c: Client, id: string, action: string, data: Record<string, unknown> = {}) {
  const d = await detail(c, id);
  return c.post(`/api/admin-review/cases/${id}/actions/${action}`, { version: d.workflow.version, data });
}

export async function actOk(c: Client, id: string, action: string, data: Record<string, unknown> = {}) {
  const res = await act(c, id, action, data);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

export const deadline = (d: { workflow: { deadlines: { rule: string; status: string }[] } }, rule: string) =>
  d.workflow.deadlines.filter((x) => x.rule === rule).at(-1) as unknown as Record<string, unknown> & { dueDate: string; status: string };
