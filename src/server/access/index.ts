/**
 * THE one place for authorization. Services call `requirePermission` for what a role may do and
 * `scopeFilter` / `requireInScope` for where: a user acts on its own org unit and everything below it.
 */
import { and, eq, inArray, or, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import {
  codeInScope,
  MANAGEABLE_ROLES,
  OFFICIAL_ROLES,
  type Permission,
  ROLE_PERMISSIONS,
  type Role,
  SERVICE_RECORDERS,
  tokenPermissions,
} from '#shared/access';
import { levelOf } from '#shared/fields';
import { underUnit } from '../db/filters';
import { allocations, users } from '../db/schema';
import { AppError } from '../errors';
import type { Actor } from './actor';

export type { Actor } from './actor';
export { SYSTEM_ACTOR } from './actor';
export {
  authoritiesOf,
  authorityFilter,
  delegationOrderScope,
  holdsAuthorityOver,
  requireAnyAuthority,
  requireDelegatedAuthority,
} from './authority';
export { requireOfficerToVerify, requireTokenManager, requireTokenMayCall, tokenPermissionsBeyond } from './tokens';

/** What the actor may do: its role's permissions, or for a token those of its access at its unit's level. */
export function permissionsOf(actor: Actor): readonly Permission[] {
  return actor.token ? tokenPermissions(levelOf(actor.orgUnitCode), actor.token.access) : ROLE_PERMISSIONS[actor.role];
}

export function can(actor: Actor, permission: Permission): boolean {
  return permissionsOf(actor).includes(permission);
}

export function requirePermission(actor: Actor, permission: Permission): void {
  if (!can(actor, permission)) throw new AppError('access.forbidden');
}

export function inScope(actor: Actor, orgUnitCode: string): boolean {
  return codeInScope(actor.orgUnitCode, orgUnitCode);
}

/** SQL condition keeping only rows owned by the actor's unit or a unit below it; undefined for the nation. */
export function scopeFilter(actor: Actor, column: AnyPgColumn): SQL | undefined {
  return actor.orgUnitCode === 'TH' ? undefined : underUnit(column, actor.orgUnitCode);
}

/** For writes aimed at a unit: outside the scope is refused outright. */
export function requireInScope(actor: Actor, orgUnitCode: string): void {
  if (!inScope(actor, orgUnitCode)) throw new AppError('access.out_of_scope');
}

/** For acts a unit does itself (allocating its money, paying): the unit's own officers, or the nation. */
export function requireActingFor(actor: Actor, orgUnitCode: string): void {
  if (actor.orgUnitCode !== orgUnitCode && actor.orgUnitCode !== 'TH') throw new AppError('access.out_of_scope');
}

/** Whether the actor manages accounts of this role at all (a province its districts' officers, a district its committee). */
export function canManageRole(actor: Actor, role: Role): boolean {
  return !actor.token && MANAGEABLE_ROLES[actor.role].includes(role);
}

/**
 * The permissions of a role that the actor lacks. Giving such a role, or setting the password of an account
 * holding it, would hand them to the actor (a province officer minting a district account to read full citizen
 * IDs), so it is refused; the national administrator answers for every account and may.
 */
export function permissionsBeyond(actor: Actor, role: Role): Permission[] {
  if (actor.role === 'national_admin') return [];
  return ROLE_PERMISSIONS[role].filter((permission) => !can(actor, permission));
}

export function canGiveRole(actor: Actor, role: Role): boolean {
  return canManageRole(actor, role) && permissionsBeyond(actor, role).length === 0;
}

/**
 * SQL over `users`: who may borrow a unit's cash (เงินยืมราชการ): its active officials. Committee members and viewers
 * are not officials of the office and may not.
 */
export function borrowerFilter(orgUnitCode: string): SQL {
  return and(eq(users.active, true), eq(users.orgUnitCode, orgUnitCode), inArray(users.role, OFFICIAL_ROLES)) as SQL;
}

/**
 * SQL over `allocations`: the money a unit may see moving, made or received inside its scope
 * (a province sees what the nation gave it and what it gave its districts; a district what it received).
 */
export function allocationScope(actor: Actor): SQL | undefined {
  if (actor.orgUnitCode === 'TH') return undefined;
  return or(underUnit(allocations.fromUnitCode, actor.orgUnitCode), underUnit(allocations.toUnitCode, actor.orgUnitCode));
}

/**
 * Services (DOMAIN.md §2): district officers record and change any service of their district; a committee member
 * records only services they gave themselves and changes only the records they made.
 */
export function requireServiceRecorder(actor: Actor): void {
  if (!SERVICE_RECORDERS.includes(actor.role)) throw new AppError('access.forbidden');
}

export function requireServiceGiver(actor: Actor, staffIds: number[]): void {
  requireServiceRecorder(actor);
  if (!can(actor, 'pipeline.write') && !staffIds.includes(actor.userId)) throw new AppError('service.committee_not_giver');
}

export function requireServiceAuthor(actor: Actor, service: { createdBy: number }): void {
  requireServiceRecorder(actor);
  if (!can(actor, 'pipeline.write') && service.createdBy !== actor.userId) throw new AppError('service.not_own_record');
}

/** SQL over `users`: who may be named as giving a service of the district (its active officers and committee). */
export function serviceGiverFilter(orgUnitCode: string): SQL {
  return and(
    eq(users.orgUnitCode, orgUnitCode),
    eq(users.active, true),
    inArray(users.role, ['district_officer', 'committee_member']),
  ) as SQL;
}
