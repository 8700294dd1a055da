import { createHash } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import type { AuthContext } from '../auth/context';
import { registerPermissions } from '../auth/permissions';
import { orgInScope } from '../auth/scope';
import { getOrg } from '../orgs/service';
import { notFound } from '../errors';
import { jobs } from '../jobs/schema';
import { files } from './schema';

registerPermissions([
  { code: 'file.read', label: '查看本范围内的附件材料', group: '通用', kind: 'business', grantTo: ['@business'] },
]);

export type FileRow = typeof files.$inferSelect;
/** A file's metadata: everything but the bytes. */
export type FileMeta = Omit<FileRow, 'content'>;

export interface SaveFileInput {
  name: string;
  mime: string;
  content: Buffer;
  /** The org the file belongs to (its data scope); null for system files. */
  orgId: string | null;
  entityType?: string | null;
  entityId?: string | null;
  createdBy: string | null;
}

export const sha256Hex = (content: Buffer) => createHash('sha256').update(content).digest('hex');

const meta = {
  id: files.id,
  name: files.name,
  mime: files.mime,
  size: files.size,
  sha256: files.sha256,
  orgId: files.orgId,
  entityType: files.entityType,
  entityId: files.entityId,
  createdBy: files.createdBy,
  createdAt: files.createdAt,
  voidedAt: files.voidedAt,
  voidedBy: files.voidedBy,
  voidReason: files.voidReason,
};

/**
 * Stores a file (bytes in the database, same path on PGlite and PostgreSQL) with its SHA-256.
 * Pass the caller's transaction so the file commits or rolls back with the record it belongs to;
 * the caller records the audit entry for the write it is part of.
 */
export async function saveFile(db: DbOrTx, input: SaveFileInput): Promise<FileMeta> {
  const [row] = await db
    .insert(files)
    .values({
      name: input.name,
      mime: input.mime || 'application/octet-stream',
      size: input.content.length,
      sha256: sha256Hex(input.content),
      content: input.content,
      orgId: input.orgId,
      entityType: input.entityType ?? null,
      entityId: input.entityId ?? null,
      createdBy: input.createdBy,
    })
    .returning(meta);
  return row;
}

/** A live (not voided) file with its bytes, or undefined. No access check: see canReadFile. */
export async function readFile(db: DbOrTx, id: string): Promise<FileRow | undefined> {
  const rows = await db.select().from(files).where(and(eq(files.id, id), isNull(files.voidedAt)));
  return rows[0];
}

export async function getFileMeta(db: DbOrTx, id: string): Promise<FileMeta | undefined> {
  const rows = await db.select(meta).from(files).where(and(eq(files.id, id), isNull(files.voidedAt)));
  return rows[0];
}

/**
 * Who may read a file: its uploader; the creator of a job that produced it (error reports, exports);
 * anyone whose `file.read` data scope covers the file's org (本机构 for 司法所 staff, the county for 局长).
 */
export async function canReadFile(db: DbOrTx, auth: AuthContext, file: FileMeta): Promise<boolean> {
  if (file.createdBy && file.createdBy === auth.user.id) return true;
  const [job] = await db
    .select({ id: jobs.id })
    .from(jobs)
    .where(and(eq(jobs.fileId, file.id), eq(jobs.createdBy, auth.user.id)))
    .limit(1);
  if (job) return true;
  if (!file.orgId) return false;
  const org = await getOrg(db, file.orgId);
  return !!org && orgInScope(auth, 'file.read', org, file.createdBy);
}

/** The file's bytes if the caller may read it; otherwise 404 (never reveal that the id exists). */
export async function readFileFor(db: DbOrTx, auth: AuthContext, id: string): Promise<FileRow> {
  const file = await readFile(db, id);
  if (!file || !(await canReadFile(db, auth, file))) throw notFound('文件');
  return file;
}

/**
 * `Content-Disposition` with an RFC 5987 `filename*` for the Chinese name and an ASCII fallback
 * for old clients: `attachment; filename="____.xlsx"; filename*=UTF-8''%E7%94%A8….xlsx`.
 */
export function contentDisposition(type: 'attachment' | 'inline', filename: string): string {
  const fallback = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\%]/g, '_') || 'download';
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
  return `${type}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** Types a browser may show inline without risk: PDF, raster images and plain text (never HTML or SVG). */
export function previewable(mime: string): boolean {
  const m = mime.toLowerCase().split(';')[0].trim();
  return m === 'application/pdf' || /^image\/(png|jpeg|gif|webp|bmp)$/.test(m) || m === 'text/plain' || m === 'text/csv';
}

/** Guesses a MIME type from the file name when the browser sent none (or a generic one). */
export function mimeFromName(name: string, sent?: string): string {
  if (sent && sent !== 'application/octet-stream') return sent;
  const ext = name.toLowerCase().split('.').pop() ?? '';
  const known: Record<string, string> = {
    pdf: 'application/pdf',
    png: 'image/png',
    jpg: 'image/jpeg',
    jpeg: 'image/jpeg',
    gif: 'image/gif',
    webp: 'image/webp',
    txt: 'text/plain',
    csv: 'text/csv',
    docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    doc: 'application/msword',
    xls: 'application/vnd.ms-excel',
    zip: 'application/zip',
  };
  return known[ext] ?? 'application/octet-stream';
}
