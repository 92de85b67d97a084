/**
 * The zod primitives every schema builds on, so each rule about a field lives in one place:
 * a date is a real calendar date, text carries no NUL, ids fit a PostgreSQL integer, a unit code is a DOPA code.
 */
import { z } from 'zod';
import type { OrgLevel } from './access';
import { isIsoDate } from './thai/calendar';
import { toArabicDigits } from './thai/digits';

/** A calendar date `YYYY-MM-DD` that exists (2026-02-30 and 0000-00-00 are refused). */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD')
  .refine((value) => isIsoDate(value) && value >= '1900-01-01' && value <= '2199-12-31', 'not a calendar date');

/** Free text: NUL characters are refused (PostgreSQL cannot store them). */
export const text = () => z.string().refine((value) => !value.includes('\u0000'), 'contains a NUL character');

/** A database id: 1 … 2³¹−1 (a PostgreSQL integer). */
export const idSchema = z.number().int().min(1).max(2_147_483_647);
/** The same, from a path or query string. */
export const idParam = z.coerce.number().int().min(1).max(2_147_483_647);

/** TH (the department), a 2-digit province code or a 4-digit district code. */
export const orgUnitCodeSchema = z.string().regex(/^(TH|\d{2}|\d{4})$/, 'TH, a 2-digit province code or a 4-digit district code');
/** A unit that hands money down: the department or a province. */
export const allocatingUnitCodeSchema = z.string().regex(/^(TH|\d{2})$/, 'TH or a 2-digit province code');
export const provinceCodeSchema = z.string().regex(/^\d{2}$/, 'a 2-digit province code');
export const districtCodeSchema = z.string().regex(/^\d{4}$/, 'a 4-digit district code');
/** A unit below the department (money is received, spent and lent there): a province or a district. */
export const localUnitCodeSchema = z.string().regex(/^(\d{2}|\d{4})$/, 'a 2-digit province code or a 4-digit district code');

/** The level of a unit from its DOPA code: TH, 2 digits, 4 digits. */
export function levelOf(orgUnitCode: string): OrgLevel {
  if (orgUnitCode === 'TH') return 'national';
  return orgUnitCode.length === 2 ? 'province' : 'district';
}

export const isDistrict = (orgUnitCode: string | undefined | null): orgUnitCode is string =>
  !!orgUnitCode && levelOf(orgUnitCode) === 'district';
export const isProvince = (orgUnitCode: string | undefined | null): orgUnitCode is string =>
  !!orgUnitCode && levelOf(orgUnitCode) === 'province';

/** A fiscal year named by its Buddhist Era end year (2500–2700). */
export const fiscalYearSchema = z.coerce.number().int().min(2500).max(2700);

/** A calendar month, Gregorian `YYYY-MM` (the web shows it in BE). */
export const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM');

/**
 * A Thai phone number as officers write it ("081-234-5678", "081 234 5678", "๐๘๑๒๓๔๕๖๗๘"), kept as its digits: a 0
 * and eight or nine more.
 */
export const phoneSchema = z
  .string()
  .transform((written) => toArabicDigits(written).replace(/[\s.-]/g, ''))
  .refine((digits) => /^0\d{8,9}$/.test(digits), { message: '9–10 digits starting with 0' })
  .describe('A 0 and 8 or 9 more digits; spaces, dashes and dots are dropped, Thai digits read as digits');

/**
 * On each record a quarterly report counts: dated in a quarter the province locked after approving the report, so
 * the server refuses to change or delete it (409 quarter.locked) until the province unlocks the quarter.
 */
export const lockedSchema = z
  .boolean()
  .describe(
    'Dated in a quarter the province locked after approving its report: the record cannot be changed or deleted until the quarter is unlocked',
  );
