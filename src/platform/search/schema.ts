import { customType, index, pgTable, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { idColumn } from '../db/columns';

export const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * One Chinese full-text index for every module: jieba tokens stored as to_tsvector('simple', …)
 * (PGlite and PostgreSQL have no zhparser). Modules may also add a tsvector column of their own.
 */
export const searchDocs = pgTable(
  'search_docs',
  {
    id: idColumn(),
    entityType: varchar('entity_type', { length: 64 }).notNull(),
    entityId: uuid('entity_id').notNull(),
    orgId: uuid('org_id').notNull(),
    title: text('title').notNull(),
    tokens: tsvector('tokens').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('search_docs_entity_uq').on(t.entityType, t.entityId), index('search_docs_tokens_idx').using('gin', t.tokens)],
);
