import { asc, gt, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/client';
import { sm3 } from '../crypto/sm';
import { auditLog } from './schema';

export interface Actor {
  id: string | null;
  name: string;
  orgId: string | null;
  ip?: string | null;
}

export const systemActor: Actor = { id: null, name: '系统', orgId: null, ip: null };

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | null;
  summary?: string;
  before?: unknown;
  after?: unknown;
}

const GENESIS = '0'.repeat(64);
// One chain: writers take this transaction-scoped lock so two entries never share a predecessor.
const CHAIN_LOCK = 727_001;
/**
 * Takes the audit chain's transaction lock. Code that must take another lock before auditing (e.g. a
 * document-number counter row) calls this first, so every writer acquires the two in the same order.
 */
export async function lockAuditChain(tx: DbOrTx) {
  await tx.execute(sql`select pg_advisory_xact_lock(${CHAIN_LOCK})`);
}

const SECRET_KEY = /password|secret|token|Enc$|_enc$|Index$|_index$/i;

/** JSON-safe copy with secrets removed (hashes, ciphertexts, blind indexes never enter the log). */
function clean(value: unknown): unknown {
  if (value == null) return null;
  const json = JSON.parse(JSON.stringify(value, (k, v) => (k && SECRET_KEY.test(k) ? undefined : v)));
  return json;
}

export function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return '[' + value.map(canonical).join(',') + ']';
  const obj = value as Record<string, unknown>;
  return '{' + Object.keys(obj).filter((k) => obj[k] !== undefined).sort().map((k) => JSON.stringify(k) + ':' + canonical(obj[k])).join(',') + '}';
}

function diffOf(before: unknown, after: unknown): Record<string, [unknown, unknown]> | null {
  if (!before || !after || typeof before !== 'object' || typeof after !== 'object') return null;
  const b = before as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  const out: Record<string, [unknown, unknown]> = {};
  for (const k of new Set([...Object.keys(b), ...Object.keys(a)])) {
    if (canonical(b[k]) !== canonical(a[k])) out[k] = [b[k] ?? null, a[k] ?? null];
  }
  return out;
}

interface HashInput {
  at: string;
  actorId: string | null;
  actorName: string | null;
  orgId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  summary: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
  prevHash: string;
}

export function entryHash(e: HashInput): string {
  return sm3(canonical(e));
}

/** Appends one entry to the chain inside the caller's transaction (or a new one). */
export async function recordAudit(db: DbOrTx, actor: Actor, entry: AuditEntry): Promise<void> {
  const run = async (tx: DbOrTx) => {
    await lockAuditChain(tx);
    const last = await tx.select({ hash: auditLog.hash }).from(auditLog).orderBy(sql`${auditLog.seq} desc`).limit(1);
    const before = clean(entry.before);
    const after = clean(entry.after);
    const row: HashInput = {
      at: new Date().toISOString(),
      actorId: actor.id,
      actorName: actor.name,
      orgId: actor.orgId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      summary: entry.summary ?? null,
      before,
      after,
      ip: actor.ip ?? null,
      prevHash: last[0]?.hash ?? GENESIS,
    };
    await tx.insert(auditLog).values({ ...row, at: new Date(row.at), diff: diffOf(before, after), hash: entryHash(row) });
  };
  // A nested transaction is a savepoint: the entry commits or rolls back with the caller's write.
  await (db as Db).transaction(run);
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  brokenAt?: number;
  reason?: string;
}

/** Walks the whole chain recomputing each hash: `npm run fazhi -- audit-verify`. */
export async function verifyAuditChain(db: DbOrTx, batch = 5000): Promise<VerifyResult> {
  let prev = GENESIS;
  let lastSeq = 0;
  let checked = 0;
  for (;;) {
    const rows = await db.select().from(auditLog).where(gt(auditLog.seq, lastSeq)).orderBy(asc(auditLog.seq)).limit(batch);
    if (rows.length === 0) return { ok: true, checked };
    for (const r of rows) {
      if (r.prevHash !== prev) return { ok: false, checked, brokenAt: r.seq, reason: '前序哈希不一致（记录被删除或插入）' };
      const expected = entryHash({
        at: r.at.toISOString(),
        actorId: r.actorId,
        actorName: r.actorName,
        orgId: r.orgId,
        action: r.action,
        entityType: r.entityType,
        entityId: r.entityId,
        summary: r.summary,
        before: r.before,
        after: r.after,
        ip: r.ip,
        prevHash: r.prevHash,
      });
      if (expected !== r.hash) return { ok: false, checked, brokenAt: r.seq, reason: '记录内容与哈希不符（记录被篡改）' };
      prev = r.hash;
      lastSeq = r.seq;
      checked++;
    }
  }
}
