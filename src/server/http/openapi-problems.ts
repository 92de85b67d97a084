/**
 * The error answers of the OpenAPI document: the problem+json shape, one shared response per status with real
 * examples (built by the same `problemFor` the error handler uses, so they carry the Thai and English text an
 * integrator will see), and the rule for which statuses an operation documents (docs/api.md, "Errors").
 */
import { z } from 'zod';
import type { ErrorCode } from '#shared/errors';
import { problemFor } from '../errors';
import { describeIssue } from './field-errors';
import { RETRY_AFTER_SECONDS } from './problems';

const fieldErrorSchema = z.object({
  path: z
    .string()
    .describe('Where: `body/…`, `querystring/…` or `params/…`, with `/` between the parts (`body/lines/0/amountSatang`)'),
  code: z.string().describe('The kind of problem, e.g. `too_small`, `invalid_type`, `unrecognized_keys`'),
  th: z.string().describe('What is wrong, in Thai, to show beside the field'),
  en: z.string().describe('The same in English'),
});

/** RFC 9457 problem details as every error leaves the server (http/problems.ts). */
export const problemSchema = z.object({
  type: z.string().describe('`urn:thanrak:error:` and the code'),
  title: z.string().describe('The English text (RFC 9457)'),
  status: z.number().int().describe('The HTTP status, repeated'),
  code: z.string().describe('The stable error code to branch on, e.g. `record.stale`: codes are never renamed or reused'),
  detail: z.string().describe('The English text with its details filled in (RFC 9457)'),
  th: z.string().describe('The message in Thai, to show to the user'),
  en: z.string().describe('The message in English'),
  errors: z.array(fieldErrorSchema).optional().describe('One entry per field, when request fields are wrong (400)'),
});

/** Every status an operation may document, in the order the document lists them. */
export const PROBLEM_STATUSES = [400, 401, 403, 404, 409, 413, 415, 422, 429, 503] as const;
export type ProblemStatus = (typeof PROBLEM_STATUSES)[number];

type Example = { code: ErrorCode; params?: Record<string, unknown>; summary: string };
interface ProblemResponse {
  name: string;
  description: string;
  examples: Example[];
  retryAfter?: string;
}

const fieldProblemExample = problemFor('request.invalid', {}, [
  { path: 'body/name', code: 'too_small', ...describeIssue('too_small', { origin: 'string', minimum: 1 }, '') },
  { path: 'querystring/pageSize', code: 'too_big', ...describeIssue('too_big', { origin: 'number', maximum: 200 }, '') },
]);

