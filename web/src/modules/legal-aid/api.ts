/** 公共法律服务 API shapes (mirror src/modules/legal-aid/routes.ts) and query hooks. */
import { useQuery } from '@tanstack/react-query';
import { api, request } from '../../api/client';
import type { Deadline, Page } from '../../api/types';

export const PERM = {
  read: 'legalAid.read',
  register: 'legalAid.register',
  decide: 'legalAid.decide',
  handle: 'legalAid.handle',
  objection: 'legalAid.objection',
  notaryRead: 'notary.read',
  notaryManage: 'notary.manage',
  consultationRead: 'consultation.read',
  consultationManage: 'consultation.manage',
  networkRead: 'legalService.read',
  networkManage: 'legalService.manage',
} as const;

export const KEY = 'legal-aid';

export interface WfView {
  id: string;
  state: string;
  stateLabel: string;
  isFinal: boolean;
  version: number;
  deadlines: (Deadline & { id: string; rule: string; status: 'open' | 'paused' | 'met' | 'cancelled'; light: Deadline['light'] | null })[];
  available: { key: string; label: string }[];
}

export interface CaseItem {
  id: string;
  caseNumber: string;
  channel: string;
  channelLabel: string;
  caseType: string;
  caseTypeLabel: string;
  state: string;
  stateLabel: string;
  receivedDate: string;
  applicantName: string;
  applicantIdMasked: string | null;
  applicantPhoneMasked: string | null;
  applicantAddressMasked: string | null;
  matter: string;
  opponent: string | null;
  meansGround: string | null;
  meansGroundLabel: string | null;
  householdSize: number | null;
  monthlyIncome: string | null;
  urgent: boolean;
  noticeOrgName: string | null;
  noticeNumber: string | null;
  decision: string | null;
  decisionDate: string | null;
  decisionReason: string | null;
  assignedDate: string | null;
  assigneeKindLabel: string | null;
  assigneeName: string | null;
  assigneeFirm: string | null;
  closedDate: string | null;
  closingResult: string | null;
  closingMaterials: string[] | null;
  terminationGroundLabel: string | null;
  qualityScores: Record<string, number> | null;
  qualityTotal: number | null;
  qualityGrade: string | null;
  qualityGradeLabel: string | null;
  qualityDate: string | null;
  qualityAssessor: string | null;
  entries: { date: string; kind: string; text: string; by?: string | null; items?: string[] }[];
  instanceId: string | null;
  version: number;
}

export interface CaseDetail extends CaseItem {
  means: { eligible: boolean; perCapita: number | null; reason: string; cite: string } | null;
  revealed: { applicantIdNumber: string | null; applicantPhone: string | null; applicantAddress: string | null } | null;
  mayHandle: boolean;
  objections: { id: string; receivedDate: string; reason: string; state: string; decisionLabel: string | null; decisionDate: string | null; decisionReason: string | null }[];
  workflow: WfView | null;
  history: { id: string; transition: string; toState: string; eventDate: string; actorName: string | null; data: Record<string, unknown> | null; note: string | null }[];
}

export interface Meta {
  caseTypes: Record<string, string>;
  channels: Record<string, string>;
  states: Record<string, string>;
  assigneeKinds: Record<string, string>;
  meansGrounds: Record<string, string>;
  closingMaterials: Record<string, string>;
  terminationGrounds: Record<string, string>;
  objectionDecisions: Record<string, string>;
  dutyPlaces: Record<string, string>;
  qualityItems: Record<string, { label: string; max: number }>;
  qualityGrades: Record<string, string>;
  gradeThresholds: Record<string, number>;
  eligibility: { monthlyIncomePerCapita: number; basis: string };
}

export const options = (o: Record<string, string>) => Object.entries(o).map(([value, label]) => ({ value, label }));
export const gradeColor: Record<string, string> = { excellent: 'green', good: 'blue', pass: 'gold', fail: 'red' };
const finalStates = new Set(['denied', 'withdrawn', 'evaluated', 'terminated']);
export const stateColor = (s: string) => (finalStates.has(s) ? 'default' : s === 'received' || s === 'granted' ? 'orange' : 'processing');

export const useMeta = () => useQuery({ queryKey: [KEY, 'meta'], queryFn: () => api.get<Meta>('/api/legal-aid/meta'), staleTime: Infinity });
export const useCases = (f: Record<string, string | number | undefined>) => useQuery({ queryKey: [KEY, 'cases', f], queryFn: () => api.get<Page<CaseItem>>('/api/legal-aid/cases', f) });
export const useCase = (id: string) => useQuery({ queryKey: [KEY, 'case', id], queryFn: () => api.get<CaseDetail>(`/api/legal-aid/cases/${id}`) });
export const useInstruments = (id: string) =>
  useQuery({ queryKey: [KEY, 'instruments', id], queryFn: () => api.get<Page<{ id: string; type: string; typeLabel?: string; title: string; number: string | null; date: string; voidedAt: string | null }>>('/api/instruments', { entityId: id, pageSize: 50 }) });

// ── public portal (no login; a 401 never sends a visitor to the staff login) ──
export interface PublicMeta {
  caseTypes: Record<string, string>;
  meansGrounds: Record<string, string>;
  topics: Record<string, string>;
  satisfactionLevels: Record<string, string>;
  eligibility: { monthlyIncomePerCapita: number; basis: string };
}
export interface TrackResult {
  caseNumber: string;
  receivedDate: string;
  state: string;
  stateLabel: string;
  caseTypeLabel: string;
  decisionReason: string | null;
  assignee: { name: string; firm: string; kindLabel: string | null; date: string } | null;
  steps: { date: string; label: string }[];
}
export interface ConsultationAnswer {
  serialNumber: string;
  consultedDate: string;
  topicLabel: string;
  question: string;
  state: string;
  stateLabel: string;
  answer: string | null;
  answeredDate: string | null;
  referralLabel: string | null;
  satisfaction: string | null;
}
export const publicApi = {
  meta: () => request<PublicMeta>('GET', '/api/public/legal-aid/meta', { expect401: true }),
  apply: (body: unknown) => request<{ trackingCode: string; caseNumber: string; receivedDate: string; message: string }>('POST', '/api/public/legal-aid/applications', { body, expect401: true }),
  track: (code: string, signal?: AbortSignal) => request<TrackResult>('GET', `/api/public/legal-aid/track/${encodeURIComponent(code)}`, { signal, expect401: true }),
  ask: (body: unknown) => request<{ serialNumber: string; queryCode: string; message: string }>('POST', '/api/public/consultations', { body, expect401: true }),
  answer: (code: string, signal?: AbortSignal) => request<ConsultationAnswer>('GET', `/api/public/consultations/${encodeURIComponent(code)}`, { signal, expect401: true }),
  rate: (code: string, satisfaction: string) => request<ConsultationAnswer>('POST', `/api/public/consultations/${encodeURIComponent(code)}/rating`, { body: { satisfaction }, expect401: true }),
};
