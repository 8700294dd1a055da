import type { z } from 'zod';
import type { Db, Tx } from '../db/client';
import type { AuthContext } from '../auth/context';
import type { JobProgress } from '../jobs/service';

/**
 * 台账 (ledger) specs: each entity that can be imported from / exported to Excel declares its columns as data.
 * The engine (reader.ts, template.ts, import.ts, export.ts) does the rest: template with notes and dropdowns,
 * streaming read, per-cell conversion and validation, all-or-nothing import with an error report.
 *
 *   registerLedger({ entity: 'users', label: '用户台账', permission: 'user.manage',
 *     columns: [{ key: 'username', header: '用户名', required: true, schema: z.string().regex(…), example: 'zhangsan' },
 *               { key: 'orgId', header: '所属机构', required: true, lookup: { kind: 'org' } },
 *               { key: 'status', header: '状态', codes: { 启用: 'active', 停用: 'disabled' } }],
 *     importRows: async (tx, rows, ctx) => { … } });
 */

export type ColumnType = 'text' | 'integer' | 'decimal' | 'date' | 'boolean';

/** What a lookup answers for one cell: the stored value, or a Chinese reason. */
export type LookupResult = { value: unknown } | { reason: string };

export type LedgerLookup =
  /** An org of the caller's tree by full name, short name, region code or id — and inside the spec's data scope. */
  | { kind: 'org' }
  | {
      kind: 'custom';
      /** What the cell names, for notes: 角色名称或代码. */
      label: string;
      resolve: (ref: string, ctx: LedgerContext) => Promise<LookupResult>;
      /** Allowed entries for the template's notes and dropdown. */
      options?: (ctx: LedgerContext) => Promise<string[]>;
    };

export type CellExample = string | number | boolean | Date;

export interface LedgerColumn {
  /** Property of the parsed row (and of exported rows). */
  key: string;
  /** Chinese header; matching tolerates spaces, full-width brackets and the `*` required mark. */
  header: string;
  type?: ColumnType;
  required?: boolean;
  /** Checks the converted value (string, number, 'YYYY-MM-DD', boolean, code or lookup result); its message is the reason shown. */
  schema?: z.ZodType;
  /** Code table: Chinese label → stored code (the code itself is accepted too). */
  codes?: Record<string, string>;
  lookup?: LedgerLookup;
  /** Several values in one cell, separated by 、，,；; (each converted and looked up). */
  list?: boolean;
  /** No two rows of one file may share a value. */
  unique?: boolean;
  /** Example row value; for an org lookup without one, the caller's own org. */
  example?: CellExample;
  /** Column width in characters. */
  width?: number;
  /** Format / meaning, shown in the header note and on the 填写说明 sheet. */
  hint?: string;
  /** false: never written to exports (e.g. passwords). */
  export?: boolean;
}

export interface ParsedRow<R = Record<string, unknown>> {
  /** Row number in the sheet (as Excel shows it). */
  rowNumber: number;
  values: R;
  /** The cells as the user typed them, by column key (for error reports). */
  texts: Record<string, string>;
}

/** One problem found in a file: row number, column header, the cell's text and the reason, in Chinese. */
export interface RowError {
  row: number;
  column: string;
  value: string;
  reason: string;
}

/** A problem a spec's validateRow reports: on a column (by key) or on the whole row. */
export interface RowIssue {
  column?: string;
  reason: string;
}

export interface LedgerContext {
  db: Db;
  auth: AuthContext;
  spec: LedgerSpec;
  /** Per-import memo for lookups and reference data (roles, policy …). */
  cache: Map<string, unknown>;
  progress: JobProgress;
}

export interface ExportPage {
  items: Record<string, unknown>[];
  total: number;
}

export interface LedgerExport {
  /** Permission to export (usually the list's read permission, e.g. user.read). */
  permission: string;
  /** The list endpoint's filters (query string), applied unchanged to the export. */
  filters?: z.ZodType<Record<string, unknown>>;
  /**
   * One page of the list query (the same function the list endpoint uses, so the caller's data scope
   * applies to every exported row). Items are keyed by column key; lookup columns carry display text.
   */
  fetch: (db: Db, auth: AuthContext, filters: Record<string, unknown>, page: number, pageSize: number) => Promise<ExportPage>;
}

