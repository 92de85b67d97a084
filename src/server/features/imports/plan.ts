/**
 * The dry run, also run again inside the commit: read the file, match every row's place to an official code
 * (confirmed suggestions applied), keep rows to the batch's scope, and let the importer plan each row.
 */

import { levelOf } from '#shared/fields';
import type { ImportReport, PlaceSuggestion, ReportRow } from '#shared/imports';
import { type ImportProblem, loadPlaceIndex, matchPlaces, readImportFile } from '../../imports/read';
import type { ImportContext, Importer, PlacedRow, PlannedRow } from './importer';
import { problem } from './importer';

export interface Decisions {
  places: Record<string, string>;
  choices: Record<string, 'update' | 'skip'>;
  /** A group named in the file → the district's group chosen (absent in batches committed before it existed). */
  groups?: Record<string, string>;
}

export interface Plan {
  rows: PlannedRow[];
  report: ImportReport;
}

export async function planImport(
  ctx: ImportContext,
  importer: Importer,
  file: { bytes: Buffer; filename: string },
  decisions: Decisions,
  final: boolean,
): Promise<Plan> {
  const { rows, unknownHeaders } = await readImportFile(file, importer.columns);
  // Matched against the whole country first, so a district of another province is found (and refused as out of
  // scope) instead of being "corrected" into one of ours; what is not exact is matched again inside the province.
  const index = await loadPlaceIndex(ctx.db as never, 'TH');
  const texts = rows.map((r) => (importer.skipRow?.(r.values) ? '' : (r.values[importer.placeColumn] ?? '')));
  const national = matchPlaces(index, texts);
  const province = levelOf(ctx.unitCode) === 'national' ? undefined : ctx.unitCode.slice(0, 2);
  const local = province ? matchPlaces(index, texts, { provinceCode: province }) : national;
  const matches = national.map((m, i) => (m.status === 'exact' ? m : local[i]));
  const suggestions = new Map<string, PlaceSuggestion>();
  const pending = new Set<number>();
  const placed = rows.map((row, i): PlacedRow => {
    const text = texts[i];
    const match = matches[i];
    const problems: ImportProblem[] = [];
    let unitCode: string | undefined;
    const decided = decisions.places[text];
    if (!text) {
      // A blank place is the importer's "required" problem (or a total row it skips).
    } else if (match.status === 'exact' && !decided) unitCode = match.code;
    else {
      if (match.status !== 'exact') {
        const s = suggestions.get(text) ?? { text, status: match.status, lines: [], suggestions: match.suggestions };
        s.lines.push(row.line);
        suggestions.set(text, s);
      }
      if (decided) unitCode = decided;
      else if (match.status === 'suggested' && !final) {
        unitCode = match.suggestions[0]?.code;
        pending.add(row.line);
      } else if (match.status === 'suggested')
        problems.push(
          problem(
            row.line,
            importer.placeColumn,
            'import.place_unconfirmed',
            `ยังไม่ได้ยืนยันชื่อ "${text}" (ระบบเสนอ ${match.suggestions[0]?.name ?? '-'})`,
            `"${text}" was not confirmed (suggested: ${match.suggestions[0]?.name ?? '-'})`,
          ),
        );
      else
        problems.push(
          problem(
            row.line,
            importer.placeColumn,
            'import.place_unknown',
            `ไม่พบ "${text}" ในทำเนียบท้องที่`,
            `"${text}" is not an official place name`,
          ),
        );
    }
    if (unitCode && !importer.allowsUnit(ctx.unitCode, unitCode)) {
      problems.push(
        problem(
          row.line,
          importer.placeColumn,
          'import.out_of_scope',
          `"${text}" อยู่นอกหน่วยงานของท่าน นำเข้าได้เฉพาะหน่วยงานของท่าน`,
          `"${text}" is outside your unit; you may import only into your own unit`,
        ),
      );
      unitCode = undefined;
    }
    return { line: row.line, values: row.values, unitCode, problems };
  });
  const planned = await importer.plan(ctx, placed, decisions.choices, { groups: decisions.groups ?? {}, final });
  // Names the importer matched itself (groups) are listed with the places, once per column and text.
  for (const row of planned) {
    if (!row.named) continue;
    const key = `${row.named.column}\u0000${row.named.text}`;
    const s = suggestions.get(key) ?? { ...row.named, lines: [] };
    s.lines.push(row.line);
    suggestions.set(key, s);
  }
  const reportRows = planned.map(
    ({ line, action, label, unitCode, problems, duplicate, values, pending: namePending }): ReportRow => ({
      line,
      action,
      label,
      unitCode,
      problems,
      duplicate,
      // The cells as typed only where the user gets them back (the rejected rows' workbook): a report of 50,000 rows
      // is then less than half the size, and keeps far fewer citizen IDs as typed.
      values: action === 'reject' ? values : undefined,
      pending: pending.has(line) || namePending || undefined,
    }),
  );
  return {
    rows: planned,
    report: {
      rows: reportRows,
      suggestions: [...suggestions.values()],
      columns: importer.columns.map((c) => ({ key: c.key, th: c.th, en: c.en })),
      unknownHeaders,
    },
  };
}

export function countRows(rows: ReportRow[]) {
  const counts = { total: rows.length, create: 0, update: 0, skip: 0, reject: 0, pending: 0 };
  for (const row of rows) {
    counts[row.action]++;
    if (row.pending) counts.pending++;
  }
  return counts;
}
