import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../platform/db/client';
import { orgs } from '../../platform/orgs/schema';
import { users } from '../../platform/auth/schema';
import { seededRandom } from '../../platform/seed/demo';
import type { Org } from '../../platform/orgs/service';
import { legalityTestContext, ok, type LegalityTestContext } from './test-helpers';
import { seedLegalityReview } from './seed';

let t: LegalityTestContext;
beforeAll(async () => {
  t = await legalityTestContext();
  const orgRows = await t.database.db.select().from(orgs);
  const userRows = await t.database.db.select().from(users);
  await seedLegalityReview({ db: t.database.db, config: t.config, orgs: new Map(orgRows.map((o) => [o.name, o as Org])), users: new Map(userRows.map((u) => [u.username, u.id])), random: seededRandom(), log: () => {} });
}, 300_000);
afterAll(() => t?.close());

describe('演示数据', () => {
  it('约300件武义县规范性文件：有效、失效、废止、修改俱全，逾期备案有标记；一年数百件审查事项', async () => {
    // Seeding time is left to `npm run bench`, like the other lines.
    const rows = rowsOf<{ status: string; n: number }>(await t.database.db.execute(sql`select status, count(*)::int as n from normative_documents group by status`));
    const by = Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
    const total = Object.values(by).reduce((s, n) => s + n, 0);
    expect(total).toBeGreaterThanOrEqual(250);
    expect(total).toBeLessThanOrEqual(350);
    expect(by.effective).toBeGreaterThan(50);
    expect(by.expired).toBeGreaterThan(0);
    expect(by.repealed).toBeGreaterThan(0);
    const [late] = rowsOf<{ late: number; codes: number; published: number; reviewing: number }>(await t.database.db.execute(sql`select count(*) filter (where filed_late)::int as late, count(distinct code)::int as codes, count(*) filter (where stage = 'published')::int as published, count(*) filter (where stage = 'reviewing')::int as reviewing from normative_documents`));
    expect(late.late).toBeGreaterThan(0);
    expect(late.codes).toBe(late.published);
    // Drafts at the 合法性审核 stage, each with its review.
    expect(late.reviewing).toBe(3);
    const [rv] = rowsOf<{ n: number; states: number; county: number; township: number; batch: number; minutes: number; linked: number }>(
      await t.database.db.execute(sql`select count(*)::int as n, count(distinct state)::int as states, count(*) filter (where flow = 'county' and entry_mode = 'workflow')::int as county,
        count(*) filter (where flow = 'township' and entry_mode = 'workflow')::int as township, count(*) filter (where entry_mode = 'batch')::int as batch,
        count(*) filter (where object_type = 'meetingMinutes')::int as minutes, count(document_id)::int as linked from legality_reviews`),
    );
    expect(rv.n).toBeGreaterThanOrEqual(300);
    expect(rv.states).toBeGreaterThanOrEqual(5);
    expect(rv.county).toBeGreaterThanOrEqual(10);
    expect(rv.township).toBeGreaterThanOrEqual(24);
    expect(rv.batch).toBeGreaterThanOrEqual(200);
    expect(rv.minutes).toBeGreaterThanOrEqual(150);
    expect(rv.linked).toBeGreaterThanOrEqual(1);
    const [x] = rowsOf<{ consultations: number; clauses: number; early: number }>(await t.database.db.execute(sql`select (select count(*)::int from legality_review_consultations) as consultations, (select count(*)::int from legality_review_clauses) as clauses, (select count(*)::int from legality_reviews where early_reason is not null) as early`));
    expect(x.consultations).toBeGreaterThan(0);
    expect(x.clauses).toBeGreaterThan(0);
    // Every workflow opinion in the demo respects the 5-working-day minimum (国办发〔2018〕115号).
    expect(x.early).toBe(0);
  });

  it('公众检索“行政处罚”找到各领域行政处罚裁量基准；废止文件显示已废止', async () => {
    const r = await ok(await t.anonymous.get(`/api/public/documents?q=${encodeURIComponent('行政处罚')}&pageSize=50`));
    expect(r.items.some((i: { title: string }) => i.title.includes('行政处罚裁量基准'))).toBe(true);
    const [rep] = rowsOf<{ code: string }>(await t.database.db.execute(sql`select code from normative_documents where status = 'repealed' limit 1`));
    const d = await ok(await t.anonymous.get(`/api/public/documents/${rep.code}`));
    expect(d.statusLabel).toBe('已废止');
  });

  it('规范性文件指标：备案数、按期备案率、清理数', async () => {
    const ind = await ok(await t.director.get(`/api/indicators?org=330723&from=2019-01-01&to=2100-12-31&keys=normativeDoc.filingCount,normativeDoc.filingOnTimeRate,normativeDoc.cleanupCounts`));
    const by = Object.fromEntries(ind.indicators.map((i: { key: string }) => [i.key, i]));
    const [f] = rowsOf<{ filed: number; due: number; ontime: number }>(await t.database.db.execute(sql`select count(filed_date)::int as filed, count(*) filter (where filing_due_date <= '2100-12-31')::int as due, count(*) filter (where filed_date <= filing_due_date)::int as ontime from normative_documents`));
    expect(by['normativeDoc.filingCount'].value).toBe(f.filed);
    expect(by['normativeDoc.filingOnTimeRate']).toMatchObject({ numerator: f.ontime, denominator: f.due });
    expect(f.ontime).toBeLessThan(f.due);
    const cleanup = Object.fromEntries(by['normativeDoc.cleanupCounts'].breakdown.map((b: { label: string; value: number }) => [b.label, b.value]));
    expect(cleanup['保留']).toBeGreaterThan(0);
    expect(cleanup['废止']).toBeGreaterThan(0);
  });
});
