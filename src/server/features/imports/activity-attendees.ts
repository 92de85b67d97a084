/**
 * The attendees of an imported activity: found among the district's people by citizen ID or name + subdistrict, or
 * created as the people importer creates them (activities name people on file). Rollback removes the people it
 * created unless later work points at them (another activity, a service…), counting its own activities' attendance
 * as its own.
 */
import { and, isNull, notInArray, sql } from 'drizzle-orm';
import { idIn } from '../../db/bulk';
import type { Tx } from '../../db/client';
import { activities, activityPeople } from '../../db/schema';
import type { BatchRowRef, ImportContext, WrittenRow } from './importer';
import { PERSON_KIND, peopleImporter } from './people.importer';
import { lookupPeople } from './people-lookup';
import { recordBlockers, undoRecords } from './record-rollback';

export interface Attendee {
  line: number;
  title: string;
  firstName: string;
  lastName: string;
  subdistrict?: string;
  citizenId?: string;
  /** A person on file found at the dry run. */
  personId?: number;
}

export const attendeeKey = (a: Attendee) =>
  a.personId
    ? `id:${a.personId}`
    : a.citizenId
      ? `cid:${a.citizenId}`
      : `name:${a.firstName} ${a.lastName} ${a.subdistrict ?? ''}`;

/**
 * The person of each attendee, creating those not on file. Looked up again inside the commit, so a new person named
 * by two activities of the file is created once.
 */
export async function attendeeIds(tx: Tx, ctx: ImportContext, attendees: Attendee[]) {
  const found = await lookupPeople(tx, ctx.dataKey, ctx.unitCode, {
    citizenIds: attendees.flatMap((a) => (a.citizenId ? [a.citizenId] : [])),
    firstNames: attendees.map((a) => a.firstName),
  });
  const ids: number[] = [];
  const written: WrittenRow[] = [];
  for (const a of attendees) {
    const onFile =
      a.personId ??
      (a.citizenId ? found.byCitizenId(a.citizenId)?.id : undefined) ??
      (a.citizenId ? undefined : found.byName(a.firstName, a.lastName, a.subdistrict ?? '')[0]?.id);
    if (onFile) {
      ids.push(onFile);
      continue;
    }
    const record = {
      citizenId: a.citizenId,
      fields: { title: a.title, firstName: a.firstName, lastName: a.lastName, subdistrict: a.subdistrict, roles: [] },
    };
    const [person] = await peopleImporter.write(tx, ctx, { line: a.line, action: 'create', record });
    written.push(person);
    ids.push(person.recordId);
    // Found by the next activity of the file that names the same person.
    if (a.citizenId) a.personId = person.recordId;
    attendees
      .filter((b) => !b.personId && attendeeKey(b) === attendeeKey(a))
      .forEach((b) => {
        b.personId = person.recordId;
      });
  }
  return { ids, written };
}

/** People the batch created that later work depends on; its own activities' attendance does not count. */
export async function attendeeBlockers(tx: Tx, rows: BatchRowRef[]): Promise<string[]> {
  const created = rows.filter((r) => r.tableName === 'people' && r.action === 'created').map((r) => r.recordId);
  const own = rows.filter((r) => r.tableName === 'activities').map((r) => r.recordId);
  const blocked = await recordBlockers(tx, { ...PERSON_KIND, ownLinks: ['activity_people'] }, rows, rows);
  if (!created.length) return blocked;
  const elsewhere = await tx
    .selectDistinct({ personId: activityPeople.personId, title: activities.title })
    .from(activityPeople)
    .innerJoin(activities, sql`${activities.id} = ${activityPeople.activityId}`)
    .where(
      and(
        idIn(activityPeople.personId, created),
        isNull(activities.deletedAt),
        own.length ? notInArray(activityPeople.activityId, own) : undefined,
      ),
    );
  return [...blocked, ...elsewhere.map((e) => `#${e.personId} (${e.title})`)];
}

export const undoAttendees = (tx: Tx, ctx: ImportContext, rows: BatchRowRef[]) => undoRecords(tx, ctx, PERSON_KIND, rows);
