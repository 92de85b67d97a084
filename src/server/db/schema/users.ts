import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { orgUnits } from './org-units';

export const users = pgTable(
  'users',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    role: text('role', {
      enum: ['national_admin', 'province_officer', 'district_officer', 'district_chief', 'committee_member', 'viewer'],
    }).notNull(),
    orgUnitCode: text('org_unit_code')
      .notNull()
      .references(() => orgUnits.code),
    /** The official position (ตำแหน่ง), as written on contracts and approvals. */
    position: text('position').notNull().default(''),
    active: boolean('active').notNull().default(true),
    /** A person who signs in, or the service account behind an API token (decision 038), which never signs in. */
    kind: text('kind', { enum: ['person', 'service'] })
      .notNull()
      .default('person'),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }).notNull().defaultNow(),
    /** Set when someone else set the password: until the user picks a new one, the session only allows that. */
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    /** Who set the password for the user and when, shown to the user at the next sign-in. */
    passwordResetAt: timestamp('password_reset_at', { withTimezone: true }),
    passwordResetBy: text('password_reset_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('users_username_key').on(sql`lower(${t.username})`), index('users_org_unit_idx').on(t.orgUnitCode)],
);

/** Server-side sessions: the cookie holds a random token, the table only its SHA-256. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/**
 * Tokens for programs that cannot use a browser session (decision 038). Each acts as its own service account (a
 * `users` row of kind 'service', role viewer) so what it writes names it as every record names its author; the
 * token's unit bounds its scope and `access` its permissions. Only the SHA-256 of the secret is stored.
 */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    name: text('name').notNull(),
    orgUnitCode: text('org_unit_code')
      .notNull()
      .references(() => orgUnits.code),
    access: text('access', { enum: ['read', 'read_write'] }).notNull(),
    secretHash: text('secret_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Written at most once a minute, like a session's idle clock: not on every request. */
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedBy: integer('revoked_by').references(() => users.id),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('api_tokens_secret_hash_key').on(t.secretHash),
    uniqueIndex('api_tokens_user_key').on(t.userId),
    index('api_tokens_unit_idx').on(t.orgUnitCode),
  ],
);

/**
 * Failed sign-ins per username tried (known or not, so the answers never tell which accounts exist),
 * kept in the database so every app node sees the same count. After a few failures each attempt must
 * wait longer: an attacker can slow an account down, never lock its owner out for good.
 */
export const signInThrottle = pgTable(
  'sign_in_throttle',
  {
    usernameKey: text('username_key').primaryKey(),
    failures: integer('failures').notNull(),
    lastFailureAt: timestamp('last_failure_at', { withTimezone: true }).notNull(),
    /** No attempt is checked before this time (null while under the free attempts). */
    notBefore: timestamp('not_before', { withTimezone: true }),
  },
  (t) => [index('sign_in_throttle_last_failure_idx').on(t.lastFailureAt)],
);
