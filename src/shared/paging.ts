import { z } from 'zod';

/** `?page=&pageSize=` for every paged list. */
export const pageQuery = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
};

/** `{ items, total, page, pageSize }` for a list of `item`. */
export const pageResponse = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

/** `/{id}` of any record. */
export const idParams = z.strictObject({ id: z.coerce.number().int().min(1).max(2_147_483_647) });
export const versionBody = z.strictObject({ version: z.number().int().min(1) });
