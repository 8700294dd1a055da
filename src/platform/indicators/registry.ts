import type { DbOrTx } from '../db/client';

/**
 * Named indicators (DOMAIN.md §9). Each business line registers its formulas over its own tables; the
 * platform serves them at GET /api/indicators, by org (including descendants) and period, with the
 * records behind numerator and denominator.
 */
export interface IndicatorQuery {
  /** The org the figure is for; records of it and every org below it count. */
  org: { id: string; path: string; regionCode: string; population: number | null };
  /** Inclusive period bounds, 'YYYY-MM-DD'. */
  from: string;
  to: string;
  /**
   * Set by the engine for one request: the periods it will ask for and a memo, so that figures counting
   * the same table read it once (see tally.ts). Optional: a figure computes alone without it.
   */
  batch?: IndicatorBatch;
}

export interface PeriodBounds {
  from: string;
  to: string;
}

export interface IndicatorBatch {
  periods: PeriodBounds[];
  memo: Map<string, Promise<unknown>>;
}

export type IndicatorUnit = 'percent' | 'count' | 'ratio' | 'perTenThousand';

export interface IndicatorValue {
  numerator: number;
  /** null for plain counts. */
  denominator: number | null;
  /** Optional breakdown (e.g. counts by type), shown beside the figure. */
  breakdown?: { key: string; label: string; value: number }[];
}

export interface RecordRef {
  entityType: string;
  id: string;
  title: string;
  date: string | null;
  orgName: string;
  link: string | null;
  extra?: Record<string, unknown>;
}

export interface IndicatorDef {
  key: string;
  label: string;
  module: string;
  /** Definition shown in the UI and in the report, e.g. '(撤销+…+责令履行) / 审结'. */
  definition: string;
  unit: IndicatorUnit;
  /** Permission needed to see this figure (its data scope decides which orgs may be asked for). */
  permission: string;
  /**
   * Which way is better, for rankings and 考核 (e.g. 败诉率 lowerBetter). Optional: the engine (figures.ts)
   * falls back to a table of known keys, then to higherBetter.
   */
  direction?: 'higherBetter' | 'lowerBetter';
  /** 计量单位 shown after a count (件, 人, 项); optional. */
  unitLabel?: string;
  compute(db: DbOrTx, q: IndicatorQuery): Promise<IndicatorValue>;
  /** The records behind the numerator or denominator. */
  records?(db: DbOrTx, q: IndicatorQuery, part: 'numerator' | 'denominator'): Promise<RecordRef[]>;
}

const defs = new Map<string, IndicatorDef>();
const moduleLabels = new Map<string, string>();

/** The Chinese name of each business line, for grouping figures (set from the module list at start). */
export function registerModuleLabel(key: string, label: string) {
  moduleLabels.set(key, label);
}

export function registerIndicators(list: IndicatorDef[]) {
  for (const d of list) defs.set(d.key, d);
}

export const allIndicators = () => [...defs.values()];
export const indicatorDef = (key: string) => defs.get(key);

/**
 * Ratios show 1 decimal place rounded half-up (DOMAIN.md §9: 7/12 = 58.3%), computed in integers so
 * 0.5 boundaries are exact.
 */
export function roundHalfUp(numerator: number, denominator: number, scale: number, decimals: number): number {
  const f = 10 ** decimals;
  const num = BigInt(numerator) * BigInt(scale * f) * 2n + BigInt(denominator);
  const q = num / (BigInt(denominator) * 2n);
  return Number(q) / f;
}

export function present(def: IndicatorDef, v: IndicatorValue) {
  const { numerator, denominator } = v;
  let value: number | null;
  let display: string;
  if (def.unit === 'count' || denominator == null) {
    value = numerator;
    display = String(numerator);
  } else if (denominator === 0) {
    value = null;
    display = '—';
  } else if (def.unit === 'percent') {
    value = roundHalfUp(numerator, denominator, 100, 1);
    display = `${value.toFixed(1)}%`;
  } else if (def.unit === 'ratio') {
    value = roundHalfUp(numerator, denominator, 1, 2);
    display = `${value.toFixed(2)}:1`;
  } else {
    value = roundHalfUp(numerator, denominator, 10_000, 2);
    display = value.toFixed(2);
  }
  return { key: def.key, label: def.label, module: def.module, moduleLabel: moduleLabels.get(def.module) ?? def.module, definition: def.definition, unit: def.unit, value, numerator, denominator, display, breakdown: v.breakdown ?? null };
}

/** Computes another registered indicator (for figures that combine lines, e.g. 复议:诉讼), without touching its tables. */
export async function computeIndicator(db: DbOrTx, key: string, q: IndicatorQuery): Promise<IndicatorValue> {
  const def = defs.get(key);
  if (!def) throw new Error(`unknown indicator ${key}`);
  return def.compute(db, q);
}
