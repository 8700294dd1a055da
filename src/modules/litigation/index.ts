import type { FazhiModule } from '../../platform/module';
import { registerSearchable } from '../../platform/search/registry';
import { LITIGATION_MANAGE, LITIGATION_READ, LITIGATION_SETTINGS } from './workflow';
import './instruments';
import './indicators';
import './ledger';
import { litigationRoutes } from './routes';
import { seedLitigation } from './seed';

registerSearchable({ entityType: 'litigationCase', label: '行政应诉案件', permission: LITIGATION_READ, link: '/litigation/cases/:id' });

/** 行政应诉 (行政诉讼法): lawsuits against the county's organs, from 起诉状副本 to 终审, 负责人出庭, 司法建议, 行政争议调解. */
export const litigationModule: FazhiModule = {
  key: 'litigation',
  label: '行政应诉',
  permissions: [
    { code: LITIGATION_READ, label: '查看行政应诉案件', group: '行政应诉', kind: 'business', grantTo: ['director', 'staff', 'litigationOfficer', 'agencyLegal'] },
    { code: LITIGATION_MANAGE, label: '登记和办理行政应诉案件', group: '行政应诉', kind: 'business', grantTo: ['staff', 'litigationOfficer', 'agencyLegal'] },
    { code: LITIGATION_SETTINGS, label: '行政应诉设置（司法建议回复期限）', group: '行政应诉', kind: 'business', grantTo: ['director', 'litigationOfficer'] },
  ],
  roles: [
    { code: 'litigationOfficer', name: '行政应诉专员', kind: 'business', dataScope: 'all', description: '行政复议与应诉科：办理全县行政应诉案件' },
    { code: 'agencyLegal', name: '行政机关法制员', kind: 'business', dataScope: 'org', description: '行政机关法制机构人员：登记和办理本机关的应诉案件' },
  ],
  routes: litigationRoutes,
  seedDemo: seedLitigation,
};
