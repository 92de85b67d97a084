/**
 * Demo pipeline records for Ubon Ratchathani (demo data only): people, wisdom items of every branch,
 * groups at every stage, products of all five OTOP categories, certificates valid, expiring and expired.
 * Generated from real Thai craft and food names with a fixed seed, through the same services officers use,
 * so stages, audit entries and search columns are exactly what real use would produce.
 */
import { eq } from 'drizzle-orm';
import type { Person } from '#shared/people';
import { addDays, fiscalRange, fiscalYearOf } from '#shared/thai/index';
import type { Actor } from '../access';
import { thaiToday } from '../clock';
import type { Db } from '../db/client';
import { groups, orgUnits } from '../db/schema';
import { insertCertification } from '../features/certifications/certifications.service';
import { changeGroupStage, insertGroup } from '../features/groups/groups.service';
import { createPerson } from '../features/people/people.service';
import { insertProducer } from '../features/producers/producers.service';
import { insertProduct } from '../features/products/products.service';
import { insertWisdom } from '../features/wisdom/wisdom.service';

/** [title, first name]: the title is a field of its own, never part of the name. */
const FIRST_NAMES: readonly (readonly [string, string])[] = [
  ['นาง', 'สมศรี'],
  ['นาย', 'บุญมี'],
  ['นาง', 'ทองใบ'],
  ['นาย', 'คำพัน'],
  ['นางสาว', 'สุดา'],
  ['นาย', 'ประยูร'],
  ['นาง', 'บัวผัน'],
  ['นาย', 'สมพงษ์'],
  ['นาง', 'อำไพ'],
  ['นางสาว', 'จันทร์เพ็ญ'],
  ['นางสาว', 'วิไลวรรณ'],
  ['นาย', 'สุวิทย์'],
  ['นาง', 'นงลักษณ์'],
  ['นาย', 'ประเสริฐ'],
  ['นาย', 'คำปุน'],
  ['นาง', 'เพ็ญศรี'],
];
const LAST_NAMES = [
  'ศรีอุบล',
  'ทองคำ',
  'แก้วมณี',
  'บุญประเสริฐ',
  'พรหมวงศ์',
  'สายทอง',
  'คำสิงห์',
  'จันทร์หอม',
  'ศรีสุข',
  'วงศ์ใหญ่',
  'มูลสาร',
  'ดวงแก้ว',
];

/** [title, branch, product potential, group name, product name, OTOP category, standard] */
const CRAFTS = [
  ['การทอผ้ากาบบัวลายโบราณ', 'industry_handicraft', 'ผ้าทอเอกลักษณ์อุบลฯ ตลาดของฝาก', 'กลุ่มทอผ้ากาบบัว', 'ผ้ากาบบัวทอมือ', 'textile', 'mpc'],
  ['การมัดหมี่ผ้าไหมย้อมสีธรรมชาติ', 'industry_handicraft', 'ผ้าไหมคุณภาพสูง', 'กลุ่มทอผ้าไหมมัดหมี่', 'ผ้าไหมมัดหมี่ลายนาค', 'textile', 'mpc'],
  [
    'การหล่อทองเหลืองแบบโบราณ',
    'industry_handicraft',
    'เครื่องทองเหลืองตกแต่ง',
    'กลุ่มหล่อทองเหลือง',
    'กระดิ่งทองเหลือง',
    'household_souvenir',
    'mpc',
  ],
  ['การแกะสลักเทียนพรรษา', 'arts', 'ของที่ระลึกเทียนหอม', 'กลุ่มเทียนหอมแกะสลัก', 'เทียนหอมแกะสลักลายไทย', 'household_souvenir', 'mpc'],
  [
    'การจักสานกระติบข้าวจากต้นกก',
    'industry_handicraft',
    'ภาชนะใส่ข้าวเหนียว',
    'กลุ่มจักสานบ้านนา',
    'กระติบข้าวเหนียวลายขิด',
    'household_souvenir',
    'mpc',
  ],
  ['การทำปลาร้าบองสูตรดั้งเดิม', 'nutrition', 'อาหารแปรรูปบรรจุขวด', 'กลุ่มแม่บ้านแปรรูปปลา', 'ปลาร้าบองสมุนไพร', 'food', 'fda'],
  ['การปลูกข้าวหอมมะลิอินทรีย์', 'agriculture', 'ข้าวสารบรรจุถุง', 'กลุ่มข้าวหอมมะลิอินทรีย์', 'ข้าวหอมมะลิอินทรีย์', 'food', 'organic'],
  [
    'ตำรับลูกประคบสมุนไพร',
    'thai_medicine',
    'ผลิตภัณฑ์สปาและนวดแผนไทย',
    'กลุ่มสมุนไพรบ้านดอน',
    'ลูกประคบสมุนไพรไพล',
    'herbal_non_food',
    'mpc',
  ],
  ['การทำชาใบหม่อน', 'agriculture', 'เครื่องดื่มเพื่อสุขภาพ', 'กลุ่มชาใบหม่อน', 'ชาใบหม่อนอบแห้ง', 'beverage', 'fda'],
  ['การทำน้ำหมากเม่าพื้นบ้าน', 'nutrition', 'เครื่องดื่มผลไม้ท้องถิ่น', 'กลุ่มน้ำหมากเม่า', 'น้ำหมากเม่าพร้อมดื่ม', 'beverage', 'fda'],
  ['การทำยาดมสมุนไพร', 'thai_medicine', 'ของฝากสมุนไพร', 'กลุ่มยาดมสมุนไพร', 'ยาดมสมุนไพรตะไคร้', 'herbal_non_food', 'mpc'],
  ['การทำหมูยอแบบอุบล', 'nutrition', 'อาหารฝากขึ้นชื่อ', 'กลุ่มหมูยอแม่บ้าน', 'หมูยอสูตรโบราณ', 'food', 'gmp'],
  ['การจัดการป่าชุมชนและเห็ดป่า', 'natural_resources', 'เห็ดแปรรูป', 'กลุ่มอนุรักษ์ป่าชุมชน', 'เห็ดเผาะแปรรูป', 'food', 'gap'],
  [
    'กองทุนหมู่บ้านและออมทรัพย์เพื่อการผลิต',
    'community_fund_business',
    'สินเชื่อเพื่อการผลิต',
    'กลุ่มออมทรัพย์เพื่อการผลิต',
    'ข้าวกล้องงอก',
    'food',
    'q_mark',
  ],
  ['ผญาและกลอนลำอีสาน', 'language_literature', 'สื่อเล่าเรื่องผลิตภัณฑ์', 'กลุ่มหมอลำพื้นบ้าน', 'หมอนขิดลายผญา', 'household_souvenir', 'mpc'],
  ['ประเพณีแห่เทียนพรรษา', 'religion_tradition', 'การท่องเที่ยวชุมชน', 'กลุ่มช่างเทียนพรรษา', 'เทียนพรรษาจำลอง', 'household_souvenir', 'mpc'],
] as const;

