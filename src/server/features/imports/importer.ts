/**
 * What an importer is: one module per kind of record (OTOP producers, budget allocations, …) giving its columns and
 * template text, how a row becomes a record (with its problems), how it is written, and how a batch of it is undone.
 * The batch flow around it (dry run, decisions, commit job, rollback) is the same for every kind (imports.service.ts).
 */
import { z } from 'zod';
import type { Permission } from '#shared/access';
import type { PlaceSuggestion } from '#shared/imports';
import type { Actor } from '../../access';
import type { Db, Tx } from '../../db/client';
import type { ImportColumn, ImportProblem, Parsed } from '../../imports/read';

/** Rows a commit hands `writeMany` at a time: large enough to save statements, small enough to report progress. */
export const WRITE_CHUNK = 1000;

export type RowAction = 'create' | 'update' | 'skip' | 'reject';

/** A row after matching its place: the official unit it names, or the problem that stops it. */
export interface PlacedRow {
  line: number;
  values: Record<string, string>;
  /** The official code the row's place resolved to (exact, or a suggestion the user confirmed). */
  unitCode?: string;
  problems: ImportProblem[];
}

/** One row of the report: what would happen (dry run) or happened (commit), and why not. */
export interface PlannedRow {
  line: number;
  values: Record<string, string>;
  action: RowAction;
  /** What the row is, in words (a name, a district and an amount). */
  label: string;
  unitCode?: string;
  problems: ImportProblem[];
  /** The existing record this row duplicates (update or skip is the user's choice). */
  duplicate?: { id: number; label: string };
  /** Importer-specific data the writer needs (parsed values), kept out of the stored report. */
  record?: unknown;
  /** A record the row names (its group) that is a suggestion waiting for the user's confirmation. */
  pending?: boolean;
  /** The choices for a record the row names that the importer matched by name, shown beside the place suggestions. */
  named?: NamedChoice;
}

/** A name of a column the importer matches itself (a group's name): the report lists it with its choices. */
export type NamedChoice = Omit<PlaceSuggestion, 'lines'> & { column: string };

/**
 * The user's choices for names the importer matched itself (a group named in the row → the group's id), and whether
 * this is the commit: at the commit an unconfirmed suggestion is a problem, in the dry run it is pending.
 */
export interface NameDecisions {
  groups: Record<string, string>;
  final: boolean;
}

/**
 * What a writer is handed of a planned row: the decision and the parsed record. The cells and the words stay in the
 * report, which the commit has stored before it writes, so a large batch's rows are not all held twice.
 */
export type RowToWrite = Pick<PlannedRow, 'line' | 'action' | 'record'>;

/** A record the commit wrote, kept in import_batch_rows so the batch can be undone. */
export interface WrittenRow {
  tableName: string;
  recordId: number;
  action: 'created' | 'updated';
  versionAfter: number | null;
  before: Record<string, unknown> | null;
}

export interface BatchRowRef extends WrittenRow {
  line: number;
}

export interface ImportContext {
  db: Db | Tx;
  actor: Actor;
  /** The unit the batch imports into (a district, or the allocating province). */
  unitCode: string;
  options: Record<string, unknown>;
  dataKey: Buffer;
}

