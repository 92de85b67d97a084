/**
 * The demo's needs analyses, development plans and lessons learned (demo data only), for the two demo districts over
 * two fiscal years: every group past its OTOP registration has its needs analysed (groups further along twice), each
 * year has a short-term plan and the district a long-term one, with projects for its groups and partners and progress
 * reported through the year; last year's lessons look back on last year's plan and this year's plan answers them.
 * Made through the same services officers use, so stages and audit entries are what real use would produce.
 */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { NeedArea } from '#shared/needs';
import { addDays, fiscalRange, fiscalYearOf } from '#shared/thai/index';
import type { Actor } from '../access';
import { thaiToday } from '../clock';
import type { Db } from '../db/client';
import { groups, partners, producers, users } from '../db/schema';
import { createLesson } from '../features/lessons/lessons.service';
import { createNeeds } from '../features/needs/needs.service';
import { createPlan } from '../features/plans/plans.service';
import { insertProject, recordProjectUpdate } from '../features/plans/projects.service';

type Need = [NeedArea, string, string, 1 | 2 | 3];
/** Problems and needs as groups in Ubon name them, by area. */
const NEEDS: Need[] = [
  ['marketing', 'ขายได้เฉพาะในหมู่บ้านและงานประจำปี', 'ช่องทางขายออนไลน์และตลาดนัดชุมชน', 1],
  ['quality_standards', 'ผลิตภัณฑ์ยังไม่ได้มาตรฐาน มผช.', 'คำแนะนำการยื่นขอมาตรฐานและปรับกระบวนการผลิต', 1],
  ['value_added', 'บรรจุภัณฑ์ไม่สะดุดตา ไม่มีเรื่องเล่า', 'ออกแบบบรรจุภัณฑ์และตราสินค้าใหม่', 2],
  ['funding', 'ขาดเงินทุนหมุนเวียนซื้อวัตถุดิบช่วงต้นฤดู', 'เชื่อมโยงสินเชื่อ ธ.ก.ส. หรือกองทุนหมู่บ้าน', 2],
  ['production', 'วัตถุดิบขาดแคลนในฤดูแล้ง', 'วางแผนการผลิตและเก็บสำรองวัตถุดิบ', 2],
  ['management', 'สมาชิกไม่ได้จดบัญชีรายรับรายจ่าย', 'อบรมการจัดทำบัญชีกลุ่มและแบ่งหน้าที่', 3],
];

/** [title, objectives, indicators, budget in baht, the need it answers] */
const PROJECTS: [string, string, string, number, NeedArea][] = [
  [
    'พัฒนาบรรจุภัณฑ์และตราสินค้าผลิตภัณฑ์ชุมชน',
    'ให้กลุ่มมีบรรจุภัณฑ์ที่สะดุดตาและบอกเรื่องเล่าของภูมิปัญญา',
    'กลุ่มเป้าหมายมีบรรจุภัณฑ์ใหม่อย่างน้อย 3 กลุ่ม',
    45_000,
    'value_added',
  ],
  [
    'ยกระดับมาตรฐานผลิตภัณฑ์ชุมชน (มผช.)',
    'ให้กลุ่มยื่นขอและได้รับมาตรฐานผลิตภัณฑ์ชุมชน',
    'กลุ่มเป้าหมายยื่นขอ มผช. ร้อยละ 80',
    30_000,
    'quality_standards',
  ],
  [
    'ส่งเสริมการขายออนไลน์ของกลุ่มอาชีพ',
    'ให้กลุ่มเปิดร้านค้าออนไลน์และถ่ายภาพสินค้าได้เอง',
    'ยอดขายออนไลน์ของกลุ่มเป้าหมายเพิ่มขึ้นร้อยละ 10',
    25_500,
    'marketing',
  ],
  [
    'เชื่อมโยงแหล่งทุนเพื่อการผลิต',
    'ให้กลุ่มเข้าถึงสินเชื่อเพื่อการผลิตจากสถาบันการเงินในพื้นที่',
    'กลุ่มเป้าหมายได้รับอนุมัติสินเชื่ออย่างน้อย 2 กลุ่ม',
    12_000,
    'funding',
  ],
  [
    'เสริมสร้างการบริหารจัดการกลุ่มและการจัดทำบัญชี',
    'ให้กลุ่มมีบัญชีรายรับรายจ่ายและแบ่งหน้าที่ชัดเจน',
    'กลุ่มเป้าหมายจัดทำบัญชีครบทุกเดือน',
    18_000,
    'management',
  ],
  ['ตลาดนัดผลิตภัณฑ์ชุมชนประจำเดือน', 'เปิดพื้นที่จำหน่ายสินค้าของกลุ่มที่ศูนย์ฯ ทุกเดือน', 'จัดตลาดนัดอย่างน้อย 10 ครั้งต่อปี', 60_000, 'marketing'],
];

