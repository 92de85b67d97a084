import fp from 'fastify-plugin';
import { type Actor, requireTokenMayCall } from '../access';
import { AppError } from '../errors';
import { actorOfToken, bearerOf, findApiToken, needsCaller } from './api-tokens';
import { actorOf } from './auth.service';
import { findSession, SESSION_COOKIE } from './sessions';

declare module 'fastify' {
  interface FastifyRequest {
    actor?: Actor;
  }
  interface FastifyContextConfig {
    /** The route works without a session (login, health, API docs). */
    public?: boolean;
  }
}

/** What a session may still do while its password, set by an administrator, waits to be changed. */
const WHILE_PASSWORD_MUST_CHANGE = new Set(['GET /api/auth/me', 'POST /api/auth/password', 'POST /api/auth/logout']);

/**
 * API routes not marked public require a caller, resolved to `request.actor` there and only there: static files, portal
 * pages, health, the API description and the other public routes never read it, so they don't pay the session query a
 * signed-in browser's cookie would otherwise cost on each of them. A request with an `Authorization: Bearer` header is
 * the token's alone: a session cookie sent beside it is not read (decision 038).
 */
export const authPlugin = fp(async (app) => {
  app.addHook('onRequest', async (request) => {
    if (!needsCaller(request)) return;
    const bearer = bearerOf(request);
    if (bearer !== undefined) {
      const found = await findApiToken(app.db, bearer);
      if (found.status !== 'ok') throw new AppError(`token.${found.status}`);
      request.actor = actorOfToken(found.token, request.ip);
      requireTokenMayCall(request.actor, request.method, request.routeOptions.url ?? request.url);
      return;
    }
    const token = request.cookies[SESSION_COOKIE];
    if (!token) throw new AppError('auth.required');
    const found = await findSession(app.db, token, app.settings);
    if (found.status !== 'ok') throw new AppError('auth.session_expired');
    request.actor = actorOf(found.user, request.ip);
    if (found.user.mustChangePassword && !WHILE_PASSWORD_MUST_CHANGE.has(`${request.method} ${request.routeOptions.url}`))
      throw new AppError('auth.password_change_required');
  });
});
