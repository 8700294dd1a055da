import { z } from 'zod';

/** Shared request/response pieces so every list endpoint pages and filters the same way. */
export const pageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1).describe('页码'),
  pageSize: z.coerce.number().int().min(1).max(200).default(20).describe('每页条数'),
});

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

export const errorBody = z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() });

export const idParam = z.object({ id: z.uuid({ message: '编号格式不正确' }) });

export const voidBody = z.object({ reason: z.string().trim().min(2, '请填写作废原因（至少2个字）').max(500) });

export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

export const okBody = z.object({ ok: z.literal(true) });
