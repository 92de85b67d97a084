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

/**
 * What text each glyph stands for when the PDF is searched or copied (its ToUnicode entry). pdfkit takes the code
 * points fontkit reports for a glyph's first use, and for Sarabun's Thai those are lost: า after the shaping has
 * none ("บ ท" for บาท), and the nikhahit that สระอำ is drawn with claims the whole ำ. A glyph the font maps from one
 * code point stands for that code point instead, so า is า and ำ reads as ํา (its NFKC form).
 */
{
  type Glyph = { id: number; codePoints: number[] };
  type Font = {
    font: { _cmapProcessor?: { codePointsForGlyph(id: number): number[] } };
    subset: { includeGlyph(id: number): number };
    unicode: number[][];
    layout(text: string, features?: unknown): { glyphs: Glyph[] };
    encode(text: string, features?: unknown): unknown;
  };
  const PDFDocument = createRequire(require.resolve('pdfmake'))('pdfkit');
  const prototype: Font = Object.getPrototypeOf(new PDFDocument({ autoFirstPage: false }).font(font('400Regular'))._font);
  const encode = prototype.encode;
  prototype.encode = function (this: Font, text, features) {
    for (const glyph of this.layout(text, features).glyphs) {
      const gid = this.subset.includeGlyph(glyph.id);
      // pdfkit/fontkit internals: should they change, glyphs keep pdfkit's own mapping (documents.test.ts notices).
      const own = this.font._cmapProcessor?.codePointsForGlyph(glyph.id) ?? [];
      this.unicode[gid] ??= own.length === 1 ? own : glyph.codePoints;
    }
    return encode.call(this, text, features);
  };
}
pdfmake.setLocalAccessPolicy((path) => path.startsWith(FONT_DIR));

export type Digits = 'thai' | 'arabic';

const WORDS = new Intl.Segmenter('th', { granularity: 'word' });

/**
 * Thai text as pdfmake inlines that may break between words and nowhere else, however short the text or narrow
 * the column: a 0.1 pt space between Intl.Segmenter words gives pdfmake a break point that neither shows nor
 * comes out of `pdftotext` as a space, so extracted text reads exactly as written.
 */
export function thaiText(text: string, digits: Digits = 'arabic') {
  const shown = digits === 'thai' ? toThaiDigits(text) : text;
  const parts = [...WORDS.segment(shown)].map((s) => s.segment);
  return parts.flatMap((part, i) => (i === 0 ? [{ text: part }] : [{ text: ' ', fontSize: 0.1 }, { text: part }]));
}

/** A table cell of Thai text (headers too: "หมวดรายจ่าย" in a narrow column breaks as หมวด|ราย|จ่าย at most). */
export const cell = (text: string, digits: Digits = 'arabic', style: Record<string, unknown> = {}) => ({
  text: thaiText(text, digits),
  ...style,
});

/** 3 cm: the height of the Garuda emblem at the head of an official letter. */
export const EMBLEM_HEIGHT = (3 / 2.54) * 72;

/** The emblem centred at the top, or the same empty space until the department uploads it. */
export function emblemBlock(emblem: string | null) {
  return emblem
    ? { image: emblem, fit: [EMBLEM_HEIGHT * 2, EMBLEM_HEIGHT], alignment: 'center', margin: [0, 0, 0, 4] }
    : { text: '', margin: [0, EMBLEM_HEIGHT, 0, 4] };
}

/**
 * A block of lines centred in the right half of the page (signature blocks), kept on one page. `ลงชื่อ` lines
 * and the name under them come as given.
 */
export function signatureBlock(lines: (string | Record<string, unknown>)[], digits: Digits = 'arabic') {
  return {
    unbreakable: true,
    columns: [
      { width: '*', text: '' },
      {
        width: 300,
        alignment: 'center',
        stack: lines.map((line) => (typeof line === 'string' ? { text: thaiText(line, digits) } : line)),
      },
    ],
  };
}

export const thinLines = { hLineWidth: () => 0.5, vLineWidth: () => 0.5 };

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
