import { and, asc, eq, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  Allocation,
  allocationListQuery,
  BudgetItem,
  budgetItemListQuery,
  createAllocationBody,
  createBudgetItemBody,
  Register,
} from '#shared/budget';
import { isDistrict, isProvince, levelOf } from '#shared/fields';
import type { issueLetterBody, LetterInfo, OutgoingDocument } from '#shared/outgoing-documents';
import { addDays, bahtText, fiscalRange, fiscalYearOf, formatBaht } from '#shared/thai/index';
import { type Actor, allocationScope, requireActingFor, requireInScope, requirePermission } from '../../access';
import { insertAudited } from '../../audit/writes';
import { thaiToday } from '../../clock';
import type { Db, Tx } from '../../db/client';
import { allocations, budgetItems, orgUnits } from '../../db/schema';
import { AppError } from '../../errors';
import { expenseDeadline } from '../expenses/expenses.service';
import { emblemDataUrl } from '../outgoing-documents/emblem.service';
import { findIssued, getLetterhead, issueDocument } from '../outgoing-documents/outgoing-documents.service';
import { allocationBalance, lockUnitBudget, receivedByItem } from './allocations';
import { allocationLetterPdf, letterAddressee, letterSubject } from './letter.documents';

type ItemRow = typeof budgetItems.$inferSelect;
const LEVEL_ORDER = ['plan', 'project', 'main_activity', 'activity'] as const;

const toItem = (i: ItemRow): BudgetItem => ({ ...i, budgetSatang: i.budgetSatang === null ? null : String(i.budgetSatang) });

export async function listBudgetItems(db: Db, actor: Actor, query: z.infer<typeof budgetItemListQuery>): Promise<BudgetItem[]> {
  requirePermission(actor, 'budget.read');
  const rows = await db
    .select()
    .from(budgetItems)
    .where(eq(budgetItems.fiscalYear, query.fiscalYear))
    .orderBy(asc(budgetItems.id));
  if (!query.unit) return rows.map(toItem);
  requireInScope(actor, query.unit);
  // A province or district sees its own money, not the nation's: each activity what the unit received, each plan,
  // project and main activity the sum of the activities under it.
  const received = await receivedByItem(
    db,
    query.unit,
    rows.map((r) => r.id),
  );
  const totalOf = (item: ItemRow): bigint =>
    item.level === 'activity'
      ? (received.get(item.id) ?? 0n)
      : rows.filter((r) => r.parentId === item.id).reduce((total, child) => total + totalOf(child), 0n);
  return rows.map((r) => ({ ...toItem(r), receivedSatang: String(totalOf(r)) }));
}

async function findItem(db: Db | Tx, id: number) {
  const [item] = await db.select().from(budgetItems).where(eq(budgetItems.id, id));
  if (!item) throw new AppError('budget.item_not_found');
  return item;
}

/** The department sets up the year's structure. */
export async function createBudgetItem(db: Db, actor: Actor, body: z.infer<typeof createBudgetItemBody>): Promise<BudgetItem> {
  requirePermission(actor, 'budget.plan');
  if (body.level === 'activity' && body.budgetSatang === undefined) throw new AppError('budget.activity_needs_budget');
  if (body.parentId) {
    const parent = await findItem(db, body.parentId);
    if (parent.fiscalYear !== body.fiscalYear || LEVEL_ORDER.indexOf(parent.level) >= LEVEL_ORDER.indexOf(body.level))
      throw new AppError('budget.parent_mismatch');
  }
  const created = await db.transaction((tx) =>
    insertAudited(
      tx,
      actor,
      budgetItems,
      'budget_item',
      { ...body, budgetSatang: body.budgetSatang === undefined ? null : BigInt(body.budgetSatang) },
      { orgUnitCode: 'TH' },
    ),
  );
  return toItem(created);
}

/** Nation → province; province → its districts or its own share. Nothing else. */
function isDownOneLevel(from: string, to: string) {
  if (levelOf(from) === 'national') return isProvince(to);
  return to === from || (levelOf(to) === 'district' && to.startsWith(from));
}

const toAllocation = (a: typeof allocations.$inferSelect, unit: { nameTh: string; nameEn: string }): Allocation => ({
  id: a.id,
  itemId: a.itemId,
  fromUnitCode: a.fromUnitCode,
  toUnitCode: a.toUnitCode,
  toUnitNameTh: unit.nameTh,
  toUnitNameEn: unit.nameEn,
  quarter: a.quarter,
  category: a.category,
  amountSatang: String(a.amountSatang),
  note: a.note,
  reversesId: a.reversesId,
  createdAt: a.createdAt.toISOString(),
});

/**
 * Passes money down one level. The giving unit's money for the item is locked while the remainder is checked, so
 * two officers allocating at once can never exceed what the level above gave (other units are not held up).
 */
