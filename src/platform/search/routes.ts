import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../errors';
import { pageOf, pageQuery } from '../http/schemas';
import { linkFor, searchableDef, searchableTypes } from './registry';
import { searchDocs } from './service';

const hitOut = z.object({
  entityType: z.string(),
  entityLabel: z.string(),
  entityId: z.string(),
  title: z.string(),
  rank: z.number(),
  link: z.string().nullable(),
  updatedAt: z.string(),
});

const typeOut = z.object({ entityType: z.string(), label: z.string() });

/** `types=a,b` or `types=a&types=b` → ['a', 'b']. */
const typeList = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? undefined : [v].flat().flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean)));

/** HTTP routes of the platform's search part (registered by src/app.ts). Any logged-in user; hits are filtered per type. */
export const searchRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.fz;

  app.get('/api/search', {
    schema: {
      tags: ['搜索'],
      summary: '全文搜索（仅返回本人有权查看的类型和数据范围内的记录）',
      querystring: pageQuery.extend({
        q: z.string().max(200, '搜索词不能超过200个字').default('').describe('搜索词'),
        types: typeList.describe('限定类型，逗号分隔'),
      }),
      response: { 200: pageOf(hitOut) },
    },
  }, async (req) => {
    const { q, page, pageSize } = req.query;
    const types = req.query.types?.length ? req.query.types : undefined;
    const unknown = (types ?? []).filter((t) => !searchableDef(t));
    if (unknown.length) throw new AppError('SEARCH_TYPE_UNKNOWN', `不支持搜索的类型：${unknown.join('、')}`, 400, { types: unknown });
    const result = await searchDocs(db, req.auth, { q, entityTypes: types, page, pageSize });
    return {
      items: result.items.map((h) => ({
        entityType: h.entityType,
        entityLabel: searchableDef(h.entityType)?.label ?? h.entityType,
        entityId: h.entityId,
        title: h.title,
        rank: h.rank,
        link: linkFor(h.entityType, h.entityId),
        updatedAt: h.updatedAt.toISOString(),
      })),
      total: result.total,
      page,
      pageSize,
    };
  });

  app.get('/api/search/types', {
    schema: { tags: ['搜索'], summary: '本人可以搜索的类型', response: { 200: z.array(typeOut) } },
  }, async (req) => searchableTypes().filter((d) => req.auth.permissions.has(d.permission)).map((d) => ({ entityType: d.entityType, label: d.label })));
};
