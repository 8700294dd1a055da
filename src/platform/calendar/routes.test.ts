import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Client, type TestContext } from '../testing/harness';
import { auditLog } from '../audit/schema';
import { calendarDays, calendarYears } from './schema';
import { calendarStatus } from './service';

const example2027 = JSON.parse(fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'examples/2027.json'), 'utf8'));

let t: TestContext;
let admin: Client;
let hushan: Client;
beforeAll(async () => {
  t = await createTestContext({ seedModules: false });
  admin = await t.login('admin');
  hushan = await t.login('hushan');
});
afterAll(() => t?.close());

const auditOf = (action: string) => t.database.db.select().from(auditLog).where(eq(auditLog.action, action)).orderBy(sql`${auditLog.seq}`);

describe('期限计算接口（任何已登录用户）', () => {
  it('GET /api/calendar/add-working-days?from=2024-09-27&days=5 → 2024-10-10，跨国庆调休 (民法典 第二百零一条; 行政复议法 第八十八条)', async () => {
    const res = await hushan.get('/api/calendar/add-working-days?from=2024-09-27&days=5');
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('{"date":"2024-10-10","provisional":false}');
  });

  it('未登录不能调用', async () => {
    const res = await t.anonymous.get('/api/calendar/add-working-days?from=2024-09-27&days=5');
    expect(res.statusCode).toBe(401);
  });

  it('GET /api/calendar/add-days 自然日末日为国庆节顺延至 10-08 (民法典 第二百零三条)', async () => {
    const cal = await hushan.get('/api/calendar/add-days?from=2024-09-16&days=15&unit=calendarDay');
    expect(cal.json()).toEqual({ date: '2024-10-08', provisional: false });
    const work = await hushan.get('/api/calendar/add-days?from=2025-01-24&days=5&unit=workingDay');
    expect(work.json()).toEqual({ date: '2025-02-07', provisional: false });
  });

  it('日期、天数或单位不合法 → 400 中文提示', async () => {
    const badDate = await hushan.get('/api/calendar/add-working-days?from=2024-02-30&days=5');
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().message).toContain('起算日期应为有效日期');
    const badDays = await hushan.get('/api/calendar/add-working-days?from=2024-09-27&days=-1');
    expect(badDays.statusCode).toBe(400);
    expect(badDays.json().message).toContain('天数不能为负数');
    const badUnit = await hushan.get('/api/calendar/add-days?from=2024-09-27&days=5&unit=month');
    expect(badUnit.statusCode).toBe(400);
    expect(badUnit.json().message).toContain('workingDay（工作日）或 calendarDay（自然日）');
  });
});

describe('日历管理页面', () => {
  it('GET /api/calendar/years/2024 只列节假日（含其中的周末）和调休上班日', async () => {
    const res = await admin.get('/api/calendar/years/2024');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ year: 2024, source: 'builtin', provisional: false });
    const byDate = new Map(body.days.map((d: { date: string }) => [d.date, d]));
    expect(byDate.get('2024-09-29')).toEqual({ date: '2024-09-29', isWorkday: true, name: '国庆节', override: false });
    expect(byDate.get('2024-10-05')).toEqual({ date: '2024-10-05', isWorkday: false, name: '国庆节', override: false });
    expect(byDate.get('2024-10-12')).toMatchObject({ isWorkday: true, name: '国庆节' });
    expect(byDate.has('2024-10-09')).toBe(false);
    expect(byDate.has('2024-10-19')).toBe(false);
    for (const d of body.days) expect(d.name !== null || d.override).toBe(true);
  });

  it('接口出现在 OpenAPI 文档中', async () => {
    const doc = (await hushan.get('/api/openapi.json')).json();
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/calendar/add-working-days', '/api/calendar/years/{year}/import', '/api/calendar/days/{date}/reset']));
  });

  it('GET /api/calendar/years/2027 尚无数据：暂定，无任何节假日', async () => {
    const res = await hushan.get('/api/calendar/years/2027');
    expect(res.json()).toEqual({ year: 2027, source: 'none', sourceNote: null, provisional: true, days: [] });
  });

  it('GET /api/calendar/status 与当天的提醒规则一致；管理员可维护，司法所人员不可', async () => {
    const a = (await admin.get('/api/calendar/status')).json();
    const { today, ...rule } = calendarStatus();
    expect(a).toEqual({ today, ...rule, canManage: true });
    expect(a.nextYear).toBe(+today.slice(0, 4) + 1);
    expect((await hushan.get('/api/calendar/status')).json().canManage).toBe(false);
  });
});

