/**
 * The outgoing-document register (ทะเบียนหนังสือส่ง): each office numbers its letters from 1 in every fiscal
 * year, under the prefix it set (อบ ๐๐๑๗). A number is issued inside the caller's transaction while the office's
 * letterhead row is locked, so two letters issued at once never get the same number; a record that already has
 * a number keeps it (docs/decisions/018-outgoing-documents-and-emblem.md).
 */
import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Letterhead, OutgoingDocument, outgoingDocumentListQuery, saveLetterheadBody } from '#shared/outgoing-documents';
import { fiscalYearOf } from '#shared/thai/index';
import { officeTitle } from '#shared/unit-titles';
import { type Actor, requireActingFor, requireInScope, requirePermission, scopeFilter } from '../../access';
import { createRecord, insertAudited, updateRecord } from '../../audit/writes';
import type { Db, Tx } from '../../db/client';
import { key, readPage } from '../../db/paging';
import { officeLetterheads, orgUnits, outgoingDocuments, users } from '../../db/schema';
import { AppError } from '../../errors';

type DocumentRow = typeof outgoingDocuments.$inferSelect;

const toDocument = (row: DocumentRow, issuedByName: string | null): OutgoingDocument => ({
  ...row,
  issuedByName,
  createdAt: row.createdAt.toISOString(),
});

export async function getLetterhead(db: Db | Tx, actor: Actor, code: string): Promise<Letterhead> {
  requirePermission(actor, 'documents.issue');
  requireInScope(actor, code);
  const [row] = await db.select().from(officeLetterheads).where(eq(officeLetterheads.orgUnitCode, code));
  return row
    ? { orgUnitCode: code, prefix: row.prefix, phone: row.phone, email: row.email, version: row.version }
    : { orgUnitCode: code, prefix: '', phone: '', email: '', version: 0 };
}

/** An office's own officers (and the department's admin) set its prefix, phone and e-mail. */
export async function saveLetterhead(
  db: Db,
  actor: Actor,
  code: string,
  body: z.infer<typeof saveLetterheadBody>,
): Promise<Letterhead> {
  requirePermission(actor, 'documents.issue');
  requireActingFor(actor, code);
  const { version, ...values } = body;
  await db.transaction(async (tx) => {
    const [existing] = await tx.select().from(officeLetterheads).where(eq(officeLetterheads.orgUnitCode, code));
    if (!existing) {
      if (version !== 0) throw new AppError('record.stale');
      await createRecord(tx, actor, officeLetterheads, 'office_letterhead', { orgUnitCode: code, ...values });
    } else {
      const target = { entity: 'office_letterhead', notFound: 'request.not_found' } as const;
      await updateRecord(tx, actor, officeLetterheads, target, existing.id, version, values);
    }
  });
  return getLetterhead(db, actor, code);
}

/** Refuses a document of an office without a prefix, naming the office: the system never prints an invented number. */
async function noPrefix(db: Db | Tx, code: string): Promise<never> {
  const [unit] = await db.select().from(orgUnits).where(eq(orgUnits.code, code));
  throw new AppError('documents.no_prefix', { params: { unit: unit ? officeTitle(unit) : code } });
}

/**
 * The letterhead an office's unnumbered document is printed under (a memo whose number the office's registry writes
 * in), or documents.no_prefix. No access check: the caller has already found the record in the actor's scope.
 */
export async function letterheadToPrint(db: Db | Tx, code: string): Promise<Letterhead> {
  const [row] = await db.select().from(officeLetterheads).where(eq(officeLetterheads.orgUnitCode, code));
  if (!row) return noPrefix(db, code);
  return { orgUnitCode: code, prefix: row.prefix, phone: row.phone, email: row.email, version: row.version };
}

export interface DocumentToIssue {
  unit: string;
  date: string;
  subject: string;
  addressee: string;
  recordType: string;
  recordId: number;
  /** Circular letters (หนังสือเวียน, to every unit below) carry ว before the running number. */
  circular: boolean;
}

