/**
 * The annual report through the HTTP API, on fixture records of the 行政复议 line imported from its 台账:
 * draft → exact figures → 重新生成数据 after a correction → versions → approval route → publish → outputs.
 */
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reviewTestContext, type ReviewTestContext } from '../admin-review/test-helpers';
import { filledTemplate, importLedger, type Cell } from '../../platform/ledger/test-ledger';
import type { Client } from '../../platform/testing/harness';
import { indicatorDef } from '../../platform/indicators/registry';
import { createReportUsers } from './seed';
import { findSoffice } from './render';
import { changeText, computeFigures } from './figures';
import { registerIndicators } from '../../platform/indicators/registry';
import { getOrg } from '../../platform/orgs/service';
import { LINE_TEMPLATES } from './templates';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../platform/db/client';

let t: ReviewTestContext;
let baogao: Client;
let fenguan: Client;
let director: Client;

//            收案日期  申请人  申请人类型 被申请人  行为类别  文号  程序  受理日期  审结日期  结案方式  决定书文号
const row = (received: string, accepted: Cell, concluded: string, outcome: string): Cell[] =>
  [received, '王建国', '自然人', '武义县市场监督管理局', '行政处罚', null, '普通程序', accepted, concluded, outcome, null];

/**
 * 2024: 13 accepted, 13 concluded — 5 纠错 (38.5%), 4 调撤 (30.8%). 2023: 4 accepted, 3 concluded — 1 纠错 (33.3%).
 */
const fixture: Cell[][] = [
  row('2023-03-01', '2023-03-03', '2023-04-20', '撤销'),
  row('2023-05-01', '2023-05-04', '2023-06-20', '维持'),
  row('2023-06-01', '2023-06-05', '2023-07-20', '维持'),
  row('2023-12-20', '2023-12-25', '2024-01-20', '维持'),
  row('2024-01-02', '2024-01-05', '2024-02-20', '撤销'),
  row('2024-02-01', '2024-02-04', '2024-03-20', '撤销并责令重作'),
  row('2024-03-01', '2024-03-04', '2024-04-20', '变更'),
  row('2024-04-01', '2024-04-03', '2024-05-20', '确认违法'),
  row('2024-05-06', '2024-05-08', '2024-06-20', '责令履行'),
  row('2024-06-03', '2024-06-05', '2024-07-20', '维持'),
  row('2024-07-01', '2024-07-03', '2024-08-20', '维持'),
  row('2024-08-01', '2024-08-05', '2024-09-20', '驳回'),
  row('2024-09-02', '2024-09-04', '2024-10-20', '调解'),
  row('2024-09-09', '2024-09-11', '2024-10-22', '调解结案'),
  row('2024-10-08', '2024-10-10', '2024-11-20', '撤回申请'),
  row('2024-10-14', '2024-10-16', '2024-11-22', '和解后撤回'),
  row('2024-12-10', '2024-12-13', '2025-01-20', '调解'),
];

async function importCases(rows: Cell[][]) {
  const job = await importLedger(t.fuyi, t.database.db, 'admin-review', await filledTemplate(t.fuyi, 'admin-review', rows), '行政复议台账.xlsx');
  expect(job.status, JSON.stringify(job.error)).toBe('succeeded');
}

const ok = (res: { statusCode: number; body: string }, code = 200) => {
  expect(res.statusCode, res.body).toBe(code);
  return JSON.parse(res.body);
};

/** A report as the API returns it (the fields the tests read are typed). */
type ReportJson = { content: { sections: { heading: string; blocks: { kind: string; text: string }[] }[] }; figures: { values: Record<string, { display: string; change: string; prevDisplay: string }> } } & Record<string, any>;

/** The report's text as the 公文 shows it: each block with its figures filled in. */
const textOf = (r: ReportJson) =>
  r.content.sections
    .flatMap((s) => [s.heading, ...s.blocks.map((b) => b.text)])
    .join('\n')
    .replace(/\{\{([\w.]+)(?:\|(prev|change))?\}\}/g, (_, k: string, p?: string) => {
      const v = r.figures.values[k];
      return !v ? '—' : p === 'prev' ? v.prevDisplay : p === 'change' ? v.change : v.display;
    });

