/**
 * Permissions are data: each line declares its codes here (via its module definition) and roles hold them
 * in `role_permissions`. `kind` enforces 三员分立: a role of kind system/security/audit may only hold
 * permissions of its own kind (or `common`), and a business role none of those three kinds.
 */
export type RoleKind = 'system' | 'security' | 'audit' | 'business';
export type PermissionKind = RoleKind | 'common';
export type DataScope = 'self' | 'org' | 'orgTree' | 'all';

export const dataScopeLabels: Record<DataScope, string> = {
  self: '本人',
  org: '本机构',
  orgTree: '本机构及下级',
  all: '全部',
};

export interface PermissionDef {
  code: string;
  label: string;
  group: string;
  kind: PermissionKind;
  /**
   * Built-in role codes that hold this permission by default; '@business' = every built-in business role
   * (including those business lines declare), '@all' = every built-in role whose kind may hold it.
   */
  grantTo?: string[];
}

export interface RoleDef {
  code: string;
  name: string;
  kind: RoleKind;
  dataScope: DataScope;
  description?: string;
  /** false: the role does not receive the '@business' grants every staff role shares (e.g. a 社区矫正对象's check-in-only role). */
  sharedGrants?: boolean;
}

const permissions = new Map<string, PermissionDef>();
const roles = new Map<string, RoleDef>();

export function registerPermissions(defs: PermissionDef[]) {
  for (const d of defs) permissions.set(d.code, d);
}

export function registerRoles(defs: RoleDef[]) {
  for (const d of defs) roles.set(d.code, d);
}

export const permissionCatalogue = () => [...permissions.values()];
export const builtinRoles = () => [...roles.values()];
export const permissionDef = (code: string) => permissions.get(code);

/** 三员分立: may a role of this kind hold this permission? */
export function kindAllows(roleKind: RoleKind, permission: string): boolean {
  const def = permissions.get(permission);
  if (!def) return false;
  return def.kind === 'common' || def.kind === roleKind;
}

// The platform's own permissions and the three administrators plus the bureau head.
registerRoles([
  { code: 'sysadmin', name: '系统管理员', kind: 'system', dataScope: 'all', description: '管理组织机构、用户账号和工作日历；不能查看审计日志和业务数据' },
  { code: 'secadmin', name: '安全管理员', kind: 'security', dataScope: 'all', description: '管理角色、权限和安全策略' },
  { code: 'auditor', name: '审计管理员', kind: 'audit', dataScope: 'all', description: '只能查看和校验审计日志' },
  { code: 'director', name: '司法局局长', kind: 'business', dataScope: 'all', description: '查看本县全部业务数据' },
  { code: 'staff', name: '业务人员', kind: 'business', dataScope: 'org', description: '本机构业务办理' },
]);

registerPermissions([
  { code: 'workbench.view', label: '工作台', group: '通用', kind: 'common', grantTo: ['@all'] },
  { code: 'org.read', label: '查看组织机构', group: '系统管理', kind: 'common', grantTo: ['sysadmin', 'secadmin', '@business'] },
  { code: 'org.manage', label: '管理组织机构', group: '系统管理', kind: 'system', grantTo: ['sysadmin'] },
  { code: 'user.read', label: '查看用户', group: '系统管理', kind: 'common', grantTo: ['sysadmin', 'secadmin'] },
  { code: 'user.manage', label: '管理用户账号', group: '系统管理', kind: 'system', grantTo: ['sysadmin'] },
  { code: 'calendar.manage', label: '维护工作日历', group: '系统管理', kind: 'system', grantTo: ['sysadmin'] },
  { code: 'role.read', label: '查看角色权限', group: '安全管理', kind: 'common', grantTo: ['sysadmin', 'secadmin'] },
  { code: 'role.manage', label: '管理角色和权限', group: '安全管理', kind: 'security', grantTo: ['secadmin'] },
  { code: 'policy.manage', label: '管理安全策略', group: '安全管理', kind: 'security', grantTo: ['secadmin'] },
  { code: 'audit.read', label: '查看审计日志', group: '安全审计', kind: 'audit', grantTo: ['auditor'] },
]);
