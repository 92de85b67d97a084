import { z } from 'zod';
import { allocatingUnitCodeSchema, fiscalYearSchema, idSchema, localUnitCodeSchema, orgUnitCodeSchema, text } from './fields';

export const EXPENSE_CATEGORIES = ['compensation', 'services', 'materials'] as const;
export const BUDGET_LEVELS = ['plan', 'project', 'main_activity', 'activity'] as const;

/**
 * Money on the wire: whole satang as a string of digits (JSON numbers lose precision past 2^53), at most `maxDigits`.
 * A negative amount is told that it is negative: the digits rule alone would call "-500" not whole satang.
 */
export const satangDigits = (maxDigits: number) =>
  z
    .string()
    .refine((s) => !/^-\d/.test(s), { message: 'Must not be negative', abort: true })
    .regex(new RegExp(`^\\d{1,${maxDigits}}$`), 'whole satang as digits');
export const satangString = satangDigits(15);
// The refinement runs even when the pattern failed, so it must not assume digits.
export const positiveSatang = satangString.refine((s) => /^\d+$/.test(s) && BigInt(s) > 0n, {
  message: 'Must be more than zero',
});

export const budgetItemSchema = z.object({
  id: z.number().int(),
  fiscalYear: z.number().int(),
  level: z.enum(BUDGET_LEVELS),
  parentId: z.number().int().nullable(),
  name: z.string(),
  objectives: z.string(),
  indicators: z.string(),
  responsibleUnitCode: z.string(),
  quarters: z.array(z.number().int()),
  budgetSatang: z.string().nullable().describe("The item's own budget; null when no source states it"),
  receivedSatang: z
    .string()
    .optional()
    .describe('What the unit asked about received for this item (its activities added up); only with `unit`'),
  notes: z.string(),
  version: z.number().int(),
});
export type BudgetItem = z.infer<typeof budgetItemSchema>;

export const createBudgetItemBody = z.strictObject({
  fiscalYear: z.number().int().min(2540).max(2700),
  level: z.enum(BUDGET_LEVELS),
  parentId: idSchema.optional(),
  name: text().trim().min(1).max(500),
  objectives: text().trim().max(5000).default(''),
  indicators: text().trim().max(5000).default(''),
  responsibleUnitCode: orgUnitCodeSchema,
  quarters: z.array(z.number().int().min(1).max(4)).max(4).default([]),
  budgetSatang: satangString.optional().describe('Required for an activity; for the levels above only when a source states it'),
  notes: text().trim().max(5000).default(''),
});

export const budgetItemListQuery = z.strictObject({
  fiscalYear: fiscalYearSchema,
  unit: localUnitCodeSchema.optional().describe('A province or district: add what it received to each item'),
});

export const allocationSchema = z.object({
  id: z.number().int(),
  itemId: z.number().int(),
  fromUnitCode: z.string(),
  toUnitCode: z.string(),
  toUnitNameTh: z.string(),
  toUnitNameEn: z.string(),
  quarter: z.number().int(),
  category: z.enum(EXPENSE_CATEGORIES),
  amountSatang: z.string(),
  note: z.string(),
  reversesId: z.number().int().nullable(),
  createdAt: z.string(),
});
export type Allocation = z.infer<typeof allocationSchema>;

export const createAllocationBody = z.strictObject({
  itemId: idSchema,
  fromUnitCode: allocatingUnitCodeSchema,
  toUnitCode: localUnitCodeSchema,
  quarter: z.number().int().min(1).max(4),
  category: z.enum(EXPENSE_CATEGORIES),
  amountSatang: positiveSatang,
  note: text().trim().max(1000).default(''),
});
export const reverseAllocationBody = z.strictObject({ note: text().trim().min(3).max(1000) });

export const registerQuery = z.strictObject({ unit: allocatingUnitCodeSchema });
/** Allocations a unit made (the department, a province) or received (a province, a district). */
export const allocationListQuery = z.strictObject({
  unit: orgUnitCodeSchema,
  direction: z.enum(['made', 'received']).optional().describe('Only those the unit made, or only those it received'),
});
export const registerResponse = z.object({
  item: budgetItemSchema,
  path: z.array(z.object({ level: z.enum(BUDGET_LEVELS), name: z.string() })).describe('The item and its parents, top first'),
  unit: z.object({ code: z.string(), nameTh: z.string(), nameEn: z.string() }),
  receivedSatang: z.string().describe('What the unit received (for the nation: the budget of the item)'),
  rows: z.array(
    z.object({
      unitCode: z.string(),
      nameTh: z.string(),
      nameEn: z.string(),
      ownShare: z.boolean(),
      category: z.enum(EXPENSE_CATEGORIES),
      quarter: z.number().int(),
      amountSatang: z.string(),
      note: z.string(),
    }),
  ),
  totalSatang: z.string(),
  remainderSatang: z.string(),
  totalText: z.string().describe('The total in Thai words (baht text)'),
});
export type Register = z.infer<typeof registerResponse>;
