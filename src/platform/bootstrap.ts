import { inArray, sql } from 'drizzle-orm';
import type { Db } from './db/client';
import { builtinRoles, kindAllows, permissionCatalogue, registerPermissions, registerRoles } from './auth/permissions';
import { rolePermissions, roles } from './auth/schema';
import { getSetting, putSetting } from './settings/service';
import { registerOrgTypes } from './orgs/types';
import type { FazhiModule } from './module';
import { registerModuleLabel } from './indicators/registry';

export function registerModules(mods: FazhiModule[]) {
  for (const m of mods) {
    registerModuleLabel(m.key, m.label);
    if (m.permissions) registerPermissions(m.permissions);
    if (m.roles) registerRoles(m.roles);
    if (m.orgTypes) registerOrgTypes(m.orgTypes);
  }
}

/**
 * Makes sure every built-in role exists and holds its default permissions. Each default grant
 * (role × permission) is applied once and remembered, so a grant the 安全管理员 revoked stays revoked, while
 * a role or permission added by a newer version still gets its defaults.
 */
export async function syncRolesAndPermissions(db: Db) {
  await db.transaction(async (tx) => {
    for (const def of builtinRoles()) {
      await tx
        .insert(roles)
        .values({ code: def.code, name: def.name, kind: def.kind, dataScope: def.dataScope, description: def.description ?? null, builtin: true })
        .onConflictDoNothing({ target: roles.code });
    }
    const known = new Set(await getSetting<string[]>(tx, 'auth.knownGrants', []));
    const roleRows = await tx.select().from(roles).where(inArray(roles.code, builtinRoles().map((r) => r.code)));
    const fresh: string[] = [];
    for (const p of permissionCatalogue()) {
      const targets = new Set<string>();
      for (const code of p.grantTo ?? []) {
        if (code === '@all') builtinRoles().filter((r) => kindAllows(r.kind, p.code)).forEach((r) => targets.add(r.code));
        else if (code === '@business') builtinRoles().filter((r) => r.kind === 'business' && r.sharedGrants !== false).forEach((r) => targets.add(r.code));
        else targets.add(code);
      }
      for (const code of targets) {
        const grant = `${code}:${p.code}`;
        const role = roleRows.find((r) => r.code === code);
        if (known.has(grant) || !role) continue;
        await tx.insert(rolePermissions).values({ roleId: role.id, permission: p.code }).onConflictDoNothing();
        fresh.push(grant);
      }
    }
    if (fresh.length) await putSetting(tx, 'auth.knownGrants', [...known, ...fresh], null);
  });
}

export async function hasAnyOrg(db: Db) {
  const r = await db.execute(sql`select 1 from orgs limit 1`);
  return (r as unknown as { rows: unknown[] }).rows.length > 0;
}
