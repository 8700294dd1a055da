import { jsonb, pgTable, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';

/** Key/value settings edited at run time (security policy, number formats, warning thresholds …). */
export const settings = pgTable('settings', {
  key: varchar('key', { length: 128 }).primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: uuid('updated_by'),
});
