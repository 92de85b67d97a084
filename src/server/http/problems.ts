import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ErrorCode } from '#shared/errors';
import { AppError, problemFor } from '../errors';
import { databaseErrorCode } from './database-errors';
import { describeIssue } from './field-errors';

/** Seconds a client should wait before retrying while the database is unreachable. */
export const RETRY_AFTER_SECONDS = 5;

const STATUS_CODES: Record<number, ErrorCode> = {
  413: 'request.too_large',
  415: 'request.unsupported_media_type',
  429: 'request.rate_limited',
};

/** Every error leaves as RFC 9457 problem+json with a stable code and Thai and English text. */
export function registerProblemHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    let problem = problemFor('server.internal');
    if (error instanceof AppError) {
      problem = problemFor(error.code, error.params, error.fields);
      // A password tried too often (sign-in, or the current one when changing it) says when to try again.
      if (error.code === 'auth.throttled') reply.header('retry-after', String(error.params.seconds));
    } else if (hasZodFastifySchemaValidationErrors(error)) {
      const fields = error.validation.map((v) => ({
        path: `${error.validationContext ?? ''}${v.instancePath}`.replace(/\/$/, ''),
        code: v.keyword,
        ...describeIssue(v.keyword, v.params as Record<string, any>, v.message ?? v.keyword),
      }));
      problem = problemFor('request.invalid', {}, fields);
    } else if (databaseErrorCode(error)) {
      problem = problemFor(databaseErrorCode(error)!);
    } else if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      const code =
        STATUS_CODES[error.statusCode] ??
        (/json/i.test(error.code ?? error.message) ? 'request.malformed_json' : 'request.invalid');
      problem = { ...problemFor(code), status: error.statusCode };
    }
    if (problem.status === 503) reply.header('retry-after', String(RETRY_AFTER_SECONDS));
    if (problem.status >= 500) request.log.error({ err: error }, 'unhandled error');
    return reply.status(problem.status).type('application/problem+json').send(problem);
  });
}
