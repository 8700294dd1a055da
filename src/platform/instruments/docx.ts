/**
 * 公文 .docx in the layout of GB/T 9704-2012《党政机关公文格式》, from the block model of blocks.ts.
 * Used for every 文书 and, later, the 法治政府建设年度报告 (DOMAIN.md §8): both call renderDocx.
 * Font names are the Windows ones recipients have on Word/WPS (STACK-NOTES: 公文 .docx).
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  Tab,
  TabStopType,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IBorderOptions,
  type IParagraphOptions,
} from 'docx';
import { arabicDate, chineseDate, chineseNumber, type Block } from './blocks';

/** Millimetres → twips (1/1440 inch), rounded as Word stores them. */
const mm = (v: number) => Math.round((v * 1440) / 25.4);

/** Font sizes in half-points (docx `size`): 二号 22 pt, 三号 16 pt, 四号 14 pt. */
const HALF_POINTS = { erhao: 44, sanhao: 32, sihao: 28 } as const;

/**
 * GB/T 9704-2012 as Word measures it — the one declaration of the 公文 layout.
 *  5.2.1  A4 (210 mm × 297 mm); 天头 (top) 37 mm, 订口 (left) 28 mm; 版心 156 mm × 225 mm ⇒ bottom 35 mm, right 26 mm.
 *  5.2.2  22 lines of 28 characters of 三号 text per page.
 *  7.2.4  发文字号; 7.3.1 标题 二号小标宋; 7.3.3 正文 三号仿宋, 结构层次 黑体 / 楷体 / 仿宋.
 *  7.3.5  成文日期 右空四字, 发文机关署名 centred above it.
 *  7.4    版记: 抄送 and 印发 in 四号仿宋 between rules (outer 0.35 mm, inner 0.25 mm).
 *  7.5    页码: 四号半角宋体 arabic numerals between 一字线 (— 1 —), 7 mm below the 版心; odd pages right, even pages
 *         left, one character in.
 */
export const GONGWEN_LAYOUT = {
  // Word's own A4 in twips (convertMillimetersToTwip(210) would give 11905).
  page: { width: 11906, height: 16838 },
  margin: {
    top: mm(37),
    bottom: mm(35),
    left: mm(28),
    right: mm(26),
    header: mm(15),
    // The footer line (exact 四号 height) sits with its 一字线 about 7 mm below the 版心's lower edge.
    footer: mm(25.5),
  },
  /** 版心 width in twips: 156 mm. */
  textWidth: 11906 - mm(28) - mm(26),
  fonts: {
    title: '方正小标宋简体',
    body: '仿宋_GB2312',
    heading1: '黑体',
    heading2: '楷体_GB2312',
    heading3: '仿宋_GB2312',
    pageNumber: '宋体',
  },
  size: { title: HALF_POINTS.erhao, body: HALF_POINTS.sanhao, heading: HALF_POINTS.sanhao, pageNumber: HALF_POINTS.sihao, colophon: HALF_POINTS.sihao, table: HALF_POINTS.sihao },
  /** 225 mm / 22 lines = 579.8 twips: exact line spacing and the LINES document grid pitch. */
  linePitch: 579,
  /**
   * 156 mm / 28 characters = 15.79 pt a character: 三号 (16 pt) condensed by 5 twips (0.25 pt). A `linesAndChars`
   * grid would do this in Word but breaks in LibreOffice (STACK-NOTES), so the runs carry it.
   */
  characterSpacing: -5,
  /** One character of 三号 / 四号 in twips, for 空二字 / 右空四字 / 空一字. */
  char: { sanhao: 320, sihao: 280 },
  rule: { thick: 8, thin: 6 } /* eighths of a point: 0.35 mm ≈ 1 pt, 0.25 mm ≈ 0.75 pt */,
} as const;

const L = GONGWEN_LAYOUT;

export interface RenderInput {
  /** Title; '\n' splits it into lines (多行标题, 7.3.1). */
  title: string;
  /** 发文字号, or null for an unnumbered instrument. */
  number: string | null;
  blocks: Block[];
  /** Default 发文机关署名 of signature blocks. */
  orgName: string;
  /** 成文日期 'YYYY-MM-DD'; default date of signature blocks. */
  date: string;
  /**
   * 'chinese' (二〇二四年十月十日, the style of 法律文书) by default; 'arabic' (2024年10月10日) is what GB/T 9704-2012
   * 7.3.5.1 prescribes for 公文 such as the annual report.
   */
  dateStyle?: 'chinese' | 'arabic';
}

