import { boolean, date, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Admin-editable overrides of the national calendar (国务院办公厅 通知): a day listed here is a
 * 法定节假日 (is_workday=false) or a 调休 workday (is_workday=true), whatever chinese-days says.
 */
export const calendarDays = pgTable('calendar_days', {
  day: date('day', { mode: 'string' }).primaryKey(),
  isWorkday: boolean('is_workday').notNull(),
  name: text('name'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: uuid('updated_by'),
});

/** Years whose holiday arrangement an admin has loaded (beyond what chinese-days ships). */
export const calendarYears = pgTable('calendar_years', {
  year: integer('year').primaryKey(),
  source: text('source'),
  loadedAt: timestamp('loaded_at', { withTimezone: true }).notNull().defaultNow(),
  loadedBy: uuid('loaded_by'),
});
