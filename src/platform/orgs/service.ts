import { and, asc, eq, isNull, like, sql } from 'drizzle-orm';
import { rowsOf, type Db, type DbOrTx } from '../db/client';
import { AppError, invalid, notFound } from '../errors';
import { recordAudit, type Actor } from '../audit/service';
import type { AuthContext } from '../auth/context';
import { orgInScope } from '../auth/scope';
import { isOrgType } from './types';
import { orgs } from './schema';

export type Org = typeof orgs.$inferSelect;

export interface OrgInput {
  parentId?: string | null;
  name: string;
  shortName?: string | null;
  type: string;
  regionCode: string;
  population?: number | null;
  sort?: number;
  address?: string | null;
}

export async function getOrg(db: DbOrTx, id: string): Promise<Org | undefined> {
  const rows = await db.select().from(orgs).where(eq(orgs.id, id));
  return rows[0];
}

/** An org the caller may see under `permission`, or 404. */
export async function getOrgInScope(db: DbOrTx, auth: AuthContext, permission: string, id: string): Promise<Org> {
  const org = await getOrg(db, id);
  if (!org || !orgInScope(auth, permission, org)) throw notFound('组织机构');
  return org;
}

/** The org and all below it (live ones), ordered for tree display. */
export async function orgSubtree(db: DbOrTx, rootPath: string): Promise<Org[]> {
  return db.select().from(orgs).where(and(like(orgs.path, rootPath + '%'), isNull(orgs.voidedAt))).orderBy(asc(orgs.sort), asc(orgs.name));
}

/** Resolves an org by id, region code or exact name within a tree (used by filters and 台账 imports). */
export async function resolveOrg(db: DbOrTx, rootPath: string, ref: string): Promise<Org | undefined> {
  const rows = await db
    .select()
    .from(orgs)
    .where(
      and(
        like(orgs.path, rootPath + '%'),
        isNull(orgs.voidedAt),
        /^[0-9a-f-]{36}$/i.test(ref) ? eq(orgs.id, ref) : sql`(${orgs.regionCode} = ${ref} or ${orgs.name} = ${ref} or ${orgs.shortName} = ${ref})`,
      ),
    )
    .orderBy(asc(orgs.path))
    .limit(1);
  return rows[0];
}

function validate(input: OrgInput) {
  const problems: { path: string; message: string }[] = [];
  if (!isOrgType(input.type)) problems.push({ path: 'type', message: '机构类型不存在' });
  if (!/^\d{6}(\d{3}(\d{3})?)?$/.test(input.regionCode)) problems.push({ path: 'regionCode', message: '行政区划代码应为6、9或12位数字（GB/T 2260）' });
  if (problems.length) throw invalid('机构信息有误：' + problems.map((p) => p.message).join('；'), { fields: problems });
}

export async function createOrg(db: Db, actor: Actor, input: OrgInput): Promise<Org> {
  validate(input);
  return db.transaction(async (tx) => {
    let parentPath = '/';
    if (input.parentId) {
      const parent = await getOrg(tx, input.parentId);
      if (!parent || parent.voidedAt) throw invalid('上级机构不存在');
      parentPath = parent.path;
    }
    const id = crypto.randomUUID();
    const [org] = await tx
      .insert(orgs)
      .values({ id, ...input, parentId: input.parentId ?? null, path: `${parentPath}${id}/` })
      .returning();
    await recordAudit(tx, actor, { action: 'org.create', entityType: 'org', entityId: id, summary: `新建机构 ${org.name}`, after: org });
    return org;
  });
}

export async function updateOrg(db: Db, actor: Actor, id: string, input: Partial<OrgInput>): Promise<Org> {
  return db.transaction(async (tx) => {
    const before = await getOrg(tx, id);
    if (!before || before.voidedAt) throw notFound('组织机构');
    const merged = { ...before, ...input } as OrgInput;
    validate(merged);
    let path = before.path;
    if (input.parentId !== undefined && input.parentId !== before.parentId) {
      if (!input.parentId) throw invalid('不能把机构移到根节点之外');
      const parent = await getOrg(tx, input.parentId);
      if (!parent || parent.voidedAt) throw invalid('上级机构不存在');
      if (parent.path.startsWith(before.path)) throw invalid('不能把机构移到其自身或下级机构之下');
      path = `${parent.path}${id}/`;
      // Move the whole subtree: every descendant's path gets the new prefix.
      await tx.execute(sql`update orgs set path = ${path} || substr(path, ${before.path.length + 1}) where path like ${before.path + '%'} and id <> ${id}`);
    }
    const [after] = await tx
      .update(orgs)
      .set({ ...input, path, updatedAt: sql`now()` })
      .where(eq(orgs.id, id))
      .returning();
    await recordAudit(tx, actor, { action: 'org.update', entityType: 'org', entityId: id, summary: `修改机构 ${after.name}`, before, after });
    return after;
  });
}

export async function voidOrg(db: Db, actor: Actor, id: string, reason: string): Promise<Org> {
  return db.transaction(async (tx) => {
    const before = await getOrg(tx, id);
    if (!before || before.voidedAt) throw notFound('组织机构');
    const [{ n }] = rowsOf<{ n: number }>(await tx.execute(sql`select count(*)::int as n from orgs where parent_id = ${id} and voided_at is null`));
    if (n > 0) throw new AppError('ORG_HAS_CHILDREN', '该机构下还有下级机构，请先撤销或移走下级机构', 409);
    const [{ u }] = rowsOf<{ u: number }>(await tx.execute(sql`select count(*)::int as u from users where org_id = ${id} and voided_at is null`));
    if (u > 0) throw new AppError('ORG_HAS_USERS', '该机构下还有用户，请先调整用户所属机构', 409);
    const [after] = await tx.update(orgs).set({ voidedAt: sql`now()`, voidedBy: actor.id, voidReason: reason }).where(eq(orgs.id, id)).returning();
    await recordAudit(tx, actor, { action: 'org.void', entityType: 'org', entityId: id, summary: `撤销机构 ${before.name}：${reason}`, before, after });
    return after;
  });
}
