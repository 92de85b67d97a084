/**
 * The demo's service requests and referrals (demo data only), over the previous and the current fiscal year: a few
 * dozen requests per district by walk-in, phone and letter, moved along their statuses as a center would (most done,
 * some declined with a reason, the latest still new or in progress), several answered by the demo services of the
 * same group, and referrals to the province, the department and the BAAC partner (groups at market access asking for
 * credit), most with their results, and a few new requests citizens sent from the public portal. Made through the
 * same services officers use and the portal's form uses.
 */
import { and, asc, eq, inArray, isNull, like } from 'drizzle-orm';
import { addDays, fiscalRange, fiscalYearOf } from '#shared/thai/index';
import type { Actor } from '../access';
import { thaiToday } from '../clock';
import type { Db } from '../db/client';
import { groups, partners, people, serviceGroups, services, users } from '../db/schema';
import { createReferral, updateReferral } from '../features/requests/referrals.service';
import { changeRequestStatus, createPortalRequest, insertRequest } from '../features/requests/requests.service';

const CHANNELS = ['walk_in', 'phone', 'letter', 'phone'] as const;
/** What people ask for, by subject (a service_type code). */
const ASKS: [string, string][] = [
  ['otop_registration', 'สอบถามขั้นตอนและเอกสารการขึ้นทะเบียนผู้ผลิต OTOP'],
  ['standards', 'ขอคำแนะนำการยื่นขอมาตรฐานผลิตภัณฑ์ชุมชน (มผช.)'],
  ['market_channels', 'ต้องการหาช่องทางวางขายผลิตภัณฑ์ในศูนย์จำหน่ายสินค้า'],
  ['funding_access', 'ขอคำแนะนำการกู้เงินทุนหมุนเวียนเพื่อซื้อวัตถุดิบ'],
  ['topic_value_adding', 'ขอความช่วยเหลือออกแบบบรรจุภัณฑ์ใหม่'],
  ['topic_marketing', 'อยากเรียนรู้การขายผ่านช่องทางออนไลน์'],
  ['group_forming', 'ต้องการรวมกลุ่มแม่บ้านเพื่อทำขนมพื้นบ้าน'],
  ['topic_basic_business', 'ขอให้สอนการทำบัญชีรายรับรายจ่ายของกลุ่ม'],
];
const WALK_INS = [
  ['นายบุญมี ศรีสุข', '0812233445'],
  ['นางสาวจันทร์เพ็ญ พรมมา', '0891122334'],
  ['นางคำแพง ทองดี', '0865544332'],
] as const;
const DECLINE_REASONS = [
  'เรื่องที่ขออยู่นอกภารกิจของศูนย์ฯ ได้แนะนำให้ติดต่อสำนักงานเกษตรอำเภอ',
  'ผู้ขอไม่ได้อยู่ในพื้นที่อำเภอ ได้แนะนำศูนย์ฯ ของอำเภอที่อยู่อาศัย',
];

