import { z } from 'zod';
import type { Role } from './access';
import { districtCodeSchema, idSchema, isoDate, orgUnitCodeSchema } from './fields';
import { pageQuery, pageResponse } from './paging';
import { patchBody } from './patch';

export const WISDOM_STATUSES = ['surveyed', 'verified', 'published'] as const;
export const ACCESS_LEVELS = ['public', 'community', 'restricted'] as const;

/**
 * Restricted wisdom (sacred, secret or personal knowledge) is for the officers of the owning unit's line:
 * district officers and above. Committee members and viewers neither list nor open it, nor its files.
 */
export const RESTRICTED_WISDOM_READERS: readonly Role[] = ['national_admin', 'province_officer', 'district_officer'];

const wisdomFields = {
  title: z.string().trim().min(1).max(300),
  branchCode: z.string().trim().min(1).max(50),
  description: z.string().trim().max(10_000).default(''),
  subdistrict: z.string().trim().max(100).optional(),
  villageNo: z.number().int().min(1).max(99).optional(),
  productPotential: z.string().trim().max(2000).default(''),
  status: z.enum(WISDOM_STATUSES).default('surveyed'),
  accessLevel: z.enum(ACCESS_LEVELS).default('community'),
  consentDate: isoDate.optional().describe("The holder's consent to publish; required for public access"),
  publicCredit: z
    .string()
    .trim()
    .max(300)
    .nullish()
    .describe('How the holders agreed to be credited on the public portal; blank or null: the item is shown without a name'),
  surveyedOn: isoDate,
  holderIds: z.array(idSchema).max(50).default([]),
};

export const createWisdomBody = z.strictObject({ orgUnitCode: districtCodeSchema, ...wisdomFields });
/** A wisdom item's fields as a whole, with the version read: what a change must leave valid. */
export const wisdomChange = z.strictObject({ version: z.number().int().min(1), ...wisdomFields });
export const updateWisdomBody = patchBody(wisdomFields);

export const attachmentSchema = z.object({
  id: z.number().int(),
  kind: z.enum(['image', 'document']),
  filename: z.string(),
  mime: z.string(),
  size: z.number(),
  width: z.number().nullable(),
  height: z.number().nullable(),
});
export type Attachment = z.infer<typeof attachmentSchema>;

export const wisdomSchema = z.object({
  id: z.number().int(),
  orgUnitCode: z.string(),
  title: z.string(),
  branchCode: z.string(),
  description: z.string(),
  subdistrict: z.string().nullable(),
  villageNo: z.number().nullable(),
  productPotential: z.string(),
  status: z.enum(WISDOM_STATUSES),
  accessLevel: z.enum(ACCESS_LEVELS),
  consentDate: z.string().nullable(),
  publicCredit: z.string().nullable(),
  surveyedOn: z.string(),
  holders: z.array(z.object({ id: z.number(), name: z.string() })),
  attachments: z.array(attachmentSchema),
  version: z.number().int(),
});
export type Wisdom = z.infer<typeof wisdomSchema>;

export const wisdomListQuery = z.strictObject({
  unit: orgUnitCodeSchema.optional(),
  q: z.string().trim().min(1).max(100).optional(),
  branch: z.string().max(50).optional(),
  status: z.enum(WISDOM_STATUSES).optional(),
  ...pageQuery,
});
export const wisdomListResponse = pageResponse(wisdomSchema.omit({ holders: true, attachments: true, description: true }));
