import crypto from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { sm3 } from '../crypto/sm';
import { sessions } from './schema';

export const SESSION_COOKIE = 'fz_sid';

export async function createSession(db: DbOrTx, userId: string, ip: string | null, userAgent: string | null) {
  const token = crypto.randomBytes(32).toString('base64url');
  const csrfToken = crypto.randomBytes(24).toString('base64url');
  await db.insert(sessions).values({ id: sm3(token), userId, csrfToken, ip, userAgent });
  return { token, csrfToken };
}

export type SessionLookup =
  | { ok: true; userId: string; csrfToken: string }
  | { ok: false; reason: 'missing' | 'expired' };

/** Finds a live session; one idle longer than the policy is ended (会话超时). */
export async function touchSession(db: DbOrTx, token: string | undefined, idleMinutes: number): Promise<SessionLookup> {
  if (!token) return { ok: false, reason: 'missing' };
  const id = sm3(token);
  const rows = await db.select().from(sessions).where(and(eq(sessions.id, id), isNull(sessions.endedAt)));
  if (!rows.length) return { ok: false, reason: 'missing' };
  const s = rows[0];
  if (Date.now() - s.lastSeenAt.getTime() > idleMinutes * 60_000) {
    await db.update(sessions).set({ endedAt: sql`now()`, endReason: 'idle-timeout' }).where(eq(sessions.id, id));
    return { ok: false, reason: 'expired' };
  }
  // Refresh at most every 30 s: one write per request would double the cost of every GET.
  if (Date.now() - s.lastSeenAt.getTime() > 30_000) await db.update(sessions).set({ lastSeenAt: sql`now()` }).where(eq(sessions.id, id));
  return { ok: true, userId: s.userId, csrfToken: s.csrfToken };
}

export async function endSession(db: DbOrTx, token: string, reason: string) {
  await db.update(sessions).set({ endedAt: sql`now()`, endReason: reason }).where(eq(sessions.id, sm3(token)));
}

export async function endUserSessions(db: DbOrTx, userId: string, reason: string) {
  await db.update(sessions).set({ endedAt: sql`now()`, endReason: reason }).where(and(eq(sessions.userId, userId), isNull(sessions.endedAt)));
}
