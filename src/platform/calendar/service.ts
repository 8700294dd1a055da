import chineseDays from 'chinese-days';
import { and, eq, gte, lte, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, DbOrTx } from '../db/client';
import { AppError, invalid } from '../errors';
import { recordAudit, type Actor } from '../audit/service';
import { dayNumber, fromDayNumber, isIsoDate, isPlainWorkday, weekdayLabel, yearOf } from './dates';
import { calendarDays, calendarYears } from './schema';

/**
 * The working-day calendar (DOMAIN.md §0). One answer to "which days count": the national arrangement
 * shipped by `chinese-days`, a year an admin loaded from the 国务院办公厅 notice (calendar_years +
 * calendar_days), and single-day corrections (calendar_days), held in memory so deadline arithmetic is sync.
 */

/** 'month' periods follow 民法典 第二百零二条 (the corresponding day of the last month, or its last day). */
export type DayUnit = 'workingDay' | 'calendarDay' | 'month';
export interface DayResult {
  date: string;
  /** 暂定: the count touched a day of a year with no holiday data, so only weekends were skipped (DOMAIN.md §0). */
  provisional: boolean;
}

export interface DayView {
  date: string;
  isWorkday: boolean;
  /** The holiday the day belongs to (for a 调休 workday: the holiday it makes up for), or null. */
  name: string | null;
  /** Set in calendar_days (an admin correction or a loaded year), rather than shipped data or a plain week. */
  override: boolean;
}

export type YearSource = 'builtin' | 'loaded' | 'none';

// chinese-days has no `exports` map, so in Node ESM only the default import works (STACK-NOTES).
const { getDayDetail } = chineseDays;

// ---------------------------------------------------------------------------------------------------------
// Shipped data: chinese-days covers 2004 up to the last year it knows (2026 in 1.5.7) and silently answers
// a plain Mon–Fri week beyond, so the covered years are detected rather than trusted (DOMAIN.md §0).
// ---------------------------------------------------------------------------------------------------------
const BUILTIN_FIRST_YEAR = 2004;

interface Builtin {
  lastYear: number;
  /** Only the days that are not a plain Mon–Fri day without a name. */
  days: Map<string, { isWorkday: boolean; name: string | null }>;
}

let builtin: Builtin | null = null;

function builtinData(): Builtin {
  if (builtin) return builtin;
  const days = new Map<string, { isWorkday: boolean; name: string | null }>();
  let lastYear = BUILTIN_FIRST_YEAR - 1;
  for (let year = BUILTIN_FIRST_YEAR; year < 2200; year++) {
    let named = 0;
    const end = dayNumber(`${year}-12-31`);
    for (let n = dayNumber(`${year}-01-01`); n <= end; n++) {
      const date = fromDayNumber(n);
      // A 'YYYY-MM-DD' string is read as UTC but looked up in local time (a day off west of UTC): pass local midnight.
      const detail = getDayDetail(new Date(year, +date.slice(5, 7) - 1, +date.slice(8, 10)));
      if (detail.date !== date) throw new Error(`chinese-days answered ${detail.date} for ${date}`);
      // Holidays and 调休 workdays are named 'National Day,国庆节,3'; plain days 'Monday'.
      const name = detail.name.includes(',') ? detail.name.split(',')[1] : null;
      if (name) named++;
      if (name || detail.work !== isPlainWorkday(n)) days.set(date, { isWorkday: detail.work, name });
    }
    if (named === 0) break;
    lastYear = year;
  }
  builtin = { lastYear, days };
  return builtin;
}

/** Years chinese-days has the national arrangement for. */
export function builtinYears(): { first: number; last: number } {
  return { first: BUILTIN_FIRST_YEAR, last: builtinData().lastYear };
}

// ---------------------------------------------------------------------------------------------------------
// The in-memory cache of the database part.
// ---------------------------------------------------------------------------------------------------------
interface Cache {
  overrides: Map<string, { isWorkday: boolean; name: string | null }>;
  loadedYears: Map<number, { source: string | null; loadedAt: Date }>;
}

