/**
 * The demo's quarterly reports (demo data only): each ended quarter of the two demo fiscal years for 3401, 3415 and
 * most other Ubon Ratchathani districts, written, submitted (figures taken from the records) and approved by the
 * province, which locks the approved quarters. The last ended quarter is waiting for the province from 3401 and was
 * returned to 3415 with a comment; a few districts never reported, some not the last quarter. 3401's quarters stay
 * unlocked (browser tests record past-dated work there). Runs last, after every step that writes records: a lock
 * freezes the records dated in its quarter, and a report's figures are the records as they stand when it is sent.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { fiscalRange, fiscalYearOf } from '#shared/thai/index';
import type { Actor } from '../access';
import { thaiToday } from '../clock';
import type { Db } from '../db/client';
import { orgUnits, users } from '../db/schema';
import { insertLock } from '../features/reports/quarter-locks.service';
import { decideReport, insertReport, sendReport } from '../features/reports/reports.service';

type Quarter = 1 | 2 | 3 | 4;
const NARRATIVES = [
  'ศูนย์ฯ ให้บริการกลุ่มอาชีพทั้งเชิงรับและเชิงรุก จัดอบรมพัฒนาผลิตภัณฑ์ร่วมกับภาคีเครือข่าย และติดตามผลการจำหน่ายของกลุ่ม',
  'ศูนย์ฯ ประชุมคณะกรรมการ ออกหน่วยให้บริการในตำบล และประสานแหล่งทุนให้กลุ่มที่พร้อมขยายการผลิต',
  'ศูนย์ฯ ส่งเสริมการขึ้นทะเบียน OTOP และการยื่นขอมาตรฐานผลิตภัณฑ์ชุมชน พร้อมจัดตลาดนัดชุมชนร่วมกับภาคีเครือข่าย',
];
const PROBLEMS = ['งบประมาณได้รับล่าช้ากว่าแผน', 'กลุ่มอาชีพบางกลุ่มยังขาดความต่อเนื่องในการผลิต', 'สมาชิกกลุ่มส่วนใหญ่เป็นผู้สูงอายุ'];
const SUPPORT = ['ขอวิทยากรด้านบรรจุภัณฑ์และการตลาดออนไลน์', 'ขอสนับสนุนงบประมาณจัดตลาดนัดชุมชน', 'ขอประสานหน่วยงานมาตรฐานผลิตภัณฑ์'];

/** The demo's district officers: the demo accounts for 3401 and 3415, an inactive stand-in for the other districts. */
async function officersOf(db: Db, districts: { code: string; nameTh: string }[]): Promise<Map<string, Actor>> {
  const others = districts.filter((d) => d.code !== '3401' && d.code !== '3415');
  if (others.length)
    await db
      .insert(users)
      .values(
        others.map((d) => ({
          username: `demo-officer-${d.code}`,
          displayName: `พัฒนาการอำเภอ${d.nameTh} (สาธิต)`,
          // Never signs in: an inactive account with no usable password, named on its district's reports.
          passwordHash: '!',
          role: 'district_officer' as const,
          orgUnitCode: d.code,
          active: false,
        })),
      )
      .onConflictDoNothing();
  const rows = await db
    .select()
    .from(users)
    .where(
      and(
        eq(users.role, 'district_officer'),
        inArray(
          users.orgUnitCode,
          districts.map((d) => d.code),
        ),
      ),
    );
  const officers = new Map<string, Actor>();
  for (const d of districts) {
    const preferred = d.code === '3401' ? 'demo-district' : d.code === '3415' ? 'demo-district-2' : `demo-officer-${d.code}`;
    const u = rows.find((r) => r.username === preferred)!;
    officers.set(d.code, { userId: u.id, username: u.username, role: u.role, orgUnitCode: d.code });
  }
  return officers;
}

export async function seedDemoReports(db: Db): Promise<void> {
  // The demo writes all its records in one transaction, and the summary triggers of services, sales, funding and the
  // like are deferred to its commit (decision 026): until they run, the figures a report takes miss those records.
  // Running them now makes every report count what a district sending it after the records were saved would.
  await db.execute(sql`set constraints all immediate`);
  const today = thaiToday();
  const { fiscalYear } = fiscalYearOf(today);
  const quarters = [fiscalYear - 1, fiscalYear]
    .flatMap((fy) => ([1, 2, 3, 4] as const).map((quarter) => ({ fiscalYear: fy, quarter: quarter as Quarter })))
    .filter((q) => fiscalRange(q.fiscalYear, q.quarter).end < today);
  const last = quarters.at(-1);
  const districts = await db
    .select({ code: orgUnits.code, nameTh: orgUnits.nameTh })
    .from(orgUnits)
    .where(and(eq(orgUnits.parentCode, '34'), eq(orgUnits.covered, true)))
    .orderBy(orgUnits.code);
  const [province] = await db.select().from(users).where(eq(users.username, 'demo-province'));
  const reviewer: Actor = { userId: province.id, username: province.username, role: province.role, orgUnitCode: '34' };
  const officers = await officersOf(db, districts);

  for (const [i, district] of districts.entries()) {
    const demo = district.code === '3401' || district.code === '3415';
    // Every fifth other district never reports; every third has not sent the last quarter yet.
    if (!demo && i % 5 === 3) continue;
    const officer = officers.get(district.code)!;
    for (const [n, q] of quarters.entries()) {
      const isLast = q === last;
      if (!demo && isLast && i % 3 === 0) continue;
      const words = {
        narrative: NARRATIVES[(i + n) % NARRATIVES.length],
        problems: PROBLEMS[(i + n) % PROBLEMS.length],
        supportNeeded: SUPPORT[(i + n) % SUPPORT.length],
      };
      const draft = await db.transaction((tx) => insertReport(tx, officer, { orgUnitCode: district.code, ...q, ...words }));
      const sentVersion = await db.transaction((tx) => sendReport(tx, officer, draft.id, { version: draft.version }));
      if (isLast && district.code === '3401') continue;
      if (isLast && district.code === '3415') {
        await db.transaction((tx) =>
          decideReport(tx, reviewer, draft.id, {
            version: sentVersion,
            decision: 'return',
            comment: 'กรุณาเพิ่มรายละเอียดผลการอบรมและจำนวนผู้เข้าร่วม พร้อมแนบภาพกิจกรรม',
          }),
        );
        continue;
      }
      // Some districts' last quarter still waits for the province.
      if (isLast && i % 4 === 1) continue;
      await db.transaction((tx) =>
        decideReport(tx, reviewer, draft.id, { version: sentVersion, decision: 'approve', comment: '' }),
      );
      if (district.code !== '3401') await db.transaction((tx) => insertLock(tx, reviewer, { unit: district.code, ...q }));
    }
  }
}
