import ExcelJS from 'exceljs';
import { expect } from 'vitest';
import type { Db } from '../db/client';
import type { Client } from '../testing/harness';
import { uploadTo } from '../files/test-upload';
import { waitForJob } from '../jobs/service';
import { XLSX_MIME } from './export';

export type Cell = string | number | boolean | Date | null;

/** For API tests: the entity's downloaded 台账 template with its example row replaced by `rows`. */
export async function filledTemplate(c: Client, entity: string, rows: Cell[][]) {
  const res = await c.get(`/api/ledger/templates/${entity}`);
  expect(res.statusCode, res.body).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  ws.spliceRows(2, 1);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Uploads a 台账 file for import, waits for the job and returns the job as the API shows it. */
export async function importLedger(c: Client, db: Db, entity: string, buf: Buffer, filename = `${entity}.xlsx`) {
  const res = await uploadTo(c, `/api/ledger/import/${entity}`, filename, buf, XLSX_MIME);
  expect(res.statusCode, res.body).toBe(202);
  const jobId = res.json().jobId as string;
  await waitForJob(db, jobId, 120_000);
  return (await c.get(`/api/jobs/${jobId}`)).json();
}
