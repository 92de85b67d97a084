import { count, inArray, sql } from 'drizzle-orm';
import type { Role } from '#shared/access';
import { hashPassword } from '../auth/passwords';
import type { Db, Tx } from '../db/client';
import { budgetItems, groups, officeLetterheads, users } from '../db/schema';
import { seedDemoActivities } from './demo-activities';
import { seedDemoBudget, seedDemoDistrictLetterheads, seedDemoLetterheads } from './demo-budget';
import { seedDemoCommittees } from './demo-committees';
import { seedDemoCurrentYear } from './demo-current-year';
import { seedDemoDelegations } from './demo-delegations';
import { seedDemoMeetings } from './demo-meetings';
import { seedDemoMoney } from './demo-money';
import { seedDemoPipeline } from './demo-pipeline';
import { seedDemoPlans } from './demo-plans';
import { seedDemoPortal } from './demo-portal';
import { seedDemoReports } from './demo-reports';
import { seedDemoRequests } from './demo-requests';
import { seedDemoServices } from './demo-services';

export const DEMO_PASSWORD = 'thanrak-demo';

/** Demo accounts (demo data only, never in production). All share DEMO_PASSWORD. */
export const DEMO_USERS: { username: string; displayName: string; position: string; role: Role; orgUnitCode: string }[] = [
  {
    username: 'demo-admin',
    displayName: 'ผู้ดูแลระบบส่วนกลาง (สาธิต)',
    position: 'นักวิชาการคอมพิวเตอร์ กรมการพัฒนาชุมชน',
    role: 'national_admin',
    orgUnitCode: 'TH',
  },
  {
    username: 'demo-province',
    displayName: 'นางสาวสุดารัตน์ ศรีอุบล (พัฒนาการจังหวัด สาธิต)',
    position: 'พัฒนาการจังหวัดอุบลราชธานี',
    role: 'province_officer',
    orgUnitCode: '34',
  },
  {
    username: 'demo-district',
    displayName: 'นายสมชาย ใจดี (พัฒนาการอำเภอ สาธิต)',
    position: 'พัฒนาการอำเภอเมืองอุบลราชธานี',
    role: 'district_officer',
    orgUnitCode: '3401',
  },
  {
    username: 'demo-staff',
    displayName: 'นางสาวกาญจนา ศรีสุข (นักพัฒนาชุมชน สาธิต)',
    position: 'นักพัฒนาชุมชนชำนาญการ',
    role: 'district_officer',
    orgUnitCode: '3401',
  },
  {
    username: 'demo-chief',
    displayName: 'นายประเสริฐ วงศ์ใหญ่ (นายอำเภอ สาธิต)',
    position: 'นายอำเภอเมืองอุบลราชธานี',
    role: 'district_chief',
    orgUnitCode: '3401',
  },
  {
    username: 'demo-committee',
    displayName: 'นางบุญมี ทองคำ (กรรมการศูนย์ สาธิต)',
    position: '',
    role: 'committee_member',
    orgUnitCode: '3401',
  },
  {
    username: 'demo-district-2',
    displayName: 'นายวิชัย มั่นคง (พัฒนาการอำเภอวารินชำราบ สาธิต)',
    position: 'พัฒนาการอำเภอวารินชำราบ',
    role: 'district_officer',
    orgUnitCode: '3415',
  },
];

/** Demo accounts, then (once, unless left out) the demo pipeline of Ubon Ratchathani. */
export interface DemoOptions {
  pipeline: boolean;
  /** Told when the demo pipeline is actually loaded (first start only). */
  onLoad?: () => void;
}

export async function seedDemoData(db: Db, dataKey: Buffer, options: DemoOptions = { pipeline: true }): Promise<void> {
  if (await demoLoaded(db, options.pipeline)) return;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db
    .insert(users)
    .values(DEMO_USERS.map((u) => ({ ...u, passwordHash })))
    .onConflictDoNothing();
  await seedDemoBudget(db);
  await seedDemoLetterheads(db);
  if (!options.pipeline) return;
  const [{ n }] = await db.select({ n: count() }).from(groups);
  // All or nothing, so a failed first start never leaves half the demo behind.
  if (n === 0) {
    options.onLoad?.();
    await seedDemoRecords(db, dataKey);
  }
}

/**
 * Whether every step below would find its part already there (a restart): one query instead of hashing the demo
 * password and a dozen statements. Any part missing runs them all, each still adding only what is missing.
 */
async function demoLoaded(db: Db, pipeline: boolean): Promise<boolean> {
  const usernames = DEMO_USERS.map((u) => u.username);
  const [row] = await db
    .select({
      loaded: sql<boolean>`(select count(*) from ${users} where ${inArray(users.username, usernames)}) = ${usernames.length}
        and exists (select 1 from ${budgetItems})
        and (select count(*) from ${officeLetterheads} where ${inArray(officeLetterheads.orgUnitCode, ['TH', '34'])}) = 2
        and (${!pipeline} or exists (select 1 from ${groups}))`,
    })
    .from(sql`(select 1) as one`);
  return row.loaded;
}

/**
 * The demo's records in one transaction, in the order a center's work builds on itself: the districts' letterheads,
 * the pipeline and budget, services, activities (trainings strengthen groups, market events give them sales), needs
 * and plans, then sales, funding and outcomes; then what the public portal shows beyond them (pictures, a sole
 * proprietor's silk), and last the quarterly reports on all of it.
 */
export async function seedDemoRecords(database: Db, dataKey: Buffer): Promise<void> {
  await database.transaction(async (tx) => {
    const db = withinOneTransaction(tx);
    await seedDemoDistrictLetterheads(db);
    await seedDemoPipeline(db, dataKey);
    await seedDemoDelegations(db);
    await seedDemoCurrentYear(db);
    await seedDemoServices(db);
    await seedDemoRequests(db);
    await seedDemoActivities(db, dataKey);
    await seedDemoPlans(db);
    await seedDemoMoney(db);
    await seedDemoCommittees(db);
    await seedDemoMeetings(db);
    await seedDemoPortal(db, dataKey);
    await seedDemoReports(db);
  });
}

/**
 * The transaction as the services' database, their own transactions running in it as they are. The demo commits or
 * fails whole (a failed first start leaves nothing behind), so a savepoint per service call, 4,000 of the demo's
 * 27,000 statements, would never be rolled back to.
 */
function withinOneTransaction(tx: Tx): Db {
  const db: Db = Object.create(tx, {
    transaction: { value: <T>(work: (inner: Tx) => Promise<T>) => work(db as unknown as Tx) },
  });
  return db;
}

/** The seed step of `prepareDatabase` that loads the demo data (the data key encrypts demo citizen IDs). */
export const demoSeed =
  (dataKey: Buffer, options: DemoOptions = { pipeline: true }) =>
  (db: Db) =>
    seedDemoData(db, dataKey, options);
