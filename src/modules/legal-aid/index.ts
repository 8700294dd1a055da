import type { FazhiModule } from '../../platform/module';
import { PERM } from './terms';
import './workflow';
import './instruments';
import './indicators';
import './ledger';
import { legalAidRoutes } from './routes';
import { seedLegalAid } from './seed';

/**
 * 公共法律服务 (DOMAIN.md §6): 法律援助 (application, 审查, 指派, 办理, 结案, 质量评估, 通知辩护, 异议, 值班律师),
 * 公证, 12348 法律咨询 and the service network (中心/站/室, 律所/律师, 一图可见).
 */
export const legalAidModule: FazhiModule = {
  key: 'legal-aid',
  label: '公共法律服务',
  permissions: [
    { code: PERM.read, label: '查看法律援助案件', group: '公共法律服务', kind: 'business', grantTo: ['director', 'legalAidStaff', 'legalAidLawyer', 'legalServiceAdmin'] },
    { code: PERM.register, label: '受理法律援助申请、通知辩护', group: '公共法律服务', kind: 'business', grantTo: ['legalAidStaff'] },
    { code: PERM.decide, label: '审查决定、指派、结案、质量评估（法律援助机构）', group: '公共法律服务', kind: 'business', grantTo: ['legalAidStaff'] },
    { code: PERM.handle, label: '办理指派的法律援助案件（法律援助人员）', group: '公共法律服务', kind: 'business', grantTo: ['legalAidLawyer'] },
    { code: PERM.objection, label: '审查法律援助异议（司法行政部门）', group: '公共法律服务', kind: 'business', grantTo: ['legalServiceAdmin', 'director'] },
    { code: PERM.indicators, label: '查看公共法律服务指标', group: '公共法律服务', kind: 'business', grantTo: ['director', 'legalAidStaff', 'legalServiceAdmin'] },
    { code: PERM.notaryRead, label: '查看公证事项', group: '公共法律服务', kind: 'business', grantTo: ['director', 'notaryStaff', 'legalServiceAdmin'] },
    { code: PERM.notaryManage, label: '办理公证事项', group: '公共法律服务', kind: 'business', grantTo: ['notaryStaff'] },
    { code: PERM.consultationRead, label: '查看法律咨询记录', group: '公共法律服务', kind: 'business', grantTo: ['director', 'consultationOperator', 'legalServiceAdmin', 'staff'] },
    { code: PERM.consultationManage, label: '登记和解答法律咨询', group: '公共法律服务', kind: 'business', grantTo: ['consultationOperator', 'staff'] },
    { code: PERM.networkRead, label: '查看公共法律服务网络、律所和律师', group: '公共法律服务', kind: 'business', grantTo: ['director', 'legalServiceAdmin', 'consultationOperator', 'legalAidStaff', 'staff'] },
    { code: PERM.networkManage, label: '管理服务网络、律所、律师和年度考核', group: '公共法律服务', kind: 'business', grantTo: ['legalServiceAdmin'] },
  ],
  roles: [
    { code: 'legalAidStaff', name: '法律援助中心工作人员', kind: 'business', dataScope: 'org', description: '受理法律援助申请和通知辩护，审查决定、指派、结案和质量评估（法律援助法 第四十三条、第三十六条）' },
    { code: 'legalAidLawyer', name: '法律援助人员（律师）', kind: 'business', dataScope: 'self', description: '办理指派给本人的法律援助案件，记录进展、提交结案材料' },
    { code: 'notaryStaff', name: '公证员', kind: 'business', dataScope: 'org', description: '公证处：受理、审查、出证' },
    { code: 'consultationOperator', name: '12348热线接线员', kind: 'business', dataScope: 'all', description: '登记热线咨询，解答网上咨询，转介法律援助、人民调解' },
    { code: 'legalServiceAdmin', name: '公共法律服务管理员', kind: 'business', dataScope: 'all', description: '司法局公共法律服务管理科：服务网络、律所律师及年度考核、法律援助异议审查' },
  ],
  routes: legalAidRoutes,
  seedDemo: seedLegalAid,
};
