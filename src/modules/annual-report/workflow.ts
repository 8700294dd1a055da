/**
 * Approval of the 法治政府建设年度报告: 科室拟稿 → 分管领导审核 → 主要负责人审批 → 公开. The statutory dates (报送
 * 3月1日, 公开 4月1日 of the next year, 法治政府建设与责任落实督察工作规定 第二十四条) are calendar dates, not periods
 * after an event: deadlines of unit 'date', on the 工作台 like every other, from the report's year (start data).
 */
import { z } from 'zod';
import { registerWorkflow, START } from '../../platform/workflow/registry';
import { dueDates, ENTITY_TYPE, PERM, STATES, STATUTORY_DATES, WORKFLOW_KEY } from './terms';

const reason = z.object({ reason: z.string({ message: '请填写退回意见' }).trim().min(2, '请填写退回意见（至少2个字）').max(2000) });
const opinion = z.object({ opinion: z.string().trim().max(2000).optional() });

export const reportWorkflow = registerWorkflow({
  key: WORKFLOW_KEY,
  label: '法治政府建设年度报告',
  entityType: ENTITY_TYPE,
  initial: 'drafting',
  readPermission: PERM.read,
  link: '/annual-report/reports/:entityId',
  states: {
    drafting: { label: STATES.drafting },
    deputyReview: { label: STATES.deputyReview },
    headReview: { label: STATES.headReview },
    approved: { label: STATES.approved },
    published: { label: STATES.published, final: true },
  },
  transitions: [
    { key: 'submit', label: '提交分管领导审核', from: ['drafting'], to: 'deputyReview', permission: PERM.edit, data: opinion },
    { key: 'deputyApprove', label: '分管领导审核通过', from: ['deputyReview'], to: 'headReview', permission: PERM.deputyApprove, data: opinion },
    { key: 'deputyReturn', label: '分管领导退回修改', from: ['deputyReview'], to: 'drafting', permission: PERM.deputyApprove, data: reason },
    { key: 'headApprove', label: '主要负责人审批同意', from: ['headReview'], to: 'approved', permission: PERM.headApprove, data: opinion },
    { key: 'headReturn', label: '主要负责人退回修改', from: ['headReview'], to: 'drafting', permission: PERM.headApprove, data: reason },
    // 法治政府建设与责任落实督察工作规定 第二十四条: published to the public (by 1 April).
    { key: 'publish', label: '向社会公开', from: ['approved'], to: 'published', permission: PERM.publish, data: opinion },
  ],
  deadlines: [
    // 法治政府建设与责任落实督察工作规定 第二十四条: 每年3月1日前 报送上一级党委政府（本级审批同意后报送）.
    { key: 'submit', label: `${STATUTORY_DATES.submit.label}（次年3月1日前）`, after: START, days: 0, unit: 'date', dueOn: (data) => dueDates(Number(data.year)).submitBy, until: ['headApprove', 'publish'], cite: STATUTORY_DATES.submit.cite },
    // 同条: 每年4月1日前 通过报刊、网站等向社会公开.
    { key: 'publish', label: `${STATUTORY_DATES.publish.label}（次年4月1日前）`, after: START, days: 0, unit: 'date', dueOn: (data) => dueDates(Number(data.year)).publishBy, until: ['publish'], cite: STATUTORY_DATES.publish.cite },
  ],
  genericTransitions: false,
});
