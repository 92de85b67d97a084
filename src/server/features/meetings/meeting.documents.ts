/**
 * The committee's two papers: the invitation letter (หนังสือเชิญประชุม) in the external-letter layout of the
 * correspondence regulation, with the agenda enclosed, and the minutes (รายงานการประชุม) in the usual layout:
 * who came (with their positions), who did not and why, who else attended, each agenda item with its discussion
 * and the resolution, and who took and checked the minutes.
 */
import type { AgendaKind, MeetingDetail } from '#shared/meetings';
import { formatThaiDate, toArabicDigits, toThaiDigits } from '#shared/thai/index';
import { letterAddress, type NamedUnit, officeTitle } from '#shared/unit-titles';
import { type Digits, emblemBlock, renderPdf, signatureBlock, thaiText } from '../../documents/pdf';

export const centerName = (unit: NamedUnit) => `คณะกรรมการศูนย์บริการส่งเสริมเศรษฐกิจฐานรากอำเภอ${unit.nameTh}`;
export const invitationSubject = (unit: NamedUnit) => `ขอเชิญประชุม${centerName(unit)}`;
export const meetingTitle = (unit: NamedUnit, m: Pick<MeetingDetail, 'number' | 'fiscalYear'>) =>
  `รายงานการประชุม${centerName(unit)} ครั้งที่ ${m.number}/${m.fiscalYear}`;

/**
 * The resolution an agenda item without one of its own reads: the meeting certifies the previous minutes and takes
 * note of everything else.
 */
const UNDECIDED: Record<AgendaKind, string> = {
  announcement: 'รับทราบ',
  previous_minutes: 'รับรอง',
  follow_up: 'รับทราบ',
  consideration: 'รับทราบ',
  other: 'รับทราบ',
};

export interface PaperDetails {
  unit: NamedUnit;
  number: string;
  date: string;
  phone: string;
  email: string;
  emblem: string | null;
  digits: Digits;
  /** committee_position code → Thai name. */
  positions: Map<string, string>;
}

const writer = (digits: Digits) => {
  const d = (text: string) => (digits === 'thai' ? toThaiDigits(text) : toArabicDigits(text));
  return { d, t: (text: string) => thaiText(d(text), digits) };
};

/** วันจันทร์ที่ 5 มกราคม 2569. */
const dayAndDate = (iso: string) =>
  `วัน${['อาทิตย์', 'จันทร์', 'อังคาร', 'พุธ', 'พฤหัสบดี', 'ศุกร์', 'เสาร์'][new Date(`${iso}T12:00:00Z`).getUTCDay()]}ที่ ${formatThaiDate(iso)}`;

function agendaBlock(m: MeetingDetail, t: (s: string) => unknown[]) {
  return m.agenda.map((a) => ({ text: t(`ระเบียบวาระที่ ${a.seq}  ${a.title}`), margin: [36, 0, 0, 4] }));
}

export function invitationPdf(m: MeetingDetail, p: PaperDetails): Promise<Buffer> {
  const { d, t } = writer(p.digits);
  const body = `ด้วย${centerName(p.unit)} กำหนดการประชุม ครั้งที่ ${m.number}/${m.fiscalYear} ใน${dayAndDate(m.heldOn)} เวลา ${m.startsAt} น. ณ ${m.place} เพื่อพิจารณาเรื่องตามระเบียบวาระการประชุมที่ส่งมาด้วย`;
  return renderPdf({
    info: { title: invitationSubject(p.unit) },
    content: [
      emblemBlock(p.emblem),
      {
        columns: [
          { width: '*', text: t(`ที่ ${p.number}`) },
          { width: 190, text: t(letterAddress(p.unit)) },
        ],
        margin: [0, 0, 0, 8],
      },
      { text: d(formatThaiDate(p.date)), margin: [220, 0, 0, 10] },
      { text: [{ text: 'เรื่อง  ' }, ...t(invitationSubject(p.unit))], margin: [0, 0, 0, 6] },
      { text: [{ text: 'เรียน  ' }, ...t(centerName(p.unit))], margin: [0, 0, 0, 6] },
      { text: [{ text: 'สิ่งที่ส่งมาด้วย  ' }, ...t('ระเบียบวาระการประชุม จำนวน 1 ชุด')], margin: [0, 0, 0, 10] },
      { text: t(body), leadingIndent: 71, margin: [0, 0, 0, 6] },
      { text: t('จึงเรียนมาเพื่อโปรดเข้าร่วมประชุมตามวัน เวลา และสถานที่ดังกล่าว'), leadingIndent: 71, margin: [0, 4, 0, 16] },
      {
        unbreakable: true,
        stack: [
          signatureBlock(
            [
              'ขอแสดงความนับถือ',
              { text: ' ', margin: [0, 24] },
              '(..................................................)',
              `ประธาน${centerName(p.unit)}`,
            ],
            p.digits,
          ),
          {
            margin: [0, 36, 0, 0],
            stack: [
              { text: t(officeTitle(p.unit)) },
              { text: t(`โทร ${p.phone || '..........'}`) },
              { text: t(`ไปรษณีย์อิเล็กทรอนิกส์ ${p.email || '..........'}`) },
            ],
          },
        ],
      },
      { text: '', pageBreak: 'after' },
      { text: t('ระเบียบวาระการประชุม'), bold: true, alignment: 'center' },
      { text: t(`${centerName(p.unit)} ครั้งที่ ${m.number}/${m.fiscalYear}`), alignment: 'center' },
      { text: t(`${dayAndDate(m.heldOn)} เวลา ${m.startsAt} น.`), alignment: 'center' },
      { text: t(`ณ ${m.place}`), alignment: 'center', margin: [0, 0, 0, 12] },
      ...agendaBlock(m, t),
    ],
  });
}

