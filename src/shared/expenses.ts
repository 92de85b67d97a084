import { z } from 'zod';
import { satangString } from './budget';
import { districtCodeSchema, idSchema, isoDate, provinceCodeSchema, text } from './fields';

export const EXPENSE_STATUSES = ['draft', 'submitted', 'returned', 'approved'] as const;

export const expenseLineInput = z.strictObject({
  item: text().trim().min(1).max(300),
  quantity: z.number().int().min(1).max(1_000_000),
  unit: text().trim().min(1).max(50),
  unitPriceSatang: satangString,
});
export const actionItemInput = z.strictObject({
  what: text().trim().min(1).max(500),
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM'),
  who: text().trim().min(1).max(200),
});

/** Why action-plan months fall outside the quarters the money was allocated for (needed then, min. 10 characters). */
const outsideQuarterReason = () =>
  text()
    .trim()
    .max(1000)
    .default('')
    .describe('Required (at least 10 characters) when an action month is outside the quarters allocated');

export const saveExpensePlanBody = z.strictObject({
  itemId: idSchema,
  orgUnitCode: districtCodeSchema,
  version: z.number().int().min(1).optional().describe('The version you read; leave out for a new plan'),
  lines: z.array(expenseLineInput).min(1).max(100),
  actions: z.array(actionItemInput).max(100).default([]),
  outsideQuarterReason: outsideQuarterReason(),
});
const expenseLineDraft = z.strictObject({
  item: text().trim().max(300),
  quantity: z.number().int().min(0).max(1_000_000),
  unit: text().trim().max(50),
  unitPriceSatang: z.union([z.literal(''), satangString]),
});
const actionItemDraft = z.strictObject({
  what: text().trim().max(500),
  month: z.union([z.literal(''), actionItemInput.shape.month]),
  who: text().trim().max(200),
});
/** What a submitted plan must hold: every row complete, at least one expense line. */
export const completeExpensePlan = saveExpensePlanBody.pick({ lines: true, actions: true });

/** The months (YYYY-MM) of some quarters of a fiscal year (BE): quarter 1 is October to December of the year before. */
export function monthsOfQuarters(fiscalYear: number, quarters: number[]): string[] {
  const start = fiscalYear - 543 - 1;
  return quarters.flatMap((q) =>
    [0, 1, 2].map((i) => {
      const m = 10 + (q - 1) * 3 + i;
      return m > 12 ? `${start + 1}-${String(m - 12).padStart(2, '0')}` : `${start}-${String(m).padStart(2, '0')}`;
    }),
  );
}

/**
 * A draft as the district leaves it: rows may still be incomplete, but what is there must be well formed
 * (an amount is satang digits, a month is YYYY-MM). Submitting checks the saved plan against `saveExpensePlanBody`.
 */
export const expensePlanDraftBody = z.strictObject({
  itemId: idSchema,
  orgUnitCode: districtCodeSchema,
  version: z.number().int().min(1).optional(),
  lines: z.array(expenseLineDraft).max(100),
  actions: z.array(actionItemDraft).max(100).default([]),
  outsideQuarterReason: outsideQuarterReason(),
});

export const reviewBody = z.strictObject({ version: z.number().int().min(1), comment: text().trim().max(2000).default('') });
export const returnBody = z.strictObject({ version: z.number().int().min(1), comment: text().trim().min(3).max(2000) });
export const deadlineBody = z.strictObject({ provinceCode: provinceCodeSchema, deadline: isoDate });

export const expensePlanSchema = z.object({
  id: z.number().int(),
  itemId: z.number().int(),
  orgUnitCode: z.string(),
  unitNameTh: z.string(),
  status: z.enum(EXPENSE_STATUSES),
  lines: z.array(expenseLineDraft.extend({ totalSatang: z.string() })),
  actions: z.array(actionItemDraft),
  outsideQuarterReason: z.string(),
  allocatedQuarters: z.array(z.number().int()).describe('The quarters the district was allocated money for'),
  fiscalYear: z.number().int().describe("The activity's fiscal year (BE)"),
  totalSatang: z.string(),
  totalText: z.string(),
  allocatedSatang: z.string(),
  submittedAt: z.string().nullable(),
  daysLate: z.number().int().nullable(),
  reviewComment: z.string(),
  version: z.number().int(),
});
export type ExpensePlan = z.infer<typeof expensePlanSchema>;

export const submissionOverview = z.object({
  deadline: z.string().nullable(),
  districts: z.array(
    z.object({
      code: z.string(),
      nameTh: z.string(),
      nameEn: z.string(),
      planId: z.number().nullable(),
      status: z.enum([...EXPENSE_STATUSES, 'not_submitted']),
      daysLate: z.number().nullable(),
    }),
  ),
});
export type SubmissionOverview = z.infer<typeof submissionOverview>;
