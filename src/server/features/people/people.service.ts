import { and, eq, ilike, inArray, isNull, ne, not, or, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import {
  type createPersonBody,
  type Person,
  type PersonDetail,
  type PersonRole,
  personChange,
  type personListQuery,
  type updatePersonBody,
} from '#shared/people';
import { RESTRICTED_WISDOM_READERS } from '#shared/wisdom';
import { type Actor, can, requirePermission, scopeFilter } from '../../access';
import { auditEvent, auditEvents } from '../../audit/audit';
import { changeRecord, changeRecords, createRecord, updateRecord } from '../../audit/writes';
import { now } from '../../clock';
import { idIn } from '../../db/bulk';
import type { Db, Tx } from '../../db/client';
import { containing, thaiOrder, underUnit } from '../../db/filters';
import { type OrderKey, readPage } from '../../db/paging';
import { findVisible } from '../../db/records';
import {
  activityPeople,
  groupMembers,
  groups,
  people,
  producers,
  referrals,
  servicePeople,
  serviceRequests,
  wisdomHolders,
  wisdomItems,
} from '../../db/schema';
import { queryWords, readSearchPage } from '../../db/search';
import { AppError } from '../../errors';
import { applyPatch } from '../../http/patch';
import { citizenIdHash, decryptCitizenId, encryptCitizenId } from '../../personal-data';
import { personTargetType } from '../groups/target-types';

type PersonRow = typeof people.$inferSelect;

export const fullName = (p: Pick<PersonRow, 'title' | 'firstName' | 'lastName'>) => `${p.title}${p.firstName} ${p.lastName}`;
/** `fullName` in SQL, for a statement that returns names as text. */
export const fullNameSql = sql<string>`${people.title} || ${people.firstName} || ' ' || ${people.lastName}`;

/**
 * What a link to a person shows (id and full name): select these, not the whole row, when listing names. A page
 * of services read every column of each person (address, sealed citizen ID, search text) to show the name.
 */
export const personName = { id: people.id, title: people.title, firstName: people.firstName, lastName: people.lastName };

/** Only the last four digits are stored in clear: x-xxxx-xxxx9-01-2. */
const maskedFromLast4 = (l4: string | null) => (l4 ? `x-xxxx-xxxx${l4[0]}-${l4.slice(1, 3)}-${l4[3]}` : null);

/** Phone numbers show their last four digits only, unless the role handles people's personal data. */
export const maskPhone = (phone: string | null) => (phone ? `xxx-xxx-${phone.slice(-4)}` : null);

/**
 * Who handles a person's personal data in full (full phone, data export, erasure): the district officers
 * who register people (they alone hold `people.citizen_id.read`) and the national admin (PDPA requests).
 */
export const handlesPersonalData = (actor: Actor) => can(actor, 'people.citizen_id.read') || actor.role === 'national_admin';

const toPerson = (p: PersonRow, actor: Actor): Person => ({
  id: p.id,
  orgUnitCode: p.orgUnitCode,
  title: p.title,
  firstName: p.firstName,
  lastName: p.lastName,
  citizenIdMasked: maskedFromLast4(p.citizenIdLast4),
  phone: handlesPersonalData(actor) ? p.phone : maskPhone(p.phone),
  houseNo: p.houseNo,
  villageNo: p.villageNo,
  subdistrict: p.subdistrict,
  roles: p.roles,
  version: p.version,
});

const PERSON = { entity: 'person', notFound: 'person.not_found' } as const;
const PRODUCER = { entity: 'producer', notFound: 'producer.not_found' } as const;

export async function listPeople(db: Db, actor: Actor, query: z.infer<typeof personListQuery>) {
  requirePermission(actor, 'pipeline.read');
  const scope = (unit: AnyPgColumn) => and(scopeFilter(actor, unit), query.unit ? underUnit(unit, query.unit) : undefined);
  const filters = query.role ? sql`${query.role} = any(${people.roles})` : undefined;
  const live = isNull(people.deletedAt);
  const order: OrderKey<PersonRow>[] = [
    { by: thaiOrder(people.firstName), kind: 'text', of: (p) => p.firstName },
    { by: thaiOrder(people.lastName), kind: 'text', of: (p) => p.lastName },
    { by: people.id, kind: 'int', of: (p) => p.id },
  ];
  const rows = () => db.select().from(people).$dynamic();
  const page = query.q
    ? await readSearchPage(
        db,
        {
          kind: 'person',
          table: people,
          id: people.id,
          rows,
          idOf: (p) => p.id,
          words: queryWords(query.q, 'spaces'),
          scope,
          unit: people.orgUnitCode,
          live,
          filters,
          partial: or(
            ilike(sql`${people.firstName} || ' ' || ${people.lastName}`, containing(query.q)),
            eq(people.citizenIdLast4, query.q),
          )!,
          order,
        },
        query,
      )
    : await readPage(db, { rows: rows(), table: people, where: and(live, scope(people.orgUnitCode), filters), order }, query);
  await logPhoneReads(db, actor, page.items);
  return { ...page, items: page.items.map((p) => toPerson(p, actor)) };
}

export async function getPerson(db: Db, actor: Actor, id: number): Promise<PersonDetail> {
  requirePermission(actor, 'pipeline.read');
  const person = await findVisible(db, actor, people, id, 'person.not_found');
  // Restricted wisdom stays out of sight for the roles that may not read it, here as in the wisdom list.
  const readsRestricted = RESTRICTED_WISDOM_READERS.includes(actor.role);
  const [wisdom, memberships, registrations, [{ targetType }]] = await Promise.all([
    db
      .select({ id: wisdomItems.id, title: wisdomItems.title })
      .from(wisdomHolders)
      .innerJoin(wisdomItems, eq(wisdomItems.id, wisdomHolders.wisdomId))
      .where(
        and(
          eq(wisdomHolders.personId, id),
          isNull(wisdomItems.deletedAt),
          readsRestricted ? undefined : ne(wisdomItems.accessLevel, 'restricted'),
        ),
      )
      .orderBy(thaiOrder(wisdomItems.title)),
    db
      .select({ id: groups.id, name: groups.name, role: groupMembers.role })
      .from(groupMembers)
      .innerJoin(groups, eq(groups.id, groupMembers.groupId))
      .where(and(eq(groupMembers.personId, id), isNull(groups.deletedAt)))
      .orderBy(thaiOrder(groups.name)),
    db
      .select({
        id: producers.id,
        registrationNo: producers.registrationNo,
        fiscalYear: producers.fiscalYear,
        status: producers.status,
      })
      .from(producers)
      .where(and(eq(producers.personId, id), isNull(producers.deletedAt))),
    db.select({ targetType: personTargetType() }).from(people).where(eq(people.id, id)),
  ]);
  await logPhoneReads(db, actor, [person]);
  return { ...toPerson(person, actor), targetType, wisdom, groups: memberships, registrations };
}

/** Every answer that shows phone numbers in full is logged: one entry per person whose number was shown. */
async function logPhoneReads(db: Db, actor: Actor, shown: PersonRow[]) {
  if (!handlesPersonalData(actor)) return;
  await auditEvents(
    db,
    actor,
    shown
      .filter((row) => row.phone)
      .map((p) => ({
        action: 'read_personal',
        entity: 'person',
        entityId: p.id,
        orgUnitCode: p.orgUnitCode,
        after: { field: 'phone' },
      })),
  );
}

/** The full citizen ID, for roles that need it; every read is written to the audit log. */
export async function revealCitizenId(db: Db, key: Buffer, actor: Actor, id: number): Promise<string | null> {
  requirePermission(actor, 'people.citizen_id.read');
  const person = await findVisible(db, actor, people, id, 'person.not_found');
  await auditEvent(db, actor, {
    action: 'read_personal',
    entity: 'person',
    entityId: id,
    orgUnitCode: person.orgUnitCode,
    after: { field: 'citizenId' },
  });
  return person.citizenIdEncrypted ? decryptCitizenId(key, person.citizenIdEncrypted) : null;
}

function protectedCitizenId(key: Buffer, citizenId: string | undefined) {
  if (!citizenId) return { citizenIdHash: null, citizenIdLast4: null, citizenIdEncrypted: null };
  return {
    citizenIdHash: citizenIdHash(key, citizenId),
    citizenIdLast4: citizenId.slice(-4),
    citizenIdEncrypted: encryptCitizenId(key, citizenId),
  };
}

/** Same citizen ID in the district is the same person: refused. Same name in the same subdistrict: a warning. */
async function checkDuplicates(
  tx: Tx,
  orgUnitCode: string,
  hash: string | null,
  body: { firstName: string; lastName: string; subdistrict?: string },
  options: { exceptId?: number; acknowledge: boolean },
) {
  const live = and(
    eq(people.orgUnitCode, orgUnitCode),
    isNull(people.deletedAt),
    options.exceptId ? ne(people.id, options.exceptId) : undefined,
  );
  if (hash) {
    const [same] = await tx
      .select()
      .from(people)
      .where(and(live, eq(people.citizenIdHash, hash)));
    if (same) throw duplicateCitizenId(same);
  }
  if (!options.acknowledge && body.subdistrict) {
    const namesakes = await tx
      .select()
      .from(people)
      .where(
        and(
          live,
          eq(people.firstName, body.firstName),
          eq(people.lastName, body.lastName),
          eq(people.subdistrict, body.subdistrict),
        ),
      );
    if (namesakes.length)
      throw new AppError('person.possible_duplicate', {
        // Told apart by the masked citizen ID when there is one, never by a database number.
        params: {
          names: namesakes.map((p) => [fullName(p), maskedFromLast4(p.citizenIdLast4)].filter(Boolean).join(' ')).join(', '),
        },
      });
  }
}

/** Names the person who has the ID already (people know each other by name, not by a database number). */
const duplicateCitizenId = (same: typeof people.$inferSelect | undefined) =>
  new AppError('person.duplicate_citizen_id', { params: { id: same?.id ?? '', name: same ? fullName(same) : '—' } });

const ACTIVE_ID_INDEX = 'people_citizen_hash_active_uq';

/**
 * Runs a write; when the unique index on active citizen IDs refuses it (another officer saved the same ID
 * a moment earlier, after our check), answers the same 409 as the check, naming the record that won.
 */
async function guardCitizenIdRace<T>(db: Db, orgUnitCode: string, hash: string | null, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (!hash || !violates(error, ACTIVE_ID_INDEX)) throw error;
    const [same] = await db
      .select()
      .from(people)
      .where(and(eq(people.orgUnitCode, orgUnitCode), eq(people.citizenIdHash, hash), isNull(people.deletedAt)));
    throw duplicateCitizenId(same);
  }
}

