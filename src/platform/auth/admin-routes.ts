import { z } from 'zod';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError, conflict, invalid, notFound } from '../errors';
import { idParam, pageOf, pageQuery, voidBody } from '../http/schemas';
import { recordAudit } from '../audit/service';
import { getOrgInScope } from '../orgs/service';
import { defaultPolicy, getPolicy, putSetting } from '../settings/service';
import { dataScopeLabels, kindAllows, permissionCatalogue } from './permissions';
import { rolePermissions, roles, userRoles, users } from './schema';
import { createUser, listUsers, resetPassword, unlockUser, updateUser, voidUser } from './users';
import { orgInScope } from './scope';
import { getOrg } from '../orgs/service';

const userOut = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  title: z.string().nullable(),
  phoneMasked: z.string().nullable(),
  status: z.string(),
  locked: z.boolean(),
  lastLoginAt: z.string().nullable(),
  version: z.number(),
  roles: z.array(z.string()),
});

const dataScope = z.enum(['self', 'org', 'orgTree', 'all']);

export const adminRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.fz;

  // ---- users (系统管理员) ----
  app.get('/api/users', {
    config: { permission: 'user.read' },
    schema: {
      tags: ['用户'],
      summary: '用户列表',
      querystring: pageQuery.extend({ q: z.string().optional(), orgId: z.uuid().optional(), roleCode: z.string().optional(), status: z.enum(['active', 'disabled', 'locked']).optional() }),
      response: { 200: pageOf(userOut) },
    },
  }, async (req) => {
    const page = await listUsers(db, req.auth, req.query);
    return {
      ...page,
      items: page.items.map((u) => ({ ...u, locked: !!u.lockedUntil && u.lockedUntil.getTime() > Date.now(), lastLoginAt: u.lastLoginAt?.toISOString() ?? null, lockedUntil: undefined })),
    };
  });

  const userBody = z.object({
    username: z.string().trim().regex(/^[a-zA-Z][a-zA-Z0-9_.-]{2,31}$/, '用户名为3-32位字母、数字、下划线，以字母开头'),
    displayName: z.string().trim().min(2, '姓名至少2个字').max(50),
    orgId: z.uuid({ message: '请选择所属机构' }),
    title: z.string().max(50).nullable().optional(),
    phone: z.string().regex(/^1\d{10}$/, '手机号应为11位数字').nullable().optional().or(z.literal('')),
    roleCodes: z.array(z.string()).default([]),
    password: z.string().min(1, '请设置初始密码').max(128),
  });

  async function assertUserInScope(auth: Parameters<typeof orgInScope>[0], id: string) {
    const [u] = await db.select({ orgId: users.orgId }).from(users).where(and(eq(users.id, id), isNull(users.voidedAt)));
    const org = u && (await getOrg(db, u.orgId));
    if (!org || !orgInScope(auth, 'user.manage', org)) throw notFound('用户');
  }

  app.post('/api/users', { config: { permission: 'user.manage' }, schema: { tags: ['用户'], summary: '新建用户', body: userBody } }, async (req) => {
    await getOrgInScope(db, req.auth, 'user.manage', req.body.orgId);
    const user = await createUser(db, req.auth.actor, { ...req.body, phone: req.body.phone || null });
    return { id: user.id };
  });

  app.put('/api/users/:id', {
    config: { permission: 'user.manage' },
    schema: {
      tags: ['用户'],
      summary: '修改用户（含角色、停用）',
      params: idParam,
      body: z.object({
        displayName: z.string().trim().min(2).max(50).optional(),
        orgId: z.uuid().optional(),
        title: z.string().max(50).nullable().optional(),
        phone: z.string().regex(/^1\d{10}$/, '手机号应为11位数字').nullable().optional(),
        roleCodes: z.array(z.string()).optional(),
        status: z.enum(['active', 'disabled']).optional(),
        version: z.number().int(),
      }),
    },
  }, async (req) => {
    await assertUserInScope(req.auth, req.params.id);
    if (req.body.orgId) await getOrgInScope(db, req.auth, 'user.manage', req.body.orgId);
    const u = await updateUser(db, req.auth.actor, req.params.id, req.body);
    return { id: u.id, version: u.version };
  });

  app.post('/api/users/:id/reset-password', { config: { permission: 'user.manage' }, schema: { tags: ['用户'], summary: '重置密码', params: idParam, body: z.object({ password: z.string().min(1).max(128) }) } }, async (req) => {
    await assertUserInScope(req.auth, req.params.id);
    await resetPassword(db, req.auth.actor, req.params.id, req.body.password);
    return { ok: true };
  });

  app.post('/api/users/:id/unlock', { config: { permission: 'user.manage' }, schema: { tags: ['用户'], summary: '解除锁定', params: idParam } }, async (req) => {
    await assertUserInScope(req.auth, req.params.id);
    await unlockUser(db, req.auth.actor, req.params.id);
    return { ok: true };
  });

  app.post('/api/users/:id/void', { config: { permission: 'user.manage' }, schema: { tags: ['用户'], summary: '注销用户（不物理删除）', params: idParam, body: voidBody } }, async (req) => {
    await assertUserInScope(req.auth, req.params.id);
    await voidUser(db, req.auth.actor, req.params.id, req.body.reason);
    return { ok: true };
  });

  // ---- roles and permissions (安全管理员) ----
  app.get('/api/permissions', { config: { permission: 'role.read' }, schema: { tags: ['角色权限'], summary: '权限目录' } }, async () => ({
    permissions: permissionCatalogue().map(({ code, label, group, kind }) => ({ code, label, group, kind })),
    dataScopes: Object.entries(dataScopeLabels).map(([value, label]) => ({ value, label })),
  }));

  app.get('/api/roles', { config: { permission: 'role.read' }, schema: { tags: ['角色权限'], summary: '角色列表' } }, async () => {
    // Correlated subqueries name "roles"."id" outright: drizzle renders a single-table select's columns unqualified.
    const rows = await db
      .select({
        id: roles.id,
        code: roles.code,
        name: roles.name,
        description: roles.description,
        kind: roles.kind,
        dataScope: roles.dataScope,
        builtin: roles.builtin,
        version: roles.version,
        permissions: sql<string[]>`coalesce((select array_agg(rp.permission order by rp.permission) from role_permissions rp where rp.role_id = "roles"."id"), '{}')`,
        userCount: sql<number>`(select count(*)::int from user_roles ur join users u on u.id = ur.user_id where ur.role_id = "roles"."id" and u.voided_at is null)`,
      })
      .from(roles)
      .where(isNull(roles.voidedAt))
      .orderBy(asc(roles.kind), asc(roles.code));
    return rows;
  });

  const roleBody = z.object({
    code: z.string().trim().regex(/^[a-zA-Z][a-zA-Z0-9_.-]{1,63}$/, '角色代码为字母开头的字母数字组合'),
    name: z.string().trim().min(2).max(50),
    description: z.string().max(200).nullable().optional(),
    kind: z.enum(['business', 'system', 'security', 'audit']).default('business'),
    dataScope: dataScope,
    permissions: z.array(z.string()).default([]),
  });

  function checkGrants(kind: 'business' | 'system' | 'security' | 'audit', perms: string[]) {
    const bad = perms.filter((p) => !kindAllows(kind, p));
    if (bad.length) throw new AppError('SEPARATION_OF_DUTIES', `三员分立：该类角色不能拥有这些权限：${bad.join('、')}`, 400, { permissions: bad });
  }

  app.post('/api/roles', { config: { permission: 'role.manage' }, schema: { tags: ['角色权限'], summary: '新建角色', body: roleBody } }, async (req) => {
    checkGrants(req.body.kind, req.body.permissions);
    return db.transaction(async (tx) => {
      const [role] = await tx.insert(roles).values({ code: req.body.code, name: req.body.name, description: req.body.description ?? null, kind: req.body.kind, dataScope: req.body.dataScope }).returning();
      if (req.body.permissions.length) await tx.insert(rolePermissions).values(req.body.permissions.map((permission) => ({ roleId: role.id, permission })));
      await recordAudit(tx, req.auth.actor, { action: 'role.create', entityType: 'role', entityId: role.id, summary: `新建角色 ${role.name}`, after: { ...role, permissions: req.body.permissions } });
      return { id: role.id };
    });
  });

  app.put('/api/roles/:id', {
    config: { permission: 'role.manage' },
    schema: { tags: ['角色权限'], summary: '修改角色权限与数据范围', params: idParam, body: roleBody.omit({ code: true, kind: true }).partial().extend({ version: z.number().int() }) },
  }, async (req) => {
    return db.transaction(async (tx) => {
      const [before] = await tx.select().from(roles).where(and(eq(roles.id, req.params.id), isNull(roles.voidedAt)));
      if (!before) throw notFound('角色');
      if (before.version !== req.body.version) throw conflict();
      const beforePerms = (await tx.select().from(rolePermissions).where(eq(rolePermissions.roleId, before.id))).map((p) => p.permission).sort();
      if (req.body.permissions) {
        checkGrants(before.kind as 'business', req.body.permissions);
        await tx.delete(rolePermissions).where(eq(rolePermissions.roleId, before.id));
        if (req.body.permissions.length) await tx.insert(rolePermissions).values(req.body.permissions.map((permission) => ({ roleId: before.id, permission })));
      }
      const [after] = await tx
        .update(roles)
        .set({ name: req.body.name ?? before.name, description: req.body.description ?? before.description, dataScope: req.body.dataScope ?? before.dataScope, version: before.version + 1, updatedAt: new Date() })
        .where(eq(roles.id, before.id))
        .returning();
      await recordAudit(tx, req.auth.actor, {
        action: 'role.update',
        entityType: 'role',
        entityId: before.id,
        summary: `修改角色 ${before.name}`,
        before: { ...before, permissions: beforePerms },
        after: { ...after, permissions: req.body.permissions ? [...req.body.permissions].sort() : beforePerms },
      });
      return { id: after.id, version: after.version };
    });
  });

  app.post('/api/roles/:id/void', { config: { permission: 'role.manage' }, schema: { tags: ['角色权限'], summary: '停用角色', params: idParam, body: voidBody } }, async (req) => {
    return db.transaction(async (tx) => {
      const [before] = await tx.select().from(roles).where(and(eq(roles.id, req.params.id), isNull(roles.voidedAt)));
      if (!before) throw notFound('角色');
      if (before.builtin) throw invalid('内置角色不能停用', undefined, 'ROLE_BUILTIN');
      const holders = await tx.select({ n: sql<number>`count(*)::int` }).from(userRoles).where(eq(userRoles.roleId, before.id));
      if (holders[0].n > 0) throw new AppError('ROLE_IN_USE', '仍有用户拥有该角色，请先调整这些用户的角色', 409);
      await tx.update(roles).set({ voidedAt: new Date(), voidedBy: req.auth.user.id, voidReason: req.body.reason }).where(eq(roles.id, before.id));
      await recordAudit(tx, req.auth.actor, { action: 'role.void', entityType: 'role', entityId: before.id, summary: `停用角色 ${before.name}：${req.body.reason}`, before });
      return { ok: true };
    });
  });

  // ---- security policy (安全管理员) ----
  const policyBody = z.object({
    minLength: z.number().int().min(8, '密码长度不得低于8位').max(64),
    minClasses: z.number().int().min(3, '至少要求3类字符').max(4),
    lockoutThreshold: z.number().int().min(3).max(10),
    lockoutMinutes: z.number().int().min(5).max(1440),
    idleTimeoutMinutes: z.number().int().min(5).max(30, '会话超时不得超过30分钟'),
    passwordMaxAgeDays: z.number().int().min(30).max(365),
  });
  app.get('/api/admin/policy', { config: { permission: 'policy.manage' }, schema: { tags: ['安全策略'], response: { 200: policyBody } } }, async () => getPolicy(db));
  app.put('/api/admin/policy', { config: { permission: 'policy.manage' }, schema: { tags: ['安全策略'], body: policyBody } }, async (req) => {
    const before = await getPolicy(db);
    await db.transaction(async (tx) => {
      await putSetting(tx, 'security.policy', { ...defaultPolicy, ...req.body }, req.auth.user.id);
      await recordAudit(tx, req.auth.actor, { action: 'policy.update', entityType: 'setting', entityId: 'security.policy', summary: '修改安全策略', before, after: req.body });
    });
    return { ok: true };
  });
};
