import { z } from 'zod';
import { and, asc, eq, inArray, isNull, like } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParam, pageQuery, voidBody } from '../../platform/http/schemas';
import { formatQuery, pagedRows, sendXlsx } from '../../platform/ledger/export';
import { AppError } from '../../platform/errors';
import { contentDisposition } from '../../platform/files/service';
import { rateLimiter } from '../../platform/http/rate-limit';
import { orgs } from '../../platform/orgs/schema';
import { listMediations, mediationListQuery } from '../litigation/service';
import { LITIGATION_READ } from '../litigation/workflow';
import {
  act,
  actInput,
  addScreening,
  addSession,
  committeeListQuery,
  committeeOptions,
  createCommittee,
  createMediator,
  getCaseDetail,
  getMediationSettings,
  getReferral,
  listCases,
  listCommittees,
  listCourtStats,
  listMediators,
  listQuery,
  listReferrals,
  listScreenings,
  mediatorListQuery,
  putCourtStat,
  putMediationSettings,
  referCase,
  referralAgreementDocx,
  registerCase,
  screeningListQuery,
  submitPortal,
  suggestDispatch,
  trackByCode,
  updateMediator,
  voidCase,
} from './service';
import { exportRow, mediationLedger } from './ledger';
import { agreementTypes, caseStatuses, committeeLevels, confirmationStatuses, disputeTypes, genders, mediatorKinds, outcomes, performances, sources } from './terms';
import { MEDIATION_COURT, MEDIATION_MANAGE, MEDIATION_READ, MEDIATION_REGISTRY, confirmationWorkflow, mediationWorkflow } from './workflow';

const tags = ['人民调解'];
const body = z.record(z.string(), z.unknown());
const table = (o: Record<string, string>) => Object.entries(o).map(([value, label]) => ({ value, label }));
const applyLimit = rateLimiter(5, 10 * 60_000, '提交过于频繁，请稍后再试');
const lookupLimit = rateLimiter(30, 60_000);