function violates(error: unknown, constraint: string): boolean {
  for (let e = error as any, depth = 0; e && depth < 5; e = e.cause, depth++)
    if (e.code === '23505' && (e.constraint === constraint || String(e.message ?? '').includes(constraint))) return true;
  return false;
}

export async function createPerson(db: Db, key: Buffer, actor: Actor, body: z.infer<typeof createPersonBody>): Promise<Person> {
  requirePermission(actor, 'pipeline.write');
  const { acknowledgeDuplicates, citizenId, ...fields } = body;
  const idFields = protectedCitizenId(key, citizenId);
  return guardCitizenIdRace(db, body.orgUnitCode, idFields.citizenIdHash, () =>
    db.transaction(async (tx) => {
      await checkDuplicates(tx, body.orgUnitCode, idFields.citizenIdHash, body, { acknowledge: acknowledgeDuplicates });
      return toPerson(await createRecord(tx, actor, people, PERSON.entity, { ...fields, ...idFields }), actor);
    }),
  );
}

export async function updatePerson(
  db: Db,
  key: Buffer,
  actor: Actor,
  id: number,
  body: z.infer<typeof updatePersonBody>,
): Promise<Person> {
  requirePermission(actor, 'pipeline.write');
  // The citizen ID is stored only hashed and encrypted: left out, it stays; null removes it; sent, it replaces it.
  const { citizenId, ...patch } = body;
  const idFields = citizenId === undefined ? null : protectedCitizenId(key, citizenId ?? undefined);
  const [owner] = await db.select({ code: people.orgUnitCode }).from(people).where(eq(people.id, id));
  return guardCitizenIdRace(db, owner?.code ?? '', idFields?.citizenIdHash ?? null, () =>
    db.transaction(async (tx) => {
      const existing = await findVisible(tx, actor, people, id, PERSON.notFound);
      const { version, ...fields } = applyPatch(personChange.omit({ citizenId: true }), storedPerson(existing), patch);
      if (idFields?.citizenIdHash)
        await checkDuplicates(tx, existing.orgUnitCode, idFields.citizenIdHash, fields, { exceptId: id, acknowledge: true });
      const { after: updated } = await updateRecord(tx, actor, people, PERSON, id, version, {
        ...fields,
        phone: fields.phone ?? null,
        houseNo: fields.houseNo ?? null,
        villageNo: fields.villageNo ?? null,
        subdistrict: fields.subdistrict ?? null,
        ...(idFields ?? {}),
      });
      return toPerson(updated, actor);
    }),
  );
}