export async function allocate(db: Db, actor: Actor, body: z.infer<typeof createAllocationBody>): Promise<Allocation> {
  requirePermission(actor, 'budget.allocate');
  requireActingFor(actor, body.fromUnitCode);
  requireInScope(actor, body.toUnitCode);
  if (!isDownOneLevel(body.fromUnitCode, body.toUnitCode)) throw new AppError('allocation.not_down_one_level');
  const amount = BigInt(body.amountSatang);
  return db.transaction(async (tx) => {
    const item = await findItem(tx, body.itemId);
    if (item.level !== 'activity') throw new AppError('budget.not_activity');
    await lockUnitBudget(tx, item.id, body.fromUnitCode);
    await lockUnitBudget(tx, item.id, body.toUnitCode);
    const [unit] = await tx.select().from(orgUnits).where(eq(orgUnits.code, body.toUnitCode));
    if (!unit?.covered) throw new AppError('org_unit.not_found', { params: { code: body.toUnitCode } });
    const { unallocated } = await allocationBalance(tx, item.id, body.fromUnitCode);
    if (amount > unallocated) throw new AppError('allocation.over_budget', { params: { remainder: formatBaht(unallocated) } });
    const created = await insertAudited(
      tx,
      actor,
      allocations,
      'allocation',
      { ...body, amountSatang: amount, createdBy: actor.userId || null },
      { action: 'allocate', orgUnitCode: body.fromUnitCode },
    );
    return toAllocation(created, unit);
  });
}

/** Money records are never deleted: a reversal is a new, negative row pointing at the original. */
export async function reverseAllocation(db: Db, actor: Actor, id: number, note: string): Promise<Allocation> {
  requirePermission(actor, 'budget.allocate');
  return db.transaction(async (tx) => {
    const [original] = await tx
      .select()
      .from(allocations)
      .where(and(eq(allocations.id, id), allocationScope(actor)));
    if (!original) throw new AppError('allocation.not_found');
    requireActingFor(actor, original.fromUnitCode);
    await lockUnitBudget(tx, original.itemId, original.fromUnitCode);
    await lockUnitBudget(tx, original.itemId, original.toUnitCode);
    const [already] = await tx.select({ id: allocations.id }).from(allocations).where(eq(allocations.reversesId, id));
    if (already || original.reversesId) throw new AppError('allocation.already_reversed');
    // Only money the receiving unit still holds can be taken back: a province what it has not passed on,
    // a district (or a province's own share) what it has not spent.
    const held = await allocationBalance(tx, original.itemId, original.toUnitCode);
    const available =
      original.toUnitCode === original.fromUnitCode || isDistrict(original.toUnitCode) ? held.balance : held.unallocated;
    if (original.amountSatang > available)
      throw new AppError('allocation.already_used', { params: { available: formatBaht(available > 0n ? available : 0n) } });
    const reversal = await insertAudited(
      tx,
      actor,
      allocations,
      'allocation',
      {
        itemId: original.itemId,
        fromUnitCode: original.fromUnitCode,
        toUnitCode: original.toUnitCode,
        quarter: original.quarter,
        category: original.category,
        amountSatang: -original.amountSatang,
        reversesId: id,
        note,
        createdBy: actor.userId || null,
      },
      { action: 'reverse', orgUnitCode: original.fromUnitCode },
    );
    const [unit] = await tx.select().from(orgUnits).where(eq(orgUnits.code, original.toUnitCode));
    return toAllocation(reversal, unit);
  });
}

/** Allocations a unit made or received for an item (reversals included, so nothing is hidden). */
export async function listAllocations(
  db: Db,
  actor: Actor,
  itemId: number,
  { unit: unitCode, direction }: z.infer<typeof allocationListQuery>,
): Promise<Allocation[]> {
  requirePermission(actor, 'budget.read');
  requireInScope(actor, unitCode);
  const made = eq(allocations.fromUnitCode, unitCode);
  const received = eq(allocations.toUnitCode, unitCode);
  const rows = await db
    .select({ a: allocations, unit: orgUnits })
    .from(allocations)
    .innerJoin(orgUnits, eq(orgUnits.code, allocations.toUnitCode))
    .where(
      and(
        eq(allocations.itemId, itemId),
        direction === 'made' ? made : direction === 'received' ? received : or(made, received),
        allocationScope(actor),
      ),
    )
    .orderBy(allocations.toUnitCode, allocations.id);
  return rows.map((r) => toAllocation(r.a, r.unit));
}

/**
 * The allocation register (ทะเบียนการจัดสรรงบประมาณ) of a unit for one activity, like the table at the end
 * of the seed letter: every unit it allocated to (its own share last), net of reversals, with the total.
 */
