import crypto from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { createThrowawayDatabase } from '../db/throwaway';
import type { LightMyRequestResponse } from 'fastify';
import { loadConfig, type Config } from '../../config';
import { openPglite, openPostgres, type Database } from '../db/client';
import { useKeys } from '../crypto/sm';
import { buildApp, type FazhiApp } from '../../app';
import { seedDemo } from '../seed/demo';
import { registerModules, syncRolesAndPermissions } from '../bootstrap';
import { modules } from '../../modules';

export const TEST_PASSWORD = 'Test@12345';

/**
 * A throw-away database for one test file: in-memory PGlite by default, or — when DATABASE_URL is set —
 * a fresh database on that PostgreSQL server, dropped on close.
 */
export async function createTestDatabase(): Promise<Database & { name: string }> {
  useKeys({ encKey: crypto.randomBytes(16), macKey: crypto.randomBytes(32), indexKey: crypto.randomBytes(32) });
  const url = process.env.DATABASE_URL;
  if (!url) {
    const d = await openPglite();
    return { ...d, name: 'pglite' };
  }
  const throwaway = await createThrowawayDatabase(url, 'fazhi_t');
  const d = await openPostgres(throwaway.url, 5);
  return {
    ...d,
    name: throwaway.name,
    close: async () => {
      await d.close();
      await throwaway.drop();
    },
  };
}

export interface TestContext {
  app: FazhiApp;
  database: Database;
  config: Config;
  /** Logs a demo user in and returns a client that sends the session cookie and CSRF token. */
  login(username: string, password?: string): Promise<Client>;
  anonymous: Client;
  close(): Promise<void>;
}

export interface Client {
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  request(method: string, url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  cookie?: string;
  csrf?: string;
}

function client(app: FazhiApp, cookie?: string, csrf?: string): Client {
  const request = (method: string, url: string, body?: unknown, headers: Record<string, string> = {}) =>
    app.inject({
      method: method as 'GET',
      url,
      payload: body === undefined ? undefined : (body as object),
      headers: { ...(cookie ? { cookie } : {}), ...(csrf ? { 'x-csrf-token': csrf } : {}), ...headers },
    });
  return { request, get: (u) => request('GET', u), post: (u, b) => request('POST', u, b ?? {}), put: (u, b) => request('PUT', u, b ?? {}), cookie, csrf };
}

/**
 * The app on a fresh database seeded with the demo county (orgs, platform users, every module's demo data
 * unless `seedModules: false`). Demo users' password is TEST_PASSWORD.
 */
export async function createTestContext(opts: { seedModules?: boolean } = {}): Promise<TestContext> {
  const database = await createTestDatabase();
  const config: Config = { ...loadConfig({ DATA_DIR: path.join(os.tmpdir(), 'fazhi-test') }), demoPassword: TEST_PASSWORD, seedDemo: true, scheduler: false };
  registerModules(modules);
  await syncRolesAndPermissions(database.db);
  await seedDemo(database, config, opts.seedModules === false ? [] : modules);
  const app = await buildApp({ database, config });
  return {
    app,
    database,
    config,
    anonymous: client(app),
    async login(username, password = TEST_PASSWORD) {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
      const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
      return client(app, cookie, res.json().csrfToken);
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}
