/** 备案审查 / 清理 / 重大行政决策 API shapes (mirror src/modules/legality-review/oversight/routes.ts) and query hooks. */
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client';
import type { Page } from '../../../api/types';

export const OPERM = {
  filingSubmit: 'normativeDoc.filing.submit',
  filingRead: 'normativeDoc.filing.read',
  filingReview: 'normativeDoc.filing.review',
  cleanupRead: 'normativeDoc.cleanup.read',
  cleanupManage: 'normativeDoc.cleanup.manage',
  decisionRead: 'majorDecision.read',
  decisionManage: 'majorDecision.manage',
} as const;

export interface OversightMeta {
  filingStates: Record<string, string>;
  reviewResults: Record<string, string>;
  correctionResults: Record<string, string>;
  decisionReviewResults: Record<string, string>;
  cleanupOutcomes: Record<string, string>;
  decisionSteps: Record<string, { label: string; cite: string; optional: boolean }>;
  minCommentDays: number;
  defaultCorrectionDays: number;
  filingDays: number;
  filingCite: string;
}

export interface Filing {
  id: string;
  orgId: string;
  serialNumber: string;
  filerName: string;
  title: string;
  docNumber: string;
  publishedDate: string;
  submittedDate: string;
  dueDate: string;
  late: boolean;
  daysLate: number;
  state: string;
  stateLabel: string;
  reviewResult: string | null;
  reviewResultLabel: string | null;
  reviewReasons: string | null;
  reviewDate: string | null;
  reviewerName: string | null;
  noticeInstrumentId: string | null;
  noticeNumber: string | null;
  correctionDeadline: string | null;
  correctionResult: string | null;
  correctionResultLabel: string | null;
  correctionNote: string | null;
  correctionDate: string | null;
  evidenceFileIds: string[];
  overdue: boolean;
  version: number;
  body?: string;
  cite?: string;
}

export interface Campaign {
  id: string;
  name: string;
  year: number;
  basis: string;
  scope: string;
  state: string;
  stateLabel: string;
  finishedDate: string | null;
  noticeInstrumentId: string | null;
  noticeNumber: string | null;
  version: number;
  total?: number;
  done?: number;
}

export interface CampaignDetail extends Campaign {
  orgName: string;
  canManage: boolean;
  progress: { total: number; done: number; reviewers: { reviewerId: string | null; reviewerName: string; total: number; done: number }[]; outcomes: { key: string; label: string; value: number }[] };
}

export interface CampaignItem {
  id: string;
  documentId: string;
  reviewerId: string | null;
  reviewerName: string | null;
  outcome: string | null;
  outcomeLabel: string;
  reason: string | null;
  decidedDate: string | null;
  version: number;
  title: string;
  issuer: string;
  docNumber: string | null;
  code: string | null;
  publishedDate: string | null;
  validUntil: string | null;
}

export interface Decision {
  id: string;
  year: number;
  title: string;
  hostUnit: string;
  plannedDate: string;
  currentStep: string | null;
  currentStepLabel: string;
  progress: { done: number; total: number };
  catalogPublishedDate?: string | null;
  version: number;
}

export interface DecisionStepView {
  key: string;
  label: string;
  cite: string;
  optional: boolean;
  record: null | { id: string; skipped: boolean; date: string; startDate: string | null; endDate: string | null; result: string | null; resultLabel: string | null; note: string | null; files: { id: string; name: string; size: number }[] };
}

export interface DecisionDetail extends Decision {
  orgName: string;
  canManage: boolean;
  steps: DecisionStepView[];
  warnings?: string[];
}

export const options = (o: Record<string, string>) => Object.entries(o).map(([value, label]) => ({ value, label }));

export const filingStateColor: Record<string, string> = { pending: 'processing', filed: 'green', correcting: 'orange', closed: 'default' };
export const outcomeColor: Record<string, string> = { keep: 'green', amend: 'orange', repeal: 'red', declareInvalid: 'default' };

export function useOversightMeta() {
  return useQuery({ queryKey: ['legality', 'oversight', 'meta'], queryFn: () => api.get<OversightMeta>('/api/legality/oversight/meta'), staleTime: Infinity });
}
export function useFilings(filters: Record<string, string | number | undefined>) {
  return useQuery({ queryKey: ['legality', 'filings', filters], queryFn: () => api.get<Page<Filing>>('/api/legality/filings', filters) });
}
export function useFiling(id: string) {
  return useQuery({ queryKey: ['legality', 'filing', id], queryFn: () => api.get<Filing>(`/api/legality/filings/${id}`) });
}
export function useCampaigns(filters: Record<string, string | number | undefined>) {
  return useQuery({ queryKey: ['legality', 'campaigns', filters], queryFn: () => api.get<Page<Campaign>>('/api/legality/cleanup-campaigns', filters) });
}
export function useCampaign(id: string) {
  return useQuery({ queryKey: ['legality', 'campaign', id], queryFn: () => api.get<CampaignDetail>(`/api/legality/cleanup-campaigns/${id}`) });
}
export function useCampaignItems(id: string, filters: Record<string, string | number | undefined>) {
  return useQuery({ queryKey: ['legality', 'campaign', id, 'items', filters], queryFn: () => api.get<Page<CampaignItem>>(`/api/legality/cleanup-campaigns/${id}/items`, filters) });
}
export function useReviewers(enabled: boolean) {
  return useQuery({ queryKey: ['legality', 'cleanup-reviewers'], queryFn: () => api.get<{ items: { id: string; displayName: string; orgName: string }[] }>('/api/legality/cleanup-reviewers'), enabled });
}
export function useDecisions(filters: Record<string, string | number | undefined>) {
  return useQuery({ queryKey: ['legality', 'decisions', filters], queryFn: () => api.get<Page<Decision>>('/api/legality/major-decisions', filters) });
}
export function useDecision(id: string) {
  return useQuery({ queryKey: ['legality', 'decision', id], queryFn: () => api.get<DecisionDetail>(`/api/legality/major-decisions/${id}`) });
}

/** Uploads one file to the platform's file store; returns its id (evidence for a step or a correction). */
export async function uploadFile(file: File): Promise<{ id: string; name: string }> {
  const form = new FormData();
  form.append('file', file, file.name);
  return api.post<{ id: string; name: string }>('/api/files', form);
}