async function docxText(buf: Buffer) {
  const zip = await JSZip.loadAsync(buf);
  const xml = await zip.file('word/document.xml')!.async('string');
  const paragraphs = xml.split('</w:p>').map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''));
  const footers = await Promise.all(Object.keys(zip.files).filter((f) => /^word\/footer\d*\.xml$/.test(f)).map((f) => zip.file(f)!.async('string')));
  return { xml, text: paragraphs.filter(Boolean).join('\n'), footers };
}

let reportId: string;
let report: ReportJson;

beforeAll(async () => {
  t = await reviewTestContext();
  await createReportUsers(t.database.db, t.config.demoPassword);
  [baogao, fenguan, director] = await Promise.all([t.login('baogao'), t.login('fenguan'), t.login('director')]);
  await importCases(fixture);
  ok(await baogao.post('/api/annual-report-inputs', { year: 2024, category: 'problem', title: '法治督察发现行政协议未经合法性审查', content: '个别乡镇行政协议签订前未经合法性审查，原因是基层审查力量不足。', source: '法治督察' }), 201);
  ok(await baogao.post('/api/annual-report-inputs', { year: 2024, category: 'measure', module: 'admin-review', title: '设立行政复议受理点18个', content: '实现乡镇（街道）全覆盖。' }), 201);
  ok(await baogao.post('/api/annual-report-inputs', { year: 2024, category: 'plan', title: '持续深化行政复议体制改革', content: '发挥行政复议化解行政争议主渠道作用。' }), 201);
}, 120_000);
afterAll(() => t?.close());

/** The report's statutory deadlines as the workflow engine keeps them (the 工作台 reads the same rows). */
async function reportDeadlines(id: string) {
  return rowsOf<{ rule: string; due_date: string; status: string; cite: string }>(
    await t.database.db.execute(sql`select d.rule, d.due_date::text as due_date, d.status, d.cite from wf_deadlines d join annual_reports r on r.workflow_instance_id = d.instance_id where r.id = ${id} order by d.rule desc`),
  );
}

