/**
 * The demo's committee meetings and publicity posts (demo data only), over the previous and the current fiscal year,
 * for every Ubon Ratchathani district with a committee term in force (from the committees' demo, which runs first).
 * Most districts meet once a quarter, some skip quarters (so the province's matrix shows gaps); 3401 keeps full
 * minutes with resolutions in every follow-up state and has its next meeting planned. 3401 and 3415 post news most
 * months, some public with a photo; a few other districts post now and then. Made through the same services officers use.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq, gte, inArray, isNull, lte, sql } from 'drizzle-orm';
import { STANDARD_AGENDA } from '#shared/meetings';
import type { POST_CHANNELS } from '#shared/posts';
import { addDays, fiscalRange, fiscalYearOf } from '#shared/thai/index';
import type { Actor } from '../access';
import { thaiToday } from '../clock';
import type { Db } from '../db/client';
import { committees, orgUnits, quarterLocks, users } from '../db/schema';
import { insertMeeting, recordMinutes } from '../features/meetings/meetings.service';
import { changeResolution } from '../features/meetings/resolutions.service';
import { addPostPhoto, createPost } from '../features/posts/posts.service';

const OWN: Record<string, string> = { '3401': 'demo-district', '3415': 'demo-district-2' };
const RESOLVED = [
  'มอบหมายให้ออกหน่วยบริการเชิงรุกในตำบลที่ยังไม่มีกลุ่มอาชีพเข้าร่วม',
  'ให้จัดทำแผนพัฒนากลุ่มทอผ้าไหมเพื่อยื่นขอมาตรฐานผลิตภัณฑ์ชุมชน',
  'ให้ประสานธนาคารเพื่อการเกษตรและสหกรณ์การเกษตรจัดเวทีให้ความรู้แหล่งทุน',
  'มอบหมายฝ่ายประชาสัมพันธ์เผยแพร่ผลการดำเนินงานของศูนย์ทางเพจเฟซบุ๊ก',
];
const NEWS: [string, string][] = [
  ['ศูนย์ฯ ออกหน่วยบริการเชิงรุก', 'คณะกรรมการศูนย์บริการส่งเสริมเศรษฐกิจฐานรากออกหน่วยให้คำปรึกษาด้านการตลาดและบรรจุภัณฑ์แก่กลุ่มอาชีพ'],
  ['อบรมการขายสินค้าออนไลน์', 'ศูนย์ฯ จัดอบรมการถ่ายภาพสินค้าและการขายผ่านเฟซบุ๊กให้สมาชิกกลุ่มทอผ้าไหมและกลุ่มแปรรูปข้าว'],
  ['ตลาดนัดสินค้าชุมชน', 'กลุ่มอาชีพนำผลิตภัณฑ์ข้าวหอมมะลิ ผ้าไหม และขนมพื้นบ้านมาจำหน่ายหน้าที่ว่าการอำเภอ'],
  ['ประชุมคณะกรรมการศูนย์ฯ', 'คณะกรรมการศูนย์ฯ ประชุมติดตามผลการดำเนินงานและวางแผนการส่งเสริมกลุ่มในไตรมาสถัดไป'],
  ['กลุ่มอาชีพได้รับมาตรฐาน มผช.', 'ศูนย์ฯ แสดงความยินดีกับกลุ่มแปรรูปสมุนไพรที่ได้รับการรับรองมาตรฐานผลิตภัณฑ์ชุมชน'],
];
const CHANNEL_SETS: (typeof POST_CHANNELS)[number][][] = [
  ['facebook', 'line'],
  ['website', 'facebook'],
  ['board'],
  ['radio', 'line'],
];
const COLOURS = ['#7a4e2d', '#2f6b4f', '#8a6d1d', '#3d5a80'];

export async function seedDemoMeetings(db: Db): Promise<void> {
  const today = thaiToday();
  const start = fiscalRange(fiscalYearOf(today).fiscalYear - 1).start;
  const accounts = await db
    .select()
    .from(users)
    .where(inArray(users.username, ['demo-district', 'demo-district-2', 'demo-province']));
  const id = (username: string) => accounts.find((u) => u.username === username)!.id;
  // Districts without a demo account are written in the province officer's name, acting as the district.
  const actorOf = (unit: string): Actor => {
    const username = OWN[unit] ?? 'demo-province';
    return { userId: id(username), username, role: 'district_officer', orgUnitCode: unit };
  };
  const districts = await db
    .select({ code: orgUnits.code })
    .from(orgUnits)
    .where(eq(orgUnits.parentCode, '34'))
    .orderBy(orgUnits.code);
  const files = await mkdtemp(join(tmpdir(), 'thanrak-demo-posts-'));
  try {
    for (const [k, { code }] of districts.entries()) {
      const actor = actorOf(code);
      await seedMeetings(db, actor, k, start, today);
      if (OWN[code] || k % 4 === 2) await seedPosts(db, actor, k, start, today, files);
    }
  } finally {
    await rm(files, { recursive: true, force: true });
  }
}

/** Whether a committee term of the district is in force on the day, and the day's quarter is not locked. */
async function canMeet(db: Db, unit: string, day: string) {
  const [term] = await db
    .select({
      id: committees.id,
      members: sql<number>`(select count(*) from committee_members m where m.committee_id = "committees"."id")::int`,
    })
    .from(committees)
    .where(
      and(
        eq(committees.orgUnitCode, unit),
        isNull(committees.deletedAt),
        lte(committees.termStart, day),
        gte(committees.termEnd, day),
      ),
    );
  if (!term) return false;
  const { fiscalYear, quarter } = fiscalYearOf(day);
  const [lock] = await db
    .select({ id: quarterLocks.id })
    .from(quarterLocks)
    .where(
      and(
        eq(quarterLocks.orgUnitCode, unit),
        eq(quarterLocks.fiscalYear, fiscalYear),
        eq(quarterLocks.quarter, quarter),
        isNull(quarterLocks.unlockedAt),
      ),
    );
  return !lock;
}

