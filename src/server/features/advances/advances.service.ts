import { and, eq, inArray, lt, ne, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Role } from '#shared/access';
import type { Advance, advanceListQuery, createAdvanceBody, repaymentBody } from '#shared/advances';
import type { approveBody, rejectBody } from '#shared/delegations';
import { addDays, formatBaht } from '#shared/thai/index';
import { officeTitle } from '#shared/unit-titles';
import {
  type Actor,
  borrowerFilter,
  can,
  holdsAuthorityOver,
  requireActingFor,
  requireAnyAuthority,
  requireDelegatedAuthority,
  requireInScope,
  requirePermission,
  scopeFilter,
} from '../../access';
import { changeRecord, createRecord, insertAudited, updateRecord, type WriteTarget } from '../../audit/writes';
import { thaiToday } from '../../clock';
import { idIn } from '../../db/bulk';
import type { Db, Tx } from '../../db/client';
import { underUnit } from '../../db/filters';
import { readPage } from '../../db/paging';
import {
  advanceRepayments,
  advanceRules,
  budgetItems,
  cashAdvances,
  delegationOrders,
  disbursements,
  orgUnits,
  users,
} from '../../db/schema';
import { AppError } from '../../errors';
import { allocationBalance, lockUnitBudget, requireInAllocatedQuarter } from '../budget/allocations';

type AdvanceRow = typeof cashAdvances.$inferSelect;
const ADVANCE: WriteTarget = { entity: 'advance', notFound: 'advance.not_found' };

/** A position for the contract when the account has none written: the role's Thai title. */
const ROLE_TITLE_TH: Partial<Record<Role, string>> = {
  province_officer: 'เจ้าหน้าที่สำนักงานพัฒนาชุมชนจังหวัด',
  district_officer: 'เจ้าหน้าที่สำนักงานพัฒนาชุมชนอำเภอ',
  district_chief: 'นายอำเภอ',
};

/** The due date by rule: so many days after receipt (activity) or after return (travel). */
export function dueDate(
  rule: { days: number; countsFrom: 'receipt' | 'return' },
  receivedOn: string,
  returnedOn?: string | null,
): string {
  return addDays(rule.countsFrom === 'return' ? returnedOn! : receivedOn, rule.days);
}

const isUniqueViolation = (error: any) => (error?.cause?.code ?? error?.code) === '23505';

/**
 * The contract number people see and write on paper ("3/2570"): the advance's place among its unit's advances of
 * the fiscal year it was received in, then the year. Advances are never deleted, so a number never changes.
 */
async function contractNumbers(db: Db | Tx, ids: number[]): Promise<Map<number, string>> {
  const fiscalYear = (column: SQL) => sql`(extract(year from ${column} + interval '3 months')::int + 543)`;
  const result = (await db.execute(sql`
    select a.id, (
      select count(*) from ${cashAdvances} b
      where b.org_unit_code = a.org_unit_code and b.id <= a.id
        and ${fiscalYear(sql`b.received_on`)} = ${fiscalYear(sql`a.received_on`)}
    )::int as seq, ${fiscalYear(sql`a.received_on`)} as "fiscalYear"
    from ${cashAdvances} a where a.id in (${sql.join(
      ids.map((id) => sql`${id}`),
      sql`, `,
    )})
  `)) as unknown as { rows: { id: number; seq: number; fiscalYear: number }[] };
  return new Map(result.rows.map((r) => [Number(r.id), `${r.seq}/${r.fiscalYear}`]));
}

