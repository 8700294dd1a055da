import { Suspense, useEffect } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { Layout, Skeleton, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';

/** The portal's generic name; the header adds whose service it is from `GET /api/public/site`. */
export const PORTAL_TITLE = '司法行政公共服务';

function useSiteTitle() {
  const site = useQuery({
    queryKey: ['public-site'],
    queryFn: async () => (await fetch('/api/public/site')).json() as Promise<{ bureauName: string | null }>,
    staleTime: Infinity,
    meta: { silent: true },
  });
  return site.data?.bureauName ? `${site.data.bureauName} · 公共服务` : PORTAL_TITLE;
}

const pageTitles: [RegExp, string][] = [
  [/^\/portal\/admin-review\/apply/, '申请行政复议'],
  [/^\/portal\/admin-review\/track/, '查询办理进度'],
];

/** The public side: no login, no side menu, one narrow column that reads on a phone. */
export function PortalLayout() {
  const { pathname } = useLocation();
  const title = useSiteTitle();
  useEffect(() => {
    const t = pageTitles.find(([re]) => re.test(pathname))?.[1];
    document.title = t ? `${t} · ${title}` : title;
  }, [pathname, title]);

  return (
    <Layout style={{ minHeight: '100vh', background: '#f5f7fa' }}>
      <header style={{ background: 'linear-gradient(135deg, #0f2b5b 0%, #1d4ed8 100%)', color: '#fff' }} data-testid="portal-header">
        <div style={{ maxWidth: 760, margin: '0 auto', padding: '14px 16px', display: 'flex', alignItems: 'center', gap: 10 }}>
          <Link to="/portal" style={{ display: 'flex', alignItems: 'center', gap: 10, color: '#fff' }}>
            <img src="/favicon.svg" alt="" width={30} height={30} />
            <span style={{ fontSize: 18, fontWeight: 600, letterSpacing: 1 }}>{title}</span>
          </Link>
        </div>
      </header>
      <main style={{ flex: 1, width: '100%', maxWidth: 760, margin: '0 auto', padding: '16px 12px 32px', boxSizing: 'border-box' }}>
        <Suspense fallback={<Skeleton active paragraph={{ rows: 8 }} />}>
          <Outlet />
        </Suspense>
      </main>
      <footer style={{ textAlign: 'center', padding: '16px 12px 24px' }}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          本页面无需登录。提交的个人信息仅用于办理您的申请，依法予以保密。
          <br />
          <Link to="/login">工作人员登录</Link>
        </Typography.Text>
      </footer>
    </Layout>
  );
}
