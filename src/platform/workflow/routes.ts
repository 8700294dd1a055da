import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParam, pageOf, pageQuery } from '../http/schemas';
import { AppError } from '../errors';
import { fireTransition, instanceHistory, instanceInScope, instanceView } from './engine';
import { allWorkflows } from './registry';
import { listTodos, todoSummary } from './todos';

const light = z.enum(['green', 'yellow', 'red']);
const todoItem = z.object({
  instanceId: z.string(),
  workflow: z.string(),
  workflowLabel: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  title: z.string(),
  state: z.string(),
  stateLabel: z.string(),
  orgName: z.string(),
  link: z.string().nullable(),
  deadline: z.object({ label: z.string(), dueDate: z.string(), light, cite: z.string(), provisional: z.boolean(), unit: z.string(), days: z.number() }).nullable(),
});

/** 工作台 (待办 across every line) and the generic workflow endpoints every module's case pages use. */
export const workflowRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.fz;

  app.get('/api/workbench/todos', {
    config: { permission: 'workbench.view' },
    schema: {
      tags: ['工作台'],
      summary: '我的待办（按期限排序，红灯/黄灯）',
      querystring: pageQuery.extend({ light: z.enum(['red', 'yellow']).optional(), workflow: z.string().optional(), mode: z.enum(['act', 'watch']).optional() }),
      response: { 200: pageOf(todoItem).extend({ mode: z.enum(['act', 'watch']) }) },
    },
  }, async (req) => listTodos(db, req.auth, req.query));

  app.get('/api/workbench/summary', {
    config: { permission: 'workbench.view' },
    schema: { tags: ['工作台'], summary: '待办统计', querystring: z.object({ mode: z.enum(['act', 'watch']).optional() }) },
  }, async (req) => todoSummary(db, req.auth, req.query.mode));

  app.get('/api/workflow/definitions', { schema: { tags: ['流程'], summary: '流程定义（状态、操作、法定期限及依据）' } }, async () =>
    allWorkflows().map((d) => ({
      key: d.key,
      label: d.label,
      entityType: d.entityType,
      initial: d.initial,
      states: Object.entries(d.states).map(([key, s]) => ({ key, ...s })),
      transitions: d.transitions.map((t) => ({ key: t.key, label: t.label, from: t.from, to: t.to, permission: t.permission, clock: t.clock ?? null, extend: t.extend ?? null })),
      deadlines: d.deadlines.map(({ when: _w, ...rest }) => rest),
    })),
  );

  app.get('/api/workflow/instances/:id', { schema: { tags: ['流程'], summary: '流程实例（状态、期限、可执行操作）', params: idParam } }, async (req) => {
    const { instance, def } = await instanceInScope(db, req.auth, req.params.id);
    return { ...(await instanceView(db, req.auth, instance, def)), history: await instanceHistory(db, instance.id) };
  });

  app.post('/api/workflow/instances/:id/transitions/:transition', {
    schema: {
      tags: ['流程'],
      summary: '执行流程操作（乐观锁：version 不一致返回 409）',
      params: idParam.extend({ transition: z.string() }),
      body: z.object({ version: z.number().int(), data: z.record(z.string(), z.unknown()).optional(), note: z.string().max(2000).optional() }),
    },
  }, async (req) => {
    const before = await instanceInScope(db, req.auth, req.params.id);
    if (!before.def.genericTransitions) throw new AppError('WORKFLOW_USE_MODULE_ENDPOINT', `请在「${before.def.label}」的业务页面办理此操作`, 400);
    const result = await db.transaction((tx) => fireTransition(tx, req.auth, { instanceId: req.params.id, transition: req.params.transition, version: req.body.version, data: req.body.data, note: req.body.note }));
    const { instance, def } = await instanceInScope(db, req.auth, req.params.id);
    return { ...(await instanceView(db, req.auth, instance, def)), instruments: result.instruments };
  });
};
