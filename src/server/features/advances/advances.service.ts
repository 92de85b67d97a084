import { and, desc, eq, inArray, lt, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Advance, advanceListQuery, createAdvanceBody, repaymentBody } from '#shared/advances';
import { addDays, formatBaht } from '#shared/thai/index';
import {
  type Actor,
  advanceApproverFilter,
  requireActingFor,
  requireAdvanceApprover,
  requireInScope,
  requirePermission,
  scopeFilter,
} from '../../access';
import { changeRecord, createRecord, insertAudited, type WriteTarget } from '../../audit/writes';
import { thaiToday } from '../../clock';
import type { Db, Tx } from '../../db/client';
import { underUnit } from '../../db/filters';
import { readPage } from '../../db/paging';
import { advanceRepayments, advanceRules, cashAdvances, orgUnits, users } from '../../db/schema';
import { AppError } from '../../errors';

type AdvanceRow = typeof cashAdvances.$inferSelect;
const ADVANCE: WriteTarget = { entity: 'advance', notFound: 'advance.not_found' };

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
  const userIds = [...new Set(rows.flatMap((r) => [r.borrowerId, r.approverId]))];
  const [repayments, people] = await Promise.all([
    db.select().from(advanceRepayments).where(inArray(advanceRepayments.advanceId, ids)).orderBy(advanceRepayments.id),
    db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, userIds)),
  ]);
  const nameOf = new Map(people.map((p) => [p.id, p.name]));
  const contractNo = await contractNumbers(db, ids);
  const today = thaiToday();
  return rows.map((a) => {
    const own = repayments.filter((r) => r.advanceId === a.id);
    const repaid = own.reduce((sum, r) => sum + r.amountSatang, 0n);
    return {
      id: a.id,
      contractNo: contractNo.get(a.id) ?? '',
      orgUnitCode: a.orgUnitCode,
      borrowerId: a.borrowerId,
      borrowerName: nameOf.get(a.borrowerId) ?? '',
      approverId: a.approverId,
      approverName: nameOf.get(a.approverId) ?? '',
      purpose: a.purpose,
      ruleCode: a.ruleCode,
      amountSatang: String(a.amountSatang),
      repaidSatang: String(repaid),
      balanceSatang: String(a.amountSatang - repaid),
      receivedOn: a.receivedOn,
      dueOn: a.dueOn,
      status: a.status === 'repaid' ? 'repaid' : a.dueOn < today ? 'overdue' : 'open',
      repayments: own.map((r) => ({ id: r.id, kind: r.kind, amountSatang: String(r.amountSatang), repaidOn: r.repaidOn })),
      version: a.version,
    };
  });
}

export async function listAdvances(db: Db, actor: Actor, query: z.infer<typeof advanceListQuery>) {
  requirePermission(actor, 'advances.read');
  const today = thaiToday();
  const byStatus: Record<string, SQL | undefined> = {
    open: eq(cashAdvances.status, 'open'),
    overdue: and(eq(cashAdvances.status, 'open'), lt(cashAdvances.dueOn, today)),
    repaid: eq(cashAdvances.status, 'repaid'),
  };
  const where = and(
    scopeFilter(actor, cashAdvances.orgUnitCode),
    query.unit ? underUnit(cashAdvances.orgUnitCode, query.unit) : undefined,
    query.status ? byStatus[query.status] : undefined,
  );
  const page = await readPage(
    db,
    db.select().from(cashAdvances).where(where).orderBy(cashAdvances.dueOn, desc(cashAdvances.id)).$dynamic(),
    cashAdvances,
    where,
    query,
  );
  return { ...page, items: await toAdvances(db, page.items) };
}

export async function getAdvance(db: Db, actor: Actor, id: number): Promise<Advance> {
  requirePermission(actor, 'advances.read');
  const [row] = await db
    .select()
    .from(cashAdvances)
    .where(and(eq(cashAdvances.id, id), scopeFilter(actor, cashAdvances.orgUnitCode)));
  if (!row) throw new AppError('advance.not_found');
  return (await toAdvances(db, [row]))[0];
}

/** Refuses a new advance while the borrower has one open (the unique index backs this up under races). */
async function requireNoOpenAdvance(tx: Tx, borrowerId: number) {
  const [open] = await tx
    .select()
    .from(cashAdvances)
    .where(and(eq(cashAdvances.borrowerId, borrowerId), eq(cashAdvances.status, 'open')));
  if (open) {
    const [advance] = await toAdvances(tx, [open]);
    throw new AppError('advance.outstanding', {
      params: { id: advance.contractNo, balance: formatBaht(BigInt(advance.balanceSatang)) },
    });
  }
}

