/**
 * The words of 公共法律服务 (DOMAIN.md §6): 法律援助, 公证, 12348 法律咨询 and the service network — codes stored
 * in the database, the Chinese the UI, 文书 and 台账 show, and the rules each comes from.
 */

export const MODULE = 'legal-aid';
export const CASE_ENTITY = 'legalAidCase';
export const OBJECTION_ENTITY = 'legalAidObjection';
export const CASE_WORKFLOW = 'legalAid';
export const OBJECTION_WORKFLOW = 'legalAidObjection';

export const PERM = {
  /** 法律援助: read; 受理申请 (窗口登记、接收通知辩护); 审查决定、指派、结案、质量评估 (法律援助中心). */
  read: 'legalAid.read',
  register: 'legalAid.register',
  decide: 'legalAid.decide',
  /** 法律援助人员 (律师, 基层法律服务工作者): 办理进展 and 结案材料 of the cases assigned to them. */
  handle: 'legalAid.handle',
  /** 异议审查 by the 司法行政部门 (法律援助法 第四十九条). */
  objection: 'legalAid.objection',
  indicators: 'legalAid.indicators',
  notaryRead: 'notary.read',
  notaryManage: 'notary.manage',
  consultationRead: 'consultation.read',
  consultationManage: 'consultation.manage',
  networkRead: 'legalService.read',
  networkManage: 'legalService.manage',
} as const;

/** 法律援助 case types (DOMAIN.md §6; 值班律师 services are logged separately). */
export const caseTypes = { criminal: '刑事', civil: '民事', administrative: '行政' } as const;
export type CaseType = keyof typeof caseTypes;

/** How a case arrived: 窗口申请, 网上申请 (portal), 公检法 通知辩护/代理 (法律援助法 第三十六条). */
export const channels = { counter: '窗口申请', portal: '网上申请', notice: '通知辩护（公检法）' } as const;
export type Channel = keyof typeof channels;

export const caseStateLabels: Record<string, string> = {
  received: '待审查',
  supplementing: '补充材料中',
  granted: '已决定给予，待指派',
  denied: '不予法律援助',
  withdrawn: '视为撤回',
  assigned: '已指派，办理中',
  closed: '已结案，待评估',
  evaluated: '已质量评估',
  terminated: '已终止',
};

/** 法律援助人员 kinds (法律援助法 第十二条、第十三条). */
export const assigneeKinds = { lawyer: '律师', grassroots: '基层法律服务工作者', aidLawyer: '法律援助机构律师' } as const;
export type AssigneeKind = keyof typeof assigneeKinds;

/**
 * 经济困难 (法律援助法 第三十四条): the standard is set by the province and adjusted dynamically — **local**, a
 * setting with this default (家庭人均月收入 below twice the local 最低生活保障标准).
 */
export const ELIGIBILITY_KEY = 'legalAid.eligibility';
export interface EligibilityRules {
  /** 元 per person per month. */
  monthlyIncomePerCapita: number;
  basis: string;
}
export const defaultEligibility: EligibilityRules = { monthlyIncomePerCapita: 2340, basis: '家庭人均月收入低于当地最低生活保障标准（1170元）的2倍' };
export const ELIGIBILITY_CITE = '法律援助法 第三十四条';

/**
 * Grounds that take an applicant past the means test: 第三十二条 (no 经济困难 condition at all) and 第四十二条
 * (经济困难 presumed, 免予核查).
 */
export const meansGrounds = {
  income: { label: '经济困难（核查家庭收入）', cite: ELIGIBILITY_CITE, check: true },
  heroRelative: { label: '英雄烈士近亲属维护英雄烈士人格权益', cite: '法律援助法 第三十二条第一项', check: false },
  samaritan: { label: '因见义勇为行为主张相关民事权益', cite: '法律援助法 第三十二条第二项', check: false },
  wrongfulConviction: { label: '再审改判无罪请求国家赔偿', cite: '法律援助法 第三十二条第三项', check: false },
  domesticViolence: { label: '遭受虐待、遗弃或者家庭暴力的受害人主张相关权益', cite: '法律援助法 第三十二条第四项', check: false },
  vulnerable: { label: '无固定生活来源的未成年人、老年人、残疾人等特定群体', cite: '法律援助法 第四十二条第一项', check: false },
  relief: { label: '社会救助、司法救助或者优抚对象', cite: '法律援助法 第四十二条第二项', check: false },
  migrantWorker: { label: '申请支付劳动报酬或者请求工伤事故人身损害赔偿的进城务工人员', cite: '法律援助法 第四十二条第三项', check: false },
} as const;
export type MeansGround = keyof typeof meansGrounds;

/**
 * 质量评估 (DOMAIN.md §6): the assessor scores each item; the total decides the grade. Items and thresholds are
 * **local** practice (省 法律援助案件质量评估办法); these are the defaults.
 */
