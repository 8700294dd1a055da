/**
 * Outputs of a report: the text with figures filled in, the 公文 .docx (GB/T 9704 via the platform's renderer),
 * the PDF converted from it by LibreOffice with the project's font mapping, and plain HTML for the public site.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { renderDocx } from '../../platform/instruments/docx';
import type { Block } from '../../platform/instruments/blocks';
import { AppError } from '../../platform/errors';
import type { FigureSnapshot, ReportContent } from './model';
import { TOKEN_RE } from './terms';

/** Replaces each figure token by its computed value ('—' when the indicator is not registered). */
export function resolveText(text: string, figures: FigureSnapshot): string {
  return text.replace(TOKEN_RE, (_, key: string, part?: 'prev' | 'change') => {
    const v = figures.values[key];
    if (!v) return '—';
    return part === 'prev' ? v.prevDisplay : part === 'change' ? v.change : v.display;
  });
}

export interface RenderableReport {
  title: string;
  orgName: string;
  /** 成文日期 'YYYY-MM-DD'. */
  date: string;
  content: ReportContent;
  figures: FigureSnapshot;
}

/** The report in the 文书 block model: sections 一、, line headings （一）, body paragraphs, 署名 and 成文日期. */
export function reportBlocks(r: RenderableReport): Block[] {
  const blocks: Block[] = [];
  for (const s of r.content.sections) {
    blocks.push({ kind: 'heading', level: 1, text: s.heading });
    for (const b of s.blocks) blocks.push(b.kind === 'heading' ? { kind: 'heading', level: 2, text: resolveText(b.text, r.figures) } : { kind: 'paragraph', text: resolveText(b.text, r.figures) });
  }
  blocks.push({ kind: 'signature', orgName: r.orgName, date: r.date });
  return blocks;
}

/** GB/T 9704-2012 7.3.1: a long title breaks after the issuing org's name. */
const titleLines = (r: RenderableReport) => (r.title.length > 20 && r.title.startsWith(r.orgName) ? `${r.orgName}\n${r.title.slice(r.orgName.length)}` : r.title);

export function reportDocx(r: RenderableReport): Promise<Buffer> {
  // GB/T 9704-2012 7.3.5.1: 公文 dates in arabic numerals.
  return renderDocx({ title: titleLines(r), number: null, blocks: reportBlocks(r), orgName: r.orgName, date: r.date, dateStyle: 'arabic' });
}

const esc = (s: string) => s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
const CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五'];

/** Plain HTML for the public site: the same numbering as the 公文, no scripts, no figure internals. */
export function reportHtml(r: RenderableReport): string {
  const body: string[] = [];
  r.content.sections.forEach((s, i) => {
    body.push(`<h2>${CN[i]}、${esc(s.heading)}</h2>`);
    let sub = 0;
    for (const b of s.blocks) body.push(b.kind === 'heading' ? `<h3>（${CN[sub++] ?? sub}）${esc(resolveText(b.text, r.figures))}</h3>` : `<p>${esc(resolveText(b.text, r.figures))}</p>`);
  });
  const [y, m, d] = r.date.split('-').map(Number);
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(r.title)}</title>
<style>body{max-width:46em;margin:2em auto;padding:0 1em;font:18px/1.9 "FangSong","仿宋","Noto Serif CJK SC",serif;color:#222}h1{text-align:center;font-size:1.6em;line-height:1.5}h2{font:bold 1.05em "SimHei","黑体","Noto Sans CJK SC",sans-serif}h3{font-size:1em;font-family:"KaiTi","楷体",serif}p{text-indent:2em;margin:.3em 0}.sign{text-align:right;margin-top:2em}</style></head>
<body><h1>${esc(r.title)}</h1>
${body.join('\n')}
<p class="sign">${esc(r.orgName)}<br>${y}年${m}月${d}日</p>
</body></html>
`;
}

const here = path.dirname(fileURLToPath(import.meta.url));
/** Maps the Windows 公文 fonts to Debian's Noto CJK (fonts-noto-cjk) for LibreOffice (STACK-NOTES: PDF from .docx). */
export const FONTCONFIG_FILE = path.join(here, 'fonts.conf');

export function findSoffice(): string | null {
  const candidates = [process.env.FAZHI_SOFFICE, ...(process.env.PATH ?? '').split(path.delimiter).flatMap((d) => [path.join(d, 'soffice'), path.join(d, 'libreoffice')])];
  for (const c of candidates) {
    if (!c) continue;
    try {
      fs.accessSync(c, fs.constants.X_OK);
      return c;
    } catch {
      /* next */
    }
  }
  return null;
}

const exec = promisify(execFile);

/** The .docx converted to PDF by LibreOffice headless (a private profile per call, so calls can overlap). */
export async function docxToPdf(docx: Buffer): Promise<Buffer> {
  const soffice = findSoffice();
  if (!soffice) throw new AppError('ANNUAL_REPORT_PDF_UNAVAILABLE', '服务器未安装 LibreOffice（libreoffice-writer-nogui），暂不能生成 PDF，请下载 Word 版本', 503);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-pdf-'));
  try {
    const input = path.join(dir, 'report.docx');
    fs.writeFileSync(input, docx);
    await exec(soffice, [`-env:UserInstallation=file://${path.join(dir, 'profile')}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, input], {
      timeout: 120_000,
      env: { ...process.env, FONTCONFIG_FILE, HOME: dir },
    });
    const out = path.join(dir, 'report.pdf');
    if (!fs.existsSync(out)) throw new AppError('ANNUAL_REPORT_PDF_FAILED', 'PDF 转换失败，请稍后重试或下载 Word 版本', 503);
    return fs.readFileSync(out);
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('ANNUAL_REPORT_PDF_FAILED', 'PDF 转换失败，请稍后重试或下载 Word 版本', 503, { reason: (e as Error).message.slice(0, 300) });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
