import { z } from 'zod';
import { idParam, idSchema, isoDate, lockedSchema, orgUnitCodeSchema, text } from './fields';
import { pageQuery, pageResponse } from './paging';
import { patchBody } from './patch';

/** The areas a group's problems fall in (DOMAIN.md §3 stage 4); the same codes as the need_items column. */
export const NEED_AREAS = ['production', 'quality_standards', 'value_added', 'marketing', 'funding', 'management'] as const;
export type NeedArea = (typeof NEED_AREAS)[number];
/** 1 high, 2 medium, 3 low. */
export const NEED_PRIORITIES = [1, 2, 3] as const;

export const needItemBody = z.strictObject({
  area: z.enum(NEED_AREAS),
  problem: text().trim().min(1).max(1000),
  need: text().trim().min(1).max(1000),
  priority: z.number().int().min(1).max(3).describe('1 high, 2 medium, 3 low'),
});

const analysisFields = {
  analysedOn: isoDate,
  summary: text().trim().max(3000).default(''),
  items: z.array(needItemBody).min(1).max(30).describe('Problems and needs; replaced whole on every change'),
};

export const createNeedsBody = z.strictObject({ groupId: idSchema.describe('A group of the district'), ...analysisFields });
/** An analysis's fields as a whole, with the version read: what a change must leave valid. */
export const needsChange = z.strictObject({ version: z.number().int().min(1), ...analysisFields });
export const updateNeedsBody = patchBody(analysisFields);

export const needItemSchema = z.object({
  id: z.number().int(),
  area: z.enum(NEED_AREAS),
  problem: z.string(),
  need: z.string(),
  priority: z.number().int(),
});
export type NeedItem = z.infer<typeof needItemSchema>;

export const needsAnalysisSchema = z.object({
  id: z.number().int(),
  orgUnitCode: z.string(),
  groupId: z.number().int(),
  groupName: z.string(),
  analysedOn: z.string(),
  summary: z.string(),
  items: z.array(needItemSchema).describe('Highest priority first'),
  createdBy: z.number().int(),
  version: z.number().int(),
  locked: lockedSchema,
});
export type NeedsAnalysis = z.infer<typeof needsAnalysisSchema>;

export const needsListQuery = z.strictObject({
  unit: orgUnitCodeSchema.optional(),
  groupId: idParam.optional(),
  area: z.enum(NEED_AREAS).optional().describe('Analyses with a need in this area'),
  priority: z.coerce.number().int().min(1).max(3).optional().describe('Analyses with a need of this priority'),
  ...pageQuery,
});
export const needsListResponse = pageResponse(needsAnalysisSchema);
