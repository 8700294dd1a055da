import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { and, asc, eq, isNull, or, sql } from 'drizzle-orm';
import { AppError } from '../errors';
import { orgInScope } from '../auth/scope';
import { orgs } from '../orgs/schema';
import {
  cellPrimitive,
  cellText,
  convertValue,
  normalizeHeader,
  splitList,
  type CellExample,
  type CellPrimitive,
  type LedgerColumn,
  type LedgerContext,
  type LookupResult,
  type ParsedRow,
  type RowError,
  type RowIssue,
} from './spec';

/** Sheets the template adds beside the data sheet; never read as data. */
export const GUIDE_SHEET = '填写说明';
export const CODES_SHEET = '代码表';
/** The header must be within the first rows of the data sheet (a title line above it is fine). */
const HEADER_SEARCH_ROWS = 10;
export const MAX_IMPORT_ROWS = 100_000;

const XLSX_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

/** Refuses anything but an .xlsx (a zip) before the parser sees it, with a message a clerk can act on. */
export function assertXlsx(content: Buffer, name = '') {
  if (content.subarray(0, 4).equals(OLE_MAGIC) || /\.xls$/i.test(name)) {
    throw new AppError('LEDGER_BAD_FILE', '不支持 .xls（Excel 97-2003）格式，请在 Excel 或 WPS 中“另存为” .xlsx 后再上传', 400);
  }
  if (!content.subarray(0, 4).equals(XLSX_MAGIC)) {
    throw new AppError('LEDGER_BAD_FILE', '文件不是 Excel .xlsx 格式，请使用下载的模板填写后上传', 400);
  }
}

const badFile = () => new AppError('LEDGER_BAD_FILE', '文件已损坏或不是有效的 Excel .xlsx 文件，无法读取', 400);

interface SheetLike {
  name?: string;
  state?: string;
  [Symbol.asyncIterator](): AsyncGenerator<ExcelJS.Row>;
}

/** Streams the workbook's sheets; `styles: 'cache'` so date cells come back as Dates (STACK-NOTES). */
export async function* sheetsOf(content: Buffer): AsyncGenerator<SheetLike> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([content]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const it = reader[Symbol.asyncIterator]();
  let yielded = false;
  for (;;) {
    let next: IteratorResult<unknown>;
    try {
      next = await it.next();
    } catch (err) {
      // exceljs' streaming reader has been seen to reject a valid workbook now and then on a loaded machine
      // (CI). The upload is in memory anyway: read it once more with the in-memory reader before calling the
      // file broken, as long as no sheet was handed out yet.
      if (!yielded) {
        yield* loadedSheetsOf(content);
        return;
      }
      throw badFile();
    }
    if (next.done) return;
    yielded = true;
    yield next.value as SheetLike;
  }
}

/** The same sheets through exceljs' in-memory reader (non-empty rows only, like the streaming one). */
export async function* loadedSheetsOf(content: Buffer): AsyncGenerator<SheetLike> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    throw badFile();
  }
  for (const ws of wb.worksheets) {
    yield {
      name: ws.name,
      state: ws.state,
      async *[Symbol.asyncIterator]() {
        for (let i = 1; i <= ws.rowCount; i++) {
          const row = ws.getRow(i);
          if (row.hasValues) yield row;
        }
      },
    };
  }
}

interface HeaderMap {
  rowNumber: number;
  /** Sheet column index (1-based) → spec column. */
  cols: { index: number; column: LedgerColumn }[];
  ignored: string[];
}

function matchHeader(values: unknown[], columns: LedgerColumn[]): HeaderMap | AppError | null {
  const byHeader = new Map(columns.map((c) => [normalizeHeader(c.header), c]));
  const cols: HeaderMap['cols'] = [];
  const ignored: string[] = [];
  const seen = new Map<string, number>();
  values.forEach((v, index) => {
    const h = normalizeHeader(v);
    if (!h) return;
    const column = byHeader.get(h);
    if (!column) return void ignored.push(cellText(v));
    seen.set(column.key, (seen.get(column.key) ?? 0) + 1);
    cols.push({ index, column });
  });
  if (!cols.length) return null;
  const dup = columns.filter((c) => (seen.get(c.key) ?? 0) > 1);
  if (dup.length) {
    return new AppError('LEDGER_BAD_HEADER', `表头中${dup.map((c) => `“${c.header}”`).join('、')}出现了不止一次，请删除重复的列`, 400, { duplicate: dup.map((c) => c.header) });
  }
  const missing = columns.filter((c) => c.required && !seen.has(c.key));
  if (missing.length) {
    return new AppError('LEDGER_BAD_HEADER', `表头缺少必填列${missing.map((c) => `“${c.header}”`).join('、')}，请下载最新模板填写`, 400, {
      missing: missing.map((c) => c.header),
      found: cols.map((c) => c.column.header),
    });
  }
  return { rowNumber: 0, cols, ignored };
}

