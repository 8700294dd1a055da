import { boolean, date, index, integer, jsonb, numeric, pgTable, text, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { businessColumns } from '../../platform/db/columns';

/**
 * 行政执法监督 (DOMAIN.md §4). Every record's `org_id` is the 行政机关 (执法主体) it is about, so an agency's
 * 法制员 (本机构 scope) sees exactly its own records and the 司法局 执法监督科 (全部) the whole county.
 */

/** 执法主体: an agency of the org tree with its legal basis, 职权清单 and 资格清理 outcome. */
export const enforcementAgencies = pgTable(
  'enforcement_agencies',
  {
    ...businessColumns(),
    legalBasis: text('legal_basis').notNull().default(''),
    powers: jsonb('powers').$type<string[]>().notNull().default([]),
    /** 资格清理: qualified as 执法主体 (true), not (false), not yet reviewed (null). */
    qualified: boolean('qualified'),
    qualifiedDate: date('qualified_date', { mode: 'string' }),
  },
  (t) => [uniqueIndex('ea_org_uq').on(t.orgId)],
);

/** 执法人员 with 执法证 / 监督证, exam result and training hours. 身份证号 is PII (SM4 + blind index + mask). */
export const enforcementOfficers = pgTable(
  'enforcement_officers',
  {
    ...businessColumns(),
    name: text('name').notNull(),
    userId: uuid('user_id'),
    idNumberEnc: text('id_number_enc'),
    idNumberMasked: text('id_number_masked'),
    idNumberIndex: text('id_number_index'),
    /** 在编 (counts in the 持证率 denominator). */
    staffed: boolean('staffed').notNull().default(true),
    certificateType: varchar('certificate_type', { length: 16 }),
    certificateNumber: text('certificate_number'),
    certificateArea: text('certificate_area'),
    certificateIssued: date('certificate_issued', { mode: 'string' }),
    certificateExpiry: date('certificate_expiry', { mode: 'string' }),
    examDate: date('exam_date', { mode: 'string' }),
    examScore: integer('exam_score'),
    examPassed: boolean('exam_passed'),
    trainingHours: integer('training_hours').notNull().default(0),
  },
  (t) => [index('eo_org_idx').on(t.orgId), uniqueIndex('eo_cert_uq').on(t.certificateNumber), index('eo_id_idx').on(t.idNumberIndex), index('eo_expiry_idx').on(t.certificateExpiry)],
);

/** 行政执法案件 as the agency reports it; `flags` holds the rule keys (rules.ts) the case breaks. */
export const enforcementCases = pgTable(
  'enforcement_cases',
  {
    ...businessColumns(),
    caseNumber: text('case_number').notNull(),
    kind: varchar('kind', { length: 16 }).notNull(),
    /** 一般程序 (行政处罚法 第六十条 applies) or 简易程序. */
    procedure: varchar('procedure', { length: 16 }).notNull().default('ordinary'),
    partyName: text('party_name').notNull(),
    partyCreditCode: varchar('party_credit_code', { length: 18 }),
    filedDate: date('filed_date', { mode: 'string' }).notNull(),
    decisionDate: date('decision_date', { mode: 'string' }),
    extensionDays: integer('extension_days').notNull().default(0),
    extensionBasis: text('extension_basis'),
    amount: numeric('amount', { precision: 14, scale: 2 }),
    legalBasis: text('legal_basis'),
    major: boolean('major').notNull().default(false),
    legalReviewDate: date('legal_review_date', { mode: 'string' }),
    mustPublish: boolean('must_publish').notNull().default(true),
    publicationDate: date('publication_date', { mode: 'string' }),
    publicationLink: text('publication_link'),
    /** 变更、撤销、确认违法或无效 of a published decision, and the day its information was withdrawn (第四十八条第二款). */
    changedDate: date('changed_date', { mode: 'string' }),
    withdrawnDate: date('withdrawn_date', { mode: 'string' }),
    decisionDue: date('decision_due', { mode: 'string' }),
    publicationDue: date('publication_due', { mode: 'string' }),
    flags: jsonb('flags').$type<string[]>().notNull().default([]),
  },
  (t) => [uniqueIndex('ec_number_uq').on(t.orgId, t.caseNumber), index('ec_org_idx').on(t.orgId, t.filedDate), index('ec_decision_idx').on(t.decisionDate)],
);

/** 联合检查任务 ("综合查一次"): one inspection by several agencies together. */
export const enforcementJointTasks = pgTable(
  'enforcement_joint_tasks',
  {
    ...businessColumns(),
    name: text('name').notNull(),
    plannedDate: date('planned_date', { mode: 'string' }).notNull(),
    agencyOrgIds: jsonb('agency_org_ids').$type<string[]>().notNull().default([]),
    enterpriseName: text('enterprise_name'),
    enterpriseCreditCode: varchar('enterprise_credit_code', { length: 18 }),
    note: text('note'),
  },
  (t) => [index('ejt_date_idx').on(t.plannedDate)],
);

/** 行政检查 records per enterprise; `joint_task_id` when done within a 联合检查任务. */
export const enforcementInspections = pgTable(
  'enforcement_inspections',
  {
    ...businessColumns(),
    enterpriseCreditCode: varchar('enterprise_credit_code', { length: 18 }).notNull(),
    enterpriseName: text('enterprise_name').notNull(),
    inspectionDate: date('inspection_date', { mode: 'string' }).notNull(),
    matter: text('matter').notNull(),
    planned: boolean('planned').notNull().default(true),
    jointTaskId: uuid('joint_task_id'),
    result: text('result'),
  },
  (t) => [
    index('ei_enterprise_idx').on(t.enterpriseCreditCode, t.inspectionDate),
    index('ei_org_idx').on(t.orgId, t.inspectionDate),
  ],
);

/** A 多头检查 / 重复检查 clue found by detection (clues.ts); one per (kind, inspection that completed it). */
export const enforcementClues = pgTable(
  'enforcement_clues',
  {
    ...businessColumns(),
    kind: varchar('kind', { length: 16 }).notNull(),
    inspectionId: uuid('inspection_id').notNull(),
    priorInspectionId: uuid('prior_inspection_id'),
    enterpriseCreditCode: varchar('enterprise_credit_code', { length: 18 }).notNull(),
    enterpriseName: text('enterprise_name').notNull(),
    inspectionDate: date('inspection_date', { mode: 'string' }).notNull(),
    matter: text('matter'),
    agencyOrgIds: jsonb('agency_org_ids').$type<string[]>().notNull().default([]),
    windowDays: integer('window_days').notNull(),
    status: varchar('status', { length: 16 }).notNull().default('open'),
    decidedBy: uuid('decided_by'),
    decidedDate: date('decided_date', { mode: 'string' }),
    decisionNote: text('decision_note'),
  },
  (t) => [uniqueIndex('ecl_kind_insp_uq').on(t.kind, t.inspectionId), index('ecl_status_idx').on(t.status, t.inspectionDate)],
);

/** 案卷评查 and 专项监督 campaigns (org = the 司法局). A 评查 campaign snapshots its checklist. */
export const enforcementCampaigns = pgTable('enforcement_campaigns', {
  ...businessColumns(),
  kind: varchar('kind', { length: 16 }).notNull(),
  name: text('name').notNull(),
  startDate: date('start_date', { mode: 'string' }).notNull(),
  endDate: date('end_date', { mode: 'string' }),
  focus: text('focus'),
  checklist: jsonb('checklist').$type<{ key: string; label: string; points: number }[]>().notNull().default([]),
  passScore: integer('pass_score'),
  agencyOrgIds: jsonb('agency_org_ids').$type<string[]>().notNull().default([]),
  conclusion: text('conclusion'),
});

/** One case file scored in a 评查 campaign (org = the agency whose file it is). */
export const enforcementCaseFileReviews = pgTable(
  'enforcement_case_file_reviews',
  {
    ...businessColumns(),
    campaignId: uuid('campaign_id').notNull(),
    caseId: uuid('case_id'),
    caseNumber: text('case_number').notNull(),
    reviewedDate: date('reviewed_date', { mode: 'string' }).notNull(),
    scores: jsonb('scores').$type<Record<string, number>>().notNull(),
    total: integer('total').notNull(),
    passed: boolean('passed').notNull(),
    findings: text('findings'),
  },
  (t) => [uniqueIndex('ecfr_campaign_case_uq').on(t.campaignId, t.orgId, t.caseNumber), index('ecfr_date_idx').on(t.reviewedDate)],
);

/** 监督通知书 / 监督决定书 / 建议书 issued to an agency (org = the agency; the 文书 is numbered by the 司法局). */
export const enforcementOversightDocs = pgTable(
  'enforcement_oversight_docs',
  {
    ...businessColumns(),
    kind: varchar('kind', { length: 16 }).notNull(),
    supervisorOrgId: uuid('supervisor_org_id').notNull(),
    instrumentId: uuid('instrument_id').notNull(),
    number: text('number'),
    subject: text('subject').notNull(),
    issuedDate: date('issued_date', { mode: 'string' }).notNull(),
    sourceType: varchar('source_type', { length: 24 }),
    sourceId: uuid('source_id'),
    campaignId: uuid('campaign_id'),
  },
  (t) => [index('eod_org_idx').on(t.orgId, t.issuedDate)],
);

/** 整改 items: from a 监督文书, a failed 评查 or a clue; the agency closes them with evidence (platform files). */
export const enforcementRectifications = pgTable(
  'enforcement_rectifications',
  {
    ...businessColumns(),
    sourceType: varchar('source_type', { length: 24 }).notNull(),
    sourceId: uuid('source_id'),
    item: text('item').notNull(),
    issuedDate: date('issued_date', { mode: 'string' }).notNull(),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    status: varchar('status', { length: 16 }).notNull().default('open'),
    closedDate: date('closed_date', { mode: 'string' }),
    closureNote: text('closure_note'),
    evidenceFileIds: jsonb('evidence_file_ids').$type<string[]>().notNull().default([]),
  },
  (t) => [index('er_org_idx').on(t.orgId, t.status), index('er_source_idx').on(t.sourceType, t.sourceId), index('er_issued_idx').on(t.issuedDate)],
);

/** 投诉举报 about enforcement (org = the agency complained about). Complainant phone is PII. */
export const enforcementComplaints = pgTable(
  'enforcement_complaints',
  {
    ...businessColumns(),
    receivedDate: date('received_date', { mode: 'string' }).notNull(),
    complainantName: text('complainant_name').notNull(),
    phoneEnc: text('phone_enc'),
    phoneMasked: text('phone_masked'),
    phoneIndex: text('phone_index'),
    category: varchar('category', { length: 24 }).notNull(),
    content: text('content').notNull(),
    status: varchar('status', { length: 16 }).notNull().default('received'),
    handledDate: date('handled_date', { mode: 'string' }),
    result: text('result'),
    substantiated: boolean('substantiated'),
  },
  (t) => [index('ecp_org_idx').on(t.orgId, t.receivedDate)],
);
