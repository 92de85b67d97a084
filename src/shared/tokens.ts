/** API tokens for programs that cannot use a browser session (decision 038). */
import { z } from 'zod';
import { TOKEN_ACCESS } from './access';
import { isoDate, text } from './fields';
import { orgUnitCodeSchema } from './org-units';
import { pageQuery, pageResponse, versionBody } from './paging';

/** `thr_` and 32 random bytes in base64url: recognisable in a leaked file, and checked before any database lookup. */
export const TOKEN_SECRET_PATTERN = /^thr_[A-Za-z0-9_-]{43}$/;
/** A token lasts a year unless its maker picks another last day, at most two years ahead. */
export const TOKEN_DEFAULT_DAYS = 365;
export const TOKEN_MAX_DAYS = 730;

export const tokenAccessSchema = z
  .enum(TOKEN_ACCESS)
  .describe("read: GET only; read_write: also the recording writes of an officer of the token's unit level");
export const TOKEN_STATUSES = ['active', 'expired', 'revoked'] as const;
export type TokenStatus = (typeof TOKEN_STATUSES)[number];

export const apiTokenSchema = z.object({
  id: z.number().int(),
  name: z.string().describe('What the token is for, e.g. the system that uses it'),
  orgUnitCode: z.string().describe('The token reads (and writes) this unit and the units below it'),
  orgUnitNameTh: z.string(),
  orgUnitNameEn: z.string(),
  access: tokenAccessSchema,
  status: z.enum(TOKEN_STATUSES),
  createdByName: z.string(),
  createdAt: z.string(),
  expiresOn: z.string().describe('The last day the token works (Thai time)'),
  lastUsedAt: z.string().nullable().describe('To the minute: written at most once a minute'),
  revokedAt: z.string().nullable(),
  revokedByName: z.string().nullable(),
  version: z.number().int(),
});
export type ApiToken = z.infer<typeof apiTokenSchema>;

export const createdApiTokenSchema = apiTokenSchema.extend({
  secret: z.string().describe('The token to send as `Authorization: Bearer …`: shown in this answer only, never again'),
});
export type CreatedApiToken = z.infer<typeof createdApiTokenSchema>;

export const apiTokenListQuery = z.strictObject({
  unit: orgUnitCodeSchema.optional().describe('Only tokens of this unit and the units below it'),
  status: z.enum(TOKEN_STATUSES).optional(),
  ...pageQuery,
});
export const apiTokenListResponse = pageResponse(apiTokenSchema);

export const createApiTokenBody = z.strictObject({
  name: text().trim().min(3).max(100),
  orgUnitCode: orgUnitCodeSchema,
  access: tokenAccessSchema.default('read'),
  expiresOn: isoDate
    .optional()
    .describe(
      `The last day the token works (Thai time): by default ${TOKEN_DEFAULT_DAYS} days from today, at most ${TOKEN_MAX_DAYS}`,
    ),
});

export const revokeApiTokenBody = versionBody;
