import dayjs, { type Dayjs } from 'dayjs';

/** The period a figure is for: a year, a quarter, a month, 1—N月 (year to date), or any range (inclusive bounds, YYYY-MM-DD). */
export type PeriodKind = 'year' | 'quarter' | 'month' | 'ytd' | 'range';

export interface Period {
  kind: PeriodKind;
  /** Any day inside the year / quarter / month. */
  anchor: Dayjs;
  /** For 'range'. */
  range?: [Dayjs, Dayjs];
}

const fmt = (d: Dayjs) => d.format('YYYY-MM-DD');

export function periodBounds(p: Period): { from: string; to: string } {
  const a = p.anchor;
  switch (p.kind) {
    case 'year':
      return { from: fmt(a.startOf('year')), to: fmt(a.endOf('year')) };
    case 'quarter': {
      const q0 = Math.floor(a.month() / 3) * 3;
      const start = a.month(q0).startOf('month');
      return { from: fmt(start), to: fmt(start.add(2, 'month').endOf('month')) };
    }
    case 'month':
      return { from: fmt(a.startOf('month')), to: fmt(a.endOf('month')) };
    case 'ytd':
      return { from: fmt(a.startOf('year')), to: fmt(a.endOf('month')) };
    case 'range':
      return p.range ? { from: fmt(p.range[0]), to: fmt(p.range[1]) } : { from: fmt(a.startOf('year')), to: fmt(a.endOf('year')) };
  }
}

export function periodLabel(p: Period): string {
  const a = p.anchor;
  switch (p.kind) {
    case 'year':
      return `${a.year()}年`;
    case 'quarter':
      return `${a.year()}年第${Math.floor(a.month() / 3) + 1}季度`;
    case 'month':
      return `${a.year()}年${a.month() + 1}月`;
    case 'ytd':
      return a.month() === 0 ? `${a.year()}年1月` : `${a.year()}年1—${a.month() + 1}月`;
    case 'range': {
      const { from, to } = periodBounds(p);
      return `${from} 至 ${to}`;
    }
  }
}

export const thisYear = (): Period => ({ kind: 'year', anchor: dayjs() });

/** The period as the indicator API's query parameters (period, year, quarter, month, from, to). */
export function periodParams(p: Period): { period: 'year' | 'quarter' | 'month' | 'ytd' | 'custom'; year?: number; quarter?: number; month?: number; from?: string; to?: string } {
  const a = p.anchor;
  switch (p.kind) {
    case 'year':
      return { period: 'year', year: a.year() };
    case 'quarter':
      return { period: 'quarter', year: a.year(), quarter: Math.floor(a.month() / 3) + 1 };
    case 'month':
      return { period: 'month', year: a.year(), month: a.month() + 1 };
    case 'ytd':
      return { period: 'ytd', year: a.year(), month: a.month() + 1 };
    case 'range':
      return { period: 'custom', ...periodBounds(p) };
  }
}
