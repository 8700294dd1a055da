import { z } from 'zod';
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError, forbidden, notFound } from '../../platform/errors';
import { idParam, isoDate } from '../../platform/http/schemas';
import { contentDisposition } from '../../platform/files/service';
import { formatQuery, pagedRows, sendXlsx } from '../../platform/ledger/export';
import { recordAudit } from '../../platform/audit/service';
import { scopeCondition } from '../../platform/auth/scope';
import { orgs } from '../../platform/orgs/schema';
import { todayInChina } from '../../platform/calendar/service';
import {
  accountInput, addRecord, checkIn, checkinInput, checkinPhoto, createSubjectAccount, decideInput, decideLeave, decideMeasure, getRules, leaveInput, listFilter, listSubjects,
  markReoffended, measureInput, ownCheckins, proposeMeasure, receiveInput, receiveSubject, recordInput, requestLeave, returnFromLeave, revealInput, revealSubject, stepInput,
  subjectDetail, takeStep,
} from './subjects';
import { assessmentFilter, assessmentInput, completeAssessment, createAssessment, listAssessments, opinionInput } from './assessments';
import { addHelp, handOver, handoverInput, helpInput, listResettlement, personInput, registerRelease, resettlementDetail, resettlementFilter, resettlementStates } from './resettlement';
import { computeAlarms, registerQuery, registerView } from './alarms';
import { correctionDocuments, correctionLeaves, correctionMeasures, correctionSubjects } from './schema';
import { documentDocx } from './instruments';
import {
  alarmKinds, approverLabels, assessmentResults, endings, leaveStates, levels, measures, measureStates, PERM, recordKinds, riskLevels, sentenceTypes, subjectStateLabels, SUBJECT_ENTITY,
} from './terms';
import { steps } from './workflow';

const tags = ['社区矫正'];
const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const exportColumns = [
  { header: '姓名', key: 'name', width: 10 },
  { header: '性别', key: 'gender', width: 6 },
  { header: '身份证号码', key: 'idNumberMasked', width: 22 },
  { header: '矫正类别', key: 'sentenceTypeLabel', width: 12 },
  { header: '罪名', key: 'crime', width: 16 },
  { header: '决定机关', key: 'decisionOrg', width: 20 },
  { header: '矫正起始日', key: 'termStart', width: 12 },
  { header: '矫正截止日', key: 'termEnd', width: 12 },
  { header: '接收日期', key: 'receivedDate', width: 12 },
  { header: '报到日期', key: 'reportedDate', width: 12 },
  { header: '管理级别', key: 'levelLabel', width: 10 },
  { header: '状态', key: 'stateLabel', width: 12 },
  { header: '解除/终止日期', key: 'endedDate', width: 12 },
  { header: '解除/终止方式', key: 'endingLabel', width: 14 },
  { header: '执行司法所', key: 'orgName', width: 14 },
];

