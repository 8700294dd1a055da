import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParam, voidBody } from '../../platform/http/schemas';
import { scheduleEvery } from '../../platform/jobs/schedule';
import { getRules, saveRules, rulesInput } from './common';
import { caseDetail, caseInput, caseListFilter, listCases, refreshCaseFlags, reportCase, updateCase, voidCase } from './cases';
import { clueDecisionInput, clueListFilter, createJointTask, decideClue, detectClues, inspectionInput, inspectionListFilter, jointTaskInput, listClues, listInspections, listJointTasks, recordInspection, voidInspection } from './inspections';
import { agencyInput, createOfficer, listAgencies, listOfficers, officerInput, officerListFilter, saveAgency, updateOfficer } from './registry';
import {
  campaignInput, campaignResults, closeInput, closeRectification, complaintInput, createCampaign, docInput, docListFilter, handleComplaint, issueOversightDoc, listCampaigns,
  listComplaints, listOversightDocs, listRectifications, rectListFilter, registerComplaint, reopenRectification, scoreCaseFile, scoreInput,
} from './supervision';
import {
  campaignKinds, caseKinds, caseRules, certificateTypes, clueKinds, clueStatuses, complaintCategories, complaintStatuses, docKinds, PERM, procedures, rectificationSources, rectificationStatuses,
} from './terms';

const tags = ['行政执法监督'];
const plain = (t: Record<string, string | { label: string }>) => Object.fromEntries(Object.entries(t).map(([k, v]) => [k, typeof v === 'string' ? v : v.label]));

