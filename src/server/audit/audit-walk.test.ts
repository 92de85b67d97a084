/**
 * Every write leaves an audit entry. Walks the OpenAPI document: each write operation (POST, PATCH, PUT, DELETE) is
 * done once, successfully, with the valid request of the authorization matrix (src/server/test/matrix-requests.ts)
 * by a caller the matrix allows on its own unit, and a new audit_log row must appear.
 * A write operation without a request there fails the walk, so a new route cannot be forgotten.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS, AUDIT_ENTITIES, AUDIT_FIELDS, AUDIT_HIDDEN_FIELDS } from '#shared/audit-labels';
import { MATRIX } from '../access/matrix';
import { createTestContext, type TestContext } from '../test/harness';
import { CALLERS, type Caller, matrixWorld, multipart } from '../test/matrix-requests';

let t: TestContext;
let world: Awaited<ReturnType<typeof matrixWorld>>;
let writeOperations: string[] = [];

beforeAll(async () => {
  t = await createTestContext();
  world = await matrixWorld(t);
  const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
  writeOperations = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, methods]) =>
    Object.keys(methods)
      .map((m) => m.toUpperCase())
      .filter((m) => ['POST', 'PATCH', 'PUT', 'DELETE'].includes(m))
      .map((m) => `${m} ${path}`),
  );
});
afterAll(() => t.close());

/** The first caller the matrix lets do the operation on its own unit. */
const allowedCaller = (op: string): Caller | undefined => CALLERS.find((caller) => MATRIX[op]?.[caller]?.split('/')[0] === 'ok');

const lastAuditId = async () => Number((await t.rows('select coalesce(max(id), 0) as id from audit_log'))[0].id);

describe('every write operation leaves an audit entry', () => {
  it('has a valid request and an allowed caller for every write operation in the OpenAPI document (add them for a new route)', () => {
    expect(writeOperations.length).toBeGreaterThan(20);
    expect(writeOperations.filter((op) => !world.requests[op] || !allowedCaller(op))).toEqual([]);
  });

  it('writes an audit entry for each successful write, whoever makes it', async () => {
    const silent: string[] = [];
    for (const op of writeOperations) {
      const build = world.requests[op];
      const caller = allowedCaller(op);
      if (!build || !caller) continue;
      const request = await build({ caller, unit: world.targets(caller).own });
      const cookie = request.cookie ?? world.cookieOf(caller);
      const before = await lastAuditId();
      const [method] = op.split(' ');
      const res = await t.app.inject({
        method: method as 'POST',
        url: request.url,
        ...(request.file
          ? { ...multipart(request.file), headers: { ...multipart(request.file).headers, cookie } }
          : { payload: request.body, headers: { cookie } }),
      });
      expect(res.statusCode, `${op} as ${caller}: ${res.body}`).toBeLessThan(300);
      const entries = await t.rows(`select action, entity from audit_log where id > ${before} order by id`);
      if (!entries.length) silent.push(op);
    }
    expect(silent).toEqual([]);
  });
});

describe('the audit log is read in words', () => {
  it('has a Thai and an English name for every entity, action and shown field the walk recorded', async () => {
    const entries: { entity: string; action: string; field: string | null }[] = await t.rows(
      `select distinct entity, action, f.field
         from audit_log left join lateral jsonb_object_keys(changes) as f(field) on true`,
    );
    expect(entries.length).toBeGreaterThan(30);
    const missing = new Set<string>();
    for (const e of entries) {
      if (!AUDIT_ENTITIES[e.entity]) missing.add(`entity ${e.entity}`);
      if (!AUDIT_ACTIONS[e.action]) missing.add(`action ${e.action}`);
      if (e.field && !AUDIT_HIDDEN_FIELDS.has(e.field) && !AUDIT_FIELDS[e.field]) missing.add(`field ${e.field} (${e.entity})`);
    }
    expect([...missing], 'add these to src/shared/audit-labels.ts').toEqual([]);
  });
});
