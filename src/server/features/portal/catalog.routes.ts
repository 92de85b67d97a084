/**
 * The portal's local wisdom and OTOP catalog pages (issue #15 items 2 and 3), beside portal.routes.ts and on its
 * rules: no sign-in, no script, filters as GET query values that a garbled URL only drops, and the same 404 page
 * for a missing record and one the public may not see.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getPublicProduct, isCategory, listPublicProducts, standards } from './catalog';
import { placeFilter } from './places';
import { idOf, lenient, sendNotFound, sendPage, visitOf } from './portal.routes';
import { provincesWithCenters } from './portal.service';
import { catalogHtml, productHtml } from './views/catalog';
import { wisdomHtml, wisdomListHtml } from './views/wisdom';
import { getPublicWisdom, listPublicWisdom, wisdomBranches } from './wisdom';

const hide = true;
const config = { public: true } as const;
/** A code-list value from a URL: a short word, or nothing (an empty choice is "all"). */
const code = z
  .string()
  .regex(/^[a-z0-9_]{1,50}$/)
  .optional()
  .catch(undefined);
const place = {
  province: z
    .string()
    .regex(/^\d{2}$/)
    .optional()
    .catch(undefined),
  district: z
    .string()
    .regex(/^\d{4}$/)
    .optional()
    .catch(undefined),
};
const idParams = z.object({ id: z.string() });

export const portalCatalogRoutes: FastifyPluginAsyncZod = async (app) => {
  const wisdomQuery = z.object({ ...lenient, ...place, branch: code });
  app.get('/portal/wisdom', { config, schema: { hide, querystring: wisdomQuery } }, async (req, reply) => {
    const { q, branch, page = 1 } = req.query;
    const [branches, provinces, where] = await Promise.all([
      wisdomBranches(app.db),
      provincesWithCenters(app.db),
      placeFilter(app.db, req.query),
    ]);
    const found = await listPublicWisdom(app.db, { q: q?.trim() || undefined, branch, unit: where.unit, page });
    return sendPage(
      reply,
      wisdomListHtml(visitOf(req), { q: q?.trim() || undefined, branch, branches, provinces, place: where, ...found }),
    );
  });

  app.get(
    '/portal/wisdom/:id',
    { config, schema: { hide, params: idParams, querystring: z.object(lenient) } },
    async (req, reply) => {
      const id = idOf(req.params.id);
      const item = id ? await getPublicWisdom(app.db, id) : undefined;
      if (!item) return sendNotFound(req, reply);
      return sendPage(reply, wisdomHtml(visitOf(req), item));
    },
  );

  const catalogQuery = z.object({
    ...lenient,
    ...place,
    category: code,
    standard: code,
    stars: z.coerce.number().int().min(1).max(5).optional().catch(undefined),
  });
  app.get('/portal/products', { config, schema: { hide, querystring: catalogQuery } }, async (req, reply) => {
    const { q: text, stars, standard, page = 1 } = req.query;
    const q = text?.trim() || undefined;
    const category = isCategory(req.query.category) ? req.query.category : undefined;
    const [standardList, provinces, where] = await Promise.all([
      standards(app.db),
      provincesWithCenters(app.db),
      placeFilter(app.db, req.query),
    ]);
    const found = await listPublicProducts(app.db, { q, category, stars, standard, unit: where.unit, page });
    return sendPage(
      reply,
      catalogHtml(visitOf(req), { q, category, stars, standard, standards: standardList, provinces, place: where, ...found }),
    );
  });

  app.get(
    '/portal/products/:id',
    { config, schema: { hide, params: idParams, querystring: z.object(lenient) } },
    async (req, reply) => {
      const id = idOf(req.params.id);
      const product = id ? await getPublicProduct(app.db, id) : undefined;
      if (!product) return sendNotFound(req, reply);
      return sendPage(reply, productHtml(visitOf(req), product));
    },
  );
};
