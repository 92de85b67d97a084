/** A district's expense details (รายละเอียดค่าใช้จ่าย) as PDF, with the total in Thai words. */
import type { ExpensePlan } from '#shared/expenses';
import { formatBaht, THAI_MONTHS_LONG, toThaiDigits } from '#shared/thai/index';
import { type Digits, renderPdf, thaiText } from '../../documents/pdf';

export function expensePlanPdf(plan: ExpensePlan, digits: Digits): Promise<Buffer> {
  const d = (text: string) => (digits === 'thai' ? toThaiDigits(text) : text);
  const money = (satang: string) => d(formatBaht(BigInt(satang)));
  const month = (ym: string) => `${THAI_MONTHS_LONG[Number(ym.slice(5)) - 1]} ${Number(ym.slice(0, 4)) + 543}`;
  return renderPdf({
    content: [
      { text: 'รายละเอียดค่าใช้จ่ายและแผนปฏิบัติงาน', fontSize: 18, bold: true, alignment: 'center' },
      { text: `สำนักงานพัฒนาชุมชนอำเภอ${plan.unitNameTh}`, alignment: 'center', margin: [0, 0, 0, 8] },
      {
        table: {
          headerRows: 1,
          widths: [24, '*', 70, 80, 80],
          body: [
            ['ที่', 'รายการ', 'จำนวน/หน่วย', 'ราคา/หน่วย', 'รวม (บาท)'].map((text) => ({ text, bold: true, alignment: 'center' })),
            ...plan.lines.map((l, i) => [
              { text: d(String(i + 1)), alignment: 'center' },
              { text: thaiText(l.item, digits) },
              { text: d(`${l.quantity} ${l.unit}`), alignment: 'center' },
              { text: money(l.unitPriceSatang), alignment: 'right' },
              { text: money(l.totalSatang), alignment: 'right' },
            ]),
            [
              { text: 'รวมทั้งสิ้น', colSpan: 4, bold: true, alignment: 'center' },
              {},
              {},
              {},
              { text: money(plan.totalSatang), bold: true, alignment: 'right' },
            ],
            [{ text: `(${plan.totalText})`, colSpan: 5, alignment: 'center' }, {}, {}, {}, {}],
          ],
        },
        layout: { hLineWidth: () => 0.5, vLineWidth: () => 0.5 },
      },
      ...(plan.actions.length
        ? [
            { text: 'แผนปฏิบัติงาน', bold: true, margin: [0, 12, 0, 4] },
            {
              table: {
                headerRows: 1,
                widths: ['*', 110, 120],
                body: [
                  ['กิจกรรม', 'เดือน', 'ผู้รับผิดชอบ'].map((text) => ({ text, bold: true, alignment: 'center' })),
                  ...plan.actions.map((a) => [
                    { text: thaiText(a.what, digits) },
                    { text: d(month(a.month)) },
                    { text: thaiText(a.who, digits) },
                  ]),
                ],
              },
              layout: { hLineWidth: () => 0.5, vLineWidth: () => 0.5 },
            },
          ]
        : []),
    ],
  });
}
