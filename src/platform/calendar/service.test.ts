import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fs from 'node:fs';
import os from 'node:os';
import { and, eq, gte, lte, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../testing/harness';
import type { Database } from '../db/client';
import { systemActor } from '../audit/service';
import { auditLog } from '../audit/schema';
import { AppError } from '../errors';
import { importCalendarFile } from './cli';
import { calendarDays, calendarYears } from './schema';
import {
  addDays,
  builtinYears,
  calendarStatus,
  countDays,
  importYear,
  isProvisionalYear,
  isWorkday,
  loadCalendar,
  onCalendarChange,
  todayInChina,
  yearView,
} from './service';

const example2027 = path.join(path.dirname(fileURLToPath(import.meta.url)), 'examples/2027.json');

let d: Database;
beforeAll(async () => {
  d = await createTestDatabase();
  await loadCalendar(d.db);
});
afterAll(() => d?.close());

const rowsIn = async (year: number) =>
  d.db.select().from(calendarDays).where(and(gte(calendarDays.day, `${year}-01-01`), lte(calendarDays.day, `${year}-12-31`)));
const auditCount = async (action: string) => (await d.db.select().from(auditLog).where(eq(auditLog.action, action))).length;

describe('工作日期间：只计工作日，起算日不计入（民法典 第二百零一条；行政复议法 第八十八条）', () => {
  it('2024-09-27 后第5个工作日是 2024-10-10：周日 09-29 调休上班，国庆 10-01 至 10-07 放假 (行政复议法 第八十八条)', () => {
    expect(addDays('2024-09-27', 5, 'workingDay')).toEqual({ date: '2024-10-10', provisional: false });
    expect(isWorkday('2024-09-29')).toBe(true);
    expect(isWorkday('2024-10-07')).toBe(false);
    expect(isWorkday('2024-10-12')).toBe(true);
  });

  it('受理后7个工作日内发送副本 — 跨国庆调休，09-25 受理则 10-10 届满 (行政复议法 第四十八条)', () => {
    expect(addDays('2024-09-25', 7, 'workingDay').date).toBe('2024-10-10');
  });

  it('调休上班的周六、周日计为工作日 (行政复议法 第八十八条)', () => {
    expect(addDays('2024-09-28', 1, 'workingDay').date).toBe('2024-09-29');
    expect(addDays('2024-10-11', 1, 'workingDay').date).toBe('2024-10-12');
  });

  it('跨2025年春节：01-26（周日）调休上班，01-28 至 02-04 放假，02-08（周六）调休上班 (行政复议法 第八十八条)', () => {
    expect(addDays('2025-01-24', 1, 'workingDay').date).toBe('2025-01-26');
    expect(addDays('2025-01-24', 2, 'workingDay').date).toBe('2025-01-27');
    expect(addDays('2025-01-24', 3, 'workingDay').date).toBe('2025-02-05');
    expect(addDays('2025-01-24', 5, 'workingDay').date).toBe('2025-02-07');
    expect(addDays('2025-02-07', 1, 'workingDay').date).toBe('2025-02-08');
  });

  it('0个工作日的期间止于起算日，起算日为休息日的顺延至下一个工作日 (民法典 第二百零三条)', () => {
    expect(addDays('2024-10-08', 0, 'workingDay').date).toBe('2024-10-08');
    expect(addDays('2024-10-01', 0, 'workingDay').date).toBe('2024-10-08');
  });

  it('日期或天数不合法时给出中文错误而不是算出一个日期', () => {
    expect(() => addDays('2024-02-30', 5, 'workingDay')).toThrow(/不是有效日期/);
    expect(() => addDays('2024-09-27', -1, 'workingDay')).toThrow(AppError);
    expect(() => addDays('2024-09-27', 1.5, 'calendarDay')).toThrow(/整数/);
  });
});

describe('自然日期间：末日为法定休假日的，以其后第一个工作日为末日（民法典 第二百零三条）', () => {
  it('15日答辩期末日为国庆节 10-01，顺延至 10-08 (民法典 第二百零三条; 行政诉讼法 第一百零一条 → 民事诉讼法 第八十五条)', () => {
    expect(addDays('2024-09-16', 15, 'calendarDay')).toEqual({ date: '2024-10-08', provisional: false });
  });

  it('60日申请期限末日为国庆节，顺延至节后第一个工作日 (行政复议法 第二十条; 民法典 第二百零三条)', () => {
    expect(addDays('2024-08-02', 60, 'calendarDay').date).toBe('2024-10-08');
  });

  it('末日为周六，顺延至下周一 (民法典 第二百零三条)', () => {
    expect(addDays('2024-11-01', 15, 'calendarDay').date).toBe('2024-11-18');
  });

  it('末日为调休上班的周日，不顺延 (民法典 第二百零三条)', () => {
    expect(addDays('2024-09-14', 15, 'calendarDay').date).toBe('2024-09-29');
  });

  it('末日为普通工作日，不顺延；期间中的节假日照常计入 (民法典 第二百零一条)', () => {
    expect(addDays('2024-03-01', 60, 'calendarDay').date).toBe('2024-04-30');
    expect(addDays('2024-09-25', 15, 'calendarDay').date).toBe('2024-10-10');
  });
});

describe('剩余天数 countDays（中止时保存剩余期限，DOMAIN.md §0）', () => {
  it('起算日之后至截止日（含）经过的工作日数 (民法典 第二百零一条)', () => {
    expect(countDays('2024-09-27', '2024-10-10', 'workingDay')).toBe(5);
    expect(countDays('2024-09-30', '2024-10-10', 'workingDay')).toBe(3);
    expect(countDays('2024-10-01', '2024-10-07', 'workingDay')).toBe(0);
  });

  it('自然日数；截止日不晚于起算日时为0', () => {
    expect(countDays('2024-09-16', '2024-10-01', 'calendarDay')).toBe(15);
    expect(countDays('2024-10-10', '2024-10-10', 'workingDay')).toBe(0);
    expect(countDays('2024-10-10', '2024-10-01', 'calendarDay')).toBe(0);
  });

  it('countDays 是 addDays 的逆运算：n 个工作日后的日期与起算日之间恰有 n 个工作日', () => {
    for (const from of ['2024-09-20', '2024-09-28', '2025-01-20', '2025-01-29', '2024-12-31']) {
      for (const n of [1, 3, 5, 7, 10, 15, 30]) {
        expect(countDays(from, addDays(from, n, 'workingDay').date, 'workingDay'), `${from} + ${n}`).toBe(n);
      }
    }
  });

  it('中止期间不计入：7个工作日期限在 09-30 中止剩3个工作日，10-14 恢复后于 10-17 届满 (行政复议法 第三十九条)', () => {
    const due = addDays('2024-09-25', 7, 'workingDay').date;
    const remaining = countDays('2024-09-30', due, 'workingDay');
    expect(remaining).toBe(3);
    expect(addDays('2024-10-14', remaining, 'workingDay').date).toBe('2024-10-17');
  });
});

describe('今天（北京时间）', () => {
  it('UTC 16:00 之后在中国已是次日', () => {
    expect(todayInChina(new Date('2026-12-31T15:59:59Z'))).toBe('2026-12-31');
    expect(todayInChina(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01');
  });
});

describe('暂定期限：无节假日数据的年份仅扣除周末，导入后不再暂定（DOMAIN.md §0）', () => {
  it('chinese-days 内置 2004–2026 年；2027 年在导入前是暂定年份', () => {
    expect(builtinYears()).toEqual({ first: 2004, last: 2026 });
    expect(isProvisionalYear(2026)).toBe(false);
    expect(isProvisionalYear(2027)).toBe(true);
    expect(yearView(2027)).toMatchObject({ source: 'none', provisional: true, days: [] });
  });

  it('计算涉及2027年的工作日期限标记为暂定，按周一至周五计算；不涉及的不标记', () => {
    // 12-28..12-31 and 2027-01-01 (a plain Friday without data).
    expect(addDays('2026-12-25', 5, 'workingDay')).toEqual({ date: '2027-01-01', provisional: true });
    expect(addDays('2026-12-20', 5, 'workingDay')).toEqual({ date: '2026-12-25', provisional: false });
  });

  it('自然日期限的末日落在2027年即为暂定；末日在2026年则不是 (民法典 第二百零三条)', () => {
    expect(addDays('2026-12-01', 31, 'calendarDay')).toEqual({ date: '2027-01-01', provisional: true });
    expect(addDays('2026-11-01', 30, 'calendarDay')).toEqual({ date: '2026-12-01', provisional: false });
  });

  it('11月起提醒管理员导入下一年度安排，10月不提醒；下一年有内置数据时不提醒', () => {
    expect(calendarStatus('2026-10-31')).toMatchObject({ nextYear: 2027, nextYearLoaded: false, remind: false, message: null });
    expect(calendarStatus('2026-11-01')).toMatchObject({ nextYear: 2027, remind: true, message: '请尽快导入2027年法定节假日和调休安排（国务院办公厅通知）' });
    expect(calendarStatus('2025-12-20')).toMatchObject({ nextYear: 2026, nextYearLoaded: true, nextYearSource: 'builtin', remind: false });
    expect(calendarStatus('2027-01-05').message).toMatch(/本年度（2027年）.*尚未导入/);
  });

  it('导入数据有误时列出每一处错误，什么也不写入', async () => {
    const before = await auditCount('calendar.year.import');
    const bad = {
      holidays: [
        { name: '元旦', from: '2027-01-01', to: '2027-01-03' },
        { name: '春节', from: '2027-02-14', to: '2027-02-05' },
        { name: '清明节', from: '2026-04-03', to: '2026-04-05' },
        { name: '劳动节', from: '2027-05-01', to: '2027-05-32' },
        { name: '元旦补', from: '2027-01-03', to: '2027-01-03' },
      ],
      workdays: [
        { name: '元旦', date: '2027-01-02' },
        { name: '国庆节', date: '2027-09-27' },
      ],
    };
    const err = await importYear(d.db, systemActor, 2027, bad).catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err.status).toBe(400);
    expect(err.code).toBe('CALENDAR_IMPORT_INVALID');
    const entries = err.details.problems.map((p: { entry: string }) => p.entry);
    expect(entries).toEqual(['holidays[1]', 'holidays[2]', 'holidays[2]', 'holidays[3]', 'holidays[4]', 'workdays[0]', 'workdays[1]']);
    expect(err.message).toContain('放假安排第2项「春节」 结束日期 2027-02-05：结束日期早于开始日期');
    expect(err.message).toContain('放假安排第3项「清明节」 开始日期 2026-04-03：不在2027年内');
    expect(err.message).toContain('放假安排第4项「劳动节」 结束日期 2027-05-32：不是有效日期');
    expect(err.message).toContain('2027-01-03 已在「元旦」的放假区间内');
    expect(err.message).toContain('调休上班第1项「元旦」 日期 2027-01-02：既是「元旦」的放假日又是调休上班日');
    expect(err.message).toContain('调休上班第2项「国庆节」 日期 2027-09-27：是周一，本来就是工作日');
    expect(await rowsIn(2027)).toEqual([]);
    expect(await d.db.select().from(calendarYears)).toEqual([]);
    expect(await auditCount('calendar.year.import')).toBe(before);
    expect(isProvisionalYear(2027)).toBe(true);
  });

  it('监听者在同一事务中失败时，导入整体回滚，缓存也恢复原状（不留部分写入）', async () => {
    const stop = onCalendarChange(async () => {
      throw new Error('recompute failed');
    });
    try {
      await expect(importCalendarFile(d.db, example2027)).rejects.toThrow('recompute failed');
    } finally {
      stop();
    }
    expect(await rowsIn(2027)).toEqual([]);
    expect(await d.db.select().from(calendarYears)).toEqual([]);
    expect(await auditCount('calendar.year.import')).toBe(0);
    expect(isProvisionalYear(2027)).toBe(true);
    expect(addDays('2026-12-25', 5, 'workingDay')).toEqual({ date: '2027-01-01', provisional: true });
  });

  it('命令行导入示例 2027.json 后，2027年不再暂定，期限按导入的放假和调休计算；监听者在同一事务中收到 [2027]', async () => {
    const seen: { years: number[]; loadedInTx: boolean; workdayInCache: boolean; dueInTx: string }[] = [];
    const stop = onCalendarChange(async (tx, years) => {
      const rows = await tx.select().from(calendarYears).where(eq(calendarYears.year, 2027));
      seen.push({ years, loadedInTx: rows.length === 1, workdayInCache: isWorkday('2027-01-31'), dueInTx: addDays('2026-12-25', 5, 'workingDay').date });
    });
    try {
      const r = await importCalendarFile(d.db, example2027);
      expect(r).toMatchObject({ year: 2027, holidayDays: 30, workdays: 5, replaced: 0 });
      expect(r.source).toMatch(/示例数据（非正式，须替换）/);
    } finally {
      stop();
    }
    expect(seen).toEqual([{ years: [2027], loadedInTx: true, workdayInCache: true, dueInTx: '2027-01-04' }]);
    expect(isProvisionalYear(2027)).toBe(false);
    // 元旦 2027-01-01..03 off: 12-28..12-31 then Monday 01-04.
    expect(addDays('2026-12-25', 5, 'workingDay')).toEqual({ date: '2027-01-04', provisional: false });
    expect(addDays('2026-12-01', 31, 'calendarDay')).toEqual({ date: '2027-01-04', provisional: false });
    // 春节 2027: 01-31 (Sunday) works, 02-05..02-14 off, 02-20 (Saturday) works.
    expect(addDays('2027-01-29', 1, 'workingDay').date).toBe('2027-01-31');
    expect(addDays('2027-02-04', 1, 'workingDay').date).toBe('2027-02-15');
    expect(isWorkday('2027-02-20')).toBe(true);
    expect(yearView(2027)).toMatchObject({ source: 'loaded', provisional: false });
    expect(yearView(2027).days.find((x) => x.date === '2027-10-01')).toEqual({ date: '2027-10-01', isWorkday: false, name: '国庆节', override: true });
    expect(calendarStatus('2026-11-23')).toMatchObject({ nextYearLoaded: true, nextYearSource: 'loaded', remind: false, message: null });
    expect(await auditCount('calendar.year.import')).toBe(1);
    // The cache is rebuilt from the database alone (as at the next start).
    await loadCalendar(d.db);
    expect(addDays('2026-12-25', 5, 'workingDay')).toEqual({ date: '2027-01-04', provisional: false });
  });

  it('再次导入同一年份替换该年全部调整（更正通知），审计记录原有数据', async () => {
    const r = await importYear(d.db, systemActor, 2027, {
      source: '更正',
      holidays: [{ name: '元旦', from: '2027-01-01', to: '2027-01-03' }],
      workdays: [],
    });
    expect(r).toMatchObject({ holidayDays: 3, workdays: 0, replaced: 35 });
    expect((await rowsIn(2027)).length).toBe(3);
    expect(isWorkday('2027-01-31')).toBe(false);
    expect(isWorkday('2027-10-04')).toBe(true);
    const [entry] = await d.db.select().from(auditLog).where(eq(auditLog.action, 'calendar.year.import')).orderBy(sql`${auditLog.seq} desc`).limit(1);
    expect((entry.before as { days: unknown[] }).days).toHaveLength(35);
    expect(entry.summary).toBe('导入2027年法定节假日和调休安排：放假3天，调休上班0天（更正）');
  });

  it('命令行导入：年份与文件不符、文件不是 JSON 时给出中文错误', async () => {
    await expect(importCalendarFile(d.db, example2027, 2028)).rejects.toThrow(/文件中的年份与导入年份 2028 不一致/);
    const tmp = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'fz-cal-')), 'x.json');
    fs.writeFileSync(tmp, '{ holidays: ');
    await expect(importCalendarFile(d.db, tmp)).rejects.toThrow(/不是有效的 JSON/);
    fs.writeFileSync(tmp, JSON.stringify({ holidays: [{ name: '', from: '2028-01-01', to: '2028-01-01' }] }));
    await expect(importCalendarFile(d.db, tmp)).rejects.toThrow(/放假安排第1项 名称：请填写节日名称/);
    expect(await rowsIn(2028)).toEqual([]);
  });

  it('导入内置年份（更正已发布的安排）后，该年以导入内容为准，未列入的节日不再放假', async () => {
    expect(isWorkday('2025-10-01')).toBe(false);
    await importYear(d.db, systemActor, 2025, { year: 2025, holidays: [{ name: '元旦', from: '2025-01-01', to: '2025-01-01' }] });
    expect(yearView(2025).source).toBe('loaded');
    expect(isWorkday('2025-10-01')).toBe(true);
    expect(isWorkday('2025-01-26')).toBe(false);
    expect(isWorkday('2025-01-01')).toBe(false);
  });
});

describe('按月计算的期间 (民法典 第二百零二条)', () => {
  it('到期月的对应日为期间的最后一日：2025-03-03 起六个月 → 2025-09-03', () => {
    expect(addDays('2025-03-03', 6, 'month')).toEqual({ date: '2025-09-03', provisional: false });
  });
  it('没有对应日的，为月末日：2024-08-31 起六个月 → 2025-02-28', () => {
    expect(addDays('2024-08-31', 6, 'month').date).toBe('2025-02-28');
    expect(addDays('2023-08-31', 6, 'month').date).toBe('2024-02-29');
  });
  it('最后一日是法定休假日的顺延：2024-04-01 起六个月 = 国庆 → 2024-10-08 (民法典 第二百零三条)', () => {
    expect(addDays('2024-04-01', 6, 'month').date).toBe('2024-10-08');
  });
  it('已经过的整月数', () => {
    expect(countDays('2025-03-03', '2025-09-02', 'month')).toBe(5);
    expect(countDays('2025-03-03', '2025-09-03', 'month')).toBe(6);
  });
});
