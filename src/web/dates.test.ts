import { describe, expect, it } from 'vitest';
import { parseTypedDate } from './dates';

describe('typed dates', () => {
  it('reads day/month/year in the Buddhist Era or the Common Era, and ISO', () => {
    expect(parseTypedDate('30/4/2563')).toBe('2020-04-30');
    expect(parseTypedDate('30/04/2020')).toBe('2020-04-30');
    expect(parseTypedDate('2020-04-30')).toBe('2020-04-30');
  });

  it('refuses what is not a calendar date', () => {
    expect(parseTypedDate('31/2/2563')).toBeNull();
    expect(parseTypedDate('tomorrow')).toBeNull();
  });
});
