import { and, eq, isNull, ne } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import { searchTextOf } from '#shared/thai/index';
import {
  type Attachment,
  type createWisdomBody,
  RESTRICTED_WISDOM_READERS,
  type updateWisdomBody,
  type Wisdom,
  wisdomChange,
  type wisdomListQuery,
} from '#shared/wisdom';
import { type Actor, requirePermission, scopeFilter } from '../../access';
import { createRecord, deleteRecord, updateRecord } from '../../audit/writes';
import type { Db, Tx } from '../../db/client';
import { matchesWords, thaiOrder, underUnit } from '../../db/filters';
import { type OrderKey, readPage } from '../../db/paging';
import { findVisible } from '../../db/records';
import { people, wisdomHolders, wisdomItems } from '../../db/schema';
import { queryWords, readSearchPage } from '../../db/search';
import { AppError } from '../../errors';
import { applyPatch } from '../../http/patch';
import { addAttachment, attachmentsOf, type Upload } from '../attachments/attachments.service';
import { requireCode } from '../code-lists/code-lists.service';
import { fullName, requirePeopleOfDistrict, tagPersonRoles } from '../people/people.service';

type WisdomRow = typeof wisdomItems.$inferSelect;
type WisdomInput = z.infer<typeof createWisdomBody> | z.infer<typeof wisdomChange>;

const listView = (w: WisdomRow) => ({
  id: w.id,
  orgUnitCode: w.orgUnitCode,
  title: w.title,
  branchCode: w.branchCode,
  subdistrict: w.subdistrict,
  villageNo: w.villageNo,
  productPotential: w.productPotential,
  status: w.status,
  accessLevel: w.accessLevel,
  consentDate: w.consentDate,
  publicCredit: w.publicCredit,
  surveyedOn: w.surveyedOn,
  version: w.version,
});

const WISDOM = { entity: 'wisdom', notFound: 'wisdom.not_found' } as const;

/** Restricted wisdom looks missing to committee members and viewers. */
const readsRestricted = (actor: Actor) => RESTRICTED_WISDOM_READERS.includes(actor.role);
const restrictedFilter = (actor: Actor) => (readsRestricted(actor) ? undefined : ne(wisdomItems.accessLevel, 'restricted'));

export async function listWisdom(db: Db, actor: Actor, query: z.infer<typeof wisdomListQuery>) {
  requirePermission(actor, 'pipeline.read');
  const scope = (unit: AnyPgColumn) => and(scopeFilter(actor, unit), query.unit ? underUnit(unit, query.unit) : undefined);
  const filters = and(
    restrictedFilter(actor),
    query.branch ? eq(wisdomItems.branchCode, query.branch) : undefined,
    query.status ? eq(wisdomItems.status, query.status) : undefined,
  );
  const live = isNull(wisdomItems.deletedAt);
  const order: OrderKey<WisdomRow>[] = [
    { by: thaiOrder(wisdomItems.title), kind: 'text', of: (w: WisdomRow) => w.title },
    { by: wisdomItems.id, kind: 'int', of: (w: WisdomRow) => w.id },
  ];
  const rows = () => db.select().from(wisdomItems).$dynamic();
  const page = query.q
    ? await readSearchPage(
        db,
        {
          kind: 'wisdom',
          table: wisdomItems,
          id: wisdomItems.id,
          rows,
          idOf: (w) => w.id,
          words: queryWords(query.q, 'segmenter'),
          scope,
          unit: wisdomItems.orgUnitCode,
          live,
          filters,
          partial: matchesWords(wisdomItems.searchText, query.q)!,
          order,
        },
        query,
      )
    : await readPage(
        db,
        { rows: rows(), table: wisdomItems, where: and(live, scope(wisdomItems.orgUnitCode), filters), order },
        query,
      );
  return { ...page, items: page.items.map(listView) };
}

export async function getWisdom(db: Db, actor: Actor, id: number): Promise<Wisdom> {
  requirePermission(actor, 'pipeline.read');
  const item = await findVisible(db, actor, wisdomItems, id, 'wisdom.not_found');
  if (item.accessLevel === 'restricted' && !readsRestricted(actor)) throw new AppError('wisdom.not_found');
  const holders = await db
    .select({ id: people.id, title: people.title, firstName: people.firstName, lastName: people.lastName })
    .from(wisdomHolders)
    .innerJoin(people, eq(people.id, wisdomHolders.personId))
    .where(eq(wisdomHolders.wisdomId, id));
  return {
    ...listView(item),
    description: item.description,
    holders: holders.map((h) => ({ id: h.id, name: fullName(h) })),
    attachments: await attachmentsOf(db, 'wisdom', id),
  };
}

async function checkWisdom(tx: Tx, orgUnitCode: string, body: WisdomInput, isNew: boolean) {
  await requireCode(tx, 'wisdom_branch', body.branchCode, { allowDeprecated: !isNew });
  if (body.accessLevel === 'public' && !body.consentDate) throw new AppError('wisdom.public_needs_consent');
  await requirePeopleOfDistrict(tx, orgUnitCode, body.holderIds);
}

