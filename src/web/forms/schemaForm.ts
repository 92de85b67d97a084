/**
 * The one form layer: a Mantine form whose values are checked by the same zod schema the server uses for the request
 * body. Each zod issue becomes a sentence in the user's language next to its field (`title`, `lines.0.item`), before
 * anything is sent; field errors the server still finds are put next to their fields the same way.
 */
import { type FormErrors, type UseFormReturnType, useForm } from '@mantine/form';
import type { z } from 'zod';
import { ApiError } from '../api';
import { useLanguage } from '../i18n';
import { fieldPath, schemaErrors } from './zodIssues';

export { schemaErrors };

export interface SchemaFormOptions<Values extends Record<string, unknown>> {
  initialValues: Values;
  /** The zod schema of the request body (from `src/shared`). */
  schema: z.ZodType;
  /** The request body the form's values stand for. */
  toBody: (values: Values) => unknown;
  /** Form fields named differently from the body (`{ priceSatang: 'price' }`). */
  fieldOf?: Record<string, string>;
  /** Checks the schema cannot make on the typed text, e.g. that a price is an amount of baht. */
  check?: (values: Values) => FormErrors;
}

export type SchemaForm<Values extends Record<string, unknown>> = UseFormReturnType<Values> & {
  /** The request body of the given values. */
  toBody: (values: Values) => unknown;
  /** Puts the server's field errors (`body/lines/0/item`) next to their fields; true when any was placed. */
  showServerErrors: (error: unknown) => boolean;
};

/** A Mantine form validated in the browser by the shared zod schema of its request body. */
export function useSchemaForm<Values extends Record<string, unknown>>(options: SchemaFormOptions<Values>): SchemaForm<Values> {
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
  return Object.assign(form, { showServerErrors, toBody: options.toBody });
}
