import { execFileSync } from 'node:child_process';

/**
 * What one of poppler's tools prints about a PDF, given to it on standard input: tests read documents the way a
 * reader's software does, without leaving a file behind for each one (they had left hundreds in the temp folder).
 */
export function poppler(tool: 'pdftotext' | 'pdfinfo' | 'pdfimages', options: string[], pdf: Uint8Array): string {
  const output = tool === 'pdftotext' ? ['-'] : [];
  return execFileSync(tool, [...options, '-', ...output], { input: pdf, encoding: 'utf8' });
}

/** The PDF's text as pdftotext extracts it (options such as `-layout` first). */
export const pdfText = (pdf: Uint8Array, options: string[] = []) => poppler('pdftotext', options, pdf);

/**
 * The PDF's Thai text for comparing: pdftotext breaks Thai lines anywhere and writes sara am as nikhahit + sara aa,
 * so spaces go and sara am is folded back.
 */
export const squeeze = (text: string) => text.replace(/\s+/g, '').replaceAll('\u0E4D\u0E32', '\u0E33');
