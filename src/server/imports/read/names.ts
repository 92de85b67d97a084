/**
 * Names of records on file (a district's occupational groups) matched as place names are (places.ts): the same
 * letters without spaces or punctuation, then the loose form (no marks, look-alike consonants folded), then ranked
 * suggestions by edit distance for the user to confirm. A record may sit in a smaller place (a group's subdistrict)
 * that tells namesakes apart; two records a name fits equally are `ambiguous`, never one of them guessed.
 */
import { cleanPlace, loosePlace, similarity } from './place-names';
import type { PlaceSuggestion } from './places';

export type NamedRecord = { id: number; name: string; within?: string | null };

export type NameMatch = {
  status: 'exact' | 'ambiguous' | 'suggested' | 'unknown';
  /** Set only when `exact`. */
  record?: NamedRecord;
  /** Most alike first; `code` is the record's id, `name` its name with its smaller place. */
  suggestions: PlaceSuggestion[];
};

type Indexed = NamedRecord & { clean: string; loose: string; bare: string; withinClean: string };
export type NameIndex = { records: Indexed[]; prefix?: RegExp };

const SUGGESTION_FLOOR = 0.6;
const MAX_SUGGESTIONS = 5;

/**
 * The records with their compared forms. `prefix` is a word most names begin with ("กลุ่ม"): left out when scoring,
 * so two names are not alike only because both are groups.
 */
export function nameIndexOf(records: readonly NamedRecord[], prefix?: RegExp): NameIndex {
  const bareOf = (name: string) => loosePlace(prefix ? name.trim().replace(prefix, '') || name : name);
  return {
    prefix,
    records: records.map((r) => ({
      ...r,
      clean: cleanPlace(r.name),
      loose: loosePlace(r.name),
      bare: bareOf(r.name),
      withinClean: cleanPlace(r.within ?? ''),
    })),
  };
}

const suggestion = (r: Indexed, score: number): PlaceSuggestion => ({
  code: String(r.id),
  name: r.within ? `${r.name} (${r.within})` : r.name,
  score,
});

/** The record a typed name (and, when given, its smaller place) means, or the records it may mean. */
export function matchName(index: NameIndex, text: string, within?: string): NameMatch {
  const clean = cleanPlace(text);
  if (!clean) return { status: 'unknown', suggestions: [] };
  const withinClean = cleanPlace(within ?? '');
  const loose = loosePlace(text);
  for (const same of [(r: Indexed) => r.clean === clean, (r: Indexed) => r.loose === loose]) {
    const found = index.records.filter(same);
    const there = withinClean ? found.filter((r) => r.withinClean === withinClean) : [];
    if (there.length === 1) return { status: 'exact', record: there[0], suggestions: [suggestion(there[0], 1)] };
    if (found.length === 1) return { status: 'exact', record: found[0], suggestions: [suggestion(found[0], 1)] };
    if (found.length > 1)
      return { status: 'ambiguous', suggestions: (there.length ? there : found).map((r) => suggestion(r, 1)) };
  }
  const bare = loosePlace(index.prefix ? text.trim().replace(index.prefix, '') || text : text);
  const near = (r: Indexed) => (withinClean && r.withinClean === withinClean ? 0 : 1);
  const suggestions = index.records
    .map((r) => ({ r, score: similarity(bare, r.bare) }))
    .filter((s) => s.score >= SUGGESTION_FLOOR)
    // Equally alike: the one in the row's smaller place first.
    .sort((a, b) => b.score - a.score || near(a.r) - near(b.r) || a.r.name.localeCompare(b.r.name, 'th'))
    .slice(0, MAX_SUGGESTIONS)
    .map((s) => suggestion(s.r, s.score));
  return { status: suggestions.length ? 'suggested' : 'unknown', suggestions };
}
