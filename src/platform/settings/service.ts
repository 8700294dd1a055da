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

export const getPolicy = (db: DbOrTx) => getSetting(db, 'security.policy', defaultPolicy);
