import { lazy } from 'react';
import { FileSearchOutlined } from '@ant-design/icons';
import { page, type WebModule } from '../../platform/module';

const Inspections = lazy(() => import('./inspections'));
const Supervision = lazy(() => import('./supervision'));
const Cases = lazy(() => import('./cases'));
const Registry = lazy(() => import('./registry'));
const Reviews = lazy(() => import('./reviews'));

/** 行政执法监督 (DOMAIN.md §4): inspections and clues, supervision and 整改, cases, registry, 案卷评查. */
export const enforcement: WebModule = {
  key: 'enforcement',
  label: '行政执法监督',
  icon: <FileSearchOutlined />,
  menu: [
    { path: '/enforcement/inspections', label: '行政检查监督', permission: 'enforcement.read' },
    { path: '/enforcement/supervision', label: '监督与整改', permission: 'enforcement.read' },
    { path: '/enforcement/cases', label: '执法案件', permission: 'enforcement.read' },
    { path: '/enforcement/reviews', label: '案卷评查', permission: 'enforcement.read' },
    { path: '/enforcement/registry', label: '执法主体与人员', permission: 'enforcement.read' },
  ],
  routes: [
    { path: 'enforcement/inspections', element: page('enforcement.read', Inspections) },
    { path: 'enforcement/supervision', element: page('enforcement.read', Supervision) },
    { path: 'enforcement/cases', element: page('enforcement.read', Cases) },
    { path: 'enforcement/reviews', element: page('enforcement.read', Reviews) },
    { path: 'enforcement/registry', element: page('enforcement.read', Registry) },
  ],
};
