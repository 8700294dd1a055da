/** 合法性审查 / 规范性文件 API shapes (mirror src/modules/legality-review/routes.ts) and query hooks. */
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Deadline, Page } from '../../api/types';

export const PERM = {
  docRead: 'normativeDoc.read',
  docManage: 'normativeDoc.manage',
  read: 'legality.read',
  submit: 'legality.submit',
  check: 'legality.check',
  review: 'legality.review',
} as const;

export interface DocEvent {
  date: string;
  event: string;
  label: string;
  note: string | null;
}

export interface DocListItem {
  id: string;
  title: string;
  issuer: string;
  docNumber: string | null;
  stage: string;
  stageLabel: string;
  status: string | null;
  statusLabel: string;
  code: string | null;
  registrationNumber: string | null;
  publishedDate: string | null;
  effectiveDate: string | null;
  validUntil: string | null;
  filingDueDate: string | null;
  filedDate: string | null;
  filedLate: boolean | null;
  cleanupOutcome: string | null;
  versionNo: number;
  version: number;
}

export interface DocDetail extends DocListItem {
  orgId: string;
  provisional: boolean;
  body: string;
  filedWith: string | null;
  cleanupDate: string | null;
  statusDate: string | null;
  history: DocEvent[];
  versions: { id: string; versionNo: number; title: string; docNumber: string | null; effectiveDate: string | null; supersededDate: string | null; body: string }[];
  lookups: number;
  /** 合法性审核: the reviews started from this document, with their opinions. */
  reviews: { id: string; serialNumber: string; state: string; stateLabel: string; submittedDate: string; opinion: string | null; opinionLabel: string | null; opinionDate: string | null; opinionReasons: string | null; adopted: boolean | null }[];
}

export interface DocRules {
  filingDays: number;
  validityYears: number;
  provisionalValidityYears: number;
  expiryWarningDays: number;
  codePrefix: string | null;
}

export interface Meta {
  objectTypes: Record<string, string>;
  opinions: Record<string, string>;
  reviewStates: Record<string, string>;
  stages: Record<string, string>;
  statuses: Record<string, string>;
  cleanupOutcomes: Record<string, string>;
  rules: DocRules;
  countyReviewStates: Record<string, string>;
  expertKinds: Record<string, string>;
  flows: Record<string, string>;
  entryModes: Record<string, string>;
  reviewMinimum: { days: number; cite: string };
  reviewCenter: { id: string; name: string } | null;
}

export interface WfView {
  id: string;
  state: string;
  stateLabel: string;
  isFinal: boolean;
  suspended: boolean;
  version: number;
  deadlines: Deadline[];
  available: { key: string; label: string }[];
}

export interface ReviewItem {
  id: string;
  serialNumber: string;
  objectType: string;
  objectTypeLabel: string;
  title: string;
  submitterName: string;
  state: string;
  stateLabel: string;
  submittedDate: string;
  acceptedDate: string | null;
  opinion: string | null;
  opinionLabel: string | null;
  opinionReasons: string | null;
  opinionDate: string | null;
  adopted: boolean | null;
  adoptionNote: string | null;
  feedbackDate: string | null;
  archivedDate: string | null;
  summary: string | null;
  documentId: string | null;
  instanceId: string | null;
  version: number;
  orgId: string;
  orgName: string | null;
  flow: 'township' | 'county';
  flowLabel: string;
  entryMode: string;
  entryModeLabel: string;
  earlyReason: string | null;
  reviewerName: string | null;
  meetingDate: string | null;
}

export interface Consultation {
  id: string;
  expertKind: string;
  expertKindLabel: string;
  expertName: string;
  consultedDate: string;
  question: string;
  opinion: string;
}

export interface ClauseOpinion {
  id: string;
  seq: number;
  clause: string;
  opinion: string;
  reason: string;
  adopted: boolean | null;
  explanation: string | null;
}

export interface ReviewDetail extends ReviewItem {
  workflow: WfView | null;
  history: { id: string; transition: string; fromState: string | null; toState: string; eventDate: string; actorName: string | null; data: Record<string, unknown> | null; note: string | null }[];
  consultations: Consultation[];
  clauses: ClauseOpinion[];
  document: { id: string; title: string; stage: string; code: string | null } | null;
  minimumDays: { days: number; cite: string };
}

export const options = (o: Record<string, string>) => Object.entries(o).map(([value, label]) => ({ value, label }));

/** 效力状态 colours. */
export const statusColor: Record<string, string> = { effective: 'green', expired: 'default', repealed: 'red', amended: 'orange' };

export function useMeta() {
  return useQuery({ queryKey: ['legality', 'meta'], queryFn: () => api.get<Meta>('/api/legality/meta'), staleTime: Infinity });
}
export function useDocuments(filters: Record<string, string | number | undefined>) {
  return useQuery({ queryKey: ['legality', 'documents', filters], queryFn: () => api.get<Page<DocListItem>>('/api/legality/documents', filters) });
}
export function useExpiring(enabled: boolean) {
  return useQuery({ queryKey: ['legality', 'documents', 'expiring'], queryFn: () => api.get<{ items: DocListItem[] }>('/api/legality/documents/expiring'), enabled });
}
export function useOverdueFilings(enabled: boolean) {
  return useQuery({
    queryKey: ['legality', 'documents', 'overdue-filings'],
    queryFn: () => api.get<{ items: Pick<DocListItem, 'id' | 'code' | 'title' | 'issuer' | 'publishedDate' | 'filingDueDate'>[] }>('/api/legality/documents/overdue-filings'),
    enabled,
  });
}
export function useDocument(id: string) {
  return useQuery({ queryKey: ['legality', 'document', id], queryFn: () => api.get<DocDetail>(`/api/legality/documents/${id}`) });
}
export function useReviews(filters: Record<string, string | number | undefined>) {
  return useQuery({ queryKey: ['legality', 'reviews', filters], queryFn: () => api.get<Page<ReviewItem>>('/api/legality/reviews', filters) });
}
export function useReview(id: string) {
  return useQuery({ queryKey: ['legality', 'review', id], queryFn: () => api.get<ReviewDetail>(`/api/legality/reviews/${id}`) });
}
