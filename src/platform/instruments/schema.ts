import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { idColumn, voidColumns } from '../db/columns';

/**
 * Gap-free counter per issuing org / sequence (the instrument type, or a sequence several types share) / year,
 * advanced inside the transaction that issues the number (numbering.ts).
 */
export const instrumentSequences = pgTable(
  'instrument_sequences',
  {
    orgId: uuid('org_id').notNull(),
    /** The sequence key: the instrument type unless its registration names a shared sequence. */
    type: varchar('type', { length: 64 }).notNull(),
    year: integer('year').notNull(),
    last: integer('last').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.type, t.year] })],
);

/**
 * An issued 文书: its number, the fields and the document blocks it was issued with (so it renders the same
 * later, whatever happens to the template), and what it belongs to. `org_id` owns it for data scope;
 * `issuer_org_id` is the org in whose name it is issued and numbered (often the same).
 */
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
    /** Counter the serial was drawn from (instrument_sequences.type): the type, or a sequence shared by several types. */
    sequence: varchar('sequence', { length: 64 }),
    issuerOrgId: uuid('issuer_org_id'),
    /** 发文机关署名 as it was when issued. */
    issuerName: text('issuer_name'),
    /** 成文日期. */
    issuedOn: date('issued_on', { mode: 'string' }).notNull().default(sql`current_date`),
    blocks: jsonb('blocks'),
    entityType: varchar('entity_type', { length: 64 }),
    entityId: uuid('entity_id'),
    instanceId: uuid('instance_id'),
    fields: jsonb('fields').notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    ...voidColumns(),
  },
  (t) => [
    index('instruments_entity_idx').on(t.entityType, t.entityId),
    index('instruments_org_idx').on(t.orgId, t.type, t.year),
    // A number is issued once: even a bug in the counter cannot produce two instruments with one serial.
    uniqueIndex('instruments_serial_uq').on(t.issuerOrgId, t.sequence, t.year, t.serial),
  ],
);