export function minutesPdf(m: MeetingDetail, p: PaperDetails): Promise<Buffer> {
  const { t } = writer(p.digits);
  const position = (code: string) => p.positions.get(code) ?? '';
  const present = m.attendees.filter((a) => a.attended);
  const absent = m.attendees.filter((a) => !a.attended);
  // ชื่อ – ตำแหน่ง – หมายเหตุ: an absent member's reason (ติดราชการ) stands beside the position, never instead of it.
  const person = (a: MeetingDetail['attendees'][number], i: number, extra: string, note = '') => ({
    columns: [
      { width: 24, text: t(`${i + 1}.`) },
      { width: '*', text: t(a.name) },
      { width: note ? 150 : 200, text: t(extra) },
      ...(note ? [{ width: 90, text: t(note) }] : []),
    ],
    columnGap: 6,
    margin: [24, 0, 0, 2],
  });
  const heading = (text: string) => ({ text: t(text), bold: true, margin: [0, 8, 0, 4] });
  const guests = m.guests.split('\n').filter((g) => g.trim());
  return renderPdf({
    info: { title: meetingTitle(p.unit, m) },
    content: [
      { text: t(meetingTitle(p.unit, m)), bold: true, alignment: 'center' },
      { text: t(`เมื่อ${dayAndDate(m.heldOn)}`), alignment: 'center' },
      { text: t(`ณ ${m.place}`), alignment: 'center', margin: [0, 0, 0, 4] },
      { canvas: [{ type: 'line', x1: 150, y1: 0, x2: 347, y2: 0, lineWidth: 0.5 }], margin: [0, 0, 0, 8] },
      heading('ผู้มาประชุม'),
      ...present.map((a, i) => person(a, i, `${position(a.positionCode)}${a.note ? ` (${a.note})` : ''}`)),
      ...(absent.length ? [heading('ผู้ไม่มาประชุม'), ...absent.map((a, i) => person(a, i, position(a.positionCode), a.note))] : []),
      ...(guests.length
        ? [heading('ผู้เข้าร่วมประชุม'), ...guests.map((g, i) => ({ text: t(`${i + 1}. ${g.trim()}`), margin: [24, 0, 0, 2] }))]
        : []),
      { text: t(`เริ่มประชุมเวลา ${m.openedAt ?? m.startsAt} น.`), bold: true, margin: [0, 10, 0, 4] },
      ...m.agenda.flatMap((a) => {
        const decided = m.resolutions.filter((r) => r.agendaSeq === a.seq);
        return [
          heading(`ระเบียบวาระที่ ${a.seq}  ${a.title}`),
          ...(a.minutes ? [{ text: t(a.minutes), leadingIndent: 71, margin: [0, 0, 0, 4] }] : []),
          {
            text: [
              { text: 'มติที่ประชุม  ', bold: true },
              ...t(decided.length ? decided.map((r) => r.text).join(' ') : UNDECIDED[a.kind]),
            ],
            leadingIndent: 71,
            margin: [0, 0, 0, 4],
          },
        ];
      }),
      { text: t(`เลิกประชุมเวลา ${m.closedAt ?? ''} น.`), bold: true, margin: [0, 10, 0, 24] },
      signatureBlock(['(ลงชื่อ)......................................', `(${m.minutesBy})`, 'ผู้จดรายงานการประชุม'], p.digits),
      { text: ' ', margin: [0, 12] },
      signatureBlock(
        ['(ลงชื่อ)......................................', `(${m.minutesCheckedBy})`, 'ผู้ตรวจรายงานการประชุม'],
        p.digits,
      ),
    ],
  });
}
