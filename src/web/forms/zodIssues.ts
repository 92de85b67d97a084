/** Zod issues as sentences in the user's language, keyed by the form field they belong to. */
import type { FormErrors } from '@mantine/form';
import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { FIELD_MESSAGES_TH } from '#shared/errors';
import type { Language } from '../i18n';

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
      // Our schemas give format rules and rules between fields an English message; FIELD_MESSAGES_TH holds its Thai.
      // A rule between fields names no input (an end before its start is filled in), so its own words come first.
      const th = FIELD_MESSAGES_TH[issue.message];
      if (th && (issue.code === 'custom' || !isEmpty(issue.input))) return language === 'th' ? th : issue.message;
      if (isEmpty(issue.input)) return t('validation.required');
      return issue.code === 'invalid_format' ? t('validation.format') : t('validation.invalid');
    }
    default:
      return t('validation.invalid');
  }
}

/** The field a body path belongs to: `lines.0.unitPriceSatang` → `lines.0.price` with `{ unitPriceSatang: 'price' }`. */
export function fieldPath(path: PropertyKey[], fieldOf: Record<string, string>): string {
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
