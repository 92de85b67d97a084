/**
 * The web app's only way to the API: `client`, typed by the OpenAPI document itself (`src/web/api-schema.d.ts`, made
 * by `npm run api:types`, which `npm run check` runs first). Paths, parameters, bodies and answers are the routes'
 * own schemas, so a change to a route that breaks a call here fails the type check (docs/api.md, "A typed client").
 */
import createClient from 'openapi-fetch';
import type { Problem } from '#shared/errors';
import type { paths } from './api-schema';

/** A failed API call, carrying the server's problem details (Thai and English text, field errors). */
export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.en);
  }
}

/** Query string from an object, leaving out empty values. */
export function toQuery(params: Record<string, unknown>): string {
  const entries = Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== '');
  return entries.length ? `?${new URLSearchParams(entries.map(([k, v]) => [k, String(v)]))}` : '';
}

export type ApiPath = keyof paths;
type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/**
 * Query values as an address carries them: of the parameter's type, or as text (a page's filters come from its
 * address and its selects), or empty, which `toQuery` leaves out. The server parses and checks them (400 per field).
 */
export type QueryText<Q> = { [K in keyof Q]: Q[K] | string | null };
/** The query of a call as a page holds it (`Query<'/api/groups'>`): the document's names, values as `QueryText`. */
export type Query<P extends ApiPath, M extends Method = 'get'> = QueryText<QueryOf<P, M>>;
type WithQueryText<Op> = Op extends { parameters: infer Params }
  ? Omit<Op, 'parameters'> & { parameters: { [K in keyof Params]: K extends 'query' ? QueryText<Params[K]> : Params[K] } }
  : Op;
/** The document's paths with their query values as text: names, bodies and answers stay exactly the document's. */
type ClientPaths = { [P in ApiPath]: { [M in keyof paths[P]]: WithQueryText<paths[P][M]> } };

/** The API, typed by its document: `client.GET('/api/groups/{id}', { params: { path: { id } } })` (openapi-fetch). */
export const client = createClient<ClientPaths>({ credentials: 'same-origin', querySerializer: toQuery });

/** The operation of `method` on `path`, or never when the path has no such method. */
type Operation<P extends ApiPath, M extends Method> = paths[P] extends Record<M, infer Op> ? Op : never;
type Json<Content> = Content extends { content: { 'application/json': infer J } } ? J : undefined;

/** The JSON a successful call answers, as the document describes it (`ResponseOf<'/api/groups/{id}', 'get'>`). */
export type ResponseOf<P extends ApiPath, M extends Method> =
  Operation<P, M> extends { responses: infer R }
    ? R extends { 200: infer OK }
      ? Json<OK>
      : R extends { 201: infer Created }
        ? Json<Created>
        : undefined
    : never;
/** The JSON body a call sends. */
export type BodyOf<P extends ApiPath, M extends Method> = Operation<P, M> extends { requestBody?: infer B } ? Json<B> : never;
/** The query parameters of a call. */
type QueryOf<P extends ApiPath, M extends Method = 'get'> =
  Operation<P, M> extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

/** What openapi-fetch answers: the data of a success, or the error body with the response. */
export type Answer<T> = { data: T; error?: never; response: Response } | { data?: never; error: unknown; response: Response };
/** The data of a success, without the `undefined` that `T` gets from the error branch (a 204 stays undefined). */
type Success<T> = [T] extends [undefined] ? undefined : Exclude<T, undefined>;

/** The data of an answer, or an ApiError with the server's problem (a generic one when the answer carries none). */
function dataOf<T>(answer: Answer<T>): Success<T> {
  if (answer.error === undefined && answer.response.ok) return answer.data as Success<T>;
  throw new ApiError(isProblem(answer.error) ? answer.error : internalProblem(answer.response));
}

/**
 * The data of a call, or an ApiError with the server's problem:
 * `const group = await data(client.GET('/api/groups/{id}', { params: { path: { id } } }))`. A 204 gives undefined.
 */
export const data = async <T>(call: Promise<Answer<T>>): Promise<Success<T>> => dataOf(await call);

/**
 * Saves the file a call answers (asked with `parseAs: 'blob'`: a PDF) under the name the server gives it, as if it
 * had been a link.
 */
export async function download(call: Promise<Answer<Blob>>, fallbackName: string): Promise<void> {
  const answer = await call;
  const file = dataOf(answer);
  const link = document.createElement('a');
  link.href = URL.createObjectURL(file);
  link.download = /filename="([^"]+)"/.exec(answer.response.headers.get('content-disposition') ?? '')?.[1] ?? fallbackName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
}

/** An upload's body as multipart/form-data (`bodySerializer: asFormData`), one part a field. */
export function asFormData(body: Record<string, Blob | string>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(body)) form.append(name, value);
  return form;
}

const isProblem = (body: unknown): body is Problem => typeof body === 'object' && body !== null && 'code' in body;

const internalProblem = (res: Response): Problem => ({
  type: 'about:blank',
  title: res.statusText,
  status: res.status,
  code: 'server.internal',
  detail: '',
  th: 'เกิดข้อผิดพลาดภายในระบบ',
  en: 'Internal server error',
});

/** A PATCH body: a field that may be left out may also be null, which clears it. */
type Patch<Body> = { [K in keyof Body]: Body[K] | (undefined extends Body[K] ? null : never) };

/**
 * A form's body sent as a PATCH (a partial update): a field the form left empty (`undefined`, which JSON would drop
 * and the server would keep as it was) is sent as `null`, which clears it.
 */
export function asPatch<Body extends object>(body: Body): Patch<Body> {
  return Object.fromEntries(
    Object.entries(body).map(([name, value]) => [name, value === undefined ? null : value]),
  ) as Patch<Body>;
}
