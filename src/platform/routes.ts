import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'drizzle-orm';

/** Platform endpoints that belong to no single part: health. Parts add their own plugins beside this. */
export const platformRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/health', {
    config: { public: true },
    schema: { tags: ['系统'], summary: '健康检查', response: { 200: z.object({ status: z.literal('ok'), db: z.enum(['pglite', 'postgres']), version: z.string(), time: z.string() }) } },
  }, async () => {
    await app.fz.db.execute(sql`select 1`);
    return { status: 'ok' as const, db: app.fz.dbKind, version: '0.1.0', time: new Date().toISOString() };
  });
};
