/**
 * The demo's activities over two fiscal years (demo data only): in 3401 and 3415, trainings on all five knowledge
 * topics with their trainees, market events of every kind with their groups' takings day by day, study visits and
 * strengthening work, with the district's partners, some paid from the current year's budget activity. Trainees
 * are registered as people of the district first, as a center does. Made through the services officers use, so
 * stages, audit entries and totals are what real use would give.
 */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { ActivityKind, createActivityBody } from '#shared/activities';
import { addDays, fiscalRange, fiscalYearOf } from '#shared/thai/index';
import type { Actor } from '../access';
import { thaiToday } from '../clock';
import type { Db } from '../db/client';
import { groups, partners, people, users } from '../db/schema';
import { insertActivity } from '../features/activities/activities.service';
import { activityBudgetItems, saveEventSales } from '../features/activities/event-sales.service';
import { createPerson } from '../features/people/people.service';

type Body = z.infer<typeof createActivityBody>;
type MarketKind = NonNullable<Body['marketKind']>;

const TRAINEES: readonly (readonly [string, string, string])[] = [
  ['นาง', 'ลำดวน', 'สีดาคำ'],
  ['นาย', 'ทองดี', 'บุญมา'],
  ['นางสาว', 'พิมพ์ใจ', 'แสงสว่าง'],
  ['นาง', 'คำมี', 'พันธ์ดี'],
  ['นาย', 'สมบัติ', 'ทองสุข'],
  ['นาง', 'บุญเรือน', 'ศรีจันทร์'],
  ['นางสาว', 'อรอุมา', 'พรมมา'],
  ['นาย', 'วิเชียร', 'คำภู'],
  ['นาง', 'สุนีย์', 'บุญล้อม'],
  ['นาง', 'ประไพ', 'สมบูรณ์'],
  ['นาย', 'อุดม', 'แก้วกล้า'],
  ['นางสาว', 'กัลยา', 'ศรีเมือง'],
  ['นาง', 'หนูเพียร', 'ทองแสง'],
  ['นาย', 'ไพรวัลย์', 'จันทร์แดง'],
  ['นาง', 'ทองพูน', 'ดวงมณี'],
  ['นาง', 'สำราญ', 'ผิวผ่อง'],
  ['นาย', 'เสถียร', 'บัวหอม'],
  ['นางสาว', 'ธิดารัตน์', 'ศรีวงศ์'],
  ['นาง', 'จำปี', 'ใจบุญ'],
  ['นาย', 'บุญส่ง', 'มณีวงศ์'],
  ['นาง', 'เยาวลักษณ์', 'สุขเจริญ'],
  ['นาง', 'ดาวเรือง', 'พรหมสุข'],
  ['นาย', 'สมหมาย', 'แสนคำ'],
  ['นางสาว', 'ปวีณา', 'ทองมาก'],
  ['นาง', 'ละเอียด', 'ศรีสวัสดิ์'],
  ['นาย', 'ชาญชัย', 'บุญเกิด'],
  ['นาง', 'มะลิ', 'คำแสน'],
  ['นาง', 'สมปอง', 'ไชยวงศ์'],
];

const TOPICS: Record<string, string> = {
  topic_group_management: 'อบรมการบริหารจัดการกลุ่มและการจัดทำบัญชีกลุ่ม',
  topic_basic_business: 'อบรมธุรกิจเบื้องต้น การคิดต้นทุนและการตั้งราคาขาย',
  topic_quality_standards: 'อบรมการพัฒนาคุณภาพผลิตภัณฑ์สู่มาตรฐานผลิตภัณฑ์ชุมชน (มผช.)',
  topic_value_adding: 'อบรมการเพิ่มมูลค่าผลิตภัณฑ์ด้วยเรื่องเล่าและบรรจุภัณฑ์',
  topic_marketing: 'อบรมการตลาดออนไลน์และการไลฟ์สดขายสินค้า',
};

