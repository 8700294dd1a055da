import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { reviewTestContext, type ReviewTestContext } from './test-helpers';
import { rowsOf } from '../../platform/db/client';
import type { Client } from '../../platform/testing/harness';
import { filledTemplate as filledTemplateOf, importLedger as importLedgerFile } from '../../platform/ledger/test-ledger';

let t: ReviewTestContext;
beforeAll(async () => {
  t = await reviewTestContext();
});
afterAll(() => t?.close());

type Cell = string | null;
//            收案日期  申请人  申请人类型 被申请人  行为类别  文号  程序  受理日期  审结日期  结案方式  决定书文号
const row = (received: string, accepted: Cell, concluded: string, outcome: string, name = '王建国'): Cell[] =>
  [received, name, '自然人', '武义县市场监督管理局', '行政处罚', null, '普通程序', accepted, concluded, outcome, null];

/** 2024: 13 accepted, 13 concluded — 5 纠错, 4 调撤, 3 维持, 1 驳回. */
const fixture: Cell[][] = [
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
  // Accepted in 2023, concluded in 2024: counts in 审结 only.
  row('2023-12-20', '2023-12-25', '2024-01-20', '维持'),
  // Accepted in 2024, concluded in 2025: counts in 受理 only.
  row('2024-12-10', '2024-12-13', '2025-01-20', '调解'),
  // Refused at the door: neither.
  row('2024-05-06', null, '2024-05-09', '不予受理'),
];

const filledTemplate = (c: Client, rows: Cell[][]) => filledTemplateOf(c, 'admin-review', rows);
const importLedger = (c: Client, buf: Buffer) => importLedgerFile(c, t.database.db, 'admin-review', buf, '行政复议台账.xlsx');

const countCases = async () => rowsOf<{ n: number }>(await t.database.db.execute(sql`select count(*)::int as n from admin_review_cases`))[0].n;

