import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParam, voidBody } from '../http/schemas';
import { createOrg, getOrgInScope, orgSubtree, updateOrg, voidOrg } from './service';
import { orgTypeLabel, orgTypeList } from './types';

const orgBody = z.object({
  parentId: z.uuid().nullable().optional(),
  name: z.string().trim().min(2, '机构名称至少2个字').max(100),
  shortName: z.string().trim().max(20).nullable().optional(),
  type: z.string().min(1, '请选择机构类型'),
  regionCode: z.string().trim().regex(/^\d{6}(\d{3}(\d{3})?)?$/, '行政区划代码应为6、9或12位数字'),
  population: z.number().int().min(0).nullable().optional(),
  sort: z.number().int().optional(),
  address: z.string().max(200).nullable().optional(),
});

const orgOut = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  path: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
  type: z.string(),
  typeLabel: z.string(),
  regionCode: z.string(),
  population: z.number().nullable(),
  sort: z.number(),
  address: z.string().nullable(),
});

const present = (o: Awaited<ReturnType<typeof getOrgInScope>>) => ({
  id: o.id,
  parentId: o.parentId,
  path: o.path,
  name: o.name,
  shortName: o.shortName,
  type: o.type,
  typeLabel: orgTypeLabel(o.type),
  regionCode: o.regionCode,
  population: o.population,
  sort: o.sort,
  address: o.address,
});

export const orgRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.fz;

  app.get('/api/orgs/types', { schema: { tags: ['组织机构'], summary: '机构类型' } }, async () => orgTypeList());

  app.get('/api/orgs', {
    config: { permission: 'org.read' },
    schema: { tags: ['组织机构'], summary: '组织机构（本人可见范围，扁平列表，按树序）', response: { 200: z.array(orgOut) } },
  }, async (req) => {
    const scope = req.auth.scopes.get('org.read');
    const root = scope === 'all' ? req.auth.rootPath : req.auth.orgPath;
    const rows = await orgSubtree(db, root);
    return (scope === 'org' || scope === 'self' ? rows.filter((o) => o.id === req.auth.user.orgId) : rows).map(present);
  });

  app.get('/api/orgs/:id', { config: { permission: 'org.read' }, schema: { tags: ['组织机构'], params: idParam, response: { 200: orgOut } } }, async (req) =>
    present(await getOrgInScope(db, req.auth, 'org.read', req.params.id)),
  );

  app.post('/api/orgs', { config: { permission: 'org.manage' }, schema: { tags: ['组织机构'], summary: '新建机构', body: orgBody, response: { 200: orgOut } } }, async (req) => {
    if (req.body.parentId) await getOrgInScope(db, req.auth, 'org.manage', req.body.parentId);
    return present(await createOrg(db, req.auth.actor, req.body));
  });

  app.put('/api/orgs/:id', { config: { permission: 'org.manage' }, schema: { tags: ['组织机构'], summary: '修改机构', params: idParam, body: orgBody.partial(), response: { 200: orgOut } } }, async (req) => {
    await getOrgInScope(db, req.auth, 'org.manage', req.params.id);
    if (req.body.parentId) await getOrgInScope(db, req.auth, 'org.manage', req.body.parentId);
    return present(await updateOrg(db, req.auth.actor, req.params.id, req.body));
  });

  app.post('/api/orgs/:id/void', { config: { permission: 'org.manage' }, schema: { tags: ['组织机构'], summary: '撤销机构（不物理删除）', params: idParam, body: voidBody, response: { 200: orgOut } } }, async (req) => {
    await getOrgInScope(db, req.auth, 'org.manage', req.params.id);
    return present(await voidOrg(db, req.auth.actor, req.params.id, req.body.reason));
  });
};