export async function seedDemoRequests(db: Db): Promise<void> {
  const today = thaiToday();
  const start = fiscalRange(fiscalYearOf(today).fiscalYear - 1).start;
  const span = Math.max(1, Math.round((Date.parse(today) - Date.parse(start)) / 86_400_000));
  const accounts = await db
    .select()
    .from(users)
    .where(inArray(users.username, ['demo-district', 'demo-committee', 'demo-district-2']));
  const actorOf = (username: string, orgUnitCode: string): Actor => {
    const u = accounts.find((a) => a.username === username)!;
    return { userId: u.id, username, role: u.role, orgUnitCode };
  };
  for (const [orgUnitCode, officer, committee, count] of [
    ['3401', 'demo-district', 'demo-committee', 40],
    ['3415', 'demo-district-2', undefined, 28],
  ] as const) {
    const actor = actorOf(officer, orgUnitCode);
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
    const [baac] = await db
      .select()
      .from(partners)
      .where(and(eq(partners.orgUnitCode, orgUnitCode), like(partners.name, 'ธนาคารเพื่อการเกษตร%')));

    /** Records a request and moves it through `steps` (each a status and what goes with it). */
    const request = async (
      i: number,
      receivedOn: string,
      client: { groupId?: number; personId?: number; clientName?: string; clientPhone?: string },
      [subjectCode, description]: [string, string],
      steps: { status: 'accepted' | 'in_progress' | 'done' | 'declined'; serviceId?: number; declineReason?: string }[],
    ) => {
      const by = committee && i % 4 === 1 ? actorOf(committee, orgUnitCode) : actor;
      return db.transaction(async (tx) => {
        const { id, version } = await insertRequest(tx, by, {
          orgUnitCode,
          channel: CHANNELS[i % CHANNELS.length],
          receivedOn,
          clientName: '',
          ...client,
          subjectCode,
          description,
        });
        let at = version;
        for (const step of steps) at = await changeRequestStatus(tx, actor, id, { version: at, ...step });
        return { id };
      });
    };

    // Requests spread over the two years; the latest still new or in progress, the rest closed one way or another.
    for (let i = 0; i < count; i++) {
      const receivedOn = addDays(start, Math.floor((i * span) / count));
      const age = Math.round((Date.parse(today) - Date.parse(receivedOn)) / 86_400_000);
      const group = districtGroups[i % districtGroups.length];
      const walkIn = WALK_INS[i % WALK_INS.length];
      const client =
        i % 5 === 4
          ? { clientName: walkIn[0], clientPhone: walkIn[1] }
          : i % 3 === 1
            ? { personId: districtPeople[i % districtPeople.length].id }
            : { groupId: group.id };
      const steps: Parameters<typeof request>[4] =
        i >= count - 3 || age < 7
          ? []
          : i === count - 4
            ? [{ status: 'accepted' }]
            : i >= count - 6 || age < 20
              ? [{ status: 'accepted' }, { status: 'in_progress' }]
              : i % 9 === 0
                ? [{ status: 'declined', declineReason: DECLINE_REASONS[i % DECLINE_REASONS.length] }]
                : [{ status: 'accepted' }, { status: 'in_progress' }, { status: 'done' }];
      await request(i, receivedOn, client, ASKS[i % ASKS.length], steps);
    }

    // Requests answered by the demo services: the group asked a few days before it was served.
    const served = await db
      .select({
        id: services.id,
        serviceDate: services.serviceDate,
        description: services.description,
        groupId: serviceGroups.groupId,
      })
      .from(services)
      .innerJoin(serviceGroups, eq(serviceGroups.serviceId, services.id))
      .where(and(eq(services.orgUnitCode, orgUnitCode), isNull(services.deletedAt)))
      .orderBy(asc(services.serviceDate), asc(services.id));
    for (const [k, s] of served
      .filter((_, n) => n % 3 === 1)
      .slice(0, 6)
      .entries()) {
      const receivedOn = [start, addDays(s.serviceDate, -3)].sort()[1];
      await request(
        k,
        receivedOn,
        { groupId: s.groupId },
        [ASKS[k % ASKS.length][0], `ขอรับบริการ: ${s.description}`],
        [{ status: 'accepted' }, { status: 'done', serviceId: s.id }],
      );
    }

    // Referrals beyond the center: credit for groups that reached the market goes to BAAC (else the group furthest
    // along), the rest up the line.
    const LATER = ['market_access', 'funding_access', 'grown'];
    const reached = districtGroups.filter((g) => LATER.includes(g.stage));
    const market = reached.length ? reached : [districtGroups.at(-1)!];
    const targets = [
      ...market.map((g) => ({ group: g, level: 'partner' as const })),
      { group: districtGroups[1 % districtGroups.length], level: 'province' as const },
      { group: districtGroups[2 % districtGroups.length], level: 'national' as const },
      { group: districtGroups[3 % districtGroups.length], level: 'province' as const },
    ];
    for (const [k, target] of targets.entries()) {
      const receivedOn = addDays(today, -(150 - k * 23));
      // Without a BAAC partner record, credit goes to the province office instead.
      const partner = target.level === 'partner' && baac;
      const r = await request(
        k,
        receivedOn,
        { groupId: target.group.id },
        partner
          ? ['funding_access', 'กลุ่มต้องการสินเชื่อเพื่อขยายการผลิตรองรับคำสั่งซื้อ']
          : ['capacity_referral', 'กลุ่มขอรับการพัฒนาศักยภาพสู่ผู้ประกอบการ SME'],
        [{ status: 'accepted' }],
      );
      const referredOn = addDays(receivedOn, 5);
      const referral = await createReferral(db, actor, {
        requestId: r.id,
        targetLevel: partner ? 'partner' : target.level === 'partner' ? 'province' : target.level,
        partnerId: partner ? baac.id : undefined,
        targetName: partner ? '' : target.level === 'national' ? 'กรมการพัฒนาชุมชน' : 'สำนักงานพัฒนาชุมชนจังหวัดอุบลราชธานี',
        reason: partner
          ? 'วงเงินที่ต้องการเกินกองทุนในหมู่บ้าน ส่งต่อ ธ.ก.ส. พิจารณาสินเชื่อ'
          : 'เกินศักยภาพของศูนย์ฯ ขอรับการสนับสนุนจากหน่วยงานระดับสูง',
        referredOn,
      });
      // The one sent last is still awaited; the others have their results.
      if (k === targets.length - 1) continue;
      const accepted = await updateReferral(db, actor, referral.id, {
        version: referral.version,
        status: 'accepted',
        result: 'หน่วยงานรับเรื่องแล้ว',
      });
      if (k % 2 === 1 && !partner) continue;
      await updateReferral(db, actor, referral.id, {
        version: accepted.version,
        status: k === 2 && !partner ? 'not_accepted' : 'completed',
        result: partner ? 'ธ.ก.ส. อนุมัติสินเชื่อเพื่อการผลิตให้กลุ่ม' : 'จังหวัดจัดให้กลุ่มเข้าอบรมหลักสูตรพัฒนาผู้ประกอบการ',
        resultOn: addDays(referredOn, 20),
      });
    }
  }
  await seedPortalRequests(db);
}