export interface LedgerSpec<R = any> {
  entity: string;
  label: string;
  /** Permission to download the template, validate and import. */
  permission: string;
  /** Audit entity type of the import entry (defaults to entity). */
  entityType?: string;
  columns: LedgerColumn[];
  /** Per-row rule across columns (runs on rows whose cells all converted); may be async. */
  validateRow?: (row: ParsedRow<R>, ctx: LedgerContext) => RowIssue[] | string | void | Promise<RowIssue[] | string | void>;
  /** Whole-file rules that need the database once (e.g. which usernames already exist). */
  validateRows?: (rows: ParsedRow<R>[], ctx: LedgerContext) => Promise<{ row: number; column?: string; reason: string }[]>;
  /** Slow work that needs no transaction (password hashing), done after validation and before the import transaction. */
  prepareRows?: (rows: ParsedRow<R>[], ctx: LedgerContext) => Promise<void>;
  /** Writes every row inside the single import transaction; returns the new records' ids for the audit entry. */
  importRows: (tx: Tx, rows: ParsedRow<R>[], ctx: LedgerContext) => Promise<string[] | void>;
  export?: LedgerExport;
}

const ledgers = new Map<string, LedgerSpec>();

export function registerLedger<R>(spec: LedgerSpec<R>): LedgerSpec<R> {
  const keys = new Set<string>();
  const headers = new Set<string>();
  for (const c of spec.columns) {
    const h = normalizeHeader(c.header);
    if (keys.has(c.key) || headers.has(h)) throw new Error(`ledger ${spec.entity}: duplicate column ${c.key} / ${c.header}`);
    keys.add(c.key);
    headers.add(h);
  }
  ledgers.set(spec.entity, spec as LedgerSpec);
  return spec;
}

export const getLedger = (entity: string) => ledgers.get(entity);
export const ledgerCatalogue = () => [...ledgers.values()];

// ---------------------------------------------------------------------------------------------------------
// Headers

/** '* 所属机构（全称） ' → '所属机构(全称)': NFKC folds full-width brackets, letters and digits; spaces and * marks go. */
export function normalizeHeader(h: unknown): string {
  return cellText(h)
    .normalize('NFKC')
    .replace(/[【〔［]/g, '[')
    .replace(/[】〕］]/g, ']')
    .replace(/\s+/g, '')
    .replace(/^\*+|\*+$/g, '');
}

/** The header as written in templates: required columns carry a leading `*`. */
export const templateHeader = (c: LedgerColumn) => (c.required ? `*${c.header}` : c.header);

// ---------------------------------------------------------------------------------------------------------
// Cells

/** Marker for a cell holding a formula error (#N/A, #VALUE! …). */
export class CellError {
  constructor(public readonly error: string) {}
}

export type CellPrimitive = string | number | boolean | Date | CellError | null;

/** Flattens exceljs cell values (rich text, formulas, hyperlinks, errors) to a primitive. */
export function cellPrimitive(v: unknown): CellPrimitive {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) return (o.richText as { text: string }[]).map((r) => r.text).join('');
    if ('error' in o) return new CellError(String(o.error));
    if ('result' in o) return cellPrimitive(o.result);
    if ('formula' in o || 'sharedFormula' in o) return null;
    if ('text' in o) return cellPrimitive(o.text);
  }
  return String(v);
}

/** A Date from exceljs is the cell's calendar date at UTC midnight (rounded: serials carry float noise). */
export function isoFromDate(d: Date): string {
  const t = new Date(Math.round(d.getTime() / 60_000) * 60_000);
  return t.toISOString().slice(0, 10);
}

/** The cell as the user sees it: for error reports, duplicate detection and the example-row check. */
export function cellText(v: unknown): string {
  const p = cellPrimitive(v);
  if (p === null) return '';
  if (p instanceof CellError) return p.error;
  if (p instanceof Date) return isoFromDate(p);
  if (typeof p === 'boolean') return p ? '是' : '否';
  if (typeof p === 'number') return Number.isInteger(p) ? String(p) : String(Number(p.toPrecision(15)));
  return p.trim();
}

export const isEmptyCell = (v: unknown) => cellText(v) === '';

type Conv = { ok: true; value: unknown } | { ok: false; reason: string };
const ok = (value: unknown): Conv => ({ ok: true, value });
const bad = (reason: string): Conv => ({ ok: false, reason });

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

function ymd(y: number, m: number, d: number): Conv {
  const t = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || y > 2999 || t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return bad(`日期不存在：${y}年${m}月${d}日`);
  return ok(t.toISOString().slice(0, 10));
}

export const DATE_HINT = '日期，如 2024-03-05、2024/3/5 或 2024年3月5日';

