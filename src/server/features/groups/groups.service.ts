import { and, count, desc, eq, isNull, or, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import { certificationStatus } from '#shared/certifications';
import {
  type changeStageBody,
  type createGroupBody,
  type GroupDetail,
  groupChange,
  type groupListQuery,
  type Stage,
  type updateGroupBody,
} from '#shared/groups';
import { searchTextOf } from '#shared/thai/index';
import { type Actor, requirePermission, scopeFilter } from '../../access';
import { createRecord, updateRecord } from '../../audit/writes';
import { thaiToday } from '../../clock';
import { idIn } from '../../db/bulk';
import type { Db, Tx } from '../../db/client';
import { matchesWords, thaiOrder, underUnit } from '../../db/filters';
import { type OrderKey, readPage } from '../../db/paging';
import { findVisible } from '../../db/records';
import {
  certifications,
  groupMembers,
  groupStageHistory,
  groups,
  groupWisdom,
  orgUnits,
  people,
  producers,
  products,
  users,
  wisdomItems,
} from '../../db/schema';
import { queryWords, readSearchPage } from '../../db/search';
import { AppError } from '../../errors';
import { applyPatch } from '../../http/patch';
import { fullName, requirePeopleOfDistrict, tagPersonRoles } from '../people/people.service';
import { GROUP, recordStageChange, refreshGroupStage, requireStageData } from './stages';
import { groupTargetType, type TargetType } from './target-types';

type GroupRow = typeof groups.$inferSelect;
type GroupInput = z.infer<typeof createGroupBody> | z.infer<typeof groupChange>;

const memberCount = sql<number>`(select count(*)::int from group_members m where m.group_id = ${groups.id})`;

const summaryOf = (g: GroupRow, members: number, targetType: TargetType) => ({
  id: g.id,
  orgUnitCode: g.orgUnitCode,
  name: g.name,
  foundedOn: g.foundedOn,
  targetType,
  stage: g.stage,
  grownAs: g.grownAs,
  memberCount: members,
  version: g.version,
});

export async function listGroups(db: Db, actor: Actor, query: z.infer<typeof groupListQuery>) {
  requirePermission(actor, 'pipeline.read');
  const scope = (unit: AnyPgColumn) => and(scopeFilter(actor, unit), query.unit ? underUnit(unit, query.unit) : undefined);
  // The funnel's drill-down: groups whose records prove the stage, as the funnel counts them.
  const filters = query.stage ? sql`${query.stage} = any(${groups.evidence})` : undefined;
  const live = isNull(groups.deletedAt);
  const rows = () =>
    db
      .select({ group: groups, unitNameTh: orgUnits.nameTh, unitNameEn: orgUnits.nameEn })
      .from(groups)
      .innerJoin(orgUnits, eq(orgUnits.code, groups.orgUnitCode))
      .$dynamic();
  type Row = Awaited<ReturnType<typeof rows>>[number];
  const order: OrderKey<Row>[] = [
    { by: thaiOrder(groups.name), kind: 'text', of: (r: Row) => r.group.name },
    { by: groups.id, kind: 'int', of: (r: Row) => r.group.id },
  ];
  const page = query.q
    ? await readSearchPage(
        db,
        {
          kind: 'group',
          table: groups,
          id: groups.id,
          rows,
          idOf: (r) => r.group.id,
          words: queryWords(query.q, 'segmenter'),
          scope,
          unit: groups.orgUnitCode,
          live,
          filters,
          partial: matchesWords(groups.searchText, query.q)!,
          order,
        },
        query,
      )
    : await readPage(db, { rows: rows(), table: groups, where: and(live, scope(groups.orgUnitCode), filters), order }, query);
  // Counted for the page's groups only: in the page query the planner hashes every producer and member of the
  // country to answer for 50 groups, because it plans the subqueries for all rows before the LIMIT.
  const ids = page.items.map((r) => r.group.id);
  const figures = ids.length
    ? await db
        .select({ id: groups.id, members: memberCount, targetType: groupTargetType() })
        .from(groups)
        .where(idIn(groups.id, ids))
    : [];
  const figuresOf = new Map(figures.map((f) => [f.id, f]));
  return {
    ...page,
    items: page.items.map((r) => {
      const { members, targetType } = figuresOf.get(r.group.id)!;
      return { ...summaryOf(r.group, members, targetType), unitNameTh: r.unitNameTh, unitNameEn: r.unitNameEn };
    }),
  };
}

/** Everything about a group on one page: wisdom basis, members, registration, products, certificates, stages. */
export async function getGroup(db: Db, actor: Actor, id: number): Promise<GroupDetail> {
  requirePermission(actor, 'pipeline.read');
  const group = await findVisible(db, actor, groups, id, 'group.not_found');
  const [wisdom, members, registrations, history, [{ n }], [{ targetType }]] = await Promise.all([
    db
      .select({ id: wisdomItems.id, title: wisdomItems.title, branchCode: wisdomItems.branchCode })
      .from(groupWisdom)
      .innerJoin(wisdomItems, eq(wisdomItems.id, groupWisdom.wisdomId))
      .where(eq(groupWisdom.groupId, id)),
    db
      .select({ member: groupMembers, person: people })
      .from(groupMembers)
      .innerJoin(people, eq(people.id, groupMembers.personId))
      .where(eq(groupMembers.groupId, id)),
    db
      .select()
      .from(producers)
      .where(and(eq(producers.groupId, id), isNull(producers.deletedAt)))
      .orderBy(desc(producers.fiscalYear)),
    db
      .select({ h: groupStageHistory, username: users.displayName })
      .from(groupStageHistory)
      .leftJoin(users, eq(users.id, groupStageHistory.changedBy))
      .where(eq(groupStageHistory.groupId, id))
      .orderBy(groupStageHistory.changedOn, groupStageHistory.id),
    db.select({ n: count() }).from(groupMembers).where(eq(groupMembers.groupId, id)),
    db.select({ targetType: groupTargetType() }).from(groups).where(eq(groups.id, id)),
  ]);
  const producerIds = registrations.map((r) => r.id);
  const groupProducts = producerIds.length
    ? await db
        .select()
        .from(products)
        .where(and(idIn(products.producerId, producerIds), isNull(products.deletedAt)))
        .orderBy(thaiOrder(products.name))
    : [];
  const productIds = groupProducts.map((p) => p.id);
  const certs =
    producerIds.length || productIds.length
      ? await db
          .select()
          .from(certifications)
          .where(
            and(
              isNull(certifications.deletedAt),
              or(
                producerIds.length ? idIn(certifications.producerId, producerIds) : undefined,
                productIds.length ? idIn(certifications.productId, productIds) : undefined,
              ),
            ),
          )
      : [];
  const today = thaiToday();
  const productName = new Map(groupProducts.map((p) => [p.id, p.name]));
  return {
    ...summaryOf(group, n, targetType),
    contactPhone: group.contactPhone,
    address: group.address,
    subdistrict: group.subdistrict,
    enterpriseRegNo: group.enterpriseRegNo,
    wisdom,
    members: members.map((m) => ({ personId: m.person.id, name: fullName(m.person), role: m.member.role })),
    producers: registrations.map((r) => ({
      id: r.id,
      registrationNo: r.registrationNo,
      fiscalYear: r.fiscalYear,
      status: r.status,
      producerType: r.producerType,
    })),
    products: groupProducts.map((p) => ({ id: p.id, name: p.name, category: p.category })),
    certifications: certs.map((c) => ({
      id: c.id,
      standardCode: c.standardCode,
      certificateNo: c.certificateNo,
      expiresOn: c.expiresOn,
      status: certificationStatus(c.expiresOn, today),
      subject: c.productId ? (productName.get(c.productId) ?? '') : group.name,
    })),
    stageHistory: history.map(({ h, username }) => ({
      fromStage: h.fromStage,
      toStage: h.toStage,
      changedOn: h.changedOn,
      reason: h.reason,
      automatic: h.automatic,
      evidenceKind: h.evidenceKind,
      changedBy: username,
    })),
    evidence: group.evidence as Stage[],
  };
}

async function checkGroup(tx: Tx, orgUnitCode: string, body: GroupInput) {
  const personIds = body.members.map((m) => m.personId);
  if (new Set(personIds).size !== personIds.length) throw new AppError('group.member_duplicate');
  await requirePeopleOfDistrict(tx, orgUnitCode, personIds);
  if (body.wisdomIds.length) {
    const found = await tx
      .select({ id: wisdomItems.id })
      .from(wisdomItems)
      .where(and(idIn(wisdomItems.id, body.wisdomIds), eq(wisdomItems.orgUnitCode, orgUnitCode), isNull(wisdomItems.deletedAt)));
    const missing = body.wisdomIds.find((w) => !found.some((f) => f.id === w));
    if (missing !== undefined)
      throw new AppError('record.other_district', { params: { what: 'ภูมิปัญญา', whatEn: 'Wisdom item', id: missing } });
  }
}

/** The links as the audit log shows them: members and wisdom basis, in a stable order. */
const linksOf = (members: { personId: number; role: string }[], wisdomIds: number[]) => ({
  members: [...members].map((m) => ({ personId: m.personId, role: m.role })).sort((a, b) => a.personId - b.personId),
  wisdomIds: [...new Set(wisdomIds)].sort((a, b) => a - b),
});

export async function storedLinks(tx: Tx, groupId: number) {
  const [members, wisdom] = await Promise.all([
    tx.select().from(groupMembers).where(eq(groupMembers.groupId, groupId)),
    tx.select().from(groupWisdom).where(eq(groupWisdom.groupId, groupId)),
  ]);
  return linksOf(
    members,
    wisdom.map((w) => w.wisdomId),
  );
}

/** Replaces the links; every member is tagged a group member. */
async function setLinks(tx: Tx, actor: Actor, groupId: number, body: GroupInput) {
  await tx.delete(groupWisdom).where(eq(groupWisdom.groupId, groupId));
  if (body.wisdomIds.length)
    await tx.insert(groupWisdom).values([...new Set(body.wisdomIds)].map((wisdomId) => ({ groupId, wisdomId })));
  await tx.delete(groupMembers).where(eq(groupMembers.groupId, groupId));
  if (body.members.length) {
    await tx.insert(groupMembers).values(body.members.map((m) => ({ groupId, personId: m.personId, role: m.role })));
    await tagPersonRoles(
      tx,
      actor,
      body.members.map((m) => m.personId),
      'group_member',
    );
  }
}

const columnsOf = (body: GroupInput) => ({
  name: body.name,
  foundedOn: body.foundedOn,
  contactPhone: body.contactPhone ?? null,
  address: body.address,
  subdistrict: body.subdistrict ?? null,
  enterpriseRegNo: body.enterpriseRegNo ?? null,
  searchText: searchTextOf(body.name, body.address),
});

export async function createGroup(db: Db, actor: Actor, body: z.infer<typeof createGroupBody>): Promise<GroupDetail> {
  requirePermission(actor, 'pipeline.write');
  const id = await db.transaction((tx) => insertGroup(tx, actor, body));
  return getGroup(db, actor, id);
}

/** A new group with its links and first stage, inside the caller's transaction (the form and the import). */
export async function insertGroup(tx: Tx, actor: Actor, body: z.infer<typeof createGroupBody>): Promise<number> {
  await checkGroup(tx, body.orgUnitCode, body);
  const created = await createRecord(
    tx,
    actor,
    groups,
    GROUP.entity,
    { orgUnitCode: body.orgUnitCode, ...columnsOf(body) },
    { after: linksOf(body.members, body.wisdomIds) },
  );
  await setLinks(tx, actor, created.id, body);
  await recordStageChange(tx, actor, { ...created, stage: 'wisdom_surveyed' }, 'group_formed', 'ก่อตั้งกลุ่ม', {
    automatic: true,
    evidenceKind: 'formed',
    changedOn: body.foundedOn,
  });
  await refreshGroupStage(tx, actor, created.id, body.foundedOn);
  return created.id;
}

export async function updateGroup(db: Db, actor: Actor, id: number, body: z.infer<typeof updateGroupBody>): Promise<GroupDetail> {
  requirePermission(actor, 'pipeline.write');
  await db.transaction(async (tx) => {
    const existing = await findVisible(tx, actor, groups, id, GROUP.notFound);
    const links = await storedLinks(tx, id);
    const stored = {
      name: existing.name,
      foundedOn: existing.foundedOn,
      contactPhone: existing.contactPhone ?? undefined,
      address: existing.address,
      subdistrict: existing.subdistrict ?? undefined,
      enterpriseRegNo: existing.enterpriseRegNo ?? undefined,
      ...links,
    };
    await changeGroup(tx, actor, existing, applyPatch(groupChange, stored, body));
  });
  return getGroup(db, actor, id);
}

/** A group's fields and links changed, inside the caller's transaction (the form and the import). */
export async function changeGroup(tx: Tx, actor: Actor, existing: GroupRow, body: z.infer<typeof groupChange>) {
  await checkGroup(tx, existing.orgUnitCode, body);
  await updateRecord(tx, actor, groups, GROUP, existing.id, body.version, columnsOf(body), {
    before: await storedLinks(tx, existing.id),
    after: linksOf(body.members, body.wisdomIds),
  });
  await setLinks(tx, actor, existing.id, body);
}

/** An officer's stage change, the exception to stages moved by records: it needs a reason and stays as evidence. */
export async function changeStage(db: Db, actor: Actor, id: number, body: z.infer<typeof changeStageBody>): Promise<GroupDetail> {
  requirePermission(actor, 'pipeline.write');
  await db.transaction((tx) => changeGroupStage(tx, actor, id, body));
  return getGroup(db, actor, id);
}

/**
 * The officer's stage change inside the caller's transaction (the form and the demo); the group's new version. The
 * refresh after it never moves the group again (a stage below what the records prove is refused above), so the
 * version of this update is the group's.
 */
export async function changeGroupStage(tx: Tx, actor: Actor, id: number, body: z.infer<typeof changeStageBody>): Promise<number> {
  const existing = await findVisible(tx, actor, groups, id, GROUP.notFound);
  await requireStageData(tx, id, body.stage, body.grownAs);
  const { after } = await updateRecord(
    tx,
    actor,
    groups,
    GROUP,
    id,
    body.version,
    { stage: body.stage, grownAs: body.stage === 'grown' ? body.grownAs : null },
    { action: 'change_stage', after: { reason: body.reason } },
  );
  await recordStageChange(tx, actor, existing, body.stage, body.reason, { automatic: false, changedOn: body.changedOn });
  await refreshGroupStage(tx, actor, id);
  return after.version;
}
