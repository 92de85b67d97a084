import { and, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { ROLE_LEVELS, type Role } from '#shared/access';
import type { createUserBody, User, updateUserBody, userListQuery } from '#shared/users';
import { type Actor, canManageRole, permissionsBeyond, requireInScope, requirePermission, scopeFilter } from '../../access';
import { changeRecord, createRecord, updateRecord } from '../../audit/writes';
import { requireStrongPassword } from '../../auth/password-policy';
import { hashPassword } from '../../auth/passwords';
import { endSessionsOf } from '../../auth/sessions';
import { clearSignInFailures } from '../../auth/sign-in-throttle';
import { now } from '../../clock';
import type { Db } from '../../db/client';
import { containing, underUnit } from '../../db/filters';
import { type OrderKey, readPage } from '../../db/paging';
import { orgUnits, signInThrottle, users } from '../../db/schema';
import { AppError } from '../../errors';
import { findOrgUnit } from '../org-units/org-units.service';

const LEVEL_TH = { national: 'ประเทศ', province: 'จังหวัด', district: 'อำเภอ' } as const;

const userColumns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  position: users.position,
  role: users.role,
  orgUnitCode: users.orgUnitCode,
  orgUnitNameTh: orgUnits.nameTh,
  orgUnitNameEn: orgUnits.nameEn,
  active: users.active,
  lockedUntil: signInThrottle.notBefore,
  mustChangePassword: users.mustChangePassword,
  createdAt: users.createdAt,
  version: users.version,
};

type UserRow = { [K in keyof typeof userColumns]: any };
const toUser = (row: UserRow): User => ({
  ...row,
  lockedUntil: row.lockedUntil && row.lockedUntil > now() ? row.lockedUntil.toISOString() : null,
  createdAt: row.createdAt.toISOString(),
});

const USER = { entity: 'user', notFound: 'user.not_found' } as const;
/** People only: the service accounts behind API tokens are listed and revoked on the tokens page (decision 038). */
const isPerson = eq(users.kind, 'person');
const throttleOfUser = eq(signInThrottle.usernameKey, sql`lower(${users.username})`);

export async function listUsers(db: Db, actor: Actor, query: z.infer<typeof userListQuery>) {
  requirePermission(actor, 'users.read');
  const conditions: (SQL | undefined)[] = [
    isPerson,
    scopeFilter(actor, users.orgUnitCode),
    query.unit ? underUnit(users.orgUnitCode, query.unit) : undefined,
    query.role ? eq(users.role, query.role) : undefined,
    query.q
      ? or(
          ilike(users.username, containing(query.q)),
          ilike(users.displayName, containing(query.q)),
          ilike(users.position, containing(query.q)),
        )
      : undefined,
  ];
  const where = and(...conditions);
  const rows = db
    .select(userColumns)
    .from(users)
    .innerJoin(orgUnits, eq(orgUnits.code, users.orgUnitCode))
    .leftJoin(signInThrottle, throttleOfUser)
    .$dynamic();
  type Row = Awaited<typeof rows>[number];
  const order: OrderKey<Row>[] = [
    { by: users.orgUnitCode, kind: 'text', of: (u: Row) => u.orgUnitCode },
    { by: users.username, kind: 'text', of: (u: Row) => u.username },
    { by: users.id, kind: 'int', of: (u: Row) => u.id },
  ];
  const page = await readPage(db, { rows, table: users, where, order }, query);
  return { ...page, items: page.items.map(toUser) };
}

/** A user the actor may see; anything outside the scope does not exist for the actor. */
export async function getUser(db: Db, actor: Actor, id: number): Promise<User> {
  requirePermission(actor, 'users.read');
  const [row] = await db
    .select(userColumns)
    .from(users)
    .innerJoin(orgUnits, eq(orgUnits.code, users.orgUnitCode))
    .leftJoin(signInThrottle, throttleOfUser)
    .where(and(eq(users.id, id), isPerson, scopeFilter(actor, users.orgUnitCode)));
  if (!row) throw new AppError('user.not_found');
  return toUser(row);
}

/** The role must fit the unit's level, and district roles need a unit with a service center. */
async function requireFittingUnit(db: Db, actor: Actor, role: Role, orgUnitCode: string) {
  requireInScope(actor, orgUnitCode);
  const unit = await findOrgUnit(db, orgUnitCode);
  if (!unit) throw new AppError('org_unit.not_found', { params: { code: orgUnitCode } });
  if (!ROLE_LEVELS[role].includes(unit.level)) {
    const level = ROLE_LEVELS[role][0];
    throw new AppError('user.role_unit_mismatch', { params: { role, level: LEVEL_TH[level], levelEn: level } });
  }
  if (!unit.covered && role !== 'viewer' && role !== 'national_admin') throw new AppError('user.unit_not_covered');
}

