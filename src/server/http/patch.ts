import type { z } from 'zod';
import { mergePatch } from '#shared/patch';
import { AppError } from '../errors';
import { fieldErrorsOf } from './field-errors';

/**
 * A PATCH body applied to a record's stored fields (`current`, in the shape of its create body), checked by the
 * record's full change schema (`version` and every field) and returned in that shape, for the service's usual
 * change path. A field the merge leaves invalid answers 400 with the field's path, as a bad field sent would.
 */
export function applyPatch<S extends z.ZodType>(
  schema: S,
  current: Record<string, unknown>,
  patch: { version: number } & Record<string, unknown>,
): z.output<S> {
  const result = schema.safeParse({ ...mergePatch(current, patch), version: patch.version });
  if (!result.success) {
    const fields = fieldErrorsOf(result.error).map((f) => ({ ...f, path: `body/${f.path}` }));
    throw new AppError('request.invalid', { fields });
  }
  return result.data;
}
