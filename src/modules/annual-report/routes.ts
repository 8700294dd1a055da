import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParam } from '../../platform/http/schemas';
import { contentDisposition } from '../../platform/files/service';
import { sendXlsx, pagedRows } from '../../platform/ledger/export';
import { rateLimiter } from '../../platform/http/rate-limit';
import { allIndicators } from '../../platform/indicators/registry';
import {
  actionInput, actOnReport, createInput, createReport, createReportInput, getVersion, inputBody, inputListFilter, inputUpdate, listInputs, listReports, listVersions,
  publicRenderable, publicReports, regenerate, regenerateInput, renderable, reportDetail, reportListFilter, restoreVersion, saveContent, saveInput, updateInput,
  versionInput, voidInput, voidInputRow, voidReport,
} from './service';
import { docxToPdf, reportDocx, reportHtml, resolveText } from './render';
import { LINE_TEMPLATES } from './templates';
import { INPUT_CATEGORIES, PERM, SECTIONS, STATES } from './terms';
import { reportWorkflow } from './workflow';

const tags = ['法治政府建设年度报告'];
const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const versionParam = idParam.extend({ no: z.coerce.number().int().min(1) });
const actionParam = idParam.extend({ action: z.enum(reportWorkflow.transitions.map((t) => t.key) as [string, ...string[]], { message: '没有这个审批操作' }) });

