/**
 * PDF documents in Sarabun (Google's OFL redesign of TH Sarabun New), the typeface of Thai official letters.
 * Thai has no spaces, and pdfmake breaks lines only at spaces, so text is cut into Intl.Segmenter words
 * joined by a tiny space: lines then break between words, never inside one.
 * pdfmake itself runs in worker threads (pdf-worker.ts): a long document takes the CPU for most of a second, which
 * on the main thread would hold every other request that long.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { toThaiDigits } from '#shared/thai/digits';

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

/** Half-point table rules, by name: a definition crosses to the worker as data, so it cannot carry functions. */
export const thinLines = 'thin';

/** One worker on two cores (the other serves requests), two on more. */
const POOL_SIZE = Math.max(1, Math.min(2, availableParallelism() - 1));

/**
 * The worker's entry file. In the compiled server it is the `pdf-worker.js` the bundler emits beside the bundle
 * holding this code (dist/server/pdf-worker.js). From src (tsx, vitest) it is TypeScript, and Node 20 does not apply
 * a parent's `--import tsx` to a worker's entry, so a one-line entry registers tsx first and then imports it.
 */
function workerEntry(): URL {
  if (!import.meta.url.endsWith('.ts')) return new URL('./pdf-worker.js', import.meta.url);
  const tsx = import.meta.resolve('tsx/esm/api');
  const worker = new URL('./pdf-worker.ts', import.meta.url).href;
  const code = `const { register } = await import(${JSON.stringify(tsx)}); register(); await import(${JSON.stringify(worker)});`;
  return new URL(`data:text/javascript,${encodeURIComponent(code)}`);
}

type Pending = { resolve: (pdf: Buffer) => void; reject: (error: Error) => void };
interface Slot {
  worker: Worker;
  pending: Map<number, Pending>;
}
const slots: Slot[] = [];
let nextJob = 0;

function startWorker(): Slot {
  const slot: Slot = { worker: new Worker(workerEntry()), pending: new Map() };
  // An idle worker does not keep the process alive.
  slot.worker.unref();
  slot.worker.on('message', ({ id, pdf, error }: { id: number; pdf?: Uint8Array; error?: string }) => {
    const job = slot.pending.get(id);
    if (!job) return;
    slot.pending.delete(id);
    if (slot.pending.size === 0) slot.worker.unref();
    if (pdf) job.resolve(Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength));
    else job.reject(new Error(error));
  });
  // A worker that dies fails its documents only; the next document starts a new one.
  const fail = (error: Error) => {
    if (slots.includes(slot)) slots.splice(slots.indexOf(slot), 1);
    for (const job of slot.pending.values()) job.reject(error);
    slot.pending.clear();
  };
  slot.worker.on('error', fail);
  slot.worker.on('exit', (code) => fail(new Error(`PDF worker exited with code ${code}`)));
  slots.push(slot);
  return slot;
}

/** The least busy worker, started on first need. */
function freeSlot(): Slot {
  const idle = slots.find((slot) => slot.pending.size === 0);
  if (idle) return idle;
  if (slots.length < POOL_SIZE) return startWorker();
  return slots.reduce((least, slot) => (slot.pending.size < least.pending.size ? slot : least));
}

export function renderPdf(definition: Record<string, unknown>): Promise<Buffer> {
  const document = {
    pageSize: 'A4',
    pageMargins: [56, 48, 42, 48],
    defaultStyle: { font: 'Sarabun', fontSize: 14, lineHeight: 1.2 },
    ...definition,
  };
  const slot = freeSlot();
  const id = nextJob++;
  return new Promise<Buffer>((resolve, reject) => {
    slot.pending.set(id, { resolve, reject });
    slot.worker.ref();
    slot.worker.postMessage({ id, document });
  });
}
