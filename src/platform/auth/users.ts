import { and, asc, count, eq, ilike, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import { AppError, conflict, invalid, notFound } from '../errors';
import { recordAudit, type Actor } from '../audit/service';
import { protectPii } from '../crypto/sm';
import { getPolicy } from '../settings/service';
import { orgs } from '../orgs/schema';
import type { AuthContext } from './context';
import { scopeCondition } from './scope';
import { hashPassword, passwordProblems } from './password';
import { endUserSessions } from './session';
import { roles, userRoles, users } from './schema';

export interface UserInput {
  username: string;
  displayName: string;
  orgId: string;
  title?: string | null;
  phone?: string | null;
  roleCodes: string[];
  password: string;
}

/** 三员分立: one account holds at most one of the three administrator kinds, and no business role beside it. */
export function checkSeparationOfDuties(kinds: string[]) {
  const adminKinds = new Set(kinds.filter((k) => k !== 'business'));
  if (adminKinds.size > 1) throw new AppError('SEPARATION_OF_DUTIES', '三员分立：系统管理员、安全管理员、审计管理员不能由同一账号兼任', 400);
  if (adminKinds.size === 1 && kinds.some((k) => k === 'business')) throw new AppError('SEPARATION_OF_DUTIES', '三员分立：管理员账号不能同时拥有业务角色', 400);
}

async function rolesByCode(db: Db | Parameters<Parameters<Db['transaction']>[0]>[0], codes: string[]) {
  if (!codes.length) return [];
  const found = await db.select().from(roles).where(and(inArray(roles.code, codes), isNull(roles.voidedAt)));
  const missing = codes.filter((c) => !found.some((r) => r.code === c));
  if (missing.length) throw invalid(`角色不存在：${missing.join('、')}`);
  return found;
}

export async function createUser(db: Db, actor: Actor, input: UserInput) {
  const policy = await getPolicy(db);
  const problems = passwordProblems(input.password, policy, input.username);
  if (problems.length) throw new AppError('PASSWORD_WEAK', problems.join('；'), 400, { problems });
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const [org] = await tx.select().from(orgs).where(and(eq(orgs.id, input.orgId), isNull(orgs.voidedAt)));
    if (!org) throw invalid('所属机构不存在');
    const dup = await tx.select({ id: users.id }).from(users).where(eq(users.username, input.username));
    if (dup.length) throw new AppError('USERNAME_TAKEN', `用户名 ${input.username} 已被使用`, 409);
    const roleRows = await rolesByCode(tx, input.roleCodes);
    checkSeparationOfDuties(roleRows.map((r) => r.kind));
    const phone = protectPii(input.phone);
    const [user] = await tx
      .insert(users)
      .values({
        username: input.username,
        displayName: input.displayName,
        orgId: input.orgId,
        title: input.title ?? null,
        passwordHash,
        mustChangePassword: true,
        phoneEnc: phone.enc,
        phoneMasked: phone.masked,
        phoneIndex: phone.index,
      })
      .returning();
    if (roleRows.length) await tx.insert(userRoles).values(roleRows.map((r) => ({ userId: user.id, roleId: r.id })));
    await recordAudit(tx, actor, { action: 'user.create', entityType: 'user', entityId: user.id, summary: `新建用户 ${user.username}（${user.displayName}）`, after: { ...user, roles: input.roleCodes } });
    return user;
  });
}

export interface UserPatch {
  displayName?: string;
  orgId?: string;
  title?: string | null;
  phone?: string | null;
  roleCodes?: string[];
  status?: 'active' | 'disabled';
  version: number;
}

export async function updateUser(db: Db, actor: Actor, id: string, patch: UserPatch) {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(users).where(and(eq(users.id, id), isNull(users.voidedAt)));
    if (!before) throw notFound('用户');
    if (before.version !== patch.version) throw conflict();
    const beforeRoles = await tx.select({ code: roles.code }).from(userRoles).innerJoin(roles, eq(roles.id, userRoles.roleId)).where(eq(userRoles.userId, id));
    const set: Partial<typeof users.$inferInsert> = { version: before.version + 1, updatedAt: new Date() };
    if (patch.displayName !== undefined) set.displayName = patch.displayName;
    if (patch.title !== undefined) set.title = patch.title;
    if (patch.status !== undefined) set.status = patch.status;
    if (patch.orgId !== undefined) {
      const [org] = await tx.select().from(orgs).where(and(eq(orgs.id, patch.orgId), isNull(orgs.voidedAt)));
      if (!org) throw invalid('所属机构不存在');
      set.orgId = patch.orgId;
    }
    if (patch.phone !== undefined) {
      const p = protectPii(patch.phone);
      Object.assign(set, { phoneEnc: p.enc, phoneMasked: p.masked, phoneIndex: p.index });
    }
    if (patch.roleCodes) {
      const roleRows = await rolesByCode(tx, patch.roleCodes);
      checkSeparationOfDuties(roleRows.map((r) => r.kind));
      await tx.delete(userRoles).where(eq(userRoles.userId, id));
      if (roleRows.length) await tx.insert(userRoles).values(roleRows.map((r) => ({ userId: id, roleId: r.id })));
    }
    const updated = await tx.update(users).set(set).where(and(eq(users.id, id), eq(users.version, patch.version))).returning();
    if (!updated.length) throw conflict();
    if (patch.status === 'disabled' || patch.roleCodes) await endUserSessions(tx, id, 'account-changed');
    await recordAudit(tx, actor, {
      action: 'user.update',
      entityType: 'user',
      entityId: id,
      summary: `修改用户 ${before.username}`,
      before: { ...before, roles: beforeRoles.map((r) => r.code).sort() },
      after: { ...updated[0], roles: patch.roleCodes ? [...patch.roleCodes].sort() : beforeRoles.map((r) => r.code).sort() },
    });
    return updated[0];
  });
}

