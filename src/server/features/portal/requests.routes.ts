/**
 * Service requests on the public portal (issue #15): a citizen asks a district's center for help without signing in,
 * gets a reference code and a follow link, and follows the status there. Spam is kept out without any third-party
 * service: a limit on requests sent per address, a honeypot field, and size limits on the body and on each field.
 * Its own plugin, so the form body parser and the error pages apply to these routes alone.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { FORM_BODY_BYTES, parseFormBody, type RequestForm, requestFormOf } from './request-form';
import { centerOfDistrict, checkRequestForm, followRequest, formOptions, sendRequest } from './requests.service';
import { notFoundPage } from './views/page';
import type { Visit } from './views/pages';
import { followHtml, messageHtml, requestFormHtml, requestStatusHtml } from './views/request';
import { type Lang, langOf, portalHref, say } from './words';

/** Requests one address may send in an hour. A form drawn again with its messages is not counted: only sending is. */
export const REQUESTS_PER_HOUR = 5;

const REFERENCE_CODE = /^\d{4}-\d{4}-\d{4}$/;
/** A follow token: 32 random bytes in base64url. */
const FOLLOW_TOKEN = /^[A-Za-z0-9_-]{43}$/;

const hide = true;
const config = { public: true } as const;
const loose = z.string().max(500).optional().catch(undefined);
const langQuery = z.object({ lang: loose });

const visitIn = (req: FastifyRequest, lang: Lang = langOf(req.query)): Visit => ({
  lang,
  origin: `${req.protocol}://${req.host}`,
});

/** These pages may hold what a visitor typed or their follow link: never cached, never indexed. */
function sendPrivate(reply: FastifyReply, html: string, status = 200) {
  return reply
    .status(status)
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .header('x-robots-tag', 'noindex')
    .send(html);
}

/**
 * The form's page: under the site's `no-referrer` policy a browser sends `Origin: null` with a form's POST, which the
 * cross-site guard (http/guards.ts) refuses; `same-origin` lets the form's own origin through and still tells other
 * sites nothing.
 */
const sendForm = (reply: FastifyReply, html: string, status = 200) =>
  sendPrivate(reply.header('referrer-policy', 'same-origin'), html, status);

const EMPTY_FORM: RequestForm = {
  name: '',
  phone: '',
  province: '',
  district: '',
  subject: '',
  description: '',
  consent: false,
};

/** The status page's address: the code in the path, the secret in `k`. */
const statusPath = (lang: Lang, code: string, token: string) => portalHref(lang, `/portal/requests/${code}`, { k: token });

/** The code and secret in a pasted follow link, or given apart. */
function followTarget(link = '', code = '', key = ''): { code: string; token: string } | undefined {
  const fromLink = { code: link.match(/\d{4}-\d{4}-\d{4}/)?.[0], token: link.match(/[?&]k=([A-Za-z0-9_-]{43})/)?.[1] };
  const target = fromLink.code && fromLink.token ? fromLink : { code: code.trim(), token: key.trim() };
  return target.code && REFERENCE_CODE.test(target.code) && target.token && FOLLOW_TOKEN.test(target.token)
    ? { code: target.code, token: target.token }
    : undefined;
}

