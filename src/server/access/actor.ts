import type { Permission, Role, TokenAccess } from '#shared/access';

/** The signed-in user on whose behalf a service runs; every service takes it first. */
export interface Actor {
  userId: number;
  username: string;
  role: Role;
  orgUnitCode: string;
  /** The address the request came from, recorded on every audit entry the request writes. */
  clientAddress?: string;
  /** Set when a program calls through an API token (decision 038): the token's access, not the role, decides. */
  token?: { id: number; access: TokenAccess };
}

/** Used for seeding and command-line tools, recorded as such in the audit log. */
export const SYSTEM_ACTOR: Actor = { userId: 0, username: 'system', role: 'national_admin', orgUnitCode: 'TH' };

export type { Permission, Role };
