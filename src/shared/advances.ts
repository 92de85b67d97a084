import { z } from 'zod';
import { positiveSatang } from './budget';
import { approvalSchema } from './delegations';
import { idSchema, isoDate, localUnitCodeSchema, orgUnitCodeSchema, text } from './fields';
import { pageQuery, pageResponse } from './paging';
import { paymentFields } from './spending';

export const advanceRuleSchema = z.object({
  code: z.string(),
  nameTh: z.string(),
  nameEn: z.string(),
  days: z.number().int(),
  countsFrom: z.enum(['receipt', 'return']),
  reference: z.string(),
});
export type AdvanceRule = z.infer<typeof advanceRuleSchema>;

export const createAdvanceBody = z.strictObject({
  orgUnitCode: localUnitCodeSchema,
  borrowerId: idSchema.describe('An official of the unit (not a committee member or viewer)'),
  itemId: idSchema.describe('The budget activity the advance is drawn on; never more than the unit has unspent'),
  purpose: text().trim().min(3).max(1000),
  ruleCode: text().trim().min(1).max(50),
  amountSatang: positiveSatang,
  receivedOn: isoDate,
  returnedOn: isoDate.optional().describe('For travel: the day the borrower came back'),
});

/** A receipt names whom it paid, unless nothing was procured. */
export const VENDOR_REQUIRED = 'A vendor is needed unless the procurement method is none';

/** One receipt handed in to clear an advance: it becomes a payment (disbursement) of the advance's allocation. */
export const receiptBody = z.strictObject(paymentFields).refine((r) => r.procurementMethod === 'none' || r.vendor.length > 0, {
  path: ['vendor'],
  message: VENDOR_REQUIRED,
});

export const repaymentBody = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('cash'), amountSatang: positiveSatang, repaidOn: isoDate }),
  z.strictObject({ kind: z.literal('receipts'), repaidOn: isoDate, receipts: z.array(receiptBody).min(1).max(100) }),
]);

export const ADVANCE_STATUSES = ['requested', 'open', 'overdue', 'repaid', 'rejected'] as const;

export const advanceSchema = z.object({
  id: z.number().int(),
  contractNo: z.string().describe('The contract number on paper: its place in the unit\'s fiscal year, then the year ("3/2570")'),
  orgUnitCode: z.string(),
  borrowerId: z.number().int(),
  borrowerName: z.string(),
  borrowerPosition: z.string(),
  borrowerOffice: z.string(),
  requestedBy: z.number().int(),
  itemId: z.number().int().nullable(),
  itemName: z.string(),
  approval: approvalSchema
    .nullable()
    .describe('Who decided (approved, or for a rejected advance refused), when, and the delegation order relied on'),
  decisionNote: z.string().describe('The reason given with a rejection'),
  purpose: z.string(),
  ruleCode: z.string(),
  amountSatang: z.string(),
  repaidSatang: z.string(),
  balanceSatang: z.string(),
  receivedOn: z.string(),
  dueOn: z.string(),
  status: z.enum(ADVANCE_STATUSES),
  repayments: z.array(
    z.object({
      id: z.number(),
      kind: z.enum(['cash', 'receipts']),
      amountSatang: z.string(),
      repaidOn: z.string(),
      receipts: z.array(
        z.object({ disbursementId: z.number().int(), documentNo: z.string(), description: z.string(), amountSatang: z.string() }),
      ),
    }),
  ),
  version: z.number().int(),
});
export type Advance = z.infer<typeof advanceSchema>;

export const advanceListQuery = z.strictObject({
  unit: orgUnitCodeSchema.optional(),
  status: z.enum(ADVANCE_STATUSES).optional(),
  ...pageQuery,
});
export const advanceListResponse = pageResponse(advanceSchema);
