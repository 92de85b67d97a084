/**
 * The public OTOP catalog (issue #15): products visibility.ts allows, found by Thai words (decision 033's token
 * search) and narrowed by category, place, latest OPC stars and a current certificate. A product page names its
 * producer as the public may know it: a group by its name, a sole proprietor or SME by registration number and
 * district only; the contact is only the one the producer agreed to publish (`public_contact`).
 */
import { and, asc, desc, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import { PRODUCT_CATEGORIES } from '#shared/products';
import { addMonths } from '#shared/sales';
import { thaiToday } from '../../clock';
import { idIn } from '../../db/bulk';
import type { Db } from '../../db/client';
import { thaiOrder } from '../../db/filters';
import {
  attachments,
  centerProfiles,
  centers,
  certifications,
  codeLists,
  groups,
  groupWisdom,
  producers,
  productRatings,
  products,
  sales,
  wisdomItems,
} from '../../db/schema';
import { placeColumns, placeDistrict, placeProvince } from './places';
import { inOrder, listIds, type SearchList, searchIds } from './search';
import { currentCertificate, imagesOf, publicGroup, publicProduct, publicWisdom } from './visibility';

export const CATALOG_PAGE_SIZE = 24;
export type Category = (typeof PRODUCT_CATEGORIES)[number];
export const isCategory = (text: string | undefined): text is Category => PRODUCT_CATEGORIES.includes(text as Category);

export interface CatalogFilter {
  q?: string;
  category?: Category;
  /** The unit the list is narrowed to: a district, a province or `TH`. */
  unit: string;
  /** The latest OPC rating, 1–5 stars. */
  stars?: number;
  /** A standard (code list `standard`) the product or its producer holds a current certificate of. */
  standard?: string;
  page: number;
}

/** The standards of the code list, in its order, for the filter. */
export async function standards(db: Db) {
  return db
    .select({ code: codeLists.code, nameTh: codeLists.nameTh, nameEn: codeLists.nameEn })
    .from(codeLists)
    .where(eq(codeLists.list, 'standard'))
    .orderBy(asc(codeLists.sort), asc(codeLists.code));
}

/** The product's latest OPC rating (the round with the highest BE year), read by the rating table's key. */
const latestStars = sql<number | null>`(select ${productRatings.stars} from ${productRatings}
  where ${productRatings.productId} = ${products.id} order by ${productRatings.year} desc limit 1)`;

/**
 * Products holding a current certificate of the standard, their own or their producer's: the certificates are read
 * once (there is no index by product), not once per product.
 */
function certifiedAs(standard: string): SQL {
  const current = and(eq(certifications.standardCode, standard), currentCertificate());
  return or(
    inArray(
      products.id,
      sql`(select ${certifications.productId} from ${certifications} where ${current} and ${certifications.productId} is not null)`,
    ),
    inArray(
      products.producerId,
      sql`(select ${certifications.producerId} from ${certifications} where ${current} and ${certifications.producerId} is not null)`,
    ),
  )!;
}

const firstImage = sql<
  number | null
>`(select min(${attachments.id}) from ${attachments} where ${imagesOf('product', products.id)})`;

const selectProducts = (db: Db) =>
  db
    .select({
      id: products.id,
      name: products.name,
      category: products.category,
      description: products.description,
      story: products.story,
      priceSatang: products.priceSatang,
      unit: products.unit,
      stars: latestStars,
      imageId: firstImage,
      producerId: producers.id,
      producerType: producers.producerType,
      registrationNo: producers.registrationNo,
      publicContact: producers.publicContact,
      groupId: groups.id,
      groupName: groups.name,
      ...placeColumns,
    })
    .from(products)
    .innerJoin(producers, eq(producers.id, products.producerId))
    .leftJoin(groups, and(eq(groups.id, producers.groupId), publicGroup()))
    .innerJoin(placeDistrict, eq(placeDistrict.code, products.orgUnitCode))
    .innerJoin(placeProvince, eq(placeProvince.code, placeDistrict.parentCode));

export type ProductCard = Awaited<ReturnType<typeof listPublicProducts>>['items'][number];

/** One page of public products, in Thai name order or, with words, whole-word matches first. */
export async function listPublicProducts(db: Db, filter: CatalogFilter) {
  const list: SearchList = {
    kind: 'product',
    table: products,
    id: products.id,
    unit: products.orgUnitCode,
    searchText: products.searchText,
    name: products.name,
    shown: and(
      publicProduct(),
      filter.category ? eq(products.category, filter.category) : undefined,
      filter.stars ? eq(latestStars, filter.stars) : undefined,
      filter.standard ? certifiedAs(filter.standard) : undefined,
    )!,
  };
  const q = filter.q?.trim();
  const { ids, page, hasNext } = q
    ? await searchIds(db, list, q, filter.unit, filter.page, CATALOG_PAGE_SIZE)
    : await listIds(db, list, filter.unit, filter.page, CATALOG_PAGE_SIZE);
  const rows = ids.length ? await selectProducts(db).where(and(idIn(products.id, ids), publicProduct())) : [];
  return { items: inOrder(ids, rows), page, hasNext };
}

/** A public product with everything its page shows. */
export async function getPublicProduct(db: Db, id: number) {
  const [product] = await selectProducts(db).where(and(eq(products.id, id), publicProduct()));
  if (!product) return undefined;
  const [images, rating, certificates, channels, center, wisdom] = await Promise.all([
    db.select({ id: attachments.id }).from(attachments).where(imagesOf('product', id)).orderBy(asc(attachments.id)),
    db
      .select({ year: productRatings.year, stars: productRatings.stars })
      .from(productRatings)
      .where(eq(productRatings.productId, id))
      .orderBy(desc(productRatings.year))
      .limit(1),
    certificatesOf(db, id, product.producerId),
    channelsOf(db, product.producerId, product.groupId),
    centerOf(db, product.districtCode),
    product.groupId ? wisdomOf(db, product.groupId) : [],
  ]);
  return { ...product, imageIds: images.map((i) => i.id), rating: rating[0] ?? null, certificates, channels, center, wisdom };
}

export type PublicProduct = NonNullable<Awaited<ReturnType<typeof getPublicProduct>>>;

/** Current certificates of the product and of its producer, the soonest to expire last. */
function certificatesOf(db: Db, productId: number, producerId: number) {
  return db
    .select({
      id: certifications.id,
      standardTh: codeLists.nameTh,
      standardEn: codeLists.nameEn,
      certificateNo: certifications.certificateNo,
      issuer: certifications.issuer,
      expiresOn: sql<string | null>`${certifications.expiresOn}`,
    })
    .from(certifications)
    .innerJoin(codeLists, and(eq(codeLists.list, 'standard'), eq(codeLists.code, certifications.standardCode)))
    .where(and(or(eq(certifications.productId, productId), eq(certifications.producerId, producerId)), currentCertificate()))
    .orderBy(asc(codeLists.sort), asc(certifications.id));
}

/**
 * "Where to buy": the channels the producer sold through in the last 12 months, its group's monthly sales and its
 * products' own. Only the channel is shown, never amounts.
 */
function channelsOf(db: Db, producerId: number, groupId: number | null) {
  const since = `${addMonths(thaiToday().slice(0, 7), -11)}-01`;
  const ownProducts = db
    .select({ id: products.id })
    .from(products)
    .where(and(eq(products.producerId, producerId), isNull(products.deletedAt)));
  return db
    .selectDistinct({ code: codeLists.code, nameTh: codeLists.nameTh, nameEn: codeLists.nameEn, sort: codeLists.sort })
    .from(sales)
    .innerJoin(codeLists, and(eq(codeLists.list, 'sales_channel'), eq(codeLists.code, sales.channelCode)))
    .where(
      and(
        isNull(sales.deletedAt),
        sql`${sales.month} >= ${since}`,
        or(groupId ? eq(sales.groupId, groupId) : undefined, inArray(sales.productId, ownProducts)),
      ),
    )
    .orderBy(asc(codeLists.sort));
}

/** The district's center, where a visitor can also ask: its name and address. */
async function centerOf(db: Db, districtCode: string) {
  const [center] = await db
    .select({ code: centers.orgUnitCode, nameTh: centers.nameTh, nameEn: centers.nameEn, address: centerProfiles.officeAddress })
    .from(centers)
    .leftJoin(centerProfiles, and(eq(centerProfiles.orgUnitCode, centers.orgUnitCode), isNull(centerProfiles.deletedAt)))
    .where(eq(centers.orgUnitCode, districtCode));
  return center ?? null;
}

/** The public wisdom the producer's group works from. */
function wisdomOf(db: Db, groupId: number) {
  return db
    .select({ id: wisdomItems.id, title: wisdomItems.title })
    .from(groupWisdom)
    .innerJoin(wisdomItems, eq(wisdomItems.id, groupWisdom.wisdomId))
    .where(and(eq(groupWisdom.groupId, groupId), publicWisdom()))
    .orderBy(thaiOrder(wisdomItems.title));
}