export const annualReportRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.fz;

  app.get('/api/annual-reports/meta', { config: { permission: PERM.read }, schema: { tags, summary: '代码表（法定章节、状态、素材类别、可引用的指标）' } }, async () => ({
    sections: SECTIONS.map((s) => ({ key: s.key, heading: s.heading(2000).replace(/^2000年度|^2001年度/, '上一年度') })),
    states: STATES,
    categories: Object.fromEntries(Object.entries(INPUT_CATEGORIES).map(([k, v]) => [k, v.label])),
    lines: LINE_TEMPLATES.map((t) => ({ module: t.module, heading: t.heading })),
    indicators: allIndicators().map((d) => ({ key: d.key, label: d.label, definition: d.definition, unit: d.unit, module: d.module })),
  }));

  app.get('/api/annual-reports', { config: { permission: PERM.read }, schema: { tags, summary: '年度报告列表（?format=xlsx 导出）', querystring: reportListFilter } }, async (req, reply) => {
    if (req.query.format !== 'xlsx') return listReports(db, req.auth, req.query);
    const { total, rows } = await pagedRows((page, pageSize) => listReports(db, req.auth, { ...req.query, page, pageSize }));
    return sendXlsx(reply, {
      filename: '法治政府建设年度报告',
      sheet: '年度报告',
      total,
      rows,
      columns: [
        { header: '年度', key: 'year', width: 8 },
        { header: '报告主体', key: 'orgName', width: 24 },
        { header: '标题', key: 'title', width: 40 },
        { header: '状态', key: 'statusLabel', width: 14 },
        { header: '版本', key: 'versionNo', width: 8 },
        { header: '数据生成时间', key: 'figuresAt', width: 22 },
        { header: '公开时间', key: 'publishedAt', width: 22 },
      ],
    });
  });
  app.post('/api/annual-reports', { config: { permission: PERM.edit }, schema: { tags, summary: '起草年度报告（按模板和报告素材，数据实时计算）', body: createReportInput } }, async (req, reply) => {
    const { id } = await createReport(db, req.auth, req.body);
    return reply.code(201).send(await reportDetail(db, req.auth, id));
  });
  app.get('/api/annual-reports/:id', { config: { permission: PERM.read }, schema: { tags, summary: '年度报告详情（正文、数据、审批）', params: idParam } }, async (req) => reportDetail(db, req.auth, req.params.id));
  app.put('/api/annual-reports/:id/content', { config: { permission: PERM.edit }, schema: { tags, summary: '保存正文（每次保存为一个版本）', params: idParam, body: saveInput } }, async (req) => {
    await saveContent(db, req.auth, req.params.id, req.body);
    return reportDetail(db, req.auth, req.params.id);
  });
  app.post('/api/annual-reports/:id/regenerate', { config: { permission: PERM.edit }, schema: { tags, summary: '重新生成数据（或按模板重新起草）', params: idParam, body: regenerateInput } }, async (req) => {
    const r = await regenerate(db, req.auth, req.params.id, req.body);
    return { ...(await reportDetail(db, req.auth, req.params.id)), changed: r.changed };
  });
  app.get('/api/annual-reports/:id/versions', { config: { permission: PERM.read }, schema: { tags, summary: '版本列表', params: idParam } }, async (req) => listVersions(db, req.auth, req.params.id));
  app.get('/api/annual-reports/:id/versions/:no', { config: { permission: PERM.read }, schema: { tags, summary: '查看某一版本', params: versionParam } }, async (req) => getVersion(db, req.auth, req.params.id, req.params.no));
  app.post('/api/annual-reports/:id/versions/:no/restore', { config: { permission: PERM.edit }, schema: { tags, summary: '恢复某一版本（另存为新版本）', params: versionParam, body: versionInput } }, async (req) => {
    await restoreVersion(db, req.auth, req.params.id, req.params.no, req.body);
    return reportDetail(db, req.auth, req.params.id);
  });
  app.post('/api/annual-reports/:id/actions/:action', { config: { permission: PERM.read }, schema: { tags, summary: '审批（提交、审核、退回、审批、公开）', params: actionParam, body: actionInput } }, async (req) => {
    await actOnReport(db, req.auth, req.params.id, req.params.action, req.body);
    return reportDetail(db, req.auth, req.params.id);
  });
  app.post('/api/annual-reports/:id/void', { config: { permission: PERM.edit }, schema: { tags, summary: '作废（不删除）', params: idParam, body: voidInput } }, async (req) => {
    await voidReport(db, req.auth, req.params.id, req.body);
    return { ok: true as const };
  });

  app.get('/api/annual-reports/:id/docx', { config: { permission: PERM.read }, schema: { tags, summary: '下载公文版（.docx，GB/T 9704）', params: idParam, querystring: z.object({ refresh: z.enum(['0', '1']).optional().describe('1：按当前记录重新计算数据（预览，不保存）') }) } }, async (req, reply) => {
    const r = await renderable(db, req.auth, req.params.id, { refresh: req.query.refresh === '1' });
    const buf = await reportDocx(r);
    return reply.header('content-type', DOCX_MIME).header('content-disposition', contentDisposition('attachment', `${r.title}.docx`)).header('cache-control', 'private, no-store').send(buf);
  });
  app.get('/api/annual-reports/:id/pdf', { config: { permission: PERM.read }, schema: { tags, summary: '下载 PDF（LibreOffice 转换）', params: idParam } }, async (req, reply) => {
    const r = await renderable(db, req.auth, req.params.id);
    const pdf = await docxToPdf(await reportDocx(r));
    return reply.header('content-type', 'application/pdf').header('content-disposition', contentDisposition('attachment', `${r.title}.pdf`)).header('cache-control', 'private, no-store').send(pdf);
  });
  app.get('/api/annual-reports/:id/html', { config: { permission: PERM.read }, schema: { tags, summary: '网页版预览', params: idParam } }, async (req, reply) => {
    const r = await renderable(db, req.auth, req.params.id);
    return reply.header('content-type', 'text/html; charset=utf-8').header('cache-control', 'private, no-store').send(reportHtml(r));
  });

  // ── 报告素材 ──
  app.get('/api/annual-report-inputs', { config: { permission: PERM.read }, schema: { tags, summary: '报告素材登记簿（?format=xlsx 导出）', querystring: inputListFilter } }, async (req, reply) => {
    if (req.query.format !== 'xlsx') return listInputs(db, req.auth, req.query);
    const { total, rows } = await pagedRows((page, pageSize) => listInputs(db, req.auth, { ...req.query, page, pageSize }));
    return sendXlsx(reply, {
      filename: '年度报告素材',
      sheet: '报告素材',
      total,
      rows,
      columns: [
        { header: '年度', key: 'year', width: 8 },
        { header: '类别', key: 'categoryLabel', width: 24 },
        { header: '标题', key: 'title', width: 30 },
        { header: '内容', key: 'content', width: 60 },
        { header: '日期', key: 'occurredOn', width: 12 },
        { header: '来源', key: 'source', width: 16 },
        { header: '机构', key: 'orgName', width: 20 },
        { header: '登记人', key: 'createdByName', width: 10 },
        { header: '登记时间', key: 'createdAt', width: 22 },
      ],
    });
  });
  app.post('/api/annual-report-inputs', { config: { permission: PERM.inputs }, schema: { tags, summary: '登记报告素材', body: inputBody } }, async (req, reply) => reply.code(201).send(await createInput(db, req.auth, req.body)));
  app.put('/api/annual-report-inputs/:id', { config: { permission: PERM.inputs }, schema: { tags, summary: '修改报告素材', params: idParam, body: inputUpdate } }, async (req) => {
    await updateInput(db, req.auth, req.params.id, req.body);
    return { ok: true as const };
  });
  app.post('/api/annual-report-inputs/:id/void', { config: { permission: PERM.inputs }, schema: { tags, summary: '作废报告素材', params: idParam, body: voidInput } }, async (req) => {
    await voidInputRow(db, req.auth, req.params.id, req.body);
    return { ok: true as const };
  });

  // ── public (法治政府建设与责任落实督察工作规定 第二十四条: published by 1 April) ──
  const publicLimit = rateLimiter(120, 60_000, '查询过于频繁，请稍后再试');
  app.get('/api/public/annual-reports', { config: { public: true }, preHandler: async (req) => publicLimit(req.ip), schema: { tags, summary: '已公开的法治政府建设年度报告', querystring: z.object({ region: z.string().regex(/^\d{2,12}$/, '行政区划代码应为数字').optional(), year: z.coerce.number().int().optional() }) } }, async (req) => publicReports(db, req.query));
  app.get('/api/public/annual-reports/:id', { config: { public: true }, preHandler: async (req) => publicLimit(req.ip), schema: { tags, summary: '已公开的年度报告全文', params: idParam } }, async (req) => {
    const r = await publicRenderable(db, req.params.id);
    return {
      id: req.params.id, title: r.title, orgName: r.orgName, year: r.year, publishedAt: r.publishedAt, date: r.date,
      sections: r.content.sections.map((s) => ({ heading: s.heading, blocks: s.blocks.map((b) => ({ kind: b.kind, text: resolveText(b.text, r.figures) })) })),
    };
  });
  app.get('/api/public/annual-reports/:id/html', { config: { public: true }, preHandler: async (req) => publicLimit(req.ip), schema: { tags, summary: '已公开的年度报告（网页版）', params: idParam } }, async (req, reply) => {
    const r = await publicRenderable(db, req.params.id);
    return reply.header('content-type', 'text/html; charset=utf-8').send(reportHtml(r));
  });
};
