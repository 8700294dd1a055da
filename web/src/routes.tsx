import { lazy, Suspense } from 'react';
import { createBrowserRouter, isRouteErrorResponse, useRouteError, Link } from 'react-router';
import { Button, Result } from 'antd';
import { FullPageSpin, RequireAuth } from './platform/auth/session';
import { installUnauthorizedRedirect } from './platform/auth/unauthorized';
import { AppLayout } from './platform/layout/app-layout';
import { platformRoutes } from './platform/nav';
import { webModules } from './modules';
import { portalRoute } from './portal/routes';

const LoginPage = lazy(() => import('./platform/auth/login-page'));

function RouteError() {
  const err = useRouteError();
  const chunkFailed = err instanceof Error && /dynamically imported module|Importing a module script failed/i.test(err.message);
  return (
    <Result
      status={isRouteErrorResponse(err) && err.status === 404 ? '404' : 'error'}
      title={chunkFailed ? '系统已更新，请刷新页面' : '页面出错了'}
      subTitle={chunkFailed ? '页面文件已更新到新版本。' : err instanceof Error ? err.message : '请刷新页面后重试；如仍出错请联系系统管理员。'}
      extra={<Button type="primary" onClick={() => window.location.reload()}>刷新页面</Button>}
    />
  );
}

function NotFound() {
  return <Result status="404" title="页面不存在" subTitle="您访问的页面不存在或已被移除。" extra={<Link to="/"><Button type="primary">返回工作台</Button></Link>} />;
}

export const router = createBrowserRouter([
  {
    path: '/login',
    element: (
      <Suspense fallback={<FullPageSpin />}>
        <LoginPage />
      </Suspense>
    ),
    errorElement: <RouteError />,
  },
  // The public portal: outside RequireAuth, no login.
  portalRoute(<RouteError />),
  {
    path: '/',
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    errorElement: <RouteError />,
    children: [...platformRoutes, ...webModules.flatMap((m) => m.routes), { path: '*', element: <NotFound /> }],
  },
]);

installUnauthorizedRedirect(router);
