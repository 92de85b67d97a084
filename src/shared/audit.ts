import { z } from 'zod';
import { isoDate } from './fields';
import { orgUnitCodeSchema } from './org-units';
import { pageQuery, pageResponse } from './paging';

export const auditQuery = z.strictObject({
  entity: z.string().trim().min(1).max(50).optional(),
  entityId: z.string().trim().min(1).max(50).optional(),
  actor: z.string().trim().min(1).max(100).optional().describe('Username of whoever made the change'),
  action: z
    .string()
    .trim()
    .min(1)
    .max(50)
    .optional()
    .describe('Only this action, e.g. login_failed (failed sign-ins), login, logout, reset_password'),
  unit: orgUnitCodeSchema.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  ...pageQuery,
});

export const auditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  actorUsername: z.string(),
  orgUnitCode: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
  subject: z
    .string()
    .nullable()
    .describe("The record's name or number as people know it (a group's name, a certificate's number); null when it has none"),
  changes: z.record(z.string(), z.object({ before: z.unknown(), after: z.unknown() })),
  units: z
    .record(z.string(), z.object({ th: z.string(), en: z.string() }))
    .describe("Names of the entry's unit and of the units its changes name (allocations from and to), by code"),
  clientAddress: z.string().nullable().describe('Where the request came from; null for changes the system made itself'),
});
/** Change fields that hold an org-unit code. */
export const AUDIT_UNIT_FIELDS = [
  'orgUnitCode',
  'fromUnitCode',
  'toUnitCode',
  'responsibleUnitCode',
  'issuingUnitCode',
  'scopeUnitCode',
] as const;

export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditListResponse = pageResponse(auditEntrySchema);
