import { describe, expect, it } from 'vitest';
import { fiscalMonths, monthLabel } from './months';

describe('months of an action plan', () => {
  it('names a month in the Buddhist Era in Thai and in the Gregorian calendar in English', () => {
    expect(monthLabel('2027-01', 'th')).toBe('มกราคม 2570');
    expect(monthLabel('2026-10', 'th')).toBe('ตุลาคม 2569');
    expect(monthLabel('2027-01', 'en')).toBe('January 2027');
  });

  it('lists the twelve months of a fiscal year, October of the year before to September, as the API writes them', () => {
    const months = fiscalMonths(2570);
    expect(months).toHaveLength(12);
    expect(months[0]).toBe('2026-10');
    expect(months[3]).toBe('2027-01');
    expect(months[11]).toBe('2027-09');
  });
});
