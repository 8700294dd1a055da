import fs from 'node:fs';
import type { DbOrTx } from '../db/client';
import { AppError } from '../errors';
import { systemActor, type Actor } from '../audit/service';
import { isIsoDate } from './dates';
import { importYear, loadCalendar, type ImportResult, type YearImport } from './service';

const cliActor: Actor = { ...systemActor, name: '命令行（calendar-import）' };

/**
 * `npm run fazhi -- calendar-import --file 2027.json [--year 2027]`: loads a year's 法定节假日 and 调休 from
 * the JSON shape of the 国务院办公厅 notice ({ source, holidays: [{ name, from, to }], workdays: [{ name, date }] },
 * see examples/2027.json). The year is `year`, else the file's `year`, else the year of its first holiday.
 * All or nothing, like the HTTP import; an AppError's message lists every bad entry.
 */
export async function importCalendarFile(db: DbOrTx, file: string, year?: number): Promise<ImportResult & { summary: string }> {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new AppError('CALENDAR_FILE_UNREADABLE', `无法读取文件 ${file}：${(e as Error).message}`, 400);
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new AppError('CALENDAR_FILE_NOT_JSON', `文件 ${file} 不是有效的 JSON：${(e as Error).message}`, 400);
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    throw new AppError('CALENDAR_FILE_NOT_JSON', `文件 ${file} 应为一个 JSON 对象：{ source, holidays: [...], workdays: [...] }`, 400);
  }
  const target = year ?? inferYear(data as Record<string, unknown>);
  if (target === undefined || !Number.isInteger(target)) {
    throw new AppError('CALENDAR_YEAR_UNKNOWN', '无法确定导入年份：请用 --year 指定，或在文件中写明 "year"', 400);
  }
  // Outside the server nothing else loads the workflow engine, whose onCalendarChange listener recomputes the
  // open deadlines of the imported year (DOMAIN.md §0): load it so the CLI import recomputes them too.
  await import('../workflow/engine');
  await loadCalendar(db);
  const r = await importYear(db, cliActor, target, data as YearImport);
  return { ...r, summary: `已导入${r.year}年法定节假日和调休安排：放假${r.holidayDays}天，调休上班${r.workdays}天（替换原有调整${r.replaced}天）` };
}

function inferYear(data: Record<string, unknown>): number | undefined {
  if (typeof data.year === 'number') return data.year;
  const first = Array.isArray(data.holidays) ? (data.holidays[0] as { from?: unknown } | undefined)?.from : undefined;
  return isIsoDate(first) ? +first.slice(0, 4) : undefined;
}
