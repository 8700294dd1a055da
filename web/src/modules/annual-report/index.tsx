import { lazy } from 'react';
import { FileTextOutlined } from '@ant-design/icons';
import { page, portalPage, type WebModule } from '../../platform/module';

const ReportList = lazy(() => import('./report-list'));
const ReportDetail = lazy(() => import('./report-detail'));
const InputList = lazy(() => import('./input-list'));
const PublicReportList = lazy(() => import('./portal-reports').then((m) => ({ default: m.PublicReportList })));
const PublicReportView = lazy(() => import('./portal-reports').then((m) => ({ default: m.PublicReportView })));

/** 法治政府建设年度报告 (DOMAIN.md §8): drafts from the lines' figures, editing with versions, approval, publication. */
export const annualReport: WebModule = {
  key: 'annual-report',
  label: '年度报告',
  icon: <FileTextOutlined />,
  menu: [
    { path: '/annual-report/reports', label: '法治政府建设年度报告', permission: 'annualReport.read' },
    { path: '/annual-report/inputs', label: '报告素材', permission: 'annualReport.read' },
  ],
  routes: [
    { path: 'annual-report/reports', element: page('annualReport.read', ReportList) },
    { path: 'annual-report/reports/:id', element: page('annualReport.read', ReportDetail) },
    { path: 'annual-report/inputs', element: page('annualReport.read', InputList) },
  ],
  portalRoutes: [
    { path: 'annual-reports', element: portalPage(PublicReportList) },
    { path: 'annual-reports/:id', element: portalPage(PublicReportView) },
  ],
  portalServices: [{ to: '/portal/annual-reports', icon: <FileTextOutlined />, title: '法治政府建设年度报告', text: '查阅已向社会公开的法治政府建设年度报告' }],
};
