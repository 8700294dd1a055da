import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestContext, type TestContext } from '../../platform/testing/harness';
import { rowsOf } from '../../platform/db/client';
import { orgs } from '../../platform/orgs/schema';
import { users } from '../../platform/auth/schema';
import { seededRandom } from '../../platform/seed/demo';
import type { Org } from '../../platform/orgs/service';
import { seedAdminReview } from './seed';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({ seedModules: false });
  const orgRows = await t.database.db.select().from(orgs);
  const userRows = await t.database.db.select().from(users);
  await seedAdminReview({
    db: t.database.db,
    config: t.config,
    orgs: new Map(orgRows.map((o) => [o.name, o as Org])),
    users: new Map(userRows.map((u) => [u.username, u.id])),
    random: seededRandom(),
    log: () => {},
  });
});
afterAll(() => t?.close());

describe('演示数据', () => {
  it('一年多的武义县复议案件：各种状态、调撤率接近年报、在办案件有红灯黄灯', async () => {
    // Seeding time is measured by `npm run bench`, not asserted here (timing lives in benchmarks).
    const [s] = rowsOf<{ n: number; y2025: number; open: number; states: number }>(
      await t.database.db.execute(sql`select count(*)::int as n, count(*) filter (where received_date between '2025-01-01' and '2025-12-31')::int as y2025,
        count(*) filter (where concluded_date is null)::int as open, count(distinct state)::int as states from admin_review_cases`),
    );
    expect(s.y2025).toBeGreaterThan(100);
    expect(s.y2025).toBeLessThan(170);
    expect(s.open).toBeGreaterThanOrEqual(10);
    expect(s.states).toBeGreaterThanOrEqual(7);
    const fuyi = await t.login('fuyi');
    const ind = (await fuyi.get('/api/indicators?org=330723&from=2025-01-01&to=2025-12-31')).json();
    const rate = ind.indicators.find((i: { key: string }) => i.key === 'adminReview.mediatedWithdrawnRate');
    expect(rate.value).toBeGreaterThan(40);
    expect(rate.value).toBeLessThan(70);
    const todos = (await fuyi.get('/api/workbench/todos?pageSize=100')).json();
    const lights = new Set(todos.items.filter((i: { workflow: string }) => i.workflow === 'adminReview').map((i: { deadline: { light: string } | null }) => i.deadline?.light));
    expect(lights.has('red')).toBe(true);
    expect(lights.has('yellow')).toBe(true);
    // Every decision number in the government's run is unique.
    const [dup] = rowsOf<{ n: number }>(await t.database.db.execute(sql`select count(*)::int as n from (select decision_number from admin_review_cases where decision_number is not null group by decision_number having count(*) > 1) d`));
    expect(dup.n).toBe(0);
  });
});
