/**
 * The demo's money side of the groups (demo data only), in 3401 and 3415 over two fiscal years: monthly sales of the
 * groups that make a product, through several channels with Ubon's seasons (Kathin and the Red Cross fair, Songkran,
 * the candle festival), growing from one year to the next; funding applications to village funds, BAAC, GSB… some
 * approved, some rejected or waiting; and outcomes with their evidence, recorded by a committee member and most of
 * them verified by the district officer. Made through the same services officers use, so stages follow the records.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { FundingApplication } from '#shared/funding';
import type { Outcome } from '#shared/outcomes';
import { addMonths, monthsBetween } from '#shared/sales';
import { addDays, fiscalRange, fiscalYearOf } from '#shared/thai/index';
import type { Actor } from '../access';
import { thaiToday } from '../clock';
import type { Db } from '../db/client';
import { groups, producers, products, users } from '../db/schema';
import { createFunding, decideFunding } from '../features/funding/funding.service';
import { addOutcomeAttachment, createOutcome, verifyOutcome } from '../features/outcomes/outcomes.service';
import { insertSale } from '../features/sales/sales.service';
import { createUser } from '../features/users/users.service';

/** How a month sells in Ubon, by calendar month: festivals in Oct–Dec, Songkran in April, the candle festival in July. */
const SEASON = [1.0, 0.9, 1.0, 1.35, 0.8, 0.8, 1.25, 0.9, 0.85, 1.3, 1.5, 1.4];
const FESTIVAL_MONTHS = new Set([4, 7, 11, 12]);

const lastDayOf = (month: string) => addDays(`${addMonths(month, 1)}-01`, -1);
const earlier = (a: string, b: string) => (a < b ? a : b);

interface Seller {
  group: typeof groups.$inferSelect;
  productId: number | null;
}

export async function seedDemoMoney(db: Db): Promise<void> {
  const today = thaiToday();
  const { fiscalYear } = fiscalYearOf(today);
  const first = fiscalRange(fiscalYear - 1).start.slice(0, 7);
  const months = monthsBetween(first, today.slice(0, 7));
  const accounts = await db
    .select()
    .from(users)
    .where(inArray(users.username, ['demo-district', 'demo-committee', 'demo-district-2']));
  const user = (username: string) => accounts.find((u) => u.username === username)!;
  const actorOf = (u: typeof users.$inferSelect): Actor => ({
    userId: u.id,
    username: u.username,
    role: u.role,
    orgUnitCode: u.orgUnitCode,
  });
  const officer3415 = actorOf(user('demo-district-2'));
  // Warin Chamrap's center has its own committee member recording outcomes (no demo sign-in).
  const committee3415 = await createUser(db, officer3415, {
    username: 'warin-committee',
    displayName: 'นางคำปุ่น ศรีสุข (กรรมการศูนย์ฯ วารินชำราบ)',
    role: 'committee_member',
    orgUnitCode: '3415',
    password: randomBytes(24).toString('base64url'),
  });
  const files = await mkdtemp(join(tmpdir(), 'thanrak-demo-'));
  try {
    for (const [orgUnitCode, officer, recorder] of [
      ['3401', actorOf(user('demo-district')), actorOf(user('demo-committee'))],
      ['3415', officer3415, { ...officer3415, userId: committee3415.id, username: 'warin-committee', role: 'committee_member' }],
    ] as const) {
      await seedDistrict(db, { orgUnitCode, officer, recorder: recorder as Actor, months, today, files });
    }
  } finally {
    await rm(files, { recursive: true, force: true });
  }
}