let cache: Cache = { overrides: new Map(), loadedYears: new Map() };

/** Loads the DB overrides and loaded years into the cache; call at start and after every change. */
export async function loadCalendar(db: DbOrTx): Promise<void> {
  const [days, years] = await Promise.all([db.select().from(calendarDays), db.select().from(calendarYears)]);
  cache = {
    overrides: new Map(days.map((d) => [d.day, { isWorkday: d.isWorkday, name: d.name }])),
    loadedYears: new Map(years.map((y) => [y.year, { source: y.source, loadedAt: y.loadedAt }])),
  };
}

function isBuiltinYear(year: number): boolean {
  return year >= BUILTIN_FIRST_YEAR && year <= builtinData().lastYear;
}

export function yearSource(year: number): YearSource {
  if (cache.loadedYears.has(year)) return 'loaded';
  return isBuiltinYear(year) ? 'builtin' : 'none';
}

/** No data for the year: outside chinese-days and not loaded by an admin (DOMAIN.md §0: 暂定). */
export function isProvisionalYear(year: number): boolean {
  return yearSource(year) === 'none';
}

/**
 * How one day counts. A calendar_days row wins; a loaded year is the admin's full arrangement on a plain
 * week (so a holiday dropped by a corrected notice really goes); otherwise chinese-days; otherwise a plain week.
 */
function dayInfo(date: string, n = dayNumber(date)): DayView {
  const o = cache.overrides.get(date);
  if (o) return { date, isWorkday: o.isWorkday, name: o.name, override: true };
  return baseInfo(date, n);
}

/** The day without its calendar_days row. */
function baseInfo(date: string, n = dayNumber(date)): DayView {
  const year = yearOf(date);
  if (!cache.loadedYears.has(year) && isBuiltinYear(year)) {
    const b = builtinData().days.get(date);
    if (b) return { date, isWorkday: b.isWorkday, name: b.name, override: false };
  }
  return { date, isWorkday: isPlainWorkday(n), name: null, override: false };
}

function checkDate(date: string, label = '日期'): number {
  if (!isIsoDate(date)) throw invalid(`${label}“${date}”不是有效日期（格式 YYYY-MM-DD）`, { field: label, value: date }, 'CALENDAR_BAD_DATE');
  return dayNumber(date);
}

/**
 * 工作日: Monday–Friday minus 法定节假日, plus 调休 weekend workdays (DOMAIN.md §0), from the cache.
 */
export function isWorkday(date: string): boolean {
  return dayInfo(date, checkDate(date)).isWorkday;
}

/** The effective status of one day, with its holiday name and whether an admin set it. */
export function dayView(date: string): DayView {
  return dayInfo(date, checkDate(date));
}

function checkDays(days: number) {
  if (!Number.isInteger(days) || days < 0) throw invalid(`期间天数应为不小于0的整数（收到 ${days}）`, { days }, 'CALENDAR_BAD_DAYS');
}

/**
 * The last day of a period of `days` units after `from`.
 * - 民法典 第二百零一条: the start day is not counted.
 * - workingDay: counts working days only (行政复议法 第八十八条: its 三日、五日、七日、十日 are 工作日).
 * - calendarDay: from + days; if that day is a 法定休假日 (holiday or weekend rest day) the period ends on
 *   the next working day (民法典 第二百零三条; 行政诉讼法 第一百零一条 → 民事诉讼法 第八十五条).
 * With 0 days the period ends on `from`, or on the next working day if `from` is a rest day, so the
 * result is always a working day.
 * `provisional` is true if any day the answer depends on lies in a year without data (DOMAIN.md §0).
 */
