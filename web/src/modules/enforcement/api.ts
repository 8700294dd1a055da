/** 行政执法监督 API shapes (mirror src/modules/enforcement/*.ts) and query hooks. */
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Page } from '../../api/types';

export const PERM = { read: 'enforcement.read', report: 'enforcement.report', supervise: 'enforcement.supervise' } as const;

export interface Rules {
  publicationDays: number;
  inspectionWindowDays: number;
  repeatAllowed: number;
  checklist: { key: string; label: string; points: number }[];
  passScore: number;
  certificateWarningDays: number;
}

export interface Meta {
  caseKinds: Record<string, string>;
  procedures: Record<string, string>;
  certificateTypes: Record<string, string>;
  clueKinds: Record<string, string>;
  clueStatuses: Record<string, string>;
  campaignKinds: Record<string, string>;
  docKinds: Record<string, string>;
  rectificationSources: Record<string, string>;
  rectificationStatuses: Record<string, string>;
  complaintCategories: Record<string, string>;
  complaintStatuses: Record<string, string>;
  caseRules: Record<string, { label: string; cite: string }>;
  rules: Rules;
}

export interface CaseItem {
  id: string;
  orgId: string;
  orgName: string;
  caseNumber: string;
  kind: string;
  kindLabel: string;
  procedure: string;
  procedureLabel: string;
  partyName: string;
  partyCreditCode: string | null;
  filedDate: string;
  decisionDate: string | null;
  decisionDue: string | null;
  extensionDays: number;
  amount: number | null;
  major: boolean;
  legalReviewDate: string | null;
  mustPublish: boolean;
  publicationDate: string | null;
  publicationDue: string | null;
  flags: string[];
  flagDetails: { key: string; label: string; cite: string }[];
  version: number;
}

export interface Inspection {
  id: string;
  orgId: string;
  orgName: string;
  enterpriseCreditCode: string;
  enterpriseName: string;
  inspectionDate: string;
  matter: string;
  planned: boolean;
  jointTaskId: string | null;
  jointTaskName: string | null;
  result: string | null;
}

export interface Clue {
  id: string;
  kind: string;
  kindLabel: string;
  status: string;
  statusLabel: string;
  orgId: string;
  enterpriseCreditCode: string;
  enterpriseName: string;
  inspectionDate: string;
  matter: string | null;
  priorDate: string | null;
  priorMatter: string | null;
  agencyNames: string[];
  windowDays: number;
  decisionNote: string | null;
  version: number;
}

export interface JointTask {
  id: string;
  name: string;
  plannedDate: string;
  agencyNames: string[];
  enterpriseName: string | null;
  inspectionCount: number;
}

export interface OversightDoc {
  id: string;
  kind: string;
  kindLabel: string;
  orgName: string;
  number: string | null;
  subject: string;
  issuedDate: string;
  instrumentId: string;
  rectification: { total: number; closed: number };
}

export interface Rectification {
  id: string;
  orgId: string;
  orgName: string;
  sourceType: string;
  sourceLabel: string;
  sourceNumber: string | null;
  item: string;
  issuedDate: string;
  deadline: string;
  status: string;
  statusLabel: string;
  overdue: boolean;
  closedDate: string | null;
  closureNote: string | null;
  evidence: { id: string; name: string }[];
  version: number;
}

export interface Officer {
  id: string;
  orgName: string;
  name: string;
  idNumberMasked: string | null;
  staffed: boolean;
  certificateTypeLabel: string | null;
  certificateNumber: string | null;
  certificateExpiry: string | null;
  certificateStatus: 'none' | 'expired' | 'expiring' | 'valid';
  examDate: string | null;
  examScore: number | null;
  examPassed: boolean | null;
  trainingHours: number;
}

export interface Agency {
  orgId: string;
  name: string;
  legalBasis: string;
  powers: string[];
  qualified: boolean | null;
  qualifiedDate: string | null;
  staffed: number;
  certified: number;
  expiring: number;
  certificateRate: number | null;
}

export interface Campaign {
  id: string;
  kind: string;
  kindLabel: string;
  name: string;
  startDate: string;
  endDate: string | null;
  focus: string | null;
  checklist: { key: string; label: string; points: number }[];
  passScore: number | null;
  agencyOrgIds: string[];
  agencyNames: string[];
  conclusion: string | null;
}

export interface Complaint {
  id: string;
  orgName: string;
  receivedDate: string;
  complainantName: string;
  phoneMasked: string | null;
  categoryLabel: string;
  content: string;
  status: string;
  statusLabel: string;
  result: string | null;
  substantiated: boolean | null;
  version: number;
}

export type Filters = Record<string, string | number | boolean | undefined>;

export const options = (o: Record<string, string> | undefined) => Object.entries(o ?? {}).map(([value, label]) => ({ value, label }));

export const useMeta = () => useQuery({ queryKey: ['enforcement', 'meta'], queryFn: () => api.get<Meta>('/api/enforcement/meta'), staleTime: 60_000 });
export const useList = <T,>(path: string, filters: Filters) =>
  useQuery({ queryKey: ['enforcement', path, filters], queryFn: () => api.get<Page<T>>(`/api/enforcement/${path}`, filters as Record<string, string | number | boolean | undefined>) });
export const useAgencies = () => useQuery({ queryKey: ['enforcement', 'agencies'], queryFn: () => api.get<{ items: Agency[] }>('/api/enforcement/agencies') });

export async function uploadFile(file: File) {
  const form = new FormData();
  form.append('file', file, file.name);
  return api.post<{ id: string; name: string }>('/api/files', form);
}
