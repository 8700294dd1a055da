import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { rateLimiter } from '../../platform/http/rate-limit';
import { idParam, voidBody } from '../../platform/http/schemas';
import { formatQuery, pagedRows, sendXlsx } from '../../platform/ledger/export';
import { recordAudit } from '../../platform/audit/service';
import {
  actionInput, actOnCase, addProgress, assignableLawyers, applicationInput, caseDetail, checkMeans, closingInput, createDutyLog, decideObjection, dutyListFilter, dutyLogInput, fileObjection, getEligibility,
  listCases, listDutyLogs, listFilter, listObjections, noticeInput, objectionDecisionInput, objectionInput, progressInput, registerApplication, registerNotice, submitClosing, submitOnline,
  trackByCode, voidCase, type ApplicationInput,
} from './cases';
import {
  actOnNotary, answerConsultation, answerInput, askOnline, assessLawyer, assessmentInput, consultationByCode, consultationFilter, consultationInput, createFirm, createLawyer, createNotaryMatter,
  createPoint, firmInput, lawyerFilter, lawyerInput, listConsultations, listFirms, listLawyers, listNotary, listPoints, logConsultation, networkMap, notaryActionInput, notaryFilter, notaryInput,
  onlineQuestionInput, pointInput, rateConsultation,
} from './services';
import {
  assessmentResults, assigneeKinds, caseStateLabels, caseTypes, channels, closingMaterials, consultationChannels, consultationTopics, COVERAGE_RADIUS_M, dutyPlaces, gradeThresholds, lawyerKinds,
  meansGrounds, notaryMatterTypes, notaryStates, objectionDecisions, PERM, pointKinds, qualityGrades, qualityItems, referralTargets, satisfactionLevels, terminationGrounds,
} from './terms';

const tags = ['公共法律服务'];
const codeParam = z.object({ code: z.string().trim().min(4, '查询码格式不正确').max(32) });
const labels = (o: Record<string, { label: string }>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, v.label]));

const caseColumns = [
  { header: '案件编号', key: 'caseNumber', width: 18 }, { header: '案件类别', key: 'caseTypeLabel', width: 8 }, { header: '来源', key: 'channelLabel', width: 16 },
  { header: '收案日期', key: 'receivedDate', width: 12 }, { header: '受援人', key: 'applicantName', width: 12 }, { header: '身份证号', key: 'applicantIdMasked', width: 22 },
  { header: '案由', key: 'matter', width: 30 }, { header: '状态', key: 'stateLabel', width: 16 }, { header: '决定日期', key: 'decisionDate', width: 12 }, { header: '指派日期', key: 'assignedDate', width: 12 },
  { header: '承办人', key: 'assigneeName', width: 10 }, { header: '承办单位', key: 'assigneeFirm', width: 22 }, { header: '结案日期', key: 'closedDate', width: 12 }, { header: '质量等级', key: 'qualityGradeLabel', width: 10 },
];
const notaryColumns = [
  { header: '受理编号', key: 'caseNumber', width: 18 }, { header: '公证事项', key: 'matterTypeLabel', width: 16 }, { header: '申请人', key: 'applicantName', width: 14 }, { header: '身份证号', key: 'applicantIdMasked', width: 22 },
  { header: '涉外', key: 'foreign', width: 6 }, { header: '使用地', key: 'useCountry', width: 10 }, { header: '最多跑一次', key: 'oneVisit', width: 10 }, { header: '收费（元）', key: 'fee', width: 10 },
  { header: '受理日期', key: 'acceptedDate', width: 12 }, { header: '办结日期', key: 'certifiedDate', width: 12 }, { header: '办理时长（日）', key: 'durationDays', width: 12 }, { header: '状态', key: 'stateLabel', width: 10 },
  { header: '公证书编号', key: 'certificateNumber', width: 24 },
];
const consultationColumns = [
  { header: '编号', key: 'serialNumber', width: 18 }, { header: '日期', key: 'consultedDate', width: 12 }, { header: '渠道', key: 'channelLabel', width: 10 }, { header: '类别', key: 'topicLabel', width: 10 },
  { header: '咨询人', key: 'askerName', width: 10 }, { header: '电话', key: 'askerPhoneMasked', width: 14 }, { header: '咨询内容', key: 'question', width: 40 }, { header: '解答', key: 'answer', width: 40 },
  { header: '转介', key: 'referralLabel', width: 10 }, { header: '满意度', key: 'satisfactionLabel', width: 10 },
];
const lawyerColumns = [
  { header: '姓名', key: 'name', width: 10 }, { header: '执业类别', key: 'kindLabel', width: 14 }, { header: '律师事务所', key: 'firmName', width: 24 }, { header: '执业证号', key: 'licenseNumber', width: 22 },
  { header: '执业日期', key: 'licenseDate', width: 12 }, { header: '状态', key: 'statusLabel', width: 8 }, { header: '电话', key: 'phoneMasked', width: 14 }, { header: '最近考核', key: 'lastAssessment', width: 14 },
];

