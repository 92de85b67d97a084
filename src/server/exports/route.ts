/**
 * `GET <list>/export.xlsx` and `GET <list>/export.csv` beside a list route: the list's own query (filters, q,
 * sort) without paging, answered by calling the list's own service batch after batch (keyset cursor, or pages
 * when a search ranks by relevance), so the permission, the scope, the masking of personal data and the read log
 * are the list's, never a copy of them.
 */
import { PassThrough } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { toBuddhistYear } from '#shared/thai/calendar';
import { thaiToday } from '../clock';
import type { PageRequest } from '../db/paging';
import { withCodeLists } from './code-labels';
import type { ExportColumn, ExportLang } from './columns';
import { writeCsv, writeXlsx } from './write';

type App = Parameters<FastifyPluginAsyncZod>[0];
type Answer<R> = R[] | { items: R[]; nextCursor?: string | null; pageSize?: number };

/** Rows read per query: big enough to keep the round trips few, small enough to keep memory flat. */
export const EXPORT_BATCH = 1000;
const PAGING_KEYS = new Set(['page', 'pageSize', 'cursor']);
const TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
} as const;

const NO_PARAMS = z.strictObject({});

export interface ListExport<S extends z.ZodObject, R, P extends z.ZodObject = typeof NO_PARAMS> {
  /** The list route, e.g. `/api/products`, or `/api/budget/items/:id/allocations` with its `params`. */
  path: string;
  /** The path parameters of a list inside a record (`:id`), checked as the list route checks them. */
  params?: P;
  /** The file name's first part, e.g. `products`. */
  name: string;
  title: { th: string; en: string };
  tags: string[];
  query: S;
  columns: readonly ExportColumn<R>[];
  /**
   * One batch of the list, exactly as the list route reads it. A list read whole (an array, or `{ items }` without
   * `pageSize`) is one batch.
   */
  read: (req: FastifyRequest, query: z.infer<S> & PageRequest, params: z.infer<P>) => Promise<Answer<R>>;
}

/** Every row of the list in batches: by keyset cursor while the list gives one, else page after page. */
export async function* batchesOf<R>(read: (paging: PageRequest) => Promise<Answer<R>>, size = EXPORT_BATCH): AsyncGenerator<R[]> {
  let page = 1;
  let cursor: string | undefined;
  for (;;) {
    // The export never shows a total: lists paged by db/paging.ts skip counting it on every batch.
    const answer = await read({ page, pageSize: size, cursor, skipTotal: true });
    const items = Array.isArray(answer) ? answer : answer.items;
    if (items.length) yield items;
    // A list read whole (no page size in its answer) is one batch, however long.
    if (Array.isArray(answer) || answer.pageSize === undefined) return;
    if (answer.nextCursor) {
      cursor = answer.nextCursor;
      continue;
    }
    // No cursor: the last keyset page, or a ranked search paged by offset (full pages go on).
    if (cursor || items.length < answer.pageSize) return;
    page += 1;
  }
}

async function* resumed<R>(first: IteratorResult<R[]>, rest: AsyncGenerator<R[]>): AsyncGenerator<R[]> {
  if (first.done) return;
  yield first.value;
  yield* rest;
}

const languageOf = (req: FastifyRequest, asked: ExportLang | undefined): ExportLang =>
  asked ?? (/^en\b/i.test(String(req.headers['accept-language'] ?? '')) ? 'en' : 'th');

/** `2569-11-27`: today in the Buddhist Era, for file names. */
const beToday = () => {
  const iso = thaiToday();
  return `${toBuddhistYear(Number(iso.slice(0, 4)))}${iso.slice(4)}`;
};

export function exportRoutes<S extends z.ZodObject, R, P extends z.ZodObject = typeof NO_PARAMS>(
  app: App,
  spec: ListExport<S, R, P>,
): void {
  const filters = Object.fromEntries(Object.entries(spec.query.shape).filter(([k]) => !PAGING_KEYS.has(k)));
  const querystring = z.strictObject({
    ...filters,
    lang: z.enum(['th', 'en']).optional().describe('Header and label language (default: Accept-Language, else Thai)'),
  });
  for (const format of ['xlsx', 'csv'] as const) {
    app.get(
      `${spec.path}/export.${format}`,
      {
        schema: {
          tags: spec.tags,
          summary: `${spec.title.en}: every row of the list with its filters, as ${format.toUpperCase()} (streamed)`,
          ...(spec.params ? { params: spec.params } : {}),
          querystring,
          produces: [TYPES[format].split(';')[0]],
        },
      },
      async (req, reply) => {
        const { lang, ...query } = req.query as { lang?: ExportLang } & Record<string, unknown>;
        const language = languageOf(req, lang);
        const params = req.params as z.infer<P>;
        const rows = batchesOf((paging) => spec.read(req, { ...(query as z.infer<S>), ...paging }, params));
        // The first batch before any byte: a missing permission answers 403 as JSON, not a broken file.
        const first = await rows.next();
        const unit = typeof query.unit === 'string' ? query.unit : req.actor!.orgUnitCode;
        const columns = await withCodeLists(app.db, spec.columns);
        const out = new PassThrough();
        const write = format === 'xlsx' ? writeXlsx : writeCsv;
        write(out, { title: spec.title[language], columns, lang: language, rows: resumed(first, rows) }).catch((error) => {
          req.log.error({ err: error }, 'export failed while streaming');
          out.destroy(error);
        });
        return reply
          .type(TYPES[format])
          .header('content-disposition', `attachment; filename="${spec.name}-${unit}-${beToday()}.${format}"`)
          .send(out);
      },
    );
  }
}
