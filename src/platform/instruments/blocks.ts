/**
 * The small document model every 文书 template produces and the 公文 renderer (docx.ts) lays out.
 * It is plain JSON, so an issued instrument stores the blocks it was issued with and renders the same years later.
 */
export type Block =
  /** 结构层次序数 (GB/T 9704-2012 7.3.3): level 1 「一、」黑体, level 2 「（一）」楷体, level 3 「1.」仿宋; numbered by the renderer. */
  | { kind: 'heading'; level: 1 | 2 | 3; text: string; unnumbered?: boolean }
  /** Body text: 仿宋 三号, first line indented two characters unless `indent: false`. */
  | { kind: 'paragraph'; text: string; align?: 'justify' | 'left' | 'center' | 'right'; indent?: boolean }
  /** 主送机关 (7.3.2): flush left, ends with a full-width colon. */
  | { kind: 'recipient'; text: string }
  /** 附件说明 (7.3.4): 「附件：1.××」 two characters in. */
  | { kind: 'attachments'; items: string[] }
  /** 发文机关署名 and 成文日期 (7.3.5); both default to the instrument's org name and date. */
  | { kind: 'signature'; orgName?: string; date?: string }
  | { kind: 'table'; columns: string[]; rows: string[][]; /** relative column widths */ widths?: number[] }
  /** 版记 (7.4): 抄送 and 印发机关/印发日期 between separator lines. */
  | { kind: 'colophon'; copyTo?: string[]; printedBy?: string; printedOn?: string };

const DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九 (heading numbers, months and days). */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 99) return String(n);
  if (n < 10) return DIGITS[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return (tens === 1 ? '' : DIGITS[tens]) + '十' + (ones ? DIGITS[ones] : '');
}

const parseIsoDate = (iso: string) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`not an ISO date: ${iso}`);
  return { y: m[1], m: Number(m[2]), d: Number(m[3]) };
};

/** '2024-10-10' → 二〇二四年十月十日, the 成文日期 style of 法律文书. */
export function chineseDate(iso: string): string {
  const { y, m, d } = parseIsoDate(iso);
  return [...y].map((c) => DIGITS[Number(c)]).join('') + '年' + chineseNumber(m) + '月' + chineseNumber(d) + '日';
}

/** '2024-07-01' → 2024年7月1日 (GB/T 9704-2012 7.3.5.1 / 7.4.3: 不编虚位), used for 印发日期. */
export function arabicDate(iso: string): string {
  const { y, m, d } = parseIsoDate(iso);
  return `${y}年${m}月${d}日`;
}

/** The plain text of a document, for search indexes and tests. */
export function blocksText(blocks: Block[]): string {
  return blocks
    .map((b) => {
      switch (b.kind) {
        case 'heading':
        case 'paragraph':
        case 'recipient':
          return b.text;
        case 'attachments':
          return b.items.join('\n');
        case 'signature':
          return [b.orgName, b.date].filter(Boolean).join('\n');
        case 'table':
          return [b.columns, ...b.rows].map((r) => r.join('\t')).join('\n');
        case 'colophon':
          return [b.copyTo?.join('，'), b.printedBy, b.printedOn].filter(Boolean).join('\n');
      }
    })
    .join('\n');
}
