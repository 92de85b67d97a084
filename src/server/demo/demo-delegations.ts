/**
 * The demo's standing delegation: Ubon Ratchathani's governor gives the district chiefs (นายอำเภอ) the approval of
 * their districts' cash advances and payments, from the first day of the previous fiscal year, so the demo's
 * advances and payments of this year and the last can be approved citing it. The seed's own order 7/2563 is left
 * for the browser journey to record.
 */
import { and, desc, eq, like } from 'drizzle-orm';
import { fiscalRange, fiscalYearOf, parseIsoDate, toBuddhistYear } from '#shared/thai/index';
import type { Actor } from '../access';
import { thaiToday } from '../clock';
import type { Db } from '../db/client';
import { delegationOrders, users } from '../db/schema';
import { createDelegationOrder } from '../features/delegations/delegations.service';

const STANDING_NO = '1250';

export async function seedDemoDelegations(db: Db): Promise<void> {
  const [officer] = await db.select().from(users).where(eq(users.username, 'demo-province'));
  const province: Actor = {
    userId: officer.id,
    username: officer.username,
    role: officer.role,
    orgUnitCode: officer.orgUnitCode,
  };
  const orderDate = fiscalRange(fiscalYearOf(thaiToday()).fiscalYear - 1).start;
  await createDelegationOrder(db, province, {
    issuingUnitCode: '34',
    orderNo: `${STANDING_NO}/${toBuddhistYear(parseIsoDate(orderDate).year)}`,
    orderDate,
    delegator: 'ผู้ว่าราชการจังหวัดอุบลราชธานี',
    delegateRole: 'district_chief',
    scopeUnitCode: '34',
    powers: ['advances', 'spending'],
    subject: 'มอบอำนาจให้นายอำเภออนุมัติการยืมเงินราชการและการเบิกจ่ายเงินงบประมาณของอำเภอ',
  });
}

/** The id of the standing order above, for demo approvals to cite. */
export async function demoStandingOrderId(db: Db): Promise<number> {
  const [order] = await db
    .select({ id: delegationOrders.id })
    .from(delegationOrders)
    .where(and(eq(delegationOrders.issuingUnitCode, '34'), like(delegationOrders.orderNo, `${STANDING_NO}/%`)))
    .orderBy(desc(delegationOrders.orderDate))
    .limit(1);
  if (!order) throw new Error('The demo standing delegation order is missing: seedDemoDelegations runs first');
  return order.id;
}