async function seedDistrict(
  db: Db,
  ctx: { orgUnitCode: string; officer: Actor; recorder: Actor; months: string[]; today: string; files: string },
) {
  const { orgUnitCode, officer, months, today } = ctx;
  const districtGroups = await db
    .select()
    .from(groups)
    .where(and(eq(groups.orgUnitCode, orgUnitCode), isNull(groups.deletedAt)))
    .orderBy(groups.id);
  const made = await db
    .select({ groupId: producers.groupId, productId: products.id })
    .from(products)
    .innerJoin(producers, eq(producers.id, products.producerId))
    .where(and(eq(products.orgUnitCode, orgUnitCode), isNull(products.deletedAt)))
    .orderBy(products.id);
  // Groups that make a product sell it; the others are still getting ready.
  const sellers: Seller[] = districtGroups
    .filter((g) => made.some((p) => p.groupId === g.id))
    .map((group) => ({ group, productId: made.find((p) => p.groupId === group.id)!.productId }));
  const waiting = districtGroups.filter((g) => !sellers.some((s) => s.group.id === g.id));

  for (const [i, seller] of sellers.entries()) {
    const base = 1_500_000 + i * 700_000; // satang a month through the main channel
    const onlineFrom = months[Math.min(months.length - 1, 6 + i * 3)];
    for (const [m, month] of months.entries()) {
      const calendarMonth = Number(month.slice(5, 7));
      // Income grows about a quarter a year as the center's help takes hold.
      const amount = (share: number) =>
        String(Math.round((base * share * SEASON[calendarMonth - 1] * (1 + (0.25 * m) / 12)) / 100) * 100);
      const rows: { channelCode: string; share: number; product?: boolean }[] = [
        { channelCode: i % 2 ? 'own_shop' : 'sales_center', share: 1 },
        { channelCode: 'community_market', share: 0.45 },
      ];
      if (month >= onlineFrom) rows.push({ channelCode: 'online', share: 0.35, product: true });
      if (FESTIVAL_MONTHS.has(calendarMonth)) rows.push({ channelCode: 'festival', share: 0.6 });
      if (i % 3 === 2 && m % 2 === 0) rows.push({ channelCode: 'petrol_station', share: 0.2, product: true });
      for (const row of rows)
        await db.transaction((tx) =>
          insertSale(tx, officer, {
            orgUnitCode,
            ...(row.product && seller.productId ? { productId: seller.productId } : { groupId: seller.group.id }),
            channelCode: row.channelCode,
            month,
            quantity: Math.round(Number(amount(row.share)) / 25_000),
            amountSatang: amount(row.share),
            note: '',
          }),
        );
    }
    const funded = await seedFunding(db, ctx, seller, i);
    await seedOutcomes(db, ctx, { seller, i, onlineFrom, firstMonth: months[0], funded });
  }

  // Groups not yet selling ask small funds to start; the first withdrew an earlier request to change its plan.
  for (const [i, group] of waiting.entries()) {
    const ask = (sourceCode: string, appliedOn: string) =>
      createFunding(db, officer, {
        orgUnitCode,
        groupId: group.id,
        sourceCode,
        purpose: 'ทุนตั้งต้นซื้อวัสดุและอุปกรณ์การผลิต',
        askedSatang: '3000000',
        appliedOn,
        note: '',
      });
    if (i === 0) {
      const withdrawn = await ask('women_fund', addDays(today, -90));
      await decideFunding(db, officer, withdrawn.id, { version: withdrawn.version, status: 'withdrawn' });
    }
    await ask(i % 2 ? 'women_fund' : 'savings_group', addDays(today, -25 - i * 10));
  }
}

/** Every seller has applied somewhere: most got a loan or a fund, some were turned down first. */
async function seedFunding(db: Db, ctx: { orgUnitCode: string; officer: Actor; today: string }, seller: Seller, i: number) {
  const { orgUnitCode, officer, today } = ctx;
  const apply = (sourceCode: string, purpose: string, askedSatang: string, appliedOn: string) =>
    createFunding(db, officer, { orgUnitCode, groupId: seller.group.id, sourceCode, purpose, askedSatang, appliedOn, note: '' });
  if (i % 3 !== 0) {
    const turnedDown = await apply('gsb', 'สินเชื่อปรับปรุงโรงเรือนผลิต', '50000000', addDays(today, -300));
    await decideFunding(db, officer, turnedDown.id, {
      version: turnedDown.version,
      status: 'rejected',
      decidedOn: addDays(today, -270),
    });
  }
  if (i % 3 === 2) return null;
  const [sourceCode, purpose, asked, approved] =
    i % 2
      ? ['village_fund', 'ทุนหมุนเวียนซื้อวัตถุดิบตามฤดูกาล', '8000000', '8000000']
      : ['baac', 'สินเชื่อซื้อเครื่องจักรและวัตถุดิบ', '20000000', '15000000'];
  const application = await apply(sourceCode, purpose, asked, addDays(today, -150 + i * 7));
  return decideFunding(db, officer, application.id, {
    version: application.version,
    status: 'approved',
    approvedSatang: approved,
    decidedOn: addDays(today, -120 + i * 7),
    receivedOn: addDays(today, -110 + i * 7),
  });
}

