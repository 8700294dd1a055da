import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { settings } from './schema';

export async function getSetting<T>(db: DbOrTx, key: string, fallback: T): Promise<T> {
  const rows = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, key));
  if (!rows.length) return fallback;
  const value = rows[0].value;
  // Objects merge over their defaults so a setting saved by an older version gains new keys.
  return fallback && typeof fallback === 'object' && !Array.isArray(fallback) ? ({ ...fallback, ...(value as object) } as T) : (value as T);
}

export async function putSetting(db: DbOrTx, key: string, value: unknown, by: string | null) {
  policyCache = null;
  await db
    .insert(settings)
    .values({ key, value, updatedBy: by })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedBy: by, updatedAt: sql`now()` } });
}

/** 等保2.0 三级 defaults; the 安全管理员 edits them at /api/admin/policy. */
export interface SecurityPolicy {
  minLength: number;
  /** How many of the four classes (upper, lower, digit, symbol) a password needs. */
  minClasses: number;
  lockoutThreshold: number;
  lockoutMinutes: number;
  idleTimeoutMinutes: number;
  passwordMaxAgeDays: number;
}

export const defaultPolicy: SecurityPolicy = {
  minLength: 8,
  minClasses: 3,
  lockoutThreshold: 5,
  lockoutMinutes: 15,
  idleTimeoutMinutes: 30,
  passwordMaxAgeDays: 90,
};

/**
 * Every authenticated request reads the policy (idle timeout), so it is kept for a few seconds; a change
 * through putSetting() in this process drops it at once, one made elsewhere counts within POLICY_TTL_MS.
 */
const POLICY_TTL_MS = 5_000;
let policyCache: { db: DbOrTx; at: number; value: SecurityPolicy } | null = null;

export async function getPolicy(db: DbOrTx): Promise<SecurityPolicy> {
  const now = Date.now();
  if (policyCache && policyCache.db === db && now - policyCache.at < POLICY_TTL_MS) return policyCache.value;
  const value = await getSetting(db, 'security.policy', defaultPolicy);
  policyCache = { db, at: now, value };
  return value;
}
