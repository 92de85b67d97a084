import { and, count, eq, gte, isNull, lt, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { ErrorCode } from '#shared/errors';
import { type createTripBody, type OutreachTrip, tripChange, type tripListQuery, type updateTripBody } from '#shared/services';
import { type Actor, requireInScope, requirePermission, scopeFilter, serviceGiverFilter } from '../../access';
import { createRecord, updateRecord } from '../../audit/writes';
import { thaiToday } from '../../clock';
import { idIn } from '../../db/bulk';
import type { Db, Tx } from '../../db/client';
import { underUnit } from '../../db/filters';
import { oneWithLocked, type Unlocked, withLocked } from '../../db/locked-quarters';
import { readPage } from '../../db/paging';
import { findVisible } from '../../db/records';
import { outreachTrips, outreachTripTeam, services, users } from '../../db/schema';
import { AppError } from '../../errors';
import { applyPatch } from '../../http/patch';

const TRIP = { entity: 'outreach_trip', notFound: 'outreach_trip.not_found' } as const;
type TripInput = z.infer<typeof createTripBody> | z.infer<typeof tripChange>;
type TripRow = typeof outreachTrips.$inferSelect;

/** `2026-02` → the first day of the month and the first day of the next. */
export function monthRange(month: string): { from: string; until: string } {
  const [y, m] = month.split('-').map(Number);
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return { from: `${month}-01`, until: `${next}-01` };
}

/** Refuses any user id that `filter` (e.g. the district's active officers and committee) does not admit. */
export async function requireUsersOfDistrict(tx: Db | Tx, filter: SQL, ids: number[], error: ErrorCode): Promise<void> {
  if (!ids.length) return;
  const found = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(idIn(users.id, ids), filter));
  if (found.length !== new Set(ids).size) throw new AppError(error);
}

async function teamsOf(db: Db | Tx, ids: number[]) {
  const team = new Map(ids.map((id) => [id, [] as { id: number; name: string }[]]));
  const counts = new Map<number, number>();
  if (!ids.length) return { team, counts };
  const [members, served] = await Promise.all([
    db
      .select({ tripId: outreachTripTeam.tripId, id: users.id, name: users.displayName })
      .from(outreachTripTeam)
      .innerJoin(users, eq(users.id, outreachTripTeam.userId))
      .where(idIn(outreachTripTeam.tripId, ids)),
    db
      .select({ tripId: services.tripId, n: count() })
      .from(services)
      .where(and(idIn(services.tripId, ids), isNull(services.deletedAt)))
      .groupBy(services.tripId),
  ]);
  for (const m of members) team.get(m.tripId)!.push({ id: m.id, name: m.name });
  for (const s of served) counts.set(s.tripId!, s.n);
  return { team, counts };
}

const toTrip = (t: TripRow, teams: Awaited<ReturnType<typeof teamsOf>>): Unlocked<OutreachTrip> => ({
  id: t.id,
  orgUnitCode: t.orgUnitCode,
  tripDate: t.tripDate,
  staff: teams.team.get(t.id) ?? [],
  places: t.places,
  note: t.note,
  serviceCount: teams.counts.get(t.id) ?? 0,
  version: t.version,
});

/** A trip counts in the quarter of its date (the lock trigger's column). */
const datedBy = (t: Unlocked<OutreachTrip>) => ({ unit: t.orgUnitCode, day: t.tripDate });

