/**
 * `npm run bench -- [--scale 20000] [--db pglite|postgres] [--duration 10] [--connections 10] [--scenario users,audit]`
 *
 * Loads synthetic data (faker zh_CN) into a throw-away database, starts the real server on 127.0.0.1, and for
 * each scenario measures in one run: API latency under autocannon (1 connection, then N) and the raw SQL the
 * endpoint issues, executed directly on the driver. Writes bench/results/<date>-<db>.json and latest.md.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { fakerZH_CN as faker } from '@faker-js/faker';
import { is, sql, SQL, type SQLWrapper } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { loadConfig, type Config } from '../src/config';
import { buildApp } from '../src/app';
import { useKeys } from '../src/platform/crypto/sm';
import { registerModules, syncRolesAndPermissions } from '../src/platform/bootstrap';
import { seedDemo } from '../src/platform/seed/demo';
import { loadAuthContext } from '../src/platform/auth/context';
import { users } from '../src/platform/auth/schema';
import { orgs } from '../src/platform/orgs/schema';
import { modules } from '../src/modules';
import { openBenchPglite, openBenchPostgres, type BenchDatabase, type Statement } from './lib/db';
import type { BenchContext, Scenario } from './lib/scenario';
import { percentiles } from './lib/stats';
import { writeLatestMarkdown, writeResult, type BenchResult, type LoadRun, type ScenarioResult } from './lib/report';

const { values: args } = parseArgs({
  options: {
    scale: { type: 'string', default: '20000' },
    db: { type: 'string', default: 'pglite' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10' },
    scenario: { type: 'string' },
    'sql-runs': { type: 'string', default: '200' },
    help: { type: 'boolean', default: false },
  },
});

const scenarioDir = path.join(path.dirname(new URL(import.meta.url).pathname), 'scenarios');
const available = fs.readdirSync(scenarioDir).filter((f) => f.endsWith('.ts')).map((f) => f.slice(0, -3)).sort();

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

if (args.help) {
  console.log(`用法：npm run bench -- [--scale N] [--db pglite|postgres] [--duration 秒] [--connections N] [--sql-runs N] [--scenario ${available.join(',')}]`);
  process.exit(0);
}
const scale = Number(args.scale);
const duration = Number(args.duration);
const connections = Number(args.connections);
const sqlRuns = Number(args['sql-runs']);
if (!Number.isInteger(scale) || scale < 1) fail('--scale 应为正整数');
if (!(duration > 0 && duration <= 600)) fail('--duration 应为 1–600 秒');
if (!Number.isInteger(connections) || connections < 1 || connections > 200) fail('--connections 应为 1–200');
if (!Number.isInteger(sqlRuns) || sqlRuns < 10) fail('--sql-runs 至少为 10');
if (args.db !== 'pglite' && args.db !== 'postgres') fail('--db 应为 pglite 或 postgres');
const chosen = args.scenario ? args.scenario.split(',').map((s) => s.trim()).filter(Boolean) : available;
const unknown = chosen.filter((s) => !available.includes(s));
if (unknown.length) fail(`没有这个场景：${unknown.join('、')}（可选：${available.join('、')}）`);

const log = (m: string) => console.log(`[bench] ${m}`);
const dialect = new PgDialect();

function toStatement(q: SQLWrapper): Statement {
  if (is(q, SQL)) {
    const { sql: text, params } = dialect.sqlToQuery(q);
    return { sql: text, params };
  }
  const built = (q as unknown as { toSQL(): { sql: string; params: unknown[] } }).toSQL();
  return { sql: built.sql, params: built.params };
}

const sameStatement = (a: Statement, b: Statement) => a.sql === b.sql && JSON.stringify(a.params) === JSON.stringify(b.params);

function runLoad(url: string, cookie: string, conns: number): Promise<LoadRun> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./lib/load-worker.mjs', import.meta.url), {
      workerData: { url, headers: { cookie }, connections: conns, duration, timeout: 30 },
    });
    worker.once('error', reject);
    worker.once('message', (m: { error?: string; latencies: Float64Array; statuses: Record<string, number>; requests: number; durationSec: number; errors: number; timeouts: number }) => {
      void worker.terminate();
      if (m.error) return reject(new Error(m.error));
      resolve({
        connections: conns,
        durationSec: m.durationSec,
        requests: m.requests,
        rps: Math.round((m.requests / m.durationSec) * 10) / 10,
        latency: percentiles(m.latencies),
        statuses: m.statuses,
        errors: m.errors,
        timeouts: m.timeouts,
      });
    });
  });
}

async function login(base: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (res.status !== 200) throw new Error(`登录 ${username} 失败：${res.status} ${await res.text()}`);
  return res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}

async function main() {
  const started = new Date();
  // Load from one client IP: the public endpoints' per-IP limits would answer 429 (src/platform/http/rate-limit.ts).
  process.env.FAZHI_PUBLIC_RATE_LIMIT ??= '0';
  const scenarios: Scenario[] = [];
  for (const name of chosen) scenarios.push((await import(`./scenarios/${name}.ts`)).default as Scenario);

  const t0 = performance.now();
  const pgUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
  const database: BenchDatabase = args.db === 'postgres' ? await openBenchPostgres(pgUrl) : await openBenchPglite();
  log(`数据库：${database.location}，${database.version.split(' ').slice(0, 2).join(' ')}`);
  try {
    useKeys({ encKey: crypto.randomBytes(16), macKey: crypto.randomBytes(32), indexKey: crypto.randomBytes(32) });
    const password = 'Bench@12345';
    const config: Config = { ...loadConfig({ DATA_DIR: path.join(os.tmpdir(), 'fazhi-bench') }), demoPassword: password, seedDemo: true, logLevel: 'warn' };
    registerModules(modules);
    await syncRolesAndPermissions(database.db);
    // The demo county (orgs, one account per role) only: each scenario loads the rows it measures.
    await seedDemo(database, config, []);
    const orgRows = await database.db.select().from(orgs);
    const userIds = new Map((await database.db.select({ id: users.id, username: users.username }).from(users)).map((u) => [u.username, u.id]));
    faker.seed(20_240_101 + scale);
    const ctx: BenchContext = {
      db: database.db,
      kind: database.kind,
      orgs: new Map(orgRows.map((o) => [o.name, o])),
      users: userIds,
      faker,
      async authOf(username) {
        const id = userIds.get(username);
        const auth = id && (await loadAuthContext(database.db, id));
        if (!auth) throw new Error(`没有演示用户 ${username}`);
        return auth;
      },
      log,
    };
    const loads = new Map<string, { rows: number; ms: number }>();
    for (const s of scenarios) {
      const t = performance.now();
      const rows = await s.load(ctx, scale);
      loads.set(s.name, { rows, ms: Math.round(performance.now() - t) });
      log(`${s.name}：写入 ${rows} 行（${loads.get(s.name)!.ms} ms）`);
    }
    // The tables as autovacuum leaves them after a bulk load (PostgreSQL ≥ 13 vacuums insert-only tables too):
    // planner statistics, visibility map, and GIN pending lists merged into the indexes.
    await database.db.execute(sql`vacuum analyze`);
    const setupMs = Math.round(performance.now() - t0);

    const app = await buildApp({ database, config });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    log(`服务：${base}`);

    const results: ScenarioResult[] = [];
    try {
      for (const s of scenarios) {
        const cookie = await login(base, s.user, password);
        const url = base + s.endpoint;
        for (let i = 0; i < 20; i++) {
          const res = await fetch(url, { headers: { cookie } });
          if (res.status !== 200) throw new Error(`${s.name}：GET ${s.endpoint} 返回 ${res.status} ${await res.text()}`);
          await res.arrayBuffer();
        }
        const captured = await database.capture(async () => (await fetch(url, { headers: { cookie } })).arrayBuffer());
        const raw = (await s.rawSql(ctx)).map(toStatement);
        const verified = raw.every((r) => captured.some((c) => sameStatement(r, c)));
        if (!verified && s.rawSqlKind !== 'equivalent') log(`⚠ ${s.name}：rawSql 与接口实际执行的语句不一致，请按路由的查询更新场景`);

        for (let i = 0; i < 10; i++) for (const st of raw) await database.raw(st);
        const sqlTimes: number[] = [];
        const timeRawSql = async (runs: number) => {
          for (let i = 0; i < runs; i++) {
            const t = performance.now();
            for (const st of raw) await database.raw(st);
            sqlTimes.push(performance.now() - t);
          }
        };
        // Half the raw runs before the load and half after, so drift on a shared machine hits both sides alike.
        await timeRawSql(Math.ceil(sqlRuns / 2));
        const single = await runLoad(url, cookie, 1);
        log(`${s.name}：单连接 p50 ${single.latency.p50} ms，${single.rps} req/s`);
        const loaded = await runLoad(url, cookie, connections);
        log(`${s.name}：${connections} 连接 p50 ${loaded.latency.p50} ms，p99 ${loaded.latency.p99} ms，${loaded.rps} req/s`);
        await timeRawSql(Math.floor(sqlRuns / 2));
        const rawLatency = percentiles(sqlTimes);
        log(`${s.name}：原始 SQL p50 ${rawLatency.p50} ms，p95 ${rawLatency.p95} ms`);

        const ratio = (api: number) => Math.round((api / rawLatency.p50) * 10) / 10;
        results.push({
          name: s.name,
          title: s.title,
          endpoint: s.endpoint,
          user: s.user,
          loadedRows: loads.get(s.name)!.rows,
          loadMs: loads.get(s.name)!.ms,
          requestStatements: captured.map((c) => ({ sql: c.sql, params: c.params.length })),
          rawSqlVerified: verified,
          rawSqlKind: s.rawSqlKind ?? 'captured',
          rawSql: { statements: raw.map((r) => r.sql), latency: rawLatency },
          api: { single, loaded },
          ratio: { single: ratio(single.latency.p50), loaded: ratio(loaded.latency.p50) },
        });
      }
    } finally {
      await app.close();
    }

    const cpu = os.cpus()[0]?.model?.trim() ?? 'unknown';
    const result: BenchResult = {
      date: new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(started),
      startedAt: started.toISOString(),
      db: database.kind,
      dbVersion: database.version,
      dbLocation: database.location,
      scale,
      durationSec: duration,
      connections,
      sqlRuns,
      machine: { nproc: os.availableParallelism(), cpu, memGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10, node: process.version, os: `${os.type()} ${os.release()} ${os.arch()}` },
      setupMs,
      scenarios: results,
      partial: chosen.length < available.length,
    };
    log(`结果：${writeResult(result)}`);
    log(`摘要：${writeLatestMarkdown()}`);
  } finally {
    await database.close();
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