async function toAdvances(db: Db | Tx, rows: AdvanceRow[]): Promise<Advance[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const userIds = [...new Set(rows.flatMap((r) => [r.borrowerId, ...(r.approverId ? [r.approverId] : [])]))];
  const itemIds = [...new Set(rows.flatMap((r) => (r.itemId ? [r.itemId] : [])))];
  const orderIds = [...new Set(rows.flatMap((r) => (r.delegationOrderId ? [r.delegationOrderId] : [])))];
  const [repayments, receipts, people, items, orders, contractNo] = await Promise.all([
    db.select().from(advanceRepayments).where(idIn(advanceRepayments.advanceId, ids)).orderBy(advanceRepayments.id),
    db
      .select({
        disbursementId: disbursements.id,
        repaymentId: disbursements.repaymentId,
        documentNo: disbursements.documentNo,
        description: disbursements.description,
        amountSatang: disbursements.amountSatang,
      })
      .from(disbursements)
      .where(idIn(disbursements.advanceId, ids))
      .orderBy(disbursements.id),
    db.select({ id: users.id, name: users.displayName, position: users.position }).from(users).where(idIn(users.id, userIds)),
    itemIds.length
      ? db.select({ id: budgetItems.id, name: budgetItems.name }).from(budgetItems).where(idIn(budgetItems.id, itemIds))
      : [],
    orderIds.length ? db.select().from(delegationOrders).where(idIn(delegationOrders.id, orderIds)) : [],
    contractNumbers(db, ids),
  ]);
  const person = new Map(people.map((p) => [p.id, p]));
  const itemName = new Map(items.map((i) => [i.id, i.name]));
  const order = new Map(orders.map((o) => [o.id, o]));
  const today = thaiToday();
  return rows.map((a) => {
    const own = repayments.filter((r) => r.advanceId === a.id);
    const repaid = own.reduce((sum, r) => sum + r.amountSatang, 0n);
    const approver = a.approverId ? person.get(a.approverId) : undefined;
    const cited = a.delegationOrderId ? order.get(a.delegationOrderId) : undefined;
    return {
      id: a.id,
      contractNo: contractNo.get(a.id) ?? '',
      orgUnitCode: a.orgUnitCode,
      borrowerId: a.borrowerId,
      borrowerName: person.get(a.borrowerId)?.name ?? '',
      borrowerPosition: a.borrowerPosition,
      borrowerOffice: a.borrowerOffice,
      requestedBy: a.requestedBy,
      itemId: a.itemId,
      itemName: a.itemId ? (itemName.get(a.itemId) ?? '') : '',
      approval:
        approver && cited && a.approvedOn
          ? {
              approverId: a.approverId!,
              approverName: approver.name,
              approverPosition: approver.position,
              approvedOn: a.approvedOn,
              orderId: cited.id,
              orderNo: cited.orderNo,
              orderDate: cited.orderDate,
              delegator: cited.delegator,
              note: a.status === 'rejected' ? '' : a.decisionNote,
            }
          : null,
      decisionNote: a.status === 'rejected' ? a.decisionNote : '',
      purpose: a.purpose,
      ruleCode: a.ruleCode,
      amountSatang: String(a.amountSatang),
      repaidSatang: String(repaid),
      balanceSatang: String(a.amountSatang - repaid),
      receivedOn: a.receivedOn,
      dueOn: a.dueOn,
      status: a.status === 'open' && a.dueOn < today ? 'overdue' : a.status,
      repayments: own.map((r) => ({
        id: r.id,
        kind: r.kind,
        amountSatang: String(r.amountSatang),
        repaidOn: r.repaidOn,
        receipts: receipts
          .filter((d) => d.repaymentId === r.id)
          .map((d) => ({
            disbursementId: d.disbursementId,
            documentNo: d.documentNo,
            description: d.description,
            amountSatang: String(d.amountSatang),
          })),
      })),
      version: a.version,
    };
  });
}

export async function listAdvances(db: Db, actor: Actor, query: z.infer<typeof advanceListQuery>) {
  requirePermission(actor, 'advances.read');
  const today = thaiToday();
  const byStatus: Record<string, SQL | undefined> = {
    requested: eq(cashAdvances.status, 'requested'),
    open: eq(cashAdvances.status, 'open'),
    overdue: and(eq(cashAdvances.status, 'open'), lt(cashAdvances.dueOn, today)),
    repaid: eq(cashAdvances.status, 'repaid'),
    rejected: eq(cashAdvances.status, 'rejected'),
  };
  const where = and(
    scopeFilter(actor, cashAdvances.orgUnitCode),
    query.unit ? underUnit(cashAdvances.orgUnitCode, query.unit) : undefined,
    query.status ? byStatus[query.status] : undefined,
  );
  const page = await readPage(
    db,
    {
      rows: db.select().from(cashAdvances).$dynamic(),
      table: cashAdvances,
      where,
      // What still needs someone first (waiting, then open by due date), settled ones after.
      order: [
        {
          by: sql`${cashAdvances.status} in ('repaid', 'rejected')`,
          kind: 'bool',
          of: (a) => ['repaid', 'rejected'].includes(a.status),
        },
        { by: cashAdvances.dueOn, kind: 'date', of: (a) => a.dueOn },
        { by: cashAdvances.id, kind: 'int', of: (a) => a.id, desc: true },
      ],
    },
    query,
  );
  return { ...page, items: await toAdvances(db, page.items) };
}

