import { z } from 'zod';
import { AppError } from '../errors';

/**
 * The period a figure is for. 年报 and 考核 speak of 年度, 季度, 月度, "1—11月" (year to date, the usual
 * cut-off when a report is drafted before the year ends) and any 自定义 range.
 */
export type Period =
  | { kind: 'year'; year: number }
  | { kind: 'quarter'; year: number; quarter: number }
  | { kind: 'month'; year: number; month: number }
  /** 1月1日 to the last day of `month` (1—N月). */
  | { kind: 'ytd'; year: number; month: number }
  | { kind: 'custom'; from: string; to: string };

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const iso = /^\d{4}-\d{2}-\d{2}$/;

export function periodBounds(p: Period): { from: string; to: string } {
  switch (p.kind) {
    case 'year':
      return { from: `${p.year}-01-01`, to: `${p.year}-12-31` };
    case 'quarter': {
      const m0 = (p.quarter - 1) * 3 + 1;
      return { from: `${p.year}-${pad(m0)}-01`, to: `${p.year}-${pad(m0 + 2)}-${pad(lastDay(p.year, m0 + 2))}` };
    }
    case 'month':
      return { from: `${p.year}-${pad(p.month)}-01`, to: `${p.year}-${pad(p.month)}-${pad(lastDay(p.year, p.month))}` };
    case 'ytd':
      return { from: `${p.year}-01-01`, to: `${p.year}-${pad(p.month)}-${pad(lastDay(p.year, p.month))}` };
    case 'custom':
      return { from: p.from, to: p.to };
  }
}

/** A date one year earlier; 2月29日 becomes 2月28日. */
function shiftYear(d: string, by: number): string {
  const y = Number(d.slice(0, 4)) + by;
  const m = Number(d.slice(5, 7));
  const day = Math.min(Number(d.slice(8, 10)), lastDay(y, m));
  return `${y}-${pad(m)}-${pad(day)}`;
}

/** 同期: the same period one year earlier (a custom range shifts both ends; a month keeps its whole month). */
export function samePeriodLastYear(p: Period): Period {
  if (p.kind === 'custom') {
    // A range ending on the last day of February stays month-end in the other year.
    const endsFeb = p.to.slice(5, 7) === '02' && Number(p.to.slice(8)) === lastDay(Number(p.to.slice(0, 4)), 2);
    const to = endsFeb ? `${Number(p.to.slice(0, 4)) - 1}-02-${pad(lastDay(Number(p.to.slice(0, 4)) - 1, 2))}` : shiftYear(p.to, -1);
    return { kind: 'custom', from: shiftYear(p.from, -1), to };
  }
  return { ...p, year: p.year - 1 } as Period;
}

export function periodLabel(p: Period): string {
  switch (p.kind) {
    case 'year':
      return `${p.year}年`;
    case 'quarter':
      return `${p.year}年第${'一二三四'[p.quarter - 1]}季度`;
    case 'month':
      return `${p.year}年${p.month}月`;
    case 'ytd':
      return p.month === 1 ? `${p.year}年1月` : `${p.year}年1—${p.month}月`;
    case 'custom':
      return `${p.from}至${p.to}`;
  }
}

/** The query string form every indicator endpoint accepts. */
export const periodQuery = z.object({
  period: z.enum(['year', 'quarter', 'month', 'ytd', 'custom']).optional().describe('期间类型：年度、季度、月度、1—N月、自定义'),
  year: z.coerce.number().int().min(2000).max(2100).optional().describe('年份，默认今年'),
  quarter: z.coerce.number().int().min(1).max(4).optional().describe('季度 1–4'),
  month: z.coerce.number().int().min(1).max(12).optional().describe('月份 1–12（月度、1—N月）'),
  from: z.string().optional().describe('起始日期 YYYY-MM-DD（自定义，或兼容旧参数）'),
  to: z.string().optional().describe('截止日期 YYYY-MM-DD'),
});
export type PeriodQuery = z.infer<typeof periodQuery>;

const bad = (message: string) => new AppError('INDICATOR_BAD_PERIOD', message, 400);

/** Reads a period from the query; without `period`, `from`/`to` make a custom range and nothing means this year. */
export function parsePeriod(q: PeriodQuery, today = new Date()): Period {
  const year = q.year ?? today.getFullYear();
  const kind = q.period ?? (q.from || q.to ? 'custom' : 'year');
  switch (kind) {
    case 'year':
      return { kind, year };
    case 'quarter':
      if (!q.quarter) throw bad('请选择季度');
      return { kind, year, quarter: q.quarter };
    case 'month':
    case 'ytd':
      if (!q.month) throw bad('请选择月份');
      return { kind, year, month: q.month };
    case 'custom': {
      const from = q.from ?? `${year}-01-01`;
      const to = q.to ?? `${year}-12-31`;
      if (!iso.test(from) || !iso.test(to) || Number.isNaN(Date.parse(from)) || Number.isNaN(Date.parse(to))) throw bad('日期格式应为 YYYY-MM-DD');
      if (from > to) throw bad('起始日期不能晚于截止日期');
      return { kind, from, to };
    }
  }
}

/** The twelve months ending with the period's last month, for trend lines. */
export function trailingMonths(p: Period, n = 12): Period[] {
  const end = periodBounds(p).to;
  let y = Number(end.slice(0, 4));
  let m = Number(end.slice(5, 7));
  const out: Period[] = [];
  for (let i = 0; i < n; i++) {
    out.unshift({ kind: 'month', year: y, month: m });
    m -= 1;
    if (m === 0) {
      m = 12;
      y -= 1;
    }
  }
  return out;
}
