/**
 * The OpenAPI document as a contract for integrators (docs/api.md): every operation named once and for good,
 * described, and documenting its answers, errors included. Redocly's lint of the same document is `npm run api:lint`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERRORS } from '#shared/errors';
import { createTestContext, type TestContext } from '../test/harness';
import { WHOLE_LISTS } from './openapi';
import { derivedOperationId, duplicateOperationIds, OPERATION_ID_OVERRIDES, operationIdFor } from './openapi-ids';
import { PROBLEM_RESPONSES, problemSchema } from './openapi-problems';
import published from './published-operations.json' with { type: 'json' };

let t: TestContext;
let doc: any;
let operations: { label: string; method: string; path: string; op: any }[];
beforeAll(async () => {
  t = await createTestContext();
  doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
  operations = Object.entries(doc.paths as Record<string, Record<string, any>>).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      label: `${method.toUpperCase()} ${path}`,
      method: method.toUpperCase(),
      path,
      op,
    })),
  );
});
afterAll(() => t.close());

describe('operationIds', () => {
  it('derives them from the method and the URL', () => {
    expect(derivedOperationId('GET', '/api/products')).toBe('listProducts');
    expect(derivedOperationId('GET', '/api/products/{id}')).toBe('getProduct');
    expect(derivedOperationId('POST', '/api/advances')).toBe('createAdvance');
    expect(derivedOperationId('PATCH', '/api/people/{id}')).toBe('updatePerson');
    expect(derivedOperationId('DELETE', '/api/wisdom/{id}')).toBe('deleteWisdom');
    expect(derivedOperationId('PUT', '/api/center-profiles/{unitCode}')).toBe('setCenterProfile');
    expect(derivedOperationId('GET', '/api/products/export.xlsx')).toBe('exportProductsXlsx');
    expect(derivedOperationId('GET', '/api/budget/items/{id}/allocations/export.csv')).toBe('exportBudgetItemAllocationsCsv');
    expect(derivedOperationId('POST', '/api/advances/{id}/approve')).toBe('approveAdvance');
    expect(derivedOperationId('POST', '/api/plans/{id}/projects')).toBe('createPlanProject');
    expect(derivedOperationId('GET', '/api/budget/items/{id}/allocations')).toBe('listBudgetItemAllocations');
    expect(derivedOperationId('GET', '/api/advances/{id}/contract.pdf')).toBe('getAdvanceContractPdf');
    expect(derivedOperationId('GET', '/api/reports/{id}/report.pdf')).toBe('getReportPdf');
    expect(derivedOperationId('POST', '/api/meetings/{id}/invitation.pdf')).toBe('issueMeetingInvitationPdf');
    expect(derivedOperationId('DELETE', '/api/posts/{id}/attachments/{attachmentId}')).toBe('deletePostAttachment');
  });

  it('finds two operations given the same id', () => {
    const named = (label: string) => {
      const [method, path] = label.split(' ');
      return { label, operationId: operationIdFor(method, path) };
    };
    // A second singular URL for sales would take the name of GET /api/sales/{id}.
    expect(duplicateOperationIds([named('GET /api/sales/{id}'), named('GET /api/sale/{id}'), named('GET /api/sales')])).toEqual({
      getSale: ['GET /api/sales/{id}', 'GET /api/sale/{id}'],
    });
  });

  it('gives every operation of the document its own id, safe in a URL and in code', () => {
    for (const { label, op } of operations) expect(op.operationId, label).toMatch(/^[a-z][A-Za-z0-9]*$/);
    expect(duplicateOperationIds(operations.map(({ label, op }) => ({ label, operationId: op.operationId })))).toEqual({});
  });

  it('keeps the id of every published operation (a rename or removal breaks clients: docs/api.md)', () => {
    const now = Object.fromEntries(operations.map(({ label, op }) => [label, op.operationId]));
    const changed = Object.entries(published as Record<string, string>)
      .filter(([label, id]) => now[label] !== id)
      .map(([label, id]) => `${label}: was ${id}, now ${now[label] ?? 'gone'}`);
    expect(changed).toEqual([]);
  });

  it('keeps no override the rule already gives or no route uses', () => {
    const labels = new Set(operations.map((o) => o.label));
    for (const [label, id] of Object.entries(OPERATION_ID_OVERRIDES)) {
      expect(labels.has(label), `override of a route that is gone: ${label}`).toBe(true);
      const [method, path] = label.split(' ');
      expect(derivedOperationId(method, path), `override equal to the rule: ${label}`).not.toBe(id);
    }
  });
});

describe('what each operation documents', () => {
  it('has a summary, a description and tags that the document declares and describes', () => {
    const declared = new Map((doc.tags as { name: string; description: string }[]).map((tag) => [tag.name, tag.description]));
    for (const { label, op } of operations) {
      expect(op.summary, label).toBeTruthy();
      expect(op.description, label).toBeTruthy();
      expect(op.tags?.length, label).toBeGreaterThan(0);
      for (const tag of op.tags) expect(declared.get(tag), `${label}: tag ${tag}`).toBeTruthy();
    }
  });

  it('documents its success with content, except 204', () => {
    for (const { label, op } of operations) {
      const success = Object.entries(op.responses as Record<string, any>).filter(([status]) => status.startsWith('2'));
      expect(success.length, label).toBe(1);
      const [status, response] = success[0];
      expect(response.description, label).not.toBe('Default Response');
      if (status === '204') expect(response.content, label).toBeUndefined();
      else expect(Object.keys(response.content ?? {}).length, label).toBeGreaterThan(0);
    }
  });

  it('documents the errors it can give as the shared problem+json responses', () => {
    for (const { label, method, path, op } of operations) {
      const statuses = Object.keys(op.responses).map(Number);
      const errors = statuses.filter((s) => s >= 400);
      expect(
        errors.some((s) => s < 500),
        `${label}: no 4xx`,
      ).toBe(true);
      expect(errors, label).toEqual(expect.arrayContaining([400, 503]));
      if (op.security?.length !== 0) expect(errors, label).toContain(401);
      if (method !== 'GET') expect(errors, label).toContain(403);
      if (path.includes('{')) expect(errors, label).toContain(404);
      if (op.requestBody) expect(errors, label).toEqual(expect.arrayContaining([413, 415]));
      for (const status of errors)
        expect(op.responses[status], `${label} ${status}`).toEqual({
          $ref: `#/components/responses/${PROBLEM_RESPONSES[status as keyof typeof PROBLEM_RESPONSES].name}`,
        });
    }
  });

  it('marks public operations as needing no session, and the rest as needing a session or an API token', () => {
    expect(doc.security).toEqual([{ session: [] }, { token: [] }]);
    expect(doc.components.securitySchemes.token).toMatchObject({ type: 'http', scheme: 'bearer' });
    const open = operations.filter(({ op }) => op.security?.length === 0).map((o) => o.label);
    expect(open.sort()).toEqual(['GET /api/health', 'POST /api/auth/login', 'POST /api/auth/logout']);
  });

  it('gives shared error responses whose examples are real problems in Thai and English', () => {
    for (const [status, { name }] of Object.entries(PROBLEM_RESPONSES)) {
      const response = doc.components.responses[name];
      expect(response.description, name).toBeTruthy();
      const examples = Object.entries(response.content['application/problem+json'].examples) as [string, any][];
      expect(examples.length, name).toBeGreaterThan(0);
      for (const [code, { value }] of examples) {
        expect(problemSchema.strict().parse(value), `${name} ${code}`).toMatchObject({ code, status: Number(status) });
        expect(ERRORS[code as keyof typeof ERRORS].status, code).toBe(Number(status));
        expect(value.th, code).toMatch(/[\u0E00-\u0E7F]/);
        expect(value.th, code).not.toMatch(/\{\w+\}/);
      }
    }
  });

  it('answers with the problem shape it documents', async () => {
    const cookie = await t.login('demo-district');
    const invalid = await t.as(cookie, { method: 'POST', url: '/api/products', payload: { name: '' } });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.headers['content-type']).toContain('application/problem+json');
    const problem = problemSchema.strict().parse(invalid.json());
    expect(problem.errors?.length).toBeGreaterThan(0);
    const signedOut = await t.app.inject({ method: 'GET', url: '/api/products/1' });
    expect(problemSchema.strict().parse(signedOut.json())).toMatchObject({ status: 401, code: 'auth.required' });
  });
});

describe('the document as a whole', () => {
  it('names its server and its licence', () => {
    expect(doc.servers).toEqual([{ url: '/', description: expect.any(String) }]);
    expect(doc.info.license.name).toBeTruthy();
  });

  it('leaves no working marks behind', () => {
    expect(JSON.stringify(doc)).not.toContain('x-problems');
  });
});

describe('one paging contract', () => {
  const PAGE_FIELDS = ['items', 'total', 'totalCapped', 'nextCursor', 'page', 'pageSize'];
  const lists = () =>
    operations.flatMap(({ label, method, path, op }) => {
      const schema = op.responses?.['200']?.content?.['application/json']?.schema;
      const isList = schema?.type === 'array' || schema?.properties?.items?.type === 'array';
      // A record may hold a list of its own (a need's items): that is not a list of records.
      if (method !== 'GET' || !isList || path.endsWith('{id}')) return [];
      const query = (op.parameters ?? []).filter((p: any) => p.in === 'query').map((p: any) => p.name);
      const paged =
        ['page', 'pageSize', 'cursor'].every((name) => query.includes(name)) &&
        PAGE_FIELDS.every((name) => schema.required?.includes(name));
      return [{ label, path, paged }];
    });

  it('pages every list, but those answered whole for a reason', () => {
    const neither = lists().filter((l) => !l.paged && !(l.path in WHOLE_LISTS));
    expect(neither.map((l) => l.label)).toEqual([]);
    expect(lists().filter((l) => l.paged).length).toBeGreaterThan(30);
  });

  it('lists as whole only lists that exist and are not paged', () => {
    const whole = new Map(lists().map((l) => [l.path, l.paged]));
    for (const path of Object.keys(WHOLE_LISTS)) expect(whole.get(path), path).toBe(false);
  });

  it('says so in each description', () => {
    for (const { label, paged } of lists()) {
      const op = operations.find((o) => o.label === label)!.op;
      expect(op.description, label).toContain(paged ? 'Paged:' : 'Answers the whole list');
    }
  });
});
