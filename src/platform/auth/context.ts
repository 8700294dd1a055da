import { and, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import type { Actor } from '../audit/service';
import { orgs } from '../orgs/schema';
import type { DataScope, RoleKind } from './permissions';
import { rolePermissions, roles, userRoles, users } from './schema';

/** Who is calling: the user, their org's place in the tree, their permissions and the data scope of each. */
export interface AuthContext {
  user: { id: string; username: string; displayName: string; orgId: string; orgName: string; orgType: string; regionCode: string; mustChangePassword: boolean };
  /** Materialized path of the user's org ('/root/…/org/'), and of the root of their tree. */
  orgPath: string;
  rootPath: string;
  roles: { code: string; name: string; kind: RoleKind; dataScope: DataScope }[];
  permissions: Set<string>;
  /** Widest data scope among the roles granting each permission. */
  scopes: Map<string, DataScope>;
  actor: Actor;
}

const scopeRank: Record<DataScope, number> = { self: 0, org: 1, orgTree: 2, all: 3 };

export function widerScope(a: DataScope | undefined, b: DataScope): DataScope {
  return a && scopeRank[a] >= scopeRank[b] ? a : b;
}

export async function loadAuthContext(db: DbOrTx, userId: string, ip: string | null = null): Promise<AuthContext | null> {
  const rows = await db
    .select({ user: users, org: orgs })
    .from(users)
    .innerJoin(orgs, eq(orgs.id, users.orgId))
    .where(and(eq(users.id, userId), isNull(users.voidedAt)));
  if (!rows.length) return null;
  const { user, org } = rows[0];
  // Roles and their permissions in one statement (a role without permissions still counts as held).
  const grants = await db
    .select({ id: roles.id, code: roles.code, name: roles.name, kind: roles.kind, dataScope: roles.dataScope, permission: rolePermissions.permission })
    .from(userRoles)
    .innerJoin(roles, eq(roles.id, userRoles.roleId))
    .leftJoin(rolePermissions, eq(rolePermissions.roleId, roles.id))
    .where(and(eq(userRoles.userId, userId), isNull(roles.voidedAt)));
  const roleRows = [...new Map(grants.map((g) => [g.id, g])).values()];
  const scopes = new Map<string, DataScope>();
  for (const g of grants) if (g.permission) scopes.set(g.permission, widerScope(scopes.get(g.permission), g.dataScope as DataScope));
  const rootId = org.path.split('/').filter(Boolean)[0];
  return {
    user: {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      orgId: user.orgId,
      orgName: org.name,
      orgType: org.type,
      regionCode: org.regionCode,
      mustChangePassword: user.mustChangePassword,
    },
    orgPath: org.path,
    rootPath: `/${rootId}/`,
    roles: roleRows.map((r) => ({ code: r.code, name: r.name, kind: r.kind as RoleKind, dataScope: r.dataScope as DataScope })),
    permissions: new Set(scopes.keys()),
    scopes,
    actor: { id: user.id, name: user.displayName, orgId: user.orgId, ip },
  };
}
