import { boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { businessColumns, idColumn } from '../../platform/db/columns';
import { tsvector } from '../../platform/search/schema';

/** One event in a document's life, shown on its public page (公布, 备案, 修改, 清理, 失效 …). */
export interface DocEvent {
  date: string;
  event: string;
  label: string;
  note?: string | null;
}

/**
 * A 规范性文件. `org_id` is the 制定机关 (发文机关) in the org tree. Drafts carry only stage/title/text; the
 * columns from `published_date` on are filled at 公布. `code` is the public 文件码; `tokens` the jieba
 * full-text vector of title (weight A) and text.
 */
export const normativeDocuments = pgTable(
  'normative_documents',
  {
    ...businessColumns(),
    title: text('title').notNull(),
    issuer: text('issuer').notNull(),
    docNumber: text('doc_number'),
    stage: varchar('stage', { length: 16 }).notNull(),
    status: varchar('status', { length: 16 }),
    provisional: boolean('provisional').notNull().default(false),
    body: text('body').notNull().default(''),
    /** 统一登记号 and 文件码, issued at 公布. */
    registrationNumber: text('registration_number'),
    code: varchar('code', { length: 32 }),
    publishedDate: date('published_date', { mode: 'string' }),
    effectiveDate: date('effective_date', { mode: 'string' }),
    validUntil: date('valid_until', { mode: 'string' }),
    /** 备案: due date (公布 + N days, local), filing date, organ filed with, late flag. */
    filingDueDate: date('filing_due_date', { mode: 'string' }),
    filedDate: date('filed_date', { mode: 'string' }),
    filedWith: text('filed_with'),
    filedLate: boolean('filed_late'),
    /** The latest 清理 outcome. */
    cleanupOutcome: varchar('cleanup_outcome', { length: 16 }),
    cleanupDate: date('cleanup_date', { mode: 'string' }),
    statusDate: date('status_date', { mode: 'string' }),
    versionNo: integer('version_no').notNull().default(1),
    history: jsonb('history').$type<DocEvent[]>().notNull().default([]),
    tokens: tsvector('tokens'),
  },
  (t) => [
    uniqueIndex('nd_code_uq').on(t.code),
    uniqueIndex('nd_registration_uq').on(t.registrationNumber),
    index('nd_org_idx').on(t.orgId, t.stage, t.status),
    index('nd_valid_until_idx').on(t.validUntil),
    index('nd_published_idx').on(t.publishedDate),
    index('nd_tokens_idx').using('gin', t.tokens),
  ],
);
export type NormativeDocument = typeof normativeDocuments.$inferSelect;

/** Earlier versions of an amended document: each 修改 keeps the text it replaced. */
export const normativeDocumentVersions = pgTable(
  'normative_document_versions',
  {
    id: idColumn(),
    documentId: uuid('document_id').notNull(),
    versionNo: integer('version_no').notNull(),
    title: text('title').notNull(),
    docNumber: text('doc_number'),
    body: text('body').notNull(),
    effectiveDate: date('effective_date', { mode: 'string' }),
    validUntil: date('valid_until', { mode: 'string' }),
    /** The day this version stopped applying (the amendment's effective date). */
    supersededDate: date('superseded_date', { mode: 'string' }).notNull(),
    note: text('note'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('ndv_doc_version_uq').on(t.documentId, t.versionNo)],
);

/** Public 文件码 look-ups per document per day (China date): the `normativeDoc.publicLookups` indicator. */
export const normativeDocumentLookups = pgTable(
  'normative_document_lookups',
  {
    documentId: uuid('document_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    count: integer('count').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.documentId, t.day] }), index('ndl_day_idx').on(t.day)],
);

/**
 * A 合法性审查 matter. `org_id` is the reviewing org (司法所, or the 司法局's 合法性审查中心); the 承办机构 is
 * `submitter_org_id`/`submitter_name`. The workflow instance holds state and the 15-working-day deadline;
 * the columns mirror what lists and indicators need.
 */
export const legalityReviews = pgTable(
  'legality_reviews',
  {
    ...businessColumns(),
    serialNumber: text('serial_number').notNull(),
    objectType: varchar('object_type', { length: 32 }).notNull(),
    title: text('title').notNull(),
    submitterOrgId: uuid('submitter_org_id'),
    submitterName: text('submitter_name').notNull(),
    documentId: uuid('document_id'),
    instanceId: uuid('instance_id'),
    state: varchar('state', { length: 32 }).notNull(),
    submittedDate: date('submitted_date', { mode: 'string' }).notNull(),
    acceptedDate: date('accepted_date', { mode: 'string' }),
    opinion: varchar('opinion', { length: 32 }),
    opinionReasons: text('opinion_reasons'),
    opinionDate: date('opinion_date', { mode: 'string' }),
    adopted: boolean('adopted'),
    adoptionNote: text('adoption_note'),
    feedbackDate: date('feedback_date', { mode: 'string' }),
    archivedDate: date('archived_date', { mode: 'string' }),
    summary: text('summary'),
    /** township (承办机构 → 党政综合办 → 司法所) or county (部门 → 司法局合法性审查中心), DOMAIN.md §3. */
    flow: varchar('flow', { length: 16 }).notNull().default('township'),
    /** workflow (run through the engine), batch (会议纪要 quick entry) or import (审查台账). */
    entryMode: varchar('entry_mode', { length: 16 }).notNull().default('workflow'),
    /** 国办发〔2018〕115号: an opinion issued under 5 working days after 受理 records why (急需 …). */
    earlyReason: text('early_reason'),
    /** 审查人 (batch / imported records; workflow records take it from the opinion event). */
    reviewerName: text('reviewer_name'),
    /** 会议日期 of a 会议纪要 / 常务会议议题. */
    meetingDate: date('meeting_date', { mode: 'string' }),
  },
  (t) => [
    uniqueIndex('lr_serial_uq').on(t.orgId, t.serialNumber),
    index('lr_submitter_idx').on(t.submitterOrgId),
    index('lr_document_idx').on(t.documentId),
    index('lr_org_idx').on(t.orgId, t.state),
    index('lr_submitted_idx').on(t.submittedDate),
    index('lr_feedback_idx').on(t.feedbackDate),
    index('lr_instance_idx').on(t.instanceId),
  ],
);
export type LegalityReview = typeof legalityReviews.$inferSelect;

/** 征求法律顾问/公职律师意见 on a review: who, when, the question put and the opinion given. */
export const legalityReviewConsultations = pgTable(
  'legality_review_consultations',
  {
    id: idColumn(),
    reviewId: uuid('review_id').notNull(),
    expertKind: varchar('expert_kind', { length: 16 }).notNull(),
    expertName: text('expert_name').notNull(),
    consultedDate: date('consulted_date', { mode: 'string' }).notNull(),
    question: text('question').notNull(),
    opinion: text('opinion').notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('lrc_review_idx').on(t.reviewId)],
);
export type LegalityReviewConsultation = typeof legalityReviewConsultations.$inferSelect;

/** 审查意见 clause by clause: 条款, 意见, 理由; the 承办机构's adoption of each. */
export const legalityReviewClauses = pgTable(
  'legality_review_clauses',
  {
    id: idColumn(),
    reviewId: uuid('review_id').notNull(),
    seq: integer('seq').notNull(),
    clause: text('clause').notNull(),
    opinion: text('opinion').notNull(),
    reason: text('reason').notNull(),
    adopted: boolean('adopted'),
    explanation: text('explanation'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('lrcl_review_seq_uq').on(t.reviewId, t.seq)],
);
export type LegalityReviewClause = typeof legalityReviewClauses.$inferSelect;