export const PROBLEM_RESPONSES: Record<ProblemStatus, ProblemResponse> = {
  400: {
    name: 'BadRequest',
    description:
      'The request is not valid: a path, query or body field fails its schema (each one listed in `errors` with its ' +
      'path and Thai and English text), the JSON is malformed, a page cursor is stale, or a NUL character was sent ' +
      'anywhere in the URL or body. A few operations refuse a value by a rule of their own with 400 as well (a wrong ' +
      'current password, a weak password). Sending the same request again gives the same answer.',
    examples: [
      { code: 'request.invalid', summary: 'Fields that fail their schema' },
      { code: 'request.malformed_json', summary: 'A body that is not JSON' },
      { code: 'request.nul_character', summary: 'A NUL character in the URL or body' },
    ],
  },
  401: {
    name: 'Unauthorized',
    description:
      'No session, or the session expired: sign in with `POST /api/auth/login` and send its `thanrak_session` ' +
      'cookie. With `Authorization: Bearer`: the token is malformed or unknown, expired, or revoked. On `login` ' +
      'itself: a wrong username or password.',
    examples: [
      { code: 'auth.required', summary: 'No session cookie' },
      { code: 'auth.session_expired', summary: 'The session expired or was ended' },
      { code: 'token.invalid', summary: 'A malformed or unknown API token' },
      { code: 'token.expired', summary: 'An API token past its last day' },
      { code: 'token.revoked', summary: 'A revoked API token' },
      { code: 'auth.invalid_credentials', summary: 'Sign-in refused' },
    ],
  },
  403: {
    name: 'Forbidden',
    description:
      "Signed in but not allowed: the role lacks the permission, the record's unit is outside the account's scope, a " +
      'rule reserves the act to someone else (approving your own request), or the account must change the password an ' +
      'administrator set first. Also any request that changes data and comes from another web site, any write with a ' +
      'read-only API token, and any call of an API token to accounts, passwords or tokens.',
    examples: [
      { code: 'access.forbidden', summary: 'The role lacks the permission' },
      { code: 'access.out_of_scope', summary: 'A unit outside your scope' },
      { code: 'token.read_only', summary: 'A write with a read-only API token' },
      { code: 'token.not_allowed', summary: 'An API token calling accounts or tokens' },
      { code: 'auth.password_change_required', summary: 'The password must be changed first' },
      { code: 'request.cross_origin', summary: 'A write from another site' },
    ],
  },
  404: {
    name: 'NotFound',
    description:
      'The record the URL names does not exist, was removed, or is outside your scope (the answer does not say ' +
      'which), or a record or unit the query or body names does not exist.',
    examples: [
      { code: 'person.not_found', summary: 'No such record in your scope' },
      { code: 'org_unit.not_found', params: { code: '9999' }, summary: 'No such unit' },
    ],
  },
  409: {
    name: 'Conflict',
    description:
      'The request clashes with the current state: the record changed since you read it (send the `version` you ' +
      'read; on `record.stale` read it again and reapply the change), its state does not allow this (already ' +
      'decided, a quarter locked by the province), or it would duplicate another record. Nothing was written.',
    examples: [
      { code: 'record.stale', summary: 'An older version was sent' },
      { code: 'quarter.locked', summary: 'The record is dated in a locked quarter' },
      { code: 'record.conflict', summary: 'A duplicate or a concurrent change' },
    ],
  },
  413: {
    name: 'PayloadTooLarge',
    description: 'The JSON body is larger than 1 MiB, or the uploaded file is larger than the limit its operation states.',
    examples: [
      { code: 'request.too_large', summary: 'A JSON body over 1 MiB' },
      { code: 'attachment.too_large', params: { mb: 10 }, summary: 'An attachment over its limit' },
    ],
  },
  415: {
    name: 'UnsupportedMediaType',
    description: 'The body is neither JSON nor, for uploads, `multipart/form-data`.',
    examples: [{ code: 'request.unsupported_media_type', summary: 'A body of another type' }],
  },
  422: {
    name: 'UnprocessableContent',
    description:
      'The request is well formed but a business rule refuses it. Each rule has its own stable `code`; the Thai ' +
      'and English text say what to change. Nothing was written.',
    examples: [
      { code: 'service.date_in_future', summary: 'A date that has not come yet' },
      { code: 'record.other_district', params: { what: 'กลุ่ม', whatEn: 'group' }, summary: "Another district's record" },
    ],
  },
  429: {
    name: 'TooManyRequests',
    description:
      'Slow down: too many sign-ins from one address in a minute, too many wrong passwords for one account, or ' +
      'too many uploads in progress for one user. Sign-in limits send `Retry-After`.',
    retryAfter: 'Seconds to wait before signing in again (sign-in limits only)',
    examples: [
      { code: 'request.rate_limited', summary: 'Too many sign-ins from one address' },
      { code: 'auth.throttled', params: { seconds: 60 }, summary: 'Too many wrong passwords' },
      { code: 'attachment.too_many_uploads', params: { max: 2 }, summary: 'Too many uploads at once' },
    ],
  },
  503: {
    name: 'ServiceUnavailable',
    description:
      'The database cannot be reached right now; nothing was saved. Retry after the seconds in `Retry-After`: ' +
      'the server checks the database every 2 seconds and answers again as soon as it is back.',
    retryAfter: `Seconds to wait before retrying (${RETRY_AFTER_SECONDS})`,
    examples: [{ code: 'database.unavailable', summary: 'The database is down' }],
  },
};

