import { z } from 'zod';
import { districtCodeSchema, orgUnitCodeSchema, phoneSchema, text } from './fields';
import { pageQuery, pageResponse } from './paging';
import { patchBody } from './patch';

/** The kinds of partner agency the seed names (ภาคีการพัฒนา). */
export const PARTNER_KINDS = ['government', 'local_admin', 'education', 'bank', 'private', 'network', 'community'] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];

const partnerFields = {
  kind: z.enum(PARTNER_KINDS),
  name: text().trim().min(1).max(300),
  contactPerson: text().trim().max(200).default(''),
  phone: phoneSchema.optional(),
  email: z.string().trim().email().max(200).optional(),
  address: text().trim().max(500).default(''),
  note: text().trim().max(2000).default(''),
};

export const createPartnerBody = z.strictObject({ orgUnitCode: districtCodeSchema, ...partnerFields });
/** A partner's fields as a whole, with the version read: what a change must leave valid. */
export const partnerChange = z.strictObject({ version: z.number().int().min(1), ...partnerFields });
export const updatePartnerBody = patchBody(partnerFields);

export const partnerSchema = z.object({
  id: z.number().int(),
  orgUnitCode: z.string(),
  kind: z.enum(PARTNER_KINDS),
  name: z.string(),
  contactPerson: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  address: z.string(),
  note: z.string(),
  version: z.number().int(),
});
export type Partner = z.infer<typeof partnerSchema>;

export const partnerListQuery = z.strictObject({
  unit: orgUnitCodeSchema.optional(),
  kind: z.enum(PARTNER_KINDS).optional(),
  q: z.string().trim().max(200).optional().describe('Thai words in the name, contact person or note'),
  ...pageQuery,
});
export const partnerListResponse = pageResponse(partnerSchema);
