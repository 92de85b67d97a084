import { z } from 'zod';
import { EXPENSE_CATEGORIES, positiveSatang } from './budget';
import { idSchema, isoDate, localUnitCodeSchema, text } from './fields';

export const PROCUREMENT_METHODS = ['specific', 'selection', 'e_bidding', 'none'] as const;

export const createDisbursementBody = z.strictObject({
  itemId: idSchema,
  orgUnitCode: localUnitCodeSchema,
  paidOn: isoDate,
  description: text().trim().min(1).max(500),
  category: z.enum(EXPENSE_CATEGORIES),
  amountSatang: positiveSatang,
  procurementMethod: z.enum(PROCUREMENT_METHODS),
  vendor: text().trim().max(300).default(''),
  documentNo: text().trim().min(1).max(100),
});

export const disbursementSchema = z.object({
  id: z.number().int(),
  paidOn: z.string(),
  description: z.string(),
  category: z.enum(EXPENSE_CATEGORIES),
  amountSatang: z.string(),
  procurementMethod: z.enum(PROCUREMENT_METHODS),
  vendor: z.string(),
  documentNo: z.string(),
  balanceAfterSatang: z.string().describe('What was left of the allocation after this payment'),
});

export const spendingResponse = z.object({
  allocatedSatang: z.string(),
  spentSatang: z.string(),
  balanceSatang: z.string(),
  byQuarter: z.array(
    z.object({
      quarter: z.number().int(),
      spentSatang: z.string(),
      cumulativeShare: z.number().describe('Spent by the end of the quarter, as a share of the allocation'),
    }),
  ),
  items: z.array(disbursementSchema),
});
export type Spending = z.infer<typeof spendingResponse>;
