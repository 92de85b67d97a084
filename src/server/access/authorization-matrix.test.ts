/**
 * The authorization matrix. Walks the OpenAPI document and calls every operation as every role (the five demo
 * accounts and nobody signed in), once on a record of the caller's own unit and once on a record of another
 * unit, and compares the outcome with MATRIX (./matrix.ts). An operation without a row there fails the test, so a
 * new route cannot ship without someone deciding who may call it.
 *
 * Every 200 answer to a read is also checked for leaks: no `orgUnitCode` outside the caller's scope.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeInScope } from '#shared/access';
import { createTestContext, type TestContext } from '../test/harness';
import {
  ACCOUNT,
  CALLER_SHAPED,
  CALLERS,
  type Caller,
  type MatrixRequest,
  matrixWorld,
  multipart,
} from '../test/matrix-requests';
import { type Cell, KNOWN_DEFECTS, MATRIX, type Outcome, UNIT_FREE } from './matrix';

let t: TestContext;
let world: Awaited<ReturnType<typeof matrixWorld>>;
let operations: string[] = [];

beforeAll(async () => {
  t = await createTestContext();
  world = await matrixWorld(t);
  const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
  operations = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, methods]) =>
    Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`),
  );
}, 120_000);
afterAll(() => t?.close());

const outcomeOf = (status: number): Outcome => (status >= 200 && status < 300 ? 'ok' : (String(status) as Outcome));

/** The `orgUnitCode` values anywhere in a JSON answer. */
function unitCodesIn(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) unitCodesIn(v, found);
  else if (value && typeof value === 'object')
    for (const [key, v] of Object.entries(value)) {
      if (key === 'orgUnitCode' && typeof v === 'string') found.push(v);
      else unitCodesIn(v, found);
    }
  return found;
}

async function send(op: string, caller: Caller, request: MatrixRequest) {
  const [method] = op.split(' ');
  const cookie = request.cookie ?? world.cookieOf(caller);
  const headers = cookie ? { cookie } : {};
  return t.app.inject({
    method: method as 'GET',
    url: request.url,
    ...(request.file
      ? { ...multipart(request.file), headers: { ...multipart(request.file).headers, ...headers } }
      : { payload: request.body, headers }),
  });
}

const cellOf = (cell: Cell | undefined, which: 'own' | 'other'): Outcome | undefined => {
  if (cell === undefined) return undefined;
  const [own, other = own] = cell.split('/') as Outcome[];
  return which === 'own' ? own : other;
};

describe('authorization matrix: every operation as every role, on its own unit and on another', () => {
  it('declares every operation of the OpenAPI document (add a row to MATRIX for a new route)', () => {
    expect(operations.length).toBeGreaterThan(60);
    expect(operations.filter((op) => !MATRIX[op])).toEqual([]);
    expect(Object.keys(MATRIX).filter((op) => !operations.includes(op))).toEqual([]);
    expect(operations.filter((op) => !world.requests[op])).toEqual([]);
    for (const op of operations) expect(Object.keys(MATRIX[op] ?? {}).sort(), op).toEqual([...CALLERS].sort());
  });

  it('answers each call as the matrix says, and no read shows a record outside the caller’s scope', {
    timeout: 600_000,
  }, async () => {
    const mismatches: string[] = [];
    const leaks: string[] = [];
    let unitsChecked = 0;
    const knownSeen: string[] = [];
    /** A request that was refused changed nothing: the next caller reuses it instead of making fresh records. */
    const unused = new Map<string, MatrixRequest>();
    for (const op of operations) {
      const row = MATRIX[op];
      const build = world.requests[op];
      if (!row || !build) continue;
      for (const caller of CALLERS) {
        const sides = UNIT_FREE.has(op) ? (['own'] as const) : (['own', 'other'] as const);
        for (const side of sides) {
          const unit = world.targets(caller)[side];
          const reusable = !op.startsWith('GET ') && !CALLER_SHAPED.has(op);
          const request = (reusable && unused.get(`${op} ${unit}`)) || (await build({ caller, unit }));
          const res = await send(op, caller, request);
          const got = outcomeOf(res.statusCode);
          if (reusable) {
            if (got === 'ok') unused.delete(`${op} ${unit}`);
            else unused.set(`${op} ${unit}`, request);
          }
          const expected = cellOf(row[caller], side);
          const key = `${op} | ${caller} | ${side} (${unit})`;
          if (res.statusCode >= 500) mismatches.push(`${key}: ${res.statusCode} ${res.body.slice(0, 200)}`);
          else if (got !== expected) {
            const known = KNOWN_DEFECTS[`${op} | ${caller} | ${side}`];
            if (known && known.got === got) knownSeen.push(`${key}: expected ${expected}, got ${got} — ${known.why}`);
            else mismatches.push(`${key}: expected ${expected}, got ${got} ${res.body.slice(0, 160)}`);
          }
          if (got === 'ok' && caller !== 'anon' && op.startsWith('GET ')) {
            const type = String(res.headers['content-type'] ?? '');
            if (type.includes('json')) {
              const scope = ACCOUNT[caller].unit;
              const codes = unitCodesIn(res.json());
              unitsChecked += codes.length;
              const outside = codes.filter((code) => !codeInScope(scope, code));
              if (outside.length) leaks.push(`${key}: shows ${[...new Set(outside)].join(', ')}`);
            }
          }
        }
      }
    }
    if (knownSeen.length)
      console.warn(`Known authorization defects (listed in KNOWN_DEFECTS, to fix):\n  ${knownSeen.join('\n  ')}`);
    expect(mismatches).toEqual([]);
    expect(leaks).toEqual([]);
    expect(unitsChecked, 'the leak check saw records').toBeGreaterThan(100);
  });
});
