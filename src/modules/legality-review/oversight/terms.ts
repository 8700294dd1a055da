/**
 * The words and rules of 备案审查, 清理 campaigns and 重大行政决策 (DOMAIN.md §3), each with its source.
 */

export const FILING_ENTITY = 'normativeDocFiling';
export const CAMPAIGN_ENTITY = 'cleanupCampaign';
export const DECISION_ENTITY = 'majorDecision';

export const OPERM = {
  /** 报送备案 (departments, townships): submit own filings and answer 纠错. */
  filingSubmit: 'normativeDoc.filing.submit',
  filingRead: 'normativeDoc.filing.read',
  /** 司法局: 审查 filings, issue 纠错通知. */
  filingReview: 'normativeDoc.filing.review',
  cleanupRead: 'normativeDoc.cleanup.read',
  cleanupManage: 'normativeDoc.cleanup.manage',
  decisionRead: 'majorDecision.read',
  decisionManage: 'majorDecision.manage',
} as const;

/** 备案审查 states. */
export const filingStates = {
  pending: '待审查',
  filed: '准予备案',
  correcting: '纠错中',
  closed: '纠错办结',
} as const;
export type FilingState = keyof typeof filingStates;

/** 审查结论: 合法 / 不合法 / 不适当 (不合法 and 不适当 lead to 纠错). */
export const reviewResults = {
  lawful: '合法',
  unlawful: '不合法',
  inappropriate: '不适当',
} as const;
export type ReviewResult = keyof typeof reviewResults;

/** 纠正结果: the filer corrects or repeals the document itself; 未纠正 is recorded by the 司法局 after the deadline. */
export const correctionResults = {
  corrected: '已纠正',
  selfRepealed: '自行废止',
  notCorrected: '未纠正',
} as const;
export type CorrectionResult = keyof typeof correctionResults;

/**
 * Local rule: the 纠错通知 gives the 制定机关 a period to correct; default 30 days (calendar days, last day on a
 * 法定休假日 rolled forward, 民法典 第二百零三条), overridable per notice.
 */
export const DEFAULT_CORRECTION_DAYS = 30;

export const campaignStates = { active: '进行中', finished: '已完成' } as const;

/**
 * 重大行政决策程序 (重大行政决策程序暂行条例), in order. `optional` steps may be skipped with a reason
 * (DOMAIN.md §3: "Skipped optional steps record why").
 */
export const decisionSteps = {
  // 第十四条 (听取意见), 第十五条 (公开征求意见期限一般不少于30日；缩短的应当说明). 依法不予公开的事项除外 (第十四条).
  publicParticipation: { label: '公众参与', cite: '重大行政决策程序暂行条例 第十四条、第十五条', optional: true },
  // 第十九条: 专业性、技术性较强的决策事项 — when needed.
  expertArgument: { label: '专家论证', cite: '重大行政决策程序暂行条例 第十九条', optional: true },
  // 第二十二条: 可能对社会稳定、公共安全等方面造成不利影响的 — when needed.
  riskAssessment: { label: '风险评估', cite: '重大行政决策程序暂行条例 第二十二条', optional: true },
  // 第二十五条: 提交决策机关讨论前应当进行合法性审查; 第二十六条: 送审时间一般不少于7个工作日.
  legalityReview: { label: '合法性审查', cite: '重大行政决策程序暂行条例 第二十五条、第二十六条', optional: false },
  // 第三十条: 经决策机关常务会议或者全体会议讨论, 行政首长作出决定.
  collectiveDiscussion: { label: '集体讨论决定', cite: '重大行政决策程序暂行条例 第三十条', optional: false },
  // 第三十二条: 决策机关应当通过报刊、网络等途径及时公布重大行政决策.
  publication: { label: '公布', cite: '重大行政决策程序暂行条例 第三十二条', optional: false },
  // 第三十六条: 决策机关可以组织决策后评估.
  postEvaluation: { label: '后评估', cite: '重大行政决策程序暂行条例 第三十六条', optional: true },
} as const;
export type DecisionStep = keyof typeof decisionSteps;
export const decisionStepOrder = Object.keys(decisionSteps) as DecisionStep[];

/** 重大行政决策程序暂行条例 第十五条: 公开征求意见的期限一般不少于30日. */
export const MIN_COMMENT_DAYS = 30;
/** 重大行政决策程序暂行条例 第二十六条: 提交合法性审查的时间一般不少于7个工作日. */
export const MIN_LEGALITY_REVIEW_WORKING_DAYS = 7;

/** 合法性审查 results of a decision draft; 第二十五条: 经审查不合法的，不得提交决策机关讨论. */
export const decisionReviewResults = { lawful: '合法', lawfulAfterRevision: '修改后合法', unlawful: '不合法' } as const;
