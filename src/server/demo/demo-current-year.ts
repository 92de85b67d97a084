/**
 * The current fiscal year of the demo: an activity allocated to Ubon's districts with some spending, and cash
 * advances in several states, each drawn on the activity and approved by demo-chief under the governor's standing
 * order: an overdue one of demo-staff, one of demo-district repaid with receipts and cash, and in 3415 one waiting for
 * approval (3415 has no chief account). Borrowers are officials only, and demo-district starts free to borrow.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { addDays, fiscalRange, fiscalYearOf } from '#shared/thai/index';
import type { Actor } from '../access';
import { thaiToday } from '../clock';
import type { Db } from '../db/client';
import { allocations, budgetItems, users } from '../db/schema';
import { approveAdvance, createAdvance, repayAdvance } from '../features/advances/advances.service';
import { allocate, createBudgetItem } from '../features/budget/budget.service';
import { approvePayment, disburse } from '../features/spending/spending.service';
import { demoStandingOrderId } from './demo-delegations';

export async function seedDemoCurrentYear(db: Db): Promise<void> {
  const rows = await db
    .select()
    .from(users)
    .where(inArray(users.username, ['demo-district', 'demo-district-2', 'demo-committee', 'demo-province']));
  const id = (username: string) => rows.find((u) => u.username === username)!.id;
  const as = (username: string, orgUnitCode: string): Actor => ({
    userId: id(username),
    username,
    role: 'district_officer',
    orgUnitCode,
  });
  await seedCurrentYearSpending(db, as);
  await seedCurrentYearAdvances(db);
}

async function seedCurrentYearAdvances(db: Db) {
  const people = await db
    .select()
    .from(users)
    .where(inArray(users.username, ['demo-district', 'demo-staff', 'demo-chief', 'demo-district-2', 'demo-province']));
  const person = (username: string) => people.find((u) => u.username === username)!;
  const as = (username: string): Actor => {
    const u = person(username);
    return { userId: u.id, username, role: u.role, orgUnitCode: u.orgUnitCode };
  };
  const today = thaiToday();
  const { fiscalYear, quarter } = fiscalYearOf(today);
  const [{ itemId }] = await db
    .select({ itemId: budgetItems.id })
    .from(budgetItems)
    .innerJoin(allocations, eq(allocations.itemId, budgetItems.id))
    .where(and(eq(budgetItems.fiscalYear, fiscalYear), eq(budgetItems.level, 'activity'), eq(allocations.toUnitCode, '3401')))
    .limit(1);
  const orderId = await demoStandingOrderId(db);
  // Receipts are dated inside the quarter the money was allocated in (the seed: disburse within the quarter).
  const { start } = fiscalRange(fiscalYear, quarter);
  const inQuarter = (day: string) => (day < start ? start : day);
  const approve = (advance: { id: number; version: number }, approvedOn: string) =>
    approveAdvance(db, as('demo-chief'), advance.id, {
      delegationOrderId: orderId,
      approvedOn,
      note: '',
      version: advance.version,
    });

  // Overdue: demo-staff borrowed 40 days ago for the monthly activity and has not repaid.
  const overdue = await createAdvance(db, as('demo-district'), {
    orgUnitCode: '3401',
    borrowerId: person('demo-staff').id,
    itemId,
    purpose: 'ค่าวัสดุกิจกรรมส่งเสริมกลุ่มอาชีพประจำเดือน',
    ruleCode: 'activity',
    amountSatang: '250000',
    receivedOn: addDays(today, -40),
  });
  await approve(overdue, addDays(today, -40));
  // Repaid: demo-district's travel advance, cleared with two receipts, the rest returned in cash.
  const repaid = await createAdvance(db, as('demo-staff'), {
    orgUnitCode: '3401',
    borrowerId: person('demo-district').id,
    itemId,
    purpose: 'ค่าใช้จ่ายเดินทางไปประชุมคณะกรรมการศูนย์ฯ ระดับจังหวัด',
    ruleCode: 'travel',
    amountSatang: '180000',
    receivedOn: addDays(today, -30),
    returnedOn: addDays(today, -20),
  });
  await approve(repaid, addDays(today, -30));
  const paidOn = inQuarter(addDays(today, -19));
  await repayAdvance(db, as('demo-district'), repaid.id, {
    kind: 'receipts',
    repaidOn: inQuarter(addDays(today, -18)),
    receipts: [
      {
        paidOn,
        description: 'ค่าเบี้ยเลี้ยงเดินทางไปราชการ',
        category: 'compensation',
        amountSatang: '72000',
        procurementMethod: 'none',
        vendor: '',
        documentNo: `บค 14/${fiscalYear}`,
        outsideQuarterReason: '',
      },
      {
        paidOn,
        description: 'ค่าเช่ารถตู้เดินทางไปประชุม',
        category: 'services',
        amountSatang: '78000',
        procurementMethod: 'specific',
        vendor: 'ห้างหุ้นส่วนจำกัด อุบลทัวร์',
        documentNo: `บค 15/${fiscalYear}`,
        outsideQuarterReason: '',
      },
    ],
  });
  await repayAdvance(db, as('demo-district'), repaid.id, {
    kind: 'cash',
    amountSatang: '30000',
    repaidOn: inQuarter(addDays(today, -18)),
  });
  // Waiting: 3415 asked for an advance for an OTOP exhibition; no one there holds the authority to approve it yet.
  await createAdvance(db, as('demo-district-2'), {
    orgUnitCode: '3415',
    borrowerId: person('demo-district-2').id,
    itemId,
    purpose: 'ค่าวัสดุจัดนิทรรศการผลิตภัณฑ์ OTOP',
    ruleCode: 'activity',
    amountSatang: '300000',
    receivedOn: addDays(today, 3),
  });
}

/**
 * Spending of the current year: 3401's materials approved by its district chief under the province's standing
 * delegation order, a second 3401 payment waiting for the chief, and 3415's
 * payment waiting too (3415 has no chief account in the demo). Payments fall inside the allocated quarter.
 */
