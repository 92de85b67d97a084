/**
 * Committee terms of the center (DOMAIN.md §5): appointed by a district order, with members edited in place (meeting
 * attendance and resolutions point at them). The composition rule is checked on every read and reported as a
 * warning: a term is saved whatever its composition, and a district with the legacy exception is not checked.
 */
import { and, asc, eq, gte, inArray, isNull, lte, ne } from 'drizzle-orm';
import type { z } from 'zod';
import {
  COMMITTEE_CATEGORY_TH,
  type Committee,
  type CommitteeDetail,
  type CommitteeMember,
  type Composition,
  committeeChange,
  type committeeListQuery,
  compositionProblems,
  type createCommitteeBody,
  orderedMembers,
  type updateCommitteeBody,
} from '#shared/committees';
import { type Actor, requireInScope, requirePermission, scopeFilter } from '../../access';
import { createRecord, deleteRecord, updateRecord } from '../../audit/writes';
import { thaiToday } from '../../clock';
import { idIn } from '../../db/bulk';
import type { Db, Tx } from '../../db/client';
import { underUnit } from '../../db/filters';
import { readPage } from '../../db/paging';
import { findVisible } from '../../db/records';
import {
  codeLists,
  committeeExceptions,
  committeeMembers,
  committees,
  meetingAttendees,
  meetingResolutions,
  meetings,
  orgUnits,
  people,
} from '../../db/schema';
import { AppError } from '../../errors';
import { applyPatch } from '../../http/patch';
import { requireCode } from '../code-lists/code-lists.service';
import { emblemDataUrl } from '../outgoing-documents/emblem.service';
import { fullName, requirePeopleOfDistrict } from '../people/people.service';
import { appointingOrderPdf } from './order.documents';

export const COMMITTEE = { entity: 'committee', notFound: 'committee.not_found' } as const;
type TermInput = z.infer<typeof createCommitteeBody> | z.infer<typeof committeeChange>;
type CommitteeRow = typeof committees.$inferSelect;

/** The exceptions in force for the units, by unit. */
async function exceptionsOf(db: Db | Tx, units: string[]) {
  if (!units.length) return new Map<string, { letterNumber: string; letterDate: string }>();
  const rows = await db
    .select({
      unit: committeeExceptions.orgUnitCode,
      letterNumber: committeeExceptions.letterNumber,
      letterDate: committeeExceptions.letterDate,
    })
    .from(committeeExceptions)
    .where(and(inArray(committeeExceptions.orgUnitCode, units), isNull(committeeExceptions.deletedAt)));
  return new Map(rows.map((r) => [r.unit, { letterNumber: r.letterNumber, letterDate: r.letterDate }]));
}

async function membersOf(db: Db | Tx, committeeIds: number[]): Promise<(CommitteeMember & { committeeId: number })[]> {
  if (!committeeIds.length) return [];
  const rows = await db
    .select({ m: committeeMembers, person: people })
    .from(committeeMembers)
    .leftJoin(people, eq(people.id, committeeMembers.personId))
    .where(idIn(committeeMembers.committeeId, committeeIds))
    .orderBy(asc(committeeMembers.sort), asc(committeeMembers.id));
  return orderedMembers(
    rows.map(({ m, person }) => ({
      committeeId: m.committeeId,
      id: m.id,
      person: person ? { id: person.id, name: fullName(person) } : null,
      name: m.name || (person ? fullName(person) : ''),
      title: m.title,
      category: m.category,
      positionCode: m.positionCode,
      sort: m.sort,
    })),
  );
}

function compositionOf(
  members: CommitteeMember[],
  exception: { letterNumber: string; letterDate: string } | undefined,
): Composition {
  const problems = compositionProblems(members, !!exception);
  return { valid: problems.length === 0, exception: exception ?? null, problems };
}

