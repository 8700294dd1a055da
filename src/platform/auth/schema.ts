import { boolean, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { idColumn, timestamps, voidColumns } from '../db/columns';

export const users = pgTable(
  'users',
  {
    id: idColumn(),
    username: varchar('username', { length: 64 }).notNull(),
    displayName: text('display_name').notNull(),
    orgId: uuid('org_id').notNull(),
    title: text('title'),
    passwordHash: text('password_hash').notNull(),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }).notNull().defaultNow(),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    failedAttempts: integer('failed_attempts').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    status: varchar('status', { length: 16 }).notNull().default('active'),
    /** Phone: SM4-CTR + HMAC-SM3 ciphertext, a masked copy for lists, and a blind index for lookup. */
    phoneEnc: text('phone_enc'),
    phoneMasked: varchar('phone_masked', { length: 32 }),
    phoneIndex: varchar('phone_index', { length: 64 }),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    ...timestamps(),
    ...voidColumns(),
  },
  (t) => [uniqueIndex('users_username_uq').on(t.username), index('users_org_idx').on(t.orgId)],
);

export const roles = pgTable(
  'roles',
  {
    id: idColumn(),
    code: varchar('code', { length: 64 }).notNull(),
    name: text('name').notNull(),
    description: text('description'),
    /** 三员分立: system | security | audit for the three administrators, business for everyone else. */
    kind: varchar('kind', { length: 16 }).notNull().default('business'),
    /** self (本人) | org (本机构) | orgTree (本机构及下级) | all (全部: the whole tree the user belongs to). */
    dataScope: varchar('data_scope', { length: 16 }).notNull().default('org'),
    builtin: boolean('builtin').notNull().default(false),
    version: integer('version').notNull().default(1),
    ...timestamps(),
    ...voidColumns(),
  },
  (t) => [uniqueIndex('roles_code_uq').on(t.code)],
);

export const rolePermissions = pgTable(
  'role_permissions',
  {
    roleId: uuid('role_id').notNull(),
    permission: varchar('permission', { length: 96 }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.roleId, t.permission] })],
);

export const userRoles = pgTable(
  'user_roles',
  {
    userId: uuid('user_id').notNull(),
    roleId: uuid('role_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.roleId] })],
);

export const sessions = pgTable(
  'sessions',
  {
    /** SM3 hash of the cookie token: a leaked table does not yield live sessions. */
    id: varchar('id', { length: 64 }).primaryKey(),
    userId: uuid('user_id').notNull(),
    csrfToken: varchar('csrf_token', { length: 64 }).notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    endReason: varchar('end_reason', { length: 32 }),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);
