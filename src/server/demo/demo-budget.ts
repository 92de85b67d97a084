/**
 * The seed letter's own project (ที่ อบ ๐๐๑๘/ว ๒๒๘๓, 23 April 2563), loaded exactly: the plan its register is headed
 * with (แผนงานบูรณาการพัฒนาและส่งเสริมเศรษฐกิจฐานราก), the project, the main activity and the activity, FY2563,
 * quarter 3. The seed states a budget for the activity only (1,543,800 baht nationally), so the levels above carry
 * none rather than a copy of it; Ubon Ratchathani receives 41,100 = 25 districts × 1,500 (materials) + 3,600
 * for the province's follow-up. Made through the real allocation service, so its rules hold here too.
 */
import { and, count, eq } from 'drizzle-orm';
import { toThaiDigits } from '#shared/thai/digits';
import type { Actor } from '../access';
import type { Db } from '../db/client';
import { budgetItems, orgUnits, users } from '../db/schema';
import { allocate, createBudgetItem } from '../features/budget/budget.service';
import { setDeadline } from '../features/expenses/expenses.service';
import { getLetterhead, saveLetterhead } from '../features/outgoing-documents/outgoing-documents.service';

const NATION: Actor = { userId: 0, username: 'demo-seed', role: 'national_admin', orgUnitCode: 'TH' };
const UBON: Actor = { userId: 0, username: 'demo-seed', role: 'province_officer', orgUnitCode: '34' };

export const SEED_NOTES =
  'ทะเบียนการจัดสรรแนบท้ายหนังสือจังหวัดระบุชื่ออำเภอ "บุญศรี" และ "ตาลชุม" ซึ่งไม่มีในทำเนียบท้องที่ของจังหวัดอุบลราชธานี ' +
  'ระบบจับคู่เป็นอำเภอบุณฑริก (3410) และอำเภอตาลสุม (3420) ตามรหัสทางการ / The register in the provincial letter names "บุญศรี" and "ตาลชุม", ' +
  'which are not Ubon Ratchathani districts; they were matched to the official บุณฑริก (3410) and ตาลสุม (3420).';

export async function seedDemoBudget(db: Db): Promise<void> {
  const [{ n }] = await db.select({ n: count() }).from(budgetItems);
  if (n > 0) return;
  const plan = await createBudgetItem(db, NATION, {
    fiscalYear: 2563,
    level: 'plan',
    name: 'แผนงานบูรณาการพัฒนาและส่งเสริมเศรษฐกิจฐานราก',
    objectives: '',
    indicators: '',
    responsibleUnitCode: 'TH',
    quarters: [],
    notes: '',
  });
  const project = await createBudgetItem(db, NATION, {
    fiscalYear: 2563,
    level: 'project',
    parentId: plan.id,
    name: 'ส่งเสริมการพัฒนาผู้ประกอบการ/วิสาหกิจชุมชนในการผลิตสินค้าเกษตรและผลิตภัณฑ์ OTOP',
    objectives: '',
    indicators: '',
    responsibleUnitCode: 'TH',
    quarters: [],
    notes: '',
  });
  const main = await createBudgetItem(db, NATION, {
    fiscalYear: 2563,
    level: 'main_activity',
    parentId: project.id,
    name: 'พัฒนาผู้ประกอบการชุมชน',
    objectives: '',
    indicators: '',
    responsibleUnitCode: 'TH',
    quarters: [3],
    notes: '',
  });
  const activity = await createBudgetItem(db, NATION, {
    fiscalYear: 2563,
    level: 'activity',
    parentId: main.id,
    name: 'การพัฒนาศักยภาพศูนย์บริการส่งเสริมเศรษฐกิจฐานราก',
    objectives: '1. เพื่อพัฒนาศักยภาพคณะกรรมการศูนย์บริการเศรษฐกิจฐานรากให้มีประสิทธิภาพ\n2. เพื่อทบทวนแนวทางการดำเนินงานศูนย์บริการเศรษฐกิจฐานราก',
    indicators: 'ศูนย์บริการเศรษฐกิจฐานรากมีแนวทางการดำเนินงานที่เป็นรูปธรรม 878 ศูนย์',
    responsibleUnitCode: 'TH',
    quarters: [3],
    budgetSatang: '154380000',
    notes: SEED_NOTES,
  });
  const base = { itemId: activity.id, quarter: 3 };
  await allocate(db, NATION, {
    ...base,
    fromUnitCode: 'TH',
    toUnitCode: '34',
    category: 'materials',
    amountSatang: '3750000',
    note: 'ค่าวัสดุ ศูนย์ฯ 25 ศูนย์',
  });
  await allocate(db, NATION, {
    ...base,
    fromUnitCode: 'TH',
    toUnitCode: '34',
    category: 'services',
    amountSatang: '360000',
    note: 'งบติดตาม',
  });
  const districts = await db.select().from(orgUnits).where(eq(orgUnits.parentCode, '34')).orderBy(orgUnits.code);
  for (const district of districts) {
    await allocate(db, UBON, {
      ...base,
      fromUnitCode: '34',
      toUnitCode: district.code,
      category: 'materials',
      amountSatang: '150000',
      note: '',
    });
  }
  await allocate(db, UBON, {
    ...base,
    fromUnitCode: '34',
    toUnitCode: '34',
    category: 'services',
    amountSatang: '360000',
    note: 'ค่าติดตามและสนับสนุนการดำเนินงาน',
  });
  // The letter asks districts for their expense details and action plans by 30 April 2563.
  await setDeadline(db, UBON, activity.id, { provinceCode: '34', deadline: '2020-04-30' });
}

