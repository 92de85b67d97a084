import { z } from 'zod';
import { satangDigits } from './budget';
import { idParam, idSchema, orgUnitCodeSchema } from './fields';
import { pageQuery, pageResponse } from './paging';
import { patchBody } from './patch';
import { attachmentSchema } from './wisdom';

export const PRODUCT_CATEGORIES = ['food', 'beverage', 'textile', 'household_souvenir', 'herbal_non_food'] as const;
export const QUADRANTS = ['A', 'B', 'C', 'D'] as const;

const productFields = {
  producerId: idSchema,
  name: z.string().trim().min(1).max(300),
  category: z.enum(PRODUCT_CATEGORIES),
  description: z.string().trim().max(10_000).default(''),
  story: z.string().trim().max(10_000).default(''),
  priceSatang: satangDigits(13).optional().describe('Price in satang as a string of digits (100 = 1 baht)'),
  unit: z.string().trim().max(50).optional(),
  quadrant: z.enum(QUADRANTS).optional(),
  ratings: z
    .array(z.strictObject({ year: z.number().int().min(2546).max(2700), stars: z.number().int().min(1).max(5) }))
    .max(50)
    .default([]),
};
export const createProductBody = z.strictObject({ ...productFields });
/** A product's fields as a whole, with the version read: what a change must leave valid (and what imports send). */
export const productChange = z.strictObject({ version: z.number().int().min(1), ...productFields });
export const updateProductBody = patchBody(productFields);

export const productSchema = z.object({
  id: z.number().int(),
  orgUnitCode: z.string(),
  producerId: z.number().int(),
  producerName: z.string(),
  name: z.string(),
  category: z.enum(PRODUCT_CATEGORIES),
  description: z.string(),
  story: z.string(),
  priceSatang: z.string().nullable(),
  unit: z.string().nullable(),
  quadrant: z.enum(QUADRANTS).nullable(),
  ratings: z.array(z.object({ year: z.number(), stars: z.number() })),
  version: z.number().int(),
});
export type Product = z.infer<typeof productSchema>;
export const productDetailSchema = productSchema.extend({ attachments: z.array(attachmentSchema) });
export type ProductDetail = z.infer<typeof productDetailSchema>;
export const productListQuery = z.strictObject({
  unit: orgUnitCodeSchema.optional(),
  q: z.string().trim().min(1).max(100).optional(),
  category: z.enum(PRODUCT_CATEGORIES).optional(),
  producerId: idParam.optional().describe("Only this producer's products"),
  sort: z.enum(['name', 'recent']).default('name'),
  ...pageQuery,
});
export const productListResponse = pageResponse(productSchema);