function requireManagedRole(actor: Actor, role: Role) {
  requirePermission(actor, 'users.manage');
  if (!canManageRole(actor, role)) throw new AppError('access.forbidden');
}

/** Giving a role, or setting the password of an account holding it, needs every permission the role has. */
function requireGivableRole(actor: Actor, role: Role) {
  requireManagedRole(actor, role);
  const beyond = permissionsBeyond(actor, role);
  if (beyond.length) throw new AppError('user.role_beyond_own_permissions', { params: { role, permissions: beyond.join(', ') } });
}

/** Takes the body as sent (demo code leaves out the optional position). */
export async function createUser(db: Db, actor: Actor, body: z.input<typeof createUserBody>): Promise<User> {
  requireGivableRole(actor, body.role);
  await requireFittingUnit(db, actor, body.role, body.orgUnitCode);
  await requireStrongPassword(body.password, body.username, 'body/password', [body.displayName]);
  const passwordHash = await hashPassword(body.password);
  const id = await db.transaction(async (tx) => {
    const [taken] = await tx.select({ id: users.id }).from(users).where(sql`lower(${users.username}) = lower(${body.username})`);
    if (taken) throw new AppError('user.username_taken', { params: { username: body.username } });
    const created = await createRecord(tx, actor, users, USER.entity, {
      username: body.username,
      displayName: body.displayName,
      position: body.position?.trim() ?? '',
      role: body.role,
      orgUnitCode: body.orgUnitCode,
      passwordHash,
    });
    return created.id;
  });
  return getUser(db, actor, id);
}

/** Loads a user the actor may manage: visible (else 404) and of a role the actor manages. */
async function manageableUser(db: Db, actor: Actor, id: number) {
  requirePermission(actor, 'users.manage');
  const [user] = await db
    .select()
    .from(users)
    .where(and(eq(users.id, id), isPerson, scopeFilter(actor, users.orgUnitCode)));
  if (!user) throw new AppError('user.not_found');
  requireManagedRole(actor, user.role);
  return user;
}

export async function updateUser(db: Db, actor: Actor, id: number, body: z.infer<typeof updateUserBody>): Promise<User> {
  const existing = await manageableUser(db, actor, id);
  const changesSelf = body.role !== undefined || body.orgUnitCode !== undefined || body.active !== undefined;
  if (existing.id === actor.userId && changesSelf) throw new AppError('user.cannot_change_self');
  const role = body.role ?? existing.role;
  const orgUnitCode = body.orgUnitCode ?? existing.orgUnitCode;
  if (body.role && body.role !== existing.role) requireGivableRole(actor, body.role);
  if (body.role || body.orgUnitCode) await requireFittingUnit(db, actor, role, orgUnitCode);
  await db.transaction(async (tx) => {
    const { before, after: updated } = await updateRecord(tx, actor, users, USER, id, body.version, {
      displayName: body.displayName ?? existing.displayName,
      position: body.position ?? existing.position,
      role,
      orgUnitCode,
      active: body.active ?? existing.active,
    });
    // A changed role, unit or status must take effect now, not at the next sign-in.
    if (updated.role !== before.role || updated.orgUnitCode !== before.orgUnitCode || !updated.active)
      await endSessionsOf(tx, id);
  });
  return getUser(db, actor, id);
}

/**
 * Sets another user's password: their sessions end, they must pick a new one at the next sign-in and are
 * told who set it. Never one's own (that needs the current password: POST /api/auth/password).
 */
export async function resetPassword(db: Db, actor: Actor, id: number, password: string): Promise<void> {
  requirePermission(actor, 'users.manage');
  if (id === actor.userId) throw new AppError('user.cannot_reset_own_password');
  const user = await manageableUser(db, actor, id);
  requireGivableRole(actor, user.role);
  await requireStrongPassword(password, user.username, 'body/password', [user.displayName]);
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    await changeRecord(
      tx,
      actor,
      users,
      USER,
      id,
      {
        passwordHash,
        passwordChangedAt: now(),
        mustChangePassword: true,
        passwordResetAt: now(),
        passwordResetBy: actor.username,
      },
      { action: 'reset_password' },
    );
    await endSessionsOf(tx, id);
    await clearSignInFailures(tx, user.username);
  });
}
