import type { FazhiModule } from '../../platform/module';
import { PERM } from './terms';
import './workflow';
import { annualReportRoutes } from './routes';
import { seedAnnualReport } from './seed';

/**
 * 法治政府建设年度报告 (DOMAIN.md §8): drafted per org and year from the lines' indicators and the 报告素材 the bureau
 * records during the year; edited with versions, approved 科室 → 分管领导 → 主要负责人, published, output as 公文
 * .docx, PDF and public HTML.
 */
export const annualReportModule: FazhiModule = {
  key: 'annual-report',
  label: '年度报告',
  permissions: [
    { code: PERM.read, label: '查看法治政府建设年度报告', group: '年度报告', kind: 'business', grantTo: ['director', 'reportDrafter', 'reportDeputy'] },
    { code: PERM.edit, label: '起草、编辑年度报告（科室）', group: '年度报告', kind: 'business', grantTo: ['reportDrafter'] },
    { code: PERM.inputs, label: '登记年度报告素材', group: '年度报告', kind: 'business', grantTo: ['reportDrafter', 'reportDeputy', 'director'] },
    { code: PERM.deputyApprove, label: '审核年度报告（分管领导）', group: '年度报告', kind: 'business', grantTo: ['reportDeputy'] },
    { code: PERM.headApprove, label: '审批年度报告（主要负责人）', group: '年度报告', kind: 'business', grantTo: ['director'] },
    { code: PERM.publish, label: '公开年度报告', group: '年度报告', kind: 'business', grantTo: ['reportDrafter', 'director'] },
  ],
  roles: [
    { code: 'reportDrafter', name: '年度报告起草人（科室）', kind: 'business', dataScope: 'all', description: '法治督察与执法监督科：起草法治政府建设年度报告、登记报告素材、报送和公开' },
    { code: 'reportDeputy', name: '分管领导', kind: 'business', dataScope: 'all', description: '分管法治政府建设的副局长：审核年度报告' },
  ],
  routes: annualReportRoutes,
  seedDemo: seedAnnualReport,
};
