import { rateLimiter } from '../../platform/http/rate-limit';
import { scheduleEvery } from '../../platform/jobs/schedule';
import { z } from 'zod';
import QRCode from 'qrcode';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParam } from '../../platform/http/schemas';
import { todayInChina } from '../../platform/calendar/service';
import { scopeCondition } from '../../platform/auth/scope';
import { normativeDocuments } from './schema';
import {
  advanceDocument, advanceInput, amendDocument, amendInput, cleanupDocument, cleanupInput, createDraft, docListFilter, documentDetail, draftInput,
  expireDocuments, expiringDocuments, fileDocument, overdueFilings, filingInput, getDocRules, listDocuments, lookupPublic, normalizeCode, portalPath, publicQuery,
  publishDocument, publishInput, searchPublic,
} from './documents';
import { actOnReview, batchEnterReviews, batchInput, listReviews, reviewActionInput, reviewCenter, reviewDetail, reviewListFilter, submitInput, submitReview } from './reviews';
import { cleanupOutcomes, countyStateLabels, entryModes, expertKinds, flows, objectTypes, opinions, PERM, reviewStateLabels, stages, statuses } from './terms';
import { reviewMinimum } from './workflow';
import { AppError } from '../../platform/errors';

const tags = ['合法性审查与规范性文件'];

const codeParam = z.object({ code: z.string().trim().min(4, '文件码格式不正确').max(32) });

