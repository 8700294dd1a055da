import { createThrowawayDatabase } from '../../src/platform/db/throwaway';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { Logger } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { migrationsFolder, type Database, type Db } from '../../src/platform/db/client';

export interface Statement {
  sql: string;
  params: unknown[];
}

/**
 * The bench's database: the same migrated schema as the app (src/platform/db/client.ts), opened with a
 * drizzle logger that can record the statements one API request issues, plus a way to run a statement
 * straight on the driver (no ORM) to time the raw SQL.
 */
export interface BenchDatabase extends Database {
  /** The statements `fn` made the app issue (through the app's own drizzle instance). */
  capture(fn: () => Promise<unknown>): Promise<Statement[]>;
  raw(statement: Statement): Promise<unknown>;
  version: string;
  /** Where the data lives, for the report. */
  location: string;
}

class CaptureLogger implements Logger {
  recording: Statement[] | null = null;
  logQuery(query: string, params: unknown[]) {
    this.recording?.push({ sql: query, params });
  }
}

function withCapture(logger: CaptureLogger) {
  return async (fn: () => Promise<unknown>) => {
    logger.recording = [];
    try {
      await fn();
      return logger.recording;
    } finally {
      logger.recording = null;
    }
  };
}

/** PGlite in a fresh temporary directory (as the app runs it, not in memory), removed on close. */
export async function openBenchPglite(): Promise<BenchDatabase> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-bench-'));
  // Same extensions as openPglite (src/platform/db/client.ts): PGlite forgets them otherwise.
  const client = await PGlite.create(dir, { extensions: { pg_trgm } });
  const logger = new CaptureLogger();
  const db = drizzlePglite(client, { logger }) as unknown as Db;
  await migratePglite(db as never, { migrationsFolder });
  const { rows } = await client.query<{ v: string }>('select version() as v');
  return {
    db,
    kind: 'pglite',
    version: rows[0].v,
    location: 'PGlite（临时目录）',
    capture: withCapture(logger),
    raw: (s) => client.query(s.sql, s.params as unknown[]),
    close: async () => {
      await client.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A throw-away database on the PostgreSQL server at `url`, dropped on close. */
export async function openBenchPostgres(url: string, poolSize = 10): Promise<BenchDatabase> {
  const throwaway = await createThrowawayDatabase(url, 'fazhi_bench');
  const u = new URL(throwaway.url);
  const pool = new pg.Pool({ connectionString: throwaway.url, max: poolSize });
  // Dropping the database WITH (FORCE) ends idle clients; that must not crash the run.
  pool.on('error', () => {});
  const logger = new CaptureLogger();
  const db = drizzlePg(pool, { logger }) as unknown as Db;
  await migratePg(db as never, { migrationsFolder });
  const { rows } = await pool.query<{ v: string }>('select version() as v');
  return {
    db,
    kind: 'postgres',
    version: rows[0].v,
    location: `PostgreSQL ${u.host}（临时库 ${throwaway.name}，连接池 ${poolSize}）`,
    capture: withCapture(logger),
    raw: (s) => pool.query(s.sql, s.params as unknown[]),
    close: async () => {
      await pool.end();
      await throwaway.drop();
    },
  };
}

/** Multi-row inserts in batches (PostgreSQL allows 65,535 parameters per statement). */
export async function insertBatches<T>(rows: T[], batchSize: number, insert: (batch: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += batchSize) await insert(rows.slice(i, i + batchSize));
}
