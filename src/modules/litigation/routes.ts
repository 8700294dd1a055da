import { z } from 'zod';
import { and, asc, inArray, isNull, like } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParam, pageOf, pageQuery, voidBody } from '../../platform/http/schemas';
import { formatQuery, pagedRows, sendXlsx } from '../../platform/ledger/export';
import { orgs } from '../../platform/orgs/schema';
import { findReviewCases } from '../admin-review/service';
import {
  act,
  addHearing,
  addMediation,
  createDefenceDraft,
  DEFENDANT_ORG_TYPES,
  getCaseDetail,
  getLitigationSettings,
  listCases,
  listMediations,
  listQuery,
  mediationListQuery,
  putLitigationSettings,
  registerCase,
  registerSuggestion,
  replySuggestion,
  suggestionCase,
  updateCase,
  updateHearing,
  updateMediation,
  voidCase,
} from './service';
import { exportRow, litigationLedger } from './ledger';
import { actTypes, appellants, caseStatuses, levels, mediationKinds, mediationResults, mediationStages, outcomes, plaintiffTypes, procedures, secondDispositions } from './terms';
import { LITIGATION_MANAGE, LITIGATION_READ, LITIGATION_SETTINGS, litigationWorkflow } from './workflow';

const tags = ['行政应诉'];
const body = z.record(z.string(), z.unknown());

const listItem = z.object({
  id: z.string(),
  caseNumber: z.string(),
  courtName: z.string(),
  plaintiffName: z.string(),
  plaintiffType: z.string(),
  defendantName: z.string(),
  actType: z.string(),
  actTypeLabel: z.string(),
  cause: z.string(),
  level: z.string(),
  levelLabel: z.string(),
  status: z.string(),
  state: z.string().nullable(),
  stateLabel: z.string(),
  receivedDate: z.string(),
  filedDate: z.string().nullable(),
  closedDate: z.string().nullable(),
  outcome: z.string().nullable(),
  outcomeLabel: z.string().nullable(),
  loss: z.boolean(),
  hearingCount: z.number(),
  firstHearingDate: z.string().nullable(),
  headAppeared: z.boolean().nullable(),
  headNames: z.string().nullable(),
  orgName: z.string(),
  reviewCaseId: z.string().nullable(),
  deadline: z.object({ label: z.string(), dueDate: z.string(), light: z.enum(['green', 'yellow', 'red']), cite: z.string(), provisional: z.boolean() }).nullable(),
  source: z.string(),
});

