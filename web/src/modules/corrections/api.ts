/** 社区矫正 API shapes (mirror src/modules/corrections/routes.ts) and query hooks. */
import { useQuery } from '@tanstack/react-query';
import { api, type Query } from '../../api/client';

export const PERM = {
  read: 'corrections.read',
  manage: 'corrections.manage',
  decide: 'corrections.decide',
  export: 'corrections.export',
  import: 'corrections.import',
  checkin: 'corrections.checkin',
} as const;

export interface Meta {
  sentenceTypes: Record<string, string>;
  states: Record<string, string>;
  levels: Record<string, string>;
  endings: Record<string, string>;
  recordKinds: Record<string, string>;
  assessmentResults: Record<string, string>;
  leaveStates: Record<string, string>;
  approverLabels: Record<string, string>;
  measureStates: Record<string, string>;
  riskLevels: Record<string, string>;
  resettlementStates: Record<string, string>;
  measures: Record<string, { label: string; decidedBy: string; cite: string }>;
  alarmKinds: Record<string, { label: string; cite: string }>;
  steps: { key: string; label: string; from: string[]; to: string; permission: string; cite: string }[];
  rules: { leaveOfficeMaxDays: number; leaveCountyMaxDays: number; contactDays: Record<string, number>; assessmentDay: number; followUpYears: number };
}

export interface SubjectItem {
  id: string;
  name: string;
  gender: string | null;
  idNumberMasked: string | null;
  phoneMasked: string | null;
  addressMasked: string | null;
  sentenceType: string;
  sentenceTypeLabel: string;
  crime: string;
  decisionOrg: string;
  termStart: string;
  termEnd: string;
  receivedDate: string;
  reportDueDate: string | null;
  reportedDate: string | null;
  announcedDate: string | null;
  level: string;
  levelLabel: string;
  state: string;
  stateLabel: string;
  endedDate: string | null;
  ending: string | null;
  endingLabel: string | null;
  lastContactDate: string | null;
  reportedLate: boolean;
  orgId: string;
  orgName: string | null;
  version: number;
}

export interface SubjectDetail extends SubjectItem {
  sentence: string | null;
  judgmentNumber: string | null;
  judgmentEffectiveDate: string;
  groupMembers: string[];
  plan: string | null;
  reoffended: boolean;
  hasAccount: boolean;
  records: { id: string; kind: string; kindLabel: string; date: string; summary: string | null; answered: boolean | null; hours: number | null; month: string | null; resultLabel: string | null }[];
  measures: { id: string; measure: string; measureLabel: string; state: string; stateLabel: string; facts: string; proposedDate: string; decidedDate: string | null; decisionNote: string | null; decidedByLabel: string; cite: string }[];
  leaves: { id: string; kind: string; destination: string; reason: string; startDate: string; endDate: string | null; days: number | null; approver: string; approverLabel: string; state: string; stateLabel: string; decisionNote: string | null; returnedDate: string | null }[];
  documents: { id: string; type: string; title: string; number: string | null; issuedOn: string; issuerName: string }[];
  checkins: { id: string; at: string; latitude: number | null; longitude: number | null; accuracy: number | null; hasPhoto: boolean }[];
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export const options = (o: Record<string, string> | undefined) => Object.entries(o ?? {}).map(([value, label]) => ({ value, label }));

export const useMeta = () => useQuery({ queryKey: ['corrections', 'meta'], queryFn: () => api.get<Meta>('/api/corrections/meta'), staleTime: 300_000 });
export const useSubjects = (q: Query) => useQuery({ queryKey: ['corrections', 'subjects', q], queryFn: () => api.get<Page<SubjectItem>>('/api/corrections/subjects', q) });
export const useSubject = (id: string) => useQuery({ queryKey: ['corrections', 'subject', id], queryFn: () => api.get<SubjectDetail>(`/api/corrections/subjects/${id}`), staleTime: 60_000 });
