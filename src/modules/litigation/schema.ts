import { boolean, date, index, integer, pgTable, text, uuid, varchar } from 'drizzle-orm/pg-core';
import { businessColumns } from '../../platform/db/columns';

/**
 * One administrative lawsuit defended by an organ (行政诉讼法), followed through 一审 → 上诉 → 二审 → 再审.
 * `org_id` is the defending organ when it is in the org tree (so an agency's 法制员 sees its own suits),
 * otherwise the org of the user who registered it. Cases run on the `litigation` workflow; historical cases
 * imported from a 台账 are closed records without a workflow instance.
 */
export const litigationCases = pgTable(
  'litigation_cases',
  {
    ...businessColumns(),
    /** 案号, e.g. （2025）浙0723行初12号. */
    caseNumber: text('case_number').notNull(),
    courtOrgId: uuid('court_org_id'),
    courtName: text('court_name').notNull(),
    /** person | organization */
    plaintiffType: varchar('plaintiff_type', { length: 16 }).notNull(),
    plaintiffName: text('plaintiff_name').notNull(),
    /** 身份证号 / 统一社会信用代码: SM4 ciphertext, masked copy, blind index. */
    plaintiffIdEnc: text('plaintiff_id_enc'),
    plaintiffIdMasked: text('plaintiff_id_masked'),
    plaintiffIdIndex: varchar('plaintiff_id_index', { length: 64 }),
    plaintiffPhoneEnc: text('plaintiff_phone_enc'),
    plaintiffPhoneMasked: text('plaintiff_phone_masked'),
    /** Number of 原告 (共同诉讼), the named one included. */
    plaintiffCount: integer('plaintiff_count').notNull().default(1),
    defendantOrgId: uuid('defendant_org_id'),
    defendantName: text('defendant_name').notNull(),
    /** 行为类别 code (terms.ts actTypes). */
    actType: varchar('act_type', { length: 32 }).notNull(),
    /** 案由. */
    cause: text('cause').notNull(),
    /** 诉讼请求. */
    claims: text('claims'),
    /** The 行政复议 case on the same act (行政复议法 第二十九条), by id only: that line owns its tables. */
    reviewCaseId: uuid('review_case_id'),
    /** 收案日期 = 收到起诉状副本之日; the 答辩 period runs from it (行政诉讼法 第六十七条). */
    receivedDate: date('received_date', { mode: 'string' }).notNull(),
    /** 法院立案日期; the court's 审限 runs from it (第八十一条 / 第八十三条). */
    filedDate: date('filed_date', { mode: 'string' }),
    /** ordinary | summary (简易程序, 第八十二条). */
    procedure: varchar('procedure', { length: 16 }).notNull().default('ordinary'),
    /** Current 审级: first | second | retrial. */
    level: varchar('level', { length: 16 }).notNull().default('first'),
    /** open | closed */
    status: varchar('status', { length: 16 }).notNull().default('open'),
    defenceDate: date('defence_date', { mode: 'string' }),
    evidenceCount: integer('evidence_count'),
    /** 一审 裁判 (outcome code, date of the judgment/ruling). */
    firstOutcome: varchar('first_outcome', { length: 32 }),
    firstOutcomeDate: date('first_outcome_date', { mode: 'string' }),
    appealed: boolean('appealed').notNull().default(false),
    /** organ | plaintiff | both */
    appellant: varchar('appellant', { length: 16 }),
    /** Final outcome code (terms.ts outcomes) and the date the case was concluded (审结). */
    outcome: varchar('outcome', { length: 32 }),
    closedDate: date('closed_date', { mode: 'string' }),
    /** judgment | ruling | mediation — the kind of document that concluded the case. */
    closingDocument: varchar('closing_document', { length: 16 }),
    instanceId: uuid('instance_id'),
    /** register | import | seed */
    source: varchar('source', { length: 16 }).notNull().default('register'),
    note: text('note'),
  },
  (t) => [
    index('litigation_cases_org_idx').on(t.orgId),
    index('litigation_cases_received_idx').on(t.receivedDate),
    index('litigation_cases_closed_idx').on(t.closedDate),
    index('litigation_cases_number_idx').on(t.caseNumber),
  ],
);

/**
 * One 开庭 and who appeared for the organ (行政诉讼法 第三条第三款: 负责人出庭应诉; if not, a 工作人员 must).
 * Same org as its case.
 */
export const litigationHearings = pgTable(
  'litigation_hearings',
  {
    ...businessColumns(),
    caseId: uuid('case_id').notNull(),
    /** first | second | retrial */
    level: varchar('level', { length: 16 }).notNull(),
    hearingDate: date('hearing_date', { mode: 'string' }).notNull(),
    courtName: text('court_name').notNull(),
    /** scheduled | held */
    status: varchar('status', { length: 16 }).notNull().default('held'),
    headAppeared: boolean('head_appeared').notNull().default(false),
    headName: text('head_name'),
    headPost: text('head_post'),
    /** 出庭的工作人员 / 律师 (names). */
    staffNames: text('staff_names'),
    lawyerNames: text('lawyer_names'),
    /** Why the 负责人 did not appear (正当理由), when not. */
    absenceReason: text('absence_reason'),
    noticeInstrumentId: uuid('notice_instrument_id'),
    note: text('note'),
  },
  (t) => [index('litigation_hearings_case_idx').on(t.caseId), index('litigation_hearings_date_idx').on(t.hearingDate)],
);

/** 司法建议 received from the court and the organ's reply (reply deadline: local setting, default 60 days). */
export const litigationSuggestions = pgTable(
  'litigation_suggestions',
  {
    ...businessColumns(),
    caseId: uuid('case_id').notNull(),
    /** 司法建议书 文号. */
    documentNumber: text('document_number'),
    courtName: text('court_name').notNull(),
    receivedDate: date('received_date', { mode: 'string' }).notNull(),
    content: text('content').notNull(),
    replyDays: integer('reply_days').notNull(),
    /** open | replied */
    status: varchar('status', { length: 16 }).notNull().default('open'),
    replyDate: date('reply_date', { mode: 'string' }),
    replyContent: text('reply_content'),
    replyInstrumentId: uuid('reply_instrument_id'),
    instanceId: uuid('instance_id'),
  },
  (t) => [index('litigation_suggestions_case_idx').on(t.caseId)],
);

/**
 * 行政争议调解 before or during the suit, with the court's 行政争议调解中心. `mediationId` will link the
 * record of the 人民调解 line once it exists; until then this table is the record.
 */
export const litigationMediations = pgTable(
  'litigation_mediations',
  {
    ...businessColumns(),
    /** Null for a 诉前 mediation that has no lawsuit (yet). */
    caseId: uuid('case_id'),
    /** preLitigation | inLitigation */
    stage: varchar('stage', { length: 16 }).notNull(),
    centerName: text('center_name').notNull(),
    partyName: text('party_name').notNull(),
    defendantName: text('defendant_name').notNull(),
    subject: text('subject').notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }),
    /** ongoing | success | failed */
    result: varchar('result', { length: 16 }).notNull().default('ongoing'),
    summary: text('summary'),
    mediationId: uuid('mediation_id'),
  },
  (t) => [index('litigation_mediations_case_idx').on(t.caseId)],
);
