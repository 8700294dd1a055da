import { date, index, pgTable, uuid } from 'drizzle-orm/pg-core';
import { tsvector } from '../../platform/search/schema';
import { normativeDocuments } from './schema';

/**
 * The public register's search rows: one narrow row per document the public may see (公布, not voided),
 * kept by a trigger on `normative_documents` (migration `legality_public_search_sync`) so no code path can
 * forget it. Matching uses `tokens` (title + text, GIN); ranking uses only the title's words
 * (`title_tokens`, the A-weighted part of the document's vector), so a search touches small rows instead of
 * the wide document rows with their text and history.
 */
export const normativeDocumentSearch = pgTable(
  'normative_document_search',
  {
    documentId: uuid('document_id')
      .primaryKey()
      .references(() => normativeDocuments.id),
    publishedDate: date('published_date', { mode: 'string' }),
    titleTokens: tsvector('title_tokens').notNull(),
    tokens: tsvector('tokens').notNull(),
  },
  (t) => [index('nds_tokens_idx').using('gin', t.tokens)],
);
