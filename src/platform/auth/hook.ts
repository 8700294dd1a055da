import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors';
import { getPolicy } from '../settings/service';
import { loadAuthContext } from './context';
import { SESSION_COOKIE, touchSession } from './session';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Every /api route needs a live session unless it is declared `config: { public: true }`; a route's
 * `config.permission` is checked here; state-changing requests must echo the session's CSRF token
 * in `x-csrf-token` (the cookie is also SameSite=Strict).
 */
export function installAuthHook(app: FastifyInstance) {
  app.decorateRequest('auth', null as never);
  app.decorateRequest('csrfToken', '');
  app.addHook('preValidation', async (req: FastifyRequest) => {
    const config = req.routeOptions.config ?? {};
    if (!req.url.startsWith('/api/') || config.public) return;
    const policy = await getPolicy(app.fz.db);
    const session = await touchSession(app.fz.db, req.cookies[SESSION_COOKIE], policy.idleTimeoutMinutes);
    if (!session.ok) {
      throw session.reason === 'expired'
        ? new AppError('SESSION_EXPIRED', `超过${policy.idleTimeoutMinutes}分钟未操作，会话已超时，请重新登录`, 401)
        : new AppError('UNAUTHENTICATED', '请先登录', 401);
    }
    if (!SAFE.has(req.method) && req.headers['x-csrf-token'] !== session.csrfToken) {
      throw new AppError('CSRF_FAILED', '请求校验失败（CSRF），请刷新页面后重试', 403);
    }
    const auth = await loadAuthContext(app.fz.db, session.userId, req.ip);
    if (!auth) throw new AppError('UNAUTHENTICATED', '请先登录', 401);
    req.auth = auth;
    req.csrfToken = session.csrfToken;
    if (config.permission && !auth.permissions.has(config.permission)) throw new AppError('FORBIDDEN', '无权执行此操作', 403, { permission: config.permission });
  });
}
