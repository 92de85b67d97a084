import { describe, expect, it } from 'vitest';
import { parseTypedDate } from './dates';

describe('typed dates', () => {
  it('reads day/month/year in the Buddhist Era or the Common Era, and ISO', () => {
    expect(parseTypedDate('30/4/2563')).toBe('2020-04-30');
    expect(parseTypedDate('30/04/2020')).toBe('2020-04-30');
    expect(parseTypedDate('2020-04-30')).toBe('2020-04-30');
  });

  it('reads Thai digits, and a two-digit year as the Buddhist Era’s in Thai and the Common Era’s in English', () => {
    expect(parseTypedDate('๓๐/๐๙/๒๕๖๙')).toBe('2026-09-30');
    expect(parseTypedDate('30/9/69')).toBe('2026-09-30');
    expect(parseTypedDate('๑/๑๐/๖๙')).toBe('2026-10-01');
    expect(parseTypedDate('30/9/26', 'en')).toBe('2026-09-30');
    expect(parseTypedDate('31/2/69')).toBeNull();
  });

  it('refuses what is not a calendar date', () => {
    expect(parseTypedDate('31/2/2563')).toBeNull();
    expect(parseTypedDate('tomorrow')).toBeNull();
  });
});
