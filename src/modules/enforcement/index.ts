import type { FazhiModule } from '../../platform/module';
import { PERM } from './terms';
import './instruments';
import './indicators';
import './ledger';
import { enforcementRoutes } from './routes';
import { seedEnforcement } from './seed';

/**
 * 行政执法监督 (DOMAIN.md §4; 行政执法监督条例): the 司法局 supervises how the county's agencies enforce the law —
 * 执法主体 and 执法人员 registry, reported cases with statutory flags, inspections with 多头/重复检查 clues,
 * 案卷评查, 监督文书 with 整改 tracked to closure, 投诉举报 and 专项监督.
 */
export const enforcementModule: FazhiModule = {
  key: 'enforcement',
  label: '行政执法监督',
  permissions: [
    { code: PERM.read, label: '查看行政执法监督信息', group: '行政执法监督', kind: 'business', grantTo: ['director', 'enforcementSupervisor', 'agencyLegalOfficer'] },
    { code: PERM.report, label: '报送执法案件、检查记录、执法人员，完成整改', group: '行政执法监督', kind: 'business', grantTo: ['enforcementSupervisor', 'agencyLegalOfficer'] },
    { code: PERM.supervise, label: '行政执法监督（线索核查、案卷评查、监督文书、投诉举报）', group: '行政执法监督', kind: 'business', grantTo: ['enforcementSupervisor'] },
    { code: PERM.indicators, label: '查看行政执法监督指标', group: '行政执法监督', kind: 'business', grantTo: ['director', 'enforcementSupervisor'] },
  ],
  roles: [
    { code: 'enforcementSupervisor', name: '执法监督员', kind: 'business', dataScope: 'all', description: '司法局法治督察与执法监督科：监督全县行政执法（行政执法监督条例 第六条）' },
    { code: 'agencyLegalOfficer', name: '行政机关执法法制员', kind: 'business', dataScope: 'org', description: '行政机关法制机构：报送本机关执法案件、检查记录、执法人员，落实整改' },
  ],
  routes: enforcementRoutes,
  seedDemo: seedEnforcement,
};
