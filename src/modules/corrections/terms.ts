/**
 * The words and rules of 社区矫正 and 安置帮教 (DOMAIN.md §7): codes stored in the database, the Chinese the UI,
 * 文书 and 台账 show, and every period and approval level with the article it comes from. Rules DOMAIN.md marks
 * **local** are settings (`corrections.rules`) with the defaults below.
 */

export const MODULE = 'corrections';
export const SUBJECT_ENTITY = 'correctionSubject';
export const ASSESSMENT_ENTITY = 'correctionAssessment';
export const RESETTLEMENT_ENTITY = 'resettlementPerson';
export const SUBJECT_WORKFLOW = 'correctionSubject';

export const PERM = {
  /** Read subjects, records and 文书 (every read of a file is audited). */
  read: 'corrections.read',
  /** 司法所 daily work: 接收, 报到, 宣告, 报告/走访/核查/点名, 考核, proposing 奖惩, 外出 within the delegated limit. */
  manage: 'corrections.manage',
  /** County 社区矫正机构 decisions: 训诫, 警告, 提请撤销/收监, 外出 beyond the 司法所's limit, 迁居, 解除. */
  decide: 'corrections.decide',
  /** Export the register (a reason is required and audited). */
  export: 'corrections.export',
  import: 'corrections.import',
  indicators: 'corrections.indicators',
  /** The 矫正对象's own mobile check-in. */
  checkin: 'corrections.checkin',
} as const;

/** 社区矫正法 第二条: the four kinds of sentence executed in the community. */
export const sentenceTypes = {
  control: '管制',
  probation: '缓刑',
  parole: '假释',
  medicalParole: '暂予监外执行',
} as const;
export type SentenceType = keyof typeof sentenceTypes;

export const subjectStateLabels: Record<string, string> = {
  received: '已接收待报到',
  reported: '已报到待宣告',
  supervising: '在矫',
  released: '已解除矫正',
  terminated: '已终止矫正',
};

/** 社区矫正法 第二十四条: 分类管理 — the levels are local practice (宽松/普通/严格). */
export const levels = { lenient: '宽松', normal: '普通', strict: '严格' } as const;
export type Level = keyof typeof levels;

/** How a sentence in the community ends (社区矫正法 第四十四条 期满; 第四十五条 终止). */
export const endings = {
  expired: '期满解除',
  revoked: '撤销缓刑/假释',
  committed: '收监执行',
  death: '死亡',
  other: '其他终止',
} as const;
export type Ending = keyof typeof endings;

/** 日常监管 records (社区矫正法 第二十六条 报告, 第二十九条 信息化核查; 实施办法: 走访、视频点名). */
export const recordKinds = {
  report: '定期报告',
  visit: '走访',
  verification: '信息化核查',
  rollCall: '视频点名',
  education: '教育学习',
  communityService: '公益活动',
  groupMeeting: '矫正小组会议',
} as const;
export type RecordKind = keyof typeof recordKinds;

/** 考核 results each month (社区矫正法 第二十八条: 考核 is the basis of 奖惩). */
export const assessmentResults = { good: '好', fair: '一般', poor: '差' } as const;
export type AssessmentResult = keyof typeof assessmentResults;

/**
 * 奖惩 (社区矫正法 第二十八条) with who decides and the instrument: the 司法所 proposes, the county 社区矫正机构
 * decides (or proposes to the court / 公安 / 决定机关, who decide themselves).
 */
export const measures = {
  // 实施办法 第三十三条: 表扬 by the county 社区矫正机构.
  commendation: { label: '表扬', decidedBy: '县级社区矫正机构', cite: '社区矫正法 第二十八条；实施办法 第三十三条', instrument: null, sanction: false },
  // 实施办法 第三十五条: 训诫 decided by the county 社区矫正机构 (受委托的司法所 may propose).
  admonition: { label: '训诫', decidedBy: '县级社区矫正机构', cite: '社区矫正法 第二十八条；实施办法 第三十五条', instrument: 'corrections.admonition', sanction: true },
  // 实施办法 第三十六条: 警告 decided by the county 社区矫正机构.
  warning: { label: '警告', decidedBy: '县级社区矫正机构', cite: '社区矫正法 第二十八条；实施办法 第三十六条', instrument: 'corrections.warning', sanction: true },
  // 社区矫正法 第二十八条: 违反治安管理 → 提请公安机关依法给予处罚.
  securityPenalty: { label: '提请治安管理处罚', decidedBy: '公安机关', cite: '社区矫正法 第二十八条；实施办法 第三十七条', instrument: null, sanction: true },
  // 社区矫正法 第四十六条: 提请原判人民法院撤销缓刑、假释.
  revocation: { label: '提请撤销缓刑/假释', decidedBy: '人民法院', cite: '社区矫正法 第四十六条', instrument: 'corrections.revocationProposal', sanction: true },
  // 社区矫正法 第四十九条: 暂予监外执行 → 提请决定机关收监执行.
  committal: { label: '提请收监执行', decidedBy: '暂予监外执行决定机关', cite: '社区矫正法 第四十九条', instrument: 'corrections.committalProposal', sanction: true },
} as const;
export type Measure = keyof typeof measures;

