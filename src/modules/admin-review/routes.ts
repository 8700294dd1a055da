import { rateLimiter } from '../../platform/http/rate-limit';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors';
import { idParam, voidBody } from '../../platform/http/schemas';
import { contentDisposition, mimeFromName, previewable } from '../../platform/files/service';
import { formatQuery, pagedRows, sendXlsx } from '../../platform/ledger/export';
import {
  actOnCase,
  actionInput,
  addMaterials,
  applicationInput,
  caseDetail,
  caseMaterial,
  followUpInput,
  issueSuggestion,
  listCases,
  listFilter,
  registerCase,
  startFollowUp,
  submitOnline,
  suggestionInput,
  trackByCode,
  voidCase,
  type ApplicationInput,
} from './service';
import { proposeProcedure, triageInput } from './triage';
import { actTypes, applicantTypes, channels, decisionKinds, outcomes, PERM, procedures, stateLabels, suspensionGrounds, terminationGrounds } from './terms';

const tags = ['行政复议'];


/** Portal limits: applications per IP per 10 minutes, progress look-ups per IP per minute. */
export const portalLimits = { applications: 10, applicationWindowMs: 10 * 60_000, lookups: 60, lookupWindowMs: 60_000 };

const MAX_PORTAL_FILE = 10 * 1024 * 1024;

/** The online form: JSON (attachments as base64), or multipart with a `data` JSON field and up to 5 files. */
async function portalApplication(req: FastifyRequest): Promise<ApplicationInput> {
  if (!req.isMultipart()) return (req.body ?? {}) as ApplicationInput;
  let data: Record<string, unknown> = {};
  const attachments: { name: string; mime: string; contentBase64: string }[] = [];
  for await (const part of req.parts({ limits: { fileSize: MAX_PORTAL_FILE, files: 5 } })) {
    if (part.type === 'file') {
      const buf = await part.toBuffer();
      if (part.file.truncated) throw new AppError('FILE_TOO_LARGE', `附件「${part.filename}」超过10MB`, 413);
      attachments.push({ name: part.filename, mime: mimeFromName(part.filename, part.mimetype), contentBase64: buf.toString('base64') });
    } else if (part.fieldname === 'data') {
      try {
        data = JSON.parse(String(part.value));
      } catch {
        throw new AppError('VALIDATION_FAILED', '申请内容格式不正确', 400);
      }
    }
  }
  return { ...(data as ApplicationInput), attachments: [...(((data as ApplicationInput).attachments as never[]) ?? []), ...attachments] };
}

const exportColumns = [
  { header: '收件编号', key: 'caseNumber', width: 22 },
  { header: '收案日期', key: 'receivedDate', width: 12 },
  { header: '登记方式', key: 'channelLabel', width: 10 },
  { header: '申请人', key: 'applicantName', width: 16 },
  { header: '证件号码', key: 'applicantIdMasked', width: 22 },
  { header: '被申请人', key: 'respondentName', width: 24 },
  { header: '行为类别', key: 'actTypeLabel', width: 14 },
  { header: '程序', key: 'procedureLabel', width: 10 },
  { header: '状态', key: 'stateLabel', width: 16 },
  { header: '受理日期', key: 'acceptedDate', width: 12 },
  { header: '审结日期', key: 'concludedDate', width: 12 },
  { header: '结案方式', key: 'outcomeLabel', width: 16 },
  { header: '决定书文号', key: 'decisionNumber', width: 20 },
  { header: '最近期限', key: 'deadlineText', width: 30 },
];

