import { and, eq, ilike, inArray, isNull, or } from 'drizzle-orm';
import type { z } from 'zod';
import {
  type createProducerBody,
  type Producer,
  producerChange,
  type producerListQuery,
  type updateProducerBody,
} from '#shared/producers';
import { type Actor, requirePermission, scopeFilter } from '../../access';
import { createRecord, updateRecord } from '../../audit/writes';
import { idIn } from '../../db/bulk';
import type { Db, Tx } from '../../db/client';
import { containing, thaiOrder, underUnit } from '../../db/filters';
import { type OrderKey, readPage } from '../../db/paging';
import { findVisible } from '../../db/records';
import { groups, orgUnits, people, producers } from '../../db/schema';
import { AppError } from '../../errors';
import { applyPatch } from '../../http/patch';
import { refreshGroupStage } from '../groups/stages';
import { producerTargetType } from '../groups/target-types';
import { requirePeopleOfDistrict, tagPersonRoles } from '../people/people.service';

const PRODUCER = { entity: 'producer', notFound: 'producer.not_found' } as const;

type ProducerInput = z.infer<typeof createProducerBody> | z.infer<typeof producerChange>;
type ProducerRow = typeof producers.$inferSelect;

const toProducer = (p: ProducerRow): Producer => ({
  id: p.id,
  orgUnitCode: p.orgUnitCode,
  groupId: p.groupId,
  personId: p.personId,
  ownerName: p.ownerName,
  producerType: p.producerType,
  fiscalYear: p.fiscalYear,
  registrationNo: p.registrationNo,
  registeredOn: p.registeredOn,
  status: p.status,
  communityLink: p.communityLink,
  siteInDistrict: p.siteInDistrict,
  thaiNationality: p.thaiNationality,
  documentsReceived: p.documentsReceived,
  publicContact: p.publicContact,
  targetType: producerTargetType(p),
  version: p.version,
});

/** The registration number or the owner's name (group or person, kept on the row by a trigger) contains `q`. */
const matchesRegistrationOrOwner = (q: string) =>
  or(ilike(producers.registrationNo, containing(q)), ilike(producers.ownerName, containing(q)));

export async function listProducers(db: Db, actor: Actor, query: z.infer<typeof producerListQuery>) {
  requirePermission(actor, 'pipeline.read');
  const where = and(
    isNull(producers.deletedAt),
    scopeFilter(actor, producers.orgUnitCode),
    query.unit ? underUnit(producers.orgUnitCode, query.unit) : undefined,
    query.fiscalYear ? eq(producers.fiscalYear, query.fiscalYear) : undefined,
    query.q ? matchesRegistrationOrOwner(query.q) : undefined,
  );
  const rows = db.select().from(producers).$dynamic();
  type Row = Awaited<typeof rows>[number];
  const order: OrderKey<Row>[] = [
    { by: thaiOrder(producers.ownerName), kind: 'text', of: (r: Row) => r.ownerName },
    { by: producers.id, kind: 'int', of: (r: Row) => r.id },
  ];
  const page = await readPage(db, { rows, table: producers, where, order }, query);
  return { ...page, items: page.items.map(toProducer) };
}

/**
 * A registration as its export writes it: the list's row plus what the producers import needs to name the owner
 * again (the district by name; a group by its name and subdistrict; a person by title, names and subdistrict), so an
 * exported file imports back to the same registrations. Read for one batch of the list, by ids.
 */
export type ProducerExportRow = Producer & {
  unitNameTh: string;
  unitNameEn: string;
  ownerKind: 'group' | 'person';
  groupName: string | null;
  ownerTitle: string | null;
  ownerFirstName: string | null;
  ownerLastName: string | null;
  ownerSubdistrict: string | null;
};

export async function withOwnerDetails(db: Db, items: Producer[]): Promise<ProducerExportRow[]> {
  const ids = (key: 'groupId' | 'personId') => [...new Set(items.flatMap((p) => (p[key] ? [p[key]] : [])))];
  const [groupRows, personRows, unitRows] = await Promise.all([
    ids('groupId').length
      ? db
          .select({ id: groups.id, name: groups.name, subdistrict: groups.subdistrict })
          .from(groups)
          .where(idIn(groups.id, ids('groupId')))
      : [],
    ids('personId').length
      ? db
          .select({
            id: people.id,
            title: people.title,
            firstName: people.firstName,
            lastName: people.lastName,
            subdistrict: people.subdistrict,
          })
          .from(people)
          .where(idIn(people.id, ids('personId')))
      : [],
    items.length
      ? db
          .select({ code: orgUnits.code, nameTh: orgUnits.nameTh, nameEn: orgUnits.nameEn })
          .from(orgUnits)
          .where(inArray(orgUnits.code, [...new Set(items.map((p) => p.orgUnitCode))]))
      : [],
  ]);
  const groupOf = new Map(groupRows.map((g) => [g.id, g]));
  const personOf = new Map(personRows.map((p) => [p.id, p]));
  const unitOf = new Map(unitRows.map((u) => [u.code, u]));
  return items.map((p) => {
    const group = p.groupId ? groupOf.get(p.groupId) : undefined;
    const person = p.personId ? personOf.get(p.personId) : undefined;
    const unit = unitOf.get(p.orgUnitCode);
    return {
      ...p,
      unitNameTh: unit?.nameTh ?? p.orgUnitCode,
      unitNameEn: unit?.nameEn ?? p.orgUnitCode,
      ownerKind: p.groupId ? 'group' : 'person',
      groupName: group?.name ?? null,
      ownerTitle: person?.title ?? null,
      ownerFirstName: person?.firstName ?? null,
      ownerLastName: person?.lastName ?? null,
      ownerSubdistrict: (group ?? person)?.subdistrict ?? null,
    };
  });
}

