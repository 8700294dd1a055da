/** 人民调解 API shapes (mirror src/modules/mediation/service.ts and routes.ts) and query hooks. */
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Light, Page } from '../../api/types';
import type { DeadlineView } from '../../../../src/platform/workflow/types';

export type Opt = { value: string; label: string };

export interface Options {
  sources: Opt[];
  registerSources: Opt[];
  disputeTypes: Opt[];
  committeeLevels: Opt[];
  mediatorKinds: Opt[];
  genders: Opt[];
  outcomes: Opt[];
  agreementTypes: Opt[];
  performances: Opt[];
  statuses: Opt[];
  confirmationStatuses: Opt[];
  states: Opt[];
  confirmationStates: Opt[];
  deadlines: { key: string; label: string; days: number; unit: string; cite: string }[];
  committees: { orgId: string; name: string; level: string; industry: string | null; townshipCode: string | null; acceptsCourtReferrals: boolean; manageable: boolean }[];
  townships: { code: string; name: string }[];
  villages: { id: string; name: string; townshipCode: string }[];
  courts: { id: string; name: string }[];
}

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
  source: string;
  sourceLabel: string;
  disputeType: string;
  disputeTypeLabel: string;
  summary: string;
  applicantName: string;
  applicantPhoneMasked: string | null;
  respondentName: string;
  orgName: string;
  level: string;
  levelLabel: string;
  mediatorNames: string | null;
  state: string | null;
  stateLabel: string;
  status: string;
  registeredDate: string;
  closedDate: string | null;
  outcome: string | null;
  outcomeLabel: string | null;
  courtName: string | null;
  courtCaseNumber: string | null;
  referralDate: string | null;
  confirmationStatus: string;
  confirmationLabel: string;
  escalations: number;
  deadline: ListDeadline | null;
}

export interface WorkflowView {
  id: string;
  state: string;
  stateLabel: string;
  isFinal: boolean;
  version: number;
  deadlines: DeadlineView[];
  available: { key: string; label: string }[];
}

export interface CaseDetail {
  case: {
    id: string;
    version: number;
    caseNumber: string;
    orgId: string;
    orgName: string;
    source: string;
    sourceLabel: string;
    disputeType: string;
    disputeTypeLabel: string;
    summary: string;
    applicantName: string;
    applicantIdMasked: string | null;
    applicantPhoneMasked: string | null;
    applicantAddressMasked: string | null;
    respondentName: string;
    partyCount: number;
    amount: string | null;
    townshipCode: string | null;
    registeredDate: string;
    acceptedDate: string | null;
    level: string;
    levelLabel: string;
    escalations: number;
    mediatorNames: string | null;
    courtName: string | null;
    courtCaseNumber: string | null;
    referralDate: string | null;
    status: string;
    outcome: string | null;
    outcomeLabel: string | null;
    closedDate: string | null;
    agreementTypeLabel: string | null;
    agreementContent: string | null;
    outcomeNote: string | null;
    followUpDate: string | null;
    performanceLabel: string | null;
    followUpNote: string | null;
    confirmationStatus: string;
    confirmationLabel: string;
    entry: string;
  };
  workflow: WorkflowView | null;
  confirmation: WorkflowView | null;
  sessions: { id: string; sessionDate: string; mediatorNames: string; location: string | null; content: string }[];
  instruments: { id: string; type: string; typeLabel?: string; title: string; number: string | null }[];
  timeline: { date: string; kind: string; label: string; detail: string }[];
  moved?: true;
  message?: string;
}

export interface Suggestion {
  committeeOrgId: string;
  committeeName: string;
  level: string;
  mediatorId: string | null;
  mediatorName: string | null;
  openCases: number;
  score: number;
  reasons: string[];
}

export interface Committee {
  id: string;
  orgId: string;
  name: string;
  parentName: string | null;
  level: string;
  levelLabel: string;
  industryLabel: string | null;
  directorName: string | null;
  phone: string | null;
  acceptsCourtReferrals: boolean;
  mediators: number;
  openCases: number;
  yearCases: number;
  yearSuccess: number;
}

export interface Mediator {
  id: string;
  version: number;
  committeeOrgId: string;
  committeeName: string;
  name: string;
  kindLabel: string;
  specialtyLabels: string[];
  phoneMasked: string | null;
  isExpert: boolean;
  expertField: string | null;
  status: string;
  openCases: number;
  yearCases: number;
}

export interface Referral {
  id: string;
  caseNumber: string;
  courtCaseNumber: string | null;
  referralDate: string | null;
  disputeTypeLabel: string;
  summary: string;
  applicantName: string;
  respondentName: string;
  committeeName: string;
  mediatorNames: string | null;
  state: string | null;
  stateLabel: string;
  sessions: number;
  deadlines: { label: string; startDate: string; dueDate: string | null; status: string; extendedDays: number; cite: string; light: Light | null }[];
  outcome: string | null;
  outcomeLabel: string | null;
  closedDate: string | null;
  agreementTypeLabel: string | null;
  agreementContent: string | null;
  outcomeNote: string | null;
  agreement: { id: string; number: string | null; title: string; docx: string } | null;
  confirmationStatus: string;
  confirmationLabel: string;
  confirmationDueDate: string | null;
}

export const useOptions = () => useQuery({ queryKey: ['mediation', 'options'], queryFn: () => api.get<Options>('/api/mediation/options'), staleTime: 60_000 });
export const useCases = (q: Record<string, string | number | undefined>) => useQuery({ queryKey: ['mediation', 'cases', q], queryFn: () => api.get<Page<CaseListItem>>('/api/mediation/cases', q) });
export const useCase = (id: string) => useQuery({ queryKey: ['mediation', 'case', id], queryFn: () => api.get<CaseDetail>(`/api/mediation/cases/${id}`), enabled: !!id });
export const useReferrals = (q: Record<string, string | number | undefined>) => useQuery({ queryKey: ['mediation', 'referrals', q], queryFn: () => api.get<Page<CaseListItem>>('/api/mediation/court/referrals', q) });
export const useReferral = (id: string | null) => useQuery({ queryKey: ['mediation', 'referral', id], queryFn: () => api.get<Referral>(`/api/mediation/court/referrals/${id}`), enabled: !!id });
