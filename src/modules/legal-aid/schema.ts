import { boolean, date, doublePrecision, index, integer, jsonb, numeric, pgTable, text, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { businessColumns } from '../../platform/db/columns';

/** One dated entry of a case's file: 办理进展, 结案材料, notes. */
export interface CaseEntry {
  date: string;
  kind: string;
  text: string;
  by?: string | null;
  items?: string[];
}

/**
 * A 法律援助 case: an application (窗口/网上) or a 公检法 通知辩护. `org_id` is the 法律援助机构. The workflow
 * instance holds state and deadlines (审查 7 日, 指派 3 日); the columns mirror what lists, 台账 and indicators need.
 * 身份证号, phone and address are SM4-encrypted with a masked copy (and a blind index for the 身份证号).
 */
export const legalAidCases = pgTable(
  'legal_aid_cases',
  {
    ...businessColumns(),
    caseNumber: text('case_number').notNull(),
    channel: varchar('channel', { length: 16 }).notNull(),
    caseType: varchar('case_type', { length: 16 }).notNull(),
    state: varchar('state', { length: 24 }).notNull(),
    instanceId: uuid('instance_id'),
    receivedDate: date('received_date', { mode: 'string' }).notNull(),
    applicantName: text('applicant_name').notNull(),
    applicantIdEnc: text('applicant_id_enc'),
    applicantIdMasked: text('applicant_id_masked'),
    applicantIdIndex: varchar('applicant_id_index', { length: 64 }),
    applicantPhoneEnc: text('applicant_phone_enc'),
    applicantPhoneMasked: text('applicant_phone_masked'),
    applicantAddressEnc: text('applicant_address_enc'),
    applicantAddressMasked: text('applicant_address_masked'),
    /** 案由 and what is asked for. */
    matter: text('matter').notNull(),
    opponent: text('opponent'),
    /** 经济困难: ground (meansGrounds), household size and monthly income, and the check's result. */
    meansGround: varchar('means_ground', { length: 24 }),
    householdSize: integer('household_size'),
    monthlyIncome: numeric('monthly_income', { precision: 12, scale: 2 }),
    meansEligible: boolean('means_eligible'),
    /** 先行提供 (法律援助法 第四十四条). */
    urgent: boolean('urgent').notNull().default(false),
    /** 通知辩护: the notifying 公检法 organ, its notice number and date (法律援助法 第三十六条). */
    noticeOrgName: text('notice_org_name'),
    noticeNumber: text('notice_number'),
    decision: varchar('decision', { length: 16 }),
    decisionDate: date('decision_date', { mode: 'string' }),
    decisionReason: text('decision_reason'),
    assignedDate: date('assigned_date', { mode: 'string' }),
    assigneeKind: varchar('assignee_kind', { length: 16 }),
    lawyerId: uuid('lawyer_id'),
    assigneeName: text('assignee_name'),
    assigneeFirm: text('assignee_firm'),
    /** The assignee's user account (if any): they see the case and report progress. */
    assigneeUserId: uuid('assignee_user_id'),
    closedDate: date('closed_date', { mode: 'string' }),
    closingResult: text('closing_result'),
    closingMaterials: jsonb('closing_materials').$type<string[]>(),
    terminatedDate: date('terminated_date', { mode: 'string' }),
    terminationGround: varchar('termination_ground', { length: 24 }),
    qualityScores: jsonb('quality_scores').$type<Record<string, number>>(),
    qualityTotal: integer('quality_total'),
    qualityGrade: varchar('quality_grade', { length: 16 }),
    qualityDate: date('quality_date', { mode: 'string' }),
    qualityAssessor: text('quality_assessor'),
    entries: jsonb('entries').$type<CaseEntry[]>().notNull().default([]),
    /** SM3 of the applicant's 查询码 (online applications). */
    trackingHash: varchar('tracking_hash', { length: 64 }),
  },
  (t) => [
    uniqueIndex('lac_number_uq').on(t.orgId, t.caseNumber),
    uniqueIndex('lac_tracking_uq').on(t.trackingHash),
    index('lac_org_idx').on(t.orgId, t.state),
    index('lac_received_idx').on(t.receivedDate),
    index('lac_assigned_idx').on(t.assignedDate),
    index('lac_quality_idx').on(t.qualityDate),
    index('lac_assignee_idx').on(t.assigneeUserId),
    index('lac_applicant_idx').on(t.applicantIdIndex),
  ],
);
export type LegalAidCase = typeof legalAidCases.$inferSelect;

/** 异议 against 不予法律援助 / 终止 (法律援助法 第四十九条), decided by the 司法行政部门 within 5 days. */
export const legalAidObjections = pgTable(
  'legal_aid_objections',
  {
    ...businessColumns(),
    caseId: uuid('case_id').notNull(),
    instanceId: uuid('instance_id'),
    receivedDate: date('received_date', { mode: 'string' }).notNull(),
    reason: text('reason').notNull(),
    state: varchar('state', { length: 16 }).notNull(),
    decision: varchar('decision', { length: 16 }),
    decisionDate: date('decision_date', { mode: 'string' }),
    decisionReason: text('decision_reason'),
  },
  (t) => [index('lao_case_idx').on(t.caseId)],
);
export type LegalAidObjection = typeof legalAidObjections.$inferSelect;

/** 值班律师 log: one duty shift at a court, procuratorate or detention centre (法律援助法 第十四条、第三十条). */
export const dutyLawyerLogs = pgTable(
  'duty_lawyer_logs',
  {
    ...businessColumns(),
    dutyDate: date('duty_date', { mode: 'string' }).notNull(),
    place: varchar('place', { length: 16 }).notNull(),
    placeName: text('place_name').notNull(),
    lawyerId: uuid('lawyer_id'),
    lawyerName: text('lawyer_name').notNull(),
    consultations: integer('consultations').notNull().default(0),
    /** 认罪认罚 见证 (具结书签署在场). */
    pleaWitness: integer('plea_witness').notNull().default(0),
    referrals: integer('referrals').notNull().default(0),
    note: text('note'),
  },
  (t) => [index('dll_org_idx').on(t.orgId, t.dutyDate)],
);

/** A 公证 matter at a 公证处 (org_id = the 公证处). 办理时长 = 出证 − 受理, in calendar days. */
export const notaryMatters = pgTable(
  'notary_matters',
  {
    ...businessColumns(),
    caseNumber: text('case_number').notNull(),
    matterType: varchar('matter_type', { length: 24 }).notNull(),
    applicantName: text('applicant_name').notNull(),
    applicantIdEnc: text('applicant_id_enc'),
    applicantIdMasked: text('applicant_id_masked'),
    applicantPhoneEnc: text('applicant_phone_enc'),
    applicantPhoneMasked: text('applicant_phone_masked'),
    foreign: boolean('foreign').notNull().default(false),
    /** Country/region where the certificate is used (涉外). */
    useCountry: text('use_country'),
    oneVisit: boolean('one_visit').notNull().default(false),
    fee: numeric('fee', { precision: 12, scale: 2 }).notNull().default('0'),
    state: varchar('state', { length: 16 }).notNull(),
    acceptedDate: date('accepted_date', { mode: 'string' }).notNull(),
    certifiedDate: date('certified_date', { mode: 'string' }),
    certificateNumber: text('certificate_number'),
    notaryName: text('notary_name'),
    note: text('note'),
  },
  (t) => [uniqueIndex('nm_number_uq').on(t.orgId, t.caseNumber), index('nm_org_idx').on(t.orgId, t.state), index('nm_accepted_idx').on(t.acceptedDate), index('nm_certified_idx').on(t.certifiedDate)],
);
export type NotaryMatter = typeof notaryMatters.$inferSelect;

/**
 * A 12348 / window / online consultation. Online questions come from the portal unanswered (state pending) and
 * carry the SM3 of the asker's 查询码. A referral to 法律援助 or 人民调解 is recorded here (target + note); the
 * receiving line takes it up from its own records.
 */
export const consultations = pgTable(
  'consultations',
  {
    ...businessColumns(),
    serialNumber: text('serial_number').notNull(),
    channel: varchar('channel', { length: 16 }).notNull(),
    topic: varchar('topic', { length: 24 }).notNull(),
    consultedDate: date('consulted_date', { mode: 'string' }).notNull(),
    askerName: text('asker_name'),
    askerPhoneEnc: text('asker_phone_enc'),
    askerPhoneMasked: text('asker_phone_masked'),
    question: text('question').notNull(),
    answer: text('answer'),
    answeredDate: date('answered_date', { mode: 'string' }),
    answeredBy: text('answered_by'),
    state: varchar('state', { length: 16 }).notNull(),
    durationMinutes: integer('duration_minutes'),
    referralTarget: varchar('referral_target', { length: 16 }),
    referralNote: text('referral_note'),
    referralDate: date('referral_date', { mode: 'string' }),
    satisfaction: varchar('satisfaction', { length: 16 }),
    trackingHash: varchar('tracking_hash', { length: 64 }),
  },
  (t) => [uniqueIndex('cs_tracking_uq').on(t.trackingHash), index('cs_org_idx').on(t.orgId, t.state), index('cs_date_idx').on(t.consultedDate), uniqueIndex('cs_serial_uq').on(t.orgId, t.serialNumber)],
);
export type Consultation = typeof consultations.$inferSelect;

/** 公共法律服务中心/站/室 with coordinates (WGS-84) for the 一图可见 map. */
export const servicePoints = pgTable(
  'service_points',
  {
    ...businessColumns(),
    kind: varchar('kind', { length: 16 }).notNull(),
    name: text('name').notNull(),
    address: text('address').notNull(),
    lng: doublePrecision('lng').notNull(),
    lat: doublePrecision('lat').notNull(),
    openingHours: text('opening_hours'),
    phone: text('phone'),
    staffCount: integer('staff_count').notNull().default(0),
    staffNames: text('staff_names'),
  },
  (t) => [index('sp_org_idx').on(t.orgId, t.kind)],
);
export type ServicePoint = typeof servicePoints.$inferSelect;

/** 律师事务所 registry; `org_id` is the supervising 司法局 (or the firm's own org when it has accounts). */
export const lawFirms = pgTable(
  'law_firms',
  {
    ...businessColumns(),
    name: text('name').notNull(),
    licenseNumber: text('license_number').notNull(),
    firmOrgId: uuid('firm_org_id'),
    head: text('head'),
    address: text('address'),
    phone: text('phone'),
    lng: doublePrecision('lng'),
    lat: doublePrecision('lat'),
    foundedDate: date('founded_date', { mode: 'string' }),
  },
  (t) => [uniqueIndex('lf_license_uq').on(t.licenseNumber)],
);
export type LawFirm = typeof lawFirms.$inferSelect;

/** A lawyer or 基层法律服务工作者 with 执业证 and annual 考核 results. */
export const lawyers = pgTable(
  'lawyers',
  {
    ...businessColumns(),
    name: text('name').notNull(),
    kind: varchar('kind', { length: 16 }).notNull(),
    firmId: uuid('firm_id'),
    licenseNumber: text('license_number').notNull(),
    licenseDate: date('license_date', { mode: 'string' }),
    /** active | suspended | revoked (执业状态). */
    status: varchar('status', { length: 16 }).notNull().default('active'),
    phoneEnc: text('phone_enc'),
    phoneMasked: text('phone_masked'),
    specialties: text('specialties'),
    userId: uuid('user_id'),
    assessments: jsonb('assessments').$type<{ year: number; result: string; note?: string | null }[]>().notNull().default([]),
  },
  (t) => [uniqueIndex('lw_license_uq').on(t.licenseNumber), index('lw_firm_idx').on(t.firmId), index('lw_user_idx').on(t.userId)],
);
export type Lawyer = typeof lawyers.$inferSelect;
