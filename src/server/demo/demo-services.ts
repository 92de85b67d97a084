/**
 * The demo's services over two fiscal years (demo data only): partner agencies of the two demo districts, dozens of
 * services to their groups and people at the center and on outreach, and outreach trips through the years. The types
 * follow each group's stage (a registered group is helped toward a standard, a certified one toward markets), and
 * one follow-up is left past due so "my tasks" shows it. Made through the same services officers use.
 */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { createServiceBody } from '#shared/services';
import { addDays, fiscalRange, fiscalYearOf } from '#shared/thai/index';
import type { Actor } from '../access';
import { thaiToday } from '../clock';
import type { Db } from '../db/client';
import { groups, people, users } from '../db/schema';
import { createPartner } from '../features/partners/partners.service';
import { insertService } from '../features/services/services.service';
import { createTrip } from '../features/services/trips.service';

const PARTNERS = [
  ['local_admin', 'องค์การบริหารส่วนตำบล{place}', 'นายกิตติ พลศรี', '045210111', 'ร่วมจัดหน่วยบริการเคลื่อนที่และสถานที่จัดกิจกรรม'],
  ['bank', 'ธนาคารเพื่อการเกษตรและสหกรณ์การเกษตร สาขา{place}', 'นางสาวศิริพร ทองมา', '045210222', 'สินเชื่อเพื่อการผลิตของกลุ่มอาชีพ'],
  ['bank', 'ธนาคารออมสิน สาขา{place}', 'นายวีระ แสงทอง', '045210333', 'สินเชื่อธุรกิจชุมชนและผู้ประกอบการรายย่อย'],
  ['education', 'วิทยาลัยเทคนิคอุบลราชธานี', 'ผศ.สมใจ ดวงดี', '045210444', 'ออกแบบบรรจุภัณฑ์และเครื่องมือการผลิต'],
  ['government', 'สำนักงานเกษตรอำเภอ{place}', 'นางพรทิพย์ มีสุข', '045210555', 'มาตรฐาน GAP และความรู้การเกษตร'],
  ['network', 'เครือข่าย OTOP อำเภอ{place}', 'นางคำปุ่น ศรีสุข', '0812345678', 'ตลาดนัดชุมชนและการจำหน่ายร่วม'],
  ['private', 'ห้างหุ้นส่วนจำกัด อุบลพัสดุภัณฑ์', 'นายธนา รุ่งเรือง', '045210666', 'รับฝากขายผลิตภัณฑ์ในสถานีบริการน้ำมัน'],
] as const;

type Body = z.infer<typeof createServiceBody>;
type Stage = (typeof groups.$inferSelect)['stage'];

/** What a group at a stage is helped with next (DOMAIN.md §3), and what was done. */
const NEXT: Record<Stage, [string[], string, string]> = {
  wisdom_surveyed: [['group_forming', 'topic_group_management'], 'ประชุมชี้แจงการรวมกลุ่มและจัดทำระเบียบกลุ่ม', 'กลุ่มมีระเบียบและคณะกรรมการ'],
  group_formed: [
    ['otop_registration', 'topic_basic_business'],
    'แนะนำการขึ้นทะเบียน OTOP และการทำบัญชีต้นทุน',
    'กลุ่มเตรียมเอกสารขึ้นทะเบียน',
  ],
  otop_registered: [['standards', 'topic_quality_standards'], 'ให้คำปรึกษาการยื่นขอมาตรฐานผลิตภัณฑ์ชุมชน (มผช.)', 'กลุ่มยื่นคำขอ มผช. แล้ว'],
  needs_analysed: [
    ['standards', 'topic_quality_standards'],
    'ช่วยกลุ่มจัดลำดับปัญหาและวางแผนยื่นขอมาตรฐานผลิตภัณฑ์ชุมชน',
    'กลุ่มมีแผนพัฒนาผลิตภัณฑ์',
  ],
  strengthened: [
    ['market_channels', 'topic_value_adding'],
    'ปรับเรื่องเล่าผลิตภัณฑ์และฉลากเพื่อวางขายที่ศูนย์จำหน่ายสินค้า OTOP',
    'ได้ฉลากใหม่พร้อมเรื่องเล่า',
  ],
  market_access: [
    ['funding_access', 'topic_marketing'],
    'แนะนำการขายออนไลน์และเชื่อมโยงสินเชื่อ ธ.ก.ส.',
    'เปิดร้านค้าออนไลน์ และนัดพบเจ้าหน้าที่ ธ.ก.ส.',
  ],
  funding_access: [
    ['capacity_referral', 'topic_marketing'],
    'ประสานสำนักงานพัฒนาชุมชนจังหวัดเพื่อพัฒนาศักยภาพสู่ SME',
    'ส่งรายชื่อเข้ารับการอบรมระดับจังหวัด',
  ],
  grown: [['advice'], 'ติดตามผลการดำเนินงานของวิสาหกิจเพื่อสังคม', 'ยอดขายเพิ่มขึ้นต่อเนื่อง'],
};