export async function listTrips(db: Db, actor: Actor, query: z.infer<typeof tripListQuery>) {
  requirePermission(actor, 'pipeline.read');
  const month = query.month ? monthRange(query.month) : undefined;
  const where = and(
    isNull(outreachTrips.deletedAt),
    scopeFilter(actor, outreachTrips.orgUnitCode),
    query.unit ? underUnit(outreachTrips.orgUnitCode, query.unit) : undefined,
    month ? and(gte(outreachTrips.tripDate, month.from), lt(outreachTrips.tripDate, month.until)) : undefined,
  );
  const page = await readPage(
    db,
    {
      rows: db.select().from(outreachTrips).$dynamic(),
      table: outreachTrips,
      where,
      order: [
        { by: outreachTrips.tripDate, kind: 'date', of: (t) => t.tripDate, desc: true },
        { by: outreachTrips.id, kind: 'int', of: (t) => t.id, desc: true },
      ],
    },
    query,
  );
  const teams = await teamsOf(
    db,
    page.items.map((t) => t.id),
  );
  return {
    ...page,
    items: await withLocked(
      db,
      page.items.map((t) => toTrip(t, teams)),
      datedBy,
    ),
  };
}

export async function getTrip(db: Db, actor: Actor, id: number): Promise<OutreachTrip> {
  requirePermission(actor, 'pipeline.read');
  const trip = await findVisible(db, actor, outreachTrips, id, TRIP.notFound);
  return oneWithLocked(db, toTrip(trip, await teamsOf(db, [id])), datedBy);
}

async function checkTrip(tx: Tx, orgUnitCode: string, body: TripInput) {
  if (body.tripDate > thaiToday()) throw new AppError('outreach_trip.date_in_future');
  await requireUsersOfDistrict(tx, serviceGiverFilter(orgUnitCode), body.staffIds, 'service.staff_not_of_district');
}

const teamLinks = (staffIds: number[]) => ({ staffIds: [...new Set(staffIds)].sort((a, b) => a - b) });

async function setTeam(tx: Tx, tripId: number, staffIds: number[]) {
  await tx.delete(outreachTripTeam).where(eq(outreachTripTeam.tripId, tripId));
  await tx.insert(outreachTripTeam).values(teamLinks(staffIds).staffIds.map((userId) => ({ tripId, userId })));
}

const columnsOf = (body: TripInput) => ({ tripDate: body.tripDate, places: body.places, note: body.note });

export async function createTrip(db: Db, actor: Actor, body: z.infer<typeof createTripBody>): Promise<OutreachTrip> {
  requirePermission(actor, 'pipeline.write');
  requireInScope(actor, body.orgUnitCode);
  const id = await db.transaction(async (tx) => {
    await checkTrip(tx, body.orgUnitCode, body);
    const created = await createRecord(
      tx,
      actor,
      outreachTrips,
      TRIP.entity,
      { orgUnitCode: body.orgUnitCode, ...columnsOf(body) },
      { after: teamLinks(body.staffIds) },
    );
    await setTeam(tx, created.id, body.staffIds);
    return created.id;
  });
  return getTrip(db, actor, id);
}

export async function updateTrip(db: Db, actor: Actor, id: number, body: z.infer<typeof updateTripBody>): Promise<OutreachTrip> {
  requirePermission(actor, 'pipeline.write');
  await db.transaction(async (tx) => {
    const existing = await findVisible(tx, actor, outreachTrips, id, TRIP.notFound);
    const before = await tx.select().from(outreachTripTeam).where(eq(outreachTripTeam.tripId, id));
    const stored = {
      tripDate: existing.tripDate,
      staffIds: before.map((m) => m.userId),
      places: existing.places,
      note: existing.note,
    };
    const change = applyPatch(tripChange, stored, body);
    await checkTrip(tx, existing.orgUnitCode, change);
    if (change.tripDate !== existing.tripDate) {
      const [{ n }] = await tx
        .select({ n: count() })
        .from(services)
        .where(and(eq(services.tripId, id), isNull(services.deletedAt)));
      if (n) throw new AppError('outreach_trip.date_has_services', { params: { count: n } });
    }
    await updateRecord(tx, actor, outreachTrips, TRIP, id, change.version, columnsOf(change), {
      before: teamLinks(stored.staffIds),
      after: teamLinks(change.staffIds),
    });
    await setTeam(tx, id, change.staffIds);
  });
  return getTrip(db, actor, id);
}
