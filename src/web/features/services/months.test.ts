import { describe, expect, it } from 'vitest';
import { monthLabel, recentMonths } from './months';

describe('the month filter of the services page', () => {
  it('offers the months up to this one, newest first, across a new year', () => {
    expect(recentMonths('2026-02-14', 4)).toEqual(['2026-02', '2026-01', '2025-12', '2025-11']);
  });

  it('names a month with its Buddhist Era year in Thai and its common era year in English', () => {
    expect(monthLabel('2026-11', 'th')).toBe('พฤศจิกายน 2569');
    expect(monthLabel('2026-11', 'en')).toBe('November 2026');
  });
});
