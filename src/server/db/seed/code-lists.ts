import type { Db } from '../client';
import { advanceRules, codeLists } from '../schema';

/** REFERENCE.md §2: the 10 branches plus โภชนาการ; ONEC's later list folds welfare and organisation away. */
const WISDOM_BRANCHES = [
  ['agriculture', 'เกษตรกรรม', 'Agriculture', false],
  ['industry_handicraft', 'อุตสาหกรรมและหัตถกรรม', 'Industry and handicraft', false],
  ['thai_medicine', 'การแพทย์แผนไทย', 'Thai traditional medicine', false],
  ['natural_resources', 'การจัดการทรัพยากรธรรมชาติและสิ่งแวดล้อม', 'Natural resource and environment management', false],
  ['community_fund_business', 'กองทุนและธุรกิจชุมชน', 'Community funds and business', false],
  ['welfare', 'สวัสดิการ', 'Welfare', true],
  ['arts', 'ศิลปกรรม', 'Arts', false],
  ['organisation', 'การจัดการองค์กร', 'Organisational management', true],
  ['language_literature', 'ภาษาและวรรณกรรม', 'Language and literature', false],
  ['religion_tradition', 'ศาสนาและประเพณี', 'Religion and tradition', false],
  ['nutrition', 'โภชนาการ', 'Nutrition', false],
] as const;

/** REFERENCE.md §3; GMP/HACCP are moving to GHPs/HACCP, so both names are kept as data. */
const STANDARDS = [
  ['mpc', 'มผช.', 'Thai Community Product Standard (TCPS)'],
  ['fda', 'อย.', 'Thai FDA'],
  ['tis', 'มอก.', 'Thai Industrial Standard (TIS)'],
  ['organic', 'Organic Thailand', 'Organic Thailand'],
  ['halal', 'ฮาลาล', 'Halal'],
  ['gap', 'GAP', 'Good Agricultural Practice'],
  ['gmp', 'GMP', 'Good Manufacturing Practice'],
  ['ghps_haccp', 'GHPs/HACCP', 'GHPs/HACCP'],
  ['q_mark', 'เครื่องหมาย Q', 'Q mark'],
] as const;

/** The center's missions (DOMAIN.md §1, §4 activities) and the five knowledge topics (§4), as service types. */
const SERVICE_TYPES = [
  ['wisdom_survey', 'สำรวจและจัดเก็บภูมิปัญญาท้องถิ่น', 'Surveying local wisdom'],
  ['group_forming', 'รวมกลุ่มจากภูมิปัญญาท้องถิ่น', 'Forming groups from local wisdom'],
  ['otop_registration', 'ขึ้นทะเบียนผู้ผลิต ผู้ประกอบการ OTOP', 'OTOP registration'],
  ['standards', 'ส่งเสริมการขอรับรองมาตรฐานผลิตภัณฑ์', 'Product standard certification'],
  ['market_channels', 'หาช่องทางการตลาด', 'Finding sales channels'],
  ['funding_access', 'เชื่อมโยงแหล่งทุน', 'Access to funding'],
  ['capacity_referral', 'ประสานการพัฒนาศักยภาพกับหน่วยงานจังหวัดและส่วนกลาง', 'Referral for capacity building'],
  ['advice', 'ให้คำปรึกษาทั่วไป', 'General advice'],
  ['topic_group_management', 'ความรู้: การบริหารจัดการกลุ่ม', 'Knowledge: group management'],
  ['topic_basic_business', 'ความรู้: ธุรกิจเบื้องต้น', 'Knowledge: basic business'],
  ['topic_quality_standards', 'ความรู้: คุณภาพและมาตรฐานผลิตภัณฑ์', 'Knowledge: product quality and standards'],
  ['topic_value_adding', 'ความรู้: การเพิ่มมูลค่า (เรื่องเล่าผลิตภัณฑ์)', 'Knowledge: value adding (product story)'],
  ['topic_marketing', 'ความรู้: การตลาด', 'Knowledge: marketing'],
] as const;

/** DOMAIN.md §4: the seed's sales channels, plus the group's own shop and online sales; configurable as data. */
const SALES_CHANNELS = [
  ['community_market', 'ตลาดชุมชน', 'Community market'],
  ['festival', 'งานเทศกาลและงานประเพณี', 'Festivals and traditional events'],
  ['district_fair', 'งานอำเภอเคลื่อนที่', 'Mobile district-office fair'],
  ['sales_center', 'ศูนย์จำหน่ายสินค้า OTOP', 'OTOP product sales center'],
  ['petrol_station', 'ฝากขายในสถานีบริการน้ำมัน', 'Consignment at petrol stations'],
  ['online', 'ช่องทางออนไลน์', 'Online'],
  ['own_shop', 'หน้าร้านของกลุ่ม', "The group's own shop"],
  ['other', 'อื่น ๆ', 'Other'],
] as const;

