import { sql, type SQL, type Column } from 'drizzle-orm';
import { forbidden } from '../errors';
import type { AuthContext } from './context';

/**
 * The one place data scope becomes SQL. Every list, read and export of a business table goes through it:
 *   self → created_by = me · org → org_id = my org · orgTree → my org and below · all → my whole tree.
 * Without the permission the condition is FALSE (no rows), never "everything".
 */
export function scopeCondition(auth: AuthContext, permission: string, cols: { orgId: Column; createdBy?: Column }): SQL {
  const scope = auth.scopes.get(permission);
  switch (scope) {
    case 'self':
      return cols.createdBy ? sql`${cols.createdBy} = ${auth.user.id}` : sql`${cols.orgId} = ${auth.user.orgId}`;
    case 'org':
      return sql`${cols.orgId} = ${auth.user.orgId}`;
    case 'orgTree':
      return sql`${cols.orgId} in (select id from orgs where path like ${auth.orgPath + '%'})`;
    case 'all':
      return sql`${cols.orgId} in (select id from orgs where path like ${auth.rootPath + '%'})`;
    default:
      return sql`false`;
  }
}

/** Is a given org inside the caller's scope for a permission? (for writes and single reads by id) */
export function orgInScope(auth: AuthContext, permission: string, org: { id: string; path: string }, createdBy?: string | null): boolean {
  const scope = auth.scopes.get(permission);
  switch (scope) {
    case 'self':
      return createdBy != null ? createdBy === auth.user.id : org.id === auth.user.orgId;
    case 'org':
      return org.id === auth.user.orgId;
    case 'orgTree':
      return org.path.startsWith(auth.orgPath);
    case 'all':
      return org.path.startsWith(auth.rootPath);
    default:
      return false;
  }
}

export function requirePermission(auth: AuthContext, permission: string) {
  if (!auth.permissions.has(permission)) throw forbidden();
}
