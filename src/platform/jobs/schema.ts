import { integer, jsonb, pgTable, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import { idColumn } from '../db/columns';

/** Long-running work (imports, exports, reports): progress the UI polls, and the result or error report. */
export const jobs = pgTable('jobs', {
  id: idColumn(),
  kind: varchar('kind', { length: 64 }).notNull(),
  /** queued | running | succeeded | failed */
  status: varchar('status', { length: 16 }).notNull().default('queued'),
  progress: integer('progress').notNull().default(0),
  total: integer('total'),
  message: text('message'),
  result: jsonb('result'),
  error: jsonb('error'),
  /** A file the job produced (error report, export), in `files`. */
  fileId: uuid('file_id'),
  orgId: uuid('org_id'),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
});
