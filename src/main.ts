import { loadConfig } from './config';
import { openDatabase } from './platform/db/client';
import { loadKeys } from './platform/crypto/sm';
import { buildApp } from './app';
import { hasAnyOrg, registerModules, syncRolesAndPermissions } from './platform/bootstrap';
import { seedDemo } from './platform/seed/demo';
import { modules } from './modules';

const config = loadConfig();
loadKeys(config.keyFile);
const started = Date.now();
const database = await openDatabase(config);
console.log(`数据库：${database.kind === 'pglite' ? `PGlite（${config.dataDir}）` : 'PostgreSQL'}，迁移完成（${Date.now() - started} ms）`);

if (config.seedDemo && !(await hasAnyOrg(database.db))) {
  console.log('空数据库：正在生成演示县数据……');
  registerModules(modules);
  await syncRolesAndPermissions(database.db);
  await seedDemo(database, config, modules, (m) => console.log(m));
}

const app = await buildApp({ database, config, logger: { level: config.logLevel } });
await app.listen({ host: config.host, port: config.port });
console.log(`Fazhi 已启动：http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${config.port}`);

for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.once(sig, async () => {
    await app.close();
    await database.close();
    process.exit(0);
  });
}
