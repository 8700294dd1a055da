/**
 * 行政应诉 as data: the lawsuit's stages and every period, each citing its article (DOMAIN.md §2).
 * All periods here are calendar days: 行政诉讼法 第一百零一条 applies 民事诉讼法 第八十五条 — the start day is
 * not counted and a period whose last day is a 法定休假日 ends on the next working day (the engine and the
 * calendar do the counting; this file only declares).
 */
import { z } from 'zod';
import { registerWorkflow } from '../../platform/workflow/registry';
import { isoDate } from '../../platform/http/schemas';
import { appellants, judgmentOutcomeCodes, mediationKinds, outcomeCodes, outcomes, secondDispositions } from './terms';

export const LITIGATION_READ = 'litigation.read';
export const LITIGATION_MANAGE = 'litigation.manage';
export const LITIGATION_SETTINGS = 'litigation.settings';

const keys = <T extends Record<string, unknown>>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];
const text = (label: string, max = 4000) => z.string().trim().min(1, `请填写${label}`).max(max);
const optText = (max = 4000) => z.string().trim().max(max).optional();

/** 法院立案: the court's 审限 counts from its 立案之日. */
const filingData = z.object({
  filedDate: isoDate,
  procedure: z.enum(keys({ ordinary: 1, summary: 1 }), { message: '请选择审理程序（普通程序或简易程序）' }),
});

const defenceData = z.object({
  date: isoDate,
  evidenceCount: z.coerce.number().int().min(0, '证据数量不能为负数').max(10000),
  note: optText(),
});

/** 一审 裁判: a judgment (第六十九条–第七十八条) or a ruling dismissing the suit; the appeal period depends on which (第八十五条). */
const firstJudgmentData = z
  .object({
    /** 裁判文书送达之日: the appeal period runs from service (第八十五条). */
    servedDate: isoDate,
    judgmentDate: isoDate,
    outcome: z.enum(judgmentOutcomeCodes as [string, ...string[]], { message: '请选择一审裁判结果' }),
    note: optText(),
  })
  .transform((d) => ({ ...d, documentKind: outcomes[d.outcome as keyof typeof outcomes].kind as 'judgment' | 'ruling' }));

const withdrawData = z.object({
  date: isoDate,
  /** 撤诉 after the organ changed its act (第六十二条) is reported apart from a plain withdrawal. */
  changedAct: z.boolean({ message: '请选择行政机关是否改变了被诉行政行为' }),
  note: optText(),
});

const mediateData = z.object({
  date: isoDate,
  // 行政诉讼法 第六十条第一款: only 行政赔偿、补偿 and 自由裁量权 cases may be mediated.
  kind: z.enum(keys(mediationKinds), { message: '调解仅适用于行政赔偿、补偿及行使自由裁量权的案件（行政诉讼法第六十条）' }),
  amount: z.coerce.number().min(0).optional(),
  note: optText(),
});

const appealData = z.object({
  date: isoDate,
  appellant: z.enum(keys(appellants), { message: '请选择上诉人' }),
  caseNumber: optText(100),
  note: optText(),
});

const decisionNote = z.object({ date: isoDate, reason: text('不上诉的理由', 2000) });
const effectiveData = z.object({ date: isoDate, note: optText() });

const secondJudgmentData = z
  .object({
    date: isoDate,
    disposition: z.enum(keys(secondDispositions), { message: '请选择二审结果' }),
    /** Only for 改判: the outcome the 二审 judgment gives. */
    outcome: z.enum(outcomeCodes as [string, ...string[]]).optional(),
    note: optText(),
  })
  .refine((d) => d.disposition !== 'reversed' || !!d.outcome, { message: '二审改判的，请选择改判后的结果', path: ['outcome'] });

const remandData = z.object({ date: isoDate, note: optText() });
const retrialData = z.object({ date: isoDate, caseNumber: optText(100), note: optText() });
const retrialJudgmentData = z.object({ date: isoDate, outcome: z.enum(outcomeCodes as [string, ...string[]], { message: '请选择再审结果' }), note: optText() });

const openStates = ['firstInstance', 'secondInstance', 'retrial'];

