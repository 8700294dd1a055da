import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { AuditOutlined, DashboardOutlined, FundOutlined, SafetyCertificateOutlined, SettingOutlined } from '@ant-design/icons';
import { page, type MenuGroup } from './module';

// Every page is its own chunk: the first paint loads only the shell and the page asked for.
const WorkbenchPage = lazy(() => import('./workbench/workbench-page'));
const OrgsPage = lazy(() => import('./admin/orgs-page'));
const UsersPage = lazy(() => import('./admin/users-page'));
const RolesPage = lazy(() => import('./admin/roles-page'));
const CalendarPage = lazy(() => import('./admin/calendar-page'));
const AuditPage = lazy(() => import('./admin/audit-page'));
const IndicatorsPage = lazy(() => import('./indicators/indicators-page'));
const DashboardPage = lazy(() => import('./dashboard/dashboard-page'));
const AssessmentPage = lazy(() => import('./indicators/assessment-page'));
const ManualIndicatorsPage = lazy(() => import('./indicators/manual-page'));

/** The 工作台 comes first in the side menu, the business lines next, the administration last. */
export const workbenchMenu: MenuGroup = {
  key: 'workbench',
  label: '工作台',
  icon: <DashboardOutlined />,
  menu: [{ path: '/', label: '工作台', permission: 'workbench.view' }],
};

/**
 * 指标, next to the 工作台. Shown to holders of any indicator permission (see indicators/access.ts, the
 * layout filters it); the server decides which figures each user gets.
 */
export const indicatorsMenu: MenuGroup = {
  key: 'indicators',
  // No other entry's name contains 「指标」: the 指标 page stays one exact menu target.
  label: '统计与考核',
  icon: <FundOutlined />,
  menu: [
    { path: '/dashboard', label: '领导驾驶舱', permission: 'dashboard.view' },
    { path: '/indicators', label: '指标' },
    { path: '/indicators/assessment', label: '法治督察考核', permission: 'indicator.assessment.read' },
    { path: '/indicators/manual', label: '手工填报数据', permission: 'indicator.read' },
  ],
};

/** 三员分立 shows in the menu: each administrator sees only their own area. */
export const adminMenu: MenuGroup[] = [
  {
    key: 'system',
    label: '系统管理',
    icon: <SettingOutlined />,
    menu: [
      { path: '/admin/orgs', label: '组织机构', permission: 'org.read' },
      { path: '/admin/users', label: '用户管理', permission: 'user.read' },
      { path: '/admin/calendar', label: '工作日历', permission: 'calendar.manage' },
    ],
  },
  {
    key: 'security',
    label: '安全管理',
    icon: <SafetyCertificateOutlined />,
    menu: [{ path: '/admin/roles', label: '角色权限', permission: 'role.read' }],
  },
  {
    key: 'audit',
    label: '安全审计',
    icon: <AuditOutlined />,
    menu: [{ path: '/admin/audit', label: '审计日志', permission: 'audit.read' }],
  },
];

export const platformRoutes: RouteObject[] = [
  { index: true, element: page('workbench.view', WorkbenchPage) },
  { path: 'indicators', element: page(undefined, IndicatorsPage) },
  { path: 'dashboard', element: page('dashboard.view', DashboardPage) },
  { path: 'indicators/assessment', element: page('indicator.assessment.read', AssessmentPage) },
  { path: 'indicators/manual', element: page('indicator.read', ManualIndicatorsPage) },
  { path: 'admin/orgs', element: page('org.read', OrgsPage) },
  { path: 'admin/users', element: page('user.read', UsersPage) },
  { path: 'admin/roles', element: page('role.read', RolesPage) },
  { path: 'admin/calendar', element: page('calendar.manage', CalendarPage) },
  { path: 'admin/audit', element: page('audit.read', AuditPage) },
];
