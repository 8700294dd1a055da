import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParam, pageOf, pageQuery, voidBody } from '../http/schemas';
import { INSTRUMENT_MANAGE_FORMATS, INSTRUMENT_VOID } from './permissions';
import { instrumentType, typeLabel } from './registry';
import {
  assertMayVoid,
  getInstrument,
  instrumentDocx,
  instrumentFileName,
  listInstruments,
  numberFormatsView,
  saveNumberFormats,
  voidInstrument,
  type Instrument,
} from './service';

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const instrumentOut = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string().nullable(),
  regionCode: z.string(),
  type: z.string(),
  typeLabel: z.string(),
  title: z.string(),
  year: z.number().int(),
  serial: z.number().int().nullable(),
  number: z.string().nullable().describe('发文字号，如 武司复〔2024〕12号；不编号的文书为 null'),
  issuerOrgId: z.string().nullable(),
  issuerName: z.string().nullable(),
  issuedOn: z.string().describe('成文日期 YYYY-MM-DD'),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  instanceId: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  status: z.enum(['valid', 'void']),
  statusLabel: z.enum(['有效', '作废']),
  voidedAt: z.string().nullable(),
  voidReason: z.string().nullable(),
});

const instrumentDetail = instrumentOut.extend({
  cite: z.string().nullable().describe('文书依据的法条'),
  fields: z.record(z.string(), z.unknown()),
});

const present = (r: Instrument & { orgName?: string | null }): z.infer<typeof instrumentOut> => ({
  id: r.id,
  orgId: r.orgId,
  orgName: r.orgName ?? null,
  regionCode: r.regionCode,
  type: r.type,
  typeLabel: typeLabel(r.type),
  title: r.title,
  year: r.year,
  serial: r.serial,
  number: r.number,
  issuerOrgId: r.issuerOrgId,
  issuerName: r.issuerName,
  issuedOn: r.issuedOn,
  entityType: r.entityType,
  entityId: r.entityId,
  instanceId: r.instanceId,
  createdBy: r.createdBy,
  createdAt: r.createdAt.toISOString(),
  status: r.voidedAt ? 'void' : 'valid',
  statusLabel: r.voidedAt ? '作废' : '有效',
  voidedAt: r.voidedAt ? r.voidedAt.toISOString() : null,
  voidReason: r.voidReason,
});

const presentDetail = (r: Instrument & { orgName?: string | null }): z.infer<typeof instrumentDetail> => ({
  ...present(r),
  cite: instrumentType(r.type)?.cite ?? null,
  fields: (r.fields ?? {}) as Record<string, unknown>,
});

const listQuery = pageQuery.extend({
  entityType: z.string().max(64).optional().describe('业务类型'),
  entityId: z.uuid({ message: '编号格式不正确' }).optional().describe('业务记录编号'),
  type: z.string().max(64).optional().describe('文书类型'),
  year: z.coerce.number().int().min(1949).max(9999).optional().describe('年度'),
});

const formatRule = z.object({
  orgId: z.uuid({ message: '机构编号格式不正确' }).nullable().optional().describe('机构；为空表示所有机构'),
  type: z.string().max(64).nullable().optional().describe('文书类型；为空表示该机构的所有文书'),
  template: z.string().trim().min(1, '请填写编号格式').max(100).describe('如 {orgShort}{typeShort}〔{year}〕{n}号，{n:3} 补足三位'),
});

const formatsOut = z.object({
  defaultTemplate: z.string(),
  rules: z.array(
    z.object({ orgId: z.string().nullable(), orgName: z.string().nullable(), type: z.string().nullable(), typeLabel: z.string().nullable(), template: z.string(), example: z.string() }),
  ),
  types: z.array(z.object({ type: z.string(), label: z.string(), typeShort: z.string(), template: z.string(), example: z.string() })),
});

/** RFC 5987 / RFC 6266: a UTF-8 file name with an ASCII fallback for old clients. */
function contentDisposition(fileName: string, fallback: string) {
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** HTTP routes of the platform's instruments part (registered by src/app.ts). */
export const instrumentRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.fz;
  const tags = ['文书'];

  app.get('/api/instruments/formats', {
    config: { permission: INSTRUMENT_MANAGE_FORMATS },
    schema: { tags, summary: '文书编号格式（本人管理范围内）', response: { 200: formatsOut } },
  }, async (req) => numberFormatsView(db, req.auth));

  app.put('/api/instruments/formats', {
    config: { permission: INSTRUMENT_MANAGE_FORMATS },
    schema: { tags, summary: '设置文书编号格式（替换本人管理范围内的全部格式）', body: z.object({ rules: z.array(formatRule).max(500) }), response: { 200: formatsOut } },
  }, async (req) => saveNumberFormats(db, req.auth, req.body.rules));

  app.get('/api/instruments', {
    schema: { tags, summary: '文书列表（数据范围内，含已作废）', querystring: listQuery, response: { 200: pageOf(instrumentOut) } },
  }, async (req) => {
    const result = await listInstruments(db, req.auth, req.query);
    return { ...result, items: result.items.map(present) };
  });

  app.get('/api/instruments/:id', {
    schema: { tags, summary: '文书详情', params: idParam, response: { 200: instrumentDetail } },
  }, async (req) => presentDetail(await getInstrument(db, req.auth, req.params.id)));

  app.get('/api/instruments/:id/docx', {
    schema: { tags, summary: '下载文书（.docx，GB/T 9704-2012 公文格式）', params: idParam },
  }, async (req, reply) => {
    const row = await getInstrument(db, req.auth, req.params.id);
    const buffer = await instrumentDocx(row);
    return reply
      .header('content-type', DOCX_MIME)
      .header('content-disposition', contentDisposition(instrumentFileName(row), `instrument-${row.id.slice(0, 8)}.docx`))
      .header('cache-control', 'no-store')
      .send(buffer);
  });

  app.post('/api/instruments/:id/void', {
    config: { permission: INSTRUMENT_VOID },
    schema: { tags, summary: '作废文书（编号不收回、不重用）', params: idParam, body: voidBody, response: { 200: instrumentOut } },
  }, async (req) => {
    const row = await getInstrument(db, req.auth, req.params.id);
    await assertMayVoid(db, req.auth, row);
    const after = await voidInstrument(db, req.auth.actor, row.id, req.body.reason);
    return present({ ...after, orgName: row.orgName });
  });
};
