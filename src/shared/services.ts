import { z } from 'zod';
import { districtCodeSchema, idParam, idSchema, isoDate, lockedSchema, monthSchema, orgUnitCodeSchema, text } from './fields';
import { pageQuery, pageResponse } from './paging';
import { patchBody } from './patch';

/** At the center (เชิงรับ) or mobile outreach (เชิงรุก), DOMAIN.md §1. */
export const SERVICE_MODES = ['center', 'outreach'] as const;
/** How an outreach came about: planned, asked for, or an emergency. */
export const OUTREACH_KINDS = ['scheduled', 'on_demand', 'emergency'] as const;
export const FOLLOW_UP_STATUSES = ['pending', 'done', 'cancelled'] as const;

const ids = (max: number) => z.array(idSchema).max(max).default([]);

const serviceFields = {
  serviceDate: isoDate,
  mode: z.enum(SERVICE_MODES),
  outreachKind: z.enum(OUTREACH_KINDS).optional().describe('Required for outreach, absent at the center'),
  tripId: idSchema.optional().describe('The outreach trip it was given on (same district and date)'),
  personIds: ids(200),
  groupIds: ids(100),
  typeCodes: z.array(z.string().trim().min(1).max(50)).min(1).max(20).describe('Codes of the service_type list'),
  description: text().trim().min(1).max(5000),
  staffIds: z.array(idSchema).min(1).max(30).describe('Staff and committee members of the district who gave it'),
  partnerIds: ids(30),
  durationMinutes: z.number().int().min(1).max(14_400),
  outcome: text().trim().max(5000).default(''),
  followUpOn: isoDate.optional(),
  followUpStatus: z.enum(FOLLOW_UP_STATUSES).optional(),
};

type ServiceShape = {
  mode: string;
  outreachKind?: string;
  tripId?: number;
  serviceDate: string;
  personIds: number[];
  groupIds: number[];
  followUpOn?: string;
  followUpStatus?: string;
};

/** Rules between fields, checked the same in the form and on the server (the clock-bound ones are the server's). */
function serviceRules(body: ServiceShape, ctx: z.RefinementCtx) {
  if (!body.personIds.length && !body.groupIds.length)
    ctx.addIssue({
      code: 'custom',
      path: ['personIds'],
      input: body.personIds,
      message: 'At least one client: a person or a group',
    });
  if (body.mode === 'outreach' && !body.outreachKind)
    ctx.addIssue({ code: 'custom', path: ['outreachKind'], input: body.outreachKind, message: 'Required for outreach' });
  if (body.mode === 'center' && (body.outreachKind || body.tripId))
    ctx.addIssue({
      code: 'custom',
      path: ['mode'],
      input: body.mode,
      message: 'A service at the center has no outreach kind or trip',
    });
  if (body.followUpOn && body.followUpOn <= body.serviceDate)
    ctx.addIssue({ code: 'custom', path: ['followUpOn'], input: body.followUpOn, message: 'Must be after the service date' });
  if (!body.followUpOn && body.followUpStatus)
    ctx.addIssue({
      code: 'custom',
      path: ['followUpOn'],
      input: body.followUpOn,
      message: 'A follow-up status needs a follow-up date',
    });
}

export const createServiceBody = z.strictObject({ orgUnitCode: districtCodeSchema, ...serviceFields }).superRefine(serviceRules);
/** A service's fields as a whole, with the version read: what a change must leave valid (and what imports send). */
export const serviceChange = z.strictObject({ version: z.number().int().min(1), ...serviceFields }).superRefine(serviceRules);
export const updateServiceBody = patchBody(serviceFields);

const named = z.object({ id: z.number().int(), name: z.string() });

export const serviceSchema = z.object({
  id: z.number().int(),
  orgUnitCode: z.string(),
  serviceDate: z.string(),
  mode: z.enum(SERVICE_MODES),
  outreachKind: z.enum(OUTREACH_KINDS).nullable(),
  tripId: z.number().int().nullable(),
  people: z.array(named),
  groups: z.array(named),
  typeCodes: z.array(z.string()),
  description: z.string(),
  staff: z.array(named),
  partners: z.array(named),
  durationMinutes: z.number().int(),
  outcome: z.string(),
  followUpOn: z.string().nullable(),
  followUpStatus: z.enum(FOLLOW_UP_STATUSES).nullable(),
  createdBy: z.number().int(),
  version: z.number().int(),
  locked: lockedSchema,
});
export type Service = z.infer<typeof serviceSchema>;

export const serviceListQuery = z.strictObject({
  unit: orgUnitCodeSchema.optional(),
  month: monthSchema.optional().describe('Services of this month (Gregorian YYYY-MM)'),
  mode: z.enum(SERVICE_MODES).optional(),
  type: z.string().trim().max(50).optional().describe('A service_type code'),
  staffId: idParam.optional().describe('Given by this user'),
  groupId: idParam.optional().describe('Given to this group'),
  personId: idParam.optional().describe('Given to this person'),
  tripId: idParam.optional(),
  followUp: z.enum(['overdue']).optional().describe('overdue: a pending follow-up dated before today'),
  q: z.string().trim().max(200).optional(),
  ...pageQuery,
});
export const serviceListResponse = pageResponse(serviceSchema);

const tripFields = {
  tripDate: isoDate,
  staffIds: z.array(idSchema).min(1).max(30).describe('The team: users of the district'),
  places: z.array(text().trim().min(1).max(200)).min(1).max(50).describe('Villages or subdistricts visited'),
  note: text().trim().max(2000).default(''),
};
export const createTripBody = z.strictObject({ orgUnitCode: districtCodeSchema, ...tripFields });
/** A trip's fields as a whole, with the version read: what a change must leave valid. */
export const tripChange = z.strictObject({ version: z.number().int().min(1), ...tripFields });
export const updateTripBody = patchBody(tripFields);

export const tripSchema = z.object({
  id: z.number().int(),
  orgUnitCode: z.string(),
  tripDate: z.string(),
  staff: z.array(named),
  places: z.array(z.string()),
  note: z.string(),
  serviceCount: z.number().int(),
  version: z.number().int(),
  locked: lockedSchema,
});
export type OutreachTrip = z.infer<typeof tripSchema>;
export const tripListQuery = z.strictObject({
  unit: orgUnitCodeSchema.optional(),
  month: monthSchema.optional(),
  ...pageQuery,
});
export const tripListResponse = pageResponse(tripSchema);
