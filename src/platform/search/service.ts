import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';
import { and, asc, desc, eq, inArray, or, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import type { AuthContext } from '../auth/context';
import { scopeCondition } from '../auth/scope';
import { searchableDef, searchableTypes } from './registry';
// The table is `docs` here: `searchDocs` is the search function modules call.
import { searchDocs as docs } from './schema';
import { searchTerms } from './terms';

/**
 * Chinese full-text search on PGlite and PostgreSQL alike: neither has zhparser, so jieba cuts the text in
 * Node and the database only stores and matches the words, with the `simple` configuration
 * (`to_tsvector('simple', '<word> <word> …')`, GIN index, `@@ to_tsquery('simple', …)`).
 *
 * Every word handed to the database is letters and digits only (NFKC-folded, lower-cased), so PostgreSQL's
 * parser keeps it whole and a query can never be malformed, whatever the user typed.
 */

// High enough that jieba keeps a domain word whole in running text (裁量基准, 合法性审查, 重大行政决策 checked).
const TERM_FREQUENCY = 1000;
const MAX_WORD_CHARS = 64;
/** tsvector values are limited to 1 MB; deduplicated words of even a long document stay far below this. */
const MAX_INDEX_BYTES = 256 * 1024;
const MAX_QUERY_CHARS = 200;
const MAX_QUERY_TERMS = 16;

let shared: Jieba | null = null;
const extraTerms: string[] = [];

const termDict = (words: readonly string[]) => Buffer.from(words.map((w) => `${w} ${TERM_FREQUENCY} n`).join('\n') + '\n');

/** One tokenizer per process, built on first use: loading the dictionary takes ~150 ms (STACK-NOTES). */
function tokenizer(): Jieba {
  if (!shared) {
    const jieba = Jieba.withDict(dict);
    jieba.loadDict(termDict([...searchTerms, ...extraTerms]));
    shared = jieba;
  }
  return shared;
}

/** Words a business line adds to the shared dictionary (the common ones belong in terms.ts). */
export function registerSearchTerms(words: readonly string[]) {
  const fresh = words.map((w) => w.trim()).filter((w) => w && !/\s/.test(w));
  if (!fresh.length) return;
  extraTerms.push(...fresh);
  shared?.loadDict(termDict(fresh));
}

/** The letter/digit runs of one jieba word: 'ABC-12' → ['abc', '12'], '，' → []. */
function wordPieces(word: string): string[] {
  return (word.normalize('NFKC').toLowerCase().match(/[\p{L}\p{Nd}]+/gu) ?? []).filter((p) => p.length <= MAX_WORD_CHARS);
}

/**
 * The words stored for a text: jieba's search mode (行政复议 → 行政 复议 行政复议), deduplicated,
 * Latin lower-cased, punctuation and spaces dropped, space-joined for `to_tsvector('simple', …)`.
 */
export function tokensForIndex(text: string | null | undefined): string {
  if (!text) return '';
  const seen = new Set<string>();
  let bytes = 0;
  outer: for (const word of tokenizer().cutForSearch(text.normalize('NFKC'), true)) {
    for (const piece of wordPieces(word)) {
      if (seen.has(piece)) continue;
      bytes += Buffer.byteLength(piece) + 1;
      if (bytes > MAX_INDEX_BYTES) break outer;
      seen.add(piece);
    }
  }
  return [...seen].join(' ');
}

const quote = (word: string) => `'${word.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

/**
 * A query word, or — when jieba knows it as a compound — the word OR all of its parts:
 * 裁量基准 → ('裁量基准' | '裁量' & '基准'). Documents indexed before a word joined the dictionary, or where
 * the surrounding text made jieba cut differently, hold only the parts; they still match.
 */
function termQuery(word: string): string {
  const parts = [...new Set(tokenizer().cutForSearch(word, false).flatMap(wordPieces))].filter((p) => p !== word);
  const cover: string[] = [];
  for (let at = 0; at < word.length && parts.length; ) {
    const next = parts.filter((p) => word.startsWith(p, at)).sort((a, b) => b.length - a.length)[0];
    if (!next) return quote(word);
    cover.push(next);
    at += next.length;
  }
  return cover.length > 1 ? `(${quote(word)} | ${cover.map(quote).join(' & ')})` : quote(word);
}

/**
 * The `to_tsquery('simple', …)` text for what a user typed: jieba's precise cut, every word required.
 * Null when nothing searchable is left (empty, spaces, punctuation, tsquery operators such as `'&|!:*()`).
 */
export function toTsQuery(q: string | null | undefined): string | null {
  if (!q) return null;
  const terms = new Set<string>();
  for (const word of tokenizer().cut(q.normalize('NFKC').slice(0, MAX_QUERY_CHARS), true)) {
    for (const piece of wordPieces(word)) if (terms.size < MAX_QUERY_TERMS) terms.add(piece);
  }
  return terms.size ? [...terms].map(termQuery).join(' & ') : null;
}

/**
 * The tsvector for a record: title words weigh A (ranked first), body words D. For a module keeping a
 * tsvector column of its own: `.set({ tokens: searchVector({ title, text }) })`.
 */
export function searchVector(doc: { title?: string | null; text?: string | null }): SQL {
  return sql`(setweight(to_tsvector('simple', ${tokensForIndex(doc.title)}), 'A') || to_tsvector('simple', ${tokensForIndex(doc.text)}))`;
}

/** `where(tsMatch(myTable.tokens, q))` for a module's own tsvector column; FALSE (no rows) for an empty query. */
export function tsMatch(column: SQLWrapper, q: string | null | undefined): SQL {
  const query = toTsQuery(q);
  return query ? sql`${column} @@ to_tsquery('simple', ${query})` : sql`false`;
}

/** `orderBy(desc(tsRank(myTable.tokens, q)))` beside `tsMatch`. */
export function tsRank(column: SQLWrapper, q: string | null | undefined): SQL<number> {
  const query = toTsQuery(q);
  return (query ? sql`ts_rank(${column}, to_tsquery('simple', ${query}))::float8` : sql`0::float8`).mapWith(Number);
}

export interface SearchDocInput {
  entityType: string;
  entityId: string;
  /** The record's org: data scope filters hits by it. */
  orgId: string;
  title: string;
  /** Everything else worth finding the record by (number, parties, body text …). */
  text?: string | null;
}

/**
 * Creates or refreshes a record's entry in `search_docs`. Call it in the transaction that writes the record:
 * the entry is derived data, so it is audited by that write, never on its own.
 */
export async function indexDoc(tx: DbOrTx, doc: SearchDocInput): Promise<void> {
  const tokens = searchVector(doc);
  await tx
    .insert(docs)
    .values({ entityType: doc.entityType, entityId: doc.entityId, orgId: doc.orgId, title: doc.title, tokens })
    .onConflictDoUpdate({
      target: [docs.entityType, docs.entityId],
      set: { orgId: doc.orgId, title: doc.title, tokens, updatedAt: sql`now()` },
    });
}

/**
 * Takes a record out of search (when it is voided). The record itself is never deleted; this row is only
 * its derived index entry, rebuilt by `indexDoc` if the record comes back.
 */
export async function removeDoc(tx: DbOrTx, entityType: string, entityId: string): Promise<boolean> {
  const gone = await tx
    .delete(docs)
    .where(and(eq(docs.entityType, entityType), eq(docs.entityId, entityId)))
    .returning({ id: docs.id });
  return gone.length > 0;
}

export interface SearchOptions {
  q: string | null | undefined;
  /** Restrict to these types; default: every registered searchable type. */
  entityTypes?: string[];
  /** Permission guarding each type; default: the one it was registered with. */
  permissionFor?: (entityType: string) => string | undefined;
  page?: number;
  pageSize?: number;
}

export interface SearchHit {
  entityType: string;
  entityId: string;
  orgId: string;
  title: string;
  rank: number;
  updatedAt: Date;
}

/**
 * The two statements a search runs (count, then one page), or null when nothing can match: an empty query,
 * or no requested type whose permission the caller holds. Exposed so the bench times exactly this SQL.
 */
export function searchQueries(db: DbOrTx, auth: AuthContext, opts: SearchOptions) {
  const query = toTsQuery(opts.q);
  const permissionFor = opts.permissionFor ?? ((t: string) => searchableDef(t)?.permission);
  const byPermission = new Map<string, string[]>();
  for (const type of opts.entityTypes ?? searchableTypes().map((d) => d.entityType)) {
    const permission = permissionFor(type);
    if (permission && auth.permissions.has(permission)) byPermission.set(permission, [...(byPermission.get(permission) ?? []), type]);
  }
  if (!query || !byPermission.size) return null;

  const tsquery = sql`to_tsquery('simple', ${query})`;
  const readable = [...byPermission].map(([permission, types]) =>
    and(types.length === 1 ? eq(docs.entityType, types[0]) : inArray(docs.entityType, types), scopeCondition(auth, permission, { orgId: docs.orgId })),
  );
  const cond = and(sql`${docs.tokens} @@ ${tsquery}`, readable.length === 1 ? readable[0] : or(...readable));
  const pageSize = Math.min(Math.max(opts.pageSize ?? 20, 1), 200);
  const page = Math.max(opts.page ?? 1, 1);
  const rank = sql<number>`ts_rank(${docs.tokens}, ${tsquery})::float8`.mapWith(Number);
  return {
    count: db.select({ total: sql<number>`count(*)::int` }).from(docs).where(cond),
    page: db
      .select({ entityType: docs.entityType, entityId: docs.entityId, orgId: docs.orgId, title: docs.title, rank, updatedAt: docs.updatedAt })
      .from(docs)
      .where(cond)
      .orderBy(desc(rank), desc(docs.updatedAt), asc(docs.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
  };
}

/**
 * Hits for `q` the caller may read: only types whose permission it holds, each within that permission's
 * data scope, best `ts_rank` first (title words outweigh body words), newest first among equals.
 */
export async function searchDocs(db: DbOrTx, auth: AuthContext, opts: SearchOptions): Promise<{ items: SearchHit[]; total: number }> {
  const queries = searchQueries(db, auth, opts);
  if (!queries) return { items: [], total: 0 };
  const [{ total }] = await queries.count;
  if (!total) return { items: [], total: 0 };
  return { items: await queries.page, total };
}

export { registerSearchable, searchableTypes, type SearchableDef } from './registry';
