import { lazy } from 'react';
import { Link, type RouteObject } from 'react-router';
import { Button, Result } from 'antd';
import { PortalLayout } from './portal-layout';
import { webModules } from '../modules';

const PortalLanding = lazy(() => import('./landing-page'));
const PortalApply = lazy(() => import('./apply-page'));
const PortalTrack = lazy(() => import('./track-page'));
const PortalDocumentSearch = lazy(() => import('./documents/search-page'));
const PortalDocumentPage = lazy(() => import('./documents/document-page'));

function PortalNotFound() {
  return <Result status="404" title="页面不存在" extra={<Link to="/portal"><Button type="primary">返回公共服务首页</Button></Link>} />;
}

/**
 * The public portal (no login): mounted beside, not inside, the signed-in layout, so RequireAuth never
 * runs here and a visitor is never sent to the login page.
 */
export function portalRoute(errorElement: RouteObject['errorElement']): RouteObject {
  return {
    path: '/portal',
    element: <PortalLayout />,
    errorElement,
    children: [
      { index: true, element: <PortalLanding /> },
      { path: 'admin-review/apply', element: <PortalApply /> },
      { path: 'admin-review/track', element: <PortalTrack /> },
      { path: 'admin-review/track/:code', element: <PortalTrack /> },
      { path: 'documents', element: <PortalDocumentSearch /> },
      { path: 'documents/:code', element: <PortalDocumentPage /> },
      ...webModules.flatMap((m) => m.portalRoutes ?? []),
      { path: '*', element: <PortalNotFound /> },
    ],
  };
}
