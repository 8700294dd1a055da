import { date, index, integer, numeric, pgTable, text, uniqueIndex, varchar } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { businessColumns } from '../db/columns';

/**
 * 手工指标: what no business line records (常住人口, 执业律师数 from the 律师协会, honours won). A definition
 * becomes an indicator `manual.<code>` served with the others; its values are entered per org and period.
 * `aggregation`: 'latest' for stocks (the value in force at the end of the period), 'sum' for flows (values
 * whose period lies inside the period asked for are added up).
 */
export const indicatorManualDefs = pgTable(
  'indicator_manual_defs',
  {
    ...businessColumns(),
    code: varchar('code', { length: 48 }).notNull(),
    label: text('label').notNull(),
    /** 计量单位 shown after the figure: 人, 名, 项 … */
    unitLabel: varchar('unit_label', { length: 16 }).notNull().default(''),
    definition: text('definition').notNull(),
    aggregation: varchar('aggregation', { length: 8 }).notNull().default('latest'),
    direction: varchar('direction', { length: 16 }).notNull().default('higherBetter'),
  },
  (t) => [uniqueIndex('imd_code_uq').on(t.code).where(sql`voided_at is null`)],
);

/** One entered value of a manual indicator, for an org and a period, with its source and who entered it. */
export const indicatorManualValues = pgTable(
  'indicator_manual_values',
  {
    ...businessColumns(),
    defCode: varchar('def_code', { length: 48 }).notNull(),
    periodFrom: date('period_from', { mode: 'string' }).notNull(),
    periodTo: date('period_to', { mode: 'string' }).notNull(),
    value: numeric('value', { precision: 18, scale: 4 }).notNull(),
    /** 数据来源, e.g. 统计公报, 县律师协会. */
    source: text('source').notNull(),
    note: text('note'),
  },
  (t) => [
    uniqueIndex('imv_uq').on(t.defCode, t.orgId, t.periodFrom, t.periodTo).where(sql`voided_at is null`),
    index('imv_def_idx').on(t.defCode, t.periodTo),
  ],
);

/**
 * 考核目标 (法治督察考核, DOMAIN area M15): for an org and a year, an indicator compared with a threshold,
 * e.g. 行政诉讼败诉率 < 7 %, 负责人出庭应诉率 = 100 %. The threshold is in the indicator's display unit
 * (percent for rates).
 */
export const indicatorTargets = pgTable(
  'indicator_targets',
  {
    ...businessColumns(),
    year: integer('year').notNull(),
    indicatorKey: varchar('indicator_key', { length: 96 }).notNull(),
    comparator: varchar('comparator', { length: 4 }).notNull(),
    threshold: numeric('threshold', { precision: 18, scale: 4 }).notNull(),
    /** Where the target comes from, e.g. 《2025年度法治建设考核细则》第3项. */
    basis: text('basis'),
  },
  (t) => [
    uniqueIndex('it_uq').on(t.orgId, t.year, t.indicatorKey).where(sql`voided_at is null`),
    index('it_year_idx').on(t.year),
  ],
);

/** 整改 items opened from a shortfall (or by hand), tracked to closure. status: open | closed. */
export const indicatorRectifications = pgTable(
  'indicator_rectifications',
  {
    ...businessColumns(),
    title: text('title').notNull(),
    /** The target whose shortfall opened it, if any. */
    targetId: varchar('target_id', { length: 36 }),
    indicatorKey: varchar('indicator_key', { length: 96 }),
    year: integer('year'),
    requirement: text('requirement'),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    status: varchar('status', { length: 8 }).notNull().default('open'),
    closedDate: date('closed_date', { mode: 'string' }),
    closureNote: text('closure_note'),
  },
  (t) => [index('ir_org_idx').on(t.orgId, t.status), index('ir_target_idx').on(t.targetId)],
);