async function seedMeetings(db: Db, actor: Actor, k: number, start: string, today: string) {
  const unit = actor.orgUnitCode;
  const full = unit === '3401';
  const quarters: string[] = [];
  for (let q = start; q <= today; q = addDays(fiscalRange(fiscalYearOf(q).fiscalYear, fiscalYearOf(q).quarter).end, 1))
    quarters.push(q);
  for (const [i, quarterStart] of quarters.entries()) {
    // Some districts miss a quarter now and then: the matrix shows the gaps.
    if (!OWN[unit] && (k + i) % 4 === 0) continue;
    const heldOn = addDays(quarterStart, 20 + (k % 30));
    if (heldOn > today || !(await canMeet(db, unit, heldOn))) continue;
    const meeting = await db.transaction((tx) =>
      insertMeeting(tx, actor, {
        orgUnitCode: unit,
        heldOn,
        startsAt: '09:30',
        place: `ห้องประชุมที่ว่าการอำเภอ`,
        agenda: STANDARD_AGENDA,
      }),
    );
    const members = meeting.invited;
    // One meeting of a few districts fell short of the quorum (exactly half came).
    const short = !full && (k + i) % 7 === 3;
    const present = short ? Math.floor(members.length / 2) : members.length - 1 - ((k + i) % 3);
    const resolutions = short || !(full || unit === '3415') ? [] : RESOLVED.slice(0, full ? 3 : 1);
    const resolved = await db.transaction((tx) =>
      recordMinutes(tx, actor, meeting.id, {
        version: meeting.version,
        attendance: members.map((memberId, j) => ({ memberId, attended: j < present, note: j < present ? '' : 'ติดราชการ' })),
        guests: full ? 'นางสาวศิริพร ใจงาม นักวิชาการส่งเสริมการเกษตร สำนักงานเกษตรอำเภอ' : '',
        openedAt: '09:30',
        closedAt: '12:00',
        minutes: full
          ? [
              { seq: 1, minutes: 'ประธานแจ้งนโยบายกรมการพัฒนาชุมชนเรื่องการขับเคลื่อนศูนย์บริการส่งเสริมเศรษฐกิจฐานราก' },
              { seq: 2, minutes: 'ที่ประชุมรับรองรายงานการประชุมครั้งที่แล้วโดยไม่มีการแก้ไข' },
              { seq: 3, minutes: 'ฝ่ายเลขานุการรายงานผลการติดตามมติที่ประชุมครั้งที่แล้ว' },
              { seq: 4, minutes: 'ที่ประชุมพิจารณาแผนการส่งเสริมกลุ่มอาชีพในไตรมาสถัดไป' },
            ]
          : [],
        minutesBy: 'นางสาวพิมพ์ชนก บันทึกดี',
        minutesCheckedBy: 'นายประเสริฐ ตรวจสอบ',
        resolutions: resolutions.map((text, j) => ({
          agendaSeq: 4,
          text,
          ownerMemberId: members[j % members.length],
          dueOn: addDays(heldOn, 30 + j * 15),
        })),
      }),
    );
    // Older resolutions are done (or dropped); the latest stay open or in progress, one of them overdue.
    const recent = i >= quarters.length - 2;
    for (const [j, r] of resolved.entries()) {
      if (recent && j === 0) continue;
      const done = !recent && j !== 2;
      const doneOn = addDays(heldOn, 20 + j * 5);
      await db.transaction((tx) =>
        changeResolution(tx, actor, r.id, {
          version: r.version,
          status: done ? 'done' : recent ? 'in_progress' : 'dropped',
          followUp: done ? 'ดำเนินการแล้วเสร็จตามมติ' : recent ? 'อยู่ระหว่างประสานงาน' : 'ยกเลิกเนื่องจากงบประมาณไม่เพียงพอ',
          doneOn: done ? (doneOn > today ? today : doneOn) : null,
        }),
      );
    }
  }
  const ahead = addDays(today, 10);
  if (full && (await canMeet(db, unit, ahead)))
    await db.transaction((tx) =>
      insertMeeting(tx, actor, {
        orgUnitCode: unit,
        heldOn: ahead,
        startsAt: '13:30',
        place: 'ห้องประชุมศูนย์บริการส่งเสริมเศรษฐกิจฐานราก',
        agenda: STANDARD_AGENDA,
      }),
    );
}