export const legalAidRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.fz;
  const applyLimit = rateLimiter(10, 10 * 60_000, '提交过于频繁，请稍后再试');
  const lookupLimit = rateLimiter(60, 60_000, '查询过于频繁，请稍后再试');

  app.get('/api/legal-aid/meta', { config: { permission: PERM.read }, schema: { tags, summary: '代码表（案件类别、来源、状态、经济困难情形、评估项目…）' } }, async () => ({
    caseTypes, channels, states: caseStateLabels, assigneeKinds, meansGrounds: labels(meansGrounds), closingMaterials, terminationGrounds, objectionDecisions, dutyPlaces,
    qualityItems, qualityGrades, gradeThresholds: Object.fromEntries(gradeThresholds), eligibility: await getEligibility(db),
  }));
  app.post('/api/legal-aid/means-check', { config: { permission: PERM.read }, schema: { tags, summary: '经济困难条件核查（法律援助法 第三十四条、第三十二条、第四十二条）', body: z.object({ meansGround: z.string().max(24).optional(), householdSize: z.coerce.number().int().min(1).max(30).optional(), monthlyIncome: z.coerce.number().min(0).optional() }) } }, async (req) => checkMeans(await getEligibility(db), req.body));

  app.get('/api/legal-aid/assignable-lawyers', { config: { permission: PERM.decide }, schema: { tags, summary: '可指派的律师和基层法律服务工作者（本县）' } }, async (req) => assignableLawyers(db, req.auth));
  app.get('/api/legal-aid/cases', { config: { permission: PERM.read }, schema: { tags, summary: '法律援助案件列表（?format=xlsx 导出）', querystring: listFilter.extend(formatQuery.shape) } }, async (req, reply) => {
    if (req.query.format === 'xlsx') {
      const { total, rows } = await pagedRows((page, pageSize) => listCases(db, req.auth, { ...req.query, page, pageSize }));
      return sendXlsx(reply, { filename: '法律援助案件台账', sheet: '法律援助案件', columns: caseColumns, rows, total });
    }
    return listCases(db, req.auth, req.query);
  });
  app.post('/api/legal-aid/cases', { config: { permission: PERM.register }, schema: { tags, summary: '窗口登记法律援助申请', body: applicationInput } }, async (req, reply) => {
    const c = await registerApplication(db, req.auth, req.body as ApplicationInput);
    return reply.code(201).send(await caseDetail(db, req.auth, c.id));
  });
  app.post('/api/legal-aid/notices', { config: { permission: PERM.register }, schema: { tags, summary: '登记公检法通知辩护（法律援助法 第三十六条）', body: noticeInput } }, async (req, reply) => {
    const c = await registerNotice(db, req.auth, req.body);
    return reply.code(201).send(await caseDetail(db, req.auth, c.id));
  });
  app.get('/api/legal-aid/cases/:id', { config: { permission: PERM.read }, schema: { tags, summary: '法律援助案件详情（reveal=1：查看完整身份证号和联系方式，记入审计）', params: idParam, querystring: z.object({ reveal: z.enum(['0', '1']).optional() }) } }, async (req) => {
    const d = await caseDetail(db, req.auth, req.params.id, { reveal: req.query.reveal === '1' });
    if (d.revealed) await recordAudit(db, req.auth.actor, { action: 'legalAid.revealPii', entityType: 'legalAidCase', entityId: d.id, summary: `查看受援人完整个人信息：${d.caseNumber}` });
    return d;
  });
  app.post('/api/legal-aid/cases/:id/actions/:action', { config: { permission: PERM.read }, schema: { tags, summary: '办理操作（补充材料、给予/不予、指派、结案、质量评估、终止）', params: idParam.extend({ action: z.string().max(64) }), body: actionInput } }, async (req) => {
    const r = await actOnCase(db, req.auth, req.params.id, req.params.action, req.body);
    return { ...(await caseDetail(db, req.auth, req.params.id)), issued: r.instruments };
  });
  app.post('/api/legal-aid/cases/:id/progress', { config: { permission: PERM.read }, schema: { tags, summary: '记录办理进展（承办律师）', params: idParam, body: progressInput } }, async (req) => {
    await addProgress(db, req.auth, req.params.id, req.body);
    return caseDetail(db, req.auth, req.params.id);
  });
  app.post('/api/legal-aid/cases/:id/closing', { config: { permission: PERM.read }, schema: { tags, summary: '提交结案材料（法律援助法 第五十条）', params: idParam, body: closingInput } }, async (req) => {
    await submitClosing(db, req.auth, req.params.id, req.body);
    return caseDetail(db, req.auth, req.params.id);
  });
  app.post('/api/legal-aid/cases/:id/void', { config: { permission: PERM.decide }, schema: { tags, summary: '作废登记错误的案件（不物理删除）', params: idParam, body: voidBody } }, async (req) => {
    const c = await voidCase(db, req.auth, req.params.id, req.body.reason);
    return { id: c.id, voidedAt: c.voidedAt?.toISOString() ?? null };
  });
  app.post('/api/legal-aid/cases/:id/objections', { config: { permission: PERM.read }, schema: { tags, summary: '登记申请人异议（法律援助法 第四十九条）', params: idParam, body: objectionInput } }, async (req, reply) => reply.code(201).send(await fileObjection(db, req.auth, req.params.id, req.body)));
  app.get('/api/legal-aid/objections', { config: { permission: PERM.objection }, schema: { tags, summary: '异议审查（司法行政部门）' } }, async (req) => listObjections(db, req.auth));
  app.post('/api/legal-aid/objections/:id/decide', { config: { permission: PERM.objection }, schema: { tags, summary: '作出异议审查决定（5日内，法律援助法 第四十九条）', params: idParam, body: objectionDecisionInput } }, async (req) => decideObjection(db, req.auth, req.params.id, req.body));
  app.get('/api/legal-aid/duty-logs', { config: { permission: PERM.read }, schema: { tags, summary: '值班律师工作记录', querystring: dutyListFilter } }, async (req) => listDutyLogs(db, req.auth, req.query));
  app.post('/api/legal-aid/duty-logs', { config: { permission: PERM.register }, schema: { tags, summary: '登记值班律师工作记录', body: dutyLogInput } }, async (req, reply) => reply.code(201).send(await createDutyLog(db, req.auth, req.body)));

  // ── 公证 ──────────────────────────────────────────────────────────────────────────────────────────────
  app.get('/api/notary/meta', { config: { permission: PERM.notaryRead }, schema: { tags, summary: '公证代码表' } }, async () => ({ matterTypes: notaryMatterTypes, states: notaryStates }));
  app.get('/api/notary/matters', { config: { permission: PERM.notaryRead }, schema: { tags, summary: '公证事项列表与统计（?format=xlsx 导出）', querystring: notaryFilter.extend(formatQuery.shape) } }, async (req, reply) => {
    if (req.query.format === 'xlsx') {
      const { total, rows } = await pagedRows((page, pageSize) => listNotary(db, req.auth, { ...req.query, page, pageSize }));
      return sendXlsx(reply, { filename: '公证事项台账', sheet: '公证事项', columns: notaryColumns, rows, total });
    }
    return listNotary(db, req.auth, req.query);
  });
  app.post('/api/notary/matters', { config: { permission: PERM.notaryManage }, schema: { tags, summary: '受理公证事项', body: notaryInput } }, async (req, reply) => reply.code(201).send(await createNotaryMatter(db, req.auth, req.body)));
  app.post('/api/notary/matters/:id/actions', { config: { permission: PERM.notaryManage }, schema: { tags, summary: '出证 / 不予办理 / 终止公证', params: idParam, body: notaryActionInput } }, async (req) => actOnNotary(db, req.auth, req.params.id, req.body));

  // ── 12348 法律咨询 ──────────────────────────────────────────────────────────────────────────────────
  app.get('/api/consultations/meta', { config: { permission: PERM.consultationRead }, schema: { tags, summary: '咨询代码表' } }, async () => ({ channels: consultationChannels, topics: consultationTopics, referralTargets, satisfactionLevels }));
  app.get('/api/consultations', { config: { permission: PERM.consultationRead }, schema: { tags, summary: '法律咨询记录（?format=xlsx 导出）', querystring: consultationFilter.extend(formatQuery.shape) } }, async (req, reply) => {
    if (req.query.format === 'xlsx') {
      const { total, rows } = await pagedRows((page, pageSize) => listConsultations(db, req.auth, { ...req.query, page, pageSize }));
      return sendXlsx(reply, { filename: '法律咨询台账', sheet: '法律咨询', columns: consultationColumns, rows, total });
    }
    return listConsultations(db, req.auth, req.query);
  });
  app.post('/api/consultations', { config: { permission: PERM.consultationManage }, schema: { tags, summary: '登记热线/窗口咨询', body: consultationInput } }, async (req, reply) => reply.code(201).send(await logConsultation(db, req.auth, req.body)));
  app.post('/api/consultations/:id/answer', { config: { permission: PERM.consultationManage }, schema: { tags, summary: '解答网上咨询（可转介法律援助、人民调解）', params: idParam, body: answerInput } }, async (req) => answerConsultation(db, req.auth, req.params.id, req.body));

  // ── 服务网络、律所、律师 ────────────────────────────────────────────────────────────────────────────────
  app.get('/api/legal-service/meta', { config: { permission: PERM.networkRead }, schema: { tags, summary: '服务网络代码表' } }, async () => ({ pointKinds, lawyerKinds, assessmentResults, coverageRadiusM: COVERAGE_RADIUS_M }));
  app.get('/api/legal-service/points', { config: { permission: PERM.networkRead }, schema: { tags, summary: '公共法律服务中心/站/室', querystring: z.object({ kind: z.string().max(16).optional(), q: z.string().max(50).optional() }) } }, async (req) => listPoints(db, req.auth, req.query));
  app.post('/api/legal-service/points', { config: { permission: PERM.networkManage }, schema: { tags, summary: '登记服务点', body: pointInput } }, async (req, reply) => reply.code(201).send(await createPoint(db, req.auth, req.body)));
  app.get('/api/legal-service/map', { config: { permission: PERM.networkRead }, schema: { tags, summary: '一图可见：服务点、律所坐标和15分钟服务圈半径' } }, async (req) => networkMap(db, req.auth));
  app.get('/api/legal-service/firms', { config: { permission: PERM.networkRead }, schema: { tags, summary: '律师事务所' } }, async (req) => listFirms(db, req.auth));
  app.post('/api/legal-service/firms', { config: { permission: PERM.networkManage }, schema: { tags, summary: '登记律师事务所', body: firmInput } }, async (req, reply) => reply.code(201).send(await createFirm(db, req.auth, req.body)));
  app.get('/api/legal-service/lawyers', { config: { permission: PERM.networkRead }, schema: { tags, summary: '律师和基层法律服务工作者（?format=xlsx 导出）', querystring: lawyerFilter.extend(formatQuery.shape) } }, async (req, reply) => {
    if (req.query.format === 'xlsx') {
      const { total, rows } = await pagedRows((page, pageSize) => listLawyers(db, req.auth, { ...req.query, page, pageSize }));
      return sendXlsx(reply, { filename: '律师名册', sheet: '律师', columns: lawyerColumns, rows, total });
    }
    return listLawyers(db, req.auth, req.query);
  });
  app.post('/api/legal-service/lawyers', { config: { permission: PERM.networkManage }, schema: { tags, summary: '登记律师', body: lawyerInput } }, async (req, reply) => reply.code(201).send(await createLawyer(db, req.auth, req.body)));
  app.post('/api/legal-service/lawyers/:id/assessments', { config: { permission: PERM.networkManage }, schema: { tags, summary: '登记年度考核结果', params: idParam, body: assessmentInput } }, async (req) => assessLawyer(db, req.auth, req.params.id, req.body));

  // ── public portal (no login) ────────────────────────────────────────────────────────────────────────
  app.post('/api/public/legal-aid/applications', { config: { public: true }, schema: { tags, summary: '网上申请法律援助', body: applicationInput } }, async (req, reply) => {
    applyLimit(req.ip);
    const r = await submitOnline(db, req.body as ApplicationInput, { ip: req.ip });
    return reply.code(201).send({ trackingCode: r.trackingCode, caseNumber: r.case.caseNumber, receivedDate: r.case.receivedDate, message: '申请已提交，法律援助机构将在收到申请之日起7日内作出决定。请妥善保存查询码，凭查询码查询办理进度。' });
  });
  app.get('/api/public/legal-aid/track/:code', { config: { public: true }, schema: { tags, summary: '凭查询码查询法律援助申请进度', params: codeParam } }, async (req) => {
    lookupLimit(req.ip);
    return trackByCode(db, req.params.code);
  });
  app.get('/api/public/legal-aid/meta', { config: { public: true }, schema: { tags, summary: '网上申请代码表' } }, async () => ({ caseTypes, meansGrounds: labels(meansGrounds), topics: consultationTopics, satisfactionLevels, eligibility: await getEligibility(db) }));
  app.post('/api/public/consultations', { config: { public: true }, schema: { tags, summary: '网上法律咨询（留言）', body: onlineQuestionInput } }, async (req, reply) => {
    applyLimit(req.ip);
    return reply.code(201).send({ ...(await askOnline(db, req.body, { ip: req.ip })), message: '咨询已提交，工作人员将尽快解答。请保存查询码，凭查询码查看解答。' });
  });
  app.get('/api/public/consultations/:code', { config: { public: true }, schema: { tags, summary: '凭查询码查看咨询解答', params: codeParam } }, async (req) => {
    lookupLimit(req.ip);
    return consultationByCode(db, req.params.code);
  });
  app.post('/api/public/consultations/:code/rating', { config: { public: true }, schema: { tags, summary: '评价咨询解答', params: codeParam, body: z.object({ satisfaction: z.enum(['satisfied', 'fair', 'unsatisfied'], { message: '请选择满意度' }) }) } }, async (req) => {
    lookupLimit(req.ip);
    return rateConsultation(db, req.params.code, req.body.satisfaction);
  });
};
