import ExcelJS from 'exceljs';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installErrorHandler } from '../http/errors';
import { MAX_EXPORT_ROWS, XLSX_MIME, pagedRows, sendXlsx } from './export';

// sendXlsx on a bare Fastify instance: no database, just the streaming writer and the error handler.
const app = Fastify();
installErrorHandler(app);
const columns = [
  { header: '案号', key: 'caseNumber', width: 24 },
  { header: '收案日期', key: 'receivedDate', format: 'yyyy-mm-dd' },
  { header: '负责人出庭', key: 'headAppeared' },
  { header: '标的额', key: 'amount', format: '0.00' },
];
const rows = [
  { caseNumber: '（2024）浙0723行初1号', receivedDate: new Date(Date.UTC(2024, 2, 5)), headAppeared: true, amount: 3000 },
  { caseNumber: '（2024）浙0723行初2号', receivedDate: new Date(Date.UTC(2024, 8, 30)), headAppeared: false, amount: null },
];
app.get('/array', (_req, reply) => sendXlsx(reply, { filename: '应诉案件台账', sheet: '应诉案件', columns, rows }));
app.get('/stream', async (_req, reply) => {
  const all = Array.from({ length: 2500 }, (_, i) => ({ caseNumber: `（2024）浙0723行初${i + 1}号` }));
  const { total, rows } = await pagedRows(async (page, pageSize) => ({ items: all.slice((page - 1) * pageSize, page * pageSize), total: all.length }), 1000);
  return sendXlsx(reply, { filename: '分页导出.xlsx', sheet: '案件', columns: columns.slice(0, 1), rows, total });
});
app.get('/too-many', (_req, reply) => sendXlsx(reply, { filename: 'x', sheet: 'x', columns, rows: Array.from({ length: MAX_EXPORT_ROWS + 1 }, () => ({})) }));
app.get('/too-many-paged', async (_req, reply) => {
  const { total, rows } = await pagedRows(async () => ({ items: [{}], total: MAX_EXPORT_ROWS + 5 }));
  return sendXlsx(reply, { filename: 'x', sheet: 'x', columns, rows, total });
});

beforeAll(() => app.ready());
afterAll(() => app.close());

async function read(buf: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb.worksheets[0];
}

describe('sendXlsx（列表导出）', () => {
  it('流式写出 xlsx：中文表头、日期格式、是/否、文件名按 RFC 5987 编码', async () => {
    const res = await app.inject({ method: 'GET', url: '/array' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX_MIME);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="______.xlsx"; filename*=UTF-8''${encodeURIComponent('应诉案件台账.xlsx')}`);
    const ws = await read(res.rawPayload);
    expect(ws.name).toBe('应诉案件');
    expect(ws.getRow(1).values).toEqual([undefined, '案号', '收案日期', '负责人出庭', '标的额']);
    expect(ws.getCell('A2').value).toBe('（2024）浙0723行初1号');
    expect(ws.getCell('B2').value).toEqual(new Date(Date.UTC(2024, 2, 5)));
    expect(ws.getCell('B2').numFmt).toBe('yyyy-mm-dd');
    expect(ws.getCell('C2').value).toBe('是');
    expect(ws.getCell('C3').value).toBe('否');
    expect(ws.getCell('D2').value).toBe(3000);
    expect(ws.getCell('D3').value).toBe(null);
  });

  it('分页读取列表查询，全部行都导出', async () => {
    const res = await app.inject({ method: 'GET', url: '/stream' });
    const ws = await read(res.rawPayload);
    expect(ws.rowCount).toBe(2501);
    expect(ws.getCell('A2501').value).toBe('（2024）浙0723行初2500号');
  });

  it('超过10万行：发送前以中文 400 拒绝', async () => {
    for (const url of ['/too-many', '/too-many-paged']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('EXPORT_TOO_MANY_ROWS');
      expect(res.json().message).toMatch(/超过单次导出上限100000行，请缩小筛选范围后分批导出$/);
    }
  });
});
