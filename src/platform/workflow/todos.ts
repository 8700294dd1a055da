import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '../db/client';
import type { AuthContext } from '../auth/context';
import { scopeCondition } from '../auth/scope';
import { addDays, todayInChina } from '../calendar/service';
import { allWorkflows } from './registry';
import { wfInstances } from './schema';
import { getWarningPolicy, lightOf } from './engine';
import type { DeadlineView } from './types';

export interface TodoFilter {
  page: number;
  pageSize: number;
  light?: 'red' | 'yellow';
  workflow?: string;
  /** act: cases the caller can act on now (default when they can act on any); watch: every open case they may see (督办). */
  mode?: 'act' | 'watch';
}

export interface TodoItem {
  instanceId: string;
  workflow: string;
  workflowLabel: string;
  entityType: string;
  entityId: string;
  title: string;
  state: string;
  stateLabel: string;
  orgName: string;
  link: string | null;
  deadline: { label: string; dueDate: string; light: NonNullable<DeadlineView['light']>; cite: string; provisional: boolean; unit: string; days: number } | null;
}

const cols = { orgId: wfInstances.orgId, createdBy: wfInstances.createdBy };

/** Per workflow, the open instances the caller may see — and, in `act` mode, only in states where they hold a transition. */
function visibility(auth: AuthContext, mode: 'act' | 'watch', only?: string): SQL | null {
  const parts: SQL[] = [];
  for (const def of allWorkflows()) {
    if (only && def.key !== only) continue;
    if (!auth.permissions.has(def.readPermission)) continue;
    if (mode === 'watch') {
      parts.push(sql`(${wfInstances.workflow} = ${def.key} and ${scopeCondition(auth, def.readPermission, cols)})`);
      continue;
    }
    const byPermission = new Map<string, Set<string>>();
    for (const t of def.transitions) {
      if (!auth.permissions.has(t.permission)) continue;
      const states = byPermission.get(t.permission) ?? new Set<string>();
      t.from.forEach((s) => states.add(s));
      byPermission.set(t.permission, states);
    }
    for (const [perm, states] of byPermission) {
      const list = sql.join([...states].map((s) => sql`${s}`), sql`, `);
      parts.push(sql`(${wfInstances.workflow} = ${def.key} and ${wfInstances.state} in (${list}) and ${scopeCondition(auth, perm, cols)} and ${scopeCondition(auth, def.readPermission, cols)})`);
    }
  }
  return parts.length ? sql.join(parts, sql` or `) : null;
}

function canAct(auth: AuthContext) {
  return allWorkflows().some((d) => d.transitions.some((t) => auth.permissions.has(t.permission)));
}

export async function listTodos(db: DbOrTx, auth: AuthContext, f: TodoFilter) {
  const mode = f.mode ?? (canAct(auth) ? 'act' : 'watch');
  const vis = visibility(auth, mode, f.workflow);
  if (!vis) return { items: [] as TodoItem[], total: 0, page: f.page, pageSize: f.pageSize, mode };
  const policy = await getWarningPolicy(db);
  const today = todayInChina();
  const yellowLimit = addDays(today, policy.yellowWorkingDays, 'workingDay').date;
  const lightCond = f.light === 'red' ? sql`and d.due_date < ${today}` : f.light === 'yellow' ? sql`and d.due_date >= ${today} and d.due_date <= ${yellowLimit}` : sql``;
  const from = sql`
    from wf_instances
    join orgs o on o.id = wf_instances.org_id
    left join lateral (
      select dl.rule, dl.label, dl.due_date, dl.cite, dl.provisional, dl.unit, dl.days, dl.status
      from wf_deadlines dl where dl.instance_id = wf_instances.id and dl.status = 'open'
      order by dl.due_date asc limit 1
    ) d on true
    where wf_instances.is_final = false and wf_instances.voided_at is null and (${vis}) ${lightCond}`;
  const [{ total }] = rowsOf<{ total: number }>(await db.execute(sql`select count(*)::int as total ${from}`));
  const rows = rowsOf<{
    id: string; workflow: string; entity_type: string; entity_id: string; title: string; state: string; org_name: string;
    label: string | null; due_date: string | null; cite: string | null; provisional: boolean | null; unit: string | null; days: number | null; status: string | null;
  }>(
    await db.execute(sql`select wf_instances.id, wf_instances.workflow, wf_instances.entity_type, wf_instances.entity_id, wf_instances.title, wf_instances.state,
      o.name as org_name, d.label, d.due_date::text as due_date, d.cite, d.provisional, d.unit, d.days, d.status
      ${from} order by d.due_date asc nulls last, wf_instances.created_at desc limit ${f.pageSize} offset ${(f.page - 1) * f.pageSize}`),
  );
  const defs = new Map(allWorkflows().map((d) => [d.key, d]));
  const items: TodoItem[] = rows.map((r) => {
    const def = defs.get(r.workflow)!;
    return {
      instanceId: r.id,
      workflow: r.workflow,
      workflowLabel: def?.label ?? r.workflow,
      entityType: r.entity_type,
      entityId: r.entity_id,
      title: r.title,
      state: r.state,
      stateLabel: def?.states[r.state]?.label ?? r.state,
      orgName: r.org_name,
      link: def?.link ? def.link.replace(':entityId', r.entity_id).replace(':instanceId', r.id) : null,
      deadline: r.due_date
        ? { label: r.label!, dueDate: r.due_date, light: lightOf({ status: 'open', dueDate: r.due_date }, today, policy)!, cite: r.cite!, provisional: !!r.provisional, unit: r.unit!, days: r.days! }
        : null,
    };
  });
  return { items, total, page: f.page, pageSize: f.pageSize, mode };
}

export async function todoSummary(db: DbOrTx, auth: AuthContext, mode?: 'act' | 'watch') {
  const m = mode ?? (canAct(auth) ? 'act' : 'watch');
  const vis = visibility(auth, m);
  if (!vis) return { total: 0, red: 0, yellow: 0, byWorkflow: [], mode: m };
  const policy = await getWarningPolicy(db);
  const today = todayInChina();
  const yellowLimit = addDays(today, policy.yellowWorkingDays, 'workingDay').date;
  const rows = rowsOf<{ workflow: string; total: number; red: number; yellow: number }>(
    await db.execute(sql`select wf_instances.workflow, count(*)::int as total,
        count(*) filter (where d.due_date < ${today})::int as red,
        count(*) filter (where d.due_date >= ${today} and d.due_date <= ${yellowLimit})::int as yellow
      from wf_instances
      left join lateral (select min(dl.due_date) as due_date from wf_deadlines dl where dl.instance_id = wf_instances.id and dl.status = 'open') d on true
      where wf_instances.is_final = false and wf_instances.voided_at is null and (${vis})
      group by wf_instances.workflow`),
  );
  const defs = new Map(allWorkflows().map((d) => [d.key, d]));
  const byWorkflow = rows.map((r) => ({ workflow: r.workflow, label: defs.get(r.workflow)?.label ?? r.workflow, total: r.total, red: r.red, yellow: r.yellow }));
  return {
    total: byWorkflow.reduce((a, b) => a + b.total, 0),
    red: byWorkflow.reduce((a, b) => a + b.red, 0),
    yellow: byWorkflow.reduce((a, b) => a + b.yellow, 0),
    byWorkflow,
    mode: m,
  };
}
