import { and, eq, isNull } from 'drizzle-orm';
import { annualReports } from '../../src/modules/annual-report/schema';
import { buildDraft, reportTitle, tokenKeys } from '../../src/modules/annual-report/draft';
import { computeFigures } from '../../src/modules/annual-report/figures';
import { PERM } from '../../src/modules/annual-report/terms';
import { insertHistoricalCases, type HistoricalCase } from '../../src/modules/admin-review/service';
import { scopeCondition } from '../../src/platform/auth/scope';
import { systemActor } from '../../src/platform/audit/service';
import type { Scenario } from '../lib/scenario';

const OUTCOMES = ['uphold', 'dismiss', 'revoke', 'confirmIllegal', 'mediation', 'settlementWithdrawn', 'withdrawn', 'orderPerformance'];
let reportId = '';

/**
 * One county's 法治政府建设年度报告 as 公文 .docx (issue 9: < 3 s), with every figure recomputed from `scale`
 * 行政复议 records over two years (`?refresh=1`: the indicator queries, 同比 included, then the docx rendering).
 */
const scenario: Scenario = {
  name: 'report',
  title: '年度报告公文 .docx（重新计算全部数据，含同比）',
  user: 'director',
  endpoint: '/api/annual-reports/:id/docx?refresh=1',

  async load(ctx, scale) {
    const { db, faker } = ctx;
    const bureau = ctx.orgs.get('武义县司法局');
    if (!bureau) throw new Error('demo county is missing 武义县司法局');
    const rows: HistoricalCase[] = Array.from({ length: scale }, (_, i) => {
      const received = faker.date.between({ from: '2023-01-01', to: '2024-11-30' }).toISOString().slice(0, 10);
      const accepted = new Date(Date.parse(received) + 3 * 86_400_000).toISOString().slice(0, 10);
      const concluded = new Date(Date.parse(received) + faker.number.int({ min: 20, max: 80 }) * 86_400_000).toISOString().slice(0, 10);
      return {
        receivedDate: received, applicantName: faker.person.fullName(), respondentName: '武义县市场监督管理局', actType: 'penalty', procedure: 'ordinary',
        acceptedDate: accepted, concludedDate: concluded, outcome: faker.helpers.arrayElement(OUTCOMES), caseNumber: `BENCH-${i + 1}`,
      };
    });
    await db.transaction((tx) => insertHistoricalCases(tx, systemActor, bureau, rows));
    const content = buildDraft(bureau.name, 2024, []);
    const figures = await computeFigures(db, bureau, 2024, tokenKeys(content));
    const [r] = await db
      .insert(annualReports)
      .values({ orgId: bureau.id, regionCode: bureau.regionCode, year: 2024, title: reportTitle(bureau.name, 2024), content, figures, figuresAt: new Date(figures.computedAt) })
      .returning({ id: annualReports.id });
    reportId = r.id;
    scenario.endpoint = `/api/annual-reports/${reportId}/docx?refresh=1`;
    return rows.length + 1;
  },

  // The report row as loadReport reads it; the indicator statements that follow belong to each line's scenario.
  async rawSql(ctx) {
    const auth = await ctx.authOf('director');
    return [ctx.db.select().from(annualReports).where(and(eq(annualReports.id, reportId), isNull(annualReports.voidedAt), scopeCondition(auth, PERM.read, { orgId: annualReports.orgId })))];
  },
};

export default scenario;
