import { and, count, eq, isNotNull, isNull, min, ne, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import {
  type createOutcomeBody,
  type Outcome,
  type OutcomeKind,
  outcomeChange,
  type outcomeListQuery,
  type updateOutcomeBody,
} from '#shared/outcomes';
import { monthStart } from '#shared/sales';
import { formatBaht } from '#shared/thai/index';
import {
  type Actor,
  can,
  requireInScope,
  requireOfficerToVerify,
  requirePermission,
  requireServiceRecorder,
  scopeFilter,
} from '../../access';
import { createRecord, deleteRecord, updateRecord } from '../../audit/writes';
import { now, thaiToday } from '../../clock';
import type { Db, Tx } from '../../db/client';
import { underUnit } from '../../db/filters';
import { type OrderKey, readPage } from '../../db/paging';
import { findVisible, requireOfDistrict } from '../../db/records';
import { certifications, fundingApplications, groups, outcomes, producers, products, users } from '../../db/schema';
import { AppError } from '../../errors';
import { applyPatch } from '../../http/patch';
import { addAttachment, attachmentsOfMany, type Upload } from '../attachments/attachments.service';
import { requireCode } from '../code-lists/code-lists.service';
import { refreshGroupStage } from '../groups/stages';
import { groupIncome } from '../sales/sales.service';

const OUTCOME = { entity: 'outcome', notFound: 'outcome.not_found' } as const;
type OutcomeInput = z.infer<typeof createOutcomeBody> | z.infer<typeof outcomeChange>;
type OutcomeRow = typeof outcomes.$inferSelect;

const GROWTH: OutcomeKind[] = ['became_sme', 'became_social_enterprise', 'became_social_business'];

const recorder = alias(users, 'recorder');
const verifier = alias(users, 'verifier');

function outcomesQuery(db: Db | Tx) {
  return db
    .select({
      o: outcomes,
      groupName: groups.name,
      productName: products.name,
      certificateNo: certifications.certificateNo,
      fundingSource: fundingApplications.sourceCode,
      fundingApproved: fundingApplications.approvedSatang,
      recorderName: recorder.displayName,
      verifierName: verifier.displayName,
    })
    .from(outcomes)
    .innerJoin(groups, eq(groups.id, outcomes.groupId))
    .innerJoin(recorder, eq(recorder.id, outcomes.recordedBy))
    .leftJoin(verifier, eq(verifier.id, outcomes.verifiedBy))
    .leftJoin(products, eq(products.id, outcomes.productId))
    .leftJoin(certifications, eq(certifications.id, outcomes.certificationId))
    .leftJoin(fundingApplications, eq(fundingApplications.id, outcomes.fundingApplicationId));
}
type Joined = Awaited<ReturnType<ReturnType<typeof outcomesQuery>['where']>>[number];

const month = (date: string | null) => (date ?? '').slice(0, 7);

function toOutcome(r: Joined, files: Outcome['attachments']): Outcome {
  const o = r.o;
  return {
    id: o.id,
    orgUnitCode: o.orgUnitCode,
    group: { id: o.groupId, name: r.groupName },
    kind: o.kind,
    happenedOn: o.happenedOn,
    reportedOn: o.reportedOn,
    description: o.description,
    product: o.productId ? { id: o.productId, name: r.productName ?? '' } : null,
    certification: o.certificationId ? { id: o.certificationId, name: r.certificateNo ?? '' } : null,
    fundingApplication: o.fundingApplicationId
      ? {
          id: o.fundingApplicationId,
          sourceCode: r.fundingSource ?? '',
          approvedSatang: r.fundingApproved === null ? null : String(r.fundingApproved),
        }
      : null,
    channelCode: o.channelCode,
    jobsCount: o.jobsCount,
    income:
      o.incomeBeforeSatang === null
        ? null
        : {
            before: { from: month(o.incomeBeforeFrom), to: month(o.incomeBeforeTo), amountSatang: String(o.incomeBeforeSatang) },
            after: { from: month(o.incomeAfterFrom), to: month(o.incomeAfterTo), amountSatang: String(o.incomeAfterSatang) },
          },
    recordedBy: { id: o.recordedBy, name: r.recorderName },
    verifiedBy: o.verifiedBy ? { id: o.verifiedBy, name: r.verifierName ?? '' } : null,
    verifiedAt: o.verifiedAt ? o.verifiedAt.toISOString() : null,
    attachments: files,
    version: o.version,
  };
}

/** Waiting for verification and recorded by someone else: what the actor may verify. */
const waitingFor = (actor: Actor) => and(isNull(outcomes.verifiedAt), ne(outcomes.recordedBy, actor.userId));

export async function listOutcomes(db: Db, actor: Actor, query: z.infer<typeof outcomeListQuery>) {
  requirePermission(actor, 'pipeline.read');
  const where = and(
    isNull(outcomes.deletedAt),
    scopeFilter(actor, outcomes.orgUnitCode),
    query.unit ? underUnit(outcomes.orgUnitCode, query.unit) : undefined,
    query.groupId ? eq(outcomes.groupId, query.groupId) : undefined,
    query.kind ? eq(outcomes.kind, query.kind) : undefined,
    query.verified === 'yes' ? isNotNull(outcomes.verifiedAt) : query.verified === 'no' ? isNull(outcomes.verifiedAt) : undefined,
    query.toVerify === 'mine' ? waitingFor(actor) : undefined,
  );
  const rows = outcomesQuery(db).$dynamic();
  type Row = Awaited<typeof rows>[number];
  const order: OrderKey<Row>[] = [
    { by: outcomes.happenedOn, kind: 'date', of: (r: Row) => r.o.happenedOn, desc: true },
    { by: outcomes.id, kind: 'int', of: (r: Row) => r.o.id, desc: true },
  ];
  const page = await readPage(db, { rows, table: outcomes, where, order }, query);
  const files = await attachmentsOfMany(
    db,
    'outcome',
    page.items.map((r) => r.o.id),
  );
  return { ...page, items: page.items.map((r) => toOutcome(r, files.get(r.o.id) ?? [])) };
}

export async function getOutcome(db: Db, actor: Actor, id: number): Promise<Outcome> {
  requirePermission(actor, 'pipeline.read');
  await findVisible(db, actor, outcomes, id, OUTCOME.notFound);
  const [row] = await outcomesQuery(db).where(eq(outcomes.id, id));
  return toOutcome(row, (await attachmentsOfMany(db, 'outcome', [id])).get(id) ?? []);
}

const mismatch = (th: string, en: string) => new AppError('outcome.evidence_mismatch', { params: { what: th, whatEn: en } });

/** Live products of the group's live producers. */
const groupProducers = (groupId: number) => sql`(select id from ${producers} where group_id = ${groupId} and deleted_at is null)`;

/**
 * Every rule of an outcome in its district, and the evidence columns it stores: the linked record must be the
 * group's own, and an income increase is read from the sales records of the two periods, never typed.
 */
async function checkOutcome(tx: Tx, orgUnitCode: string, body: OutcomeInput) {
  const today = thaiToday();
  if (body.happenedOn > today || body.reportedOn > today) throw new AppError('outcome.date_in_future');
  if (body.reportedOn < body.happenedOn) throw new AppError('outcome.reported_before_event');
  await requireOfDistrict(tx, groups, orgUnitCode, [body.groupId], { th: 'กลุ่มอาชีพ', en: 'Occupational group' });
  const ofDistrict = <T extends typeof products | typeof certifications | typeof fundingApplications>(table: T) =>
    and(eq(table.orgUnitCode, orgUnitCode), isNull(table.deletedAt));
  if (body.productId) {
    const [found] = await tx
      .select({ id: products.id })
      .from(products)
      .where(
        and(
          eq(products.id, body.productId),
          ofDistrict(products),
          sql`${products.producerId} in ${groupProducers(body.groupId)}`,
        ),
      );
    if (!found) throw mismatch('ผลิตภัณฑ์', 'product');
  }
  if (body.certificationId) {
    const [found] = await tx
      .select({ id: certifications.id })
      .from(certifications)
      .where(
        and(
          eq(certifications.id, body.certificationId),
          ofDistrict(certifications),
          or(
            sql`${certifications.producerId} in ${groupProducers(body.groupId)}`,
            sql`${certifications.productId} in (select id from ${products} where deleted_at is null and producer_id in ${groupProducers(body.groupId)})`,
          ),
        ),
      );
    if (!found) throw mismatch('ใบรับรองมาตรฐาน', 'certificate');
  }
  if (body.channelCode) await requireCode(tx, 'sales_channel', body.channelCode);
  if (body.fundingApplicationId) {
    const [found] = await tx
      .select({ status: fundingApplications.status })
      .from(fundingApplications)
      .where(
        and(
          eq(fundingApplications.id, body.fundingApplicationId),
          ofDistrict(fundingApplications),
          eq(fundingApplications.groupId, body.groupId),
        ),
      );
    if (!found) throw mismatch('คำขอแหล่งทุน', 'funding application');
    if (found.status !== 'approved') throw new AppError('outcome.funding_not_approved');
  }
  let income = {};
  if (body.income) {
    const { before, after } = body.income;
    if (after.to > today.slice(0, 7)) throw new AppError('outcome.income_period_in_future');
    const [beforeSatang, afterSatang] = [
      await groupIncome(tx, body.groupId, before.from, before.to),
      await groupIncome(tx, body.groupId, after.from, after.to),
    ];
    if (afterSatang <= beforeSatang)
      throw new AppError('outcome.income_not_increased', {
        params: { before: formatBaht(beforeSatang), after: formatBaht(afterSatang) },
      });
    income = {
      incomeBeforeSatang: beforeSatang,
      incomeAfterSatang: afterSatang,
      incomeBeforeFrom: monthStart(before.from),
      incomeBeforeTo: monthStart(before.to),
      incomeAfterFrom: monthStart(after.from),
      incomeAfterTo: monthStart(after.to),
    };
  }
  return {
    groupId: body.groupId,
    kind: body.kind,
    happenedOn: body.happenedOn,
    reportedOn: body.reportedOn,
    description: body.description,
    productId: body.productId ?? null,
    certificationId: body.certificationId ?? null,
    channelCode: body.channelCode ?? null,
    fundingApplicationId: body.fundingApplicationId ?? null,
    jobsCount: body.jobsCount ?? null,
    incomeBeforeSatang: null,
    incomeAfterSatang: null,
    incomeBeforeFrom: null,
    incomeBeforeTo: null,
    incomeAfterFrom: null,
    incomeAfterTo: null,
    ...income,
  };
}

/** Officers change any unverified outcome of their district; a committee member only the ones they recorded. */
function requireChangeable(actor: Actor, outcome: OutcomeRow) {
  requireServiceRecorder(actor);
  if (!can(actor, 'pipeline.write') && outcome.recordedBy !== actor.userId) throw new AppError('service.not_own_record');
  if (outcome.verifiedAt) throw new AppError('outcome.verified_locked');
}

export async function createOutcome(db: Db, actor: Actor, body: z.infer<typeof createOutcomeBody>): Promise<Outcome> {
  requireServiceRecorder(actor);
  requireInScope(actor, body.orgUnitCode);
  const id = await db.transaction(async (tx) => {
    const columns = await checkOutcome(tx, body.orgUnitCode, body);
    const created = await createRecord(tx, actor, outcomes, OUTCOME.entity, {
      orgUnitCode: body.orgUnitCode,
      recordedBy: actor.userId,
      ...columns,
    });
    return created.id;
  });
  return getOutcome(db, actor, id);
}

/** A stored outcome in the shape of the body that writes it: its evidence field, the income periods as months. */
const storedOutcome = (o: OutcomeRow) => ({
  groupId: o.groupId,
  kind: o.kind,
  happenedOn: o.happenedOn,
  reportedOn: o.reportedOn,
  description: o.description,
  productId: o.productId ?? undefined,
  certificationId: o.certificationId ?? undefined,
  channelCode: o.channelCode ?? undefined,
  fundingApplicationId: o.fundingApplicationId ?? undefined,
  jobsCount: o.jobsCount ?? undefined,
  income:
    o.incomeBeforeFrom && o.incomeBeforeTo && o.incomeAfterFrom && o.incomeAfterTo
      ? {
          before: { from: month(o.incomeBeforeFrom), to: month(o.incomeBeforeTo) },
          after: { from: month(o.incomeAfterFrom), to: month(o.incomeAfterTo) },
        }
      : undefined,
});

/** A change makes its author the recorder, so whoever last shaped an outcome cannot also verify it. */
export async function updateOutcome(
  db: Db,
  actor: Actor,
  id: number,
  patch: z.infer<typeof updateOutcomeBody>,
): Promise<Outcome> {
  requireServiceRecorder(actor);
  await db.transaction(async (tx) => {
    const existing = await findVisible(tx, actor, outcomes, id, OUTCOME.notFound);
    requireChangeable(actor, existing);
    // The income figures are read from the sales again, for the periods merged.
    const body = applyPatch(outcomeChange, storedOutcome(existing), patch);
    const columns = await checkOutcome(tx, existing.orgUnitCode, body);
    await updateRecord(tx, actor, outcomes, OUTCOME, id, body.version, { ...columns, recordedBy: actor.userId });
  });
  return getOutcome(db, actor, id);
}

export async function deleteOutcome(db: Db, actor: Actor, id: number, version: number): Promise<void> {
  requireServiceRecorder(actor);
  await db.transaction(async (tx) => {
    requireChangeable(actor, await findVisible(tx, actor, outcomes, id, OUTCOME.notFound));
    await deleteRecord(tx, actor, outcomes, OUTCOME, id, version);
  });
}

/**
 * Four eyes: a district officer of the outcome's district who did not record it confirms it. Only then does it
 * count in reports and, for growth, move the group to "grown".
 */
export async function verifyOutcome(db: Db, actor: Actor, id: number, version: number): Promise<Outcome> {
  requirePermission(actor, 'pipeline.write');
  requireOfficerToVerify(actor);
  await db.transaction(async (tx) => {
    const outcome = await findVisible(tx, actor, outcomes, id, OUTCOME.notFound);
    if (outcome.recordedBy === actor.userId) throw new AppError('outcome.verifier_is_recorder');
    if (outcome.verifiedAt) throw new AppError('outcome.already_verified');
    if (GROWTH.includes(outcome.kind) && !(await attachmentsOfMany(tx as unknown as Db, 'outcome', [id])).get(id)?.length)
      throw new AppError('outcome.no_evidence');
    await updateRecord(
      tx,
      actor,
      outcomes,
      OUTCOME,
      id,
      version,
      { verifiedBy: actor.userId, verifiedAt: now() },
      { action: 'verify' },
    );
    if (GROWTH.includes(outcome.kind)) await refreshGroupStage(tx, actor, outcome.groupId, outcome.happenedOn);
  });
  return getOutcome(db, actor, id);
}

/** Withdraws a verification (to correct the outcome); audited like the verification was. */
export async function unverifyOutcome(db: Db, actor: Actor, id: number, version: number): Promise<Outcome> {
  requirePermission(actor, 'pipeline.write');
  requireOfficerToVerify(actor);
  await db.transaction(async (tx) => {
    const outcome = await findVisible(tx, actor, outcomes, id, OUTCOME.notFound);
    if (!outcome.verifiedAt) throw new AppError('outcome.not_verified');
    await updateRecord(tx, actor, outcomes, OUTCOME, id, version, { verifiedBy: null, verifiedAt: null }, { action: 'unverify' });
    if (GROWTH.includes(outcome.kind)) await refreshGroupStage(tx, actor, outcome.groupId, thaiToday());
  });
  return getOutcome(db, actor, id);
}

/** Evidence for an outcome not yet verified, by whoever may change it. */
export async function addOutcomeAttachment(db: Db, actor: Actor, id: number, upload: Upload) {
  requireServiceRecorder(actor);
  const outcome = await findVisible(db, actor, outcomes, id, OUTCOME.notFound);
  requireChangeable(actor, outcome);
  return addAttachment(db, actor, { type: 'outcome', id: outcome.id, orgUnitCode: outcome.orgUnitCode }, upload);
}

/** For "my tasks": outcomes of the scope waiting for verification that the actor did not record, and the oldest report. */
export async function outcomesToVerify(db: Db, actor: Actor) {
  const [row] = await db
    .select({ n: count(), dueOn: min(outcomes.reportedOn) })
    .from(outcomes)
    .where(and(isNull(outcomes.deletedAt), waitingFor(actor), scopeFilter(actor, outcomes.orgUnitCode)));
  return row;
}
