import { registerPermissions, registerRoles } from '../auth/permissions';

/**
 * Permissions of the indicator engine's own parts. Each business line's figures keep their line's permission;
 * these cover what belongs to no line: 手工指标, 考核目标, 整改 and the leader 驾驶舱.
 */
export const IND_PERM = {
  /** See manual indicators (their data scope decides for which orgs). */
  read: 'indicator.read',
  /** Enter, correct and void manual values. */
  enterManual: 'indicator.manual.enter',
  /** Define manual indicators (key, label, unit, aggregation). */
  defineManual: 'indicator.manual.define',
  /** Set 考核目标. */
  manageTargets: 'indicator.target.manage',
  /** The 考核 view: each org against its targets. */
  assessment: 'indicator.assessment.read',
  /** Open, close and void 整改 items. */
  rectify: 'indicator.rectification.manage',
  dashboard: 'dashboard.view',
} as const;

registerRoles([
  {
    code: 'assessmentOfficer',
    name: '法治督察考核员',
    kind: 'business',
    dataScope: 'all',
    description: '法治督察与执法监督科：维护手工指标、考核目标，查看考核结果，督办整改（法治政府建设与责任落实督察工作规定）',
  },
]);

registerPermissions([
  { code: IND_PERM.read, label: '查看综合指标（手工指标）', group: '指标与考核', kind: 'business', grantTo: ['@business'] },
  { code: IND_PERM.enterManual, label: '填报手工指标', group: '指标与考核', kind: 'business', grantTo: ['assessmentOfficer'] },
  { code: IND_PERM.defineManual, label: '定义手工指标', group: '指标与考核', kind: 'business', grantTo: ['assessmentOfficer'] },
  { code: IND_PERM.manageTargets, label: '设定考核目标', group: '指标与考核', kind: 'business', grantTo: ['assessmentOfficer'] },
  { code: IND_PERM.assessment, label: '查看考核结果', group: '指标与考核', kind: 'business', grantTo: ['assessmentOfficer', 'director', 'staff'] },
  { code: IND_PERM.rectify, label: '督办整改事项', group: '指标与考核', kind: 'business', grantTo: ['assessmentOfficer', 'director'] },
  { code: IND_PERM.dashboard, label: '查看领导驾驶舱', group: '指标与考核', kind: 'business', grantTo: ['director', 'assessmentOfficer'] },
]);
