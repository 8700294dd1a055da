/**
 * A sentence in the community as data (DOMAIN.md §7):
 *   接收 → 报到 (10 days, 社区矫正法 第二十一条) → 入矫宣告 (矫正小组, 矫正方案, 分类管理) → 在矫 (监管, 考核, 奖惩)
 *   → 解除矫正 (期满, 第四十四条) | 终止 (撤销缓刑/假释, 收监执行, 死亡; 第四十五条).
 * Each step names the permission that may take it, the states it leaves from and the article behind it; the
 * service (subjects.ts) is the only code that moves a subject, and only along these lines.
 */
import { z } from 'zod';
import { addDays, todayInChina } from '../../platform/calendar/service';
import { endings, HANDOVER_DAYS, levels, PERM, RELEASE_CITE, REPORT_CITE, REPORT_DAYS, type SentenceType } from './terms';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const dated = z.object({ date: isoDate.default(() => todayInChina()) });

export interface StepDef {
  key: string;
  label: string;
  from: string[];
  to: string;
  permission: string;
  cite: string;
  data: z.ZodType<Record<string, unknown>>;
}

export const steps: StepDef[] = [
  // 社区矫正法 第二十一条: the subject reports to the 社区矫正机构 (or the 受委托 司法所).
  { key: 'report', label: '报到', from: ['received'], to: 'reported', permission: PERM.manage, cite: REPORT_CITE, data: dated.extend({ note: z.string().max(2000).optional() }) },
  // 社区矫正法 第二十五条 矫正小组 and 矫正方案; 第二十四条 分类管理; 实施办法: 入矫宣告.
  {
    key: 'announce', label: '入矫宣告', from: ['reported'], to: 'supervising', permission: PERM.manage, cite: '社区矫正法 第二十四条、第二十五条；实施办法（入矫宣告）',
    data: dated.extend({
      place: z.string().trim().min(2, '请填写宣告地点').max(100).default('社区矫正宣告室'),
      level: z.enum(Object.keys(levels) as [keyof typeof levels], { message: '请选择分类管理级别' }),
      groupMembers: z.array(z.string().trim().min(2).max(50)).min(1, '请至少填写一名矫正小组成员').max(10),
      plan: z.string().trim().min(4, '请填写矫正方案').max(5000),
    }),
  },
  // 社区矫正法 第四十四条: 期满 — 解除矫正 宣告 and 解除社区矫正证明书.
  { key: 'release', label: '期满解除矫正', from: ['supervising'], to: 'released', permission: PERM.decide, cite: RELEASE_CITE, data: dated },
  // 社区矫正法 第四十五条: 终止 (收监执行, 死亡 …), after the court / 决定机关 has decided.
  {
    key: 'terminate', label: '终止矫正', from: ['received', 'reported', 'supervising'], to: 'terminated', permission: PERM.decide, cite: '社区矫正法 第四十五条',
    data: dated.extend({
      ending: z.enum(['revoked', 'committed', 'death', 'other'] as const, { message: '请选择终止原因' }),
      reason: z.string().trim().min(2, '请写明终止的依据（裁定书、决定书文号或死亡证明）').max(2000),
      reoffended: z.boolean().default(false),
    }),
  },
];

export const endingLabels = endings;

export const stepOf = (key: string) => steps.find((s) => s.key === key);

/**
 * 报到 due date: 10 days after the judgment / 裁定 takes effect (管制/缓刑/假释, 社区矫正法 第二十一条第一款), or
 * 10 days after the 暂予监外执行 decision for the hand-over (第二十一条第二款). The start day is not counted and a
 * last day on a 法定休假日 moves to the next working day (民法典 第二百零一条、第二百零三条).
 */
export function reportDue(sentenceType: SentenceType, effectiveDate: string) {
  return addDays(effectiveDate, sentenceType === 'medicalParole' ? HANDOVER_DAYS : REPORT_DAYS, 'calendarDay');
}