/** What citizens sent from the public portal that nobody at the center has read yet (the inbox's "new" requests). */
const FROM_THE_PORTAL = [
  {
    orgUnitCode: '3401',
    clientName: 'นางบัวเรียน คำสุข',
    clientPhone: '0934455667',
    subjectCode: 'standards',
    description: 'กลุ่มทอผ้าของบ้านหนองบัวอยากยื่นขอ มผช. ผ้าไหม ต้องเตรียมอะไรบ้าง',
  },
  {
    orgUnitCode: '3401',
    clientName: 'นายสมพงษ์ ใจกล้า',
    clientPhone: '0856677889',
    subjectCode: 'market_channels',
    description: 'ทำน้ำพริกปลาร้าขายในหมู่บ้าน อยากนำไปวางขายที่ศูนย์จำหน่ายสินค้าของอำเภอ',
  },
  {
    orgUnitCode: '3415',
    clientName: 'นางสาวอรุณี แสงทอง',
    clientPhone: '0817788990',
    subjectCode: 'group_forming',
    description: 'แม่บ้านในหมู่บ้านสิบคนอยากรวมกลุ่มทำขนมนางเล็ด ขอคำแนะนำการตั้งกลุ่ม',
  },
];

async function seedPortalRequests(db: Db) {
  // The follow link's secret goes to the citizen only; the demo has no citizen to give it to.
  for (const input of FROM_THE_PORTAL) await createPortalRequest(db, input);
}
