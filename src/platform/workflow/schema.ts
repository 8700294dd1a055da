import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import { idColumn } from '../db/columns';

/** One running workflow (a case of any business line): its state, owner org and optimistic version. */
export const wfInstances = pgTable(
  'wf_instances',
  {
    id: idColumn(),
    workflow: varchar('workflow', { length: 64 }).notNull(),
    entityType: varchar('entity_type', { length: 64 }).notNull(),
    entityId: uuid('entity_id').notNull(),
    title: text('title').notNull(),
    orgId: uuid('org_id').notNull(),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    state: varchar('state', { length: 64 }).notNull(),
    isFinal: boolean('is_final').notNull().default(false),
    suspended: boolean('suspended').notNull().default(false),
    assigneeId: uuid('assignee_id'),
    createdBy: uuid('created_by'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    voidedAt: timestamp('voided_at', { withTimezone: true }),
    voidReason: text('void_reason'),
  },
  (t) => [index('wf_instances_entity_idx').on(t.entityType, t.entityId), index('wf_instances_org_idx').on(t.orgId, t.state)],
);

/** Full history: every transition fired, with who, when (and the legal date it records), and its data. */
export const wfEvents = pgTable(
  'wf_events',
  {
    id: idColumn(),
    instanceId: uuid('instance_id').notNull(),
    transition: varchar('transition', { length: 64 }).notNull(),
    fromState: varchar('from_state', { length: 64 }),
    toState: varchar('to_state', { length: 64 }).notNull(),
    /** The legal date of the event (e.g. 收到申请之日), which deadlines count from. */
    eventDate: date('event_date', { mode: 'string' }).notNull(),
    actorId: uuid('actor_id'),
    data: jsonb('data'),
    note: text('note'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('wf_events_instance_idx').on(t.instanceId)],
);

/**
 * A statutory deadline computed once and stored with its rule id and citation; recomputed when the
 * calendar changes; paused while the instance is suspended (remaining days kept) and restarted on resume.
 */
export const wfDeadlines = pgTable(
  'wf_deadlines',
  {
    id: idColumn(),
    instanceId: uuid('instance_id').notNull(),
    rule: varchar('rule', { length: 64 }).notNull(),
    label: text('label').notNull(),
    cite: text('cite').notNull(),
    unit: varchar('unit', { length: 16 }).notNull(),
    days: integer('days').notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    dueDate: date('due_date', { mode: 'string' }),
    /** Extra days granted by approved extensions, in the rule's unit. */
    extendedDays: integer('extended_days').notNull().default(0),
    /** Days (in the rule's unit) already used before the current suspension, when paused. */
    remainingDays: integer('remaining_days'),
    pausedAt: date('paused_at', { mode: 'string' }),
    provisional: boolean('provisional').notNull().default(false),
    /** open | paused | met | cancelled */
    status: varchar('status', { length: 16 }).notNull().default('open'),
    metAt: date('met_at', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('wf_deadlines_instance_idx').on(t.instanceId), index('wf_deadlines_open_idx').on(t.status, t.dueDate)],
);
