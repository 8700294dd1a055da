/** The report document: five sections of blocks whose text carries figure tokens ({{key}}, see terms.ts). */
import type { SectionKey } from './terms';

export type ReportBlock = { kind: 'heading'; text: string } | { kind: 'paragraph'; text: string };

export interface ReportSection {
  key: SectionKey;
  heading: string;
  blocks: ReportBlock[];
}

export interface ReportContent {
  sections: ReportSection[];
}

/** One figure as computed: the report's org and year, and the same period of the year before (同比). */
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
  prevValue: number | null;
  /** 同比 in words: 增长12.5% / 下降3.0个百分点 / 持平. */
  change: string;
}

export interface FigureSnapshot {
  org: { id: string; name: string; regionCode: string };
  year: number;
  from: string;
  to: string;
  computedAt: string;
  values: Record<string, FigureValue>;
  /** Indicators whose computation failed (shown as — and listed in the editor). */
  failed?: { key: string; reason: string }[];
}
