import { and, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import {
  type createPartnerBody,
  type Partner,
  partnerChange,
  type partnerListQuery,
  type updatePartnerBody,
} from '#shared/partners';
import { searchTextOf } from '#shared/thai/index';
import { type Actor, requirePermission, scopeFilter } from '../../access';
import { createRecord, deleteRecord, updateRecord } from '../../audit/writes';
import type { Db, Tx } from '../../db/client';
import { matchesWords, thaiOrder, underUnit } from '../../db/filters';
import { readPage } from '../../db/paging';
import { findVisible, requireOfDistrict } from '../../db/records';
import { partners } from '../../db/schema';
import { applyPatch } from '../../http/patch';

const PARTNER = { entity: 'partner', notFound: 'partner.not_found' } as const;
type PartnerInput = z.infer<typeof createPartnerBody> | z.infer<typeof partnerChange>;
type PartnerRow = typeof partners.$inferSelect;

const toPartner = (p: PartnerRow): Partner => ({
  id: p.id,
  orgUnitCode: p.orgUnitCode,
  kind: p.kind,
  name: p.name,
  contactPerson: p.contactPerson,
  phone: p.phone,
  email: p.email,
  address: p.address,
  note: p.note,
  version: p.version,
});

/** Partners of the scope, in Thai order; `q` finds Thai words in the name, contact person and note. */
export async function listPartners(db: Db, actor: Actor, query: z.infer<typeof partnerListQuery>) {
  requirePermission(actor, 'pipeline.read');
  const where = and(
    isNull(partners.deletedAt),
    scopeFilter(actor, partners.orgUnitCode),
    query.unit ? underUnit(partners.orgUnitCode, query.unit) : undefined,
    query.kind ? eq(partners.kind, query.kind) : undefined,
    matchesWords(partners.searchText, query.q),
  );
  const page = await readPage(
    db,
    {
      rows: db.select().from(partners).$dynamic(),
      table: partners,
      where,
      order: [
        { by: thaiOrder(partners.name), kind: 'text', of: (p) => p.name },
        { by: partners.id, kind: 'int', of: (p) => p.id },
      ],
    },
    query,
  );
  return { ...page, items: page.items.map(toPartner) };
}

export async function getPartner(db: Db, actor: Actor, id: number): Promise<Partner> {
  requirePermission(actor, 'pipeline.read');
  return toPartner(await findVisible(db, actor, partners, id, PARTNER.notFound));
}

const columnsOf = (body: PartnerInput) => ({
  kind: body.kind,
  name: body.name,
  contactPerson: body.contactPerson,
  phone: body.phone ?? null,
  email: body.email ?? null,
  address: body.address,
  note: body.note,
  searchText: searchTextOf(body.name, body.contactPerson, body.note),
});

export async function createPartner(db: Db, actor: Actor, body: z.infer<typeof createPartnerBody>): Promise<Partner> {
  requirePermission(actor, 'pipeline.write');
  const created = await db.transaction((tx) =>
    createRecord(tx, actor, partners, PARTNER.entity, { orgUnitCode: body.orgUnitCode, ...columnsOf(body) }),
  );
  return toPartner(created);
}

/** A partner's fields as stored, in the shape of the body that would write them. */
const storedPartner = (p: PartnerRow) => ({
  kind: p.kind,
  name: p.name,
  contactPerson: p.contactPerson,
  phone: p.phone ?? undefined,
  email: p.email ?? undefined,
  address: p.address,
  note: p.note,
});

export async function updatePartner(db: Db, actor: Actor, id: number, body: z.infer<typeof updatePartnerBody>): Promise<Partner> {
  requirePermission(actor, 'pipeline.write');
  const { after } = await db.transaction(async (tx) => {
    const change = applyPatch(partnerChange, storedPartner(await findVisible(tx, actor, partners, id, PARTNER.notFound)), body);
    return updateRecord(tx, actor, partners, PARTNER, id, change.version, columnsOf(change));
  });
  return toPartner(after);
}

export async function deletePartner(db: Db, actor: Actor, id: number, version: number): Promise<void> {
  requirePermission(actor, 'pipeline.write');
  await db.transaction((tx) => deleteRecord(tx, actor, partners, PARTNER, id, version));
}

/** Refuses partners that are not live records of the district (another district's look the same as missing). */
export const requirePartnersOfDistrict = (tx: Db | Tx, orgUnitCode: string, ids: number[]) =>
  requireOfDistrict(tx, partners, orgUnitCode, ids, { th: 'ภาคีเครือข่าย', en: 'Partner' });
