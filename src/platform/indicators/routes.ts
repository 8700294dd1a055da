import { z } from 'zod';
import { and, isNull, eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError, notFound } from '../errors';
import { isoDate } from '../http/schemas';
import { orgInScope } from '../auth/scope';
import { orgs } from '../orgs/schema';
import { resolveOrg } from '../orgs/service';
import type { AuthContext } from '../auth/context';
import type { DbOrTx } from '../db/client';
import { allIndicators, indicatorDef, present, type IndicatorQuery } from './registry';

const query = z.object({
  org: z.string().optional().describe('行政区划代码、机构名称或机构ID；默认本人所在机构（含下级）'),
  from: isoDate.optional().describe('起始日期，默认本年1月1日'),
  to: isoDate.optional().describe('截止日期，默认本年12月31日'),
  keys: z.string().optional().describe('逗号分隔的指标键'),
});

async function resolveQuery(db: DbOrTx, auth: AuthContext, q: z.infer<typeof query>): Promise<IndicatorQuery> {
  const year = new Date().getFullYear();
  const from = q.from ?? `${year}-01-01`;
  const to = q.to ?? `${year}-12-31`;
  if (from > to) throw new AppError('INDICATOR_BAD_PERIOD', '起始日期不能晚于截止日期', 400);
  let org;
  if (q.org) org = await resolveOrg(db, auth.rootPath, q.org);
  else [org] = await db.select().from(orgs).where(and(eq(orgs.id, auth.user.orgId), isNull(orgs.voidedAt)));
  if (!org) throw notFound('机构');
  return { org: { id: org.id, path: org.path, regionCode: org.regionCode, population: org.population }, from, to };
}

/** GET /api/indicators: every registered figure the caller may see for an org (with descendants) and period. */
export const indicatorRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.fz;
  app.get('/api/indicators', { schema: { tags: ['指标'], summary: '指标（按机构含下级、按期间）', querystring: query } }, async (req) => {
    const q = await resolveQuery(db, req.auth, req.query);
    const keys = req.query.keys?.split(',').map((k) => k.trim()).filter(Boolean);
    const defs = allIndicators().filter((d) => (!keys || keys.includes(d.key)) && req.auth.permissions.has(d.permission) && orgInScope(req.auth, d.permission, { id: q.org.id, path: q.org.path }));
    const indicators = [];
    for (const d of defs) indicators.push(present(d, await d.compute(db, q)));
    return { org: q.org.id, from: q.from, to: q.to, indicators };
  });

  app.get('/api/indicators/:key/records', {
    schema: { tags: ['指标'], summary: '指标背后的记录（分子或分母）', params: z.object({ key: z.string() }), querystring: query.extend({ part: z.enum(['numerator', 'denominator']).default('numerator') }) },
  }, async (req) => {
    const def = indicatorDef(req.params.key);
    if (!def) throw notFound('指标');
    const q = await resolveQuery(db, req.auth, req.query);
    if (!req.auth.permissions.has(def.permission) || !orgInScope(req.auth, def.permission, { id: q.org.id, path: q.org.path })) throw notFound('指标');
    const records = def.records ? await def.records(db, q, req.query.part) : [];
    return { key: def.key, label: def.label, part: req.query.part, records };
  });
};
