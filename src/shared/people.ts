import { z } from 'zod';
import { districtCodeSchema, orgUnitCodeSchema } from './fields';
import { pageQuery, pageResponse } from './paging';
import { isValidCitizenId, normalizeCitizenId } from './thai/citizen-id';

export const PERSON_ROLES = ['wisdom_holder', 'group_member', 'entrepreneur'] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];
export const PERSON_TITLES = ['นาย', 'นาง', 'นางสาว', 'เด็กชาย', 'เด็กหญิง'] as const;

export const citizenIdInput = z
  .string()
  .transform(normalizeCitizenId)
  .refine(isValidCitizenId, { message: 'Not a valid 13-digit citizen ID (check digit)' });

const personFields = {
  title: z.string().trim().min(1).max(30),
  firstName: z.string().trim().min(1).max(100),
  lastName: z.string().trim().min(1).max(100),
  citizenId: citizenIdInput.optional(),
  phone: z
    .string()
    .trim()
    .regex(/^0\d{8,9}$/, '9–10 digits starting with 0')
    .optional(),
  houseNo: z.string().trim().max(30).optional(),
  villageNo: z.number().int().min(1).max(99).optional(),
  subdistrict: z.string().trim().max(100).optional(),
  roles: z.array(z.enum(PERSON_ROLES)).max(3).default([]),
};

export const createPersonBody = z.strictObject({
  orgUnitCode: districtCodeSchema,
  ...personFields,
  /** Save even though a person with the same name lives in the same subdistrict. */
  acknowledgeDuplicates: z.boolean().default(false),
});
export const updatePersonBody = z.strictObject({ version: z.number().int().min(1), ...personFields });

export const personSchema = z.object({
  id: z.number().int(),
  orgUnitCode: z.string(),
  title: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  citizenIdMasked: z.string().nullable(),
  phone: z.string().nullable(),
  houseNo: z.string().nullable(),
  villageNo: z.number().nullable(),
  subdistrict: z.string().nullable(),
  roles: z.array(z.string()),
  version: z.number().int(),
});
export type Person = z.infer<typeof personSchema>;

export const personListQuery = z.strictObject({
  unit: orgUnitCodeSchema.optional(),
  q: z.string().trim().min(1).max(100).optional(),
  role: z.enum(PERSON_ROLES).optional(),
  ...pageQuery,
});
export const personListResponse = pageResponse(personSchema);
export const mergePeopleBody = z.strictObject({ keepId: z.number().int().min(1) });