export function addDays(from: string, days: number, unit: DayUnit): DayResult {
  let n = checkDate(from, '起算日期');
  checkDays(days);
  let provisional = false;
  const consult = (m: number) => {
    const date = fromDayNumber(m);
    if (!provisional && isProvisionalYear(yearOf(date))) provisional = true;
    return dayInfo(date, m).isWorkday;
  };
  if (unit === 'workingDay') {
    let left = days;
    while (left > 0) if (consult(++n)) left--;
  } else if (unit === 'month') {
    n = dayNumber(addMonths(from, days));
  } else {
    n += days;
  }
  // 民法典 第二百零三条: a last day that is a 法定休假日 moves to the next working day.
  while (!consult(n)) n++;
  return { date: fromDayNumber(n), provisional };
}

/**
 * 民法典 第二百零二条: a period in months ends on the corresponding day of the last month; without one
 * (e.g. 8月31日 + 6个月), on that month's last day.
 */
export function addMonths(from: string, months: number): string {
  const [y, m, d] = from.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** addDays with 'workingDay' (行政复议法 第八十八条). */
export const addWorkingDays = (from: string, days: number) => addDays(from, days, 'workingDay');

/**
 * How many days of the unit elapse after `from` (not counted, 民法典 第二百零一条) up to and including `to`;
 * 0 if `to` <= `from`. Used for the days remaining when a clock is suspended (中止).
 */
export function countDays(from: string, to: string, unit: DayUnit): number {
  const a = checkDate(from, '起算日期');
  const b = checkDate(to, '截止日期');
  if (b <= a) return 0;
  if (unit === 'month') {
    let months = 0;
    while (dayNumber(addMonths(from, months + 1)) <= b) months++;
    return months;
  }
  if (unit === 'calendarDay') return b - a;
  let count = 0;
  for (let n = a + 1; n <= b; n++) if (dayInfo(fromDayNumber(n), n).isWorkday) count++;
  return count;
}

/** Today's date in Asia/Shanghai (UTC+8 all year: China has no daylight saving since 1991). */
export function todayInChina(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

// ---------------------------------------------------------------------------------------------------------
// Listeners: the workflow engine recomputes open deadlines when the calendar changes (DOMAIN.md §0).
// ---------------------------------------------------------------------------------------------------------
type Listener = (db: DbOrTx, years: number[]) => Promise<void>;
const listeners = new Set<Listener>();

/** Called inside the transaction of every admin change, with the years it touched. Returns an unsubscribe. */
export function onCalendarChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

// One writer at a time, so the cache reloaded inside a change reflects every committed change before it.
const CALENDAR_LOCK = 727_101;

/** Runs an admin change, reloads the cache and notifies listeners in one transaction; rolls the cache back on failure. */
async function change<T>(db: DbOrTx, years: number[], work: (tx: DbOrTx) => Promise<T>): Promise<T> {
  const previous = cache;
  try {
    return await (db as Db).transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${CALENDAR_LOCK})`);
      const result = await work(tx);
      await loadCalendar(tx);
      for (const listener of listeners) await listener(tx, years);
      return result;
    });
  } catch (err) {
    cache = previous;
    await loadCalendar(db).catch(() => undefined);
    throw err;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Admin views and changes.
// ---------------------------------------------------------------------------------------------------------
export interface YearView {
  year: number;
  source: YearSource;
  /** Where a loaded year came from (e.g. the notice's 文号), when loaded. */
  sourceNote: string | null;
  provisional: boolean;
  /** Only the days that differ from a plain Mon–Fri week: holidays (incl. their weekend days), 调休 workdays, overrides. */
  days: DayView[];
}

export function yearView(year: number): YearView {
  const days: DayView[] = [];
  const end = dayNumber(`${year}-12-31`);
  for (let n = dayNumber(`${year}-01-01`); n <= end; n++) {
    const d = dayInfo(fromDayNumber(n), n);
    if (d.override || d.name || d.isWorkday !== isPlainWorkday(n)) days.push(d);
  }
  const source = yearSource(year);
  return { year, source, sourceNote: cache.loadedYears.get(year)?.source ?? null, provisional: source === 'none', days };
}

export interface CalendarStatus {
  today: string;
  nextYear: number;
  /** Next year has data (shipped or loaded). */
  nextYearLoaded: boolean;
  nextYearSource: YearSource;
  remind: boolean;
  message: string | null;
}

/**
 * 国务院办公厅 publishes next year's arrangement around November: from November on, admins are reminded
 * to load it while it has no data; a current year without data is always reminded (DOMAIN.md §0).
 */
export function calendarStatus(today: string = todayInChina()): CalendarStatus {
  const year = yearOf(today);
  const month = +today.slice(5, 7);
  const nextYear = year + 1;
  const nextYearSource = yearSource(nextYear);
  let message: string | null = null;
  if (isProvisionalYear(year)) {
    message = `本年度（${year}年）法定节假日和调休安排尚未导入，期限暂按仅扣除周末计算，请尽快导入（国务院办公厅通知）`;
  } else if (month >= 11 && nextYearSource === 'none') {
    message = `请尽快导入${nextYear}年法定节假日和调休安排（国务院办公厅通知）`;
  }
  return { today, nextYear, nextYearLoaded: nextYearSource !== 'none', nextYearSource, remind: message !== null, message };
}

export interface SetDayInput {
  isWorkday: boolean;
  name?: string | null;
}

/** An admin marks one day as a 法定节假日 (isWorkday false) or a 调休 workday (true), whatever the data said. */
export async function setDay(db: DbOrTx, actor: Actor, date: string, input: SetDayInput): Promise<DayView> {
  checkDate(date);
  const name = input.name?.trim() || null;
  return change(db, [yearOf(date)], async (tx) => {
    const [current] = await tx.select().from(calendarDays).where(eq(calendarDays.day, date));
    const before: DayView = current ? { date, isWorkday: current.isWorkday, name: current.name, override: true } : baseInfo(date);
    const row = { isWorkday: input.isWorkday, name, updatedAt: new Date(), updatedBy: actor.id };
    await tx.insert(calendarDays).values({ day: date, ...row }).onConflictDoUpdate({ target: calendarDays.day, set: row });
    const after: DayView = { date, isWorkday: input.isWorkday, name, override: true };
    await recordAudit(tx, actor, {
      action: 'calendar.day.set',
      entityType: 'calendar_day',
      entityId: date,
      summary: `将 ${date}（${weekdayLabel(dayNumber(date))}）设为${input.isWorkday ? '工作日' : '休息日'}${name ? `（${name}）` : ''}`,
      before,
      after,
    });
    return after;
  });
}

/**
 * Removes an admin's override of one day, back to the loaded year / shipped data / plain week. The row
 * is configuration, not a record: the audit chain keeps its before and after.
 */
export async function resetDay(db: DbOrTx, actor: Actor, date: string): Promise<DayView> {
  checkDate(date);
  return change(db, [yearOf(date)], async (tx) => {
    const removed = await tx.delete(calendarDays).where(eq(calendarDays.day, date)).returning();
    if (!removed.length) throw new AppError('CALENDAR_NO_OVERRIDE', `${date} 没有人工调整，无需恢复默认`, 404, { date });
    const before: DayView = { date, isWorkday: removed[0].isWorkday, name: removed[0].name, override: true };
    const after = baseInfo(date);
    await recordAudit(tx, actor, {
      action: 'calendar.day.reset',
      entityType: 'calendar_day',
      entityId: date,
      summary: `恢复 ${date} 的默认安排（${after.isWorkday ? '工作日' : '休息日'}）`,
      before,
      after,
    });
    return after;
  });
}

// ---------------------------------------------------------------------------------------------------------
// Loading a year: the shape of the 国务院办公厅 notice — each holiday a date range, each 调休 workday a date.
// ---------------------------------------------------------------------------------------------------------
export const yearImportSchema = z.object({
  year: z.number().int().optional().describe('年份（可省略；给出时须与导入年份一致）'),
  source: z.string().trim().max(500).optional().describe('来源，如通知文号'),
  holidays: z
    .array(z.object({ name: z.string().trim().min(1, '请填写节日名称').max(50), from: z.string(), to: z.string() }))
    .describe('放假安排：每个节日一个日期区间（含周末）'),
  workdays: z.array(z.object({ name: z.string().trim().min(1, '请填写节日名称').max(50), date: z.string() })).default([]).describe('调休上班日'),
});
export type YearImport = z.input<typeof yearImportSchema>;

export interface ImportProblem {
  /** 'holidays[2]', 'workdays[0]' or the whole file. */
  entry: string;
  field: string | null;
  value: unknown;
  reason: string;
}

const MAX_HOLIDAY_DAYS = 31;

/** Every problem of an import, so the admin fixes them all at once (STYLE.md: list every bad entry). */
export function validateYearImport(year: number, input: z.output<typeof yearImportSchema>): ImportProblem[] {
  const problems: ImportProblem[] = [];
  const add = (entry: string, field: string | null, value: unknown, reason: string) => problems.push({ entry, field, value, reason });
  if (!Number.isInteger(year) || year < 2000 || year > 2100) add('year', null, year, '年份应在2000至2100之间');
  if (input.year !== undefined && input.year !== year) add('year', null, input.year, `文件中的年份与导入年份 ${year} 不一致`);
  if (input.holidays.length === 0) add('holidays', null, [], '没有任何放假安排');
  const inYear = (entry: string, field: string, value: string): number | null => {
    if (!isIsoDate(value)) return add(entry, field, value, '不是有效日期（格式 YYYY-MM-DD）'), null;
    if (yearOf(value) !== year) return add(entry, field, value, `不在${year}年内`), null;
    return dayNumber(value);
  };
  const holidayOf = new Map<string, string>();
  input.holidays.forEach((h, i) => {
    const entry = `holidays[${i}]`;
    const a = inYear(entry, 'from', h.from);
    const b = inYear(entry, 'to', h.to);
    if (a === null || b === null) return;
    if (a > b) return add(entry, 'to', h.to, `结束日期早于开始日期 ${h.from}`);
    if (b - a + 1 > MAX_HOLIDAY_DAYS) return add(entry, 'to', h.to, `放假区间长达 ${b - a + 1} 天，超过 ${MAX_HOLIDAY_DAYS} 天，请核对日期`);
    for (let n = a; n <= b; n++) {
      const date = fromDayNumber(n);
      const other = holidayOf.get(date);
      if (other !== undefined) add(entry, 'from', h.from, `${date} 已在「${other}」的放假区间内`);
      else holidayOf.set(date, h.name);
    }
  });
  const workdaySeen = new Set<string>();
  input.workdays.forEach((w, i) => {
    const entry = `workdays[${i}]`;
    const n = inYear(entry, 'date', w.date);
    if (n === null) return;
    if (workdaySeen.has(w.date)) return add(entry, 'date', w.date, '调休上班日重复');
    workdaySeen.add(w.date);
    if (holidayOf.has(w.date)) return add(entry, 'date', w.date, `既是「${holidayOf.get(w.date)}」的放假日又是调休上班日`);
    // 调休 moves a weekend day to work; a Monday–Friday "workday" is almost always a mistyped date.
    if (isPlainWorkday(n)) add(entry, 'date', w.date, `是${weekdayLabel(n)}，本来就是工作日，调休上班日应为周六或周日`);
  });
  return problems;
}

/** '放假安排第2项「春节」' for 'holidays[1]', from whatever the input holds (it may have failed its schema). */
function entryLabel(entry: string, input: unknown): string {
  const m = /^(holidays|workdays)\[(\d+)\]$/.exec(entry);
  if (!m) return entryNames[entry] ?? entry;
  const i = +m[2];
  const item = (input as Record<string, unknown[] | undefined> | null)?.[m[1]]?.[i] as { name?: unknown } | undefined;
  const name = typeof item?.name === 'string' ? item.name.trim() : '';
  return `${entryNames[m[1]]}第${i + 1}项${name ? `「${name}」` : ''}`;
}

const entryNames: Record<string, string> = { year: '年份', holidays: '放假安排', workdays: '调休上班', source: '来源', file: '文件' };
const fieldNames: Record<string, string> = { from: '开始日期', to: '结束日期', date: '日期', name: '名称' };

function importError(year: number, problems: ImportProblem[], input: unknown) {
  const lines = problems.map((p) => {
    const value = p.value === undefined || p.value === null || typeof p.value === 'object' ? '' : ` ${String(p.value)}`;
    return `${entryLabel(p.entry, input)}${p.field ? ` ${fieldNames[p.field] ?? p.field}` : ''}${value}：${p.reason}`;
  });
  return new AppError('CALENDAR_IMPORT_INVALID', `${year}年日历数据有${problems.length}处错误，未导入任何内容：${lines.join('；')}`, 400, { problems });
}

export interface ImportResult {
  year: number;
  source: string | null;
  holidayDays: number;
  workdays: number;
  /** Overrides of that year replaced by the import. */
  replaced: number;
}

/**
 * Loads a year's 法定节假日 and 调休 (国务院办公厅 notice): validates every entry, replaces that year's
 * overrides, marks the year loaded, audits, reloads the cache and lets the engine recompute deadlines — one
 * transaction; any bad entry → 400 listing them all, nothing written.
 */
export async function importYear(db: DbOrTx, actor: Actor, year: number, raw: YearImport): Promise<ImportResult> {
  const parsed = yearImportSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map<ImportProblem>((i) => ({
      entry: i.path.length >= 2 ? `${String(i.path[0])}[${String(i.path[1])}]` : String(i.path[0] ?? 'file'),
      field: i.path.length >= 3 ? String(i.path[2]) : null,
      value: undefined,
      reason: i.message,
    }));
    throw importError(year, problems, raw);
  }
  const input = parsed.data;
  const problems = validateYearImport(year, input);
  if (problems.length) throw importError(year, problems, input);

  const rows = new Map<string, { isWorkday: boolean; name: string }>();
  for (const h of input.holidays) for (let n = dayNumber(h.from); n <= dayNumber(h.to); n++) rows.set(fromDayNumber(n), { isWorkday: false, name: h.name });
  for (const w of input.workdays) rows.set(w.date, { isWorkday: true, name: w.name });
  const source = input.source?.trim() || null;

  return change(db, [year], async (tx) => {
    const inYear = and(gte(calendarDays.day, `${year}-01-01`), lte(calendarDays.day, `${year}-12-31`));
    const beforeDays = await tx.select().from(calendarDays).where(inYear).orderBy(calendarDays.day);
    const beforeYear = (await tx.select().from(calendarYears).where(eq(calendarYears.year, year)))[0] ?? null;
    await tx.delete(calendarDays).where(inYear);
    const now = new Date();
    const values = [...rows].sort(([a], [b]) => a.localeCompare(b)).map(([day, r]) => ({ day, ...r, updatedAt: now, updatedBy: actor.id }));
    await tx.insert(calendarDays).values(values);
    const yearRow = { source, loadedAt: now, loadedBy: actor.id };
    await tx.insert(calendarYears).values({ year, ...yearRow }).onConflictDoUpdate({ target: calendarYears.year, set: yearRow });
    const holidayDays = values.filter((v) => !v.isWorkday).length;
    const workdays = values.length - holidayDays;
    await recordAudit(tx, actor, {
      action: 'calendar.year.import',
      entityType: 'calendar_year',
      entityId: String(year),
      summary: `导入${year}年法定节假日和调休安排：放假${holidayDays}天，调休上班${workdays}天${source ? `（${source}）` : ''}`,
      before: {
        loaded: !!beforeYear,
        source: beforeYear?.source ?? null,
        days: beforeDays.map((d) => ({ date: d.day, isWorkday: d.isWorkday, name: d.name })),
      },
      after: { loaded: true, source, holidays: input.holidays, workdays: input.workdays },
    });
    return { year, source, holidayDays, workdays, replaced: beforeDays.length };
  });
}
