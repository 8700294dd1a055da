/**
 * Code tables of the 人民调解 line (GLOSSARY: mediation): one English identifier per term, the Chinese label for
 * the UI, 台账 and 文书.
 */

/** 纠纷来源 (DOMAIN.md §5: 主动排查, 当事人申请 incl. the portal, 法院委派 诉前调解, 公安/信访 移交). */
export const sources = {
  screening: '主动排查',
  application: '当事人申请',
  portal: '网上申请',
  courtReferral: '法院委派（诉前调解）',
  police: '公安移交',
  petition: '信访移交',
} as const;
export type Source = keyof typeof sources;

/** 纠纷类型, as in the 司法行政 人民调解 statistics. */
export const disputeTypes = {
  marriageFamily: '婚姻家庭纠纷',
  neighbor: '邻里纠纷',
  housingHomestead: '房屋宅基地纠纷',
  contract: '合同纠纷',
  business: '生产经营纠纷',
  damages: '损害赔偿纠纷',
  landForest: '山林土地纠纷',
  demolition: '征地拆迁纠纷',
  environment: '环境污染纠纷',
  labor: '劳动争议纠纷',
  medical: '医疗纠纷',
  traffic: '道路交通事故纠纷',
  property: '物业纠纷',
  consumer: '消费纠纷',
  other: '其他纠纷',
} as const;
export type DisputeType = keyof typeof disputeTypes;

/** 调解委员会 levels; 分级递进 escalates village → township → county (DOMAIN.md §5). */
export const committeeLevels = { village: '村（社区）调解委员会', township: '乡镇（街道）调解委员会', county: '县级调解委员会', industry: '行业性专业性调解委员会' } as const;
export type CommitteeLevel = keyof typeof committeeLevels;
/** The next level up in 分级递进; county and industry committees are the top. */
export const escalationTarget: Record<CommitteeLevel, CommitteeLevel | null> = { village: 'township', township: 'county', county: null, industry: 'county' };

export const mediatorKinds = { fullTime: '专职', partTime: '兼职' } as const;
export const genders = { male: '男', female: '女' } as const;

export const outcomes = { success: '调解成功', failure: '调解不成功', terminated: '终止调解' } as const;
export type Outcome = keyof typeof outcomes;

/** 人民调解法 第二十九条 (书面调解协议) / 第三十条 (口头协议). */
export const agreementTypes = { written: '书面调解协议', oral: '口头协议' } as const;

export const performances = { fulfilled: '已履行', partial: '部分履行', unfulfilled: '未履行' } as const;

export const caseStatuses = { open: '办理中', closed: '已结案' } as const;

export const confirmationStatuses = { none: '—', awaiting: '待申请司法确认', applied: '已申请司法确认', confirmed: '法院确认有效', rejected: '法院驳回申请', abandoned: '当事人未申请' } as const;

export const label = <T extends Record<string, string>>(table: T, code: string | null | undefined) => (code ? ((table as Record<string, string>)[code] ?? code) : null);

/** Reverse lookup for 台账 code columns: Chinese label → code. */
export const byLabel = <T extends Record<string, string>>(table: T): Record<string, keyof T & string> =>
  Object.fromEntries(Object.entries(table).map(([k, v]) => [v, k])) as Record<string, keyof T & string>;
