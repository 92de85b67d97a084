import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { recordColumns } from './columns';
import { people } from './pipeline';
import { users } from './users';

/** DOMAIN.md §5 (6.1): the four places a member can fill on the committee. */
export const COMPOSITION_CATEGORIES = ['chair', 'secretary', 'agency', 'network'] as const;

/**
 * A committee term of the center (คณะกรรมการศูนย์), appointed by a district order (คำสั่งอำเภอ) signed by the
 * นายอำเภอ. Terms of one district do not overlap (a rule of the service).
 */
export const committees = pgTable(
  'committees',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    ...recordColumns(),
    orderNumber: text('order_number').notNull(),
    orderDate: date('order_date').notNull(),
    /** The name of the นายอำเภอ who signed the order, as printed. */
    signedBy: text('signed_by').notNull(),
    termStart: date('term_start').notNull(),
    termEnd: date('term_end').notNull(),
    note: text('note').notNull().default(''),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
  },
  (t) => [
    index('committees_unit_term_idx').on(t.orgUnitCode, t.termStart),
    check('committees_term', sql`${t.termEnd} >= ${t.termStart}`),
  ],
);

/**
 * A member of a term: a person of the district, or an official named by position (พัฒนาการอำเภอ). Members are
 * edited in place (their ids are what meeting attendance points at); `sort` is the order on the appointing order.
 */
export const committeeMembers = pgTable(
  'committee_members',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    committeeId: integer('committee_id')
      .notNull()
      .references(() => committees.id),
    personId: integer('person_id').references(() => people.id),
    /** For an official by position, or a person's name as printed when not in the people register. */
    name: text('name').notNull().default(''),
    /** Job title and office outside the committee: นายอำเภอ…, ผู้อำนวยการโรงเรียน…, ประธานเครือข่าย OTOP อำเภอ. */
    title: text('title').notNull().default(''),
    category: text('category', { enum: COMPOSITION_CATEGORIES }).notNull(),
    /** A `committee_position` code: chair, secretary, treasurer, public_relations, … */
    positionCode: text('position_code').notNull(),
    sort: integer('sort').notNull().default(0),
  },
  (t) => [
    index('committee_members_committee_idx').on(t.committeeId, t.sort),
    index('committee_members_person_idx').on(t.personId),
    check('committee_members_named', sql`${t.personId} is not null or ${t.name} <> ''`),
  ],
);

/**
 * The department's written approval for a district to keep its older mechanism (DOMAIN.md §5): while one is in
 * force the composition is not enforced. At most one in force per district.
 */
export const committeeExceptions = pgTable(
  'committee_exceptions',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    ...recordColumns(),
    letterNumber: text('letter_number').notNull(),
    letterDate: date('letter_date').notNull(),
    reason: text('reason').notNull().default(''),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
  },
  (t) => [uniqueIndex('committee_exceptions_unit_uq').on(t.orgUnitCode).where(sql`${t.deletedAt} is null`)],
);

/** Where the center is and how to reach it (DOMAIN.md §5, location): one per district. */
export const centerProfiles = pgTable(
  'center_profiles',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    ...recordColumns(),
    officeAddress: text('office_address').notNull(),
    /** The clearly separate service area inside (or outside) the office. */
    serviceArea: text('service_area').notNull().default(''),
    openingHours: text('opening_hours').notNull().default(''),
    phone: text('phone').notNull().default(''),
    email: text('email').notNull().default(''),
    staffOnDuty: text('staff_on_duty').notNull().default(''),
    learningMedia: text('learning_media').notNull().default(''),
    latitude: text('latitude'),
    longitude: text('longitude'),
  },
  (t) => [uniqueIndex('center_profiles_unit_uq').on(t.orgUnitCode)],
);

export const MEETING_STATUSES = ['planned', 'held', 'cancelled'] as const;

/**
 * A committee meeting. Planned meetings may lie ahead (the invitation goes out first); a held one is dated today
 * or earlier and has attendance. The quorum share is copied from the setting when the meeting is created, so a
 * later change of the setting does not rewrite history.
 */
