import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../platform/db/client';
import { createTestContext, type Client, type TestContext } from '../../platform/testing/harness';
import { waitForJob } from '../../platform/jobs/service';
import { uploadTo } from '../../platform/files/test-upload';
import { XLSX_MIME } from '../../platform/ledger/export';
import { computeIndicator } from '../../platform/indicators/registry';
import { litigationUsers, orgByName } from './test-helpers';

let t: TestContext;
let yingsu: Client;
let zrzy: Client;
let director: Client;

type Row = Record<string, string | null>;

async function template(c: Client) {
  const res = await c.get('/api/ledger/templates/litigation');
  expect(res.statusCode, res.body).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  return wb;
}

/** The downloaded template with rows filled in by header, under the example row, as a clerk would. */
async function filled(c: Client, rows: Row[]) {
  const wb = await template(c);
  const ws = wb.worksheets[0];
  const headers = (ws.getRow(1).values as unknown[]).slice(1).map((h) => String(h).replace(/^\*/, ''));
  for (const r of rows) ws.addRow(headers.map((h) => r[h] ?? null));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function importRows(c: Client, rows: Row[]) {
  const res = await uploadTo(c, '/api/ledger/import/litigation', '应诉台账.xlsx', await filled(c, rows), XLSX_MIME);
  expect(res.statusCode, res.body).toBe(202);
  await waitForJob(t.database.db, res.json().jobId, 120_000);
  return (await c.get(`/api/jobs/${res.json().jobId}`)).json();
}

const caseCount = async () => rowsOf<{ n: number }>(await t.database.db.execute(sql`select count(*)::int as n from litigation_cases`))[0].n;

let n = 1;
const row = (over: Row): Row => ({
  收案日期: '2024-03-04',
  案号: `（2024）浙0723行初${n++}号`,
  法院: '武义县人民法院',
  原告: '何美玲',
  被告: '武义县公安局',
  案由: '治安行政处罚',
  行为类别: '行政处罚',
  审级: '一审',
  ...over,
});
const head = (date: string, name = '钟卫国'): Row => ({ 开庭日期: date, 负责人是否出庭: '是', 出庭负责人: name, 出庭负责人职务: '副局长' });
const noHead = (date: string): Row => ({ 开庭日期: date, 负责人是否出庭: '否' });
const closed = (date: string, outcome: string): Row => ({ 结案日期: date, 结果: outcome });
const zr: Row = { 被告: '武义县自然资源和规划局', 案由: '土地行政处罚' };

beforeAll(async () => {
  t = await createTestContext({ seedModules: false });
  ({ yingsu, zrzy } = await litigationUsers(t));
  director = await t.login('director');
  // The 2024 台账 of the county: 12 cases heard in 2024 (7 with the 负责人 in court), 9 concluded in 2024 (3 败诉).
  const job = await importRows(yingsu, [
    row({ ...zr, ...head('2024-04-10', '汤志刚'), ...closed('2024-06-01', '判决撤销（含部分撤销、责令重作）') }), // 1 loss
    row({ ...zr, ...head('2024-04-11', '汤志刚'), ...closed('2024-06-02', '判决确认违法') }), // 2 loss
    row({ ...zr, ...head('2024-04-12', '汤志刚'), ...closed('2024-06-03', '判决驳回诉讼请求') }), // 3
    row({ ...head('2024-05-10'), ...closed('2024-07-01', '判决驳回诉讼请求') }), // 4
    row({ ...head('2024-05-11') }), // 5 open
    row({ ...head('2024-05-12') }), // 6 open
    row({ ...head('2024-05-13') }), // 7 open
    row({ ...noHead('2024-06-10'), ...closed('2024-08-01', '判决驳回诉讼请求') }), // 8
    row({ ...noHead('2024-06-11'), ...closed('2024-08-02', '撤诉（未改变行政行为）') }), // 9
    row({ ...noHead('2024-06-12'), ...closed('2024-08-03', '裁定驳回起诉') }), // 10
    row({ ...noHead('2024-06-13') }), // 11 open
    row({ ...noHead('2024-06-14') }), // 12 open
    row({ 行为类别: '行政赔偿', 案由: '行政赔偿', ...closed('2024-09-01', '调解结案') }), // 13 no hearing
    row({ 收案日期: '2023-11-06', ...noHead('2023-12-20'), ...closed('2024-02-01', '判决撤销（含部分撤销、责令重作）') }), // 14: heard in 2023, lost in 2024
    row({ 收案日期: '2024-12-02', ...closed('2025-01-10', '判决确认无效') }), // 15: received 2024, concluded 2025
  ]);
  expect(job.status, JSON.stringify(job.error)).toBe('succeeded');
});
afterAll(() => t?.close());

const figures = async (c: Client, query: string) => {
  const res = await c.get(`/api/indicators?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return Object.fromEntries((res.json().indicators as { key: string; numerator: number; denominator: number | null; display: string }[]).map((i) => [i.key, i]));
};

describe('行政应诉指标（DOMAIN.md §9）', () => {
  it('负责人出庭应诉率 = 负责人出庭的开庭案件 / 开庭审理案件：7/12 = 58.3% (行政诉讼法 第三条第三款)', async () => {
    const f = await figures(director, 'org=330723&from=2024-01-01&to=2024-12-31');
    expect(f['litigation.headAppearanceRate']).toMatchObject({ numerator: 7, denominator: 12, display: '58.3%' });
  });

  it('行政诉讼败诉率 = 败诉判决 / 审结：3/9 = 33.3%', async () => {
    const f = await figures(director, 'org=330723&from=2024-01-01&to=2024-12-31');
    expect(f['litigation.lossRate']).toMatchObject({ numerator: 3, denominator: 9, display: '33.3%' });
    expect(f['litigation.concluded']).toMatchObject({ numerator: 9, display: '9' });
    expect(f['litigation.firstInstanceFiled']).toMatchObject({ numerator: 14, denominator: null });
  });

  it('按机构（含下级）统计：自然资源和规划局 2/3 败诉，3/3 负责人出庭', async () => {
    const f = await figures(director, 'org=武义县自然资源和规划局&from=2024-01-01&to=2024-12-31');
    expect(f['litigation.lossRate']).toMatchObject({ numerator: 2, denominator: 3, display: '66.7%' });
    expect(f['litigation.headAppearanceRate']).toMatchObject({ numerator: 3, denominator: 3, display: '100.0%' });
    // The agency's own 法制员 gets its own figures.
    const own = await figures(zrzy, 'org=武义县自然资源和规划局&from=2024-01-01&to=2024-12-31');
    expect(own['litigation.lossRate']).toMatchObject({ numerator: 2, denominator: 3 });
  });

  it('指标可打开背后的案件清单', async () => {
    const res = await director.get('/api/indicators/litigation.lossRate/records?org=330723&from=2024-01-01&to=2024-12-31&part=numerator');
    expect(res.statusCode, res.body).toBe(200);
    const records = res.json().records as { title: string; date: string; link: string }[];
    expect(records).toHaveLength(3);
    expect(records.map((r) => r.date).sort()).toEqual(['2024-02-01', '2024-06-01', '2024-06-02']);
    expect(records[0].link).toMatch(/^\/litigation\/cases\//);
    const heard = await director.get('/api/indicators/litigation.headAppearanceRate/records?org=330723&from=2024-01-01&to=2024-12-31&part=denominator');
    expect(heard.json().records).toHaveLength(12);
  });

  it('一审收案数可供其他业务线组合（复议:诉讼）', async () => {
    const county = await orgByName(t, '武义县人民政府');
    const v = await computeIndicator(t.database.db, 'litigation.firstInstanceFiled', { org: { id: county.id, path: county.path, regionCode: county.regionCode, population: county.population }, from: '2024-01-01', to: '2024-12-31' });
    expect(v).toEqual({ numerator: 14, denominator: null });
  });

  it('通过办理流程结案的案件同样计入', async () => {
    const reg = await yingsu.post('/api/litigation/cases', {
      caseNumber: '（2024）浙0723行初900号', courtName: '武义县人民法院', plaintiffType: 'person', plaintiffName: '朱国平', defendantName: '武义县公安局', actType: 'penalty', cause: '治安行政处罚', receivedDate: '2024-10-08',
    });
    expect(reg.statusCode, reg.body).toBe(200);
    const d = reg.json();
    const res = await yingsu.post(`/api/litigation/cases/${d.case.id}/actions/withdraw`, { version: d.workflow.version, data: { date: '2024-11-20', changedAct: true } });
    expect(res.statusCode, res.body).toBe(200);
    const f = await figures(director, 'org=330723&from=2024-01-01&to=2024-12-31');
    expect(f['litigation.lossRate']).toMatchObject({ numerator: 3, denominator: 10, display: '30.0%' });
    expect(f['litigation.firstInstanceFiled'].numerator).toBe(15);
  });
});

describe('应诉台账导入', () => {
  it('模板含必填标记、代码列说明和示例行', async () => {
    const wb = await template(yingsu);
    const headers = (wb.worksheets[0].getRow(1).values as unknown[]).slice(1);
    expect(headers).toEqual(expect.arrayContaining(['*收案日期', '*案号', '*法院', '*原告', '*被告', '*案由', '审级', '开庭日期', '负责人是否出庭', '出庭负责人', '结案日期', '结果']));
  });

  it('有错误行时一行都不导入，错误报告写明行号、列和原因', async () => {
    const before = await caseCount();
    const job = await importRows(yingsu, [
      row({}), // row 3: fine
      row({ 案号: '2024-7号' }), // row 4: bad 案号
      row({}), // row 5: fine
      row({ 结果: '判决驳回诉讼请求' }), // row 6: 结果 without 结案日期
      row({ 案号: '（2024）浙0723行初1号' }), // row 7: already imported
    ]);
    expect(job.status).toBe('failed');
    expect(job.error.code).toBe('LEDGER_INVALID_ROWS');
    const errors = job.error.details.errors as { row: number; column: string; reason: string }[];
    expect(errors.map((e) => e.row).sort()).toEqual([4, 6, 7]);
    expect(errors.find((e) => e.row === 4)).toMatchObject({ column: '案号' });
    expect(errors.find((e) => e.row === 4)!.reason).toContain('（2025）浙0723行初12号');
    expect(errors.find((e) => e.row === 6)!.reason).toContain('结案日期和结果应同时填写');
    expect(errors.find((e) => e.row === 7)!.reason).toContain('已登记');
    expect(await caseCount()).toBe(before);
  });

  it('行政机关法制员只能导入本机关为被告的案件', async () => {
    const before = await caseCount();
    const job = await importRows(zrzy, [row({ ...zr }), row({})]);
    expect(job.status).toBe('failed');
    const errors = job.error.details.errors as { row: number; column: string; reason: string }[];
    expect(errors).toEqual([expect.objectContaining({ row: 4, column: '被告' })]);
    expect(errors[0].reason).toContain('只能导入以本机关');
    expect(await caseCount()).toBe(before);
  });
});
