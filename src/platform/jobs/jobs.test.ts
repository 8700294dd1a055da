import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { rowsOf } from '../db/client';
import { createTestContext, type TestContext } from '../testing/harness';
import { AppError } from '../errors';
import { users } from '../auth/schema';
import { settings } from '../settings/schema';
import { failInterruptedJobs, getJob, startJob, waitForJob } from './service';
import { jobs } from './schema';

let t: TestContext;
let hushanId: string;
beforeAll(async () => {
  t = await createTestContext({ seedModules: false });
  [{ id: hushanId }] = await t.database.db.select({ id: users.id }).from(users).where(eq(users.username, 'hushan'));
});
afterAll(() => t?.close());

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('后台任务', () => {
  it('排队 → 运行 → 成功：进度可轮询，结果保存，进度到达总数', async () => {
    const { db } = t.database;
    const id = await startJob(db, { kind: 'test.count', orgId: null, createdBy: hushanId }, async (progress) => {
      await progress(3, 10, '正在处理');
      await sleep(1500);
      for (let i = 4; i <= 10; i++) await progress(i);
      return { result: { counted: 10 } };
    });
    // Answered before the work runs (on PostgreSQL the first write may already have landed).
    expect((await getJob(db, id))!.status).toMatch(/^(queued|running)$/);
    const hushan = await t.login('hushan');
    let seen: { status: string; progress: number; total: number | null; message: string | null } | undefined;
    for (let i = 0; i < 100 && seen?.progress !== 3; i++) {
      await sleep(25);
      seen = (await hushan.get(`/api/jobs/${id}`)).json();
    }
    expect(seen).toMatchObject({ status: 'running', progress: 3, total: 10, message: '正在处理' });
    const done = await waitForJob(db, id);
    expect(done).toMatchObject({ status: 'succeeded', progress: 10, total: 10, result: { counted: 10 }, error: null });
    expect(done.finishedAt).toBeInstanceOf(Date);
  });

  it('进度写入节流为每秒至多两次', async () => {
    const { db } = t.database;
    // A trigger counts the progress writes the job really makes.
    await db.execute(sql`create table if not exists job_progress_writes (job_id uuid, n int)`);
    await db.execute(sql`create or replace function count_job_progress() returns trigger language plpgsql as $$ begin insert into job_progress_writes values (new.id, new.progress); return new; end $$`);
    await db.execute(sql`create trigger job_progress_count after update on jobs for each row when (old.progress is distinct from new.progress) execute function count_job_progress()`);
    try {
      const started = Date.now();
      const id = await startJob(db, { kind: 'test.throttle', orgId: null, createdBy: hushanId, total: 1_000_000 }, async (progress) => {
        for (let i = 1; Date.now() - started < 1200; i++) {
          await progress(i);
          if (i % 1000 === 0) await sleep(1);
        }
      });
      const job = await waitForJob(db, id);
      expect(job.status).toBe('succeeded');
      const elapsed = (Date.now() - started) / 1000;
      const [{ n }] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from job_progress_writes where job_id = ${id}`));
      expect(n).toBeGreaterThan(0);
      expect(n).toBeLessThanOrEqual(Math.ceil(elapsed * 2) + 1);
    } finally {
      await db.execute(sql`drop trigger job_progress_count on jobs`);
    }
  });

  it('在事务中报告进度不会卡住（PGlite 只有一个连接）', async () => {
    const { db } = t.database;
    const id = await startJob(db, { kind: 'test.tx', orgId: null, createdBy: hushanId }, async (progress) => {
      await db.transaction(async (tx) => {
        await progress(1, 2, '事务中');
        await tx.insert(settings).values({ key: 'test.job.tx', value: { ok: true } });
        await sleep(600);
        await progress(2, 2, '事务中');
      });
      return { result: 'ok' };
    });
    const job = await waitForJob(db, id, 20_000);
    expect(job).toMatchObject({ status: 'succeeded', progress: 2, total: 2, result: 'ok' });
  });

  it('业务拒绝存为中文错误 {code, message, details}；程序异常存为 JOB_FAILED', async () => {
    const { db } = t.database;
    const refused = await startJob(db, { kind: 'test.refuse', orgId: null, createdBy: hushanId }, async () => {
      throw new AppError('SAMPLE_REFUSED', '示例：数据不完整，未处理', 400, { missing: ['案号'] });
    });
    expect(await waitForJob(db, refused)).toMatchObject({ status: 'failed', error: { code: 'SAMPLE_REFUSED', message: '示例：数据不完整，未处理', details: { missing: ['案号'] } } });
    const crashed = await startJob(db, { kind: 'test.crash', orgId: null, createdBy: hushanId }, async () => {
      throw new Error('boom');
    });
    const job = await waitForJob(db, crashed);
    expect(job.status).toBe('failed');
    expect(job.error).toMatchObject({ code: 'JOB_FAILED', message: '后台任务执行失败，请联系系统管理员' });
  });

  it('任务只有创建人能查看', async () => {
    const { db } = t.database;
    const id = await startJob(db, { kind: 'test.private', orgId: null, createdBy: hushanId }, async () => ({ result: 1 }));
    await waitForJob(db, id);
    const baiyang = await t.login('director');
    const res = await baiyang.get(`/api/jobs/${id}`);
    expect(res.statusCode).toBe(404);
    expect(res.json().message).toBe('任务不存在或无权查看');
    const hushan = await t.login('hushan');
    expect((await hushan.get(`/api/jobs/${id}`)).json()).toMatchObject({ id, kind: 'test.private', status: 'succeeded', result: 1 });
  });

  it('服务重启时仍在运行的任务标记为中断', async () => {
    const { db } = t.database;
    const [orphan] = await db.insert(jobs).values({ kind: 'test.orphan', status: 'running', createdBy: hushanId }).returning();
    expect(await failInterruptedJobs(db)).toBeGreaterThanOrEqual(1);
    const job = await getJob(db, orphan.id);
    expect(job).toMatchObject({ status: 'failed', error: { code: 'JOB_INTERRUPTED' } });
  });
});
