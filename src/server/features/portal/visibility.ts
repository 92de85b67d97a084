/**
 * What the public may see: THE one place that says so. Every portal query filters through these.
 * - a post: published (dated today or earlier), marked public, not deleted;
 * - a wisdom item: marked public, with the holders' consent on file, published, not deleted;
 * - a product: of a registered producer (not suspended or cancelled), neither deleted;
 * - a group: its name, while not deleted (never its members, phone or address);
 * - a certificate: not deleted and not expired;
 * - a picture: an image attachment, not deleted, of a record the public may see (readPublicImage).
 * The privacy tests (portal.test.ts, catalog.test.ts) check every page, image and API answer against records that
 * must never show.
 */
import { and, eq, gte, isNotNull, isNull, lte, or, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { thaiToday } from '../../clock';
import { attachments, certifications, groups, posts, producers, products, wisdomItems } from '../../db/schema';

export const publicPost = (): SQL =>
  and(
    isNull(posts.deletedAt),
    eq(posts.isPublic, true),
    isNotNull(posts.publishedOn),
    lte(posts.publishedOn, thaiToday()),
  ) as SQL;

export const publicWisdom = (): SQL =>
  and(
    isNull(wisdomItems.deletedAt),
    eq(wisdomItems.accessLevel, 'public'),
    isNotNull(wisdomItems.consentDate),
    eq(wisdomItems.status, 'published'),
  ) as SQL;

/** A condition on `products` alone (its producer is looked up by key), so a search can join the product only. */
export const publicProduct = (): SQL =>
  and(
    isNull(products.deletedAt),
    sql`exists (select 1 from ${producers} where ${producers.id} = ${products.producerId}
      and ${producers.deletedAt} is null and ${producers.status} = 'registered')`,
  ) as SQL;

export const publicGroup = (): SQL => isNull(groups.deletedAt);

/** A certificate that expired yesterday proves nothing today. */
export const currentCertificate = (): SQL =>
  and(isNull(certifications.deletedAt), or(isNull(certifications.expiresOn), gte(certifications.expiresOn, thaiToday()))) as SQL;

/** The pictures of one record, which the caller has already found public; the image route checks the owner again. */
export const imagesOf = (ownerType: 'wisdom' | 'product', ownerId: SQL | AnyPgColumn | number): SQL =>
  and(
    eq(attachments.ownerType, ownerType),
    eq(attachments.ownerId, ownerId),
    eq(attachments.kind, 'image'),
    isNull(attachments.deletedAt),
  ) as SQL;
