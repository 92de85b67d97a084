/** The group import's columns, instructions and member role names (Thai first, English second). */
import type { MemberRole } from './group-members';

export const GROUP_COLUMNS = [
  { key: 'district', th: 'อำเภอ', en: 'District', required: true, aliases: ['อ.'], example: 'เมืองอุบลราชธานี' },
  { key: 'groupName', th: 'ชื่อกลุ่ม', en: 'Group name', required: true, aliases: ['ชื่อกลุ่มอาชีพ'], example: 'กลุ่มทอผ้าไหมบ้านนาเมือง' },
  {
    key: 'foundedOn',
    th: 'วันที่ก่อตั้ง',
    en: 'Founded on',
    example: '1/10/2568',
    help: { th: 'ต้องมีเมื่อเป็นกลุ่มใหม่', en: 'required for a new group' },
  },
  { key: 'subdistrict', th: 'ตำบล', en: 'Subdistrict', example: 'ในเมือง' },
  { key: 'address', th: 'ที่ตั้งกลุ่ม', en: 'Address', aliases: ['ที่อยู่กลุ่ม'], example: '12 หมู่ 4' },
  { key: 'contactPhone', th: 'โทรศัพท์กลุ่ม', en: 'Group phone', example: '045-123-456' },
  { key: 'enterpriseRegNo', th: 'เลขทะเบียนวิสาหกิจชุมชน', en: 'Community enterprise reg. no.', example: '3-34-01-01/1-0001' },
  { key: 'memberTitle', th: 'คำนำหน้าสมาชิก', en: 'Member title', example: 'นาง' },
  { key: 'memberFirstName', th: 'ชื่อสมาชิก', en: 'Member first name', required: true, example: 'สมศรี' },
  { key: 'memberLastName', th: 'นามสกุลสมาชิก', en: 'Member last name', required: true, example: 'ใจงาม' },
  { key: 'memberCitizenId', th: 'เลขประจำตัวประชาชนสมาชิก', en: 'Member citizen ID', example: '3-3401-00123-45-6' },
  {
    key: 'memberSubdistrict',
    th: 'ตำบลของสมาชิก',
    en: 'Member subdistrict',
    help: { th: 'ว่าง = ตำบลของกลุ่ม', en: 'blank = the group’s subdistrict' },
  },
  {
    key: 'memberRole',
    th: 'ตำแหน่งในกลุ่ม',
    en: 'Role in group',
    aliases: ['ตำแหน่ง'],
    example: 'ประธาน',
    help: {
      th: 'ประธาน / รองประธาน / เลขานุการ / เหรัญญิก / สมาชิก (ว่าง = สมาชิก)',
      en: 'chair / vice chair / secretary / treasurer / member (blank = member)',
    },
  },
] as const;

export const GROUP_INSTRUCTIONS = [
  {
    th: 'หนึ่งแถวต่อสมาชิกหนึ่งคน กรอกข้อมูลกลุ่มซ้ำทุกแถว แถวที่ชื่อกลุ่ม (และตำบล) เดียวกันคือกลุ่มเดียวกัน ของอำเภอของท่านเท่านั้น',
    en: 'One row per member with the group’s cells repeated; rows with the same group name (and subdistrict) are one group, of your own district only',
  },
  {
    th: 'สมาชิกค้นหาจากเลขประจำตัวประชาชน หรือชื่อ-นามสกุลและตำบล ถ้าไม่พบ ระบบจะเพิ่มเป็นบุคคลใหม่ของอำเภอ (ต้องมีคำนำหน้า)',
    en: 'A member is found by citizen ID, or by name and subdistrict; if not found the person is added to the district’s people (a title is then required)',
  },
  {
    th: 'ชื่อกลุ่มซ้ำกับกลุ่มเดิมของอำเภอ ระบบจะให้เลือกปรับปรุงหรือข้ามทีละแถว เมื่อปรับปรุง สมาชิกของแถวจะเพิ่มเข้ากลุ่ม และช่องที่เว้นว่างจะคงข้อมูลเดิมไว้',
    en: 'A group name already in the district: you choose update or skip for each row; an update adds the row’s member to the group and keeps what blank cells leave out',
  },
  {
    th: 'การลงทะเบียนผู้ผลิต OTOP ของกลุ่ม นำเข้าด้วยแบบฟอร์มผู้ผลิต ผู้ประกอบการ OTOP (ประเภทเจ้าของ กลุ่มอาชีพ) หลังนำเข้ากลุ่มแล้ว วันที่ใช้ พ.ศ. หรือ ค.ศ. ก็ได้',
    en: 'A group’s OTOP producer registrations are imported with the OTOP producers template (owner type: occupational group) once the group is in; dates in BE or CE',
  },
];

/** The Thai names of the groups page (web i18n memberRoles), a few common variants, and the English names. */
export const MEMBER_ROLE_NAMES: Record<string, MemberRole> = {
  ประธาน: 'chair',
  ประธานกลุ่ม: 'chair',
  รองประธาน: 'vice_chair',
  รองประธานกลุ่ม: 'vice_chair',
  เลขานุการ: 'secretary',
  เลขา: 'secretary',
  เหรัญญิก: 'treasurer',
  สมาชิก: 'member',
  กรรมการ: 'member',
  chair: 'chair',
  'vice chair': 'vice_chair',
  vice_chair: 'vice_chair',
  secretary: 'secretary',
  treasurer: 'treasurer',
  member: 'member',
};
