import path from 'node:path';

/** Everything configurable comes from the environment; see README "Configuration". */
export interface Config {
  host: string;
  port: number;
  dataDir: string;
  databaseUrl?: string;
  seedDemo: boolean;
  demoPassword: string;
  /** Directory holding the SM4/HMAC-SM3 key file; never inside the database. */
  keyFile: string;
  logLevel: string;
  /** Run periodic tasks (expiry of documents …) in this process; the test harness turns it off. */
  scheduler: boolean;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = path.resolve(env.DATA_DIR ?? './data');
  const databaseUrl = env.DATABASE_URL || undefined;
  return {
    host: env.HOST ?? '127.0.0.1',
    port: Number(env.PORT ?? 3000),
    dataDir,
    databaseUrl,
    // Embedded PGlite seeds the demo county on an empty data dir; PostgreSQL only when asked (SEED_DEMO=1).
    seedDemo: env.SEED_DEMO ? env.SEED_DEMO === '1' || env.SEED_DEMO === 'true' : !databaseUrl,
    demoPassword: env.DEMO_PASSWORD ?? 'Demo@12345',
    // Keys live in a file beside (never inside) the database: DATA_DIR/keys/fazhi.key unless FAZHI_KEY_FILE says otherwise.
    keyFile: path.resolve(env.FAZHI_KEY_FILE ?? path.join(dataDir, 'keys', 'fazhi.key')),
    logLevel: env.LOG_LEVEL ?? 'info',
    scheduler: env.FAZHI_SCHEDULER !== '0',
  };
}
