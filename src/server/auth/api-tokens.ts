/**
 * API tokens on the wire (decision 038): `Authorization: Bearer thr_…`. The secret is shown once; the table keeps
 * only its SHA-256, so a database leak hands out no live token. A token acts as its own service account.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { TOKEN_SECRET_PATTERN } from '#shared/tokens';
import type { Actor } from '../access';
import { now } from '../clock';
import type { Db } from '../db/client';
import { apiTokens, users } from '../db/schema';

export const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('hex');

export function newSecret(): { secret: string; secretHash: string } {
  const secret = `thr_${randomBytes(32).toString('base64url')}`;
  return { secret, secretHash: hashSecret(secret) };
}

/** An API route that answers only to a caller: not public, not the interactive docs (static pages about the API). */
export const needsCaller = (request: FastifyRequest) =>
  request.url.startsWith('/api/') && !request.url.startsWith('/api/docs') && !request.routeOptions.config.public;

/** Whether the request sends a token (`Authorization: Bearer`), on whatever route. */
export const sendsBearer = (request: FastifyRequest) => /^Bearer\b/i.test(request.headers.authorization ?? '');

/**
 * The credential of an `Authorization: Bearer` header on a route that needs a caller ('' when the scheme comes without
 * one); undefined when there is none. Other schemes (a proxy's Basic) are not ours and are left alone.
 */
export function bearerOf(request: FastifyRequest): string | undefined {
  if (!needsCaller(request)) return undefined;
  const match = /^Bearer(?:\s+(.*))?$/i.exec(request.headers.authorization ?? '');
  return match ? (match[1] ?? '').trim() : undefined;
}

export type TokenLookup =
  | { status: 'invalid' | 'expired' | 'revoked' }
  | { status: 'ok'; token: typeof apiTokens.$inferSelect; user: typeof users.$inferSelect };

/** Finds the token of a secret; notes its use at most once a minute (not a write per request). */
export async function findApiToken(db: Db, secret: string): Promise<TokenLookup> {
  // A malformed secret is refused before the database is asked.
  if (!TOKEN_SECRET_PATTERN.test(secret)) return { status: 'invalid' };
  const secretHash = hashSecret(secret);
  const [row] = await db
    .select({ token: apiTokens, user: users })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(eq(apiTokens.secretHash, secretHash));
  if (!row || !timingSafeEqual(Buffer.from(row.token.secretHash, 'hex'), Buffer.from(secretHash, 'hex')))
    return { status: 'invalid' };
  if (row.token.revokedAt || !row.user.active) return { status: 'revoked' };
  const at = now();
  if (at >= row.token.expiresAt) return { status: 'expired' };
  if (!row.token.lastUsedAt || at.getTime() - row.token.lastUsedAt.getTime() > 60_000) {
    await db.update(apiTokens).set({ lastUsedAt: at }).where(eq(apiTokens.id, row.token.id));
  }
  return { status: 'ok', token: row.token, user: row.user };
}

/** The service account acting: named `token:<name>` in the audit log, scoped to the token's unit. */
export const actorOfToken = (token: typeof apiTokens.$inferSelect, clientAddress?: string): Actor => ({
  userId: token.userId,
  username: `token:${token.name}`,
  role: 'viewer',
  orgUnitCode: token.orgUnitCode,
  clientAddress,
  token: { id: token.id, access: token.access },
});
