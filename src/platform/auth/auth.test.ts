import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../testing/harness';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({ seedModules: false });
});
afterAll(() => t?.close());

describe('登录与会话（等保2.0 三级）', () => {
  it('正确密码登录后 /api/auth/me 返回用户、角色和 CSRF 令牌', async () => {
    const c = await t.login('director');
    const me = await c.get('/api/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().user.username).toBe('director');
    expect(me.json().roles.map((r: { code: string }) => r.code)).toEqual(['director']);
    expect(me.json().csrfToken).toBe(c.csrf);
  });

  it('未登录访问接口返回 401 和中文提示', async () => {
    const res = await t.anonymous.get('/api/auth/me');
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'UNAUTHENTICATED', message: '请先登录' });
  });

  it('连续5次密码错误锁定账号15分钟，锁定期间正确密码也不能登录', async () => {
    for (let i = 1; i <= 4; i++) {
      const r = await t.anonymous.post('/api/auth/login', { username: 'baiyang', password: 'Wrong@123' + i });
      expect(r.statusCode).toBe(401);
    }
    const fifth = await t.anonymous.post('/api/auth/login', { username: 'baiyang', password: 'Wrong@1235' });
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().code).toBe('ACCOUNT_LOCKED');
    const right = await t.anonymous.post('/api/auth/login', { username: 'baiyang', password: 'Test@12345' });
    expect(right.statusCode).toBe(423);
    expect(right.json().message).toMatch(/分钟后再试/);
  });

  it('写操作缺少 CSRF 令牌被拒绝（403），带令牌则通过', async () => {
    const c = await t.login('secadmin');
    const without = await c.request('PUT', '/api/admin/policy', { minLength: 8, minClasses: 3, lockoutThreshold: 5, lockoutMinutes: 15, idleTimeoutMinutes: 30, passwordMaxAgeDays: 90 }, { 'x-csrf-token': 'forged' });
    expect(without.statusCode).toBe(403);
    expect(without.json().code).toBe('CSRF_FAILED');
    const withToken = await c.put('/api/admin/policy', { minLength: 8, minClasses: 3, lockoutThreshold: 5, lockoutMinutes: 15, idleTimeoutMinutes: 30, passwordMaxAgeDays: 90 });
    expect(withToken.statusCode).toBe(200);
  });

  it('会话空闲超过30分钟即失效', async () => {
    const c = await t.login('hushan');
    const { sql } = await import('drizzle-orm');
    await t.database.db.execute(sql`update sessions set last_seen_at = now() - interval '31 minutes' where ended_at is null and user_id = (select id from users where username = 'hushan')`);
    const res = await c.get('/api/auth/me');
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('SESSION_EXPIRED');
  });
});

describe('三员分立', () => {
  it('系统管理员不能读审计日志，审计管理员可以', async () => {
    const admin = await t.login('admin');
    expect((await admin.get('/api/audit')).statusCode).toBe(403);
    const auditor = await t.login('auditor');
    const res = await auditor.get('/api/audit?pageSize=5');
    expect(res.statusCode).toBe(200);
    expect(res.json().total).toBeGreaterThan(0);
  });

  it('审计管理员不能管理用户，安全管理员不能新建用户', async () => {
    const auditor = await t.login('auditor');
    expect((await auditor.get('/api/users')).statusCode).toBe(403);
    const sec = await t.login('secadmin');
    const res = await sec.post('/api/users', { username: 'x1', displayName: '某某', orgId: '00000000-0000-0000-0000-000000000000', password: 'Abcd@1234' });
    expect(res.statusCode).toBe(403);
  });

  it('一个账号不能同时拥有系统管理员和审计管理员角色', async () => {
    const admin = await t.login('admin');
    const orgs = (await admin.get('/api/orgs')).json();
    const office = orgs.find((o: { name: string }) => o.name === '办公室');
    const res = await admin.post('/api/users', { username: 'both', displayName: '兼任者', orgId: office.id, roleCodes: ['sysadmin', 'auditor'], password: 'Abcd@12345' });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('SEPARATION_OF_DUTIES');
  });

  it('安全管理员不能把业务权限授予审计角色', async () => {
    const sec = await t.login('secadmin');
    const roles = (await sec.get('/api/roles')).json();
    const auditorRole = roles.find((r: { code: string }) => r.code === 'auditor');
    const res = await sec.put(`/api/roles/${auditorRole.id}`, { permissions: ['audit.read', 'user.manage'], version: auditorRole.version });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('SEPARATION_OF_DUTIES');
  });
});

describe('角色列表', () => {
  it('显示每个角色的用户数和权限', async () => {
    const sec = await t.login('secadmin');
    const roles = (await sec.get('/api/roles')).json() as { code: string; userCount: number; permissions: string[] }[];
    expect(roles.find((r) => r.code === 'staff')!.userCount).toBeGreaterThanOrEqual(2); // hushan, baiyang
    expect(roles.find((r) => r.code === 'auditor')).toMatchObject({ userCount: 1, permissions: expect.arrayContaining(['audit.read']) });
  });
});
