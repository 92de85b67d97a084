/**
 * The PDF worker (a node:worker_threads entry, started by pdf.ts): renders pdfmake document definitions with the
 * Sarabun fonts off the main thread. Messages in: `{ id, document }`; out: `{ id, pdf }` or `{ id, error }`.
 * Imports nothing of the project, so it runs the same from src (tsx) and from the compiled server.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parentPort } from 'node:worker_threads';
import pdfmake from 'pdfmake';

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

pdfmake.addTableLayouts({ thin: { hLineWidth: () => 0.5, vLineWidth: () => 0.5 } });

parentPort?.on('message', async ({ id, document }: { id: number; document: Record<string, unknown> }) => {
  try {
    const pdf: Buffer = await pdfmake.createPdf(document).getBuffer();
    // Moved, not copied, when the buffer has its memory to itself (a small one may share Node's pool).
    const own = pdf.byteOffset === 0 && pdf.byteLength === pdf.buffer.byteLength;
    parentPort?.postMessage(
      { id, pdf: new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength) },
      own ? [pdf.buffer as ArrayBuffer] : [],
    );
  } catch (error) {
    parentPort?.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
