/**
 * Walks every read operation with plausible values (a Thai word, a number, a date, unit codes) in each
 * parameter, as every demo account: junk alone never sends a real `q`, so a query that breaks only on a
 * real search (a count without its join) would slip through. Every answer must be a status the operation documents.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, DEMO_ACCOUNTS, type TestContext } from '../test/harness';

let t: TestContext;
let operations: { path: string; parameters: { name: string; in: string }[]; documented: Set<number> }[] = [];
beforeAll(async () => {
  t = await createTestContext();
  const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
  // An XLSX export reads exactly as its CSV twin (same query, same service); walking both only doubles the time.
  operations = Object.entries(doc.paths as Record<string, Record<string, any>>)
    .filter(([path]) => !path.endsWith('/export.xlsx'))
    .flatMap(([path, methods]) =>
      methods.get
        ? [
            {
              path,
              parameters: (methods.get.parameters ?? []) as { name: string; in: string }[],
              documented: new Set(Object.keys(methods.get.responses).map(Number)),
            },
          ]
        : [],
    );
});
afterAll(() => t.close());

const PLAUSIBLE = ['ผ้าไหม', 'a', '1', '2563', '2026-01-15', 'TH', '34', '3401', 'true'];
const PATH_VALUES = ['1', '2', '3401'];

describe('every read operation answers plausible values without a server error', () => {
  it('has read operations with query parameters to walk', () => {
    expect(operations.filter((op) => op.parameters.some((p) => p.in === 'query')).length).toBeGreaterThanOrEqual(8);
  });

  for (const who of DEMO_ACCOUNTS) {
    it(`never answers 5xx, nor a status it does not document (${who})`, async () => {
      const cookie = await t.login(who);
      const failures: string[] = [];
      for (const op of operations) {
        const queryParams = op.parameters.filter((p) => p.in === 'query').map((p) => p.name);
        // Each path value bare, then each query parameter with each plausible value.
        const withId = (id: string) => op.path.replace(/\{[^}]+\}/g, id);
        const urls = new Set([
          ...PATH_VALUES.map(withId),
          ...queryParams.flatMap((name) => PLAUSIBLE.map((v) => `${withId('1')}?${name}=${encodeURIComponent(v)}`)),
        ]);
        for (const url of urls) {
          const res = await t.as(cookie, { method: 'GET', url });
          if (res.statusCode >= 500) failures.push(`GET ${url} -> ${res.statusCode} ${res.body.slice(0, 120)}`);
          else if (!op.documented.has(res.statusCode))
            failures.push(`GET ${url} -> ${res.statusCode} ${res.body.slice(0, 80)} (status not documented)`);
        }
      }
      expect(failures).toEqual([]);
    }, 180_000);
  }
});
