import { Suspense, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import { Skeleton } from 'antd';
import { RequirePermission } from './auth/session';

/** One entry of the side menu: an absolute path, its Chinese label and the permission that shows it. */
export interface MenuItem {
  path: string;
  label: string;
  permission?: string;
}

/** A group of the side menu (a business line, or a platform area such as 系统管理). */
export interface MenuGroup {
  key: string;
  label: string;
  icon?: ReactNode;
  menu: MenuItem[];
}

/**
 * A business line's web part: its menu and its pages. A line adds itself to `web/src/modules/index.ts`
 * and nowhere else; the router mounts `routes` inside the signed-in layout, and the menu shows the
 * entries whose permission the user holds.
 *
 *   export const adminReview: WebModule = {
 *     key: 'admin-review', label: '行政复议', icon: <AuditOutlined />,
 *     menu: [{ path: '/admin-review/cases', label: '复议案件', permission: 'adminReview.read' }],
 *     routes: [{ path: 'admin-review/cases', element: page('adminReview.read', lazy(() => import('./case-list'))) }],
 *   };
 */
export interface WebModule extends MenuGroup {
  routes: RouteObject[];
  /** Public pages (no login) mounted under /portal, paths relative to it, e.g. `legal-aid/apply`. */
  portalRoutes?: RouteObject[];
  /** Cards on the portal's landing page linking to those pages. */
  portalServices?: PortalService[];
}

/** A card on the public portal's landing page. */
export interface PortalService {
  /** Absolute path, e.g. '/portal/legal-aid/apply'. */
  to: string;
  icon: ReactNode;
  title: string;
  text: string;
}

/** A public page element: lazily loaded, no permission check. */
export function portalPage(Component: LazyExoticComponent<ComponentType> | ComponentType): ReactNode {
  return (
    <Suspense fallback={<Skeleton active paragraph={{ rows: 6 }} />}>
      <Component />
    </Suspense>
  );
}

/** A route element: the permission check, then the lazily loaded page (its own chunk). */
export function page(permission: string | undefined, Component: LazyExoticComponent<ComponentType> | ComponentType): ReactNode {
  return (
    <RequirePermission permission={permission}>
      <Suspense fallback={<Skeleton active paragraph={{ rows: 8 }} style={{ padding: 24 }} />}>
        <Component />
      </Suspense>
    </RequirePermission>
  );
}

/** Menu groups with only the entries the user may open; groups left empty disappear. */
export function visibleMenu(groups: MenuGroup[], can: (permission?: string) => boolean): MenuGroup[] {
  return groups.map((g) => ({ ...g, menu: g.menu.filter((m) => can(m.permission)) })).filter((g) => g.menu.length > 0);
}
