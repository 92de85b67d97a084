import { z } from 'zod';
import { districtCodeSchema, fiscalYearSchema, idParam, idSchema, orgUnitCodeSchema, text } from './fields';
import { pageQuery, pageResponse } from './paging';
import { patchBody } from './patch';

const lessonFields = {
  fiscalYear: z.number().int().min(2500).max(2700),
  quarter: z.number().int().min(1).max(4).optional().describe('A quarter of the year, or the whole year'),
  planId: idSchema.optional().describe('The plan of the district the lessons look back on'),
  whatWorked: text().trim().min(1).max(5000),
  problems: text().trim().min(1).max(5000).describe('Problems and obstacles'),
  changes: text().trim().min(1).max(5000).describe('What will change'),
};

export const createLessonBody = z.strictObject({ orgUnitCode: districtCodeSchema, ...lessonFields });
/** Lessons' fields as a whole, with the version read: what a change must leave valid. */
export const lessonChange = z.strictObject({ version: z.number().int().min(1), ...lessonFields });
export const updateLessonBody = patchBody(lessonFields);

const planRef = z.object({ id: z.number().int(), title: z.string(), firstYear: z.number().int(), lastYear: z.number().int() });

export const lessonSchema = z.object({
  id: z.number().int(),
  orgUnitCode: z.string(),
  fiscalYear: z.number().int(),
  quarter: z.number().int().nullable(),
  plan: planRef.nullable().describe('The plan it looks back on'),
  whatWorked: z.string(),
  problems: z.string(),
  changes: z.string(),
  answeredBy: z.array(planRef).describe('Plans that answer these lessons'),
  createdBy: z.number().int(),
  version: z.number().int(),
});
export type Lesson = z.infer<typeof lessonSchema>;

export const lessonListQuery = z.strictObject({
  unit: orgUnitCodeSchema.optional(),
  fiscalYear: fiscalYearSchema.optional(),
  quarter: z.coerce.number().int().min(1).max(4).optional(),
  planId: idParam.optional(),
  ...pageQuery,
});
export const lessonListResponse = pageResponse(lessonSchema);
