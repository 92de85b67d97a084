import { z } from 'zod';
import { isoDate } from './fields';
import { orgUnitCodeSchema } from './org-units';
import { pageQuery, pageResponse } from './paging';

export const auditQuery = z.strictObject({
  entity: z.string().trim().min(1).max(50).optional(),
  entityId: z.string().trim().min(1).max(50).optional(),
  actor: z.string().trim().min(1).max(100).optional().describe('Username of whoever made the change'),
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
  changes: z.record(z.string(), z.object({ before: z.unknown(), after: z.unknown() })),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditListResponse = pageResponse(auditEntrySchema);
