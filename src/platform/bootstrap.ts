import { inArray, sql } from 'drizzle-orm';
import type { Db } from './db/client';
import { builtinRoles, permissionCatalogue, registerPermissions, registerRoles } from './auth/permissions';
import { rolePermissions, roles } from './auth/schema';
import { getSetting, putSetting } from './settings/service';
import { registerOrgTypes } from './orgs/types';
import type { FazhiModule } from './module';

export function registerModules(mods: FazhiModule[]) {
  for (const m of mods) {
    if (m.permissions) registerPermissions(m.permissions);
    if (m.roles) registerRoles(m.roles);
    if (m.orgTypes) registerOrgTypes(m.orgTypes);
  }
}

/**
 * Makes sure every built-in role exists and holds the permissions introduced since the last start.
 * A permission already known is never re-granted, so the 安全管理员's revocations stick.
 */
export async function syncRolesAndPermissions(db: Db) {
  await db.transaction(async (tx) => {
    for (const def of builtinRoles()) {
      await tx
        .insert(roles)
        .values({ code: def.code, name: def.name, kind: def.kind, dataScope: def.dataScope, description: def.description ?? null, builtin: true })
        .onConflictDoNothing({ target: roles.code });
    }
    const known = new Set(await getSetting<string[]>(tx, 'auth.knownPermissions', []));
    const fresh = permissionCatalogue().filter((p) => !known.has(p.code));
    if (!fresh.length) return;
    const roleRows = await tx.select().from(roles).where(inArray(roles.code, builtinRoles().map((r) => r.code)));
    for (const p of fresh) {
      for (const code of p.grantTo ?? []) {
        const role = roleRows.find((r) => r.code === code);
        if (role) await tx.insert(rolePermissions).values({ roleId: role.id, permission: p.code }).onConflictDoNothing();
      }
    }
    await putSetting(tx, 'auth.knownPermissions', [...known, ...fresh.map((p) => p.code)], null);
  });
}

export async function hasAnyOrg(db: Db) {
  const r = await db.execute(sql`select 1 from orgs limit 1`);
  return (r as unknown as { rows: unknown[] }).rows.length > 0;
}
