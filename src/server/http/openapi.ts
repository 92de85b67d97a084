/**
 * The OpenAPI document at /api/openapi.json, for integrators (docs/api.md): @fastify/swagger builds it from the
 * routes' zod schemas; this module adds, in one place for every route, what the schemas do not say: a stable
 * operationId, a description, the error responses each operation can give, file and upload bodies, and the
 * document's servers, licence and tags.
 */
import type { FastifyDynamicSwaggerOptions } from '@fastify/swagger';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import type { Deprecation } from './deprecation';
import { operationIdFor } from './openapi-ids';
import { type OperationFacts, problemComponents, problemResponseRef, problemStatusesFor } from './openapi-problems';

type Transform = NonNullable<FastifyDynamicSwaggerOptions['transform']>;
type TransformInput = Parameters<Transform>[0];
type JsonSchema = Record<string, any>;

/** The feature groups of the document, in the order of the web app's menu. */
const TAGS: Record<string, string> = {
  system: 'Health of the server and its database.',
  auth: 'Signing in and out (a session cookie), the signed-in account or token, changing your own password.',
  'org-units': 'Provinces and districts (หน่วยงาน) with their DOPA codes and service centers.',
  users: 'Accounts of officers and committee members, within your scope.',
  tokens: 'API tokens for programs: service accounts scoped to a unit, read-only by default, revocable (docs/api.md).',
  audit: 'The change log (ประวัติการแก้ไข): who changed what, when.',
  reference: 'Configurable code lists (wisdom branches, standards, topics).',
  people: 'People known to the center (citizen IDs masked), merging duplicates.',
  pdpa: "Data subjects' rights under the PDPA: access, rectification history, erasure, retention.",
  wisdom: 'The local-wisdom repository (ภูมิปัญญาท้องถิ่น).',
  budget: 'The budget structure of a fiscal year and its allocations down the units (การจัดสรรงบประมาณ).',
  advances: 'Cash advances (เงินยืม): requests, approval, contracts and repayment.',
  delegations: 'Delegation orders that give officers the power to approve advances and payments.',
  expenses: 'Expense plans (รายละเอียดค่าใช้จ่าย) a district sends to its province for an activity.',
  spending: 'Payments against an allocation (การเบิกจ่าย) and the fiscal year roll-up.',
  tasks: "The signed-in officer's to-do list.",
  groups: 'Occupational groups (กลุ่มอาชีพ) and their stage in the pipeline.',
  producers: 'OTOP producer registrations.',
  products: "Products of producers' catalogues.",
  certifications: 'Product and producer certificates (มาตรฐานผลิตภัณฑ์) and their expiry.',
  partners: 'Partner agencies (ภาคีเครือข่าย) of a district.',
  services: 'Services given at the center and on outreach trips.',
  worklog: "A month of a center's recorded work.",
  activities: 'Trainings, market events, study visits and strengthening activities.',
  needs: "Groups' needs analyses.",
  plans: "The center's development plans, their projects and progress.",
  lessons: 'Lessons learned by fiscal year and quarter.',
  sales: 'Monthly sales of groups and products.',
  funding: "Groups' applications to funding sources and their decisions.",
  outcomes: "Groups' verified outcomes with evidence.",
  requests: 'Service requests from the public and their referrals.',
  meetings: 'Committee meetings: agenda, minutes, resolutions and their follow-up.',
  posts: 'Publicity posts and their photos.',
  reports: "Quarterly reports from districts, the province's review, and quarter locks.",
  workplan: "A unit's work plan for today.",
  pipeline: 'Counts and conversion through the pipeline stages of groups.',
  dashboards: 'Dashboards of a district, a province or the nation.',
  attachments: 'Downloading uploaded files and image previews.',
  documents: 'Outgoing documents (ทะเบียนหนังสือส่ง), letterheads and the Garuda emblem.',
  committees: 'Center committee terms (คณะกรรมการศูนย์), their composition, and legacy-mechanism exceptions.',
  'center-profiles': "A district center's address, hours, contacts, staff and learning media.",
  indicators: "Centers' indicators and the completeness matrix.",
  imports: 'Importing spreadsheets: templates, dry runs, commits and rollbacks.',
  jobs: 'Background jobs and their progress.',
};

const FILE_TYPES: Record<string, string> = {
  'application/pdf': 'PDF',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'XLSX',
  'text/csv': 'CSV',
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
};
const SUCCESS_TEXT: Record<string, string> = {
  '200': 'OK',
  '201': 'Created',
  '202': 'Accepted: the work goes on in a background job',
  '204': 'Done; nothing to return',
};
const NAMES_RECORD = /(Id|Ids|Code|^unit)$/;

