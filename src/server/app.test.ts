import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from './test/harness';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

describe('API basics', () => {
  it('reports health with the database kind', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.json()).toEqual({ status: 'ok', database: t.database.kind, version: expect.any(String) });
  });

  it('describes every route in OpenAPI 3.1 with its schemas', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.openapi).toBe('3.1.0');
    const apiRoutes = t.app.routeTable
      .filter(
        (r) =>
          r.url.startsWith('/api/') && r.method !== 'HEAD' && !r.url.startsWith('/api/docs') && r.url !== '/api/openapi.json',
      )
      .map((r) => `${r.method} ${r.url.replace(/:(\w+)/g, '{$1}')}`);
    const documented = Object.entries(doc.paths).flatMap(([path, methods]: [string, any]) =>
      Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(apiRoutes.length).toBeGreaterThanOrEqual(10);
    for (const route of apiRoutes) expect(documented).toContain(route);
    expect(doc.paths['/api/users'].post.requestBody.content['application/json'].schema.required).toEqual(
      expect.arrayContaining(['username', 'displayName', 'role', 'orgUnitCode', 'password']),
    );
  });

  it('serves interactive API docs', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('swagger');
  });

  it('sends security headers: CSP with frame-ancestors none, nosniff', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['strict-transport-security']).toContain('max-age=');
    expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
    // Plain HTTP on an office LAN must keep working.
    expect(res.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
    // Refusals carry them too.
    const refused = await t.app.inject({ method: 'GET', url: '/api/people' });
    expect(refused.statusCode).toBe(401);
    expect(refused.headers['content-security-policy']).toBe(res.headers['content-security-policy']);
  });

  it('answers an unknown API route with a problem, not HTML', async () => {
    const cookie = await t.login('demo-admin');
    const res = await t.as(cookie, { method: 'GET', url: '/api/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'request.not_found', th: 'ไม่พบหน้าที่ต้องการ' });
  });

  it('rate-limits sign-in attempts from one address', async () => {
    const limited = await (await import('./test/harness')).createTestContext({ loginRateLimitPerMinute: 3 });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        statuses.push(
          (await limited.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'x', password: 'y' } }))
            .statusCode,
        );
      }
      expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
      expect(statuses.slice(3)).toEqual([429, 429]);
      const res = await limited.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'x', password: 'y' } });
      expect(res.json()).toMatchObject({ code: 'request.rate_limited', th: 'มีการร้องขอถี่เกินไป กรุณารอสักครู่' });
    } finally {
      await limited.close();
    }
  });
});
