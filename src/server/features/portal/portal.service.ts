/**
 * The public portal's reads. No actor: nobody signs in here. What may be shown is decided in visibility.ts alone;
 * these queries only select what a page needs, and never a citizen ID, a private person's phone or an address
 * of a person.
 */
import { and, asc, count, desc, eq, gte, ilike, isNull, lte, or, sql } from 'drizzle-orm';
import { fiscalRange, fiscalYearOf } from '#shared/thai/calendar';
import { thaiToday } from '../../clock';
import { idIn } from '../../db/bulk';
import type { Db } from '../../db/client';
import { containing, thaiOrder } from '../../db/filters';
import {
  attachments,
  centerProfiles,
  centers,
  codeLists,
  committeeMembers,
  committees,
  orgUnits,
  people,
  posts,
  products,
  services,
  serviceTypeCodes,
  wisdomItems,
} from '../../db/schema';
import { readBytes } from '../attachments/attachments.service';
import { fullName } from '../people/people.service';
import { publicPost, publicProduct, publicWisdom } from './visibility';

export const NEWS_PAGE_SIZE = 12;

export interface CenterSummary {
  code: string;
  nameTh: string;
  nameEn: string;
  districtTh: string;
  districtEn: string;
  provinceCode: string;
  provinceTh: string;
  provinceEn: string;
  officeAddress: string | null;
  phone: string | null;
  openingHours: string | null;
}

const province = sql`province`;
const centerColumns = {
  code: centers.orgUnitCode,
  nameTh: centers.nameTh,
  nameEn: centers.nameEn,
  districtTh: orgUnits.nameTh,
  districtEn: orgUnits.nameEn,
  provinceCode: sql<string>`${orgUnits.parentCode}`,
  provinceTh: sql<string>`${province}.name_th`,
  provinceEn: sql<string>`${province}.name_en`,
  officeAddress: centerProfiles.officeAddress,
  phone: centerProfiles.phone,
  openingHours: centerProfiles.openingHours,
};

const selectCenters = (db: Db) =>
  db
    .select(centerColumns)
    .from(centers)
    .innerJoin(orgUnits, eq(orgUnits.code, centers.orgUnitCode))
    .innerJoin(sql`org_units as ${province}`, sql`${province}.code = ${orgUnits.parentCode}`)
    .leftJoin(centerProfiles, and(eq(centerProfiles.orgUnitCode, centers.orgUnitCode), isNull(centerProfiles.deletedAt)));

/** The provinces that have centers, with how many, in Thai order. */
export async function provincesWithCenters(db: Db) {
  return db
    .select({ code: orgUnits.code, nameTh: orgUnits.nameTh, nameEn: orgUnits.nameEn, centers: count(centers.id) })
    .from(orgUnits)
    .innerJoin(sql`org_units as district`, sql`district.parent_code = ${orgUnits.code}`)
    .innerJoin(centers, sql`${centers.orgUnitCode} = district.code`)
    .where(eq(orgUnits.level, 'province'))
    .groupBy(orgUnits.code, orgUnits.nameTh, orgUnits.nameEn)
    .orderBy(thaiOrder(orgUnits.nameTh));
}

/** Centers of a province, or matching words in Thai or English (center, district or province name). */
export async function findCenters(db: Db, filter: { province?: string; q?: string }): Promise<CenterSummary[]> {
  const words = filter.q?.trim().split(/\s+/).filter(Boolean) ?? [];
  const matches = words.map((word) =>
    or(
      ilike(centers.nameTh, containing(word)),
      ilike(centers.nameEn, containing(word)),
      ilike(orgUnits.nameTh, containing(word)),
      ilike(orgUnits.nameEn, containing(word)),
      sql`${province}.name_th ilike ${containing(word)}`,
      sql`${province}.name_en ilike ${containing(word)}`,
    ),
  );
  return selectCenters(db)
    .where(and(filter.province ? eq(orgUnits.parentCode, filter.province) : undefined, ...matches))
    .orderBy(thaiOrder(sql`${province}.name_th`), thaiOrder(orgUnits.nameTh))
    .limit(200);
}

export async function findProvince(db: Db, code: string) {
  const [row] = await db
    .select({ code: orgUnits.code, nameTh: orgUnits.nameTh, nameEn: orgUnits.nameEn })
    .from(orgUnits)
    .where(and(eq(orgUnits.code, code), eq(orgUnits.level, 'province')));
  return row;
}

/** One center's public profile: where and when, what it offers this fiscal year, who chairs its committee. */
export async function getCenter(db: Db, code: string) {
  const [center] = await selectCenters(db).where(eq(centers.orgUnitCode, code));
  if (!center) return undefined;
  const [profile] = await db
    .select()
    .from(centerProfiles)
    .where(and(eq(centerProfiles.orgUnitCode, code), isNull(centerProfiles.deletedAt)));
  const today = thaiToday();
  const { fiscalYear } = fiscalYearOf(today);
  const year = fiscalRange(fiscalYear);
  const given = await db
    .select({ code: serviceTypeCodes.typeCode, times: count() })
    .from(services)
    .innerJoin(serviceTypeCodes, eq(serviceTypeCodes.serviceId, services.id))
    .where(
      and(
        eq(services.orgUnitCode, code),
        isNull(services.deletedAt),
        gte(services.serviceDate, year.start),
        lte(services.serviceDate, today),
      ),
    )
    .groupBy(serviceTypeCodes.typeCode);
  const times = new Map(given.map((g) => [g.code, g.times]));
  const serviceTypes = await db
    .select({ code: codeLists.code, nameTh: codeLists.nameTh, nameEn: codeLists.nameEn })
    .from(codeLists)
    .where(and(eq(codeLists.list, 'service_type'), eq(codeLists.deprecated, false)))
    .orderBy(asc(codeLists.sort), asc(codeLists.code));
  return {
    center,
    profile: profile
      ? {
          officeAddress: profile.officeAddress,
          serviceArea: profile.serviceArea,
          openingHours: profile.openingHours,
          phone: profile.phone,
          email: profile.email,
        }
      : null,
    fiscalYear,
    services: serviceTypes.map((t) => ({ ...t, times: times.get(t.code) ?? 0 })),
    chair: await chairOf(db, code, today),
  };
}

