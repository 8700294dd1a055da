/** Factories for the 行政执法监督 tests: a context with the supervisor and two agency 法制员 logged in. */
import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { systemActor } from '../../platform/audit/service';
import { createUser } from '../../platform/auth/users';
import { users } from '../../platform/auth/schema';
import { orgs } from '../../platform/orgs/schema';
import { createTestContext, TEST_PASSWORD, type Client, type TestContext } from '../../platform/testing/harness';

export async function orgByName(t: TestContext, name: string) {
  const [o] = await t.database.db.select().from(orgs).where(eq(orgs.name, name));
  if (!o) throw new Error(`org ${name} missing`);
  return o;
}

export type EnforcementTest = TestContext & { jiandu: Client; scj: Client; zhzf: Client; director: Client; scjId: string; zhzfId: string; hbId: string };

/** Fresh database without module demo data: jiandu (执法监督员, 全县), scj (市场监管局), zhzf (综合执法局). */
export async function enforcementTestContext(): Promise<EnforcementTest> {
  const t = await createTestContext({ seedModules: false });
  const add = async (username: string, orgName: string, role: string) => {
    const org = await orgByName(t, orgName);
    const u = await createUser(t.database.db, systemActor, { username, displayName: username, orgId: org.id, roleCodes: [role], password: TEST_PASSWORD });
    await t.database.db.update(users).set({ mustChangePassword: false }).where(eq(users.id, u.id));
    return t.login(username);
  };
  return Object.assign(t, {
    jiandu: await add('jiandu', '法治督察与执法监督科', 'enforcementSupervisor'),
    scj: await add('scj', '武义县市场监督管理局', 'agencyLegalOfficer'),
    zhzf: await add('zhzf', '武义县综合行政执法局', 'agencyLegalOfficer'),
    director: await t.login('director'),
    scjId: (await orgByName(t, '武义县市场监督管理局')).id,
    zhzfId: (await orgByName(t, '武义县综合行政执法局')).id,
    hbId: (await orgByName(t, '金华市生态环境局武义分局')).id,
  });
}

export async function ok(res: { statusCode: number; body: string; json(): any }, status = 200) {
  expect(res.statusCode, res.body).toBe(status);
  return res.json();
}

let seq = 0;
/** A 一般程序 行政处罚 case with the given facts, reported through the API. */
export function penalty(over: Record<string, unknown> = {}) {
  seq++;
  return { caseNumber: `武市监处〔2025〕${seq}号`, kind: 'penalty', partyName: `武义县测试企业${seq}有限公司`, partyCreditCode: '91330723MA2E0X1234', filedDate: '2025-03-03', ...over };
}

/** A valid-looking 统一社会信用代码 per enterprise number. */
export const code = (n: number) => `91330723MA2E${String(n).padStart(6, '0')}`;
