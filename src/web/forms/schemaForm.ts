/**
 * The one form layer: a Mantine form whose values are checked by the same zod schema the server uses for the request
 * body. Each zod issue becomes a sentence in the user's language next to its field (`title`, `lines.0.item`), before
 * anything is sent; field errors the server still finds are put next to their fields the same way.
 */
import { type FormErrors, type UseFormReturnType, useForm } from '@mantine/form';
import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { FIELD_MESSAGES_TH } from '#shared/errors';
import { ApiError } from '../api';
import { type Language, useLanguage } from '../i18n';

type Issue = z.core.$ZodIssue;

const isEmpty = (value: unknown) => value === undefined || value === null || value === '';

/** One zod issue as a sentence in the user's language. */
export function issueText(issue: Issue, t: TFunction, language: Language): string {
  switch (issue.code) {
    case 'invalid_type':
      if (isEmpty(issue.input)) return t('validation.required');
      return issue.expected === 'int' ? t('validation.wholeNumber') : t('validation.invalid');
    case 'too_small': {
      const minimum = Number(issue.minimum);
      if (issue.origin === 'string') return minimum <= 1 ? t('validation.required') : t('validation.tooShort', { minimum });
      if (issue.origin === 'array') return t('validation.tooFew', { minimum });
      return t('validation.tooSmall', { minimum });
    }
    case 'too_big': {
      const maximum = Number(issue.maximum);
      if (issue.origin === 'string') return t('validation.tooLong', { maximum });
      if (issue.origin === 'array') return t('validation.tooMany', { maximum });
      return t('validation.tooBig', { maximum });
    }
    case 'invalid_value':
      return isEmpty(issue.input) ? t('validation.required') : t('validation.choose');
    case 'invalid_format':
    case 'custom': {
      if (isEmpty(issue.input)) return t('validation.required');
      // Our schemas give format rules an English message; FIELD_MESSAGES_TH holds its Thai.
      const th = FIELD_MESSAGES_TH[issue.message];
      if (th) return language === 'th' ? th : issue.message;
      return issue.code === 'invalid_format' ? t('validation.format') : t('validation.invalid');
    }
    default:
      return t('validation.invalid');
  }
}

/** The field a body path belongs to: `lines.0.unitPriceSatang` → `lines.0.price` with `{ unitPriceSatang: 'price' }`. */
function fieldPath(path: PropertyKey[], fieldOf: Record<string, string>): string {
  const dotted = path.map(String).join('.');
  if (fieldOf[dotted]) return fieldOf[dotted];
  const last = String(path[path.length - 1] ?? '');
  return fieldOf[last] ? [...path.slice(0, -1).map(String), fieldOf[last]].join('.') : dotted;
}

/** Every problem the schema finds in `body`, keyed by form field; the first problem of a field wins. */
export function schemaErrors(
  schema: z.ZodType,
  body: unknown,
  t: TFunction,
  language: Language,
  fieldOf: Record<string, string> = {},
): FormErrors {
  const result = schema.safeParse(body, { reportInput: true });
  if (result.success) return {};
  const errors: FormErrors = {};
  for (const issue of result.error.issues) {
    const field = fieldPath(issue.path, fieldOf);
    errors[field] ??= issueText(issue, t, language);
  }
  return errors;
}

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
