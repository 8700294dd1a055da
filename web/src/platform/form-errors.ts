import type { FormInstance } from 'antd';
import { ApiError } from '../api/client';

/**
 * The server answers bad input with `details.fields: [{ path, message }]` (zod paths such as `headName` or
 * `data.headName`): put each message under its form field, so the user sees which field to correct.
 * Returns true when every reported problem is shown under a field of the form.
 */
export function showFieldErrors(form: FormInstance, err: unknown): boolean {
  if (!(err instanceof ApiError)) return false;
  const fields = (err.details as { fields?: { path?: string; message?: string }[] } | undefined)?.fields;
  if (!Array.isArray(fields)) return false;
  // Only the fields this form shows (getFieldsError lists every registered field); otherwise the caller shows the whole message.
  const shown = new Set(form.getFieldsError().map((f) => f.name.join('.')));
  const errors = fields.map((f) => ({ name: String(f.path ?? '').replace(/^data\./, ''), errors: [f.message ?? '填写有误'] })).filter((f) => shown.has(f.name));
  if (errors.length) form.setFields(errors);
  // true: every problem is shown under its field, so a short toast is enough.
  return errors.length > 0 && errors.length === fields.length;
}

/** A stale version (HTTP 409): someone else moved the case on; the page reloads it. */
export const isConflict = (err: unknown) => err instanceof ApiError && err.status === 409;
