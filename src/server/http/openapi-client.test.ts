/**
 * The web app compiles against the types of the OpenAPI document (src/web/api.ts; docs/api.md, "A typed client"), so a
 * route whose answer or body changes under the web app fails `npm run check`. Proved on real pages: the document with
 * a field renamed (and a shared form schema with one renamed) makes them fail to compile; as they are, they compile.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { OpenAPI3 } from 'openapi-typescript';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../test/harness';
import { openapiTypes } from './openapi-types';

const SCHEMA = resolve('src/web/api-schema.d.ts');
const config = ts.getParsedCommandLineOfConfigFile(
  resolve('tsconfig.json'),
  {},
  {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    },
  },
)!;

let t: TestContext;
let doc: any;
let program: ts.Program | undefined;
beforeAll(async () => {
  t = await createTestContext();
  doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
});
afterAll(() => t.close());

const PAGES = ['src/web/features/groups/GroupsPage.tsx', 'src/web/features/groups/GroupForm.tsx'];

/**
 * TypeScript's errors in each of PAGES, compiled against the types of `document` (not the file on disk), with the
 * source files of `sources` (path: text) in place of those on disk.
 */
async function webErrors(document: OpenAPI3, sources: Record<string, string> = {}): Promise<Record<string, string[]>> {
  const files = new Map(
    Object.entries({ ...sources, [SCHEMA]: await openapiTypes(document) }).map(([f, text]) => [resolve(f), text]),
  );
  const host = ts.createCompilerHost(config.options);
  const { getSourceFile, fileExists } = host;
  host.fileExists = (name) => files.has(resolve(name)) || fileExists(name);
  host.getSourceFile = (name, language, ...rest) => {
    const text = files.get(resolve(name));
    return text === undefined ? getSourceFile(name, language, ...rest) : ts.createSourceFile(name, text, language);
  };
  // The previous program's files are reused: only the types and what depends on them are checked again.
  program = ts.createProgram({ rootNames: PAGES.map((p) => resolve(p)), options: config.options, host, oldProgram: program });
  const compiled = program;
  return Object.fromEntries(
    PAGES.map((page) => [
      page,
      compiled
        .getSemanticDiagnostics(compiled.getSourceFile(resolve(page)))
        .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')),
    ]),
  );
}

/** Renames a field of an object schema of the document. */
function rename(schema: any, from: string, to: string) {
  schema.properties[to] = schema.properties[from];
  delete schema.properties[from];
  schema.required = schema.required?.map((name: string) => (name === from ? to : name));
}

// The document is the same on either engine, and compiling is ~20 s of CPU: run on PGlite only.
describe.skipIf(process.env.TEST_DATABASE_URL)('the typed client', () => {
  it('compiles the web app against the document as it is', async () => {
    expect(await webErrors(doc)).toEqual({ [PAGES[0]]: [], [PAGES[1]]: [] });
  });

  it('fails the pages that use a field renamed in a route or in the schema of a form', async () => {
    const changed = structuredClone(doc);
    const groups = changed.paths['/api/groups'];
    rename(groups.get.responses['200'].content['application/json'].schema.properties.items.items, 'memberCount', 'membersCount');
    rename(groups.post.requestBody.content['application/json'].schema, 'name', 'title');
    const shared = readFileSync('src/shared/groups.ts', 'utf8');
    const renamedInForm = shared.replace('  subdistrict: z.string().trim()', '  subDistrict: z.string().trim()');
    expect(renamedInForm).not.toBe(shared);
    expect(await webErrors(changed, { 'src/shared/groups.ts': renamedInForm })).toEqual({
      // The list reads g.memberCount.
      [PAGES[0]]: [expect.stringContaining("Property 'memberCount' does not exist")],
      // The form builds `subdistrict`, which its schema no longer has (`never`); and its body, the schema's, no longer
      // fits the route's when creating (`name` is now `title` there).
      [PAGES[1]]: [
        expect.stringContaining("Type 'string | undefined' is not assignable to type 'never'"),
        expect.stringContaining("is not assignable to type 'Body & object'"),
      ],
    });
  });
});
