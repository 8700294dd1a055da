import { lazy } from 'react';
import { FileProtectOutlined } from '@ant-design/icons';
import { page, type WebModule } from '../../platform/module';

const CaseList = lazy(() => import('./case-list'));
const CaseRegister = lazy(() => import('./case-register'));
const CaseDetailPage = lazy(() => import('./case-detail'));

/** 行政复议 (行政复议法 2023): case list, 窗口登记, case page with deadlines, 文书 and every action. */
export const adminReview: WebModule = {
  key: 'admin-review',
  label: '行政复议',
  icon: <FileProtectOutlined />,
  menu: [
    { path: '/admin-review/cases', label: '复议案件', permission: 'adminReview.read' },
    { path: '/admin-review/register', label: '登记申请', permission: 'adminReview.register' },
  ],
  routes: [
    { path: 'admin-review/cases', element: page('adminReview.read', CaseList) },
    { path: 'admin-review/register', element: page('adminReview.register', CaseRegister) },
    { path: 'admin-review/cases/:id', element: page('adminReview.read', CaseDetailPage) },
  ],
};
