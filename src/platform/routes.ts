import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'drizzle-orm';
import { rowsOf } from './db/client';

/** Platform endpoints that belong to no single part: health. Parts add their own plugins beside this. */
export const platformRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/health', {
    config: { public: true },
    schema: { tags: ['系统'], summary: '健康检查', response: { 200: z.object({ status: z.literal('ok'), db: z.enum(['pglite', 'postgres']), version: z.string(), time: z.string() }) } },
  }, async () => {
    await app.fz.db.execute(sql`select 1`);
    return { status: 'ok' as const, db: app.fz.dbKind, version: '0.1.0', time: new Date().toISOString() };
  });

  // Whose service the public portal is: the deployment's top org and its 司法局 (no login, no personal data).
  app.get('/api/public/site', {
    config: { public: true },
    schema: { tags: ['系统'], summary: '门户站点信息', response: { 200: z.object({ regionName: z.string().nullable(), regionCode: z.string().nullable(), bureauName: z.string().nullable() }) } },
  }, async () => {
    const [root] = rowsOf<{ name: string; region_code: string; path: string }>(
      await app.fz.db.execute(sql`select name, region_code, path from orgs where parent_id is null and voided_at is null order by created_at limit 1`),
    );
    if (!root) return { regionName: null, regionCode: null, bureauName: null };
    const [bureau] = rowsOf<{ name: string }>(
      await app.fz.db.execute(sql`select name from orgs where type = 'justiceBureau' and voided_at is null and path like ${root.path + '%'} order by length(path), created_at limit 1`),
    );
    return { regionName: root.name.replace(/人民政府$/, ''), regionCode: root.region_code, bureauName: bureau?.name ?? null };
  });
};