export async function createAdvance(db: Db, actor: Actor, body: z.infer<typeof createAdvanceBody>): Promise<Advance> {
  requirePermission(actor, 'advances.write');
  // An advance is the unit's own money matter: its officers record it, not the province above.
  requireActingFor(actor, body.orgUnitCode);
  const [rule] = await db.select().from(advanceRules).where(eq(advanceRules.code, body.ruleCode));
  if (!rule) throw new AppError('code.unknown', { params: { code: body.ruleCode, list: 'advance rule', listTh: 'ประเภทเงินยืม' } });
  if (rule.countsFrom === 'return' && !body.returnedOn) throw new AppError('advance.rule_needs_return');
  if (body.returnedOn && body.returnedOn < body.receivedOn) throw new AppError('advance.dates');
  const [borrower] = await db.select().from(users).where(eq(users.id, body.borrowerId));
  if (!borrower?.active || borrower.orgUnitCode !== body.orgUnitCode) throw new AppError('advance.borrower_not_in_unit');
  await requireAdvanceApprover(db, actor, body);
  const id = await db
    .transaction(async (tx) => {
      await requireNoOpenAdvance(tx, borrower.id);
      const created = await createRecord(tx, actor, cashAdvances, ADVANCE.entity, {
        ...body,
        requestedBy: actor.userId,
        amountSatang: BigInt(body.amountSatang),
        returnedOn: body.returnedOn ?? null,
        dueOn: dueDate(rule, body.receivedOn, body.returnedOn),
      });
      return created.id;
    })
    .catch(async (error) => {
      // Two requests for the same borrower at once: the unique index stops the second; say why in words.
      if (!isUniqueViolation(error)) throw error;
      await db.transaction((tx) => requireNoOpenAdvance(tx, borrower.id));
      throw error;
    });
  return getAdvance(db, actor, id);
}

/**
 * Records a repayment in cash or receipts. The advance row is locked first, so two officers repaying at once
 * are serialised and the second sees the first: the balance can never go below zero.
 */
export async function repayAdvance(db: Db, actor: Actor, id: number, body: z.infer<typeof repaymentBody>): Promise<Advance> {
  requirePermission(actor, 'advances.write');
  await db.transaction(async (tx) => {
    const [advance] = await tx
      .select()
      .from(cashAdvances)
      .where(and(eq(cashAdvances.id, id), scopeFilter(actor, cashAdvances.orgUnitCode)))
      .for('update');
    if (!advance) throw new AppError('advance.not_found');
    requireActingFor(actor, advance.orgUnitCode);
    if (advance.status === 'repaid') throw new AppError('advance.already_repaid');
    const [{ repaid }] = await tx
      .select({ repaid: sql<string>`coalesce(sum(${advanceRepayments.amountSatang}), 0)::text` })
      .from(advanceRepayments)
      .where(eq(advanceRepayments.advanceId, id));
    const balance = advance.amountSatang - BigInt(repaid);
    const amount = BigInt(body.amountSatang);
    if (amount > balance) throw new AppError('advance.over_balance', { params: { balance: formatBaht(balance) } });
    await insertAudited(
      tx,
      actor,
      advanceRepayments,
      'advance_repayment',
      { advanceId: id, kind: body.kind, amountSatang: amount, repaidOn: body.repaidOn, createdBy: actor.userId || null },
      { action: 'repay', orgUnitCode: advance.orgUnitCode, after: { balanceAfter: String(balance - amount) } },
    );
    if (amount === balance) await changeRecord(tx, actor, cashAdvances, ADVANCE, id, { status: 'repaid' }, { action: 'repaid' });
  });
  return getAdvance(db, actor, id);
}

export async function listAdvanceRules(db: Db, actor: Actor) {
  requirePermission(actor, 'advances.read');
  return db.select().from(advanceRules).orderBy(advanceRules.code);
}

/** Who may approve an advance of the unit: active officers whose scope covers it, other than the asker. */
export async function listApprovers(db: Db, actor: Actor, orgUnitCode: string) {
  requirePermission(actor, 'advances.write');
  requireInScope(actor, orgUnitCode);
  return db
    .select({ id: users.id, displayName: users.displayName, orgUnitCode: users.orgUnitCode })
    .from(users)
    .where(advanceApproverFilter(actor, orgUnitCode))
    .orderBy(users.orgUnitCode, users.id);
}

/** What the contract needs beyond the advance itself: the unit's name and the rule's wording. */
export async function contractOf(db: Db, actor: Actor, id: number) {
  const advance = await getAdvance(db, actor, id);
  const [rule] = await db.select().from(advanceRules).where(eq(advanceRules.code, advance.ruleCode));
  const [unit] = await db.select().from(orgUnits).where(eq(orgUnits.code, advance.orgUnitCode));
  return { ...advance, unitNameTh: unit.nameTh, ruleNameTh: rule.nameTh, ruleReference: rule.reference || 'ระเบียบกระทรวงการคลัง' };
}
