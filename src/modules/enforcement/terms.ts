/**
 * The words and rules of 行政执法监督 (DOMAIN.md §4): codes stored in the database, the Chinese the UI and
 * 台账 show, and the local settings with their defaults and the rule each comes from.
 */

export const MODULE = 'enforcement';

export const PERM = {
  /** Read the line's records within the data scope (agency: its own; 执法监督科: the county). */
  read: 'enforcement.read',
  /** Agencies: report cases, inspections and officers; close 整改 items. */
  report: 'enforcement.report',
  /** 司法局: run clue detection, confirm/dismiss, 评查, issue 监督文书, complaints, campaigns, settings. */
  supervise: 'enforcement.supervise',
  indicators: 'enforcement.indicators',
} as const;

export const ENTITY = {
  agency: 'enforcementAgency',
  officer: 'enforcementOfficer',
  case: 'enforcementCase',
  inspection: 'enforcementInspection',
  clue: 'enforcementClue',
  jointTask: 'enforcementJointTask',
  campaign: 'enforcementCampaign',
  review: 'caseFileReview',
  doc: 'enforcementOversightDoc',
  rectification: 'rectification',
  complaint: 'enforcementComplaint',
} as const;

export const caseKinds = { penalty: '行政处罚', inspection: '行政检查', coercion: '行政强制' } as const;
export type CaseKind = keyof typeof caseKinds;
export const procedures = { ordinary: '一般程序', summary: '简易程序' } as const;
export type Procedure = keyof typeof procedures;

export const certificateTypes = { enforcement: '行政执法证', supervision: '行政执法监督证' } as const;
export type CertificateType = keyof typeof certificateTypes;

export const clueKinds = { repeat: '重复检查', multiAgency: '多头检查' } as const;
export type ClueKind = keyof typeof clueKinds;
export const clueStatuses = { open: '待核实', confirmed: '已确认', dismissed: '已排除' } as const;
export type ClueStatus = keyof typeof clueStatuses;

export const campaignKinds = { caseReview: '案卷评查', special: '专项监督' } as const;
export type CampaignKind = keyof typeof campaignKinds;

/** 行政执法监督条例 (2026-02-01): 监督通知书 / 监督决定书 / 建议书 (DOMAIN.md §4). */
export const docKinds = {
  notice: { label: '行政执法监督通知书', type: 'enforcement.oversightNotice' },
  decision: { label: '行政执法监督决定书', type: 'enforcement.oversightDecision' },
  suggestion: { label: '行政执法监督建议书', type: 'enforcement.oversightSuggestion' },
} as const;
export type DocKind = keyof typeof docKinds;

export const rectificationSources = { notice: '监督通知书', decision: '监督决定书', suggestion: '建议书', review: '案卷评查', clue: '检查线索', complaint: '投诉举报' } as const;
export const rectificationStatuses = { open: '整改中', closed: '已整改' } as const;

export const complaintCategories = {
  arbitraryFine: '乱罚款', arbitraryInspection: '乱检查', arbitrarySeizure: '乱查封', arbitraryCharge: '乱收费',
  profitDriven: '趋利性执法', offsite: '违规异地执法', caseNotFiled: '有案不立', qualification: '执法资格', other: '其他',
} as const;
export const complaintStatuses = { received: '待处理', handled: '已办结' } as const;

/**
 * Case flags: each rule once, with its citation. `check` in rules.ts evaluates them.
 *  - decisionOverdue: 行政处罚法 第六十条 — 一般程序 decided within 90 days of 立案 unless another law, 法规 or
 *    规章 provides otherwise (the reported 延长 days with their basis are added).
 *  - majorWithoutReview: 行政处罚法 第五十八条 — 重大执法决定 need 法制审核 before the decision.
 *  - publicationMissing / publicationLate: 行政处罚法 第四十八条 (具有一定社会影响的处罚决定 依法公开) with the
 *    window of 国办发〔2018〕118号 (执法决定作出之日起 7 个工作日内公开) — local setting.
 *  - withdrawalLate: 行政处罚法 第四十八条第二款 — a published decision that is 变更/撤销/确认违法/确认无效 is
 *    withdrawn within 3 days, which 第八十五条 makes working days.
 */
export const caseRules = {
  decisionOverdue: { label: '超期作出处罚决定', cite: '行政处罚法 第六十条', days: 90, unit: 'calendarDay' },
  majorWithoutReview: { label: '重大执法决定未经法制审核', cite: '行政处罚法 第五十八条' },
  publicationMissing: { label: '应公示未公示', cite: '行政处罚法 第四十八条；国办发〔2018〕118号' },
  publicationLate: { label: '逾期公示', cite: '行政处罚法 第四十八条；国办发〔2018〕118号' },
  withdrawalLate: { label: '变更撤销后未按期撤回公示', cite: '行政处罚法 第四十八条第二款、第八十五条', days: 3, unit: 'workingDay' },
} as const;
export type CaseRule = keyof typeof caseRules;

export interface ChecklistItem {
  key: string;
  label: string;
  points: number;
}

/**
 * Local rules (settings key `enforcement.rules`).
 *  - publicationDays: 执法决定 公示 within N working days (国办发〔2018〕118号: 7).
 *  - inspectionWindowDays: the 多头检查 / 重复检查 window (DOMAIN.md §4 **local**, default 30 days; the policy is
 *    国办发〔2024〕54号 严格规范涉企行政检查).
 *  - repeatAllowed: inspections of one enterprise on one matter by one agency allowed within the window.
 *  - checklist / passScore: 案卷评查 scoring (主体, 程序, 证据, 法律适用, 文书; 合格 at ≥ passScore).
 *  - certificateWarningDays: warn N days before a 执法证 expires.
 */
export const SETTINGS_KEY = 'enforcement.rules';
export interface EnforcementRules {
  publicationDays: number;
  inspectionWindowDays: number;
  repeatAllowed: number;
  checklist: ChecklistItem[];
  passScore: number;
  certificateWarningDays: number;
}
export const defaultRules: EnforcementRules = {
  publicationDays: 7,
  inspectionWindowDays: 30,
  repeatAllowed: 1,
  checklist: [
    { key: 'subject', label: '执法主体', points: 15 },
    { key: 'procedure', label: '执法程序', points: 30 },
    { key: 'evidence', label: '证据', points: 25 },
    { key: 'law', label: '法律适用', points: 20 },
    { key: 'documents', label: '执法文书', points: 10 },
  ],
  passScore: 80,
  certificateWarningDays: 60,
};
export const INSPECTION_CITE = '国办发〔2024〕54号（严格规范涉企行政检查）；检查窗口为地方规定';
export const REVIEW_CITE = '行政执法监督条例；案卷评查标准为地方规定';

export const label = <T extends Record<string, string | { label: string }>>(table: T, key: string | null | undefined) => {
  if (!key) return null;
  const v = table[key as keyof T];
  return v == null ? key : typeof v === 'string' ? v : v.label;
};
export const byLabel = (table: Record<string, string>) => Object.fromEntries(Object.entries(table).map(([k, v]) => [v, k]));
