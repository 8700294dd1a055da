/**
 * Demo data of the indicator engine's own parts for 武义县: manual figures (常住人口 by township, 执业律师数,
 * honours), 考核目标 for the townships and departments (败诉率 < 7 %, 负责人出庭应诉率 100 %), and 整改 items
 * opened from last year's shortfalls, some closed. Runs after the business lines' demo data.
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../db/client';
import { systemActor } from '../audit/service';
import { createUser } from '../auth/users';
import { users } from '../auth/schema';
import { orgs } from '../orgs/schema';
import type { SeedContext } from '../module';
import { todayInChina } from '../calendar/service';
import { demoCounty } from '../seed/county';
import { allIndicators, present } from './registry';
import { queryOrg } from './figures';
import { indicatorManualDefs, indicatorManualValues, indicatorRectifications, indicatorTargets } from './schema';

export const demoAssessmentUsers = [
  { username: 'kaohe', displayName: '周敏', title: '法治督察与执法监督科科员', org: '法治督察与执法监督科', roles: ['assessmentOfficer', 'staff'] },
];

/** The 考核 demo account(s); returns their ids by username. */
export async function createAssessmentUsers(db: Db, password: string): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const u of demoAssessmentUsers) {
    const [org] = await db.select().from(orgs).where(and(eq(orgs.name, u.org), isNull(orgs.voidedAt)));
    if (!org) throw new Error(`demo county is missing ${u.org}`);
    const user = await createUser(db, systemActor, { username: u.username, displayName: u.displayName, orgId: org.id, title: u.title, roleCodes: u.roles, password });
    await db.update(users).set({ mustChangePassword: false }).where(eq(users.id, user.id));
    ids.set(u.username, user.id);
  }
  return ids;
}

export const demoManualDefs = [
  { code: 'residentPopulation', label: '常住人口', unitLabel: '人', definition: '年末常住人口（县统计局统计公报）', aggregation: 'latest', direction: 'higherBetter' },
  { code: 'practisingLawyers', label: '执业律师数', unitLabel: '名', definition: '年末在本地执业的律师人数（县律师协会）', aggregation: 'latest', direction: 'higherBetter' },
  { code: 'honours', label: '法治建设荣誉', unitLabel: '项', definition: '获得的省级以上法治建设荣誉、表彰和试点', aggregation: 'sum', direction: 'higherBetter' },
] as const;

