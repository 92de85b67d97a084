import { z } from 'zod';
import { districtCodeSchema, fiscalYearSchema, idSchema, isoDate, orgUnitCodeSchema, phoneSchema } from './fields';
import { pageQuery, pageResponse } from './paging';
import { patchBody } from './patch';

/** The center's pipeline, in order (DOMAIN.md §3). A group is at the furthest stage its records prove. */
export const STAGES = [
  'wisdom_surveyed',
  'group_formed',
  'otop_registered',
  'needs_analysed',
  'strengthened',
  'market_access',
  'funding_access',
  'grown',
] as const;
export type Stage = (typeof STAGES)[number];
export const MEMBER_ROLES = ['chair', 'vice_chair', 'secretary', 'treasurer', 'member'] as const;
export const GROWN_AS = ['sme', 'social_enterprise', 'social_business'] as const;
export type GrownAs = (typeof GROWN_AS)[number];
/** Service types (code list `service_type`) that strengthen a group (DOMAIN.md §3 stage 5): standards, knowledge, capacity building. */
export const STRENGTHENING_SERVICE_TYPES = [
  'standards',
  'capacity_referral',
  'topic_group_management',
  'topic_basic_business',
  'topic_quality_standards',
  'topic_value_adding',
  'topic_marketing',
] as const;

/** DOMAIN.md §3 target groups, derived from the records: 1 interested, 2 making products, 3 registered OTOP this fiscal year. */
export const targetTypeSchema = z.union([z.literal(1), z.literal(2), z.literal(3)]);
export type TargetType = z.infer<typeof targetTypeSchema>;

const groupFields = {
  name: z.string().trim().min(1).max(300),
  foundedOn: isoDate,
  contactPhone: phoneSchema.optional(),
  address: z.string().trim().max(500).default(''),
  subdistrict: z.string().trim().max(100).optional(),
  enterpriseRegNo: z.string().trim().max(50).optional(),
  wisdomIds: z.array(idSchema).max(50).default([]),
  members: z
    .array(z.strictObject({ personId: idSchema, role: z.enum(MEMBER_ROLES) }))
    .max(500)
    .default([]),
};

export const createGroupBody = z.strictObject({ orgUnitCode: districtCodeSchema, ...groupFields });
/** A group's fields as a whole, with the version read: what a change must leave valid (and what imports send). */
export const groupChange = z.strictObject({ version: z.number().int().min(1), ...groupFields });
export const updateGroupBody = patchBody(groupFields);
export const changeStageBody = z.strictObject({
  version: z.number().int().min(1),
  stage: z.enum(STAGES),
  reason: z.string().trim().min(3).max(1000),
  grownAs: z.enum(GROWN_AS).optional(),
  changedOn: isoDate.optional(),
});

export const stageChangeSchema = z.object({
  fromStage: z.string().nullable(),
  toStage: z.string(),
  changedOn: z.string(),
  reason: z.string(),
  automatic: z.boolean(),
  /** For an automatic move, the kind of record that proved it (registration, sales…), to say it in either language. */
  evidenceKind: z.string().nullable(),
  changedBy: z.string().nullable(),
});

export const groupSummarySchema = z.object({
  id: z.number().int(),
  orgUnitCode: z.string(),
  name: z.string(),
  foundedOn: z.string(),
  targetType: targetTypeSchema,
  stage: z.enum(STAGES),
  grownAs: z.enum(GROWN_AS).nullable(),
  memberCount: z.number().int(),
  version: z.number().int(),
});

export const groupDetailSchema = groupSummarySchema.extend({
  contactPhone: z.string().nullable(),
  address: z.string(),
  subdistrict: z.string().nullable(),
  enterpriseRegNo: z.string().nullable(),
  wisdom: z.array(z.object({ id: z.number(), title: z.string(), branchCode: z.string() })),
  members: z.array(z.object({ personId: z.number(), name: z.string(), role: z.enum(MEMBER_ROLES) })),
  producers: z.array(
    z.object({
      id: z.number(),
      registrationNo: z.string(),
      fiscalYear: z.number(),
      status: z.string(),
      producerType: z.string(),
    }),
  ),
  products: z.array(z.object({ id: z.number(), name: z.string(), category: z.string() })),
  certifications: z.array(
    z.object({
      id: z.number(),
      standardCode: z.string(),
      certificateNo: z.string(),
      expiresOn: z.string().nullable(),
      status: z.string(),
      subject: z.string(),
    }),
  ),
  stageHistory: z.array(stageChangeSchema),
  /** Every stage the group's records prove, in pipeline order. */
  evidence: z.array(z.enum(STAGES)),
});
export type GroupDetail = z.infer<typeof groupDetailSchema>;

export const groupListQuery = z.strictObject({
  unit: orgUnitCodeSchema.optional(),
  q: z.string().trim().min(1).max(100).optional(),
  stage: z.enum(STAGES).optional(),
  ...pageQuery,
});
/** A row of the groups list names its district, so a province sees "เมืองอุบลราชธานี", not 3401. */
export const groupListItemSchema = groupSummarySchema.extend({ unitNameTh: z.string(), unitNameEn: z.string() });
export type GroupListItem = z.infer<typeof groupListItemSchema>;
export const groupListResponse = pageResponse(groupListItemSchema);

export const pipelineQuery = z.strictObject({
  unit: orgUnitCodeSchema.optional(),
  fiscalYear: fiscalYearSchema.optional(),
});
export const pipelineResponse = z.object({
  unit: z.string(),
  fiscalYear: z.number().int(),
  stages: z.array(z.object({ stage: z.enum(STAGES), count: z.number().int(), movedInPeriod: z.number().int() })),
  conversions: z.array(z.object({ from: z.enum(STAGES), to: z.enum(STAGES), rate: z.number().nullable() })),
  breakdown: z.array(
    z.object({ code: z.string(), nameTh: z.string(), nameEn: z.string(), counts: z.record(z.string(), z.number().int()) }),
  ),
});
export type Pipeline = z.infer<typeof pipelineResponse>;
