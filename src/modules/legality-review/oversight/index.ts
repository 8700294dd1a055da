import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { registerRoles, type PermissionDef } from '../../../platform/auth/permissions';
import { OPERM } from './terms';
import './instruments';
import './indicators';
import { oversightApiRoutes } from './routes';

export { seedOversight } from './seed';

/**
 * 备案审查 (incoming filings and 纠错), 清理 campaigns and 重大行政决策 (DOMAIN.md §3): the oversight half of
 * the legality line, registered through the line's index.
 */
const group = '备案审查、清理与重大行政决策';
export const oversightPermissions: PermissionDef[] = [
  { code: OPERM.filingSubmit, label: '报送规范性文件备案、反馈纠错情况', group, kind: 'business', grantTo: ['normativeDocFiler', 'normativeDocManager'] },
  { code: OPERM.filingRead, label: '查看备案审查登记', group, kind: 'business', grantTo: ['director', 'normativeDocManager', 'normativeDocFiler'] },
  { code: OPERM.filingReview, label: '备案审查、出具纠错通知书', group, kind: 'business', grantTo: ['director', 'normativeDocManager'] },
  { code: OPERM.cleanupRead, label: '查看规范性文件清理任务', group, kind: 'business', grantTo: ['director', 'normativeDocManager'] },
  { code: OPERM.cleanupManage, label: '组织规范性文件清理（选文件、分配、完成）', group, kind: 'business', grantTo: ['director', 'normativeDocManager'] },
  { code: OPERM.decisionRead, label: '查看重大行政决策', group, kind: 'business', grantTo: ['director', 'normativeDocManager', 'legalityReviewer'] },
  { code: OPERM.decisionManage, label: '管理重大行政决策目录和程序', group, kind: 'business', grantTo: ['normativeDocManager'] },
];

// The filer of a county department or township: sees and submits only its own org's filings (data scope 本机构).
registerRoles([
  { code: 'normativeDocFiler', name: '规范性文件报送员', kind: 'business', dataScope: 'org', description: '县政府部门、乡镇（街道）：向司法局报送规范性文件备案，反馈纠错情况' },
]);

export const oversightRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(oversightApiRoutes);
};
