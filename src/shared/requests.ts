import { z } from 'zod';
import { districtCodeSchema, idParam, idSchema, isoDate, lockedSchema, orgUnitCodeSchema, phoneSchema, text } from './fields';
import { pageQuery, pageResponse } from './paging';
import { patchBody } from './patch';

/** How a request reached the center; `portal` requests come from the public portal, never from this form. */
export const REQUEST_CHANNELS = ['walk_in', 'phone', 'letter', 'portal'] as const;
export const RECORDED_CHANNELS = ['walk_in', 'phone', 'letter'] as const;
export const REQUEST_STATUSES = ['new', 'accepted', 'in_progress', 'done', 'referred', 'declined'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/** The moves a request's status may make; done, referred and declined are final (a referred one may be referred again). */
export const REQUEST_MOVES: Record<RequestStatus, readonly RequestStatus[]> = {
  new: ['accepted', 'declined'],
  accepted: ['in_progress', 'done', 'declined'],
  in_progress: ['done'],
  done: [],
  referred: [],
  declined: [],
};
/** Statuses a request may be referred from (referring sets it to `referred`). */
export const REFERABLE: readonly RequestStatus[] = ['accepted', 'in_progress', 'referred'];

export const REFERRAL_LEVELS = ['province', 'national', 'partner'] as const;
export const REFERRAL_STATUSES = ['sent', 'accepted', 'completed', 'not_accepted'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];
export const REFERRAL_MOVES: Record<ReferralStatus, readonly ReferralStatus[]> = {
  sent: ['accepted', 'not_accepted'],
  accepted: ['completed', 'not_accepted'],
  completed: [],
  not_accepted: [],
};
/** A referral still without a result this many days after it was sent appears in "my tasks". */
export const REFERRAL_RESULT_DAYS = 30;

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM');

const requestFields = {
  channel: z.enum(RECORDED_CHANNELS),
  receivedOn: isoDate,
  personId: idSchema.optional().describe('A person of the district'),
  groupId: idSchema.optional().describe('A group of the district'),
  clientName: text().trim().max(200).default('').describe('As given, for someone not in the register'),
  clientPhone: phoneSchema.optional(),
  subjectCode: z.string().trim().min(1).max(50).describe('A service_type code'),
  description: text().trim().min(1).max(5000),
};

type RequestShape = { personId?: number; groupId?: number; clientName: string };
function requestRules(body: RequestShape, ctx: z.RefinementCtx) {
  if (!body.personId && !body.groupId && !body.clientName)
    ctx.addIssue({
      code: 'custom',
      path: ['clientName'],
      input: body.clientName,
      message: 'A client: a person, a group or a name',
    });
}

export const createRequestBody = z.strictObject({ orgUnitCode: districtCodeSchema, ...requestFields }).superRefine(requestRules);
/** A portal request keeps its channel when an officer completes it (links the person on file, corrects the words). */
const changedRequestFields = { ...requestFields, channel: z.enum(REQUEST_CHANNELS) };
/** A request's fields as a whole, with the version read: what a change must leave valid. */
export const requestChange = z
  .strictObject({ version: z.number().int().min(1), ...changedRequestFields })
  .superRefine(requestRules);
export const updateRequestBody = patchBody(changedRequestFields);

export const moveRequestBody = z
  .strictObject({
    version: z.number().int().min(1),
    status: z.enum(REQUEST_STATUSES),
    declineReason: text().trim().min(1).max(2000).optional(),
    serviceId: idSchema.optional().describe('The service that answers it (in progress or done only)'),
  })
  .superRefine((body, ctx) => {
    if (body.status === 'declined' && !body.declineReason)
      ctx.addIssue({ code: 'custom', path: ['declineReason'], input: body.declineReason, message: 'Say why it is declined' });
  });

const named = z.object({ id: z.number().int(), name: z.string() });

export const requestSchema = z.object({
  id: z.number().int(),
  orgUnitCode: z.string(),
  referenceCode: z.string(),
  channel: z.enum(REQUEST_CHANNELS),
  receivedOn: z.string(),
  person: named.nullable(),
  group: named.nullable(),
  clientName: z.string(),
  clientPhone: z.string().nullable(),
  subjectCode: z.string(),
  description: z.string(),
  status: z.enum(REQUEST_STATUSES),
  declineReason: z.string().nullable(),
  service: z.object({ id: z.number().int(), serviceDate: z.string() }).nullable(),
  createdBy: z.number().int().nullable(),
  version: z.number().int(),
  locked: lockedSchema,
});
export type ServiceRequest = z.infer<typeof requestSchema>;

/** One request with its status history (from the audit log: who moved it when). */
export const requestDetailSchema = requestSchema.extend({
  history: z.array(
    z.object({
      status: z.enum(REQUEST_STATUSES),
      at: z.string(),
      by: z.string().nullable().describe('Null: the requester, through the public portal'),
    }),
  ),
});
export type ServiceRequestDetail = z.infer<typeof requestDetailSchema>;

export const requestListQuery = z.strictObject({
  unit: orgUnitCodeSchema.optional(),
  status: z.enum(REQUEST_STATUSES).optional(),
  channel: z.enum(REQUEST_CHANNELS).optional(),
  subject: z.string().trim().max(50).optional().describe('A service_type code'),
  month: month.optional().describe('Received in this month (Gregorian YYYY-MM)'),
  groupId: idParam.optional(),
  personId: idParam.optional(),
  q: z.string().trim().max(200).optional().describe('Thai words in the client, description or reference code'),
  ...pageQuery,
});
export const requestListResponse = pageResponse(requestSchema);

export const createReferralBody = z
  .strictObject({
    requestId: idSchema.optional(),
    serviceId: idSchema.optional(),
    personId: idSchema.optional().describe("Defaults to the request's person; from a service, one of its clients"),
    groupId: idSchema.optional().describe("Defaults to the request's group; from a service, one of its clients"),
    targetLevel: z.enum(REFERRAL_LEVELS),
    partnerId: idSchema.optional().describe('A partner of the district (target level partner only)'),
    targetName: text().trim().max(300).default('').describe('The agency by name (province or national)'),
    reason: text().trim().min(1).max(2000),
    referredOn: isoDate,
  })
  .superRefine((body, ctx) => {
    if (!body.requestId && !body.serviceId)
      ctx.addIssue({ code: 'custom', path: ['requestId'], input: body.requestId, message: 'From a request or a service' });
    if (body.targetLevel === 'partner' && !body.partnerId)
      ctx.addIssue({ code: 'custom', path: ['partnerId'], input: body.partnerId, message: 'Choose the partner' });
    if (body.targetLevel !== 'partner' && body.partnerId)
      ctx.addIssue({ code: 'custom', path: ['partnerId'], input: body.partnerId, message: 'Only for a partner' });
    if (body.targetLevel !== 'partner' && !body.targetName)
      ctx.addIssue({ code: 'custom', path: ['targetName'], input: body.targetName, message: 'Name the agency' });
  });

/** What came of a referral: its status (moved along REFERRAL_MOVES, or kept), the result and its date. */
const referralResultFields = {
  status: z.enum(REFERRAL_STATUSES),
  result: text().trim().max(5000).default(''),
  resultOn: isoDate.optional(),
};
/** A referral's result as a whole, with the version read: what a change must leave valid. */
export const referralChange = z
  .strictObject({ version: z.number().int().min(1), ...referralResultFields })
  .superRefine((body, ctx) => {
    if ((body.status === 'completed' || body.status === 'not_accepted') && !body.resultOn)
      ctx.addIssue({ code: 'custom', path: ['resultOn'], input: body.resultOn, message: 'The date of the result' });
  });
export const updateReferralBody = patchBody(referralResultFields);

export const referralSchema = z.object({
  id: z.number().int(),
  orgUnitCode: z.string(),
  request: z.object({ id: z.number().int(), referenceCode: z.string() }).nullable(),
  serviceId: z.number().int().nullable(),
  person: named.nullable(),
  group: named.nullable(),
  targetLevel: z.enum(REFERRAL_LEVELS),
  partner: named.nullable(),
  targetName: z.string(),
  reason: z.string(),
  referredOn: z.string(),
  status: z.enum(REFERRAL_STATUSES),
  result: z.string(),
  resultOn: z.string().nullable(),
  createdBy: z.number().int(),
  version: z.number().int(),
});
export type Referral = z.infer<typeof referralSchema>;

export const referralListQuery = z.strictObject({
  unit: orgUnitCodeSchema.optional(),
  status: z.enum(REFERRAL_STATUSES).optional(),
  target: z.enum(REFERRAL_LEVELS).optional(),
  groupId: idParam.optional(),
  personId: idParam.optional(),
  requestId: idParam.optional(),
  serviceId: idParam.optional(),
  partnerId: idParam.optional(),
  result: z.enum(['overdue']).optional().describe(`overdue: still without a result ${REFERRAL_RESULT_DAYS} days after`),
  ...pageQuery,
});
export const referralListResponse = pageResponse(referralSchema);
