import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError, invalid } from '../errors';
import { requirePermission } from '../auth/scope';
import type { AuthContext } from '../auth/context';
import { recordAudit } from '../audit/service';
import { contentDisposition } from '../files/service';
import { fileRoutes, uploadedFile } from '../files/routes';
import { jobRoutes } from '../jobs/routes';
import { startJob } from '../jobs/service';
import { assertXlsx, readLedger } from './reader';
import { buildTemplate } from './template';
import { ERROR_DETAILS_MAX, ledgerContext, runLedgerImport, validateLedgerFile } from './import';
import { ledgerColumns, ledgerDisplayRows, pagedRows, sendXlsx, XLSX_MIME } from './export';
import { describeColumn, getLedger, ledgerCatalogue, type LedgerSpec } from './spec';
import './users-ledger';

const entityParam = z.object({ entity: z.string().regex(/^[a-z][a-zA-Z0-9_.-]{1,63}$/, '台账类型格式不正确') });

const rowError = z.object({ row: z.number().int(), column: z.string(), value: z.string(), reason: z.string() });

function ledgerFor(entity: string, auth: AuthContext, permission: (s: LedgerSpec) => string | undefined): LedgerSpec {
  const spec = getLedger(entity);
  if (!spec) throw new AppError('LEDGER_UNKNOWN', `台账类型“${entity}”不存在`, 404);
  const p = permission(spec);
  if (!p) throw new AppError('LEDGER_NO_EXPORT', `${spec.label}不支持导出`, 404);
  requirePermission(auth, p);
  return spec;
}

/**
 * 台账 import/export, plus the parts it stands on: files (upload/download/preview) and background jobs.
 *   GET  /api/ledger/specs                  ledgers the caller may import or export
 *   GET  /api/ledger/templates/:entity      the .xlsx template
 *   POST /api/ledger/validate/:entity       check a file now, write nothing
 *   POST /api/ledger/import/:entity         start an import job → { jobId }; poll GET /api/jobs/:id
 *   GET  /api/ledger/export/:entity?format=xlsx&…filters   the entity's list as .xlsx (same filters and scope)
 */
export const ledgerRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.fz;
  await app.register(fileRoutes);
  await app.register(jobRoutes);

  app.get('/api/ledger/specs', {
    schema: { tags: ['台账'], summary: '可导入/导出的台账及其列' },
  }, async (req) =>
    ledgerCatalogue()
      .filter((s) => req.auth.permissions.has(s.permission) || (s.export && req.auth.permissions.has(s.export.permission)))
      .map((s) => ({
        entity: s.entity,
        label: s.label,
        canImport: req.auth.permissions.has(s.permission),
        canExport: !!s.export && req.auth.permissions.has(s.export.permission),
        columns: s.columns.map((c) => ({ key: c.key, header: c.header, required: !!c.required, description: describeColumn(c) })),
      })),
  );

  app.get('/api/ledger/templates/:entity', {
    schema: { tags: ['台账'], summary: '下载导入模板（.xlsx）', params: entityParam },
  }, async (req, reply) => {
    const spec = ledgerFor(req.params.entity, req.auth, (s) => s.permission);
    const buf = await buildTemplate(ledgerContext(db, req.auth, spec));
    return reply
      .header('content-type', XLSX_MIME)
      .header('content-disposition', contentDisposition('attachment', `${spec.label}导入模板.xlsx`))
      .header('cache-control', 'private, no-store')
      .send(buf);
  });

  app.post('/api/ledger/validate/:entity', {
    schema: {
      tags: ['台账'],
      summary: '校验台账文件（不写入任何数据）',
      consumes: ['multipart/form-data'],
      params: entityParam,
      response: {
        200: z.object({ valid: z.boolean(), sheet: z.string(), rows: z.number().int(), errorCount: z.number().int(), errors: z.array(rowError), message: z.string(), ignoredColumns: z.array(z.string()) }),
      },
    },
  }, async (req) => {
    const spec = ledgerFor(req.params.entity, req.auth, (s) => s.permission);
    const upload = await uploadedFile(req);
    assertXlsx(upload.content, upload.name);
    const r = await validateLedgerFile(ledgerContext(db, req.auth, spec), upload.content);
    const valid = r.errors.length === 0;
    return {
      valid,
      sheet: r.sheet,
      rows: r.dataRows,
      errorCount: r.errors.length,
      errors: r.errors.slice(0, ERROR_DETAILS_MAX),
      message: valid ? `校验通过：共${r.dataRows}行，可以导入` : `第${r.errors[0].row}行${r.errors[0].column ? `“${r.errors[0].column}”` : ''}${r.errors[0].reason}${r.errors.length > 1 ? `等${r.errors.length}处错误` : ''}`,
      ignoredColumns: r.ignoredColumns,
    };
  });

  app.post('/api/ledger/import/:entity', {
    schema: {
      tags: ['台账'],
      summary: '导入台账（后台任务；全部校验通过才导入，否则生成错误报告）',
      consumes: ['multipart/form-data'],
      params: entityParam,
      response: { 202: z.object({ jobId: z.string() }) },
    },
  }, async (req, reply) => {
    const spec = ledgerFor(req.params.entity, req.auth, (s) => s.permission);
    const upload = await uploadedFile(req);
    assertXlsx(upload.content, upload.name);
    const auth = req.auth;
    // A wrong file or header is answered now, in Chinese; row checks run in the job.
    await readLedger(upload.content, ledgerContext(db, auth, spec), { headerOnly: true });
    const jobId = await startJob(db, { kind: `ledger.import.${spec.entity}`, orgId: auth.user.orgId, createdBy: auth.user.id, message: `等待导入 ${upload.name}` }, (progress, job) =>
      runLedgerImport(ledgerContext(db, auth, spec, progress), upload, job.id),
    );
    return reply.code(202).send({ jobId });
  });

  app.get('/api/ledger/export/:entity', {
    schema: {
      tags: ['台账'],
      summary: '导出台账（.xlsx；筛选条件同列表，按数据范围，不分页，最多10万行）',
      params: entityParam,
      querystring: z.object({ format: z.literal('xlsx').default('xlsx') }).catchall(z.string()),
    },
  }, async (req, reply) => {
    const spec = ledgerFor(req.params.entity, req.auth, (s) => s.export?.permission);
    const exp = spec.export!;
    const { format: _format, ...rawFilters } = req.query;
    let filters: Record<string, unknown> = rawFilters;
    if (exp.filters) {
      const parsed = exp.filters.safeParse(rawFilters);
      if (!parsed.success) throw invalid('筛选条件有误：' + parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('；'), { issues: parsed.error.issues });
      filters = parsed.data;
    }
    const auth = req.auth;
    const { total, rows } = await pagedRows((page, pageSize) => exp.fetch(db, auth, filters, page, pageSize));
    // Exporting personal data is itself recorded (who, which filters, how many rows).
    await recordAudit(db, auth.actor, {
      action: 'ledger.export',
      entityType: spec.entityType ?? spec.entity,
      summary: `导出${spec.label} ${total} 条`,
      after: { entity: spec.entity, filters, count: total },
    });
    const stamp = new Date().toISOString().slice(0, 10);
    return sendXlsx(reply, {
      filename: `${spec.label}_${stamp}.xlsx`,
      sheet: spec.label,
      columns: ledgerColumns(spec),
      rows: ledgerDisplayRows(spec, rows),
      total,
    });
  });

};