export const holderIdsOf = async (tx: Tx, wisdomId: number) =>
  (await tx.select({ id: wisdomHolders.personId }).from(wisdomHolders).where(eq(wisdomHolders.wisdomId, wisdomId)))
    .map((h) => h.id)
    .sort((a, b) => a - b);

/** Replaces the holders; everyone holding the item is tagged a wisdom holder (on create and on every edit). */
export async function setHolders(tx: Tx, actor: Actor, wisdomId: number, holderIds: number[]) {
  const unique = [...new Set(holderIds)].sort((a, b) => a - b);
  await tx.delete(wisdomHolders).where(eq(wisdomHolders.wisdomId, wisdomId));
  if (unique.length) await tx.insert(wisdomHolders).values(unique.map((personId) => ({ wisdomId, personId })));
  await tagPersonRoles(tx, actor, unique, 'wisdom_holder');
  return unique;
}

export const columnsOf = (body: WisdomInput, actor: Actor, previousConsent?: string | null) => ({
  title: body.title,
  branchCode: body.branchCode,
  description: body.description,
  subdistrict: body.subdistrict ?? null,
  villageNo: body.villageNo ?? null,
  productPotential: body.productPotential,
  status: body.status,
  accessLevel: body.accessLevel,
  consentDate: body.consentDate ?? null,
  // Who recorded the consent is whoever first entered its date.
  ...(body.consentDate && body.consentDate !== previousConsent ? { consentRecordedBy: actor.userId || null } : {}),
  publicCredit: body.publicCredit || null,
  surveyedOn: body.surveyedOn,
  searchText: searchTextOf(body.title, body.description, body.productPotential),
});

export async function createWisdom(db: Db, actor: Actor, body: z.infer<typeof createWisdomBody>): Promise<Wisdom> {
  requirePermission(actor, 'pipeline.write');
  const id = await db.transaction((tx) => insertWisdom(tx, actor, body));
  return getWisdom(db, actor, id);
}

/** A new wisdom item with its holders, inside the caller's transaction (the form and the demo). */
export async function insertWisdom(tx: Tx, actor: Actor, body: z.infer<typeof createWisdomBody>): Promise<number> {
  await checkWisdom(tx, body.orgUnitCode, body, true);
  const holderIds = [...new Set(body.holderIds)].sort((a, b) => a - b);
  const created = await createRecord(
    tx,
    actor,
    wisdomItems,
    WISDOM.entity,
    { orgUnitCode: body.orgUnitCode, ...columnsOf(body, actor) },
    { after: { holderIds } },
  );
  await setHolders(tx, actor, created.id, holderIds);
  return created.id;
}

/** A wisdom item's fields as stored, in the shape of the body that would write them (its holders aside). */
const storedWisdom = (w: WisdomRow) => ({
  title: w.title,
  branchCode: w.branchCode,
  description: w.description,
  subdistrict: w.subdistrict ?? undefined,
  villageNo: w.villageNo ?? undefined,
  productPotential: w.productPotential,
  status: w.status,
  accessLevel: w.accessLevel,
  consentDate: w.consentDate ?? undefined,
  publicCredit: w.publicCredit ?? undefined,
  surveyedOn: w.surveyedOn,
});

export async function updateWisdom(db: Db, actor: Actor, id: number, body: z.infer<typeof updateWisdomBody>): Promise<Wisdom> {
  requirePermission(actor, 'pipeline.write');
  await db.transaction(async (tx) => {
    const existing = await findVisible(tx, actor, wisdomItems, id, WISDOM.notFound);
    const before = await holderIdsOf(tx, id);
    const change = applyPatch(wisdomChange, { ...storedWisdom(existing), holderIds: before }, body);
    await checkWisdom(tx, existing.orgUnitCode, change, false);
    const after = [...new Set(change.holderIds)].sort((a, b) => a - b);
    await updateRecord(tx, actor, wisdomItems, WISDOM, id, change.version, columnsOf(change, actor, existing.consentDate), {
      before: { holderIds: before },
      after: { holderIds: after },
    });
    await setHolders(tx, actor, id, after);
  });
  return getWisdom(db, actor, id);
}

export async function deleteWisdom(db: Db, actor: Actor, id: number, version: number): Promise<void> {
  requirePermission(actor, 'pipeline.write');
  await db.transaction((tx) => deleteRecord(tx, actor, wisdomItems, WISDOM, id, version));
}

/** A photo or PDF for a wisdom item the actor may see (outside the scope: not found). */
export async function addWisdomAttachment(db: Db, actor: Actor, id: number, upload: Upload): Promise<Attachment> {
  requirePermission(actor, 'pipeline.write');
  const item = await findVisible(db, actor, wisdomItems, id, WISDOM.notFound);
  return addAttachment(db, actor, { type: 'wisdom', id: item.id, orgUnitCode: item.orgUnitCode }, upload);
}
