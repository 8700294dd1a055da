import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { loadedSheetsOf, sheetsOf } from './reader';

async function rowsOf(sheets: AsyncGenerator<{ name?: string; [Symbol.asyncIterator](): AsyncGenerator<ExcelJS.Row> }>) {
  const out: { sheet: string; number: number; values: unknown[] }[] = [];
  for await (const sheet of sheets) for await (const row of sheet) out.push({ sheet: sheet.name ?? '', number: row.number, values: (row.values as unknown[]).slice(1) });
  return out;
}

describe('台账读取', () => {
  it('流式读取与内存读取（流式失败时的后备）得到相同的行、行号和日期值', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('台账');
    ws.addRow(['收案日期', '申请人', '金额']);
    ws.addRow([new Date(Date.UTC(2025, 2, 5)), '张建国', 3000]);
    ws.addRow([]);
    ws.addRow([new Date(Date.UTC(2025, 9, 9)), '李秀英', 200]);
    ws.getColumn(1).numFmt = 'yyyy-mm-dd';
    wb.addWorksheet('填写说明').addRow(['说明']);
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const streamed = await rowsOf(sheetsOf(buf));
    const loaded = await rowsOf(loadedSheetsOf(buf));
    expect(loaded).toEqual(streamed);
    expect(loaded.map((r) => [r.sheet, r.number])).toEqual([['台账', 1], ['台账', 2], ['台账', 4], ['填写说明', 1]]);
    expect(loaded[1].values[0]).toBeInstanceOf(Date);
  });

  it('不是 xlsx 的内容在两种读取方式下都报“文件已损坏”', async () => {
    await expect(rowsOf(sheetsOf(Buffer.from('PK\u0003\u0004 not really a zip')))).rejects.toMatchObject({ code: 'LEDGER_BAD_FILE' });
  });
});
