/**
 * Import batches: upload and dry run, the user's decisions and the commit (a background job, all or nothing in one
 * transaction), rollback in one action, the rejected rows as a workbook, the batch history.
 */
import { and, desc, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  batchListQuery,
  commitBody,
  ImportBatch,
  ImportBatchDetail,
  ImportKind,
  ImportReport,
  uploadQuery,
} from '#shared/imports';
import { type Actor, can, requireInScope, requirePermission, scopeFilter } from '../../access';
import { insertAudited, updateAudited } from '../../audit/writes';
import { now } from '../../clock';
import { insertRows } from '../../db/bulk';
import type { Db, Tx } from '../../db/client';
import { importBatches, importBatchRows, orgUnits } from '../../db/schema';
import { thaiWorkbook } from '../../documents/xlsx';
import { AppError, problemFor } from '../../errors';
import { importTemplate } from '../../imports/read';
import { enqueueJob, type JobProgress, type JobRow } from '../../jobs/jobs';
import { type BatchRowRef, type ImportContext, type Importer, type RowToWrite, WRITE_CHUNK } from './importer';
import { countRows, type Decisions, planImport } from './plan';
import { IMPORTERS } from './registry';
import { storedReport } from './stored-report';

type BatchRow = typeof importBatches.$inferSelect;
/** A batch as read for its state: without the file and the report, tens of MB each for a 50,000-row file. */
type StoredBatch = Omit<BatchRow, 'file' | 'report'>;
export const COMMIT_JOB = 'import.commit';
/**
 * A write of a batch neither reads back nor audits its file and its report (every row of the file: the batch's
 * content, not a field a reader of the audit log compares).
 */
const CONTENT_UNREAD = { unread: ['file', 'report'] };
const { file: _file, report: _report, ...STATE_COLUMNS } = getTableColumns(importBatches);

const importerOf = (kind: string): Importer => IMPORTERS[kind as ImportKind];

const toBatch = (b: StoredBatch): ImportBatch => ({
  id: b.id,
  kind: b.kind as ImportKind,
  orgUnitCode: b.orgUnitCode,
  fileName: b.fileName,
  status: b.status,
  counts: { total: 0, create: 0, update: 0, skip: 0, reject: 0, pending: 0, ...b.counts },
  jobId: b.jobId,
  createdBy: b.createdBy,
  createdAt: b.createdAt.toISOString(),
  committedAt: b.committedAt?.toISOString() ?? null,
  rolledBackAt: b.rolledBackAt?.toISOString() ?? null,
  version: b.version,
});

const toDetail = (b: StoredBatch, report: object): ImportBatchDetail => ({
  ...toBatch(b),
  report: { rows: [], suggestions: [], columns: [], unknownHeaders: [], ...(report as Partial<ImportReport>) },
});

export async function importTemplateFile(actor: Actor, kind: ImportKind): Promise<Buffer> {
  const importer = importerOf(kind);
  requirePermission(actor, importer.permission);
  return importTemplate({ title: importer.title, columns: importer.columns, instructions: importer.instructions });
}

async function contextFor(db: Db | Tx, dataKey: Buffer, actor: Actor, importer: Importer, options: Record<string, unknown>) {
  const parsed = importer.optionsSchema.safeParse(options);
  if (!parsed.success) throw new AppError('import_batch.options_invalid');
  const ctx: ImportContext = { db, actor, unitCode: importer.unitFor(actor), options: parsed.data, dataKey };
  requireInScope(actor, ctx.unitCode);
  await importer.checkOptions(ctx);
  return ctx;
}

