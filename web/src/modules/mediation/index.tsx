import { lazy } from 'react';
import { TeamOutlined } from '@ant-design/icons';
import { page, portalPage, type WebModule } from '../../platform/module';

const CaseList = lazy(() => import('./case-list'));
const CaseRegister = lazy(() => import('./case-register'));
const CaseDetailPage = lazy(() => import('./case-detail'));
const RegistryPage = lazy(() => import('./registry'));
const CourtPage = lazy(() => import('./court'));
const ScreeningsPage = lazy(() => import('./screenings'));
const AdminDisputesPage = lazy(() => import('./admin-disputes'));
const PortalApply = lazy(() => import('./portal-apply'));

/** 人民调解 (人民调解法): cases, registry, 排查, 法院委派 诉前调解, 行政争议调解 links, the public application form. */
export const mediation: WebModule = {
  key: 'mediation',
  label: '人民调解',
  icon: <TeamOutlined />,
  menu: [
    { path: '/mediation/cases', label: '调解案件', permission: 'mediation.read' },
    { path: '/mediation/register', label: '登记纠纷', permission: 'mediation.manage' },
    { path: '/mediation/registry', label: '调解组织与调解员', permission: 'mediation.read' },
    { path: '/mediation/screenings', label: '矛盾纠纷排查', permission: 'mediation.read' },
    { path: '/mediation/admin-disputes', label: '行政争议调解', permission: 'mediation.read' },
    { path: '/mediation/court', label: '诉前委派调解', permission: 'mediation.court' },
  ],
  routes: [
    { path: 'mediation/cases', element: page('mediation.read', CaseList) },
    { path: 'mediation/register', element: page('mediation.manage', CaseRegister) },
    { path: 'mediation/cases/:id', element: page('mediation.read', CaseDetailPage) },
    { path: 'mediation/registry', element: page('mediation.read', RegistryPage) },
    { path: 'mediation/screenings', element: page('mediation.read', ScreeningsPage) },
    { path: 'mediation/admin-disputes', element: page('mediation.read', AdminDisputesPage) },
    { path: 'mediation/court', element: page('mediation.court', CourtPage) },
  ],
  portalRoutes: [{ path: 'mediation/apply', element: portalPage(PortalApply) }],
  portalServices: [{ to: '/portal/mediation/apply', icon: <TeamOutlined />, title: '网上申请人民调解', text: '邻里、婚姻家庭、合同等矛盾纠纷，在线申请人民调解，凭查询码查进度' }],
};
