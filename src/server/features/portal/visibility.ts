/**
 * What the public may see: THE one place that says so. Every portal query filters through these, and the privacy
 * test (portal.test.ts) checks each page and image against records that must never show.
 * - a post: published (dated today or earlier), marked public, not deleted;
 * - a wisdom item: marked public, with the holders' consent on file, published, not deleted;
 * - a product: of a registered producer (not suspended or cancelled), neither deleted.
 */
import { and, eq, isNotNull, isNull, lte, type SQL } from 'drizzle-orm';
import { thaiToday } from '../../clock';
import { posts, producers, products, wisdomItems } from '../../db/schema';

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

/** Needs `producers` joined on the product's producer. */
export const publicProduct = (): SQL =>
  and(isNull(products.deletedAt), isNull(producers.deletedAt), eq(producers.status, 'registered')) as SQL;
