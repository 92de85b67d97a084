import { z } from 'zod';
import { idParam, monthSchema, orgUnitCodeSchema } from './fields';
import { pageQuery, pageResponse } from './paging';

/** Every kind of work the center records, as the district work log shows it. */
export const WORKLOG_TYPES = [
  'service',
  'trip',
  'request',
  'referral',
  'activity',
  'needs',
  'project_update',
  'sales',
  'funding',
  'outcome',
  'lesson',
] as const;
export type WorklogType = (typeof WORKLOG_TYPES)[number];

export const worklogQuery = z.strictObject({
  unit: orgUnitCodeSchema.optional(),
  month: monthSchema.optional().describe('The month (Gregorian YYYY-MM); the current month when left out'),
  type: z.enum(WORKLOG_TYPES).optional(),
  mode: z.enum(['center', 'outreach']).optional().describe('Services and outreach trips given this way only'),
  staffId: idParam.optional().describe('Work given or recorded by this user'),
  partnerId: idParam.optional().describe('Work done with this partner (services, activities, referrals)'),
  ...pageQuery,
});

export const worklogEntrySchema = z.object({
  type: z.enum(WORKLOG_TYPES),
  id: z.number().int(),
  /** The record to open: the entry itself, or its group (needs, sales), plan (project updates) or request. */
  linkId: z.number().int().nullable(),
  on: z.string(),
  orgUnitCode: z.string(),
  unitNameTh: z.string(),
  unitNameEn: z.string(),
  title: z.string(),
  detail: z.string(),
  /** The record's own code value (status, kind or mode); the web names it. */
  code: z.string().nullable(),
  amountSatang: z.string().nullable(),
  people: z.string(),
});
export type WorklogEntry = z.infer<typeof worklogEntrySchema>;

export const worklogResponse = pageResponse(worklogEntrySchema).extend({
  month: z.string(),
  counts: z.array(z.object({ type: z.enum(WORKLOG_TYPES), count: z.number().int() })),
});
export type Worklog = z.infer<typeof worklogResponse>;
