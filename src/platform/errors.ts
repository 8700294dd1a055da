/**
 * Every refusal the API gives: a stable code, a Chinese message for the user, details for the UI, an HTTP 4xx.
 * `{ code: 'ADMIN_REVIEW_DEADLINE_PASSED', message: '已超过受理审查期限（行政复议法第三十条）', details }`
 */
export class AppError extends Error {
  constructor(
    public readonly code: string,
    message: string,
    public readonly status = 400,
    public readonly details?: unknown,
  ) {
    super(message);
  }
}

export const notFound = (what: string, details?: unknown) => new AppError('NOT_FOUND', `${what}不存在或无权查看`, 404, details);
export const forbidden = (message = '无权执行此操作') => new AppError('FORBIDDEN', message, 403);
export const conflict = (message = '数据已被他人修改，请刷新后重试', details?: unknown) => new AppError('VERSION_CONFLICT', message, 409, details);
export const invalid = (message: string, details?: unknown, code = 'VALIDATION_FAILED') => new AppError(code, message, 400, details);

/** PostgreSQL error codes both drivers surface on `err.code` (or on `err.cause.code` through drizzle). */
export function pgErrorCode(err: unknown): string | undefined {
  const e = err as { code?: unknown; cause?: { code?: unknown } };
  if (typeof e?.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e.code;
  if (typeof e?.cause?.code === 'string') return e.cause.code;
  return undefined;
}

/**
 * One field's problem in a Chinese message. Declarations write their own messages ('请填写不予受理的理由'),
 * which stand alone; zod's generic ones ('无效输入…') need the field named.
 */
export function fieldMessage(f: { path: string; message?: string }) {
  const message = f.message ?? '格式不正确';
  return !f.path || /^(请|应|须|不能|不得)/.test(message) || message.includes('（') ? message : `${f.path}：${message}`;
}
