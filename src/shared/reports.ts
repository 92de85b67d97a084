import { z } from 'zod';
import { districtCodeSchema, fiscalYearSchema, orgUnitCodeSchema, text } from './fields';
import { cellStatusSchema, centerIndicatorSchema, resultFiguresSchema } from './indicators';
import { pageQuery, pageResponse } from './paging';
import { patchBody } from './patch';

export const REPORT_STATUSES = ['draft', 'submitted', 'returned', 'approved'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
/** The district may still change its words (and submit) while the report is a draft or was returned. */
export const REPORT_EDITABLE: readonly ReportStatus[] = ['draft', 'returned'];
/** A province counts a district late when no report has reached it this many days after the quarter ended. */
export const REPORT_LATE_DAYS = 15;

const quarterSchema = z.number().int().min(1).max(4);
const words = text().trim().max(10_000);
const version = z.number().int().min(1);

const reportWords = { narrative: words.default(''), problems: words.default(''), supportNeeded: words.default('') };

export const createReportBody = z.strictObject({
  orgUnitCode: districtCodeSchema,
  fiscalYear: z.number().int().min(2500).max(2700),
  quarter: quarterSchema,
  ...reportWords,
});
/** A report's own words as a whole, with the version read: what the edit form checks. */
export const reportChange = z.strictObject({ version, ...reportWords });
export const updateReportBody = patchBody(reportWords);
export const submitReportBody = z.strictObject({ version });

export const REVIEW_DECISIONS = ['approve', 'return'] as const;
export const reviewReportBody = z
  .strictObject({
    version,
    decision: z.enum(REVIEW_DECISIONS),
    comment: text().trim().max(2000).default(''),
  })
  .superRefine((body, ctx) => {
    if (body.decision === 'return' && !body.comment)
      ctx.addIssue({ code: 'custom', path: ['comment'], input: body.comment, message: 'Say what to change' });
  });

export const reportListQuery = z.strictObject({
  ...pageQuery,
  unit: orgUnitCodeSchema.optional(),
  fiscalYear: fiscalYearSchema.optional(),
  quarter: z.coerce.number().int().min(1).max(4).optional(),
  status: z.enum(REPORT_STATUSES).optional(),
});

/** The figures as taken from the records when the report was submitted. */
export const quarterFiguresSchema = z.object({
  fiscalYear: z.number().int(),
  quarter: z.number().int().nullable(),
  indicators: z.record(centerIndicatorSchema, cellStatusSchema),
  results: resultFiguresSchema,
});

const person = z.object({ id: z.number().int(), name: z.string() }).nullable();

export const quarterLockSchema = z.object({
  id: z.number().int(),
  orgUnitCode: z.string(),
  unitNameTh: z.string(),
  unitNameEn: z.string(),
  fiscalYear: z.number().int(),
  quarter: z.number().int(),
  lockedAt: z.string(),
  lockedBy: person,
  unlockedAt: z.string().nullable(),
  unlockedBy: person,
  unlockReason: z.string().nullable(),
  version: z.number().int(),
});
export type QuarterLock = z.infer<typeof quarterLockSchema>;

export const reportSchema = z.object({
  id: z.number().int(),
  orgUnitCode: z.string(),
  unitNameTh: z.string(),
  unitNameEn: z.string(),
  provinceNameTh: z.string(),
  fiscalYear: z.number().int(),
  quarter: z.number().int(),
  status: z.enum(REPORT_STATUSES),
  figures: quarterFiguresSchema.nullable(),
  narrative: z.string(),
  problems: z.string(),
  supportNeeded: z.string(),
  submittedAt: z.string().nullable(),
  submittedBy: person,
  reviewedAt: z.string().nullable(),
  reviewedBy: person,
  reviewComment: z.string(),
  /** The quarter's active lock, if the province closed it. */
  lock: quarterLockSchema.nullable(),
  version: z.number().int(),
});
export type QuarterlyReport = z.infer<typeof reportSchema>;
export const reportListResponse = pageResponse(reportSchema);

export const createLockBody = z.strictObject({
  unit: districtCodeSchema,
  fiscalYear: z.number().int().min(2500).max(2700),
  quarter: quarterSchema,
});
export const unlockBody = z.strictObject({ version, reason: text().trim().min(1).max(2000) });
export const lockListQuery = z.strictObject({
  unit: orgUnitCodeSchema.optional(),
  fiscalYear: fiscalYearSchema.optional(),
  /** Only the locks still in force. */
  active: z.enum(['true', 'false']).optional(),
  ...pageQuery,
});
export const lockListResponse = pageResponse(quarterLockSchema);

export const reportSummaryQuery = z.strictObject({
  unit: orgUnitCodeSchema.optional(),
  fiscalYear: fiscalYearSchema,
  quarter: z.coerce.number().int().min(1).max(4),
});
/** One province (or district) of the summary: its districts' reports by status and the approved reports' results. */
export const reportSummaryRowSchema = z.object({
  code: z.string(),
  nameTh: z.string(),
  nameEn: z.string(),
  districts: z.number().int(),
  submitted: z.number().int(),
  returned: z.number().int(),
  approved: z.number().int(),
  /** Covered districts with no report, or one never submitted. */
  missing: z.number().int(),
  results: resultFiguresSchema,
});
export const reportSummarySchema = z.object({
  unit: z.string(),
  fiscalYear: z.number().int(),
  quarter: z.number().int(),
  rows: z.array(reportSummaryRowSchema),
  total: reportSummaryRowSchema,
});
export type ReportSummary = z.infer<typeof reportSummarySchema>;
export type ReportSummaryRow = z.infer<typeof reportSummaryRowSchema>;
