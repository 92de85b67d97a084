/**
 * A district's expense details and action plan (รายละเอียดค่าใช้จ่ายและแผนปฏิบัติงาน) as the PDF a finance officer
 * signs: fiscal year, activity and its parents, the office, the lines with the total in Thai words, the action
 * plan, and the blocks of who proposes (ผู้เสนอ), agrees (ผู้เห็นชอบ) and approves (ผู้อนุมัติ).
 */
import { eq } from 'drizzle-orm';
import type { ExpensePlan } from '#shared/expenses';
import { formatBaht, THAI_MONTHS_LONG, toThaiDigits } from '#shared/thai/index';
import { headTitle, officeTitle } from '#shared/unit-titles';
import type { Db } from '../../db/client';
import { budgetItems, orgUnits } from '../../db/schema';
import { cell, type Digits, renderPdf, signatureBlock, thaiText, thinLines } from '../../documents/pdf';

const LEVEL_TH = { plan: 'แผนงาน', project: 'โครงการ', main_activity: 'กิจกรรมหลัก', activity: 'กิจกรรม' } as const;
const DOTS = '..................................................';

/** The activity and its parents, top first. */
async function activityPath(db: Db, itemId: number) {
  const path: (typeof budgetItems.$inferSelect)[] = [];
  for (let id: number | null = itemId; id; ) {
    const [item] = await db.select().from(budgetItems).where(eq(budgetItems.id, id));
    if (!item) break;
    path.unshift(item);
    id = item.parentId;
  }
  return path;
}

export async function expensePlanPdf(db: Db, plan: ExpensePlan, digits: Digits): Promise<Buffer> {
  const d = (text: string) => (digits === 'thai' ? toThaiDigits(text) : text);
  const t = (text: string) => thaiText(d(text), digits);
  const money = (satang: string) => d(formatBaht(BigInt(satang)));
  const month = (ym: string) => `${THAI_MONTHS_LONG[Number(ym.slice(5)) - 1]} ${Number(ym.slice(0, 4)) + 543}`;
  const path = await activityPath(db, plan.itemId);
  const activity = path.at(-1);
  const [province] = await db
    .select()
    .from(orgUnits)
    .where(eq(orgUnits.code, plan.orgUnitCode.slice(0, 2)));
  const unit = { code: plan.orgUnitCode, nameTh: plan.unitNameTh };
  const header = (text: string) => cell(text, digits, { bold: true, alignment: 'center' });
  const signer = (role: string, position: string) => ({
    width: '*',
    alignment: 'center',
    stack: [`ลงชื่อ${DOTS.slice(0, 30)}${role}`, `(${DOTS.slice(0, 34)})`, position].map((line) => ({ text: t(line) })),
  });
  return renderPdf({
    info: { title: `รายละเอียดค่าใช้จ่ายและแผนปฏิบัติงาน ${officeTitle(unit)}` },
    content: [
      { text: 'รายละเอียดค่าใช้จ่ายและแผนปฏิบัติงาน', fontSize: 18, bold: true, alignment: 'center' },
      { text: t(`ประจำปีงบประมาณ พ.ศ. ${activity?.fiscalYear ?? ''}`), alignment: 'center' },
      { text: t(officeTitle(unit)), alignment: 'center', margin: [0, 0, 0, 8] },
      ...path.map((p) => ({ text: [{ text: `${LEVEL_TH[p.level]} `, bold: true }, ...t(p.name)] })),
      { text: t(`งบประมาณที่ได้รับจัดสรร ${money(plan.allocatedSatang)} บาท`), margin: [0, 4, 0, 8] },
      {
        table: {
          headerRows: 1,
          widths: [22, '*', 74, 70, 80],
          body: [
            ['ที่', 'รายการ', 'จำนวน/หน่วย', 'ราคา/หน่วย', 'รวม (บาท)'].map(header),
            ...plan.lines.map((l, i) => [
              { text: d(String(i + 1)), alignment: 'center' },
              cell(l.item, digits),
              cell(`${l.quantity} ${l.unit}`, digits, { alignment: 'center' }),
              { text: money(l.unitPriceSatang), alignment: 'right' },
              { text: money(l.totalSatang), alignment: 'right' },
            ]),
            [
              cell('รวมทั้งสิ้น', digits, { colSpan: 4, bold: true, alignment: 'center' }),
              {},
              {},
              {},
              { text: money(plan.totalSatang), bold: true, alignment: 'right' },
            ],
            [cell(`(${plan.totalText})`, digits, { colSpan: 5, alignment: 'center' }), {}, {}, {}, {}],
          ],
        },
        layout: thinLines,
      },
      ...(plan.actions.length
        ? [
            { text: 'แผนปฏิบัติงาน', bold: true, margin: [0, 12, 0, 4] },
            {
              table: {
                headerRows: 1,
                widths: ['*', 110, 120],
                body: [
                  ['กิจกรรม', 'เดือน', 'ผู้รับผิดชอบ'].map(header),
                  ...plan.actions.map((a) => [cell(a.what, digits), cell(month(a.month), digits), cell(a.who, digits)]),
                ],
              },
              layout: thinLines,
            },
          ]
        : []),
      {
        unbreakable: true,
        margin: [0, 28, 0, 0],
        stack: [
          {
            columns: [signer('ผู้เสนอ', `พัฒนาการอำเภอ${plan.unitNameTh}`), signer('ผู้เห็นชอบ', headTitle(unit))],
          },
          { text: ' ', margin: [0, 10] },
          signatureBlock(
            [
              `ลงชื่อ${DOTS.slice(0, 30)}ผู้อนุมัติ`,
              `(${DOTS.slice(0, 34)})`,
              province ? headTitle(province) : 'ผู้ว่าราชการจังหวัด',
              `วันที่${DOTS.slice(0, 30)}`,
            ],
            digits,
          ),
        ],
      },
    ],
  });
}