/** Small deterministic generator: the same demo data on every fresh start. */
function seeded(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    return s / 2_147_483_648;
  };
}

export async function seedDemoPipeline(db: Db, dataKey: Buffer): Promise<void> {
  const districts = await db.select().from(orgUnits).where(eq(orgUnits.parentCode, '34')).orderBy(orgUnits.code);
  const random = seeded(2563);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
  const today = thaiToday();
  // Dates hang off the current fiscal year, so the demo always shows this year's movement.
  const { fiscalYear } = fiscalYearOf(today);
  const fyStart = fiscalRange(fiscalYear).start;
  const onOrBeforeToday = (iso: string) => (iso > today ? today : iso);
  let craftIndex = 0;

  for (const [d, district] of districts.entries()) {
    const actor: Actor = { userId: 0, username: 'demo-seed', role: 'district_officer', orgUnitCode: district.code };
    const orgUnitCode = district.code;
    const subdistrict = `ตำบล${district.nameTh}`;
    const people: Person[] = [];
    for (let i = 0; i < 6; i++) {
      // Walk both lists with different strides so no name repeats within a district.
      const [title, firstName] = FIRST_NAMES[(d * 6 + i) % FIRST_NAMES.length];
      const person = await createPerson(db, dataKey, actor, {
        orgUnitCode,
        title,
        firstName,
        lastName: LAST_NAMES[(d * 5 + i * 7) % LAST_NAMES.length],
        villageNo: 1 + Math.floor(random() * 12),
        subdistrict,
        roles: [],
        acknowledgeDuplicates: true,
      });
      people.push(person);
    }
    // Three crafts per district, walking the list so every branch and category appears in the province.
    const crafts = [0, 1, 2].map(() => CRAFTS[craftIndex++ % CRAFTS.length]);
    for (const [c, [title, branchCode, productPotential, groupName, productName, category, standardCode]] of crafts.entries()) {
      // The first item of a district is published on the portal with its holder's consent, credited as the holder
      // agreed (one district in four asked for no name); the others stay inside: for the community, restricted, or
      // not yet verified.
      const holder = people[c];
      const wisdomId = await db.transaction((tx) =>
        insertWisdom(tx, actor, {
          orgUnitCode,
          title,
          branchCode,
          description: `${title} ถ่ายทอดกันมาในชุมชน${district.nameTh}`,
          productPotential,
          subdistrict,
          villageNo: 1 + c,
          status: c === 0 ? 'published' : c === 1 && d % 3 === 0 ? 'surveyed' : 'verified',
          accessLevel: c === 0 ? 'public' : c === 2 && d % 4 === 1 ? 'restricted' : 'community',
          consentDate: c === 0 ? '2025-11-20' : undefined,
          publicCredit:
            c === 0 && d % 4 !== 3 ? `${holder.title}${holder.firstName} ${holder.lastName} และชุมชน${subdistrict}` : undefined,
          surveyedOn: addDays(fyStart, -200 + d * 3 + c),
          holderIds: [holder.id],
        }),
      );
      const groupId = await db.transaction((tx) =>
        insertGroup(tx, actor, {
          orgUnitCode,
          name: `${groupName}${district.nameTh}`,
          foundedOn: addDays(fyStart, -120 + d * 3 + c),
          address: `หมู่ ${1 + c} ${subdistrict} อำเภอ${district.nameTh} จังหวัดอุบลราชธานี`,
          subdistrict,
          wisdomIds: [wisdomId],
          members: [
            { personId: people[c].id, role: 'chair' },
            { personId: people[c + 3].id, role: 'treasurer' },
            { personId: people[(c + 1) % 6].id, role: 'member' },
          ],
        }),
      );
      // Stage by position: the first group of each district stays newly formed.
      const depth = (d + c) % 6;
      if (c === 0 || depth === 0) continue;
      // Silk is what the portal's visitors look for first: every silk product is rated and has a current certificate.
      const showcase = productName.startsWith('ผ้าไหม');
      const producer = await db.transaction((tx) =>
        insertProducer(tx, actor, {
          orgUnitCode,
          groupId,
          producerType: 'community_group',
          fiscalYear,
          registrationNo: `OTOP-${orgUnitCode}-${String(c).padStart(3, '0')}`,
          registeredOn: onOrBeforeToday(addDays(fyStart, 5 + d)),
          status: 'registered',
          communityLink: true,
          siteInDistrict: true,
          thaiNationality: true,
          documentsReceived: true,
          // Most groups publish a shop phone and a LINE account for the catalog; every third none.
          publicContact:
            (d + c) % 3 === 2
              ? undefined
              : `โทร 045-${String(210 + d * 7 + c).padStart(3, '0')}-${String(1000 + d * 37 + c * 11).slice(-4)} · LINE @otop${orgUnitCode}${c}`,
        }),
      );
      const productId = await db.transaction((tx) =>
        insertProduct(tx, actor, orgUnitCode, {
          producerId: producer.id,
          name: productName,
          category,
          description: `${productName} จาก${groupName}${district.nameTh}`,
          story: `สืบทอดภูมิปัญญา${title}`,
          priceSatang: String((80 + Math.floor(random() * 40) * 10) * 100),
          unit: category === 'textile' ? 'ผืน' : category === 'beverage' ? 'ขวด' : 'ชิ้น',
          quadrant: pick(['A', 'B', 'C', 'D'] as const),
          ratings: depth >= 3 || showcase ? [{ year: 2567, stars: 3 + (d % 3) }] : [],
        }),
      );
      if (depth < 2 && !showcase) continue;
      // Some certificates expire soon, some have expired (never silk's), most are valid for years.
      const expired = !showcase && d % 7 === 0 && d % 5 !== 0;
      const expiresOn = d % 5 === 0 ? addDays(today, 30 + d) : expired ? addDays(today, -20) : addDays(today, 700 + d);
      const subject = { orgUnitCode, producerId: producer.id };
      await db.transaction((tx) =>
        insertCertification(tx, actor, subject, {
          productId,
          standardCode,
          certificateNo: `${standardCode.toUpperCase()}-${orgUnitCode}-${c}/${fiscalYear}`,
          issuer:
            standardCode === 'fda'
              ? 'สำนักงานสาธารณสุขจังหวัดอุบลราชธานี'
              : standardCode === 'mpc'
                ? 'สำนักงานมาตรฐานผลิตภัณฑ์อุตสาหกรรม'
                : 'กรมวิชาการเกษตร',
          issuedOn: expired ? addDays(expiresOn, -1095) : onOrBeforeToday(addDays(fyStart, 15 + d)),
          expiresOn,
        }),
      );
      // An expired certificate proves nothing: that group stays at "OTOP registered".
      const later = expired || depth < 2 ? [] : (['market_access', 'funding_access', 'grown'] as const).slice(0, depth - 2);
      let [{ version }] = await db.select({ version: groups.version }).from(groups).where(eq(groups.id, groupId));
      for (const [i, stage] of later.entries()) {
        const reasons = {
          market_access: 'วางจำหน่ายที่ศูนย์จำหน่ายสินค้า OTOP และงานกาชาด',
          funding_access: 'ได้รับสินเชื่อจาก ธ.ก.ส.',
          grown: 'จดทะเบียนวิสาหกิจเพื่อสังคม',
        };
        const changedOn = onOrBeforeToday(addDays(fyStart, 25 + d + i * 5));
        version = await db.transaction((tx) =>
          changeGroupStage(tx, actor, groupId, {
            version,
            stage,
            reason: reasons[stage],
            grownAs: stage === 'grown' ? 'social_enterprise' : undefined,
            changedOn,
          }),
        );
      }
    }
  }
}
