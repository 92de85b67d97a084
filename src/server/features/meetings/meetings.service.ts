/**
 * Committee meetings (DOMAIN.md §5): planned with an agenda and the members invited, then recorded as held with
 * attendance, minutes per agenda item and resolutions. Numbered ครั้งที่ n/ปี per district and fiscal year.
 */
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import {
  type createMeetingBody,
  isQuorate,
  type Meeting,
  type MeetingDetail,
  meetingChange,
  type meetingListQuery,
  type recordMeetingBody,
  type updateMeetingBody,
} from '#shared/meetings';
import { fiscalYearOf } from '#shared/thai/index';
import { type Actor, requireInScope, requirePermission, scopeFilter } from '../../access';
import { createRecord, deleteRecord, updateRecord } from '../../audit/writes';
import { thaiToday } from '../../clock';
import type { Db, Tx } from '../../db/client';
import { underUnit } from '../../db/filters';
import { oneWithLocked, type Unlocked, withLocked } from '../../db/locked-quarters';
import { type OrderKey, readPage } from '../../db/paging';
import { findVisible } from '../../db/records';
import { meetingAgendaItems, meetingAttendees, meetings } from '../../db/schema';
import { AppError } from '../../errors';
import { applyPatch } from '../../http/patch';
import { committeeInForce, membersOf, requireMembersOfTerm } from './members';
import { quorumPercent } from './quorum.service';
import { createResolutions, resolutionsOf } from './resolutions.service';

export const MEETING = { entity: 'meeting', notFound: 'meeting.not_found' } as const;
type MeetingRow = typeof meetings.$inferSelect;
type PlanInput = z.infer<typeof createMeetingBody> | z.infer<typeof meetingChange>;

// Written out in full: inside a select list drizzle leaves column names unqualified, which a subquery would capture.
const membersCount = sql<number>`(select count(*) from committee_members cm where cm.committee_id = "meetings"."committee_id")::int`;
const invitedCount = sql<number>`(select count(*) from meeting_attendees a where a.meeting_id = "meetings"."id")::int`;
const attendedCount = sql<number>`(select count(*) from meeting_attendees a where a.meeting_id = "meetings"."id" and a.attended)::int`;

const selectMeeting = (db: Db | Tx) =>
  db.select({ m: meetings, membersCount, invitedCount, attendedCount }).from(meetings).$dynamic();

type Selected = { m: MeetingRow; membersCount: number; invitedCount: number; attendedCount: number };
/** A meeting counts in the quarter it is held in (the lock trigger's column). */
const datedBy = (m: Unlocked<Meeting>) => ({ unit: m.orgUnitCode, day: m.heldOn });

const toMeeting = ({ m, ...counts }: Selected): Unlocked<Meeting> => ({
  id: m.id,
  orgUnitCode: m.orgUnitCode,
  committeeId: m.committeeId,
  number: m.number,
  fiscalYear: m.fiscalYear,
  quarter: fiscalYearOf(m.heldOn).quarter,
  heldOn: m.heldOn,
  startsAt: m.startsAt,
  place: m.place,
  status: m.status,
  quorumPercent: m.quorumPercent,
  ...counts,
  quorate: m.status === 'held' ? isQuorate(counts.attendedCount, counts.membersCount, m.quorumPercent) : null,
  version: m.version,
});

/** Meetings of the scope, newest first, by fiscal year and status. */
export async function listMeetings(db: Db, actor: Actor, query: z.infer<typeof meetingListQuery>) {
  requirePermission(actor, 'pipeline.read');
  const where = and(
    isNull(meetings.deletedAt),
    scopeFilter(actor, meetings.orgUnitCode),
    query.unit ? underUnit(meetings.orgUnitCode, query.unit) : undefined,
    query.fiscalYear ? eq(meetings.fiscalYear, query.fiscalYear) : undefined,
    query.status ? eq(meetings.status, query.status) : undefined,
  );
  const rows = selectMeeting(db).$dynamic();
  type Row = Awaited<typeof rows>[number];
  const order: OrderKey<Row>[] = [
    { by: meetings.heldOn, kind: 'date', of: (m: Row) => m.m.heldOn, desc: true },
    { by: meetings.id, kind: 'int', of: (m: Row) => m.m.id, desc: true },
  ];
  const page = await readPage(db, { rows, table: meetings, where, order }, query);
  return { ...page, items: await withLocked(db, page.items.map(toMeeting), datedBy) };
}

