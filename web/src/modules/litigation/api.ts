import type { DeadlineView } from '../../../../src/platform/workflow/types';
/** 行政应诉 API shapes (mirror src/modules/litigation/service.ts and routes.ts) and query hooks. */
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Light, Page } from '../../api/types';

export interface ListDeadline {
  label: string;
  dueDate: string;
  light: Light;
  cite: string;
  provisional: boolean;
}

export interface CaseListItem {
  id: string;
  caseNumber: string;
  courtName: string;
  plaintiffName: string;
  plaintiffType: string;
  defendantName: string;
  actType: string;
  actTypeLabel: string;
  cause: string;
  level: string;
  levelLabel: string;
  status: string;
  state: string | null;
  stateLabel: string;
  receivedDate: string;
  filedDate: string | null;
  closedDate: string | null;
  outcome: string | null;
  outcomeLabel: string | null;
  loss: boolean;
  hearingCount: number;
  firstHearingDate: string | null;
  headAppeared: boolean | null;
  headNames: string | null;
  orgName: string;
  reviewCaseId: string | null;
  deadline: ListDeadline | null;
  source: string;
}

/** A deadline as the workflow engine reports it (src/platform/workflow/types.ts). */
export type WorkflowDeadline = DeadlineView;

export interface WorkflowView {
  id: string;
  state: string;
  stateLabel: string;
  isFinal: boolean;
  version: number;
  deadlines: WorkflowDeadline[];
  available: { key: string; label: string }[];
}

export interface Hearing {
  id: string;
  version: number;
  level: string;
  hearingDate: string;
  courtName: string;
  status: 'scheduled' | 'held';
  headAppeared: boolean;
  headName: string | null;
  headPost: string | null;
  staffNames: string | null;
  lawyerNames: string | null;
  absenceReason: string | null;
  noticeInstrumentId: string | null;
  note: string | null;
}

export interface Suggestion {
  id: string;
  documentNumber: string | null;
  courtName: string;
  receivedDate: string;
  content: string;
  replyDays: number;
  status: 'open' | 'replied';
  replyDate: string | null;
  replyContent: string | null;
  workflow: WorkflowView | null;
}

export interface Mediation {
  id: string;
  version: number;
  caseId: string | null;
  caseNumber?: string | null;
  stage: string;
  stageLabel?: string;
  centerName: string;
  partyName: string;
  defendantName: string;
  subject: string;
  startDate: string;
  endDate: string | null;
  result: string;
  resultLabel?: string;
  summary: string | null;
  mediationId: string | null;
  orgName?: string;
}

export interface CaseView {
  id: string;
  version: number;
  orgName: string;
  caseNumber: string;
  courtName: string;
  plaintiffTypeLabel: string;
  plaintiffName: string;
  plaintiffIdMasked: string | null;
  plaintiffPhoneMasked: string | null;
  plaintiffCount: number;
  defendantName: string;
  actTypeLabel: string;
  cause: string;
  claims: string | null;
  reviewCaseId: string | null;
  receivedDate: string;
  filedDate: string | null;
  procedureLabel: string;
  level: string;
  levelLabel: string;
  status: 'open' | 'closed';
  defenceDate: string | null;
  evidenceCount: number | null;
  firstOutcomeLabel: string | null;
  firstOutcomeDate: string | null;
  appealed: boolean;
  outcome: string | null;
  outcomeLabel: string | null;
  loss: boolean;
  closedDate: string | null;
  source: string;
  note: string | null;
}

export interface CaseDetail {
  case: CaseView;
  workflow: WorkflowView | null;
  history: { id: string; transition: string; eventDate: string; actorName: string | null; note: string | null; data: Record<string, unknown> | null }[];
  hearings: Hearing[];
  suggestions: Suggestion[];
  mediations: Mediation[];
  instruments: { id: string; type: string; title: string; number: string | null; issuedOn: string; voidedAt: string | null }[];
  reviewCase: { id: string; caseNumber: string | null; applicantName: string; respondentName: string; stateLabel: string } | null;
  timeline: { date: string; kind: string; label: string; detail: string | null }[];
}

export interface Options {
  courts: { id: string; name: string }[];
  defendants: { id: string; name: string; type: string }[];
  plaintiffTypes: Opt[];
  actTypes: Opt[];
  procedures: Opt[];
  levels: Opt[];
  statuses: Opt[];
  outcomes: (Opt & { kind: string; loss: boolean; cite: string })[];
  mediationKinds: Opt[];
  appellants: Opt[];
  secondDispositions: Opt[];
  mediationStages: Opt[];
  mediationResults: Opt[];
  states: Opt[];
}
export interface Opt {
  value: string;
  label: string;
}

export const useOptions = () => useQuery({ queryKey: ['litigation', 'options'], queryFn: () => api.get<Options>('/api/litigation/options'), staleTime: 10 * 60_000 });

export const useCases = (query: Record<string, string | number | undefined>) =>
  useQuery({ queryKey: ['litigation', 'cases', query], queryFn: () => api.get<Page<CaseListItem>>('/api/litigation/cases', query) });

export const useCase = (id: string) => useQuery({ queryKey: ['litigation', 'case', id], queryFn: () => api.get<CaseDetail>(`/api/litigation/cases/${id}`) });

export const useMediations = (query: Record<string, string | number | undefined>) =>
  useQuery({ queryKey: ['litigation', 'mediations', query], queryFn: () => api.get<Page<Mediation>>('/api/litigation/mediations', query) });
