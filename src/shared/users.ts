import { z } from 'zod';
import { PERMISSIONS, ROLES } from './access';
import { text } from './fields';
import { orgUnitCodeSchema } from './org-units';
import { pageQuery, pageResponse } from './paging';

export const roleSchema = z.enum(ROLES);
export const usernameSchema = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9._-]{2,39}$/i, '3–40 letters, digits, dot, dash or underscore');
/**
 * Long passphrases beat composition rules (NIST SP 800-63B). The server also refuses common passwords,
 * the username, repeated patterns and sequences, and whatever zxcvbn finds easy to guess.
 */
export const passwordSchema = z.string().min(12).max(200);

/** The official position (ตำแหน่ง), e.g. "พัฒนาการอำเภอเมืองอุบลราชธานี"; empty for those who hold none. */
const positionSchema = text().trim().max(200);

export const userSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  position: z.string().describe('The official position (ตำแหน่ง), as printed on contracts and approvals'),
  role: roleSchema,
  orgUnitCode: z.string(),
  orgUnitNameTh: z.string(),
  orgUnitNameEn: z.string(),
  active: z.boolean(),
  lockedUntil: z
    .string()
    .nullable()
    .describe('After repeated wrong passwords, sign-in attempts for this username wait until then (never a lock)'),
  mustChangePassword: z.boolean().describe('The password was set by an administrator and must be changed at sign-in'),
  createdAt: z.string(),
  version: z.number().int(),
});
export type User = z.infer<typeof userSchema>;

export const userListQuery = z.strictObject({
  unit: orgUnitCodeSchema.optional().describe('Only users of this unit and the units below it'),
  role: roleSchema.optional(),
  q: z.string().trim().min(1).max(100).optional(),
  ...pageQuery,
});

export const userListResponse = pageResponse(userSchema);

export const createUserBody = z.strictObject({
  username: usernameSchema,
  displayName: z.string().trim().min(1).max(200),
  position: positionSchema.default(''),
  role: roleSchema,
  orgUnitCode: orgUnitCodeSchema,
  password: passwordSchema,
});

export const updateUserBody = z.strictObject({
  version: z.number().int().min(1),
  displayName: z.string().trim().min(1).max(200).optional(),
  position: positionSchema.optional(),
  role: roleSchema.optional(),
  orgUnitCode: orgUnitCodeSchema.optional(),
  active: z.boolean().optional(),
});

export const resetPasswordBody = z.strictObject({ password: passwordSchema });
export const userIdParams = z.strictObject({ id: z.coerce.number().int().min(1).max(2_147_483_647) });

export const loginBody = z.strictObject({ username: z.string().trim().min(1).max(100), password: z.string().min(1).max(200) });
export const changePasswordBody = z.strictObject({ currentPassword: z.string().min(1).max(200), newPassword: passwordSchema });

export const meResponse = z.object({
  user: z.object({ id: z.number().int(), username: z.string(), displayName: z.string() }),
  role: roleSchema,
  orgUnit: z.object({ code: z.string(), nameTh: z.string(), nameEn: z.string(), level: z.string() }),
  permissions: z.array(z.enum(PERMISSIONS)),
  manageableRoles: z.array(roleSchema).describe('Roles you may give: only those holding no permission you lack'),
  mustChangePassword: z.boolean().describe('Until the password is changed, only me, password and logout answer'),
  passwordReset: z
    .object({ at: z.string(), by: z.string().describe('Username of whoever set the password') })
    .nullable()
    .describe('Who set your password for you and when, shown until you change it'),
});
export type Me = z.infer<typeof meResponse>;
