import { date, index, integer, pgTable, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { bytea } from './columns';
import { orgUnits } from './org-units';
import { users } from './users';

/** What an office prints on its letters: the number prefix of its outgoing register, phone and e-mail. */
export const officeLetterheads = pgTable('office_letterheads', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  orgUnitCode: text('org_unit_code')
    .notNull()
    .unique()
    .references(() => orgUnits.code),
  prefix: text('prefix').notNull(),
  phone: text('phone').notNull().default(''),
  email: text('email').notNull().default(''),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * The outgoing-document register (ทะเบียนหนังสือส่ง): one running number per office per fiscal year, and at
 * most one number per record (a letter downloaded again keeps its number). Never updated or deleted.
 */
export const outgoingDocuments = pgTable(
  'outgoing_documents',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    orgUnitCode: text('org_unit_code')
      .notNull()
      .references(() => orgUnits.code),
    fiscalYear: integer('fiscal_year').notNull(),
    runningNumber: integer('running_number').notNull(),
    /** The full number as printed (prefix at the time of issue): อบ ๐๐๑๗/ว 12. */
    number: text('number').notNull(),
    documentDate: date('document_date', { mode: 'string' }).notNull(),
    subject: text('subject').notNull(),
    addressee: text('addressee').notNull(),
    recordType: text('record_type').notNull(),
    recordId: integer('record_id').notNull(),
    issuedBy: integer('issued_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('outgoing_documents_running_key').on(t.orgUnitCode, t.fiscalYear, t.runningNumber),
    unique('outgoing_documents_record_key').on(t.orgUnitCode, t.recordType, t.recordId),
    index('outgoing_documents_date_idx').on(t.orgUnitCode, t.documentDate),
  ],
);

/** Images every document shares, by name: `garuda`, the emblem at the head of official letters. */
export const documentImages = pgTable('document_images', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  name: text('name').notNull().unique(),
  mime: text('mime').notNull(),
  data: bytea('data').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