const MEDIA_TYPE = 'application/problem+json';

/** `components.responses` and `components.schemas` entries for the document. */
export function problemComponents() {
  const { $schema: _, ...problem } = z.toJSONSchema(problemSchema) as Record<string, unknown>;
  const responses = Object.fromEntries(
    Object.values(PROBLEM_RESPONSES).map((r) => [
      r.name,
      {
        description: r.description,
        ...(r.retryAfter
          ? { headers: { 'Retry-After': { description: r.retryAfter, schema: { type: 'integer' as const, minimum: 1 } } } }
          : {}),
        content: {
          [MEDIA_TYPE]: {
            schema: { $ref: '#/components/schemas/Problem' },
            examples: Object.fromEntries(
              r.examples.map((e) => [
                e.code,
                { summary: e.summary, value: e.code === 'request.invalid' ? fieldProblemExample : problemFor(e.code, e.params) },
              ]),
            ),
          },
        },
      },
    ]),
  );
  return { responses, schemas: { Problem: problem } };
}

/** What decides an operation's errors, read from its route. */
export interface OperationFacts {
  method: string;
  /** As the document writes it: `/api/products/{id}`. */
  path: string;
  /** Works without a session (`config.public`). */
  isPublic: boolean;
  hasPathParameters: boolean;
  /** Query or body fields that name a record or a unit that may not exist (`producerId`, `memberIds`, `unit`). */
  namesRecords: boolean;
  hasBody: boolean;
  isUpload: boolean;
  rateLimited: boolean;
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Where the rule below is wrong about an operation, by `METHOD /path`. */
const PROBLEM_EXCEPTIONS: Record<string, { add?: ProblemStatus[]; drop?: ProblemStatus[] }> = {
  // The sign-in itself answers 401 to a wrong password.
  'POST /api/auth/login': { add: [401] },
  // Open to every signed-in account, even one that must change its password first; no permission to lack.
  'GET /api/auth/me': { drop: [403] },
  // No path parameter, but a single thing that may not be there yet: the emblem before the department uploads it.
  'GET /api/settings/emblem': { add: [404] },
  // A read refused by the record's state: an advance has a contract only once approved.
  'GET /api/advances/{id}/contract.pdf': { add: [409] },
};

/** The error statuses `facts`' operation can answer with (docs/api.md, "Which errors an operation documents"). */
export function problemStatusesFor(facts: OperationFacts): ProblemStatus[] {
  const write = WRITES.has(facts.method);
  // Accounts and sessions (/api/auth) have no versions, records or business rules.
  const recordWrite = write && !facts.isPublic && !facts.path.startsWith('/api/auth/');
  const rules: Record<ProblemStatus, boolean> = {
    400: true, // the request guards refuse a NUL character in any URL
    401: !facts.isPublic,
    403: !facts.isPublic || write,
    404: facts.hasPathParameters || facts.namesRecords,
    409: recordWrite,
    413: facts.hasBody || facts.isUpload,
    415: facts.hasBody || facts.isUpload,
    422: recordWrite,
    429: facts.rateLimited || facts.isUpload,
    503: true, // the request guards answer 503 to every API request while PostgreSQL is down
  };
  const exception = PROBLEM_EXCEPTIONS[`${facts.method} ${facts.path}`] ?? {};
  return PROBLEM_STATUSES.filter((s) => (rules[s] || exception.add?.includes(s)) && !exception.drop?.includes(s));
}

export const problemResponseRef = (status: ProblemStatus) => ({
  $ref: `#/components/responses/${PROBLEM_RESPONSES[status].name}`,
});
