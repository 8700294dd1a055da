/** Small factories for the 人民调解 tests: the line's users, committees built through the API, cases and steps. */
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

export async function addUser(t: TestContext, username: string, orgId: string, role: string) {
  const u = await createUser(t.database.db, systemActor, { username, displayName: username, orgId, roleCodes: [role], password: TEST_PASSWORD });
  await t.database.db.update(users).set({ mustChangePassword: false }).where(eq(users.id, u.id));
  return t.login(username);
}

export async function createCommitteeVia(c: Client, body: Record<string, unknown>) {
  const res = await c.post('/api/mediation/committees', body);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { id: string; orgId: string; level: string; townshipCode: string | null };
}

export interface Detail {
  case: { id: string; version: number; orgId: string; level: string; status: string; outcome: string | null; caseNumber: string; applicantIdMasked: string | null; applicantPhoneMasked: string | null; mediatorId: string | null; escalations: number; confirmationStatus: string; agreementInstrumentId: string | null };
  workflow: { version: number; state: string; deadlines: { rule: string; startDate: string; dueDate: string; status: string; cite: string; extendedDays: number }[] } | null;
  confirmation: { version: number; state: string; deadlines: { rule: string; startDate: string; dueDate: string; status: string; cite: string }[] } | null;
  instruments: { id: string; type: string; number: string | null }[];
  issued?: { id: string; type: string; number: string | null }[];
}

export async function registerVia(c: Client, body: Record<string, unknown>) {
  const res = await c.post('/api/mediation/cases', { source: 'application', disputeType: 'neighbor', summary: '因房屋滴水发生争执', applicantName: '徐国平', respondentName: '何建华', ...body });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Detail;
}

export async function step(c: Client, d: Detail, transition: string, data: Record<string, unknown>, confirmation = false) {
  return c.post(`/api/mediation/cases/${d.case.id}/actions/${transition}`, { version: confirmation ? d.confirmation!.version : d.workflow!.version, data });
}

export async function stepOk(c: Client, d: Detail, transition: string, data: Record<string, unknown>, confirmation = false) {
  const res = await step(c, d, transition, data, confirmation);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Detail;
}

export const deadline = (d: Detail, rule: string) => d.workflow?.deadlines.find((x) => x.rule === rule && x.status !== 'cancelled');
