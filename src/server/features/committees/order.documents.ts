/**
 * The appointing order (คำสั่งอำเภอ) of a committee term, in the layout of a district order: the emblem centred,
 * the order's heading, number and subject, the preamble, the members numbered (chair first, secretary last) with
 * their committee positions, the committee's duties (DOMAIN.md §5), the effective clause, the date and the
 * นายอำเภอ's signature. Thai digits throughout, as official orders are printed.
 */
import { type CommitteeDetail, orderedMembers } from '#shared/committees';
import { formatThaiDate, toThaiDigits } from '#shared/thai/index';
import { emblemBlock, renderPdf, signatureBlock, thaiText } from '../../documents/pdf';

export interface OrderDetails {
  /** The district's name without "อำเภอ" (เมืองอุบลราชธานี). */
  districtName: string;
  emblem: string | null;
  /** The Thai name of each committee_position code. */
  positionName: (code: string) => string;
}

const CENTER = 'ศูนย์บริการส่งเสริมเศรษฐกิจฐานราก';

/** DOMAIN.md §5 (6.3): what the committee is appointed to do. */
export const COMMITTEE_DUTIES = [
  'จัดทำแผนการพัฒนาและเสริมสร้างความเข้มแข็งของกลุ่มอาชีพ ผู้ผลิต ผู้ประกอบการ ทั้งระยะสั้นและระยะยาว',
  'ส่งเสริมและพัฒนากลุ่มอาชีพ ผู้ผลิต ผู้ประกอบการ OTOP ให้มีความเข้มแข็งตามแผนที่กำหนด',
  'จัดกิจกรรมเสริมสร้างความเข้มแข็งที่เป็นรูปธรรมร่วมกับภาคีเครือข่ายอย่างน้อยเดือนละ 1 ครั้ง',
  'ประชาสัมพันธ์ผลการดำเนินงานของศูนย์อย่างต่อเนื่อง',
  'ติดตาม ประเมินผล และรายงานผลการดำเนินงานของศูนย์อย่างจริงจัง และประชุมคณะกรรมการอย่างน้อยไตรมาสละ 1 ครั้ง',
];

/** One numbered row per member, in the order of the order: number, name and title, committee position. */
export function memberRows(term: CommitteeDetail, positionName: (code: string) => string) {
  return orderedMembers(term.members).map((m, i) => ({
    number: i + 1,
    name: m.title ? `${m.name} ${m.title}` : m.name,
    position: positionName(m.positionCode),
  }));
}

/** The document definition (kept apart from rendering so a test can read what the order says). */
export function orderDefinition(term: CommitteeDetail, order: OrderDetails) {
  const d = (text: string) => toThaiDigits(text);
  const t = (text: string) => thaiText(d(text), 'thai');
  const district = `อำเภอ${order.districtName}`;
  const rows = memberRows(term, order.positionName);
  const paragraph = (text: string, margin = [0, 0, 0, 6]) => ({ text: t(text), leadingIndent: 71, margin });
  return {
    info: { title: `คำสั่ง${district} ที่ ${term.orderNumber}` },
    content: [
      emblemBlock(order.emblem),
      { text: t(`คำสั่ง${district}`), alignment: 'center', bold: true },
      { text: t(`ที่ ${term.orderNumber}`), alignment: 'center' },
      { text: t(`เรื่อง แต่งตั้งคณะกรรมการ${CENTER}${district}`), alignment: 'center' },
      { text: '---------------------------------', alignment: 'center', margin: [0, 0, 0, 8] },
      paragraph(
        `ตามที่กรมการพัฒนาชุมชนได้กำหนดแนวทางการดำเนินงาน${CENTER}อำเภอ ให้แต่ละอำเภอแต่งตั้งคณะกรรมการ${CENTER} ทำหน้าที่ขับเคลื่อนการส่งเสริมและพัฒนากลุ่มอาชีพ ผู้ผลิต ผู้ประกอบการ OTOP ในพื้นที่ เพื่อให้การดำเนินงานของศูนย์เป็นไปด้วยความเรียบร้อยและมีประสิทธิภาพ อาศัยอำนาจตามความในมาตรา 65 แห่งพระราชบัญญัติระเบียบบริหารราชการแผ่นดิน พ.ศ. 2534 จึงแต่งตั้งคณะกรรมการ${CENTER}${district} ประกอบด้วย`,
      ),
      {
        table: {
          widths: [28, '*', 150],
          body: rows.map((r) => [{ text: t(`${r.number}.`), alignment: 'right' }, { text: t(r.name) }, { text: t(r.position) }]),
        },
        layout: 'noBorders',
        margin: [36, 0, 0, 8],
      },
      paragraph('ให้คณะกรรมการมีหน้าที่ ดังนี้'),
      ...COMMITTEE_DUTIES.map((duty, i) => ({ text: t(`${i + 1}. ${duty}`), margin: [71, 0, 0, 2] })),
      paragraph('ทั้งนี้ ตั้งแต่บัดนี้เป็นต้นไป', [0, 8, 0, 6]),
      { text: t(`สั่ง ณ วันที่ ${formatThaiDate(term.orderDate, 'long', { prefix: true })}`), margin: [190, 4, 0, 24] },
      signatureBlock([{ text: ' ', margin: [0, 12] }, `(${term.signedBy})`, `นายอำเภอ${order.districtName}`], 'thai'),
    ],
  };
}

export const appointingOrderPdf = (term: CommitteeDetail, order: OrderDetails) => renderPdf(orderDefinition(term, order));
