import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { type ErrorCode, FIELD_MESSAGES_TH, type FieldError } from '#shared/errors';
import { AppError, problemFor } from '../errors';
import { databaseErrorCode } from './database-errors';

/** Seconds a client should wait before retrying while the database is unreachable. */
export const RETRY_AFTER_SECONDS = 5;

/** Thai and English text for each kind of field problem zod reports. */
function describeIssue(keyword: string, params: Record<string, any>, message: string): Pick<FieldError, 'th' | 'en'> {
  switch (keyword) {
    case 'invalid_type':
      return params.input === undefined
        ? { th: 'จำเป็นต้องกรอก', en: 'Required' }
        : { th: `ชนิดข้อมูลไม่ถูกต้อง (ต้องเป็น ${params.expected})`, en: `Expected ${params.expected}` };
    case 'too_small':
      return params.origin === 'string'
        ? { th: `ต้องยาวอย่างน้อย ${params.minimum} ตัวอักษร`, en: `Must be at least ${params.minimum} characters` }
        : { th: `ต้องมีค่าอย่างน้อย ${params.minimum}`, en: `Must be at least ${params.minimum}` };
    case 'too_big':
      return params.origin === 'string'
        ? { th: `ต้องยาวไม่เกิน ${params.maximum} ตัวอักษร`, en: `Must be at most ${params.maximum} characters` }
        : { th: `ต้องมีค่าไม่เกิน ${params.maximum}`, en: `Must be at most ${params.maximum}` };
    case 'unrecognized_keys':
      return { th: `มีช่องข้อมูลที่ไม่รู้จัก: ${params.keys?.join(', ')}`, en: `Unknown field(s): ${params.keys?.join(', ')}` };
    case 'invalid_value':
      return { th: `ต้องเป็นค่าใดค่าหนึ่งต่อไปนี้: ${params.values?.join(', ')}`, en: `Must be one of: ${params.values?.join(', ')}` };
    case 'invalid_format':
      return { th: FIELD_MESSAGES_TH[message] ?? `รูปแบบไม่ถูกต้อง (${message})`, en: `Invalid format (${message})` };
    default:
      return { th: FIELD_MESSAGES_TH[message] ?? `ข้อมูลไม่ถูกต้อง (${message})`, en: message };
  }
}

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
