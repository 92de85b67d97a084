/**
 * The one form layer: a Mantine form whose values are checked by the same zod schema the server uses for the request
 * body. Each zod issue becomes a sentence in the user's language next to its field (`title`, `lines.0.item`), before
 * anything is sent; field errors the server still finds are put next to their fields the same way. The body a form
 * sends has the schema's type, which the API's typed client checks against the route's (src/web/api.ts).
 */
import { type FormErrors, type UseFormReturnType, useForm } from '@mantine/form';
import type { z } from 'zod';
import { ApiError } from '../api';
import { useLanguage } from '../i18n';
import { fieldPath, schemaErrors } from './zodIssues';

export { schemaErrors };

/**
 * A body as a form builds it, before its schema has checked it: a field may still be empty and a choice any text, but
 * each field must be one the schema knows, so a misspelt or renamed field fails the type check.
 */
type Unchecked<T> = T extends readonly (infer Item)[]
  ? Unchecked<Item>[]
  : T extends object
    ? { [K in keyof T]?: Unchecked<T[K]> }
    : (T extends string ? string : T extends number ? number : T extends boolean ? boolean : T) | undefined;

type KeysOf<T> = T extends unknown ? keyof T : never;
/** Fields a body has that the schema does not know, each of type never: a body with one fails the type check. */
type Unknown<Body, T> = Body extends unknown ? { [K in Exclude<keyof Body, KeysOf<T>>]: never } : never;

/** True when the schema accepts the body, which is then of the schema's input type. */
const accepts = <S extends z.ZodType>(schema: S, body: unknown): body is z.input<S> => schema.safeParse(body).success;

/** The body as the schema's type. Only a form sent before its validation ran could fail here: a mistake in the page. */
export function checkedBody<S extends z.ZodType>(schema: S, body: unknown): z.input<S> {
  if (!accepts(schema, body)) throw new Error('A form sent a body its schema refuses: validate the form first');
  return body;
}

/**
 * The schema of a form that creates a record or changes `record`, typed as either: `record ? update : create` keeps
 * only the create schema's type when the update schema just adds `version`, and its body would lose `version`.
 */
export const createOrUpdate = <C extends z.ZodType, U extends z.ZodType>(record: unknown, create: C, update: U): C | U =>
  record ? update : create;

export interface SchemaFormOptions<
  Values extends Record<string, unknown>,
  S extends z.ZodType,
  Body extends Unchecked<z.input<S>>,
> {
  initialValues: Values;
  /** The zod schema of the request body (from `src/shared`). */
  schema: S;
  /** The request body the form's values stand for. */
  toBody: (values: Values) => Body & Unknown<Body, z.input<S>>;
  /** Form fields named differently from the body (`{ priceSatang: 'price' }`). */
  fieldOf?: Record<string, string>;
  /** Checks the schema cannot make on the typed text, e.g. that a price is an amount of baht. */
  check?: (values: Values) => FormErrors;
}

export type SchemaForm<Values extends Record<string, unknown>, Body> = UseFormReturnType<Values> & {
  /** The request body of the given values, checked by the schema: for a form that passed its validation (on submit). */
  toBody: (values: Values) => Body;
  /** Puts the server's field errors (`body/lines/0/item`) next to their fields; true when any was placed. */
  showServerErrors: (error: unknown) => boolean;
};

/** A Mantine form validated in the browser by the shared zod schema of its request body. */
export function useSchemaForm<Values extends Record<string, unknown>, S extends z.ZodType, Body extends Unchecked<z.input<S>>>(
  options: SchemaFormOptions<Values, S, Body>,
): SchemaForm<Values, z.input<S>> {
  const { t, language } = useLanguage();
  const fieldOf = options.fieldOf ?? {};
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: options.initialValues,
    validate: (values) => ({
      ...schemaErrors(options.schema, options.toBody(values), t, language, fieldOf),
      ...options.check?.(values),
    }),
  });
  const showServerErrors = (error: unknown) => {
    if (!(error instanceof ApiError) || !error.problem.errors?.length) return false;
    const errors: FormErrors = {};
    for (const e of error.problem.errors) {
      const path = e.path
        .replace(/^(body|querystring|params)\/?/, '')
        .split('/')
        .filter(Boolean);
      if (path.length) errors[fieldPath(path, fieldOf)] ??= language === 'th' ? e.th : e.en;
    }
    form.setErrors(errors);
    return Object.keys(errors).length > 0;
  };
  const toBody = (values: Values) => checkedBody(options.schema, options.toBody(values));
  return Object.assign(form, { showServerErrors, toBody });
}
