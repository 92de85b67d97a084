/**
 * The public portal (decision 036): HTML pages rendered on the server, no sign-in, no script. Thai URLs are the plain
 * ones; `?lang=en` gives English. A missing record and one that is not public get the same 404 page.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { findCenters, findProvince, getCenter, getNews, listNews, provincesWithCenters, readPublicImage } from './portal.service';
import { portalRequestRoutes } from './requests.routes';
import { notFoundPage } from './views/page';
import { centerHtml, centersHtml, homeHtml, newsHtml, newsListHtml, type Visit } from './views/pages';
import { langOf } from './words';

/** Query values a hand-edited or hostile URL may garble: ignored rather than refused, as a reader expects of a page. */
export const lenient = {
  lang: z.string().optional().catch(undefined),
  q: z.string().max(100).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(1000).optional().catch(undefined),
};
const idParams = z.object({ id: z.string() });
const hide = true;
const config = { public: true } as const;

export const visitOf = (req: FastifyRequest): Visit => ({ lang: langOf(req.query), origin: `${req.protocol}://${req.host}` });
/** A record id from a URL, or 0 when the text is not one (never a 400 on a page). */
export const idOf = (text: string) => (/^\d{1,9}$/.test(text) ? Number(text) : 0);

/** Pages may be cached briefly by the browser and proxies: they hold only public data. */
export function sendPage(reply: FastifyReply, html: string, status = 200) {
  return reply.status(status).type('text/html; charset=utf-8').header('cache-control', 'public, max-age=60').send(html);
}

export function sendNotFound(req: FastifyRequest, reply: FastifyReply) {
  const visit = visitOf(req);
  return sendPage(reply, notFoundPage(visit.lang, visit.origin, req.url.split('?')[0]), 404);
}

const fonts = (() => {
  const require = createRequire(import.meta.url);
  const read = (name: string) => readFileSync(require.resolve(`@fontsource/sarabun/files/sarabun-${name}-normal.woff2`));
  return new Map(['thai-400', 'thai-700', 'latin-400', 'latin-700'].map((name) => [`sarabun-${name}.woff2`, read(name)]));
})();

export const portalRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/portal', { config, schema: { hide, querystring: z.object(lenient) } }, async (req, reply) => {
    const [provinces, news] = await Promise.all([provincesWithCenters(app.db), listNews(app.db, { pageSize: 4 })]);
    return sendPage(reply, homeHtml(visitOf(req), provinces, news.items));
  });

  const centersQuery = z.object({
    ...lenient,
    province: z
      .string()
      .regex(/^\d{2}$/)
      .optional()
      .catch(undefined),
  });
  app.get('/portal/centers', { config, schema: { hide, querystring: centersQuery } }, async (req, reply) => {
    const { q, province: code } = req.query;
    const [provinces, province] = await Promise.all([
      provincesWithCenters(app.db),
      code ? findProvince(app.db, code) : undefined,
    ]);
    const centers = q?.trim() || province ? await findCenters(app.db, { q, province: province?.code }) : undefined;
    return sendPage(reply, centersHtml(visitOf(req), { q, province, provinces, centers }));
  });

  const codeParams = z.object({ code: z.string() });
  app.get(
    '/portal/centers/:code',
    { config, schema: { hide, params: codeParams, querystring: z.object(lenient) } },
    async (req, reply) => {
      const data = /^\d{4}$/.test(req.params.code) ? await getCenter(app.db, req.params.code) : undefined;
      if (!data) return sendNotFound(req, reply);
      const news = await listNews(app.db, { center: data.center.code, pageSize: 5 });
      return sendPage(reply, centerHtml(visitOf(req), data, news.items));
    },
  );

  const newsQuery = z.object({
    ...lenient,
    center: z
      .string()
      .regex(/^\d{4}$/)
      .optional()
      .catch(undefined),
  });
  app.get('/portal/news', { config, schema: { hide, querystring: newsQuery } }, async (req, reply) => {
    const { center, page } = req.query;
    return sendPage(reply, newsListHtml(visitOf(req), center, await listNews(app.db, { center, page })));
  });

  app.get(
    '/portal/news/:id',
    { config, schema: { hide, params: idParams, querystring: z.object(lenient) } },
    async (req, reply) => {
      const id = idOf(req.params.id);
      const item = id ? await getNews(app.db, id) : undefined;
      if (!item) return sendNotFound(req, reply);
      return sendPage(reply, newsHtml(visitOf(req), item));
    },
  );

  for (const variant of ['file', 'thumbnail'] as const) {
    const url = variant === 'file' ? '/portal/images/:id' : '/portal/images/:id/thumbnail';
    app.get(url, { config, schema: { hide, params: idParams } }, async (req, reply) => {
      const id = idOf(req.params.id);
      const image = id ? await readPublicImage(app.db, id, variant) : undefined;
      if (!image) return sendNotFound(req, reply);
      return reply.type(image.mime).header('cache-control', 'public, max-age=3600').send(image.data);
    });
  }

  app.get('/portal/fonts/:name', { config, schema: { hide, params: z.object({ name: z.string() }) } }, async (req, reply) => {
    const font = fonts.get(req.params.name);
    if (!font) return sendNotFound(req, reply);
    return reply.type('font/woff2').header('cache-control', 'public, max-age=604800').send(font);
  });

  // --- service requests: a plugin of their own (requests.ts), for the form body parser and the pages' error handler
  await app.register(portalRequestRoutes);
};
