import { z } from 'zod';
import { positiveSatang } from './budget';
import { districtCodeSchema, idParam, idSchema, isoDate, lockedSchema, orgUnitCodeSchema, text } from './fields';
import { pageQuery, pageResponse } from './paging';
import { patchBody } from './patch';

export const FUNDING_STATUSES = ['applied', 'approved', 'rejected', 'withdrawn'] as const;
export type FundingStatus = (typeof FUNDING_STATUSES)[number];

const fundingFields = {
  groupId: idSchema,
  sourceCode: z.string().trim().min(1).max(50).describe('A code of the funding_source list'),
  referralId: idSchema.optional().describe('The referral it came from (same district and group)'),
  purpose: text().trim().min(3).max(2000),
  askedSatang: positiveSatang,
  appliedOn: isoDate,
  note: text().trim().max(2000).default(''),
};

export const createFundingBody = z.strictObject({ orgUnitCode: districtCodeSchema, ...fundingFields });
/** An application as a whole, with the version read: what a change must leave valid (and what imports send). */
export const fundingChange = z.strictObject({ version: z.number().int().min(1), ...fundingFields });
export const updateFundingBody = patchBody(fundingFields);

/**
 * A decision on an application, recorded as its own act: approved (amount, date, a reason when more than asked,
 * and the day the money came), rejected (date), withdrawn by the group, or back to applied (undoing a decision).
 */
export const fundingDecisionBody = z
  .strictObject({
    version: z.number().int().min(1),
    status: z.enum(FUNDING_STATUSES),
    approvedSatang: positiveSatang.optional(),
    approvedReason: text().trim().max(1000).optional(),
    decidedOn: isoDate.optional(),
    receivedOn: isoDate.optional(),
  })
  .superRefine((b, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], input: undefined, message });
    const decided = b.status === 'approved' || b.status === 'rejected';
    if (b.status === 'approved' && !b.approvedSatang) issue('approvedSatang', 'Required for an approval');
    if (decided && !b.decidedOn) issue('decidedOn', 'Required for a decision');
    if (b.status !== 'approved' && (b.approvedSatang || b.approvedReason || b.receivedOn))
      issue('status', 'Only an approval has an amount, a reason or a received date');
    if (!decided && b.decidedOn) issue('decidedOn', 'Only an approval or a rejection has a decision date');
    if (b.receivedOn && b.decidedOn && b.receivedOn < b.decidedOn) issue('receivedOn', 'Cannot be before the decision');
  });

export const fundingSchema = z.object({
  id: z.number().int(),
  orgUnitCode: z.string(),
  group: z.object({ id: z.number().int(), name: z.string() }),
  sourceCode: z.string(),
  referralId: z.number().int().nullable(),
  purpose: z.string(),
  askedSatang: z.string(),
  appliedOn: z.string(),
  status: z.enum(FUNDING_STATUSES),
  approvedSatang: z.string().nullable(),
  approvedReason: z.string().nullable(),
  decidedOn: z.string().nullable(),
  receivedOn: z.string().nullable(),
  note: z.string(),
  createdBy: z.number().int(),
  version: z.number().int(),
  locked: lockedSchema,
});
export type FundingApplication = z.infer<typeof fundingSchema>;

export const fundingListQuery = z.strictObject({
  unit: orgUnitCodeSchema.optional(),
  groupId: idParam.optional(),
  status: z.enum(FUNDING_STATUSES).optional(),
  source: z.string().trim().max(50).optional().describe('A funding_source code'),
  ...pageQuery,
});
export const fundingListResponse = pageResponse(fundingSchema);