/** Reads the file, plans every row without writing any record, and keeps file and report as a batch. */
export async function dryRun(
  db: Db,
  dataKey: Buffer,
  actor: Actor,
  kind: ImportKind,
  file: { bytes: Buffer; filename: string },
  options: z.infer<typeof uploadQuery>,
): Promise<ImportBatchDetail> {
  const importer = importerOf(kind);
  requirePermission(actor, importer.permission);
  const ctx = await contextFor(db, dataKey, actor, importer, options);
  const { report } = await planImport(ctx, importer, file, { places: {}, choices: {} }, false);
  const created = await db.transaction(async (tx) =>
    insertAudited(
      tx,
      actor,
      importBatches,
      'import_batch',
      {
        kind,
        orgUnitCode: ctx.unitCode,
        fileName: file.filename,
        file: file.bytes,
        options: ctx.options,
        counts: countRows(report.rows),
        report: (await storedReport(tx, report)) as never,
        createdBy: actor.userId || null,
        createdAt: now(),
      },
      CONTENT_UNREAD,
    ),
  );
  return toDetail(created, report);
}

/** Refuses (403) a caller who may use no importer at all, before asking whether the batch exists. */
function requireSomeImporter(actor: Actor) {
  if (!Object.values(IMPORTERS).some((i) => can(actor, i.permission))) throw new AppError('access.forbidden');
}

async function findBatch(db: Db | Tx, actor: Actor, id: number, lock = false): Promise<StoredBatch> {
  requireSomeImporter(actor);
  const query = db
    .select(STATE_COLUMNS)
    .from(importBatches)
    .where(and(eq(importBatches.id, id), scopeFilter(actor, importBatches.orgUnitCode)));
  const [batch] = lock ? await query.for('update') : await query;
  if (!batch) throw new AppError('import_batch.not_found');
  requirePermission(actor, importerOf(batch.kind).permission);
  return batch;
}

/** A found batch's report (as the dry run or the commit left it). */
async function reportOf(db: Db | Tx, batch: StoredBatch): Promise<Record<string, unknown>> {
  const [row] = await db.select({ report: importBatches.report }).from(importBatches).where(eq(importBatches.id, batch.id));
  return row.report;
}

/** A found batch's file, as uploaded. */
async function fileOf(db: Db | Tx, batch: StoredBatch): Promise<Buffer> {
  const [row] = await db.select({ file: importBatches.file }).from(importBatches).where(eq(importBatches.id, batch.id));
  // PGlite hands bytea back as a view of its memory, which the next query may overwrite: copy it now.
  return Buffer.from(row.file);
}

export async function getBatch(db: Db, actor: Actor, id: number): Promise<ImportBatchDetail> {
  const batch = await findBatch(db, actor, id);
  return toDetail(batch, await reportOf(db, batch));
}

export async function listBatches(
  db: Db,
  actor: Actor,
  query: z.infer<typeof batchListQuery>,
): Promise<{ items: ImportBatch[] }> {
  const kinds = Object.values(IMPORTERS)
    .filter((i) => (query.kind ? i.kind === query.kind : true) && can(actor, i.permission))
    .map((i) => i.kind);
  if (!kinds.length) throw new AppError('access.forbidden');
  const rows = await db
    .select({
      id: importBatches.id,
      kind: importBatches.kind,
      orgUnitCode: importBatches.orgUnitCode,
      fileName: importBatches.fileName,
      status: importBatches.status,
      counts: importBatches.counts,
      jobId: importBatches.jobId,
      createdBy: importBatches.createdBy,
      createdAt: importBatches.createdAt,
      committedAt: importBatches.committedAt,
      rolledBackAt: importBatches.rolledBackAt,
      version: importBatches.version,
    })
    .from(importBatches)
    .where(and(inArray(importBatches.kind, kinds), scopeFilter(actor, importBatches.orgUnitCode)))
    .orderBy(desc(importBatches.id))
    .limit(100);
  return { items: rows.map((r) => toBatch(r as StoredBatch)) };
}

