import type { RouteObject } from 'react-router';
import type { MenuItem, PortalService } from '../../../platform/module';

/** 备案审查, 清理 campaigns and 重大行政决策: menu entries and pages added to the legality line's web part. */
export const oversightMenu: MenuItem[] = [];
export const oversightRoutes: RouteObject[] = [];
/** Public pages (under /portal) and their landing cards, e.g. the 重大行政决策 目录. */
export const oversightPortalRoutes: RouteObject[] = [];
export const oversightPortalServices: PortalService[] = [];
