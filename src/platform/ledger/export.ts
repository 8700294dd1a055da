import { PassThrough, type Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { z } from 'zod';
import type { FastifyReply } from 'fastify';
import { AppError } from '../errors';
import { contentDisposition } from '../files/service';
import type { LedgerSpec } from './spec';

/**
 * Export of any list view to .xlsx. A list endpoint that accepts `?format=xlsx` calls its own list query
 * with the same filters and no paging (see pagedRows) and hands the rows to sendXlsx. Because the rows
 * come from the list query, the caller's data scope (scopeCondition in that query) applies to every
 * exported row: an export can never show more than the list does.
 */

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const MAX_EXPORT_ROWS = 100_000;

/** Query-string piece for list endpoints: `?format=xlsx` exports instead of answering a page of JSON. */
export const formatQuery = z.object({ format: z.enum(['json', 'xlsx']).optional().describe('xlsx：导出 Excel（同样的筛选条件，不分页）') });

export interface XlsxColumn {
  header: string;
  key: string;
  width?: number;
  /** Excel number format, e.g. 'yyyy-mm-dd', '0.00', '@'. */
  format?: string;
}

export type XlsxRow = Record<string, unknown>;

export interface XlsxSheet {
  sheet: string;
  columns: XlsxColumn[];
  rows: AsyncIterable<XlsxRow> | Iterable<XlsxRow>;
  /** Row count known in advance (the list query's total): checked against the cap before anything is sent. */
  total?: number;
}

export interface XlsxDownload extends XlsxSheet {
  filename: string;
}

export const tooManyToExport = (n: number | string) =>
  new AppError('EXPORT_TOO_MANY_ROWS', `导出数据${typeof n === 'number' ? `共${n}行，` : ''}超过单次导出上限${MAX_EXPORT_ROWS}行，请缩小筛选范围后分批导出`, 400, {
    max: MAX_EXPORT_ROWS,
    ...(typeof n === 'number' ? { total: n } : {}),
  });

/** Cells Chinese readers expect: booleans as 是/否, lists joined with 、, objects as JSON. */
function cellValue(v: unknown): ExcelJS.CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (v instanceof Date || typeof v === 'string' || typeof v === 'number') return v;
  if (typeof v === 'bigint') return v.toString();
  if (Array.isArray(v)) return v.map((x) => (x == null ? '' : String(x))).join('、');
  return JSON.stringify(v);
}

/** Writes one sheet with exceljs' streaming WorkbookWriter (rows are committed as they come: flat memory). */
export async function writeXlsx(stream: Writable, { sheet, columns, rows }: XlsxSheet, max = MAX_EXPORT_ROWS): Promise<number> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet(sheet.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width ?? 16, style: c.format ? { numFmt: c.format } : {} }));
  const head = ws.getRow(1);
  head.font = { bold: true };
  head.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
  head.commit();
  let n = 0;
  for await (const row of rows as AsyncIterable<XlsxRow>) {
    if (++n > max) throw tooManyToExport('');
    ws.addRow(columns.map((c) => cellValue(row[c.key]))).commit();
    // Let the event loop breathe on big in-memory arrays.
    if (n % 5000 === 0) await new Promise((r) => setImmediate(r));
  }
  ws.commit();
  await wb.commit();
  return n;
}

/** The workbook in memory (error reports, test fixtures). */
export async function xlsxBuffer(sheet: XlsxSheet, max = Number.MAX_SAFE_INTEGER): Promise<Buffer> {
  const pass = new PassThrough();
  const chunks: Buffer[] = [];
  pass.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    pass.on('end', resolve);
    pass.on('error', reject);
  });
  await writeXlsx(pass, sheet, max);
  await ended;
  return Buffer.concat(chunks);
}

/**
 * Streams an .xlsx download. Pass `total` (the list query's count) when rows is an async iterable so an
 * export over the 100,000-row cap is refused with a Chinese 400 before the first byte; an array is
 * counted here. A stream that overruns the cap anyway is aborted rather than silently truncated.
 */
export async function sendXlsx(reply: FastifyReply, opts: XlsxDownload): Promise<FastifyReply> {
  const known = Array.isArray(opts.rows) ? opts.rows.length : opts.total;
  if (known !== undefined && known > MAX_EXPORT_ROWS) throw tooManyToExport(known);
  const filename = /\.xlsx$/i.test(opts.filename) ? opts.filename : `${opts.filename}.xlsx`;
  const pass = new PassThrough();
  writeXlsx(pass, opts).catch((err) => {
    reply.log.error({ err }, 'xlsx export aborted');
    pass.destroy(err instanceof Error ? err : new Error(String(err)));
  });
  return reply
    .header('content-type', XLSX_MIME)
    .header('content-disposition', contentDisposition('attachment', filename))
    .header('cache-control', 'private, no-store')
    .send(pass);
}

/**
 * A list query's pages as one stream of rows, for exports: `fetch(page, pageSize)` is the list endpoint's own
 * (scoped) query. The first page's total is checked against the cap before any row is yielded.
 */
export async function pagedRows<T extends XlsxRow>(
  fetch: (page: number, pageSize: number) => Promise<{ items: T[]; total: number }>,
  pageSize = 1000,
): Promise<{ total: number; rows: AsyncIterable<T> }> {
  const first = await fetch(1, pageSize);
  if (first.total > MAX_EXPORT_ROWS) throw tooManyToExport(first.total);
  async function* rows() {
    yield* first.items;
    let seen = first.items.length;
    for (let page = 2; seen < first.total && seen < MAX_EXPORT_ROWS; page++) {
      const next = await fetch(page, pageSize);
      if (!next.items.length) return;
      yield* next.items;
      seen += next.items.length;
    }
  }
  return { total: first.total, rows: rows() };
}

/** A ledger's export columns: its import columns minus those marked `export: false` (passwords), same headers. */
export function ledgerColumns(spec: LedgerSpec): XlsxColumn[] {
  return spec.columns
    .filter((c) => c.export !== false)
    .map((c) => ({ header: c.header, key: c.key, width: c.width, format: c.type === 'date' ? 'yyyy-mm-dd' : undefined }));
}

/** Rows keyed by column key with code-table values shown as their Chinese labels (active → 启用), so an export re-imports. */
export async function* ledgerDisplayRows(spec: LedgerSpec, rows: AsyncIterable<XlsxRow> | Iterable<XlsxRow>): AsyncGenerator<XlsxRow> {
  const labels = new Map(spec.columns.filter((c) => c.codes).map((c) => [c.key, new Map(Object.entries(c.codes!).map(([label, code]) => [code, label]))]));
  for await (const row of rows) {
    const out: XlsxRow = { ...row };
    for (const [key, byCode] of labels) {
      const v = row[key];
      out[key] = Array.isArray(v) ? v.map((x) => byCode.get(String(x)) ?? x) : v == null ? v : (byCode.get(String(v)) ?? v);
    }
    yield out;
  }
}
