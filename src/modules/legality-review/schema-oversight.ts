import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { businessColumns, idColumn, timestamps } from '../../platform/db/columns';

/**
 * 备案审查 (DOMAIN.md §3): a 规范性文件 filed with the 司法局 by a county department or a township. `org_id` is
 * the 报送机关 (the filer), so a filer's org scope shows only its own filings; the 司法局 reviews with scope 全部.
 */
export const normativeDocFilings = pgTable(
  'normative_doc_filings',
  {
    ...businessColumns(),
    serialNumber: text('serial_number').notNull(),
    filerName: text('filer_name').notNull(),
    title: text('title').notNull(),
    docNumber: text('doc_number').notNull(),
    body: text('body').notNull().default(''),
    publishedDate: date('published_date', { mode: 'string' }).notNull(),
    submittedDate: date('submitted_date', { mode: 'string' }).notNull(),
    /** 公布 + N days (local rule), a last day on a 法定休假日 rolled to the next working day. */
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    late: boolean('late').notNull().default(false),
    daysLate: integer('days_late').notNull().default(0),
    /** pending → filed (审查合法) | correcting (不合法/不适当, 纠错) → closed. */
    state: varchar('state', { length: 16 }).notNull(),
    reviewResult: varchar('review_result', { length: 16 }),
    reviewReasons: text('review_reasons'),
    reviewDate: date('review_date', { mode: 'string' }),
    reviewerName: text('reviewer_name'),
    noticeInstrumentId: uuid('notice_instrument_id'),
    noticeNumber: text('notice_number'),
    correctionDeadline: date('correction_deadline', { mode: 'string' }),
    correctionResult: varchar('correction_result', { length: 16 }),
    correctionNote: text('correction_note'),
    correctionDate: date('correction_date', { mode: 'string' }),
    evidenceFileIds: jsonb('evidence_file_ids').$type<string[]>().notNull().default([]),
    /** The document in the register, when the filed document is one (optional link). */
    documentId: uuid('document_id'),
  },
  (t) => [
    uniqueIndex('ndf_serial_uq').on(t.serialNumber),
    index('ndf_org_idx').on(t.orgId, t.state),
    index('ndf_submitted_idx').on(t.submittedDate),
    index('ndf_review_idx').on(t.reviewDate),
  ],
);
export type NormativeDocFiling = typeof normativeDocFilings.$inferSelect;

/** A 清理 campaign: documents selected from the register, assigned to reviewers, each given an outcome. */
export const cleanupCampaigns = pgTable(
  'cleanup_campaigns',
  {
    ...businessColumns(),
    name: text('name').notNull(),
    year: integer('year').notNull(),
    basis: text('basis').notNull().default(''),
    scope: text('scope').notNull().default(''),
    state: varchar('state', { length: 16 }).notNull(),
    finishedDate: date('finished_date', { mode: 'string' }),
    noticeInstrumentId: uuid('notice_instrument_id'),
    noticeNumber: text('notice_number'),
  },
  (t) => [index('cc_org_idx').on(t.orgId, t.year)],
);
export type CleanupCampaign = typeof cleanupCampaigns.$inferSelect;

export const cleanupCampaignItems = pgTable(
  'cleanup_campaign_items',
  {
    id: idColumn(),
    campaignId: uuid('campaign_id').notNull(),
    documentId: uuid('document_id').notNull(),
    reviewerId: uuid('reviewer_id'),
    outcome: varchar('outcome', { length: 16 }),
    reason: text('reason'),
    decidedDate: date('decided_date', { mode: 'string' }),
    decidedBy: uuid('decided_by'),
    version: integer('version').notNull().default(1),
    ...timestamps(),
  },
  (t) => [uniqueIndex('cci_campaign_doc_uq').on(t.campaignId, t.documentId), index('cci_reviewer_idx').on(t.reviewerId)],
);
export type CleanupCampaignItem = typeof cleanupCampaignItems.$inferSelect;

/** 重大行政决策 目录 of one year, published after the 同级党委 agrees (重大行政决策程序暂行条例 第三条第三款). */
export const majorDecisionCatalogs = pgTable(
  'major_decision_catalogs',
  {
    ...businessColumns(),
    year: integer('year').notNull(),
    approvedDate: date('approved_date', { mode: 'string' }),
    publishedDate: date('published_date', { mode: 'string' }),
  },
  (t) => [uniqueIndex('mdc_org_year_uq').on(t.orgId, t.year)],
);

/** One 重大行政决策 事项 of a year's 目录. `org_id` is the 决策机关. */
export const majorDecisions = pgTable(
  'major_decisions',
  {
    ...businessColumns(),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    hostUnit: text('host_unit').notNull(),
    plannedDate: date('planned_date', { mode: 'string' }).notNull(),
    /** The last step recorded (code), for lists and the public 目录. */
    currentStep: varchar('current_step', { length: 32 }),
  },
  (t) => [index('md_org_year_idx').on(t.orgId, t.year)],
);
export type MajorDecision = typeof majorDecisions.$inferSelect;

/** A step of a decision's procedure, done (with its date, evidence) or skipped (optional steps, with the reason). */
export const majorDecisionSteps = pgTable(
  'major_decision_steps',
  {
    id: idColumn(),
    decisionId: uuid('decision_id').notNull(),
    step: varchar('step', { length: 32 }).notNull(),
    skipped: boolean('skipped').notNull().default(false),
    date: date('date', { mode: 'string' }).notNull(),
    /** 公众参与: the comment window; 合法性审查: the day the materials were submitted. */
    startDate: date('start_date', { mode: 'string' }),
    endDate: date('end_date', { mode: 'string' }),
    result: varchar('result', { length: 32 }),
    note: text('note'),
    fileIds: jsonb('file_ids').$type<string[]>().notNull().default([]),
    recordedBy: uuid('recorded_by'),
    ...timestamps(),
  },
  (t) => [uniqueIndex('mds_decision_step_uq').on(t.decisionId, t.step)],
);
export type MajorDecisionStep = typeof majorDecisionSteps.$inferSelect;
