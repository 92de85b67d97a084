import { eq, sql } from 'drizzle-orm';
import { MANAGEABLE_ROLES, ROLE_PERMISSIONS } from '#shared/access';
import type { Me } from '#shared/users';
import type { Actor } from '../access';
import { auditEvent } from '../audit/audit';
import { updateAudited } from '../audit/writes';
import { now } from '../clock';
import type { Db } from '../db/client';
import { orgUnits, users } from '../db/schema';
import type { Settings } from '../env';
import { AppError } from '../errors';
import { DUMMY_HASH, hashPassword, verifyPassword } from './passwords';
import { createSession, deleteSession, endSessionsOf } from './sessions';

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 15;

export const actorOf = (user: typeof users.$inferSelect): Actor => ({
  userId: user.id,
  username: user.username,
  role: user.role,
  orgUnitCode: user.orgUnitCode,
});

/** Checks the password and opens a new session (a fresh token each time: no session fixation). */
export async function login(
  db: Db,
  settings: Settings,
  username: string,
  password: string,
): Promise<{ token: string; actor: Actor }> {
  const [user] = await db.select().from(users).where(sql`lower(${users.username}) = lower(${username})`);
  if (!user) {
    await verifyPassword(DUMMY_HASH, password);
    throw new AppError('auth.invalid_credentials');
  }
  const at = now().getTime();
  if (user.lockedUntil && user.lockedUntil.getTime() > at) {
    throw new AppError('auth.locked', { params: { minutes: Math.ceil((user.lockedUntil.getTime() - at) / 60_000) } });
  }
  const ok = (await verifyPassword(user.passwordHash, password)) && user.active;
  const actor = actorOf(user);
  if (!ok) {
    await db.transaction(async (tx) => {
      // Count in SQL so parallel wrong guesses cannot undercount (a counter, not a change of the account: not audited).
      const [after] = await tx
        .update(users)
        .set({ failedLogins: sql`${users.failedLogins} + 1` })
        .where(eq(users.id, user.id))
        .returning({ failedLogins: users.failedLogins });
      if (after.failedLogins >= MAX_FAILED_LOGINS) {
        const lockedUntil = new Date(at + LOCKOUT_MINUTES * 60_000);
        await updateAudited(tx, actor, users, 'user', user.id, { lockedUntil, failedLogins: 0 }, { action: 'lock' });
      }
    });
    throw new AppError('auth.invalid_credentials');
  }
  const token = await db.transaction(async (tx) => {
    // Housekeeping counters of the sign-in itself; the sign-in is the audited event.
    await tx.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, user.id));
    await auditEvent(tx, actor, { action: 'login', entity: 'session', entityId: user.id, orgUnitCode: user.orgUnitCode });
    return createSession(tx, user.id, settings);
  });
  return { token, actor };
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
    permissions: [...ROLE_PERMISSIONS[row.user.role]],
    manageableRoles: [...MANAGEABLE_ROLES[row.user.role]],
  };
}

/** Changes one's own password; every other session of the user ends. */
export async function changeOwnPassword(
  db: Db,
  settings: Settings,
  actor: Actor,
  currentPassword: string,
  newPassword: string,
): Promise<string> {
  const [user] = await db.select().from(users).where(eq(users.id, actor.userId));
  if (!(await verifyPassword(user.passwordHash, currentPassword))) throw new AppError('auth.wrong_current_password');
  const passwordHash = await hashPassword(newPassword);
  return db.transaction(async (tx) => {
    await updateAudited(
      tx,
      actor,
      users,
      'user',
      user.id,
      { passwordHash, passwordChangedAt: now() },
      { action: 'change_password' },
    );
    await endSessionsOf(tx, user.id);
    return createSession(tx, user.id, settings);
  });
}

/** Ends the session of this cookie, if it is one, and logs the sign-out. */
export async function logout(db: Db, token: string): Promise<void> {
  await db.transaction(async (tx) => {
    const ended = await deleteSession(tx, token);
    if (!ended) return;
    const [user] = await tx.select().from(users).where(eq(users.id, ended.userId));
    if (user)
      await auditEvent(tx, actorOf(user), {
        action: 'logout',
        entity: 'session',
        entityId: user.id,
        orgUnitCode: user.orgUnitCode,
      });
  });
}
