/**
 * What a visitor of the public portal finds in Ubon Ratchathani (demo data only): pictures of the published wisdom
 * of 3401 and 3415 and of every silk product, and in 3401 a sole proprietor's silk (a registered producer with a
 * current certificate, five stars, a story, a published shop contact and sales online and at the community market).
 * The owner's own phone is on her person record only: the catalog shows the contact she agreed to publish.
 * Runs after the other record steps, so the groups' stages and what they made are as they were without it; only the
 * quarterly reports follow, since they report on its sales and registration too.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq, inArray, isNull, like } from 'drizzle-orm';
import { addMonths } from '#shared/sales';
import { addDays, fiscalYearOf } from '#shared/thai/index';
import type { Actor } from '../access';
import { thaiToday } from '../clock';
import type { Db } from '../db/client';
import { products, users, wisdomItems } from '../db/schema';
import { createCertification } from '../features/certifications/certifications.service';
import { createPerson } from '../features/people/people.service';
import { createProducer } from '../features/producers/producers.service';
import { addProductAttachment, createProduct } from '../features/products/products.service';
import { createSale } from '../features/sales/sales.service';
import { addWisdomAttachment } from '../features/wisdom/wisdom.service';

/** Natural-dye colours of Isan silk and crafts: indigo, lac red, jackfruit yellow, ebony black, undyed. */
const DYES = ['#27408b', '#9b1b30', '#d4a017', '#2f2f2f', '#f3e9d2', '#3b7a57', '#7b3f61'];

/**
 * A picture drawn for the demo (no photographs ship with the code): bands and rows of diamonds like a mudmee
 * pattern, in colours picked by `seed`, so the same record always gets the same picture.
 */
function patternSvg(seed: number): string {
  const colour = (i: number) => DYES[(seed * 3 + i * 5) % DYES.length];
  const bands: string[] = [];
  for (let row = 0; row < 8; row++) {
    const y = row * 60;
    bands.push(`<rect x="0" y="${y}" width="640" height="60" fill="${colour(row)}"/>`);
    for (let x = (row % 2) * 20; x < 640; x += 40)
      bands.push(`<path d="M${x} ${y + 30}l20-22 20 22-20 22z" fill="${colour(row + 2)}" opacity="0.9"/>`);
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="480">${bands.join('')}</svg>`;
}

export async function seedDemoPortal(db: Db, dataKey: Buffer): Promise<void> {
  const [officer] = await db.select().from(users).where(eq(users.username, 'demo-district'));
  const actorIn = (orgUnitCode: string): Actor => ({
    userId: officer.id,
    username: officer.username,
    role: 'district_officer',
    orgUnitCode,
  });
  const files = await mkdtemp(join(tmpdir(), 'thanrak-demo-portal-'));
  const { default: sharp } = await import('sharp');
  const picture = async (name: string, seed: number) => {
    const path = join(files, `${name}.png`);
    await sharp(Buffer.from(patternSvg(seed)))
      .png()
      .toFile(path);
    return { filename: `${name}.png`, path, dispose: async () => {} };
  };
  try {
    const published = await db
      .select({ id: wisdomItems.id, orgUnitCode: wisdomItems.orgUnitCode })
      .from(wisdomItems)
      .where(
        and(
          inArray(wisdomItems.orgUnitCode, ['3401', '3415']),
          eq(wisdomItems.accessLevel, 'public'),
          isNull(wisdomItems.deletedAt),
        ),
      )
      .orderBy(wisdomItems.id);
    for (const item of published)
      await addWisdomAttachment(db, actorIn(item.orgUnitCode), item.id, await picture(`wisdom-${item.id}`, item.id));

    const soleSilk = await seedSoleProprietor(db, dataKey, actorIn('3401'));
    const silk = await db
      .select({ id: products.id, orgUnitCode: products.orgUnitCode })
      .from(products)
      .where(and(like(products.name, 'ผ้าไหม%'), isNull(products.deletedAt)))
      .orderBy(products.id);
    for (const product of silk) {
      // The sole proprietor's silk has two: the cloth and its pattern up close.
      const times = product.id === soleSilk ? 2 : 1;
      for (let i = 0; i < times; i++)
        await addProductAttachment(
          db,
          actorIn(product.orgUnitCode),
          product.id,
          await picture(`product-${product.id}-${i}`, product.id + i),
        );
    }
  } finally {
    await rm(files, { recursive: true, force: true });
  }
}

/** A weaver registered on her own in 3401, with everything her catalog page shows; returns her product's id. */
async function seedSoleProprietor(db: Db, dataKey: Buffer, actor: Actor): Promise<number> {
  const today = thaiToday();
  const weaver = await createPerson(db, dataKey, actor, {
    orgUnitCode: '3401',
    title: 'นาง',
    firstName: 'คำแพง',
    lastName: 'ศรีทองดี',
    phone: '0812345678',
    villageNo: 4,
    subdistrict: 'ตำบลเมืองอุบลราชธานี',
    roles: [],
    acknowledgeDuplicates: true,
  });
  const producer = await createProducer(db, actor, {
    orgUnitCode: '3401',
    personId: weaver.id,
    producerType: 'sole_proprietor',
    fiscalYear: fiscalYearOf(today).fiscalYear,
    registrationNo: 'OTOP-3401-S01',
    registeredOn: addDays(today, -120),
    status: 'registered',
    communityLink: true,
    siteInDistrict: true,
    thaiNationality: true,
    documentsReceived: true,
    publicContact: 'หน้าร้านผ้าไหมแม่คำแพง โทร 045-244-871 · เพจ ผ้าไหมแม่คำแพง',
  });
  const product = await createProduct(db, actor, {
    producerId: producer.id,
    name: 'ผ้าไหมหางกระรอกย้อมคราม',
    category: 'textile',
    description: 'ผ้าไหมหางกระรอกทอมือสองเส้นควบ ย้อมครามธรรมชาติ หน้ากว้าง 1 เมตร ยาว 2 เมตร',
    story: 'แม่คำแพงเรียนการควบเส้นไหมหางกระรอกจากแม่ของตน ย้อมครามจากต้นครามที่ปลูกเองหลังบ้าน ทุกผืนหมักครามนานสองสัปดาห์ สีจึงเข้มและไม่ตก',
    priceSatang: '285000',
    unit: 'ผืน',
    quadrant: 'A',
    ratings: [
      { year: 2566, stars: 4 },
      { year: 2567, stars: 5 },
    ],
  });
  await createCertification(db, actor, {
    producerId: producer.id,
    standardCode: 'mpc',
    certificateNo: 'มผช. 12/2567-3401',
    issuer: 'สำนักงานมาตรฐานผลิตภัณฑ์อุตสาหกรรม',
    issuedOn: addDays(today, -300),
    expiresOn: addDays(today, 795),
  });
  const month = today.slice(0, 7);
  for (const [channelCode, back] of [
    ['online', 1],
    ['online', 2],
    ['community_market', 2],
    ['festival', 4],
  ] as const)
    await createSale(db, actor, {
      orgUnitCode: '3401',
      productId: product.id,
      channelCode,
      month: addMonths(month, -back),
      quantity: 3,
      amountSatang: '855000',
      note: '',
    });
  return product.id;
}
