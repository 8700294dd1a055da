/**
 * 合法性审查 as data (DOMAIN.md §3, township flow "1+4+6"):
 *   承办机构 submits → 镇党政综合办 checks completeness (退回 | 受理) → 司法所 法制审查员 reviews
 *   (补充材料 stops the clock, 国办发〔2018〕115号) → opinion 合法 / 修改后合法 / 不合法 → 承办机构 adopts or
 *   explains → archive. The 15-working-day review limit counts from 受理.
 */
import { z } from 'zod';
import { registerWorkflow } from '../../platform/workflow/registry';
import { todayInChina } from '../../platform/calendar/service';
import { expertKinds, opinions, PERM, REVIEW_CITE, REVIEW_ENTITY, REVIEW_WORKFLOW, reviewStateLabels, type ExpertKind } from './terms';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const dated = z.object({ date: isoDate.default(() => todayInChina()) });
const text = (msg: string, min = 2) => z.string().trim().min(min, msg).max(5000);

/** 国办发〔2018〕115号: 审核时间一般不少于5个工作日，最长不超过15个工作日. */
export const REVIEW_MIN_WORKING_DAYS = 5;
export const REVIEW_MAX_WORKING_DAYS = 15;

/**
 * 国办发〔2018〕115号: 审核时间一般不少于5个工作日. Counted like the 15-day limit — from 受理, working days, the
 * time spent on 补充材料 not counted. "一般" admits exceptions: an opinion issued sooner must record why
 * (`earlyReason`, e.g. 急需); without one it is refused (LEGALITY_REVIEW_TOO_SHORT).
 */
export const reviewMinimum = {
  key: 'reviewMinimum', label: '审核时间一般不少于5个工作日', after: 'accept', days: REVIEW_MIN_WORKING_DAYS, unit: 'workingDay' as const,
  pause: 'requestSupplement', resume: 'supplied', ends: 'issueOpinion', excuse: 'earlyReason', cite: REVIEW_CITE,
};

/** One 条款 of an opinion: the clause, what to do with it and why. */
export const clauseOpinion = z.object({
  clause: z.string().trim().min(1, '请填写条款（如：第三条）').max(200),
  opinion: z.string().trim().min(2, '请填写该条款的审查意见').max(5000),
  reason: z.string().trim().min(2, '请填写该条款的理由或依据').max(5000),
});

export const legalityWorkflow = registerWorkflow({
  key: REVIEW_WORKFLOW,
  label: '合法性审查',
  entityType: REVIEW_ENTITY,
  initial: 'submitted',
  readPermission: PERM.read,
  link: '/legality/reviews/:entityId',
  states: {
    submitted: { label: reviewStateLabels.submitted },
    returned: { label: reviewStateLabels.returned, final: true },
    reviewing: { label: reviewStateLabels.reviewing },
    supplementing: { label: reviewStateLabels.supplementing },
    opinionIssued: { label: reviewStateLabels.opinionIssued },
    adopted: { label: reviewStateLabels.adopted },
    archived: { label: reviewStateLabels.archived, final: true },
    withdrawn: { label: reviewStateLabels.withdrawn, final: true },
  },
  transitions: [
    // 镇党政综合办: completeness check of the 送审材料.
    { key: 'accept', label: '材料齐全，转司法所审查', from: ['submitted'], to: 'reviewing', permission: PERM.check, dateField: 'date', data: dated.extend({ note: z.string().max(2000).optional() }) },
    { key: 'return', label: '材料不全，退回承办机构', from: ['submitted'], to: 'returned', permission: PERM.check, dateField: 'date', data: dated.extend({ reason: text('请写明退回理由或需补齐的材料') }) },
    // 国办发〔2018〕115号: 补充材料的时间不计入审核期限 — the clock stops.
    { key: 'requestSupplement', label: '要求补充材料', from: ['reviewing'], to: 'supplementing', permission: PERM.review, dateField: 'date', clock: 'suspend', data: dated.extend({ items: text('请写明需要补充的材料') }) },
    { key: 'supplied', label: '收到补充材料', from: ['supplementing'], to: 'reviewing', permission: PERM.review, dateField: 'date', clock: 'resume', data: dated.extend({ note: z.string().max(2000).optional() }) },
    // 国办发〔2018〕115号: 充分发挥法律顾问、公职律师作用 — each consultation is kept on the matter.
    {
      key: 'consult', label: '征求法律顾问/公职律师意见', from: ['reviewing'], to: 'reviewing', permission: PERM.review, dateField: 'date',
      data: dated.extend({
        expertKind: z.enum(Object.keys(expertKinds) as [ExpertKind], { message: '请选择法律顾问、公职律师或专家学者' }).default('legalAdviser'),
        expert: text('请填写咨询的法律顾问或公职律师'),
        question: text('请填写咨询的问题'),
        opinion: text('请填写专家意见'),
      }),
    },
    {
      key: 'issueOpinion', label: '出具审查意见', from: ['reviewing'], to: 'opinionIssued', permission: PERM.review, dateField: 'date',
      data: dated.extend({
        opinion: z.enum(Object.keys(opinions) as [keyof typeof opinions], { message: '请选择审查意见：合法、修改后合法或不合法' }),
        reasons: z.string().trim().max(10000).default(''),
        /** 逐条意见: 条款 + 意见 + 理由. */
        clauses: z.array(clauseOpinion).max(200).default([]),
        /** Why the opinion comes before the 5-working-day minimum (reviewMinimum). */
        earlyReason: z.string().trim().max(2000).default(''),
      }).refine((d) => d.opinion === 'lawful' || d.reasons.length >= 2 || d.clauses.length > 0, { message: '修改后合法或不合法的意见须逐条写明理由', path: ['reasons'] }),
    },
    // 承办机构 records adoption, or explains why not.
    {
      key: 'feedback', label: '反馈采纳情况', from: ['opinionIssued'], to: 'adopted', permission: PERM.submit, dateField: 'date',
      data: dated.extend({
        adopted: z.boolean({ message: '请选择是否采纳' }),
        explanation: z.string().trim().max(5000).default(''),
        /** Per 条款: adopted or not, and why not. */
        clauses: z.array(z.object({ seq: z.number().int().min(1), adopted: z.boolean(), explanation: z.string().trim().max(5000).default('') })).max(200).default([]),
      })
        .refine((d) => d.adopted || d.explanation.length >= 2, { message: '未采纳审查意见的，应当说明理由', path: ['explanation'] })
        .refine((d) => d.clauses.every((c) => c.adopted || c.explanation.length >= 2), { message: '未采纳的条款意见，应当逐条说明理由', path: ['clauses'] }),
    },
    { key: 'archive', label: '归档', from: ['adopted'], to: 'archived', permission: PERM.review, dateField: 'date', data: dated },
    { key: 'withdraw', label: '撤回送审', from: ['submitted', 'reviewing', 'supplementing'], to: 'withdrawn', permission: PERM.submit, dateField: 'date', data: dated.extend({ reason: text('请填写撤回理由') }) },
  ],
  deadlines: [
    // 国办发〔2018〕115号: 合法性审核 generally ≥ 5, at most 15 working days from receipt of complete materials.
    { key: 'review', label: '合法性审查（最长15个工作日）', after: 'accept', days: REVIEW_MAX_WORKING_DAYS, unit: 'workingDay', until: ['issueOpinion', 'withdraw'], cite: REVIEW_CITE },
  ],
});
