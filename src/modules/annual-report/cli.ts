/**
 * `npm run fazhi -- report --org <regionCode> --year 2024 --out report.docx`: the same report the web produces,
 * from the shell. An existing report of that org and year is output as saved (its prose and figures); otherwise a
 * draft is assembled from the templates and 报告素材 with figures computed now. Nothing is written to the database.
 */
import fs from 'node:fs';
import path from 'node:path';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client';
import { orgs } from '../../platform/orgs/schema';
import { resolveOrg, type Org } from '../../platform/orgs/service';
import { todayInChina } from '../../platform/calendar/service';
import { annualReportInputs, annualReports } from './schema';
import { buildDraft, reportTitle, tokenKeys } from './draft';
import { computeFigures } from './figures';
import { docxToPdf, reportDocx } from './render';
import type { InputCategory } from './terms';

/** The top county org of the data dir: the root org (or its first county-level descendant when the root is higher). */
async function topCountyOrg(db: DbOrTx): Promise<Org> {
  const [root] = await db.select().from(orgs).where(and(isNull(orgs.parentId), isNull(orgs.voidedAt))).orderBy(asc(orgs.path)).limit(1);
  if (!root) throw new Error('数据库中没有机构，请先初始化（npm start 或 create-admin）');
  if (root.regionCode.length === 6 && !root.regionCode.endsWith('00')) return root;
  const rows = await db.select().from(orgs).where(and(isNull(orgs.voidedAt))).orderBy(asc(orgs.path));
  return rows.find((o) => o.path.startsWith(root.path) && o.regionCode.length === 6 && !o.regionCode.endsWith('00')) ?? root;
}

export async function cliReport(db: DbOrTx, opts: { org?: string; year: number; out: string; refresh?: boolean }) {
  const started = Date.now();
  if (!Number.isInteger(opts.year) || opts.year < 2000 || opts.year > 2100) throw new Error('--year 应为 2000–2100 之间的年份');
  let org: Org | undefined;
  if (opts.org) {
    const [root] = await db.select().from(orgs).where(isNull(orgs.parentId)).limit(1);
    org = root && (await resolveOrg(db, root.path, opts.org));
    if (!org) throw new Error(`找不到机构：${opts.org}`);
  } else org = await topCountyOrg(db);

  const [saved] = await db.select().from(annualReports).where(and(eq(annualReports.orgId, org.id), eq(annualReports.year, opts.year), isNull(annualReports.voidedAt)));
  let content, figures, title, source;
  if (saved) {
    content = saved.content;
    figures = opts.refresh ? await computeFigures(db, org, opts.year, tokenKeys(content)) : saved.figures;
    title = saved.title;
    source = `已有报告第${saved.versionNo}版${opts.refresh ? '（数据已按当前记录重新计算）' : ''}`;
  } else {
    const inputs = await db.select().from(annualReportInputs).where(and(eq(annualReportInputs.orgId, org.id), eq(annualReportInputs.year, opts.year), isNull(annualReportInputs.voidedAt))).orderBy(asc(annualReportInputs.occurredOn), asc(annualReportInputs.createdAt));
    content = buildDraft(org.name, opts.year, inputs.map((i) => ({ category: i.category as InputCategory, module: i.module, title: i.title, content: i.content })));
    figures = await computeFigures(db, org, opts.year, tokenKeys(content));
    title = reportTitle(org.name, opts.year);
    source = '按模板和报告素材起草';
  }
  const date = saved?.publishedAt ? todayInChina(saved.publishedAt) : todayInChina();
  const docx = await reportDocx({ title, orgName: org.name, date, content, figures });
  const out = path.resolve(opts.out);
  fs.writeFileSync(out, /\.pdf$/i.test(out) ? await docxToPdf(docx) : docx);
  return { out, title, source, figures: Object.keys(figures.values).length, ms: Date.now() - started };
}
