import path from 'node:path';
import os from 'node:os';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../../src/config';
import { modules } from '../../src/modules';
import { seededRandom } from '../../src/platform/seed/demo';
import { demoCounty } from '../../src/platform/seed/county';
import { seedIndicatorDemo } from '../../src/platform/indicators/seed';
import { rowsOf } from '../../src/platform/db/client';
import type { SeedContext } from '../../src/platform/module';
import type { Scenario } from '../lib/scenario';

const YEAR = new Date().getFullYear();

/**
 * The leader 驾驶舱 for the demo county and year (issue 9: the whole dashboard for a county-year in under 1 s on
 * demo data): every line's demo data is seeded, then GET /api/dashboard — key figures with 同比, 12 trend months,
 * township and org rankings, the map, overdue items. Run it on its own (`--scenario dashboard`); `--scale` is
 * ignored. The raw SQL is the headline figures' aggregate, for scale only: the target here is the API time.
 */
const scenario: Scenario = {
  name: 'dashboard',
  title: '领导驾驶舱（演示县武义县全年，全部条线演示数据）',
  user: 'director',
  endpoint: `/api/dashboard?org=330723&period=year&year=${YEAR}`,
  rawSqlKind: 'equivalent',

  async load(ctx) {
    const config = { ...loadConfig({ DATA_DIR: path.join(os.tmpdir(), 'fazhi-bench') }), demoPassword: 'Bench@12345' };
    // The demo seed knows each township's government by the township's own name (src/platform/seed/demo.ts).
    const byName = new Map(ctx.orgs);
    for (const t of demoCounty.townships) {
      const gov = [...ctx.orgs.values()].find((o) => o.type === 'government' && o.regionCode === t.code);
      if (gov) byName.set(t.name, gov);
    }
    const seed: SeedContext = { db: ctx.db, config, orgs: byName, users: ctx.users, random: seededRandom(), log: ctx.log };
    for (const m of modules) if (m.seedDemo) await m.seedDemo(seed);
    await seedIndicatorDemo(seed);
    const [{ n }] = rowsOf<{ n: number }>(await ctx.db.execute(sql`select (select count(*) from admin_review_cases) + (select count(*) from litigation_cases) + (select count(*) from wf_instances) as n`));
    return Number(n);
  },

  rawSql(ctx) {
    const county = [...ctx.orgs.values()].find((o) => !o.parentId)!;
    return [
      sql`select count(*) filter (where c.accepted_date between ${`${YEAR}-01-01`} and ${`${YEAR}-12-31`}) as accepted,
          count(*) filter (where c.concluded_date between ${`${YEAR}-01-01`} and ${`${YEAR}-12-31`}) as concluded
        from admin_review_cases c where c.org_id in (select id from orgs where path like ${county.path + '%'}) and c.voided_at is null`,
    ];
  },
};

export default scenario;