const PROGRESS_NOTES = [
  'ประชุมชี้แจงกลุ่มเป้าหมายและภาคีเครือข่ายแล้ว',
  'จัดอบรมเชิงปฏิบัติการครั้งที่ 1 ผู้เข้าร่วมครบตามเป้าหมาย',
  'ลงพื้นที่ติดตามและให้คำปรึกษารายกลุ่ม',
  'กลุ่มนำความรู้ไปปรับใช้แล้วบางส่วน',
  'สรุปผลการดำเนินงานและรายงานต่อคณะกรรมการศูนย์ฯ',
];

const earlier = (a: string, b: string) => (a < b ? a : b);
const later = (a: string, b: string) => (a > b ? a : b);

export async function seedDemoPlans(db: Db): Promise<void> {
  const today = thaiToday();
  const { fiscalYear: year, quarter: thisQuarter } = fiscalYearOf(today);
  const accounts = await db
    .select()
    .from(users)
    .where(inArray(users.username, ['demo-district', 'demo-district-2']));
  for (const [orgUnitCode, officer] of [
    ['3401', 'demo-district'],
    ['3415', 'demo-district-2'],
  ] as const) {
    const user = accounts.find((u) => u.username === officer)!;
    const actor: Actor = { userId: user.id, username: officer, role: 'district_officer', orgUnitCode };
    const districtGroups = await db
      .select()
      .from(groups)
      .where(and(eq(groups.orgUnitCode, orgUnitCode), isNull(groups.deletedAt)))
      .orderBy(groups.id);
    const partnerIds = (
      await db
        .select({ id: partners.id })
        .from(partners)
        .where(and(eq(partners.orgUnitCode, orgUnitCode), isNull(partners.deletedAt)))
        .orderBy(partners.id)
    ).map((p) => p.id);

    // Needs: every group past its OTOP registration, soon after registering; a group further along, again since.
    const registrations = await db
      .select({ groupId: producers.groupId, registeredOn: producers.registeredOn })
      .from(producers)
      .where(and(eq(producers.orgUnitCode, orgUnitCode), isNull(producers.deletedAt)));
    for (const [g, group] of districtGroups.entries()) {
      const registered = registrations.find((r) => r.groupId === group.id);
      if (!registered && ['wisdom_surveyed', 'group_formed'].includes(group.stage)) continue;
      const first = earlier(later(addDays(registered?.registeredOn ?? group.foundedOn, 10), group.foundedOn), today);
      const rounds = group.stage === 'otop_registered' ? [first] : [first, earlier(addDays(first, 100), today)];
      for (const [r, analysedOn] of [...new Set(rounds)].entries()) {
        const items = [0, 1, 2, 3].map((k) => NEEDS[(g + r * 2 + k) % NEEDS.length]);
        await createNeeds(db, actor, {
          groupId: group.id,
          analysedOn,
          summary: r === 0 ? 'วิเคราะห์ปัญหาและความต้องการร่วมกับสมาชิกกลุ่ม' : 'ทบทวนความต้องการหลังได้รับการพัฒนา',
          items: items.map(([area, problem, need], k) => ({ area, problem, need, priority: Math.min(3, k + 1) })),
        });
      }
    }

    const groupsFor = (k: number) =>
      districtGroups.length
        ? [districtGroups[k % districtGroups.length].id, districtGroups[(k + 1) % districtGroups.length].id]
        : [];
    const partnersFor = (k: number) => (partnerIds.length ? [partnerIds[k % partnerIds.length]] : []);

    /** A plan's projects, each reporting progress about every two months (once a month this year) up to today. */
    const addProjects = async (planId: number, from: string, until: string, picks: number[], step: number) => {
      for (const [n, k] of picks.entries()) {
        const [title, objectives, indicators, baht] = PROJECTS[k];
        const startsOn = addDays(from, n * 14);
        const endsOn = addDays(until, -n * 10);
        const projectId = await db.transaction((tx) =>
          insertProject(tx, actor, planId, {
            title,
            objectives,
            targetDescription: 'กลุ่มอาชีพที่ลงทะเบียน OTOP และกลุ่มที่มีความต้องการตามผลการวิเคราะห์',
            targetGroupIds: [...new Set(groupsFor(k + n))],
            partnerIds: partnersFor(k),
            budgetSatang: String(baht * 100),
            indicators,
            startsOn,
            endsOn,
          }),
        );
        const span = (Date.parse(endsOn) - Date.parse(startsOn)) / 86_400_000;
        for (let day = step, i = 0; day <= span && addDays(startsOn, day) <= today; day += step, i++) {
          // Most projects finish; the last one of a plan falls a little short.
          const percent = Math.min(100, Math.round(((day / span) * 100 * (n === picks.length - 1 ? 85 : 100)) / 100));
          const update = {
            updatedOn: addDays(startsOn, day),
            progressPercent: percent,
            note: PROGRESS_NOTES[i % PROGRESS_NOTES.length],
          };
          await db.transaction((tx) => recordProjectUpdate(tx, actor, projectId, update));
        }
      }
    };

    const last = fiscalRange(year - 1);
    const lastPlan = await createPlan(db, actor, {
      orgUnitCode,
      title: `แผนพัฒนาศูนย์บริการฯ ระยะสั้น ปีงบประมาณ ${year - 1}`,
      term: 'short',
      firstYear: year - 1,
      lastYear: year - 1,
      goal: 'กลุ่มอาชีพได้รับการพัฒนาผลิตภัณฑ์และเข้าถึงตลาด',
      lessonIds: [],
    });
    await addProjects(lastPlan.id, addDays(last.start, 20), addDays(last.end, -15), [1, 0, 2, 4], 60);

    const longPlan = await createPlan(db, actor, {
      orgUnitCode,
      title: `แผนพัฒนาศูนย์บริการฯ ระยะยาว ปีงบประมาณ ${year - 1}–${year + 2}`,
      term: 'long',
      firstYear: year - 1,
      lastYear: year + 2,
      goal: 'ศูนย์ฯ เป็นที่พึ่งของกลุ่มอาชีพ กลุ่มเติบโตเป็นวิสาหกิจชุมชนและ SME',
      lessonIds: [],
    });
    await addProjects(longPlan.id, addDays(last.start, 30), fiscalRange(year + 1).end, [3, 5, 4], 90);

    // Last year's lessons, on last year's plan; then this year's plan answers them.
    const lessonIds: number[] = [];
    for (const quarter of [undefined, 2, 4] as const) {
      const lesson = await createLesson(db, actor, {
        orgUnitCode,
        fiscalYear: year - 1,
        quarter,
        planId: lastPlan.id,
        whatWorked:
          quarter === 2
            ? 'การออกหน่วยร่วมกับ อบต. ทำให้พบกลุ่มใหม่และกลุ่มเข้าถึงบริการได้ง่าย'
            : 'การอบรมเชิงปฏิบัติการรายกลุ่มได้ผลดีกว่าการบรรยายรวม กลุ่มนำไปใช้ได้ทันที',
        problems:
          quarter === 4 ? 'งบประมาณมาช้า กิจกรรมไตรมาสสุดท้ายต้องเลื่อน' : 'กลุ่มขาดเงินทุนหมุนเวียน และยื่นขอ มผช. ได้ช้าเพราะเอกสารไม่ครบ',
        changes: quarter === 4 ? 'วางแผนกิจกรรมให้เสร็จภายในไตรมาสที่สาม' : 'ประสาน ธ.ก.ส. ตั้งแต่ต้นปี และช่วยกลุ่มเตรียมเอกสาร มผช. ล่วงหน้า',
      });
      lessonIds.push(lesson.id);
    }
    const current = fiscalRange(year);
    const thisPlan = await createPlan(db, actor, {
      orgUnitCode,
      title: `แผนพัฒนาศูนย์บริการฯ ระยะสั้น ปีงบประมาณ ${year}`,
      term: 'short',
      firstYear: year,
      lastYear: year,
      goal: 'กลุ่มอาชีพได้มาตรฐาน เข้าถึงแหล่งทุน และมีรายได้เพิ่มขึ้น',
      lessonIds,
    });
    await addProjects(thisPlan.id, addDays(current.start, 7), addDays(current.end, -30), [3, 1, 2, 5, 0], 30);

    // A quarter or two of this year, as they begin.
    for (let quarter = 1; quarter <= Math.min(thisQuarter, 2); quarter++)
      await createLesson(db, actor, {
        orgUnitCode,
        fiscalYear: year,
        quarter,
        planId: thisPlan.id,
        whatWorked: 'ประสาน ธ.ก.ส. ได้ตั้งแต่ต้นปี กลุ่มยื่นขอสินเชื่อได้เร็วขึ้น',
        problems: 'สมาชิกกลุ่มว่างไม่ตรงกันในช่วงเก็บเกี่ยว',
        changes: 'จัดกิจกรรมช่วงเย็นหรือวันหยุด และออกหน่วยถึงหมู่บ้าน',
      });
  }
}
