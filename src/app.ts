import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyServerOptions } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from './config';
import type { Database } from './platform/db/client';
import { installErrorHandler } from './platform/http/errors';
import { installAuthHook } from './platform/auth/hook';
import { authRoutes } from './platform/auth/routes';
import { adminRoutes } from './platform/auth/admin-routes';
import { orgRoutes } from './platform/orgs/routes';
import { auditRoutes } from './platform/audit/routes';
import { platformRoutes } from './platform/routes';
import { calendarRoutes } from './platform/calendar/routes';
import { workflowRoutes } from './platform/workflow/routes';
import { instrumentRoutes } from './platform/instruments/routes';
import { ledgerRoutes } from './platform/ledger/routes';
import { searchRoutes } from './platform/search/routes';
import { indicatorRoutes } from './platform/indicators/routes';
import { registerModules, syncRolesAndPermissions } from './platform/bootstrap';
import { modules } from './modules';
import './platform/http/types';

z.config(z.locales.zhCN());

// FAZHI_WEB_DIST serves another build of the SPA (e.g. one engineer's browser tests while another rebuilds web/dist).
const webDist = process.env.FAZHI_WEB_DIST ? path.resolve(process.env.FAZHI_WEB_DIST) : path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../web/dist');

export interface BuildOptions {
  database: Database;
  config: Config;
  logger?: FastifyServerOptions['logger'];
}

/** The whole server: platform routes, every module's routes, OpenAPI, and the SPA. */
export async function buildApp({ database, config, logger = false }: BuildOptions) {
  registerModules(modules);
  await syncRolesAndPermissions(database.db);

  const app = Fastify({ logger, trustProxy: true, bodyLimit: 20 * 1024 * 1024 }).withTypeProvider<ZodTypeProvider>();
  app.decorate('fz', { db: database.db, dbKind: database.kind, config });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const hasWeb = fs.existsSync(path.join(webDist, 'index.html'));
  installErrorHandler(app, { spaFallback: () => hasWeb });

  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, { limits: { fileSize: 50 * 1024 * 1024, files: 10 } });
  await app.register(fastifySwagger, {
    openapi: { info: { title: 'Fazhi 法治 API', description: '县区司法局与司法所业务平台接口', version: '0.1.0' } },
    transform: jsonSchemaTransform,
  });
  installAuthHook(app);

  await app.register(authRoutes);
  await app.register(orgRoutes);
  await app.register(adminRoutes);
  await app.register(auditRoutes);
  await app.register(platformRoutes);
  // Each platform part registers its routes (and any start-up work, e.g. loading the calendar) in its plugin.
  await app.register(calendarRoutes);
  await app.register(workflowRoutes);
  await app.register(instrumentRoutes);
  await app.register(ledgerRoutes);
  await app.register(searchRoutes);
  await app.register(indicatorRoutes);
  for (const m of modules) if (m.routes) await app.register(m.routes);

  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());

  // Files are looked up on every request (wildcard), so rebuilding web/dist needs no restart.
  if (hasWeb) await app.register(fastifyStatic, { root: webDist, wildcard: true, index: 'index.html' });
  await app.ready();
  return app;
}

export type FazhiApp = Awaited<ReturnType<typeof buildApp>>;