export async function seedDemoServices(db: Db): Promise<void> {
  const today = thaiToday();
  // From the start of last fiscal year, so a district's log and charts have a year to compare with.
  const start = fiscalRange(fiscalYearOf(today).fiscalYear - 1).start;
  const span = Math.max(0, Math.round((Date.parse(today) - Date.parse(start)) / 86_400_000));
  const accounts = await db
    .select()
    .from(users)
    .where(inArray(users.username, ['demo-district', 'demo-committee', 'demo-district-2']));
  const id = (username: string) => accounts.find((u) => u.username === username)!.id;
  for (const [orgUnitCode, officer, place, committee] of [
    ['3401', 'demo-district', 'เมืองอุบลราชธานี', 'demo-committee'],
    ['3415', 'demo-district-2', 'วารินชำราบ', undefined],
  ] as const) {
    const actor: Actor = { userId: id(officer), username: officer, role: 'district_officer', orgUnitCode };
    const partnerIds: number[] = [];
    for (const [kind, name, contactPerson, phone, note] of PARTNERS) {
      const made = await createPartner(db, actor, {
        orgUnitCode,
        kind,
        name: name.replace('{place}', place),
        contactPerson,
        phone,
        address: `อำเภอ${place} จังหวัดอุบลราชธานี`,
        note,
      });
      partnerIds.push(made.id);
    }
    const districtGroups = await db
      .select()
      .from(groups)
      .where(and(eq(groups.orgUnitCode, orgUnitCode), isNull(groups.deletedAt)))
      .orderBy(groups.id);
    const districtPeople = await db
      .select()
      .from(people)
      .where(and(eq(people.orgUnitCode, orgUnitCode), isNull(people.deletedAt)))
      .orderBy(people.id);
    const givers = committee ? [id(officer), id(committee)] : [id(officer)];

    // Trips: one in each half-year, the last two weeks ago; the officers out to the villages with partners.
    const trips = [];
    for (const [n, village] of ['บ้านหนองบัว', 'บ้านโนนสูง', 'บ้านดอนกลาง', 'บ้านคำน้ำแซบ'].entries()) {
      const tripDate = n === 3 ? addDays(today, -Math.min(14, span)) : addDays(start, Math.floor(((n + 0.5) * span) / 4));
      trips.push(
        await createTrip(db, actor, {
          orgUnitCode,
          tripDate,
          staffIds: givers,
          places: [`${village} ตำบล${place}`, `บ้านโนนสว่าง ตำบล${place}`],
          note: 'หน่วยบริการเคลื่อนที่ร่วมกับ อบต. และ ธ.ก.ส.',
        }),
      );
    }

    const count = orgUnitCode === '3401' ? 72 : 48;
    const onTrips = trips.length * 3;
    for (let i = 0; i < count; i++) {
      const group = districtGroups[i % districtGroups.length];
      const [typeCodes, description, outcome] = NEXT[group.stage];
      const onTrip = i < onTrips;
      const trip = trips[Math.floor(i / 3)];
      const serviceDate = onTrip ? trip.tripDate : addDays(start, Math.floor(((i - onTrips) * span) / (count - onTrips)));
      const byCommittee = committee && i % 4 === 1;
      const body: Body = {
        orgUnitCode,
        serviceDate,
        mode: onTrip || i % 3 === 0 ? 'outreach' : 'center',
        outreachKind: onTrip ? 'scheduled' : i % 3 === 0 ? (i % 2 ? 'emergency' : 'on_demand') : undefined,
        tripId: onTrip ? trip.id : undefined,
        groupIds: [group.id],
        personIds: i % 2 ? [districtPeople[i % districtPeople.length].id] : [],
        typeCodes,
        description,
        staffIds: byCommittee ? [id(committee)] : givers.slice(0, 1 + (i % givers.length)),
        partnerIds: typeCodes.includes('funding_access') ? [partnerIds[1]] : i % 3 === 0 ? [partnerIds[0]] : [],
        durationMinutes: 30 + (i % 4) * 30,
        outcome,
        ...followUp(i, serviceDate, today),
      };
      const as = byCommittee
        ? { ...actor, userId: id(committee), username: committee, role: 'committee_member' as const }
        : actor;
      await db.transaction((tx) => insertService(tx, as, body));
    }
  }
}

/** Every fifth service has a follow-up: done when its date has passed, except one left past due on purpose. */
function followUp(i: number, serviceDate: string, today: string) {
  if (i % 5 !== 4) return {};
  const followUpOn = addDays(serviceDate, 14);
  if (followUpOn >= today) return { followUpOn, followUpStatus: 'pending' as const };
  return { followUpOn, followUpStatus: i === 4 ? ('pending' as const) : ('done' as const) };
}
