/**
 * Walks every operation in the OpenAPI document with junk bodies, parameters and query strings,
 * signed out and signed in, and fails on any 5xx, any error that is not problem+json of the documented shape,
 * and any status the operation does not document.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, DEMO_ACCOUNTS, type TestContext } from '../test/harness';
import { problemSchema } from './openapi-problems';

let t: TestContext;
/** An operation of the OpenAPI document and what its JSON body must have. */
interface Operation {
  method: string;
  path: string;
  /** Takes a JSON body: anything that is not an object of its shape must be refused. */
  jsonBody: boolean;
  /** Its body has required fields: a body missing them must be refused. */
  bodyRequired: boolean;
  /** The statuses its OpenAPI responses list. */
  documented: Set<number>;
}
let operations: Operation[] = [];
beforeAll(async () => {
  // The walk posts junk to the sign-in route as well, faster than 10 a minute from one address; the throttle itself
  // is tested in app.test.ts, and here it would only turn the next account's real sign-in into a 429.
  t = await createTestContext({ loginRateLimitPerMinute: 100_000 });
  const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
  // An XLSX export reads exactly as its CSV twin (same query, same service); walking both only doubles the time.
  operations = Object.entries(doc.paths as Record<string, Record<string, any>>)
    .filter(([path]) => !path.endsWith('/export.xlsx'))
    .flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => {
        const schema = op.requestBody?.content?.['application/json']?.schema;
        return {
          method: method.toUpperCase(),
          path,
          jsonBody: !!schema,
          bodyRequired: (schema?.required ?? []).length > 0,
          documented: new Set(Object.keys(op.responses).map(Number)),
        };
      }),
    );
});
afterAll(() => t.close());

const JUNK_PARAMS = ['x', '-1', '0', '99999999999999999999', 'ก', '%00', 'TH', '3401', '1.5', "1' OR '1'='1"];
const JUNK_QUERIES = [
  '',
  '?page=-1&pageSize=abc',
  '?unknown=1',
  `?q=${'ก'.repeat(500)}`,
  '?unit=../../etc&level=planet&covered=maybe',
  '?from=2020-13-45&to=yesterday&page=1e9',
  '?q=%25_%5C&role=king&parent=%00',
];
/** Bodies no JSON operation may accept, whatever its schema: wrong type, or a field it does not know. */
const NEVER_VALID = (body: unknown) =>
  body === null ||
  typeof body !== 'object' ||
  Array.isArray(body) ||
  'unknownField' in (body as object) ||
  'username' in (body as object);

const JUNK_BODIES: unknown[] = [
  undefined,
  null,
  [],
  'text',
  42,
  { unknownField: true },
  { username: 1, password: [], version: 'one', role: {}, orgUnitCode: null, displayName: 'x'.repeat(10_000) },
  {
    amountSatang: '1.5',
    priceSatang: '-1',
    budgetSatang: 'abc',
    itemId: 1,
    citizenId: '123',
    expiresOn: '2020-02-30',
    stage: 'grown',
  },
  ...fc.sample(fc.jsonValue({ maxDepth: 3 }), { numRuns: 12, seed: 2563 }),
];

/** Whether `body` can't be a valid request body of `op` (so a 2xx answer would be a defect). */
function malformedFor(op: Operation, body: unknown): boolean {
  if (!op.jsonBody) return false;
  if (body === undefined) return op.bodyRequired;
  if (NEVER_VALID(body)) return true;
  // Junk objects carry none of an operation's required fields in a valid form.
  return op.bodyRequired;
}

/**
 * A session for `who`, signed in again only when the last one ended (logout or a password change end it). A sign-in
 * checks the password with argon2 (~45 ms), and one per operation per account was half of this file's time.
 */
async function sessionFor(who: string | null, last: string): Promise<string> {
  if (!who) return '';
  if (last && (await t.as(last, { method: 'GET', url: '/api/auth/me' })).statusCode === 200) return last;
  return t.login(who);
}

describe('every API operation survives junk input and refuses malformed bodies', () => {
  it('has operations to walk', () => {
    expect(operations.length).toBeGreaterThanOrEqual(10);
    // Otherwise the malformed-body check below would check nothing.
    expect(operations.filter((op) => op.bodyRequired).length).toBeGreaterThanOrEqual(10);
  });

  for (const who of [null, ...DEMO_ACCOUNTS]) {
    it(`answers junk with documented 4xx problem+json, never 5xx (${who ?? 'signed out'})`, async () => {
      const failures: string[] = [];
      let cookie = '';
      for (const op of operations) {
        cookie = await sessionFor(who, cookie);
        // Every junk path parameter (each with a different junk body), every junk body, every junk query string.
        const bodies = op.method === 'GET' ? [undefined] : JUNK_BODIES;
        const attempts = [
          ...JUNK_PARAMS.map((param, i) => ({ param, query: '', body: bodies[i % bodies.length] })),
          ...bodies.map((body) => ({ param: '1', query: '', body })),
          ...JUNK_QUERIES.map((query) => ({ param: '1', query, body: undefined as unknown })),
        ];
        for (const { param, query, body } of op.path.includes('{') ? attempts : attempts.filter((a) => a.param === '1')) {
          const url = op.path.replace(/\{[^}]+\}/g, encodeURIComponent(param)) + query;
          const res = await t.app.inject({
            method: op.method as any,
            url,
            headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
            payload: body === undefined ? undefined : JSON.stringify(body),
          });
          const label = `${op.method} ${url} ${JSON.stringify(body)?.slice(0, 80)} -> ${res.statusCode}`;
          if (res.statusCode >= 500) failures.push(label);
          else if (res.statusCode < 400 && malformedFor(op, body)) failures.push(`${label} (accepted a malformed body)`);
          else if (res.statusCode >= 400 && !String(res.headers['content-type']).startsWith('application/problem+json'))
            failures.push(`${label} (not problem+json)`);
          else if (res.statusCode >= 400 && !problemSchema.strict().safeParse(res.json()).success)
            failures.push(`${label} (not the documented problem shape)`);
          else if (!op.documented.has(res.statusCode)) failures.push(`${label} ${res.body.slice(0, 60)} (status not documented)`);
        }
      }
      expect(failures).toEqual([]);
    }, 180_000);
  }

  it('refuses malformed JSON and oversized bodies with clear codes', async () => {
    const cookie = await t.login('demo-admin');
    const [{ n: before }] = await t.rows('select count(*)::int as n from users');
    const malformed = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { cookie, 'content-type': 'application/json' },
      payload: '{"username": ',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toMatchObject({ code: 'request.malformed_json', th: 'รูปแบบข้อมูล JSON ไม่ถูกต้อง' });
    const huge = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { cookie, 'content-type': 'application/json' },
      payload: JSON.stringify({ displayName: 'ก'.repeat(2_000_000) }),
    });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().code).toBe('request.too_large');
    const wrongType = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { cookie, 'content-type': 'application/xml' },
      payload: '<user/>',
    });
    expect(wrongType.statusCode).toBe(415);
    expect(wrongType.json().code).toBe('request.unsupported_media_type');
    const [{ n }] = await t.rows('select count(*)::int as n from users');
    expect(n).toBe(before);
  });
});