/** A person's fields as stored, in the shape of the body that would write them (the citizen ID is not read back). */
const storedPerson = (p: PersonRow) => ({
  title: p.title,
  firstName: p.firstName,
  lastName: p.lastName,
  phone: p.phone ?? undefined,
  houseNo: p.houseNo ?? undefined,
  villageNo: p.villageNo ?? undefined,
  subdistrict: p.subdistrict ?? undefined,
  roles: p.roles,
});

/**
 * Locks two live people of the actor's scope, always the lower id first, so two merges of the same pair
 * (A into B while B into A) queue up instead of deadlocking; the second then finds its record retired.
 */
async function lockPair(tx: Tx, actor: Actor, a: number, b: number): Promise<Map<number, PersonRow>> {
  const locked = new Map<number, PersonRow>();
  for (const id of [a, b].sort((x, y) => x - y)) {
    const [row] = await tx
      .select()
      .from(people)
      .where(and(eq(people.id, id), isNull(people.deletedAt), scopeFilter(actor, people.orgUnitCode)))
      .for('update');
    if (!row) throw new AppError('person.not_found');
    locked.set(id, row);
  }
  return locked;
}

/** Moves every link of `id` to `keepId`, then retires `id` (kept, marked merged, for the audit trail). */
export async function mergePeople(db: Db, actor: Actor, id: number, keepId: number): Promise<Person> {
  requirePermission(actor, 'pipeline.write');
  if (id === keepId) throw new AppError('person.merge_self');
  return db.transaction(async (tx) => {
    // Both rows are locked before anything moves; the kept person must still be active (not deleted or merged).
    const pair = await lockPair(tx, actor, id, keepId);
    const gone = pair.get(id)!;
    const kept = pair.get(keepId)!;
    if (gone.orgUnitCode !== kept.orgUnitCode)
      throw new AppError('record.other_district', { params: { what: 'บุคคล', whatEn: 'Person', id: keepId } });
    // Links the kept person already has would collide; drop those first, then move the rest.
    const keptWisdom = tx.select({ id: wisdomHolders.wisdomId }).from(wisdomHolders).where(eq(wisdomHolders.personId, keepId));
    await tx.delete(wisdomHolders).where(and(eq(wisdomHolders.personId, id), inArray(wisdomHolders.wisdomId, keptWisdom)));
    await tx.update(wisdomHolders).set({ personId: keepId }).where(eq(wisdomHolders.personId, id));
    const keptGroups = tx.select({ id: groupMembers.groupId }).from(groupMembers).where(eq(groupMembers.personId, keepId));
    await tx.delete(groupMembers).where(and(eq(groupMembers.personId, id), inArray(groupMembers.groupId, keptGroups)));
    await tx.update(groupMembers).set({ personId: keepId }).where(eq(groupMembers.personId, id));
    const keptServices = tx.select({ id: servicePeople.serviceId }).from(servicePeople).where(eq(servicePeople.personId, keepId));
    await tx.delete(servicePeople).where(and(eq(servicePeople.personId, id), inArray(servicePeople.serviceId, keptServices)));
    await tx.update(servicePeople).set({ personId: keepId }).where(eq(servicePeople.personId, id));
    // Attendance: where both were listed, the kept person attended if either did.
    await tx.execute(sql`update activity_people kept set attended = kept.attended or gone.attended
      from activity_people gone where kept.person_id = ${keepId} and gone.person_id = ${id} and gone.activity_id = kept.activity_id`);
    const keptActivities = tx
      .select({ id: activityPeople.activityId })
      .from(activityPeople)
      .where(eq(activityPeople.personId, keepId));
    await tx
      .delete(activityPeople)
      .where(and(eq(activityPeople.personId, id), inArray(activityPeople.activityId, keptActivities)));
    await tx.update(activityPeople).set({ personId: keepId }).where(eq(activityPeople.personId, id));
    // Requests and referrals name their client: the kept person is that client now.
    await tx.update(serviceRequests).set({ personId: keepId }).where(eq(serviceRequests.personId, id));
    await tx.update(referrals).set({ personId: keepId }).where(eq(referrals.personId, id));
    // A registration is a record of its own: moving its owner is a versioned, audited change of the producer.
    const registrations = await tx.select({ id: producers.id }).from(producers).where(eq(producers.personId, id));
    for (const registration of registrations)
      await changeRecord(tx, actor, producers, PRODUCER, registration.id, { personId: keepId }, { action: 'merge' });
    const roles = [...new Set([...kept.roles, ...gone.roles])];
    const { after: merged } = await changeRecord(tx, actor, people, PERSON, keepId, { roles }, { action: 'merge' });
    await changeRecord(tx, actor, people, PERSON, id, { deletedAt: now(), mergedIntoId: keepId }, { action: 'merge' });
    return toPerson(merged, actor);
  });
}

