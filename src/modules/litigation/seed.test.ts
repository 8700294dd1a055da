import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../platform/db/client';
import { orgs } from '../../platform/orgs/schema';
import { users } from '../../platform/auth/schema';
import { seededRandom } from '../../platform/seed/demo';
import type { Org } from '../../platform/orgs/service';
import { createTestContext, type TestContext } from '../../platform/testing/harness';
import { seedLitigation } from './seed';

let t: TestContext;

beforeAll(async () => {
  t = await createTestContext({ seedModules: false });
  const byName = new Map<string, Org>();
  for (const o of await t.database.db.select().from(orgs)) {
    byName.set(o.name, o);
    // seed/demo.ts also names each township's government by the township (壶山街道 → 壶山街道办事处).
    const township = o.name.replace(/(办事处|人民政府)$/, '');
    if (o.type === 'government' && township !== o.name && township !== '武义县') byName.set(township, o);
  }
  const userIds = new Map((await t.database.db.select().from(users)).map((u) => [u.username, u.id]));
  await seedLitigation({ db: t.database.db, config: t.config, orgs: byName, users: userIds, random: seededRandom(), log: () => {} });
});
afterAll(() => t?.close());

const one = async <T>(q: ReturnType<typeof sql>) => rowsOf<T>(await t.database.db.execute(q))[0];

describe('行政应诉演示数据', () => {
  it('两年的案件，覆盖各审级和结案方式，日期合理', async () => {
    const s = await one<{ total: number; closed: number; open: number; second: number; bad: number; y2025: number; y2026: number }>(sql`
      select count(*)::int as total,
        count(*) filter (where status = 'closed')::int as closed,
        count(*) filter (where status = 'open')::int as open,
        count(*) filter (where level = 'second')::int as second,
        count(*) filter (where status = 'closed' and (closed_date is null or outcome is null or closed_date < received_date))::int as bad,
        count(*) filter (where received_date between '2025-01-01' and '2025-12-31')::int as y2025,
        count(*) filter (where received_date >= '2026-01-01')::int as y2026
      from litigation_cases`);
    expect(s.total).toBeGreaterThan(40);
    expect(s.open).toBeGreaterThanOrEqual(10);
    expect(s.second).toBeGreaterThan(0);
    expect(s.bad).toBe(0);
    expect(s.y2025).toBeGreaterThan(20);
    expect(s.y2026).toBeGreaterThan(10);
    const outcomes = rowsOf<{ outcome: string }>(await t.database.db.execute(sql`select distinct outcome from litigation_cases where outcome is not null`)).map((r) => r.outcome);
    expect(outcomes).toEqual(expect.arrayContaining(['dismissClaim', 'dismissSuit', 'withdrawn', 'withdrawnChanged', 'mediated', 'confirmIllegal']));
  });

  it('工作台有红灯和黄灯的应诉期限', async () => {
    const director = await t.login('director');
    const todos = (await director.get('/api/workbench/todos?pageSize=200&mode=watch&workflow=litigation')).json();
    const lights = new Set(todos.items.map((i: { deadline: { light: string } | null }) => i.deadline?.light));
    expect(lights.has('red')).toBe(true);
    expect(lights.has('yellow')).toBe(true);
  });

  it('指标接近武义县报告口径：败诉率低，负责人出庭率高', async () => {
    const director = await t.login('director');
    const res = await director.get('/api/indicators?org=330723&from=2025-01-01&to=2025-12-31&keys=litigation.lossRate,litigation.headAppearanceRate,litigation.firstInstanceFiled');
    const f = Object.fromEntries((res.json().indicators as { key: string; value: number; numerator: number }[]).map((i) => [i.key, i]));
    expect(f['litigation.lossRate'].value).toBeLessThan(10);
    expect(f['litigation.headAppearanceRate'].value).toBeGreaterThan(85);
    expect(f['litigation.firstInstanceFiled'].numerator).toBeGreaterThan(20);
  });

  it('演示账号可登录：应诉专员看全县，自然资源和规划局法制员只看本机关', async () => {
    const yingsu = await t.login('yingsu');
    const all = (await yingsu.get('/api/litigation/cases?pageSize=1')).json().total;
    const zrzy = await t.login('zrzy');
    const own = (await zrzy.get('/api/litigation/cases?pageSize=200')).json();
    expect(own.total).toBeGreaterThan(0);
    expect(own.total).toBeLessThan(all);
    expect(own.items.every((i: { defendantName: string }) => i.defendantName === '武义县自然资源和规划局')).toBe(true);
  });
});