describe('调整某一天（权限 calendar.manage，留痕）', () => {
  it('司法所人员和局长不能调整日历 → 403，未写入', async () => {
    const res = await hushan.put('/api/calendar/days/2027-03-01', { isWorkday: false, name: '测试' });
    expect(res.statusCode).toBe(403);
    const director = await t.login('director');
    expect((await director.put('/api/calendar/days/2027-03-01', { isWorkday: false })).statusCode).toBe(403);
    expect((await hushan.post('/api/calendar/days/2024-10-01/reset')).statusCode).toBe(403);
    expect(await t.database.db.select().from(calendarDays)).toEqual([]);
  });

  it('管理员把一天设为休息日后立即影响期限计算；恢复默认后还原；均记入审计日志', async () => {
    const set = await admin.put('/api/calendar/days/2027-03-01', { isWorkday: false, name: '地方性假日' });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toEqual({ date: '2027-03-01', isWorkday: false, name: '地方性假日', override: true });
    expect((await hushan.get('/api/calendar/add-working-days?from=2027-02-26&days=1')).json()).toEqual({ date: '2027-03-02', provisional: true });
    const [setEntry] = await auditOf('calendar.day.set');
    expect(setEntry).toMatchObject({ entityType: 'calendar_day', entityId: '2027-03-01', actorName: '系统管理员' });
    expect(setEntry.before).toEqual({ date: '2027-03-01', isWorkday: true, name: null, override: false });

    const reset = await admin.post('/api/calendar/days/2027-03-01/reset');
    expect(reset.statusCode).toBe(200);
    expect(reset.json()).toEqual({ date: '2027-03-01', isWorkday: true, name: null, override: false });
    expect((await hushan.get('/api/calendar/add-working-days?from=2027-02-26&days=1')).json().date).toBe('2027-03-01');
    expect(await auditOf('calendar.day.reset')).toHaveLength(1);
    expect(await t.database.db.select().from(calendarDays)).toEqual([]);
  });

  it('没有调整的日期恢复默认 → 404；日期不合法、缺少是否上班 → 400', async () => {
    const none = await admin.post('/api/calendar/days/2027-03-01/reset');
    expect(none.statusCode).toBe(404);
    expect(none.json()).toMatchObject({ code: 'CALENDAR_NO_OVERRIDE', message: '2027-03-01 没有人工调整，无需恢复默认' });
    expect((await admin.put('/api/calendar/days/2027-02-29', { isWorkday: true })).statusCode).toBe(400);
    const missing = await admin.put('/api/calendar/days/2027-03-06', { name: 'x' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().message).toContain('请说明该日是否上班');
    expect(await auditOf('calendar.day.reset')).toHaveLength(1);
  });
});

describe('并发调整', () => {
  it('同时调整多天：每次都留痕，缓存包含全部调整（写入串行，PostgreSQL 上同样成立）', async () => {
    const dates = ['2027-04-12', '2027-04-13', '2027-04-14', '2027-04-15', '2027-04-16'];
    const results = await Promise.all(dates.map((d) => admin.put(`/api/calendar/days/${d}`, { isWorkday: false, name: '并发测试' })));
    expect(results.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200]);
    expect((await hushan.get('/api/calendar/add-working-days?from=2027-04-09&days=1')).json().date).toBe('2027-04-19');
    const year = (await admin.get('/api/calendar/years/2027')).json();
    expect(year.days.filter((d: { name: string }) => d.name === '并发测试').map((d: { date: string }) => d.date)).toEqual(dates);
    await Promise.all(dates.map((d) => admin.post(`/api/calendar/days/${d}/reset`)));
    expect((await hushan.get('/api/calendar/add-working-days?from=2027-04-09&days=1')).json().date).toBe('2027-04-12');
    expect(await t.database.db.select().from(calendarDays)).toEqual([]);
  });
});

