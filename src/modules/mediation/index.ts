import type { FazhiModule } from '../../platform/module';
import { MEDIATION_COURT, MEDIATION_MANAGE, MEDIATION_READ, MEDIATION_REGISTRY } from './workflow';
import './instruments';
import './indicators';
import './ledger';
import { mediationRoutes } from './routes';
import { seedMediation } from './seed';

/**
 * 人民调解 (人民调解法): 调解委员会 and 调解员 registry, 专家库, cases from every source through 受理 → 分派 → 调解 →
 * 结案 → 回访 with 分级递进, 法院委派 诉前调解 with the court's own view, 司法确认, 排查, the public application form.
 */
export const mediationModule: FazhiModule = {
  key: 'mediation',
  label: '人民调解',
  permissions: [
    { code: MEDIATION_READ, label: '查看人民调解案件', group: '人民调解', kind: 'business', grantTo: ['director', 'mediationAdmin', 'mediationOfficer', 'mediator'] },
    { code: MEDIATION_MANAGE, label: '登记和办理人民调解案件', group: '人民调解', kind: 'business', grantTo: ['mediationAdmin', 'mediationOfficer', 'mediator'] },
    { code: MEDIATION_REGISTRY, label: '管理调解委员会、调解员和专家库', group: '人民调解', kind: 'business', grantTo: ['mediationAdmin', 'mediationOfficer'] },
    { code: MEDIATION_COURT, label: '法院委派诉前调解、查看委派案件结果', group: '人民调解', kind: 'business', grantTo: ['courtLiaison'] },
  ],
  roles: [
    { code: 'mediationAdmin', name: '人民调解管理员', kind: 'business', dataScope: 'all', description: '县司法局人民参与和促进法治科：全县人民调解工作' },
    { code: 'mediationOfficer', name: '司法所调解专干', kind: 'business', dataScope: 'orgTree', description: '司法所：指导本乡镇（街道）各调解委员会，办理本乡镇调解案件' },
    { code: 'mediator', name: '人民调解员', kind: 'business', dataScope: 'org', description: '调解委员会：只办理本委员会的调解案件' },
    { code: 'courtLiaison', name: '法院诉调对接员', kind: 'business', dataScope: 'org', description: '人民法院：委派诉前调解，查看本院委派案件的进度和结果，登记本院一审民商事收案数' },
  ],
  orgTypes: { mediationCommittee: '调解委员会' },
  routes: mediationRoutes,
  seedDemo: seedMediation,
};
