/**
 * The allocation table of the seed documents (Ubon Ratchathani, FY2563, quarter 3) as a province office typed it:
 * title rows, then the province office and its 25 districts in Thai alphabetical order, two of them misspelt
 * (บุญศรี for บุณฑริก, ตาลชุม for ตาลสุม), and a total row. Shared by the reading tests and any importer test that wants the seed case.
 */
export const SEED_ALLOCATION_TITLE = [
  'ทะเบียนการจัดสรรงบประมาณกิจกรรมตามแผนการปฏิบัติงานและแผนการใช้จ่ายงบประมาณ',
  'ประจำปีงบประมาณ พ.ศ.2563',
  'แผนงานบูรณาการพัฒนาและส่งเสริมเศรษฐกิจฐานราก',
];

export const SEED_ALLOCATION_HEADER = ['จังหวัด/อำเภอ', 'งบประมาณ'];

export const SEED_ALLOCATION_ROWS: [string, number][] = [
  ['สพจ.อุบลราชธานี', 3600],
  ...[
    'กุดข้าวปุ้น',
    'เขมราฐ',
    'เขื่องใน',
    'โขงเจียม',
    'ดอนมดแดง',
    'เดชอุดม',
    'ตระการพืชผล',
    'ตาลชุม',
    'ทุ่งศรีอุดม',
    'นาจะหลวย',
    'นาตาล',
    'นาเยีย',
    'น้ำขุ่น',
    'น้ำยืน',
    'บุญศรี',
    'พิบูลมังสาหาร',
    'โพธิ์ไทร',
    'ม่วงสามสิบ',
    'เมืองอุบลราชธานี',
    'วารินชำราบ',
    'ศรีเมืองใหม่',
    'สว่างวีระวงศ์',
    'สำโรง',
    'สิรินธร',
    'เหล่าเสือโก้ก',
  ].map((name): [string, number] => [name, 1500]),
];

export const SEED_ALLOCATION_TOTAL: [string, number] = ['รวม', 41100];
