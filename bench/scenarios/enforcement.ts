import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { clueListQueries, runDetection } from '../../src/modules/enforcement/inspections';
import { resultsDir } from '../lib/report';
import type { Scenario } from '../lib/scenario';

/** Issue 7: clue detection over 1,000,000 inspection records in under 10 s on PostgreSQL, one SQL statement. */
const ROWS = 1_000_000;
const WINDOW = 30;

/**
 * 多头检查 / 重复检查 detection. `load` writes 1,000,000 inspections of 250,000 enterprises by the county's
 * agencies over one year with `generate_series` (no JS loops; each enterprise 3 inspections by one agency on one
 * matter and 1 by another, quarterly — 2 % of enterprises on random days, where the clues are), then times the detection statement itself —
 * a first run that inserts every clue and an idempotent re-run — and writes the timings to
 * bench/results/<date>-<db>-enforcement-detection.json. The API timed under load is the scoped clue list.
 */
const scenario: Scenario = {
  name: 'enforcement',
  title: '检查线索列表（100万条检查记录筛查后）',
  user: 'director',
  endpoint: '/api/enforcement/clues?page=1&pageSize=20',
  async load(ctx) {
    const county = ctx.orgs.get('武义县人民政府')!;
    let t = performance.now();
    await ctx.db.execute(sql`
      insert into enforcement_inspections (org_id, region_code, enterprise_credit_code, enterprise_name, inspection_date, matter, planned)
      select a.ids[(1 + ((g / 4) * 31 + case when g % 4 = 3 then 1 else 0 end) % a.n)::int], '330723', '91330723MA' || lpad((g / 4)::text, 8, '0'), '企业' || (g / 4),
        date '2025-01-01' + (case when (g / 4) % 50 = 0 then abs(hashint8(g)) % 365 else ((g / 4) * 7919) % 80 + (g % 4) * 91 + abs(hashint8(g)) % 20 end)::int, (array['食品安全', '安全生产', '消防安全', '市容环境'])[(1 + (g / 4) % 4)::int], true
      from generate_series(1::bigint, ${ROWS}::bigint) g,
        (select array_agg(id order by id) as ids, count(*)::int as n from orgs where type = 'agency') a`);
    const loadMs = Math.round(performance.now() - t);
    await ctx.db.execute(sql`analyze enforcement_inspections`);
    const run = async () => {
      t = performance.now();
      const r = await ctx.db.transaction((tx) => runDetection(tx, county.path, WINDOW, 1));
      return { ms: Math.round(performance.now() - t), result: Object.fromEntries(Object.entries(r).map(([k, v]) => [k, Number(v)])) };
    };
    const first = await run();
    ctx.log(`enforcement：100万条检查记录筛查 ${first.ms} ms（${JSON.stringify(first.result)}）`);
    const again = await run();
    ctx.log(`enforcement：重复筛查（幂等）${again.ms} ms（${JSON.stringify(again.result)}）`);
    const date = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date());
    fs.mkdirSync(resultsDir, { recursive: true });
    fs.writeFileSync(
      path.join(resultsDir, `${date}-${ctx.kind}-enforcement-detection.json`),
      JSON.stringify({ date, db: ctx.kind, rows: ROWS, windowDays: WINDOW, insertMs: loadMs, detection: { first, again }, targetMs: 10_000, met: first.ms < 10_000 && again.ms < 10_000 }, null, 2) + '\n',
    );
    return ROWS;
  },
  async rawSql(ctx) {
    const { count, page } = clueListQueries(ctx.db, await ctx.authOf('director'), { page: 1, pageSize: 20 });
    return [count, page];
  },
};

export default scenario;