export async function seedIndicatorDemo(ctx: SeedContext) {
  const { db, random } = ctx;
  const kaohe = await createAssessmentUsers(db, ctx.config.demoPassword);
  for (const [k, v] of kaohe) ctx.users.set(k, v);
  const by = kaohe.get('kaohe')!;
  const org = (name: string) => {
    const o = ctx.orgs.get(name);
    if (!o) throw new Error(`demo org missing: ${name}`);
    return o;
  };
  const county = org(demoCounty.name);
  const bureau = org(demoCounty.bureau.name);
  const thisYear = Number(todayInChina().slice(0, 4));
  const years = [thisYear - 1, thisYear];

  await db.transaction(async (tx) => {
    await tx.insert(indicatorManualDefs).values(demoManualDefs.map((d) => ({ ...d, orgId: bureau.id, regionCode: bureau.regionCode, createdBy: by })));
    const values: (typeof indicatorManualValues.$inferInsert)[] = [];
    const put = (code: string, o: { id: string; regionCode: string }, from: string, to: string, value: number, source: string) =>
      values.push({ defCode: code, orgId: o.id, regionCode: o.regionCode, createdBy: by, periodFrom: from, periodTo: to, value: String(value), source });
    for (const y of [thisYear - 2, thisYear - 1]) {
      put('residentPopulation', county, `${y}-01-01`, `${y}-12-31`, demoCounty.population + (y - 2024) * 1200, `武义县${y}年国民经济和社会发展统计公报`);
      for (const t of demoCounty.townships) put('residentPopulation', org(t.name), `${y}-01-01`, `${y}-12-31`, t.population + Math.round((random() - 0.4) * 300), `武义县${y}年国民经济和社会发展统计公报`);
      put('practisingLawyers', county, `${y}-01-01`, `${y}-12-31`, 118 + (y - 2024) * 9, '武义县律师协会年度统计');
    }
    put('honours', bureau, `${thisYear - 1}-03-01`, `${thisYear - 1}-03-31`, 1, '浙江省司法厅通报（全省“枫桥式”司法所）');
    put('honours', bureau, `${thisYear - 1}-11-01`, `${thisYear - 1}-11-30`, 2, '金华市法治政府建设示范项目');
    put('honours', bureau, `${thisYear}-06-01`, `${thisYear}-06-30`, 1, '浙江省法治政府建设示范县创建考核');
    await tx.insert(indicatorManualValues).values(values);

    // 考核目标: every township and department; the 2023 report's goals (败诉率 < 7 %, 负责人出庭应诉率 100 %).
    const assessed = [...demoCounty.townships.map((t) => org(t.name)), ...demoCounty.agencies.map((a) => org(a.name))];
    const keys = new Set(allIndicators().map((d) => d.key));
    const goals = [
      { key: 'litigation.lossRate', comparator: '<', threshold: 7, basis: '法治武义建设考核细则：行政诉讼败诉率低于7%' },
      { key: 'litigation.headAppearanceRate', comparator: '=', threshold: 100, basis: '行政诉讼法 第三条第三款；考核细则：负责人出庭应诉率100%' },
      { key: 'normativeDoc.filingOnTimeRate', comparator: '=', threshold: 100, basis: '规范性文件报备率、及时率100%' },
    ].filter((g) => keys.has(g.key));
    const targets: (typeof indicatorTargets.$inferInsert)[] = [];
    for (const y of years) for (const o of assessed) for (const g of goals) targets.push({ orgId: o.id, regionCode: o.regionCode, createdBy: by, year: y, indicatorKey: g.key, comparator: g.comparator, threshold: String(g.threshold), basis: g.basis });
    const saved = targets.length ? await tx.insert(indicatorTargets).values(targets).returning() : [];

    // 整改: last year's shortfalls, each opened in January, most closed by now.
    const orgById = new Map(assessed.map((o) => [o.id, o]));
    const rects: (typeof indicatorRectifications.$inferInsert)[] = [];
    for (const t of saved.filter((x) => x.year === thisYear - 1)) {
      const def = allIndicators().find((d) => d.key === t.indicatorKey)!;
      const o = orgById.get(t.orgId)!;
      const v = present(def, await def.compute(tx, { org: queryOrg(o), from: `${t.year}-01-01`, to: `${t.year}-12-31` }));
      const met = v.value == null || (t.comparator === '<' ? v.value < Number(t.threshold) : v.value >= Number(t.threshold));
      if (met) continue;
      const closed = random() < 0.6;
      rects.push({
        orgId: o.id, regionCode: o.regionCode, createdBy: by, targetId: t.id, indicatorKey: t.indicatorKey, year: t.year,
        title: `${def.label}未达标整改（${v.display}）`, requirement: `分析原因，制定整改措施，于期限内报送整改报告。`,
        deadline: `${thisYear}-${random() < 0.5 ? '03-31' : '06-30'}`,
        status: closed ? 'closed' : 'open', closedDate: closed ? `${thisYear}-0${3 + Math.floor(random() * 3)}-15` : null,
        closureNote: closed ? '已召开专题会议分析原因，完善行政执法案卷评查和负责人出庭应诉制度，整改完成。' : null,
      });
    }
    if (rects.length) await tx.insert(indicatorRectifications).values(rects);
  });
  const [{ n }] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from indicator_targets`));
  ctx.log(`演示数据：指标与考核 ${n} 项考核目标`);
}