function noHeader(ctx: LedgerContext, sheets: string[]) {
  const expected = ctx.spec.columns.filter((c) => c.required).map((c) => `“${c.header}”`);
  return new AppError(
    'LEDGER_BAD_HEADER',
    `未找到“${ctx.spec.label}”的表头：${sheets.length ? `工作表${sheets.map((s) => `“${s}”`).join('、')}` : '文件'}的前${HEADER_SEARCH_ROWS}行中没有${expected.join('、')}等列。请下载最新模板填写`,
    400,
    { expected: ctx.spec.columns.map((c) => c.header), sheets },
  );
}

/** The example value a template shows for a column (an org lookup without one shows the caller's org). */
export function exampleOf(c: LedgerColumn, ctx: Pick<LedgerContext, 'auth'>): CellExample | undefined {
  if (c.example !== undefined) return c.example;
  if (c.lookup?.kind === 'org') return ctx.auth.user.orgName;
  return undefined;
}

/** An org of the caller's tree by id, full name, short name or region code — unambiguous and inside the spec's scope. */
async function lookupOrg(ref: string, ctx: LedgerContext): Promise<LookupResult> {
  const isId = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(ref);
  const rows = await ctx.db
    .select()
    .from(orgs)
    .where(
      and(
        sql`${orgs.path} like ${ctx.auth.rootPath + '%'}`,
        isNull(orgs.voidedAt),
        isId ? eq(orgs.id, ref) : or(eq(orgs.name, ref), eq(orgs.shortName, ref), eq(orgs.regionCode, ref)),
      ),
    )
    .orderBy(asc(orgs.sort), asc(orgs.name));
  if (!rows.length) return { reason: `未找到机构“${ref}”，请填写机构全称、简称或行政区划代码` };
  const exact = rows.filter((o) => o.name === ref);
  const candidates = exact.length ? exact : rows;
  const inScope = candidates.filter((o) => orgInScope(ctx.auth, ctx.spec.permission, o));
  if (!inScope.length) return { reason: `机构“${ref}”不在您的数据范围内` };
  if (inScope.length > 1) return { reason: `“${ref}”对应多个机构（${inScope.slice(0, 5).map((o) => o.name).join('、')}），请填写机构全称` };
  return { value: inScope[0].id };
}

async function lookup(c: LedgerColumn, ref: string, ctx: LedgerContext): Promise<LookupResult> {
  const key = `lookup:${c.key}:${ref}`;
  const hit = ctx.cache.get(key) as LookupResult | undefined;
  if (hit) return hit;
  const result = c.lookup!.kind === 'org' ? await lookupOrg(ref, ctx) : await c.lookup!.resolve(ref, ctx);
  ctx.cache.set(key, result);
  return result;
}

/** One value through type conversion, lookup and the column's schema. */
async function parseOne(c: LedgerColumn, raw: CellPrimitive, ctx: LedgerContext): Promise<{ value: unknown } | { reason: string }> {
  const conv = convertValue(c, raw);
  if (!conv.ok) return { reason: conv.reason };
  let value = conv.value;
  if (c.lookup) {
    const found = await lookup(c, String(value), ctx);
    if ('reason' in found) return found;
    value = found.value;
  }
  if (c.schema) {
    const r = c.schema.safeParse(value);
    if (!r.success) return { reason: r.error.issues[0]?.message ?? '格式不正确' };
    value = r.data;
  }
  return { value };
}

export interface ReadOptions {
  /** Stop once the header is found and checked (the import endpoint's quick check before queuing a job). */
  headerOnly?: boolean;
  maxRows?: number;
  /** Called after each data row (the job throttles what it writes). */
  onRow?: (rowsRead: number) => void | Promise<void>;
  /** Refusal when the file has more rows than maxRows. */
  tooMany?: (max: number) => AppError;
}

export interface ReadResult<R = Record<string, unknown>> {
  sheet: string;
  /** Rows that passed every check (all of them when errors is empty). */
  rows: ParsedRow<R>[];
  /** Data rows in the file (blank rows and the template's example row not counted). */
  dataRows: number;
  errors: RowError[];
  /** Columns in the file that the spec does not know (ignored). */
  ignoredColumns: string[];
}

const tooManyRows = (max: number) => new AppError('LEDGER_TOO_MANY_ROWS', `单次最多导入${max}行数据，请拆分文件后分批导入`, 400, { max });

/**
 * Streams the first data sheet of an .xlsx and checks every row against the spec: type conversion,
 * required cells, code tables, lookups, zod schemas, uniqueness within the file, the spec's validateRow and
 * validateRows. Header or file problems throw a Chinese AppError; row problems are collected, all of them.
 */
