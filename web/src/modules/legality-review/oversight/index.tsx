import type { RouteObject } from 'react-router';
import type { MenuItem } from '../../../platform/module';

/** 备案审查, 清理 campaigns and 重大行政决策: menu entries and pages added to the legality line's web part. */
export const oversightMenu: MenuItem[] = [];
export const oversightRoutes: RouteObject[] = [];
