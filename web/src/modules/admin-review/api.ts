import type { DeadlineView } from '../../../../src/platform/workflow/types';
/** 行政复议 API shapes (mirror src/modules/admin-review/service.ts) and query hooks. */
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Light, Page } from '../../api/types';

export interface CaseDeadline {
  label: string;
  dueDate: string;
  light: Light;
  cite: string;
}

export interface CaseListItem {
  id: string;
  caseNumber: string;
  receivedDate: string;
  channel: string;
  channelLabel: string;
  applicantType: string;
  applicantName: string;
  applicantIdMasked: string | null;
  respondentName: string;
  actType: string;
  actTypeLabel: string;
  procedure: string | null;
  procedureLabel: string | null;
  proposedProcedure: string | null;
  state: string;
  stateLabel: string;
  acceptedDate: string | null;
  concludedDate: string | null;
  outcome: string | null;
  outcomeLabel: string | null;
  decisionNumber: string | null;
  instanceId: string | null;
  deadline: CaseDeadline | null;
}

/** A deadline as the workflow engine reports it (src/platform/workflow/types.ts). */
export type WfDeadline = DeadlineView;

export interface WfView {
  id: string;
  state: string;
  stateLabel: string;
  isFinal: boolean;
  suspended: boolean;
  version: number;
  title: string;
  deadlines: WfDeadline[];
  available: { key: string; label: string }[];
  history: { id: string; transition: string; fromState: string | null; toState: string; eventDate: string; actorName: string | null; data: Record<string, unknown> | null; note: string | null; at: string }[];
}

export interface CaseDetail extends CaseListItem {
  version: number;
  orgName: string | null;
  authorityName: string | null;
  applicantTypeLabel: string;
  applicantPhoneMasked: string | null;
  applicantAddress: string | null;
  respondentOrgId: string | null;
  thirdParties: { name: string; type?: string }[];
  agents: { name: string; kind?: string; org?: string }[];
  actNumber: string | null;
  actDate: string | null;
  actAmount: number | null;
  actDescription: string;
  request: string | null;
  reasons: string | null;
  triage: { proposal?: { procedure: string; reasons: string[]; cite: string } } & Record<string, unknown>;
  converted: boolean;
  extended: boolean;
  records: Record<string, unknown>;
  workflow: WfView | null;
  followUps: WfView[];
  instruments: { id: string; type: string; title: string; number: string | null; issuedOn: string; issuerName: string | null; voided: boolean }[];
  materials: { id: string; name: string; mime: string; size: number; sha256: string; createdAt: string }[];
  litigation: { id: string; caseNumber: string; courtName: string; level: unknown; status: unknown; outcome: unknown; outcomeLabel?: string | null }[];
}

export interface Meta {
  actTypes: Record<string, string>;
  applicantTypes: Record<string, string>;
  channels: Record<string, string>;
  procedures: Record<string, string>;
  states: Record<string, string>;
  decisionKinds: Record<string, { label: string; cite: string }>;
  terminationGrounds: Record<string, { label: string; cite: string }>;
  suspensionGrounds: Record<string, string>;
  outcomes: Record<string, string>;
}

export const options = (o: Record<string, string | { label: string }>) => Object.entries(o).map(([value, v]) => ({ value, label: typeof v === 'string' ? v : v.label }));

export function useMeta() {
  return useQuery({ queryKey: ['admin-review', 'meta'], queryFn: () => api.get<Meta>('/api/admin-review/meta'), staleTime: Infinity });
}

export function useCases(filters: Record<string, string | number | undefined>) {
  return useQuery({ queryKey: ['admin-review', 'cases', filters], queryFn: () => api.get<Page<CaseListItem>>('/api/admin-review/cases', filters) });
}

export function useCase(id: string) {
  return useQuery({ queryKey: ['admin-review', 'case', id], queryFn: () => api.get<CaseDetail>(`/api/admin-review/cases/${id}`) });
}

/** Transition labels of every workflow (for the 办理过程 of the case and its 意见书/履行监督 follow-ups). */
export function useTransitionLabels() {
  return useQuery({
    queryKey: ['workflow', 'definitions'],
    queryFn: () => api.get<{ key: string; transitions: { key: string; label: string }[] }[]>('/api/workflow/definitions'),
    staleTime: Infinity,
    meta: { silent: true },
    select: (defs) => {
      const labels: Record<string, string> = {};
      // This line's own workflow wins when two workflows use the same transition key.
      for (const d of [...defs].sort((a, b) => (a.key === 'adminReview' ? 1 : 0) - (b.key === 'adminReview' ? 1 : 0))) for (const t of d.transitions) labels[t.key] = t.label;
      return labels;
    },
  });
}
