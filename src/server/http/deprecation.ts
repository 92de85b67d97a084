/**
 * Retiring an operation (docs/api.md, "Versioning"): its route says when the deprecation was announced and the
 * day it stops working. The OpenAPI document marks it `deprecated` (http/openapi.ts) and every answer carries the
 * `Deprecation` (RFC 9745) and `Sunset` (RFC 8594) headers. The sunset must leave integrators at least one whole
 * fiscal quarter after the announcement; a route asking for less fails at start.
 */
import type { FastifyInstance, onSendHookHandler } from 'fastify';
import { addDays, fiscalRange, fiscalYearOf } from '#shared/thai/calendar';

export interface Deprecation {
  /** The day the deprecation was announced (ISO date). */
  announced: string;
  /** The first day the operation no longer works (ISO date, Thai time). */
  sunset: string;
  /** What to use instead, e.g. `listProductsV2`, for the document. */
  replacement?: string;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** This operation is being retired: see http/deprecation.ts. */
    deprecated?: Deprecation;
  }
}

/** The first day a sunset may fall on: the day after the whole fiscal quarter that follows the announcement's. */
export function earliestSunset(announced: string): string {
  const { fiscalYear, quarter } = fiscalYearOf(announced);
  const next = quarter === 4 ? fiscalRange(fiscalYear + 1, 1) : fiscalRange(fiscalYear, (quarter + 1) as 2 | 3 | 4);
  return addDays(next.end, 1);
}

/** Midnight at the start of an ISO day in Thailand (UTC+7, no daylight saving). */
const thaiMidnight = (iso: string) => new Date(`${iso}T00:00:00+07:00`);

export function registerDeprecationHeaders(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    const deprecation = route.config?.deprecated;
    if (!deprecation) return;
    const earliest = earliestSunset(deprecation.announced);
    if (deprecation.sunset < earliest)
      throw new Error(
        `${route.method} ${route.url}: sunset ${deprecation.sunset} is before ${earliest} (one whole fiscal quarter)`,
      );
    const headers: onSendHookHandler = async (_request, reply, payload) => {
      reply.header('deprecation', `@${Math.floor(thaiMidnight(deprecation.announced).getTime() / 1000)}`);
      reply.header('sunset', thaiMidnight(deprecation.sunset).toUTCString());
      return payload;
    };
    // Only on the retiring routes: the others pay nothing per request.
    route.onSend = [...[route.onSend ?? []].flat(), headers];
  });
}
