import { and, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import {
  type createFundingBody,
  type FundingApplication,
  fundingChange,
  type fundingDecisionBody,
  type fundingListQuery,
  type updateFundingBody,
} from '#shared/funding';
import { formatBaht } from '#shared/thai/index';
import { type Actor, requireInScope, requirePermission, scopeFilter } from '../../access';
import { createRecord, deleteRecord, updateRecord } from '../../audit/writes';
import { thaiToday } from '../../clock';
import type { Db, Tx } from '../../db/client';
import { underUnit } from '../../db/filters';
import { oneWithLocked, type Unlocked, withLocked } from '../../db/locked-quarters';
import { type OrderKey, readPage } from '../../db/paging';
import { findVisible, requireOfDistrict } from '../../db/records';
import { fundingApplications, groups, outcomes, referrals } from '../../db/schema';
import { AppError } from '../../errors';
import { applyPatch } from '../../http/patch';
import { requireCode } from '../code-lists/code-lists.service';
import { refreshGroupStage } from '../groups/stages';

const FUNDING = { entity: 'funding_application', notFound: 'funding.not_found' } as const;
type FundingInput = z.infer<typeof createFundingBody> | z.infer<typeof fundingChange>;
type FundingRow = typeof fundingApplications.$inferSelect;

const withGroup = (db: Db | Tx) =>
  db
    .select({ f: fundingApplications, groupName: groups.name })
    .from(fundingApplications)
    .innerJoin(groups, eq(groups.id, fundingApplications.groupId));

const money = (satang: bigint | null) => (satang === null ? null : String(satang));

/** An application counts in the quarter of its decision; an undecided one is never locked (the lock trigger's column). */
const datedBy = (f: Unlocked<FundingApplication>) => ({ unit: f.orgUnitCode, day: f.decidedOn });

const toFunding = ({ f, groupName }: { f: FundingRow; groupName: string }): Unlocked<FundingApplication> => ({
  id: f.id,
  orgUnitCode: f.orgUnitCode,
  group: { id: f.groupId, name: groupName },
  sourceCode: f.sourceCode,
  referralId: f.referralId,
  purpose: f.purpose,
  askedSatang: String(f.askedSatang),
  appliedOn: f.appliedOn,
  status: f.status,
  approvedSatang: money(f.approvedSatang),
  approvedReason: f.approvedReason,
  decidedOn: f.decidedOn,
  receivedOn: f.receivedOn,
  note: f.note,
  createdBy: f.createdBy,
  version: f.version,
});

export async function listFunding(db: Db, actor: Actor, query: z.infer<typeof fundingListQuery>) {
  requirePermission(actor, 'pipeline.read');
  const where = and(
    isNull(fundingApplications.deletedAt),
    scopeFilter(actor, fundingApplications.orgUnitCode),
    query.unit ? underUnit(fundingApplications.orgUnitCode, query.unit) : undefined,
    query.groupId ? eq(fundingApplications.groupId, query.groupId) : undefined,
    query.status ? eq(fundingApplications.status, query.status) : undefined,
    query.source ? eq(fundingApplications.sourceCode, query.source) : undefined,
  );
  const rows = withGroup(db).$dynamic();
  type Row = Awaited<typeof rows>[number];
  const order: OrderKey<Row>[] = [
    { by: fundingApplications.appliedOn, kind: 'date', of: (r: Row) => r.f.appliedOn, desc: true },
    { by: fundingApplications.id, kind: 'int', of: (r: Row) => r.f.id, desc: true },
  ];
  const page = await readPage(db, { rows, table: fundingApplications, where, order }, query);
  return { ...page, items: await withLocked(db, page.items.map(toFunding), datedBy) };
}

export async function getFunding(db: Db | Tx, actor: Actor, id: number): Promise<FundingApplication> {
  requirePermission(actor, 'pipeline.read');
  await findVisible(db, actor, fundingApplications, id, FUNDING.notFound);
  const [row] = await withGroup(db).where(eq(fundingApplications.id, id));
  return oneWithLocked(db, toFunding(row), datedBy);
}

const notInFuture = (...dates: (string | null | undefined)[]) => {
  const today = thaiToday();
  if (dates.some((d) => d && d > today)) throw new AppError('funding.date_in_future');
};

/** The approval must stay within what was asked unless a reason says why. */
function requireWithinAsked(asked: bigint, approved: bigint | null, reason: string | null | undefined) {
  if (approved !== null && approved > asked && !reason?.trim())
    throw new AppError('funding.approved_over_asked', { params: { approved: formatBaht(approved), asked: formatBaht(asked) } });
}

async function checkApplication(tx: Tx, orgUnitCode: string, body: FundingInput, existing?: FundingRow) {
  notInFuture(body.appliedOn);
  await requireOfDistrict(tx, groups, orgUnitCode, [body.groupId], { th: 'กลุ่มอาชีพ', en: 'Occupational group' });
  await requireCode(tx, 'funding_source', body.sourceCode);
  if (body.referralId) {
    const [referral] = await tx
      .select({ id: referrals.id })
      .from(referrals)
      .where(
        and(
          eq(referrals.id, body.referralId),
          eq(referrals.orgUnitCode, orgUnitCode),
          eq(referrals.groupId, body.groupId),
          isNull(referrals.deletedAt),
        ),
      );
    if (!referral) throw new AppError('funding.referral_mismatch');
  }
  if (existing?.decidedOn && existing.decidedOn < body.appliedOn) throw new AppError('funding.decided_before_applied');
  if (existing) requireWithinAsked(BigInt(body.askedSatang), existing.approvedSatang, existing.approvedReason);
}

/** A live outcome that cites the application as its evidence: it must stay approved while that outcome stands. */
async function requireNoOutcome(tx: Tx, id: number) {
  const [cited] = await tx
    .select({ id: outcomes.id })
    .from(outcomes)
    .where(and(eq(outcomes.fundingApplicationId, id), isNull(outcomes.deletedAt)));
  if (cited) throw new AppError('funding.has_outcome');
}

const columnsOf = (body: FundingInput) => ({
  groupId: body.groupId,
  sourceCode: body.sourceCode,
  referralId: body.referralId ?? null,
  purpose: body.purpose,
  askedSatang: BigInt(body.askedSatang),
  appliedOn: body.appliedOn,
  note: body.note,
});

/** Writes a new application inside the caller's transaction (the form, and each row of an imported file). */
export async function insertFunding(tx: Tx, actor: Actor, body: z.infer<typeof createFundingBody>) {
  await checkApplication(tx, body.orgUnitCode, body);
  return createRecord(tx, actor, fundingApplications, FUNDING.entity, {
    orgUnitCode: body.orgUnitCode,
    createdBy: actor.userId,
    ...columnsOf(body),
  });
}

/** A stored application in the shape of the body that writes it (its decision aside): what a PATCH merges onto. */
export const storedFunding = (f: FundingRow) => ({
  groupId: f.groupId,
  sourceCode: f.sourceCode,
  ...(f.referralId ? { referralId: f.referralId } : {}),
  purpose: f.purpose,
  askedSatang: String(f.askedSatang),
  appliedOn: f.appliedOn,
  note: f.note,
});

/** Rewrites an application inside the caller's transaction, checked as the form's update is. */
export async function replaceFunding(tx: Tx, actor: Actor, existing: FundingRow, body: z.infer<typeof fundingChange>) {
  await checkApplication(tx, existing.orgUnitCode, body, existing);
  if (existing.groupId !== body.groupId) await requireNoOutcome(tx, existing.id);
  const { after } = await updateRecord(tx, actor, fundingApplications, FUNDING, existing.id, body.version, columnsOf(body));
  // An approval moves with its application: both groups follow.
  if (existing.status === 'approved')
    for (const groupId of new Set([existing.groupId, body.groupId]))
      await refreshGroupStage(tx, actor, groupId, existing.decidedOn ?? thaiToday());
  return after;
}

export async function createFunding(db: Db, actor: Actor, body: z.infer<typeof createFundingBody>): Promise<FundingApplication> {
  requirePermission(actor, 'pipeline.write');
  requireInScope(actor, body.orgUnitCode);
  const id = await db.transaction(async (tx) => (await insertFunding(tx, actor, body)).id);
  return getFunding(db, actor, id);
}

export async function updateFunding(
  db: Db,
  actor: Actor,
  id: number,
  patch: z.infer<typeof updateFundingBody>,
): Promise<FundingApplication> {
  requirePermission(actor, 'pipeline.write');
  await db.transaction(async (tx) => {
    const existing = await findVisible(tx, actor, fundingApplications, id, FUNDING.notFound);
    await replaceFunding(tx, actor, existing, applyPatch(fundingChange, storedFunding(existing), patch));
  });
  return getFunding(db, actor, id);
}

const DECISION_ACTION = { applied: 'reopen', approved: 'approve', rejected: 'reject', withdrawn: 'withdraw' } as const;

/** Records a decision (or undoes one) inside the caller's transaction; funding access follows an approval both ways. */
export async function recordDecision(tx: Tx, actor: Actor, existing: FundingRow, body: z.infer<typeof fundingDecisionBody>) {
  notInFuture(body.decidedOn, body.receivedOn);
  if (body.decidedOn && body.decidedOn < existing.appliedOn) throw new AppError('funding.decided_before_applied');
  if (body.receivedOn && body.decidedOn && body.receivedOn < body.decidedOn)
    throw new AppError('funding.received_before_decided');
  const approved = body.status === 'approved' ? BigInt(body.approvedSatang!) : null;
  requireWithinAsked(existing.askedSatang, approved, body.approvedReason);
  if (existing.status === 'approved' && body.status !== 'approved') await requireNoOutcome(tx, existing.id);
  const { after } = await updateRecord(
    tx,
    actor,
    fundingApplications,
    FUNDING,
    existing.id,
    body.version,
    {
      status: body.status,
      approvedSatang: approved,
      approvedReason: approved !== null && body.approvedReason ? body.approvedReason : null,
      decidedOn: body.decidedOn ?? null,
      receivedOn: body.receivedOn ?? null,
    },
    { action: DECISION_ACTION[body.status] },
  );
  if (existing.status === 'approved' || body.status === 'approved')
    await refreshGroupStage(tx, actor, existing.groupId, body.decidedOn ?? thaiToday());
  return after;
}

/** Records a decision (or undoes one) as its own audited act. */
export async function decideFunding(
  db: Db,
  actor: Actor,
  id: number,
  body: z.infer<typeof fundingDecisionBody>,
): Promise<FundingApplication> {
  requirePermission(actor, 'pipeline.write');
  await db.transaction(async (tx) => {
    const existing = await findVisible(tx, actor, fundingApplications, id, FUNDING.notFound);
    await recordDecision(tx, actor, existing, body);
  });
  return getFunding(db, actor, id);
}

/** Soft-deletes an application inside the caller's transaction (refused while an outcome cites it). */
export async function removeFunding(tx: Tx, actor: Actor, existing: FundingRow, version: number) {
  await requireNoOutcome(tx, existing.id);
  await deleteRecord(tx, actor, fundingApplications, FUNDING, existing.id, version);
  if (existing.status === 'approved') await refreshGroupStage(tx, actor, existing.groupId, thaiToday());
}

export async function deleteFunding(db: Db, actor: Actor, id: number, version: number): Promise<void> {
  requirePermission(actor, 'pipeline.write');
  await db.transaction(async (tx) => {
    const existing = await findVisible(tx, actor, fundingApplications, id, FUNDING.notFound);
    await removeFunding(tx, actor, existing, version);
  });
}
