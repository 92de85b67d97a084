/**
 * THE one place for authorization. Services call `requirePermission` for what a role may do and
 * `scopeFilter` / `requireInScope` for where: a user acts on its own org unit and everything below it.
 */
import type { SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { codeInScope, MANAGEABLE_ROLES, type Permission, ROLE_PERMISSIONS, type Role } from '#shared/access';
import { underUnit } from '../db/filters';
import { AppError } from '../errors';
import type { Actor } from './actor';

export type { Actor } from './actor';
export { SYSTEM_ACTOR } from './actor';

export function can(actor: Actor, permission: Permission): boolean {
  return ROLE_PERMISSIONS[actor.role].includes(permission);
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

export function canGiveRole(actor: Actor, role: Role): boolean {
  return MANAGEABLE_ROLES[actor.role].includes(role);
}
