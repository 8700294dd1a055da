import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, numeric, pgTable, primaryKey, text, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { businessColumns } from '../../platform/db/columns';

/**
 * 人民调解 (人民调解法). A 调解委员会 is an org of type `mediationCommittee` in the org tree — village and township
 * committees under their township's 司法所 (which guides them, 人民调解法 第五条), county-level and 行业性专业性
 * committees under the 司法局 — so the data scopes of the platform (本机构 / 本机构及下级 / 全部) follow the tree.
 * This table holds the committee's profile; `org_id` is the committee's own org.
 */
export const mediationCommittees = pgTable(
  'mediation_committees',
  {
    ...businessColumns(),
    /** village | township | county | industry (terms.ts committeeLevels); 分级递进 goes village → township → county. */
    level: varchar('level', { length: 16 }).notNull(),
    /** 行业性专业性 field, e.g. 医疗纠纷、道路交通事故、劳动争议 (dispute type codes it specialises in). */
    industry: varchar('industry', { length: 32 }),
    /** The township (9-digit region code) it serves; null for county-level and county-wide industry committees. */
    townshipCode: varchar('township_code', { length: 12 }),
    /** The 村/社区 org a village committee belongs to. */
    villageOrgId: uuid('village_org_id'),
    directorName: text('director_name'),
    phone: text('phone'),
    address: text('address'),
    establishedDate: date('established_date', { mode: 'string' }),
    /** 接受法院委派/委托 (特邀调解组织). */
    acceptsCourtReferrals: boolean('accepts_court_referrals').notNull().default(false),
  },
  (t) => [uniqueIndex('mediation_committees_org_uq').on(t.orgId).where(sql`voided_at is null`), index('mediation_committees_township_idx').on(t.townshipCode)],
);

/** 人民调解员 (人民调解法 第十三条–第十六条), 专职 or 兼职, with 专长; `is_expert` puts them in the 专家库. `org_id` = committee. */
export const mediationMediators = pgTable(
  'mediation_mediators',
  {
    ...businessColumns(),
    name: text('name').notNull(),
    /** male | female */
    gender: varchar('gender', { length: 8 }),
    /** fullTime | partTime */
    kind: varchar('kind', { length: 16 }).notNull(),
    /** Dispute type codes (terms.ts disputeTypes) the mediator is good at. */
    specialties: jsonb('specialties').$type<string[]>().notNull().default([]),
    phoneEnc: text('phone_enc'),
    phoneMasked: text('phone_masked'),
    /** The platform account of the mediator, when they log in. */
    userId: uuid('user_id'),
    /** 专家库: lawyers, doctors, engineers … called in on difficult cases. */
    isExpert: boolean('is_expert').notNull().default(false),
    expertField: text('expert_field'),
    title: text('title'),
    /** active | inactive */
    status: varchar('status', { length: 16 }).notNull().default('active'),
  },
  (t) => [index('mediation_mediators_org_idx').on(t.orgId), index('mediation_mediators_user_idx').on(t.userId)],
);

/**
 * One dispute. `org_id` is the committee (or 司法所) handling it now: dispatch and 分级递进 escalation move it,
 * and the workflow instance with it, so the handling committee's mediators see it and the one before does not.
 * Historical cases (seed, 台账 import) are closed records without a workflow instance.
 */
