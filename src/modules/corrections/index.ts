import type { FazhiModule } from '../../platform/module';
import { PERM } from './terms';
import './instruments';
import './indicators';
import './ledger';
import { correctionsRoutes } from './routes';
import { seedCorrections } from './seed';

/**
 * 社区矫正 and 安置帮教 (DOMAIN.md §7): 调查评估, 接收 → 报到 → 入矫宣告 → 监管 and 考核 → 奖惩 → 解除/终止, the
 * subject's mobile check-in, 脱管/漏管 alarms, the 在册 register view and 刑满释放人员 衔接. The most sensitive data
 * Fazhi holds: only the dedicated roles below reach it (never the generic 业务人员), each read of a file is audited.
 */
export const correctionsModule: FazhiModule = {
  key: 'corrections',
  label: '社区矫正',
  permissions: [
    { code: PERM.read, label: '查看社区矫正对象档案（查阅记录审计）', group: '社区矫正', kind: 'business', grantTo: ['correctionsOfficer', 'correctionsStaff'] },
    { code: PERM.manage, label: '社区矫正日常工作（接收、报到、宣告、监管、考核、提出奖惩、审批7日内外出）', group: '社区矫正', kind: 'business', grantTo: ['correctionsOfficer', 'correctionsStaff'] },
    { code: PERM.decide, label: '社区矫正决定（训诫、警告、提请撤销/收监、外出迁居审批、解除矫正、调查评估意见）', group: '社区矫正', kind: 'business', grantTo: ['correctionsOfficer'] },
    { code: PERM.export, label: '导出社区矫正对象名册（须填写事由）', group: '社区矫正', kind: 'business', grantTo: ['correctionsOfficer'] },
    { code: PERM.import, label: '导入社区矫正在册台账', group: '社区矫正', kind: 'business', grantTo: ['correctionsOfficer'] },
    // Aggregate figures for the annual report; their drill-down shows masked names only.
    { code: PERM.indicators, label: '查看社区矫正与安置帮教指标', group: '社区矫正', kind: 'business', grantTo: ['correctionsOfficer', 'correctionsStaff', 'director'] },
    { code: PERM.checkin, label: '社区矫正对象手机签到（仅本人）', group: '社区矫正', kind: 'business', grantTo: ['correctionsSubject'] },
  ],
  roles: [
    { code: 'correctionsOfficer', name: '社区矫正机构工作人员', kind: 'business', dataScope: 'all', description: '县级社区矫正机构：决定训诫、警告，提请撤销缓刑/假释、收监执行，审批外出、迁居，解除矫正，出具调查评估意见' },
    { code: 'correctionsStaff', name: '司法所社区矫正专干', kind: 'business', dataScope: 'org', description: '受委托的司法所：接收、报到、宣告、日常监管、考核、提出奖惩建议、安置帮教（社区矫正法 第九条）' },
    // No shared staff grants (组织机构, 文书, 附件, 综合指标): the subject reaches only their own check-in.
    { code: 'correctionsSubject', name: '社区矫正对象', kind: 'business', dataScope: 'self', description: '只能使用本人的手机签到页面', sharedGrants: false },
  ],
  routes: correctionsRoutes,
  seedDemo: seedCorrections,
};
