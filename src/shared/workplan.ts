import { z } from 'zod';
import { orgUnitCodeSchema } from './fields';
import { REPORT_STATUSES, reportSummarySchema } from './reports';

export const workplanQuery = z.strictObject({ unit: orgUnitCodeSchema.optional() });

/** A certificate of the district expiring within this many days shows on its work plan. */
export const CERTIFICATE_WARNING_DAYS = 90;

const quarterRef = z.object({ fiscalYear: z.number().int(), quarter: z.number().int() });
/** A report's status, or `missing` when the district has not started one. */
export const WORKPLAN_REPORT_STATUSES = [...REPORT_STATUSES, 'missing'] as const;
const reportState = z.enum(WORKPLAN_REPORT_STATUSES);

/** What a district officer must do today: this quarter's meeting, this month's activity, what falls due. */
export const districtWorkplanSchema = z.object({
  meeting: z.object({ status: z.enum(['held', 'planned', 'none']), on: z.string().nullable(), id: z.number().int().nullable() }),
  activity: z.object({ doneOn: z.string().nullable(), id: z.number().int().nullable(), title: z.string().nullable() }),
  certificates: z.array(z.object({ id: z.number().int(), certificateNo: z.string(), expiresOn: z.string() })),
  resolutions: z.array(z.object({ id: z.number().int(), meetingId: z.number().int(), text: z.string(), dueOn: z.string() })),
  advances: z.array(z.object({ id: z.number().int(), purpose: z.string(), dueOn: z.string(), amountSatang: z.string() })),
  /** The report to write or fix: a returned one, else the last ended quarter's while not yet sent; null when none. */
  report: quarterRef.extend({ id: z.number().int().nullable(), status: reportState, reviewComment: z.string() }).nullable(),
  budget: z.object({ receivedSatang: z.string(), spentSatang: z.string(), remainingSatang: z.string() }),
});

/** What a province officer must do: reports waiting for review, late districts, each district's report. */
export const provinceWorkplanSchema = z.object({
  waiting: z.array(
    quarterRef.extend({
      id: z.number().int(),
      orgUnitCode: z.string(),
      nameTh: z.string(),
      nameEn: z.string(),
      submittedAt: z.string().nullable(),
    }),
  ),
  /** The last ended quarter whose reports are due by now (15 days after its end). */
  dueQuarter: quarterRef.extend({ dueOn: z.string() }),
  districts: z.array(
    z.object({
      code: z.string(),
      nameTh: z.string(),
      nameEn: z.string(),
      status: reportState,
      reportId: z.number().int().nullable(),
      late: z.boolean(),
    }),
  ),
});

export const workplanSchema = z.object({
  unit: z.string(),
  today: z.string(),
  fiscalYear: z.number().int(),
  quarter: z.number().int(),
  district: districtWorkplanSchema.nullable(),
  province: provinceWorkplanSchema.nullable(),
  /** The department's view: the due quarter's reports by province. */
  national: reportSummarySchema.nullable(),
});
export type Workplan = z.infer<typeof workplanSchema>;
export type DistrictWorkplan = z.infer<typeof districtWorkplanSchema>;
export type ProvinceWorkplan = z.infer<typeof provinceWorkplanSchema>;
