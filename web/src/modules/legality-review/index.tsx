import { lazy } from 'react';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { page, type WebModule } from '../../platform/module';
import { oversightMenu, oversightPortalRoutes, oversightPortalServices, oversightRoutes } from './oversight';

const DocumentList = lazy(() => import('./document-list'));
const DocumentDetail = lazy(() => import('./document-detail'));
const ReviewList = lazy(() => import('./review-list'));
const ReviewRegister = lazy(() => import('./review-register'));
const ReviewDetail = lazy(() => import('./review-detail'));
const ReviewBatch = lazy(() => import('./review-batch'));

/** 合法性审查与规范性文件 (DOMAIN.md §3): the document register with its lifecycle, and the township and county 合法性审查 flows. */
export const legalityReview: WebModule = {
  key: 'legality-review',
  label: '合法性审查',
  icon: <SafetyCertificateOutlined />,
  menu: [
    { path: '/legality/documents', label: '规范性文件', permission: 'normativeDoc.read' },
    { path: '/legality/reviews', label: '合法性审查', permission: 'legality.read' },
    ...oversightMenu,
  ],
  routes: [
    { path: 'legality/documents', element: page('normativeDoc.read', DocumentList) },
    { path: 'legality/documents/:id', element: page('normativeDoc.read', DocumentDetail) },
    { path: 'legality/reviews', element: page('legality.read', ReviewList) },
    { path: 'legality/reviews/new', element: page('legality.submit', ReviewRegister) },
    { path: 'legality/reviews/batch', element: page('legality.review', ReviewBatch) },
    { path: 'legality/reviews/:id', element: page('legality.read', ReviewDetail) },
    ...oversightRoutes,
  ],
  portalRoutes: [...oversightPortalRoutes],
  portalServices: [...oversightPortalServices],
};
