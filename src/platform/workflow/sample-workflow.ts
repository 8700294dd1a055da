/**
 * A tiny workflow used only by the platform's tests: shaped like a 复议 case so the engine is exercised on
 * the same kinds of rules the business lines declare (working-day review window restarted by 补正,
 * suspension, extension with approval, final decision). Not registered by the app.
 */
import { z } from 'zod';
import { registerPermissions } from '../auth/permissions';
import { registerWorkflow } from './registry';

registerPermissions([
  { code: 'sample.read', label: '示例流程查看', group: '示例', kind: 'business', grantTo: ['director', 'staff'] },
  { code: 'sample.act', label: '示例流程办理', group: '示例', kind: 'business', grantTo: ['staff'] },
  { code: 'sample.approve', label: '示例流程审批延期', group: '示例', kind: 'business', grantTo: ['director'] },
]);

const dated = z.object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD') });

export const sampleWorkflow = registerWorkflow({
  key: 'sample',
  label: '示例案件',
  entityType: 'sampleCase',
  initial: 'submitted',
  readPermission: 'sample.read',
  link: '/sample/:entityId',
  genericTransitions: true,
  states: {
    submitted: { label: '已申请' },
    amending: { label: '补正中' },
    accepted: { label: '已受理' },
    suspended: { label: '已中止' },
    decided: { label: '已决定', final: true },
    rejected: { label: '不予受理', final: true },
  },
  transitions: [
    { key: 'requestAmend', label: '通知补正', from: ['submitted'], to: 'amending', permission: 'sample.act', data: dated, dateField: 'date' },
    { key: 'amended', label: '收到补正材料', from: ['amending'], to: 'submitted', permission: 'sample.act', data: dated, dateField: 'date' },
    { key: 'accept', label: '受理', from: ['submitted'], to: 'accepted', permission: 'sample.act', data: dated, dateField: 'date', instruments: [{ type: 'sampleNotice' }] },
    { key: 'reject', label: '不予受理', from: ['submitted'], to: 'rejected', permission: 'sample.act', data: dated.extend({ reason: z.string().min(2, '请填写不予受理理由') }), dateField: 'date' },
    { key: 'suspend', label: '中止', from: ['accepted'], to: 'suspended', permission: 'sample.act', data: dated, dateField: 'date', clock: 'suspend' },
    { key: 'resume', label: '恢复', from: ['suspended'], to: 'accepted', permission: 'sample.act', data: dated, dateField: 'date', clock: 'resume' },
    { key: 'extend', label: '延期审理', from: ['accepted'], to: 'accepted', permission: 'sample.approve', data: dated, dateField: 'date', extend: { deadline: 'decide', days: 30, cite: '行政复议法 第六十二条' } },
    { key: 'decide', label: '作出决定', from: ['accepted'], to: 'decided', permission: 'sample.act', data: dated, dateField: 'date' },
  ],
  deadlines: [
    // Shaped like 行政复议法 第三十条 / 第三十一条: 5 working days to decide on acceptance, restarted by the correction.
    { key: 'review', label: '受理审查', after: 'start', days: 5, unit: 'workingDay', until: ['accept', 'reject', 'requestAmend'], cite: '行政复议法 第三十条' },
    { key: 'reviewAfterAmend', label: '受理审查（补正后重新计算）', after: 'amended', days: 5, unit: 'workingDay', until: ['accept', 'reject', 'requestAmend'], cite: '行政复议法 第三十一条' },
    { key: 'decide', label: '审结', after: 'accept', days: 60, unit: 'calendarDay', until: ['decide'], cite: '行政复议法 第六十二条' },
  ],
});