export const legalityRoutes: FastifyPluginAsyncZod = async (app) => {
  // A document leaves force the day after its 有效期 ends: check hourly (idempotent).
  scheduleEvery(app, 'normativeDoc.expire', 60 * 60 * 1000, (db) => expireDocuments(db));
  const { db } = app.fz;
  const lookupLimit = rateLimiter(120, 60_000, '查询过于频繁，请稍后再试');

  app.get('/api/legality/meta', { config: { permission: PERM.read }, schema: { tags, summary: '代码表（审查对象、审查意见、文件阶段与状态、清理结果）' } }, async (req) => ({
    objectTypes, opinions, reviewStates: reviewStateLabels, countyReviewStates: countyStateLabels, expertKinds, flows, entryModes, stages,
    reviewMinimum: { days: reviewMinimum.days, cite: reviewMinimum.cite },
    reviewCenter: await reviewCenter(db, req.auth.rootPath).then((o) => (o ? { id: o.id, name: o.name } : null)), statuses: Object.fromEntries(Object.entries(statuses).map(([k, v]) => [k, v.label])),
    cleanupOutcomes: Object.fromEntries(Object.entries(cleanupOutcomes).map(([k, v]) => [k, v.label])),
    rules: await getDocRules(db),
  }));

  // ── 规范性文件 ───────────────────────────────────────────────────────────────────────────────────────
  app.get('/api/legality/documents', { config: { permission: PERM.docRead }, schema: { tags, summary: '规范性文件登记簿', querystring: docListFilter } }, async (req) => listDocuments(db, req.auth, req.query));
  app.post('/api/legality/documents', { config: { permission: PERM.docManage }, schema: { tags, summary: '起草（登记）规范性文件', body: draftInput } }, async (req, reply) => reply.code(201).send(await createDraft(db, req.auth, req.body)));
  app.get('/api/legality/documents/expiring', { config: { permission: PERM.docRead }, schema: { tags, summary: '有效期即将届满（默认90日内）的规范性文件' } }, async (req) => {
    const rules = await getDocRules(db);
    return { items: await expiringDocuments(db, todayInChina(), rules.expiryWarningDays, scopeCondition(req.auth, PERM.docRead, { orgId: normativeDocuments.orgId })) };
  });
  app.get('/api/legality/documents/overdue-filings', { config: { permission: PERM.docRead }, schema: { tags, summary: '逾期未报送备案的规范性文件（公布后30日，法规规章备案审查条例 第四条；省规定）' } }, async (req) => ({
    items: (await overdueFilings(db, todayInChina(), scopeCondition(req.auth, PERM.docRead, { orgId: normativeDocuments.orgId }))).map((d) => ({ id: d.id, code: d.code, title: d.title, issuer: d.issuer, publishedDate: d.publishedDate, filingDueDate: d.filingDueDate })),
  }));
  app.post('/api/legality/documents/expire', { config: { permission: PERM.docManage }, schema: { tags, summary: '执行有效期届满失效任务（每日）' } }, async () => {
    const r = await expireDocuments(db);
    return { expired: r.expired.map((d) => ({ id: d.id, code: d.code, title: d.title, validUntil: d.validUntil })), warnings: r.warnings.map((d) => ({ id: d.id, code: d.code, title: d.title, validUntil: d.validUntil })) };
  });
  app.get('/api/legality/documents/:id', { config: { permission: PERM.docRead }, schema: { tags, summary: '规范性文件详情（含历史版本）', params: idParam } }, async (req) => documentDetail(db, req.auth, req.params.id));
  app.post('/api/legality/documents/:id/advance', { config: { permission: PERM.docManage }, schema: { tags, summary: '推进制定阶段（征求意见 → 合法性审核 → 集体审议）', params: idParam, body: advanceInput } }, async (req) => advanceDocument(db, req.auth, req.params.id, req.body).then(() => documentDetail(db, req.auth, req.params.id)));
  app.post('/api/legality/documents/:id/publish', { config: { permission: PERM.docManage }, schema: { tags, summary: '公布（统一登记号、文件码）', params: idParam, body: publishInput } }, async (req) => publishDocument(db, req.auth, req.params.id, req.body).then(() => documentDetail(db, req.auth, req.params.id)));
  app.post('/api/legality/documents/:id/filing', { config: { permission: PERM.docManage }, schema: { tags, summary: '报送备案（逾期标记）', params: idParam, body: filingInput } }, async (req) => fileDocument(db, req.auth, req.params.id, req.body).then(() => documentDetail(db, req.auth, req.params.id)));
  app.post('/api/legality/documents/:id/amend', { config: { permission: PERM.docManage }, schema: { tags, summary: '修改（保留历史版本）', params: idParam, body: amendInput } }, async (req) => amendDocument(db, req.auth, req.params.id, req.body).then(() => documentDetail(db, req.auth, req.params.id)));
  app.post('/api/legality/documents/:id/cleanup', { config: { permission: PERM.docManage }, schema: { tags, summary: '清理（保留/修改/废止/宣布失效）', params: idParam, body: cleanupInput } }, async (req) => cleanupDocument(db, req.auth, req.params.id, req.body).then(() => documentDetail(db, req.auth, req.params.id)));

  // ── 合法性审查 ───────────────────────────────────────────────────────────────────────────────────────
  app.get('/api/legality/reviews', { config: { permission: PERM.read }, schema: { tags, summary: '合法性审查事项列表（关键词、对象、状态、机构、日期；导出见 /api/ledger/export/legality-reviews）', querystring: reviewListFilter } }, async (req) => listReviews(db, req.auth, req.query));
  app.post('/api/legality/reviews', { config: { permission: PERM.submit }, schema: { tags, summary: '送审（承办机构）', body: submitInput } }, async (req, reply) => {
    const r = await submitReview(db, req.auth, req.body);
    return reply.code(201).send(await reviewDetail(db, req.auth, r.id));
  });
  app.post('/api/legality/reviews/batch', { config: { permission: PERM.review }, schema: { tags, summary: '会议纪要等审查记录批量登记（全部成功或全部不登记，逐行报错）', body: batchInput } }, async (req, reply) => reply.code(201).send(await batchEnterReviews(db, req.auth, req.body)));
  app.get('/api/legality/reviews/:id', { config: { permission: PERM.read }, schema: { tags, summary: '合法性审查事项详情', params: idParam } }, async (req) => reviewDetail(db, req.auth, req.params.id));
  app.post('/api/legality/reviews/:id/actions/:action', {
    config: { permission: PERM.read },
    schema: { tags, summary: '办理操作（受理、退回、补充材料、出具意见、反馈采纳、归档）', params: idParam.extend({ action: z.string().max(64) }), body: reviewActionInput },
  }, async (req) => {
    await actOnReview(db, req.auth, req.params.id, req.params.action, req.body);
    return reviewDetail(db, req.auth, req.params.id);
  });

  // ── public register (no login) ───────────────────────────────────────────────────────────────────────
  app.get('/api/public/documents', { config: { public: true }, schema: { tags, summary: '规范性文件公开查询（标题、全文检索）', querystring: publicQuery } }, async (req) => {
    lookupLimit(req.ip);
    return searchPublic(db, req.query);
  });
  app.get('/api/public/documents/:code', { config: { public: true }, schema: { tags, summary: '按文件码查询规范性文件（效力状态、有效期、全文、历史）', params: codeParam } }, async (req) => {
    lookupLimit(req.ip);
    return lookupPublic(db, req.params.code);
  });
  app.get('/api/public/documents/:code/qr.png', { config: { public: true }, schema: { tags, summary: '文件码二维码（指向公开查询页面）', params: codeParam } }, async (req, reply) => {
    const code = normalizeCode(req.params.code);
    const png = await QRCode.toBuffer(portalPath(code), { type: 'png', errorCorrectionLevel: 'M', margin: 2, width: 256 });
    return reply.header('content-type', 'image/png').header('cache-control', 'public, max-age=86400').send(png);
  });
};
