import { eq, sql } from 'drizzle-orm';
import { MANAGEABLE_ROLES, ROLE_PERMISSIONS } from '#shared/access';
import type { Me } from '#shared/users';
import type { Actor } from '../access';
import { recordAudit } from '../audit/audit';
import type { Db } from '../db/client';
import { orgUnits, users } from '../db/schema';
import type { Settings } from '../env';
import { AppError } from '../errors';
import { DUMMY_HASH, hashPassword, verifyPassword } from './passwords';
import { createSession, endSessionsOf } from './sessions';

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
  if (user.lockedUntil && user.lockedUntil.getTime() > Date.now()) {
    throw new AppError('auth.locked', { params: { minutes: Math.ceil((user.lockedUntil.getTime() - Date.now()) / 60_000) } });
  }
  const ok = (await verifyPassword(user.passwordHash, password)) && user.active;
  const actor = actorOf(user);
  if (!ok) {
    await db.transaction(async (tx) => {
      // Count in SQL so parallel wrong guesses cannot undercount.
      const [after] = await tx
        .update(users)
        .set({ failedLogins: sql`${users.failedLogins} + 1` })
        .where(eq(users.id, user.id))
        .returning({ failedLogins: users.failedLogins });
      if (after.failedLogins >= MAX_FAILED_LOGINS) {
        const lockedUntil = new Date(Date.now() + LOCKOUT_MINUTES * 60_000);
        await tx.update(users).set({ lockedUntil, failedLogins: 0 }).where(eq(users.id, user.id));
        await recordAudit(tx, actor, {
          action: 'lock',
          entity: 'user',
          entityId: user.id,
          orgUnitCode: user.orgUnitCode,
          after: { lockedUntil },
        });
      }
    });
    throw new AppError('auth.invalid_credentials');
  }
  const token = await db.transaction(async (tx) => {
    await tx.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, user.id));
    await recordAudit(tx, actor, { action: 'login', entity: 'session', entityId: user.id, orgUnitCode: user.orgUnitCode });
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
    await tx
      .update(users)
      .set({ passwordHash, passwordChangedAt: new Date(), updatedAt: new Date(), version: sql`${users.version} + 1` })
      .where(eq(users.id, user.id));
    await endSessionsOf(tx, user.id);
    await recordAudit(tx, actor, {
      action: 'change_password',
      entity: 'user',
      entityId: user.id,
      orgUnitCode: user.orgUnitCode,
      before: { passwordHash: 1 },
      after: { passwordHash: 2 },
    });
    return createSession(tx, user.id, settings);
  });
}
