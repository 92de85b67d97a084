/**
 * PDF documents in Sarabun (Google's OFL redesign of TH Sarabun New), the typeface of Thai official letters.
 * Thai has no spaces, and pdfmake breaks lines only at spaces, so text is cut into Intl.Segmenter words
 * joined by a tiny space: lines then break between words, never inside one.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import pdfmake from 'pdfmake';
import { toThaiDigits } from '#shared/thai/digits';

const require = createRequire(import.meta.url);
const FONT_DIR = dirname(require.resolve('@expo-google-fonts/sarabun/package.json'));
const font = (style: string) => join(FONT_DIR, style, `Sarabun_${style}.ttf`);

pdfmake.addFonts({
  Sarabun: {
    normal: font('400Regular'),
    bold: font('700Bold'),
    italics: font('400Regular_Italic'),
    bolditalics: font('700Bold_Italic'),
  },
});
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((path) => path.startsWith(FONT_DIR));

export type Digits = 'thai' | 'arabic';

/** Shorter texts fit on a line: they stay one run, so copied or extracted text has no break marks. */
const FITS_ON_A_LINE = 60;

/** Thai text as pdfmake inlines that may break between words (and nowhere else). */
export function thaiText(text: string, digits: Digits = 'arabic') {
  const shown = digits === 'thai' ? toThaiDigits(text) : text;
  if (shown.length <= FITS_ON_A_LINE) return [{ text: shown }];
  const segmenter = new Intl.Segmenter('th', { granularity: 'word' });
  const parts = [...segmenter.segment(shown)].map((s) => s.segment);
  return parts.flatMap((part, i) => (i === 0 ? [{ text: part }] : [{ text: ' ', fontSize: 0.1 }, { text: part }]));
}

export function renderPdf(definition: Record<string, unknown>): Promise<Buffer> {
  return pdfmake
    .createPdf({
      pageSize: 'A4',
      pageMargins: [56, 48, 42, 48],
      defaultStyle: { font: 'Sarabun', fontSize: 14, lineHeight: 1.2 },
      ...definition,
    })
    .getBuffer();
}
