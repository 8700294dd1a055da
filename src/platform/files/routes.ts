import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors';
import { idParam } from '../http/schemas';
import { recordAudit } from '../audit/service';
import { contentDisposition, mimeFromName, previewable, readFileFor, saveFile, type FileRow } from './service';

/** Upload limit; @fastify/multipart enforces the same 50 MB (src/app.ts) and the error handler answers 413. */
export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

/** The one file of a multipart request, read into memory (≤ 50 MB), or a Chinese 400. */
export async function uploadedFile(req: FastifyRequest): Promise<{ name: string; mime: string; content: Buffer }> {
  if (!req.isMultipart()) throw new AppError('FILE_REQUIRED', '请以 multipart/form-data 方式上传文件', 400);
  const part = await req.file({ limits: { fileSize: MAX_UPLOAD_BYTES } });
  if (!part) throw new AppError('FILE_REQUIRED', '请选择要上传的文件', 400);
  const content = await part.toBuffer();
  const name = (part.filename || 'file').replace(/^.*[\\/]/, '').slice(0, 255);
  return { name, mime: mimeFromName(name, part.mimetype), content };
}

const fileOut = z.object({ id: z.string(), name: z.string(), mime: z.string(), size: z.number().int(), sha256: z.string() });

function sendFile(reply: FastifyReply, file: FileRow, disposition: 'attachment' | 'inline') {
  const mime = file.mime.startsWith('text/') && !/charset=/i.test(file.mime) ? `${file.mime}; charset=utf-8` : file.mime;
  return reply
    .header('content-type', mime)
    .header('content-length', file.content.length)
    .header('content-disposition', contentDisposition(disposition, file.name))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .send(file.content);
}

/** Upload, download and preview of stored files (registered by the ledger plugin). */
export const fileRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.fz;

  app.post('/api/files', {
    schema: { tags: ['文件'], summary: '上传文件（multipart，字段 file，最大 50 MB）', consumes: ['multipart/form-data'], response: { 200: fileOut } },
  }, async (req) => {
    const upload = await uploadedFile(req);
    return db.transaction(async (tx) => {
      const file = await saveFile(tx, { ...upload, orgId: req.auth.user.orgId, createdBy: req.auth.user.id });
      await recordAudit(tx, req.auth.actor, {
        action: 'file.upload',
        entityType: 'file',
        entityId: file.id,
        summary: `上传文件 ${file.name}（${file.size} 字节）`,
        after: { name: file.name, mime: file.mime, size: file.size, sha256: file.sha256, orgId: file.orgId },
      });
      return { id: file.id, name: file.name, mime: file.mime, size: file.size, sha256: file.sha256 };
    });
  });

  app.get('/api/files/:id', {
    schema: { tags: ['文件'], summary: '下载文件（上传人、任务创建人或数据范围内的用户）', params: idParam },
  }, async (req, reply) => {
    const file = await readFileFor(db, req.auth, req.params.id);
    return sendFile(reply, file, 'attachment');
  });

  app.get('/api/files/:id/preview', {
    schema: { tags: ['文件'], summary: '在线预览（PDF、图片、纯文本）', params: idParam },
  }, async (req, reply) => {
    const file = await readFileFor(db, req.auth, req.params.id);
    if (!previewable(file.mime)) throw new AppError('FILE_NO_PREVIEW', '该类型文件不支持在线预览，请下载后查看', 415, { mime: file.mime });
    return sendFile(reply, file, 'inline');
  });
};
