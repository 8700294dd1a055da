/**
 * 文书 templates are declarations. A business line registers each of its instruments once, e.g.
 *
 *   // 行政复议法 第三十条: 受理 decided within 5 working days; the applicant is told in writing.
 *   registerInstrumentType({ type: 'adminReview.acceptNotice', label: '行政复议受理通知书', typeShort: '复受',
 *     numbered: true, cite: '行政复议法 第三十条', title: () => '行政复议受理通知书', body: (f) => [...] });
 *
 * and the platform numbers (numbering.ts), stores (service.ts) and renders (docx.ts) it.
 */
import type { z } from 'zod';
import type { DbOrTx } from '../db/client';
import type { Org } from '../orgs/service';
import { AppError } from '../errors';
import type { Block } from './blocks';

export type { Block } from './blocks';

export type InstrumentFields = Record<string, unknown>;

export interface InstrumentTypeDef<F extends InstrumentFields = InstrumentFields> {
  /** Stable key, e.g. 'adminReview.decision'. */
  type: string;
  /** 文书名称 shown in lists. */
  label: string;
  /** The type's part of the number: 复 in 武政复〔2024〕3号. */
  typeShort: string;
  /** Numbered instruments draw a gap-free number per issuing org / sequence / year. */
  numbered: boolean;
  /** Article the instrument rests on, shown with it. */
  cite?: string;
  /** Number template for this type when settings name none; the platform default otherwise (numbering.ts). */
  format?: string;
  /**
   * Counter the number is drawn from; defaults to `type`. Types that share one run of numbers
   * (e.g. every 复议 文书 numbered 武政复〔2024〕N号) name the same sequence.
   */
  sequence?: string;
  /** A business permission whose data scope also lets users read instruments of this type (besides `instrument.read`). */
  readPermission?: string;
  /** Validates the fields before anything is written; messages in Chinese. */
  fields?: z.ZodType<F>;
  /**
   * The org in whose name the instrument is issued and numbered, when not the owning org — e.g. a 复议 decision
   * is prepared by the 司法局 but made and numbered by the county government (行政复议法 第六十一条).
   */
  issuer?: (ctx: { tx: DbOrTx; org: Org; fields: F }) => Promise<string | null | undefined> | string | null | undefined;
  title: (fields: F) => string;
  body: (fields: F) => Block[];
}

type AnyDef = InstrumentTypeDef<any>;

const types = new Map<string, AnyDef>();

export function registerInstrumentType<F extends InstrumentFields>(def: InstrumentTypeDef<F>): InstrumentTypeDef<F> {
  if (!/^[A-Za-z][\w.-]{0,63}$/.test(def.type)) throw new Error(`instrument type key must be 1–64 word characters: ${def.type}`);
  if ((def.sequence ?? def.type).length > 64) throw new Error(`instrument sequence key too long: ${def.sequence}`);
  types.set(def.type, def);
  return def;
}

export const instrumentType = (type: string): AnyDef | undefined => types.get(type);

export function requireInstrumentType(type: string): AnyDef {
  const def = types.get(type);
  if (!def) throw new AppError('INSTRUMENT_TYPE_UNKNOWN', `文书类型「${type}」未登记`, 400, { type });
  return def;
}

export const instrumentTypes = (): AnyDef[] => [...types.values()];

export const typeLabel = (type: string) => types.get(type)?.label ?? type;