export async function getAdvance(db: Db | Tx, actor: Actor, id: number): Promise<Advance> {
  requirePermission(actor, 'advances.read');
  const [row] = await db
    .select()
    .from(cashAdvances)
    .where(and(eq(cashAdvances.id, id), scopeFilter(actor, cashAdvances.orgUnitCode)));
  if (!row) throw new AppError('advance.not_found');
  return (await toAdvances(db, [row]))[0];
}

/** Refuses a new advance while the borrower has one asked for or open (the unique index backs this up under races). */
async function requireNoOutstandingAdvance(tx: Tx, borrowerId: number) {
  const [outstanding] = await tx
    .select()
    .from(cashAdvances)
    .where(and(eq(cashAdvances.borrowerId, borrowerId), inArray(cashAdvances.status, ['requested', 'open'])));
  if (outstanding) {
    const [advance] = await toAdvances(tx, [outstanding]);
    throw new AppError('advance.outstanding', {
      params: { id: advance.contractNo, balance: formatBaht(BigInt(advance.balanceSatang)) },
    });
  }
}

/** The unit's unspent money on the activity must cover the amount (its own hold included once it exists). */
async function requireUnspent(tx: Tx, itemId: number, unitCode: string, amount: bigint) {
  const { balance } = await allocationBalance(tx, itemId, unitCode);
  if (amount > balance) throw new AppError('advance.over_allocation', { params: { balance: formatBaht(balance) } });
}

/**
 * Asks for a cash advance drawn on an activity the unit received money for: it waits for the holder of delegated
 * authority, its amount held from the unit's balance meanwhile. Only the unit's officials may borrow.
 */
export async function createAdvance(db: Db, actor: Actor, body: z.infer<typeof createAdvanceBody>): Promise<Advance> {
  requirePermission(actor, 'advances.write');
  // An advance is the unit's own money matter: its officers record it, not the province above.
  requireActingFor(actor, body.orgUnitCode);
  const [rule] = await db.select().from(advanceRules).where(eq(advanceRules.code, body.ruleCode));
  if (!rule) throw new AppError('code.unknown', { params: { code: body.ruleCode, list: 'advance rule', listTh: 'ประเภทเงินยืม' } });
  if (rule.countsFrom === 'return' && !body.returnedOn) throw new AppError('advance.rule_needs_return');
  if (body.returnedOn && body.returnedOn < body.receivedOn) throw new AppError('advance.dates');
  const [borrower] = await db
    .select()
    .from(users)
    .where(and(eq(users.id, body.borrowerId), borrowerFilter(body.orgUnitCode)));
  if (!borrower) throw new AppError('advance.borrower_not_official');
  const [item] = await db.select().from(budgetItems).where(eq(budgetItems.id, body.itemId));
  const [unit] = await db.select().from(orgUnits).where(eq(orgUnits.code, body.orgUnitCode));
  const amount = BigInt(body.amountSatang);
  const id = await db
    .transaction(async (tx) => {
      if (item?.level !== 'activity') throw new AppError('advance.not_funded');
      await lockUnitBudget(tx, item.id, body.orgUnitCode);
      if ((await allocationBalance(tx, item.id, body.orgUnitCode)).spendable <= 0n) throw new AppError('advance.not_funded');
      await requireNoOutstandingAdvance(tx, borrower.id);
      await requireUnspent(tx, item.id, body.orgUnitCode, amount);
      const created = await createRecord(tx, actor, cashAdvances, ADVANCE.entity, {
        ...body,
        status: 'requested',
        requestedBy: actor.userId,
        borrowerPosition: borrower.position || ROLE_TITLE_TH[borrower.role as Role] || '',
        borrowerOffice: officeTitle(unit),
        amountSatang: amount,
        returnedOn: body.returnedOn ?? null,
        dueOn: dueDate(rule, body.receivedOn, body.returnedOn),
      });
      return created.id;
    })
    .catch(async (error) => {
      // Two requests for the same borrower at once: the unique index stops the second; say why in words.
      if (!isUniqueViolation(error)) throw error;
      await db.transaction((tx) => requireNoOutstandingAdvance(tx, borrower.id));
      throw error;
    });
  return getAdvance(db, actor, id);
}