const exact = (line: number = L.linePitch) => ({ line, lineRule: LineRuleType.EXACT });

function run(text: string, font: string, size: number, extra: { bold?: boolean } = {}) {
  return new TextRun({ text, font, size, characterSpacing: L.characterSpacing, ...extra });
}

function para(children: TextRun[], opts: Omit<IParagraphOptions, 'children'> = {}) {
  return new Paragraph({ spacing: exact(), ...opts, children });
}

const blank = () => para([run('', L.fonts.body, L.size.body)]);

/** Width of a line in characters: CJK counts 1, ASCII 0.5 (半角). */
const widthInChars = (s: string) => [...s].reduce((n, c) => n + (c.charCodeAt(0) < 0x80 ? 0.5 : 1), 0);

function body(text: string, opts: { indent?: boolean; align?: 'justify' | 'left' | 'center' | 'right' } = {}) {
  const alignment = { justify: AlignmentType.BOTH, left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT }[opts.align ?? 'justify'];
  // 7.3.3: each paragraph starts two characters in.
  const indent = opts.indent === false ? undefined : { firstLine: 2 * L.char.sanhao, firstLineChars: 200 };
  return para([run(text, L.fonts.body, L.size.body)], { alignment, indent });
}

function signature(orgName: string, date: string) {
  // 7.3.5: the longer line 右空四字, the shorter centred on it.
  const nameW = widthInChars(orgName);
  const dateW = widthInChars(date);
  const longer = Math.max(nameW, dateW);
  const right = (w: number) => Math.round((4 + (longer - w) / 2) * L.char.sanhao);
  return [
    // Room for the seal, whose top is within one line of the text (7.3.5.1).
    blank(),
    blank(),
    para([run(orgName, L.fonts.body, L.size.body)], { alignment: AlignmentType.RIGHT, indent: { right: right(nameW) } }),
    para([run(date, L.fonts.body, L.size.body)], { alignment: AlignmentType.RIGHT, indent: { right: right(dateW) } }),
  ];
}

function attachments(items: string[]) {
  // 7.3.4: 下空一行左空二字「附件：」; several are numbered 1. 2. and wrap under the first name.
  const lead = 2 * L.char.sanhao;
  const label = 3 * L.char.sanhao;
  return [
    blank(),
    ...items.map((item, i) => {
      const text = (items.length > 1 ? `${i + 1}.` : '') + item;
      return i === 0
        ? para([run('附件：' + text, L.fonts.body, L.size.body)], { indent: { left: lead + label, hanging: label } })
        : para([run(text, L.fonts.body, L.size.body)], { indent: { left: lead + label } });
    }),
  ];
}

function table(b: Extract<Block, { kind: 'table' }>) {
  const n = b.columns.length;
  const weights = b.widths?.length === n ? b.widths : Array(n).fill(1);
  const total = weights.reduce((a, w) => a + w, 0);
  const widths = weights.map((w) => Math.floor((L.textWidth * w) / total));
  const cell = (text: string, header: boolean, width: number) =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      verticalAlign: VerticalAlignTable.CENTER,
      children: [
        new Paragraph({
          spacing: exact(400),
          alignment: header ? AlignmentType.CENTER : AlignmentType.LEFT,
          children: [run(text, header ? L.fonts.heading1 : L.fonts.body, L.size.table)],
        }),
      ],
    });
  return new Table({
    width: { size: L.textWidth, type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({ tableHeader: true, children: b.columns.map((c, i) => cell(c, true, widths[i])) }),
      ...b.rows.map((r) => new TableRow({ cantSplit: true, children: widths.map((w, i) => cell(r[i] ?? '', false, w)) })),
    ],
  });
}

