import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParam } from '../../../platform/http/schemas';
import { rateLimiter } from '../../../platform/http/rate-limit';
import { formatQuery, pagedRows, sendXlsx } from '../../../platform/ledger/export';
import { getDocRules } from '../documents';
import { cleanupOutcomes, FILING_CITE } from '../terms';
import { correctionInput, filingDetail, filingInput, filingListFilter, listFilings, recordCorrection, reviewFiling, reviewInput, submitFiling } from './filings';
import {
  addItems, addItemsInput, assignInput, eligibleReviewers, assignItems, campaignDetail, campaignInput, campaignListFilter, createCampaign, finishCampaign, finishInput, itemListFilter, listCampaigns, listItems, outcomeInput, recordOutcome,
} from './campaigns';
import { createDecision, decisionDetail, decisionInput, decisionListFilter, listDecisions, publicCatalog, publicDecisionQuery, publishCatalog, publishCatalogInput, recordStep, stepInput } from './decisions';
import { correctionResults, decisionReviewResults, decisionSteps, DEFAULT_CORRECTION_DAYS, filingStates, MIN_COMMENT_DAYS, OPERM, reviewResults } from './terms';

const tags = ['备案审查、清理与重大行政决策'];
const itemParam = z.object({ itemId: z.uuid({ message: '编号格式不正确' }) });

