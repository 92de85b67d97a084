import { z } from 'zod';

/** Totals are counted up to this many rows; beyond it `totalCapped` says "more than 10,000". */
export const TOTAL_CAP = 10_000;

/**
 * `?pageSize=` with either `?page=` (offset, fine for small scopes) or `?cursor=` (keyset: the opaque `nextCursor`
 * of the previous page; `page` is ignored then). Lists searched with `q` are ranked by relevance and paged by
 * `page` only: their `nextCursor` is null and a cursor is refused.
 */
export const pageQuery = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(2000).optional().describe('The nextCursor of the previous page (keyset paging)'),
};

/**
 * `{ items, page, pageSize, total, totalCapped, nextCursor }`: `total` is exact up to 10,000; `totalCapped` means
 * more than that (total is then 10,000). `nextCursor` is null on the last page.
 */
export const pageResponse = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number().int(),
    totalCapped: z.boolean(),
    nextCursor: z.string().nullable(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });

/** `/{id}` of any record. */
export const idParams = z.strictObject({ id: z.coerce.number().int().min(1).max(2_147_483_647) });
export const versionBody = z.strictObject({ version: z.number().int().min(1) });