const propertiesOf = (schema: JsonSchema | undefined): string[] => Object.keys(schema?.properties ?? {});
const isExport = (path: string) => /\/export\.(xlsx|csv)$/.test(path);

/**
 * The query fields that pick what an operation is about (`?unit=` of a dashboard), which can name nothing: those of
 * a paged list or its export only filter it, and a filter naming nothing selects no rows.
 */
const namingQuery = (path: string, query: JsonSchema | undefined) =>
  isExport(path) || propertiesOf(query).includes('cursor') ? [] : propertiesOf(query);

const configOf = (input: TransformInput) =>
  (input.route as { config?: { public?: boolean; rateLimit?: unknown; deprecated?: Deprecation } }).config ?? {};

function factsOf(method: string, path: string, input: TransformInput, schema: JsonSchema): OperationFacts {
  const config = configOf(input);
  return {
    method,
    path,
    isPublic: config.public === true,
    hasPathParameters: path.includes('{'),
    namesRecords: [...namingQuery(path, schema.querystring), ...propertiesOf(schema.body)].some((name) =>
      NAMES_RECORD.test(name),
    ),
    hasBody: schema.body !== undefined,
    isUpload: (schema.consumes ?? []).includes('multipart/form-data'),
    rateLimited: config.rateLimit !== undefined,
  };
}

/**
 * Lists answered whole rather than paged (docs/api.md, "Lists and paging"), each bounded by what it lists. Every
 * other list is paged; `openapi.test.ts` fails on a list that is neither.
 */
export const WHOLE_LISTS: Record<string, string> = {
  '/api/activities/budget-items': "the budget items of one unit's fiscal year",
  '/api/advances/borrowers': 'the officials of one unit',
  '/api/advances/rules': 'the repayment rules in the regulation',
  '/api/budget/items': "one fiscal year's budget items of a unit",
  '/api/budget/items/{id}/allocations': 'one budget item, at most one allocation per unit under it',
  '/api/budget/items/{id}/spending': "one budget item's spending, by unit",
  '/api/code-lists/{list}': 'one code list',
  '/api/delegation-orders/authorities': 'the orders in force for one unit, power and day',
  '/api/imports/batches': "the latest 100 import batches of the scope's kinds",
  '/api/indicators/records': "one indicator's records of one district in one fiscal year",
  '/api/org-units': 'the units of the country, under a thousand',
  '/api/pdpa/retention': 'one entry per type of record',
  '/api/people/{id}/history': "one person's history",
  '/api/tasks': "the signed-in user's tasks",
};