/** The chair of the committee term in force: a public office, so the name and title are shown (never contacts). */
async function chairOf(db: Db, code: string, today: string) {
  const [chair] = await db
    .select({ member: committeeMembers, person: people })
    .from(committeeMembers)
    .innerJoin(committees, eq(committees.id, committeeMembers.committeeId))
    .leftJoin(people, eq(people.id, committeeMembers.personId))
    .where(
      and(
        eq(committees.orgUnitCode, code),
        isNull(committees.deletedAt),
        lte(committees.termStart, today),
        gte(committees.termEnd, today),
        eq(committeeMembers.positionCode, 'chair'),
      ),
    )
    .orderBy(desc(committees.termStart))
    .limit(1);
  if (!chair) return null;
  return { name: chair.person ? fullName(chair.person) : chair.member.name, title: chair.member.title };
}

export interface NewsItem {
  id: number;
  title: string;
  body: string;
  publishedOn: string;
  centerCode: string;
  centerTh: string;
  centerEn: string;
  imageIds: number[];
}

/** A post with its center's name: what a news card and a news page show. */
const selectNews = (db: Db) =>
  db
    .select({
      id: posts.id,
      title: posts.title,
      body: posts.body,
      publishedOn: sql<string>`${posts.publishedOn}`,
      centerCode: posts.orgUnitCode,
      centerTh: centers.nameTh,
      centerEn: centers.nameEn,
    })
    .from(posts)
    .innerJoin(centers, eq(centers.orgUnitCode, posts.orgUnitCode));

/** Published public posts, newest first, of one center or all; a page more than asked tells whether there is a next. */
export async function listNews(db: Db, filter: { center?: string; page?: number; pageSize?: number }) {
  const pageSize = filter.pageSize ?? NEWS_PAGE_SIZE;
  const page = Math.max(1, filter.page ?? 1);
  const rows = await selectNews(db)
    .where(and(publicPost(), filter.center ? eq(posts.orgUnitCode, filter.center) : undefined))
    .orderBy(desc(posts.publishedOn), desc(posts.id))
    .limit(pageSize + 1)
    .offset((page - 1) * pageSize);
  const items = await withImages(db, rows.slice(0, pageSize));
  return { items, page, hasNext: rows.length > pageSize };
}

export async function getNews(db: Db, id: number): Promise<NewsItem | undefined> {
  const [row] = await selectNews(db).where(and(eq(posts.id, id), publicPost()));
  return row ? (await withImages(db, [row]))[0] : undefined;
}

async function withImages(db: Db, rows: Omit<NewsItem, 'imageIds'>[]): Promise<NewsItem[]> {
  if (!rows.length) return [];
  const images = await db
    .select({ id: attachments.id, ownerId: attachments.ownerId })
    .from(attachments)
    .where(
      and(
        eq(attachments.ownerType, 'post'),
        idIn(
          attachments.ownerId,
          rows.map((r) => r.id),
        ),
        eq(attachments.kind, 'image'),
        isNull(attachments.deletedAt),
      ),
    )
    .orderBy(asc(attachments.id));
  return rows.map((r) => ({ ...r, imageIds: images.filter((i) => i.ownerId === r.id).map((i) => i.id) }));
}

/**
 * A picture of a public record, or nothing: the attachment must be an image of a post, wisdom item or product that
 * visibility.ts lets the public see (an outcome's evidence never is).
 */
export async function readPublicImage(db: Db, id: number, variant: 'file' | 'thumbnail') {
  const ownerIsPublic = sql`case ${attachments.ownerType}
    when 'post' then exists (select 1 from ${posts} where ${posts.id} = ${attachments.ownerId} and ${publicPost()})
    when 'wisdom' then exists (select 1 from ${wisdomItems} where ${wisdomItems.id} = ${attachments.ownerId} and ${publicWisdom()})
    when 'product' then exists (select 1 from ${products} where ${products.id} = ${attachments.ownerId} and ${publicProduct()})
    else false end`;
  const [row] = await db
    .select({
      mime: attachments.mime,
      length: sql<number>`octet_length(${variant === 'file' ? attachments.data : attachments.thumbnail})`.mapWith(Number),
    })
    .from(attachments)
    .where(and(eq(attachments.id, id), eq(attachments.kind, 'image'), isNull(attachments.deletedAt), ownerIsPublic));
  if (!row?.length) return undefined;
  return { mime: variant === 'thumbnail' ? 'image/jpeg' : row.mime, data: await readBytes(db, id, variant, row.length) };
}
