import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray, like, sql } from 'drizzle-orm';
import { rowsOf } from '../db/client';
import { createTestContext, type Client, type TestContext } from '../testing/harness';
import { auditLog } from '../audit/schema';
import { roles, userRoles, users } from '../auth/schema';
import { orgs } from '../orgs/schema';
import { waitForJob } from '../jobs/service';
import { uploadTo } from '../files/test-upload';
import { XLSX_MIME } from './export';

let t: TestContext;
let admin: Client;
beforeAll(async () => {
  t = await createTestContext({ seedModules: false });
  admin = await t.login('admin');
});
afterAll(() => t?.close());

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
type Cell = string | number | Date | null;

async function load(buf: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}

const sheetRows = (ws: ExcelJS.Worksheet) => {
  const out: string[][] = [];
  ws.eachRow((row) => out.push(Array.from((row.values as unknown[]).slice(1), (v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v == null ? '' : String(v)))));
  return out;
};

async function template(client = admin): Promise<Buffer> {
  const res = await client.get('/api/ledger/templates/users');
  expect(res.statusCode).toBe(200);
  return res.rawPayload;
}

/** The downloaded template with data rows appended under the example row (row 2), as a clerk would fill it. */
async function filled(rows: Cell[][], client = admin): Promise<Buffer> {
  const wb = await load(await template(client));
  const ws = wb.worksheets[0];
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function importFile(client: Client, buf: Buffer, name = '用户台账.xlsx') {
  const res = await uploadTo(client, '/api/ledger/import/users', name, buf, XLSX_MIME);
  expect(res.statusCode, res.body).toBe(202);
  const jobId = res.json().jobId as string;
  await waitForJob(t.database.db, jobId, 180_000);
  return { jobId, job: (await client.get(`/api/jobs/${jobId}`)).json() };
}

//            用户名        姓名     所属机构        职务     手机号          角色                 状态    初始密码
const row = (u: string, org = '壶山司法所', phone: Cell = '13900000001', rolesCell: Cell = '业务人员', status: Cell = '启用'): Cell[] => [u, '王小明', org, '科员', phone, rolesCell, status, 'Wuyi@2024x'];

describe('台账模板', () => {
  it('下载的模板可以读回：表头（必填列带*）、批注、示例行、代码列下拉、填写说明', async () => {
    const buf = await template();
    const wb = await load(buf);
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([['用户台账', 'visible'], ['填写说明', 'visible'], ['代码表', 'hidden']]);
    const ws = wb.worksheets[0];
    const [header, example] = sheetRows(ws);
    expect(header).toEqual(['*用户名', '*姓名', '*所属机构', '职务', '手机号', '角色', '状态', '*初始密码']);
    // The admin's own org is the org example.
    expect(example).toEqual(['zhangsan', '张三', '办公室', '科员', '13800000000', '业务人员', '启用', 'Wuyi@2024']);
    expect(String(ws.getCell('G1').note)).toContain('可选值：启用、停用');
    expect(String(ws.getCell('C1').note)).toContain('行政区划代码');
    expect(ws.getCell('G2').dataValidation).toMatchObject({ type: 'list', formulae: ['"启用,停用"'] });
    // The org list (every org in the admin's scope) is too long to inline: it lives on the hidden 代码表 sheet.
    expect(ws.getCell('C500').dataValidation.formulae[0]).toMatch(/^'代码表'!\$A\$2:\$A\$\d+$/);
    expect(sheetRows(wb.getWorksheet('代码表')!).map((r) => r[0])).toContain('壶山司法所');
    // Text columns are text: a phone number is not turned into 1.38E+10.
    expect(ws.getCell('E2').numFmt).toBe('@');
    const guide = sheetRows(wb.getWorksheet('填写说明')!);
    expect(guide[0]).toEqual(['列名', '是否必填', '填写要求', '示例']);
    expect(guide.find((r) => r[0] === '状态')?.[2]).toContain('可选值：启用、停用');
    expect(guide.flat().join('')).toContain('只要有一处错误就不会导入任何数据');
  });

  it('台账目录按权限列出；没有导入权限不能下载模板', async () => {
    const specs = (await admin.get('/api/ledger/specs')).json();
    expect(specs.find((s: { entity: string }) => s.entity === 'users')).toMatchObject({ label: '用户台账', canImport: true, canExport: true });
    const hushan = await t.login('hushan');
    expect((await hushan.get('/api/ledger/specs')).json().some((s: { entity: string }) => s.entity === 'users')).toBe(false);
    expect((await hushan.get('/api/ledger/templates/users')).statusCode).toBe(403);
    expect((await admin.get('/api/ledger/templates/nope')).json().code).toBe('LEDGER_UNKNOWN');
  });
});

describe('台账导入（全部通过才导入）', () => {
  it('合格的文件在一个任务中创建全部用户（含角色、机构、停用状态），并写一条审计记录（条数与文件 SHA-256）', async () => {
    const buf = await filled([
      row('imp.a'),
      ['imp.b', '李晓红', '白洋司法所', null, 13900000002, 'staff, director', '停用', 'Wuyi@2024x'],
      // Headers and cells tolerate spaces; org by short name of the bureau.
      ['  imp.c ', '赵刚', '武司', '副局长', '', '司法局局长', '', 'Wuyi@2024x'],
    ]);
    const { job } = await importFile(admin, buf);
    expect(job).toMatchObject({ status: 'succeeded', result: { imported: 3 }, progress: 3, total: 3, error: null });

    const { db } = t.database;
    const created = await db
      .select({ username: users.username, org: orgs.name, status: users.status, phoneMasked: users.phoneMasked, must: users.mustChangePassword })
      .from(users)
      .innerJoin(orgs, eq(orgs.id, users.orgId))
      .where(like(users.username, 'imp.%'))
      .orderBy(users.username);
    expect(created).toEqual([
      { username: 'imp.a', org: '壶山司法所', status: 'active', phoneMasked: expect.stringMatching(/^139\*+0001$/), must: true },
      { username: 'imp.b', org: '白洋司法所', status: 'disabled', phoneMasked: expect.stringMatching(/^139\*+0002$/), must: true },
      { username: 'imp.c', org: '武义县司法局', status: 'active', phoneMasked: null, must: true },
    ]);
    const roleRows = await db
      .select({ username: users.username, code: roles.code })
      .from(userRoles)
      .innerJoin(users, eq(users.id, userRoles.userId))
      .innerJoin(roles, eq(roles.id, userRoles.roleId))
      .where(like(users.username, 'imp.%'))
      .orderBy(users.username, roles.code);
    expect(roleRows.map((r) => `${r.username}:${r.code}`)).toEqual(['imp.a:staff', 'imp.b:director', 'imp.b:staff', 'imp.c:director']);

    const [entry] = await db.select().from(auditLog).where(eq(auditLog.action, 'ledger.import'));
    expect(entry.summary).toBe('导入用户台账 3 条（用户台账.xlsx）');
    expect(entry.after).toMatchObject({ entity: 'users', count: 3, sha256: sha256(buf) });
    expect((entry.after as { ids: string[] }).ids).toHaveLength(3);

    // The account works with its initial password (and must change it).
    const login = await t.anonymous.post('/api/auth/login', { username: 'imp.a', password: 'Wuyi@2024x' });
    expect(login.statusCode).toBe(200);
  });

  it('第3行手机号错误、第5行所属机构不存在：什么都不导入，错误报告列出第3行和第5行及其列', async () => {
    const before = await t.database.db.select({ n: sql<number>`count(*)::int` }).from(users);
    const buf = await filled([row('bad.a', '壶山司法所', '1390000'), row('bad.b'), row('bad.c', '火星司法所')]);
    const { job } = await importFile(admin, buf);
    expect(job.status).toBe('failed');
    expect(job.error.code).toBe('LEDGER_INVALID_ROWS');
    expect(job.error.message).toBe('第3行“手机号”手机号应为以1开头的11位数字等2处错误，未导入任何数据');
    expect(job.error.details.errors).toEqual([
      { row: 3, column: '手机号', value: '1390000', reason: '手机号应为以1开头的11位数字' },
      { row: 5, column: '所属机构', value: '火星司法所', reason: '未找到机构“火星司法所”，请填写机构全称、简称或行政区划代码' },
    ]);
    const after = await t.database.db.select({ n: sql<number>`count(*)::int` }).from(users);
    expect(after[0].n).toBe(before[0].n);
    expect(await t.database.db.select().from(users).where(like(users.username, 'bad.%'))).toEqual([]);

    // The error report is a file the importer can download: 行号, 列, 值, 原因.
    expect(job.fileId).toBe(job.error.fileId);
    const report = await admin.get(`/api/files/${job.fileId}`);
    expect(report.statusCode).toBe(200);
    expect(report.headers['content-type']).toBe(XLSX_MIME);
    const lines = sheetRows((await load(report.rawPayload)).worksheets[0]);
    expect(lines).toEqual([
      ['行号', '列', '值', '原因'],
      ['3', '手机号', '1390000', '手机号应为以1开头的11位数字'],
      ['5', '所属机构', '火星司法所', '未找到机构“火星司法所”，请填写机构全称、简称或行政区划代码'],
    ]);
    // …and nobody outside the importer's scope can.
    const hushan = await t.login('hushan');
    expect((await hushan.get(`/api/files/${job.fileId}`)).statusCode).toBe(404);
  });

  it('文件内重复、已存在的用户名、三员分立、弱密码、有歧义的行政区划代码都逐行报告', async () => {
    const buf = await filled([
      row('dup.a'),
      row('dup.a'),
      row('hushan'),
      row('sod.a', '办公室', null, '系统管理员，审计管理员'),
      ['weak.a', '弱密码', '壶山司法所', null, null, null, null, 'abc'],
      row('amb.a', '330723003'),
    ]);
    const res = await uploadTo(admin, '/api/ledger/validate/users', 'x.xlsx', buf, XLSX_MIME);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.valid).toBe(false);
    const reasons = body.errors.map((e: { row: number; column: string; reason: string }) => `${e.row}|${e.column}|${e.reason}`);
    expect(reasons).toEqual([
      '4|用户名|与第3行重复',
      '5|用户名|用户名 hushan 已被使用',
      '6|角色|三员分立：系统管理员、安全管理员、审计管理员不能由同一账号兼任',
      expect.stringMatching(/^7\|初始密码\|密码长度不少于8位；/),
      '8|所属机构|“330723003”对应多个机构（壶山司法所、壶山街道办事处），请填写机构全称',
    ]);
  });

  it('校验接口只校验不写入；合格文件返回可以导入', async () => {
    const { db } = t.database;
    const [{ n: auditBefore }] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from audit_log`));
    const res = await uploadTo(admin, '/api/ledger/validate/users', 'ok.xlsx', await filled([row('val.a'), row('val.b')]), XLSX_MIME);
    expect(res.json()).toMatchObject({ valid: true, rows: 2, errorCount: 0, message: '校验通过：共2行，可以导入' });
    expect(await db.select().from(users).where(like(users.username, 'val.%'))).toEqual([]);
    const [{ n: auditAfter }] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from audit_log`));
    expect(auditAfter).toBe(auditBefore);
  });

  it('表头不对、缺少必填列、不是 xlsx：立即返回中文错误，不建任务', async () => {
    const wrong = new ExcelJS.Workbook();
    wrong.addWorksheet('Sheet1').addRow(['账号', '名字', '单位']);
    wrong.worksheets[0].addRow(['a', 'b', 'c']);
    const r1 = await uploadTo(admin, '/api/ledger/import/users', 'wrong.xlsx', Buffer.from(await wrong.xlsx.writeBuffer()), XLSX_MIME);
    expect(r1.statusCode).toBe(400);
    expect(r1.json().code).toBe('LEDGER_BAD_HEADER');
    expect(r1.json().message).toMatch(/^未找到“用户台账”的表头：工作表“Sheet1”的前10行中没有“用户名”、“姓名”、“所属机构”、“初始密码”等列/);

    const missing = new ExcelJS.Workbook();
    // A title line above the header is fine; full-width spaces and the * mark are tolerated.
    missing.addWorksheet('用户').addRow(['2024年新增用户']);
    missing.worksheets[0].addRow([' *用户名 ', '所属机构', '初始密码']);
    const r2 = await uploadTo(admin, '/api/ledger/import/users', 'missing.xlsx', Buffer.from(await missing.xlsx.writeBuffer()), XLSX_MIME);
    expect(r2.statusCode).toBe(400);
    expect(r2.json().message).toBe('表头缺少必填列“姓名”，请下载最新模板填写');

    const csv = await uploadTo(admin, '/api/ledger/import/users', 'users.csv', Buffer.from('用户名,姓名\n'), 'text/csv');
    expect(csv.json()).toMatchObject({ code: 'LEDGER_BAD_FILE', message: '文件不是 Excel .xlsx 格式，请使用下载的模板填写后上传' });

    const empty = await uploadTo(admin, '/api/ledger/validate/users', 'empty.xlsx', await template(), XLSX_MIME);
    expect(empty.json()).toMatchObject({ code: 'LEDGER_EMPTY' });
  });

  it('2000 行的文件在一个任务中全部导入，进度到达总数', { timeout: 240_000 }, async () => {
    const rows: Cell[][] = [];
    for (let i = 1; i <= 2000; i++) rows.push(row(`bulk${String(i).padStart(4, '0')}`, i % 2 ? '壶山司法所' : '白洋司法所', `139${String(i).padStart(8, '0')}`));
    const { job } = await importFile(admin, await filled(rows), '批量.xlsx');
    expect(job).toMatchObject({ status: 'succeeded', result: { imported: 2000 }, progress: 2000, total: 2000 });
    const [{ n }] = await t.database.db.select({ n: sql<number>`count(*)::int` }).from(users).where(like(users.username, 'bulk%'));
    expect(n).toBe(2000);
    const links = await t.database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(userRoles)
      .innerJoin(users, eq(users.id, userRoles.userId))
      .where(and(like(users.username, 'bulk%'), inArray(userRoles.roleId, t.database.db.select({ id: roles.id }).from(roles).where(eq(roles.code, 'staff')))));
    expect(links[0].n).toBe(2000);
  });
});

