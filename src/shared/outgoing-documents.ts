/** The outgoing-document register (ทะเบียนหนังสือส่ง), office letterheads and the letters issued from them. */
import { z } from 'zod';
import { allocatingUnitCodeSchema, isoDate, orgUnitCodeSchema, text } from './fields';
import { pageQuery, pageResponse } from './paging';

export const outgoingDocumentSchema = z.object({
  id: z.number().int(),
  orgUnitCode: z.string(),
  fiscalYear: z.number().int(),
  runningNumber: z.number().int().describe('Running number of the office in the fiscal year (1, 2, …)'),
  number: z.string().describe('The number as printed: prefix/ว running number'),
  documentDate: z.string(),
  subject: z.string(),
  addressee: z.string(),
  recordType: z.string(),
  recordId: z.number().int(),
  issuedBy: z.number().int().nullable(),
  issuedByName: z.string().nullable(),
  createdAt: z.string(),
});
export type OutgoingDocument = z.infer<typeof outgoingDocumentSchema>;

export const outgoingDocumentListQuery = z.strictObject({
  unit: orgUnitCodeSchema,
  fiscalYear: z.coerce.number().int().min(2400).max(2800).optional(),
  recordType: text().max(50).optional(),
  recordId: z.coerce.number().int().min(1).max(2_147_483_647).optional(),
  ...pageQuery,
});
export const outgoingDocumentListResponse = pageResponse(outgoingDocumentSchema);

/** A prefix as an office writes it: letters, Thai or Arabic digits, spaces, dots (อบ ๐๐๑๗, มท 0410.2). */
export const documentPrefixSchema = text()
  .trim()
  .min(2)
  .max(40)
  .regex(/^[\u0E00-\u0E7FA-Za-z0-9 .-]+$/, 'letters, digits, spaces and dots');

export const letterheadSchema = z.object({
  orgUnitCode: z.string(),
  prefix: z.string().describe('Empty until the office sets it'),
  phone: z.string(),
  email: z.string(),
  version: z.number().int().describe('0 until first saved'),
});
export type Letterhead = z.infer<typeof letterheadSchema>;

export const saveLetterheadBody = z.strictObject({
  prefix: documentPrefixSchema,
  phone: text().trim().max(100),
  email: z.union([z.literal(''), z.email().max(200)]),
  version: z.number().int().min(0),
});

export const unitCodeParams = z.strictObject({ code: orgUnitCodeSchema });

export const documentSettingsResponse = z.object({
  emblem: z.object({ mime: z.string(), updatedAt: z.string() }).nullable().describe('null until the department uploads it'),
});

export type DocumentSettings = z.infer<typeof documentSettingsResponse>;

/** The most an emblem image may weigh. */
export const MAX_EMBLEM_KB = 512;

/** What the letter dialog needs: the number already issued (if any), the default date and deadline. */
export const letterInfoResponse = z.object({
  document: outgoingDocumentSchema.nullable(),
  date: z.string().describe('The issued date, or the default: today, or for a past fiscal year a date inside it'),
  deadline: z.string().nullable().describe('The deadline set for the units below (expense details), if any'),
  prefix: z.string().describe('The office prefix; empty means no number can be issued yet'),
});

export type LetterInfo = z.infer<typeof letterInfoResponse>;

export const letterInfoQuery = z.strictObject({ unit: allocatingUnitCodeSchema });

export const issueLetterBody = z.strictObject({
  unit: allocatingUnitCodeSchema,
  date: isoDate.optional().describe('The letter date (ignored when the letter already has its number)'),
  deadline: isoDate.nullable().optional().describe('Default: the deadline set for the units below'),
  signer: text().trim().max(200).optional(),
  position: text().trim().max(300).optional(),
  digits: z.enum(['thai', 'arabic']).default('thai'),
});