/** Locks an advance the actor may see (others' are "not found") and refuses a stale version. */
async function lockAdvance(tx: Tx, actor: Actor, id: number, version?: number): Promise<AdvanceRow> {
  const [advance] = await tx
    .select()
    .from(cashAdvances)
    .where(and(eq(cashAdvances.id, id), scopeFilter(actor, cashAdvances.orgUnitCode)))
    .for('update');
  if (!advance) throw new AppError('advance.not_found');
  if (version !== undefined && advance.version !== version) throw new AppError('record.stale');
  return advance;
}

/** Only an advance waiting for approval is decided on. */
function requireRequested(advance: AdvanceRow) {
  if (advance.status !== 'requested') throw new AppError('advance.already_decided');
}

/** The day the request was made: recorded that day, or earlier on paper when recorded after the money was received. */
function requestDay(advance: AdvanceRow): string {
  const recorded = new Date(advance.createdAt.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
  return [recorded, advance.receivedOn].sort()[0];
}

/**
 * Approves an advance under a delegation order: the order must give the actor the power over the unit on the day of
 * approval, and the actor is neither the requester nor the borrower. The balance is checked again under the lock.
 */
export async function approveAdvance(db: Db, actor: Actor, id: number, body: z.infer<typeof approveBody>): Promise<Advance> {
  requirePermission(actor, 'budget.approve');
  await db.transaction(async (tx) => {
    const advance = await lockAdvance(tx, actor, id, body.version);
    requireRequested(advance);
    const approvedOn = body.approvedOn ?? thaiToday();
    if (approvedOn > thaiToday() || approvedOn < requestDay(advance)) throw new AppError('advance.approval_date');
    const order = await requireDelegatedAuthority(tx, actor, {
      orderId: body.delegationOrderId,
      unitCode: advance.orgUnitCode,
      power: 'advances',
      on: approvedOn,
      requestedBy: advance.requestedBy,
      payeeId: advance.borrowerId,
    });
    if (advance.itemId) {
      await lockUnitBudget(tx, advance.itemId, advance.orgUnitCode);
      // The advance's own hold is in the balance already: it only must not have gone below zero meanwhile.
      await requireUnspent(tx, advance.itemId, advance.orgUnitCode, 0n);
    }
    await updateRecord(
      tx,
      actor,
      cashAdvances,
      ADVANCE,
      id,
      body.version,
      { status: 'open', approverId: actor.userId, approvedOn, delegationOrderId: order.id, decisionNote: body.note },
      { action: 'approve' },
    );
  });
  return getAdvance(db, actor, id);
}

/**
 * Refuses an advance: by someone who could have approved it that day (an order in force), never the requester or
 * borrower. The hold on the balance and the borrower are freed.
 */
export async function rejectAdvance(db: Db, actor: Actor, id: number, body: z.infer<typeof rejectBody>): Promise<Advance> {
  requirePermission(actor, 'budget.approve');
  await db.transaction(async (tx) => {
    const advance = await lockAdvance(tx, actor, id, body.version);
    requireRequested(advance);
    const today = thaiToday();
    const order = await requireAnyAuthority(tx, actor, {
      unitCode: advance.orgUnitCode,
      power: 'advances',
      on: today,
      requestedBy: advance.requestedBy,
      payeeId: advance.borrowerId,
    });
    await updateRecord(
      tx,
      actor,
      cashAdvances,
      ADVANCE,
      id,
      body.version,
      { status: 'rejected', approverId: actor.userId, approvedOn: today, delegationOrderId: order.id, decisionNote: body.reason },
      { action: 'reject' },
    );
  });
  return getAdvance(db, actor, id);
}

/**
 * Records a repayment in cash (back to the unit's balance) or in receipts (each a payment of the advance's activity,
 * approved under the advance's approval). The advance row is locked first, so two officers repaying at once are
 * serialised and the second sees the first: the outstanding amount never goes below zero.
 */
export async function repayAdvance(db: Db, actor: Actor, id: number, body: z.infer<typeof repaymentBody>): Promise<Advance> {
  requirePermission(actor, 'advances.write');
  await db.transaction(async (tx) => {
    const advance = await lockAdvance(tx, actor, id);
    requireActingFor(actor, advance.orgUnitCode);
    if (advance.status === 'repaid') throw new AppError('advance.already_repaid');
    if (advance.status !== 'open') throw new AppError('advance.not_approved');
    const [{ repaid }] = await tx
      .select({ repaid: sql<string>`coalesce(sum(${advanceRepayments.amountSatang}), 0)::text` })
      .from(advanceRepayments)
      .where(eq(advanceRepayments.advanceId, id));
    const outstanding = advance.amountSatang - BigInt(repaid);
    const amount =
      body.kind === 'cash' ? BigInt(body.amountSatang) : body.receipts.reduce((sum, r) => sum + BigInt(r.amountSatang), 0n);
    if (amount > outstanding) throw new AppError('advance.over_balance', { params: { balance: formatBaht(outstanding) } });
    const { itemId, orgUnitCode } = advance;
    if (itemId) await lockUnitBudget(tx, itemId, orgUnitCode);
    const repayment = await insertAudited(
      tx,
      actor,
      advanceRepayments,
      'advance_repayment',
      { advanceId: id, kind: body.kind, amountSatang: amount, repaidOn: body.repaidOn, createdBy: actor.userId || null },
      { action: 'repay', orgUnitCode, after: { balanceAfter: String(outstanding - amount) } },
    );
    // Receipts of an advance recorded before advances named their activity have no allocation to be paid from.
    if (body.kind === 'receipts' && itemId) {
      for (const receipt of body.receipts) {
        await requireInAllocatedQuarter(tx, {
          itemId,
          unitCode: orgUnitCode,
          day: receipt.paidOn,
          reason: receipt.outsideQuarterReason,
        });
        await insertAudited(
          tx,
          actor,
          disbursements,
          'disbursement',
          {
            ...receipt,
            itemId,
            orgUnitCode,
            amountSatang: BigInt(receipt.amountSatang),
            status: 'approved',
            approverId: advance.approverId,
            approvedOn: advance.approvedOn,
            delegationOrderId: advance.delegationOrderId,
            advanceId: id,
            repaymentId: repayment.id,
            createdBy: actor.userId || null,
          },
          { action: 'disburse', orgUnitCode },
        );
      }
    }
    if (amount === outstanding)
      await changeRecord(tx, actor, cashAdvances, ADVANCE, id, { status: 'repaid' }, { action: 'repaid' });
  });
  return getAdvance(db, actor, id);
}

export async function listAdvanceRules(db: Db, actor: Actor) {
  requirePermission(actor, 'advances.read');
  return db.select().from(advanceRules).orderBy(advanceRules.code);
}

/** Who may borrow the unit's cash: its active officials (not committee members or viewers). */
export async function listBorrowers(db: Db, actor: Actor, orgUnitCode: string) {
  requirePermission(actor, 'advances.write');
  requireInScope(actor, orgUnitCode);
  return db
    .select({ id: users.id, displayName: users.displayName, position: users.position, role: users.role })
    .from(users)
    .where(borrowerFilter(orgUnitCode))
    .orderBy(users.displayName, users.id);
}

/**
 * How many advances of the actor's scope wait for a decision the actor could make today: someone else's request, in
 * a unit an order in force gives the actor the power over.
 */
export async function advancesToApprove(db: Db, actor: Actor): Promise<number> {
  if (!can(actor, 'budget.approve')) return 0;
  const [{ n }] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(cashAdvances)
    .where(
      and(
        eq(cashAdvances.status, 'requested'),
        scopeFilter(actor, cashAdvances.orgUnitCode),
        ne(cashAdvances.requestedBy, actor.userId),
        ne(cashAdvances.borrowerId, actor.userId),
        holdsAuthorityOver(actor, cashAdvances.orgUnitCode, 'advances', thaiToday()),
      ),
    );
  return Number(n);
}

/** What the contract needs beyond the advance itself: the unit's name, the rule's wording, the order's issuer. */
export async function contractOf(db: Db, actor: Actor, id: number) {
  const advance = await getAdvance(db, actor, id);
  if (!advance.approval || advance.status === 'requested' || advance.status === 'rejected')
    throw new AppError('advance.no_contract');
  const [rule] = await db.select().from(advanceRules).where(eq(advanceRules.code, advance.ruleCode));
  const [unit] = await db.select().from(orgUnits).where(eq(orgUnits.code, advance.orgUnitCode));
  const [issuer] = await db
    .select({ code: orgUnits.code, nameTh: orgUnits.nameTh })
    .from(delegationOrders)
    .innerJoin(orgUnits, eq(orgUnits.code, delegationOrders.issuingUnitCode))
    .where(eq(delegationOrders.id, advance.approval.orderId));
  return {
    ...advance,
    approval: advance.approval,
    unitNameTh: unit.nameTh,
    orderIssuer: issuer,
    ruleNameTh: rule.nameTh,
    ruleReference: rule.reference || 'ระเบียบกระทรวงการคลัง',
  };
}
