/**
 * What API tokens may do (decision 038), beside the permissions `can` reads from the token: a token never touches
 * accounts, passwords or tokens, and a read-only token never writes, whatever the route would otherwise allow.
 */
import { managesTokens, type OrgLevel, type Permission, type TokenAccess, tokenPermissions } from '#shared/access';
import { AppError } from '../errors';
import type { Actor } from './actor';
import { can } from './index';

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** A program has no password or session, and manages no accounts or tokens; `GET /api/auth/me` tells it who it is. */
const PERSON_ONLY = ['/api/auth/', '/api/users', '/api/tokens'];

/** Refuses what a token may never call, before the route runs (`route` as registered: `/api/users/:id`). */
export function requireTokenMayCall(actor: Actor, method: string, route: string): void {
  if (!actor.token) return;
  const personOnly = PERSON_ONLY.some((prefix) => route.startsWith(prefix));
  if (personOnly && !(method === 'GET' && route === '/api/auth/me')) throw new AppError('token.not_allowed');
  if (actor.token.access === 'read' && !READ_METHODS.has(method)) throw new AppError('token.read_only');
}

/**
 * Verifying an outcome is a second officer's judgement of its evidence. A program's token judges nothing, and through
 * a district's token the officer who recorded an outcome could verify it.
 */
export function requireOfficerToVerify(actor: Actor): void {
  if (actor.token) throw new AppError('outcome.verifier_not_a_person');
}

/** Makes and revokes tokens: a person who may give out viewer accounts (a token's service account is one). */
export function requireTokenManager(actor: Actor): void {
  if (actor.token || !managesTokens(actor.role) || !can(actor, 'users.manage')) throw new AppError('access.forbidden');
}

/**
 * The permissions a token of this level and access would hold that its maker lacks: giving them is refused, as giving
 * such a role is (decision 002); the national administrator answers for every account and may.
 */
export function tokenPermissionsBeyond(actor: Actor, level: OrgLevel, access: TokenAccess): Permission[] {
  if (actor.role === 'national_admin') return [];
  return tokenPermissions(level, access).filter((permission) => !can(actor, permission));
}
