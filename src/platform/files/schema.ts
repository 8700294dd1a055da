import { customType, index, integer, pgTable, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import { idColumn, voidColumns } from '../db/columns';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

/** Uploaded materials and generated files, kept in the database (same path on PGlite and PostgreSQL) with their SHA-256. */
export const files = pgTable(
  'files',
  {
    id: idColumn(),
    name: text('name').notNull(),
    mime: varchar('mime', { length: 128 }).notNull(),
    size: integer('size').notNull(),
    sha256: varchar('sha256', { length: 64 }).notNull(),
    content: bytea('content').notNull(),
    orgId: uuid('org_id'),
    entityType: varchar('entity_type', { length: 64 }),
    entityId: uuid('entity_id'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    ...voidColumns(),
  },
  (t) => [index('files_entity_idx').on(t.entityType, t.entityId)],
);