export const mediationCases = pgTable(
  'mediation_cases',
  {
    ...businessColumns(),
    caseNumber: text('case_number').notNull(),
    /** screening | application | portal | courtReferral | police | petition (terms.ts sources). */
    source: varchar('source', { length: 16 }).notNull(),
    disputeType: varchar('dispute_type', { length: 32 }).notNull(),
    summary: text('summary').notNull(),
    applicantName: text('applicant_name').notNull(),
    applicantIdEnc: text('applicant_id_enc'),
    applicantIdMasked: text('applicant_id_masked'),
    applicantIdIndex: varchar('applicant_id_index', { length: 64 }),
    applicantPhoneEnc: text('applicant_phone_enc'),
    applicantPhoneMasked: text('applicant_phone_masked'),
    applicantAddressEnc: text('applicant_address_enc'),
    applicantAddressMasked: text('applicant_address_masked'),
    respondentName: text('respondent_name').notNull(),
    partyCount: integer('party_count').notNull().default(2),
    amount: numeric('amount', { precision: 14, scale: 2 }),
    /** Where the dispute arose: township (9 digits) and village org. */
    townshipCode: varchar('township_code', { length: 12 }),
    villageOrgId: uuid('village_org_id'),
    registeredDate: date('registered_date', { mode: 'string' }).notNull(),
    acceptedDate: date('accepted_date', { mode: 'string' }),
    /** Level of the handling committee (village | township | county | industry). */
    level: varchar('level', { length: 16 }).notNull(),
    escalations: integer('escalations').notNull().default(0),
    mediatorId: uuid('mediator_id'),
    mediatorNames: text('mediator_names'),
    /** 法院委派 诉前调解: the referring court (its users see the case), its 诉前调解 案号 and the 委派 date. */
    courtOrgId: uuid('court_org_id'),
    courtCaseNumber: text('court_case_number'),
    referralDate: date('referral_date', { mode: 'string' }),
    /** success | failure | terminated */
    outcome: varchar('outcome', { length: 16 }),
    closedDate: date('closed_date', { mode: 'string' }),
    /** written (调解协议书, 人民调解法 第二十九条) | oral (口头协议, 第三十条) */
    agreementType: varchar('agreement_type', { length: 16 }),
    agreementContent: text('agreement_content'),
    agreementInstrumentId: uuid('agreement_instrument_id'),
    /** 不成功: the way to go on (人民调解法 第二十六条: 告知 仲裁、行政、司法 途径); 终止: why. */
    outcomeNote: text('outcome_note'),
    followUpDate: date('follow_up_date', { mode: 'string' }),
    /** fulfilled | partial | unfulfilled (履行情况 at 回访) */
    performance: varchar('performance', { length: 16 }),
    followUpNote: text('follow_up_note'),
    /** 司法确认 (人民调解法 第三十三条): none | awaiting | applied | confirmed | rejected | abandoned */
    confirmationStatus: varchar('confirmation_status', { length: 16 }).notNull().default('none'),
    confirmationAppliedDate: date('confirmation_applied_date', { mode: 'string' }),
    confirmationDecidedDate: date('confirmation_decided_date', { mode: 'string' }),
    confirmationInstanceId: uuid('confirmation_instance_id'),
    /** open | closed */
    status: varchar('status', { length: 16 }).notNull().default('open'),
    instanceId: uuid('instance_id'),
    /** SM3 hash of the portal 查询码. */
    trackingHash: varchar('tracking_hash', { length: 64 }),
    /** register | portal | court | import | seed */
    entry: varchar('entry', { length: 16 }).notNull().default('register'),
    note: text('note'),
  },
  (t) => [
    uniqueIndex('mediation_cases_number_uq').on(t.caseNumber),
    index('mediation_cases_org_idx').on(t.orgId),
    index('mediation_cases_registered_idx').on(t.registeredDate),
    index('mediation_cases_closed_idx').on(t.closedDate),
    index('mediation_cases_court_idx').on(t.courtOrgId),
    index('mediation_cases_mediator_idx').on(t.mediatorId),
    index('mediation_cases_tracking_idx').on(t.trackingHash),
  ],
);

/** 调解 sessions (调解记录): same org as the case at the time. */
export const mediationSessions = pgTable(
  'mediation_sessions',
  {
    ...businessColumns(),
    caseId: uuid('case_id').notNull(),
    sessionDate: date('session_date', { mode: 'string' }).notNull(),
    mediatorNames: text('mediator_names').notNull(),
    location: text('location'),
    content: text('content').notNull(),
  },
  (t) => [index('mediation_sessions_case_idx').on(t.caseId)],
);

/** 矛盾纠纷排查: one screening period of a committee (排查次数, 发现纠纷, 化解纠纷). `org_id` = committee. */
export const mediationScreenings = pgTable(
  'mediation_screenings',
  {
    ...businessColumns(),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    periodEnd: date('period_end', { mode: 'string' }).notNull(),
    villageOrgId: uuid('village_org_id'),
    screeningCount: integer('screening_count').notNull(),
    disputesFound: integer('disputes_found').notNull(),
    disputesResolved: integer('disputes_resolved').notNull(),
    keyRisks: text('key_risks'),
    note: text('note'),
  },
  (t) => [index('mediation_screenings_org_idx').on(t.orgId), index('mediation_screenings_period_idx').on(t.periodStart)],
);

/**
 * The court's 一审民商事收案数 per month, the denominator of 诉前引调率 (DOMAIN.md §5). Entered by the court's
 * liaison (or the county's 调解 staff); `org_id` = the court.
 */
export const mediationCourtStats = pgTable(
  'mediation_court_stats',
  {
    ...businessColumns(),
    /** 'YYYY-MM' */
    month: varchar('month', { length: 7 }).notNull(),
    civilFirstInstance: integer('civil_first_instance').notNull(),
    note: text('note'),
  },
  (t) => [uniqueIndex('mediation_court_stats_uq').on(t.orgId, t.month).where(sql`voided_at is null`)],
);

/** Gap-free 调解案件编号 per county and year: （2025）武调字第N号. */
export const mediationSequences = pgTable(
  'mediation_sequences',
  {
    scope: varchar('scope', { length: 12 }).notNull(),
    year: integer('year').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.year] })],
);