/** Ids that are live people of the district, else an error naming the first that is not. */
export async function requirePeopleOfDistrict(tx: Db | Tx, orgUnitCode: string, ids: number[]): Promise<void> {
  if (!ids.length) return;
  const found = await tx
    .select({ id: people.id })
    .from(people)
    .where(and(idIn(people.id, ids), eq(people.orgUnitCode, orgUnitCode), isNull(people.deletedAt)));
  const ok = new Set(found.map((p) => p.id));
  const missing = ids.find((i) => !ok.has(i));
  if (missing !== undefined)
    throw new AppError('record.other_district', { params: { what: 'บุคคล', whatEn: 'Person', id: missing } });
}

/**
 * Marks people with a role the records prove (a wisdom holder, a group member, an entrepreneur). Only people
 * who lack the role change; each change is a versioned, audited update of the person.
 */
export async function tagPersonRoles(tx: Tx, actor: Actor, ids: number[], role: PersonRole): Promise<void> {
  if (!ids.length) return;
  const untagged = await tx
    .select({ id: people.id })
    .from(people)
    .where(and(idIn(people.id, [...new Set(ids)]), not(sql`${role} = any(${people.roles})`)));
  await changeRecords(
    tx,
    actor,
    people,
    PERSON,
    untagged.map((p) => p.id),
    { roles: sql`array_append(${people.roles}, ${role}::text)` as any },
  );
}
