import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { STAGES } from '../../../shared/groups';
import { bytea, recordColumns } from './columns';
import { users } from './users';

export const people = pgTable(
  'people',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    ...recordColumns(),
    title: text('title').notNull(),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    /** Keyed hash (HMAC-SHA256) for finding duplicates without decrypting. */
    citizenIdHash: text('citizen_id_hash'),
    citizenIdLast4: text('citizen_id_last4'),
    /** AES-256-GCM; shown in full only to roles that need it, and every such read is logged. */
    citizenIdEncrypted: text('citizen_id_encrypted'),
    phone: text('phone'),
    houseNo: text('house_no'),
    villageNo: integer('village_no'),
    subdistrict: text('subdistrict'),
    roles: text('roles').array().notNull().default(sql`'{}'::text[]`),
    mergedIntoId: integer('merged_into_id'),
    /** When the person's personal data was erased on request (PDPA); the row stays only as a link. */
    anonymisedAt: timestamp('anonymised_at', { withTimezone: true }),
  },
  (t) => [
    // A district's list in its order (Thai, then id) straight from the index, no sort of the district's rows.
    index('people_unit_name_idx').on(t.orgUnitCode, sql`(${t.firstName} collate thai)`, sql`(${t.lastName} collate thai)`, t.id),
    // List order (Thai, then id) of live rows: page 1 and keyset pages read the index in order (decision 025).
    index('people_name_idx')
      .on(sql`(${t.firstName} collate thai)`, sql`(${t.lastName} collate thai)`, t.id)
      .where(sql`${t.deletedAt} is null`),
    index('people_citizen_hash_idx').on(t.citizenIdHash),
    /** One active person per citizen ID in a district, even when two officers save at the same moment. */
    uniqueIndex('people_citizen_hash_active_uq')
      .on(t.orgUnitCode, t.citizenIdHash)
      .where(sql`${t.deletedAt} is null and ${t.citizenIdHash} is not null`),
    index('people_name_trgm').using('gin', sql`(${t.firstName} || ' ' || ${t.lastName}) gin_trgm_ops`),
  ],
);

export const wisdomItems = pgTable(
  'wisdom_items',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    ...recordColumns(),
    title: text('title').notNull(),
    branchCode: text('branch_code').notNull(),
    description: text('description').notNull().default(''),
    subdistrict: text('subdistrict'),
    villageNo: integer('village_no'),
    productPotential: text('product_potential').notNull().default(''),
    status: text('status', { enum: ['surveyed', 'verified', 'published'] })
      .notNull()
      .default('surveyed'),
    accessLevel: text('access_level', { enum: ['public', 'community', 'restricted'] })
      .notNull()
      .default('community'),
    consentDate: date('consent_date'),
    consentRecordedBy: integer('consent_recorded_by').references(() => users.id),
    /** How the holders agreed to be named on the public portal; null: the item is shown without a name. */
    publicCredit: text('public_credit'),
    surveyedOn: date('surveyed_on').notNull(),
    searchText: text('search_text').notNull().default(''),
  },
  (t) => [
    index('wisdom_unit_title_idx').on(t.orgUnitCode, sql`(${t.title} collate thai)`, t.id),
    index('wisdom_title_idx').on(sql`(${t.title} collate thai)`, t.id).where(sql`${t.deletedAt} is null`),
    index('wisdom_search_trgm').using('gin', sql`${t.searchText} gin_trgm_ops`),
    check('wisdom_public_needs_consent', sql`${t.accessLevel} <> 'public' or ${t.consentDate} is not null`),
  ],
);

export const wisdomHolders = pgTable(
  'wisdom_holders',
  {
    wisdomId: integer('wisdom_id')
      .notNull()
      .references(() => wisdomItems.id),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id),
  },
  (t) => [primaryKey({ columns: [t.wisdomId, t.personId] }), index('wisdom_holders_person_idx').on(t.personId)],
);

