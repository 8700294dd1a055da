/** Small factories for the 行政应诉 tests: demo users of this line and lawsuits built through the API. */
import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { systemActor } from '../../platform/audit/service';
import { createUser } from '../../platform/auth/users';
import { users } from '../../platform/auth/schema';
import { orgs } from '../../platform/orgs/schema';
import type { Client, TestContext } from '../../platform/testing/harness';
import { TEST_PASSWORD } from '../../platform/testing/harness';

export async function orgByName(t: TestContext, name: string) {
  const [o] = await t.database.db.select().from(orgs).where(eq(orgs.name, name));
  if (!o) throw new Error(`org ${name} missing`);
  return o;
}

/** yingsu (行政应诉专员, 全县), zrzy (自然资源和规划局 法制员), gongan (公安局 法制员). */
export async function litigationUsers(t: TestContext) {
  const add = async (username: string, displayName: string, orgName: string, role: string) => {
    const org = await orgByName(t, orgName);
    const u = await createUser(t.database.db, systemActor, { username, displayName, orgId: org.id, roleCodes: [role], password: TEST_PASSWORD });
    await t.database.db.update(users).set({ mustChangePassword: false }).where(eq(users.id, u.id));
    return t.login(username);
  };
  return {
    yingsu: await add('yingsu', '应晓燕', '行政复议与应诉科', 'litigationOfficer'),
    zrzy: await add('zrzy', '潘建军', '武义县自然资源和规划局', 'agencyLegal'),
    gongan: await add('gongan', '钟丽', '武义县公安局', 'agencyLegal'),
  };
}

let serial = 100;
export const nextCaseNumber = (year = '2025') => `（${year}）浙0723行初${serial++}号`;

export function caseBody(overrides: Record<string, unknown> = {}) {
  return {
    caseNumber: nextCaseNumber(),
    courtName: '武义县人民法院',
    plaintiffType: 'person',
    plaintiffName: '徐国平',
    plaintiffIdNumber: '330723198503121234',
    plaintiffPhone: '13857912345',
    defendantName: '武义县自然资源和规划局',
    actType: 'penalty',
    cause: '土地行政处罚',
    claims: '请求撤销被告作出的行政处罚决定',
    receivedDate: '2025-03-03',
    ...overrides,
  };
}

export async function registerVia(c: Client, overrides: Record<string, unknown> = {}) {
  const res = await c.post('/api/litigation/cases', caseBody(overrides));
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as CaseDetail;
}

export async function step(c: Client, detail: CaseDetail, transition: string, data: Record<string, unknown>) {
  const res = await c.post(`/api/litigation/cases/${detail.case.id}/actions/${transition}`, { version: detail.workflow!.version, data });
  return res;
}

export async function stepOk(c: Client, detail: CaseDetail, transition: string, data: Record<string, unknown>) {
  const res = await step(c, detail, transition, data);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as CaseDetail;
}

export interface DeadlineJson {
  rule: string;
  dueDate: string;
  status: string;
  cite: string;
  unit: string;
  days: number;
  light: string | null;
}

export interface CaseDetail {
  case: { id: string; version: number; status: string; outcome: string | null; closedDate: string | null; level: string; plaintiffIdMasked: string | null; orgName: string; defendantOrgId: string | null; courtOrgId: string | null; reviewCaseId: string | null };
  workflow: { id: string; version: number; state: string; deadlines: DeadlineJson[]; available: { key: string }[] } | null;
  hearings: { id: string; version: number; headAppeared: boolean; status: string }[];
  suggestions: { id: string; status: string; workflow: { version: number; deadlines: DeadlineJson[] } | null }[];
  instruments: { id: string; type: string; number: string | null }[];
  timeline: { date: string; kind: string; label: string }[];
  issued?: { id: string; type: string; number: string | null }[];
}

export const deadline = (d: CaseDetail, rule: string) => d.workflow!.deadlines.find((x) => x.rule === rule);
