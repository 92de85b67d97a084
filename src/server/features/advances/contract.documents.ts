/**
 * The cash-advance contract in the shape of the Comptroller General's form (แบบสัญญาการยืมเงิน): the request and
 * promise, the check and the approval, the money-received section (ใบรับเงิน) and, overleaf, the repayment
 * record (รายการส่งใช้) filled with what was repaid so far and blank rows for the rest.
 */
import type { Advance } from '#shared/advances';
import type { Approval } from '#shared/delegations';
import { bahtText, formatBaht, formatThaiDate, toThaiDigits } from '#shared/thai/index';
import { headTitle, type NamedUnit, officeTitle, selfName } from '#shared/unit-titles';
import { cell, type Digits, renderPdf, signatureBlock, thaiText, thinLines } from '../../documents/pdf';

const DOTS = '..............................';
const REPAYMENT_KIND = { cash: 'เงินสด', receipts: 'ใบสำคัญ' } as const;
/** Rows of the repayment record printed in all (the rest blank, to fill in by hand). */
const REPAYMENT_ROWS = 6;

/** What an approved advance's contract needs beyond the advance: its unit's name, the rule's wording, the order's issuer. */
export type AdvanceContract = Advance & {
  approval: Approval;
  unitNameTh: string;
  orderIssuer: NamedUnit;
  ruleNameTh: string;
  ruleReference: string;
};

/** The approval as the form states it: by whom, acting for whom, under which order ("ตามคำสั่งจังหวัด… ที่ 7/2563"). */
export function approvalLine(approval: Approval, issuer: NamedUnit): string {
  return `อนุมัติโดย ${approval.approverName} ${approval.approverPosition} ปฏิบัติราชการแทน${approval.delegator} ตามคำสั่ง${selfName(issuer)} ที่ ${approval.orderNo} ลงวันที่ ${formatThaiDate(approval.orderDate)}`;
}

