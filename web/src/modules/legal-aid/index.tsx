import { lazy } from 'react';
import { CustomerServiceOutlined, QuestionCircleOutlined, SafetyOutlined, SearchOutlined } from '@ant-design/icons';
import { page, portalPage, type WebModule } from '../../platform/module';

const CaseList = lazy(() => import('./case-list'));
const CaseRegister = lazy(() => import('./case-register'));
const CaseDetail = lazy(() => import('./case-detail'));
const Objections = lazy(() => import('./objections'));
const DutyLogs = lazy(() => import('./duty-logs'));
const Notary = lazy(() => import('./notary'));
const Consultations = lazy(() => import('./consultations'));
const Network = lazy(() => import('./network'));
const Lawyers = lazy(() => import('./lawyers'));
const PortalApply = lazy(() => import('./portal-apply'));
const PortalTrack = lazy(() => import('./portal-track'));
const PortalConsultAsk = lazy(() => import('./portal-consult').then((m) => ({ default: m.PortalConsultAsk })));
const PortalConsultAnswer = lazy(() => import('./portal-consult').then((m) => ({ default: m.PortalConsultAnswer })));

/** 公共法律服务 (DOMAIN.md §6): 法律援助, 公证, 12348 咨询 and the service network, with public pages on the portal. */
export const legalAid: WebModule = {
  key: 'legal-aid',
  label: '公共法律服务',
  icon: <CustomerServiceOutlined />,
  menu: [
    { path: '/legal-aid/cases', label: '法律援助案件', permission: 'legalAid.read' },
    { path: '/legal-aid/objections', label: '法律援助异议审查', permission: 'legalAid.objection' },
    { path: '/legal-aid/duty-logs', label: '值班律师', permission: 'legalAid.register' },
    { path: '/legal-aid/notary', label: '公证事项', permission: 'notary.read' },
    { path: '/legal-aid/consultations', label: '法律咨询（12348）', permission: 'consultation.read' },
    { path: '/legal-aid/network', label: '服务网络一图可见', permission: 'legalService.read' },
    { path: '/legal-aid/lawyers', label: '律所与律师', permission: 'legalService.read' },
  ],
  routes: [
    { path: 'legal-aid/cases', element: page('legalAid.read', CaseList) },
    { path: 'legal-aid/cases/new', element: page('legalAid.register', CaseRegister) },
    { path: 'legal-aid/cases/:id', element: page('legalAid.read', CaseDetail) },
    { path: 'legal-aid/objections', element: page('legalAid.objection', Objections) },
    { path: 'legal-aid/duty-logs', element: page('legalAid.read', DutyLogs) },
    { path: 'legal-aid/notary', element: page('notary.read', Notary) },
    { path: 'legal-aid/consultations', element: page('consultation.read', Consultations) },
    { path: 'legal-aid/network', element: page('legalService.read', Network) },
    { path: 'legal-aid/lawyers', element: page('legalService.read', Lawyers) },
  ],
  portalRoutes: [
    { path: 'legal-aid/apply', element: portalPage(PortalApply) },
    { path: 'legal-aid/track', element: portalPage(PortalTrack) },
    { path: 'legal-aid/track/:code', element: portalPage(PortalTrack) },
    { path: 'consult', element: portalPage(PortalConsultAsk) },
    { path: 'consult/:code', element: portalPage(PortalConsultAnswer) },
  ],
  portalServices: [
    { to: '/portal/legal-aid/apply', icon: <SafetyOutlined />, title: '申请法律援助', text: '经济困难的群众可在网上申请法律援助，7日内作出决定，凭查询码查看进度' },
    { to: '/portal/legal-aid/track', icon: <SearchOutlined />, title: '法律援助进度查询', text: '输入查询码，查看审查决定和承办律师' },
    { to: '/portal/consult', icon: <QuestionCircleOutlined />, title: '网上法律咨询', text: '留言咨询法律问题，12348工作人员解答，凭查询码查看解答' },
  ],
};
