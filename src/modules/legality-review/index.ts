import type { FazhiModule } from '../../platform/module';
import { PERM } from './terms';
import './workflow';
import './indicators';
import './ledger';
import { legalityRoutes } from './routes';
import { seedLegalityReview } from './seed';
import { oversightPermissions, oversightRoutes, seedOversight } from './oversight';

/**
 * 合法性审查 and 规范性文件 (DOMAIN.md §3): the 规范性文件 register with its public 文件码 lookup, and the
 * township / county 合法性审查 flow.
 */
export const legalityReviewModule: FazhiModule = {
  key: 'legality-review',
  label: '合法性审查',
  permissions: [
    { code: PERM.docRead, label: '查看规范性文件登记簿', group: '合法性审查', kind: 'business', grantTo: ['director', 'normativeDocManager', 'legalityReviewer', 'staff'] },
    { code: PERM.docManage, label: '管理规范性文件（公布、备案、修改、清理）', group: '合法性审查', kind: 'business', grantTo: ['director', 'normativeDocManager'] },
    { code: PERM.read, label: '查看合法性审查事项', group: '合法性审查', kind: 'business', grantTo: ['director', 'legalityReviewer', 'staff', 'legalitySubmitter', 'normativeDocManager'] },
    { code: PERM.submit, label: '送审合法性审查事项（承办机构）', group: '合法性审查', kind: 'business', grantTo: ['legalityReviewer', 'staff', 'legalitySubmitter', 'normativeDocManager'] },
    { code: PERM.check, label: '送审材料完整性审核（党政综合办）', group: '合法性审查', kind: 'business', grantTo: ['legalityReviewer', 'staff'] },
    { code: PERM.review, label: '出具合法性审查意见（法制审查员）', group: '合法性审查', kind: 'business', grantTo: ['legalityReviewer', 'staff'] },
    { code: PERM.indicators, label: '查看合法性审查与规范性文件指标', group: '合法性审查', kind: 'business', grantTo: ['director', 'legalityReviewer', 'normativeDocManager'] },
    ...oversightPermissions,
  ],
  roles: [
    { code: 'legalityReviewer', name: '法制审查员', kind: 'business', dataScope: 'org', description: '司法所或司法局合法性审查中心：审核送审材料、出具合法性审查意见（国办发〔2018〕115号）' },
    { code: 'normativeDocManager', name: '规范性文件管理员', kind: 'business', dataScope: 'all', description: '司法局：规范性文件登记、公布、备案审查、清理；文件进入合法性审核阶段时送审' },
    { code: 'legalitySubmitter', name: '合法性审查送审员', kind: 'business', dataScope: 'self', description: '县级部门（承办机构）：向司法局合法性审查中心送审，查看本部门送审事项和审查意见，反馈采纳情况' },
  ],
  routes: async (app) => {
    await app.register(legalityRoutes);
    await app.register(oversightRoutes);
  },
  seedDemo: async (ctx) => {
    await seedLegalityReview(ctx);
    await seedOversight(ctx);
  },
};
