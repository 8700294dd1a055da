import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../db/client';
import { AppError, conflict, fieldMessage, invalid, notFound } from '../errors';
import { recordAudit, type Actor } from '../audit/service';
import type { AuthContext } from '../auth/context';
import { orgInScope } from '../auth/scope';
import { getOrg } from '../orgs/service';
import { getSetting } from '../settings/service';
import { addDays, countDays, onCalendarChange, todayInChina } from '../calendar/service';
import { createInstrument } from '../instruments/service';
import { START, getWorkflow } from './registry';
import { wfDeadlines, wfEvents, wfInstances } from './schema';
import type { DeadlineDef, DeadlineView, TransitionDef, WorkflowDef, WorkflowInstanceView } from './types';

type Instance = typeof wfInstances.$inferSelect;
type DeadlineRow = typeof wfDeadlines.$inferSelect;

export interface WarningPolicy {
  /** 黄灯 when this many working days or fewer remain (DOMAIN.md §0: default 3). */
  yellowWorkingDays: number;
}
export const defaultWarningPolicy: WarningPolicy = { yellowWorkingDays: 3 };
export const getWarningPolicy = (db: DbOrTx) => getSetting(db, 'workflow.warning', defaultWarningPolicy);

/** The days a deadline still has to run from its current start: the full period, or what was left at 中止. */
/** The units the calendar counts in (a 'date' deadline is not counted). */
type PeriodUnit = Exclude<DeadlineDef['unit'], 'date'>;

const effectiveDays = (d: Pick<DeadlineRow, 'days' | 'extendedDays' | 'remainingDays'>) => d.remainingDays ?? d.days + d.extendedDays;

export function lightOf(d: Pick<DeadlineRow, 'status' | 'dueDate'>, today: string, policy: WarningPolicy): DeadlineView['light'] {
  if (d.status !== 'open' || !d.dueDate) return d.status === 'paused' ? 'green' : null;
  if (today > d.dueDate) return 'red';
  return countDays(today, d.dueDate, 'workingDay') <= policy.yellowWorkingDays ? 'yellow' : 'green';
}

function deadlineView(d: DeadlineRow, today: string, policy: WarningPolicy): DeadlineView {
  return {
    id: d.id,
    rule: d.rule,
    label: d.label,
    cite: d.cite,
    unit: d.unit as DeadlineView['unit'],
    days: d.days,
    startDate: d.startDate,
    dueDate: d.dueDate,
    status: d.status as DeadlineView['status'],
    provisional: d.provisional,
    metAt: d.metAt,
    extendedDays: d.extendedDays,
    light: lightOf(d, today, policy),
  };
}

async function startDeadlines(tx: Tx, def: WorkflowDef, instanceId: string, after: string, date: string, data: Record<string, unknown>, overrides: Record<string, number> = {}) {
  const starting = def.deadlines.filter((d) => d.after === after && (!d.when || d.when(data)));
  for (const d of starting) {
    // A deadline started again (e.g. 补正 restarts the 5-day 受理审查 clock, 行政复议法 第三十一条) replaces the open one.
    await tx
      .update(wfDeadlines)
      .set({ status: 'cancelled', updatedAt: new Date() })
      .where(and(eq(wfDeadlines.instanceId, instanceId), eq(wfDeadlines.rule, d.key), inArray(wfDeadlines.status, ['open', 'paused'])));
    let days: number;
    let due: { date: string; provisional: boolean };
    if (d.unit === 'date') {
      if (!d.dueOn) throw new Error(`workflow ${def.key}: deadline ${d.key} has unit 'date' but no dueOn`);
      // Already past when the record starts (a late report): overdue at once, on its real date.
      due = { date: d.dueOn(data, date), provisional: false };
      days = countDays(date, due.date, 'calendarDay');
    } else {
      days = overrides[d.key] ?? d.days;
      due = addDays(date, days, d.unit);
    }
    await tx.insert(wfDeadlines).values({
      instanceId,
      rule: d.key,
      label: d.label,
      cite: d.cite,
      unit: d.unit,
      days,
      startDate: date,
      dueDate: due.date,
      provisional: due.provisional,
    });
  }
}

export interface StartInput {
  workflow: string;
  entityId: string;
  title: string;
  orgId: string;
  regionCode: string;
  /** Legal date of the starting event (e.g. 收到申请之日); default today (Asia/Shanghai). */
  date?: string;
  data?: Record<string, unknown>;
  assigneeId?: string | null;
  /** A period the law leaves to a setting or to the instrument itself (e.g. the 司法建议's reply period), by deadline key. */
  deadlineDays?: Record<string, number>;
}

