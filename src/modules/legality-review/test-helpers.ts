/** Factories for the 合法性审查 tests: a test context with this line's routes, documents built through the API. */
import { expect } from 'vitest';
import { createTestContext, type Client, type TestContext } from '../../platform/testing/harness';
import { createLegalityUsers } from './seed';

export type LegalityClients = { director: Client; hushan: Client; baiyang: Client };
export type CountyClients = { jiaoyu: Client; hefaxing: Client; guifan: Client };
export type LegalityTestContext = TestContext & LegalityClients;

/**
 * A test context on a fresh database (no module demo data) with the director and two 司法所 users logged in;
 * with `county`, also this line's accounts: jiaoyu (教育局, department submitter), hefaxing (合法性审查中心
 * reviewer), guifan (规范性文件管理员).
 */
export async function legalityTestContext(): Promise<TestContext & LegalityClients>;
export async function legalityTestContext(opts: { county: true }): Promise<TestContext & LegalityClients & CountyClients>;
export async function legalityTestContext(opts: { county?: boolean } = {}): Promise<TestContext & LegalityClients & Partial<CountyClients>> {
  const t = await createTestContext({ seedModules: false });
  const base = Object.assign(t, { director: await t.login('director'), hushan: await t.login('hushan'), baiyang: await t.login('baiyang') });
  if (!opts.county) return base;
  await createLegalityUsers(t.database.db, t.config.demoPassword);
  return Object.assign(base, { jiaoyu: await t.login('jiaoyu'), hefaxing: await t.login('hefaxing'), guifan: await t.login('guifan') });
}

export async function ok(res: { statusCode: number; body: string; json(): any }, status = 200) {
  expect(res.statusCode, res.body).toBe(status);
  return res.json();
}

/** A draft taken through 征求意见, 合法性审核 and 集体审议, then published. */
export async function publishedDoc(c: Client, over: { title?: string; issuerOrg?: string; body?: string; publishedDate?: string; effectiveDate?: string; validUntil?: string; docNumber?: string } = {}) {
  const draft = await ok(await c.post('/api/legality/documents', { title: over.title ?? '武义县行政处罚裁量基准', issuerOrg: over.issuerOrg ?? '武义县人民政府', body: over.body ?? '为规范行政处罚自由裁量权的行使，制定本基准。' }), 201);
  let d = draft;
  for (let i = 0; i < 3; i++) d = await ok(await c.post(`/api/legality/documents/${d.id}/advance`, { version: d.version }));
  return ok(
    await c.post(`/api/legality/documents/${d.id}/publish`, {
      version: d.version, publishedDate: over.publishedDate ?? '2025-03-03', effectiveDate: over.effectiveDate, validUntil: over.validUntil, docNumber: over.docNumber ?? '武政发〔2025〕3号',
    }),
  );
}
