import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { permissionDef } from './permissions';
import { changePassword, login } from './service';
import { SESSION_COOKIE, endSession } from './session';
import { getPolicy } from '../settings/service';
import { recordAudit } from '../audit/service';

const meBody = z.object({
  user: z.object({ id: z.string(), username: z.string(), displayName: z.string(), orgId: z.string(), orgName: z.string(), orgType: z.string(), regionCode: z.string(), mustChangePassword: z.boolean() }),
  roles: z.array(z.object({ code: z.string(), name: z.string(), kind: z.string(), dataScope: z.string() })),
  permissions: z.array(z.string()),
  csrfToken: z.string(),
  idleTimeoutMinutes: z.number(),
});

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.fz;

  app.post('/api/auth/login', {
    config: { public: true },
    schema: {
      tags: ['认证'],
      summary: '登录',
      body: z.object({ username: z.string().trim().min(1, '请输入用户名').max(64), password: z.string().min(1, '请输入密码').max(128) }),
      response: { 200: z.object({ ok: z.literal(true), mustChangePassword: z.boolean(), csrfToken: z.string() }) },
    },
  }, async (req, reply) => {
    const result = await login(db, req.body.username, req.body.password, req.ip, req.headers['user-agent'] ?? null);
    reply.setCookie(SESSION_COOKIE, result.token, { path: '/', httpOnly: true, sameSite: 'strict', secure: req.protocol === 'https' });
    return { ok: true as const, mustChangePassword: result.mustChangePassword, csrfToken: result.csrfToken };
  });

  app.post('/api/auth/logout', { schema: { tags: ['认证'], summary: '退出登录' } }, async (req, reply) => {
    await endSession(db, req.cookies[SESSION_COOKIE]!, 'logout');
    await recordAudit(db, req.auth.actor, { action: 'logout', entityType: 'user', entityId: req.auth.user.id, summary: '退出登录' });
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true };
  });

  app.get('/api/auth/me', { schema: { tags: ['认证'], summary: '当前用户', response: { 200: meBody } } }, async (req) => {
    const policy = await getPolicy(db);
    return {
      user: req.auth.user,
      roles: req.auth.roles,
      permissions: [...req.auth.permissions].filter((p) => permissionDef(p)).sort(),
      csrfToken: req.csrfToken,
      idleTimeoutMinutes: policy.idleTimeoutMinutes,
    };
  });

  app.post('/api/auth/password', {
    schema: {
      tags: ['认证'],
      summary: '修改密码',
      body: z.object({ oldPassword: z.string().min(1, '请输入原密码'), newPassword: z.string().min(1, '请输入新密码').max(128) }),
    },
  }, async (req) => {
    await changePassword(db, req.auth.user.id, req.body.oldPassword, req.body.newPassword, req.ip);
    return { ok: true };
  });
};
