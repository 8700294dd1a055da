import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../platform/db/client';
import type { Client } from '../../platform/testing/harness';
import { filledTemplate as filledTemplateOf, importLedger as importLedgerFile } from '../../platform/ledger/test-ledger';
import { legalityTestContext, ok, type LegalityTestContext } from './test-helpers';

let t: LegalityTestContext;
beforeAll(async () => {
  t = await legalityTestContext();
}, 300_000);
afterAll(() => t?.close());

type Cell = string | null;
//                 标题   制定机关  发文字号  公布日期  施行日期  有效期至  备案日期  备案机关  清理结果  清理日期  正文
const row = (title: string, published: string, filed: Cell, cleanup: Cell = null, validUntil: Cell = null): Cell[] =>
  [title, '武义县人民政府', `武政发〔${published.slice(0, 4)}〕${title.length}号`, published, null, validUntil, filed, filed ? '金华市人民政府' : null, cleanup, cleanup ? '2024-06-28' : null, `${title}正文`];

const filledTemplate = (c: Client, rows: Cell[][]) => filledTemplateOf(c, 'normative-documents', rows);
const importLedger = (c: Client, buf: Buffer) => importLedgerFile(c, t.database.db, 'normative-documents', buf, '规范性文件台账.xlsx');

const countDocs = async () => rowsOf<{ n: number }>(await t.database.db.execute(sql`select count(*)::int as n from normative_documents`))[0].n;

describe('规范性文件台账导入', () => {
  it('有错误行时一行也不导入（有效期超过5年、清理结果缺日期）', async () => {
    const before = await countDocs();
    const bad = [row('武义县茶产业发展扶持办法', '2023-03-01', '2023-03-20'), row('武义县农村公路养护管理办法', '2023-03-01', null, null, '2028-03-01'), [...row('武义县物业管理办法', '2023-03-01', null, '废止').slice(0, 9), null, null]];
    const job = await importLedger(t.director, await filledTemplate(t.director, bad));
    expect(job.status).toBe('failed');
    expect(JSON.stringify(job)).toContain('5年');
    expect(await countDocs()).toBe(before);
  });

  it('导入后生成文件码，逾期备案有标记，废止的公开查询显示已废止 (法规规章备案审查条例 第四条；省规定)', async () => {
    const rows = [
      row('武义县行政处罚案件办理规定', '2023-03-01', '2023-03-31'), // due 2023-03-31: on time
      row('武义县城市道路挖掘修复管理办法', '2023-03-01', '2023-04-03'), // late
      row('武义县户外广告设置管理办法', '2021-05-10', '2021-05-20', '废止'),
    ];
    const job = await importLedger(t.director, await filledTemplate(t.director, rows));
    expect(job.status, JSON.stringify(job)).toBe('succeeded');
    const list = await ok(await t.director.get('/api/legality/documents?pageSize=50'));
    const byTitle = Object.fromEntries(list.items.map((i: { title: string }) => [i.title, i]));
    expect(byTitle['武义县行政处罚案件办理规定']).toMatchObject({ filedLate: false, filingDueDate: '2023-03-31', status: 'effective', validUntil: '2028-02-29' });
    expect(byTitle['武义县城市道路挖掘修复管理办法'].filedLate).toBe(true);
    const repealed = byTitle['武义县户外广告设置管理办法'];
    expect(repealed.status).toBe('repealed');
    const pub = await ok(await t.anonymous.get(`/api/public/documents/${repealed.code}`));
    expect(pub.statusLabel).toBe('已废止');
  });
});