describe('台账导出（按数据范围）', () => {
  it('用户台账导出为 xlsx：同样的筛选条件，手机号脱敏，不含密码，状态显示中文', async () => {
    const res = await admin.get('/api/ledger/export/users?format=xlsx&q=imp.');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX_MIME);
    expect(String(res.headers['content-disposition'])).toMatch(/^attachment; .*filename\*=UTF-8''%E7%94%A8%E6%88%B7%E5%8F%B0%E8%B4%A6_/);
    const lines = sheetRows((await load(res.rawPayload)).worksheets[0]);
    expect(lines[0]).toEqual(['用户名', '姓名', '所属机构', '职务', '手机号', '角色', '状态']);
    expect(lines.slice(1).map((l) => l[0]).sort()).toEqual(['imp.a', 'imp.b', 'imp.c']);
    const b = lines.find((l) => l[0] === 'imp.b')!;
    expect(b).toEqual(['imp.b', '李晓红', '白洋司法所', '', expect.stringMatching(/^139\*+0002$/), '司法局局长、业务人员', '停用']);
    const [entry] = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'ledger.export'));
    expect(entry.after).toMatchObject({ entity: 'users', count: 3, filters: { q: 'imp.' } });
  });

  it('导出复用列表查询的数据范围：本机构范围的查看角色只能导出壶山司法所的用户', async () => {
    const sec = await t.login('secadmin');
    expect((await sec.post('/api/roles', { code: 'userviewer', name: '用户查看员', kind: 'business', dataScope: 'org', permissions: ['user.read'] })).statusCode).toBe(200);
    const list = (await admin.get('/api/users?q=hushan')).json();
    const hushanUser = list.items.find((u: { username: string }) => u.username === 'hushan');
    const put = await admin.put(`/api/users/${hushanUser.id}`, { roleCodes: ['staff', 'userviewer'], version: hushanUser.version });
    expect(put.statusCode).toBe(200);

    const hushan = await t.login('hushan');
    const res = await hushan.get('/api/ledger/export/users?format=xlsx');
    expect(res.statusCode).toBe(200);
    const lines = sheetRows((await load(res.rawPayload)).worksheets[0]).slice(1);
    expect(lines.length).toBeGreaterThan(1000);
    expect(new Set(lines.map((l) => l[2]))).toEqual(new Set(['壶山司法所']));
    expect(lines.some((l) => l[0] === 'baiyang')).toBe(false);

    const baiyang = await t.login('baiyang');
    expect((await baiyang.get('/api/ledger/export/users?format=xlsx')).statusCode).toBe(403);
  });

  it('导出筛选条件有误返回 400', async () => {
    const res = await admin.get('/api/ledger/export/users?format=xlsx&orgId=abc');
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/^筛选条件有误：orgId 机构编号格式不正确/);
  });
});