export const qualityItems = {
  timeliness: { label: '办案及时性（会见、阅卷、出庭）', max: 20 },
  communication: { label: '与受援人沟通', max: 15 },
  legalWork: { label: '法律文书质量与辩护/代理意见', max: 35 },
  outcome: { label: '办案效果（意见采纳情况）', max: 20 },
  file: { label: '卷宗材料规范完整', max: 10 },
} as const;
export type QualityItem = keyof typeof qualityItems;
export const qualityGrades = { excellent: '优秀', good: '良好', pass: '合格', fail: '不合格' } as const;
export type QualityGrade = keyof typeof qualityGrades;
/** Lowest total for each grade, best first. */
export const gradeThresholds: [QualityGrade, number][] = [['excellent', 90], ['good', 80], ['pass', 60], ['fail', 0]];
export const QUALITY_CITE = '法律援助法 第五十九条（法律援助服务质量评估）';

export function gradeOf(total: number): QualityGrade {
  for (const [g, min] of gradeThresholds) if (total >= min) return g;
  return 'fail';
}

/** 结案材料 the 法律援助人员 hands in (法律援助法 第五十条: 结案后 submit the 结案报告 and materials). */
export const closingMaterials = {
  report: '结案报告',
  judgment: '判决书、裁定书、调解书或其他法律文书',
  record: '会见、阅卷、调查笔录',
  opinion: '辩护词或代理词',
  feedback: '受援人反馈意见',
} as const;

/** 终止法律援助 grounds (法律援助法 第四十八条). */
export const terminationGrounds = {
  fraud: '受援人以欺骗或者其他不正当手段获得法律援助',
  noLongerPoor: '受援人不再符合法律援助的经济困难条件',
  matterEnded: '案件终止审理或者已经被撤销',
  otherCounsel: '受援人自行委托律师或者其他代理人',
  recipientRequest: '受援人有正当理由要求终止法律援助',
  misconduct: '受援人利用法律援助从事违法活动',
  falseInfo: '受援人故意隐瞒与案件有关的重要事实或者提供虚假证据',
  other: '法律法规规定的其他情形',
} as const;

export const objectionDecisions = { uphold: '维持法律援助机构的决定', correct: '责令法律援助机构改正' } as const;

/** 值班律师 places (法律援助法 第十四条). */
export const dutyPlaces = { court: '人民法院', procuratorate: '人民检察院', detention: '看守所' } as const;

// ── 公证 ──────────────────────────────────────────────────────────────────────────────────────────────────
export const notaryMatterTypes = {
  identity: '身份、学历、经历',
  kinship: '亲属关系',
  marital: '婚姻状况',
  noCriminal: '无犯罪记录',
  inheritance: '继承',
  will: '遗嘱',
  entrustment: '委托',
  declaration: '声明',
  contract: '合同协议',
  loan: '借款合同（赋予强制执行效力）',
  preservation: '保全证据',
  license: '营业执照、资格证书',
  other: '其他',
} as const;
export type NotaryMatterType = keyof typeof notaryMatterTypes;
/** 公证程序规则: 受理 → 审查 → 出证 (or 不予办理 / 终止). */
export const notaryStates = { accepted: '已受理', certified: '已出证', refused: '不予办理', terminated: '终止公证' } as const;
export type NotaryState = keyof typeof notaryStates;

// ── 12348 法律咨询 ─────────────────────────────────────────────────────────────────────────────────────────
export const consultationChannels = { hotline: '12348热线', window: '窗口', online: '网上咨询' } as const;
export type ConsultationChannel = keyof typeof consultationChannels;
export const consultationTopics = {
  marriage: '婚姻家庭',
  labor: '劳动争议',
  contract: '合同纠纷',
  debt: '借贷债务',
  property: '房产物业',
  land: '土地与宅基地',
  tort: '侵权赔偿',
  traffic: '交通事故',
  inheritance: '继承',
  criminal: '刑事',
  administrative: '行政争议',
  consumer: '消费维权',
  other: '其他',
} as const;
export type ConsultationTopic = keyof typeof consultationTopics;
export const referralTargets = { legalAid: '法律援助', mediation: '人民调解' } as const;
export const satisfactionLevels = { satisfied: '满意', fair: '基本满意', unsatisfied: '不满意' } as const;

// ── 服务网络 ───────────────────────────────────────────────────────────────────────────────────────────────
export const pointKinds = { center: '公共法律服务中心', station: '公共法律服务工作站', room: '公共法律服务工作室' } as const;
export type PointKind = keyof typeof pointKinds;
/** 15分钟公共法律服务圈: radius drawn on the map, in metres (≈ 15 minutes on foot / by bicycle; **local**). */
export const COVERAGE_RADIUS_M = 2000;
export const lawyerKinds = { fullTime: '专职律师', partTime: '兼职律师', government: '公职律师', corporate: '公司律师', aid: '法律援助律师', grassroots: '基层法律服务工作者' } as const;
export type LawyerKind = keyof typeof lawyerKinds;
/** 执业律师 for the 律师万人比 (DOMAIN.md §6): lawyers, not 基层法律服务工作者. */
export const practisingLawyerKinds: LawyerKind[] = ['fullTime', 'partTime', 'government', 'corporate', 'aid'];
export const assessmentResults = { competent: '称职', basicallyCompetent: '基本称职', incompetent: '不称职' } as const;