/** Excel dates (Date cells or serial numbers), 2024-03-05, 2024/3/5, 2024.3.5, 2024年3月5日, 20240305 → 'YYYY-MM-DD'. */
export function parseDate(v: CellPrimitive): Conv {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? bad('日期无效') : ok(isoFromDate(v));
  if (typeof v === 'number') {
    if (Number.isInteger(v) && v >= 19000101 && v <= 29991231) return ymd(Math.floor(v / 10000), Math.floor(v / 100) % 100, v % 100);
    // Excel serial day number (1900 date system) of a cell without a date format.
    if (v >= 61 && v < 402_133) return ok(new Date(EXCEL_EPOCH + Math.floor(v + 1e-7) * 86_400_000).toISOString().slice(0, 10));
    return bad(`日期格式不正确，应为${DATE_HINT.slice(3)}`);
  }
  const s = cellText(v).normalize('NFKC').replace(/\s+/g, ' ');
  const time = '(?:[ T]\\d{1,2}:\\d{2}(?::\\d{2})?)?';
  const m =
    new RegExp(`^(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})${time}$`).exec(s) ??
    new RegExp(`^(\\d{4}) ?年 ?(\\d{1,2}) ?月 ?(\\d{1,2}) ?[日号]?${time}$`).exec(s) ??
    /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (!m) return bad(`日期格式不正确，应为${DATE_HINT.slice(3)}`);
  return ymd(Number(m[1]), Number(m[2]), Number(m[3]));
}

const numeric = (s: string) => s.normalize('NFKC').replace(/[,\s]/g, '');

export function parseInteger(v: CellPrimitive): Conv {
  if (typeof v === 'number') return Number.isSafeInteger(v) ? ok(v) : bad('应为整数');
  const s = numeric(cellText(v));
  if (!/^[-+]?\d+$/.test(s) || !Number.isSafeInteger(Number(s))) return bad('应为整数');
  return ok(Number(s));
}

export function parseDecimal(v: CellPrimitive): Conv {
  if (typeof v === 'number') return Number.isFinite(v) ? ok(v) : bad('应为数字');
  const s = numeric(cellText(v));
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(s)) return bad('应为数字');
  return ok(Number(s));
}

const truthy = new Set(['是', 'y', 'yes', 'true', '1', '√', '✓', '有']);
const falsy = new Set(['否', 'n', 'no', 'false', '0', '×', '✗', '无']);

export function parseBoolean(v: CellPrimitive): Conv {
  if (typeof v === 'boolean') return ok(v);
  const s = cellText(v).normalize('NFKC').toLowerCase();
  if (truthy.has(s)) return ok(true);
  if (falsy.has(s)) return ok(false);
  return bad('应填写“是”或“否”');
}

export function parseCode(v: CellPrimitive, codes: Record<string, string>): Conv {
  const s = cellText(v).normalize('NFKC').replace(/\s+/g, '');
  for (const [label, code] of Object.entries(codes)) {
    if (label.normalize('NFKC').replace(/\s+/g, '') === s || code.toLowerCase() === s.toLowerCase()) return ok(code);
  }
  return bad(`“${cellText(v)}”不是可选值，可选：${Object.keys(codes).join('、')}`);
}

/** Type conversion of one (non-empty) value, before lookups and the column's schema. */
export function convertValue(c: LedgerColumn, v: CellPrimitive): Conv {
  if (v instanceof CellError) return bad(`单元格有公式错误（${v.error}）`);
  if (c.codes) return parseCode(v, c.codes);
  switch (c.type ?? 'text') {
    case 'integer':
      return parseInteger(v);
    case 'decimal':
      return parseDecimal(v);
    case 'date':
      return parseDate(v);
    case 'boolean':
      return parseBoolean(v);
    default:
      return ok(cellText(v));
  }
}

/** Splits a list cell: 'a、b，c;d' → ['a','b','c','d']. */
export const splitList = (s: string) =>
  s
    .split(/[、,，;；\n]/)
    .map((x) => x.trim())
    .filter(Boolean);

/** What a column accepts, in Chinese, for notes and the 填写说明 sheet. */
export function describeColumn(c: LedgerColumn, options?: string[]): string {
  const parts: string[] = [c.required ? '必填' : '选填'];
  if (c.codes) parts.push(`可选值：${Object.keys(c.codes).join('、')}`);
  else if (c.lookup?.kind === 'org') parts.push('填写机构全称、简称或行政区划代码（须在您的数据范围内）');
  else if (c.lookup?.kind === 'custom') parts.push(`填写${c.lookup.label}`);
  else {
    const t = c.type ?? 'text';
    parts.push(t === 'date' ? DATE_HINT : t === 'integer' ? '整数' : t === 'decimal' ? '数字' : t === 'boolean' ? '填写“是”或“否”' : '文本');
  }
  if (c.list) parts.push('可填多个，用逗号或顿号分隔');
  if (c.unique) parts.push('同一文件内不能重复');
  if (c.hint) parts.push(c.hint);
  if (options?.length && !c.codes) parts.push(`可选：${options.slice(0, 30).join('、')}${options.length > 30 ? ' 等' : ''}`);
  return parts.join('；');
}