/** 行政应诉: zod in, zod out; every list, read and export goes through the service's scoped queries. */
export const litigationRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.fz;

  app.get('/api/litigation/cases', {
    config: { permission: LITIGATION_READ },
    schema: { tags, summary: '应诉案件列表（?format=xlsx 导出台账）', querystring: pageQuery.extend(listQuery.shape).extend(formatQuery.shape) },
  }, async (req, reply) => {
    const { page, pageSize, format, ...filters } = req.query;
    if (format === 'xlsx') {
      // The export is the list query itself (same filters, same data scope), page by page.
      const { total, rows } = await pagedRows(async (p, size) => {
        const r = await listCases(db, req.auth, filters, p, size);
        return { items: r.items.map(exportRow), total: r.total };
      });
      const labels = new Map(litigationLedger.columns.filter((c) => c.codes).map((c) => [c.key, new Map(Object.entries(c.codes!).map(([l, code]) => [code, l]))]));
      async function* labelled() {
        for await (const r of rows) yield Object.fromEntries(Object.entries(r).map(([k, v]) => [k, labels.get(k)?.get(String(v)) ?? v]));
      }
      return sendXlsx(reply, { filename: '行政应诉案件台账', sheet: '应诉案件', total, columns: litigationLedger.columns.map((c) => ({ header: c.header, key: c.key, width: c.width })), rows: labelled() });
    }
    return pageOf(listItem).parse(await listCases(db, req.auth, filters, page, pageSize));
  });

  app.post('/api/litigation/cases', { config: { permission: LITIGATION_MANAGE }, schema: { tags, summary: '登记应诉案件（收到起诉状副本）', body } }, async (req) => {
    const row = await registerCase(db, req.auth, req.body);
    return getCaseDetail(db, req.auth, row.id);
  });

  app.get('/api/litigation/cases/:id', { config: { permission: LITIGATION_READ }, schema: { tags, summary: '应诉案件详情（流程、期限、开庭、司法建议、调解、文书、关联复议）', params: idParam } }, async (req) =>
    getCaseDetail(db, req.auth, req.params.id),
  );

  app.put('/api/litigation/cases/:id', { config: { permission: LITIGATION_MANAGE }, schema: { tags, summary: '修改应诉案件登记信息', params: idParam, body } }, async (req) => {
    await updateCase(db, req.auth, req.params.id, req.body);
    return getCaseDetail(db, req.auth, req.params.id);
  });

  app.post('/api/litigation/cases/:id/void', { config: { permission: LITIGATION_MANAGE }, schema: { tags, summary: '作废应诉案件', params: idParam, body: voidBody } }, async (req) => {
    await voidCase(db, req.auth, req.params.id, req.body.reason);
    return { ok: true as const };
  });

  app.post('/api/litigation/cases/:id/actions/:transition', {
    config: { permission: LITIGATION_READ },
    schema: {
      tags,
      summary: '办理应诉案件（立案、答辩、裁判、上诉、撤诉、调解等；version 不一致返回 409）',
      params: idParam.extend({ transition: z.string().max(64) }),
      body: z.object({ version: z.number().int(), data: body.optional(), note: z.string().max(2000).optional() }),
    },
  }, async (req) => {
    const result = await act(db, req.auth, req.params.id, req.params.transition, req.body);
    return { ...(await getCaseDetail(db, req.auth, req.params.id)), issued: result.instruments };
  });

  app.post('/api/litigation/cases/:id/hearings', { config: { permission: LITIGATION_MANAGE }, schema: { tags, summary: '登记开庭及出庭应诉情况（行政诉讼法第三条第三款）', params: idParam, body } }, async (req) => {
    await addHearing(db, req.auth, req.params.id, req.body);
    return getCaseDetail(db, req.auth, req.params.id);
  });

  app.put('/api/litigation/hearings/:id', { config: { permission: LITIGATION_MANAGE }, schema: { tags, summary: '更新开庭记录', params: idParam, body } }, async (req) => {
    const h = await updateHearing(db, req.auth, req.params.id, req.body);
    return getCaseDetail(db, req.auth, h.caseId);
  });

  app.post('/api/litigation/cases/:id/suggestions', { config: { permission: LITIGATION_MANAGE }, schema: { tags, summary: '登记收到的司法建议', params: idParam, body } }, async (req) => {
    await registerSuggestion(db, req.auth, req.params.id, req.body);
    return getCaseDetail(db, req.auth, req.params.id);
  });

  app.post('/api/litigation/suggestions/:id/reply', { config: { permission: LITIGATION_MANAGE }, schema: { tags, summary: '回复司法建议（生成司法建议回复函）', params: idParam, body } }, async (req) => {
    const r = await replySuggestion(db, req.auth, req.params.id, req.body);
    return { ...(await getCaseDetail(db, req.auth, r.suggestion.caseId)), issued: r.instruments };
  });

  app.get('/api/litigation/suggestions/:id', { config: { permission: LITIGATION_READ }, schema: { tags, summary: '司法建议所属案件', params: idParam } }, async (req) => suggestionCase(db, req.auth, req.params.id));

  app.post('/api/litigation/cases/:id/defence-draft', { config: { permission: LITIGATION_MANAGE }, schema: { tags, summary: '根据案件信息生成答辩状草稿（行政诉讼法第六十七条）', params: idParam, body: body.optional() } }, async (req) => {
    const row = await createDefenceDraft(db, req.auth, req.params.id, req.body ?? {});
    return { id: row.id, type: row.type, title: row.title, number: row.number, docx: `/api/instruments/${row.id}/docx` };
  });

  app.get('/api/litigation/mediations', { config: { permission: LITIGATION_READ }, schema: { tags, summary: '行政争议调解（诉前/诉中）', querystring: pageQuery.extend(mediationListQuery.shape) } }, async (req) => {
    const { page, pageSize, ...f } = req.query;
    return listMediations(db, req.auth, f, page, pageSize);
  });

  app.post('/api/litigation/mediations', { config: { permission: LITIGATION_MANAGE }, schema: { tags, summary: '登记行政争议调解', body } }, async (req) => addMediation(db, req.auth, req.body));

  app.put('/api/litigation/mediations/:id', { config: { permission: LITIGATION_MANAGE }, schema: { tags, summary: '更新行政争议调解结果', params: idParam, body } }, async (req) => updateMediation(db, req.auth, req.params.id, req.body));

  app.get('/api/litigation/review-cases', { config: { permission: LITIGATION_READ }, schema: { tags, summary: '查找可关联的行政复议案件', querystring: z.object({ q: z.string().max(100).optional() }) } }, async (req) =>
    findReviewCases(db, req.auth, { q: req.query.q }),
  );

  app.get('/api/litigation/options', { config: { permission: LITIGATION_READ }, schema: { tags, summary: '表单选项：代码表、法院、被告机关、流程操作' } }, async (req) => {
    const orgRows = await db
      .select({ id: orgs.id, name: orgs.name, type: orgs.type })
      .from(orgs)
      .where(and(like(orgs.path, req.auth.rootPath + '%'), isNull(orgs.voidedAt), inArray(orgs.type, ['court', ...DEFENDANT_ORG_TYPES])))
      .orderBy(asc(orgs.sort), asc(orgs.name));
    const table = (o: Record<string, string | { label: string }>) => Object.entries(o).map(([value, v]) => ({ value, label: typeof v === 'string' ? v : v.label }));
    return {
      courts: orgRows.filter((o) => o.type === 'court'),
      defendants: orgRows.filter((o) => o.type !== 'court'),
      plaintiffTypes: table(plaintiffTypes),
      actTypes: table(actTypes),
      procedures: table(procedures),
      levels: table(levels),
      statuses: table(caseStatuses),
      outcomes: Object.entries(outcomes).map(([value, o]) => ({ value, label: o.label, kind: o.kind, loss: o.loss, cite: o.cite })),
      mediationKinds: table(mediationKinds),
      appellants: table(appellants),
      secondDispositions: table(secondDispositions),
      mediationStages: table(mediationStages),
      mediationResults: table(mediationResults),
      states: Object.entries(litigationWorkflow.states).map(([value, s]) => ({ value, label: s.label })),
      deadlines: litigationWorkflow.deadlines.map((d) => ({ key: d.key, label: d.label, days: d.days, unit: d.unit, cite: d.cite })),
    };
  });

  app.get('/api/litigation/settings', { config: { permission: LITIGATION_READ }, schema: { tags, summary: '行政应诉设置（司法建议回复期限）' } }, async () => ({
    ...(await getLitigationSettings(db)),
    note: '司法建议回复期限为本地规则：法院在司法建议书中载明期限的，按其期限；未载明的，默认60日（行政诉讼法第六十六条；最高人民法院关于加强司法建议工作的意见）。',
  }));

  app.put('/api/litigation/settings', {
    config: { permission: LITIGATION_SETTINGS },
    schema: { tags, summary: '修改行政应诉设置', body: z.object({ suggestionReplyDays: z.number().int().min(1, '回复期限至少1日').max(365, '回复期限不超过365日') }) },
  }, async (req) => putLitigationSettings(db, req.auth, req.body));
};
