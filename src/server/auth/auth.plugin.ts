import fp from 'fastify-plugin';
import type { Actor } from '../access';
import { AppError } from '../errors';
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

/** Resolves the session cookie to `request.actor`; API routes not marked public require it. */
export const authPlugin = fp(async (app) => {
  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      const found = await findSession(app.db, token, app.settings);
      if (found.status === 'ok') request.actor = actorOf(found.user);
      else if (!request.routeOptions.config.public && request.url.startsWith('/api/')) throw new AppError('auth.session_expired');
    }
    // The interactive docs are static pages about the API, not data.
    const needsSession =
      request.url.startsWith('/api/') && !request.url.startsWith('/api/docs') && !request.routeOptions.config.public;
    if (needsSession && !request.actor) throw new AppError('auth.required');
  });
});
