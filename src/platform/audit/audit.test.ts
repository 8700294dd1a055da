import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestContext, type TestContext } from '../testing/harness';
import { rowsOf } from '../db/client';
import { verifyAuditChain } from './service';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({ seedModules: false });
});
afterAll(() => t?.close());

const lastEntries = async (n: number) =>
  rowsOf<{ seq: number; action: string; before: unknown; after: unknown; diff: Record<string, unknown> | null; actor_name: string; ip: string | null }>(
    await t.database.db.execute(sql`select seq::int as seq, action, before, after, diff, actor_name, ip from audit_log order by seq desc limit ${n}`),
  );

describe('审计日志（等保2.0 三级：只能追加、防篡改）', () => {
  it('每次写操作记录操作人、机构、动作、对象、前后差异和IP；密码哈希等秘密不入日志', async () => {
    const admin = await t.login('admin');
    const orgs = (await admin.get('/api/orgs')).json() as { id: string; name: string }[];
    const office = orgs.find((o) => o.name === '壶山司法所')!;
    const created = await admin.post('/api/users', { username: 'audited1', displayName: '被审计者', orgId: office.id, phone: '13800138000', roleCodes: ['staff'], password: 'Abcd@12345' });
    expect(created.statusCode).toBe(200);
    const list = (await admin.get('/api/users?q=audited1')).json();
    const user = list.items[0];
    const upd = await admin.put(`/api/users/${user.id}`, { displayName: '改过名', version: user.version });
    expect(upd.statusCode).toBe(200);
    const [update, create] = await lastEntries(2);
    expect(create).toMatchObject({ action: 'user.create', actor_name: '系统管理员' });
    expect(update.action).toBe('user.update');
    expect(update.diff).toMatchObject({ displayName: ['被审计者', '改过名'] });
    expect(update.ip).toBeTruthy();
    const text = JSON.stringify([create, update]);
    expect(text).not.toMatch(/argon2|passwordHash|phoneEnc|13800138000/);
  });

  it('数据库拒绝修改或删除审计记录', async () => {
    await expect(t.database.db.execute(sql`update audit_log set summary = '改' where seq = 1`)).rejects.toThrow();
    await expect(t.database.db.execute(sql`delete from audit_log where seq = 1`)).rejects.toThrow();
    const [{ n }] = rowsOf<{ n: number }>(await t.database.db.execute(sql`select count(*)::int as n from audit_log where seq = 1`));
    expect(n).toBe(1);
  });

  it('哈希链校验通过；绕过触发器篡改一条记录后，校验指出被篡改的记录', async () => {
    const ok = await verifyAuditChain(t.database.db);
    expect(ok.ok).toBe(true);
    expect(ok.checked).toBeGreaterThan(10);
    const auditor = await t.login('auditor');
    expect((await auditor.post('/api/audit/verify')).json()).toMatchObject({ ok: true });
    // A superuser can disable the trigger; the chain still exposes the edit.
    const [{ seq }] = rowsOf<{ seq: number }>(await t.database.db.execute(sql`select seq::int as seq from audit_log where action = 'user.create' order by seq limit 1`));
    await t.database.db.execute(sql`alter table audit_log disable trigger audit_log_no_update`);
    await t.database.db.execute(sql`update audit_log set summary = '被篡改' where seq = ${seq}`);
    await t.database.db.execute(sql`alter table audit_log enable trigger audit_log_no_update`);
    const broken = await verifyAuditChain(t.database.db);
    expect(broken).toMatchObject({ ok: false, brokenAt: seq });
    expect(broken.reason).toMatch(/篡改/);
  });
});

describe('审计日志导出', () => {
  it('审计管理员按当前筛选导出 Excel，导出本身也记入审计日志', async () => {
    const auditor = await t.login('auditor');
    const res = await auditor.get('/api/audit?format=xlsx&action=user.create');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.getRow(1).getCell(4).value).toBe('操作');
    const actions = new Set<unknown>();
    ws.eachRow((row, n) => n > 1 && actions.add(row.getCell(4).value));
    expect([...actions]).toEqual(['user.create']);
    const [last] = await lastEntries(1);
    expect(last.action).toBe('audit.export');
    expect((await (await t.login('admin')).get('/api/audit?format=xlsx')).statusCode).toBe(403);
  });
});

describe('HTTP', () => {
  it('GET /api/health 返回数据库类型；/api/openapi.json 列出接口', async () => {
    const health = (await t.anonymous.get('/api/health')).json();
    expect(health).toMatchObject({ status: 'ok', db: process.env.DATABASE_URL ? 'postgres' : 'pglite' });
    const spec = (await t.anonymous.get('/api/openapi.json')).json();
    expect(spec.openapi).toMatch(/^3\./);
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/users', '/api/workbench/todos', '/api/calendar/add-working-days', '/api/indicators']));
  });

  it('门户站点信息无需登录：演示县为武义县司法局', async () => {
    const site = await t.anonymous.get('/api/public/site');
    expect(site.statusCode).toBe(200);
    expect(site.json()).toEqual({ regionName: '武义县', regionCode: '330723', bureauName: '武义县司法局' });
  });

  it('错误的输入返回 4xx 和中文提示，不返回 500', async () => {
    const admin = await t.login('admin');
    const bad = await admin.post('/api/orgs', { name: 'x', type: 'nope', regionCode: '12' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('VALIDATION_FAILED');
    expect(bad.json().message).toMatch(/[\u4e00-\u9fa5]/);
    const notUuid = await admin.get('/api/orgs/not-a-uuid');
    expect(notUuid.statusCode).toBe(400);
    const garbage = await admin.request('POST', '/api/orgs', '{not json', { 'content-type': 'application/json' });
    expect(garbage.statusCode).toBe(400);
  });
});
