import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isNull } from 'drizzle-orm';
import { orgs } from '../../platform/orgs/schema';
import { users } from '../../platform/auth/schema';
import { seededRandom } from '../../platform/seed/demo';
import { createTestContext, type TestContext } from '../../platform/testing/harness';
import { seedEnforcement } from './seed';
import { ok } from './test-helpers';

let t: TestContext;
let ms = 0;
beforeAll(async () => {
  t = await createTestContext({ seedModules: false });
  const db = t.database.db;
  const orgMap = new Map((await db.select().from(orgs).where(isNull(orgs.voidedAt))).map((o) => [o.name, o]));
  // Townships map to their governments in the demo tree (seed/demo.ts).
  for (const [name, o] of [...orgMap]) if (o.type === 'government' && /(办事处|人民政府)$/.test(name)) orgMap.set(name.replace(/(办事处|人民政府)$/, ''), o);
  const userMap = new Map((await db.select().from(users)).map((u) => [u.username, u.id]));
  const started = Date.now();
  await seedEnforcement({ db, config: t.config, orgs: orgMap, users: userMap, random: seededRandom(), log: () => {} });
  ms = Date.now() - started;
});
afterAll(() => t?.close());

describe('行政执法监督演示数据（武义县）', () => {
  it('20 个执法主体、持证率约 98%、一年的案件与检查、筛出的线索、评查与整改', async () => {
    expect(ms).toBeLessThan(60_000);
    const zfjd = await t.login('zfjd');
    const agencies = await ok(await zfjd.get('/api/enforcement/agencies'));
    expect(agencies.items.length).toBe(20);
    const year = await ok(await zfjd.get('/api/indicators?org=330723&period=custom&from=2000-01-01&to=2100-12-31&keys=' + [
      'enforcement.repeatInspectionClues', 'enforcement.multiAgencyInspectionClues', 'enforcement.jointInspectionRate', 'enforcement.caseFileReviewCount', 'enforcement.rectificationClosedRate', 'enforcement.publicationRate',
    ].join(',')));
    const by = Object.fromEntries(year.indicators.map((i: { key: string; numerator: number; value: number | null }) => [i.key, i]));
    expect(by['enforcement.repeatInspectionClues'].numerator).toBeGreaterThan(10);
    expect(by['enforcement.multiAgencyInspectionClues'].numerator).toBeGreaterThan(5);
    expect(by['enforcement.jointInspectionRate'].value).toBeGreaterThan(10);
    expect(by['enforcement.caseFileReviewCount'].numerator).toBe(40);
    expect(by['enforcement.rectificationClosedRate'].value).toBeGreaterThan(50);
    expect(by['enforcement.publicationRate'].value).toBeGreaterThan(90);
    const scjg = await t.login('scjg');
    const own = await ok(await scjg.get('/api/enforcement/cases?pageSize=5'));
    const all = await ok(await zfjd.get('/api/enforcement/cases?pageSize=5'));
    expect(own.total).toBeGreaterThan(0);
    expect(all.total).toBe(1500);
    expect((await ok(await zfjd.get('/api/enforcement/cases?flagged=true'))).total).toBeGreaterThan(0);
    expect((await ok(await zfjd.get('/api/enforcement/docs'))).total).toBeGreaterThan(10);
  });
});
