/**
 * PDFs render in a worker thread (research/perf-national.md item 6: /api/health waited 570–680 ms behind each
 * 36-page render on the main thread). Ordering, not timing: requests made after a long render started are all
 * answered before it ends.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../test/harness';
import { pdfText, poppler } from '../test/poppler';
import { cell, renderPdf, thaiText, thinLines } from './pdf';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

/** About 15 A4 pages: a register of 400 rows of Thai text. */
const longRegister = () => ({
  content: [
    { text: thaiText('ทะเบียนคุมการเบิกจ่ายงบประมาณ'), bold: true },
    {
      table: {
        headerRows: 1,
        widths: [40, '*', 90],
        body: [
          [cell('ลำดับ'), cell('รายการ'), cell('จำนวนเงิน (บาท)')],
          ...Array.from({ length: 400 }, (_, i) => [
            cell(String(i + 1)),
            cell(`ค่าวัสดุฝึกอบรมกลุ่มทอผ้าไหมมัดหมี่บ้านหนองบัว ครั้งที่ ${i + 1}`),
            cell('1,500.00'),
          ]),
        ],
      },
      layout: thinLines,
    },
  ],
});

const pageCount = (pdf: Buffer) => Number(/Pages:\s+(\d+)/.exec(poppler('pdfinfo', [], pdf))?.[1]);

describe('PDF rendering off the event loop', () => {
  it('answers /api/health again and again while a 15-page PDF renders', async () => {
    await renderPdf({ content: ['เริ่ม'] }); // the worker is started and its fonts loaded
    let rendered = false;
    const pdf = renderPdf(longRegister()).then((buffer) => {
      rendered = true;
      return buffer;
    });
    const answeredDuringRender: number[] = [];
    for (let i = 0; i < 5; i++) {
      const health = await t.app.inject({ method: 'GET', url: '/api/health' });
      expect(health.statusCode).toBe(200);
      if (!rendered) answeredDuringRender.push(i);
    }
    expect(answeredDuringRender).toEqual([0, 1, 2, 3, 4]);
    const buffer = await pdf;
    expect(buffer.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pageCount(buffer)).toBeGreaterThanOrEqual(12);
  });

  it('renders documents asked for at once, each whole, and reports a broken definition as an error', async () => {
    const texts = ['หนึ่ง', 'สอง', 'สาม', 'สี่'];
    const pdfs = await Promise.all(texts.map((text) => renderPdf({ content: [{ text: thaiText(text) }] })));
    for (const [i, pdf] of pdfs.entries()) {
      expect(pdfText(pdf).replace(/\s+/g, '')).toBe(texts[i]);
    }
    await expect(renderPdf({ content: [{ image: 'not-an-image' }] })).rejects.toThrow();
    // The worker still serves the next document.
    expect(pageCount(await renderPdf({ content: ['ต่อ'] }))).toBe(1);
  });
});
