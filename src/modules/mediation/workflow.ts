/**
 * 人民调解 as data (人民调解法; DOMAIN.md §5): the case's states, transitions and every period, each citing its
 * source. The engine counts the days; service.ts keeps the case row (handling committee, outcome, dates) in step.
 */
import { z } from 'zod';
import { registerWorkflow } from '../../platform/workflow/registry';
import { isoDate } from '../../platform/http/schemas';
import { agreementTypes, performances } from './terms';

export const MEDIATION_READ = 'mediation.read';
export const MEDIATION_MANAGE = 'mediation.manage';
/** 调解委员会、调解员、专家库 and the line's settings. */
export const MEDIATION_REGISTRY = 'mediation.registry';
/** A court's liaison: refers 诉前调解 cases, follows them, enters the court's monthly 一审民商事收案数. */
export const MEDIATION_COURT = 'mediation.court';

const keys = <T extends Record<string, unknown>>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];
const text = (label: string, max = 4000) => z.string().trim().min(1, `请填写${label}`).max(max);
const optText = (max = 4000) => z.string().trim().max(max).optional();

/** 超时预警: the local period (setting `mediation.settings` termDays, default 30 days) — see DOMAIN.md §5. */
export const TERM_CITE = '人民调解工作若干规定（调解纠纷一般在一个月内调结）；本地设置，默认30日';
/** 诉前委派调解: 30 days, extendable with the parties' consent (DOMAIN.md §5). */
export const COURT_WINDOW_CITE = '最高人民法院关于人民法院特邀调解的规定 第二十七条';
export const COURT_WINDOW_DAYS = 30;
/** The extension the parties agree to (local practice: at most another 30 days, once). */
export const COURT_EXTENSION_DAYS = 30;

const dated = z.object({ date: isoDate, note: optText() });

export const mediationWorkflow = registerWorkflow({
  key: 'mediation',
  label: '人民调解案件',
  entityType: 'mediationCase',
  initial: 'registered',
  readPermission: MEDIATION_READ,
  link: '/mediation/cases/:entityId',
  states: {
    registered: { label: '已登记（待受理）' },
    accepted: { label: '已受理（待分派）' },
    mediating: { label: '调解中' },
    concluded: { label: '已结案（待回访）' },
    archived: { label: '已回访归档', final: true },
    rejected: { label: '不予受理', final: true },
  },
  transitions: [
    { key: 'accept', label: '受理', from: ['registered'], to: 'accepted', permission: MEDIATION_MANAGE, data: dated, dateField: 'date' },
    // 人民调解法 第十七条: 当事人一方明确拒绝调解的，不得调解.
    { key: 'reject', label: '不予受理', from: ['registered'], to: 'rejected', permission: MEDIATION_MANAGE, data: z.object({ date: isoDate, reason: text('不予受理的理由', 2000) }), dateField: 'date' },
    { key: 'dispatch', label: '分派调解', from: ['accepted', 'mediating'], to: 'mediating', permission: MEDIATION_MANAGE, data: z.object({ date: isoDate, committeeOrgId: z.uuid().optional(), mediatorId: z.uuid().optional(), note: optText() }), dateField: 'date' },
    // 分级递进: a dispute the committee cannot resolve goes up one level (村 → 乡镇 → 县), DOMAIN.md §5.
    { key: 'escalate', label: '提级调解（分级递进）', from: ['accepted', 'mediating'], to: 'accepted', permission: MEDIATION_MANAGE, data: z.object({ date: isoDate, reason: text('提级调解的理由', 2000) }), dateField: 'date' },
    {
      key: 'extendCourtWindow',
      label: '延长诉前调解期限（当事人同意）',
      from: ['mediating'],
      to: 'mediating',
      permission: MEDIATION_MANAGE,
      data: z.object({ date: isoDate, partiesConsent: z.literal(true, { message: '延长诉前调解期限须经各方当事人同意' }), note: optText() }),
      dateField: 'date',
      extend: { deadline: 'courtWindow', days: COURT_EXTENSION_DAYS, cite: COURT_WINDOW_CITE },
      guard: ({ instance }) => {
        const d = instance.deadlines.find((x) => x.rule === 'courtWindow' && (x.status === 'open' || x.status === 'paused'));
        if (!d) return '该案件没有进行中的诉前调解期限';
        if (d.extendedDays > 0) return '诉前调解期限已延长过一次，不能再次延长';
        return null;
      },
    },
    {
      key: 'succeed',
      label: '调解成功',
      from: ['mediating'],
      to: 'concluded',
      permission: MEDIATION_MANAGE,
      data: z.object({
        date: isoDate,
        // 人民调解法 第二十八条: 达成协议 may be written (调解协议书) or, where the parties think it unnecessary, oral.
        agreementType: z.enum(keys(agreementTypes), { message: '请选择协议形式（书面调解协议或口头协议）' }),
        content: text('协议内容', 8000),
        performanceTerms: optText(2000),
        /** The parties intend to apply for 司法确认 (人民调解法 第三十三条): the 30-day clock is tracked. */
        wantsConfirmation: z.boolean().optional(),
      }),
      dateField: 'date',
      instruments: [{ type: 'mediation.agreement', when: (d) => d.agreementType === 'written' }],
    },
    // 人民调解法 第二十六条: 调解不成的，应当终止调解，并告知当事人可以依法通过仲裁、行政、司法等途径维护权利.
    { key: 'fail', label: '调解不成功', from: ['mediating'], to: 'concluded', permission: MEDIATION_MANAGE, data: z.object({ date: isoDate, reason: text('告知当事人的救济途径', 2000) }), dateField: 'date' },
    { key: 'terminate', label: '终止调解', from: ['accepted', 'mediating'], to: 'concluded', permission: MEDIATION_MANAGE, data: z.object({ date: isoDate, reason: text('终止调解的理由', 2000) }), dateField: 'date' },
    { key: 'followUp', label: '回访', from: ['concluded'], to: 'archived', permission: MEDIATION_MANAGE, data: z.object({ date: isoDate, performance: z.enum(keys(performances), { message: '请选择协议履行情况' }).optional(), note: text('回访情况', 2000) }), dateField: 'date' },
  ],
  deadlines: [
    // 超时预警 from 受理; a committee that receives the case by 分级递进 starts its own period (same rule, restarted).
    { key: 'mediationTerm', label: '调解期限（超时预警）', after: 'accept', days: 30, unit: 'calendarDay', until: ['succeed', 'fail', 'terminate'], cite: TERM_CITE },
    { key: 'mediationTerm', label: '调解期限（超时预警）', after: 'escalate', days: 30, unit: 'calendarDay', until: ['succeed', 'fail', 'terminate'], cite: TERM_CITE },
    // 诉前委派调解: the court's 30-day window runs from the 委派 (registration) date; results go back to the court.
    { key: 'courtWindow', label: '诉前委派调解期限（30日）', after: 'start', days: COURT_WINDOW_DAYS, unit: 'calendarDay', until: ['succeed', 'fail', 'terminate', 'reject'], cite: COURT_WINDOW_CITE, when: (d) => d.source === 'courtReferral' },
  ],
});

