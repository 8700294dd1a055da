import type { SQLWrapper } from 'drizzle-orm';
import type { fakerZH_CN } from '@faker-js/faker';
import type { Db } from '../../src/platform/db/client';
import type { Org } from '../../src/platform/orgs/service';
import type { AuthContext } from '../../src/platform/auth/context';

/** What a scenario's `load` and `rawSql` get: the seeded demo county and helpers. */
export interface BenchContext {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** The demo county's orgs by name (武义县, its 司法局, 科室, 司法所, 行政机关 …). */
  orgs: Map<string, Org>;
  /** Demo users' ids by username (admin, secadmin, auditor, director, hushan, baiyang). */
  users: Map<string, string>;
  /** zh_CN faker, seeded: the same data on every run at the same scale. */
  faker: typeof fakerZH_CN;
  /** The AuthContext the API builds for a demo user (to reproduce its scoped SQL). */
  authOf(username: string): Promise<AuthContext>;
  log(message: string): void;
}

/**
 * One benchmark: a business line adds `bench/scenarios/<name>.ts` default-exporting one of these and runs
 * `npm run bench -- --scenario <name>`.
 */
export interface Scenario {
  name: string;
  /** One line for the report, in Chinese. */
  title: string;
  /** Demo user whose session calls the endpoint. */
  user: string;
  /** Inserts synthetic rows at this scale (multi-row inserts); returns how many rows it wrote. */
  load(ctx: BenchContext, scale: number): Promise<number>;
  /** GET path with query string, e.g. '/api/users?page=1&pageSize=20&q=王'. */
  endpoint: string;
  /**
   * The SQL the endpoint issues for its answer (not the session/auth statements every request shares),
   * built exactly as the route builds it. The runner checks it against the statements captured from a
   * real request and reports a mismatch.
   */
  rawSql(ctx: BenchContext): Promise<SQLWrapper[]> | SQLWrapper[];
  /**
   * 'equivalent': rawSql is a hand-written query computing the same figures (e.g. one aggregate pass per table
   * for the whole indicator set), not the statements the endpoint issues; the runner does not look for it in
   * the captured statements. Default 'captured'.
   */
  rawSqlKind?: 'captured' | 'equivalent';
}
