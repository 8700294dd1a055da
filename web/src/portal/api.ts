/**
 * The public portal's calls (no login): only `/api/public/*` endpoints. Every call passes `expect401` so a
 * visitor is never sent to the staff login page, whatever the server answers.
 */
import { request } from '../api/client';

/** What `POST /api/public/admin-review/applications` answers (201). */
export interface SubmitResult {
  trackingCode: string;
  caseNumber: string;
  receivedDate: string;
  message: string;
}

/** What `GET /api/public/admin-review/track/:code` answers: progress only, no personal data. */
export interface TrackResult {
  caseNumber: string;
  receivedDate: string;
  state: string;
  stateLabel: string;
  procedureLabel: string | null;
  outcomeLabel: string | null;
  decisionNumber: string | null;
  concludedDate: string | null;
  steps: { date: string; label: string }[];
}

/** The online application: the fields of `applicationInput` (src/modules/admin-review/service.ts) a member of the public fills. */
export interface PortalApplication {
  applicantType: 'person' | 'organization';
  applicantName: string;
  applicantIdNumber?: string;
  applicantPhone?: string;
  applicantAddress?: string;
  respondentName: string;
  thirdParties?: { name: string }[];
  actType: string;
  actNumber?: string;
  actDate?: string;
  actAmount?: number | null;
  request: string;
  reasons?: string;
  onTheSpot?: boolean;
  warningOrCriticism?: boolean;
}

/** Sent as multipart: the JSON in `data`, the files beside it (the server takes at most 5, 10 MB each). */
export function submitApplication(data: PortalApplication, files: File[]): Promise<SubmitResult> {
  const form = new FormData();
  form.append('data', JSON.stringify(data));
  for (const f of files) form.append('files', f, f.name);
  return request<SubmitResult>('POST', '/api/public/admin-review/applications', { body: form, expect401: true });
}

export function trackApplication(code: string, signal?: AbortSignal): Promise<TrackResult> {
  return request<TrackResult>('GET', `/api/public/admin-review/track/${encodeURIComponent(code.trim().toUpperCase())}`, { expect401: true, signal });
}

/** 行为类别 (mirrors `actTypes` in src/modules/admin-review/terms.ts; the codes are what the server accepts). */
export const actTypeOptions = [
  { value: 'penalty', label: '行政处罚' },
  { value: 'coercion', label: '行政强制' },
  { value: 'licensing', label: '行政许可' },
  { value: 'confirmation', label: '行政确认' },
  { value: 'infoDisclosure', label: '政府信息公开' },
  { value: 'agreement', label: '行政协议' },
  { value: 'nonPerformance', label: '不履行法定职责' },
  { value: 'other', label: '其他' },
];