/**
 * Outcomes with evidence: the income of the latest full months (up to a quarter) against the same months a year
 * before, a new online channel, jobs, the funding received, and growth for a group that became a social enterprise.
 */
async function seedOutcomes(
  db: Db,
  ctx: { orgUnitCode: string; officer: Actor; recorder: Actor; today: string; files: string },
  seen: { seller: Seller; i: number; onlineFrom: string; firstMonth: string; funded: FundingApplication | null },
) {
  const { orgUnitCode, officer, recorder, today } = ctx;
  const { seller, i, onlineFrom, funded } = seen;
  const afterTo = addMonths(today.slice(0, 7), -1);
  const afterFrom = [addMonths(afterTo, -2), addMonths(seen.firstMonth, 12)].sort()[1];
  const reported = (date: string) => earlier(addDays(date, 7), today);
  const groupId = seller.group.id;
  const outcomes: Outcome[] = [];
  if (afterFrom <= afterTo)
    outcomes.push(
      await createOutcome(db, recorder, {
        orgUnitCode,
        groupId,
        kind: 'income_increase',
        happenedOn: lastDayOf(afterTo),
        reportedOn: reported(lastDayOf(afterTo)),
        description: 'รายได้ช่วงล่าสุดสูงกว่าช่วงเดียวกันของปีก่อน หลังปรับบรรจุภัณฑ์และเพิ่มช่องทางจำหน่าย',
        income: {
          before: { from: addMonths(afterFrom, -12), to: addMonths(afterTo, -12) },
          after: { from: afterFrom, to: afterTo },
        },
      }),
    );
  if (funded?.receivedOn)
    outcomes.push(
      await createOutcome(db, recorder, {
        orgUnitCode,
        groupId,
        kind: 'funding_received',
        fundingApplicationId: funded.id,
        happenedOn: funded.receivedOn,
        reportedOn: reported(funded.receivedOn),
        description: 'กลุ่มได้รับเงินทุนตามที่ได้รับอนุมัติและนำไปซื้อวัตถุดิบ',
      }),
    );
  outcomes.push(
    await createOutcome(db, recorder, {
      orgUnitCode,
      groupId,
      kind: 'new_channel',
      channelCode: 'online',
      happenedOn: `${onlineFrom}-01`,
      reportedOn: reported(`${onlineFrom}-01`),
      description: 'เปิดร้านค้าออนไลน์และรับคำสั่งซื้อผ่านสื่อสังคมออนไลน์',
    }),
  );
  if (i % 2 === 0)
    outcomes.push(
      await createOutcome(db, recorder, {
        orgUnitCode,
        groupId,
        kind: 'jobs_created',
        jobsCount: 3 + i,
        happenedOn: addDays(today, -60),
        reportedOn: addDays(today, -55),
        description: 'จ้างสมาชิกในหมู่บ้านเพิ่มในช่วงเร่งผลิตตามคำสั่งซื้อ',
      }),
    );
  if (seller.group.stage === 'grown') {
    const grown = await createOutcome(db, recorder, {
      orgUnitCode,
      groupId,
      kind: 'became_social_enterprise',
      happenedOn: addDays(today, -40),
      reportedOn: addDays(today, -35),
      description: 'จดทะเบียนเป็นวิสาหกิจเพื่อสังคมกับสำนักงานส่งเสริมวิสาหกิจเพื่อสังคม',
    });
    const path = join(ctx.files, `evidence-${grown.id}.png`);
    const { default: sharp } = await import('sharp');
    await sharp({ create: { width: 640, height: 420, channels: 3, background: '#f4efe1' } })
      .png()
      .toFile(path);
    await addOutcomeAttachment(db, recorder, grown.id, {
      filename: 'หนังสือรับรองวิสาหกิจเพื่อสังคม.png',
      path,
      dispose: async () => {},
    });
    outcomes.push(grown);
  }
  // Most are verified by the district officer; the newest of every other group still waits.
  for (const [k, outcome] of outcomes.entries()) {
    if (i % 2 === 1 && k === 0) continue;
    await verifyOutcome(db, officer, outcome.id, outcome.version);
  }
}
