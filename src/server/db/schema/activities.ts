import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, index, integer, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { budgetItems } from './budget';
import { recordColumns } from './columns';
import { groups, people } from './pipeline';
import { partners } from './services';
import { users } from './users';

export const ACTIVITY_KINDS = ['training', 'market_event', 'study_visit', 'strengthening'] as const;
/** DOMAIN.md §4: the seed's sales channels that are events the center organises or joins. */
export const MARKET_EVENT_KINDS = [
  'community_market',
  'festival',
  'district_fair',
  'sales_center',
  'petrol_station',
  'online',
] as const;

/** A training, market event or fair, study visit or strengthening activity of the center. */
export const activities = pgTable(
  'activities',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    ...recordColumns(),
    kind: text('kind', { enum: ACTIVITY_KINDS }).notNull(),
    /** A knowledge-topic `service_type` code (topic_*), for trainings. */
    topicCode: text('topic_code'),
    marketKind: text('market_kind', { enum: MARKET_EVENT_KINDS }),
    title: text('title').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    place: text('place').notNull(),
    /** The budget activity that paid for it, when one did. */
    budgetItemId: integer('budget_item_id').references(() => budgetItems.id),
    budgetUsedSatang: bigint('budget_used_satang', { mode: 'bigint' }).notNull().default(sql`0`),
    note: text('note').notNull().default(''),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    searchText: text('search_text').notNull().default(''),
  },
  (t) => [
    index('activities_unit_date_idx').on(t.orgUnitCode, t.startsOn),
    index('activities_date_idx').on(t.startsOn, t.id).where(sql`${t.deletedAt} is null`),
    index('activities_search_trgm').using('gin', sql`${t.searchText} gin_trgm_ops`),
    check('activities_dates', sql`${t.endsOn} >= ${t.startsOn}`),
    check('activities_budget_used', sql`${t.budgetUsedSatang} >= 0`),
    check('activities_training_topic', sql`(${t.kind} = 'training') = (${t.topicCode} is not null)`),
    check('activities_market_kind', sql`(${t.kind} = 'market_event') = (${t.marketKind} is not null)`),
  ],
);

export const activityPartners = pgTable(
  'activity_partners',
  {
    activityId: integer('activity_id')
      .notNull()
      .references(() => activities.id),
    partnerId: integer('partner_id')
      .notNull()
      .references(() => partners.id),
  },
  (t) => [primaryKey({ columns: [t.activityId, t.partnerId] }), index('activity_partners_partner_idx').on(t.partnerId)],
);

/** People invited or registered, and whether they attended. */
export const activityPeople = pgTable(
  'activity_people',
  {
    activityId: integer('activity_id')
      .notNull()
      .references(() => activities.id),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id),
    attended: boolean('attended').notNull().default(true),
  },
  (t) => [primaryKey({ columns: [t.activityId, t.personId] }), index('activity_people_person_idx').on(t.personId)],
);

/** Groups taking part (a training's groups, a market event's stalls). */
export const activityGroups = pgTable(
  'activity_groups',
  {
    activityId: integer('activity_id')
      .notNull()
      .references(() => activities.id),
    groupId: integer('group_id')
      .notNull()
      .references(() => groups.id),
  },
  (t) => [primaryKey({ columns: [t.activityId, t.groupId] }), index('activity_groups_group_idx').on(t.groupId)],
);

/** A market event's takings: one row per group per day. */
export const eventSales = pgTable(
  'event_sales',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    activityId: integer('activity_id')
      .notNull()
      .references(() => activities.id),
    groupId: integer('group_id')
      .notNull()
      .references(() => groups.id),
    saleDate: date('sale_date').notNull(),
    quantity: integer('quantity'),
    amountSatang: bigint('amount_satang', { mode: 'bigint' }).notNull(),
  },
  (t) => [
    uniqueIndex('event_sales_day_uq').on(t.activityId, t.groupId, t.saleDate),
    index('event_sales_group_idx').on(t.groupId, t.saleDate),
    check('event_sales_amount', sql`${t.amountSatang} >= 0`),
    check('event_sales_quantity', sql`${t.quantity} is null or ${t.quantity} >= 0`),
  ],
);
