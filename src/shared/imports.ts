import { z } from 'zod';
import { EXPENSE_CATEGORIES } from './budget';
import { idSchema } from './fields';

export const IMPORT_KINDS = [
  'producers',
  'allocations',
  'people',
  'wisdom',
  'groups',
  'products',
  'certifications',
  'services',
  'activities',
  'sales',
  'funding',
] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
export const IMPORT_BATCH_STATUSES = ['dry_run', 'ready', 'committed', 'rolled_back', 'failed'] as const;
export const ROW_ACTIONS = ['create', 'update', 'skip', 'reject'] as const;

export const kindParams = z.strictObject({ kind: z.enum(IMPORT_KINDS) });

/** What an upload says besides the file: the allocation table's activity, quarter and default category. */
export const uploadQuery = z.strictObject({
  itemId: z.coerce.number().pipe(idSchema).optional(),
  quarter: z.coerce.number().int().min(1).max(4).optional(),
  category: z.enum(EXPENSE_CATEGORIES).optional(),
});

const problemSchema = z.object({
  line: z.number(),
  column: z.string().optional(),
  code: z.string(),
  th: z.string(),
  en: z.string(),
});

export const reportRowSchema = z.object({
  line: z.number().int(),
  /** The row's cells as typed, for a rejected row only (the rows to fix and upload again). */
  values: z.record(z.string(), z.string()).optional(),
  action: z.enum(ROW_ACTIONS),
  label: z.string(),
  unitCode: z.string().optional(),
  problems: z.array(problemSchema),
  duplicate: z.object({ id: z.number(), label: z.string() }).optional(),
  /** The row's place (or the record it names, such as a group) is a suggestion waiting for the user's confirmation. */
  pending: z.boolean().optional(),
});
export type ReportRow = z.infer<typeof reportRowSchema>;

/**
 * A name of the file that is not exactly one official place (or, with `column`, one record of that column such as a
 * group): the choices the user confirms. `ambiguous`: it fits several equally, and nothing is chosen for the user.
 */
export const placeSuggestionSchema = z.object({
  /** The column whose names these are when not the place column: `groupName` (the choice goes in `groups`). */
  column: z.string().optional(),
  text: z.string(),
  status: z.enum(['suggested', 'ambiguous', 'unknown']),
  lines: z.array(z.number().int()),
  suggestions: z.array(z.object({ code: z.string(), name: z.string(), score: z.number() })),
});
export type PlaceSuggestion = z.infer<typeof placeSuggestionSchema>;

export const importCountsSchema = z.object({
  total: z.number().int(),
  create: z.number().int(),
  update: z.number().int(),
  skip: z.number().int(),
  reject: z.number().int(),
  pending: z.number().int(),
});

export const importBatchSchema = z.object({
  id: z.number().int(),
  kind: z.enum(IMPORT_KINDS),
  orgUnitCode: z.string(),
  fileName: z.string(),
  status: z.enum(IMPORT_BATCH_STATUSES),
  counts: importCountsSchema,
  jobId: z.number().int().nullable(),
  createdBy: z.number().int().nullable(),
  createdAt: z.string(),
  committedAt: z.string().nullable(),
  rolledBackAt: z.string().nullable(),
  version: z.number().int(),
});
export type ImportBatch = z.infer<typeof importBatchSchema>;

export const importReportSchema = z.object({
  rows: z.array(reportRowSchema),
  suggestions: z.array(placeSuggestionSchema),
  columns: z.array(z.object({ key: z.string(), th: z.string(), en: z.string() })),
  unknownHeaders: z.array(z.string()),
  error: z.object({ code: z.string(), th: z.string(), en: z.string() }).optional(),
});
export type ImportReport = z.infer<typeof importReportSchema>;

export const importBatchDetailSchema = importBatchSchema.extend({ report: importReportSchema });
export type ImportBatchDetail = z.infer<typeof importBatchDetailSchema>;

export const batchListQuery = z.strictObject({ kind: z.enum(IMPORT_KINDS).optional() });
export const batchListResponse = z.object({ items: z.array(importBatchSchema) });

export const commitBody = z.strictObject({
  version: z.number().int().min(1),
  /** Place text as written in the file → the official code the user accepted or chose instead. */
  places: z.record(z.string().max(200), z.string().regex(/^(TH|\d{2}|\d{4})$/)).default({}),
  /** A group named in the file (a suggestion's text) → the id of the district's group the user chose. */
  groups: z.record(z.string().max(400), z.string().regex(/^\d{1,9}$/)).default({}),
  /** Row (spreadsheet line) → update the duplicate or skip the row. */
  choices: z.record(z.string().regex(/^\d+$/), z.enum(['update', 'skip'])).default({}),
});
export const commitResponse = z.object({ jobId: z.number().int(), batch: importBatchSchema });
export const rollbackBody = z.strictObject({ version: z.number().int().min(1) });
