/**
 * XLSX read a sheet at a time: rows are turned into text one at a time, so a large workbook never sits in memory as a
 * whole. Dates come back as ISO dates, numbers as plain decimal text.
 */
import { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import type ExcelJS from 'exceljs';
import WorksheetReader from 'exceljs/lib/stream/xlsx/worksheet-reader.js';
import WorkbookXform from 'exceljs/lib/xlsx/xform/book/workbook-xform.js';
import RelationshipsXform from 'exceljs/lib/xlsx/xform/core/relationships-xform.js';
import SharedStringsXform from 'exceljs/lib/xlsx/xform/strings/shared-strings-xform.js';
import StylesXform from 'exceljs/lib/xlsx/xform/style/styles-xform.js';
import JSZip from 'jszip';
import { AppError } from '../../errors';
import type { ImportSheet, SheetRow } from './columns';

/** A number as a person wrote it: 15 significant digits (what Excel keeps), never an exponent. */
export function numberText(value: number): string {
  if (!Number.isFinite(value)) return '';
  const rounded = Number(value.toPrecision(15));
  const text = String(rounded);
  if (!/e/i.test(text)) return text;
  if (Number.isInteger(rounded)) return BigInt(rounded).toString();
  return rounded.toFixed(20).replace(/0+$/, '');
}

/** The text a cell shows for what it holds: rich text joined, a formula's result, a link's text. */
export function cellText(value: ExcelJS.CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return cellText(value.result as ExcelJS.CellValue);
  if ('error' in value) return String(value.error);
  if ('text' in value) return cellText(value.text as ExcelJS.CellValue);
  return '';
}

/**
 * Every worksheet in workbook order (`order` is its position, so the caller can prefer the first sheet a person sees).
 * The zip is opened whole (JSZip reads its directory; uploads are at most 50 MB) and each part is inflated as a stream,
 * decoded to text across chunk boundaries, and parsed by exceljs's own part readers. exceljs's streaming
 * WorkbookReader is not used: under load it loses parts of the zip, and it decodes each chunk alone, which breaks a
 * Thai character split between chunks (decision 035).
 */
export async function* readXlsx(bytes: Buffer): AsyncGenerator<ImportSheet> {
  const zip = await JSZip.loadAsync(bytes);
  const workbookPart = zip.file('xl/workbook.xml');
  if (!workbookPart) {
    throw new AppError('import.unreadable', {
      params: { reasonTh: 'เป็นไฟล์ zip ที่ไม่ใช่สมุดงาน Excel', reason: 'it is a zip file but not an Excel workbook' },
    });
  }
  const workbook = new WorkbookXform();
  await workbook.parseStream(textOf(workbookPart));
  const relsPart = zip.file('xl/_rels/workbook.xml.rels');
  const rels = (relsPart && (await new RelationshipsXform().parseStream(textOf(relsPart)))) || [];
  const styles = new StylesXform();
  const stylesPart = zip.file('xl/styles.xml');
  if (stylesPart) await styles.parseStream(textOf(stylesPart));
  else styles.init();
  const stringsPart = zip.file('xl/sharedStrings.xml');
  const strings = new SharedStringsXform();
  if (stringsPart) await strings.parseStream(textOf(stringsPart));
  const sharedStrings = (strings.model?.values ?? []).map((value) => (typeof value === 'string' ? ownCopy(value) : value));
  const book = { sharedStrings, styles, properties: workbook.map.workbookPr };

  const sheets = workbook.model?.sheets ?? [];
  for (const [order, sheet] of sheets.entries()) {
    const target = rels.find((rel) => rel.Id === sheet.rId)?.Target;
    const part = target && zip.file(target.startsWith('/') ? target.slice(1) : `xl/${target}`);
    // A chart sheet, or a sheet the workbook names but the zip lacks, has no rows to read.
    if (!part || !/worksheets\//.test(part.name)) continue;
    const reader = new WorksheetReader({
      workbook: book,
      id: order + 1,
      iterator: textOf(part),
      options: { worksheets: 'emit' },
    });
    yield { order, rows: sheetRows(reader) };
  }
}

/**
 * The text in a string of its own. The XML parser hands back slices of the chunk of XML each was read from, and a
 * slice keeps its whole chunk alive: a 50,000-row import's values held 12 MB of sharedStrings.xml until it ended.
 * (V8 copies strings shorter than 13 characters instead of slicing them.)
 */
const ownCopy = (text: string) => (text.length < 13 ? text : Buffer.from(text, 'utf8').toString('utf8'));

/** A part of the zip as text, inflated as it is read; a character split between two chunks is joined. */
async function* textOf(part: JSZip.JSZipObject): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  // `wrap` turns JSZip's own stream into a Node stream that passes on its errors (a damaged part fails, never hangs).
  for await (const chunk of new Readable().wrap(part.nodeStream('nodebuffer'))) {
    const text = decoder.write(chunk as Buffer);
    if (text) yield text;
  }
  const rest = decoder.end();
  if (rest) yield rest;
}

async function* sheetRows(worksheet: AsyncIterable<ExcelJS.Row>): AsyncGenerator<SheetRow> {
  for await (const row of worksheet) {
    const values = row.values as ExcelJS.CellValue[];
    const cells: string[] = [];
    for (let column = 1; column < values.length; column++) cells.push(cellText(values[column]));
    yield { line: row.number, cells };
  }
}
