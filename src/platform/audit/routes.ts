import { z } from 'zod';
import { and, desc, eq, gte, ilike, lte, or, sql, type SQL } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { isoDate, pageOf, pageQuery } from '../http/schemas';
import { auditLog } from './schema';
import { recordAudit, verifyAuditChain } from './service';
import { pagedRows, sendXlsx } from '../ledger/export';

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
        format: z.enum(['json', 'xlsx']).optional().describe('xlsx：按当前筛选导出 Excel'),
      }),
      response: { 200: pageOf(entryOut) },
    },
  }, async (req, reply) => {
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
    const fetchPage = async (page: number, pageSize: number) => {
      const [{ total }] = await db.select({ total: sql<number>`count(*)::int` }).from(auditLog).where(cond);
      const items = await db.select().from(auditLog).where(cond).orderBy(desc(auditLog.seq)).limit(pageSize).offset((page - 1) * pageSize);
      return { total, items };
    };
    if (q.format === 'xlsx') {
      // Same filters as the list; the export itself is audited.
      const { total, rows } = await pagedRows(async (page, size) => {
        const r = await fetchPage(page, size);
        return { total: r.total, items: r.items.map((e) => ({ seq: e.seq, at: e.at.toISOString(), actorName: e.actorName, action: e.action, entityType: e.entityType, entityId: e.entityId, summary: e.summary, ip: e.ip, hash: e.hash })) };
      });
      await recordAudit(db, req.auth.actor, { action: 'audit.export', entityType: 'audit_log', summary: `导出审计日志 ${total} 条` });
      return sendXlsx(reply, {
        filename: '审计日志',
        sheet: '审计日志',
        total,
        rows,
        columns: [
          { header: '序号', key: 'seq', width: 8 },
          { header: '时间', key: 'at', width: 24 },
          { header: '操作人', key: 'actorName', width: 12 },
          { header: '操作', key: 'action', width: 22 },
          { header: '对象类型', key: 'entityType', width: 16 },
          { header: '对象', key: 'entityId', width: 38 },
          { header: '摘要', key: 'summary', width: 50 },
          { header: 'IP', key: 'ip', width: 16 },
          { header: '哈希（SM3）', key: 'hash', width: 66 },
        ],
      });
    }
    const { total, items: rows } = await fetchPage(q.page, q.pageSize);
    await recordAudit(db, req.auth.actor, { action: 'audit.read', entityType: 'audit_log', summary: `查询审计日志（第${q.page}页）` });
    return { items: rows.map((r) => ({ ...r, at: r.at.toISOString() })), total, page: q.page, pageSize: q.pageSize };
  });

  app.post('/api/audit/verify', { config: { permission: 'audit.read' }, schema: { tags: ['审计日志'], summary: '校验审计日志哈希链' } }, async (req) => {
    const result = await verifyAuditChain(db);
    await recordAudit(db, req.auth.actor, { action: 'audit.verify', entityType: 'audit_log', summary: result.ok ? `校验通过，共${result.checked}条` : `校验失败：第${result.brokenAt}条 ${result.reason}` });
    return result;
  });
};
