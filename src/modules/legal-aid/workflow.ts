/**
 * 法律援助 as data (法律援助法; DOMAIN.md §6):
 *   申请 (窗口/网上) → 审查 (补充材料 once; not supplied ⇒ 视为撤回) → 给予 | 不予 → 指派 → 办理 → 结案 → 质量评估
 *   通知辩护 (公检法) → 指派 (no means test: 第二十五条、第二十八条) → 办理 → 结案 → 质量评估
 *   异议 against 不予 / 终止 → 司法行政部门 decides within 5 days (第四十九条).
 * The law says 日 (not 工作日): calendar days, the start day not counted, a period ending on a 法定休假日 runs to
 * the next working day (民法典 第二百零一条、第二百零三条) — the platform calendar's 'calendarDay' unit.
 */
import { z } from 'zod';
import { registerWorkflow } from '../../platform/workflow/registry';
import { todayInChina } from '../../platform/calendar/service';
import { CASE_ENTITY, CASE_WORKFLOW, caseStateLabels, OBJECTION_ENTITY, OBJECTION_WORKFLOW, objectionDecisions, PERM, terminationGrounds } from './terms';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const dated = z.object({ date: isoDate.default(() => todayInChina()) });
const text = (msg: string, min = 2) => z.string().trim().min(min, msg).max(5000);

/** 法律援助法 第四十三条: 审查 within 7 days of receiving the application; 指派 within 3 days of the decision. */
export const REVIEW_DAYS = 7;
export const ASSIGN_DAYS = 3;
/** 法律援助法 第三十六条: 指派 within 3 days of receiving a 公检法 notice. */
export const NOTICE_ASSIGN_DAYS = 3;
/** 法律援助法 第四十九条: the 司法行政部门 decides an 异议 within 5 days. */
export const OBJECTION_DAYS = 5;

export const assignData = dated.extend({
  lawyerId: z.uuid({ message: '请选择承办律师' }).optional(),
  assigneeKind: z.enum(['lawyer', 'grassroots', 'aidLawyer'], { message: '请选择法律援助人员类别' }),
  assigneeName: z.string().trim().min(2, '请填写承办人姓名').max(50),
  assigneeFirm: z.string().trim().min(2, '请填写所在律师事务所或法律服务所').max(100),
});

export const evaluateData = dated.extend({
  scores: z.record(z.string(), z.number({ message: '评分应为数字' }).int('评分应为整数').min(0, '评分不能为负数')),
  assessor: z.string().trim().min(2, '请填写评估人').max(50),
  note: z.string().max(2000).optional(),
});