/** Creates an instance in its initial state and starts the deadlines that run from `start`. Call inside the module's transaction. */
export async function startInstance(tx: Tx, actor: Actor, input: StartInput): Promise<Instance> {
  const def = getWorkflow(input.workflow);
  const date = input.date ?? todayInChina();
  const [instance] = await tx
    .insert(wfInstances)
    .values({
      workflow: def.key,
      entityType: def.entityType,
      entityId: input.entityId,
      title: input.title,
      orgId: input.orgId,
      regionCode: input.regionCode,
      state: def.initial,
      isFinal: !!def.states[def.initial].final,
      assigneeId: input.assigneeId ?? null,
      createdBy: actor.id,
    })
    .returning();
  await tx.insert(wfEvents).values({ instanceId: instance.id, transition: START, fromState: null, toState: def.initial, eventDate: date, actorId: actor.id, data: input.data ?? null });
  await startDeadlines(tx, def, instance.id, START, date, input.data ?? {}, input.deadlineDays);
  await recordAudit(tx, actor, { action: `${def.key}.start`, entityType: def.entityType, entityId: input.entityId, summary: `${def.label}：${input.title}（${def.states[def.initial].label}）`, after: { state: def.initial, date } });
  return instance;
}

export interface FireInput {
  instanceId: string;
  transition: string;
  /** The version the caller saw: a stale one gets HTTP 409 (two users acting on one case at once). */
  version: number;
  data?: Record<string, unknown>;
  note?: string;
  /** Extra fields for the 文书 this transition issues (the module's own record data). */
  instrumentFields?: Record<string, unknown>;
  /** Periods of the deadlines this transition starts that a setting decides, by deadline key. */
  deadlineDays?: Record<string, number>;
}

export interface FireResult {
  instance: Instance;
  event: typeof wfEvents.$inferSelect;
  instruments: { id: string; type: string; number: string | null }[];
}

function transitionOf(def: WorkflowDef, key: string): TransitionDef {
  const t = def.transitions.find((x) => x.key === key);
  if (!t) throw new AppError('WORKFLOW_UNKNOWN_TRANSITION', `「${def.label}」没有名为“${key}”的操作`, 400);
  return t;
}

export async function loadInstance(db: DbOrTx, id: string): Promise<Instance | undefined> {
  const rows = await db.select().from(wfInstances).where(and(eq(wfInstances.id, id), isNull(wfInstances.voidedAt)));
  return rows[0];
}

/** The instance if the caller may read it (its workflow's read permission, with the data scope), else 404. */
export async function instanceInScope(db: DbOrTx, auth: AuthContext, id: string): Promise<{ instance: Instance; def: WorkflowDef }> {
  const instance = await loadInstance(db, id);
  if (!instance) throw notFound('案件流程');
  const def = getWorkflow(instance.workflow);
  const org = await getOrg(db, instance.orgId);
  if (!org || !orgInScope(auth, def.readPermission, org, instance.createdBy)) throw notFound('案件流程');
  return { instance, def };
}

/**
 * Fires one transition as part of the caller's transaction: state, history, deadlines (meet / start /
 * pause / resume / extend), 文书 numbers and the audit entry commit or roll back together.
 */
