import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { businessColumns } from '../../platform/db/columns';
import type { FigureSnapshot, ReportContent } from './model';

/** One report per org and year (DOMAIN.md §8); the prose holds figure tokens, `figures` their last computed values. */
export const annualReports = pgTable(
  'annual_reports',
  {
    ...businessColumns(),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    status: varchar('status', { length: 24 }).notNull().default('drafting'),
    content: jsonb('content').$type<ReportContent>().notNull(),
    figures: jsonb('figures').$type<FigureSnapshot>().notNull(),
    figuresAt: timestamp('figures_at', { withTimezone: true }).notNull(),
    /** Number of the latest saved version (annual_report_versions). */
    versionNo: integer('version_no').notNull().default(1),
    workflowInstanceId: uuid('workflow_instance_id'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    publishedBy: uuid('published_by'),
  },
  (t) => [uniqueIndex('annual_reports_org_year_uq').on(t.orgId, t.year).where(sql`voided_at is null`), index('annual_reports_status_idx').on(t.status, t.year)],
);

/** Every save is a version: content and figures as they were, who saved it and why. */
export const annualReportVersions = pgTable(
  'annual_report_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reportId: uuid('report_id').notNull(),
    versionNo: integer('version_no').notNull(),
    content: jsonb('content').$type<ReportContent>().notNull(),
    figures: jsonb('figures').$type<FigureSnapshot>().notNull(),
    note: text('note'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('annual_report_versions_uq').on(t.reportId, t.versionNo)],
);

/** 报告素材: what the bureau records during the year for sections 1–5 (督察 problems, plans, 第一责任人 duties …). */
export const annualReportInputs = pgTable(
  'annual_report_inputs',
  {
    ...businessColumns(),
    year: integer('year').notNull(),
    category: varchar('category', { length: 16 }).notNull(),
    /** Business line a 主要举措 belongs to (module key), so the draft puts it under that line. */
    module: varchar('module', { length: 32 }),
    title: text('title').notNull(),
    content: text('content').notNull(),
    occurredOn: date('occurred_on'),
    source: text('source'),
  },
  (t) => [index('annual_report_inputs_org_year_idx').on(t.orgId, t.year, t.category)],
);