export const portalRequestRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: FORM_BODY_BYTES },
    (_req, body, done) => done(null, parseFormBody(body as string)),
  );
  const limiter = app.createRateLimit({ max: REQUESTS_PER_HOUR, timeWindow: '1 hour' });

  const tooMany = (visit: Visit, reply: FastifyReply, ttlMs: number) => {
    const minutes = Math.max(1, Math.ceil(ttlMs / 60_000));
    reply.header('retry-after', String(Math.ceil(ttlMs / 1000)));
    const text = say(visit.lang, 'reqTooManyText', { max: REQUESTS_PER_HOUR, minutes });
    return sendPrivate(reply, messageHtml(visit, 'reqTooManyTitle', text), 429);
  };

  // A visitor gets a page whatever goes wrong, never problem+json: a body too large, one that cannot be read.
  app.setErrorHandler((error: { statusCode?: number }, req, reply) => {
    const visit = visitIn(req);
    if (error.statusCode === 413)
      return sendPrivate(reply, messageHtml(visit, 'reqTooLargeTitle', say(visit.lang, 'reqTooLargeText')), 413);
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) req.log.error({ err: error }, 'unhandled error');
    return sendPrivate(reply, messageHtml(visit, 'reqNotSentTitle', say(visit.lang, 'reqNotSentText')), status);
  });

  const newQuery = z.object({ lang: loose, district: loose, province: loose });
  app.get('/portal/requests/new', { config, schema: { hide, querystring: newQuery } }, async (req, reply) => {
    // The center page links here with its district chosen.
    const center = req.query.district ? await centerOfDistrict(app.db, req.query.district) : undefined;
    const province = center?.provinceCode ?? req.query.province ?? '';
    const form = { ...EMPTY_FORM, province, district: center?.code ?? '' };
    const options = await formOptions(app.db, province);
    return sendForm(reply, requestFormHtml(visitIn(req), { form, errors: {}, options, district: center?.code }));
  });

  app.post('/portal/requests', { config, schema: { hide, querystring: langQuery } }, async (req, reply) => {
    const sent = requestFormOf(req.body);
    const visit = visitIn(req, sent.lang === 'en' ? 'en' : langOf(req.query));
    const redraw = async (form: RequestForm, errors = {}, status = 200) => {
      const center = await centerOfDistrict(app.db, form.district);
      const province = center?.provinceCode ?? form.province;
      const options = await formOptions(app.db, province);
      return sendForm(reply, requestFormHtml(visit, { form: { ...form, province }, errors, options }), status);
    };
    // "Show this province's districts": the form again with the districts of the province, nothing checked or kept.
    if (sent.intent === 'province') return redraw({ ...sent.form, district: '' });

    // An address that has sent its share this hour is told so before anything is checked; a send is counted once
    // its form is right (or a robot's, below), never the form drawn again with its messages.
    const before = await limiter(req, { increment: false });
    if (!before.isAllowed && before.remaining <= 0) return tooMany(visit, reply, before.ttl);
    const count = async () => {
      const counted = await limiter(req);
      return !counted.isAllowed && counted.isExceeded ? counted.ttl : undefined;
    };
    // A robot filled the hidden field: it is told all went well, and nothing is kept.
    if (sent.honeypot) {
      const wait = await count();
      if (wait !== undefined) return tooMany(visit, reply, wait);
      return sendPrivate(reply, messageHtml(visit, 'reqReceivedTitle', say(visit.lang, 'reqReceivedText')));
    }
    const checked = await checkRequestForm(app.db, sent.form);
    if (checked.errors) return redraw(sent.form, checked.errors, 400);
    const wait = await count();
    if (wait !== undefined) return tooMany(visit, reply, wait);
    const { referenceCode, followToken } = await sendRequest(app.db, checked.input);
    return reply.header('cache-control', 'no-store').redirect(statusPath(visit.lang, referenceCode, followToken), 303);
  });

  const followQuery = z.object({ lang: loose, link: loose, code: loose, k: loose });
  app.get('/portal/requests/follow', { config, schema: { hide, querystring: followQuery } }, async (req, reply) => {
    const { link = '', code = '', k = '' } = req.query;
    const visit = visitIn(req);
    const asked = !!(link || code || k);
    const target = asked ? followTarget(link, code, k) : undefined;
    if (target) return reply.header('cache-control', 'no-store').redirect(statusPath(visit.lang, target.code, target.token), 303);
    return sendPrivate(reply, followHtml(visit, { link, code, key: k, invalid: asked }), asked ? 400 : 200);
  });

  const statusQuery = z.object({ lang: loose, k: loose });
  app.get(
    '/portal/requests/:code',
    { config, schema: { hide, params: z.object({ code: z.string() }), querystring: statusQuery } },
    async (req, reply) => {
      const visit = visitIn(req);
      const { code } = req.params;
      const token = req.query.k ?? '';
      // A wrong code and a wrong secret get the same page; the secret is compared in constant time.
      const followed =
        REFERENCE_CODE.test(code) && FOLLOW_TOKEN.test(token) ? await followRequest(app.db, code, token, visit.lang) : undefined;
      if (!followed) return sendPrivate(reply, notFoundPage(visit.lang, visit.origin, `/portal/requests/${code}`), 404);
      return sendPrivate(reply, requestStatusHtml(visit, { ...followed, token }));
    },
  );
};
