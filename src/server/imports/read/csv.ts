/**
 * CSV as Thai offices save it: UTF-8 with or without BOM, UTF-16 ("Unicode text"), or TIS-620/Windows-874 from older
 * Excel; separated by commas, semicolons or tabs; quoted fields may hold line breaks.
 */
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';
import { AppError } from '../../errors';
import type { ImportSheet, SheetRow } from './columns';

/** The file's text: a BOM names the encoding; otherwise UTF-8 when the bytes are valid UTF-8, else Windows-874. */
export function decodeText(bytes: Buffer): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3).toString('utf8');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return iconv.decode(bytes, 'windows-874');
  }
}

const DELIMITERS = [',', ';', '\t'] as const;

/**
 * The delimiter that splits the most lines of the sample into the same number of fields (quoted text left out, so a
 * comma inside "1,500" or an address does not count); ties go to the comma.
 */
export function detectDelimiter(text: string): string {
  const lines = text
    .slice(0, 64 * 1024)
    .replace(/"(?:[^"]|"")*"/g, '""')
    .split(/\r?\n/)
    .slice(0, 50);
  let best: { delimiter: string; lines: number; fields: number } = { delimiter: ',', lines: 0, fields: 0 };
  for (const delimiter of DELIMITERS) {
    const counts = new Map<number, number>();
    for (const line of lines) {
      const n = line.split(delimiter).length - 1;
      if (n > 0) counts.set(n, (counts.get(n) ?? 0) + 1);
    }
    for (const [fields, count] of counts) {
      if (count > best.lines || (count === best.lines && fields > best.fields)) best = { delimiter, lines: count, fields };
    }
  }
  return best.delimiter;
}

/** The CSV as one sheet; `line` counts records, as Excel numbers the rows when it opens the file. */
export function readCsv(bytes: Buffer): ImportSheet[] {
  const text = decodeText(bytes);
  if (text.includes('\u0000')) {
    throw new AppError('import.unreadable', {
      params: { reasonTh: 'ไม่ใช่ไฟล์ Excel (.xlsx) หรือ CSV', reason: 'it is neither an Excel (.xlsx) nor a CSV file' },
    });
  }
  const parser = parse(text, {
    delimiter: detectDelimiter(text),
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
  });
  async function* rows(): AsyncGenerator<SheetRow> {
    let line = 0;
    try {
      for await (const cells of parser as AsyncIterable<string[]>) yield { line: ++line, cells };
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw new AppError('import.unreadable', {
        params: {
          reasonTh: `ข้อมูล CSV ผิดรูปแบบหลังแถวที่ ${line} (เช่น เครื่องหมายคำพูดไม่ครบคู่)`,
          reason: `the CSV is malformed after row ${line} (an unclosed quote, for example)`,
        },
      });
    }
  }
  return [{ order: 0, rows: rows() }];
}
