import { boolean, date, doublePrecision, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { businessColumns, idColumn } from '../../platform/db/columns';
import type { Block } from '../../platform/instruments/blocks';

/**
 * A 社区矫正对象 (DOMAIN.md §7). `org_id` is the 受委托 司法所 that supervises them day to day; the county
 * 社区矫正机构 sees every subject through its data scope. 身份证号, phone and address are stored only as SM4
 * ciphertext, a masked copy for lists and (for the 身份证号) an HMAC-SM3 blind index for exact look-up.
 */
export const correctionSubjects = pgTable(
  'correction_subjects',
  {
    ...businessColumns(),
    name: text('name').notNull(),
    gender: varchar('gender', { length: 4 }),
    idNumberEnc: text('id_number_enc'),
    idNumberMasked: text('id_number_masked'),
    idNumberIndex: varchar('id_number_index', { length: 64 }),
    phoneEnc: text('phone_enc'),
    phoneMasked: text('phone_masked'),
    addressEnc: text('address_enc'),
    addressMasked: text('address_masked'),
    sentenceType: varchar('sentence_type', { length: 16 }).notNull(),
    crime: text('crime').notNull(),
    sentence: text('sentence'),
    /** 决定机关 (判决法院 / 批准机关) and its 法律文书 number. */
    decisionOrg: text('decision_org').notNull(),
    judgmentNumber: text('judgment_number'),
    judgmentEffectiveDate: date('judgment_effective_date', { mode: 'string' }).notNull(),
    termStart: date('term_start', { mode: 'string' }).notNull(),
    termEnd: date('term_end', { mode: 'string' }).notNull(),
    receivedDate: date('received_date', { mode: 'string' }).notNull(),
    reportDueDate: date('report_due_date', { mode: 'string' }),
    reportedDate: date('reported_date', { mode: 'string' }),
    announcedDate: date('announced_date', { mode: 'string' }),
    level: varchar('level', { length: 16 }).notNull().default('normal'),
    state: varchar('state', { length: 16 }).notNull(),
    endedDate: date('ended_date', { mode: 'string' }),
    ending: varchar('ending', { length: 16 }),
    /** 重新犯罪 while on register (the recidivism indicator). */
    reoffended: boolean('reoffended').notNull().default(false),
    reoffendedDate: date('reoffended_date', { mode: 'string' }),
    groupMembers: jsonb('group_members').$type<string[]>().notNull().default([]),
    plan: text('plan'),
    /** Last 报告 / 签到 / 核查 / 走访 (the 脱管 alarm). */
    lastContactDate: date('last_contact_date', { mode: 'string' }),
    /** The subject's own account for mobile check-in, if any. */
    subjectUserId: uuid('subject_user_id'),
    instanceId: uuid('instance_id'),
    source: varchar('source', { length: 16 }).notNull().default('system'),
  },
  (t) => [
    index('cs_org_state_idx').on(t.orgId, t.state),
    index('cs_id_index_idx').on(t.idNumberIndex),
    index('cs_received_idx').on(t.receivedDate),
    index('cs_ended_idx').on(t.endedDate),
    index('cs_user_idx').on(t.subjectUserId),
  ],
);
export type CorrectionSubject = typeof correctionSubjects.$inferSelect;

/** 日常监管 and monthly 考核: 报告, 走访, 信息化核查, 视频点名, 教育, 公益活动, 考核. */
export const correctionRecords = pgTable(
  'correction_records',
  {
    ...businessColumns(),
    subjectId: uuid('subject_id').notNull(),
    kind: varchar('kind', { length: 24 }).notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    summary: text('summary'),
    /** 视频点名: answered or not. */
    answered: boolean('answered'),
    hours: integer('hours'),
    /** 考核: the month assessed ('YYYY-MM') and the result. */
    month: varchar('month', { length: 7 }),
    result: varchar('result', { length: 16 }),
  },
  (t) => [
    index('cr_subject_idx').on(t.subjectId, t.date),
    index('cr_kind_date_idx').on(t.kind, t.date),
    uniqueIndex('cr_assessment_month_uq').on(t.subjectId, t.month).where(sql`kind = 'assessment' and voided_at is null`),
  ],
);
export type CorrectionRecord = typeof correctionRecords.$inferSelect;

/** 奖惩: proposed by the 司法所, decided by the county 社区矫正机构 (社区矫正法 第二十八条). */
export const correctionMeasures = pgTable(
  'correction_measures',
  {
    ...businessColumns(),
    subjectId: uuid('subject_id').notNull(),
    measure: varchar('measure', { length: 24 }).notNull(),
    state: varchar('state', { length: 16 }).notNull(),
    facts: text('facts').notNull(),
    proposedDate: date('proposed_date', { mode: 'string' }).notNull(),
    decidedDate: date('decided_date', { mode: 'string' }),
    decidedBy: uuid('decided_by'),
    decisionNote: text('decision_note'),
    documentId: uuid('document_id'),
  },
  (t) => [index('cm_subject_idx').on(t.subjectId), index('cm_measure_date_idx').on(t.measure, t.decidedDate)],
);
export type CorrectionMeasure = typeof correctionMeasures.$inferSelect;

/** 外出 and 迁居 (执行地变更) requests with their approval level (社区矫正法 第二十七条). */
export const correctionLeaves = pgTable(
  'correction_leaves',
  {
    ...businessColumns(),
    subjectId: uuid('subject_id').notNull(),
    kind: varchar('kind', { length: 16 }).notNull(),
    destination: text('destination').notNull(),
    reason: text('reason').notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }),
    days: integer('days'),
    approver: varchar('approver', { length: 16 }).notNull(),
    state: varchar('state', { length: 16 }).notNull(),
    decidedDate: date('decided_date', { mode: 'string' }),
    decidedBy: uuid('decided_by'),
    decisionNote: text('decision_note'),
    returnedDate: date('returned_date', { mode: 'string' }),
  },
  (t) => [index('cl_subject_idx').on(t.subjectId), index('cl_state_idx').on(t.state, t.endDate)],
);
export type CorrectionLeave = typeof correctionLeaves.$inferSelect;

