import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { notFound } from '../errors';
import { idParam } from '../http/schemas';
import { drainJobs, failInterruptedJobs, getJob, jobView } from './service';

export const jobOut = z.object({
  id: z.string(),
  kind: z.string(),
  status: z.enum(['queued', 'running', 'succeeded', 'failed']),
  progress: z.number().int(),
  total: z.number().int().nullable(),
  message: z.string().nullable(),
  result: z.unknown(),
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional(), fileId: z.string().nullable().optional() }).nullable(),
  fileId: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});

/** Job status for the UI to poll (registered by the ledger plugin). */
export const jobRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.fz;
  await failInterruptedJobs(db);
  // Jobs run in this process: let them finish before the database closes.
  app.addHook('onClose', async () => {
    await drainJobs();
  });

  app.get('/api/jobs/:id', {
    schema: { tags: ['后台任务'], summary: '任务进度与结果（仅任务创建人）', params: idParam, response: { 200: jobOut } },
  }, async (req) => {
    const job = await getJob(db, req.params.id);
    if (!job || job.createdBy !== req.auth.user.id) throw notFound('任务');
    return jobView(job);
  });
};
