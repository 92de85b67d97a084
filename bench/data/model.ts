/** What the generator builds rows with: id counters, a batch of rows per table, dates, and people. */

import { citizenIdHash, encryptCitizenId } from '../../src/server/personal-data';
import { citizenIdCheckDigit, fiscalYearOf } from '../../src/shared/thai/index';
import type { Random } from './random';
import type { Value } from './sink';
import { FEMALE_FIRST, MALE_FIRST, PLACE_WORDS, SURNAMES, TITLES_FEMALE, TITLES_MALE } from './words';

export type Row = Record<string, Value>;

/** Next id per table, from what the database already holds: rows carry their ids, so links need no round trip. */
export class Ids {
  constructor(private readonly last: Map<string, number>) {}

  next(table: string): number {
    const id = (this.last.get(table) ?? 0) + 1;
    this.last.set(table, id);
    return id;
  }
}

/** Rows waiting to be written, per table, in the order they were made. */
export class Batch {
  readonly tables = new Map<string, Row[]>();

  add(table: string, row: Row): Row {
    const rows = this.tables.get(table);
    if (rows) rows.push(row);
    else this.tables.set(table, [row]);
    return row;
  }

  rows(table: string): Row[] {
    return this.tables.get(table) ?? [];
  }
}

const DAY_MS = 86_400_000;
export const dayNumber = (iso: string) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / DAY_MS;
export const isoOfDay = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
export const plusDays = (iso: string, days: number) => isoOfDay(dayNumber(iso) + days);
export const minDate = (a: string, b: string) => (a < b ? a : b);
export const maxDate = (a: string, b: string) => (a > b ? a : b);
export const fiscalYear = (iso: string) => fiscalYearOf(iso).fiscalYear;

/** A day in [from, to], moved off the weekend (offices are closed) when the range allows. */
export function dayBetween(r: Random, from: string, to: string, weekdays = true): string {
  const a = dayNumber(from);
  const b = dayNumber(to);
  if (b <= a) return from;
  let day = r.int(a, b);
  if (weekdays) {
    const weekday = new Date(day * DAY_MS).getUTCDay();
    if (weekday === 6 && day - 1 >= a) day -= 1;
    else if (weekday === 0 && day + 1 <= b) day += 1;
  }
  return isoOfDay(day);
}

/** A timestamp during office hours of a day, Bangkok time. */
export function officeTime(r: Random, iso: string): string {
  return `${iso}T${String(r.int(8, 16)).padStart(2, '0')}:${String(r.int(0, 59)).padStart(2, '0')}:00+07:00`;
}

/** The first day of the month of a date. */
export const monthOf = (iso: string) => `${iso.slice(0, 7)}-01`;

export const phone = (r: Random) => `0${r.pick(['8', '9', '6'])}${r.digits(8)}`;

/**
 * A citizen ID that passes the checksum: the district's registration office code (digits 2–5, as on real
 * IDs), then a number unique in the district, then the check digit.
 */
export function citizenIdOf(districtCode: string, serial: number, older: boolean): string {
  const personal = String((serial * 1_234_567 + 7_654_321) % 10_000_000).padStart(7, '0');
  const first12 = `${older ? '3' : '1'}${districtCode}${personal}`;
  return `${first12}${citizenIdCheckDigit(first12)}`;
}

export interface PersonMaker {
  districtCode: string;
  key: Buffer;
  ids: Ids;
  batch: Batch;
  serial: number;
}

/** A person of the district, with the citizen ID sealed the way the people service seals it. */
export function makePerson(m: PersonMaker, r: Random, roles: string[], createdAt: string): Row {
  const female = r.chance(0.55);
  const older = r.chance(0.7);
  const withId = r.chance(0.93);
  const citizenId = withId ? citizenIdOf(m.districtCode, m.serial++, older) : null;
  return m.batch.add('people', {
    id: m.ids.next('people'),
    org_unit_code: m.districtCode,
    created_at: createdAt,
    updated_at: createdAt,
    title: r.pick(female ? TITLES_FEMALE : TITLES_MALE),
    first_name: r.pick(female ? FEMALE_FIRST : MALE_FIRST),
    last_name: r.pick(SURNAMES),
    citizen_id_hash: citizenId ? citizenIdHash(m.key, citizenId) : null,
    citizen_id_last4: citizenId ? citizenId.slice(-4) : null,
    citizen_id_encrypted: citizenId ? encryptCitizenId(m.key, citizenId) : null,
    phone: r.chance(0.7) ? phone(r) : null,
    house_no: `${r.int(1, 250)}${r.chance(0.2) ? `/${r.int(1, 9)}` : ''}`,
    village_no: r.int(1, 18),
    subdistrict: r.pick(PLACE_WORDS),
    roles,
  });
}

export const fullName = (p: Row) => `${p.title}${p.first_name} ${p.last_name}`;