export async function readMeeting(db: Db | Tx, id: number): Promise<MeetingDetail> {
  const [row] = await selectMeeting(db).where(eq(meetings.id, id));
  const m = row.m;
  const agenda = await db
    .select()
    .from(meetingAgendaItems)
    .where(eq(meetingAgendaItems.meetingId, id))
    .orderBy(asc(meetingAgendaItems.seq));
  const invited = await db.select().from(meetingAttendees).where(eq(meetingAttendees.meetingId, id));
  const members = await membersOf(db, m.committeeId);
  const attendees = members.flatMap((member) => {
    const a = invited.find((i) => i.memberId === member.id);
    return a ? [{ memberId: member.id, ...member, attended: a.attended, note: a.note }] : [];
  });
  const detail = {
    ...toMeeting(row),
    guests: m.guests,
    openedAt: m.openedAt,
    closedAt: m.closedAt,
    minutesBy: m.minutesBy,
    minutesCheckedBy: m.minutesCheckedBy,
    agenda: agenda.map((a) => ({ seq: a.seq, kind: a.kind, title: a.title, minutes: a.minutes })),
    attendees: attendees.map(({ id: _, ...a }) => a),
    resolutions: await resolutionsOf(db, id),
  };
  return oneWithLocked(db, detail, datedBy);
}

export async function getMeeting(db: Db, actor: Actor, id: number): Promise<MeetingDetail> {
  requirePermission(actor, 'pipeline.read');
  await findVisible(db, actor, meetings, id, MEETING.notFound);
  return readMeeting(db, id);
}

/** The members of the term in force on a day, for the invitation list of a new meeting. */
export async function termMembers(db: Db, actor: Actor, unit: string, on: string) {
  requirePermission(actor, 'pipeline.read');
  requireInScope(actor, unit);
  const committeeId = await committeeInForce(db, unit, on);
  return { committeeId, members: await membersOf(db, committeeId) };
}

/**
 * The next number of the district's fiscal year. A transaction-scoped advisory lock on district and year makes
 * concurrent plans wait for each other; each then reads the numbers committed before it.
 */
