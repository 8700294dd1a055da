import { z } from 'zod';
import { and, desc, eq, gte, ilike, lte, or, sql, type SQL } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { isoDate, pageOf, pageQuery } from '../http/schemas';
import { auditLog } from './schema';
import { recordAudit, verifyAuditChain } from './service';

const entryOut = z.object({
  seq: z.number(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  orgId: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  summary: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  diff: z.unknown(),
  ip: z.string().nullable(),
  hash: z.string(),
});

/** 审计管理员 only: read and verify. There is no write or delete endpoint, by design. */
export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.fz;
  app.get('/api/audit', {
    config: { permission: 'audit.read' },
    schema: {
      tags: ['审计日志'],
      summary: '审计日志',
      querystring: pageQuery.extend({
        q: z.string().optional(),
        action: z.string().optional(),
        entityType: z.string().optional(),
        entityId: z.string().optional(),
        actorId: z.uuid().optional(),
        from: isoDate.optional(),
        to: isoDate.optional(),
      }),
      response: { 200: pageOf(entryOut) },
    },
  }, async (req) => {
    const q = req.query;
    const where: SQL[] = [];
    if (q.action) where.push(eq(auditLog.action, q.action));
    if (q.entityType) where.push(eq(auditLog.entityType, q.entityType));
    if (q.entityId) where.push(eq(auditLog.entityId, q.entityId));
    if (q.actorId) where.push(eq(auditLog.actorId, q.actorId));
    if (q.from) where.push(gte(auditLog.at, new Date(q.from + 'T00:00:00+08:00')));
    if (q.to) where.push(lte(auditLog.at, new Date(q.to + 'T23:59:59.999+08:00')));
    if (q.q) where.push(or(ilike(auditLog.summary, `%${q.q}%`), ilike(auditLog.actorName, `%${q.q}%`))!);
    const cond = where.length ? and(...where) : undefined;
    const [{ total }] = await db.select({ total: sql<number>`count(*)::int` }).from(auditLog).where(cond);
    const rows = await db.select().from(auditLog).where(cond).orderBy(desc(auditLog.seq)).limit(q.pageSize).offset((q.page - 1) * q.pageSize);
    await recordAudit(db, req.auth.actor, { action: 'audit.read', entityType: 'audit_log', summary: `查询审计日志（第${q.page}页）` });
    return { items: rows.map((r) => ({ ...r, at: r.at.toISOString() })), total, page: q.page, pageSize: q.pageSize };
  });

  app.post('/api/audit/verify', { config: { permission: 'audit.read' }, schema: { tags: ['审计日志'], summary: '校验审计日志哈希链' } }, async (req) => {
    const result = await verifyAuditChain(db);
    await recordAudit(db, req.auth.actor, { action: 'audit.verify', entityType: 'audit_log', summary: result.ok ? `校验通过，共${result.checked}条` : `校验失败：第${result.brokenAt}条 ${result.reason}` });
    return result;
  });
};
