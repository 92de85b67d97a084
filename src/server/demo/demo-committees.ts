/**
 * The demo's committees and center profiles (demo data only): a current term for every Ubon Ratchathani center,
 * made through the same services officers use. Most districts pass the composition check; 3401 (12 members, some of
 * them people of its demo register, and an earlier term that has ended) is one agency representative short, three
 * others fail too (too few members, four agency representatives, two chairs), and one keeps its older mechanism
 * under the department's written approval.
 */
import { and, asc, eq, inArray, isNull, like } from 'drizzle-orm';
import type { CommitteeCategory, CommitteeMemberInput } from '#shared/committees';
import { addDays, fiscalRange, fiscalYearOf } from '#shared/thai/index';
import type { Actor } from '../access';
import { thaiToday } from '../clock';
import type { Db } from '../db/client';
import { centers, orgUnits, people, users } from '../db/schema';
import { saveCenterProfile } from '../features/center-profiles/center-profiles.service';
import { createCommittee } from '../features/committees/committees.service';
import { createException } from '../features/committees/exceptions.service';

const NAMES = [
  'นายสมศักดิ์ รักษ์ถิ่น',
  'นายประเสริฐ บุญมา',
  'นางสาวกาญจนา ศรีสวัสดิ์',
  'นายวีระ แสงทอง',
  'นางพรทิพย์ คำหอม',
  'นายชาญชัย พลอาสา',
  'นางสุภาพร มณีวงศ์',
  'นายบุญเลิศ ทองสุข',
  'นางอรุณี วงศ์ใหญ่',
  'นายธีระพงษ์ จันทร์แก้ว',
  'นางสาวปิยะนุช บุญประเสริฐ',
  'นายอำนาจ ศรีบุญเรือง',
  'นางละเอียด พรหมวงศ์',
  'นายสุรชัย คำภูเงิน',
  'นางจันทร์ฉาย แก้วมณี',
  'นายทองใบ สุขประเสริฐ',
  'นางสมหมาย ดวงดี',
];
/** The agencies of a district that sit on its committee, by their head's title. */
const AGENCIES = [
  ['เกษตรอำเภอ', 'vice_chair'],
  ['ผู้อำนวยการศูนย์ส่งเสริมการเรียนรู้อำเภอ', 'academic_data'],
  ['ปศุสัตว์อำเภอ', 'production'],
  ['สาธารณสุขอำเภอ', 'quality_standards'],
  ['ผู้จัดการธนาคารเพื่อการเกษตรและสหกรณ์การเกษตร สาขา', 'funding'],
] as const;
const NETWORK = [
  ['ประธานเครือข่าย OTOP อำเภอ', 'marketing'],
  ['ปราชญ์ชาวบ้านด้านหัตถกรรม', 'member'],
  ['ประธานกลุ่มทอผ้าไหม', 'treasurer'],
  ['ผู้ประกอบการแปรรูปอาหาร', 'public_relations'],
  ['ประธานวิสาหกิจชุมชน', 'member'],
  ['ผู้ประกอบการรุ่นใหม่', 'member'],
] as const;

type Shape = { agency: number; network: number; chairs: number };
const PASSING: Shape = { agency: 5, network: 4, chairs: 1 };

/** Members of a district's term: the นายอำเภอ chairs, the agencies and network follow, the พัฒนาการอำเภอ is secretary. */
function membersOf(name: string, d: number, shape: Shape, persons: { id: number }[] = []): CommitteeMemberInput[] {
  const who = (i: number) => NAMES[(d * 3 + i) % NAMES.length];
  const member = (category: CommitteeCategory, positionCode: string, title: string, i: number) => ({
    name: who(i),
    title,
    category,
    positionCode,
    sort: 0,
  });
  const chairs = Array.from({ length: shape.chairs }, (_, i) =>
    i === 0 ? member('chair', 'chair', `นายอำเภอ${name}`, 0) : member('chair', 'vice_chair', `ปลัดอำเภอ${name}`, 16),
  );
  const agencies = AGENCIES.slice(0, shape.agency).map(([title, code], i) => member('agency', code, `${title}${name}`, i + 1));
  const network = Array.from({ length: shape.network }, (_, i) => {
    const [title, code] = NETWORK[i % NETWORK.length];
    const person = persons[i];
    return person
      ? { personId: person.id, name: '', title, category: 'network' as const, positionCode: code, sort: 0 }
      : member('network', code, `${title}${i === 0 ? name : ''}`, i + 6);
  });
  return [...chairs, ...agencies, ...network, member('secretary', 'secretary', `พัฒนาการอำเภอ${name}`, 12)];
}

