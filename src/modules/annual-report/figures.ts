/**
 * The one adapter between the report and the indicator engine: the value of a registered indicator for an org
 * (with descendants) and a calendar year, last year's value and the 同比 change in words. When the engine gains
 * its own 同比/period functions, only this file changes.
 */
import type { DbOrTx } from '../../platform/db/client';
import { indicatorDef, present, type IndicatorBatch, type IndicatorQuery } from '../../platform/indicators/registry';
import { newBatch } from '../../platform/indicators/tally';
import type { Org } from '../../platform/orgs/service';
import type { FigureSnapshot, FigureValue } from './model';

const FIGURE_CONCURRENCY = 4;

export const isRegistered = (key: string) => indicatorDef(key) !== undefined;

const yearBounds = (year: number) => ({ from: `${year}-01-01`, to: `${year}-12-31` });
const yearQuery = (org: Org, year: number, batch?: IndicatorBatch): IndicatorQuery => ({
  org: { id: org.id, path: org.path, regionCode: org.regionCode, population: org.population },
  ...yearBounds(year),
  batch,
});

/** Tenths of the shown value, so the change agrees with the rounded figures in the same sentence. */
const tenths = (v: number) => Math.round(v * 10);

/**
 * 同比 in the words the reports use (DOMAIN.md §9 rounding, 1 decimal): counts change by a percentage of last
 * year's (增长12.5%), rates by percentage points (上升2.3个百分点), ratios by their difference.
 */
export function changeText(unit: string, cur: number | null, prev: number | null): string {
  if (cur == null || prev == null) return '无可比数据';
  if (unit === 'count') {
    if (cur === prev) return '持平';
    if (prev === 0) return `增加${cur}`;
    const pct = Math.round((Math.abs(cur - prev) * 1000) / prev) / 10;
    return `${cur > prev ? '增长' : '下降'}${pct.toFixed(1)}%`;
  }
  if (unit === 'percent') {
    const d = tenths(cur) - tenths(prev);
    if (d === 0) return '持平';
    return `${d > 0 ? '上升' : '下降'}${(Math.abs(d) / 10).toFixed(1)}个百分点`;
  }
  const d = Math.round((cur - prev) * 100);
  if (d === 0) return '持平';
  return `${d > 0 ? '上升' : '下降'}${(Math.abs(d) / 100).toFixed(2)}`;
}

/** `batch`: one memo (of this year and last) shared by the figures of one report, so each table is read once. */
export async function computeFigure(db: DbOrTx, key: string, org: Org, year: number, batch = newBatch([yearBounds(year), yearBounds(year - 1)])): Promise<FigureValue | null> {
  const def = indicatorDef(key);
  if (!def) return null;
  const [curValue, prevValue] = await Promise.all([def.compute(db, yearQuery(org, year, batch)), def.compute(db, yearQuery(org, year - 1, batch))]);
  const cur = present(def, curValue);
  const prev = present(def, prevValue);
  return {
    key,
    label: def.label,
    definition: def.definition,
    unit: def.unit,
    moduleLabel: cur.moduleLabel,
    display: cur.display,
    value: cur.value,
    numerator: cur.numerator,
    denominator: cur.denominator,
    prevDisplay: prev.display,
    prevValue: prev.value,
    change: changeText(def.unit, cur.value, prev.value),
  };
}

/** Computes every registered key among `keys` for the report's org and year; unregistered keys are left out. */
export async function computeFigures(db: DbOrTx, org: Org, year: number, keys: Iterable<string>): Promise<FigureSnapshot> {
  const values: FigureSnapshot['values'] = {};
  const failed: { key: string; reason: string }[] = [];
  const queue = [...new Set(keys)];
  const batch = newBatch([yearBounds(year), yearBounds(year - 1)]);
  // A few figures at a time: on PostgreSQL they run on separate pool connections; PGlite simply queues them.
  const worker = async () => {
    for (let key = queue.shift(); key !== undefined; key = queue.shift()) {
      try {
        const v = await computeFigure(db, key, org, year, batch);
        if (v) values[key] = v;
      } catch (e) {
        // One line's broken formula must not stop the whole report: the figure shows — and the editor lists it.
        failed.push({ key, reason: (e as Error).message.slice(0, 200) });
      }
    }
  };
  await Promise.all(Array.from({ length: FIGURE_CONCURRENCY }, worker));
  // Same order as the keys, whatever order the queries finished in.
  const ordered = Object.fromEntries([...new Set(keys)].filter((k) => values[k]).map((k) => [k, values[k]]));
  return { org: { id: org.id, name: org.name, regionCode: org.regionCode }, year, from: `${year}-01-01`, to: `${year}-12-31`, computedAt: new Date().toISOString(), values: ordered, ...(failed.length ? { failed } : {}) };
}
