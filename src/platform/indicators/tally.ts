/**
 * One scan of a line's table for all the figures that count it. A line declares its counts once — each a
 * condition over one period — and the columns its figures break down by; every figure reads its numbers
 * from the same tally. Within one request of the engine (an `IndicatorBatch`: the periods it will ask for
 * and a memo) the table is read once for all those figures and all those periods, as one would write it
 * by hand:
 *
 *   select c.source, count(*) filter (where <registered in 2025>), count(*) filter (where <succeeded in 2025>), …
 *   from mediation_cases c where <org subtree, not voided> group by c.source
 *
 *   const mediationTally = defineTally({
 *     key: 'mediation.cases', from: sql`mediation_cases c`, where: (q) => sql`…`,
 *     dimensions: { source: sql`c.source` },
 *     measures: { registered: (p) => sql`c.registered_date between ${p.from} and ${p.to}` },
 *   });
 *   const t = await mediationTally(db, q);
 *   t.count('registered'); t.by('registered', 'source');   // [{ key: 'courtReferral', n: 12 }, …]
 */
import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '../db/client';
import type { IndicatorBatch, IndicatorQuery, PeriodBounds } from './registry';

export interface TallySpec<M extends string, D extends string> {
  /** Names the tally in a request's memo; unique per line and table ('mediation.cases'). */
  key: string;
  /** The table with its alias: sql`mediation_cases c`. */
  from: SQL;
  /** Rows that count at all for the org asked for (its subtree, not voided). */
  where: (q: IndicatorQuery) => SQL;
  /** Columns the figures break down by, read in the same scan. */
  dimensions?: Record<D, SQL>;
  /** The counts, each a condition over one period. */
  measures: Record<M, (p: PeriodBounds) => SQL>;
}

export interface Tally<M extends string, D extends string> {
  count(measure: M): number;
  /** The measure by one dimension's values, largest first (values with no rows left out). */
  by(measure: M, dimension: D): { key: string; n: number }[];
}

type Row = Record<string, unknown>;

/** A new memo for one request that asks for these periods (the engine makes one per call). */
export function newBatch(periods: PeriodBounds[]): IndicatorBatch {
  return { periods, memo: new Map() };
}

const same = (a: PeriodBounds, b: PeriodBounds) => a.from === b.from && a.to === b.to;

export function defineTally<M extends string, D extends string = never>(spec: TallySpec<M, D>) {
  const measureNames = Object.keys(spec.measures) as M[];
  const dimNames = Object.keys(spec.dimensions ?? {}) as D[];

  async function scan(db: DbOrTx, q: IndicatorQuery, periods: PeriodBounds[]): Promise<Row[]> {
    const dims = dimNames.map((d, i) => sql`${spec.dimensions![d]}::text as ${sql.raw(`"d${i}"`)}`);
    const counts = periods.flatMap((p, j) => measureNames.map((m, k) => sql`count(*) filter (where ${spec.measures[m](p)})::int as ${sql.raw(`"m${j}_${k}"`)}`));
    const group = dimNames.length ? sql` group by ${sql.join(dimNames.map((_, i) => sql.raw(String(i + 1))), sql`, `)}` : sql``;
    return rowsOf<Row>(await db.execute(sql`select ${sql.join([...dims, ...counts], sql`, `)} from ${spec.from} where ${spec.where(q)}${group}`));
  }

  return async function tally(db: DbOrTx, q: IndicatorQuery): Promise<Tally<M, D>> {
    const own = { from: q.from, to: q.to };
    const batch = q.batch && q.batch.periods.some((p) => same(p, own)) ? q.batch : undefined;
    const periods = batch ? batch.periods : [own];
    let rows: Promise<Row[]>;
    if (batch) {
      const key = `${spec.key}|${q.org.id}|${periods.map((p) => `${p.from}~${p.to}`).join(',')}`;
      if (!batch.memo.has(key)) {
        const p = scan(db, q, periods);
        // A failed scan is not remembered: the next figure tries again (and reports its own error).
        p.catch(() => batch.memo.delete(key));
        batch.memo.set(key, p);
      }
      rows = batch.memo.get(key) as Promise<Row[]>;
    } else {
      rows = scan(db, q, periods);
    }
    const result = await rows;
    const j = periods.findIndex((p) => same(p, own));
    const col = (m: M) => `m${j}_${measureNames.indexOf(m)}`;
    return {
      count: (m) => result.reduce((s, r) => s + Number(r[col(m)] ?? 0), 0),
      by: (m, d) => {
        const i = dimNames.indexOf(d);
        const sums = new Map<string, number>();
        for (const r of result) {
          const n = Number(r[col(m)] ?? 0);
          const k = r[`d${i}`] == null ? '' : String(r[`d${i}`]);
          if (n) sums.set(k, (sums.get(k) ?? 0) + n);
        }
        return [...sums.entries()].map(([key, n]) => ({ key, n })).sort((a, b) => b.n - a.n || a.key.localeCompare(b.key));
      },
    };
  };
}