async function toCommittees(db: Db | Tx, rows: CommitteeRow[]): Promise<CommitteeDetail[]> {
  const members = await membersOf(
    db,
    rows.map((r) => r.id),
  );
  const units = [...new Set(rows.map((r) => r.orgUnitCode))];
  const exceptions = await exceptionsOf(db, units);
  const names = new Map(
    (
      await db
        .select({ code: orgUnits.code, nameTh: orgUnits.nameTh, nameEn: orgUnits.nameEn })
        .from(orgUnits)
        .where(inArray(orgUnits.code, units))
    ).map((u) => [u.code, u]),
  );
  return rows.map((r) => {
    const own = members.filter((m) => m.committeeId === r.id).map(({ committeeId: _, ...m }) => m);
    return {
      id: r.id,
      orgUnitCode: r.orgUnitCode,
      unitNameTh: names.get(r.orgUnitCode)?.nameTh ?? r.orgUnitCode,
      unitNameEn: names.get(r.orgUnitCode)?.nameEn ?? r.orgUnitCode,
      orderNumber: r.orderNumber,
      orderDate: r.orderDate,
      signedBy: r.signedBy,
      termStart: r.termStart,
      termEnd: r.termEnd,
      note: r.note,
      memberCount: own.length,
      composition: compositionOf(own, exceptions.get(r.orgUnitCode)),
      version: r.version,
      members: own,
    };
  });
}

/** Terms of the scope, the latest first. */
export async function listCommittees(db: Db, actor: Actor, query: z.infer<typeof committeeListQuery>) {
  requirePermission(actor, 'pipeline.read');
  const where = and(
    isNull(committees.deletedAt),
    scopeFilter(actor, committees.orgUnitCode),
    query.unit ? underUnit(committees.orgUnitCode, query.unit) : undefined,
  );
  const page = await readPage(
    db,
    {
      rows: db.select().from(committees).$dynamic(),
      table: committees,
      where,
      order: [
        { by: committees.orgUnitCode, kind: 'text', of: (c) => c.orgUnitCode },
        { by: committees.termStart, kind: 'date', of: (c) => c.termStart, desc: true },
        { by: committees.id, kind: 'int', of: (c) => c.id, desc: true },
      ],
    },
    query,
  );
  const items: Committee[] = (await toCommittees(db, page.items)).map(({ members: _, ...c }) => c);
  return { ...page, items };
}

async function readCommittee(db: Db | Tx, id: number): Promise<CommitteeDetail> {
  const [row] = await db.select().from(committees).where(eq(committees.id, id));
  return (await toCommittees(db, [row]))[0];
}

export async function getCommittee(db: Db, actor: Actor, id: number): Promise<CommitteeDetail> {
  requirePermission(actor, 'pipeline.read');
  await findVisible(db, actor, committees, id, COMMITTEE.notFound);
  return readCommittee(db, id);
}

type Named = Pick<CommitteeMember, 'name' | 'title' | 'category' | 'positionCode'>;
/** The committee as the audit log shows it: one line per member, in order, in Thai words. */
async function memberLines(tx: Db | Tx, members: Named[]) {
  const positions = await tx
    .select({ code: codeLists.code, nameTh: codeLists.nameTh })
    .from(codeLists)
    .where(eq(codeLists.list, 'committee_position'));
  const position = (code: string) => positions.find((p) => p.code === code)?.nameTh ?? code;
  return members.map(
    (m) => `${m.name}${m.title ? ` (${m.title})` : ''} · ${COMMITTEE_CATEGORY_TH[m.category]} · ${position(m.positionCode)}`,
  );
}