describe('台账导入', () => {
  it('模板表头包含收案日期、申请人、被申请人、行为类别、程序、受理日期、审结日期、结案方式', async () => {
    const res = await t.fuyi.get('/api/ledger/templates/admin-review');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const header = (wb.worksheets[0].getRow(1).values as unknown[]).slice(1).map(String);
    expect(header).toEqual(['*收案日期', '*申请人', '申请人类型', '*被申请人', '*行为类别', '行政行为文号', '程序', '受理日期', '*审结日期', '*结案方式', '决定书文号']);
  });

  it('有错误行时一行也不导入，错误报告指明行号和列', async () => {
    const before = await countCases();
    const job = await importLedger(t.fuyi, await filledTemplate(t.fuyi, [
      row('2024-01-02', '2024-01-05', '2024-02-20', '撤销'),
      row('2024-01-03', '2024-01-05', '2024-02-20', '判决撤销'),
      row('2024-01-04', '2024-01-06', '2024-02-20', '维持'),
      row('2024-01-05', '2024-03-06', '2024-02-20', '维持'),
    ]));
    expect(job.status).toBe('failed');
    expect(job.error.code).toBe('LEDGER_INVALID_ROWS');
    const errors = job.error.details.errors as { row: number; column: string }[];
    expect(errors.map((e) => [e.row, e.column])).toEqual([[3, '结案方式'], [5, '审结日期']]);
    expect(await countCases()).toBe(before);
  });

  it('导入历史案件后指标立即按手工计算的数字变化（DOMAIN.md §9：7/12 = 58.3% 式舍入）', async () => {
    const job = await importLedger(t.fuyi, await filledTemplate(t.fuyi, fixture));
    expect(job.status, JSON.stringify(job.error)).toBe('succeeded');
    const res = await t.fuyi.get('/api/indicators?org=330723&from=2024-01-01&to=2024-12-31');
    expect(res.statusCode, res.body).toBe(200);
    const by = Object.fromEntries(res.json().indicators.map((i: { key: string }) => [i.key, i]));
    expect(by['adminReview.accepted']).toMatchObject({ numerator: 13, display: '13' });
    expect(by['adminReview.concluded']).toMatchObject({ numerator: 13 });
    expect(by['adminReview.correctionRate']).toMatchObject({ numerator: 5, denominator: 13, display: '38.5%' });
    expect(by['adminReview.mediatedWithdrawnRate']).toMatchObject({ numerator: 4, denominator: 13, display: '30.8%' });
    expect(by['adminReview.upholdRate']).toMatchObject({ numerator: 3, denominator: 13, display: '23.1%' });
    expect(by['adminReview.dismissRate']).toMatchObject({ numerator: 1, denominator: 13, display: '7.7%' });
    // 13 / 462,000 常住人口 × 10,000 = 0.28.
    expect(by['adminReview.perTenThousand']).toMatchObject({ numerator: 13, denominator: 462000, display: '0.28' });
    expect(by['adminReview.reviewToLitigationRatio']).toMatchObject({ numerator: 13 });

    const recs = await t.fuyi.get('/api/indicators/adminReview.correctionRate/records?org=330723&from=2024-01-01&to=2024-12-31&part=numerator');
    expect(recs.json().records.map((r: { extra: { outcomeLabel: string } }) => r.extra.outcomeLabel)).toEqual(['撤销', '撤销并责令重新作出', '变更', '确认违法', '责令履行']);
    expect(recs.json().records[0].link).toMatch(/^\/admin-review\/cases\//);
  });

  it('指标按机构（含下级）统计：司法所范围内没有复议案件；司法所用户看不到复议指标', async () => {
    const res = await t.fuyi.get('/api/indicators?org=壶山司法所&from=2024-01-01&to=2024-12-31&keys=adminReview.accepted');
    expect(res.json().indicators[0]).toMatchObject({ numerator: 0 });
    const bureau = await t.fuyi.get('/api/indicators?org=武义县司法局&from=2024-01-01&to=2024-12-31&keys=adminReview.accepted,adminReview.perTenThousand');
    expect(bureau.json().indicators.map((i: { numerator: number }) => i.numerator)).toEqual([13, 13]);
    // The 司法局 has no 常住人口 of its own: its county's is used.
    expect(bureau.json().indicators[1].denominator).toBe(462000);
    const hushan = await t.login('hushan');
    const h = await hushan.get('/api/indicators?from=2024-01-01&to=2024-12-31');
    expect(h.json().indicators.filter((i: { key: string }) => i.key.startsWith('adminReview.'))).toEqual([]);
  });

  it('办案中作出的决定同样计入指标（审结 = 期间内以任何方式结案）', async () => {
    const before = (await t.fuyi.get('/api/indicators?org=330723&from=2024-12-01&to=2024-12-31&keys=adminReview.concluded,adminReview.correctionRate')).json();
    const reg = await t.fuyi.post('/api/admin-review/cases', { receivedDate: '2024-11-01', applicantType: 'person', applicantName: '测试人', respondentName: '武义县公安局', actType: 'penalty', request: '请求撤销' });
    const id = reg.json().id;
    const fire = async (action: string, data: Record<string, unknown>) => {
      const d = (await t.fuyi.get(`/api/admin-review/cases/${id}`)).json();
      const r = await t.fuyi.post(`/api/admin-review/cases/${id}/actions/${action}`, { version: d.workflow.version, data });
      expect(r.statusCode, r.body).toBe(200);
    };
    await fire('accept', { date: '2024-11-04', procedure: 'ordinary' });
    await fire('decide', { date: '2024-12-16', kind: 'confirmVoid', findings: '无法定依据。', reasoning: '重大且明显违法。' });
    const after = (await t.fuyi.get('/api/indicators?org=330723&from=2024-12-01&to=2024-12-31&keys=adminReview.concluded,adminReview.correctionRate')).json();
    expect(after.indicators[0].numerator).toBe(before.indicators[0].numerator + 1);
    expect(after.indicators[1].numerator).toBe(before.indicators[1].numerator + 1);
  });
});
