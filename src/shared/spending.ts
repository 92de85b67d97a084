import { z } from 'zod';
import { EXPENSE_CATEGORIES, positiveSatang } from './budget';
import { approvalSchema } from './delegations';
import { fiscalYearSchema, idSchema, isoDate, localUnitCodeSchema, orgUnitCodeSchema, text } from './fields';

/** Methods of the Public Procurement Act B.E. 2560 (e-market, e-bidding, selection, specific), or none (not a purchase). */
export const PROCUREMENT_METHODS = ['e_market', 'e_bidding', 'selection', 'specific', 'none'] as const;
export const DISBURSEMENT_STATUSES = ['pending', 'approved', 'rejected'] as const;

/** What a payment says, whether recorded on its own or handed in as a receipt clearing a cash advance. */
export const paymentFields = {
  paidOn: isoDate,
  description: text().trim().min(1).max(500),
  category: z.enum(EXPENSE_CATEGORIES),
  amountSatang: positiveSatang,
  procurementMethod: z.enum(PROCUREMENT_METHODS),
  vendor: text().trim().max(300).default('').describe('Required for every method but none'),
  documentNo: text().trim().min(1).max(100),
  outsideQuarterReason: text()
    .trim()
    .max(1000)
    .default('')
    .describe('Required when paidOn falls outside the quarters the unit was allocated money for'),
};

export const createDisbursementBody = z.strictObject({
  itemId: idSchema,
  orgUnitCode: localUnitCodeSchema,
  ...paymentFields,
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
  outsideQuarterReason: z.string(),
  status: z.enum(DISBURSEMENT_STATUSES),
  approval: approvalSchema.nullable(),
  decisionNote: z.string(),
  advanceId: z.number().int().nullable().describe('Set for receipts that cleared a cash advance'),
  requestedByName: z.string(),
  version: z.number().int(),
  balanceAfterSatang: z.string().describe('What was left of the allocation after this payment (approved ones only)'),
});

export const spendingResponse = z.object({
  allocatedSatang: z.string(),
  spentSatang: z.string().describe('Approved payments'),
  pendingSatang: z.string().describe('Payments waiting for approval, held from the balance'),
  advancedSatang: z.string().describe('Cash advances on this allocation not yet cleared, held from the balance'),
  balanceSatang: z.string().describe('allocated − spent − pending − advanced'),
  quarters: z.array(z.number().int()).describe('The quarters the unit was allocated money for'),
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

/** Roll-up of one fiscal year's money under a unit: a row per unit one level down (and the unit's own share). */
export const rollupQuery = z.strictObject({
  unit: orgUnitCodeSchema,
  fiscalYear: fiscalYearSchema,
  itemId: z.coerce.number().int().min(1).optional().describe('One activity; default: every activity of the year'),
});

export const rollupRowSchema = z.object({
  unitCode: z.string(),
  nameTh: z.string(),
  nameEn: z.string(),
  ownShare: z.boolean().describe("The unit's own spending (a province's own share), not a unit below"),
  allocatedSatang: z.string().describe('Spendable money of the unit and every unit under it'),
  spentSatang: z.string(),
  pendingSatang: z.string(),
  remainingSatang: z.string().describe('allocated − spent'),
  spentShareByQuarterEnd: z
    .number()
    .describe('Spent by the end of the current (or last) quarter of the year, share of allocated'),
  lateExpensePlans: z.number().int().describe('Expense plans submitted late or not yet submitted past the deadline'),
  openAdvances: z.number().int(),
  openAdvancesSatang: z.string(),
  overdueAdvances: z.number().int(),
});
export const rollupResponse = z.object({
  unit: z.object({ code: z.string(), nameTh: z.string(), nameEn: z.string() }),
  fiscalYear: z.number().int(),
  quarter: z.number().int().describe('The quarter the "by quarter end" share is measured at'),
  rows: z.array(rollupRowSchema),
  total: rollupRowSchema.omit({ unitCode: true, nameTh: true, nameEn: true, ownShare: true }),
});
export type Rollup = z.infer<typeof rollupResponse>;