async function seedCurrentYearSpending(db: Db, as: (username: string, orgUnitCode: string) => Actor) {
  const today = thaiToday();
  const { fiscalYear, quarter } = fiscalYearOf(today);
  const nation: Actor = { userId: 0, username: 'demo-seed', role: 'national_admin', orgUnitCode: 'TH' };
  const province: Actor = { userId: 0, username: 'demo-seed', role: 'province_officer', orgUnitCode: '34' };
  const activity = await createBudgetItem(db, nation, {
    fiscalYear,
    level: 'activity',
    name: 'การขับเคลื่อนศูนย์บริการส่งเสริมเศรษฐกิจฐานรากสู่การพัฒนาผลิตภัณฑ์ OTOP',
    objectives: 'ศูนย์ฯ จัดกิจกรรมส่งเสริมกลุ่มอาชีพอย่างน้อยเดือนละ 1 ครั้ง',
    indicators: 'กลุ่มอาชีพได้รับการส่งเสริมอย่างน้อยอำเภอละ 3 กลุ่ม',
    responsibleUnitCode: 'TH',
    quarters: [quarter],
    budgetSatang: '263400000',
    notes: 'ข้อมูลสาธิตของปีงบประมาณปัจจุบัน',
  });
  await allocate(db, nation, {
    itemId: activity.id,
    fromUnitCode: 'TH',
    toUnitCode: '34',
    quarter,
    category: 'materials',
    amountSatang: '7500000',
    note: '',
  });
  for (const code of ['3401', '3415', '3419']) {
    await allocate(db, province, {
      itemId: activity.id,
      fromUnitCode: '34',
      toUnitCode: code,
      quarter,
      category: 'materials',
      amountSatang: '2500000',
      note: '',
    });
  }
  // Within the quarter: a day early in the quarter stays on its first day rather than fall in the one before.
  const { start } = fiscalRange(fiscalYear, quarter);
  const dayWithin = (daysAgo: number) => [start, addDays(today, -daysAgo)].sort()[1];
  const pay = async (
    orgUnitCode: string,
    username: string,
    payment: { description: string; amountSatang: string; paidOn: string; documentNo: string; vendor: string },
  ) => {
    const spending = await disburse(db, as(username, orgUnitCode), {
      itemId: activity.id,
      orgUnitCode,
      category: 'materials',
      procurementMethod: 'specific',
      outsideQuarterReason: '',
      ...payment,
    });
    return spending.items.find((p) => p.documentNo === payment.documentNo)!;
  };
  const approved = await pay('3401', 'demo-district', {
    description: 'วัสดุจัดมุมจำหน่ายผลิตภัณฑ์ OTOP',
    amountSatang: '850000',
    paidOn: dayWithin(12),
    documentNo: `บจ 3/${fiscalYear}`,
    vendor: 'ห้างหุ้นส่วนจำกัด อุบลพัสดุภัณฑ์',
  });
  const [chief] = await db.select().from(users).where(eq(users.username, 'demo-chief'));
  const chiefActor: Actor = { userId: chief.id, username: chief.username, role: chief.role, orgUnitCode: chief.orgUnitCode };
  await approvePayment(db, chiefActor, approved.id, {
    delegationOrderId: await demoStandingOrderId(db),
    approvedOn: approved.paidOn,
    note: 'ตรวจสอบใบเสร็จรับเงินและใบตรวจรับพัสดุครบถ้วน',
    version: approved.version,
  });
  await pay('3401', 'demo-district', {
    description: 'ค่าจัดทำป้ายประชาสัมพันธ์ศูนย์บริการส่งเสริมเศรษฐกิจฐานราก',
    amountSatang: '240000',
    paidOn: dayWithin(2),
    documentNo: `บจ 7/${fiscalYear}`,
    vendor: 'ร้านอุบลป้ายและการพิมพ์',
  });
  await pay('3415', 'demo-district-2', {
    description: 'วัสดุฝึกอบรมการออกแบบบรรจุภัณฑ์',
    amountSatang: '1200000',
    paidOn: dayWithin(8),
    documentNo: `บจ 5/${fiscalYear}`,
    vendor: 'ห้างหุ้นส่วนจำกัด อุบลพัสดุภัณฑ์',
  });
}
