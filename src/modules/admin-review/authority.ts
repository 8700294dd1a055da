import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client';
import { orgs } from '../../platform/orgs/schema';
import type { Org } from '../../platform/orgs/service';

/**
 * The 行政复议机关 for cases handled by an org: the nearest people's government above (or at) it — the county
 * government for its 司法局 (行政复议法 第二十四条). Decisions are made and numbered in its name (第六十一条).
 */
export async function reviewAuthority(db: DbOrTx, org: Pick<Org, 'id' | 'path'>): Promise<Org | undefined> {
  const ids = org.path.split('/').filter(Boolean);
  const rows = await db
    .select()
    .from(orgs)
    .where(and(inArray(orgs.id, ids), eq(orgs.type, 'government'), isNull(orgs.voidedAt)))
    .orderBy(desc(orgs.path));
  return rows[0];
}

/** The 司法局 of a tree (the 行政复议机构 the public portal files applications with). */
export async function justiceBureauOf(db: DbOrTx, rootPath?: string, regionCode?: string): Promise<Org | undefined> {
  const rows = await db
    .select()
    .from(orgs)
    .where(and(eq(orgs.type, 'justiceBureau'), isNull(orgs.voidedAt), regionCode ? eq(orgs.regionCode, regionCode) : undefined))
    .orderBy(orgs.path);
  return rootPath ? rows.find((o) => o.path.startsWith(rootPath)) : rows[0];
}
