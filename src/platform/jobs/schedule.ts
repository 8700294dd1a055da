import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/client';

/**
 * Periodic work a line needs (e.g. switching expired 规范性文件 to 失效): run once when the server is ready,
 * then every `everyMs`. Each task must be idempotent (safe to run twice, e.g. by two server processes).
 * Off when `config.scheduler` is false (the test harness calls the tasks directly with fixed dates).
 */
export function scheduleEvery(app: FastifyInstance, name: string, everyMs: number, task: (db: Db) => Promise<unknown>) {
  if (!app.fz.config.scheduler) return;
  const run = () =>
    task(app.fz.db).catch((err) => {
      app.log.error({ err }, `定时任务 ${name} 失败`);
    });
  app.addHook('onReady', async () => {
    void run();
  });
  const timer = setInterval(run, everyMs);
  timer.unref();
  app.addHook('onClose', async () => clearInterval(timer));
}