export async function allocationRegister(db: Db, actor: Actor, itemId: number, unitCode: string): Promise<Register> {
  requirePermission(actor, 'budget.read');
  requireInScope(actor, unitCode);
  const item = await findItem(db, itemId);
  const [unit] = await db.select().from(orgUnits).where(eq(orgUnits.code, unitCode));
  if (!unit) throw new AppError('org_unit.not_found', { params: { code: unitCode } });
  const rows = await db
    .select({
      unitCode: allocations.toUnitCode,
      nameTh: orgUnits.nameTh,
      nameEn: orgUnits.nameEn,
      category: allocations.category,
      quarter: allocations.quarter,
      amount: sql<string>`sum(${allocations.amountSatang})::text`,
      note: sql<string>`string_agg(distinct nullif(${allocations.note}, ''), '; ')`,
    })
    .from(allocations)
    .innerJoin(orgUnits, eq(orgUnits.code, allocations.toUnitCode))
    .where(and(eq(allocations.itemId, itemId), eq(allocations.fromUnitCode, unitCode)))
    .groupBy(allocations.toUnitCode, orgUnits.nameTh, orgUnits.nameEn, allocations.category, allocations.quarter)
    .having(sql`sum(${allocations.amountSatang}) <> 0`)
    .orderBy(sql`${allocations.toUnitCode} = ${unitCode}`, allocations.toUnitCode);
  const { received, unallocated } = await allocationBalance(db, itemId, unitCode);
  const total = received - unallocated;
  const path = await itemPath(db, item);
  return {
    item: toItem(item),
    path,
    unit: { code: unit.code, nameTh: unit.nameTh, nameEn: unit.nameEn },
    receivedSatang: String(received),
    rows: rows.map((r) => ({
      unitCode: r.unitCode,
      nameTh: r.nameTh,
      nameEn: r.nameEn,
      ownShare: r.unitCode === unitCode,
      category: r.category,
      quarter: r.quarter,
      amountSatang: r.amount,
      note: r.note ?? '',
    })),
    totalSatang: String(total),
    remainderSatang: String(unallocated),
    totalText: bahtText(total),
  };
}

async function itemPath(db: Db, item: ItemRow) {
  const path = [item];
  while (path[0].parentId) {
    const [parent] = await db.select().from(budgetItems).where(eq(budgetItems.id, path[0].parentId));
    if (!parent) break;
    path.unshift(parent);
  }
  return path.map((p) => ({ level: p.level, name: p.name }));
}

/** The outgoing register keys an allocation letter by the activity it allocates (one letter per unit per activity). */
const LETTER_RECORD = 'budget_item';

/**
 * The date a new letter defaults to: today, or for an activity of a past fiscal year a day inside that year: the
 * unit's last allocation, and at least a week before the deadline it sets (the FY2563 letter is not dated 2569).
 */
async function defaultLetterDate(db: Db, item: ItemRow, unitCode: string, deadline: string | null): Promise<string> {
  const today = thaiToday();
  if (fiscalYearOf(today).fiscalYear <= item.fiscalYear) return today;
  const [{ last }] = await db
    .select({ last: sql<string | null>`max((${allocations.createdAt} at time zone 'Asia/Bangkok')::date)::text` })
    .from(allocations)
    .where(and(eq(allocations.itemId, item.id), eq(allocations.fromUnitCode, unitCode)));
  const candidates = [fiscalRange(item.fiscalYear).end, last, deadline && addDays(deadline, -7)];
  return candidates.filter((c): c is string => !!c).sort()[0];
}

async function letterDeadline(db: Db, actor: Actor, itemId: number, unitCode: string) {
  return isProvince(unitCode) ? expenseDeadline(db, actor, itemId, unitCode) : null;
}

/** What the letter dialog shows: the number the letter already has (and its date), or the defaults for a new one. */
export async function allocationLetterInfo(db: Db, actor: Actor, itemId: number, unitCode: string): Promise<LetterInfo> {
  requirePermission(actor, 'budget.allocate');
  requireInScope(actor, unitCode);
  const item = await findItem(db, itemId);
  const document = await findIssued(db, unitCode, LETTER_RECORD, itemId);
  const deadline = await letterDeadline(db, actor, itemId, unitCode);
  const { prefix } = await getLetterhead(db, actor, unitCode);
  const date = document?.documentDate ?? (await defaultLetterDate(db, item, unitCode, deadline));
  return { document, date, deadline, prefix };
}

/**
 * The allocation letter of a unit for an activity, the register enclosed. Its number comes from the unit's
 * outgoing-document register: issued on the first download, reused (with its date) on every later one.
 */
export async function allocationLetter(
  db: Db,
  actor: Actor,
  itemId: number,
  body: z.infer<typeof issueLetterBody>,
): Promise<{ register: Register; document: OutgoingDocument; pdf: Buffer }> {
  requirePermission(actor, 'budget.allocate');
  const register = await allocationRegister(db, actor, itemId, body.unit);
  const item = await findItem(db, itemId);
  const setDeadline = await letterDeadline(db, actor, itemId, body.unit);
  const deadline = body.deadline === undefined ? setDeadline : body.deadline;
  const date = body.date ?? (await defaultLetterDate(db, item, body.unit, deadline));
  const document = await db.transaction((tx) =>
    issueDocument(tx, actor, {
      unit: body.unit,
      date,
      subject: letterSubject(register),
      addressee: letterAddressee(register),
      recordType: LETTER_RECORD,
      recordId: itemId,
      circular: true,
    }),
  );
  const letterhead = await getLetterhead(db, actor, body.unit);
  const pdf = await allocationLetterPdf(register, {
    number: document.number,
    date: document.documentDate,
    deadline,
    signer: body.signer,
    position: body.position,
    phone: letterhead.phone,
    email: letterhead.email,
    emblem: await emblemDataUrl(db),
    digits: body.digits,
  });
  return { register, document, pdf };
}
