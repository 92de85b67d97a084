import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { changePasswordBody, loginBody, meResponse } from '#shared/users';
import { AppError } from '../errors';
import { sendsBearer } from './api-tokens';
import { changeOwnPassword, describeActor, login, logout } from './auth.service';
import { SESSION_COOKIE } from './sessions';

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['auth'];
  // A token never signs in or out (decision 038): on these public routes the auth plugin does not read it, so a
  // request sending one is refused here, before a session cookie sent beside it could be ended or replaced.
  app.addHook('onRequest', async (request) => {
    if (request.routeOptions.config.public && sendsBearer(request)) throw new AppError('token.not_allowed');
  });
  const setSessionCookie = (reply: FastifyReply, token: string) =>
    reply.setCookie(SESSION_COOKIE, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: app.settings.secureCookies,
      maxAge: app.settings.sessionAbsoluteHours * 3600,
    });

  app.post(
    '/api/auth/login',
    {
      config: { public: true, rateLimit: { max: app.settings.loginRateLimitPerMinute, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Sign in; sets an HttpOnly session cookie',
        description:
          'After 5 wrong passwords for a username each further attempt must wait longer (2 s, 4 s … 10 min): ' +
          'earlier ones get 429 with Retry-After, without the password being checked.',
        security: [],
        body: loginBody,
        response: { 200: meResponse },
      },
    },
    async (req, reply) => {
      const old = req.cookies[SESSION_COOKIE];
      if (old) await logout(app.db, old, req.ip);
      const { token, actor } = await login(app.db, app.settings, req.body.username, req.body.password, req.ip);
      setSessionCookie(reply, token);
      return describeActor(app.db, actor);
    },
  );

  app.post(
    '/api/auth/logout',
    {
      config: { public: true },
      schema: { tags, summary: 'Sign out (ends the session)', security: [], response: { 204: z.null() } },
    },
    async (req, reply) => {
      const token = req.cookies[SESSION_COOKIE];
      if (token) await logout(app.db, token, req.ip);
      return reply.clearCookie(SESSION_COOKIE, { path: '/' }).code(204).send(null);
    },
  );

  app.get(
    '/api/auth/me',
    { schema: { tags, summary: 'The signed-in user, role, unit and permissions', response: { 200: meResponse } } },
    (req) => describeActor(app.db, req.actor!),
  );

  app.post(
    '/api/auth/password',
    {
      schema: {
        tags,
        summary: 'Change your own password (other sessions end)',
        description: 'The only call besides me and logout allowed while an administrator-set password must be changed.',
        body: changePasswordBody,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      const token = await changeOwnPassword(app.db, app.settings, req.actor!, req.body.currentPassword, req.body.newPassword);
      setSessionCookie(reply, token);
      return reply.code(204).send(null);
    },
  );
};
