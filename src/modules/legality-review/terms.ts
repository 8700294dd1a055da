/**
 * The words of 合法性审查 and 规范性文件 (DOMAIN.md §3): codes stored in the database and the Chinese the UI,
 * public register and 台账 show, with the rule each comes from.
 */

export const MODULE = 'legality-review';
export const DOC_ENTITY = 'normativeDocument';
export const REVIEW_ENTITY = 'legalityReview';
export const REVIEW_WORKFLOW = 'legalityReview';

export const PERM = {
  /** 规范性文件 register: read, and manage (登记、公布、备案、清理). */
  docRead: 'normativeDoc.read',
  docManage: 'normativeDoc.manage',
  /** 合法性审查: read, submit (承办机构), check completeness (镇党政综合办), review (法制审查员). */
  read: 'legality.read',
  submit: 'legality.submit',
  check: 'legality.check',
  review: 'legality.review',
  indicators: 'legality.indicators',
} as const;

/** 规范性文件 制定程序 stages: 起草 → 征求意见 → 合法性审核 → 集体审议 → 公布 (DOMAIN.md §3). */
export const stages = {
  drafting: '起草',
  commenting: '征求意见',
  reviewing: '合法性审核',
  deliberating: '集体审议',
  published: '已公布',
} as const;
export type Stage = keyof typeof stages;
export const stageOrder: Stage[] = ['drafting', 'commenting', 'reviewing', 'deliberating', 'published'];

/** 效力状态 of a published document, with the label the public register shows. */
export const statuses = {
  effective: { label: '有效', publicLabel: '现行有效' },
  expired: { label: '失效', publicLabel: '已失效' },
  repealed: { label: '废止', publicLabel: '已废止' },
  amended: { label: '修改', publicLabel: '已修改' },
} as const;
export type DocStatus = keyof typeof statuses;

/** 清理 outcomes (保留 / 修改 / 废止 / 宣布失效) and the status each leaves the document in. */
export const cleanupOutcomes = {
  keep: { label: '保留', status: 'effective' },
  amend: { label: '修改', status: 'amended' },
  repeal: { label: '废止', status: 'repealed' },
  declareInvalid: { label: '宣布失效', status: 'expired' },
} as const satisfies Record<string, { label: string; status: DocStatus }>;
export type CleanupOutcome = keyof typeof cleanupOutcomes;

/** 合法性审查 objects (DOMAIN.md §3). */
export const objectTypes = {
  normativeDocument: '行政规范性文件',
  contract: '行政合同/协议',
  majorDecision: '重大行政决策',
  meetingTopic: '政府常务会议议题',
  meetingMinutes: '会议纪要',
  enterprisePolicy: '涉企政策',
  other: '其他',
} as const;
export type ObjectType = keyof typeof objectTypes;

/** 审查意见 (DOMAIN.md §3). */
export const opinions = {
  lawful: '合法',
  lawfulAfterRevision: '修改后合法',
  unlawful: '不合法',
} as const;
export type Opinion = keyof typeof opinions;

/** Who is consulted on a review (法律顾问 / 公职律师, 国办发〔2018〕115号: 充分发挥法律顾问、公职律师作用). */
export const expertKinds = {
  legalAdviser: '法律顾问',
  publicLawyer: '公职律师',
  scholar: '专家学者',
} as const;
export type ExpertKind = keyof typeof expertKinds;

/**
 * The two review flows (DOMAIN.md §3): township — 承办机构 → 镇党政综合办 (completeness) → 司法所; county — 部门 →
 * 司法局 合法性审查中心 (the 中心 checks completeness itself). A matter reviewed by a 司法所 is township flow.
 */
export const flows = {
  township: '乡镇流程（承办机构 → 党政综合办 → 司法所）',
  county: '县级流程（部门 → 司法局合法性审查中心）',
} as const;
export type Flow = keyof typeof flows;
/** The 司法局's reviewing division (county flow), by its name in the org tree. */
export const REVIEW_CENTER_NAME = '合法性审查中心';

/** How a matter came in: run through the workflow, logged in a 会议纪要 batch, or imported from a 审查台账. */
export const entryModes = {
  workflow: '流程办理',
  batch: '批量登记',
  import: '台账导入',
} as const;
export type EntryMode = keyof typeof entryModes;

export const reviewStateLabels: Record<string, string> = {
  submitted: '待综合办审核',
  returned: '退回承办机构',
  reviewing: '审查中',
  supplementing: '补充材料中',
  opinionIssued: '已出具审查意见',
  adopted: '已反馈采纳情况',
  archived: '已归档',
  withdrawn: '已撤回',
};
/** County flow: no 党政综合办 — the 中心 receives the materials and checks them itself. */
export const countyStateLabels: Record<string, string> = { ...reviewStateLabels, submitted: '待审查中心受理', returned: '退回送审部门' };
export const countyTransitionLabels: Record<string, string> = { accept: '材料齐全，受理审查', return: '材料不全，退回送审部门' };

/**
 * Local rules (DOMAIN.md §3 marks them **local**): settings with these defaults.
 *  - filingDays: 规范性文件 公布后 N 日内报上一级备案. 法规规章备案审查条例 第四条 uses 30 days for 法规/规章;
 *    provinces set the period for 规范性文件 (浙江省行政规范性文件管理办法: 30 days).
 *  - validityYears / provisionalValidityYears: 有效期 ≤ 5 years; 暂行/试行 ≤ 2 years.
 *  - expiryWarningDays: warn 90 days before 有效期 ends.
 */
export const SETTINGS_KEY = 'normativeDoc.rules';
export interface DocRules {
  filingDays: number;
  validityYears: number;
  provisionalValidityYears: number;
  expiryWarningDays: number;
  /** 文件码 prefix, e.g. 'WY' → WY-2025-0012; default: the region code. */
  codePrefix: string | null;
}
export const defaultDocRules: DocRules = { filingDays: 30, validityYears: 5, provisionalValidityYears: 2, expiryWarningDays: 90, codePrefix: null };
export const FILING_CITE = '法规规章备案审查条例 第四条；省规定（浙江省行政规范性文件管理办法）';
export const VALIDITY_CITE = '省规定（行政规范性文件有效期一般不超过5年，暂行、试行不超过2年）';
/** 国办发〔2018〕115号: 合法性审核 generally ≥ 5 and ≤ 15 working days. */
export const REVIEW_CITE = '国办发〔2018〕115号';

/** Domain words jieba should keep whole in titles (search quality). */
export const searchWords = ['裁量基准', '规范性文件', '合法性审查', '涉企政策', '行政处罚', '实施细则', '管理办法', '暂行办法', '实施意见', '补助资金', '乡村振兴', '温泉'];

/** 暂行 / 试行 documents have the shorter 有效期. */
export const isProvisionalTitle = (title: string) => /暂行|试行/.test(title);
