/**
 * Plain calendar dates ('YYYY-MM-DD') as day numbers since 1970-01-01: legal periods count whole days in
 * China, so no time of day and no time zone ever enters the arithmetic.
 */
const DAY_MS = 86_400_000;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Is `s` a real date written 'YYYY-MM-DD' (2024-02-30 is not)? */
export function isIsoDate(s: unknown): s is string {
  if (typeof s !== 'string') return false;
  const m = ISO.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

/** Day number of a date already checked with isIsoDate. */
export function dayNumber(s: string): number {
  return Date.UTC(+s.slice(0, 4), +s.slice(5, 7) - 1, +s.slice(8, 10)) / DAY_MS;
}

export function fromDayNumber(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

export function yearOf(s: string): number {
  return +s.slice(0, 4);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(n: number): number {
  return (((n + 4) % 7) + 7) % 7;
}

/** A plain week: Monday–Friday work, Saturday and Sunday rest (国务院关于职工工作时间的规定 第七条). */
export function isPlainWorkday(n: number): boolean {
  const w = weekdayOf(n);
  return w !== 0 && w !== 6;
}

export const weekdayLabel = (n: number) => ['周日', '周一', '周二', '周三', '周四', '周五', '周六'][weekdayOf(n)];
