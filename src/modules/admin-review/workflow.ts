/**
 * 行政复议 as data (行政复议法 2023, DOMAIN.md §1). States:
 *   申请 → (补正) → 受理 | 不予受理 | 转送 → 审理[简易 | 普通] → (中止 ⇄ 恢复) → 决定 | 调解结案 | 终止.
 * The procedure (简易/普通) is chosen at 受理 and lives in the deadlines it starts: 3/5 working days and 30 days for
 * 简易, 7/10 working days and 60 days for 普通. 行政复议法 第八十八条 makes its 3/5/7/10-day periods working days;
 * 30 and 60 days are calendar days. The engine counts every one of them.
 */
import { z } from 'zod';
import { registerWorkflow, START } from '../../platform/workflow/registry';
import type { WorkflowInstanceView } from '../../platform/workflow/types';
import { countDays, todayInChina } from '../../platform/calendar/service';
import { decisionKinds, FOLLOW_UP_WORKFLOW, lapsingGrounds, PERM, stateLabels, suspensionGrounds, terminationGrounds, WORKFLOW, ENTITY_TYPE } from './terms';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
// The legal date of the event; today (Asia/Shanghai) when not given.
const dated = z.object({ date: isoDate.default(() => todayInChina()) });
const text = (msg: string, min = 2) => z.string().trim().min(min, msg).max(5000);
const procedure = z.enum(['summary', 'ordinary'], { message: '请选择简易程序或普通程序' });

const enumOf = <T extends Record<string, unknown>>(o: T, message: string) => z.enum(Object.keys(o) as [keyof T & string, ...(keyof T & string)[]], { message });

/** The open (or paused) 审结 deadline of a case and its total period so far. */
function decidePeriod(instance: WorkflowInstanceView) {
  const d = instance.deadlines.find((x) => x.rule === 'decide' && (x.status === 'open' || x.status === 'paused'));
  return d ? { days: d.days, extended: d.extendedDays, total: d.days + d.extendedDays } : null;
}

/** 简易程序 and not yet converted: the 审结 period is still 30 days (行政复议法 第六十二条第二款). */
export const isSummaryPeriod = (instance: WorkflowInstanceView) => {
  const p = decidePeriod(instance);
  return !!p && p.total === 30;
};

