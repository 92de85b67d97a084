/**
 * Demo cash advances of the current fiscal year in several states: open, overdue, repaid in two parts.
 * Borrowers are the committee member and the second district, so demo-district starts free to borrow.
 */
import { inArray } from 'drizzle-orm';
import type { Actor } from '../../access';
import { createAdvance, repayAdvance } from '../../features/advances/advances.service';
import { todayInBangkok } from '../../time';
import type { Db } from '../client';
import { users } from '../schema';

const addDays = (iso: string, days: number) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

export async function seedDemoAdvances(db: Db): Promise<void> {
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
  const today = todayInBangkok();
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
