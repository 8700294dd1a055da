/**
 * The leader 驾驶舱 in one call: key figures with 同比 and rank, their 12-month trend lines, one figure by
 * township (ranking bar and map) and by the org's own children, and what is overdue by line — every part
 * opening onto the records behind it (GET /api/indicators/:key/records).
 */
import { sql } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '../db/client';
import type { AuthContext } from '../auth/context';
import { allWorkflows } from '../workflow/registry';
import { wfInstances } from '../workflow/schema';
import { scopeCondition } from '../auth/scope';
import { todayInChina } from '../calendar/service';
import { canSee, indicatorByUnit, indicatorCatalogue, indicatorFigures, indicatorSeries, loadOrg } from './figures';
import { periodBounds, trailingMonths, type Period } from './period';
import { indicatorRectifications } from './schema';
import { newBatch } from './tally';
import { IND_PERM } from './permissions';

/** The figures a leader looks at first, in this order, when the lines that own them are installed. */
export const headlineKeys = [
  'adminReview.accepted',
  'adminReview.correctionRate',
  'adminReview.mediatedWithdrawnRate',
  'litigation.lossRate',
  'litigation.headAppearanceRate',
  'mediation.successRate',
  'legalAid.caseCount',
  'legality.reviewCount',
  'normativeDoc.filingOnTimeRate',
];

/** Figures that make sense township by township (the map's default), in order of preference. */
const mapKeys = ['mediation.successRate', 'mediation.caseCount', 'litigation.lossRate', 'legality.reviewCount', 'litigation.firstInstanceFiled'];

export interface DashboardRequest {
  orgId: string;
  period: Period;
  /** The figure shown on the ranking and the map. */
  mapKey?: string;
  /** How many headline figures get a trend line. */
  trends?: number;
}

/** Open workflow instances past their earliest open deadline, by workflow, within the caller's read scope. */
async function overdueByLine(db: DbOrTx, auth: AuthContext, orgPath: string) {
  const today = todayInChina();
  const parts = allWorkflows()
    .filter((w) => auth.permissions.has(w.readPermission))
    .map((w) => sql`(${wfInstances.workflow} = ${w.key} and ${scopeCondition(auth, w.readPermission, { orgId: wfInstances.orgId, createdBy: wfInstances.createdBy })})`);
  const rows = parts.length
    ? rowsOf<{ workflow: string; n: number }>(
        await db.execute(sql`select ${wfInstances.workflow} as workflow, count(*)::int as n from ${wfInstances}
          where ${wfInstances.isFinal} = false and ${wfInstances.voidedAt} is null and (${sql.join(parts, sql` or `)})
            and ${wfInstances.orgId} in (select id from orgs where path like ${orgPath + '%'})
            and exists (select 1 from wf_deadlines d where d.instance_id = ${wfInstances.id} and d.status = 'open' and d.due_date < ${today})
          group by ${wfInstances.workflow}`),
      )
    : [];
  const defs = new Map(allWorkflows().map((w) => [w.key, w]));
  const lines = rows.map((r) => ({ key: r.workflow, label: defs.get(r.workflow)?.label ?? r.workflow, overdue: Number(r.n), link: `/?light=red&workflow=${encodeURIComponent(r.workflow)}` }));
  if (auth.permissions.has(IND_PERM.rectify) || auth.permissions.has(IND_PERM.assessment)) {
    const perm = auth.permissions.has(IND_PERM.rectify) ? IND_PERM.rectify : IND_PERM.assessment;
    const [{ n }] = rowsOf<{ n: number }>(
      await db.execute(sql`select count(*)::int as n from ${indicatorRectifications} where ${indicatorRectifications.status} = 'open' and ${indicatorRectifications.voidedAt} is null
        and ${indicatorRectifications.deadline} < ${today} and ${scopeCondition(auth, perm, { orgId: indicatorRectifications.orgId })}
        and ${indicatorRectifications.orgId} in (select id from orgs where path like ${orgPath + '%'})`),
    );
    if (n > 0) lines.push({ key: 'rectification', label: '考核整改事项', overdue: Number(n), link: '/indicators/assessment?tab=rectifications&status=overdue' });
  }
  return lines.sort((a, b) => b.overdue - a.overdue);
}

export async function dashboard(db: DbOrTx, auth: AuthContext, req: DashboardRequest) {
  const org = await loadOrg(db, req.orgId);
  const catalogue = (await indicatorCatalogue(db)).filter((d) => canSee(auth, d, org));
  const visible = new Set(catalogue.map((d) => d.key));
  const keys = [...headlineKeys.filter((k) => visible.has(k)), ...catalogue.filter((d) => !headlineKeys.includes(d.key) && !d.key.startsWith('manual.')).map((d) => d.key)];
  const trendKeys = keys.filter((k) => catalogue.find((d) => d.key === k)?.unit !== 'perTenThousand').slice(0, req.trends ?? 6);
  const mapKey = req.mapKey && visible.has(req.mapKey) ? req.mapKey : (mapKeys.find((k) => visible.has(k)) ?? keys[0]);
  const months = trailingMonths(req.period);
  // The trend lines share one memo: a line's table is read once for all its figures and all twelve months.
  const trendBatch = newBatch(months.map((m) => periodBounds(m)));
  const [figures, trends, byTownship, byChild, overdue] = await Promise.all([
    indicatorFigures(db, auth, { orgId: org.id, period: req.period, keys }),
    Promise.all(trendKeys.map(async (k) => {
      const def = catalogue.find((d) => d.key === k)!;
      return { key: k, label: def.label, unit: def.unit, points: await indicatorSeries(db, def, org, months, trendBatch) };
    })),
    mapKey ? indicatorByUnit(db, auth, { key: mapKey, orgId: org.id, period: req.period, by: 'townships' }) : null,
    mapKey ? indicatorByUnit(db, auth, { key: mapKey, orgId: org.id, period: req.period, by: 'children' }) : null,
    overdueByLine(db, auth, org.path),
  ]);
  return {
    org: figures.org,
    period: figures.period,
    figures: figures.figures,
    trends,
    mapKey: mapKey ?? null,
    mapOptions: catalogue.filter((d) => !d.key.startsWith('manual.')).map((d) => ({ key: d.key, label: d.label })),
    byTownship,
    byChild,
    overdue,
    bounds: periodBounds(req.period),
  };
}
