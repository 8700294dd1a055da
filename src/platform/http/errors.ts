import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, fieldMessage, pgErrorCode } from '../errors';

const partLabel: Record<string, string> = { body: '请求内容', querystring: '查询参数', params: '路径参数', headers: '请求头' };

/** Turns every failure into `{ code, message, details }`: 4xx in Chinese for bad input, 500 only for our own bugs. */
export function installErrorHandler(app: FastifyInstance, opts: { spaFallback?: () => boolean } = {}) {
  app.setErrorHandler((err: FastifyError & { cause?: unknown }, req, reply) => {
    if (err instanceof AppError) return reply.code(err.status).send({ code: err.code, message: err.message, details: err.details });
    if (hasZodFastifySchemaValidationErrors(err)) {
      const fields = err.validation.map((v) => ({
        field: [partLabel[err.validationContext ?? ''] ?? err.validationContext, v.instancePath.replace(/^\//, '').replace(/\//g, '.')].filter(Boolean).join(': '),
        path: v.instancePath.replace(/^\//, '').replace(/\//g, '.'),
        message: v.message,
      }));
      return reply.code(400).send({
        code: 'VALIDATION_FAILED',
        message: '提交的内容有误：' + fields.map(fieldMessage).join('；'),
        details: { fields },
      });
    }
    if (isResponseSerializationError(err)) {
      req.log.error({ err, issues: err.cause.issues }, 'response does not match schema');
      return reply.code(500).send({ code: 'INTERNAL', message: '服务器内部错误（响应格式）' });
    }
    const pg = pgErrorCode(err);
    if (pg === '23505') return reply.code(409).send({ code: 'DUPLICATE', message: '数据重复：已存在相同的记录' });
    if (pg === '23503') return reply.code(409).send({ code: 'REFERENCED', message: '数据仍被引用，不能执行此操作' });
    if (pg === '22P02' || pg === '22007' || pg === '22008') return reply.code(400).send({ code: 'VALIDATION_FAILED', message: '提交的数据格式不正确' });
    if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return reply.code(415).send({ code: 'UNSUPPORTED_MEDIA_TYPE', message: '不支持的内容类型' });
    if (err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || err.code === 'FST_ERR_CTP_INVALID_CONTENT_LENGTH' || (err.statusCode === 400 && err.code?.startsWith('FST_'))) {
      return reply.code(400).send({ code: 'BAD_REQUEST', message: '请求格式不正确', details: { reason: err.message } });
    }
    if (err.code === 'FST_REQ_FILE_TOO_LARGE' || err.statusCode === 413) return reply.code(413).send({ code: 'FILE_TOO_LARGE', message: '上传的文件过大' });
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return reply.code(err.statusCode).send({ code: 'BAD_REQUEST', message: '请求无效', details: { reason: err.message } });
    }
    req.log.error({ err }, 'unhandled error');
    return reply.code(500).send({ code: 'INTERNAL', message: '服务器内部错误，请联系管理员' });
  });
  app.setNotFoundHandler((req, reply) => {
    // Client-side routes of the SPA: any other GET that is not an API call or a file gets index.html.
    if (req.method === 'GET' && !req.url.startsWith('/api/') && opts.spaFallback?.()) return reply.type('text/html').sendFile('index.html');
    return reply.code(404).send({ code: 'NOT_FOUND', message: `接口不存在：${req.method} ${req.url.split('?')[0]}` });
  });
}