/** [title, place, days, lowest and highest baht a group takes a day] of each kind of market event. */
const MARKETS: Record<MarketKind, [string, string, number, number, number]> = {
  community_market: ['ตลาดนัดชุมชนของดีอำเภอ{place}', 'ลานหน้าที่ว่าการอำเภอ{place}', 2, 800, 6_500],
  festival: ['งานประเพณีแห่เทียนพรรษาและของดีเมืองอุบล', 'ทุ่งศรีเมือง อำเภอเมืองอุบลราชธานี', 4, 4_000, 45_000],
  district_fair: ['อำเภอเคลื่อนที่ บำบัดทุกข์ บำรุงสุข', 'โรงเรียนบ้านโนนสูง อำเภอ{place}', 1, 1_500, 12_000],
  sales_center: ['วางจำหน่าย ณ ศูนย์จำหน่ายสินค้า OTOP จังหวัดอุบลราชธานี', 'ศูนย์จำหน่ายสินค้า OTOP จังหวัดอุบลราชธานี', 5, 2_000, 15_000],
  petrol_station: ['ฝากขายผลิตภัณฑ์ชุมชนในสถานีบริการน้ำมัน', 'สถานีบริการน้ำมัน ถนนแจ้งสนิท อำเภอ{place}', 3, 300, 3_000],
  online: ['ไลฟ์สดขายสินค้าชุมชนทางเพจศูนย์ฯ', 'ศูนย์บริการส่งเสริมเศรษฐกิจฐานรากอำเภอ{place} (ออนไลน์)', 3, 500, 8_000],
};
const MARKET_ORDER = Object.keys(MARKETS) as MarketKind[];

const VISITS = [
  ['ศึกษาดูงานวิสาหกิจชุมชนต้นแบบบ้านปะอาว', 'บ้านปะอาว อำเภอเมืองอุบลราชธานี'],
  ['ศึกษาดูงานศูนย์เรียนรู้เศรษฐกิจพอเพียง', 'ศูนย์เรียนรู้เศรษฐกิจพอเพียง จังหวัดศรีสะเกษ'],
  ['ศึกษาดูงานการแปรรูปผ้าไหมและการตลาดกลุ่ม OTOP ระดับ 5 ดาว', 'บ้านหนองบัว อำเภอเมืองอำนาจเจริญ'],
] as const;
const STRENGTHENING = [
  ['ประชุมเชิงปฏิบัติการจัดทำแผนพัฒนากลุ่ม', 'ศูนย์บริการส่งเสริมเศรษฐกิจฐานรากอำเภอ{place}'],
  ['ลงพื้นที่ให้คำแนะนำการผลิตและบรรจุภัณฑ์ ณ ที่ทำการกลุ่ม', 'ที่ทำการกลุ่ม ตำบล{place}'],
  ['คลินิกเชื่อมโยงแหล่งทุนร่วมกับสถาบันการเงิน', 'ห้องประชุมที่ว่าการอำเภอ{place}'],
] as const;

/** Small deterministic generator: the same demo on every fresh start. */
function seeded(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    return s / 2_147_483_648;
  };
}