describe('起草', () => {
  it('五个法定部分按顺序，第一部分按业务条线写入精确数据与同比 (法治政府建设与责任落实督察工作规定 第二十五条)', async () => {
    report = ok(await baogao.post('/api/annual-reports', { year: 2024, org: '武义县司法局' }), 201);
    reportId = report.id;
    expect(report.title).toBe('武义县司法局2024年法治政府建设年度报告');
    expect(report.content.sections.map((s: { heading: string }) => s.heading)).toEqual([
      '2024年度推进法治政府建设的主要举措和成效',
      '2024年度推进法治政府建设存在的不足和原因',
      '2024年度党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况',
      '2025年度推进法治政府建设的主要安排',
      '其他需要报告的情况',
    ]);
    const text = textOf(report);
    expect(text).toContain('受理行政复议案件13件，同比增长225.0%');
    expect(text).toContain('审结13件');
    expect(text).toContain('纠错率38.5%，同比上升5.2个百分点');
    expect(text).toContain('调撤率30.8%');
    // Figures are tokens in the stored prose, never typed numbers.
    expect(JSON.stringify(report.content)).toContain('{{adminReview.correctionRate}}');
    expect(JSON.stringify(report.content)).not.toContain('38.5%');
    expect(report.figures.values['adminReview.correctionRate']).toMatchObject({ numerator: 5, denominator: 13, display: '38.5%', prevDisplay: '33.3%' });
    // The 报告素材 land in their sections.
    expect(text).toContain('设立行政复议受理点18个。实现乡镇（街道）全覆盖。');
    const [, s2, , s4] = report.content.sections;
    expect(s2.blocks[0].text).toBe('一是法治督察发现行政协议未经合法性审查。个别乡镇行政协议签订前未经合法性审查，原因是基层审查力量不足。');
    expect(s4.blocks[0].text).toContain('持续深化行政复议体制改革');
    // One report per org and year.
    expect(ok(await baogao.post('/api/annual-reports', { year: 2024, org: '武义县司法局' }), 409).code).toBe('ANNUAL_REPORT_EXISTS');
  });

  it('未登记的指标整句跳过：每条线只写已登记的指标', () => {
    const json = JSON.stringify(report.content);
    for (const m of json.matchAll(/\{\{([\w.]+)/g)) expect(indicatorDef(m[1]), m[1]).toBeDefined();
    const headings = report.content.sections[0].blocks.filter((b: { kind: string }) => b.kind === 'heading').map((b: { text: string }) => b.text);
    for (const line of LINE_TEMPLATES) {
      const any = line.clauses.some((c) => c.keys.every((k) => indicatorDef(k))) || line.module === 'admin-review';
      expect(headings.includes(line.heading), line.heading).toBe(any);
    }
  });

  it('同比的文字：件数按百分比、比率按百分点，均保留1位小数四舍五入 (DOMAIN.md §9)', () => {
    expect(changeText('count', 13, 4)).toBe('增长225.0%');
    expect(changeText('count', 7, 12)).toBe('下降41.7%');
    expect(changeText('count', 5, 0)).toBe('增加5');
    expect(changeText('percent', 38.5, 33.3)).toBe('上升5.2个百分点');
    expect(changeText('percent', 30, 30)).toBe('持平');
    expect(changeText('percent', null, 30)).toBe('无可比数据');
  });

  it('年度超出范围、五个部分被删改时返回中文错误，不写入', async () => {
    expect(ok(await baogao.post('/api/annual-reports', { year: 1990 }), 400).message).toMatch(/年度/);
    const bad = { ...report.content, sections: report.content.sections.slice(0, 4) };
    expect(ok(await baogao.put(`/api/annual-reports/${reportId}/content`, { version: report.version, content: bad }), 400).message).toMatch(/五个部分/);
  });
});

describe('数据更正后重新生成', () => {
  it('补录一件2024年纠错案件后，“重新生成数据”更新每个数字，旧版本保留原数', async () => {
    await importCases([row('2024-11-01', '2024-11-04', '2024-11-25', '撤销')]);
    // Until regenerated the draft keeps the figures it was made with.
    const before = ok(await baogao.get(`/api/annual-reports/${reportId}`));
    expect(textOf(before)).toContain('受理行政复议案件13件');
    const after = ok(await baogao.post(`/api/annual-reports/${reportId}/regenerate`, { version: before.version, mode: 'figures' }));
    expect(textOf(after)).toContain('受理行政复议案件14件，同比增长250.0%');
    expect(textOf(after)).toContain('纠错率42.9%，同比上升9.6个百分点');
    expect(after.changed.map((c: { key: string }) => c.key)).toEqual(expect.arrayContaining(['adminReview.accepted', 'adminReview.correctionRate']));
    expect(after.versionNo).toBe(2);
    const v1 = ok(await baogao.get(`/api/annual-reports/${reportId}/versions/1`));
    expect(v1.figures.values['adminReview.accepted'].display).toBe('13');
    report = after;
  });

  it('编辑保存为新版本；恢复旧版本另存为新版本', async () => {
    const content = structuredClone(report.content);
    content.sections[4].blocks = [{ kind: 'paragraph', text: '本年度无其他需要报告的情况，全县行政复议受理{{adminReview.accepted}}件。' }];
    const saved = ok(await baogao.put(`/api/annual-reports/${reportId}/content`, { version: report.version, content, note: '补写第五部分' }));
    expect(saved.versionNo).toBe(3);
    expect(textOf(saved)).toContain('全县行政复议受理14件');
    // A stale version is refused.
    expect((await baogao.put(`/api/annual-reports/${reportId}/content`, { version: report.version, content })).statusCode).toBe(409);
    const versions = ok(await baogao.get(`/api/annual-reports/${reportId}/versions`)).items;
    expect(versions.map((v: { versionNo: number; note: string }) => [v.versionNo, v.note])).toEqual([[3, '补写第五部分'], [2, '重新生成数据'], [1, '系统起草']]);
    const restored = ok(await baogao.post(`/api/annual-reports/${reportId}/versions/1/restore`, { version: saved.version }));
    expect(restored.versionNo).toBe(4);
    expect(textOf(restored)).toContain('受理行政复议案件13件');
    const again = ok(await baogao.post(`/api/annual-reports/${reportId}/versions/3/restore`, { version: restored.version }));
    expect(textOf(again)).toContain('全县行政复议受理14件');
    report = again;
  });
});

describe('审批与公开', () => {
  it('仍有“〔待补充〕”时不能提交审核', async () => {
    expect(report.unwritten).toBe(true);
    const res = ok(await baogao.post(`/api/annual-reports/${reportId}/actions/submit`, { version: report.version }), 400);
    expect(res.code).toBe('ANNUAL_REPORT_INCOMPLETE');
  });

  it('科室 → 分管领导 → 主要负责人 → 公开；审批中不能修改，越权操作被拒绝', async () => {
    const content = structuredClone(report.content);
    content.sections[2].blocks = [{ kind: 'paragraph', text: '县政府主要负责人主持召开常务会议专题研究法治政府建设4次。' }];
    report = ok(await baogao.put(`/api/annual-reports/${reportId}/content`, { version: report.version, content }));
    expect(report.unwritten).toBe(false);
    // 2024年度: 报送 by 2025-03-01 and 公开 by 2025-04-01 — calendar dates the article names, so 2025-03-01 stays
    // (a Saturday; a period would move to the Monday under 民法典 第二百零三条).
    expect(await reportDeadlines(reportId)).toEqual([
      { rule: 'submit', due_date: '2025-03-01', status: 'open', cite: '法治政府建设与责任落实督察工作规定 第二十四条' },
      { rule: 'publish', due_date: '2025-04-01', status: 'open', cite: '法治政府建设与责任落实督察工作规定 第二十四条' },
    ]);
    report = ok(await baogao.post(`/api/annual-reports/${reportId}/actions/submit`, { version: report.version }));
    expect(report.status).toBe('deputyReview');
    expect(ok(await baogao.put(`/api/annual-reports/${reportId}/content`, { version: report.version, content }), 400).code).toBe('ANNUAL_REPORT_LOCKED');
    // 主要负责人 cannot skip the 分管领导.
    expect((await director.post(`/api/annual-reports/${reportId}/actions/deputyApprove`, { version: report.version })).statusCode).toBe(403);
    // 分管领导 returns it with a reason, the 科室 resubmits.
    expect(ok(await fenguan.post(`/api/annual-reports/${reportId}/actions/deputyReturn`, { version: report.version, data: {} }), 400).message).toMatch(/退回意见/);
    report = ok(await fenguan.post(`/api/annual-reports/${reportId}/actions/deputyReturn`, { version: report.version, data: { reason: '请补充复议与诉讼案件比' } }));
    expect(report.status).toBe('drafting');
    report = ok(await baogao.post(`/api/annual-reports/${reportId}/actions/submit`, { version: report.version }));
    report = ok(await fenguan.post(`/api/annual-reports/${reportId}/actions/deputyApprove`, { version: report.version, data: { opinion: '同意' } }));
    expect(report.status).toBe('headReview');
    expect((await fenguan.post(`/api/annual-reports/${reportId}/actions/headApprove`, { version: report.version })).statusCode).toBe(403);
    expect(ok(await anonymousList()).items).toHaveLength(0);
    report = ok(await director.post(`/api/annual-reports/${reportId}/actions/headApprove`, { version: report.version }));
    expect(report.status).toBe('approved');
    // 审批同意 meets the 报送 date; 公开 is still open.
    expect((await reportDeadlines(reportId)).map((d) => [d.rule, d.status])).toEqual([['submit', 'met'], ['publish', 'open']]);
    report = ok(await baogao.post(`/api/annual-reports/${reportId}/actions/publish`, { version: report.version }));
    expect(report.status).toBe('published');
    expect((await reportDeadlines(reportId)).map((d) => [d.rule, d.status])).toEqual([['submit', 'met'], ['publish', 'met']]);
    expect(report.history.map((h: { transition: string }) => h.transition)).toEqual(['start', 'submit', 'deputyReturn', 'submit', 'deputyApprove', 'headApprove', 'publish']);
    // Published: figures are frozen.
    expect(ok(await baogao.post(`/api/annual-reports/${reportId}/regenerate`, { version: report.version }), 400).code).toBe('ANNUAL_REPORT_LOCKED');
  });

  it('公开后公众可查阅全文与网页版（不需登录），数字已填入', async () => {
    const list = ok(await anonymousList());
    expect(list.items.map((i: { title: string }) => i.title)).toEqual(['武义县司法局2024年法治政府建设年度报告']);
    const full = ok(await t.anonymous.get(`/api/public/annual-reports/${reportId}`));
    expect(full.sections).toHaveLength(5);
    expect(full.sections[0].blocks.map((b: { text: string }) => b.text).join('')).toContain('纠错率42.9%');
    const html = await t.anonymous.get(`/api/public/annual-reports/${reportId}/html`);
    expect(html.headers['content-type']).toMatch(/text\/html/);
    expect(html.body).toContain('<h2>一、2024年度推进法治政府建设的主要举措和成效</h2>');
    expect(html.body).not.toContain('{{');
  });
});

const anonymousList = () => t.anonymous.get('/api/public/annual-reports?region=330723');

describe('输出', () => {
  it('公文 .docx 可解析：标题小标宋二号、正文仿宋三号、一、（一）层次、页码，五个部分按顺序、数字已填入 (GB/T 9704-2012)', async () => {
    const res = await baogao.get(`/api/annual-reports/${reportId}/docx`);
    expect(res.statusCode).toBe(200);
    const { xml, text, footers } = await docxText(res.rawPayload);
    expect(text).toContain('武义县司法局\n2024年法治政府建设年度报告');
    const headings = ['一、2024年度推进法治政府建设的主要举措和成效', '二、2024年度推进法治政府建设存在的不足和原因', '三、2024年度党政主要负责人履行推进法治建设第一责任人职责', '四、2025年度推进法治政府建设的主要安排', '五、其他需要报告的情况'];
    const at = headings.map((h) => text.indexOf(h));
    expect(at.every((i) => i >= 0), JSON.stringify(at)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(text).toContain('（一）发挥行政复议化解行政争议主渠道作用');
    expect(text).toContain('受理行政复议案件14件，同比增长250.0%');
    expect(xml).toMatch(/w:ascii="方正小标宋简体"[^>]*\/>(?:<[^>]+>)*?<w:sz w:val="44"/);
    expect(xml).toContain('仿宋_GB2312');
    expect(footers.join('')).toContain('PAGE');
  });

  it('PDF 中文可提取（LibreOffice + Noto CJK 字体映射）', async (ctx) => {
    if (!findSoffice()) ctx.skip(true, '未安装 LibreOffice（apt-get install libreoffice-writer-nogui），跳过 PDF 测试');
    const res = await baogao.get(`/api/annual-reports/${reportId}/pdf`);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const pdf = await getDocument({ data: new Uint8Array(res.rawPayload), useSystemFonts: false, isEvalSupported: false }).promise;
    let text = '';
    for (let p = 1; p <= pdf.numPages; p++) text += (await (await pdf.getPage(p)).getTextContent()).items.map((i) => ('str' in i ? i.str : '')).join('');
    text = text.replace(/\s+/g, '');
    expect(text).toContain('法治政府建设年度报告');
    expect(text).toContain('受理行政复议案件14件');
    expect(text).toContain('其他需要报告的情况');
  }, 120_000);
});

describe('报告素材与数据范围', () => {
  it('素材登记簿分页、按类别筛选、导出 Excel；作废须写原因；无权限者看不到', async () => {
    const list = ok(await baogao.get('/api/annual-report-inputs?year=2024&category=problem'));
    expect(list.total).toBe(1);
    expect(list.items[0]).toMatchObject({ categoryLabel: '存在的不足和原因（含督察发现问题）', createdByName: '周文静', orgName: '武义县司法局' });
    const xlsx = await baogao.get('/api/annual-report-inputs?year=2024&format=xlsx');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toMatch(/spreadsheetml/);
    expect(ok(await baogao.post(`/api/annual-report-inputs/${list.items[0].id}/void`, { version: list.items[0].version, reason: '' }), 400).code).toBe('VALIDATION_FAILED');
    ok(await baogao.post(`/api/annual-report-inputs/${list.items[0].id}/void`, { version: list.items[0].version, reason: '重复登记' }));
    expect(ok(await baogao.get('/api/annual-report-inputs?year=2024&category=problem')).total).toBe(0);
    // A 司法所 clerk has no report permission at all.
    const hushan = await t.login('hushan');
    expect((await hushan.get('/api/annual-reports')).statusCode).toBe(403);
    expect((await hushan.get(`/api/annual-reports/${reportId}/docx`)).statusCode).toBe(403);
  });
});

describe('数据计算的容错', () => {
  it('某条线的指标计算出错时，其余数据照常生成，出错的指标单独列出', async () => {
    registerIndicators([{ key: 'test.broken', label: '出错的指标', module: 'test', definition: '—', unit: 'count', permission: 'annualReport.read', compute: async () => { throw new Error('relation does not exist'); } }]);
    const org = (await getOrg(t.database.db, report.orgId))!;
    const snap = await computeFigures(t.database.db, org, 2024, ['adminReview.accepted', 'test.broken']);
    expect(snap.values['adminReview.accepted'].display).toBe('14');
    expect(snap.values['test.broken']).toBeUndefined();
    expect(snap.failed).toEqual([{ key: 'test.broken', reason: 'relation does not exist' }]);
  });
});
