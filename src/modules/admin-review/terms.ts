/**
 * The words of 行政复议 (GLOSSARY: adminReview): codes stored in the database and the Chinese the UI,
 * 文书 and 台账 show, each with the article it comes from (行政复议法 2023).
 */

export const MODULE = 'admin-review';
export const ENTITY_TYPE = 'adminReviewCase';
export const WORKFLOW = 'adminReview';
export const FOLLOW_UP_WORKFLOW = 'adminReviewFollowUp';

export const PERM = {
  read: 'adminReview.read',
  register: 'adminReview.register',
  handle: 'adminReview.handle',
  approve: 'adminReview.approve',
  import: 'adminReview.import',
  indicators: 'adminReview.indicators',
} as const;

/** 行为类别 of the contested act. */
export const actTypes = {
  penalty: '行政处罚',
  coercion: '行政强制',
  licensing: '行政许可',
  confirmation: '行政确认',
  infoDisclosure: '政府信息公开',
  agreement: '行政协议',
  nonPerformance: '不履行法定职责',
  other: '其他',
} as const;
export type ActType = keyof typeof actTypes;

export const applicantTypes = { person: '自然人', organization: '法人或其他组织' } as const;
export type ApplicantType = keyof typeof applicantTypes;

export const procedures = { summary: '简易程序', ordinary: '普通程序' } as const;
export type Procedure = keyof typeof procedures;

export const channels = { counter: '窗口登记', portal: '网上申请', ledger: '台账导入', mail: '邮寄' } as const;
export type Channel = keyof typeof channels;

/** 行政复议决定 — exactly one per decided case (行政复议法 第六十三条至第六十九条, 第三十三条, 第七十一条). */
export const decisionKinds = {
  alter: { label: '变更', cite: '行政复议法 第六十三条' },
  revoke: { label: '撤销', cite: '行政复议法 第六十四条' },
  partialRevoke: { label: '部分撤销', cite: '行政复议法 第六十四条' },
  revokeAndRedo: { label: '撤销并责令重新作出', cite: '行政复议法 第六十四条' },
  confirmIllegal: { label: '确认违法', cite: '行政复议法 第六十五条' },
  orderPerformance: { label: '责令履行', cite: '行政复议法 第六十六条' },
  confirmVoid: { label: '确认无效', cite: '行政复议法 第六十七条' },
  uphold: { label: '维持', cite: '行政复议法 第六十八条' },
  dismiss: { label: '驳回行政复议请求', cite: '行政复议法 第六十九条' },
  compensation: { label: '行政赔偿', cite: '行政复议法 第七十一条、第七十二条' },
  dismissApplication: { label: '驳回行政复议申请', cite: '行政复议法 第三十三条' },
} as const;
export type DecisionKind = keyof typeof decisionKinds;

/** Grounds of 终止 (行政复议法 第四十一条; 和解 第七十四条). */
export const terminationGrounds = {
  withdrawn: { label: '申请人撤回行政复议申请', cite: '行政复议法 第四十一条第一项' },
  settlementWithdrawn: { label: '和解后撤回行政复议申请', cite: '行政复议法 第七十四条' },
  applicantDied: { label: '申请人死亡且无近亲属或近亲属放弃', cite: '行政复议法 第四十一条第二项' },
  organizationEnded: { label: '法人或其他组织终止且无承受权利者或其放弃', cite: '行政复议法 第四十一条第三项' },
  criminalMeasure: { label: '申请人因同一违法行为被采取刑事强制措施', cite: '行政复议法 第四十一条第四项' },
  suspensionLapsed: { label: '中止满六十日中止原因仍未消除', cite: '行政复议法 第四十一条第五项' },
  otherTermination: { label: '其他依法应当终止的情形', cite: '行政复议法 第四十一条' },
} as const;
export type TerminationGround = keyof typeof terminationGrounds;

/** Grounds of 中止 (行政复议法 第三十九条第一款); ①②④ lasting 60 days lead to 终止 (第四十一条). */
export const suspensionGrounds = {
  g1: '作为申请人的公民死亡，其近亲属尚未确定是否参加行政复议',
  g2: '作为申请人的公民丧失参加行政复议的行为能力，尚未确定法定代理人参加行政复议',
  g3: '作为申请人的公民下落不明',
  g4: '作为申请人的法人或者其他组织终止，尚未确定权利义务承受人',
  g5: '申请人、被申请人因不可抗力或者其他正当理由，不能参加行政复议',
  g6: '依照本法规定进行调解、和解，申请人和被申请人同意中止',
  g7: '行政复议案件涉及的法律适用问题需要有权机关作出解释或者确认',
  g8: '行政复议案件审理需要以其他案件的审理结果为依据，而其他案件尚未审结',
  g9: '申请人提出对有关规范性文件的附带审查申请或者对有关规范性文件或者依据进行审查',
  g10: '需要中止行政复议的其他情形',
} as const;
export type SuspensionGround = keyof typeof suspensionGrounds;
/** 中止 on these grounds for 60 days ⇒ 终止 (行政复议法 第四十一条第五项). */
export const lapsingGrounds: SuspensionGround[] = ['g1', 'g2', 'g4'];

/** How a case ended: a decision kind, 调解 (第七十三条), a 终止 ground, or refused at the door. */
export const outcomes: Record<string, { label: string; ending: 'decision' | 'mediation' | 'termination' | 'rejection'; cite: string }> = {
  ...Object.fromEntries(Object.entries(decisionKinds).map(([k, v]) => [k, { label: v.label, ending: 'decision' as const, cite: v.cite }])),
  mediation: { label: '调解结案', ending: 'mediation', cite: '行政复议法 第七十三条' },
  ...Object.fromEntries(Object.entries(terminationGrounds).map(([k, v]) => [k, { label: `终止（${v.label}）`, ending: 'termination' as const, cite: v.cite }])),
  rejected: { label: '不予受理', ending: 'rejection', cite: '行政复议法 第三十条' },
  transferred: { label: '转送', ending: 'rejection', cite: '行政复议法 第三十二条' },
  abandoned: { label: '视为放弃申请', ending: 'rejection', cite: '行政复议法 第三十一条' },
};

/** 纠错 (DOMAIN.md §9): 撤销+部分撤销+责令重作+变更+确认违法+确认无效+责令履行. */
export const correctionOutcomes: string[] = ['alter', 'revoke', 'partialRevoke', 'revokeAndRedo', 'confirmIllegal', 'confirmVoid', 'orderPerformance'];
/** 调撤 (DOMAIN.md §9): 调解结案 + 和解/撤回终止. */
export const mediatedWithdrawnOutcomes: string[] = ['mediation', 'settlementWithdrawn', 'withdrawn'];
/** Endings that conclude an accepted case (审结 = concluded in the period by any ending). */
export const concludingOutcomes: string[] = Object.entries(outcomes).filter(([, o]) => o.ending !== 'rejection').map(([k]) => k);

export const stateLabels: Record<string, string> = {
  applied: '待受理审查',
  amending: '补正中',
  hearing: '审理中',
  suspended: '中止',
  decided: '已作出复议决定',
  mediated: '调解结案',
  terminated: '终止',
  rejected: '不予受理',
  transferred: '已转送',
  abandoned: '视为放弃申请',
};
