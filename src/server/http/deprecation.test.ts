/**
 * Retiring an operation (docs/api.md, "Versioning"): the document marks it, every answer carries Deprecation and
 * Sunset, and no sunset comes before one whole fiscal quarter has passed. No operation is deprecated today, so the
 * rule is tried on a small server of its own with the app's OpenAPI options.
 */
import fastifySwagger from '@fastify/swagger';
import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type Deprecation, earliestSunset, registerDeprecationHeaders } from './deprecation';
import { openapiOptions } from './openapi';

async function serverWith(deprecated: Deprecation) {
  const app = Fastify().withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerDeprecationHeaders(app);
  await app.register(fastifySwagger, openapiOptions('0.0.0'));
  app.get(
    '/api/things',
    {
      config: { public: true, deprecated },
      schema: { tags: ['system'], summary: 'Things', response: { 200: z.array(z.string()) } },
    },
    () => ['one'],
  );
  app.get('/api/widgets', { config: { public: true }, schema: { tags: ['system'], summary: 'Widgets' } }, () => ({}));
  await app.ready();
  return app;
}

describe('retiring an operation', () => {
  it('allows a sunset only after the whole fiscal quarter that follows the announcement', () => {
    // Announced in Q1 of fiscal 2570 (Oct–Dec 2026): Q2 (Jan–Mar 2027) is the whole quarter left to move.
    expect(earliestSunset('2026-11-15')).toBe('2027-04-01');
    expect(earliestSunset('2026-10-01')).toBe('2027-04-01');
    // Announced in Q4 (Jul–Sep): the next fiscal year's Q1 is the quarter left.
    expect(earliestSunset('2027-09-30')).toBe('2028-01-01');
  });

  it('refuses to start with a sunset sooner than that', async () => {
    await expect(serverWith({ announced: '2026-11-15', sunset: '2027-03-31' })).rejects.toThrow(/before 2027-04-01/);
  });

  it('marks the operation deprecated in the document, with its sunset and replacement', async () => {
    const app = await serverWith({ announced: '2026-11-15', sunset: '2027-04-01', replacement: 'listWidgets' });
    const doc = app.swagger() as any;
    const op = doc.paths['/api/things'].get;
    expect(op.deprecated).toBe(true);
    expect(op.description).toContain('stops working on 2027-04-01');
    expect(op.description).toContain('`listWidgets`');
    expect(doc.paths['/api/widgets'].get.deprecated).toBeUndefined();
    await app.close();
  });

  it('sends Deprecation and Sunset with every answer of that operation only', async () => {
    const app = await serverWith({ announced: '2026-11-15', sunset: '2027-04-01' });
    const res = await app.inject({ method: 'GET', url: '/api/things' });
    expect(res.json()).toEqual(['one']);
    // Midnight in Thailand is 17:00 UTC the day before.
    expect(res.headers.sunset).toBe('Wed, 31 Mar 2027 17:00:00 GMT');
    expect(res.headers.deprecation).toBe(`@${Date.UTC(2026, 10, 14, 17) / 1000}`);
    const other = await app.inject({ method: 'GET', url: '/api/widgets' });
    expect(other.headers.sunset).toBeUndefined();
    expect(other.headers.deprecation).toBeUndefined();
    await app.close();
  });
});