/**
 * 社区矫正 文书, numbered by the platform (instruments/numbering) in the county 社区矫正机构's name and rendered
 * by the platform's GB/T 9704 renderer, but kept here so only corrections readers can ever open them.
 */
export const correctionDocuments = pgTable(
  'correction_documents',
  {
    ...businessColumns(),
    subjectId: uuid('subject_id'),
    assessmentId: uuid('assessment_id'),
    type: varchar('type', { length: 64 }).notNull(),
    title: text('title').notNull(),
    number: text('number'),
    issuerOrgId: uuid('issuer_org_id').notNull(),
    issuerName: text('issuer_name').notNull(),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    blocks: jsonb('blocks').$type<Block[]>().notNull(),
  },
  (t) => [index('cd_subject_idx').on(t.subjectId), index('cd_assessment_idx').on(t.assessmentId)],
);
export type CorrectionDocument = typeof correctionDocuments.$inferSelect;

/** The subject's mobile check-in: time, browser geolocation and a photo (platform file, no org: only this line serves it). */
export const correctionCheckins = pgTable(
  'correction_checkins',
  {
    id: idColumn(),
    subjectId: uuid('subject_id').notNull(),
    orgId: uuid('org_id').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    date: date('date', { mode: 'string' }).notNull(),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    accuracy: doublePrecision('accuracy'),
    fileId: uuid('file_id'),
    note: text('note'),
    createdBy: uuid('created_by'),
  },
  (t) => [index('cc_subject_idx').on(t.subjectId, t.at)],
);
export type CorrectionCheckin = typeof correctionCheckins.$inferSelect;

/** 调查评估 (社区矫正法 第十八条): a court / procuratorate / prison asks; the opinion is due in 10 working days. */
export const correctionAssessments = pgTable(
  'correction_assessments',
  {
    ...businessColumns(),
    personName: text('person_name').notNull(),
    idNumberEnc: text('id_number_enc'),
    idNumberMasked: text('id_number_masked'),
    idNumberIndex: varchar('id_number_index', { length: 64 }),
    requester: text('requester').notNull(),
    proposedType: varchar('proposed_type', { length: 16 }).notNull(),
    crime: text('crime'),
    fastTrack: boolean('fast_track').notNull().default(false),
    receivedDate: date('received_date', { mode: 'string' }).notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    provisional: boolean('provisional').notNull().default(false),
    state: varchar('state', { length: 16 }).notNull(),
    opinion: varchar('opinion', { length: 16 }),
    opinionReasons: text('opinion_reasons'),
    completedDate: date('completed_date', { mode: 'string' }),
    documentId: uuid('document_id'),
  },
  (t) => [index('ca_org_state_idx').on(t.orgId, t.state), index('ca_due_idx').on(t.dueDate)],
);
export type CorrectionAssessment = typeof correctionAssessments.$inferSelect;

export interface HelpRecord {
  date: string;
  kind: string;
  note: string;
}

/** 安置帮教: a person released from prison, handed over (衔接) to the 司法所 on the prison's notice, followed for years. */
export const resettlementPersons = pgTable(
  'resettlement_persons',
  {
    ...businessColumns(),
    name: text('name').notNull(),
    gender: varchar('gender', { length: 4 }),
    idNumberEnc: text('id_number_enc'),
    idNumberMasked: text('id_number_masked'),
    idNumberIndex: varchar('id_number_index', { length: 64 }),
    phoneEnc: text('phone_enc'),
    phoneMasked: text('phone_masked'),
    addressEnc: text('address_enc'),
    addressMasked: text('address_masked'),
    prison: text('prison').notNull(),
    crime: text('crime'),
    releaseDate: date('release_date', { mode: 'string' }).notNull(),
    noticeDate: date('notice_date', { mode: 'string' }).notNull(),
    handoverDate: date('handover_date', { mode: 'string' }),
    riskLevel: varchar('risk_level', { length: 8 }).notNull().default('low'),
    helpGroup: jsonb('help_group').$type<string[]>().notNull().default([]),
    helps: jsonb('helps').$type<HelpRecord[]>().notNull().default([]),
    followUntil: date('follow_until', { mode: 'string' }).notNull(),
    state: varchar('state', { length: 16 }).notNull(),
  },
  (t) => [index('rp_org_idx').on(t.orgId, t.state), index('rp_release_idx').on(t.releaseDate)],
);
export type ResettlementPerson = typeof resettlementPersons.$inferSelect;
