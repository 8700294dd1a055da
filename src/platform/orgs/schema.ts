import { index, integer, pgTable, text, uuid, varchar } from 'drizzle-orm/pg-core';
import { idColumn, timestamps, voidColumns } from '../db/columns';

/** The org tree: province → city → county → township → village, with bureaus, offices and 科室 as nodes. */
export const orgs = pgTable(
  'orgs',
  {
    id: idColumn(),
    parentId: uuid('parent_id'),
    /** Materialized path of ids, '/<root>/<child>/…/<self>/', for descendant queries with LIKE 'prefix%'. */
    path: text('path').notNull(),
    name: text('name').notNull(),
    /** 简称 used in document numbers, e.g. 武司 / 武政. */
    shortName: text('short_name'),
    type: varchar('type', { length: 32 }).notNull(),
    /** GB/T 2260 行政区划代码 (6 digits; townships 9, villages 12). */
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    /** 常住人口, for per-10,000 indicators. */
    population: integer('population'),
    sort: integer('sort').notNull().default(0),
    address: text('address'),
    ...timestamps(),
    ...voidColumns(),
  },
  (t) => [index('orgs_parent_idx').on(t.parentId), index('orgs_path_idx').on(t.path), index('orgs_region_idx').on(t.regionCode)],
);