export async function readLedger<R = Record<string, unknown>>(content: Buffer, ctx: LedgerContext, opts: ReadOptions = {}): Promise<ReadResult<R>> {
  const { spec } = ctx;
  const maxRows = opts.maxRows ?? MAX_IMPORT_ROWS;
  const checked: string[] = [];
  const errors: RowError[] = [];
  const rows: ParsedRow<R>[] = [];
  const headerOf = new Map(spec.columns.map((c) => [c.key, c.header]));
  const order = new Map(spec.columns.map((c, i) => [c.key, i]));

  for await (const sheet of sheetsOf(content)) {
    const name = sheet.name ?? '';
    if (name === GUIDE_SHEET || name === CODES_SHEET || (sheet.state && sheet.state !== 'visible')) continue;
    checked.push(name);
    let header: HeaderMap | null = null;
    let seenRows = 0;
    let dataRows = 0;
    const uniques = new Map<string, Map<string, number>>();
    const examples = new Map<string, string>();
    for (const c of spec.columns) examples.set(c.key, cellText(exampleOf(c, ctx) ?? null));

    for await (const row of sheet) {
      const values = row.values as unknown[];
      if (!header) {
        if (++seenRows > HEADER_SEARCH_ROWS) break;
        const m = matchHeader(values, spec.columns);
        if (m instanceof AppError) throw m;
        if (m) header = { ...m, rowNumber: row.number };
        if (header && opts.headerOnly) break;
        continue;
      }
      const cells = header.cols.map(({ index, column }) => ({ column, raw: cellPrimitive(values[index]) }));
      const texts = cells.map((c) => cellText(c.raw));
      if (texts.every((t) => t === '')) continue;
      // The template's example row, left in place, is not data (填写说明 says so).
      if (cells.every((c, i) => texts[i] === examples.get(c.column.key))) continue;
      if (++dataRows > maxRows) throw (opts.tooMany ?? tooManyRows)(maxRows);

      const rowErrors: RowError[] = [];
      const out: Record<string, unknown> = {};
      const typed: Record<string, string> = {};
      for (const c of spec.columns) {
        const i = cells.findIndex((x) => x.column.key === c.key);
        const raw = i >= 0 ? cells[i].raw : null;
        const text = i >= 0 ? texts[i] : '';
        typed[c.key] = text;
        const fail = (reason: string) => rowErrors.push({ row: row.number, column: c.header, value: text, reason });
        if (text === '') {
          if (c.required) fail('必填项不能为空');
          out[c.key] = c.list ? [] : null;
          continue;
        }
        if (c.list) {
          const items: unknown[] = [];
          const reasons: string[] = [];
          for (const item of splitList(text)) {
            const r = await parseOne(c, item, ctx);
            if ('reason' in r) reasons.push(r.reason);
            else items.push(r.value);
          }
          if (reasons.length) fail(reasons.join('；'));
          out[c.key] = items;
        } else {
          const r = await parseOne(c, raw, ctx);
          if ('reason' in r) fail(r.reason);
          else out[c.key] = r.value;
        }
        if (c.unique) {
          const seen = uniques.get(c.key) ?? new Map<string, number>();
          uniques.set(c.key, seen);
          const norm = text.normalize('NFKC').toLowerCase();
          const first = seen.get(norm);
          if (first !== undefined) fail(`与第${first}行重复`);
          else seen.set(norm, row.number);
        }
      }
      if (!rowErrors.length && spec.validateRow) {
        const issues = await spec.validateRow({ rowNumber: row.number, values: out as R, texts: typed }, ctx);
        const list: RowIssue[] = typeof issues === 'string' ? [{ reason: issues }] : (issues ?? []);
        for (const issue of list) {
          rowErrors.push({ row: row.number, column: issue.column ? (headerOf.get(issue.column) ?? issue.column) : '', value: issue.column ? (typed[issue.column] ?? '') : '', reason: issue.reason });
        }
      }
      if (rowErrors.length) errors.push(...rowErrors);
      else rows.push({ rowNumber: row.number, values: out as R, texts: typed });
      await opts.onRow?.(dataRows);
    }
    if (!header) continue;
    if (opts.headerOnly) return { sheet: name, rows: [], dataRows: 0, errors: [], ignoredColumns: header.ignored };

    if (!dataRows) throw new AppError('LEDGER_EMPTY', '文件中没有可导入的数据行（示例行不计入），请填写后再上传', 400);
    if (spec.validateRows && rows.length) {
      const byRow = new Map(rows.map((r) => [r.rowNumber, r]));
      for (const e of await spec.validateRows(rows, ctx)) {
        const value = e.column ? (byRow.get(e.row)?.texts[e.column] ?? '') : '';
        errors.push({ row: e.row, column: e.column ? (headerOf.get(e.column) ?? e.column) : '', value, reason: e.reason });
      }
    }
    const byHeader = new Map(spec.columns.map((c) => [c.header, order.get(c.key)!]));
    errors.sort((a, b) => a.row - b.row || (byHeader.get(a.column) ?? -1) - (byHeader.get(b.column) ?? -1));
    const bad = new Set(errors.map((e) => e.row));
    return { sheet: name, rows: rows.filter((r) => !bad.has(r.rowNumber)), dataRows, errors, ignoredColumns: header.ignored };
  }
  throw noHeader(ctx, checked);
}
