import { z } from 'zod';
import { districtCodeSchema, fiscalYearSchema, idSchema, isoDate, orgUnitCodeSchema } from './fields';
import { targetTypeSchema } from './groups';
import { pageQuery, pageResponse } from './paging';
import { patchBody } from './patch';

export const PRODUCER_TYPES = ['community_group', 'sole_proprietor', 'sme'] as const;
export const PRODUCER_STATUSES = ['registered', 'suspended', 'cancelled'] as const;

const producerFields = {
  groupId: idSchema.optional(),
  personId: idSchema.optional(),
  producerType: z.enum(PRODUCER_TYPES),
  fiscalYear: z.number().int().min(2540).max(2700),
  registrationNo: z.string().trim().min(1).max(50),
  registeredOn: isoDate,
  status: z.enum(PRODUCER_STATUSES).default('registered'),
  communityLink: z.boolean(),
  siteInDistrict: z.boolean(),
  thaiNationality: z.boolean(),
  documentsReceived: z.boolean(),
  publicContact: z
    .string()
    .trim()
    .max(200)
    .nullish()
    .describe(
      'A contact the producer agreed to publish in the public catalog (shop phone, LINE, page); blank or null: none shown',
    ),
};
export const createProducerBody = z.strictObject({ orgUnitCode: districtCodeSchema, ...producerFields });
/** A producer's fields as a whole, with the version read: what a change must leave valid. */
export const producerChange = z.strictObject({ version: z.number().int().min(1), ...producerFields });
export const updateProducerBody = patchBody(producerFields);

export const producerSchema = z.object({
  id: z.number().int(),
  orgUnitCode: z.string(),
  groupId: z.number().nullable(),
  personId: z.number().nullable(),
  ownerName: z.string(),
  producerType: z.enum(PRODUCER_TYPES),
  fiscalYear: z.number().int(),
  registrationNo: z.string(),
  registeredOn: z.string(),
  status: z.enum(PRODUCER_STATUSES),
  communityLink: z.boolean(),
  siteInDistrict: z.boolean(),
  thaiNationality: z.boolean(),
  documentsReceived: z.boolean(),
  publicContact: z.string().nullable(),
  targetType: targetTypeSchema,
  version: z.number().int(),
});
export type Producer = z.infer<typeof producerSchema>;
export const producerListQuery = z.strictObject({
  unit: orgUnitCodeSchema.optional(),
  q: z.string().trim().min(1).max(100).optional(),
  fiscalYear: fiscalYearSchema.optional(),
  ...pageQuery,
});
export const producerListResponse = pageResponse(producerSchema);
