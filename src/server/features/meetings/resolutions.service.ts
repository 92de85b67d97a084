/** มติที่ประชุม: passed when a meeting is recorded, then followed up until done or dropped. */
import { and, asc, count, eq, inArray, isNull, lte, min } from 'drizzle-orm';
import type { z } from 'zod';
import {
  RESOLUTION_DUE_DAYS,
  type Resolution,
  resolutionChange,
  type resolutionListQuery,
  type updateResolutionBody,
} from '#shared/meetings';
import { addDays } from '#shared/thai/index';
import { type Actor, requireInScope, requirePermission, scopeFilter } from '../../access';
import { createRecord, updateRecord } from '../../audit/writes';
import { thaiToday } from '../../clock';
import type { Db, Tx } from '../../db/client';
import { underUnit } from '../../db/filters';
import { type OrderKey, readPage } from '../../db/paging';
import { findVisible } from '../../db/records';
import { committeeMembers, meetingResolutions, meetings, people } from '../../db/schema';
import { AppError } from '../../errors';
import { applyPatch } from '../../http/patch';
import { fullName } from '../people/people.service';

export const RESOLUTION = { entity: 'meeting_resolution', notFound: 'resolution.not_found' } as const;

const selectResolution = (db: Db | Tx) =>
  db
    .select({ r: meetingResolutions, m: meetings, owner: committeeMembers, person: people })
    .from(meetingResolutions)
    .innerJoin(meetings, and(eq(meetings.id, meetingResolutions.meetingId), isNull(meetings.deletedAt)))
    .leftJoin(committeeMembers, eq(committeeMembers.id, meetingResolutions.ownerMemberId))
    .leftJoin(people, eq(people.id, committeeMembers.personId))
    .$dynamic();

type Selected = Awaited<ReturnType<ReturnType<typeof selectResolution>['execute']>>[number];
const toResolution = ({ r, m, owner, person }: Selected): Resolution => ({
  id: r.id,
  orgUnitCode: r.orgUnitCode,
  meeting: { id: m.id, number: m.number, fiscalYear: m.fiscalYear, heldOn: m.heldOn },
  agendaSeq: r.agendaSeq,
  text: r.text,
  owner: owner ? { id: owner.id, name: owner.name || (person ? fullName(person) : '') } : null,
  dueOn: r.dueOn,
  status: r.status,
  followUp: r.followUp,
  doneOn: r.doneOn,
  version: r.version,
});

export async function resolutionsOf(db: Db | Tx, meetingId: number): Promise<Resolution[]> {
  const rows = await selectResolution(db)
    .where(and(eq(meetingResolutions.meetingId, meetingId), isNull(meetingResolutions.deletedAt)))
    .orderBy(asc(meetingResolutions.id));
  return rows.map(toResolution);
}

type NewResolution = { agendaSeq: number | null; text: string; ownerMemberId: number | null; dueOn: string | null };
export async function createResolutions(tx: Tx, actor: Actor, meeting: typeof meetings.$inferSelect, list: NewResolution[]) {
  const created = [];
  for (const r of list)
    created.push(
      await createRecord(tx, actor, meetingResolutions, RESOLUTION.entity, {
        orgUnitCode: meeting.orgUnitCode,
        meetingId: meeting.id,
        ...r,
      }),
    );
  return created;
}

const live = and(isNull(meetingResolutions.deletedAt), isNull(meetings.deletedAt));

/** Resolutions of the scope, soonest due first, by status and due day. */
export async function listResolutions(db: Db, actor: Actor, query: z.infer<typeof resolutionListQuery>) {
  requirePermission(actor, 'pipeline.read');
  const where = and(
    live,
    scopeFilter(actor, meetingResolutions.orgUnitCode),
    query.unit ? underUnit(meetingResolutions.orgUnitCode, query.unit) : undefined,
    query.status ? eq(meetingResolutions.status, query.status) : undefined,
    query.dueBefore ? lte(meetingResolutions.dueOn, query.dueBefore) : undefined,
    query.meetingId ? eq(meetingResolutions.meetingId, query.meetingId) : undefined,
  );
  const rows = selectResolution(db);
  type Row = Awaited<typeof rows>[number];
  const order: OrderKey<Row>[] = [
    { by: meetingResolutions.dueOn, kind: 'date', of: (r) => r.r.dueOn, nullable: true },
    { by: meetingResolutions.id, kind: 'int', of: (r) => r.r.id },
  ];
  const counted = db
    .select({ id: meetingResolutions.id })
    .from(meetingResolutions)
    .innerJoin(meetings, eq(meetings.id, meetingResolutions.meetingId))
    .$dynamic();
  const page = await readPage(db, { rows, table: counted, where, order }, query);
  return { ...page, items: page.items.map(toResolution) };
}

/** Follow-up of a resolution: its status, what was done, and the day it was done (required when done). */
export async function updateResolution(
  db: Db,
  actor: Actor,
  id: number,
  patch: z.infer<typeof updateResolutionBody>,
): Promise<Resolution> {
  requirePermission(actor, 'pipeline.write');
  await db.transaction((tx) => changeResolution(tx, actor, id, patch));
  const [row] = await selectResolution(db).where(eq(meetingResolutions.id, id));
  return toResolution(row);
}

/** A resolution's follow-up inside the caller's transaction (the form and the demo). */
export async function changeResolution(tx: Tx, actor: Actor, id: number, patch: z.infer<typeof updateResolutionBody>) {
  const existing = await findVisible(tx, actor, meetingResolutions, id, RESOLUTION.notFound);
  requireInScope(actor, existing.orgUnitCode);
  const stored = { status: existing.status, followUp: existing.followUp, doneOn: existing.doneOn };
  const body = applyPatch(resolutionChange, stored, patch);
  const doneOn = body.status === 'done' ? body.doneOn : null;
  if (body.status === 'done' && !doneOn) throw new AppError('resolution.done_on_required');
  const [meeting] = await tx.select().from(meetings).where(eq(meetings.id, existing.meetingId));
  if (doneOn && (doneOn < meeting.heldOn || doneOn > thaiToday())) throw new AppError('resolution.done_on_invalid');
  await updateRecord(tx, actor, meetingResolutions, RESOLUTION, id, body.version, {
    status: body.status,
    followUp: body.followUp,
    doneOn,
  });
}

/** For "my tasks": open or in-progress resolutions of the scope due within two weeks or overdue. */
export async function resolutionsDue(db: Db, actor: Actor) {
  const [row] = await db
    .select({ n: count(), dueOn: min(meetingResolutions.dueOn) })
    .from(meetingResolutions)
    .innerJoin(meetings, eq(meetings.id, meetingResolutions.meetingId))
    .where(
      and(
        live,
        inArray(meetingResolutions.status, ['open', 'in_progress']),
        lte(meetingResolutions.dueOn, addDays(thaiToday(), RESOLUTION_DUE_DAYS)),
        scopeFilter(actor, meetingResolutions.orgUnitCode),
      ),
    );
  return row;
}
