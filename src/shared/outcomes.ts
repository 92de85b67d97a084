import { z } from 'zod';
import { districtCodeSchema, idParam, idSchema, isoDate, orgUnitCodeSchema, text } from './fields';
import { pageQuery, pageResponse } from './paging';
import { patchBody } from './patch';
import { monthSchema } from './sales';
import { attachmentSchema } from './wisdom';

export const OUTCOME_KINDS = [
  'new_product',
  'certificate',
  'new_channel',
  'income_increase',
  'jobs_created',
  'funding_received',
  'became_sme',
  'became_social_enterprise',
  'became_social_business',
] as const;
export type OutcomeKind = (typeof OUTCOME_KINDS)[number];

/** The linked record each kind needs as evidence (growth kinds are proven by an attachment instead). */
export const OUTCOME_LINK: Partial<Record<OutcomeKind, LinkField>> = {
  new_product: 'productId',
  certificate: 'certificationId',
  new_channel: 'channelCode',
  funding_received: 'fundingApplicationId',
  jobs_created: 'jobsCount',
  income_increase: 'income',
};
type LinkField = 'productId' | 'certificationId' | 'channelCode' | 'fundingApplicationId' | 'jobsCount' | 'income';
const LINK_FIELDS: LinkField[] = ['productId', 'certificationId', 'channelCode', 'fundingApplicationId', 'jobsCount', 'income'];

const period = z.strictObject({ from: monthSchema, to: monthSchema });

const outcomeFields = {
  groupId: idSchema,
  kind: z.enum(OUTCOME_KINDS),
  happenedOn: isoDate.describe('When it happened (not in the future)'),
  reportedOn: isoDate.describe('When it was reported (not before it happened, not in the future)'),
  description: text().trim().min(3).max(5000),
  productId: idSchema.optional().describe("new_product: the group's product"),
  certificationId: idSchema.optional().describe("certificate: a certificate of the group's producer or products"),
  channelCode: z.string().trim().min(1).max(50).optional().describe('new_channel: a sales_channel code'),
  fundingApplicationId: idSchema.optional().describe("funding_received: the group's approved application"),
  jobsCount: z.number().int().min(1).max(100_000).optional().describe('jobs_created: how many'),
  income: z
    .strictObject({ before: period, after: period })
    .optional()
    .describe('income_increase: two periods of months; the income of each is read from the sales records'),
};

type OutcomeShape = { kind: OutcomeKind; happenedOn: string; reportedOn: string } & Partial<Record<LinkField, unknown>> & {
    income?: { before: { from: string; to: string }; after: { from: string; to: string } };
  };

function outcomeRules(body: OutcomeShape, ctx: z.RefinementCtx) {
  const needed = OUTCOME_LINK[body.kind];
  for (const field of LINK_FIELDS) {
    const given = body[field] !== undefined;
    if (field === needed && !given)
      ctx.addIssue({ code: 'custom', path: [field], input: undefined, message: 'Required for this kind of outcome' });
    if (field !== needed && given)
      ctx.addIssue({ code: 'custom', path: [field], input: body[field], message: 'Not for this kind of outcome' });
  }
  if (body.reportedOn < body.happenedOn)
    ctx.addIssue({ code: 'custom', path: ['reportedOn'], input: body.reportedOn, message: 'Cannot be before the event date' });
  const income = body.income;
  if (income) {
    const bad = (path: string[]) =>
      ctx.addIssue({ code: 'custom', path: ['income', ...path], input: undefined, message: 'The periods are out of order' });
    if (income.before.from > income.before.to) bad(['before', 'to']);
    if (income.after.from > income.after.to) bad(['after', 'to']);
    if (income.before.to >= income.after.from) bad(['after', 'from']);
  }
}

export const createOutcomeBody = z.strictObject({ orgUnitCode: districtCodeSchema, ...outcomeFields }).superRefine(outcomeRules);
/** An outcome as a whole, with the version read: what a change must leave valid (and what the edit form checks). */
export const outcomeChange = z.strictObject({ version: z.number().int().min(1), ...outcomeFields }).superRefine(outcomeRules);
/** A new `kind` comes with its own evidence field, and `null` for the old one's. */
export const updateOutcomeBody = patchBody(outcomeFields);

const named = z.object({ id: z.number().int(), name: z.string() });

export const outcomeSchema = z.object({
  id: z.number().int(),
  orgUnitCode: z.string(),
  group: named,
  kind: z.enum(OUTCOME_KINDS),
  happenedOn: z.string(),
  reportedOn: z.string(),
  description: z.string(),
  product: named.nullable(),
  certification: named.nullable(),
  fundingApplication: z
    .object({ id: z.number().int(), sourceCode: z.string(), approvedSatang: z.string().nullable() })
    .nullable(),
  channelCode: z.string().nullable(),
  jobsCount: z.number().int().nullable(),
  income: z
    .object({
      before: z.object({ from: z.string(), to: z.string(), amountSatang: z.string() }),
      after: z.object({ from: z.string(), to: z.string(), amountSatang: z.string() }),
    })
    .nullable(),
  recordedBy: named,
  verifiedBy: named.nullable(),
  verifiedAt: z.string().nullable(),
  attachments: z.array(attachmentSchema),
  version: z.number().int(),
});
export type Outcome = z.infer<typeof outcomeSchema>;

export const outcomeListQuery = z.strictObject({
  unit: orgUnitCodeSchema.optional(),
  groupId: idParam.optional(),
  kind: z.enum(OUTCOME_KINDS).optional(),
  verified: z.enum(['yes', 'no']).optional().describe('yes: verified only; no: waiting for verification'),
  toVerify: z.enum(['mine']).optional().describe('mine: waiting, and not recorded by you (what you may verify)'),
  ...pageQuery,
});
export const outcomeListResponse = pageResponse(outcomeSchema);