/**
 * 司法确认 (人民调解法 第三十三条; 民事诉讼法 第二百零五条): the parties apply jointly to the court within 30 days of the
 * agreement taking effect (书面协议 on signing, 第二十九条). One instance per agreement, started on its effective date.
 */
export const confirmationWorkflow = registerWorkflow({
  key: 'mediationConfirmation',
  label: '调解协议司法确认',
  entityType: 'mediationConfirmation',
  initial: 'awaiting',
  readPermission: MEDIATION_READ,
  link: '/mediation/cases/:entityId',
  states: {
    awaiting: { label: '待申请司法确认' },
    applied: { label: '已申请（法院审查中）' },
    confirmed: { label: '法院裁定确认有效', final: true },
    rejected: { label: '法院裁定驳回申请', final: true },
    abandoned: { label: '当事人未申请', final: true },
  },
  transitions: [
    {
      key: 'apply',
      label: '登记司法确认申请',
      from: ['awaiting'],
      to: 'applied',
      permission: MEDIATION_MANAGE,
      data: z.object({ date: isoDate, courtName: text('受理法院', 100), jointly: z.literal(true, { message: '司法确认须由双方当事人共同申请（人民调解法第三十三条）' }) }),
      dateField: 'date',
      guard: ({ data, instance }) => {
        const d = instance.deadlines.find((x) => x.rule === 'apply');
        if (d?.dueDate && String(data.date) > d.dueDate) return `已超过申请司法确认的30日期限（应于${d.dueDate}前申请，人民调解法第三十三条）`;
        if (d && String(data.date) < d.startDate) return '申请日期不能早于调解协议生效之日';
        return null;
      },
    },
    { key: 'confirm', label: '法院裁定确认有效', from: ['applied'], to: 'confirmed', permission: MEDIATION_MANAGE, data: dated, dateField: 'date' },
    { key: 'refuse', label: '法院裁定驳回申请', from: ['applied'], to: 'rejected', permission: MEDIATION_MANAGE, data: z.object({ date: isoDate, note: text('驳回理由', 2000) }), dateField: 'date' },
    { key: 'abandon', label: '当事人不申请', from: ['awaiting'], to: 'abandoned', permission: MEDIATION_MANAGE, data: dated, dateField: 'date' },
  ],
  deadlines: [
    // 人民调解法 第三十三条: 自调解协议生效之日起三十日内共同向人民法院申请司法确认.
    { key: 'apply', label: '申请司法确认（30日）', after: 'start', days: 30, unit: 'calendarDay', until: ['apply'], cite: '人民调解法 第三十三条' },
  ],
});