/** DOMAIN.md §4: sources of funding the center connects groups to. */
const FUNDING_SOURCES = [
  ['savings_group', 'กลุ่มออมทรัพย์เพื่อการผลิต', 'Savings group for production'],
  ['village_fund', 'กองทุนหมู่บ้านและชุมชนเมือง', 'Village and urban community fund'],
  ['women_fund', 'กองทุนพัฒนาบทบาทสตรี', "Women's Development Fund"],
  ['baac', 'ธนาคารเพื่อการเกษตรและสหกรณ์การเกษตร (ธ.ก.ส.)', 'Bank for Agriculture and Agricultural Cooperatives (BAAC)'],
  ['gsb', 'ธนาคารออมสิน', 'Government Savings Bank (GSB)'],
  ['sme_bank', 'ธนาคารพัฒนาวิสาหกิจขนาดกลางและขนาดย่อมแห่งประเทศไทย (SME D Bank)', 'SME Development Bank (SME D Bank)'],
  ['other', 'แหล่งทุนอื่น ๆ', 'Other sources'],
] as const;

/** DOMAIN.md §5 (6.2): positions on the center's committee. */
const COMMITTEE_POSITIONS = [
  ['chair', 'ประธานกรรมการ', 'Chair'],
  ['vice_chair', 'รองประธานกรรมการ', 'Vice chair'],
  ['member', 'กรรมการ', 'Member'],
  ['treasurer', 'กรรมการและเหรัญญิก', 'Treasurer'],
  ['public_relations', 'กรรมการฝ่ายประชาสัมพันธ์', 'Public relations'],
  ['academic_data', 'กรรมการฝ่ายวิชาการและข้อมูล', 'Academic and data'],
  ['production', 'กรรมการฝ่ายส่งเสริมการผลิต', 'Production promotion'],
  ['quality_standards', 'กรรมการฝ่ายส่งเสริมคุณภาพและมาตรฐาน', 'Quality and standards promotion'],
  ['funding', 'กรรมการฝ่ายประสานแหล่งทุน', 'Funding coordination'],
  ['marketing', 'กรรมการฝ่ายส่งเสริมการตลาด', 'Marketing promotion'],
  ['secretary', 'กรรมการและเลขานุการ', 'Secretary'],
  ['assistant_secretary', 'กรรมการและผู้ช่วยเลขานุการ', 'Assistant secretary'],
] as const;

type ListName = (typeof codeLists.$inferInsert)['list'];
const rowsOf = (list: ListName, items: readonly (readonly [string, string, string, boolean?])[]) =>
  items.map(([code, nameTh, nameEn, deprecated = false], sort) => ({ list, code, nameTh, nameEn, deprecated, sort }));

export async function seedCodeLists(db: Db): Promise<void> {
  const rows = [
    ...rowsOf('wisdom_branch', WISDOM_BRANCHES),
    ...rowsOf('standard', STANDARDS),
    ...rowsOf('service_type', SERVICE_TYPES),
    ...rowsOf('sales_channel', SALES_CHANNELS),
    ...rowsOf('funding_source', FUNDING_SOURCES),
    ...rowsOf('committee_position', COMMITTEE_POSITIONS),
  ];
  await db.insert(codeLists).values(rows).onConflictDoNothing();
}

/** Repayment deadlines from the Finance Ministry regulation of 2562, as data (REFERENCE open item 1). */
export async function seedAdvanceRules(db: Db): Promise<void> {
  await db
    .insert(advanceRules)
    .values([
      {
        code: 'activity',
        nameTh: 'ยืมเพื่อดำเนินโครงการ/กิจกรรม',
        nameEn: 'Activity costs',
        days: 30,
        countsFrom: 'receipt',
        reference: 'ระเบียบกระทรวงการคลังฯ พ.ศ. 2562 ข้อ 65 (3)',
      },
      {
        code: 'travel',
        nameTh: 'ยืมเพื่อเดินทางไปราชการ',
        nameEn: 'Official travel',
        days: 15,
        countsFrom: 'return',
        reference: 'ระเบียบกระทรวงการคลังฯ พ.ศ. 2562',
      },
    ])
    .onConflictDoNothing();
}