export const reviewWorkflow = registerWorkflow({
  key: WORKFLOW,
  label: '行政复议',
  entityType: ENTITY_TYPE,
  initial: 'applied',
  readPermission: PERM.read,
  link: '/admin-review/cases/:entityId',
  states: {
    applied: { label: stateLabels.applied },
    amending: { label: stateLabels.amending },
    hearing: { label: stateLabels.hearing },
    suspended: { label: stateLabels.suspended },
    decided: { label: stateLabels.decided, final: true },
    mediated: { label: stateLabels.mediated, final: true },
    terminated: { label: stateLabels.terminated, final: true },
    rejected: { label: stateLabels.rejected, final: true },
    transferred: { label: stateLabels.transferred, final: true },
    abandoned: { label: stateLabels.abandoned, final: true },
  },
  transitions: [
    // 行政复议法 第三十一条: incomplete application → 补正通知 (listing what to add and the 10-working-day period).
    { key: 'requestAmend', label: '通知补正', from: ['applied'], to: 'amending', permission: PERM.handle, dateField: 'date', data: dated.extend({ items: text('请写明需要补正的材料或事项') }), instruments: [{ type: 'adminReview.amendNotice' }] },
    { key: 'amended', label: '收到补正材料', from: ['amending'], to: 'applied', permission: PERM.handle, dateField: 'date', data: dated },
    // 行政复议法 第三十一条第二款: 有正当理由不能按期补正的，行政复议机关可以延长合理的补正期限.
    { key: 'extendAmend', label: '延长补正期限', from: ['amending'], to: 'amending', permission: PERM.handle, dateField: 'date', data: dated.extend({ reason: text('请填写申请人不能按期补正的正当理由') }), extend: { deadline: 'amendPeriod', days: 10, cite: '行政复议法 第三十一条第二款' } },
    // 行政复议法 第三十一条第二款: 无正当理由逾期不补正的，视为申请人放弃行政复议申请.
    { key: 'abandon', label: '逾期未补正，视为放弃', from: ['amending'], to: 'abandoned', permission: PERM.handle, dateField: 'date', data: dated.extend({ note: z.string().max(2000).optional() }) },
    // 行政复议法 第三十条: 受理 within 5 working days; the procedure follows 第五十三条 (繁简分流).
    { key: 'acceptSummary', label: '受理（简易程序）', from: ['applied'], to: 'hearing', permission: PERM.handle, dateField: 'date', data: dated.extend({ procedure: z.literal('summary').default('summary'), basis: z.string().max(2000).optional() }), instruments: [{ type: 'adminReview.acceptNotice' }] },
    { key: 'acceptOrdinary', label: '受理（普通程序）', from: ['applied'], to: 'hearing', permission: PERM.handle, dateField: 'date', data: dated.extend({ procedure: z.literal('ordinary').default('ordinary'), basis: z.string().max(2000).optional() }), instruments: [{ type: 'adminReview.acceptNotice' }] },
    { key: 'reject', label: '不予受理', from: ['applied'], to: 'rejected', permission: PERM.handle, dateField: 'date', data: dated.extend({ reason: text('请填写不予受理的理由') }), instruments: [{ type: 'adminReview.rejectDecision' }] },
    { key: 'transfer', label: '转送', from: ['applied'], to: 'transferred', permission: PERM.handle, dateField: 'date', data: dated.extend({ toOrgan: text('请填写转送的机关'), reason: text('请填写转送理由') }) },
    // 行政复议法 第四十八条 / 第五十四条: the copy goes to the 被申请人 with the 答复通知书.
    { key: 'sendCopy', label: '发送申请书副本', from: ['hearing'], to: 'hearing', permission: PERM.handle, dateField: 'date', data: dated.extend({ procedure }), instruments: [{ type: 'adminReview.answerNotice' }], guard: ({ instance }) => (instance.deadlines.some((d) => d.rule === 'answer') ? '已向被申请人发送申请书副本，不能重复发送' : null) },
    // 行政复议法 第七十条: no answer or evidence in time ⇒ the act is treated as having no evidence.
    { key: 'answerReceived', label: '收到答复', from: ['hearing', 'suspended'], to: 'hearing', permission: PERM.handle, dateField: 'date', data: dated.extend({ withEvidence: z.boolean().default(true), summary: z.string().max(5000).optional() }), guard: ({ instance }) => (instance.state === 'suspended' ? '案件中止期间请先恢复审理' : instance.deadlines.some((d) => d.rule === 'answer' && d.status === 'met') ? '已记录被申请人的答复，不能重复记录' : null) },
    // 行政复议法 第五十一条: 听证 notified at least 5 working days before it is held.
    {
      key: 'scheduleHearing', label: '安排听证', from: ['hearing'], to: 'hearing', permission: PERM.handle, dateField: 'date',
      data: dated.extend({ hearingDate: isoDate, place: text('请填写听证地点'), reason: z.string().max(2000).optional() }),
      guard: ({ data }) => (countDays(String(data.date), String(data.hearingDate), 'workingDay') < 5 ? '听证通知应当在举行听证的五个工作日前送达（行政复议法 第五十一条）' : null),
      instruments: [{ type: 'adminReview.hearingNotice' }],
    },
    { key: 'recordHearing', label: '记录听证', from: ['hearing'], to: 'hearing', permission: PERM.handle, dateField: 'date', data: dated.extend({ attendees: z.string().max(2000).optional(), respondentHeadAttended: z.boolean().default(false), record: text('请填写听证笔录要点') }) },
    // 行政复议法 第五十二条: referral to the 行政复议委员会; its opinion is an important reference (第六十一条).
    { key: 'referCommittee', label: '提请行政复议委员会咨询', from: ['hearing'], to: 'hearing', permission: PERM.handle, dateField: 'date', data: dated.extend({ reason: text('请填写提请咨询的理由（第五十二条所列情形）') }) },
    { key: 'committeeOpinion', label: '记录委员会咨询意见', from: ['hearing'], to: 'hearing', permission: PERM.handle, dateField: 'date', data: dated.extend({ opinion: text('请填写委员会的咨询意见') }) },
    // 行政复议法 第三十九条: 中止 stops the clock; 第四十一条: ①②④ lasting 60 days ⇒ 终止.
    { key: 'suspend', label: '中止', from: ['hearing'], to: 'suspended', permission: PERM.handle, dateField: 'date', clock: 'suspend', data: dated.extend({ ground: enumOf(suspensionGrounds, '请选择中止情形（第三十九条）'), reason: z.string().max(2000).optional() }), instruments: [{ type: 'adminReview.suspendNotice' }] },
    // 行政复议法 第五十六条至第六十条: 附带审查 of a 规范性文件; the case is 中止 meanwhile (第三十九条第一款第九项).
    { key: 'normativeReview', label: '附带审查规范性文件', from: ['hearing'], to: 'suspended', permission: PERM.handle, dateField: 'date', clock: 'suspend', data: dated.extend({ documentTitle: text('请填写规范性文件名称'), documentLink: z.string().max(500).optional(), drafter: z.string().max(200).optional(), handling: z.enum(['self', 'forward'], { message: '请选择本机关处理或转送有权机关' }), ground: z.literal('g9').default('g9') }), instruments: [{ type: 'adminReview.suspendNotice' }] },
    { key: 'notifyDrafter', label: '通知制定机关答复', from: ['suspended'], to: 'suspended', permission: PERM.handle, dateField: 'date', data: dated.extend({ drafter: text('请填写制定机关') }) },
    { key: 'drafterAnswered', label: '收到制定机关答复', from: ['suspended'], to: 'suspended', permission: PERM.handle, dateField: 'date', data: dated.extend({ summary: z.string().max(5000).optional() }) },
    { key: 'normativeForwarded', label: '已转送有权机关处理', from: ['suspended'], to: 'suspended', permission: PERM.handle, dateField: 'date', data: dated.extend({ toOrgan: text('请填写接受转送的机关') }) },
    { key: 'normativeConcluded', label: '附带审查处理完毕', from: ['suspended'], to: 'suspended', permission: PERM.handle, dateField: 'date', data: dated.extend({ result: text('请填写审查处理结果') }) },
    { key: 'resume', label: '恢复审理', from: ['suspended'], to: 'hearing', permission: PERM.handle, dateField: 'date', clock: 'resume', data: dated.extend({ reason: z.string().max(2000).optional() }) },
    // 行政复议法 第六十二条第一款: 普通程序 may be extended once, by at most 30 days, with the 机构负责人's approval.
    {
      key: 'extend', label: '延期审理（负责人批准）', from: ['hearing'], to: 'hearing', permission: PERM.approve, dateField: 'date',
      data: dated.extend({ reason: text('请填写延期理由') }),
      extend: { deadline: 'decide', days: 30, cite: '行政复议法 第六十二条第一款' },
      guard: ({ instance }) => {
        if (isSummaryPeriod(instance)) return '简易程序案件不得延期；确需延长的，请先经负责人批准转为普通程序（行政复议法 第五十五条、第六十二条）';
        const p = decidePeriod(instance);
        if (p && p.total > 60) return '审理期限只能延长一次，且延长期限最多不超过三十日（行政复议法 第六十二条第一款）';
        return null;
      },
      instruments: [{ type: 'adminReview.extensionNotice' }],
    },
    // 行政复议法 第五十五条: 简易 → 普通 with the 机构负责人's approval; the 审结 period becomes 60 days from 受理 (第六十二条).
    {
      key: 'convert', label: '简易程序转为普通程序（负责人批准）', from: ['hearing'], to: 'hearing', permission: PERM.approve, dateField: 'date',
      data: dated.extend({ reason: text('请填写转为普通程序的理由') }),
      extend: { deadline: 'decide', days: 30, cite: '行政复议法 第五十五条、第六十二条' },
      guard: ({ instance }) => (isSummaryPeriod(instance) ? null : '只有适用简易程序且尚未转换的案件可以转为普通程序（行政复议法 第五十五条）'),
    },
    // 行政复议法 第六十一条: decided in the 行政复议机关's name; exactly one kind (第六十三条至第六十九条 …).
    {
      key: 'decide', label: '作出行政复议决定', from: ['hearing'], to: 'decided', permission: PERM.handle, dateField: 'date',
      data: dated.extend({ kind: enumOf(decisionKinds, '请选择一种决定类型'), findings: text('请填写查明的事实'), reasoning: text('请填写决定理由'), compensationAmount: z.number().nonnegative().optional(), redoWithinDays: z.number().int().positive().optional() }),
      instruments: [{ type: 'adminReview.decision' }],
    },
    // 行政复议法 第七十三条: 调解书 once both sides agree.
    { key: 'mediate', label: '调解结案', from: ['hearing', 'suspended'], to: 'mediated', permission: PERM.handle, dateField: 'date', data: dated.extend({ agreement: text('请填写调解协议内容') }), instruments: [{ type: 'adminReview.mediationDoc' }] },
    // 行政复议法 第四十一条 (终止), 第七十四条 (和解后撤回).
    { key: 'terminate', label: '终止', from: ['hearing', 'suspended'], to: 'terminated', permission: PERM.handle, dateField: 'date', data: dated.extend({ ground: enumOf(terminationGrounds, '请选择终止情形（第四十一条）'), reason: z.string().max(2000).optional() }), instruments: [{ type: 'adminReview.terminationDecision' }] },
  ],
  deadlines: [
    // 行政复议法 第三十条: 收到申请之日起五日内审查，决定受理或者不予受理 (working days, 第八十八条).
    { key: 'acceptReview', label: '受理审查', after: START, days: 5, unit: 'workingDay', until: ['acceptSummary', 'acceptOrdinary', 'reject', 'transfer', 'requestAmend'], cite: '行政复议法 第三十条' },
    // 行政复议法 第三十一条: 补正通知 within 5 working days of receipt.
    { key: 'amendNotice', label: '发出补正通知', after: START, days: 5, unit: 'workingDay', until: ['requestAmend', 'acceptSummary', 'acceptOrdinary', 'reject', 'transfer'], cite: '行政复议法 第三十一条' },
    // 行政复议法 第三十一条: the applicant corrects within 10 working days of receiving the notice.
    { key: 'amendPeriod', label: '申请人补正', after: 'requestAmend', days: 10, unit: 'workingDay', until: ['amended', 'abandon'], cite: '行政复议法 第三十一条' },
    // 行政复议法 第三十一条: the 5-day review restarts from receipt of the correction.
    { key: 'acceptReviewAfterAmend', label: '受理审查（补正后重新计算）', after: 'amended', days: 5, unit: 'workingDay', until: ['acceptSummary', 'acceptOrdinary', 'reject', 'transfer', 'requestAmend'], cite: '行政复议法 第三十一条' },
    // 行政复议法 第四十八条: 普通程序 copy to the 被申请人 within 7 working days of 受理.
    { key: 'serveCopy', label: '发送申请书副本', after: 'acceptOrdinary', days: 7, unit: 'workingDay', until: ['sendCopy'], cite: '行政复议法 第四十八条' },
    // 行政复议法 第五十四条: 简易程序 copy within 3 working days.
    { key: 'serveCopy', label: '发送申请书副本（简易程序）', after: 'acceptSummary', days: 3, unit: 'workingDay', until: ['sendCopy'], cite: '行政复议法 第五十四条' },
    // 行政复议法 第四十八条: answer + evidence within 10 working days of receiving the copy.
    { key: 'answer', label: '被申请人答复', after: 'sendCopy', days: 10, unit: 'workingDay', until: ['answerReceived'], cite: '行政复议法 第四十八条', when: (d) => d.procedure !== 'summary' },
    // 行政复议法 第五十四条: 简易程序 answer within 5 working days.
    { key: 'answer', label: '被申请人答复（简易程序）', after: 'sendCopy', days: 5, unit: 'workingDay', until: ['answerReceived'], cite: '行政复议法 第五十四条', when: (d) => d.procedure === 'summary' },
    // 行政复议法 第六十二条第一款: 普通程序 60 days from 受理 (extendable once by ≤ 30 days).
    { key: 'decide', label: '审结', after: 'acceptOrdinary', days: 60, unit: 'calendarDay', until: ['decide', 'mediate', 'terminate'], cite: '行政复议法 第六十二条第一款' },
    // 行政复议法 第六十二条第二款: 简易程序 30 days from 受理.
    { key: 'decide', label: '审结（简易程序）', after: 'acceptSummary', days: 30, unit: 'calendarDay', until: ['decide', 'mediate', 'terminate'], cite: '行政复议法 第六十二条第二款' },
    // 行政复议法 第四十一条第五项: 中止 on grounds ①②④ for 60 days with the cause not removed ⇒ 终止.
    { key: 'suspensionLimit', label: '中止满六十日', after: 'suspend', days: 60, unit: 'calendarDay', until: ['resume', 'terminate', 'mediate'], cite: '行政复议法 第四十一条', when: (d) => lapsingGrounds.includes(d.ground as never) },
    // 行政复议法 第五十六条、第五十七条: handle within 30 days, or forward within 7 (working) days.
    { key: 'normativeHandle', label: '附带审查处理', after: 'normativeReview', days: 30, unit: 'calendarDay', until: ['normativeConcluded', 'resume', 'terminate', 'mediate'], cite: '行政复议法 第五十六条', when: (d) => d.handling === 'self' },
    { key: 'normativeForward', label: '转送有权机关', after: 'normativeReview', days: 7, unit: 'workingDay', until: ['normativeForwarded', 'resume', 'terminate', 'mediate'], cite: '行政复议法 第五十六条', when: (d) => d.handling === 'forward' },
    // 行政复议法 第五十八条: notify the drafting organ within 3 working days; it answers within 10 working days.
    { key: 'notifyDrafter', label: '通知制定机关', after: 'normativeReview', days: 3, unit: 'workingDay', until: ['notifyDrafter', 'resume', 'terminate', 'mediate'], cite: '行政复议法 第五十八条', when: (d) => d.handling === 'self' },
    { key: 'drafterAnswer', label: '制定机关书面答复', after: 'notifyDrafter', days: 10, unit: 'workingDay', until: ['drafterAnswered', 'resume', 'terminate', 'mediate'], cite: '行政复议法 第五十八条' },
  ],
});