/** 人民调解: zod in, zod out; every list, read and export goes through the service's scoped queries. */
export const mediationRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.fz;

  async function exportCases(reply: Parameters<typeof sendXlsx>[0], fetch: (p: number, s: number) => ReturnType<typeof listCases>, filename: string) {
    const { total, rows } = await pagedRows(async (p, size) => {
      const r = await fetch(p, size);
      return { items: r.items.map(exportRow), total: r.total };
    });
    const labels = new Map(mediationLedger.columns.filter((c) => c.codes).map((c) => [c.key, new Map(Object.entries(c.codes!).map(([l, code]) => [code, l]))]));
    async function* labelled() {
      for await (const r of rows) yield Object.fromEntries(Object.entries(r).map(([k, v]) => [k, labels.get(k)?.get(String(v)) ?? v]));
    }
    const columns = [{ header: '案件编号', key: 'caseNumber', width: 22 }, ...mediationLedger.columns.map((c) => ({ header: c.header, key: c.key, width: c.width })), { header: '办理状态', key: 'stateLabel', width: 16 }];
    return sendXlsx(reply, { filename, sheet: '调解案件', total, columns, rows: labelled() });
  }

  app.get('/api/mediation/cases', {
    config: { permission: MEDIATION_READ },
    schema: { tags, summary: '调解案件列表（?format=xlsx 导出台账）', querystring: pageQuery.extend(listQuery.shape).extend(formatQuery.shape) },
  }, async (req, reply) => {
    const { page, pageSize, format, ...filters } = req.query;
    if (format === 'xlsx') return exportCases(reply, (p, s) => listCases(db, req.auth, filters, p, s), '人民调解案件台账');
    return listCases(db, req.auth, filters, page, pageSize);
  });

  app.post('/api/mediation/cases', { config: { permission: MEDIATION_MANAGE }, schema: { tags, summary: '登记调解案件（主动排查、当事人申请、公安/信访移交）', body } }, async (req) => {
    const c = await registerCase(db, req.auth, req.body);
    return getCaseDetail(db, req.auth, c.id);
  });

  app.get('/api/mediation/cases/:id', { config: { permission: MEDIATION_READ }, schema: { tags, summary: '调解案件详情（流程、期限、调解记录、文书、司法确认）', params: idParam } }, async (req) => getCaseDetail(db, req.auth, req.params.id));

  app.post('/api/mediation/cases/:id/actions/:transition', {
    config: { permission: MEDIATION_MANAGE },
    schema: { tags, summary: '办理调解案件（受理、分派、提级、成功、不成功、终止、回访、司法确认；version 不一致返回 409）', params: idParam.extend({ transition: z.string().max(64) }), body: actInput },
  }, async (req) => {
    const r = await act(db, req.auth, req.params.id, req.params.transition, req.body);
    try {
      return { ...(await getCaseDetail(db, req.auth, req.params.id)), issued: r.issued };
    } catch (err) {
      // 分派 or 提级 to a committee outside the caller's scope: the case has left their hands.
      if (err instanceof AppError && err.status === 404) return { moved: true as const, message: '案件已移交其他调解委员会办理', issued: r.issued };
      throw err;
    }
  });

  app.post('/api/mediation/cases/:id/sessions', { config: { permission: MEDIATION_MANAGE }, schema: { tags, summary: '登记调解记录', params: idParam, body } }, async (req) => {
    await addSession(db, req.auth, req.params.id, req.body);
    return getCaseDetail(db, req.auth, req.params.id);
  });

  app.get('/api/mediation/cases/:id/dispatch-suggestions', { config: { permission: MEDIATION_MANAGE }, schema: { tags, summary: '分派建议（按纠纷类型、地域、在办案件数排序）', params: idParam } }, async (req) => suggestDispatch(db, req.auth, req.params.id));

  app.post('/api/mediation/cases/:id/void', { config: { permission: MEDIATION_MANAGE }, schema: { tags, summary: '作废调解案件', params: idParam, body: voidBody } }, async (req) => {
    await voidCase(db, req.auth, req.params.id, req.body.reason);
    return { ok: true as const };
  });

  // ── registry ──
  app.get('/api/mediation/committees', { config: { permission: MEDIATION_READ }, schema: { tags, summary: '调解委员会（含工作量）', querystring: pageQuery.extend(committeeListQuery.shape).extend(formatQuery.shape) } }, async (req, reply) => {
    const { page, pageSize, format, ...f } = req.query;
    if (format === 'xlsx') {
      const r = await listCommittees(db, req.auth, f, 1, 5000);
      return sendXlsx(reply, {
        filename: '人民调解委员会',
        sheet: '调解委员会',
        total: r.total,
        columns: [
          { header: '名称', key: 'name', width: 28 },
          { header: '类型', key: 'levelLabel', width: 20 },
          { header: '专业领域', key: 'industryLabel', width: 16 },
          { header: '主管司法所/司法局', key: 'parentName', width: 16 },
          { header: '主任', key: 'directorName', width: 10 },
          { header: '调解员数', key: 'mediators', width: 10 },
          { header: '在办案件', key: 'openCases', width: 10 },
          { header: '本年受理', key: 'yearCases', width: 10 },
          { header: '本年调解成功', key: 'yearSuccess', width: 12 },
        ],
        rows: r.items,
      });
    }
    return listCommittees(db, req.auth, f, page, pageSize);
  });
  app.post('/api/mediation/committees', { config: { permission: MEDIATION_REGISTRY }, schema: { tags, summary: '登记调解委员会（在组织机构树中新建）', body } }, async (req) => createCommittee(db, req.auth, req.body));

  app.get('/api/mediation/mediators', { config: { permission: MEDIATION_READ }, schema: { tags, summary: '调解员 / 专家库（expert=true），含在办案件数', querystring: pageQuery.extend(mediatorListQuery.shape).extend(formatQuery.shape) } }, async (req, reply) => {
    const { page, pageSize, format, ...f } = req.query;
    if (format === 'xlsx') {
      const r = await listMediators(db, req.auth, f, 1, 5000);
      return sendXlsx(reply, {
        filename: f.expert === 'true' ? '人民调解专家库' : '人民调解员',
        sheet: '调解员',
        total: r.total,
        columns: [
          { header: '姓名', key: 'name', width: 10 },
          { header: '调解委员会', key: 'committeeName', width: 26 },
          { header: '专兼职', key: 'kindLabel', width: 8 },
          { header: '专长', key: 'specialties', width: 30 },
          { header: '专家领域', key: 'expertField', width: 14 },
          { header: '联系电话', key: 'phoneMasked', width: 14 },
          { header: '在办案件', key: 'openCases', width: 10 },
          { header: '本年办理', key: 'yearCases', width: 10 },
        ],
        rows: r.items.map((i) => ({ ...i, specialties: i.specialtyLabels.join('、') })),
      });
    }
    return listMediators(db, req.auth, f, page, pageSize);
  });
  app.post('/api/mediation/mediators', { config: { permission: MEDIATION_REGISTRY }, schema: { tags, summary: '登记调解员', body } }, async (req) => createMediator(db, req.auth, req.body));
  app.put('/api/mediation/mediators/:id', { config: { permission: MEDIATION_REGISTRY }, schema: { tags, summary: '修改调解员（停用、专长、专家库）', params: idParam, body } }, async (req) => updateMediator(db, req.auth, req.params.id, req.body));

  // ── 排查 ──
  app.get('/api/mediation/screenings', { config: { permission: MEDIATION_READ }, schema: { tags, summary: '矛盾纠纷排查记录', querystring: pageQuery.extend(screeningListQuery.shape).extend(formatQuery.shape) } }, async (req, reply) => {
    const { page, pageSize, format, ...f } = req.query;
    if (format === 'xlsx') {
      const r = await listScreenings(db, req.auth, f, 1, 10000);
      return sendXlsx(reply, {
        filename: '矛盾纠纷排查台账',
        sheet: '排查',
        total: r.total,
        columns: [
          { header: '调解委员会', key: 'committeeName', width: 26 },
          { header: '开始日期', key: 'periodStart', width: 12 },
          { header: '结束日期', key: 'periodEnd', width: 12 },
          { header: '排查次数', key: 'screeningCount', width: 10 },
          { header: '发现纠纷', key: 'disputesFound', width: 10 },
          { header: '化解纠纷', key: 'disputesResolved', width: 10 },
          { header: '重点风险', key: 'keyRisks', width: 30 },
        ],
        rows: r.items,
      });
    }
    return listScreenings(db, req.auth, f, page, pageSize);
  });
  app.post('/api/mediation/screenings', { config: { permission: MEDIATION_MANAGE }, schema: { tags, summary: '登记矛盾纠纷排查', body } }, async (req) => addScreening(db, req.auth, req.body));

  // ── court ──
  app.get('/api/mediation/court/referrals', { config: { permission: MEDIATION_COURT }, schema: { tags, summary: '本院委派的诉前调解案件（进度与结果）', querystring: pageQuery.extend(listQuery.shape).extend(formatQuery.shape) } }, async (req, reply) => {
    const { page, pageSize, format, ...filters } = req.query;
    if (format === 'xlsx') return exportCases(reply, (p, s) => listReferrals(db, req.auth, filters, p, s), '委派调解案件');
    return listReferrals(db, req.auth, filters, page, pageSize);
  });
  app.post('/api/mediation/court/referrals', { config: { permission: MEDIATION_COURT }, schema: { tags, summary: '委派诉前调解', body } }, async (req) => {
    const c = await referCase(db, req.auth, req.body);
    return getReferral(db, req.auth, c.id);
  });
  app.get('/api/mediation/court/referrals/:id', { config: { permission: MEDIATION_COURT }, schema: { tags, summary: '委派调解案件的进度和结果', params: idParam } }, async (req) => getReferral(db, req.auth, req.params.id));
  app.get('/api/mediation/court/referrals/:id/agreement.docx', { config: { permission: MEDIATION_COURT }, schema: { tags, summary: '下载调解协议书', params: idParam } }, async (req, reply) => {
    const { buffer, fileName } = await referralAgreementDocx(db, req.auth, req.params.id);
    return reply.header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document').header('content-disposition', contentDisposition('attachment', fileName)).send(buffer);
  });
  app.get('/api/mediation/court-stats', { schema: { tags, summary: '法院一审民商事收案数（按月，诉前引调率的分母）', querystring: z.object({ year: z.string().regex(/^\d{4}$/, '年份格式不正确') }) } }, async (req) => listCourtStats(db, req.auth, req.query.year));
  app.put('/api/mediation/court-stats', { schema: { tags, summary: '登记或更正某月一审民商事收案数', body } }, async (req) => putCourtStat(db, req.auth, req.body));

  // ── 行政争议调解: the litigation line's records, read through its own scoped query ──
  app.get('/api/mediation/admin-disputes', { config: { permission: MEDIATION_READ }, schema: { tags, summary: '行政争议调解（行政应诉条线的记录，只读链接）', querystring: pageQuery.extend(mediationListQuery.shape) } }, async (req) => {
    const { page, pageSize, ...f } = req.query;
    if (!req.auth.permissions.has(LITIGATION_READ)) return { items: [], total: 0, page, pageSize, note: '无行政应诉查看权限' };
    return listMediations(db, req.auth, f, page, pageSize);
  });

  // ── options & settings ──
  app.get('/api/mediation/options', { schema: { tags, summary: '表单选项：代码表、调解委员会、乡镇、村、法院' } }, async (req) => {
    const orgRows = await db
      .select({ id: orgs.id, name: orgs.name, type: orgs.type, regionCode: orgs.regionCode })
      .from(orgs)
      .where(and(like(orgs.path, req.auth.rootPath + '%'), isNull(orgs.voidedAt), inArray(orgs.type, ['court', 'village', 'justiceOffice'])))
      .orderBy(asc(orgs.sort), asc(orgs.name));
    const committees = await committeeOptions(db, req.auth);
    return {
      sources: table(sources),
      registerSources: table(sources).filter((s) => ['screening', 'application', 'police', 'petition'].includes(s.value)),
      disputeTypes: table(disputeTypes),
      committeeLevels: table(committeeLevels),
      mediatorKinds: table(mediatorKinds),
      genders: table(genders),
      outcomes: table(outcomes),
      agreementTypes: table(agreementTypes),
      performances: table(performances),
      statuses: table(caseStatuses),
      confirmationStatuses: table(confirmationStatuses),
      states: Object.entries(mediationWorkflow.states).map(([value, s]) => ({ value, label: s.label })),
      confirmationStates: Object.entries(confirmationWorkflow.states).map(([value, s]) => ({ value, label: s.label })),
      deadlines: [...mediationWorkflow.deadlines, ...confirmationWorkflow.deadlines].map((d) => ({ key: d.key, label: d.label, days: d.days, unit: d.unit, cite: d.cite })),
      committees,
      townships: orgRows.filter((o) => o.type === 'justiceOffice').map((o) => ({ code: o.regionCode, name: o.name })),
      villages: orgRows.filter((o) => o.type === 'village').map((o) => ({ id: o.id, name: o.name, townshipCode: o.regionCode.slice(0, 9) })),
      courts: orgRows.filter((o) => o.type === 'court').map((o) => ({ id: o.id, name: o.name })),
    };
  });

  app.get('/api/mediation/settings', { config: { permission: MEDIATION_READ }, schema: { tags, summary: '人民调解设置（调解期限）' } }, async () => ({ ...(await getMediationSettings(db)), note: '调解期限为本地规则（超时预警），默认30日，自受理（或提级受理）之日起计算。' }));
  app.put('/api/mediation/settings', { config: { permission: MEDIATION_REGISTRY }, schema: { tags, summary: '修改人民调解设置', body: z.object({ termDays: z.number().int().min(1, '调解期限至少1日').max(365, '调解期限不超过365日') }) } }, async (req) => putMediationSettings(db, req.auth, req.body));

  // ── public portal (no login) ──
  app.get('/api/public/mediation/options', { config: { public: true }, schema: { tags, summary: '网上申请调解：纠纷类型、乡镇（街道）' } }, async () => {
    const rows = await db.select({ name: orgs.name, regionCode: orgs.regionCode }).from(orgs).where(and(eq(orgs.type, 'justiceOffice'), isNull(orgs.voidedAt))).orderBy(asc(orgs.sort));
    return { disputeTypes: table(disputeTypes), townships: rows.map((r) => ({ code: r.regionCode, name: r.name.replace(/司法所$/, '') })) };
  });
  app.post('/api/public/mediation/applications', { config: { public: true }, schema: { tags, summary: '网上申请人民调解', body } }, async (req, reply) => {
    applyLimit(req.ip);
    const r = await submitPortal(db, req.body, { ip: req.ip });
    return reply.code(201).send({ ...r, message: '申请已提交，调解委员会将尽快与您联系；请妥善保存查询码，凭查询码查询办理进度' });
  });
  app.get('/api/public/mediation/track/:code', { config: { public: true }, schema: { tags, summary: '凭查询码查询调解进度（不含个人信息）', params: z.object({ code: z.string().trim().min(4).max(32) }) } }, async (req) => {
    lookupLimit(req.ip);
    return trackByCode(db, req.params.code);
  });
};
