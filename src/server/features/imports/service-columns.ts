/** The services import's columns, and the words for a service's mode and outreach kind as offices write them. */
import type { OUTREACH_KINDS, SERVICE_MODES } from '#shared/services';

export const COLUMNS = [
  { key: 'district', th: 'อำเภอ', en: 'District', required: true, aliases: ['อ.'], example: 'เมืองอุบลราชธานี' },
  { key: 'serviceDate', th: 'วันที่ให้บริการ', en: 'Service date', required: true, aliases: ['วันที่'], example: '15/1/2569' },
  {
    key: 'mode',
    th: 'รูปแบบ',
    en: 'Mode',
    required: true,
    example: 'เชิงรับ',
    help: { th: 'เชิงรับ (ที่ศูนย์ฯ) หรือ เชิงรุก (ออกหน่วย)', en: 'center or outreach' },
  },
  {
    key: 'outreachKind',
    th: 'ประเภทเชิงรุก',
    en: 'Outreach kind',
    help: { th: 'ตามแผน, ตามคำขอ, กรณีเร่งด่วน (เฉพาะเชิงรุก)', en: 'scheduled, on demand, emergency (outreach only)' },
  },
  {
    key: 'types',
    th: 'ประเภทบริการ',
    en: 'Service types',
    required: true,
    example: 'ให้คำปรึกษาทั่วไป',
    help: { th: 'ชื่อหรือรหัสในรายการประเภทบริการ คั่นด้วยจุลภาค', en: 'Names or codes of the service type list, comma separated' },
  },
  { key: 'citizenId', th: 'เลขประจำตัวประชาชนผู้รับบริการ', en: 'Client citizen ID', example: '3-3401-00123-45-6' },
  { key: 'firstName', th: 'ชื่อผู้รับบริการ', en: 'Client first name', example: 'สมศรี' },
  { key: 'lastName', th: 'นามสกุลผู้รับบริการ', en: 'Client last name', example: 'ใจงาม' },
  { key: 'subdistrict', th: 'ตำบล', en: 'Subdistrict', example: 'ในเมือง' },
  { key: 'group', th: 'กลุ่มอาชีพ', en: 'Occupational group' },
  { key: 'description', th: 'รายละเอียดการให้บริการ', en: 'Description', required: true, example: 'แนะนำการขอ อย.' },
  {
    key: 'staff',
    th: 'ผู้ให้บริการ',
    en: 'Given by',
    help: { th: 'ชื่อผู้ใช้หรือชื่อเจ้าหน้าที่ คั่นด้วยจุลภาค (ว่าง = ผู้นำเข้า)', en: 'Usernames or names, comma separated (blank: you)' },
  },
  { key: 'minutes', th: 'ระยะเวลา (นาที)', en: 'Minutes', required: true, example: '30' },
  { key: 'outcome', th: 'ผลการให้บริการ', en: 'Outcome' },
] as const;

export const MODES: Record<string, (typeof SERVICE_MODES)[number]> = {
  เชิงรับ: 'center',
  'เชิงรับ (ที่ศูนย์ฯ)': 'center',
  ที่ศูนย์: 'center',
  ที่ศูนย์ฯ: 'center',
  center: 'center',
  เชิงรุก: 'outreach',
  'เชิงรุก (ออกหน่วย)': 'outreach',
  ออกหน่วย: 'outreach',
  outreach: 'outreach',
};
export const OUTREACH: Record<string, (typeof OUTREACH_KINDS)[number]> = {
  ตามแผน: 'scheduled',
  scheduled: 'scheduled',
  ตามคำขอ: 'on_demand',
  'on demand': 'on_demand',
  on_demand: 'on_demand',
  กรณีเร่งด่วน: 'emergency',
  เร่งด่วน: 'emergency',
  ฉุกเฉิน: 'emergency',
  emergency: 'emergency',
};
