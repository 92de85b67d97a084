/**
 * The portal's side of service requests: what the form offers (provinces and districts with a center, the subjects,
 * how long data is kept), checking a sent form against the database, and reading what a follow link may show. The
 * request itself is made and read by the requests feature (requests.service.ts), the one owner of its rules.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { thaiOrder } from '../../db/filters';
import { centers, codeLists, orgUnits } from '../../db/schema';
import { retentionYearsOf } from '../people/pdpa.service';
import { createPortalRequest, followPortalRequest, type PortalRequestInput } from '../requests/requests.service';
import { provincesWithCenters } from './portal.service';
import { type FieldErrors, formProblems, type RequestForm } from './request-form';
import { type Lang, nameIn } from './words';

/**
 * The form checked in full: its shape and sizes, then a district that has a center and a live subject. Gives the
 * request to send, or the message of each field in error, all at once.
 */
export async function checkRequestForm(
  db: Db,
  form: RequestForm,
): Promise<{ input: PortalRequestInput; errors?: undefined } | { input?: undefined; errors: FieldErrors }> {
  const { errors, input } = formProblems(form);
  if (!errors.district && !(await centerOfDistrict(db, form.district))) errors.district = { word: 'reqDistrictRequired' };
  if (!errors.subject && !(await liveServiceTypes(db)).some((s) => s.code === form.subject))
    errors.subject = { word: 'reqSubjectRequired' };
  if (!input || Object.keys(errors).length) return { errors };
  return { input };
}

/** Sends a checked request: its reference code and the follow link's secret (given once, never stored). */
export const sendRequest = (db: Db, input: PortalRequestInput) => createPortalRequest(db, input);

/** What a follow link opens: the request (nothing of the requester), its center and its subject's name; or nothing. */
export async function followRequest(db: Db, referenceCode: string, token: string, lang: Lang) {
  const request = await followPortalRequest(db, referenceCode, token);
  if (!request) return undefined;
  const [center, subject] = await Promise.all([
    centerOfDistrict(db, request.orgUnitCode),
    serviceTypeName(db, request.subjectCode, lang),
  ]);
  return { request, center, subject };
}

export interface Subject {
  code: string;
  nameTh: string;
  nameEn: string | null;
}

/** The center's missions a citizen may ask about: the live `service_type` codes, in the list's order. */
export async function liveServiceTypes(db: Db): Promise<Subject[]> {
  return db
    .select({ code: codeLists.code, nameTh: codeLists.nameTh, nameEn: codeLists.nameEn })
    .from(codeLists)
    .where(and(eq(codeLists.list, 'service_type'), eq(codeLists.deprecated, false)))
    .orderBy(asc(codeLists.sort), asc(codeLists.code));
}

/** A subject's name in the language, even if its code was retired since the request was sent. */
export async function serviceTypeName(db: Db, code: string, lang: Lang): Promise<string> {
  const [row] = await db
    .select({ nameTh: codeLists.nameTh, nameEn: codeLists.nameEn })
    .from(codeLists)
    .where(and(eq(codeLists.list, 'service_type'), eq(codeLists.code, code)));
  return row ? nameIn(lang, row.nameTh, row.nameEn) : code;
}

/** A district that has a center, with its province: where a request may go. */
export async function centerOfDistrict(db: Db, code: string) {
  if (!/^\d{4}$/.test(code)) return undefined;
  const [center] = await db
    .select({
      code: centers.orgUnitCode,
      nameTh: centers.nameTh,
      nameEn: centers.nameEn,
      provinceCode: sql<string>`${orgUnits.parentCode}`,
    })
    .from(centers)
    .innerJoin(orgUnits, eq(orgUnits.code, centers.orgUnitCode))
    .where(eq(centers.orgUnitCode, code));
  return center;
}

/** The districts of a province that have a center, in Thai order. */
async function districtsWithCenters(db: Db, province: string) {
  return db
    .select({ code: orgUnits.code, nameTh: orgUnits.nameTh, nameEn: orgUnits.nameEn })
    .from(centers)
    .innerJoin(orgUnits, eq(orgUnits.code, centers.orgUnitCode))
    .where(eq(orgUnits.parentCode, province))
    .orderBy(thaiOrder(orgUnits.nameTh));
}

/** What the form offers: provinces with centers, the districts of the chosen one, the subjects, how long data is kept. */
export async function formOptions(db: Db, province: string | undefined) {
  const [provinces, districts, subjects, retentionYears] = await Promise.all([
    provincesWithCenters(db),
    province && /^\d{2}$/.test(province) ? districtsWithCenters(db, province) : [],
    liveServiceTypes(db),
    retentionYearsOf(db, 'service_request'),
  ]);
  return { provinces, districts, subjects, retentionYears };
}
export type FormOptions = Awaited<ReturnType<typeof formOptions>>;
