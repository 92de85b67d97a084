import { and, eq, sql } from 'drizzle-orm';
import { ROLES } from '#shared/access';
import type { Me } from '#shared/users';
import { type Actor, canGiveRole, permissionsOf } from '../access';
import { auditEvent } from '../audit/audit';
import { updateAudited } from '../audit/writes';
import { now } from '../clock';
import type { Db } from '../db/client';
import { orgUnits, users } from '../db/schema';
import type { Settings } from '../env';
import { AppError } from '../errors';
import { refusePassword, requireStrongPassword } from './password-policy';
import { DUMMY_HASH, hashPassword, verifyPassword } from './passwords';
import { createSession, deleteSession, endSessionsOf } from './sessions';
import { claimSignInAttempt, clearSignInFailures, usernameKey } from './sign-in-throttle';

export const actorOf = (user: typeof users.$inferSelect, clientAddress?: string): Actor => ({
  userId: user.id,
  username: user.username,
  role: user.role,
  orgUnitCode: user.orgUnitCode,
  clientAddress,
});

/**
 * Checks the password and opens a new session (a fresh token each time: no session fixation). Known and
 * unknown usernames take the same path, the same time (argon2 against a dummy hash) and get the same
 * answers, so nothing tells which accounts exist.
 */
export async function login(
  db: Db,
  settings: Settings,
  username: string,
  password: string,
  clientAddress?: string,
): Promise<{ token: string; actor: Actor }> {
  // A token's service account never signs in (decision 038): it is looked for among people only.
  const [user] = await db
    .select()
    .from(users)
    .where(and(sql`lower(${users.username}) = ${usernameKey(username)}`, eq(users.kind, 'person')));
  await claimAttempt(db, username);
  const passwordRight = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, password);
  if (!user?.active || !passwordRight) {
    // The name tried and where from, never the password: the trail of a guessing attack.
    await auditEvent(db, null, {
      action: 'login_failed',
      entity: 'session',
      entityId: user?.id ?? '-',
      orgUnitCode: user?.orgUnitCode ?? 'TH',
      after: { username },
      clientAddress,
    });
    throw new AppError('auth.invalid_credentials');
  }
  const actor = actorOf(user, clientAddress);
  const token = await db.transaction(async (tx) => {
    await clearSignInFailures(tx, username);
    await auditEvent(tx, actor, { action: 'login', entity: 'session', entityId: user.id, orgUnitCode: user.orgUnitCode });
    return createSession(tx, user.id, settings);
  });
  return { token, actor };
}

/** One attempt at a password on the username's count (sign-in-throttle.ts); 429 while its wait is not over. */
async function claimAttempt(db: Db, username: string): Promise<void> {
  const claim = await claimSignInAttempt(db, username);
  if (!claim.allowed) throw new AppError('auth.throttled', { params: { seconds: claim.retryAfterSeconds } });
}

export async function describeActor(db: Db, actor: Actor): Promise<Me> {
  const [row] = await db
    .select({ user: users, unit: orgUnits })
    .from(users)
    .innerJoin(orgUnits, eq(orgUnits.code, users.orgUnitCode))
    .where(eq(users.id, actor.userId));
  return {
    user: { id: row.user.id, username: row.user.username, displayName: row.user.displayName },
    role: row.user.role,
    orgUnit: { code: row.unit.code, nameTh: row.unit.nameTh, nameEn: row.unit.nameEn, level: row.unit.level },
    permissions: [...permissionsOf(actor)],
    manageableRoles: ROLES.filter((role) => canGiveRole(actor, role)),
    mustChangePassword: row.user.mustChangePassword,
    passwordReset:
      row.user.mustChangePassword && row.user.passwordResetAt
        ? { at: row.user.passwordResetAt.toISOString(), by: row.user.passwordResetBy ?? '' }
        : null,
  };
}

/**
 * Changes one's own password (the only way out of a password an administrator set); every other session
 * of the user ends.
 */
export async function changeOwnPassword(
  db: Db,
  settings: Settings,
  actor: Actor,
  currentPassword: string,
  newPassword: string,
): Promise<string> {
  const [user] = await db.select().from(users).where(eq(users.id, actor.userId));
  // Guessing the current password from a session left open counts as wrong sign-ins do, on the same count.
  await claimAttempt(db, user.username);
  if (!(await verifyPassword(user.passwordHash, currentPassword))) throw new AppError('auth.wrong_current_password');
  await clearSignInFailures(db, user.username);
  if (newPassword === currentPassword) refusePassword('password.unchanged', 'body/newPassword');
  await requireStrongPassword(newPassword, user.username, 'body/newPassword', [user.displayName]);
  const passwordHash = await hashPassword(newPassword);
  return db.transaction(async (tx) => {
    await updateAudited(
      tx,
      actor,
      users,
      'user',
      user.id,
      { passwordHash, passwordChangedAt: now(), mustChangePassword: false, passwordResetAt: null, passwordResetBy: null },
      { action: 'change_password' },
    );
    await endSessionsOf(tx, user.id);
    return createSession(tx, user.id, settings);
  });
}

/** Ends the session of this cookie, if it is one, and logs the sign-out. */
export async function logout(db: Db, token: string, clientAddress?: string): Promise<void> {
  await db.transaction(async (tx) => {
    const ended = await deleteSession(tx, token);
    if (!ended) return;
    const [user] = await tx.select().from(users).where(eq(users.id, ended.userId));
    if (user)
      await auditEvent(tx, actorOf(user, clientAddress), {
        action: 'logout',
        entity: 'session',
        entityId: user.id,
        orgUnitCode: user.orgUnitCode,
      });
  });
}