export async function fireTransition(tx: Tx, auth: AuthContext, input: FireInput): Promise<FireResult> {
  const { instance, def } = await instanceInScope(tx, auth, input.instanceId);
  const t = transitionOf(def, input.transition);
  const org = (await getOrg(tx, instance.orgId))!;
  if (!auth.permissions.has(t.permission) || !orgInScope(auth, t.permission, org, instance.createdBy)) {
    throw new AppError('FORBIDDEN', `无权执行「${t.label}」`, 403, { permission: t.permission });
  }
  if (instance.version !== input.version) throw conflict('该案件已被他人处理（数据版本已变化），请刷新后重试', { currentVersion: instance.version });
  if (!t.from.includes(instance.state)) {
    throw new AppError('WORKFLOW_ILLEGAL_TRANSITION', `当前状态为「${def.states[instance.state]?.label ?? instance.state}」，不能执行「${t.label}」`, 400, {
      state: instance.state,
      allowedFrom: t.from.map((s) => def.states[s]?.label ?? s),
    });
  }
  let data: Record<string, unknown> = input.data ?? {};
  if (t.data) {
    const parsed = t.data.safeParse(data);
    if (!parsed.success) {
      const fields = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
      throw invalid(`「${t.label}」的信息有误：` + fields.map(fieldMessage).join('；'), { fields });
    }
    data = parsed.data;
  }
  const reason = t.guard?.({ data, instance: await instanceView(tx, auth, instance, def) });
  if (reason) throw new AppError('WORKFLOW_GUARD', reason, 400);

  const date = (t.dateField && typeof data[t.dateField] === 'string' ? (data[t.dateField] as string) : undefined) ?? todayInChina();
  const toFinal = !!def.states[t.to].final;
  const updated = await tx
    .update(wfInstances)
    .set({
      state: t.to,
      isFinal: toFinal,
      suspended: t.clock === 'suspend' ? true : t.clock === 'resume' ? false : instance.suspended,
      version: instance.version + 1,
      updatedAt: new Date(),
    })
    .where(and(eq(wfInstances.id, instance.id), eq(wfInstances.version, input.version)))
    .returning();
  if (!updated.length) throw conflict('该案件已被他人处理（数据版本已变化），请刷新后重试');
  const [event] = await tx
    .insert(wfEvents)
    .values({ instanceId: instance.id, transition: t.key, fromState: instance.state, toState: t.to, eventDate: date, actorId: auth.user.id, data, note: input.note ?? null })
    .returning();

  const open = await tx.select().from(wfDeadlines).where(and(eq(wfDeadlines.instanceId, instance.id), inArray(wfDeadlines.status, ['open', 'paused'])));
  for (const d of open) {
    if (def.deadlines.some((x) => x.key === d.rule && x.until.includes(t.key))) {
      await tx.update(wfDeadlines).set({ status: 'met', metAt: date, updatedAt: new Date() }).where(eq(wfDeadlines.id, d.id));
    } else if (toFinal) {
      // The case ended another way (e.g. 撤诉 before any 答辩): the period no longer runs, but it was not met.
      await tx.update(wfDeadlines).set({ status: 'cancelled', updatedAt: new Date() }).where(eq(wfDeadlines.id, d.id));
    } else if (d.unit === 'date') {
      // A date the statute names does not stop or move with the case's clock.
    } else if (t.clock === 'suspend' && d.status === 'open' && d.dueDate) {
      // 中止: the clock stops; the days still to run are kept (行政复议法 第三十九条). Counted from the period
      // itself, not from the due date, which 民法典 第二百零三条 may have moved past a holiday.
      // A period in months pauses as the calendar days left to its end, and resumes counted in days.
      const unit = d.unit === 'month' ? 'calendarDay' : (d.unit as PeriodUnit);
      const remaining = d.unit === 'month' ? countDays(date, d.dueDate, 'calendarDay') : Math.max(0, effectiveDays(d) - countDays(d.startDate, date, unit));
      await tx.update(wfDeadlines).set({ status: 'paused', pausedAt: date, remainingDays: remaining, unit, updatedAt: new Date() }).where(eq(wfDeadlines.id, d.id));
    } else if (t.clock === 'resume' && d.status === 'paused') {
      // 恢复: the clock restarts from the resumption date with the days remaining.
      const due = addDays(date, d.remainingDays ?? 0, d.unit as PeriodUnit);
      await tx.update(wfDeadlines).set({ status: 'open', startDate: date, pausedAt: null, dueDate: due.date, provisional: due.provisional, updatedAt: new Date() }).where(eq(wfDeadlines.id, d.id));
    }
  }
  if (t.extend) {
    const [d] = await tx.select().from(wfDeadlines).where(and(eq(wfDeadlines.instanceId, instance.id), eq(wfDeadlines.rule, t.extend.deadline), inArray(wfDeadlines.status, ['open', 'paused'])));
    if (!d || d.unit === 'date') throw new AppError('WORKFLOW_NOTHING_TO_EXTEND', `没有可延长的「${def.deadlines.find((x) => x.key === t.extend!.deadline)?.label ?? t.extend.deadline}」期限`, 400);
    const extendedDays = d.extendedDays + t.extend.days;
    const remainingDays = d.remainingDays == null ? null : d.remainingDays + t.extend.days;
    const due = d.status === 'open' ? addDays(d.startDate, effectiveDays({ ...d, extendedDays, remainingDays }), d.unit as PeriodUnit) : null;
    await tx
      .update(wfDeadlines)
      .set({ extendedDays, remainingDays, dueDate: due?.date ?? d.dueDate, provisional: due?.provisional ?? d.provisional, updatedAt: new Date() })
      .where(eq(wfDeadlines.id, d.id));
  }
  if (!toFinal) await startDeadlines(tx, def, instance.id, t.key, date, data, input.deadlineDays);

  const issued: FireResult['instruments'] = [];
  for (const spec of t.instruments ?? []) {
    if (spec.when && !spec.when(data)) continue;
    const row = await createInstrument(tx, auth.actor, {
      orgId: instance.orgId,
      regionCode: instance.regionCode,
      type: spec.type,
      fields: { title: instance.title, ...data, ...(input.instrumentFields ?? {}), date },
      entityType: instance.entityType,
      entityId: instance.entityId,
      instanceId: instance.id,
      date,
    });
    issued.push({ id: row.id, type: row.type, number: row.number });
  }
  await recordAudit(tx, auth.actor, {
    action: `${def.key}.${t.key}`,
    entityType: def.entityType,
    entityId: instance.entityId,
    summary: `${t.label}：${instance.title}（${def.states[instance.state]?.label} → ${def.states[t.to].label}）`,
    before: { state: instance.state, version: instance.version },
    after: { state: t.to, version: instance.version + 1, date, data, instruments: issued },
  });
  return { instance: updated[0], event, instruments: issued };
}

