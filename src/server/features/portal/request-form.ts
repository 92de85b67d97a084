/**
 * The portal's service request form as sent: text fields read from a url-encoded body, their sizes and shapes checked
 * by zod (requests.service.ts then checks the district and the subject against the database). Every problem becomes
 * a message beside its field, in the visitor's language; nothing here throws on bad input.
 */
import { z } from 'zod';
import type { PortalRequestInput } from '../requests/requests.service';
import type { Word } from './words';

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

/** The messages of the form's shape and sizes (the database's checks come after), and the request if it passed. */
export function formProblems(form: RequestForm): { errors: FieldErrors; input?: PortalRequestInput } {
  const errors: FieldErrors = {};
  const parsed = formSchema.safeParse(form);
  for (const issue of parsed.error?.issues ?? []) {
    const word = issue.message as Word;
    errors[issue.path[0] as FieldName] ??= { word, params: PARAMS[word] };
  }
  if (!parsed.success) return { errors };
  const { name, phone, district, subject, description } = parsed.data;
  return { errors, input: { orgUnitCode: district, clientName: name, clientPhone: phone, subjectCode: subject, description } };
}