export const oversightApiRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.fz;
  const publicLimit = rateLimiter(120, 60_000, '查询过于频繁，请稍后再试');

  app.get('/api/legality/oversight/meta', { schema: { tags, summary: '代码表（备案状态、审查结论、纠正结果、决策程序环节）' } }, async () => ({
    filingStates, reviewResults, correctionResults, decisionReviewResults,
    cleanupOutcomes: Object.fromEntries(Object.entries(cleanupOutcomes).map(([k, v]) => [k, v.label])),
    decisionSteps, minCommentDays: MIN_COMMENT_DAYS, defaultCorrectionDays: DEFAULT_CORRECTION_DAYS, filingDays: (await getDocRules(db)).filingDays, filingCite: FILING_CITE,
  }));

  // ── 备案审查 ─────────────────────────────────────────────────────────────────────────────────────────
  app.get('/api/legality/filings', { config: { permission: OPERM.filingRead }, schema: { tags, summary: '备案审查登记（?format=xlsx 导出）', querystring: filingListFilter.extend(formatQuery.shape) } }, async (req, reply) => {
    const { format, ...filters } = req.query;
    if (format === 'xlsx') {
      const { total, rows } = await pagedRows(async (page, pageSize) => listFilings(db, req.auth, { ...filters, page, pageSize }));
      return sendXlsx(reply, {
        filename: '规范性文件备案审查登记', sheet: '备案审查', total, rows,
        columns: [
          { header: '登记号', key: 'serialNumber', width: 18 }, { header: '报送机关', key: 'filerName', width: 24 }, { header: '文件名称', key: 'title', width: 40 }, { header: '发文字号', key: 'docNumber', width: 20 },
          { header: '公布日期', key: 'publishedDate', width: 12 }, { header: '应报送日期', key: 'dueDate', width: 12 }, { header: '报送日期', key: 'submittedDate', width: 12 }, { header: '逾期', key: 'late', width: 8 }, { header: '逾期天数', key: 'daysLate', width: 10 },
          { header: '状态', key: 'stateLabel', width: 10 }, { header: '审查结论', key: 'reviewResultLabel', width: 10 }, { header: '审查日期', key: 'reviewDate', width: 12 }, { header: '纠错通知书', key: 'noticeNumber', width: 20 },
          { header: '纠正期限', key: 'correctionDeadline', width: 12 }, { header: '纠正结果', key: 'correctionResultLabel', width: 10 }, { header: '纠正日期', key: 'correctionDate', width: 12 },
        ],
      });
    }
    return listFilings(db, req.auth, filters);
  });
  app.post('/api/legality/filings', { config: { permission: OPERM.filingSubmit }, schema: { tags, summary: '报送备案（报送机关）', body: filingInput } }, async (req, reply) => {
    const row = await submitFiling(db, req.auth, req.body);
    return reply.code(201).send(await filingDetail(db, req.auth, row.id));
  });
  app.get('/api/legality/filings/:id', { config: { permission: OPERM.filingRead }, schema: { tags, summary: '备案文件详情', params: idParam } }, async (req) => filingDetail(db, req.auth, req.params.id));
  app.post('/api/legality/filings/:id/review', { config: { permission: OPERM.filingReview }, schema: { tags, summary: '备案审查（合法／不合法／不适当；不合法、不适当的出具纠错通知书）', params: idParam, body: reviewInput } }, async (req) => {
    await reviewFiling(db, req.auth, req.params.id, req.body);
    return filingDetail(db, req.auth, req.params.id);
  });
  app.post('/api/legality/filings/:id/correction', { config: { permission: OPERM.filingRead }, schema: { tags, summary: '反馈纠正情况（已纠正／自行废止；期限届满未纠正由备案审查机关登记）', params: idParam, body: correctionInput } }, async (req) => {
    await recordCorrection(db, req.auth, req.params.id, req.body);
    return filingDetail(db, req.auth, req.params.id);
  });

  // ── 清理 campaigns ───────────────────────────────────────────────────────────────────────────────────
  app.get('/api/legality/cleanup-campaigns', { config: { permission: OPERM.cleanupRead }, schema: { tags, summary: '规范性文件清理任务', querystring: campaignListFilter } }, async (req) => listCampaigns(db, req.auth, req.query));
  app.get('/api/legality/cleanup-reviewers', { config: { permission: OPERM.cleanupManage }, schema: { tags, summary: '可分配清理审查的人员（有规范性文件管理权限）' } }, async (req) => eligibleReviewers(db, req.auth));
  app.post('/api/legality/cleanup-campaigns', { config: { permission: OPERM.cleanupManage }, schema: { tags, summary: '创建清理任务', body: campaignInput } }, async (req, reply) => {
    const c = await createCampaign(db, req.auth, req.body);
    return reply.code(201).send(await campaignDetail(db, req.auth, c.id));
  });
  app.get('/api/legality/cleanup-campaigns/:id', { config: { permission: OPERM.cleanupRead }, schema: { tags, summary: '清理任务详情与进度', params: idParam } }, async (req) => campaignDetail(db, req.auth, req.params.id));
  app.post('/api/legality/cleanup-campaigns/:id/items', { config: { permission: OPERM.cleanupManage }, schema: { tags, summary: '选入待清理文件（按文件或按条件）', params: idParam, body: addItemsInput } }, async (req) => addItems(db, req.auth, req.params.id, req.body));
  app.post('/api/legality/cleanup-campaigns/:id/assign', { config: { permission: OPERM.cleanupManage }, schema: { tags, summary: '分配审查人员', params: idParam, body: assignInput } }, async (req) => assignItems(db, req.auth, req.params.id, req.body));
  app.post('/api/legality/cleanup-campaigns/:id/finish', { config: { permission: OPERM.cleanupManage }, schema: { tags, summary: '完成清理，发布清理结果公告', params: idParam, body: finishInput } }, async (req) => {
    await finishCampaign(db, req.auth, req.params.id, req.body);
    return campaignDetail(db, req.auth, req.params.id);
  });
  app.get('/api/legality/cleanup-campaigns/:id/items', { config: { permission: OPERM.cleanupRead }, schema: { tags, summary: '清理文件及结果（?format=xlsx 导出清理结果）', params: idParam, querystring: itemListFilter.extend(formatQuery.shape) } }, async (req, reply) => {
    const { format, ...filters } = req.query;
    if (format === 'xlsx') {
      const c = await campaignDetail(db, req.auth, req.params.id);
      const { total, rows } = await pagedRows(async (page, pageSize) => listItems(db, req.auth, req.params.id, { ...filters, page, pageSize }));
      return sendXlsx(reply, {
        filename: `${c.name}清理结果`, sheet: '清理结果', total, rows,
        columns: [
          { header: '文件名称', key: 'title', width: 44 }, { header: '制定机关', key: 'issuer', width: 24 }, { header: '发文字号', key: 'docNumber', width: 20 }, { header: '文件码', key: 'code', width: 14 },
          { header: '公布日期', key: 'publishedDate', width: 12 }, { header: '审查人员', key: 'reviewerName', width: 10 }, { header: '清理结果', key: 'outcomeLabel', width: 10 }, { header: '理由', key: 'reason', width: 36 }, { header: '清理日期', key: 'decidedDate', width: 12 },
        ],
      });
    }
    return listItems(db, req.auth, req.params.id, filters);
  });
  app.post('/api/legality/cleanup-items/:itemId/outcome', { config: { permission: OPERM.cleanupRead }, schema: { tags, summary: '登记清理结果（保留／修改／废止／宣布失效）', params: itemParam, body: outcomeInput } }, async (req) => recordOutcome(db, req.auth, req.params.itemId, req.body));

  // ── 重大行政决策 ─────────────────────────────────────────────────────────────────────────────────────
  app.get('/api/legality/major-decisions', { config: { permission: OPERM.decisionRead }, schema: { tags, summary: '重大行政决策事项目录（?format=xlsx 导出）', querystring: decisionListFilter.extend(formatQuery.shape) } }, async (req, reply) => {
    const { format, ...filters } = req.query;
    if (format === 'xlsx') {
      const { total, rows } = await pagedRows(async (page, pageSize) => {
        const r = await listDecisions(db, req.auth, { ...filters, page, pageSize });
        return { total: r.total, items: r.items.map((d) => ({ ...d, progressText: `${d.progress.done}/${d.progress.total}` })) };
      });
      return sendXlsx(reply, {
        filename: '重大行政决策事项目录', sheet: '决策事项', total, rows,
        columns: [{ header: '年度', key: 'year', width: 8 }, { header: '决策事项', key: 'title', width: 44 }, { header: '承办单位', key: 'hostUnit', width: 24 }, { header: '计划完成时间', key: 'plannedDate', width: 14 }, { header: '进展', key: 'currentStepLabel', width: 18 }, { header: '必经环节完成', key: 'progressText', width: 12 }, { header: '目录公布日期', key: 'catalogPublishedDate', width: 14 }],
      });
    }
    return listDecisions(db, req.auth, filters);
  });
  app.post('/api/legality/major-decisions', { config: { permission: OPERM.decisionManage }, schema: { tags, summary: '列入重大行政决策事项目录', body: decisionInput } }, async (req, reply) => {
    const d = await createDecision(db, req.auth, req.body);
    return reply.code(201).send(await decisionDetail(db, req.auth, d.id));
  });
  app.post('/api/legality/major-decisions/catalog', { config: { permission: OPERM.decisionManage }, schema: { tags, summary: '公布年度目录（经同级党委同意，第三条第三款）', body: publishCatalogInput } }, async (req) => publishCatalog(db, req.auth, req.body));
  app.get('/api/legality/major-decisions/:id', { config: { permission: OPERM.decisionRead }, schema: { tags, summary: '决策事项详情（程序环节、材料）', params: idParam } }, async (req) => decisionDetail(db, req.auth, req.params.id));
  app.post('/api/legality/major-decisions/:id/steps', { config: { permission: OPERM.decisionManage }, schema: { tags, summary: '登记决策程序环节（公众参与、专家论证、风险评估、合法性审查、集体讨论决定、公布、后评估）', params: idParam, body: stepInput } }, async (req) => {
    const r = await recordStep(db, req.auth, req.params.id, req.body);
    return { ...(await decisionDetail(db, req.auth, req.params.id)), warnings: r.warnings };
  });

  app.get('/api/public/major-decisions', { config: { public: true }, schema: { tags, summary: '重大行政决策事项目录（公开）', querystring: publicDecisionQuery } }, async (req) => {
    publicLimit(req.ip);
    return publicCatalog(db, req.query);
  });
};