/** Voids every workflow instance of a record voided with a reason (its case and any follow-ups). */
export async function voidInstancesOf(tx: Tx, actor: Actor, entityType: string, entityId: string, reason: string) {
  const rows = await tx.select({ id: wfInstances.id }).from(wfInstances).where(and(eq(wfInstances.entityType, entityType), eq(wfInstances.entityId, entityId), isNull(wfInstances.voidedAt)));
  for (const r of rows) await voidInstance(tx, actor, r.id, reason);
}

/** Voids an instance with its record (nothing is deleted): it leaves the 待办 and its deadlines stop. */
export async function voidInstance(tx: Tx, actor: Actor, instanceId: string, reason: string) {
  const [before] = await tx.update(wfInstances).set({ voidedAt: new Date(), voidReason: reason, updatedAt: new Date() }).where(and(eq(wfInstances.id, instanceId), isNull(wfInstances.voidedAt))).returning();
  if (!before) return;
  await tx.update(wfDeadlines).set({ status: 'cancelled', updatedAt: new Date() }).where(and(eq(wfDeadlines.instanceId, instanceId), inArray(wfDeadlines.status, ['open', 'paused'])));
  await recordAudit(tx, actor, { action: `${before.workflow}.void`, entityType: before.entityType, entityId: before.entityId, summary: `作废流程：${before.title}：${reason}` });
}

export async function instanceView(db: DbOrTx, auth: AuthContext, instance: Instance, def = getWorkflow(instance.workflow)): Promise<WorkflowInstanceView> {
  const policy = await getWarningPolicy(db);
  const today = todayInChina();
  const deadlines = await db.select().from(wfDeadlines).where(eq(wfDeadlines.instanceId, instance.id)).orderBy(asc(wfDeadlines.createdAt));
  const org = await getOrg(db, instance.orgId);
  const available = def.transitions
    .filter((t) => t.from.includes(instance.state) && auth.permissions.has(t.permission) && org && orgInScope(auth, t.permission, org, instance.createdBy))
    .map((t) => ({ key: t.key, label: t.label }));
  return {
    id: instance.id,
    workflow: instance.workflow,
    entityType: instance.entityType,
    entityId: instance.entityId,
    title: instance.title,
    orgId: instance.orgId,
    state: instance.state,
    stateLabel: def.states[instance.state]?.label ?? instance.state,
    isFinal: instance.isFinal,
    suspended: instance.suspended,
    version: instance.version,
    deadlines: deadlines.filter((d) => d.status !== 'cancelled').map((d) => deadlineView(d, today, policy)),
    available,
  };
}

export async function instanceHistory(db: DbOrTx, instanceId: string) {
  return db
    .select({ id: wfEvents.id, transition: wfEvents.transition, fromState: wfEvents.fromState, toState: wfEvents.toState, eventDate: wfEvents.eventDate, actorId: wfEvents.actorId, actorName: sql<string | null>`(select u.display_name from users u where u.id = "wf_events"."actor_id")`, data: wfEvents.data, note: wfEvents.note, at: wfEvents.at })
    .from(wfEvents)
    .where(eq(wfEvents.instanceId, instanceId))
    .orderBy(asc(wfEvents.at));
}

/**
 * A deadline is computed once and stored; when the calendar changes (an admin loads a year or corrects a
 * day) every open deadline counting through those years is recomputed (DOMAIN.md §0).
 */
export async function recomputeOpenDeadlines(db: DbOrTx, years: number[]): Promise<number> {
  const open = await db.select().from(wfDeadlines).where(eq(wfDeadlines.status, 'open'));
  let changed = 0;
  for (const d of open) {
    if (d.unit === 'date') continue;
    const touches = d.provisional || years.some((y) => d.startDate.slice(0, 4) <= String(y) && (d.dueDate ?? '9999') >= `${y}-01-01`);
    if (!touches) continue;
    const due = addDays(d.startDate, effectiveDays(d), d.unit as PeriodUnit);
    if (due.date !== d.dueDate || due.provisional !== d.provisional) {
      await db.update(wfDeadlines).set({ dueDate: due.date, provisional: due.provisional, updatedAt: new Date() }).where(eq(wfDeadlines.id, d.id));
      changed++;
    }
  }
  return changed;
}

onCalendarChange(async (db, years) => {
  await recomputeOpenDeadlines(db, years);
});