export const meetings = pgTable(
  'meetings',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    ...recordColumns(),
    committeeId: integer('committee_id')
      .notNull()
      .references(() => committees.id),
    /** ครั้งที่ n/ปีงบประมาณ: running per district and fiscal year. */
    number: integer('number').notNull(),
    fiscalYear: integer('fiscal_year').notNull(),
    heldOn: date('held_on').notNull(),
    /** 'HH:MM', Bangkok time. */
    startsAt: text('starts_at').notNull().default('09:30'),
    place: text('place').notNull(),
    status: text('status', { enum: MEETING_STATUSES }).notNull().default('planned'),
    /** Attendance needed, in percent of members; the meeting is quorate with strictly more than this. */
    quorumPercent: integer('quorum_percent').notNull().default(50),
    /** Non-members present (ผู้เข้าร่วมประชุม), one per line. */
    guests: text('guests').notNull().default(''),
    openedAt: text('opened_at'),
    closedAt: text('closed_at'),
    /** Who took the minutes (ผู้จดรายงานการประชุม) and who checked them. */
    minutesBy: text('minutes_by').notNull().default(''),
    minutesCheckedBy: text('minutes_checked_by').notNull().default(''),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
  },
  (t) => [
    index('meetings_unit_date_idx').on(t.orgUnitCode, t.heldOn),
    index('meetings_committee_idx').on(t.committeeId),
    uniqueIndex('meetings_number_uq').on(t.orgUnitCode, t.fiscalYear, t.number).where(sql`${t.deletedAt} is null`),
    check('meetings_quorum', sql`${t.quorumPercent} between 1 and 99`),
  ],
);

export const AGENDA_KINDS = ['announcement', 'previous_minutes', 'follow_up', 'consideration', 'other'] as const;

/** ระเบียบวาระการประชุม: the agenda, and what was said under each item (the minutes). Replaced with the meeting. */
export const meetingAgendaItems = pgTable(
  'meeting_agenda_items',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id),
    seq: integer('seq').notNull(),
    kind: text('kind', { enum: AGENDA_KINDS }).notNull(),
    title: text('title').notNull(),
    /** The discussion as minuted. */
    minutes: text('minutes').notNull().default(''),
  },
  (t) => [
    uniqueIndex('meeting_agenda_items_seq_uq').on(t.meetingId, t.seq),
    check('meeting_agenda_items_seq', sql`${t.seq} >= 1`),
  ],
);

/** Members invited to a meeting and whether they came. */
export const meetingAttendees = pgTable(
  'meeting_attendees',
  {
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id),
    memberId: integer('member_id')
      .notNull()
      .references(() => committeeMembers.id),
    attended: boolean('attended').notNull().default(false),
    /** Who came in the member's place, or why the member was absent. */
    note: text('note').notNull().default(''),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.memberId] }), index('meeting_attendees_member_idx').on(t.memberId)],
);

export const RESOLUTION_STATUSES = ['open', 'in_progress', 'done', 'dropped'] as const;

/** มติที่ประชุม: what was decided, who does it by when, and how the follow-up went. */
export const meetingResolutions = pgTable(
  'meeting_resolutions',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    ...recordColumns(),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id),
    agendaSeq: integer('agenda_seq'),
    text: text('text').notNull(),
    ownerMemberId: integer('owner_member_id').references(() => committeeMembers.id),
    dueOn: date('due_on'),
    status: text('status', { enum: RESOLUTION_STATUSES }).notNull().default('open'),
    followUp: text('follow_up').notNull().default(''),
    doneOn: date('done_on'),
  },
  (t) => [
    index('meeting_resolutions_meeting_idx').on(t.meetingId),
    index('meeting_resolutions_unit_due_idx').on(t.orgUnitCode, t.dueOn),
    check('meeting_resolutions_done', sql`(${t.status} = 'done') = (${t.doneOn} is not null)`),
  ],
);

export const POST_CHANNELS = ['website', 'facebook', 'line', 'radio', 'board'] as const;

/**
 * The center's news about its results. A draft has no `published_on`; a published post counts toward the
 * publicity indicator, and a public one appears on the public portal. Photos are attachments of owner 'post'.
 */
export const posts = pgTable(
  'posts',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    ...recordColumns(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    channels: text('channels', { enum: POST_CHANNELS }).array().notNull().default(sql`'{}'::text[]`),
    publishedOn: date('published_on'),
    isPublic: boolean('is_public').notNull().default(false),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    searchText: text('search_text').notNull().default(''),
  },
  (t) => [
    index('posts_unit_date_idx').on(t.orgUnitCode, t.publishedOn),
    index('posts_search_trgm').using('gin', sql`${t.searchText} gin_trgm_ops`),
    check('posts_published_channels', sql`${t.publishedOn} is null or cardinality(${t.channels}) >= 1`),
    check('posts_public_published', sql`not ${t.isPublic} or ${t.publishedOn} is not null`),
  ],
);