export async function seedDemoActivities(db: Db, dataKey: Buffer): Promise<void> {
  const today = thaiToday();
  const { fiscalYear } = fiscalYearOf(today);
  const start = fiscalRange(fiscalYear - 1).start;
  const span = Math.round((Date.parse(today) - Date.parse(start)) / 86_400_000);
  const random = seeded(2568);
  const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
  const accounts = await db
    .select()
    .from(users)
    .where(inArray(users.username, ['demo-district', 'demo-committee', 'demo-district-2']));
  const id = (username: string) => accounts.find((u) => u.username === username)!.id;

  for (const [orgUnitCode, officer, place, committee, count] of [
    ['3401', 'demo-district', 'เมืองอุบลราชธานี', 'demo-committee', 38],
    ['3415', 'demo-district-2', 'วารินชำราบ', undefined, 28],
  ] as const) {
    const actor: Actor = { userId: id(officer), username: officer, role: 'district_officer', orgUnitCode };
    const member: Actor | undefined = committee && {
      userId: id(committee),
      username: committee,
      role: 'committee_member',
      orgUnitCode,
    };
    for (const [i, [title, firstName, lastName]] of TRAINEES.entries())
      await createPerson(db, dataKey, actor, {
        orgUnitCode,
        title,
        firstName,
        lastName,
        villageNo: 1 + (i % 12),
        subdistrict: `ตำบล${place}`,
        roles: [],
        acknowledgeDuplicates: true,
      });
    const live = <T extends typeof groups | typeof people | typeof partners>(table: T) =>
      and(eq(table.orgUnitCode, orgUnitCode), isNull(table.deletedAt));
    const districtGroups = await db.select().from(groups).where(live(groups)).orderBy(groups.id);
    const pool = await db.select().from(people).where(live(people)).orderBy(people.id);
    const allies = await db.select().from(partners).where(live(partners)).orderBy(partners.id);
    const allyOf = (kind: string) => allies.filter((p) => p.kind === kind).map((p) => p.id);
    // The current year's budget activity that reached the district pays for a few of this year's trainings.
    const [budget] = await activityBudgetItems(db, actor, { unit: orgUnitCode, fiscalYear });
    let budgetLeft = budget ? BigInt(budget.receivedSatang) - BigInt(budget.usedSatang) : 0n;

    const made = { training: 0, market_event: 0, study_visit: 0, strengthening: 0 };
    for (let i = 0; i < count; i++) {
      const kind: ActivityKind = (
        ['training', 'market_event', 'training', 'market_event', 'study_visit', 'strengthening'] as const
      )[i % 6];
      const nth = made[kind]++;
      const topicCode = kind === 'training' ? Object.keys(TOPICS)[nth % 5] : undefined;
      const marketKind = kind === 'market_event' ? MARKET_ORDER[nth % 6] : undefined;
      const days = marketKind ? MARKETS[marketKind][2] : kind === 'study_visit' ? 2 : 1 + (i % 2);
      const startsOn = addDays(start, Math.floor(((i + 0.5) * (span - days)) / count));
      const endsOn = addDays(startsOn, days - 1);
      const fill = (text: string) => text.replace('{place}', place);
      const [title, where] =
        kind === 'training'
          ? [`${TOPICS[topicCode!]} รุ่นที่ ${1 + Math.floor(nth / 5)}`, `ห้องประชุมที่ว่าการอำเภอ${place}`]
          : marketKind
            ? MARKETS[marketKind]
            : kind === 'study_visit'
              ? VISITS[nth % VISITS.length]
              : STRENGTHENING[nth % STRENGTHENING.length];
      // Trainings and visits take 10–30 people, strengthening a handful; a few of those invited do not come.
      const invited =
        kind === 'market_event' ? 0 : Math.min(pool.length, kind === 'strengthening' ? between(5, 10) : between(12, 32));
      const offset = between(0, pool.length - 1);
      const chosen = Array.from({ length: invited }, (_, k) => pool[(offset + k) % pool.length]);
      const groupCount = marketKind
        ? Math.min(districtGroups.length, between(3, 8))
        : between(1, Math.min(3, districtGroups.length));
      const groupOffset = between(0, districtGroups.length - 1);
      const taking = Array.from({ length: groupCount }, (_, k) => districtGroups[(groupOffset + k) % districtGroups.length]);
      const byCommittee = member && i % 5 === 3;
      const paid =
        !byCommittee &&
        budget &&
        kind === 'training' &&
        fiscalYearOf(startsOn).fiscalYear === fiscalYear &&
        budgetLeft >= 450_000n;
      const body: Body = {
        orgUnitCode,
        kind,
        topicCode,
        marketKind,
        title: fill(title),
        startsOn,
        endsOn,
        place: fill(where),
        partnerIds: [
          ...(kind === 'training' ? allyOf('education').slice(0, 1) : []),
          ...(marketKind === 'petrol_station' ? allyOf('private') : []),
          ...(marketKind === 'community_market' || marketKind === 'district_fair' ? allyOf('local_admin') : []),
          ...(marketKind ? allyOf('network') : []),
          ...(kind === 'strengthening' && i % 3 === 2 ? allyOf('bank') : []),
        ],
        budgetItemId: paid ? budget.id : undefined,
        budgetUsedSatang: paid ? String(between(30, 45) * 10_000) : '0',
        people: chosen.map((p, k) => ({ personId: p.id, attended: k % 9 !== 4 })),
        groupIds: taking.map((g) => g.id),
        note: kind === 'study_visit' ? 'ผู้เข้าร่วมนำแนวคิดการบริหารกลุ่มและการตลาดกลับมาปรับใช้' : '',
      };
      if (paid) budgetLeft -= BigInt(body.budgetUsedSatang);
      const activity = await db.transaction((tx) => insertActivity(tx, byCommittee ? member : actor, body));
      if (!marketKind) continue;
      const [, , , low, high] = MARKETS[marketKind];
      const rows = taking.flatMap((g) =>
        Array.from({ length: days }, (_, d) => {
          const baht = between(low, high);
          return {
            groupId: g.id,
            saleDate: addDays(startsOn, d),
            quantity: Math.max(1, Math.round(baht / between(60, 250))),
            amountSatang: String(baht * 100 + (random() < 0.3 ? 50 : 0)),
          };
        }),
      );
      await saveEventSales(db, byCommittee ? member : actor, activity.id, { version: activity.version, rows });
    }
  }
}