export async function resetPassword(db: Db, actor: Actor, id: string, password: string) {
  const policy = await getPolicy(db);
  const [user] = await db.select().from(users).where(and(eq(users.id, id), isNull(users.voidedAt)));
  if (!user) throw notFound('用户');
  const problems = passwordProblems(password, policy, user.username);
  if (problems.length) throw new AppError('PASSWORD_WEAK', problems.join('；'), 400, { problems });
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, mustChangePassword: true, failedAttempts: 0, lockedUntil: null, passwordChangedAt: sql`now()` }).where(eq(users.id, id));
    await endUserSessions(tx, id, 'password-reset');
    await recordAudit(tx, actor, { action: 'user.resetPassword', entityType: 'user', entityId: id, summary: `重置用户 ${user.username} 的密码` });
  });
}

export async function unlockUser(db: Db, actor: Actor, id: string) {
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(users).where(eq(users.id, id));
    if (!before) throw notFound('用户');
    await tx.update(users).set({ failedAttempts: 0, lockedUntil: null }).where(eq(users.id, id));
    await recordAudit(tx, actor, { action: 'user.unlock', entityType: 'user', entityId: id, summary: `解锁用户 ${before.username}` });
  });
}

export async function voidUser(db: Db, actor: Actor, id: string, reason: string) {
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(users).where(and(eq(users.id, id), isNull(users.voidedAt)));
    if (!before) throw notFound('用户');
    if (before.id === actor.id) throw invalid('不能注销自己的账号');
    await tx.update(users).set({ voidedAt: sql`now()`, voidedBy: actor.id, voidReason: reason, status: 'disabled' }).where(eq(users.id, id));
    await endUserSessions(tx, id, 'account-voided');
    await recordAudit(tx, actor, { action: 'user.void', entityType: 'user', entityId: id, summary: `注销用户 ${before.username}：${reason}`, before });
  });
}

export interface UserFilter {
  q?: string;
  orgId?: string;
  roleCode?: string;
  status?: string;
  page: number;
  pageSize: number;
}

export async function listUsers(db: Db, auth: AuthContext, f: UserFilter) {
  const where: SQL[] = [isNull(users.voidedAt), scopeCondition(auth, 'user.read', { orgId: users.orgId, createdBy: users.id })];
  if (f.q) where.push(or(ilike(users.username, `%${f.q}%`), ilike(users.displayName, `%${f.q}%`))!);
  if (f.orgId) where.push(eq(users.orgId, f.orgId));
  if (f.status === 'locked') where.push(sql`${users.lockedUntil} > now()`);
  else if (f.status) where.push(eq(users.status, f.status));
  if (f.roleCode) where.push(sql`exists (select 1 from user_roles ur join roles r on r.id = ur.role_id where ur.user_id = ${users.id} and r.code = ${f.roleCode})`);
  const cond = and(...where);
  const [{ total }] = await db.select({ total: count() }).from(users).where(cond);
  const rows = await db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      orgId: users.orgId,
      orgName: orgs.name,
      title: users.title,
      phoneMasked: users.phoneMasked,
      status: users.status,
      lockedUntil: users.lockedUntil,
      lastLoginAt: users.lastLoginAt,
      version: users.version,
      roles: sql<string[]>`coalesce((select array_agg(r.code order by r.code) from user_roles ur join roles r on r.id = ur.role_id where ur.user_id = ${users.id}), '{}')`,
    })
    .from(users)
    .innerJoin(orgs, eq(orgs.id, users.orgId))
    .where(cond)
    .orderBy(asc(orgs.path), asc(users.username))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  return { items: rows, total, page: f.page, pageSize: f.pageSize };
}
