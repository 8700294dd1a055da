import fs from 'node:fs';
import path from 'node:path';
import type { Percentiles } from './stats';

export interface LoadRun {
  connections: number;
  durationSec: number;
  requests: number;
  rps: number;
  latency: Percentiles;
  statuses: Record<string, number>;
  errors: number;
  timeouts: number;
}

export interface ScenarioResult {
  name: string;
  title: string;
  endpoint: string;
  user: string;
  loadedRows: number;
  loadMs: number;
  /** Statements one request issued (session, permissions, the list itself, any audit write). */
  requestStatements: { sql: string; params: number }[];
  /** Whether the scenario's rawSql is exactly among the statements the endpoint issued. */
  rawSqlVerified: boolean;
  /** 'equivalent': rawSql is the same figures written by hand, not the endpoint's own statements. */
  rawSqlKind?: 'captured' | 'equivalent';
  rawSql: { statements: string[]; latency: Percentiles };
  api: { single: LoadRun; loaded: LoadRun };
  /** API p50 ÷ raw SQL p50, at 1 connection and under load. */
  ratio: { single: number; loaded: number };
}

export interface BenchResult {
  date: string;
  startedAt: string;
  db: 'pglite' | 'postgres';
  dbVersion: string;
  dbLocation: string;
  scale: number;
  durationSec: number;
  connections: number;
  sqlRuns: number;
  machine: { nproc: number; cpu: string; memGiB: number; node: string; os: string };
  setupMs: number;
  scenarios: ScenarioResult[];
  /** Only some scenarios were run (`--scenario`). */
  partial?: boolean;
}

export const resultsDir = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../results');

export function writeResult(result: BenchResult): string {
  fs.mkdirSync(resultsDir, { recursive: true });
  // A run of some scenarios only is named after them, so it does not replace the day's full run.
  const names = result.scenarios.map((s) => s.name);
  const suffix = result.partial ? `-${names.join('-')}` : '';
  const file = path.join(resultsDir, `${result.date}-${result.db}${suffix}.json`);
  fs.writeFileSync(file, JSON.stringify(result, null, 2) + '\n');
  return file;
}

/**
 * Per database kind, the newest result of each scenario, from every `<date>-<db>[-<name>].json` in
 * bench/results: a run of one scenario (`--scenario indicators`) replaces that scenario's row only.
 */
function latestPerDb(): { db: BenchResult['db']; runs: { run: BenchResult; scenarios: ScenarioResult[] }[] }[] {
  const newest = new Map<string, { run: BenchResult; scenario: ScenarioResult }>();
  for (const f of fs.readdirSync(resultsDir).filter((f) => /^\d{4}-\d{2}-\d{2}-(pglite|postgres)(-[a-z-]+)?\.json$/.test(f))) {
    const run = JSON.parse(fs.readFileSync(path.join(resultsDir, f), 'utf8')) as BenchResult;
    // Other measurements kept beside them (e.g. enforcement-detection, its own format) are not API runs.
    if (!Array.isArray(run.scenarios)) continue;
    for (const scenario of run.scenarios) {
      const key = `${run.db}/${scenario.name}`;
      const seen = newest.get(key);
      if (!seen || seen.run.startedAt < run.startedAt) newest.set(key, { run, scenario });
    }
  }
  return (['pglite', 'postgres'] as const)
    .map((db) => {
      const byRun = new Map<BenchResult, ScenarioResult[]>();
      for (const [key, { run, scenario }] of newest) if (key.startsWith(`${db}/`)) byRun.set(run, [...(byRun.get(run) ?? []), scenario]);
      const runs = [...byRun.entries()].map(([run, scenarios]) => ({ run, scenarios })).sort((a, b) => b.run.startedAt.localeCompare(a.run.startedAt));
      return { db, runs };
    })
    .filter((d) => d.runs.length);
}

const ms = (p: Percentiles) => `${p.p50} / ${p.p95} / ${p.p99}`;
const n = (v: number) => v.toLocaleString('en-US', { maximumFractionDigits: 0 });

function section(r: BenchResult, scenarios: ScenarioResult[]): string {
  const dbName = r.db === 'pglite' ? 'PGlite' : 'PostgreSQL';
  const version = r.dbVersion.split(' ').slice(0, 2).join(' ');
  const c = r.connections;
  const lines = [
    `## ${dbName} — ${r.date}（${scenarios.map((s) => s.name).join('、')}）`,
    '',
    `- 数据库：${version}，${r.dbLocation}`,
    `- 规模：\`--scale ${r.scale}\`（每个场景合成 ${n(r.scale)} 行，另有演示县的机构和账号）；每轮压测 ${r.durationSec} 秒；原始 SQL 连续执行 ${r.sqlRuns} 次`,
    `- 机器：${r.machine.nproc} 核 ${r.machine.cpu}，内存 ${r.machine.memGiB} GiB，Node ${r.machine.node}，${r.machine.os}；服务、压测线程与数据库在同一台机器上`,
    '',
    `| 场景 | 接口 | 单连接 p50 / p95 / p99 (ms) | 单连接 req/s | ${c} 连接 p50 / p95 / p99 (ms) | ${c} 连接 req/s | 原始 SQL p50 / p95 (ms) | 接口÷SQL（p50，单连接 / ${c} 连接） | 每请求语句数 |`,
    '|---|---|---|---|---|---|---|---|---|',
  ];
  for (const s of scenarios) {
    const bad = [s.api.single, s.api.loaded].some((l) => l.errors || l.timeouts || Object.keys(l.statuses).some((k) => !k.startsWith('2')));
    lines.push(
      `| ${s.name}：${s.title} | \`GET ${decodeURIComponent(s.endpoint)}\`（${s.user}） | ${ms(s.api.single.latency)} | ${n(s.api.single.rps)} | ${ms(s.api.loaded.latency)} | ${n(s.api.loaded.rps)} | ${s.rawSql.latency.p50} / ${s.rawSql.latency.p95} | ${s.ratio.single}× / ${s.ratio.loaded}× | ${s.requestStatements.length}${bad ? ' ⚠ 有非 2xx 响应或错误' : ''}${s.rawSqlVerified ? '' : s.rawSqlKind === 'equivalent' ? '（原始 SQL 为手写的同口径聚合）' : ' ⚠ 原始 SQL 与接口实际语句不一致'} |`,
    );
  }
  lines.push('');
  return lines.join('\n');
}

export function writeLatestMarkdown(): string {
  const file = path.join(resultsDir, 'latest.md');
  const body = [
    '# Fazhi 基准测试 — 最新结果',
    '',
    '由 `npm run bench` 生成（`bench/run.ts`），每种数据库的每个场景保留最近一次运行；完整数据（含每个请求执行的全部语句）见同目录 `<日期>-<数据库>[-<场景>].json`。',
    '',
    '读法：**接口÷SQL** 是接口延迟 p50 与该接口列表查询本身（同样的 SQL 文本和参数，直接在驱动上执行）p50 之比；',
    '差额是 HTTP、会话与权限查询、zod 校验与序列化。单连接反映单个请求的开销，多连接时请求在数据库连接（PGlite 只有一个）上排队。',
    '',
    ...latestPerDb().flatMap((d) => d.runs.map((r) => section(r.run, r.scenarios))),
  ].join('\n');
  fs.writeFileSync(file, body);
  return file;
}
