import { boolean, date, index, jsonb, numeric, pgTable, text, uuid, varchar } from 'drizzle-orm/pg-core';
import { businessColumns } from '../../platform/db/columns';

/**
 * A 行政复议 case. `org_id` is the 行政复议机构 that handles it (the 司法局); decisions are made and numbered in
 * the 行政复议机关's name (the county government, 行政复议法 第六十一条), recorded in `authority_org_id`.
 * The workflow instance holds the live state and deadlines; the columns below mirror what lists, filters,
 * indicators and the 台账 need, and are all that historical (imported) cases have.
 */
export const adminReviewCases = pgTable(
  'admin_review_cases',
  {
    ...businessColumns(),
    caseNumber: text('case_number').notNull(),
    channel: varchar('channel', { length: 16 }).notNull(),
    authorityOrgId: uuid('authority_org_id'),
    instanceId: uuid('instance_id'),
    state: varchar('state', { length: 32 }).notNull(),
    /** 收到申请之日 (行政复议法 第三十条 counts from it). */
    receivedDate: date('received_date', { mode: 'string' }).notNull(),

    applicantType: varchar('applicant_type', { length: 16 }).notNull(),
    applicantName: text('applicant_name').notNull(),
    /** 身份证号 / 统一社会信用代码: SM4 ciphertext, masked copy, blind index. */
    applicantIdEnc: text('applicant_id_enc'),
    applicantIdMasked: text('applicant_id_masked'),
    applicantIdIndex: varchar('applicant_id_index', { length: 64 }),
    applicantPhoneEnc: text('applicant_phone_enc'),
    applicantPhoneMasked: text('applicant_phone_masked'),
    applicantAddress: text('applicant_address'),
    /** 被申请人: an org of the tree (agency / government) or free text. */
    respondentOrgId: uuid('respondent_org_id'),
    respondentName: text('respondent_name').notNull(),
    thirdParties: jsonb('third_parties').$type<{ name: string; type?: string }[]>().notNull().default([]),
    agents: jsonb('agents').$type<{ name: string; kind?: string; org?: string }[]>().notNull().default([]),

    actType: varchar('act_type', { length: 32 }).notNull(),
    actNumber: text('act_number'),
    actDate: date('act_date', { mode: 'string' }),
    actAmount: numeric('act_amount', { precision: 14, scale: 2 }),
    request: text('request'),
    reasons: text('reasons'),
    /** 繁简分流 criteria (行政复议法 第五十三条) and the system's proposal. */
    triage: jsonb('triage').$type<Record<string, unknown>>().notNull().default({}),
    proposedProcedure: varchar('proposed_procedure', { length: 16 }),
    procedure: varchar('procedure', { length: 16 }),
    converted: boolean('converted').notNull().default(false),
    extended: boolean('extended').notNull().default(false),

    acceptedDate: date('accepted_date', { mode: 'string' }),
    /** 审结 / 办结 date: the day the case ended by any ending (decision, 调解, 终止, 不予受理 …). */
    concludedDate: date('concluded_date', { mode: 'string' }),
    outcome: varchar('outcome', { length: 32 }),
    decisionNumber: text('decision_number'),
    /** 行政复议委员会, 听证, 附带审查, 意见书 … (第五十条至第六十条, 第七十六条). */
    records: jsonb('records').$type<Record<string, unknown>>().notNull().default({}),
    /** SM3 of the public 查询码 given to an online applicant. */
    trackingHash: varchar('tracking_hash', { length: 64 }),
  },
  (t) => [
    index('arc_org_idx').on(t.orgId, t.state),
    index('arc_received_idx').on(t.receivedDate),
    index('arc_accepted_idx').on(t.acceptedDate),
    index('arc_concluded_idx').on(t.concludedDate),
    index('arc_tracking_idx').on(t.trackingHash),
    index('arc_instance_idx').on(t.instanceId),
  ],
);

export type AdminReviewCase = typeof adminReviewCases.$inferSelect;