export const measureStates = { proposed: '待审批', approved: '已决定', rejected: '不予批准', courtDecided: '法院/决定机关已裁决' } as const;

export const leaveStates = { pending: '待审批', approved: '已批准', rejected: '不予批准', escalated: '报上一级审批', returned: '已销假' } as const;

/** 安置帮教 risk levels (local practice). */
export const riskLevels = { low: '低', medium: '中', high: '高' } as const;
export type RiskLevel = keyof typeof riskLevels;

// ── periods and approval levels ─────────────────────────────────────────────────────────────────────────

/** 社区矫正法 第二十一条: 管制/缓刑/假释 report within 10 days of the judgment taking effect. */
export const REPORT_DAYS = 10;
export const REPORT_CITE = '社区矫正法 第二十一条';
/** 社区矫正法 第二十一条第二款: 暂予监外执行 — handed over to the 社区矫正机构 within 10 days of the decision. */
export const HANDOVER_DAYS = 10;
/** 社区矫正法 第二十条: the 决定机关 notifies within 5 days and delivers the 法律文书 within 10 days. */
export const NOTICE_DAYS = 5;
export const DOCUMENTS_DAYS = 10;
export const NOTICE_CITE = '社区矫正法 第二十条';
/** 社区矫正法 第十八条; 实施办法 第十四条: 调查评估 within 10 working days of the 委托 (速裁程序 5 working days). */
export const ASSESSMENT_WORKING_DAYS = 10;
export const ASSESSMENT_FAST_WORKING_DAYS = 5;
export const ASSESSMENT_CITE = '社区矫正法 第十八条；实施办法 第十四条';
/** 社区矫正法 第二十九条: 电子定位 ≤ 3 months each time, approved by the head of the county 司法行政部门. */
export const EFENCE_MONTHS = 3;
export const EFENCE_CITE = '社区矫正法 第二十九条';
export const LEAVE_CITE = '社区矫正法 第二十七条；实施办法 第二十六条至第二十八条';
export const RELOCATION_CITE = '社区矫正法 第二十七条；实施办法 第三十条';
export const RELEASE_CITE = '社区矫正法 第四十四条';
export const ASSESSMENT_MONTHLY_CITE = '社区矫正法 第二十八条（考核）；实施办法 第三十三条';
export const CONTACT_CITE = '社区矫正法 第二十三条、第二十四条（分类管理）';

/**
 * Local rules (DOMAIN.md §7 **local**), a setting with these defaults:
 *  - leave: ≤ 7 days approved by the 受委托 司法所, longer by the county 社区矫正机构, ≤ 30 days a trip; beyond that
 *    the 上一级 社区矫正机构 decides (社区矫正法 第二十七条, 第九条 委托; check the province's 实施细则).
 *  - contactDays: the longest gap between 报告/签到/核查 before a 脱管 alarm, per 分类管理 level (第二十四条).
 *  - assessmentDay: the monthly 考核 of month M is due by day N of month M+1.
 *  - followUpYears: 安置帮教 follow-up after release (default 5 years).
 */
export const SETTINGS_KEY = 'corrections.rules';
export interface CorrectionsRules {
  leaveOfficeMaxDays: number;
  leaveCountyMaxDays: number;
  contactDays: Record<Level, number>;
  assessmentDay: number;
  followUpYears: number;
}
export const defaultRules: CorrectionsRules = {
  leaveOfficeMaxDays: 7,
  leaveCountyMaxDays: 30,
  contactDays: { strict: 7, normal: 15, lenient: 30 },
  assessmentDay: 10,
  followUpYears: 5,
};

export type Approver = 'office' | 'county' | 'superior';
export const approverLabels: Record<Approver, string> = { office: '受委托的司法所', county: '县级社区矫正机构', superior: '上一级社区矫正机构' };

/** 外出 approval level by its length (社区矫正法 第二十七条; local limits). */
export function leaveApprover(days: number, rules: CorrectionsRules = defaultRules): Approver {
  if (days <= rules.leaveOfficeMaxDays) return 'office';
  if (days <= rules.leaveCountyMaxDays) return 'county';
  return 'superior';
}

/** Alarm kinds (脱管/漏管 and the rest), each with the rule it enforces. */
export const alarmKinds = {
  notReported: { label: '漏管：逾期未报到', cite: REPORT_CITE },
  lostContact: { label: '脱管：逾期未报告或签到', cite: CONTACT_CITE },
  assessmentMissing: { label: '上月未考核', cite: ASSESSMENT_MONTHLY_CITE },
  leaveOverdue: { label: '外出逾期未销假', cite: LEAVE_CITE },
  assessmentOverdue: { label: '调查评估逾期', cite: ASSESSMENT_CITE },
} as const;
export type AlarmKind = keyof typeof alarmKinds;

export const searchWords = ['社区矫正', '矫正对象', '安置帮教', '刑满释放', '暂予监外执行', '假释', '缓刑', '管制'];
