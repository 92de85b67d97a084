/**
 * Per-username progressive delay for sign-in, kept in the database so every app node counts the same
 * failures. The first FREE_ATTEMPTS failures cost nothing; after that each attempt must wait twice as
 * long as the one before (2 s, 4 s, 8 s … up to MAX_DELAY_SECONDS). Nothing ever locks an account: its
 * owner signs in with the right password once the wait is over, and a success clears the count.
 * Usernames nobody holds are counted the same way, so the answers never tell which accounts exist.
 */
import { eq, lt, sql } from 'drizzle-orm';
import { now } from '../clock';
import type { Db, Tx } from '../db/client';
import { signInThrottle } from '../db/schema';

export const FREE_ATTEMPTS = 5;
export const MAX_DELAY_SECONDS = 600;
/** Failures older than this are forgotten: a new run of wrong passwords starts from the free attempts. */
const FORGET_AFTER_HOURS = 24;

/**
 * A username as sign-in matches it and counts its failures: the account is looked up by this same key, so no other
 * spelling of a name (a capital İ, which lowercases to i and a combining dot) reaches the account past its count.
 */
export const usernameKey = (username: string) => username.trim().toLowerCase();

export type AttemptClaim = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Claims one attempt for the username, counting it as failed until the password proves right (so parallel
 * guesses can't slip several through one opening). Refused while the username's wait is not over.
 */
export async function claimSignInAttempt(db: Db, username: string): Promise<AttemptClaim> {
  const key = usernameKey(username);
  const at = now();
  const atSql = sql`${at.toISOString()}::timestamptz`;
  const stale = sql`${signInThrottle.lastFailureAt} < ${atSql} - make_interval(hours => ${FORGET_AFTER_HOURS})`;
  const failures = sql`case when ${stale} then 1 else ${signInThrottle.failures} + 1 end`;
  // One statement: the row lock of ON CONFLICT makes concurrent attempts on one username take turns.
  const claimed = await db
    .insert(signInThrottle)
    .values({ usernameKey: key, failures: 1, lastFailureAt: at })
    .onConflictDoUpdate({
      target: signInThrottle.usernameKey,
      set: {
        failures,
        lastFailureAt: at,
        notBefore: sql`case when ${failures} >= ${FREE_ATTEMPTS}
          then ${atSql} + make_interval(secs => least(power(2, ${failures} - ${FREE_ATTEMPTS - 1}), ${MAX_DELAY_SECONDS}))
          end`,
      },
      setWhere: sql`${signInThrottle.notBefore} is null or ${signInThrottle.notBefore} <= ${atSql}`,
    })
    .returning({ failures: signInThrottle.failures });
  if (claimed.length) return { allowed: true };
  const [row] = await db
    .select({ notBefore: signInThrottle.notBefore })
    .from(signInThrottle)
    .where(eq(signInThrottle.usernameKey, key));
  const waitMs = (row?.notBefore?.getTime() ?? at.getTime()) - at.getTime();
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
}

/** After a right password or a password set by an administrator: the count starts again. */
export async function clearSignInFailures(tx: Tx | Db, username: string): Promise<void> {
  await tx.delete(signInThrottle).where(eq(signInThrottle.usernameKey, usernameKey(username)));
  // Housekeeping on the way: counts nobody has added to for a day are forgotten anyway.
  const forgotten = new Date(now().getTime() - FORGET_AFTER_HOURS * 3_600_000);
  await tx.delete(signInThrottle).where(lt(signInThrottle.lastFailureAt, forgotten));
}