export async function seedDemoCommittees(db: Db): Promise<void> {
  const today = thaiToday();
  const { fiscalYear } = fiscalYearOf(today);
  const termStart = fiscalRange(fiscalYear - 1).start;
  const termEnd = addDays(fiscalRange(fiscalYear + 1).end, 0);
  const orderDate = addDays(termStart, -14);
  const accounts = await db
    .select()
    .from(users)
    .where(inArray(users.username, ['demo-admin', 'demo-district', 'demo-district-2']));
  const idOf = (username: string) => accounts.find((a) => a.username === username)!.id;
  // Districts without a demo account are recorded by a seed account standing in for their own officer.
  const officerOf = (orgUnitCode: string): Actor => {
    const own = { '3401': 'demo-district', '3415': 'demo-district-2' }[orgUnitCode];
    return { userId: idOf(own ?? 'demo-admin'), username: own ?? 'demo-seed', role: 'district_officer', orgUnitCode };
  };
  const admin: Actor = { userId: idOf('demo-admin'), username: 'demo-admin', role: 'national_admin', orgUnitCode: 'TH' };
  const districts = await db
    .select({ code: orgUnits.code, name: orgUnits.nameTh })
    .from(centers)
    .innerJoin(orgUnits, eq(orgUnits.code, centers.orgUnitCode))
    .where(like(centers.orgUnitCode, '34%'))
    .orderBy(asc(orgUnits.code));
  const persons = await db
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.orgUnitCode, '3401'), isNull(people.deletedAt), isNull(people.mergedIntoId)))
    .orderBy(asc(people.id))
    .limit(3);

  // Shapes by position among the districts without a demo account: three break the rule, one keeps its older mechanism.
  const others = districts.filter((x) => x.code !== '3401' && x.code !== '3415').map((x) => x.code);
  const SHAPES: Record<number, Shape> = {
    5: { agency: 5, network: 3, chairs: 1 },
    9: { agency: 4, network: 5, chairs: 1 },
    14: { agency: 5, network: 4, chairs: 2 },
    20: { agency: 3, network: 3, chairs: 1 },
  };
  const EXCEPTION_AT = 20;
  for (const [d, district] of districts.entries()) {
    const actor = officerOf(district.code);
    const base = { orgUnitCode: district.code, signedBy: NAMES[(d * 3) % NAMES.length], note: '' };
    if (district.code === '3401') {
      await createCommittee(db, actor, {
        ...base,
        orderNumber: `${112 + d}/2566`,
        orderDate: addDays(fiscalRange(fiscalYear - 3).start, -14),
        termStart: fiscalRange(fiscalYear - 3).start,
        termEnd: addDays(termStart, -1),
        members: membersOf(district.name, d + 1, PASSING),
      });
    }
    // 3401's term lost an agency representative (12 members, 4 agencies): the officer's first task in the journey.
    const shape =
      district.code === '3401' ? { agency: 4, network: 6, chairs: 1 } : (SHAPES[others.indexOf(district.code)] ?? PASSING);
    await createCommittee(db, actor, {
      ...base,
      orderNumber: `${215 + d}/${fiscalYear - 1}`,
      orderDate,
      termStart,
      termEnd,
      members: membersOf(district.name, d, shape, district.code === '3401' ? persons : []),
    });
    if (others.indexOf(district.code) === EXCEPTION_AT)
      await createException(db, admin, {
        orgUnitCode: district.code,
        letterNumber: 'มท 0402.3/ว 1587',
        letterDate: addDays(orderDate, -30),
        reason: 'อำเภอมีคณะทำงานขับเคลื่อน OTOP ระดับอำเภอที่ดำเนินงานได้ผลดีอยู่แล้ว ขอใช้กลไกเดิมต่อไป',
      });
    await saveCenterProfile(db, actor, district.code, {
      version: 0,
      officeAddress: `สำนักงานพัฒนาชุมชนอำเภอ${district.name} ที่ว่าการอำเภอ${district.name} จังหวัดอุบลราชธานี`,
      serviceArea: 'ห้องศูนย์บริการส่งเสริมเศรษฐกิจฐานราก แยกจากห้องทำงานของสำนักงาน มีมุมแสดงสินค้า OTOP',
      openingHours: 'จันทร์–ศุกร์ 08.30–16.30 น.',
      phone: `045-${String(210 + d * 7).padStart(3, '0')} ${String(1000 + d * 37).slice(-3)}`,
      email: `cdd${district.code}@example.go.th`,
      staffOnDuty: `พัฒนาการอำเภอ${district.name} และนักวิชาการพัฒนาชุมชนผลัดเวรประจำศูนย์`,
      learningMedia: 'ป้ายนิทรรศการความรู้ ตัวอย่างผลิตภัณฑ์และบรรจุภัณฑ์ เอกสารแนะนำการขึ้นทะเบียน OTOP และมาตรฐาน มผช.',
      ...(district.code === '3401' ? { latitude: '15.2287', longitude: '104.8564' } : {}),
    });
  }
}