export const adminReviewRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.fz;
  const applyLimit = rateLimiter(portalLimits.applications, portalLimits.applicationWindowMs, '提交过于频繁，请稍后再试');
  const lookupLimit = rateLimiter(portalLimits.lookups, portalLimits.lookupWindowMs, '查询过于频繁，请稍后再试');

  app.get('/api/admin-review/meta', { config: { permission: PERM.read }, schema: { tags, summary: '行政复议代码表（行为类别、决定类型、中止/终止情形…）' } }, async () => ({
    actTypes, applicantTypes, channels, procedures, states: stateLabels,
    decisionKinds, terminationGrounds, suspensionGrounds,
    outcomes: Object.fromEntries(Object.entries(outcomes).map(([k, v]) => [k, v.label])),
  }));

  app.post('/api/admin-review/triage', { config: { permission: PERM.read }, schema: { tags, summary: '繁简分流建议（行政复议法 第五十三条）', body: triageInput } }, async (req) => proposeProcedure(req.body));

  app.get('/api/admin-review/cases', {
    config: { permission: PERM.read },
    schema: { tags, summary: '行政复议案件列表（?format=xlsx 导出）', querystring: listFilter.extend(formatQuery.shape) },
  }, async (req, reply) => {
    if (req.query.format === 'xlsx') {
      // The export is the list query itself, page by page: the caller's data scope applies to every row.
      const { total, rows } = await pagedRows(async (page, pageSize) => {
        const r = await listCases(db, req.auth, { ...req.query, page, pageSize });
        return { total: r.total, items: r.items.map((i) => ({ ...i, deadlineText: i.deadline ? `${i.deadline.label} ${i.deadline.dueDate}（${i.deadline.cite}）` : '' })) };
      });
      return sendXlsx(reply, { filename: '行政复议案件台账', sheet: '行政复议案件', columns: exportColumns, rows, total });
    }
    return listCases(db, req.auth, req.query);
  });

  app.post('/api/admin-review/cases', {
    config: { permission: PERM.register },
    schema: { tags, summary: '窗口登记行政复议申请', body: applicationInput },
  }, async (req, reply) => {
    const r = await registerCase(db, req.auth, req.body as ApplicationInput, 'counter');
    return reply.code(201).send({ id: r.case.id, caseNumber: r.case.caseNumber, proposedProcedure: r.case.proposedProcedure, materials: r.materials.map((m) => ({ id: m.id, name: m.name, sha256: m.sha256 })) });
  });

  app.get('/api/admin-review/cases/:id', { config: { permission: PERM.read }, schema: { tags, summary: '行政复议案件详情', params: idParam } }, async (req) => caseDetail(db, req.auth, req.params.id));

  app.post('/api/admin-review/cases/:id/actions/:action', {
    config: { permission: PERM.read },
    schema: { tags, summary: '办理操作（受理、补正、发送副本、中止、延期、决定…）', params: idParam.extend({ action: z.string().max(64) }), body: actionInput },
  }, async (req) => {
    const r = await actOnCase(db, req.auth, req.params.id, req.params.action, req.body);
    return { ...(await caseDetail(db, req.auth, req.params.id)), issued: r.instruments };
  });

  app.post('/api/admin-review/cases/:id/follow-ups', {
    config: { permission: PERM.handle },
    schema: { tags, summary: '制发意见书 / 启动履行监督（行政复议法 第七十六条、第七十七条）', params: idParam, body: followUpInput },
  }, async (req) => startFollowUp(db, req.auth, req.params.id, req.body));

  app.post('/api/admin-review/cases/:id/suggestions', {
    config: { permission: PERM.handle },
    schema: { tags, summary: '制发行政复议建议书', params: idParam, body: suggestionInput },
  }, async (req) => issueSuggestion(db, req.auth, req.params.id, req.body));

  app.post('/api/admin-review/cases/:id/void', {
    config: { permission: PERM.handle },
    schema: { tags, summary: '作废登记错误的复议案件（不物理删除）', params: idParam, body: voidBody },
  }, async (req) => {
    const c = await voidCase(db, req.auth, req.params.id, req.body.reason);
    return { id: c.id, voidedAt: c.voidedAt?.toISOString() ?? null };
  });

  app.post('/api/admin-review/cases/:id/materials', {
    config: { permission: PERM.handle },
    schema: { tags, summary: '上传案件材料（multipart，可多个文件）', params: idParam },
  }, async (req) => {
    if (!req.isMultipart()) throw new AppError('FILE_REQUIRED', '请以 multipart/form-data 方式上传文件', 400);
    const items: { name: string; mime: string; content: Buffer }[] = [];
    for await (const part of req.files()) items.push({ name: part.filename, mime: mimeFromName(part.filename, part.mimetype), content: await part.toBuffer() });
    if (!items.length) throw new AppError('FILE_REQUIRED', '请选择要上传的文件', 400);
    const saved = await addMaterials(db, req.auth, req.params.id, items);
    return { items: saved.map((m) => ({ id: m.id, name: m.name, size: m.size, sha256: m.sha256 })) };
  });

  app.get('/api/admin-review/cases/:id/materials/:fileId', {
    config: { permission: PERM.read },
    schema: { tags, summary: '下载或预览案件材料（inline=1：PDF、图片、文本在浏览器中打开）', params: idParam.extend({ fileId: z.uuid({ message: '编号格式不正确' }) }), querystring: z.object({ inline: z.enum(['0', '1']).optional() }) },
  }, async (req, reply) => {
    const f = await caseMaterial(db, req.auth, req.params.id, req.params.fileId);
    const inline = req.query.inline === '1' && previewable(f.mime);
    return reply.header('content-type', f.mime).header('content-disposition', contentDisposition(inline ? 'inline' : 'attachment', f.name)).header('x-content-sha256', f.sha256).header('x-content-type-options', 'nosniff').send(f.content);
  });

  // ── public portal (no login) ──────────────────────────────────────────────────────────────────────────
  app.post('/api/public/admin-review/applications', {
    config: { public: true },
    schema: { tags, summary: '网上申请行政复议（JSON 附件 base64，或 multipart：data + 文件，最多5个）' },
  }, async (req, reply) => {
    applyLimit(req.ip);
    const body = await portalApplication(req);
    const parsed = applicationInput.safeParse(body);
    if (!parsed.success) {
      const fields = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
      throw new AppError('VALIDATION_FAILED', '申请内容有误：' + fields.map((f) => `${f.path} ${f.message}`).join('；'), 400, { fields });
    }
    const r = await submitOnline(db, parsed.data, { ip: req.ip, regionCode: (req.query as { region?: string })?.region });
    return reply.code(201).send({ trackingCode: r.trackingCode, caseNumber: r.case.caseNumber, receivedDate: r.case.receivedDate, message: '申请已提交，请妥善保存查询码，凭查询码查询办理进度' });
  });

  app.get('/api/public/admin-review/track/:code', {
    config: { public: true },
    schema: { tags, summary: '凭查询码查询办理进度（不含个人信息）', params: z.object({ code: z.string().trim().min(4).max(32) }) },
  }, async (req) => {
    lookupLimit(req.ip);
    return trackByCode(db, req.params.code);
  });
};
