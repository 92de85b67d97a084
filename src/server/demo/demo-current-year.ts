/**
 * The current fiscal year of the demo: an activity allocated to Ubon's districts with some spending, and cash
 * advances in several states (open, overdue, repaid in two parts). Borrowers are the committee member and the
 * second district, so demo-district starts free to borrow.
 */
import { eq, inArray } from 'drizzle-orm';
import { addDays, fiscalRange, fiscalYearOf } from '#shared/thai/index';
import { type Actor, authoritiesOf } from '../access';
import { thaiToday } from '../clock';
import type { Db } from '../db/client';
import { users } from '../db/schema';
import { createAdvance, repayAdvance } from '../features/advances/advances.service';
import { allocate, createBudgetItem } from '../features/budget/budget.service';
import { createDelegationOrder } from '../features/delegations/delegations.service';
import { approvePayment, disburse } from '../features/spending/spending.service';

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
  const today = thaiToday();
  await seedCurrentYearSpending(db, as);
  // Overdue: the committee member borrowed 40 days ago for the monthly activity and has not repaid.
  await createAdvance(db, as('demo-district', '3401'), {
    orgUnitCode: '3401',
    borrowerId: id('demo-committee'),
    approverId: id('demo-province'),
    purpose: 'ค่าวัสดุกิจกรรมส่งเสริมกลุ่มอาชีพประจำเดือน',
    ruleCode: 'activity',
    amountSatang: '250000',
    receivedOn: addDays(today, -40),
  });
  // Repaid in two parts (receipts, then cash), then an open one for the next trip.
  const repaid = await createAdvance(db, as('demo-district-2', '3415'), {
    orgUnitCode: '3415',
    borrowerId: id('demo-district-2'),
    approverId: id('demo-province'),
    purpose: 'ค่าเดินทางไปประชุมคณะกรรมการศูนย์ฯ ระดับจังหวัด',
    ruleCode: 'travel',
    amountSatang: '180000',
    receivedOn: addDays(today, -30),
    returnedOn: addDays(today, -27),
  });
  await repayAdvance(db, as('demo-district-2', '3415'), repaid.id, {
    kind: 'receipts',
    amountSatang: '150000',
    repaidOn: addDays(today, -20),
  });
  await repayAdvance(db, as('demo-district-2', '3415'), repaid.id, {
    kind: 'cash',
    amountSatang: '30000',
    repaidOn: addDays(today, -20),
  });
  await createAdvance(db, as('demo-district-2', '3415'), {
    orgUnitCode: '3415',
    borrowerId: id('demo-district-2'),
    approverId: id('demo-province'),
    purpose: 'ค่าวัสดุจัดนิทรรศการผลิตภัณฑ์ OTOP',
    ruleCode: 'activity',
    amountSatang: '300000',
    receivedOn: addDays(today, -5),
  });
}

/**
 * The order the chief cites: the governor's standing order 7/2563 to the district chiefs, recorded by the province
 * unless the demo already holds an order giving the chief the spending power.
 */
async function standingOrderFor(db: Db, chief: Actor, on: string): Promise<number> {
  const [held] = await authoritiesOf(db, chief, chief.orgUnitCode, 'spending', on);
  if (held) return held.id;
  const [province] = await db.select().from(users).where(eq(users.username, 'demo-province'));
  const created = await createDelegationOrder(
    db,
    { userId: province.id, username: province.username, role: province.role, orgUnitCode: province.orgUnitCode },
    {
      issuingUnitCode: '34',
      orderNo: '7/2563',
      orderDate: '2020-01-02',
      delegator: 'ผู้ว่าราชการจังหวัดอุบลราชธานี',
      delegateRole: 'district_chief',
      scopeUnitCode: '34',
      powers: ['advances', 'spending'],
      subject: 'มอบอำนาจให้นายอำเภออนุมัติการเบิกจ่ายเงินและการยืมเงินราชการของอำเภอ',
    },
  );
  return created.id;
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
    delegationOrderId: await standingOrderFor(db, chiefActor, approved.paidOn),
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