export const correctionsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.fz;

  app.get('/api/corrections/meta', { config: { permission: PERM.read }, schema: { tags, summary: '代码表与规则（矫正类别、状态、管理级别、奖惩、外出审批层级）' } }, async () => ({
    sentenceTypes, states: subjectStateLabels, levels, endings, recordKinds, assessmentResults, leaveStates, approverLabels, measureStates, riskLevels, resettlementStates,
    measures: Object.fromEntries(Object.entries(measures).map(([k, v]) => [k, { label: v.label, decidedBy: v.decidedBy, cite: v.cite }])),
    alarmKinds, steps: steps.map((s) => ({ key: s.key, label: s.label, from: s.from, to: s.to, permission: s.permission, cite: s.cite })),
    rules: await getRules(db),
  }));

  // ── 在册 register ────────────────────────────────────────────────────────────────────────────────────
  app.get('/api/corrections/subjects', {
    config: { permission: PERM.read },
    schema: { tags, summary: '社区矫正对象名册（?format=xlsx&reason=… 导出，须填写事由并记录审计）', querystring: listFilter.extend(formatQuery.shape).extend({ reason: z.string().max(500).optional() }) },
  }, async (req, reply) => {
    if (req.query.format === 'xlsx') {
      if (!req.auth.permissions.has(PERM.export)) throw forbidden('无权导出社区矫正对象名册');
      const reason = req.query.reason?.trim() ?? '';
      if (reason.length < 4) throw new AppError('CORRECTIONS_EXPORT_REASON', '导出社区矫正对象名册须填写事由（至少4个字）', 400, { fields: [{ path: 'reason', message: '请填写导出事由' }] });
      const { reason: _r, format: _f, ...filters } = req.query;
      const { total, rows } = await pagedRows(async (page, pageSize) => listSubjects(db, req.auth, { ...filters, page, pageSize }));
      await recordAudit(db, req.auth.actor, { action: 'corrections.export', entityType: SUBJECT_ENTITY, summary: `导出社区矫正对象名册${total}人；事由：${reason}`, after: { filters, total } });
      return sendXlsx(reply, { filename: '社区矫正对象名册', sheet: '社区矫正对象', columns: exportColumns, rows, total });
    }
    return listSubjects(db, req.auth, req.query);
  });
  app.post('/api/corrections/subjects', { config: { permission: PERM.manage }, schema: { tags, summary: '接收社区矫正对象（报到期限：社区矫正法 第二十一条）', body: receiveInput } }, async (req, reply) => {
    const row = await receiveSubject(db, req.auth, req.body);
    return reply.code(201).send({ id: row.id, reportDueDate: row.reportDueDate, state: row.state });
  });
  app.get('/api/corrections/subjects/:id', { config: { permission: PERM.read }, schema: { tags, summary: '社区矫正对象档案（查阅记录审计）', params: idParam } }, async (req) => subjectDetail(db, req.auth, req.params.id));
  app.post('/api/corrections/subjects/:id/reveal', { config: { permission: PERM.read }, schema: { tags, summary: '查看完整身份证号、电话、住址（须填写事由，记录审计）', params: idParam, body: revealInput } }, async (req) => revealSubject(db, req.auth, req.params.id, req.body));
  app.post('/api/corrections/subjects/:id/steps/:step', {
    config: { permission: PERM.read },
    schema: { tags, summary: '报到、入矫宣告、期满解除、终止矫正', params: idParam.extend({ step: z.string().max(32) }), body: stepInput },
  }, async (req) => {
    await takeStep(db, req.auth, req.params.id, req.params.step, req.body);
    return subjectDetail(db, req.auth, req.params.id);
  });
  app.post('/api/corrections/subjects/:id/records', { config: { permission: PERM.manage }, schema: { tags, summary: '登记报告、走访、核查、视频点名、教育、公益活动或月度考核', params: idParam, body: recordInput } }, async (req, reply) => reply.code(201).send(await addRecord(db, req.auth, req.params.id, req.body)));
  app.post('/api/corrections/subjects/:id/measures', { config: { permission: PERM.manage }, schema: { tags, summary: '提出奖惩建议（表扬、训诫、警告、提请…）', params: idParam, body: measureInput } }, async (req, reply) => reply.code(201).send(await proposeMeasure(db, req.auth, req.params.id, req.body)));
  app.post('/api/corrections/measures/:id/decide', { config: { permission: PERM.decide }, schema: { tags, summary: '县级社区矫正机构审批奖惩（出具决定书、建议书）', params: idParam, body: decideInput } }, async (req) => decideMeasure(db, req.auth, req.params.id, req.body));
  app.post('/api/corrections/subjects/:id/leaves', { config: { permission: PERM.manage }, schema: { tags, summary: '外出、迁居申请（审批层级：社区矫正法 第二十七条）', params: idParam, body: leaveInput } }, async (req, reply) => reply.code(201).send(await requestLeave(db, req.auth, req.params.id, req.body)));
  app.post('/api/corrections/leaves/:id/decide', { config: { permission: PERM.manage }, schema: { tags, summary: '审批外出、迁居申请', params: idParam, body: decideInput } }, async (req) => decideLeave(db, req.auth, req.params.id, req.body));
  app.post('/api/corrections/leaves/:id/return', { config: { permission: PERM.manage }, schema: { tags, summary: '外出销假', params: idParam, body: z.object({ date: isoDate }) } }, async (req) => {
    await returnFromLeave(db, req.auth, req.params.id, req.body.date);
    return { ok: true as const };
  });
  app.post('/api/corrections/subjects/:id/reoffended', { config: { permission: PERM.manage }, schema: { tags, summary: '登记重新犯罪', params: idParam, body: z.object({ date: isoDate, note: z.string().trim().min(2, '请写明情况').max(2000) }) } }, async (req) => {
    await markReoffended(db, req.auth, req.params.id, req.body.date, req.body.note);
    return { ok: true as const };
  });
  app.post('/api/corrections/subjects/:id/account', { config: { permission: PERM.manage }, schema: { tags, summary: '为社区矫正对象开通手机签到账号', params: idParam, body: accountInput } }, async (req, reply) => reply.code(201).send(await createSubjectAccount(db, req.auth, req.params.id, req.body)));

  app.get('/api/corrections/approvals', { config: { permission: PERM.read }, schema: { tags, summary: '待审批的奖惩与外出、迁居申请' } }, async (req) => {
    const scopeM = scopeCondition(req.auth, PERM.read, { orgId: correctionMeasures.orgId });
    const scopeL = scopeCondition(req.auth, PERM.read, { orgId: correctionLeaves.orgId });
    const m = await db.select({ m: correctionMeasures, name: correctionSubjects.name, orgName: orgs.name }).from(correctionMeasures).innerJoin(correctionSubjects, eq(correctionSubjects.id, correctionMeasures.subjectId)).leftJoin(orgs, eq(orgs.id, correctionMeasures.orgId)).where(and(isNull(correctionMeasures.voidedAt), eq(correctionMeasures.state, 'proposed'), scopeM)).orderBy(desc(correctionMeasures.proposedDate)).limit(200);
    const l = await db.select({ l: correctionLeaves, name: correctionSubjects.name, orgName: orgs.name }).from(correctionLeaves).innerJoin(correctionSubjects, eq(correctionSubjects.id, correctionLeaves.subjectId)).leftJoin(orgs, eq(orgs.id, correctionLeaves.orgId)).where(and(isNull(correctionLeaves.voidedAt), eq(correctionLeaves.state, 'pending'), scopeL)).orderBy(desc(correctionLeaves.startDate)).limit(200);
    return {
      measures: m.map((r) => ({ ...r.m, name: r.name, orgName: r.orgName, measureLabel: measures[r.m.measure as keyof typeof measures]?.label, cite: measures[r.m.measure as keyof typeof measures]?.cite })),
      leaves: l.map((r) => ({ ...r.l, name: r.name, orgName: r.orgName, approverLabel: approverLabels[r.l.approver as keyof typeof approverLabels] })),
    };
  });

  // ── 文书 and photos (audited reads) ──────────────────────────────────────────────────────────────────
  app.get('/api/corrections/documents/:id/docx', { config: { permission: PERM.read }, schema: { tags, summary: '下载社区矫正文书（.docx，GB/T 9704）', params: idParam } }, async (req, reply) => {
    const [doc] = await db.select().from(correctionDocuments).where(and(eq(correctionDocuments.id, req.params.id), isNull(correctionDocuments.voidedAt), scopeCondition(req.auth, PERM.read, { orgId: correctionDocuments.orgId })));
    if (!doc) throw notFound('文书');
    const buffer = await documentDocx(doc);
    await recordAudit(db, req.auth.actor, { action: 'corrections.document.read', entityType: 'correctionDocument', entityId: doc.id, summary: `下载${doc.title}${doc.number ? ` ${doc.number}` : ''}` });
    const name = `${[doc.number, doc.title].filter(Boolean).join(' ')}.docx`.replace(/[\\/:*?"<>|\r\n\t]/g, '_');
    return reply.header('content-type', DOCX_MIME).header('content-disposition', contentDisposition('attachment', name)).header('cache-control', 'no-store').send(buffer);
  });
  app.get('/api/corrections/checkins/:id/photo', { config: { permission: PERM.read }, schema: { tags, summary: '签到照片（查阅记录审计）', params: idParam } }, async (req, reply) => {
    const file = await checkinPhoto(db, req.auth, req.params.id);
    return reply.header('content-type', file.mime).header('cache-control', 'private, no-store').header('x-content-type-options', 'nosniff').send(file.content);
  });

  // ── the subject's own check-in ───────────────────────────────────────────────────────────────────────
  app.get('/api/corrections/checkin', { config: { permission: PERM.checkin }, schema: { tags, summary: '本人签到记录（社区矫正对象）' } }, async (req) => ownCheckins(db, req.auth));
  app.post('/api/corrections/checkin', { config: { permission: PERM.checkin }, schema: { tags, summary: '手机签到：照片 + 位置 + 时间（社区矫正对象）', body: checkinInput } }, async (req, reply) => reply.code(201).send(await checkIn(db, req.auth, req.body)));

  // ── alarms and register view ─────────────────────────────────────────────────────────────────────────
  app.get('/api/corrections/alarms', { config: { permission: PERM.read }, schema: { tags, summary: '脱管、漏管等预警（逾期未报到、逾期未报告签到、未考核、外出逾期、调查评估逾期）' } }, async (req) => {
    const items = await computeAlarms(db, req.auth, todayInChina());
    return { total: items.length, items };
  });
  app.get('/api/corrections/register', { config: { permission: PERM.read }, schema: { tags, summary: '在册、接收、解除人数（按期间、类别、司法所）', querystring: registerQuery } }, async (req) => registerView(db, req.auth, req.query));

  // ── 调查评估 ─────────────────────────────────────────────────────────────────────────────────────────
  app.get('/api/corrections/assessments', { config: { permission: PERM.read }, schema: { tags, summary: '调查评估', querystring: assessmentFilter } }, async (req) => listAssessments(db, req.auth, req.query));
  app.post('/api/corrections/assessments', { config: { permission: PERM.manage }, schema: { tags, summary: '登记调查评估委托（10个工作日：实施办法 第十四条）', body: assessmentInput } }, async (req, reply) => reply.code(201).send(await createAssessment(db, req.auth, req.body)));
  app.post('/api/corrections/assessments/:id/opinion', { config: { permission: PERM.decide }, schema: { tags, summary: '出具调查评估意见书', params: idParam, body: opinionInput } }, async (req) => completeAssessment(db, req.auth, req.params.id, req.body));

  // ── 安置帮教 ─────────────────────────────────────────────────────────────────────────────────────────
  app.get('/api/corrections/resettlement', { config: { permission: PERM.read }, schema: { tags, summary: '安置帮教对象', querystring: resettlementFilter } }, async (req) => listResettlement(db, req.auth, req.query));
  app.post('/api/corrections/resettlement', { config: { permission: PERM.manage }, schema: { tags, summary: '登记刑满释放人员（释放通知）', body: personInput } }, async (req, reply) => reply.code(201).send(await registerRelease(db, req.auth, req.body)));
  app.get('/api/corrections/resettlement/:id', { config: { permission: PERM.read }, schema: { tags, summary: '安置帮教对象档案（查阅记录审计）', params: idParam } }, async (req) => resettlementDetail(db, req.auth, req.params.id));
  app.post('/api/corrections/resettlement/:id/handover', { config: { permission: PERM.manage }, schema: { tags, summary: '衔接（成立帮教小组）', params: idParam, body: handoverInput } }, async (req) => handOver(db, req.auth, req.params.id, req.body));
  app.post('/api/corrections/resettlement/:id/helps', { config: { permission: PERM.manage }, schema: { tags, summary: '帮教记录', params: idParam, body: helpInput } }, async (req) => addHelp(db, req.auth, req.params.id, req.body));

};
