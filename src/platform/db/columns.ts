import { integer, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';

/** Primary key shared by every table: a random UUID, so records can later be merged across regions. */
export const idColumn = () => uuid('id').primaryKey().defaultRandom();

export const timestamps = () => ({
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Records are never hard-deleted: they are voided with a reason (see docs/architecture.md). */
export const voidColumns = () => ({
  voidedAt: timestamp('voided_at', { withTimezone: true }),
  voidedBy: uuid('voided_by'),
  voidReason: text('void_reason'),
});

/**
 * Columns every business record carries so it can be scoped by org/data scope and later
 * distributed by region: org_id, region_code, created_by, timestamps, void columns, optimistic version.
 */
export const businessColumns = () => ({
  id: idColumn(),
  orgId: uuid('org_id').notNull(),
  regionCode: varchar('region_code', { length: 12 }).notNull(),
  createdBy: uuid('created_by'),
  version: integer('version').notNull().default(1),
  ...timestamps(),
  ...voidColumns(),
});
