/** Factories for the 社区矫正 tests: a context with this line's accounts, subjects received through the API. */
import { expect } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestContext, TEST_PASSWORD, type Client, type TestContext } from '../../platform/testing/harness';
import { createUser } from '../../platform/auth/users';
import { systemActor } from '../../platform/audit/service';
import { users } from '../../platform/auth/schema';
import { orgs } from '../../platform/orgs/schema';

export async function ok(res: { statusCode: number; body: string; json(): any }, status = 200) {
  expect(res.statusCode, res.body).toBe(status);
  return res.json();
}

/**
 * A fresh database without demo data, plus: the county 社区矫正机构 officer, 壶山 and 白洋 司法所 corrections staff,
 * a 壶山 调解专干 (mediationOfficer), a 复议 officer (reviewOfficer) and the generic 壶山 业务人员 (staff).
 */
export async function correctionsTestContext() {
  const t = await createTestContext({ seedModules: false });
  const db = t.database.db;
  const org = async (name: string) => (await db.select().from(orgs).where(eq(orgs.name, name)))[0];
  const agency = await org('社区矫正管理局');
  await db.update(orgs).set({ shortName: '武矫' }).where(eq(orgs.id, agency.id));
  const make = async (username: string, orgName: string, role: string) => {
    const u = await createUser(db, systemActor, { username, displayName: username, orgId: (await org(orgName)).id, roleCodes: [role], password: TEST_PASSWORD });
    await db.update(users).set({ mustChangePassword: false }).where(eq(users.id, u.id));
    return t.login(username);
  };
  return Object.assign(t, {
    agency,
    officer: await make('t_officer', '社区矫正管理局', 'correctionsOfficer'),
    hushan: await make('t_hushan', '壶山司法所', 'correctionsStaff'),
    baiyang: await make('t_baiyang', '白洋司法所', 'correctionsStaff'),
    mediator: await make('t_mediator', '壶山司法所', 'mediationOfficer'),
    reviewer: await make('t_reviewer', '行政复议与应诉科', 'reviewOfficer'),
    staff: await t.login('hushan'),
    director: await t.login('director'),
  });
}
export type CorrectionsTestContext = Awaited<ReturnType<typeof correctionsTestContext>>;
export type { TestContext, Client };

let n = 0;
/** A valid 身份证号 (check digit per GB 11643). */
export function idNumber(seq = ++n, birth = '19880512') {
  const body = '330723' + birth + String(seq % 1000).padStart(3, '0');
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  return body + '10X98765432'[[...body].reduce((a, c, i) => a + Number(c) * w[i], 0) % 11];
}

/** Receives a subject through the API (default: 缓刑 at 壶山司法所). */
export async function receive(c: Client, over: Record<string, unknown> = {}) {
  return ok(
    await c.post('/api/corrections/subjects', {
      name: '测试对象', gender: '男', idNumber: idNumber(), phone: '13812345678', address: '武义县壶山街道解放街8号', sentenceType: 'probation', crime: '危险驾驶罪',
      sentence: '拘役三个月，缓刑六个月', decisionOrg: '武义县人民法院', judgmentNumber: '（2026）浙0723刑初1号', judgmentEffectiveDate: '2026-03-02', termStart: '2026-03-02', termEnd: '2026-09-01',
      receivedDate: '2026-03-04', office: '壶山司法所', ...over,
    }),
    201,
  );
}

/** Receives, reports and announces a subject: on register under supervision. */
export async function supervised(c: Client, over: Record<string, unknown> = {}) {
  const r = await receive(c, over);
  let d = await ok(await c.get(`/api/corrections/subjects/${r.id}`));
  d = await ok(await c.post(`/api/corrections/subjects/${r.id}/steps/report`, { version: d.version, data: { date: '2026-03-05' } }));
  d = await ok(await c.post(`/api/corrections/subjects/${r.id}/steps/announce`, { version: d.version, data: { date: '2026-03-06', level: 'normal', groupMembers: ['何伟东', '村干部王某'], plan: '每月报告一次，参加公益活动' } }));
  return d;
}