/** Keeps the user's decisions on the batch and queues the commit; the job's id is polled for progress. */
export async function commitBatch(
  db: Db,
  actor: Actor,
  id: number,
  body: z.infer<typeof commitBody>,
): Promise<{ jobId: number; batch: ImportBatch }> {
  return db.transaction(async (tx) => {
    const batch = await findBatch(tx, actor, id, true);
    if (batch.version !== body.version) throw new AppError('record.stale');
    if (batch.status !== 'dry_run' && batch.status !== 'failed') throw new AppError('import_batch.not_open');
    const job = await enqueueJob(tx, {
      kind: COMMIT_JOB,
      orgUnitCode: batch.orgUnitCode,
      createdBy: actor.userId || null,
      input: {
        batchId: id,
        // The job acts as whoever committed, an API token with its own access (decision 038).
        actor: {
          userId: actor.userId,
          username: actor.username,
          role: actor.role,
          orgUnitCode: actor.orgUnitCode,
          ...(actor.token ? { token: actor.token } : {}),
        },
      },
    });
    const decisions = { places: body.places, choices: body.choices, groups: body.groups };
    const updated = await updateAudited(
      tx,
      actor,
      importBatches,
      'import_batch',
      id,
      { status: 'ready', decisions, jobId: job.id },
      { action: 'commit', ...CONTENT_UNREAD },
    );
    return { jobId: job.id, batch: toBatch(updated) };
  });
}

/**
 * The commit job: plans the batch again with the user's decisions (the data may have moved since the dry run) and
 * writes every accepted row in ONE transaction, so a failure anywhere leaves nothing written. Runs safely twice.
 */
export async function runCommitJob(
  db: Db,
  dataKey: Buffer,
  job: JobRow,
  progress: JobProgress,
): Promise<Record<string, unknown>> {
  const input = job.input as { batchId: number; actor: Actor };
  const actor = input.actor;
  try {
    return await db.transaction(async (tx) => {
      const batch = await findBatch(tx, actor, input.batchId, true);
      if (batch.status === 'committed') return { batchId: batch.id, counts: batch.counts };
      if (batch.status !== 'ready') throw new AppError('import_batch.not_open');
      const importer = importerOf(batch.kind);
      const ctx = await contextFor(tx, dataKey, actor, importer, batch.options);
      const { toWrite, counts } = await planCommit(tx, ctx, importer, batch);
      for (let i = 0; i < toWrite.length; i += WRITE_CHUNK) {
        const chunk = toWrite.slice(i, i + WRITE_CHUNK);
        const done = (n: number) => progress.report(i + n, toWrite.length);
        const written = await writeChunk(tx, ctx, importer, chunk, done);
        await insertRows(
          tx,
          importBatchRows,
          written.map((w) => ({ ...w, batchId: batch.id })),
          { returning: false },
        );
        done(chunk.length);
      }
      return { batchId: batch.id, counts };
    });
  } catch (error) {
    // Nothing of the import was written; the batch says why, and may be committed again.
    const { code, th, en } = error instanceof AppError ? problemFor(error.code, error.params) : problemFor('job.failed');
    const reason = { code, th, en };
    await db.transaction(async (tx) => {
      const [batch] = await tx
        .select({ id: importBatches.id, status: importBatches.status })
        .from(importBatches)
        .where(eq(importBatches.id, input.batchId));
      if (batch?.status === 'ready')
        await updateAudited(
          tx,
          actor,
          importBatches,
          'import_batch',
          batch.id,
          { status: 'failed', report: sql`${importBatches.report} || ${JSON.stringify({ error: reason })}::jsonb` as never },
          CONTENT_UNREAD,
        );
    });
    throw error;
  }
}

/**
 * The commit's plan, and the batch's new state stored at once in the commit's transaction (committed, with the
 * report of what is written): nobody sees it before the records, and a failure takes it back with them. What the
 * job then holds while it writes is the rows to write, not the file's cells and the report too.
 */
async function planCommit(
  tx: Tx,
  ctx: ImportContext,
  importer: Importer,
  batch: StoredBatch,
): Promise<{ toWrite: RowToWrite[]; counts: ReturnType<typeof countRows> }> {
  const file = { bytes: await fileOf(tx, batch), filename: batch.fileName };
  const { rows, report } = await planImport(ctx, importer, file, batch.decisions as unknown as Decisions, true);
  const counts = countRows(report.rows);
  await updateAudited(
    tx,
    ctx.actor,
    importBatches,
    'import_batch',
    batch.id,
    { status: 'committed', report: (await storedReport(tx, report)) as never, counts, committedAt: now() },
    { action: 'commit', ...CONTENT_UNREAD },
  );
  const toWrite: RowToWrite[] = [];
  for (const { line, action, record } of rows)
    if (action === 'create' || action === 'update') toWrite.push({ line, action, record });
  return { toWrite, counts };
}

