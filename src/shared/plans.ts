import { z } from 'zod';
import { satangString } from './budget';
import { districtCodeSchema, fiscalYearSchema, idParam, idSchema, isoDate, orgUnitCodeSchema, text } from './fields';
import { pageQuery, pageResponse } from './paging';
import { patchBody } from './patch';

/** Short-term: one fiscal year; long-term: a range of years. */
export const PLAN_TERMS = ['short', 'long'] as const;
export type PlanTerm = (typeof PLAN_TERMS)[number];

const ids = (max: number) => z.array(idSchema).max(max).default([]);
const year = z.number().int().min(2500).max(2700);

const planFields = {
  title: text().trim().min(1).max(300),
  term: z.enum(PLAN_TERMS),
  firstYear: year.describe('First fiscal year (BE)'),
  lastYear: year.describe('Last fiscal year (BE); the first year for a short-term plan'),
  goal: text().trim().max(3000).default(''),
  lessonIds: ids(50).describe('Lessons of earlier fiscal years of the district that this plan answers'),
};

/** A short-term plan is one fiscal year, a long-term one two to ten. */
function planYears(body: { term: string; firstYear: number; lastYear: number }, ctx: z.RefinementCtx) {
  const issue = (message: string) => ctx.addIssue({ code: 'custom', path: ['lastYear'], input: body.lastYear, message });
  if (body.term === 'short' && body.lastYear !== body.firstYear) issue('A short-term plan covers one fiscal year');
  if (body.term === 'long' && body.lastYear <= body.firstYear) issue('A long-term plan covers more than one fiscal year');
  if (body.lastYear - body.firstYear > 9) issue('A plan covers at most ten fiscal years');
}

export const createPlanBody = z.strictObject({ orgUnitCode: districtCodeSchema, ...planFields }).superRefine(planYears);
/** A plan's fields as a whole, with the version read: what a change must leave valid (and what the edit form checks). */
export const planChange = z.strictObject({ version: z.number().int().min(1), ...planFields }).superRefine(planYears);
export const updatePlanBody = patchBody(planFields);

const projectFields = {
  title: text().trim().min(1).max(300),
  objectives: text().trim().min(1).max(3000),
  targetDescription: text().trim().max(2000).default(''),
  targetGroupIds: ids(100).describe('Groups of the district the project serves'),
  partnerIds: ids(30).describe('Partners of the district working on it'),
  budgetSatang: satangString.default('0'),
  indicators: text().trim().max(3000).default(''),
  startsOn: isoDate,
  endsOn: isoDate,
};

function projectTimeline(body: { startsOn: string; endsOn: string }, ctx: z.RefinementCtx) {
  if (body.endsOn < body.startsOn)
    ctx.addIssue({ code: 'custom', path: ['endsOn'], input: body.endsOn, message: 'Must not be before the start' });
}

export const createProjectBody = z.strictObject(projectFields).superRefine(projectTimeline);
/** A project's fields as a whole, with the version read: what a change must leave valid. */
export const projectChange = z.strictObject({ version: z.number().int().min(1), ...projectFields }).superRefine(projectTimeline);
export const updateProjectBody = patchBody(projectFields);

export const projectUpdateBody = z.strictObject({
  updatedOn: isoDate,
  progressPercent: z.number().int().min(0).max(100),
  note: text().trim().min(1).max(2000),
});

const named = z.object({ id: z.number().int(), name: z.string() });

export const progressSchema = z.object({
  id: z.number().int(),
  updatedOn: z.string(),
  progressPercent: z.number().int(),
  note: z.string(),
  createdByName: z.string(),
});
export type ProjectProgress = z.infer<typeof progressSchema>;

export const projectSchema = z.object({
  id: z.number().int(),
  orgUnitCode: z.string(),
  planId: z.number().int(),
  planTitle: z.string(),
  title: z.string(),
  objectives: z.string(),
  targetDescription: z.string(),
  targetGroups: z.array(named),
  partners: z.array(named),
  budgetSatang: z.string(),
  indicators: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  progress: progressSchema.nullable().describe('The latest progress update'),
  version: z.number().int(),
});
export type PlanProject = z.infer<typeof projectSchema>;
export const projectDetailSchema = projectSchema.extend({
  updates: z.array(progressSchema).describe('Newest first'),
});
export type PlanProjectDetail = z.infer<typeof projectDetailSchema>;

export const lessonRefSchema = z.object({
  id: z.number().int(),
  fiscalYear: z.number().int(),
  quarter: z.number().int().nullable(),
  changes: z.string(),
});
export type LessonRef = z.infer<typeof lessonRefSchema>;

export const planSchema = z.object({
  id: z.number().int(),
  orgUnitCode: z.string(),
  title: z.string(),
  term: z.enum(PLAN_TERMS),
  firstYear: z.number().int(),
  lastYear: z.number().int(),
  goal: z.string(),
  projectCount: z.number().int(),
  budgetSatang: z.string().describe('The budget of its projects'),
  lessons: z.array(lessonRefSchema).describe('The lessons this plan answers'),
  createdBy: z.number().int(),
  version: z.number().int(),
});
export type Plan = z.infer<typeof planSchema>;
export const planDetailSchema = planSchema.extend({
  projects: z.array(projectSchema),
  lookedBackOn: z.array(lessonRefSchema).describe('Lessons that look back on this plan'),
});
export type PlanDetail = z.infer<typeof planDetailSchema>;

export const planListQuery = z.strictObject({
  unit: orgUnitCodeSchema.optional(),
  fiscalYear: fiscalYearSchema.optional().describe('Plans covering this fiscal year'),
  term: z.enum(PLAN_TERMS).optional(),
  ...pageQuery,
});
export const planListResponse = pageResponse(planSchema);

export const projectListQuery = z.strictObject({
  unit: orgUnitCodeSchema.optional(),
  groupId: idParam.optional().describe('Projects targeting this group'),
  planId: idParam.optional(),
  ...pageQuery,
});
export const projectListResponse = pageResponse(projectSchema);
