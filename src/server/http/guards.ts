/**
 * Checks every request passes before any route runs: state-changing requests come from this site,
 * no NUL character reaches the database, and a database known to be down answers 503 at once.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { bearerOf } from '../auth/api-tokens';
import type { DatabaseWatch } from '../db/watchdog';
import { problemFor } from '../errors';
import { RETRY_AFTER_SECONDS } from './problems';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A cookie-carrying request from another site (CSRF) is refused. Browsers send `Sec-Fetch-Site` and
 * `Origin` on such requests; clients that send neither (scripts, tests) are not browsers.
 */
export function isCrossSite(request: FastifyRequest): boolean {
  const fetchSite = request.headers['sec-fetch-site'];
  if (fetchSite && fetchSite !== 'same-origin' && fetchSite !== 'none') return true;
  const origin = request.headers.origin;
  if (origin === undefined) return false;
  try {
    const from = new URL(origin);
    // Parsed the same way on both sides, so a default port written out (":443") compares equal.
    return from.host !== new URL(`${from.protocol}//${request.host}`).host;
  } catch {
    return true; // `Origin: null` (sandboxed frames, file:) or garbage
  }
}

function containsNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (depth > 20 || value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.some((v) => containsNul(v, depth + 1));
  return Object.entries(value).some(([key, v]) => key.includes('\u0000') || containsNul(v, depth + 1));
}

export function registerRequestGuards(app: FastifyInstance, watch?: DatabaseWatch): void {
  app.addHook('onRequest', async (request, reply) => {
    if (watch && !watch.up && request.url.startsWith('/api/')) {
      return reply
        .status(503)
        .header('retry-after', String(RETRY_AFTER_SECONDS))
        .type('application/problem+json')
        .send(problemFor('database.unavailable'));
    }
    // A bearer request is the token's alone (its cookie is not read), and no browser adds the header across sites.
    if (!SAFE_METHODS.has(request.method) && bearerOf(request) === undefined && isCrossSite(request)) {
      return reply.status(403).type('application/problem+json').send(problemFor('request.cross_origin'));
    }
    if (request.url.includes('\u0000') || /%00/i.test(request.url)) {
      return reply.status(400).type('application/problem+json').send(problemFor('request.nul_character'));
    }
  });
  app.addHook('preValidation', async (request, reply) => {
    if (request.body !== undefined && !request.isMultipart() && containsNul(request.body)) {
      return reply.status(400).type('application/problem+json').send(problemFor('request.nul_character'));
    }
  });
}
