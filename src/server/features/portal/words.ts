import { formatThaiDate } from '#shared/thai/calendar';
/** The public portal's own words, Thai first. Record data (names, code lists) comes from the database in both languages. */
export type Lang = 'th' | 'en';

const WORDS = {
  siteName: ['ฐานราก', 'Thanrak'],
  siteTagline: [
    'ศูนย์บริการส่งเสริมเศรษฐกิจฐานราก 878 อำเภอทั่วประเทศ',
    'Foundational Economy Promotion Service Centers in 878 districts',
  ],
  skipToContent: ['ข้ามไปยังเนื้อหา', 'Skip to content'],
  nav: ['เมนูหลัก', 'Main menu'],
  home: ['หน้าแรก', 'Home'],
  centers: ['ศูนย์บริการ', 'Centers'],
  wisdom: ['ภูมิปัญญาท้องถิ่น', 'Local wisdom'],
  catalog: ['สินค้า OTOP', 'OTOP products'],
  news: ['ข่าวสาร', 'News'],
  request: ['ขอรับบริการ', 'Ask for help'],
  switchLanguage: ['English', 'ภาษาไทย'],
  staffSignIn: ['เข้าสู่ระบบเจ้าหน้าที่', 'Staff sign-in'],
  footer: [
    'กรมการพัฒนาชุมชน กระทรวงมหาดไทย — ข้อมูลที่เผยแพร่ได้รับความยินยอมจากเจ้าของข้อมูล',
    'Community Development Department, Ministry of Interior — published with the owners’ consent',
  ],
  search: ['ค้นหา', 'Search'],
  province: ['จังหวัด', 'Province'],
  district: ['อำเภอ', 'District'],
  allProvinces: ['ทุกจังหวัด', 'All provinces'],
  centerCount: ['{n} ศูนย์', '{n} centers'],
  centersTitle: ['ศูนย์บริการส่งเสริมเศรษฐกิจฐานราก', 'Foundational Economy Promotion Service Centers'],
  centersIntro: [
    'เลือกจังหวัดจากแผนที่หรือรายชื่อ หรือค้นหาด้วยชื่ออำเภอ ภาษาไทยหรืออังกฤษ',
    'Pick a province on the map or in the list, or search by district name in Thai or English',
  ],
  centerSearchLabel: ['ชื่อศูนย์หรืออำเภอ', 'Center or district name'],
  mapLabel: ['แผนที่จังหวัด: เลือกจังหวัดเพื่อดูศูนย์', 'Province map: pick a province to see its centers'],
  noCenters: ['ไม่พบศูนย์ที่ตรงกับคำค้น', 'No center matches'],
  centersOf: ['ศูนย์ในจังหวัด{name}', 'Centers in {name}'],
  centersFound: ['พบ {n} ศูนย์', '{n} centers found'],
  address: ['ที่ตั้ง', 'Address'],
  phone: ['โทรศัพท์', 'Phone'],
  email: ['อีเมล', 'Email'],
  hours: ['เวลาทำการ', 'Opening hours'],
  serviceArea: ['จุดให้บริการ', 'Service point'],
  servicesOffered: ['บริการของศูนย์', 'Services offered'],
  servicesThisYear: ['{n} ครั้งในปีงบประมาณ {year}', '{n} this fiscal year ({year})'],
  committeeChair: ['ประธานคณะทำงานศูนย์', 'Chair of the center committee'],
  noProfile: ['ศูนย์ยังไม่ได้บันทึกข้อมูลที่ตั้งและเวลาทำการ', 'The center has not recorded its address and hours yet'],
  notRecorded: ['ยังไม่ได้บันทึก', 'Not recorded yet'],
  centerNews: ['ข่าวของศูนย์', 'The center’s news'],
  centerProducts: ['สินค้า OTOP ของอำเภอ', 'OTOP products of the district'],
  centerWisdom: ['ภูมิปัญญาของอำเภอ', 'Local wisdom of the district'],
  askThisCenter: ['ขอรับบริการจากศูนย์นี้', 'Ask this center for help'],
  newsTitle: ['ข่าวสารจากศูนย์', 'News from the centers'],
  noNews: ['ยังไม่มีข่าว', 'No news yet'],
  publishedOn: ['เผยแพร่ {date}', 'Published {date}'],
  readMore: ['อ่านต่อ', 'Read more'],
  previous: ['ก่อนหน้า', 'Previous'],
  next: ['ถัดไป', 'Next'],
  pageOf: ['หน้า {page}', 'Page {page}'],
  notFound: ['ไม่พบหน้าที่ต้องการ', 'Page not found'],
  notFoundText: ['หน้านี้ไม่มีอยู่ หรือไม่ได้เผยแพร่ต่อสาธารณะ', 'This page does not exist or is not published'],
  backHome: ['กลับหน้าแรก', 'Back to the home page'],
  homeIntro: [
    'ค้นหาศูนย์ใกล้บ้าน ภูมิปัญญาท้องถิ่น และสินค้า OTOP จากชุมชนทั่วประเทศ หรือยื่นคำขอรับบริการและติดตามสถานะได้เอง',
    'Find your district’s center, local wisdom and OTOP products from communities nationwide, or ask for help and follow your request',
  ],
  productSearchLabel: ['ค้นหาสินค้า OTOP', 'Search OTOP products'],
  productSearchPlaceholder: ['เช่น ผ้าไหม ข้าวหอมมะลิ', 'e.g. silk, jasmine rice'],
  latestNews: ['ข่าวล่าสุด', 'Latest news'],
  byCenter: ['โดย{name}', 'by {name}'],
  photo: ['ภาพประกอบ', 'Photo'],
} as const satisfies Record<string, readonly [string, string]>;

export type Word = keyof typeof WORDS;

/** A word in the language, with `{name}` placeholders filled. */
export function say(lang: Lang, word: Word, params: Record<string, string | number> = {}): string {
  const text: string = WORDS[word][lang === 'th' ? 0 : 1];
  return text.replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole));
}

export const langOf = (query: unknown): Lang => ((query as { lang?: string } | undefined)?.lang === 'en' ? 'en' : 'th');

/** A portal link in the language: Thai links carry no `lang`, so the Thai URL is the plain, shareable one. */
export function portalHref(lang: Lang, path: string, params: Record<string, string | number | undefined> = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== '') search.set(key, String(value));
  if (lang === 'en') search.set('lang', 'en');
  const query = search.toString();
  return query ? `${path}?${query}` : path;
}

/** The record's name in the language: the English name when there is one. */
export const nameIn = (lang: Lang, th: string, en: string | null | undefined) => (lang === 'en' && en ? en : th);

const EN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** A date as a reader expects it: Buddhist Era in Thai, the common era in English. */
export function dateIn(lang: Lang, iso: string): string {
  if (lang === 'th') return formatThaiDate(iso);
  const [year, month, day] = iso.split('-').map(Number);
  return `${day} ${EN_MONTHS[month - 1]} ${year}`;
}
