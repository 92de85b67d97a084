/** The cash-advance contract (สัญญาการยืมเงิน) with the amount in words and the due date by rule. */
import type { Advance } from '#shared/advances';
import { isDistrict } from '#shared/fields';
import { bahtText, formatBaht, formatThaiDate, toThaiDigits } from '#shared/thai/index';
import { type Digits, renderPdf, thaiText } from '../../documents/pdf';

export function advanceContractPdf(
  advance: Advance & { unitNameTh: string; ruleNameTh: string; ruleReference: string },
  digits: Digits,
): Promise<Buffer> {
  const d = (text: string) => (digits === 'thai' ? toThaiDigits(text) : text);
  const amount = BigInt(advance.amountSatang);
  const paragraph = (text: string) => ({ text: thaiText(d(text), digits), margin: [0, 0, 0, 6], leadingIndent: 36 });
  return renderPdf({
    info: { title: `สัญญาการยืมเงิน เลขที่ ${advance.contractNo}` },
    content: [
      { text: 'สัญญาการยืมเงิน', fontSize: 20, bold: true, alignment: 'center' },
      { text: d(`เลขที่ ${advance.contractNo}`), alignment: 'right' },
      {
        text: d(`วันที่ ${formatThaiDate(advance.receivedOn, 'long', { prefix: true })}`),
        alignment: 'right',
        margin: [0, 0, 0, 12],
      },
      paragraph(
        `ข้าพเจ้า ${advance.borrowerName} สังกัดสำนักงานพัฒนาชุมชน${isDistrict(advance.orgUnitCode) ? 'อำเภอ' : 'จังหวัด'}${advance.unitNameTh} ขอยืมเงินเพื่อ ${advance.purpose} ประเภท${advance.ruleNameTh} ดังรายละเอียดต่อไปนี้`,
      ),
      {
        table: {
          widths: ['*', 120],
          body: [
            [
              { text: 'รายการ', bold: true, alignment: 'center' },
              { text: 'จำนวนเงิน (บาท)', bold: true, alignment: 'center' },
            ],
            [{ text: thaiText(advance.purpose, digits) }, { text: d(formatBaht(amount)), alignment: 'right' }],
            [
              { text: `รวมทั้งสิ้น (${bahtText(amount)})`, bold: true },
              { text: d(formatBaht(amount)), bold: true, alignment: 'right' },
            ],
          ],
        },
        layout: { hLineWidth: () => 0.5, vLineWidth: () => 0.5 },
        margin: [0, 0, 0, 10],
      },
      paragraph(
        `ข้าพเจ้าสัญญาว่าจะปฏิบัติตามระเบียบของทางราชการทุกประการ และจะนำใบสำคัญคู่จ่ายที่ถูกต้องพร้อมทั้งเงินเหลือจ่าย (ถ้ามี) ส่งใช้ภายในวันที่ ${formatThaiDate(advance.dueOn, 'long', { prefix: true })} ตาม${advance.ruleReference} หากข้าพเจ้าไม่ส่งตามกำหนด ข้าพเจ้ายินยอมให้หักเงินเดือน ค่าจ้าง หรือเงินอื่นใดที่ข้าพเจ้าจะพึงได้รับจากทางราชการ ชดใช้จำนวนเงินที่ยืมไปจนครบถ้วน`,
      ),
      paragraph('ทั้งนี้ ข้าพเจ้าไม่มีเงินยืมรายอื่นค้างชำระอยู่ในขณะทำสัญญานี้'),
      {
        margin: [0, 30, 0, 0],
        columns: [
          { width: '*', text: '' },
          {
            width: 240,
            alignment: 'center',
            stack: [
              'ลงชื่อ.................................................ผู้ยืม',
              `(${advance.borrowerName})`,
              { text: ' ', margin: [0, 12] },
              'ลงชื่อ.................................................ผู้อนุมัติ',
              `(${advance.approverName})`,
            ],
          },
        ],
      },
    ],
  });
}
