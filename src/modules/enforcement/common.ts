/** Shared pieces of the 行政执法监督 services: settings, scoped reads, the agency a write is for. */
import { and, eq, isNull, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import type { DbOrTx } from '../../platform/db/client';
import type { AuthContext } from '../../platform/auth/context';
import { orgInScope, scopeCondition } from '../../platform/auth/scope';
import { AppError, forbidden, invalid, notFound } from '../../platform/errors';
import { getOrg, resolveOrg, type Org } from '../../platform/orgs/service';
import { getSetting, putSetting } from '../../platform/settings/service';
import { recordAudit } from '../../platform/audit/service';
import { defaultRules, PERM, SETTINGS_KEY, type EnforcementRules } from './terms';

export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
export const optionalDate = isoDate.nullish();

export const getRules = (db: DbOrTx) => getSetting<EnforcementRules>(db, SETTINGS_KEY, defaultRules);

export const rulesInput = z.object({
  publicationDays: z.number().int().min(1, '公示期限至少1个工作日').max(60),
  inspectionWindowDays: z.number().int().min(1, '检查窗口至少1日').max(366),
  repeatAllowed: z.number().int().min(1).max(12),
  checklist: z
    .array(z.object({ key: z.string().regex(/^[a-zA-Z]\w{0,31}$/, '评查项代码应为字母开头'), label: z.string().trim().min(1).max(40), points: z.number().int().min(1).max(100) }))
    .min(1, '评查表至少一项')
    .refine((l) => l.reduce((s, i) => s + i.points, 0) === 100, '评查表各项分值合计应为100分')
    .refine((l) => new Set(l.map((i) => i.key)).size === l.length, '评查项代码不能重复'),
  passScore: z.number().int().min(1).max(100),
  certificateWarningDays: z.number().int().min(1).max(365),
});

export async function saveRules(db: DbOrTx, auth: AuthContext, raw: unknown) {
  const input = rulesInput.parse(raw);
  const before = await getRules(db);
  await putSetting(db, SETTINGS_KEY, input, auth.user.id);
  await recordAudit(db, auth.actor, { action: 'enforcement.rules', entityType: 'setting', entityId: null, summary: '修改行政执法监督规则设置', before, after: input });
  return input;
}

/** A live row of `table` with this id inside the caller's scope for `permission`, or 404. */
export async function rowInScope<T extends PgTable & { id: PgColumn; orgId: PgColumn; createdBy: PgColumn; voidedAt: PgColumn }>(
  db: DbOrTx,
  auth: AuthContext,
  table: T,
  id: string,
  what: string,
  permission: string = PERM.read,
): Promise<T['$inferSelect']> {
  if (!z.uuid().safeParse(id).success) throw notFound(what);
  const rows = await (db as any).select().from(table).where(and(eq(table.id, id), isNull(table.voidedAt), scopeCondition(auth, permission, { orgId: table.orgId, createdBy: table.createdBy })));
  if (!rows[0]) throw notFound(what);
  return rows[0];
}

/** The agency a write is for: the named org (id, name, 简称) inside the caller's scope, default the caller's own. */
export async function agencyFor(db: DbOrTx, auth: AuthContext, ref: string | null | undefined, permission: string): Promise<Org> {
  const org = ref ? await resolveOrg(db, auth.rootPath, ref) : await getOrg(db, auth.user.orgId);
  if (!org || org.voidedAt) throw invalid('行政机关不存在', { fields: [{ path: 'agencyOrg', message: '行政机关不存在或不在本县' }] });
  if (!auth.permissions.has(permission) || !orgInScope(auth, permission, org)) throw forbidden(`无权办理${org.name}的行政执法监督事项`);
  return org;
}

export function checkVersion(row: { version: number }, version: number | undefined) {
  if (version !== undefined && row.version !== version) throw new AppError('VERSION_CONFLICT', '数据已被他人修改，请刷新后重试', 409, { currentVersion: row.version });
}

export const scopeOf = (auth: AuthContext, t: { orgId: PgColumn; createdBy: PgColumn }, permission: string = PERM.read): SQL => scopeCondition(auth, permission, { orgId: t.orgId, createdBy: t.createdBy });

export const pageInput = { page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(1000).default(20) };
