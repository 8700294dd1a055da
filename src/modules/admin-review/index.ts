import type { FazhiModule } from '../../platform/module';
import { PERM } from './terms';
import './workflow';
import './instruments';
import './indicators';
import './ledger';
import { adminReviewRoutes } from './routes';
import { seedAdminReview } from './seed';

/** 行政复议 (行政复议法 2023): the 司法局's 行政复议与应诉科 handles cases decided in the county government's name. */
export const adminReviewModule: FazhiModule = {
  key: 'admin-review',
  label: '行政复议',
  permissions: [
    { code: PERM.read, label: '查看行政复议案件', group: '行政复议', kind: 'business', grantTo: ['director', 'reviewOfficer', 'reviewHead'] },
    { code: PERM.register, label: '登记行政复议申请', group: '行政复议', kind: 'business', grantTo: ['reviewOfficer', 'reviewHead'] },
    { code: PERM.handle, label: '办理行政复议案件', group: '行政复议', kind: 'business', grantTo: ['reviewOfficer', 'reviewHead'] },
    { code: PERM.approve, label: '审批延期审理、程序转换（机构负责人）', group: '行政复议', kind: 'business', grantTo: ['reviewHead', 'director'] },
    { code: PERM.import, label: '导入行政复议台账', group: '行政复议', kind: 'business', grantTo: ['reviewOfficer', 'reviewHead'] },
    { code: PERM.indicators, label: '查看行政复议指标', group: '行政复议', kind: 'business', grantTo: ['director', 'reviewOfficer', 'reviewHead'] },
  ],
  roles: [
    { code: 'reviewOfficer', name: '行政复议工作人员', kind: 'business', dataScope: 'all', description: '司法局行政复议与应诉科：登记、办理行政复议案件' },
    { code: 'reviewHead', name: '行政复议机构负责人', kind: 'business', dataScope: 'all', description: '审批延期审理、简易程序转普通程序（行政复议法 第五十五条、第六十二条）' },
  ],
  routes: adminReviewRoutes,
  seedDemo: seedAdminReview,
};