export async function getProducer(db: Db, actor: Actor, id: number): Promise<Producer> {
  requirePermission(actor, 'pipeline.read');
  await findVisible(db, actor, producers, id, 'producer.not_found');
  const [row] = await db.select().from(producers).where(eq(producers.id, id));
  return toProducer(row);
}

/** Who may hold a registration of a type: a community group is a group, a sole proprietor a person, an SME either. */
export const ownerFitsType = (producerType: ProducerRow['producerType'], owner: 'group' | 'person') =>
  producerType === 'sme' || (producerType === 'community_group') === (owner === 'group');

/** A registration in force needs every eligibility condition (REFERENCE.md §1.2); a suspended or cancelled one not. */
export const meetsEligibility = (p: {
  status: ProducerRow['status'];
  communityLink: boolean;
  siteInDistrict: boolean;
  thaiNationality: boolean;
  documentsReceived: boolean;
}) => p.status !== 'registered' || (p.communityLink && p.siteInDistrict && p.thaiNationality && p.documentsReceived);

/** The type must match the owner (group or person), the owner must be of the district, and eligibility complete. */
async function checkProducer(tx: Tx, orgUnitCode: string, body: ProducerInput) {
  const hasGroup = body.groupId !== undefined;
  const hasPerson = body.personId !== undefined;
  if (hasGroup === hasPerson || !ownerFitsType(body.producerType, hasGroup ? 'group' : 'person'))
    throw new AppError('producer.owner_mismatch');
  if (hasPerson) await requirePeopleOfDistrict(tx, orgUnitCode, [body.personId!]);
  if (hasGroup) {
    const [group] = await tx
      .select({ id: groups.id })
      .from(groups)
      .where(and(eq(groups.id, body.groupId!), eq(groups.orgUnitCode, orgUnitCode), isNull(groups.deletedAt)));
    if (!group) throw new AppError('record.other_district', { params: { what: 'กลุ่มอาชีพ', whatEn: 'Group', id: body.groupId } });
  }
  if (!meetsEligibility(body)) throw new AppError('producer.not_eligible');
}

const columnsOf = (body: ProducerInput) => ({
  groupId: body.groupId ?? null,
  personId: body.personId ?? null,
  producerType: body.producerType,
  fiscalYear: body.fiscalYear,
  registrationNo: body.registrationNo,
  registeredOn: body.registeredOn,
  status: body.status,
  communityLink: body.communityLink,
  siteInDistrict: body.siteInDistrict,
  thaiNationality: body.thaiNationality,
  documentsReceived: body.documentsReceived,
  publicContact: body.publicContact || null,
});

async function afterRegistrationChange(tx: Tx, actor: Actor, row: ProducerRow) {
  if (row.groupId) await refreshGroupStage(tx, actor, row.groupId, row.registeredOn);
  if (row.personId) await tagPersonRoles(tx, actor, [row.personId], 'entrepreneur');
}

/**
 * A new registration inside the caller's transaction, by the rules of the form: checked, written and audited, then
 * the group's stage or the person's role brought in line. The API and the producers import both register through it.
 */
export async function insertProducer(tx: Tx, actor: Actor, body: z.infer<typeof createProducerBody>): Promise<ProducerRow> {
  await checkProducer(tx, body.orgUnitCode, body);
  const created = await createRecord(tx, actor, producers, PRODUCER.entity, {
    orgUnitCode: body.orgUnitCode,
    ...columnsOf(body),
  });
  await afterRegistrationChange(tx, actor, created);
  return created;
}

/** A registration changed inside the caller's transaction, by the same rules; the row before and after. */
export async function changeProducer(
  tx: Tx,
  actor: Actor,
  existing: Pick<ProducerRow, 'id' | 'orgUnitCode'>,
  body: z.infer<typeof producerChange>,
): Promise<{ before: ProducerRow; after: ProducerRow }> {
  await checkProducer(tx, existing.orgUnitCode, body);
  const changed = await updateRecord(tx, actor, producers, PRODUCER, existing.id, body.version, columnsOf(body));
  await afterRegistrationChange(tx, actor, changed.after);
  return changed;
}

export async function createProducer(db: Db, actor: Actor, body: z.infer<typeof createProducerBody>): Promise<Producer> {
  requirePermission(actor, 'pipeline.write');
  const id = await db.transaction(async (tx) => (await insertProducer(tx, actor, body)).id);
  return getProducer(db, actor, id);
}

/** A producer's fields as stored, in the shape of the body that would write them. */
const storedProducer = (p: ProducerRow) => ({
  groupId: p.groupId ?? undefined,
  personId: p.personId ?? undefined,
  producerType: p.producerType,
  fiscalYear: p.fiscalYear,
  registrationNo: p.registrationNo,
  registeredOn: p.registeredOn,
  status: p.status,
  communityLink: p.communityLink,
  siteInDistrict: p.siteInDistrict,
  thaiNationality: p.thaiNationality,
  documentsReceived: p.documentsReceived,
  publicContact: p.publicContact ?? undefined,
});

export async function updateProducer(
  db: Db,
  actor: Actor,
  id: number,
  body: z.infer<typeof updateProducerBody>,
): Promise<Producer> {
  requirePermission(actor, 'pipeline.write');
  await db.transaction(async (tx) => {
    const existing = await findVisible(tx, actor, producers, id, PRODUCER.notFound);
    await changeProducer(tx, actor, existing, applyPatch(producerChange, storedProducer(existing), body));
  });
  return getProducer(db, actor, id);
}