export const groups = pgTable(
  'occupational_groups',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    ...recordColumns(),
    name: text('name').notNull(),
    foundedOn: date('founded_on').notNull(),
    contactPhone: text('contact_phone'),
    address: text('address').notNull().default(''),
    subdistrict: text('subdistrict'),
    enterpriseRegNo: text('enterprise_reg_no'),
    stage: text('stage', { enum: STAGES }).notNull().default('group_formed'),
    grownAs: text('grown_as', { enum: ['sme', 'social_enterprise', 'social_business'] }),
    /** The stages the group's records prove (features/groups/stages.ts keeps it current); the funnel counts these. */
    evidence: text('evidence').array().notNull().default(sql`'{}'::text[]`),
    searchText: text('search_text').notNull().default(''),
  },
  (t) => [
    index('groups_unit_stage_idx').on(t.orgUnitCode, t.stage),
    index('groups_unit_name_idx').on(t.orgUnitCode, sql`(${t.name} collate thai)`, t.id).where(sql`${t.deletedAt} is null`),
    index('groups_name_idx').on(sql`(${t.name} collate thai)`, t.id).where(sql`${t.deletedAt} is null`),
    index('groups_evidence_gin').using('gin', t.evidence),
    index('groups_search_trgm').using('gin', sql`${t.searchText} gin_trgm_ops`),
  ],
);

export const groupWisdom = pgTable(
  'group_wisdom',
  {
    groupId: integer('group_id')
      .notNull()
      .references(() => groups.id),
    wisdomId: integer('wisdom_id')
      .notNull()
      .references(() => wisdomItems.id),
  },
  // A wisdom item's page reads the groups built on it.
  (t) => [primaryKey({ columns: [t.groupId, t.wisdomId] }), index('group_wisdom_wisdom_idx').on(t.wisdomId)],
);

export const groupMembers = pgTable(
  'group_members',
  {
    groupId: integer('group_id')
      .notNull()
      .references(() => groups.id),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id),
    role: text('role', { enum: ['chair', 'vice_chair', 'secretary', 'treasurer', 'member'] }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.personId] }), index('group_members_person_idx').on(t.personId)],
);

export const groupStageHistory = pgTable(
  'group_stage_history',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    groupId: integer('group_id')
      .notNull()
      .references(() => groups.id),
    orgUnitCode: text('org_unit_code').notNull(),
    fromStage: text('from_stage'),
    toStage: text('to_stage').notNull(),
    changedOn: date('changed_on').notNull(),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
    changedBy: integer('changed_by'),
    reason: text('reason').notNull(),
    automatic: boolean('automatic').notNull(),
    /** For an automatic move: which kind of record proved it (`stages.ts` EVIDENCE), so it reads in either language. */
    evidenceKind: text('evidence_kind'),
  },
  (t) => [index('stage_history_group_idx').on(t.groupId), index('stage_history_unit_date_idx').on(t.orgUnitCode, t.changedOn)],
);

export const producers = pgTable(
  'producers',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    ...recordColumns(),
    groupId: integer('group_id').references(() => groups.id),
    personId: integer('person_id').references(() => people.id),
    producerType: text('producer_type', { enum: ['community_group', 'sole_proprietor', 'sme'] }).notNull(),
    fiscalYear: integer('fiscal_year').notNull(),
    registrationNo: text('registration_no').notNull(),
    registeredOn: date('registered_on').notNull(),
    status: text('status', { enum: ['registered', 'suspended', 'cancelled'] })
      .notNull()
      .default('registered'),
    communityLink: boolean('community_link').notNull(),
    siteInDistrict: boolean('site_in_district').notNull(),
    thaiNationality: boolean('thai_nationality').notNull(),
    documentsReceived: boolean('documents_received').notNull(),
    /** A contact the producer agreed to publish in the public catalog (shop phone, LINE, page); null: none shown. */
    publicContact: text('public_contact'),
    /** The group's or person's name, kept by triggers (migration 0020) so the list sorts on an index. */
    ownerName: text('owner_name').notNull().default(''),
  },
  (t) => [
    index('producers_unit_idx').on(t.orgUnitCode),
    index('producers_group_idx').on(t.groupId),
    index('producers_person_idx').on(t.personId),
    index('producers_owner_idx').on(sql`(${t.ownerName} collate thai)`, t.id).where(sql`${t.deletedAt} is null`),
    check('producers_one_owner', sql`(${t.groupId} is null) <> (${t.personId} is null)`),
  ],
);