/** Demo letterheads: the department's and Ubon Ratchathani's number prefixes (as on the seed letter), phone, e-mail. */
export async function seedDemoLetterheads(db: Db): Promise<void> {
  const offices = [
    { actor: NATION, prefix: 'มท ๐๔๑๐', phone: '0 2141 6000', email: 'demo.department@example.org' },
    { actor: UBON, prefix: 'อบ ๐๐๑๘', phone: '0 4525 4111', email: 'demo.ubon@example.org' },
  ];
  for (const { actor, ...letterhead } of offices) {
    const { version } = await getLetterhead(db, actor, actor.orgUnitCode);
    if (version === 0) await saveLetterhead(db, actor, actor.orgUnitCode, { ...letterhead, version });
  }
}

/** The two demo districts' phone and e-mail, printed at the foot of their invitations. */
const DEMO_DISTRICT_CONTACTS: Record<string, { username: string; phone: string; email: string }> = {
  '3401': { username: 'demo-district', phone: '0 4524 4325', email: 'demo.muang-ubon@example.org' },
  '3415': { username: 'demo-district-2', phone: '0 4532 1093', email: 'demo.warin@example.org' },
};

/**
 * Demo letterheads of Ubon Ratchathani's districts (demo data only), so every document the demo offers prints: the
 * invitations and minutes of 3401 and 3415, and the report memo of every district the province reads. Each district
 * office numbers its letters under the province's office code and its own number (อบ ๐๐๑๙.๑ for Mueang); 3401 and
 * 3415 set theirs on the settings page themselves, the department's admin sets the others', as decision 018 allows.
 */
export async function seedDemoDistrictLetterheads(db: Db): Promise<void> {
  const districts = await db
    .select({ code: orgUnits.code })
    .from(orgUnits)
    .where(and(eq(orgUnits.parentCode, '34'), eq(orgUnits.covered, true)))
    .orderBy(orgUnits.code);
  for (const { code } of districts) {
    const contact = DEMO_DISTRICT_CONTACTS[code];
    const [officer] = contact ? await db.select().from(users).where(eq(users.username, contact.username)) : [];
    const actor: Actor = officer
      ? { userId: officer.id, username: officer.username, role: officer.role, orgUnitCode: code }
      : NATION;
    const { version } = await getLetterhead(db, actor, code);
    const letterhead = {
      prefix: `อบ ๐๐๑๙.${toThaiDigits(String(Number(code.slice(2))))}`,
      phone: contact?.phone ?? '',
      email: contact?.email ?? '',
    };
    if (version === 0) await saveLetterhead(db, actor, code, { ...letterhead, version });
  }
}