function colophon(b: Extract<Block, { kind: 'colophon' }>) {
  const c = L.char.sihao;
  const thick: IBorderOptions = { style: BorderStyle.SINGLE, size: L.rule.thick, color: '000000', space: 1 };
  const thin: IBorderOptions = { style: BorderStyle.SINGLE, size: L.rule.thin, color: '000000', space: 1 };
  const lines: { children: TextRun[]; opts: Omit<IParagraphOptions, 'children'> }[] = [];
  if (b.copyTo?.length) {
    // 7.4.2: 左右各空一字, wrapped lines align after the colon, the last name ends with 。
    lines.push({
      children: [run('抄送：' + b.copyTo.join('，') + '。', L.fonts.body, L.size.colophon)],
      opts: { indent: { left: 4 * c, hanging: 3 * c, right: c } },
    });
  }
  if (b.printedBy || b.printedOn) {
    // 7.4.3: 印发机关左空一字, 印发日期右空一字, arabic numerals, followed by 印发.
    const children = [run(b.printedBy ?? '', L.fonts.body, L.size.colophon)];
    if (b.printedOn) children.push(new TextRun({ children: [new Tab()] }), run(`${arabicDate(b.printedOn)}印发`, L.fonts.body, L.size.colophon));
    lines.push({ children, opts: { indent: { left: c, right: c }, tabStops: [{ type: TabStopType.RIGHT, position: L.textWidth - c }] } });
  }
  return [
    blank(),
    ...lines.map((l, i) =>
      para(l.children, {
        ...l.opts,
        border: {
          ...(i === 0 ? { top: thick } : {}),
          bottom: i === lines.length - 1 ? thick : thin,
        },
      }),
    ),
  ];
}

function pageNumberFooter(side: 'odd' | 'even') {
  // 7.5: — 1 —, 四号半角宋体; 单页码居右空一字, 双页码居左空一字.
  return new Footer({
    children: [
      new Paragraph({
        spacing: exact(L.char.sihao),
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: L.char.sihao } : { left: L.char.sihao },
        children: [new TextRun({ font: L.fonts.pageNumber, size: L.size.pageNumber, children: ['— ', PageNumber.CURRENT, ' —'] })],
      }),
    ],
  });
}

/** The body of a document: headings numbered 一、/（一）/1. in order, each level restarting under its parent. */
export function renderBlocks(blocks: Block[], defaults: { orgName: string; date: string; dateStyle?: 'chinese' | 'arabic' }): (Paragraph | Table)[] {
  const counters = [0, 0, 0];
  const formatDate = defaults.dateStyle === 'arabic' ? arabicDate : chineseDate;
  const out: (Paragraph | Table)[] = [];
  for (const b of blocks) {
    switch (b.kind) {
      case 'heading': {
        let prefix = '';
        if (!b.unnumbered) {
          const i = b.level - 1;
          counters[i]++;
          for (let j = i + 1; j < counters.length; j++) counters[j] = 0;
          prefix = [`${chineseNumber(counters[0])}、`, `（${chineseNumber(counters[1])}）`, `${counters[2]}.`][i];
        }
        const font = [L.fonts.heading1, L.fonts.heading2, L.fonts.heading3][b.level - 1];
        out.push(para([run(prefix + b.text, font, L.size.heading)], { indent: { firstLine: 2 * L.char.sanhao, firstLineChars: 200 }, keepNext: true }));
        break;
      }
      case 'paragraph':
        out.push(body(b.text, b));
        break;
      case 'recipient':
        // 7.3.2: 顶格, full-width colon.
        out.push(body(/[：:]$/.test(b.text) ? b.text.replace(/:$/, '：') : b.text + '：', { indent: false, align: 'left' }));
        break;
      case 'attachments':
        out.push(...attachments(b.items));
        break;
      case 'signature':
        out.push(...signature(b.orgName ?? defaults.orgName, formatDate(b.date ?? defaults.date)));
        break;
      case 'table':
        out.push(table(b));
        break;
      case 'colophon':
        out.push(...colophon(b));
        break;
    }
  }
  return out;
}

/** Renders a 公文 / 文书 to a .docx buffer. */
export async function renderDocx(input: RenderInput): Promise<Buffer> {
  const title = input.title
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => para([run(line, L.fonts.title, L.size.title)], { alignment: AlignmentType.CENTER }));
  const number = input.number ? [para([run(input.number, L.fonts.body, L.size.body)], { alignment: AlignmentType.CENTER })] : [];
  const doc = new Document({
    creator: input.orgName,
    title: input.title.replace(/\s+/g, ''),
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { font: L.fonts.body, size: L.size.body },
          paragraph: { spacing: exact() },
        },
      },
    },
    sections: [
      {
        properties: {
          page: { size: L.page, margin: L.margin },
          grid: { type: DocumentGridType.LINES, linePitch: L.linePitch },
        },
        footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
        children: [...title, ...number, blank(), ...renderBlocks(input.blocks, input)],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
