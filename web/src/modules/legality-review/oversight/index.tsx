import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { ScheduleOutlined } from '@ant-design/icons';
import { page, portalPage, type MenuItem, type PortalService } from '../../../platform/module';
import { OPERM } from './api';

const FilingList = lazy(() => import('./filing-list'));
const FilingDetail = lazy(() => import('./filing-detail'));
const CampaignList = lazy(() => import('./campaign-list'));
const CampaignDetail = lazy(() => import('./campaign-detail'));
const DecisionList = lazy(() => import('./decision-list'));
const DecisionDetail = lazy(() => import('./decision-detail'));
const PortalMajorDecisions = lazy(() => import('./portal-decisions'));

/** 备案审查, 清理 campaigns and 重大行政决策: menu entries and pages added to the legality line's web part. */
export const oversightMenu: MenuItem[] = [
  { path: '/legality/filings', label: '备案审查', permission: OPERM.filingRead },
  { path: '/legality/cleanup', label: '文件清理', permission: OPERM.cleanupRead },
  { path: '/legality/major-decisions', label: '重大行政决策', permission: OPERM.decisionRead },
];
export const oversightRoutes: RouteObject[] = [
  { path: 'legality/filings', element: page(OPERM.filingRead, FilingList) },
  { path: 'legality/filings/:id', element: page(OPERM.filingRead, FilingDetail) },
  { path: 'legality/cleanup', element: page(OPERM.cleanupRead, CampaignList) },
  { path: 'legality/cleanup/:id', element: page(OPERM.cleanupRead, CampaignDetail) },
  { path: 'legality/major-decisions', element: page(OPERM.decisionRead, DecisionList) },
  { path: 'legality/major-decisions/:id', element: page(OPERM.decisionRead, DecisionDetail) },
];
/** Public pages (under /portal) and their landing cards, e.g. the 重大行政决策 目录. */
export const oversightPortalRoutes: RouteObject[] = [{ path: 'major-decisions', element: portalPage(PortalMajorDecisions) }];
export const oversightPortalServices: PortalService[] = [
  { to: '/portal/major-decisions', icon: <ScheduleOutlined />, title: '重大行政决策目录', text: '查看年度重大行政决策事项、承办单位和程序进展' },
];
