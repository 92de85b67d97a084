import { z } from 'zod';

/**
 * What every center is monitored on (DOMAIN.md §5, operating rules 6.3, and the seed's indicator), computed from
 * the records and never typed in. Each is judged per center for a fiscal year, or one quarter of it.
 */
export const CENTER_INDICATORS = [
  /** The committee in force at the period's end passes the composition check, or the district has the exception. */
  'committee_valid',
  /** A held committee meeting in each quarter of the period that has begun. */
  'meeting_each_quarter',
  /** A strengthening activity (training, strengthening, study visit or market event) with a partner in each month begun. */
  'activity_each_month',
  /** A short-term plan covering the fiscal year and a long-term plan covering it. */
  'plans_present',
  /** A published post in each quarter of the period that has begun. */
  'publicity_each_quarter',
  /** Lessons learned recorded for the fiscal year (due from the fourth quarter). */
  'lessons_recorded',
  /** The seed's indicator: a center with concrete operating guidelines = committee valid + plans + a meeting this year. */
  'operating_guidelines',
] as const;
export type CenterIndicator = (typeof CENTER_INDICATORS)[number];
export const centerIndicatorSchema = z.enum(CENTER_INDICATORS);

/** A cell of the completeness matrix: met, missing, or a period that has not yet come (or ended) to judge. */
export const CELL_STATUSES = ['met', 'missing', 'not_due'] as const;
export type CellStatus = (typeof CELL_STATUSES)[number];
export const cellStatusSchema = z.enum(CELL_STATUSES);

/** What the center achieved in the period, counted from the records (money in satang, as strings). */
export const resultFiguresSchema = z.object({
  wisdomItems: z.number().int(),
  groupsFormed: z.number().int(),
  otopRegistrations: z.number().int(),
  certificates: z.number().int(),
  services: z.number().int(),
  activities: z.number().int(),
  attendees: z.number().int(),
  outcomesVerified: z.number().int(),
  salesSatang: z.string(),
  fundingApprovedSatang: z.string(),
});
export type ResultFigures = z.infer<typeof resultFiguresSchema>;

/** One center's indicators and results for a period. */
export const centerIndicatorsSchema = z.object({
  unitCode: z.string(),
  fiscalYear: z.number().int(),
  quarter: z.number().int().min(1).max(4).nullable(),
  indicators: z.record(centerIndicatorSchema, cellStatusSchema),
  results: resultFiguresSchema,
});
export type CenterIndicators = z.infer<typeof centerIndicatorsSchema>;

/** The figures a quarterly report carries, as taken from the records when it was submitted. */
export type QuarterFigures = Omit<CenterIndicators, 'unitCode'>;

/**
 * `GET /api/indicators/summary?unit=&fiscalYear=&quarter=`: for the nation one row per province, for a province
 * one row per district, for a district its own row; each row counts its centers and how many meet each indicator,
 * and sums the results. Used by the dashboards, the national map and the department's home page.
 */
export const indicatorSummaryRowSchema = z.object({
  code: z.string(),
  nameTh: z.string(),
  nameEn: z.string(),
  centers: z.number().int(),
  met: z.record(centerIndicatorSchema, z.number().int()),
  results: resultFiguresSchema,
});
export const indicatorSummarySchema = z.object({
  unit: z.string(),
  fiscalYear: z.number().int(),
  quarter: z.number().int().nullable(),
  rows: z.array(indicatorSummaryRowSchema),
  total: indicatorSummaryRowSchema,
});
export type IndicatorSummaryRow = z.infer<typeof indicatorSummaryRowSchema>;
export type IndicatorSummary = z.infer<typeof indicatorSummarySchema>;
