import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { recordColumns } from './columns';
import { groups, people } from './pipeline';
import { users } from './users';

/** The district's partner agencies (ภาคีเครือข่าย), named by services and, later, activities and referrals. */
export const partners = pgTable(
  'partners',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    ...recordColumns(),
    kind: text('kind', {
      enum: ['government', 'local_admin', 'education', 'bank', 'private', 'network', 'community'],
    }).notNull(),
    name: text('name').notNull(),
    contactPerson: text('contact_person').notNull().default(''),
    phone: text('phone'),
    email: text('email'),
    address: text('address').notNull().default(''),
    note: text('note').notNull().default(''),
    searchText: text('search_text').notNull().default(''),
  },
  (t) => [
    index('partners_unit_idx').on(t.orgUnitCode),
    index('partners_search_trgm').using('gin', sql`${t.searchText} gin_trgm_ops`),
  ],
);

/** A mobile outreach trip (ออกหน่วยเชิงรุก): the team and the places it went; its services point at it. */
export const outreachTrips = pgTable(
  'outreach_trips',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    ...recordColumns(),
    tripDate: date('trip_date').notNull(),
    places: text('places').array().notNull().default(sql`'{}'::text[]`),
    note: text('note').notNull().default(''),
  },
  (t) => [index('outreach_trips_unit_date_idx').on(t.orgUnitCode, t.tripDate)],
);

export const outreachTripTeam = pgTable(
  'outreach_trip_team',
  {
    tripId: integer('trip_id')
      .notNull()
      .references(() => outreachTrips.id),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.tripId, t.userId] })],
);

/** One service the center gave (DOMAIN.md §1): at the center (เชิงรับ) or on outreach (เชิงรุก). */
export const services = pgTable(
  'services',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    ...recordColumns(),
    serviceDate: date('service_date').notNull(),
    mode: text('mode', { enum: ['center', 'outreach'] }).notNull(),
    outreachKind: text('outreach_kind', { enum: ['scheduled', 'on_demand', 'emergency'] }),
    tripId: integer('trip_id').references(() => outreachTrips.id),
    description: text('description').notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    outcome: text('outcome').notNull().default(''),
    followUpOn: date('follow_up_on'),
    followUpStatus: text('follow_up_status', { enum: ['pending', 'done', 'cancelled'] }),
    /** Who recorded it: a committee member may change only what they recorded. */
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    searchText: text('search_text').notNull().default(''),
  },
  (t) => [
    index('services_unit_date_idx').on(t.orgUnitCode, t.serviceDate, t.id),
    index('services_date_idx').on(t.serviceDate, t.id).where(sql`${t.deletedAt} is null`),
    index('services_trip_idx').on(t.tripId),
    index('services_search_trgm').using('gin', sql`${t.searchText} gin_trgm_ops`),
    check('services_duration_positive', sql`${t.durationMinutes} > 0`),
    check('services_outreach_kind', sql`(${t.mode} = 'outreach') = (${t.outreachKind} is not null)`),
    check('services_follow_up_after', sql`${t.followUpOn} is null or ${t.followUpOn} > ${t.serviceDate}`),
    check('services_follow_up_status', sql`(${t.followUpOn} is null) = (${t.followUpStatus} is null)`),
    check('services_trip_is_outreach', sql`${t.tripId} is null or ${t.mode} = 'outreach'`),
  ],
);

export const servicePeople = pgTable(
  'service_people',
  {
    serviceId: integer('service_id')
      .notNull()
      .references(() => services.id),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id),
  },
  (t) => [primaryKey({ columns: [t.serviceId, t.personId] }), index('service_people_person_idx').on(t.personId)],
);

export const serviceGroups = pgTable(
  'service_groups',
  {
    serviceId: integer('service_id')
      .notNull()
      .references(() => services.id),
    groupId: integer('group_id')
      .notNull()
      .references(() => groups.id),
  },
  (t) => [primaryKey({ columns: [t.serviceId, t.groupId] }), index('service_groups_group_idx').on(t.groupId)],
);

/** Codes of the `service_type` code list (missions and knowledge topics). */
export const serviceTypeCodes = pgTable(
  'service_type_codes',
  {
    serviceId: integer('service_id')
      .notNull()
      .references(() => services.id),
    typeCode: text('type_code').notNull(),
  },
  (t) => [primaryKey({ columns: [t.serviceId, t.typeCode] }), index('service_type_codes_code_idx').on(t.typeCode)],
);

export const serviceStaff = pgTable(
  'service_staff',
  {
    serviceId: integer('service_id')
      .notNull()
      .references(() => services.id),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.serviceId, t.userId] }), index('service_staff_user_idx').on(t.userId)],
);

export const servicePartners = pgTable(
  'service_partners',
  {
    serviceId: integer('service_id')
      .notNull()
      .references(() => services.id),
    partnerId: integer('partner_id')
      .notNull()
      .references(() => partners.id),
  },
  (t) => [primaryKey({ columns: [t.serviceId, t.partnerId] }), index('service_partners_partner_idx').on(t.partnerId)],
);