/**
 * 履行监督 after the decision: an 意见书 (行政复议法 第七十六条) whose fix the 被申请人 reports within 60 days, or
 * non-performance of a decision / 调解书, answered with 责令限期履行 (第七十七条). One instance per letter.
 */
export const followUpWorkflow = registerWorkflow({
  key: FOLLOW_UP_WORKFLOW,
  label: '行政复议履行监督',
  entityType: ENTITY_TYPE,
  // No case columns follow this workflow: its steps are fired through the generic workflow endpoint.
  genericTransitions: true,
  initial: 'awaiting',
  readPermission: PERM.read,
  link: '/admin-review/cases/:entityId',
  states: {
    awaiting: { label: '待被申请人反馈' },
    ordered: { label: '已责令限期履行' },
    closed: { label: '监督办结', final: true },
  },
  transitions: [
    { key: 'feedback', label: '收到整改/履行情况反馈', from: ['awaiting', 'ordered'], to: 'closed', permission: PERM.handle, dateField: 'date', data: dated.extend({ summary: text('请填写被申请人反馈的整改或履行情况') }) },
    // 行政复议法 第七十七条: 不履行或者无正当理由拖延履行 ⇒ 责令限期履行.
    { key: 'orderPerformance', label: '责令限期履行', from: ['awaiting'], to: 'ordered', permission: PERM.handle, dateField: 'date', data: dated.extend({ limitDate: isoDate, reason: text('请填写被申请人不履行的情况') }), instruments: [{ type: 'adminReview.performanceOrder' }] },
  ],
  deadlines: [
    // 行政复议法 第七十六条: 被申请人 reports the fix within 60 days of receiving the 意见书.
    { key: 'fixReport', label: '被申请人报送整改情况', after: START, days: 60, unit: 'calendarDay', until: ['feedback'], cite: '行政复议法 第七十六条', when: (d) => d.kind === 'opinion' },
  ],
});