async function seedPosts(db: Db, actor: Actor, k: number, start: string, today: string, files: string) {
  const own = !!OWN[actor.orgUnitCode];
  let n = 0;
  for (let month = start.slice(0, 7); `${month}-01` <= today; month = addDays(`${month}-28`, 5).slice(0, 7)) {
    n++;
    // The two demo districts post most months; the others every fourth month; some quarters go without.
    if (own ? n % 5 === 3 : n % 4 !== 1) continue;
    const day = `${month}-${String(8 + (k % 15)).padStart(2, '0')}`;
    if (day > today) continue;
    const [title, body] = NEWS[(n + k) % NEWS.length];
    const isPublic = n % 2 === 0;
    const post = await createPost(db, actor, {
      orgUnitCode: actor.orgUnitCode,
      title,
      body,
      channels: CHANNEL_SETS[(n + k) % CHANNEL_SETS.length],
      publishedOn: day,
      isPublic,
    });
    if (isPublic) {
      const path = join(files, `post-${post.id}.jpg`);
      const colour = COLOURS[n % COLOURS.length];
      const scene = `<svg width="800" height="533" xmlns="http://www.w3.org/2000/svg">
        <rect width="800" height="533" fill="${colour}"/><circle cx="620" cy="140" r="70" fill="#f2d16b"/>
        <path d="M0 420 L220 250 L400 400 L560 300 L800 460 L800 533 L0 533 Z" fill="#e8e1cf" opacity="0.85"/></svg>`;
      const { default: sharp } = await import('sharp');
      await sharp(Buffer.from(scene)).jpeg().toFile(path);
      await addPostPhoto(db, actor, post.id, { filename: `ภาพข่าว-${post.id}.jpg`, path, dispose: async () => {} });
    }
  }
  if (own)
    await createPost(db, actor, {
      orgUnitCode: actor.orgUnitCode,
      title: 'ร่าง: สรุปผลการดำเนินงานของศูนย์ฯ ประจำไตรมาส',
      body: 'ร่างข่าวรอผู้อำนวยการตรวจก่อนเผยแพร่',
      channels: [],
      publishedOn: null,
      isPublic: false,
    });
}
