import { lazy } from 'react';
import { BankOutlined } from '@ant-design/icons';
import { page, type WebModule } from '../../platform/module';

const CaseList = lazy(() => import('./case-list'));
const CaseRegister = lazy(() => import('./case-register'));
const CaseDetailPage = lazy(() => import('./case-detail'));
const MediationList = lazy(() => import('./mediation-list'));
const SuggestionRedirect = lazy(() => import('./suggestion-redirect'));

/** 行政应诉 (行政诉讼法): lawsuits, 答辩 and appeal deadlines, 负责人出庭, 司法建议, 行政争议调解. */
export const litigation: WebModule = {
  key: 'litigation',
  label: '行政应诉',
  icon: <BankOutlined />,
  menu: [
    { path: '/litigation/cases', label: '应诉案件', permission: 'litigation.read' },
    { path: '/litigation/register', label: '登记应诉案件', permission: 'litigation.manage' },
    { path: '/litigation/mediations', label: '行政争议调解', permission: 'litigation.read' },
  ],
  routes: [
    { path: 'litigation/cases', element: page('litigation.read', CaseList) },
    { path: 'litigation/register', element: page('litigation.manage', CaseRegister) },
    { path: 'litigation/cases/:id', element: page('litigation.read', CaseDetailPage) },
    { path: 'litigation/mediations', element: page('litigation.read', MediationList) },
    { path: 'litigation/suggestions/:id', element: page('litigation.read', SuggestionRedirect) },
  ],
};
