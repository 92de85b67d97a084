import { z } from 'zod';
import { positiveSatang } from './budget';
import { idSchema, isoDate, localUnitCodeSchema, orgUnitCodeSchema, text } from './fields';
import { pageQuery, pageResponse } from './paging';

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
  borrowerId: idSchema,
  approverId: idSchema,
  itemId: idSchema.optional(),
  purpose: text().trim().min(3).max(1000),
  ruleCode: text().trim().min(1).max(50),
  amountSatang: positiveSatang,
  receivedOn: isoDate,
  returnedOn: isoDate.optional().describe('For travel: the day the borrower came back'),
});

export const repaymentBody = z.strictObject({
  kind: z.enum(['cash', 'receipts']),
  amountSatang: positiveSatang,
  repaidOn: isoDate,
});

export const ADVANCE_STATUSES = ['open', 'overdue', 'repaid'] as const;

export const advanceSchema = z.object({
  id: z.number().int(),
  contractNo: z.string().describe('The contract number on paper: its place in the unit\'s fiscal year, then the year ("3/2570")'),
  orgUnitCode: z.string(),
  borrowerId: z.number().int(),
  borrowerName: z.string(),
  approverId: z.number().int(),
  approverName: z.string(),
  purpose: z.string(),
  ruleCode: z.string(),
  amountSatang: z.string(),
  repaidSatang: z.string(),
  balanceSatang: z.string(),
  receivedOn: z.string(),
  dueOn: z.string(),
  status: z.enum(ADVANCE_STATUSES),
  repayments: z.array(
    z.object({ id: z.number(), kind: z.enum(['cash', 'receipts']), amountSatang: z.string(), repaidOn: z.string() }),
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
