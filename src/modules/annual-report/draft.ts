/**
 * Assembles a report draft: section 1 from the line templates (clauses whose indicators are registered) and the
 * 主要举措 inputs, sections 2–5 from the 报告素材 of their category. Figures stay tokens in the text.
 */
import { isRegistered } from './figures';
import type { ReportBlock, ReportContent, ReportSection } from './model';
import { LINE_TEMPLATES } from './templates';
import { INPUT_CATEGORIES, SECTIONS, TOKEN_RE, type InputCategory, type SectionKey } from './terms';

export interface DraftInput {
  category: InputCategory;
  module: string | null;
  title: string;
  content: string;
}

/** Marks text a person still has to write; a report containing it cannot be submitted for approval. */
export const TO_BE_WRITTEN = '〔待补充〕';

const sentence = (i: DraftInput) => {
  const title = i.title.trim().replace(/[。；;，,：:\s]+$/, '');
  const content = i.content.trim();
  return content.startsWith(title) ? content : `${title}。${content}`;
};

export function reportTitle(orgName: string, year: number) {
  return `${orgName}${year}年法治政府建设年度报告`;
}

export function buildDraft(orgName: string, year: number, inputs: DraftInput[]): ReportContent {
  const byCategory = (cat: InputCategory) => inputs.filter((i) => i.category === cat);
  const sections: ReportSection[] = SECTIONS.map((s) => ({ key: s.key, heading: s.heading(year), blocks: [] as ReportBlock[] }));
  const section = (key: SectionKey) => sections.find((s) => s.key === key)!;

  // ── 1. 主要举措和成效: one sub-heading per business line with figures ──
  const achievements = section('achievements');
  achievements.blocks.push({ kind: 'paragraph', text: `${year}年，${orgName}坚持以习近平法治思想为指导，认真落实法治政府建设各项任务，现将有关情况报告如下。` });
  const measures = byCategory('measure');
  const placed = new Set<DraftInput>();
  for (const line of LINE_TEMPLATES) {
    const clauses = line.clauses.filter((c) => c.keys.every(isRegistered)).map((c) => c.text);
    const own = measures.filter((m) => m.module === line.module);
    if (!clauses.length && !own.length) continue;
    achievements.blocks.push({ kind: 'heading', text: line.heading });
    if (clauses.length) achievements.blocks.push({ kind: 'paragraph', text: `${line.lead}${clauses.join('，')}。` });
    for (const m of own) {
      achievements.blocks.push({ kind: 'paragraph', text: sentence(m) });
      placed.add(m);
    }
  }
  const rest = measures.filter((m) => !placed.has(m));
  if (rest.length) {
    achievements.blocks.push({ kind: 'heading', text: '其他重点工作' });
    for (const m of rest) achievements.blocks.push({ kind: 'paragraph', text: sentence(m) });
  }

  // ── 2–5 from the 报告素材 register ──
  for (const [cat, def] of Object.entries(INPUT_CATEGORIES) as [InputCategory, (typeof INPUT_CATEGORIES)[InputCategory]][]) {
    if (cat === 'measure') continue;
    const target = section(def.section);
    const items = byCategory(cat);
    if (!items.length) {
      target.blocks.push({ kind: 'paragraph', text: def.section === 'other' ? '无其他需要报告的情况。' : `${TO_BE_WRITTEN}请在「报告素材」中登记“${def.label}”，或直接在此撰写。` });
      continue;
    }
    items.forEach((i, n) => target.blocks.push({ kind: 'paragraph', text: `${['一是', '二是', '三是', '四是', '五是', '六是', '七是', '八是', '九是', '十是'][n] ?? ''}${sentence(i)}` }));
  }
  return { sections };
}

/** Indicator keys referenced anywhere in the content. */
export function tokenKeys(content: ReportContent): string[] {
  const keys = new Set<string>();
  for (const s of content.sections) for (const b of s.blocks) for (const m of b.text.matchAll(TOKEN_RE)) keys.add(m[1]);
  return [...keys];
}

export const hasUnwritten = (content: ReportContent) => content.sections.some((s) => s.blocks.some((b) => b.text.includes(TO_BE_WRITTEN)));
