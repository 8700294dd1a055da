/**
 * 法治政府建设年度报告 (DOMAIN.md §8) as data: the five statutory sections in order, the statutory dates, the
 * approval route and the categories of the 报告素材 register that feed sections 1–5.
 */

export const PERM = {
  read: 'annualReport.read',
  edit: 'annualReport.edit',
  inputs: 'annualReport.inputs',
  deputyApprove: 'annualReport.deputyApprove',
  headApprove: 'annualReport.headApprove',
  publish: 'annualReport.publish',
} as const;

export const ENTITY_TYPE = 'annualReport';
export const INPUT_ENTITY_TYPE = 'annualReportInput';
export const WORKFLOW_KEY = 'annualReport.approval';

export type SectionKey = 'achievements' | 'shortcomings' | 'responsibility' | 'plans' | 'other';

/**
 * 法治政府建设与责任落实督察工作规定 第二十五条: the report covers, in this order, (1) 主要举措和成效, (2) 存在的不足和原因,
 * (3) 党政主要负责人履行推进法治建设第一责任人职责情况, (4) 下一年度主要安排, (5) 其他需要报告的情况.
 * 上一年度 is the report's year, 下一年度 the year after.
 */
export const SECTIONS: { key: SectionKey; heading: (year: number) => string }[] = [
  { key: 'achievements', heading: (y) => `${y}年度推进法治政府建设的主要举措和成效` },
  { key: 'shortcomings', heading: (y) => `${y}年度推进法治政府建设存在的不足和原因` },
  { key: 'responsibility', heading: (y) => `${y}年度党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况` },
  { key: 'plans', heading: (y) => `${y + 1}年度推进法治政府建设的主要安排` },
  { key: 'other', heading: () => '其他需要报告的情况' },
];

export const SECTION_CITE = '法治政府建设与责任落实督察工作规定 第二十五条';

/**
 * 法治政府建设与责任落实督察工作规定 第二十四条: reported to the level above (and the 党委, 人大常委会) by 1 March,
 * published to the public by 1 April of the following year.
 */
export const STATUTORY_DATES = {
  submit: { monthDay: '03-01', label: '报送上级', cite: '法治政府建设与责任落实督察工作规定 第二十四条' },
  publish: { monthDay: '04-01', label: '向社会公开', cite: '法治政府建设与责任落实督察工作规定 第二十四条' },
} as const;

export const dueDates = (year: number) => ({
  submitBy: `${year + 1}-${STATUTORY_DATES.submit.monthDay}`,
  publishBy: `${year + 1}-${STATUTORY_DATES.publish.monthDay}`,
});

/** 报告素材 the bureau records during the year; each category feeds one section. */
export const INPUT_CATEGORIES = {
  measure: { label: '主要举措和成效', section: 'achievements' },
  problem: { label: '存在的不足和原因（含督察发现问题）', section: 'shortcomings' },
  duty: { label: '第一责任人履职情况', section: 'responsibility' },
  plan: { label: '下一年度工作安排', section: 'plans' },
  other: { label: '其他需要报告的情况', section: 'other' },
} as const satisfies Record<string, { label: string; section: SectionKey }>;
export type InputCategory = keyof typeof INPUT_CATEGORIES;
export const inputCategoryKeys = Object.keys(INPUT_CATEGORIES) as [InputCategory, ...InputCategory[]];

/** Approval route 科室拟稿 → 分管领导审核 → 主要负责人审批 → 公开. */
export const STATES = {
  drafting: '科室拟稿',
  deputyReview: '分管领导审核',
  headReview: '主要负责人审批',
  approved: '已审定',
  published: '已公开',
} as const;
export type ReportState = keyof typeof STATES;

/** Figures in the prose are tokens, never typed numbers: {{key}} the value, {{key|prev}} last year's, {{key|change}} 同比. */
export const TOKEN_RE = /\{\{([A-Za-z][\w.]*)(?:\|(prev|change))?\}\}/g;