export const products = pgTable(
  'products',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    ...recordColumns(),
    producerId: integer('producer_id')
      .notNull()
      .references(() => producers.id),
    name: text('name').notNull(),
    category: text('category', { enum: ['food', 'beverage', 'textile', 'household_souvenir', 'herbal_non_food'] }).notNull(),
    description: text('description').notNull().default(''),
    story: text('story').notNull().default(''),
    priceSatang: bigint('price_satang', { mode: 'bigint' }),
    unit: text('unit'),
    quadrant: text('quadrant', { enum: ['A', 'B', 'C', 'D'] }),
    searchText: text('search_text').notNull().default(''),
  },
  (t) => [
    index('products_unit_name_idx').on(t.orgUnitCode, sql`(${t.name} collate thai)`, t.id),
    index('products_name_idx').on(sql`(${t.name} collate thai)`, t.id).where(sql`${t.deletedAt} is null`),
    index('products_producer_idx').on(t.producerId),
    index('products_search_trgm').using('gin', sql`${t.searchText} gin_trgm_ops`),
  ],
);

/** OTOP Product Champion (OPC) rating history: one rating per product per round (BE year). */
export const productRatings = pgTable(
  'product_ratings',
  {
    productId: integer('product_id')
      .notNull()
      .references(() => products.id),
    year: integer('year').notNull(),
    stars: integer('stars').notNull(),
  },
  (t) => [primaryKey({ columns: [t.productId, t.year] }), check('rating_stars', sql`${t.stars} between 1 and 5`)],
);

export const certifications = pgTable(
  'certifications',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    ...recordColumns(),
    productId: integer('product_id').references(() => products.id),
    producerId: integer('producer_id').references(() => producers.id),
    standardCode: text('standard_code').notNull(),
    certificateNo: text('certificate_no').notNull(),
    issuer: text('issuer').notNull(),
    issuedOn: date('issued_on').notNull(),
    expiresOn: date('expires_on'),
  },
  (t) => [
    index('certifications_unit_expiry_idx').on(t.orgUnitCode, t.expiresOn),
    // A product's, a producer's and a group's page read their certificates by subject.
    index('certifications_product_idx').on(t.productId),
    index('certifications_producer_idx').on(t.producerId),
    index('certifications_expiry_idx').on(t.expiresOn, t.id).where(sql`${t.deletedAt} is null`),
    check('certifications_one_subject', sql`(${t.productId} is null) <> (${t.producerId} is null)`),
    check('certifications_dates', sql`${t.expiresOn} is null or ${t.expiresOn} >= ${t.issuedOn}`),
  ],
);

/** Photos and documents, in the database so app nodes stay stateless and a backup is whole. */
export const attachments = pgTable(
  'attachments',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    orgUnitCode: text('org_unit_code').notNull(),
    ownerType: text('owner_type', { enum: ['wisdom', 'product', 'outcome', 'post'] }).notNull(),
    ownerId: integer('owner_id').notNull(),
    kind: text('kind', { enum: ['image', 'document'] }).notNull(),
    filename: text('filename').notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    width: integer('width'),
    height: integer('height'),
    data: bytea('data').notNull(),
    thumbnail: bytea('thumbnail'),
    createdBy: integer('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [index('attachments_owner_idx').on(t.ownerType, t.ownerId)],
);

/**
 * How long each type of record is kept (PDPA storage limitation); rows override the defaults in code
 * (`RETENTION_DEFAULTS`, documented in docs/pdpa.md).
 */
export const retentionSettings = pgTable('retention_settings', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  recordType: text('record_type').notNull().unique(),
  retainYears: integer('retain_years').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
