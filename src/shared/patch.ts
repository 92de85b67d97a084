/**
 * PATCH is a partial update everywhere (docs/api.md, "Changing a record"): the body holds `version` and only the
 * fields to change; a field left out stays as it is, `null` clears a field that may be empty, and a list or object
 * sent replaces the stored one whole. The server merges the body onto the record as stored and checks the result
 * with the same schema a new record is checked with, so rules across fields still hold.
 */
import { z } from 'zod';
import { versionBody } from './paging';

const versionSchema = versionBody.shape.version;

type Clearable = z.ZodOptional<z.ZodType> | z.ZodDefault<z.ZodType>;
type Inner<F> = F extends z.ZodDefault<infer I> ? I : F extends z.ZodOptional<infer I> ? I : F;
/** A field of a PATCH body: may be left out; `null` only where the record may go without it. */
type PatchField<F extends z.ZodType> = F extends Clearable ? z.ZodOptional<z.ZodNullable<Inner<F>>> : z.ZodOptional<F>;
export type PatchShape<T extends z.ZodRawShape> = { version: typeof versionSchema } & {
  [K in keyof T]: PatchField<T[K] & z.ZodType>;
};

/** Whether the record may go without this field (it is optional or has a default). */
const clearable = (field: z.ZodType) => field.safeParse(undefined).success;

function patchField(field: z.ZodType): z.ZodType {
  // A default must not fill a field left out: that would change it.
  const inner = field instanceof z.ZodDefault || field instanceof z.ZodOptional ? (field.unwrap() as z.ZodType) : field;
  const patched = clearable(field) ? inner.nullable().optional() : field.optional();
  // An optional field's description sits on the wrapper unwrapped here: kept for the API document.
  return field.description ? patched.describe(field.description) : patched;
}

/** The body of `PATCH /…/{id}` for a record whose fields are `fields` (the create body's, less what never changes). */
export function patchBody<T extends z.ZodRawShape>(fields: T): z.ZodObject<PatchShape<T>, z.core.$strict> {
  const shape = Object.fromEntries(Object.entries(fields).map(([name, field]) => [name, patchField(field as z.ZodType)]));
  return z.strictObject({ version: versionSchema, ...shape }) as unknown as z.ZodObject<PatchShape<T>, z.core.$strict>;
}

/**
 * The record's fields after a PATCH: the stored `current` with each field the body sent, `null` taking the field
 * away (the full schema's default or absence then applies). `version` is not a field.
 */
export function mergePatch<C extends Record<string, unknown>>(
  current: C,
  patch: Record<string, unknown>,
): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...current };
  for (const [name, value] of Object.entries(patch)) {
    if (name === 'version' || value === undefined) continue;
    if (value === null) delete merged[name];
    else merged[name] = value;
  }
  return merged;
}
