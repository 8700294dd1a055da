/**
 * The public 规范性文件 register (no login): `GET /api/public/documents` and `/api/public/documents/:code`
 * (src/modules/legality-review/documents.ts searchPublic / lookupPublic). Every call passes `expect401`.
 */
import { request } from '../../api/client';
import type { Page } from '../../api/types';

export interface PublicDocument {
  code: string | null;
  title: string;
  issuer: string;
  docNumber: string | null;
  registrationNumber: string | null;
  publishedDate: string | null;
  effectiveDate: string | null;
  validUntil: string | null;
  status: string | null;
  statusLabel: string | null;
}

export interface PublicDocumentDetail extends PublicDocument {
  statusDate: string | null;
  versionNo: number;
  body: string;
  history: { date: string; event: string; label: string; note: string | null }[];
  versions: { versionNo: number; title: string; docNumber: string | null; effectiveDate: string | null; supersededDate: string | null; body: string }[];
  lookups: number;
}

export const normalizeDocCode = (s: string) => s.normalize('NFKC').trim().toUpperCase().replace(/\s+/g, '');

export function searchDocuments(q: string, page: number, signal?: AbortSignal): Promise<Page<PublicDocument>> {
  return request<Page<PublicDocument>>('GET', '/api/public/documents', { query: { q: q || undefined, page, pageSize: 20 }, expect401: true, signal });
}

export function lookupDocument(code: string, signal?: AbortSignal): Promise<PublicDocumentDetail> {
  return request<PublicDocumentDetail>('GET', `/api/public/documents/${encodeURIComponent(normalizeDocCode(code))}`, { expect401: true, signal });
}

export const qrUrl = (code: string) => `/api/public/documents/${encodeURIComponent(normalizeDocCode(code))}/qr.png`;

/** 效力状态 colours (statuses in src/modules/legality-review/terms.ts). */
export const statusColor: Record<string, string> = { effective: 'green', expired: 'default', repealed: 'red', amended: 'orange' };
