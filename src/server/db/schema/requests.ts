import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { recordColumns } from './columns';
import { groups, people } from './pipeline';
import { partners, services } from './services';
import { users } from './users';

/**
 * A request for help (คำขอรับบริการ): walk-in, phone, letter or the public portal. Its reference code is
 * what the client quotes; the service that answered it points back here.
 */
export const serviceRequests = pgTable(
  'service_requests',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    ...recordColumns(),
    referenceCode: text('reference_code').notNull(),
    channel: text('channel', { enum: ['walk_in', 'phone', 'letter', 'portal'] }).notNull(),
    receivedOn: date('received_on').notNull(),
    personId: integer('person_id').references(() => people.id),
    groupId: integer('group_id').references(() => groups.id),
    /** As the client gave it, for someone not (yet) in the people register. */
    clientName: text('client_name').notNull().default(''),
    clientPhone: text('client_phone'),
    /** A `service_type` code: which of the center's missions the request is about. */
    subjectCode: text('subject_code').notNull(),
    description: text('description').notNull(),
    status: text('status', { enum: ['new', 'accepted', 'in_progress', 'done', 'referred', 'declined'] })
      .notNull()
      .default('new'),
    declineReason: text('decline_reason'),
    serviceId: integer('service_id').references(() => services.id),
    /** Null for a request that came through the public portal. */
    createdBy: integer('created_by').references(() => users.id),
    searchText: text('search_text').notNull().default(''),
    /**
     * SHA-256 of the secret in the follow link a portal request's sender got. The reference code alone is guessable
     * (it counts up), so the public status page needs both.
     */
    followTokenHash: text('follow_token_hash'),
  },
  (t) => [
    uniqueIndex('service_requests_reference_uq').on(t.referenceCode),
    index('service_requests_unit_status_idx').on(t.orgUnitCode, t.status),
    index('service_requests_search_trgm').using('gin', sql`${t.searchText} gin_trgm_ops`),
    check('service_requests_has_client', sql`${t.personId} is not null or ${t.groupId} is not null or ${t.clientName} <> ''`),
    check('service_requests_decline_reason', sql`(${t.status} = 'declined') = (${t.declineReason} is not null)`),
  ],
);

/** A referral (การส่งต่อ) when the need is beyond the center: to the province, the department or a partner. */
export const referrals = pgTable(
  'referrals',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    ...recordColumns(),
    requestId: integer('request_id').references(() => serviceRequests.id),
    serviceId: integer('service_id').references(() => services.id),
    personId: integer('person_id').references(() => people.id),
    groupId: integer('group_id').references(() => groups.id),
    targetLevel: text('target_level', { enum: ['province', 'national', 'partner'] }).notNull(),
    partnerId: integer('partner_id').references(() => partners.id),
    /** The agency by name when it is not a partner record (a province or department office). */
    targetName: text('target_name').notNull().default(''),
    reason: text('reason').notNull(),
    referredOn: date('referred_on').notNull(),
    status: text('status', { enum: ['sent', 'accepted', 'completed', 'not_accepted'] })
      .notNull()
      .default('sent'),
    result: text('result').notNull().default(''),
    resultOn: date('result_on'),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
  },
  (t) => [
    index('referrals_unit_date_idx').on(t.orgUnitCode, t.referredOn),
    index('referrals_group_idx').on(t.groupId),
    index('referrals_service_idx').on(t.serviceId),
    index('referrals_request_idx').on(t.requestId),
    check('referrals_partner_target', sql`(${t.targetLevel} = 'partner') = (${t.partnerId} is not null)`),
    check('referrals_named_target', sql`${t.targetLevel} = 'partner' or ${t.targetName} <> ''`),
    check('referrals_has_client', sql`${t.personId} is not null or ${t.groupId} is not null`),
    check('referrals_result_after', sql`${t.resultOn} is null or ${t.resultOn} >= ${t.referredOn}`),
  ],
);
