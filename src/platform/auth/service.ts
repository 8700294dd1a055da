import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { AppError } from '../errors';
import { recordAudit } from '../audit/service';
import { getPolicy } from '../settings/service';
import { hashPassword, passwordProblems, verifyPassword } from './password';
import { createSession } from './session';
import { users } from './schema';

// A fixed argon2 hash so an unknown username costs the same time as a wrong password.
let dummyHash: Promise<string> | undefined;

export async function login(db: Db, username: string, password: string, ip: string | null, userAgent: string | null) {
  const policy = await getPolicy(db);
  const rows = await db.select().from(users).where(and(eq(users.username, username), isNull(users.voidedAt)));
  const user = rows[0];
  const refuse = () => new AppError('LOGIN_FAILED', '用户名或密码错误', 401);
  if (!user) {
    dummyHash ??= hashPassword('not-a-real-password-Aa1!');
    await verifyPassword(await dummyHash, password);
    await recordAudit(db, { id: null, name: username, orgId: null, ip }, { action: 'login.failed', entityType: 'user', summary: `未知用户名 ${username} 登录失败` });
    throw refuse();
  }
  const actor = { id: user.id, name: user.displayName, orgId: user.orgId, ip };
  if (user.status !== 'active') throw new AppError('ACCOUNT_DISABLED', '账号已停用，请联系系统管理员', 403);
  if (user.lockedUntil && user.lockedUntil.getTime() > Date.now()) {
    const minutes = Math.ceil((user.lockedUntil.getTime() - Date.now()) / 60_000);
    throw new AppError('ACCOUNT_LOCKED', `连续登录失败次数过多，账号已锁定，请${minutes}分钟后再试`, 423, { lockedUntil: user.lockedUntil.toISOString() });
  }
  if (!(await verifyPassword(user.passwordHash, password))) {
    const failed = user.failedAttempts + 1;
    const lock = failed >= policy.lockoutThreshold;
    await db.transaction(async (tx) => {
      await tx
        .update(users)
        .set({ failedAttempts: lock ? 0 : failed, lockedUntil: lock ? new Date(Date.now() + policy.lockoutMinutes * 60_000) : user.lockedUntil })
        .where(eq(users.id, user.id));
      await recordAudit(tx, actor, { action: lock ? 'login.locked' : 'login.failed', entityType: 'user', entityId: user.id, summary: lock ? `连续${failed}次密码错误，账号锁定${policy.lockoutMinutes}分钟` : `密码错误（第${failed}次）` });
    });
    if (lock) throw new AppError('ACCOUNT_LOCKED', `连续${failed}次密码错误，账号已锁定${policy.lockoutMinutes}分钟`, 423);
    throw refuse();
  }
  return db.transaction(async (tx) => {
    await tx.update(users).set({ failedAttempts: 0, lockedUntil: null, lastLoginAt: sql`now()` }).where(eq(users.id, user.id));
    const session = await createSession(tx, user.id, ip, userAgent);
    await recordAudit(tx, actor, { action: 'login', entityType: 'user', entityId: user.id, summary: '登录成功' });
    const expired = Date.now() - user.passwordChangedAt.getTime() > policy.passwordMaxAgeDays * 86_400_000;
    return { ...session, userId: user.id, mustChangePassword: user.mustChangePassword || expired };
  });
}

export async function changePassword(db: Db, userId: string, oldPassword: string, newPassword: string, ip: string | null) {
  const policy = await getPolicy(db);
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  if (!user || !(await verifyPassword(user.passwordHash, oldPassword))) throw new AppError('PASSWORD_WRONG', '原密码不正确', 400);
  const problems = passwordProblems(newPassword, policy, user.username);
  if (oldPassword === newPassword) problems.push('新密码不能与原密码相同');
  if (problems.length) throw new AppError('PASSWORD_WEAK', problems.join('；'), 400, { problems });
  const passwordHash = await hashPassword(newPassword);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, passwordChangedAt: sql`now()`, mustChangePassword: false }).where(eq(users.id, userId));
    await recordAudit(tx, { id: user.id, name: user.displayName, orgId: user.orgId, ip }, { action: 'password.change', entityType: 'user', entityId: user.id, summary: '修改密码' });
  });
}
