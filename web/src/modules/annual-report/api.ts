/** 年度报告 API shapes (mirror src/modules/annual-report/routes.ts) and query hooks. */
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Page } from '../../api/types';

export const PERM = {
  read: 'annualReport.read',
  edit: 'annualReport.edit',
  inputs: 'annualReport.inputs',
  publish: 'annualReport.publish',
} as const;

export type Block = { kind: 'heading' | 'paragraph'; text: string };
export interface Section {
  key: string;
  heading: string;
  blocks: Block[];
}
export interface Content {
  sections: Section[];
}

export interface FigureValue {
  key: string;
  label: string;
  definition: string;
  unit: string;
  moduleLabel: string;
  display: string;
  value: number | null;
  numerator: number;
  denominator: number | null;
  prevDisplay: string;
  change: string;
}
export interface Figures {
  org: { id: string; name: string; regionCode: string };
  year: number;
  from: string;
  to: string;
  computedAt: string;
  values: Record<string, FigureValue>;
  failed?: { key: string; reason: string }[];
}

export interface ReportItem {
  id: string;
  year: number;
  title: string;
  status: string;
  statusLabel: string;
  orgName: string;
  versionNo: number;
  figuresAt: string;
  updatedAt: string;
  publishedAt: string | null;
}

export interface ReportDetail {
  id: string;
  orgId: string;
  orgName: string;
  year: number;
  title: string;
  status: string;
  statusLabel: string;
  version: number;
  versionNo: number;
  content: Content;
  figures: Figures;
  figuresAt: string;
  publishedAt: string | null;
  unwritten: boolean;
  due: { submitBy: string; publishBy: string; cite: string; submitOverdue: boolean; publishOverdue: boolean };
  workflow: { state: string; stateLabel: string; version: number; available: { key: string; label: string }[] } | null;
  history: { transition: string; label: string; toLabel: string; actorName: string | null; at: string; data: Record<string, unknown> | null }[];
  changed?: { key: string; before: string | null; after: string }[];
}

export interface Meta {
  sections: { key: string; heading: string }[];
  states: Record<string, string>;
  categories: Record<string, string>;
  lines: { module: string; heading: string }[];
  indicators: { key: string; label: string; definition: string; unit: string; module: string }[];
}

export interface InputItem {
  id: string;
  year: number;
  category: string;
  categoryLabel: string;
  module: string | null;
  title: string;
  content: string;
  occurredOn: string | null;
  source: string | null;
  orgName: string;
  createdByName: string | null;
  createdAt: string;
  version: number;
}

export interface VersionItem {
  versionNo: number;
  note: string | null;
  createdAt: string;
  createdByName: string | null;
}

export const options = (o: Record<string, string>) => Object.entries(o).map(([value, label]) => ({ value, label }));
export const statusColor: Record<string, string> = { drafting: 'processing', deputyReview: 'gold', headReview: 'orange', approved: 'cyan', published: 'green' };

export const useMeta = () => useQuery({ queryKey: ['annual-report', 'meta'], queryFn: () => api.get<Meta>('/api/annual-reports/meta'), staleTime: Infinity });
export const useReports = (q: Record<string, string | number | undefined>) => useQuery({ queryKey: ['annual-report', 'list', q], queryFn: () => api.get<Page<ReportItem>>('/api/annual-reports', q) });
export const useReport = (id: string) => useQuery({ queryKey: ['annual-report', 'report', id], queryFn: () => api.get<ReportDetail>(`/api/annual-reports/${id}`) });
export const useVersions = (id: string, enabled: boolean) => useQuery({ queryKey: ['annual-report', 'versions', id], queryFn: () => api.get<{ items: VersionItem[] }>(`/api/annual-reports/${id}/versions`), enabled });
export const useInputs = (q: Record<string, string | number | undefined>) => useQuery({ queryKey: ['annual-report', 'inputs', q], queryFn: () => api.get<Page<InputItem>>('/api/annual-report-inputs', q) });

const TOKEN = /\{\{([A-Za-z][\w.]*)(?:\|(prev|change))?\}\}/g;

/** Text split into plain runs and figure tokens, for the editor's live figures. */
export function splitTokens(text: string): ({ text: string } | { key: string; part?: 'prev' | 'change'; raw: string })[] {
  const out: ({ text: string } | { key: string; part?: 'prev' | 'change'; raw: string })[] = [];
  let last = 0;
  for (const m of text.matchAll(TOKEN)) {
    if (m.index! > last) out.push({ text: text.slice(last, m.index) });
    out.push({ key: m[1], part: m[2] as 'prev' | 'change' | undefined, raw: m[0] });
    last = m.index! + m[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last) });
  return out;
}

export function resolveText(text: string, figures: Figures) {
  return text.replace(TOKEN, (_, key: string, part?: string) => {
    const v = figures.values[key];
    return !v ? '—' : part === 'prev' ? v.prevDisplay : part === 'change' ? v.change : v.display;
  });
}

export const CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五'];