export const legalAidWorkflow = registerWorkflow({
  key: CASE_WORKFLOW,
  label: '法律援助',
  entityType: CASE_ENTITY,
  initial: 'received',
  readPermission: PERM.read,
  link: '/legal-aid/cases/:entityId',
  states: {
    received: { label: caseStateLabels.received },
    supplementing: { label: caseStateLabels.supplementing },
    granted: { label: caseStateLabels.granted },
    denied: { label: caseStateLabels.denied, final: true },
    withdrawn: { label: caseStateLabels.withdrawn, final: true },
    assigned: { label: caseStateLabels.assigned },
    closed: { label: caseStateLabels.closed },
    evaluated: { label: caseStateLabels.evaluated, final: true },
    terminated: { label: caseStateLabels.terminated, final: true },
  },
  transitions: [
    // 法律援助法 第四十三条第二款: missing material is asked for once; the time to supply it is not counted.
    { key: 'requestSupplement', label: '一次性告知补充材料', from: ['received'], to: 'supplementing', permission: PERM.decide, dateField: 'date', clock: 'suspend', data: dated.extend({ items: text('请写明需要补充的材料或说明') }) },
    { key: 'supplied', label: '收到补充材料', from: ['supplementing'], to: 'received', permission: PERM.decide, dateField: 'date', clock: 'resume', data: dated.extend({ note: z.string().max(2000).optional() }) },
    // 法律援助法 第四十三条第二款: not supplied or explained ⇒ 视为撤回申请.
    { key: 'deemWithdrawn', label: '未补充材料，视为撤回申请', from: ['supplementing'], to: 'withdrawn', permission: PERM.decide, dateField: 'date', data: dated.extend({ note: z.string().max(2000).optional() }) },
    { key: 'grant', label: '决定给予法律援助', from: ['received'], to: 'granted', permission: PERM.decide, dateField: 'date', data: dated.extend({ note: z.string().max(2000).optional() }), instruments: [{ type: 'legalAid.grantDecision' }] },
    { key: 'deny', label: '决定不予法律援助', from: ['received'], to: 'denied', permission: PERM.decide, dateField: 'date', data: dated.extend({ reason: text('请写明不予法律援助的理由') }), instruments: [{ type: 'legalAid.denyDecision' }] },
    // 法律援助法 第四十九条: the 司法行政部门 ordered the centre to correct its refusal.
    { key: 'correct', label: '依异议决定改正，给予法律援助', from: ['denied'], to: 'granted', permission: PERM.decide, dateField: 'date', data: dated.extend({ note: z.string().max(2000).optional() }), instruments: [{ type: 'legalAid.grantDecision' }] },
    // 指派: after a grant, or straight from a 公检法 notice (the service checks which).
    { key: 'assign', label: '指派法律援助人员', from: ['granted', 'received'], to: 'assigned', permission: PERM.decide, dateField: 'date', data: assignData, instruments: [{ type: 'legalAid.assignLetter' }] },
    { key: 'close', label: '审查结案材料，结案归档', from: ['assigned'], to: 'closed', permission: PERM.decide, dateField: 'date', data: dated.extend({ result: text('请填写办理结果') }) },
    { key: 'evaluate', label: '质量评估', from: ['closed'], to: 'evaluated', permission: PERM.decide, dateField: 'date', data: evaluateData },
    {
      key: 'terminate', label: '终止法律援助', from: ['assigned', 'granted'], to: 'terminated', permission: PERM.decide, dateField: 'date',
      data: dated.extend({ ground: z.enum(Object.keys(terminationGrounds) as [keyof typeof terminationGrounds], { message: '请选择终止法律援助的情形（法律援助法 第四十八条）' }), note: z.string().max(2000).optional() }),
    },
  ],
  deadlines: [
    // 法律援助法 第四十三条第一款: 收到申请之日起七日内审查决定 (日, not 工作日).
    { key: 'review', label: '审查并作出是否给予法律援助的决定', after: 'start', days: REVIEW_DAYS, unit: 'calendarDay', until: ['grant', 'deny', 'deemWithdrawn'], cite: '法律援助法 第四十三条', when: (d) => d.channel !== 'notice' },
    // 法律援助法 第四十三条第一款: 决定给予之日起三日内指派.
    { key: 'assign', label: '指派法律援助人员', after: 'grant', days: ASSIGN_DAYS, unit: 'calendarDay', until: ['assign', 'terminate'], cite: '法律援助法 第四十三条' },
    { key: 'assignCorrected', label: '指派法律援助人员（异议改正后）', after: 'correct', days: ASSIGN_DAYS, unit: 'calendarDay', until: ['assign', 'terminate'], cite: '法律援助法 第四十三条、第四十九条' },
    // 法律援助法 第三十六条: 收到通知后三日内指派律师并通知公检法.
    { key: 'noticeAssign', label: '指派律师并通知办案机关', after: 'start', days: NOTICE_ASSIGN_DAYS, unit: 'calendarDay', until: ['assign'], cite: '法律援助法 第三十六条', when: (d) => d.channel === 'notice' },
  ],
});

export const objectionWorkflow = registerWorkflow({
  key: OBJECTION_WORKFLOW,
  label: '法律援助异议审查',
  entityType: OBJECTION_ENTITY,
  initial: 'received',
  readPermission: PERM.objection,
  link: '/legal-aid/objections',
  states: {
    received: { label: '待审查' },
    upheld: { label: '维持原决定', final: true },
    corrected: { label: '责令改正', final: true },
  },
  transitions: [
    {
      key: 'decide', label: '作出异议审查决定', from: ['received'], to: 'upheld', permission: PERM.objection, dateField: 'date',
      data: dated.extend({ decision: z.enum(Object.keys(objectionDecisions) as [keyof typeof objectionDecisions], { message: '请选择维持或责令改正' }), reason: text('请写明审查理由') }),
    },
    {
      key: 'decideCorrect', label: '责令法律援助机构改正', from: ['received'], to: 'corrected', permission: PERM.objection, dateField: 'date',
      data: dated.extend({ decision: z.literal('correct').default('correct'), reason: text('请写明审查理由') }),
    },
  ],
  deadlines: [
    // 法律援助法 第四十九条: 自收到异议之日起五日内审查并作出决定.
    { key: 'decide', label: '审查异议并作出决定', after: 'start', days: OBJECTION_DAYS, unit: 'calendarDay', until: ['decide', 'decideCorrect'], cite: '法律援助法 第四十九条' },
  ],
});
