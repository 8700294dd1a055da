/** Factories for the 公共法律服务 tests: a context with this line's accounts, a lawyer in the registry, cases via the API. */
import { expect } from 'vitest';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { getLedger, templateHeader } from '../../platform/ledger/spec';
import './ledger';
import { createTestContext, type Client, type TestContext } from '../../platform/testing/harness';
import { createLegalAidUsers } from './seed';
import type { ApplicationInput } from './cases';

export interface AidTestContext extends TestContext {
  staff: Client;
  lawyer: Client;
  notary: Client;
  operator: Client;
  admin: Client;
  director: Client;
  hushan: Client;
  baiyang: Client;
}

export async function aidTestContext(): Promise<AidTestContext> {
  const t = await createTestContext({ seedModules: false });
  await createLegalAidUsers(t.database.db, t.config.demoPassword);
  const [staff, lawyer, notary, operator, admin, director, hushan, baiyang] = await Promise.all(['fayuanzx', 'lvshi', 'gongzheng', 'rexian', 'gongfu', 'director', 'hushan', 'baiyang'].map((u) => t.login(u)));
  return Object.assign(t, { staff, lawyer, notary, operator, admin, director, hushan, baiyang });
}

export async function ok(res: { statusCode: number; body: string; json(): any }, status = 200) {
  expect(res.statusCode, res.body).toBe(status);
  return res.json();
}

export const application = (over: Partial<ApplicationInput> = {}): ApplicationInput => ({
  caseType: 'civil',
  applicantName: '张建国',
  applicantIdNumber: '330723197805061234',
  applicantPhone: '13812345678',
  applicantAddress: '浙江省武义县壶山街道解放街12号',
  matter: '追索劳动报酬纠纷，用人单位拖欠工资3万元',
  meansGround: 'income',
  householdSize: 3,
  monthlyIncome: 4500,
  receivedDate: '2025-03-03',
  ...over,
});

export async function act(c: Client, id: string, action: string, data: Record<string, unknown> = {}) {
  const d = await ok(await c.get(`/api/legal-aid/cases/${id}`));
  return c.post(`/api/legal-aid/cases/${id}/actions/${action}`, { version: d.workflow.version, data });
}
export const actOk = async (c: Client, id: string, action: string, data: Record<string, unknown> = {}) => ok(await act(c, id, action, data));

export const deadline = (d: { workflow: { deadlines: { rule: string; dueDate: string; status: string; cite: string }[] } }, rule: string) => d.workflow.deadlines.filter((x) => x.rule === rule).at(-1)!;

/** A firm and a lawyer linked to the `lvshi` account, registered by the 公共法律服务管理科. */
export async function registerLawyer(t: AidTestContext) {
  const firm = await ok(await t.admin.post('/api/legal-service/firms', { name: '浙江武阳律师事务所', licenseNumber: '31330000MDTEST001X', head: '李明', lng: 119.818, lat: 28.899 }), 201);
  const lawyer = await ok(await t.admin.post('/api/legal-service/lawyers', { name: '李明', kind: 'fullTime', firmId: firm.id, licenseNumber: '13307201010123456', licenseDate: '2010-05-01', phone: '13900001111' }), 201);
  // The account of the lawyer (in practice linked by the 管理科 when it opens the account).
  await t.database.db.execute(sql`update lawyers set user_id = (select id from users where username = 'lvshi') where id = ${lawyer.id}`);
  return { firm, lawyer };
}

/**
 * A 台账 workbook with the spec's template headers and `rows` (built directly: loading the downloaded template,
 * whose columns carry dropdown validations over many rows, takes exceljs tens of seconds on a loaded machine).
 */
export async function templateWith(_c: Client, entity: string, rows: (string | number | null)[][]) {
  const spec = getLedger(entity)!;
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(spec.label);
  ws.addRow(spec.columns.map(templateHeader));
  for (const r of rows) ws.addRow(spec.columns.map((_, k) => (r[k] === '' || r[k] == null ? null : r[k])));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
