import type { Database } from '../db/client';
import type { Config } from '../../config';
import { systemActor } from '../audit/service';
import { createOrg, type Org } from '../orgs/service';
import { createUser } from '../auth/users';
import { users } from '../auth/schema';
import { eq } from 'drizzle-orm';
import type { FazhiModule, SeedContext } from '../module';
import { demoCounty, demoUsers, justiceOfficeName } from './county';
import { seedIndicatorDemo } from '../indicators/seed';

/** Small deterministic PRNG (mulberry32): the same demo data on every machine. */
export function seededRandom(seed = 20_240_101) {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Creates the demo county's org tree; returns orgs by name. */
export async function seedOrgTree(database: Database): Promise<Map<string, Org>> {
  const { db } = database;
  const byName = new Map<string, Org>();
  const add = async (name: string, type: string, regionCode: string, parent: Org | null, extra: Partial<Org> = {}) => {
    const org = await createOrg(db, systemActor, {
      name,
      type,
      regionCode,
      parentId: parent?.id ?? null,
      shortName: extra.shortName ?? null,
      population: extra.population ?? null,
      sort: byName.size,
    });
    byName.set(name, org);
    return org;
  };
  const c = demoCounty;
  const county = await add(c.name, 'government', c.regionCode, null, { shortName: c.shortName, population: c.population });
  const bureau = await add(c.bureau.name, 'justiceBureau', c.regionCode, county, { shortName: c.bureau.shortName });
  for (const d of c.divisions) await add(d, 'division', c.regionCode, bureau);
  for (const o of c.others) await add(o.name, o.type, c.regionCode, o.underBureau ? bureau : county, { shortName: o.shortName });
  for (const a of c.agencies) await add(a.name, 'agency', c.regionCode, county, { shortName: a.shortName });
  for (const t of c.townships) {
    // 司法所 are the bureau's 派出机构: under the bureau, coded with their township.
    // 简称 for document numbers: 壶山司法所 → 壶山司 (壶山司〔2025〕3号).
    await add(justiceOfficeName(t.name), 'justiceOffice', t.code, bureau, { shortName: justiceOfficeName(t.name).replace(/法所$/, '') });
    const gov = await add(t.name.endsWith('街道') ? `${t.name}办事处` : `${t.name}人民政府`, 'government', t.code, county, { population: t.population, shortName: (t as { shortName?: string }).shortName ?? t.name.replace(/(街道|镇|乡)$/, '').slice(0, 2) + '政' });
    byName.set(t.name, gov);
    for (const [i, v] of (c.villages[t.name] ?? []).entries()) await add(v, 'village', `${t.code}${String(200 + i + 1).padStart(3, '0')}`, gov);
  }
  return byName;
}

/** Seeds an empty database with the demo county, one user per role, then every module's demo data. */
export async function seedDemo(database: Database, config: Config, modules: FazhiModule[], log: (m: string) => void = () => {}) {
  const orgs = await seedOrgTree(database);
  const usersByName = new Map<string, string>();
  for (const u of demoUsers) {
    const org = orgs.get(u.org);
    if (!org) throw new Error(`demo org missing: ${u.org}`);
    const user = await createUser(database.db, systemActor, { username: u.username, displayName: u.displayName, orgId: org.id, title: u.title, roleCodes: u.roles, password: config.demoPassword });
    // Demo accounts are ready to use: no forced password change on first login.
    await database.db.update(users).set({ mustChangePassword: false }).where(eq(users.id, user.id));
    usersByName.set(u.username, user.id);
  }
  log(`演示数据：${orgs.size} 个机构，${usersByName.size} 个平台账号`);
  const ctx: SeedContext = { db: database.db, config, orgs, users: usersByName, random: seededRandom(), log };
  for (const m of modules) {
    if (m.seedDemo) {
      const t = Date.now();
      await m.seedDemo(ctx);
      log(`演示数据：${m.label} 完成（${Date.now() - t} ms）`);
    }
  }
  // 手工指标、考核目标 and 整改 come from the lines' figures: only with the lines' demo data.
  if (modules.length) await seedIndicatorDemo(ctx);
}