describe('导入一年的节假日安排（国务院办公厅通知）', () => {
  it('司法所人员导入 → 403', async () => {
    const res = await hushan.post('/api/calendar/years/2027/import', example2027);
    expect(res.statusCode).toBe(403);
  });

  it('有错误的导入 → 400，中文列出每一项错误，什么也不写入', async () => {
    const res = await admin.post('/api/calendar/years/2027/import', {
      source: '测试',
      holidays: [
        { name: '元旦', from: '2027-01-01', to: '2027-01-03' },
        { name: '春节', from: '2027-02-14', to: '2027-02-05' },
        { name: '国庆节', from: '2027-10-01', to: '2028-10-07' },
      ],
      workdays: [{ name: '元旦', date: '2027-01-02' }],
    });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('CALENDAR_IMPORT_INVALID');
    expect(body.message).toMatch(/^2027年日历数据有3处错误，未导入任何内容：/);
    expect(body.message).toContain('放假安排第2项「春节」');
    expect(body.message).toContain('放假安排第3项「国庆节」 结束日期 2028-10-07：不在2027年内');
    expect(body.message).toContain('调休上班第1项「元旦」');
    expect(body.details.problems).toHaveLength(3);
    expect(await t.database.db.select().from(calendarDays)).toEqual([]);
    expect(await t.database.db.select().from(calendarYears)).toEqual([]);
    expect(await auditOf('calendar.year.import')).toEqual([]);
  });

  it('结构不对（缺少放假安排） → 400，不写入', async () => {
    const res = await admin.post('/api/calendar/years/2027/import', { workdays: [] });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('VALIDATION_FAILED');
    expect(await t.database.db.select().from(calendarYears)).toEqual([]);
  });

  it('导入 2027 年后不再暂定，期限按导入的放假和调休计算，并记入审计日志 (DOMAIN.md §0)', async () => {
    expect((await hushan.get('/api/calendar/add-working-days?from=2026-12-25&days=5')).json()).toEqual({ date: '2027-01-01', provisional: true });
    const res = await admin.post('/api/calendar/years/2027/import', example2027);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ year: 2027, holidayDays: 30, workdays: 5, replaced: 0 });
    expect((await hushan.get('/api/calendar/add-working-days?from=2026-12-25&days=5')).json()).toEqual({ date: '2027-01-04', provisional: false });
    // 国庆 2027: 10-01..10-07 off, Saturday 10-09 works.
    expect((await hushan.get('/api/calendar/add-working-days?from=2027-09-30&days=2')).json()).toEqual({ date: '2027-10-09', provisional: false });
    const year = (await admin.get('/api/calendar/years/2027')).json();
    expect(year).toMatchObject({ year: 2027, source: 'loaded', provisional: false });
    expect(year.sourceNote).toMatch(/示例数据/);
    expect(year.days).toHaveLength(35);
    const [entry] = await auditOf('calendar.year.import');
    expect(entry).toMatchObject({ entityType: 'calendar_year', entityId: '2027', actorName: '系统管理员' });
    expect(entry.summary).toMatch(/^导入2027年法定节假日和调休安排：放假30天，调休上班5天/);
    const status = (await admin.get('/api/calendar/status')).json();
    if (status.nextYear === 2027) expect(status).toMatchObject({ nextYearLoaded: true, remind: false, message: null });
  });
});
