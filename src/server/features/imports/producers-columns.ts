/**
 * The producers import's columns, instructions and the words its cells may hold (Thai first, English second). The
 * words include the labels the producers export writes (src/web/i18n), so an exported file imports back as it is.
 */
import { labelsOf } from '../../exports/columns';

export type ProducerType = 'community_group' | 'sole_proprietor' | 'sme';
export type ProducerStatus = 'registered' | 'suspended' | 'cancelled';
export type OwnerKind = 'group' | 'person';

/** A cell's words compared in lower case with spaces folded. */
export const lower = (text: string) => text.trim().toLowerCase().replace(/\s+/g, ' ');

/** The words for each code: those typed by hand, then the labels of the screen and the export in Thai and English. */
function wordsFor<C extends string>(typed: Record<string, C>, labelsPath: string): Record<string, C> {
  const labels = labelsOf(labelsPath);
  const words: Record<string, C> = {};
  for (const [word, code] of Object.entries(typed)) words[lower(word)] = code;
  for (const lang of ['th', 'en'] as const)
    for (const [code, label] of Object.entries(labels[lang])) words[lower(label)] = code as C;
  return words;
}

export const PRODUCER_TYPES = wordsFor<ProducerType>(
  {
    ผู้ประกอบการรายเดียว: 'sole_proprietor',
    รายเดียว: 'sole_proprietor',
    'sole proprietor': 'sole_proprietor',
    sole_proprietor: 'sole_proprietor',
    กลุ่มผู้ผลิต: 'community_group',
    กลุ่ม: 'community_group',
    'community group': 'community_group',
    community_group: 'community_group',
    sme: 'sme',
    smes: 'sme',
    'ผู้ประกอบการ sme': 'sme',
    วิสาหกิจขนาดกลางและขนาดย่อม: 'sme',
  },
  'producerTypes',
);

export const STATUSES = wordsFor<ProducerStatus>(
  {
    ลงทะเบียน: 'registered',
    registered: 'registered',
    ระงับ: 'suspended',
    suspended: 'suspended',
    ยกเลิก: 'cancelled',
    cancelled: 'cancelled',
  },
  'producerStatuses',
);

export const OWNER_KINDS = wordsFor<OwnerKind>(
  { กลุ่ม: 'group', group: 'group', บุคคล: 'person', person: 'person', บุคคลธรรมดา: 'person' },
  'producerOwnerKinds',
);

export const YES = new Set(['', 'ใช่', 'มี', 'ครบ', 'yes', 'y', '1', 'true', '✓']);
export const NO = new Set(['ไม่', 'ไม่ใช่', 'ไม่มี', 'ไม่ครบ', 'no', 'n', '0', 'false']);

const yesNo = (key: string, th: string, en: string) => ({
  key,
  th,
  en,
  example: 'ใช่',
  help: { th: 'ใช่ / ไม่ใช่ (ว่าง = ใช่)', en: 'yes / no (blank = yes)' },
});

const PERSON_ONLY = { th: 'ต้องกรอกเมื่อเจ้าของเป็นบุคคล', en: 'required when the owner is a person' };

