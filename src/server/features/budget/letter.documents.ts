/**
 * The allocation letter in the Thai external-letter layout (หนังสือภายนอก), like the seed's cover letter:
 * number and office, BE date, subject, addressee, enclosures, body, signature block, then the register.
 */
import type { Register } from '#shared/budget';
import { bahtText, formatBaht, formatThaiDate, toThaiDigits } from '#shared/thai/index';
import { type Digits, renderPdf, thaiText } from '../../documents/pdf';
import { registerContent } from './register.documents';

export interface LetterDetails {
  number: string;
  date: string;
  to: string;
  signer: string;
  position: string;
  phone: string;
  deadline: string | null;
  digits: Digits;
}

export function allocationLetterPdf(register: Register, letter: LetterDetails): Promise<Buffer> {
  const d = (text: string) => (letter.digits === 'thai' ? toThaiDigits(text) : text);
  const t = (text: string) => thaiText(d(text), letter.digits);
  const province = register.unit.nameTh;
  const total = BigInt(register.totalSatang);
  const districts = register.rows.filter((r) => !r.ownShare);
  const own = register.rows.filter((r) => r.ownShare).reduce((sum, r) => sum + BigInt(r.amountSatang), 0n);
  const perDistrict =
    districts.length && districts.every((r) => r.amountSatang === districts[0].amountSatang)
      ? BigInt(districts[0].amountSatang)
      : null;
  const paragraphs = [
    `ด้วยจังหวัด${province}ได้รับแจ้งจากกรมการพัฒนาชุมชน จัดสรรงบประมาณกิจกรรม${register.item.name} ประจำปีงบประมาณ พ.ศ. ${register.item.fiscalYear} จำนวน ${formatBaht(total)} บาท (${bahtText(total)})`,
    `จังหวัดจึงจัดสรรงบประมาณให้อำเภอ จำนวน ${districts.length} อำเภอ${perDistrict ? ` อำเภอละ ${formatBaht(perDistrict)} บาท` : ''} และเป็นงบประมาณของสำนักงานพัฒนาชุมชนจังหวัด จำนวน ${formatBaht(own)} บาท รายละเอียดตามทะเบียนการจัดสรรงบประมาณที่แนบ`,
    ...(letter.deadline
      ? [
          `ขอให้อำเภอส่งรายละเอียดค่าใช้จ่ายและแผนปฏิบัติงานให้จังหวัดภายในวันที่ ${formatThaiDate(letter.deadline)} และดำเนินการเบิกจ่ายตามระเบียบของทางราชการให้แล้วเสร็จภายในไตรมาสที่กำหนด`,
        ]
      : []),
    'การยืมเงินเพื่อดำเนินกิจกรรม ให้ส่งใช้เงินยืมภายใน 30 วัน ตามระเบียบกระทรวงการคลังฯ พ.ศ. 2562 ข้อ 65 (3) และห้ามยืมซ้ำซ้อนในขณะที่ยังไม่ส่งใช้เงินยืมเดิม',
  ];
  return renderPdf({
    info: { title: `หนังสือแจ้งการจัดสรรงบประมาณ ${register.item.name}` },
    content: [
      {
        columns: [
          { width: '*', text: t(`ที่ ${letter.number}`) },
          { width: 200, stack: [t(`ศาลากลางจังหวัด${province}`)] },
        ],
        margin: [0, 40, 0, 8],
      },
      { text: d(formatThaiDate(letter.date)), margin: [230, 0, 0, 10] },
      { text: [{ text: 'เรื่อง  ', bold: true }, ...t(`แจ้งการจัดสรรงบประมาณกิจกรรม${register.item.name}`)], margin: [0, 0, 0, 6] },
      { text: [{ text: 'เรียน  ', bold: true }, ...t(letter.to)], margin: [0, 0, 0, 6] },
      { text: [{ text: 'สิ่งที่ส่งมาด้วย  ', bold: true }, ...t('ทะเบียนการจัดสรรงบประมาณ จำนวน 1 ชุด')], margin: [0, 0, 0, 10] },
      ...paragraphs.map((p) => ({ text: t(p), leadingIndent: 72, margin: [0, 0, 0, 6] })),
      { text: t('จึงเรียนมาเพื่อทราบและดำเนินการต่อไป'), leadingIndent: 72, margin: [0, 4, 0, 20] },
      {
        columns: [
          { width: '*', text: '' },
          {
            width: 240,
            alignment: 'center',
            stack: ['ขอแสดงความนับถือ', { text: ' ', margin: [0, 20] }, `(${letter.signer})`, ...t(letter.position).map((x) => x)],
          },
        ],
      },
      { text: t(`สำนักงานพัฒนาชุมชนจังหวัด${province}`), margin: [0, 40, 0, 0] },
      { text: t(`โทร ${letter.phone}`) },
      { text: '', pageBreak: 'after' },
      ...registerContent(register, letter.digits),
    ],
  });
}
