import { z } from 'zod';
import { satangString } from './budget';
import { districtCodeSchema, idParam, idSchema, lockedSchema, orgUnitCodeSchema, text } from './fields';
import { pageQuery, pageResponse } from './paging';
import { patchBody } from './patch';

/** A Gregorian month `YYYY-MM` (the API's months; the table keeps the month's first day). */
export const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM');
const channelCode = z.string().trim().min(1).max(50).describe('A code of the sales_channel list');

const saleFields = {
  groupId: idSchema.optional().describe('The group that sold (or give productId)'),
  productId: idSchema.optional().describe('The product sold (or give groupId)'),
  channelCode,
  month: monthSchema,
  quantity: z.number().int().min(0).max(100_000_000).optional(),
  amountSatang: satangString.describe('Takings of the month in satang (0 or more)'),
  note: text().trim().max(2000).default(''),
};

function oneSeller(body: { groupId?: number; productId?: number }, ctx: z.RefinementCtx) {
  if (!body.groupId === !body.productId)
    ctx.addIssue({ code: 'custom', path: ['groupId'], input: body.groupId, message: 'Choose a group or a product, not both' });
}

export const createSaleBody = z.strictObject({ orgUnitCode: districtCodeSchema, ...saleFields }).superRefine(oneSeller);
/** A month's sales as a whole, with the version read: what a change must leave valid (and what imports send). */
export const saleChange = z.strictObject({ version: z.number().int().min(1), ...saleFields }).superRefine(oneSeller);
export const updateSaleBody = patchBody(saleFields);

const named = z.object({ id: z.number().int(), name: z.string() });

export const saleSchema = z.object({
  id: z.number().int(),
  orgUnitCode: z.string(),
  group: named.nullable(),
  product: named.nullable(),
  /** The group the sale counts for: the group itself, or the group of the product's producer (if any). */
  sellerGroupId: z.number().int().nullable(),
  channelCode: z.string(),
  month: z.string(),
  quantity: z.number().int().nullable(),
  amountSatang: z.string(),
  note: z.string(),
  createdBy: z.number().int(),
  version: z.number().int(),
  locked: lockedSchema,
});
export type Sale = z.infer<typeof saleSchema>;

export const saleListQuery = z.strictObject({
  unit: orgUnitCodeSchema.optional(),
  groupId: idParam.optional().describe("The group's own rows and those of its producers' products"),
  productId: idParam.optional(),
  channel: z.string().trim().max(50).optional(),
  from: monthSchema.optional().describe('From this month (YYYY-MM)'),
  to: monthSchema.optional().describe('Up to and including this month (YYYY-MM)'),
  ...pageQuery,
});
export const saleListResponse = pageResponse(saleSchema);

export const salesSummaryQuery = z.strictObject({
  groupId: idParam.optional().describe("One group: its rows, its producers' products and its market-event takings"),
  unit: orgUnitCodeSchema.optional().describe('A unit of your scope (default: your own)'),
  from: monthSchema.optional().describe('Default: eleven months before `to`'),
  to: monthSchema.optional().describe('Default: this month'),
});

export const salesSummarySchema = z.object({
  from: z.string(),
  to: z.string(),
  /** Takings per month and channel (market-event sales under the channel of the event's kind). */
  points: z.array(z.object({ month: z.string(), channelCode: z.string(), amountSatang: z.string() })),
  /** For a province or the nation: the total of each unit one level down that sold anything. */
  units: z.array(z.object({ code: z.string(), nameTh: z.string(), nameEn: z.string(), amountSatang: z.string() })),
  totalSatang: z.string(),
});
export type SalesSummary = z.infer<typeof salesSummarySchema>;

/** `2026-02` → `2026-02-01`. */
export const monthStart = (month: string) => `${month}-01`;

/** The months from `from` to `to`, both included (`2026-11`, `2026-12`, `2027-01`). */
export function monthsBetween(from: string, to: string): string[] {
  const index = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;
  const months: string[] = [];
  for (let i = index(from); i <= index(to); i++) months.push(`${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
  return months;
}

/** `month` moved by `delta` months. */
export function addMonths(month: string, delta: number): string {
  const i = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + delta;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}