export interface Importer {
  kind: string;
  permission: Permission;
  title: { th: string; en: string };
  columns: readonly ImportColumn[];
  instructions: { th: string; en: string }[];
  /** The column naming a place (district or province) matched to an official code. */
  placeColumn: string;
  /** A row that is no record (a total line under the table): skipped, its place not matched. */
  skipRow?(values: Record<string, string>): boolean;
  /** What the upload must say besides the file (validated before anything is read). */
  optionsSchema: z.ZodType<Record<string, unknown>>;
  /** The unit an actor imports into: its own district, or the province it allocates for. */
  unitFor(actor: Actor): string;
  /** May a row of this batch name this unit (a district: itself only; a province: itself and its districts)? */
  allowsUnit(batchUnit: string, rowUnit: string): boolean;
  /** Checks the batch's options against the database (the budget activity exists…); throws an AppError. */
  checkOptions(ctx: ImportContext): Promise<void>;
  /** Turns placed rows into planned rows: values parsed, duplicates found, limits checked. */
  plan(
    ctx: ImportContext,
    rows: PlacedRow[],
    choices: Record<string, 'update' | 'skip'>,
    names: NameDecisions,
  ): Promise<PlannedRow[]>;
  /** Writes one planned create/update row inside the commit's transaction, through audit/writes.ts. */
  write(tx: Tx, ctx: ImportContext, row: RowToWrite): Promise<WrittenRow[]>;
  /**
   * Writes many planned rows at once (a few statements per chunk instead of a few per row), where the kind has a
   * bulk path; the commit hands it rows in chunks of `WRITE_CHUNK`. Same records and audit entries as `write`.
   */
  writeMany?(tx: Tx, ctx: ImportContext, rows: RowToWrite[]): Promise<BatchRowRef[]>;
  /** The records of a committed batch that later work depends on (empty: it may be rolled back). */
  blockers(tx: Tx, ctx: ImportContext, rows: BatchRowRef[]): Promise<string[]>;
  /** Undoes a committed batch (after `blockers` found none): created rows removed or reversed, updated rows restored. */
  undo(tx: Tx, ctx: ImportContext, rows: BatchRowRef[]): Promise<void>;
}

export const problem = (line: number, column: string | undefined, code: string, th: string, en: string): ImportProblem => ({
  line,
  ...(column ? { column } : {}),
  code,
  th,
  en,
});

/**
 * A checked row's plan: a new record, or, when it duplicates one on file, that record updated or left as the user
 * chose for the row (left unless told).
 */
export const createOrChoose = (
  base: Omit<PlannedRow, 'action' | 'duplicate' | 'record'>,
  choices: Record<string, 'update' | 'skip'>,
  record: unknown,
  duplicate: PlannedRow['duplicate'],
): PlannedRow => {
  // Spelled out, not `{ ...base, action }`: V8 gives each object made by a spread plus new keys its own hidden class,
  // which for a 50,000-row plan held tens of MB of them.
  const { line, values, label, unitCode, problems } = base;
  const action = duplicate ? (choices[line] === 'update' ? 'update' : 'skip') : 'create';
  return { line, values, label, unitCode, problems, action, duplicate, record };
};

/** What every import of a district's own records shares: each row names the district, which must be the importer's. */
export const DISTRICT_IMPORT = {
  placeColumn: 'district',
  optionsSchema: z.object({}),
  unitFor: (actor: Actor) => actor.orgUnitCode,
  allowsUnit: (batchUnit: string, rowUnit: string) => rowUnit === batchUnit,
  async checkOptions() {},
} satisfies Partial<Importer>;

/**
 * The start of parsing a row: its problems so far (a required cell left empty, a cell longer than its limit), and
 * `take`, which keeps a parser's value or adds its problem under the column.
 */
export function rowChecks(
  row: { line: number; values: Record<string, string> },
  columns: readonly ImportColumn[],
  maxLength: Record<string, number> = {},
) {
  const problems: ImportProblem[] = [];
  for (const c of columns)
    if (c.required && !row.values[c.key])
      problems.push(problem(row.line, c.key, 'import.required', `ต้องกรอก${c.th}`, `${c.en} is required`));
  for (const [key, max] of Object.entries(maxLength))
    if ((row.values[key] ?? '').length > max)
      problems.push(problem(row.line, key, 'import.too_long', `ยาวเกิน ${max} ตัวอักษร`, `Longer than ${max} characters`));
  const take = <T>(column: string, parsed: Parsed<T>): T | undefined => {
    if ('problem' in parsed) {
      problems.push({ line: row.line, column, ...parsed.problem });
      return undefined;
    }
    return parsed.value;
  };
  return { problems, take };
}
