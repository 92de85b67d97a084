import { z } from 'zod';
import { orgUnitCodeSchema } from './fields';

export { orgUnitCodeSchema };

export const orgLevelSchema = z.enum(['national', 'province', 'district']);

export const orgUnitSchema = z.object({
  code: z.string(),
  nameTh: z.string(),
  nameEn: z.string(),
  level: orgLevelSchema,
  parentCode: z.string().nullable(),
  covered: z.boolean().describe('false for Bangkok and its khet: no service center there'),
});
export type OrgUnit = z.infer<typeof orgUnitSchema>;

export const orgUnitListQuery = z.strictObject({
  level: orgLevelSchema.optional(),
  parent: orgUnitCodeSchema.optional(),
  q: z.string().trim().min(1).max(100).optional().describe('Part of the Thai or English name, or a code prefix'),
  covered: z.enum(['true', 'false']).optional(),
  sort: z.enum(['code', 'name']).default('code').describe('name sorts by the Thai name in Thai dictionary order'),
});

export const orgUnitListResponse = z.object({ items: z.array(orgUnitSchema), total: z.number().int() });

export const centerSchema = z.object({ id: z.number().int(), nameTh: z.string(), nameEn: z.string() });

export const orgUnitDetailResponse = orgUnitSchema.extend({
  parent: orgUnitSchema.nullable(),
  ancestors: z.array(orgUnitSchema).describe('From the nation down to the parent'),
  children: z.array(orgUnitSchema),
  center: centerSchema.nullable(),
});
export type OrgUnitDetail = z.infer<typeof orgUnitDetailResponse>;