/** Every rule a term must meet in its district; throws before anything is written. */
async function checkTerm(tx: Tx, orgUnitCode: string, body: TermInput, selfId?: number) {
  if (body.orderDate > thaiToday()) throw new AppError('committee.order_date_in_future');
  const personIds = body.members.flatMap((m) => (m.personId ? [m.personId] : []));
  await requirePeopleOfDistrict(tx, orgUnitCode, personIds);
  const twice = personIds.find((p, i) => personIds.indexOf(p) !== i);
  if (twice !== undefined) {
    const [person] = await tx.select().from(people).where(eq(people.id, twice));
    throw new AppError('committee.duplicate_person', { params: { name: fullName(person) } });
  }
  for (const code of new Set(body.members.map((m) => m.positionCode))) await requireCode(tx, 'committee_position', code);
  const [overlap] = await tx
    .select()
    .from(committees)
    .where(
      and(
        eq(committees.orgUnitCode, orgUnitCode),
        isNull(committees.deletedAt),
        lte(committees.termStart, body.termEnd),
        gte(committees.termEnd, body.termStart),
        selfId ? ne(committees.id, selfId) : undefined,
      ),
    )
    .limit(1);
  if (overlap)
    throw new AppError('committee.term_overlap', {
      params: { orderNumber: overlap.orderNumber, termStart: overlap.termStart, termEnd: overlap.termEnd },
    });
}

const columnsOf = (body: TermInput) => ({
  orderNumber: body.orderNumber,
  orderDate: body.orderDate,
  signedBy: body.signedBy,
  termStart: body.termStart,
  termEnd: body.termEnd,
  note: body.note,
});

const memberValues = (committeeId: number, m: TermInput['members'][number], index: number) => ({
  committeeId,
  personId: m.personId ?? null,
  name: m.name,
  title: m.title,
  category: m.category,
  positionCode: m.positionCode,
  sort: m.sort || index + 1,
});

/**
 * Writes the members in place: given ids are kept (changed), new ones inserted, missing ones removed unless meeting
 * attendance or a resolution points at them.
 */
async function setMembers(tx: Tx, committeeId: number, members: TermInput['members'], existing: CommitteeMember[]) {
  for (const m of members)
    if (m.id !== undefined && !existing.some((e) => e.id === m.id))
      throw new AppError('committee.member_not_found', { params: { id: m.id } });
  const removed = existing.filter((e) => !members.some((m) => m.id === e.id));
  if (removed.length) {
    const ids = removed.map((r) => r.id);
    const [attended] = await tx
      .select({ id: meetingAttendees.memberId })
      .from(meetingAttendees)
      .where(idIn(meetingAttendees.memberId, ids))
      .limit(1);
    const [owner] = await tx
      .select({ id: meetingResolutions.ownerMemberId })
      .from(meetingResolutions)
      .where(idIn(meetingResolutions.ownerMemberId, ids))
      .limit(1);
    const used = attended?.id ?? owner?.id;
    if (used) throw new AppError('committee.member_in_use', { params: { name: removed.find((r) => r.id === used)!.name } });
    await tx.delete(committeeMembers).where(idIn(committeeMembers.id, ids));
  }
  for (const [index, m] of members.entries()) {
    const values = memberValues(committeeId, m, index);
    if (m.id !== undefined) await tx.update(committeeMembers).set(values).where(eq(committeeMembers.id, m.id));
    else await tx.insert(committeeMembers).values(values);
  }
}

/** The audit lines of members as sent (a person's name read from the register). */
async function inputLines(tx: Tx, members: TermInput['members']) {
  const ids = members.flatMap((m) => (m.personId ? [m.personId] : []));
  const found = ids.length ? await tx.select().from(people).where(idIn(people.id, ids)) : [];
  return memberLines(
    tx,
    orderedMembers(
      members.map((m, i) => {
        const person = found.find((p) => p.id === m.personId);
        return { ...memberValues(0, m, i), id: 0, person: null, name: m.name || (person ? fullName(person) : '') };
      }),
    ),
  );
}