async function nextNumber(tx: Tx, orgUnitCode: string, fiscalYear: number): Promise<number> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`meeting:${orgUnitCode}:${fiscalYear}`}))`);
  const [{ last }] = await tx
    .select({ last: sql<number>`coalesce(max(${meetings.number}), 0)::int` })
    .from(meetings)
    .where(and(eq(meetings.orgUnitCode, orgUnitCode), eq(meetings.fiscalYear, fiscalYear), isNull(meetings.deletedAt)));
  return last + 1;
}

/** The term of the date and the members invited (all of them unless chosen), checked before anything is written. */
async function planOf(tx: Tx, orgUnitCode: string, body: PlanInput) {
  const committeeId = await committeeInForce(tx, orgUnitCode, body.heldOn);
  const invited = body.invitedMemberIds
    ? [...new Set(body.invitedMemberIds)]
    : (await membersOf(tx, committeeId)).map((m) => m.id);
  await requireMembersOfTerm(tx, orgUnitCode, committeeId, invited);
  return { committeeId, invited };
}

const agendaView = (body: PlanInput) => body.agenda.map((a, i) => `${i + 1}. ${a.title}`);

async function writePlan(tx: Tx, meetingId: number, body: PlanInput, invited: number[]) {
  await tx.delete(meetingAgendaItems).where(eq(meetingAgendaItems.meetingId, meetingId));
  await tx
    .insert(meetingAgendaItems)
    .values(body.agenda.map((a, i) => ({ meetingId, seq: i + 1, kind: a.kind, title: a.title })));
  await tx.delete(meetingAttendees).where(eq(meetingAttendees.meetingId, meetingId));
  if (invited.length) await tx.insert(meetingAttendees).values(invited.map((memberId) => ({ meetingId, memberId })));
}

export async function planMeeting(db: Db, actor: Actor, body: z.infer<typeof createMeetingBody>): Promise<MeetingDetail> {
  requirePermission(actor, 'pipeline.write');
  requireInScope(actor, body.orgUnitCode);
  const { id } = await db.transaction((tx) => insertMeeting(tx, actor, body));
  return readMeeting(db, id);
}

/**
 * A planned meeting inside the caller's transaction (the form and the demo): its id and version, and the members
 * invited (those chosen, or the whole term in the order its members are listed).
 */
export async function insertMeeting(tx: Tx, actor: Actor, body: z.infer<typeof createMeetingBody>) {
  const { committeeId, invited } = await planOf(tx, body.orgUnitCode, body);
  const { fiscalYear } = fiscalYearOf(body.heldOn);
  const created = await createRecord(
    tx,
    actor,
    meetings,
    MEETING.entity,
    {
      orgUnitCode: body.orgUnitCode,
      committeeId,
      number: await nextNumber(tx, body.orgUnitCode, fiscalYear),
      fiscalYear,
      heldOn: body.heldOn,
      startsAt: body.startsAt,
      place: body.place,
      quorumPercent: await quorumPercent(tx),
      createdBy: actor.userId,
    },
    { after: { agenda: agendaView(body), invitedMemberIds: invited } },
  );
  await writePlan(tx, created.id, body, invited);
  return { id: created.id, version: created.version, invited };
}

async function requirePlanned(tx: Tx, actor: Actor, id: number) {
  const existing = await findVisible(tx, actor, meetings, id, MEETING.notFound);
  requireInScope(actor, existing.orgUnitCode);
  if (existing.status !== 'planned') throw new AppError('meeting.not_planned');
  return existing;
}

/** Changes a planned meeting: date (renumbered if it moves to another fiscal year), time, place, agenda, invitations. */
export async function updateMeeting(
  db: Db,
  actor: Actor,
  id: number,
  patch: z.infer<typeof updateMeetingBody>,
): Promise<MeetingDetail> {
  requirePermission(actor, 'pipeline.write');
  await db.transaction(async (tx) => {
    const existing = await requirePlanned(tx, actor, id);
    const before = await tx
      .select()
      .from(meetingAgendaItems)
      .where(eq(meetingAgendaItems.meetingId, id))
      .orderBy(asc(meetingAgendaItems.seq));
    const wasInvited = await tx.select().from(meetingAttendees).where(eq(meetingAttendees.meetingId, id));
    const stored = {
      heldOn: existing.heldOn,
      startsAt: existing.startsAt,
      place: existing.place,
      agenda: before.map((a) => ({ kind: a.kind, title: a.title })),
      invitedMemberIds: wasInvited.map((a) => a.memberId),
    };
    const body = applyPatch(meetingChange, stored, patch);
    const { committeeId, invited } = await planOf(tx, existing.orgUnitCode, body);
    const { fiscalYear } = fiscalYearOf(body.heldOn);
    const number = fiscalYear === existing.fiscalYear ? existing.number : await nextNumber(tx, existing.orgUnitCode, fiscalYear);
    await updateRecord(
      tx,
      actor,
      meetings,
      MEETING,
      id,
      body.version,
      { committeeId, number, fiscalYear, heldOn: body.heldOn, startsAt: body.startsAt, place: body.place },
      {
        before: { agenda: before.map((a) => `${a.seq}. ${a.title}`), invitedMemberIds: wasInvited.map((a) => a.memberId) },
        after: { agenda: agendaView(body), invitedMemberIds: invited },
      },
    );
    await writePlan(tx, id, body, invited);
  });
  return readMeeting(db, id);
}

export async function cancelMeeting(db: Db, actor: Actor, id: number, version: number): Promise<MeetingDetail> {
  requirePermission(actor, 'pipeline.write');
  await db.transaction(async (tx) => {
    await requirePlanned(tx, actor, id);
    await updateRecord(tx, actor, meetings, MEETING, id, version, { status: 'cancelled' }, { action: 'cancel' });
  });
  return readMeeting(db, id);
}

export async function deleteMeeting(db: Db, actor: Actor, id: number, version: number): Promise<void> {
  requirePermission(actor, 'pipeline.write');
  await db.transaction(async (tx) => {
    const existing = await findVisible(tx, actor, meetings, id, MEETING.notFound);
    requireInScope(actor, existing.orgUnitCode);
    await deleteRecord(tx, actor, meetings, MEETING, id, version);
  });
}

/**
 * Records a planned meeting as held: attendance, minutes, resolutions. Every rule is checked before anything is
 * written. Without quorum the meeting is still recorded (it took place) but passes no resolution.
 */
export async function recordMeeting(
  db: Db,
  actor: Actor,
  id: number,
  body: z.infer<typeof recordMeetingBody>,
): Promise<MeetingDetail> {
  requirePermission(actor, 'pipeline.write');
  await db.transaction((tx) => recordMinutes(tx, actor, id, body));
  return readMeeting(db, id);
}

/** The minutes of a planned meeting inside the caller's transaction (the form and the demo); the resolutions made. */
export async function recordMinutes(tx: Tx, actor: Actor, id: number, body: z.infer<typeof recordMeetingBody>) {
  const meeting = await requirePlanned(tx, actor, id);
  if (meeting.heldOn > thaiToday()) throw new AppError('meeting.held_in_future');
  const members = await membersOf(tx, meeting.committeeId);
  const memberIds = body.attendance.map((a) => a.memberId);
  await requireMembersOfTerm(tx, meeting.orgUnitCode, meeting.committeeId, memberIds);
  const attended = new Set(body.attendance.filter((a) => a.attended).map((a) => a.memberId));
  if (!attended.size) throw new AppError('meeting.no_attendees');
  const agenda = await tx.select().from(meetingAgendaItems).where(eq(meetingAgendaItems.meetingId, id));
  for (const r of body.resolutions) {
    if (r.dueOn && r.dueOn < meeting.heldOn) throw new AppError('meeting.resolution_due_before');
    if (r.agendaSeq && !agenda.some((a) => a.seq === r.agendaSeq))
      throw new AppError('meeting.resolution_agenda', { params: { seq: r.agendaSeq } });
  }
  await requireMembersOfTerm(
    tx,
    meeting.orgUnitCode,
    meeting.committeeId,
    body.resolutions.flatMap((r) => (r.ownerMemberId ? [r.ownerMemberId] : [])),
  );
  if (body.resolutions.length && !isQuorate(attended.size, members.length, meeting.quorumPercent))
    throw new AppError('meeting.no_quorum_resolutions', { params: { attended: attended.size, members: members.length } });

  const invited = await tx.select().from(meetingAttendees).where(eq(meetingAttendees.meetingId, id));
  const attendance = new Map(invited.map((a) => [a.memberId, { attended: false, note: '' }]));
  for (const a of body.attendance) attendance.set(a.memberId, { attended: a.attended, note: a.note });
  await updateRecord(
    tx,
    actor,
    meetings,
    MEETING,
    id,
    body.version,
    {
      status: 'held',
      guests: body.guests,
      openedAt: body.openedAt,
      closedAt: body.closedAt,
      minutesBy: body.minutesBy,
      minutesCheckedBy: body.minutesCheckedBy,
    },
    {
      action: 'record_minutes',
      after: {
        attendedMemberIds: [...attended],
        minutes: body.minutes.filter((m) => m.minutes).map((m) => `${m.seq}. ${m.minutes}`),
      },
    },
  );
  await tx.delete(meetingAttendees).where(eq(meetingAttendees.meetingId, id));
  await tx.insert(meetingAttendees).values([...attendance].map(([memberId, a]) => ({ meetingId: id, memberId, ...a })));
  for (const m of body.minutes)
    await tx
      .update(meetingAgendaItems)
      .set({ minutes: m.minutes })
      .where(and(eq(meetingAgendaItems.meetingId, id), eq(meetingAgendaItems.seq, m.seq)));
  return createResolutions(tx, actor, meeting, body.resolutions);
}

/** A meeting the actor may see, to print (its district's officers issue the number). */
export async function meetingToPrint(db: Db, actor: Actor, id: number): Promise<MeetingDetail> {
  requirePermission(actor, 'documents.issue');
  await findVisible(db, actor, meetings, id, MEETING.notFound);
  return readMeeting(db, id);
}
