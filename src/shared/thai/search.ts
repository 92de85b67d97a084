/**
 * Thai has no spaces between words: we index and query by Intl.Segmenter word tokens, and the
 * database's pg_trgm index finds each token inside longer compounds ("ไหม" in "ผ้าไหมมัดหมี่").
 */
const segmenter = new Intl.Segmenter('th', { granularity: 'word' });

export function thaiWords(text: string): string[] {
  return [...segmenter.segment(text.toLowerCase())].filter((s) => s.isWordLike).map((s) => s.segment);
}

/** What is stored in a record's search column: its texts, then their word tokens. */
export function searchTextOf(...parts: (string | null | undefined)[]): string {
  const text = parts.filter(Boolean).join(' ');
  return `${text.toLowerCase()} ${thaiWords(text).join(' ')}`.trim();
}