/** The number a record already has in an office's register, if any. */
export async function findIssued(db: Db | Tx, unit: string, recordType: string, recordId: number) {
  const [row] = await db
    .select({ doc: outgoingDocuments, name: users.displayName })
    .from(outgoingDocuments)
    .leftJoin(users, eq(users.id, outgoingDocuments.issuedBy))
    .where(
      and(
        eq(outgoingDocuments.orgUnitCode, unit),
        eq(outgoingDocuments.recordType, recordType),
        eq(outgoingDocuments.recordId, recordId),
      ),
    );
  return row ? toDocument(row.doc, row.name) : null;
}

/**
 * Issues the next number of the office's register for a record, or returns the number the record already has.
 * The office's letterhead row is locked first: concurrent issues of one office wait for each other, and each
 * reads the numbers committed before it (READ COMMITTED gives every statement a fresh snapshot).
 */
export async function issueDocument(tx: Tx, actor: Actor, doc: DocumentToIssue): Promise<OutgoingDocument> {
  requirePermission(actor, 'documents.issue');
  requireActingFor(actor, doc.unit);
  const [letterhead] = await tx.select().from(officeLetterheads).where(eq(officeLetterheads.orgUnitCode, doc.unit)).for('update');
  if (!letterhead) return noPrefix(tx, doc.unit);
  const existing = await findIssued(tx, doc.unit, doc.recordType, doc.recordId);
  if (existing) return existing;
  const { fiscalYear } = fiscalYearOf(doc.date);
  const [{ last }] = await tx
    .select({ last: sql<number>`coalesce(max(${outgoingDocuments.runningNumber}), 0)::int` })
    .from(outgoingDocuments)
    .where(and(eq(outgoingDocuments.orgUnitCode, doc.unit), eq(outgoingDocuments.fiscalYear, fiscalYear)));
  const runningNumber = last + 1;
  const row = await insertAudited(tx, actor, outgoingDocuments, 'outgoing_document', {
    orgUnitCode: doc.unit,
    fiscalYear,
    runningNumber,
    number: `${letterhead.prefix}/${doc.circular ? 'ว ' : ''}${runningNumber}`,
    documentDate: doc.date,
    subject: doc.subject,
    addressee: doc.addressee,
    recordType: doc.recordType,
    recordId: doc.recordId,
    issuedBy: actor.userId || null,
  });
  return toDocument(row, null);
}

/** An office's register, newest first (an office outside the caller's scope lists nothing, like every list). */
export async function listOutgoingDocuments(db: Db, actor: Actor, query: z.infer<typeof outgoingDocumentListQuery>) {
  requirePermission(actor, 'documents.issue');
  const rows = () =>
    db
      .select({ doc: outgoingDocuments, name: users.displayName })
      .from(outgoingDocuments)
      .leftJoin(users, eq(users.id, outgoingDocuments.issuedBy))
      .$dynamic();
  type Row = Awaited<ReturnType<typeof rows>>[number];
  const page = await readPage(
    db,
    {
      rows: rows(),
      table: outgoingDocuments,
      where: and(
        eq(outgoingDocuments.orgUnitCode, query.unit),
        scopeFilter(actor, outgoingDocuments.orgUnitCode),
        query.fiscalYear ? eq(outgoingDocuments.fiscalYear, query.fiscalYear) : undefined,
        query.recordType ? eq(outgoingDocuments.recordType, query.recordType) : undefined,
        query.recordId ? eq(outgoingDocuments.recordId, query.recordId) : undefined,
      ),
      order: [
        key<Row>(outgoingDocuments.fiscalYear, 'int', (r) => r.doc.fiscalYear, { desc: true }),
        key<Row>(outgoingDocuments.runningNumber, 'int', (r) => r.doc.runningNumber, { desc: true }),
        key<Row>(outgoingDocuments.id, 'int', (r) => r.doc.id, { desc: true }),
      ],
    },
    query,
  );
  return { ...page, items: page.items.map((r) => toDocument(r.doc, r.name)) };
}
