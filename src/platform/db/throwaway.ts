import crypto from 'node:crypto';
import pg from 'pg';

/**
 * A fresh database on the PostgreSQL server at `url` (tests, benchmarks): returns its URL and a `drop()`
 * that removes it (WITH (FORCE), so leftover connections do not keep it alive).
 */
export async function createThrowawayDatabase(url: string, prefix: string): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${Date.now().toString(36)}_${crypto.randomBytes(3).toString('hex')}`;
  const run = async (statement: string) => {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      await admin.query(statement);
    } finally {
      await admin.end();
    }
  };
  await run(`create database ${name}`);
  const u = new URL(url);
  u.pathname = '/' + name;
  return { name, url: u.toString(), drop: () => run(`drop database if exists ${name} with (force)`) };
}
