import { and, eq, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { QuarterFigures } from '#shared/indicators';
import {
  type createReportBody,
  type QuarterlyReport,
  REPORT_EDITABLE,
  type ReportStatus,
  reportChange,
  type reportListQuery,
  type reviewReportBody,
  type submitReportBody,
  type updateReportBody,
} from '#shared/reports';
import { fiscalRange } from '#shared/thai/calendar';
import { type Actor, requireInScope, requirePermission, scopeFilter } from '../../access';
import { createRecord, updateRecord } from '../../audit/writes';
import { now, thaiToday } from '../../clock';
import type { Db, Tx } from '../../db/client';
import { underUnit } from '../../db/filters';
import { type OrderKey, readPage } from '../../db/paging';
import { findVisible } from '../../db/records';
import { orgUnits, quarterlyReports, users } from '../../db/schema';
import type { Digits } from '../../documents/pdf';
import { AppError } from '../../errors';
import { applyPatch } from '../../http/patch';
import { indicatorsOfCenters } from '../indicators/indicators.service';
import { letterheadToPrint } from '../outgoing-documents/outgoing-documents.service';
import { activeLocks } from './quarter-locks.service';
import { reportPdf } from './report.documents';

export const REPORT = { entity: 'quarterly_report', notFound: 'report.not_found' } as const;
type Quarter = 1 | 2 | 3 | 4;

/** Status names for error messages, Thai and English. */
const STATUS_NAMES: Record<ReportStatus, [string, string]> = {
  draft: ['ร่าง', 'draft'],
  submitted: ['ส่งจังหวัดแล้ว', 'submitted'],
  returned: ['ส่งกลับแก้ไข', 'returned'],
  approved: ['อนุมัติแล้ว', 'approved'],
};

const submitter = alias(users, 'submitter');
const reviewer = alias(users, 'reviewer');
const province = alias(orgUnits, 'province');
const selectReport = (db: Db | Tx) =>
  db
    .select({
      r: quarterlyReports,
      unit: { nameTh: orgUnits.nameTh, nameEn: orgUnits.nameEn, provinceNameTh: province.nameTh },
      submitterName: submitter.displayName,
      reviewerName: reviewer.displayName,
    })
    .from(quarterlyReports)
    .innerJoin(orgUnits, eq(orgUnits.code, quarterlyReports.orgUnitCode))
    .innerJoin(province, eq(province.code, orgUnits.parentCode))
    .leftJoin(submitter, eq(submitter.id, quarterlyReports.submittedBy))
    .leftJoin(reviewer, eq(reviewer.id, quarterlyReports.reviewedBy));
type Selected = Awaited<ReturnType<typeof selectReport>>[number];

const named = (id: number | null, name: string | null) => (id && name ? { id, name } : null);
const lockKey = (unit: string, fiscalYear: number, quarter: number) => `${unit}:${fiscalYear}:${quarter}`;

async function toReports(db: Db | Tx, rows: Selected[]): Promise<QuarterlyReport[]> {
  const locks = new Map(
    (
      await activeLocks(
        db,
        rows.map(({ r }) => r.orgUnitCode),
      )
    ).map((l) => [lockKey(l.orgUnitCode, l.fiscalYear, l.quarter), l]),
  );
  return rows.map(({ r, unit, submitterName, reviewerName }) => ({
    id: r.id,
    orgUnitCode: r.orgUnitCode,
    unitNameTh: unit.nameTh,
    unitNameEn: unit.nameEn,
    provinceNameTh: unit.provinceNameTh,
    fiscalYear: r.fiscalYear,
    quarter: r.quarter,
    status: r.status,
    figures: r.figures ?? null,
    narrative: r.narrative,
    problems: r.problems,
    supportNeeded: r.supportNeeded,
    submittedAt: r.submittedAt?.toISOString() ?? null,
    submittedBy: named(r.submittedBy, submitterName),
    reviewedAt: r.reviewedAt?.toISOString() ?? null,
    reviewedBy: named(r.reviewedBy, reviewerName),
    reviewComment: r.reviewComment,
    lock: locks.get(lockKey(r.orgUnitCode, r.fiscalYear, r.quarter)) ?? null,
    version: r.version,
  }));
}

/** Reports of the scope: those waiting for the province first, then the newest quarters. */
export async function listReports(db: Db, actor: Actor, query: z.infer<typeof reportListQuery>) {
  requirePermission(actor, 'pipeline.read');
  const where = and(
    isNull(quarterlyReports.deletedAt),
    scopeFilter(actor, quarterlyReports.orgUnitCode),
    query.unit ? underUnit(quarterlyReports.orgUnitCode, query.unit) : undefined,
    query.fiscalYear ? eq(quarterlyReports.fiscalYear, query.fiscalYear) : undefined,
    query.quarter ? eq(quarterlyReports.quarter, query.quarter) : undefined,
    query.status ? eq(quarterlyReports.status, query.status) : undefined,
  );
  const rows = selectReport(db).$dynamic();
  type Row = Awaited<typeof rows>[number];
  const order: OrderKey<Row>[] = [
    { by: sql`${quarterlyReports.status} = 'submitted'`, kind: 'bool', of: (r: Row) => r.r.status === 'submitted', desc: true },
    { by: quarterlyReports.fiscalYear, kind: 'int', of: (r: Row) => r.r.fiscalYear, desc: true },
    { by: quarterlyReports.quarter, kind: 'int', of: (r: Row) => r.r.quarter, desc: true },
    { by: quarterlyReports.orgUnitCode, kind: 'text', of: (r: Row) => r.r.orgUnitCode },
    { by: quarterlyReports.id, kind: 'int', of: (r: Row) => r.r.id },
  ];
  const page = await readPage(db, { rows, table: quarterlyReports, where, order }, query);
  return { ...page, items: await toReports(db, page.items) };
}

async function readReport(db: Db | Tx, id: number): Promise<QuarterlyReport> {
  const [report] = await toReports(db, await selectReport(db).where(eq(quarterlyReports.id, id)));
  return report;
}

export async function getReport(db: Db, actor: Actor, id: number): Promise<QuarterlyReport> {
  requirePermission(actor, 'pipeline.read');
  await findVisible(db, actor, quarterlyReports, id, REPORT.notFound);
  return readReport(db, id);
}

/** The report as the district office's memo to the province, under the office's prefix (documents.no_prefix without one). */
export async function reportMemo(db: Db, actor: Actor, id: number, digits: Digits) {
  const report = await getReport(db, actor, id);
  const { prefix } = await letterheadToPrint(db, report.orgUnitCode);
  return { report, pdf: await reportPdf(report, { digits, prefix }) };
}

/** A district writes its own report of a quarter that has begun; one per district and quarter. */
export async function createReport(db: Db, actor: Actor, body: z.infer<typeof createReportBody>): Promise<QuarterlyReport> {
  requirePermission(actor, 'pipeline.write');
  requireInScope(actor, body.orgUnitCode);
  const { id } = await db.transaction((tx) => insertReport(tx, actor, body));
  return readReport(db, id);
}

/** The district's draft of a quarter, inside the caller's transaction (the form and the demo). */
export async function insertReport(tx: Tx, actor: Actor, body: z.infer<typeof createReportBody>) {
  if (fiscalRange(body.fiscalYear, body.quarter as Quarter).start > thaiToday()) throw new AppError('report.quarter_not_begun');
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`report:${body.orgUnitCode}`}))`);
  const [existing] = await tx
    .select({ id: quarterlyReports.id })
    .from(quarterlyReports)
    .where(
      and(
        eq(quarterlyReports.orgUnitCode, body.orgUnitCode),
        eq(quarterlyReports.fiscalYear, body.fiscalYear),
        eq(quarterlyReports.quarter, body.quarter),
        isNull(quarterlyReports.deletedAt),
      ),
    );
  if (existing) throw new AppError('report.exists', { params: { quarter: body.quarter, fiscalYear: body.fiscalYear } });
  return createRecord(tx, actor, quarterlyReports, REPORT.entity, { ...body, status: 'draft', createdBy: actor.userId });
}

function requireEditable(status: ReportStatus) {
  if (!REPORT_EDITABLE.includes(status))
    throw new AppError('report.not_editable', { params: { statusTh: STATUS_NAMES[status][0], status: STATUS_NAMES[status][1] } });
}

export async function updateReport(
  db: Db,
  actor: Actor,
  id: number,
  patch: z.infer<typeof updateReportBody>,
): Promise<QuarterlyReport> {
  requirePermission(actor, 'pipeline.write');
  await db.transaction(async (tx) => {
    const existing = await findVisible(tx, actor, quarterlyReports, id, REPORT.notFound);
    requireEditable(existing.status);
    const stored = { narrative: existing.narrative, problems: existing.problems, supportNeeded: existing.supportNeeded };
    const { version, ...words } = applyPatch(reportChange, stored, patch);
    await updateRecord(tx, actor, quarterlyReports, REPORT, id, version, words);
  });
  return readReport(db, id);
}

/** The district's figures for the quarter, as the indicators count them from the records today. */
async function figuresOf(tx: Tx, unit: string, fiscalYear: number, quarter: Quarter): Promise<QuarterFigures> {
  const [center] = await indicatorsOfCenters(tx, [unit], fiscalYear, quarter);
  const { unitCode: _, ...figures } = center;
  return figures;
}

/** Sends the report to the province with the figures taken from the records now. */
export async function submitReport(
  db: Db,
  actor: Actor,
  id: number,
  body: z.infer<typeof submitReportBody>,
): Promise<QuarterlyReport> {
  requirePermission(actor, 'pipeline.write');
  await db.transaction((tx) => sendReport(tx, actor, id, body));
  return readReport(db, id);
}

/** The report sent with its figures, inside the caller's transaction (the form and the demo); its new version. */
export async function sendReport(tx: Tx, actor: Actor, id: number, body: z.infer<typeof submitReportBody>): Promise<number> {
  const existing = await findVisible(tx, actor, quarterlyReports, id, REPORT.notFound);
  requireEditable(existing.status);
  const figures = await figuresOf(tx, existing.orgUnitCode, existing.fiscalYear, existing.quarter as Quarter);
  const { after } = await updateRecord(
    tx,
    actor,
    quarterlyReports,
    REPORT,
    id,
    body.version,
    { status: 'submitted', figures, submittedAt: now(), submittedBy: actor.userId, reviewedAt: null, reviewedBy: null },
    { action: 'submit' },
  );
  return after.version;
}

/** The province approves a submitted report of one of its districts, or returns it with what to change. */
export async function reviewReport(
  db: Db,
  actor: Actor,
  id: number,
  body: z.infer<typeof reviewReportBody>,
): Promise<QuarterlyReport> {
  requirePermission(actor, 'reports.review');
  await db.transaction((tx) => decideReport(tx, actor, id, body));
  return readReport(db, id);
}

/** The province's decision on a sent report, inside the caller's transaction (the form and the demo). */
export async function decideReport(tx: Tx, actor: Actor, id: number, body: z.infer<typeof reviewReportBody>) {
  const existing = await findVisible(tx, actor, quarterlyReports, id, REPORT.notFound);
  if (existing.status !== 'submitted')
    throw new AppError('report.not_submitted', {
      params: { statusTh: STATUS_NAMES[existing.status][0], status: STATUS_NAMES[existing.status][1] },
    });
  if (existing.submittedBy === actor.userId) throw new AppError('report.own_submission');
  if (body.decision === 'return' && !body.comment) throw new AppError('report.comment_required');
  const approve = body.decision === 'approve';
  await updateRecord(
    tx,
    actor,
    quarterlyReports,
    REPORT,
    id,
    body.version,
    { status: approve ? 'approved' : 'returned', reviewedAt: now(), reviewedBy: actor.userId, reviewComment: body.comment },
    { action: approve ? 'approve' : 'return' },
  );
}