export async function createCommittee(db: Db, actor: Actor, body: z.infer<typeof createCommitteeBody>): Promise<CommitteeDetail> {
  requirePermission(actor, 'pipeline.write');
  requireInScope(actor, body.orgUnitCode);
  const id = await db.transaction(async (tx) => {
    await checkTerm(tx, body.orgUnitCode, body);
    const created = await createRecord(
      tx,
      actor,
      committees,
      COMMITTEE.entity,
      { orgUnitCode: body.orgUnitCode, createdBy: actor.userId, ...columnsOf(body) },
      { after: { members: await inputLines(tx, body.members) } },
    );
    await setMembers(tx, created.id, body.members, []);
    return created.id;
  });
  return readCommittee(db, id);
}

/** A stored term in the shape of the body that writes it: its members as stored, each with its id. */
async function storedTerm(tx: Tx, term: CommitteeRow) {
  const members = await tx.select().from(committeeMembers).where(eq(committeeMembers.committeeId, term.id));
  return {
    orderNumber: term.orderNumber,
    orderDate: term.orderDate,
    signedBy: term.signedBy,
    termStart: term.termStart,
    termEnd: term.termEnd,
    note: term.note,
    members: orderedMembers(members).map((m) => ({
      id: m.id,
      ...(m.personId ? { personId: m.personId } : {}),
      name: m.name,
      title: m.title,
      category: m.category,
      positionCode: m.positionCode,
      sort: m.sort,
    })),
  };
}

export async function updateCommittee(
  db: Db,
  actor: Actor,
  id: number,
  patch: z.infer<typeof updateCommitteeBody>,
): Promise<CommitteeDetail> {
  requirePermission(actor, 'pipeline.write');
  await db.transaction(async (tx) => {
    const existing = await findVisible(tx, actor, committees, id, COMMITTEE.notFound);
    // A stale form is refused before its member ids are checked against members changed since.
    if (existing.version !== patch.version) throw new AppError('record.stale');
    const before = (await membersOf(tx, [id])).map(({ committeeId: _, ...m }) => m);
    const body = applyPatch(committeeChange, await storedTerm(tx, existing), patch);
    await checkTerm(tx, existing.orgUnitCode, body, id);
    await setMembers(tx, id, body.members, before);
    const after = (await membersOf(tx, [id])).map(({ committeeId: _, ...m }) => m);
    await updateRecord(tx, actor, committees, COMMITTEE, id, body.version, columnsOf(body), {
      before: { members: await memberLines(tx, before) },
      after: { members: await memberLines(tx, after) },
    });
  });
  return readCommittee(db, id);
}

export async function deleteCommittee(db: Db, actor: Actor, id: number, version: number): Promise<void> {
  requirePermission(actor, 'pipeline.write');
  await db.transaction(async (tx) => {
    await findVisible(tx, actor, committees, id, COMMITTEE.notFound);
    const [meeting] = await tx
      .select({ id: meetings.id })
      .from(meetings)
      .where(and(eq(meetings.committeeId, id), isNull(meetings.deletedAt)))
      .limit(1);
    if (meeting) throw new AppError('committee.has_meetings');
    await deleteRecord(tx, actor, committees, COMMITTEE, id, version);
  });
}

/** The appointing order of a term as PDF, with the district's name, the emblem and the position names. */
export async function appointingOrder(db: Db, actor: Actor, id: number): Promise<{ term: CommitteeDetail; pdf: Buffer }> {
  const term = await getCommittee(db, actor, id);
  const [unit] = await db.select({ nameTh: orgUnits.nameTh }).from(orgUnits).where(eq(orgUnits.code, term.orgUnitCode));
  const positions = await db
    .select({ code: codeLists.code, nameTh: codeLists.nameTh })
    .from(codeLists)
    .where(eq(codeLists.list, 'committee_position'));
  const pdf = await appointingOrderPdf(term, {
    districtName: unit.nameTh,
    emblem: await emblemDataUrl(db),
    positionName: (code) => positions.find((p) => p.code === code)?.nameTh ?? code,
  });
  return { term, pdf };
}
