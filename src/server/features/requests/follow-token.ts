/**
 * The secret in a portal request's follow link. The reference code counts up and can be guessed, so the public status
 * page also needs this; the database keeps only its SHA-256, so not even a database dump opens anyone's status page.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 32 random bytes as base64url: 43 characters that travel in a URL as they are. */
export const newFollowToken = (): string => randomBytes(32).toString('base64url');

export const followTokenHash = (token: string): string => createHash('sha256').update(token).digest('hex');

/** A stand-in compared when there is no request, so a wrong code takes as long to refuse as a wrong secret. */
const NO_REQUEST = followTokenHash('');

/** Whether the token is the one whose hash was stored, compared in constant time. */
export function sameFollowToken(token: string, storedHash: string | null): boolean {
  const stored = Buffer.from(storedHash ?? NO_REQUEST, 'hex');
  const given = Buffer.from(followTokenHash(token), 'hex');
  return stored.length === given.length && timingSafeEqual(stored, given) && storedHash !== null;
}