/** Facts an integrator needs beyond the summary, in the same words for every operation. */
function descriptionOf(facts: OperationFacts, schema: JsonSchema, deprecation?: Deprecation): string {
  const query = propertiesOf(schema.querystring);
  const produces: string[] = schema.produces ?? [];
  const lines = [
    deprecation &&
      `**Deprecated** on ${deprecation.announced}: it stops working on ${deprecation.sunset} (the \`Sunset\` header of ` +
        `every answer)${deprecation.replacement ? `; use \`${deprecation.replacement}\` instead` : ''}.`,
    schema.description,
    facts.isPublic
      ? 'Public: no session needed.'
      : 'Needs a session (the `thanrak_session` cookie from `login`) or an API token (`Authorization: Bearer`); ' +
        'answers only within the org units of your scope.',
    query.includes('cursor') &&
      'Paged: `pageSize` with `page`, or with `cursor` set to the `nextCursor` of the previous page (null on the last page).',
    facts.method === 'GET' && WHOLE_LISTS[facts.path] && `Answers the whole list, not paged: ${WHOLE_LISTS[facts.path]}.`,
    facts.method === 'PATCH' &&
      'A partial update: only the fields sent change; `null` clears a field the record may go without; a list sent replaces the stored one.',
    isExport(facts.path)
      ? "Streams every row the list's filters select (no paging); `lang` picks the language of headings and labels."
      : produces.length > 0 && `Answers the file (${produces.map((t) => FILE_TYPES[t] ?? t).join(' or ')}).`,
    propertiesOf(schema.body).includes('version') &&
      'Send the `version` you read: if the record changed since, the answer is 409 `record.stale` and nothing is written.',
    facts.isUpload && 'Send `multipart/form-data` with the file in the field `file`.',
  ];
  return lines.filter(Boolean).join('\n\n');
}

/** A 2xx answer that is a file: its media types, with no schema of its own (zod's `z.any()` says nothing). */
function fileResponses(schema: JsonSchema): JsonSchema | undefined {
  const produces: string[] = schema.produces ?? [];
  if (!produces.length) return undefined;
  const success = Object.keys(schema.response ?? {}).find((s) => s.startsWith('2')) ?? '200';
  const binary = { type: 'string', format: 'binary' };
  return {
    ...schema.response,
    [success]: {
      description: `The file (${produces.map((t) => FILE_TYPES[t] ?? t).join(' or ')})`,
      content: Object.fromEntries(produces.map((t) => [t, { schema: binary }])),
    },
  };
}

const uploadBody = {
  type: 'object',
  required: ['file'],
  properties: { file: { type: 'string', format: 'binary', description: 'The file; its size limit is in the summary' } },
};

/** Per route: zod schemas to JSON Schema, then what this module adds (marked `x-problems` for `finishDocument`). */
const describeRoute: Transform = (input) => {
  const { schema, url } = jsonSchemaTransform(input as Parameters<typeof jsonSchemaTransform>[0]) as {
    schema: JsonSchema;
    url: string;
  };
  if (!schema || schema.hide) return { schema, url };
  const method = [input.route.method].flat()[0].toUpperCase();
  const path = url.replace(/:(\w+)/g, '{$1}');
  const facts = factsOf(method, path, input, schema);
  const deprecation = configOf(input).deprecated;
  return {
    url,
    schema: {
      ...schema,
      operationId: schema.operationId ?? operationIdFor(method, path),
      description: descriptionOf(facts, schema, deprecation),
      ...(deprecation ? { deprecated: true } : {}),
      ...(facts.isPublic ? { security: [] } : {}),
      ...(facts.isUpload && !schema.body ? { body: uploadBody } : {}),
      ...(fileResponses(schema) ? { response: fileResponses(schema) } : {}),
      'x-problems': problemStatusesFor(facts),
    },
  };
};

/**
 * `z.record(z.enum([...]), v)` becomes `propertyNames` + `required` with no `properties`: valid JSON Schema, but
 * tools (and Redocly's no-required-schema-properties-undefined) read the required names as undefined. Naming each
 * key as a property of the value's schema says the same thing in the form they read.
 */
function nameRecordKeys(node: unknown): void {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    node.forEach(nameRecordKeys);
    return;
  }
  const schema = node as JsonSchema;
  const keys: unknown = schema.propertyNames?.enum;
  if (Array.isArray(keys) && Array.isArray(schema.required) && !schema.properties && schema.additionalProperties) {
    schema.properties = Object.fromEntries(keys.map((k) => [k, schema.additionalProperties]));
  }
  Object.values(schema).forEach(nameRecordKeys);
}

/** The whole document: error statuses become references to the shared responses; success answers get plain words. */
function finishDocument({ openapiObject }: { openapiObject: Partial<JsonSchema> }): JsonSchema {
  const document = openapiObject as JsonSchema;
  for (const operations of Object.values(document.paths ?? {}) as JsonSchema[]) {
    for (const operation of Object.values(operations) as JsonSchema[]) {
      for (const [status, response] of Object.entries(operation.responses ?? {}) as [string, JsonSchema][]) {
        if (response.description === 'Default Response') response.description = SUCCESS_TEXT[status] ?? 'OK';
      }
      for (const status of operation['x-problems'] ?? []) operation.responses[status] = problemResponseRef(status);
      delete operation['x-problems'];
    }
  }
  nameRecordKeys(document.paths);
  nameRecordKeys(document.components?.schemas);
  return document;
}

/** The options of @fastify/swagger for the app. */
export function openapiOptions(version: string): FastifyDynamicSwaggerOptions {
  const problems = problemComponents();
  return {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Thanrak API',
        version,
        description:
          'ฐานราก — the API of the information system of the district Foundational Economy Promotion Service Centers. ' +
          'How it is documented, the errors and the versioning rule: docs/api.md in the repository.',
        // The repository grants no licence (package.json is private and names none): said plainly, not invented.
        license: { name: 'No licence granted (private repository)' },
      },
      servers: [{ url: '/', description: 'The server this document was read from (every path starts with /api)' }],
      tags: Object.entries(TAGS).map(([name, description]) => ({ name, description })),
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'thanrak_session' },
          token: {
            type: 'http',
            scheme: 'bearer',
            description:
              'An API token (`thr_…`) made on the API tokens page: read-only unless made read-write, scoped to its ' +
              'unit. A request that sends one is the token’s alone: a session cookie beside it is not read.',
          },
        },
        responses: problems.responses,
        schemas: problems.schemas,
      },
      security: [{ session: [] }, { token: [] }],
    },
    transform: describeRoute,
    transformObject: finishDocument as FastifyDynamicSwaggerOptions['transformObject'],
  };
}