export function advanceContractPdf(advance: AdvanceContract, digits: Digits): Promise<Buffer> {
  const d = (text: string) => (digits === 'thai' ? toThaiDigits(text) : text);
  const t = (text: string) => thaiText(d(text), digits);
  const unit = { code: advance.orgUnitCode, nameTh: advance.unitNameTh };
  const amount = BigInt(advance.amountSatang);
  const baht = `${formatBaht(amount)} บาท (${bahtText(amount)})`;
  const paragraph = (text: string) => ({ text: t(text), margin: [0, 0, 0, 6], leadingIndent: 36 });
  const heading = (text: string) => ({ text: t(text), bold: true, margin: [0, 8, 0, 4] });
  const signature = (role: string, name?: string) =>
    signatureBlock([`ลงชื่อ${DOTS}${role}`, `(${name ?? DOTS})`, `วันที่${DOTS}`], digits);

  let balance = amount;
  const repaid = advance.repayments.map((r, i) => {
    balance -= BigInt(r.amountSatang);
    return [
      { text: d(String(i + 1)), alignment: 'center' },
      cell(formatThaiDate(r.repaidOn, 'short'), digits),
      cell(
        r.receipts.length
          ? `${REPAYMENT_KIND[r.kind]} ${r.receipts.map((x) => x.documentNo).join(', ')}`
          : REPAYMENT_KIND[r.kind],
        digits,
      ),
      { text: d(formatBaht(BigInt(r.amountSatang))), alignment: 'right' },
      { text: d(formatBaht(balance)), alignment: 'right' },
      { text: '' },
      { text: '' },
    ];
  });
  const blank = Array.from({ length: Math.max(0, REPAYMENT_ROWS - repaid.length) }, () => Array(7).fill({ text: ' ' }));

  return renderPdf({
    info: { title: `สัญญาการยืมเงิน เลขที่ ${advance.contractNo}` },
    content: [
      {
        columns: [
          { width: '*', text: 'สัญญาการยืมเงิน', fontSize: 20, bold: true, margin: [110, 10, 0, 0] },
          {
            width: 190,
            stack: [
              { text: t(`ยื่นต่อ ${headTitle(unit)}`) },
              { text: t(`เลขที่ ${advance.contractNo}`) },
              { text: t(`วันครบกำหนด ${formatThaiDate(advance.dueOn)}`) },
            ],
          },
        ],
        margin: [0, 0, 0, 10],
      },
      { text: t(`ชื่อผู้ยืม ${advance.borrowerName}   จำนวนเงิน ${formatBaht(amount)} บาท`), margin: [0, 0, 0, 6] },
      paragraph(
        `ข้าพเจ้า ${advance.borrowerName} ตำแหน่ง ${advance.borrowerPosition || DOTS} สังกัด${advance.borrowerOffice || officeTitle(unit)} มีความประสงค์ขอยืมเงินจาก${officeTitle(unit)} เพื่อเป็นค่าใช้จ่ายในการ${advance.purpose} ตามกิจกรรม${advance.itemName || DOTS} (ประเภท${advance.ruleNameTh}) ดังรายละเอียดต่อไปนี้`,
      ),
      {
        table: {
          widths: ['*', 120],
          body: [
            [
              cell('รายละเอียด', digits, { bold: true, alignment: 'center' }),
              cell('จำนวนเงิน (บาท)', digits, { bold: true, alignment: 'center' }),
            ],
            [cell(advance.purpose, digits), { text: d(formatBaht(amount)), alignment: 'right' }],
            [
              cell(`รวมทั้งสิ้น (${bahtText(amount)})`, digits, { bold: true }),
              { text: d(formatBaht(amount)), bold: true, alignment: 'right' },
            ],
          ],
        },
        layout: thinLines,
        margin: [0, 0, 0, 10],
      },
      paragraph(
        `ข้าพเจ้าสัญญาว่าจะปฏิบัติตามระเบียบของทางราชการทุกประการ และจะนำใบสำคัญคู่จ่ายที่ถูกต้อง พร้อมทั้งเงินเหลือจ่าย (ถ้ามี) ส่งใช้ภายในวันที่ ${formatThaiDate(advance.dueOn, 'long', { prefix: true })} ตาม${advance.ruleReference} ถ้าข้าพเจ้าไม่ส่งตามกำหนด ข้าพเจ้ายินยอมให้หักเงินเดือน ค่าจ้าง เบี้ยหวัด บำเหน็จ บำนาญ หรือเงินอื่นใดที่ข้าพเจ้าจะพึงได้รับจากทางราชการ ชดใช้จำนวนเงินที่ยืมไปจนครบถ้วนได้ทันที`,
      ),
      signature('ผู้ยืม', advance.borrowerName),
      {
        unbreakable: true,
        stack: [
          heading(`เสนอ ${headTitle(unit)}`),
          paragraph(`ได้ตรวจสอบแล้ว เห็นสมควรอนุมัติให้ยืมตามใบยืมฉบับนี้ได้ จำนวน ${baht}`),
          signature('ผู้ตรวจสอบ'),
        ],
      },
      {
        unbreakable: true,
        stack: [
          heading('คำอนุมัติ'),
          paragraph(`อนุมัติให้ยืมตามเงื่อนไขข้างต้นได้ เป็นเงิน ${baht}`),
          paragraph(
            `${approvalLine(advance.approval, advance.orderIssuer)} เมื่อวันที่ ${formatThaiDate(advance.approval.approvedOn, 'long', { prefix: true })}`,
          ),
          signature('ผู้อนุมัติ', advance.approval.approverName),
        ],
      },
      {
        unbreakable: true,
        stack: [
          heading('ใบรับเงิน'),
          paragraph(
            `ได้รับเงินยืม จำนวน ${baht} ไปเป็นการถูกต้องแล้ว เมื่อวันที่ ${formatThaiDate(advance.receivedOn, 'long', { prefix: true })}`,
          ),
          signature('ผู้รับเงิน', advance.borrowerName),
        ],
      },
      { text: 'รายการส่งใช้', fontSize: 16, bold: true, alignment: 'center', pageBreak: 'before', margin: [0, 0, 0, 8] },
      {
        table: {
          headerRows: 1,
          widths: [30, 70, 60, 70, 70, '*', 54],
          body: [
            ['ครั้งที่', 'วัน เดือน ปี', 'รายการส่งใช้', 'จำนวนเงิน', 'คงค้าง', 'ลายมือชื่อผู้รับ', 'ใบรับเลขที่'].map((h) =>
              cell(h, digits, { bold: true, alignment: 'center' }),
            ),
            ...repaid,
            ...blank,
          ],
        },
        layout: thinLines,
      },
      {
        text: t('หมายเหตุ: รายการส่งใช้ให้ระบุว่าเป็นเงินสดหรือใบสำคัญ ผู้รับต้องลงลายมือชื่อและออกใบรับให้ผู้ยืมทุกครั้ง'),
        fontSize: 12,
        margin: [0, 8, 0, 0],
      },
    ],
  });
}
