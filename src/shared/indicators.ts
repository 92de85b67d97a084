import { z } from 'zod';
import { districtCodeSchema, fiscalYearSchema, monthSchema, orgUnitCodeSchema } from './fields';

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
/** The results in the order pages and files show them. */
export const RESULT_FIGURES = resultFiguresSchema.keyof().options;

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

export const quarterSchema = z.coerce.number().int().min(1).max(4);

/** `GET /api/indicators/summary` and `GET /api/indicators`: a unit (your own when left out) and a period. */
export const indicatorSummaryQuery = z.strictObject({
  unit: orgUnitCodeSchema.optional(),
  fiscalYear: fiscalYearSchema.optional().describe('Buddhist Era fiscal year; the current one when left out'),
  quarter: quarterSchema.optional().describe('One quarter of the fiscal year; the whole year when left out'),
});
export const centerIndicatorsQuery = z.strictObject({
  unit: districtCodeSchema.optional().describe('The district of the center; your own when left out'),
  fiscalYear: fiscalYearSchema.optional(),
  quarter: quarterSchema.optional(),
});

/** The three month- or quarter-by-quarter indicators that the matrix shows period by period. */
export const PERIODIC_INDICATORS = ['activity_each_month', 'meeting_each_quarter', 'publicity_each_quarter'] as const;
/** The indicators the matrix shows as one cell per district for the year. */
export const YEARLY_INDICATORS = ['committee_valid', 'plans_present', 'lessons_recorded', 'operating_guidelines'] as const;

/**
 * `GET /api/indicators/matrix?unit=&fiscalYear=`: for a province (or one district) a row per district with a
 * cell per month (Oct…Sep) for activities, per quarter for meetings and publicity, and one per yearly indicator;
 * for the nation the summary's rows per province instead (`provinces`).
 */
export const matrixQuery = z.strictObject({
  unit: orgUnitCodeSchema.optional(),
  fiscalYear: fiscalYearSchema.optional(),
});
export const matrixRowSchema = z.object({
  code: z.string(),
  nameTh: z.string(),
  nameEn: z.string(),
  /** Twelve cells, October first. */
  activities: z.array(cellStatusSchema),
  /** Four cells, Q1 first. */
  meetings: z.array(cellStatusSchema),
  publicity: z.array(cellStatusSchema),
  yearly: z.record(z.enum(YEARLY_INDICATORS), cellStatusSchema),
});
export const matrixSchema = z.object({
  unit: z.string(),
  level: z.enum(['national', 'province', 'district']),
  fiscalYear: z.number().int(),
  /** The twelve months of the fiscal year as Gregorian YYYY-MM, October first. */
  months: z.array(z.string()),
  rows: z.array(matrixRowSchema),
  /** For the nation: the share of each province's centers meeting each indicator. */
  provinces: z.array(indicatorSummaryRowSchema),
});
export type MatrixRow = z.infer<typeof matrixRowSchema>;
export type Matrix = z.infer<typeof matrixSchema>;

/**
 * `GET /api/indicators/records`: the records behind one cell (the drill-down). `month` (YYYY-MM) narrows the
 * activities to one month, `quarter` the meetings and posts to one quarter.
 */
export const indicatorRecordsQuery = z.strictObject({
  unit: districtCodeSchema,
  indicator: centerIndicatorSchema,
  fiscalYear: fiscalYearSchema.optional(),
  quarter: quarterSchema.optional(),
  month: monthSchema.optional(),
});
export const RECORD_KINDS = ['meeting', 'activity', 'post', 'plan', 'lesson', 'committee', 'exception'] as const;
/** Why a committee term fails the composition rule (DOMAIN.md §5). */
export const COMPOSITION_PROBLEMS = ['member_count', 'chair', 'secretary', 'agency', 'network'] as const;
export const indicatorRecordSchema = z.object({
  kind: z.enum(RECORD_KINDS),
  id: z.number().int(),
  date: z.string(),
  title: z.string(),
  /** The web path that opens the record. */
  path: z.string(),
  /** Whether the record makes the cell met (a quorate held meeting, an activity with a partner, …). */
  counts: z.boolean(),
  /** Meetings: its status code; activities: its kind code; plans: short/long. */
  code: z.string().nullable(),
  /** Meetings: members present of the term's members. */
  attended: z.number().int().nullable(),
  members: z.number().int().nullable(),
  /** Activities: the partners' names. */
  partners: z.array(z.string()),
  /** A committee term: what breaks the composition rule, with the counts found. */
  problems: z.array(z.object({ problem: z.enum(COMPOSITION_PROBLEMS), found: z.number().int() })),
});
export const indicatorRecordsSchema = z.object({
  unit: z.string(),
  indicator: centerIndicatorSchema,
  fiscalYear: z.number().int(),
  from: z.string(),
  to: z.string(),
  status: cellStatusSchema,
  items: z.array(indicatorRecordSchema),
});
export type IndicatorRecord = z.infer<typeof indicatorRecordSchema>;
export type IndicatorRecords = z.infer<typeof indicatorRecordsSchema>;
