import { and, eq, ilike, isNull, or } from 'drizzle-orm';
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
import type { Db, Tx } from '../../db/client';
import { containing, thaiOrder, underUnit } from '../../db/filters';
import { type OrderKey, readPage } from '../../db/paging';
import { findVisible } from '../../db/records';
import { groups, producers } from '../../db/schema';
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

export async function getProducer(db: Db, actor: Actor, id: number): Promise<Producer> {
  requirePermission(actor, 'pipeline.read');
  await findVisible(db, actor, producers, id, 'producer.not_found');
  const [row] = await db.select().from(producers).where(eq(producers.id, id));
  return toProducer(row);
}

/** The type must match the owner (group or person), the owner must be of the district, and eligibility complete. */
async function checkProducer(tx: Tx, orgUnitCode: string, body: ProducerInput) {
  const hasGroup = body.groupId !== undefined;
  const hasPerson = body.personId !== undefined;
  const fits = hasGroup !== hasPerson && (body.producerType === 'sme' || (body.producerType === 'community_group') === hasGroup);
  if (!fits) throw new AppError('producer.owner_mismatch');
  if (hasPerson) await requirePeopleOfDistrict(tx, orgUnitCode, [body.personId!]);
  if (hasGroup) {
    const [group] = await tx
      .select({ id: groups.id })
      .from(groups)
      .where(and(eq(groups.id, body.groupId!), eq(groups.orgUnitCode, orgUnitCode), isNull(groups.deletedAt)));
    if (!group) throw new AppError('record.other_district', { params: { what: 'กลุ่มอาชีพ', whatEn: 'Group', id: body.groupId } });
  }
  const eligible = body.communityLink && body.siteInDistrict && body.thaiNationality && body.documentsReceived;
  if (body.status === 'registered' && !eligible) throw new AppError('producer.not_eligible');
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

export async function createProducer(db: Db, actor: Actor, body: z.infer<typeof createProducerBody>): Promise<Producer> {
  requirePermission(actor, 'pipeline.write');
  const id = await db.transaction(async (tx) => {
    await checkProducer(tx, body.orgUnitCode, body);
    const created = await createRecord(tx, actor, producers, PRODUCER.entity, {
      orgUnitCode: body.orgUnitCode,
      ...columnsOf(body),
    });
    await afterRegistrationChange(tx, actor, created);
    return created.id;
  });
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
    const change = applyPatch(producerChange, storedProducer(existing), body);
    await checkProducer(tx, existing.orgUnitCode, change);
    const { after } = await updateRecord(tx, actor, producers, PRODUCER, id, change.version, columnsOf(change));
    await afterRegistrationChange(tx, actor, after);
  });
  return getProducer(db, actor, id);
}