/** 行政执法监督: zod in, zod out; every list and read is scoped in the services. */
export const enforcementRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.fz;
  // Flags that appear with time (超期未决定, 应公示未公示, 未撤回): re-evaluated every 6 hours (idempotent).
  scheduleEvery(app, 'enforcement.caseFlags', 6 * 60 * 60 * 1000, (d) => refreshCaseFlags(d));

  app.get('/api/enforcement/meta', { config: { permission: PERM.read }, schema: { tags, summary: '代码表与规则设置' } }, async () => ({
    caseKinds, procedures, certificateTypes, clueKinds, clueStatuses: { ...clueStatuses, lapsed: '已失效' }, campaignKinds, docKinds: plain(docKinds), rectificationSources, rectificationStatuses,
    complaintCategories, complaintStatuses, caseRules: Object.fromEntries(Object.entries(caseRules).map(([k, v]) => [k, { label: v.label, cite: v.cite }])),
    rules: await getRules(db),
  }));
  app.put('/api/enforcement/rules', { config: { permission: PERM.supervise }, schema: { tags, summary: '修改规则设置（公示期限、检查窗口、评查表）', body: rulesInput } }, async (req) => saveRules(db, req.auth, req.body));

  // ── registry ──
  app.get('/api/enforcement/agencies', { config: { permission: PERM.read }, schema: { tags, summary: '执法主体（含持证率）' } }, async (req) => ({ items: await listAgencies(db, req.auth) }));
  app.put('/api/enforcement/agencies/:id', { config: { permission: PERM.read }, schema: { tags, summary: '维护执法主体（法定依据、职权清单、资格清理）', params: idParam, body: agencyInput } }, async (req) => saveAgency(db, req.auth, req.params.id, req.body));
  app.get('/api/enforcement/officers', { config: { permission: PERM.read }, schema: { tags, summary: '执法人员（证件到期预警）', querystring: officerListFilter } }, async (req) => listOfficers(db, req.auth, req.query));
  app.post('/api/enforcement/officers', { config: { permission: PERM.report }, schema: { tags, summary: '登记执法人员', body: officerInput } }, async (req, reply) => reply.code(201).send(await createOfficer(db, req.auth, req.body)));
  app.put('/api/enforcement/officers/:id', { config: { permission: PERM.report }, schema: { tags, summary: '修改执法人员', params: idParam, body: officerInput } }, async (req) => updateOfficer(db, req.auth, req.params.id, req.body));

  // ── cases ──
  app.get('/api/enforcement/cases', { config: { permission: PERM.read }, schema: { tags, summary: '执法案件（含预警）', querystring: caseListFilter } }, async (req) => listCases(db, req.auth, req.query));
  app.post('/api/enforcement/cases', { config: { permission: PERM.report }, schema: { tags, summary: '报送执法案件', body: caseInput } }, async (req, reply) => reply.code(201).send(await reportCase(db, req.auth, req.body)));
  app.get('/api/enforcement/cases/:id', { config: { permission: PERM.read }, schema: { tags, summary: '执法案件详情', params: idParam } }, async (req) => caseDetail(db, req.auth, req.params.id));
  app.put('/api/enforcement/cases/:id', { config: { permission: PERM.report }, schema: { tags, summary: '修改执法案件', params: idParam, body: caseInput } }, async (req) => updateCase(db, req.auth, req.params.id, req.body).then((c) => caseDetail(db, req.auth, c.id)));
  app.post('/api/enforcement/cases/:id/void', { config: { permission: PERM.report }, schema: { tags, summary: '作废执法案件', params: idParam, body: voidBody } }, async (req) => {
    await voidCase(db, req.auth, req.params.id, req.body.reason);
    return { ok: true as const };
  });
  app.post('/api/enforcement/cases/refresh-flags', { config: { permission: PERM.supervise }, schema: { tags, summary: '重新计算案件预警' } }, async () => refreshCaseFlags(db));

  // ── inspections, joint tasks, clues ──
  app.get('/api/enforcement/inspections', { config: { permission: PERM.read }, schema: { tags, summary: '行政检查记录', querystring: inspectionListFilter } }, async (req) => listInspections(db, req.auth, req.query));
  app.post('/api/enforcement/inspections', { config: { permission: PERM.report }, schema: { tags, summary: '登记行政检查', body: inspectionInput } }, async (req, reply) => reply.code(201).send(await recordInspection(db, req.auth, req.body)));
  app.post('/api/enforcement/inspections/:id/void', { config: { permission: PERM.report }, schema: { tags, summary: '作废检查记录', params: idParam, body: voidBody } }, async (req) => {
    await voidInspection(db, req.auth, req.params.id, req.body.reason);
    return { ok: true as const };
  });
  app.get('/api/enforcement/joint-tasks', { config: { permission: PERM.read }, schema: { tags, summary: '联合检查任务（综合查一次）', querystring: z.object({ page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(200).default(20) }) } }, async (req) => listJointTasks(db, req.auth, req.query));
  app.post('/api/enforcement/joint-tasks', { config: { permission: PERM.supervise }, schema: { tags, summary: '创建联合检查任务', body: jointTaskInput } }, async (req, reply) => reply.code(201).send(await createJointTask(db, req.auth, req.body)));
  app.get('/api/enforcement/clues', { config: { permission: PERM.read }, schema: { tags, summary: '多头检查、重复检查线索', querystring: clueListFilter } }, async (req) => listClues(db, req.auth, req.query));
  app.post('/api/enforcement/clues/detect', { config: { permission: PERM.supervise }, schema: { tags, summary: '筛查检查线索（全县，一次SQL）' } }, async (req) => detectClues(db, req.auth));
  app.post('/api/enforcement/clues/:id/confirm', { config: { permission: PERM.supervise }, schema: { tags, summary: '确认线索', params: idParam, body: clueDecisionInput } }, async (req) => decideClue(db, req.auth, req.params.id, 'confirmed', req.body));
  app.post('/api/enforcement/clues/:id/dismiss', { config: { permission: PERM.supervise }, schema: { tags, summary: '排除线索（须写明理由）', params: idParam, body: clueDecisionInput } }, async (req) => decideClue(db, req.auth, req.params.id, 'dismissed', req.body));

  // ── supervision ──
  app.get('/api/enforcement/docs', { config: { permission: PERM.read }, schema: { tags, summary: '监督文书（通知书、决定书、建议书）', querystring: docListFilter } }, async (req) => listOversightDocs(db, req.auth, req.query));
  app.post('/api/enforcement/docs', { config: { permission: PERM.supervise }, schema: { tags, summary: '出具监督文书并下达整改事项', body: docInput } }, async (req, reply) => reply.code(201).send(await issueOversightDoc(db, req.auth, req.body)));
  app.get('/api/enforcement/rectifications', { config: { permission: PERM.read }, schema: { tags, summary: '整改事项', querystring: rectListFilter } }, async (req) => listRectifications(db, req.auth, req.query));
  app.post('/api/enforcement/rectifications/:id/close', { config: { permission: PERM.report }, schema: { tags, summary: '完成整改（行政机关，附佐证材料）', params: idParam, body: closeInput } }, async (req) => closeRectification(db, req.auth, req.params.id, req.body));
  app.post('/api/enforcement/rectifications/:id/reopen', { config: { permission: PERM.supervise }, schema: { tags, summary: '退回整改', params: idParam, body: z.object({ reason: z.string(), deadline: z.string(), version: z.number().int().optional() }) } }, async (req) => reopenRectification(db, req.auth, req.params.id, req.body));
  app.get('/api/enforcement/complaints', { config: { permission: PERM.read }, schema: { tags, summary: '投诉举报', querystring: z.object({ status: z.enum(['received', 'handled']).optional(), page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(200).default(20) }) } }, async (req) => listComplaints(db, req.auth, req.query));
  app.post('/api/enforcement/complaints', { config: { permission: PERM.supervise }, schema: { tags, summary: '登记投诉举报', body: complaintInput } }, async (req, reply) => reply.code(201).send(await registerComplaint(db, req.auth, req.body)));
  app.post('/api/enforcement/complaints/:id/handle', { config: { permission: PERM.supervise }, schema: { tags, summary: '办结投诉举报', params: idParam, body: z.object({ result: z.string(), substantiated: z.boolean(), date: z.string().optional(), version: z.number().int().optional() }) } }, async (req) => handleComplaint(db, req.auth, req.params.id, req.body));
  app.get('/api/enforcement/campaigns', { config: { permission: PERM.read }, schema: { tags, summary: '专项监督与案卷评查活动', querystring: z.object({ kind: z.enum(['caseReview', 'special']).optional(), page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(200).default(20) }) } }, async (req) => listCampaigns(db, req.auth, req.query));
  app.post('/api/enforcement/campaigns', { config: { permission: PERM.supervise }, schema: { tags, summary: '创建专项监督或案卷评查活动', body: campaignInput } }, async (req, reply) => reply.code(201).send(await createCampaign(db, req.auth, req.body)));
  app.get('/api/enforcement/campaigns/:id/results', { config: { permission: PERM.read }, schema: { tags, summary: '评查结果（按机关汇总）', params: idParam } }, async (req) => campaignResults(db, req.auth, req.params.id));
  app.post('/api/enforcement/campaigns/:id/reviews', { config: { permission: PERM.supervise }, schema: { tags, summary: '评查案卷打分（不合格或有问题的生成整改事项）', params: idParam, body: scoreInput } }, async (req, reply) => reply.code(201).send(await scoreCaseFile(db, req.auth, req.params.id, req.body)));
};