/** Writes one chunk of planned rows: in bulk where the importer can, else row by row (progress after each). */
async function writeChunk(
  tx: Tx,
  ctx: ImportContext,
  importer: Importer,
  rows: RowToWrite[],
  done: (n: number) => void,
): Promise<BatchRowRef[]> {
  if (importer.writeMany) return importer.writeMany(tx, ctx, rows);
  const written: BatchRowRef[] = [];
  for (const [i, row] of rows.entries()) {
    for (const w of await importer.write(tx, ctx, row)) written.push({ ...w, line: row.line });
    done(i + 1);
  }
  return written;
}

/**
 * Undoes a committed batch in one transaction: created records removed (soft delete, or reversed for money) and
 * updated ones restored. Refused, naming the records, when later work depends on any of them.
 */
export async function rollbackBatch(db: Db, dataKey: Buffer, actor: Actor, id: number, version: number): Promise<ImportBatch> {
  return db.transaction(async (tx) => {
    const batch = await findBatch(tx, actor, id, true);
    if (batch.version !== version) throw new AppError('record.stale');
    if (batch.status !== 'committed') throw new AppError('import_batch.not_committed');
    const importer = importerOf(batch.kind);
    const ctx: ImportContext = { db: tx, actor, unitCode: batch.orgUnitCode, options: batch.options, dataKey };
    const rows: BatchRowRef[] = (await tx.select().from(importBatchRows).where(eq(importBatchRows.batchId, id))).map((r) => ({
      tableName: r.tableName,
      recordId: r.recordId,
      action: r.action,
      versionAfter: r.versionAfter,
      before: r.before,
      line: r.line,
    }));
    const blockers = await importer.blockers(tx, ctx, rows);
    if (blockers.length)
      throw new AppError('import_batch.rollback_blocked', {
        params: { records: blockers.slice(0, 20).join(', '), count: blockers.length },
      });
    await importer.undo(tx, ctx, rows);
    const updated = await updateAudited(
      tx,
      actor,
      importBatches,
      'import_batch',
      id,
      { status: 'rolled_back', rolledBackAt: now() },
      { action: 'rollback', ...CONTENT_UNREAD },
    );
    return toBatch(updated);
  });
}

/** The rows not imported, in the template's columns plus the reason, ready to fix and upload again. */
export async function rejectedRowsFile(db: Db, actor: Actor, id: number): Promise<{ data: Buffer; filename: string }> {
  const batch = await findBatch(db, actor, id);
  const importer = importerOf(batch.kind);
  const report = toDetail(batch, await reportOf(db, batch)).report;
  const book = await thaiWorkbook();
  const sheet = book.addWorksheet('rejected');
  const header = [...importer.columns.map((c) => c.th), 'เหตุผล / Reason'];
  sheet.addRow(header).font = { bold: true };
  for (const row of report.rows.filter((r) => r.action === 'reject')) {
    const reason = row.problems.map((p) => `แถว ${p.line}: ${p.th} / ${p.en}`).join('\n');
    sheet.addRow([...importer.columns.map((c) => row.values?.[c.key] ?? ''), reason]);
  }
  sheet.columns.forEach((column) => {
    column.width = 18;
  });
  const [unit] = await db.select({ name: orgUnits.nameTh }).from(orgUnits).where(eq(orgUnits.code, batch.orgUnitCode));
  const data = Buffer.from(await book.xlsx.writeBuffer());
  return { data, filename: `rejected-${batch.kind}-${unit?.name ?? batch.orgUnitCode}-${batch.id}.xlsx` };
}
