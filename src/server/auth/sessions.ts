import { createHash, randomBytes } from 'node:crypto';
import { eq, lt, sql } from 'drizzle-orm';
import { now } from '../clock';
import type { Db, Tx } from '../db/client';
import { sessions, users } from '../db/schema';
import type { Settings } from '../env';

export const SESSION_COOKIE = 'thanrak_session';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createSession(tx: Tx | Db, userId: number, settings: Settings): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now().getTime() + settings.sessionAbsoluteHours * 3_600_000);
  await tx.insert(sessions).values({ tokenHash: hashToken(token), userId, expiresAt });
  return token;
}

/** Ends one session; returns whose it was (nothing when the token is unknown). */
export async function deleteSession(db: Db | Tx, token: string): Promise<{ userId: number } | undefined> {
  const [ended] = await db
    .delete(sessions)
    .where(eq(sessions.tokenHash, hashToken(token)))
    .returning({ userId: sessions.userId });
  return ended;
}

export type SessionLookup = { status: 'none' | 'expired' } | { status: 'ok'; user: typeof users.$inferSelect };

/**
 * The session and its user by token hash: the one query every signed-in request runs. Prepared once per database
 * (decision 040): drizzle builds its SQL once instead of on every request, and PostgreSQL keeps it as a named
 * statement on each pooled connection, parsed and planned once. It still reads the rows every time: sign-out,
 * expiry, a disabled user or a changed password take effect on the next request, on every node.
 */
const prepareSessionLookup = (db: Db) =>
  db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.tokenHash, sql.placeholder('tokenHash')))
    .prepare('session_by_token_hash');
const sessionLookups = new WeakMap<Db, ReturnType<typeof prepareSessionLookup>>();

function sessionLookup(db: Db) {
  let lookup = sessionLookups.get(db);
  if (!lookup) {
    lookup = prepareSessionLookup(db);
    sessionLookups.set(db, lookup);
  }
  return lookup;
}

/** Finds the session's user; ends sessions past their idle or absolute limit, or of disabled users. */
export async function findSession(db: Db, token: string, settings: Settings): Promise<SessionLookup> {
  const tokenHash = hashToken(token);
  const [row] = await sessionLookup(db).execute({ tokenHash });
  if (!row) return { status: 'none' };
  const at = now().getTime();
  const idleLimit = row.session.lastSeenAt.getTime() + settings.sessionIdleMinutes * 60_000;
  if (at > idleLimit || at > row.session.expiresAt.getTime() || !row.user.active) {
    await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
    return { status: 'expired' };
  }
  // Refresh the idle clock at most once a minute, not on every request.
  if (at - row.session.lastSeenAt.getTime() > 60_000) {
    await db
      .update(sessions)
      .set({ lastSeenAt: new Date(at) })
      .where(eq(sessions.tokenHash, tokenHash));
  }
  return { status: 'ok', user: row.user };
}

export async function endSessionsOf(tx: Tx | Db, userId: number): Promise<void> {
  await tx.delete(sessions).where(eq(sessions.userId, userId));
}

export async function purgeExpiredSessions(db: Db): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, now()));
}
