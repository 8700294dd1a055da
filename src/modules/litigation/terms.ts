/**
 * The code tables of the 行政应诉 line: one English identifier per term (GLOSSARY.md), the Chinese label
 * for the UI, 台账 and 文书.
 */

export const plaintiffTypes = { person: '自然人', organization: '法人或其他组织' } as const;

/** 行为类别 of the contested act. */
export const actTypes = {
  penalty: '行政处罚',
  enforcement: '行政强制',
  licensing: '行政许可',
  registration: '行政登记/确认',
  expropriation: '征收征用及补偿',
  agreement: '行政协议',
  informationDisclosure: '政府信息公开',
  inaction: '不履行法定职责',
  compensation: '行政赔偿',
  other: '其他',
} as const;

export const procedures = { ordinary: '普通程序', summary: '简易程序' } as const;

export const levels = { first: '一审', second: '二审', retrial: '再审' } as const;

export const caseStatuses = { open: '审理中', closed: '已结案' } as const;

/**
 * How a case ends (行政诉讼法 第六十二条 撤诉, 第六十条 调解, 第六十九条–第七十八条 判决, 裁定驳回起诉).
 * `loss` marks 败诉 judgments for 行政诉讼败诉率 (DOMAIN.md §9).
 */
export const outcomes = {
  dismissClaim: { label: '判决驳回诉讼请求', kind: 'judgment', loss: false, cite: '行政诉讼法 第六十九条' },
  revoke: { label: '判决撤销（含部分撤销、责令重作）', kind: 'judgment', loss: true, cite: '行政诉讼法 第七十条' },
  confirmIllegal: { label: '判决确认违法', kind: 'judgment', loss: true, cite: '行政诉讼法 第七十四条' },
  confirmVoid: { label: '判决确认无效', kind: 'judgment', loss: true, cite: '行政诉讼法 第七十五条' },
  orderPerformance: { label: '判决责令履行', kind: 'judgment', loss: true, cite: '行政诉讼法 第七十二条、第七十三条' },
  alter: { label: '判决变更', kind: 'judgment', loss: true, cite: '行政诉讼法 第七十七条' },
  compensation: { label: '判决赔偿或补偿', kind: 'judgment', loss: true, cite: '行政诉讼法 第七十六条、第七十八条' },
  dismissSuit: { label: '裁定驳回起诉', kind: 'ruling', loss: false, cite: '行政诉讼法 第四十九条；适用解释 第六十九条' },
  withdrawnChanged: { label: '撤诉（行政机关改变行政行为）', kind: 'ruling', loss: false, cite: '行政诉讼法 第六十二条' },
  withdrawn: { label: '撤诉（未改变行政行为）', kind: 'ruling', loss: false, cite: '行政诉讼法 第六十二条' },
  mediated: { label: '调解结案', kind: 'mediation', loss: false, cite: '行政诉讼法 第六十条' },
} as const;

export type OutcomeCode = keyof typeof outcomes;
export const outcomeCodes = Object.keys(outcomes) as OutcomeCode[];
export const judgmentOutcomeCodes = outcomeCodes.filter((c) => outcomes[c].kind === 'judgment' || c === 'dismissSuit');
export const lossOutcomes = outcomeCodes.filter((c) => outcomes[c].loss);
export const outcomeLabel = (code: string | null | undefined) => (code ? (outcomes as Record<string, { label: string }>)[code]?.label ?? code : null);

/** 调解 is allowed only in these cases (行政诉讼法 第六十条第一款). */
export const mediationKinds = { compensation: '行政赔偿', indemnity: '行政补偿', discretion: '行使自由裁量权' } as const;

export const appellants = { organ: '行政机关', plaintiff: '原告', both: '双方' } as const;

/** 二审 dispositions (行政诉讼法 第八十九条). */
export const secondDispositions = { upheld: '驳回上诉，维持原判', reversed: '依法改判', appealWithdrawn: '撤回上诉' } as const;

export const mediationStages = { preLitigation: '诉前调解', inLitigation: '诉中调解' } as const;
export const mediationResults = { ongoing: '调解中', success: '调解成功', failed: '调解不成' } as const;

export const hearingStatuses = { scheduled: '已排期', held: '已开庭' } as const;

/** Reverse lookup for 台账 code columns: Chinese label → code. */
export const byLabel = <T extends Record<string, string | { label: string }>>(table: T): Record<string, keyof T & string> =>
  Object.fromEntries(Object.entries(table).map(([k, v]) => [typeof v === 'string' ? v : v.label, k])) as Record<string, keyof T & string>;