export const litigationWorkflow = registerWorkflow({
  key: 'litigation',
  label: '行政应诉案件',
  entityType: 'litigationCase',
  initial: 'firstInstance',
  readPermission: LITIGATION_READ,
  link: '/litigation/cases/:entityId',
  states: {
    firstInstance: { label: '一审审理中' },
    firstJudged: { label: '一审已裁判（上诉期内）' },
    secondInstance: { label: '二审审理中' },
    retrial: { label: '再审审理中' },
    closed: { label: '已结案', final: true },
  },
  transitions: [
    { key: 'recordFiling', label: '登记法院立案', from: ['firstInstance'], to: 'firstInstance', permission: LITIGATION_MANAGE, data: filingData, dateField: 'filedDate' },
    { key: 'submitDefence', label: '提交答辩状及证据', from: ['firstInstance'], to: 'firstInstance', permission: LITIGATION_MANAGE, data: defenceData, dateField: 'date' },
    { key: 'firstJudgment', label: '一审裁判送达', from: ['firstInstance'], to: 'firstJudged', permission: LITIGATION_MANAGE, data: firstJudgmentData as never, dateField: 'servedDate' },
    { key: 'waiveAppeal', label: '决定不上诉', from: ['firstJudged'], to: 'firstJudged', permission: LITIGATION_MANAGE, data: decisionNote, dateField: 'date' },
    { key: 'appeal', label: '提起上诉', from: ['firstJudged'], to: 'secondInstance', permission: LITIGATION_MANAGE, data: appealData, dateField: 'date' },
    { key: 'judgmentEffective', label: '一审裁判生效（未上诉）', from: ['firstJudged'], to: 'closed', permission: LITIGATION_MANAGE, data: effectiveData, dateField: 'date' },
    { key: 'secondJudgment', label: '二审裁判', from: ['secondInstance'], to: 'closed', permission: LITIGATION_MANAGE, data: secondJudgmentData as never, dateField: 'date' },
    { key: 'remand', label: '发回重审', from: ['secondInstance'], to: 'firstInstance', permission: LITIGATION_MANAGE, data: remandData, dateField: 'date' },
    { key: 'withdraw', label: '原告撤诉', from: openStates, to: 'closed', permission: LITIGATION_MANAGE, data: withdrawData, dateField: 'date' },
    { key: 'mediate', label: '调解结案', from: openStates, to: 'closed', permission: LITIGATION_MANAGE, data: mediateData, dateField: 'date' },
    { key: 'startRetrial', label: '进入再审', from: ['closed'], to: 'retrial', permission: LITIGATION_MANAGE, data: retrialData, dateField: 'date' },
    { key: 'retrialJudgment', label: '再审裁判', from: ['retrial'], to: 'closed', permission: LITIGATION_MANAGE, data: retrialJudgmentData, dateField: 'date' },
  ],
  deadlines: [
    // 行政诉讼法 第六十七条第一款: 被告 submits the 答辩状 and its evidence within 15 days of receiving the 起诉状副本.
    { key: 'defence', label: '提交答辩状及证据', after: 'start', days: 15, unit: 'calendarDay', until: ['submitDefence'], cite: '行政诉讼法 第六十七条' },
    // 行政诉讼法 第八十一条: 一审 judged within 6 months of 立案 — the court's period, tracked as information;
    // months end on the corresponding day (民法典 第二百零二条).
    { key: 'firstInstanceTerm', label: '一审审限（法院，六个月）', after: 'recordFiling', days: 6, unit: 'month', until: ['firstJudgment', 'withdraw', 'mediate'], cite: '行政诉讼法 第八十一条', when: (d) => d.procedure === 'ordinary' },
    // 行政诉讼法 第八十三条: 简易程序 cases are concluded within 45 days of 立案.
    { key: 'summaryTerm', label: '简易程序审限（法院，45日）', after: 'recordFiling', days: 45, unit: 'calendarDay', until: ['firstJudgment', 'withdraw', 'mediate'], cite: '行政诉讼法 第八十三条', when: (d) => d.procedure === 'summary' },
    // 行政诉讼法 第八十五条: appeal within 15 days of service of a 判决书, 10 days of a 裁定书 — the organ decides by then.
    { key: 'appealJudgment', label: '上诉期（判决，15日）', after: 'firstJudgment', days: 15, unit: 'calendarDay', until: ['appeal', 'waiveAppeal', 'judgmentEffective'], cite: '行政诉讼法 第八十五条', when: (d) => d.documentKind === 'judgment' },
    { key: 'appealRuling', label: '上诉期（裁定，10日）', after: 'firstJudgment', days: 10, unit: 'calendarDay', until: ['appeal', 'waiveAppeal', 'judgmentEffective'], cite: '行政诉讼法 第八十五条', when: (d) => d.documentKind === 'ruling' },
    // 行政诉讼法 第八十八条: 二审 judged within 3 months of receiving the appeal — information.
    { key: 'secondInstanceTerm', label: '二审审限（法院，三个月）', after: 'appeal', days: 3, unit: 'month', until: ['secondJudgment', 'remand', 'withdraw', 'mediate'], cite: '行政诉讼法 第八十八条' },
  ],
});

/**
 * 司法建议 (行政诉讼法 第六十六条 and 最高人民法院《关于加强司法建议工作的意见》): the organ replies within the
 * period the court sets; local default 60 days (setting `litigation.suggestionReplyDays`). service.ts passes
 * the setting's value as the deadline's `deadlineDays` when a suggestion is registered; it is stored with it.
 */

export const suggestionWorkflow = registerWorkflow({
  key: 'litigationSuggestion',
  label: '司法建议办理',
  entityType: 'litigationSuggestion',
  initial: 'received',
  readPermission: LITIGATION_READ,
  link: '/litigation/suggestions/:entityId',
  states: {
    received: { label: '待回复' },
    replied: { label: '已回复', final: true },
  },
  transitions: [
    {
      key: 'reply',
      label: '回复司法建议',
      from: ['received'],
      to: 'replied',
      permission: LITIGATION_MANAGE,
      data: z.object({ date: isoDate, content: text('回复内容', 8000) }),
      dateField: 'date',
      instruments: [{ type: 'litigation.suggestionReply' }],
    },
  ],
  deadlines: [
    {
      key: 'reply',
      label: '回复司法建议',
      after: 'start',
      days: 60,
      unit: 'calendarDay',
      until: ['reply'],
      cite: '行政诉讼法 第六十六条；司法建议回复期限（本地设置，默认60日）',
    },
  ],
});
