import { ERRORS, type ErrorCode, type FieldError, fillTemplate, type Problem } from '#shared/errors';

/** An expected failure with a stable code; the error handler turns it into problem+json. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly params: Record<string, unknown>;
  readonly fields?: FieldError[];

  constructor(code: ErrorCode, options: { params?: Record<string, unknown>; fields?: FieldError[] } = {}) {
    super(fillTemplate(ERRORS[code].en, options.params));
    this.code = code;
    this.status = ERRORS[code].status;
    this.params = options.params ?? {};
    this.fields = options.fields;
  }
}

export function problemFor(code: ErrorCode, params: Record<string, unknown> = {}, fields?: FieldError[]): Problem {
  const entry = ERRORS[code];
  const en = fillTemplate(entry.en, params);
  return {
    type: `urn:thanrak:error:${code}`,
    title: en,
    status: entry.status,
    code,
    detail: en,
    th: fillTemplate(entry.th, params),
    en,
    ...(fields?.length ? { errors: fields } : {}),
  };
}
