import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/client';
import { AppError } from '../errors';
import { jobs } from './schema';

export type Job = typeof jobs.$inferSelect;
export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed';

/**
 * Reports progress. It never waits for the database — the write is queued and throttled to at most
 * two a second — so work may call it from inside a transaction (PGlite has a single connection: a
 * write awaited there would wait for the transaction that is waiting for it).
 */
export type JobProgress = (done: number, total?: number, message?: string) => Promise<void>;

export interface JobOutcome {
  result?: unknown;
  /** A file the job produced (export, report), readable by the job's creator. */
  fileId?: string | null;
}

export interface JobInput {
  kind: string;
  orgId: string | null;
  createdBy: string | null;
  total?: number | null;
  message?: string | null;
}

/** A refusal from inside a job: stored as the job's error, with an optional file (e.g. an error report). */
export class JobFailure extends AppError {
  constructor(code: string, message: string, details?: unknown, public readonly fileId: string | null = null) {
    super(code, message, 400, details);
  }
}

export interface JobError {
  code: string;
  message: string;
  details?: unknown;
  fileId?: string | null;
}

// At most two progress writes a second (the UI polls; the database should not feel a 100,000-row loop).
const PROGRESS_INTERVAL_MS = 500;

/** Jobs this process is running; app shutdown waits for them (see drainJobs). */
const running = new Map<string, Promise<void>>();

/**
 * Runs `work` in this process, after the caller's request has been answered (not awaited): the job goes
 * queued → running → succeeded | failed, and its progress, result, error and file are stored on the row
 * `GET /api/jobs/:id` reads. Throw an AppError (or JobFailure, to attach a file) for a Chinese refusal.
 */
export type JobWork = (progress: JobProgress, job: { id: string }) => Promise<JobOutcome | void>;

export async function startJob(db: Db, input: JobInput, work: JobWork): Promise<string> {
  const [job] = await db
    .insert(jobs)
    .values({ kind: input.kind, orgId: input.orgId, createdBy: input.createdBy, total: input.total ?? null, message: input.message ?? null, status: 'queued' })
    .returning({ id: jobs.id });
  const done = new Promise<void>((resolve) => setImmediate(resolve)).then(() => runJob(db, job.id, input, work));
  running.set(job.id, done);
  void done.finally(() => running.delete(job.id));
  return job.id;
}

async function runJob(db: Db, id: string, input: JobInput, work: JobWork) {
  const state = { progress: 0, total: input.total ?? null, message: input.message ?? null };
  // Every write of this job goes through one chain, so a late progress write never overtakes the final status.
  let chain: Promise<unknown> = Promise.resolve();
  const write = (set: Partial<typeof jobs.$inferInsert>) => {
    chain = chain.then(() => db.update(jobs).set(set).where(eq(jobs.id, id))).catch((err) => console.error(`job ${id}: progress write failed`, err));
    return chain;
  };
  let lastWrite = 0;
  let trailing: NodeJS.Timeout | null = null;
  const flush = () => {
    if (trailing) clearTimeout(trailing);
    trailing = null;
    lastWrite = Date.now();
    void write({ progress: state.progress, total: state.total, message: state.message });
  };
  const progress: JobProgress = async (done, total, message) => {
    state.progress = Math.max(0, Math.floor(done));
    if (total !== undefined) state.total = total;
    if (message !== undefined) state.message = message;
    const wait = PROGRESS_INTERVAL_MS - (Date.now() - lastWrite);
    if (wait <= 0) flush();
    else trailing ??= setTimeout(flush, wait);
  };

  lastWrite = Date.now();
  void write({ status: 'running' });
  let final: Partial<typeof jobs.$inferInsert>;
  try {
    const outcome = (await work(progress, { id })) ?? {};
    final = {
      status: 'succeeded',
      progress: state.total ?? state.progress,
      total: state.total,
      message: state.message,
      result: outcome.result ?? null,
      fileId: outcome.fileId ?? null,
    };
  } catch (err) {
    let error: JobError;
    if (err instanceof AppError) {
      error = { code: err.code, message: err.message, details: err.details ?? null, fileId: err instanceof JobFailure ? err.fileId : null };
    } else {
      console.error(`job ${id} (${input.kind}) failed`, err);
      error = { code: 'JOB_FAILED', message: '后台任务执行失败，请联系系统管理员', details: { reason: err instanceof Error ? err.message : String(err) } };
    }
    final = { status: 'failed', progress: state.progress, total: state.total, message: state.message, error, fileId: error.fileId ?? null };
  }
  if (trailing) clearTimeout(trailing);
  await write({ ...final, finishedAt: new Date() });
}

export async function getJob(db: DbOrTx, id: string): Promise<Job | undefined> {
  const rows = await db.select().from(jobs).where(eq(jobs.id, id));
  return rows[0];
}

const finished = (s: string) => s === 'succeeded' || s === 'failed';

/** Resolves when the job has finished (for tests and the CLI). */
export async function waitForJob(db: DbOrTx, id: string, timeoutMs = 120_000): Promise<Job> {
  const inProcess = running.get(id);
  if (inProcess) await inProcess;
  const until = Date.now() + timeoutMs;
  for (;;) {
    const job = await getJob(db, id);
    if (!job) throw new Error(`job ${id} does not exist`);
    if (finished(job.status)) return job;
    if (Date.now() > until) throw new Error(`job ${id} still ${job.status} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Waits for every job this process is running (called when the server closes, before the database does). */
export async function drainJobs(): Promise<void> {
  await Promise.allSettled([...running.values()]);
}

/**
 * Jobs run inside the server process that started them: a job still queued or running when the server
 * starts was cut off by a restart. Mark it failed so nobody polls it forever. (One server process per
 * database — PGlite is single-process; running several API processes needs a job heartbeat first.)
 */
export async function failInterruptedJobs(db: DbOrTx): Promise<number> {
  const mine = [...running.keys()];
  const rows = await db
    .update(jobs)
    .set({
      status: 'failed',
      error: { code: 'JOB_INTERRUPTED', message: '服务重启，后台任务已中断，请重新提交', details: null },
      finishedAt: sql`now()`,
    })
    .where(and(inArray(jobs.status, ['queued', 'running']), mine.length ? sql`${jobs.id} not in (${sql.join(mine.map((m) => sql`${m}`), sql`, `)})` : sql`true`))
    .returning({ id: jobs.id });
  return rows.length;
}

/** What `GET /api/jobs/:id` answers. */
export function jobView(job: Job) {
  return {
    id: job.id,
    kind: job.kind,
    status: job.status as JobStatus,
    progress: job.progress,
    total: job.total,
    message: job.message,
    result: job.result ?? null,
    error: (job.error as JobError | null) ?? null,
    fileId: job.fileId,
    createdAt: job.createdAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
  };
}
