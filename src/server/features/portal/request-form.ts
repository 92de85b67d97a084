/**
 * The portal's service request form as sent and as checked: text fields read from a url-encoded body, their sizes and
 * shapes checked by zod, then the district (one with a center) and the subject (a live code) against the database.
 * Every problem becomes a message beside its field, in the visitor's language; nothing here throws on bad input.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { thaiOrder } from '../../db/filters';
import { centers, codeLists, orgUnits } from '../../db/schema';
import { retentionYearsOf } from '../people/pdpa.service';
import type { PortalRequestInput } from '../requests/requests.service';
import { provincesWithCenters } from './portal.service';
import { type Lang, nameIn, type Word } from './words';

export const LIMITS = { nameMin: 2, name: 100, phone: 20, descriptionMin: 10, description: 1000 } as const;
/** The largest form body: the longest Thai details (9 bytes a character once url-encoded) and the other fields. */
export const FORM_BODY_BYTES = 16 * 1024;
/** A field hidden from people that form-filling robots fill in. */
export const HONEYPOT = 'website';

/** The form's fields as typed, kept to show them again beside any message. */
export interface RequestForm {
  name: string;
  phone: string;
  province: string;
  district: string;
  subject: string;
  description: string;
  consent: boolean;
}
export type FieldName = 'name' | 'phone' | 'district' | 'subject' | 'description' | 'consent';
export type FieldErrors = Partial<Record<FieldName, { word: Word; params?: Record<string, number> }>>;

/** A url-encoded body as text fields: the first value of a repeated name; NUL characters dropped (no browser sends one). */
export function parseFormBody(body: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(body)) {
    if (!(name in fields)) fields[name] = value.replaceAll('\u0000', '');
  }
  return fields;
}

/** The form out of whatever body arrived: a JSON or garbled body gives empty fields, which then get their messages. */
export function requestFormOf(body: unknown) {
  const fields = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  const text = (name: string) => (typeof fields[name] === 'string' ? (fields[name] as string) : '');
  const form: RequestForm = {
    name: text('name'),
    phone: text('phone'),
    province: text('province'),
    district: text('district'),
    subject: text('subject'),
    description: text('description'),
    consent: text('consent') === 'on',
  };
  return { form, honeypot: text(HONEYPOT), intent: text('intent'), lang: text('lang') };
}

/** Each rule's message is the word shown beside the field. */
const formSchema = z.object({
  name: z.string().trim().min(LIMITS.nameMin, 'reqNameRequired').max(LIMITS.name, 'reqNameTooLong'),
  phone: z
    .string()
    .max(LIMITS.phone, 'reqPhoneInvalid')
    .transform((phone) => phone.replace(/[\s-]/g, ''))
    .pipe(z.string().regex(/^0\d{8,9}$/, 'reqPhoneInvalid')),
  district: z.string().regex(/^\d{4}$/, 'reqDistrictRequired'),
  subject: z.string().min(1, 'reqSubjectRequired').max(50, 'reqSubjectRequired'),
  description: z
    .string()
    .trim()
    .min(LIMITS.descriptionMin, 'reqDescriptionRequired')
    .max(LIMITS.description, 'reqDescriptionTooLong'),
  consent: z.literal(true, 'reqConsentRequired'),
});

const PARAMS: Partial<Record<Word, Record<string, number>>> = {
  reqNameTooLong: { max: LIMITS.name },
  reqDescriptionRequired: { min: LIMITS.descriptionMin },
  reqDescriptionTooLong: { max: LIMITS.description },
};

/** The form checked: the request to create, or the message of each field in error (all at once). */
export async function checkRequestForm(
  db: Db,
  form: RequestForm,
  subjects: Subject[],
): Promise<{ input: PortalRequestInput; errors?: undefined } | { input?: undefined; errors: FieldErrors }> {
  const errors: FieldErrors = {};
  const parsed = formSchema.safeParse(form);
  for (const issue of parsed.error?.issues ?? []) {
    const field = issue.path[0] as FieldName;
    const word = issue.message as Word;
    errors[field] ??= { word, params: PARAMS[word] };
  }
  if (!errors.district && !(await centerOfDistrict(db, form.district))) errors.district = { word: 'reqDistrictRequired' };
  if (!errors.subject && !subjects.some((s) => s.code === form.subject)) errors.subject = { word: 'reqSubjectRequired' };
  if (!parsed.success || Object.keys(errors).length) return { errors };
  const { name, phone, district, subject, description } = parsed.data;
  return { input: { orgUnitCode: district, clientName: name, clientPhone: phone, subjectCode: subject, description } };
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
