/**
 * The allocation letter, written per level, in the external-letter layout of the correspondence regulation
 * (ระเบียบสำนักนายกรัฐมนตรีว่าด้วยงานสารบรรณ): emblem 3 cm at the top centre, number and office, date, subject,
 * addressee, enclosure, body, signature for the head of the unit, the owning office with phone and e-mail at the
 * bottom (kept on the signature's page); the register follows as the enclosure.
 * The department writes to every provincial governor and signs for the อธิบดี; a province writes to every
 * district chief officer and signs for the ผู้ว่าราชการจังหวัด.
 */
import type { Register } from '#shared/budget';
import { levelOf } from '#shared/fields';
import { bahtText, formatBaht, formatThaiDate, toArabicDigits, toThaiDigits } from '#shared/thai/index';
import { childLevel, headTitle, letterAddress, officeTitle, selfName } from '#shared/unit-titles';
import { type Digits, emblemBlock, renderPdf, signatureBlock, thaiText } from '../../documents/pdf';
import { registerContent } from './register.documents';

export interface LetterDetails {
  number: string;
  date: string;
  deadline: string | null;
  signer?: string;
  /** The signer's own position, above "ปฏิบัติราชการแทน" (default: the usual one for the level). */
  position?: string;
  phone: string;
  email: string;
  emblem: string | null;
  digits: Digits;
}

/** The subject line, also recorded in the outgoing-document register. */
export const letterSubject = (register: Register) => `แจ้งการจัดสรรงบประมาณกิจกรรม${register.item.name}`;
export const letterAddressee = (register: Register) => childLevel(register.unit).addressee;

/** What each unit below received, in the letter's words: "จำนวน 25 อำเภอ อำเภอละ 1,500 บาท". */
function shareSentence(register: Register): { count: number; each: bigint | null; own: bigint } {
  const perUnit = new Map<string, bigint>();
  let own = 0n;
  for (const r of register.rows) {
    if (r.ownShare) own += BigInt(r.amountSatang);
    else perUnit.set(r.unitCode, (perUnit.get(r.unitCode) ?? 0n) + BigInt(r.amountSatang));
  }
  const amounts = [...perUnit.values()];
  const each = amounts.length && amounts.every((a) => a === amounts[0]) ? amounts[0] : null;
  return { count: perUnit.size, each, own };
}

const DEFAULT_POSITION = { national: 'รองอธิบดีกรมการพัฒนาชุมชน', province: 'พัฒนาการจังหวัด' } as const;

