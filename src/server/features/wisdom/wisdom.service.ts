import { and, eq, ilike, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { searchTextOf, thaiWords } from '#shared/thai/index';
import type { createWisdomBody, updateWisdomBody, Wisdom, wisdomListQuery } from '#shared/wisdom';
import { type Actor, requireInScope, requirePermission, scopeFilter } from '../../access';
import { recordAudit } from '../../audit/audit';
import type { Db, Tx } from '../../db/client';
import { containing, underUnit } from '../../db/filters';
import { readPage } from '../../db/paging';
import { findVisible, updateAtVersion } from '../../db/records';
import { people, wisdomHolders, wisdomItems } from '../../db/schema';
import { AppError } from '../../errors';
import { attachmentsOf } from '../attachments/attachments.service';
import { requireCode } from '../code-lists/code-lists.service';
import { fullName, requirePeopleOfDistrict } from '../people/people.service';

type WisdomRow = typeof wisdomItems.$inferSelect;
type WisdomInput = z.infer<typeof createWisdomBody> | z.infer<typeof updateWisdomBody>;

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
  surveyedOn: w.surveyedOn,
  version: w.version,
});

/** One condition per query word, each matched anywhere in the search column (trigram index). */
export function matchesWords(column: Parameters<typeof ilike>[0], q: string | undefined) {
  if (!q) return undefined;
  const words = thaiWords(q);
  return and(...(words.length ? words : [q]).map((w) => ilike(column, containing(w))));
}

export async function listWisdom(db: Db, actor: Actor, query: z.infer<typeof wisdomListQuery>) {
  requirePermission(actor, 'pipeline.read');
  const where = and(
    isNull(wisdomItems.deletedAt),
    scopeFilter(actor, wisdomItems.orgUnitCode),
    query.unit ? underUnit(wisdomItems.orgUnitCode, query.unit) : undefined,
    query.branch ? eq(wisdomItems.branchCode, query.branch) : undefined,
    query.status ? eq(wisdomItems.status, query.status) : undefined,
    matchesWords(wisdomItems.searchText, query.q),
  );
  const rows = db.select().from(wisdomItems).where(where).orderBy(sql`${wisdomItems.title} collate thai`).$dynamic();
  const page = await readPage(db, rows, wisdomItems, where, query);
  return { ...page, items: page.items.map(listView) };
}

export async function getWisdom(db: Db, actor: Actor, id: number): Promise<Wisdom> {
  requirePermission(actor, 'pipeline.read');
  const item = await findVisible(db, actor, wisdomItems, id, 'wisdom.not_found');
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

async function setHolders(tx: Tx, wisdomId: number, holderIds: number[]) {
  await tx.delete(wisdomHolders).where(eq(wisdomHolders.wisdomId, wisdomId));
  if (holderIds.length)
    await tx.insert(wisdomHolders).values([...new Set(holderIds)].map((personId) => ({ wisdomId, personId })));
}

const columnsOf = (body: WisdomInput, actor: Actor, previousConsent?: string | null) => ({
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
  surveyedOn: body.surveyedOn,
  searchText: searchTextOf(body.title, body.description, body.productPotential),
});

export async function createWisdom(db: Db, actor: Actor, body: z.infer<typeof createWisdomBody>): Promise<Wisdom> {
  requirePermission(actor, 'pipeline.write');
  requireInScope(actor, body.orgUnitCode);
  const id = await db.transaction(async (tx) => {
    await checkWisdom(tx, body.orgUnitCode, body, true);
    const [created] = await tx
      .insert(wisdomItems)
      .values({ orgUnitCode: body.orgUnitCode, ...columnsOf(body, actor) })
      .returning();
    await setHolders(tx, created.id, body.holderIds);
    await tx
      .update(people)
      .set({ roles: sql`array(select distinct unnest(${people.roles} || array['wisdom_holder']))` })
      .where(sql`${people.id} in (select person_id from wisdom_holders where wisdom_id = ${created.id})`);
    await recordAudit(tx, actor, {
      action: 'create',
      entity: 'wisdom',
      entityId: created.id,
      orgUnitCode: created.orgUnitCode,
      after: { ...listView(created), holderIds: body.holderIds },
    });
    return created.id;
  });
  return getWisdom(db, actor, id);
}

export async function updateWisdom(db: Db, actor: Actor, id: number, body: z.infer<typeof updateWisdomBody>): Promise<Wisdom> {
  requirePermission(actor, 'pipeline.write');
  const existing = await findVisible(db, actor, wisdomItems, id, 'wisdom.not_found');
  await db.transaction(async (tx) => {
    await checkWisdom(tx, existing.orgUnitCode, body, false);
    const updated = await updateAtVersion(tx, wisdomItems, id, body.version, columnsOf(body, actor, existing.consentDate));
    await setHolders(tx, id, body.holderIds);
    await recordAudit(tx, actor, {
      action: 'update',
      entity: 'wisdom',
      entityId: id,
      orgUnitCode: existing.orgUnitCode,
      before: listView(existing),
      after: listView(updated),
    });
  });
  return getWisdom(db, actor, id);
}

export async function deleteWisdom(db: Db, actor: Actor, id: number, version: number): Promise<void> {
  requirePermission(actor, 'pipeline.write');
  const existing = await findVisible(db, actor, wisdomItems, id, 'wisdom.not_found');
  await db.transaction(async (tx) => {
    await updateAtVersion(tx, wisdomItems, id, version, { deletedAt: new Date() });
    await recordAudit(tx, actor, {
      action: 'delete',
      entity: 'wisdom',
      entityId: id,
      orgUnitCode: existing.orgUnitCode,
      before: listView(existing),
    });
  });
}
