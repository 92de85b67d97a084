import { z } from 'zod';
import { districtCodeSchema, idSchema, orgUnitCodeSchema, phoneSchema } from './fields';
import { targetTypeSchema } from './groups';
import { pageQuery, pageResponse } from './paging';
import { patchBody } from './patch';
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
  phone: phoneSchema.optional(),
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
/** A person's fields as a whole, with the version read: what a change must leave valid. */
export const personChange = z.strictObject({ version: z.number().int().min(1), ...personFields });
/** A citizen ID left out stays as stored (it is never read back in full); `null` removes it. */
export const updatePersonBody = patchBody(personFields);

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
/** One person's page: the person and the records they take part in. */
export const personDetailSchema = personSchema.extend({
  targetType: targetTypeSchema,
  wisdom: z.array(z.object({ id: z.number().int(), title: z.string() })),
  groups: z.array(z.object({ id: z.number().int(), name: z.string(), role: z.string() })),
  registrations: z.array(
    z.object({ id: z.number().int(), registrationNo: z.string(), fiscalYear: z.number().int(), status: z.string() }),
  ),
});
export type PersonDetail = z.infer<typeof personDetailSchema>;

export const personListQuery = z.strictObject({
  unit: orgUnitCodeSchema.optional(),
  q: z.string().trim().min(1).max(100).optional(),
  role: z.enum(PERSON_ROLES).optional(),
  ...pageQuery,
});
export const personListResponse = pageResponse(personSchema);
export const mergePeopleBody = z.strictObject({ keepId: idSchema });

/** PDPA: what the system holds about one person (subject access request). */
export const historyEntrySchema = z.object({
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  changes: z.record(z.string(), z.object({ before: z.unknown(), after: z.unknown() })),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

export const personalDataSchema = z.object({
  exportedAt: z.string(),
  controller: z.string(),
  person: z.object({
    id: z.number().int(),
    orgUnitCode: z.string(),
    title: z.string(),
    firstName: z.string(),
    lastName: z.string(),
    citizenId: z.string().nullable(),
    phone: z.string().nullable(),
    houseNo: z.string().nullable(),
    villageNo: z.number().nullable(),
    subdistrict: z.string().nullable(),
    roles: z.array(z.string()),
    createdAt: z.string(),
    updatedAt: z.string(),
    anonymisedAt: z.string().nullable(),
  }),
  wisdom: z.array(z.object({ id: z.number(), title: z.string(), accessLevel: z.string() })),
  groups: z.array(z.object({ id: z.number(), name: z.string(), role: z.string() })),
  registrations: z.array(z.object({ id: z.number(), registrationNo: z.string(), fiscalYear: z.number(), status: z.string() })),
  /** The services of the center the person received. */
  services: z.array(z.object({ id: z.number(), serviceDate: z.string(), description: z.string() })),
  /** Every recorded change of the person (rectifications included), from the audit log. */
  history: z.array(historyEntrySchema),
});
export type PersonalData = z.infer<typeof personalDataSchema>;

export const erasePersonBody = z.strictObject({ version: z.number().int().min(1) });
export const eraseResultSchema = z.object({
  /** `anonymised`: kept as a link because a record with legal retention needs it; `deleted`: also removed. */
  outcome: z.enum(['anonymised', 'deleted']),
  retainedFor: z.array(z.string()),
});

export const RETENTION_RECORD_TYPES = [
  'person',
  'wisdom',
  'group',
  'otop_registration',
  'money',
  'attachment',
  'audit_log',
  'service_request',
] as const;
export const retentionSchema = z.object({
  recordType: z.enum(RETENTION_RECORD_TYPES),
  retainYears: z.number().int(),
  basisTh: z.string(),
  basisEn: z.string(),
  isDefault: z.boolean(),
});
export const retentionListSchema = z.array(retentionSchema);
export const retentionParams = z.strictObject({ recordType: z.enum(RETENTION_RECORD_TYPES) });
export const retentionBody = z.strictObject({ retainYears: z.number().int().min(1).max(100) });