export function allocationLetterPdf(register: Register, letter: LetterDetails): Promise<Buffer> {
  // One kind of digit throughout, the number's prefix included (อบ ๐๐๑๗ prints as อบ 0017 in Arabic digits).
  const d = (text: string) => (letter.digits === 'thai' ? toThaiDigits(text) : toArabicDigits(text));
  const t = (text: string) => thaiText(d(text), letter.digits);
  const unit = register.unit;
  const national = levelOf(unit.code) === 'national';
  const below = childLevel(unit).word;
  const self = selfName(unit);
  const received = BigInt(register.receivedSatang);
  const { count, each, own } = shareSentence(register);
  const paragraphs = [
    national
      ? `ด้วยกรมการพัฒนาชุมชนได้รับงบประมาณรายจ่ายประจำปีงบประมาณ พ.ศ. ${register.item.fiscalYear} เพื่อดำเนินกิจกรรม${register.item.name} จำนวน ${formatBaht(received)} บาท (${bahtText(received)})`
      : `ด้วย${self}ได้รับแจ้งจากกรมการพัฒนาชุมชน ให้ดำเนินกิจกรรม${register.item.name} ประจำปีงบประมาณ พ.ศ. ${register.item.fiscalYear} และได้รับจัดสรรงบประมาณ จำนวน ${formatBaht(received)} บาท (${bahtText(received)})`,
    `${national ? 'กรมการพัฒนาชุมชน' : 'จังหวัด'}จึงจัดสรรงบประมาณให้${below} จำนวน ${count} ${below}${each ? ` ${below}ละ ${formatBaht(each)} บาท` : ''}${own ? ` และเป็นงบประมาณของ${officeTitle(unit)} จำนวน ${formatBaht(own)} บาท` : ''} รวมเป็นเงินทั้งสิ้น ${formatBaht(BigInt(register.totalSatang))} บาท (${register.totalText}) รายละเอียดตามทะเบียนการจัดสรรงบประมาณที่ส่งมาด้วย`,
    ...(letter.deadline
      ? [
          `ขอให้${below}ส่งรายละเอียดค่าใช้จ่ายและแผนปฏิบัติงานให้${national ? 'กรมการพัฒนาชุมชน' : 'จังหวัด'}ภายในวันที่ ${formatThaiDate(letter.deadline)} และดำเนินการเบิกจ่ายตามระเบียบของทางราชการให้แล้วเสร็จภายในไตรมาสที่กำหนด`,
        ]
      : []),
    'การยืมเงินเพื่อดำเนินกิจกรรม ให้ส่งใช้เงินยืมภายใน 30 วัน ตามระเบียบกระทรวงการคลังว่าด้วยการเบิกเงินจากคลัง การรับเงิน การจ่ายเงิน การเก็บรักษาเงิน และการนำเงินส่งคลัง พ.ศ. 2562 ข้อ 65 (3) และห้ามยืมซ้ำซ้อนในขณะที่ยังไม่ส่งใช้เงินยืมเดิม',
  ];
  const position = letter.position || (national ? DEFAULT_POSITION.national : `${DEFAULT_POSITION.province}${unit.nameTh}`);
  return renderPdf({
    info: { title: `หนังสือแจ้งการจัดสรรงบประมาณ ${register.item.name}` },
    content: [
      emblemBlock(letter.emblem),
      {
        columns: [
          { width: '*', text: t(`ที่ ${letter.number}`) },
          { width: 190, text: t(letterAddress(unit)) },
        ],
        margin: [0, 0, 0, 8],
      },
      { text: d(formatThaiDate(letter.date)), margin: [220, 0, 0, 10] },
      { text: [{ text: 'เรื่อง  ' }, ...t(letterSubject(register))], margin: [0, 0, 0, 6] },
      { text: [{ text: 'เรียน  ' }, ...t(letterAddressee(register))], margin: [0, 0, 0, 6] },
      { text: [{ text: 'สิ่งที่ส่งมาด้วย  ' }, ...t('ทะเบียนการจัดสรรงบประมาณ จำนวน 1 ชุด')], margin: [0, 0, 0, 10] },
      ...paragraphs.map((p) => ({ text: t(p), leadingIndent: 71, margin: [0, 0, 0, 6] })),
      { text: t('จึงเรียนมาเพื่อโปรดทราบและดำเนินการต่อไป'), leadingIndent: 71, margin: [0, 4, 0, 16] },
      // Signature and owning office as one block: the office never stands alone on a page.
      {
        unbreakable: true,
        stack: [
          signatureBlock(
            [
              'ขอแสดงความนับถือ',
              { text: ' ', margin: [0, 24] },
              `(${letter.signer || '..................................................'})`,
              `${position} ปฏิบัติราชการแทน`,
              headTitle(unit),
            ],
            letter.digits,
          ),
          {
            margin: [0, 36, 0, 0],
            stack: [
              { text: t(officeTitle(unit)) },
              { text: t(`โทร ${letter.phone || '..........'}`) },
              { text: t(`ไปรษณีย์อิเล็กทรอนิกส์ ${letter.email || '..........'}`) },
            ],
          },
        ],
      },
      { text: '', pageBreak: 'after' },
      ...registerContent(register, letter.digits, letter.date),
    ],
  });
}
