import { lockAuditChain } from '../audit/service';
/**
 * 发文字号: gap-free per issuing org / sequence / year (武司复〔2024〕12号).
 *
 * The counter row is advanced with one atomic `INSERT … ON CONFLICT DO UPDATE … RETURNING` inside the caller's
 * transaction: a rolled-back transaction takes its number back with it (no gap), and concurrent issuers
 * queue on the row lock until the holder commits (no duplicate). GB/T 9704-2012 7.2.4: 年份 in full in 六角括号
 * 〔〕, 发文顺序号 without 第 and without leading zeros — formats that want padding say so with {n:3}.
 */
import { eq, sql } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '../db/client';
import { AppError, invalid, notFound } from '../errors';
import { orgs } from '../orgs/schema';
import { getSetting, putSetting } from '../settings/service';
import { requireInstrumentType } from './registry';

export const NUMBER_FORMATS_KEY = 'instruments.formats';

/** The platform default: 机构简称 + 文书简称 + 〔年份〕 + 顺序号 + 号. */
export const DEFAULT_NUMBER_FORMAT = '{orgShort}{typeShort}〔{year}〕{n}号';

/** One configured format; the most specific rule wins: org + type, then org, then type. */
export interface NumberFormatRule {
  orgId?: string | null;
  type?: string | null;
  template: string;
}

export interface NumberFormats {
  rules: NumberFormatRule[];
}

export const getNumberFormats = (db: DbOrTx) => getSetting<NumberFormats>(db, NUMBER_FORMATS_KEY, { rules: [] });
export const putNumberFormats = (db: DbOrTx, formats: NumberFormats, by: string | null) => putSetting(db, NUMBER_FORMATS_KEY, formats, by);

const PLACEHOLDER = /\{(\w+)(?::(\d+))?\}/g;
const KNOWN = new Set(['orgShort', 'typeShort', 'year', 'n']);

/** What is wrong with a template, in Chinese; empty when it is usable. */
export function templateProblems(template: string): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const m of template.matchAll(PLACEHOLDER)) {
    if (!KNOWN.has(m[1])) problems.push(`不认识的占位符 {${m[1]}}（可用：{orgShort} {typeShort} {year} {n} {n:3}）`);
    else if (m[2] !== undefined && m[1] !== 'n') problems.push(`只有顺序号 {n} 可以补零位`);
    else if (m[2] !== undefined && (Number(m[2]) < 1 || Number(m[2]) > 9)) problems.push('顺序号补零位数应为1至9');
    seen.add(m[1]);
  }
  // Numbers must be unique within an org's year to be citable.
  if (!seen.has('n')) problems.push('格式中必须包含顺序号 {n}');
  if (!seen.has('year')) problems.push('格式中必须包含年份 {year}');
  if (template.length > 100) problems.push('格式过长（不超过100个字符）');
  return problems;
}

export interface NumberParts {
  orgShort: string | null;
  typeShort: string;
  year: number;
  serial: number;
}

/** Fills a template: {n:3} pads the serial to three digits (12 → 012). */
export function formatNumber(template: string, parts: NumberParts): string {
  return template.replace(PLACEHOLDER, (whole, name: string, width?: string) => {
    switch (name) {
      case 'orgShort':
        return parts.orgShort ?? '';
      case 'typeShort':
        return parts.typeShort;
      case 'year':
        return String(parts.year);
      case 'n':
        return width ? String(parts.serial).padStart(Number(width), '0') : String(parts.serial);
      default:
        return whole;
    }
  });
}

/** The template that applies to an org and instrument type. */
export function resolveTemplate(formats: NumberFormats, orgId: string, type: string, typeDefault?: string): string {
  const rules = formats.rules ?? [];
  return (
    rules.find((r) => r.orgId === orgId && r.type === type)?.template ??
    rules.find((r) => r.orgId === orgId && !r.type)?.template ??
    rules.find((r) => !r.orgId && r.type === type)?.template ??
    typeDefault ??
    rules.find((r) => !r.orgId && !r.type)?.template ??
    DEFAULT_NUMBER_FORMAT
  );
}

export interface IssuedNumber {
  serial: number;
  number: string;
}

// Taking the audit chain's lock before the counter row puts every issuer in the same lock order, so a
// transaction that audited before drawing a number cannot deadlock with one that draws first and audits
// after. It costs no concurrency: every transaction that issues a number also writes an audit entry.

/**
 * Draws the next number for `orgId` (the issuing org) / the type's sequence / `year` inside the caller's
 * transaction. Call it with a transaction: issued outside one, a later failure would leave a gap.
 */
export async function issueNumber(tx: DbOrTx, { orgId, type, year }: { orgId: string; type: string; year: number }): Promise<IssuedNumber> {
  const def = requireInstrumentType(type);
  if (!Number.isInteger(year) || year < 1949 || year > 9999) throw invalid('文书年份不正确', { year });
  // Everything that can refuse is checked before the counter moves, so a caller that catches the error
  // and carries on in the same transaction still leaves no gap.
  const [org] = await tx.select({ id: orgs.id, name: orgs.name, shortName: orgs.shortName }).from(orgs).where(eq(orgs.id, orgId));
  if (!org) throw notFound('发文机构');
  const template = resolveTemplate(await getNumberFormats(tx), orgId, type, def.format);
  if (template.includes('{orgShort}') && !org.shortName?.trim()) {
    throw new AppError('INSTRUMENT_ORG_SHORT_NAME_MISSING', `「${org.name}」未设置机构简称，无法生成文书编号，请在组织机构中填写简称`, 400, { orgId });
  }
  const sequence = def.sequence ?? def.type;
  await lockAuditChain(tx);
  const rows = rowsOf<{ last: number }>(
    await tx.execute(sql`
      insert into instrument_sequences (org_id, type, year, last) values (${orgId}, ${sequence}, ${year}, 1)
      on conflict (org_id, type, year) do update set last = instrument_sequences.last + 1
      returning last`),
  );
  const serial = Number(rows[0].last);
  return { serial, number: formatNumber(template, { orgShort: org.shortName?.trim() ?? null, typeShort: def.typeShort, year, serial }) };
}
