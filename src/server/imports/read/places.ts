/**
 * Place names in an import → official org-unit codes. `exact` only when one unit is meant beyond doubt (the official
 * name, or the same letters without marks and with look-alike consonants, English name, "อ.เมือง" with the province
 * known); otherwise ranked suggestions the user confirms. `matchPlaces` also reasons over the whole column: a name that
 * matches nothing is most likely the district no other row named (บุญศรี → บุณฑริก), but it stays a suggestion.
 */
import { and, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { underUnit } from '../../db/filters';
import { orgUnits } from '../../db/schema/index';
import {
  cleanPlace,
  englishPlace,
  isBareMueang,
  isLatin,
  loosePlace,
  type PlaceLevel,
  parsePlaceText,
  similarity,
} from './place-names';

type PlaceUnit = {
  code: string;
  name: string;
  level: PlaceLevel;
  clean: string;
  loose: string;
  english: string;
};

/** The provinces and districts of a scope, with their compared forms; `provinceCode` when the scope is in one. */
export type PlaceIndex = { units: PlaceUnit[]; provinceCode?: string };

export type PlaceSuggestion = { code: string; name: string; score: number };
export type PlaceMatch = {
  status: 'exact' | 'suggested' | 'unknown';
  /** Set only when `exact`; a suggested match's best guess is `suggestions[0]`. */
  code?: string;
  name?: string;
  suggestions: PlaceSuggestion[];
};

const SUGGESTION_FLOOR = 0.6;
const ELIMINATION_FLOOR = 0.3;
const MAX_SUGGESTIONS = 5;

export function placeIndexOf(
  rows: readonly { code: string; nameTh: string; nameEn: string; level: string }[],
  scopeUnitCode: string,
): PlaceIndex {
  const units = rows
    .filter((row) => row.level === 'province' || row.level === 'district')
    .map((row) => ({
      code: row.code,
      name: row.nameTh,
      level: row.level as PlaceLevel,
      clean: cleanPlace(row.nameTh),
      loose: loosePlace(row.nameTh),
      english: englishPlace(row.nameEn),
    }));
  const provinceCode = /^\d{2}/.test(scopeUnitCode) ? scopeUnitCode.slice(0, 2) : undefined;
  return { units, provinceCode };
}

/** The province and district rows under the scope ('TH' or '' for the nation). */
export async function loadPlaceIndex(db: Db, scopeUnitCode: string): Promise<PlaceIndex> {
  const rows = await db
    .select({ code: orgUnits.code, nameTh: orgUnits.nameTh, nameEn: orgUnits.nameEn, level: orgUnits.level })
    .from(orgUnits)
    .where(and(inArray(orgUnits.level, ['province', 'district']), underUnit(orgUnits.code, scopeUnitCode || 'TH')))
    .orderBy(orgUnits.code);
  return placeIndexOf(rows, scopeUnitCode);
}

const inProvince = (unit: PlaceUnit, provinceCode: string | undefined) => !provinceCode || unit.code.startsWith(provinceCode);
const suggestion = (unit: PlaceUnit, score: number): PlaceSuggestion => ({ code: unit.code, name: unit.name, score });
const exact = (unit: PlaceUnit): PlaceMatch => ({
  status: 'exact',
  code: unit.code,
  name: unit.name,
  suggestions: [suggestion(unit, 1)],
});

/** How alike a typed name is to each unit, in the script it was typed in. */
function likenessTo(name: string): (unit: PlaceUnit) => number {
  if (isLatin(name)) {
    const typed = englishPlace(name);
    return (unit) => similarity(typed, unit.english);
  }
  const typed = loosePlace(name);
  return (unit) => similarity(typed, unit.loose);
}

export function matchPlace(index: PlaceIndex, text: string, options: { provinceCode?: string } = {}): PlaceMatch {
  const parsed = parsePlaceText(text);
  if (!parsed.name) return { status: 'unknown', suggestions: [] };
  const namedProvince = parsed.provinceName
    ? index.units.find((unit) => unit.level === 'province' && unit.loose === loosePlace(parsed.provinceName ?? ''))
    : undefined;
  const provinceCode = options.provinceCode ?? namedProvince?.code ?? index.provinceCode;
  const candidates = index.units.filter(
    (unit) => inProvince(unit, provinceCode) && (!parsed.level || unit.level === parsed.level),
  );

  if (isBareMueang(parsed.name)) {
    const capital = provinceCode && candidates.find((unit) => unit.code === `${provinceCode}01`);
    return capital ? exact(capital) : { status: 'unknown', suggestions: [] };
  }

  const [english, clean, loose] = [englishPlace(parsed.name), cleanPlace(parsed.name), loosePlace(parsed.name)];
  const forms: ((unit: PlaceUnit) => boolean)[] = isLatin(parsed.name)
    ? [(unit) => unit.english === english]
    : [(unit) => unit.clean === clean, (unit) => unit.loose === loose];
  for (const same of forms) {
    const found = candidates.filter(same);
    if (found.length === 1) return exact(found[0]);
    if (found.length > 1) return { status: 'suggested', suggestions: found.map((unit) => suggestion(unit, 1)) };
  }

  const likeness = likenessTo(parsed.name);
  const suggestions = candidates
    .map((unit) => suggestion(unit, likeness(unit)))
    .filter((s) => s.score >= SUGGESTION_FLOOR)
    .sort((a, b) => b.score - a.score || a.code.localeCompare(b.code))
    .slice(0, MAX_SUGGESTIONS);
  return { status: suggestions.length ? 'suggested' : 'unknown', suggestions };
}

/** The one province all exact district matches lie in, when at least two agree and none disagrees. */
function provinceOfColumn(matches: readonly PlaceMatch[]): string | undefined {
  const provinces = new Set(matches.filter((m) => m.status === 'exact' && m.code?.length === 4).map((m) => m.code?.slice(0, 2)));
  const exactDistricts = matches.filter((m) => m.status === 'exact' && m.code?.length === 4).length;
  return provinces.size === 1 && exactDistricts >= 2 ? [...provinces][0] : undefined;
}

/**
 * A whole column. After matching each name, when the column names (nearly) every district of the province, the
 * districts no row matched exactly are paired with the rows that matched nothing exactly, most alike first; each
 * pair's district goes to the top of that row's suggestions with a raised score.
 */
export function matchPlaces(index: PlaceIndex, texts: readonly string[], options: { provinceCode?: string } = {}): PlaceMatch[] {
  // A column of 50,000 producers names a few hundred places: each is matched once.
  const distinct = [...new Set(texts.map((text) => text.trim()))];
  const matches = matchDistinct(index, distinct, options);
  const byText = new Map(distinct.map((text, i) => [text, matches[i]]));
  return texts.map((text) => byText.get(text.trim()) ?? { status: 'unknown', suggestions: [] });
}

function matchDistinct(index: PlaceIndex, texts: readonly string[], options: { provinceCode?: string }): PlaceMatch[] {
  let matches = texts.map((text) => matchPlace(index, text, options));
  const provinceCode = options.provinceCode ?? index.provinceCode ?? provinceOfColumn(matches);
  if (!provinceCode) return matches;
  if (!options.provinceCode && !index.provinceCode) {
    matches = matches.map((match, i) => (match.status === 'exact' ? match : matchPlace(index, texts[i], { provinceCode })));
  }

  const claimed = new Set(matches.filter((m) => m.status === 'exact').map((m) => m.code));
  const pool = index.units.filter(
    (unit) => unit.level === 'district' && inProvince(unit, provinceCode) && !claimed.has(unit.code),
  );
  const open = texts
    .map((text, i) => ({ i, parsed: parsePlaceText(text) }))
    .filter(({ i, parsed }) => matches[i].status !== 'exact' && parsed.name && parsed.level !== 'province');
  // Only a column that names (nearly) the whole province says which districts are left: with more districts left
  // than open rows plus one, any of them could be meant.
  if (open.length === 0 || pool.length > open.length + 1) return matches;
  const pairs = open
    .flatMap(({ i, parsed }) => {
      const likeness = likenessTo(parsed.name);
      return pool.map((unit) => ({ i, unit, score: likeness(unit) }));
    })
    .filter((pair) => pair.score >= ELIMINATION_FLOOR)
    .sort((a, b) => b.score - a.score || a.unit.code.localeCompare(b.unit.code));
  const takenRows = new Set<number>();
  const takenUnits = new Set<string>();
  for (const { i, unit, score } of pairs) {
    if (takenRows.has(i) || takenUnits.has(unit.code)) continue;
    takenRows.add(i);
    takenUnits.add(unit.code);
    const raised = Math.round(Math.min(0.99, Math.max(score, 0.5 + score / 2)) * 100) / 100;
    const others = matches[i].suggestions.filter((s) => s.code !== unit.code);
    matches[i] = { status: 'suggested', suggestions: [suggestion(unit, raised), ...others].slice(0, MAX_SUGGESTIONS) };
  }
  return matches;
}
