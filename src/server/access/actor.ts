import type { Permission, Role } from '#shared/access';

/** The signed-in user on whose behalf a service runs; every service takes it first. */
export interface Actor {
  userId: number;
  username: string;
  role: Role;
  orgUnitCode: string;
  /** The address the request came from, recorded on every audit entry the request writes. */
  clientAddress?: string;
}

/** Used for seeding and command-line tools, recorded as such in the audit log. */
export const SYSTEM_ACTOR: Actor = { userId: 0, username: 'system', role: 'national_admin', orgUnitCode: 'TH' };

export type { Permission, Role };
