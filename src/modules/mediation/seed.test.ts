import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../platform/db/client';
import { createTestContext, type TestContext } from '../../platform/testing/harness';
import { seededRandom } from '../../platform/seed/demo';
import { orgs } from '../../platform/orgs/schema';
import { users } from '../../platform/auth/schema';
import type { Org } from '../../platform/orgs/service';
import { seedMediation } from './seed';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({ seedModules: false });
  const db = t.database.db;
  const byName = new Map<string, Org>((await db.select().from(orgs)).map((o) => [o.name, o]));
  for (const o of await db.select().from(orgs)) if (o.type === 'government' && o.regionCode.length === 9) byName.set(o.name.replace(/(办事处|人民政府)$/, ''), o);
  const userMap = new Map((await db.select().from(users)).map((u) => [u.username, u.id]));
  await seedMediation({ db, config: t.config, orgs: byName, users: userMap, random: seededRandom(), log: () => {} });
}, 180_000);
afterAll(() => t?.close());

describe('演示数据（武义县人民调解）', () => {
  it('一年数千件案件分布在18个乡镇的调委会，成功率约97%，含法院委派和司法确认', async () => {
    const [r] = rowsOf<{ n: number; towns: number; success: number; concluded: number; court: number; confirmed: number }>(
      await t.database.db.execute(sql`select count(*)::int as n, count(distinct township_code)::int as towns,
        count(*) filter (where outcome = 'success')::int as success, count(*) filter (where outcome in ('success','failure'))::int as concluded,
        count(*) filter (where source = 'courtReferral')::int as court, count(*) filter (where confirmation_status = 'confirmed')::int as confirmed from mediation_cases`),
    );
    expect(r.n).toBeGreaterThan(3000);
    expect(r.towns).toBe(18);
    expect(r.success / r.concluded).toBeGreaterThan(0.95);
    expect(r.court).toBeGreaterThan(100);
    expect(r.confirmed).toBeGreaterThan(10);
  });

  it('演示账号：村调解员只看到本村调委会的案件，法院看到本院委派的案件', async () => {
    const houchen = await t.login('houchen');
    const list = (await houchen.get('/api/mediation/cases?pageSize=200')).json();
    expect(list.total).toBeGreaterThan(0);
    expect(new Set(list.items.map((i: { orgName: string }) => i.orgName))).toEqual(new Set(['后陈村人民调解委员会']));
    const fayuan = await t.login('fayuan');
    const refs = (await fayuan.get('/api/mediation/court/referrals?status=open')).json();
    expect(refs.total).toBe(4);
    const tiaojie = await t.login('tiaojie');
    expect((await tiaojie.get('/api/mediation/cases?overdue=true')).json().total).toBeGreaterThan(0);
  });
});
