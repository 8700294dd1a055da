import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import { idColumn, voidColumns } from '../db/columns';

/** Gap-free counter per org / instrument type / year, advanced inside the transaction that issues the number. */
export const instrumentSequences = pgTable(
  'instrument_sequences',
  {
    orgId: uuid('org_id').notNull(),
    type: varchar('type', { length: 64 }).notNull(),
    year: integer('year').notNull(),
    last: integer('last').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.type, t.year] })],
);

/** An issued 文书: its number, the fields it was rendered from, and what it belongs to. */
export const instruments = pgTable(
  'instruments',
  {
    id: idColumn(),
    orgId: uuid('org_id').notNull(),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    type: varchar('type', { length: 64 }).notNull(),
    title: text('title').notNull(),
    year: integer('year').notNull(),
    serial: integer('serial'),
    number: text('number'),
    entityType: varchar('entity_type', { length: 64 }),
    entityId: uuid('entity_id'),
    instanceId: uuid('instance_id'),
    fields: jsonb('fields').notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    ...voidColumns(),
  },
  (t) => [index('instruments_entity_idx').on(t.entityType, t.entityId), index('instruments_org_idx').on(t.orgId, t.type, t.year)],
);
