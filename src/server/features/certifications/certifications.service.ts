import { and, eq, gt, gte, isNull, lt, lte, or, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import {
  type Certification,
  certificationChange,
  type certificationListQuery,
  certificationStatus,
  type createCertificationBody,
  expiringUntil,
  type updateCertificationBody,
} from '#shared/certifications';
import { type Actor, requirePermission, scopeFilter } from '../../access';
import { createRecord, updateRecord } from '../../audit/writes';
import { thaiToday } from '../../clock';
import type { Db, Tx } from '../../db/client';
import { underUnit } from '../../db/filters';
import { type OrderKey, readPage } from '../../db/paging';
import { findVisible } from '../../db/records';
import { certifications, groups, people, producers, products } from '../../db/schema';
import { AppError } from '../../errors';
import { applyPatch } from '../../http/patch';
import { requireCode } from '../code-lists/code-lists.service';
import { refreshGroupStage } from '../groups/stages';
import { fullNameSql } from '../people/people.service';

const CERTIFICATION = { entity: 'certification', notFound: 'certification.not_found' } as const;

type CertInput = z.infer<typeof createCertificationBody> | z.infer<typeof certificationChange>;
type CertRow = typeof certifications.$inferSelect;

const subjectName = sql<string>`coalesce(${products.name}, ${groups.name}, ${fullNameSql}, '')`;

const toCertification = (c: CertRow, subject: string, today = thaiToday()): Certification => ({
  id: c.id,
  orgUnitCode: c.orgUnitCode,
  productId: c.productId,
  producerId: c.producerId,
  subject,
  standardCode: c.standardCode,
  certificateNo: c.certificateNo,
  issuer: c.issuer,
  issuedOn: c.issuedOn,
  expiresOn: c.expiresOn,
  status: certificationStatus(c.expiresOn, today),
  version: c.version,
});

// The producer a certificate is about: its own, or its product's.
const withSubject = (db: Db | Tx) =>
  db
    .select({ cert: certifications, subject: subjectName })
    .from(certifications)
    .leftJoin(products, eq(products.id, certifications.productId))
    .leftJoin(producers, eq(producers.id, sql`coalesce(${certifications.producerId}, ${products.producerId})`))
    .leftJoin(groups, and(eq(groups.id, producers.groupId), isNull(certifications.productId)))
    .leftJoin(people, and(eq(people.id, producers.personId), isNull(certifications.productId)));

function statusFilter(status: z.infer<typeof certificationListQuery>['status'], today: string): SQL | undefined {
  const soon = expiringUntil(today);
  if (status === 'expired') return lt(certifications.expiresOn, today);
  if (status === 'expiring') return and(gte(certifications.expiresOn, today), lte(certifications.expiresOn, soon));
  if (status === 'valid') return or(isNull(certifications.expiresOn), gt(certifications.expiresOn, soon));
  return undefined;
}

/** Certificates of the scope; `status=expiring` is the "expiring soon" list (within EXPIRING_DAYS), soonest first. */
export async function listCertifications(db: Db, actor: Actor, query: z.infer<typeof certificationListQuery>) {
  requirePermission(actor, 'pipeline.read');
  const today = thaiToday();
  const where = and(
    isNull(certifications.deletedAt),
    scopeFilter(actor, certifications.orgUnitCode),
    query.unit ? underUnit(certifications.orgUnitCode, query.unit) : undefined,
    statusFilter(query.status, today),
    query.productId ? eq(certifications.productId, query.productId) : undefined,
    query.producerId
      ? or(
          eq(certifications.producerId, query.producerId),
          sql`exists (select 1 from ${products} where ${products.id} = ${certifications.productId} and ${products.producerId} = ${query.producerId})`,
        )
      : undefined,
  );
  const rows = withSubject(db).$dynamic();
  type Row = Awaited<typeof rows>[number];
  // Soonest expiry first, certificates that never expire last (ascending puts nulls last).
  const order: OrderKey<Row>[] = [
    { by: certifications.expiresOn, kind: 'date', of: (r: Row) => r.cert.expiresOn, nullable: true },
    { by: certifications.id, kind: 'int', of: (r: Row) => r.cert.id },
  ];
  const page = await readPage(db, { rows, table: certifications, where, order }, query);
  return { ...page, items: page.items.map((r) => toCertification(r.cert, r.subject, today)) };
}

export async function getCertification(db: Db, actor: Actor, id: number): Promise<Certification> {
  requirePermission(actor, 'pipeline.read');
  await findVisible(db, actor, certifications, id, 'certification.not_found');
  const [row] = await withSubject(db).where(eq(certifications.id, id));
  return toCertification(row.cert, row.subject);
}

/** Finds the certificate's subject within scope and returns its district and producer. */
async function subjectOf(db: Db | Tx, actor: Actor, body: CertInput) {
  if ((body.productId === undefined) === (body.producerId === undefined)) throw new AppError('certification.subject_required');
  if (body.expiresOn && body.expiresOn < body.issuedOn) throw new AppError('certification.expiry_before_issue');
  if (body.productId) {
    const product = await findVisible(db, actor, products, body.productId, 'product.not_found');
    return { orgUnitCode: product.orgUnitCode, producerId: product.producerId };
  }
  const producer = await findVisible(db, actor, producers, body.producerId!, 'producer.not_found');
  return { orgUnitCode: producer.orgUnitCode, producerId: producer.id };
}

const columnsOf = (body: CertInput) => ({
  productId: body.productId ?? null,
  producerId: body.producerId ?? null,
  standardCode: body.standardCode,
  certificateNo: body.certificateNo,
  issuer: body.issuer,
  issuedOn: body.issuedOn,
  expiresOn: body.expiresOn ?? null,
});

async function afterCertificateChange(tx: Tx, actor: Actor, producerId: number, body: CertInput) {
  const [producer] = await tx.select({ groupId: producers.groupId }).from(producers).where(eq(producers.id, producerId));
  if (producer?.groupId) await refreshGroupStage(tx, actor, producer.groupId, body.issuedOn);
}

export async function createCertification(
  db: Db,
  actor: Actor,
  body: z.infer<typeof createCertificationBody>,
): Promise<Certification> {
  requirePermission(actor, 'pipeline.write');
  const id = await db.transaction(async (tx) => insertCertification(tx, actor, await subjectOf(tx, actor, body), body));
  return getCertification(db, actor, id);
}

type Subject = { orgUnitCode: string; producerId: number };

/** A new certificate of a subject already found, inside the caller's transaction (the form and the import). */
export async function insertCertification(
  tx: Tx,
  actor: Actor,
  subject: Subject,
  body: z.infer<typeof createCertificationBody>,
): Promise<number> {
  await requireCode(tx, 'standard', body.standardCode);
  const created = await createRecord(tx, actor, certifications, CERTIFICATION.entity, {
    orgUnitCode: subject.orgUnitCode,
    ...columnsOf(body),
  });
  await afterCertificateChange(tx, actor, subject.producerId, body);
  return created.id;
}

/** A certificate's fields as stored, in the shape of the body that would write them. */
const storedCertification = (c: CertRow) => ({
  productId: c.productId ?? undefined,
  producerId: c.producerId ?? undefined,
  standardCode: c.standardCode,
  certificateNo: c.certificateNo,
  issuer: c.issuer,
  issuedOn: c.issuedOn,
  expiresOn: c.expiresOn ?? undefined,
});

export async function updateCertification(
  db: Db,
  actor: Actor,
  id: number,
  body: z.infer<typeof updateCertificationBody>,
): Promise<Certification> {
  requirePermission(actor, 'pipeline.write');
  await db.transaction(async (tx) => {
    const existing = await findVisible(tx, actor, certifications, id, CERTIFICATION.notFound);
    const change = applyPatch(certificationChange, storedCertification(existing), body);
    await changeCertification(tx, actor, id, await subjectOf(tx, actor, change), change);
  });
  return getCertification(db, actor, id);
}

/** A certificate changed at the version read, inside the caller's transaction (the form and the import). */
export async function changeCertification(
  tx: Tx,
  actor: Actor,
  id: number,
  subject: Subject,
  body: z.infer<typeof certificationChange>,
) {
  await requireCode(tx, 'standard', body.standardCode, { allowDeprecated: true });
  const changed = await updateRecord(tx, actor, certifications, CERTIFICATION, id, body.version, {
    ...columnsOf(body),
    orgUnitCode: subject.orgUnitCode,
  });
  await afterCertificateChange(tx, actor, subject.producerId, body);
  return changed;
}