export const PRODUCER_COLUMNS = [
  { key: 'district', th: 'อำเภอ', en: 'District', required: true, aliases: ['อ.', 'District'], example: 'เมืองอุบลราชธานี' },
  {
    key: 'ownerType',
    th: 'ประเภทเจ้าของ',
    en: 'Owner type',
    example: 'บุคคล',
    options: ['บุคคล', 'กลุ่มอาชีพ'],
    help: {
      th: 'บุคคล หรือ กลุ่มอาชีพ (ว่าง = กลุ่มอาชีพเมื่อเป็นกลุ่มผู้ผลิตชุมชน หรือมีชื่อกลุ่มแต่ไม่มีชื่อบุคคล ไม่เช่นนั้นเป็นบุคคล)',
      en: 'person or occupational group (blank = a group for a community producer group or a group name without a person’s name, else a person)',
    },
  },
  {
    key: 'groupName',
    th: 'ชื่อกลุ่ม',
    en: 'Group name',
    aliases: ['ชื่อกลุ่มอาชีพ'],
    help: {
      th: 'ต้องกรอกเมื่อเจ้าของเป็นกลุ่มอาชีพ: ชื่อกลุ่มอาชีพของอำเภอที่มีในระบบแล้ว',
      en: 'required when the owner is a group: the name of an occupational group of the district already on file',
    },
  },
  { key: 'title', th: 'คำนำหน้า', en: 'Title', example: 'นาง', help: PERSON_ONLY },
  { key: 'firstName', th: 'ชื่อ', en: 'First name', example: 'สมศรี', help: PERSON_ONLY },
  { key: 'lastName', th: 'นามสกุล', en: 'Last name', example: 'ใจงาม', help: PERSON_ONLY },
  { key: 'citizenId', th: 'เลขประจำตัวประชาชน', en: 'Citizen ID', example: '3-3401-00123-45-6' },
  { key: 'phone', th: 'โทรศัพท์', en: 'Phone', example: '081-234-5678' },
  {
    key: 'subdistrict',
    th: 'ตำบล',
    en: 'Subdistrict',
    example: 'ในเมือง',
    help: {
      th: 'ตำบลของบุคคล หรือของกลุ่ม (แยกกลุ่มชื่อซ้ำกันในอำเภอ)',
      en: 'the person’s or the group’s subdistrict (tells apart groups of one name)',
    },
  },
  {
    key: 'producerType',
    th: 'ประเภทผู้ผลิต',
    en: 'Producer type',
    required: true,
    example: 'ผู้ประกอบการรายเดียว',
    help: {
      th: 'กลุ่มผู้ผลิตชุมชน (กลุ่มอาชีพ) ผู้ประกอบการรายเดียว (บุคคล) หรือ SME (กลุ่มหรือบุคคล)',
      en: 'community producer group (a group), sole proprietor (a person) or SME (either)',
    },
  },
  { key: 'fiscalYear', th: 'ปีงบประมาณ', en: 'Fiscal year', required: true, example: '2568' },
  { key: 'registrationNo', th: 'เลขทะเบียน', en: 'Registration no.', required: true, example: 'OTOP-3401-0001' },
  { key: 'registeredOn', th: 'วันที่ลงทะเบียน', en: 'Registered on', required: true, example: '15/1/2568' },
  {
    key: 'status',
    th: 'สถานะ',
    en: 'Status',
    example: 'ลงทะเบียน',
    help: { th: 'ลงทะเบียน / ระงับ / ยกเลิก', en: 'registered / suspended / cancelled' },
  },
  yesNo('communityLink', 'เชื่อมโยงชุมชน', 'Linked to the community'),
  yesNo('siteInDistrict', 'สถานที่ผลิตในอำเภอ', 'Production site in the district'),
  yesNo('thaiNationality', 'สัญชาติไทย', 'Thai nationality'),
  yesNo('documentsReceived', 'เอกสารครบ', 'Documents received'),
  {
    key: 'publicContact',
    th: 'ช่องทางติดต่อสาธารณะ',
    en: 'Public contact',
    help: {
      th: 'ช่องทางที่ผู้ผลิตยินยอมให้แสดงในแคตตาล็อกสาธารณะ (ว่าง = ไม่แสดง หรือคงเดิมเมื่อปรับปรุง)',
      en: 'a contact the producer agreed to publish in the public catalog (blank = none, or as it was for an update)',
    },
  },
] as const;

export const PRODUCER_INSTRUCTIONS = [
  {
    th: 'หนึ่งแถวต่อการลงทะเบียนหนึ่งรายการ ของอำเภอของท่านเท่านั้น เจ้าของเป็นบุคคล หรือกลุ่มอาชีพที่มีในระบบแล้ว',
    en: 'One row per registration, of your own district only; the owner is a person, or an occupational group already on file',
  },
  {
    th: 'บุคคลค้นหาจากเลขประจำตัวประชาชน หรือชื่อ-นามสกุลและตำบล ถ้าไม่พบ ระบบจะเพิ่มเป็นบุคคลใหม่ของอำเภอ',
    en: 'A person is found by citizen ID, or by name and subdistrict; if not found the person is added to the district',
  },
  {
    th: 'กลุ่มอาชีพค้นหาจากชื่อกลุ่ม (และตำบลเมื่อมีกลุ่มชื่อซ้ำกัน) ชื่อที่ใกล้เคียง ระบบจะเสนอให้ยืนยัน นำเข้ากลุ่มอาชีพก่อนถ้ายังไม่มี',
    en: 'A group is found by its name (and subdistrict when two share a name); a close name is suggested for you to confirm; import the groups first',
  },
  {
    th: 'เจ้าของเดียวกันลงทะเบียนในปีงบประมาณเดียวกันแล้ว ระบบจะให้เลือกปรับปรุงหรือข้าม',
    en: 'A registration of the same owner in the same fiscal year already on file: you choose to update or skip',
  },
  { th: 'วันที่ใช้ พ.ศ. หรือ ค.ศ. ก็ได้ เช่น 15/1/2568', en: 'Dates in BE or CE, e.g. 15/1/2568' },
];
