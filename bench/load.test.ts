import { describe, expect, it } from 'vitest';
import { percentile, summarise } from './load';

describe('percentile (nearest rank)', () => {
  const hundred = Array.from({ length: 100 }, (_, i) => i + 1);

  it('gives the value at or above the share asked for', () => {
    expect(percentile(hundred, 50)).toBe(50);
    expect(percentile(hundred, 95)).toBe(95);
    expect(percentile(hundred, 99)).toBe(99);
    expect(percentile(hundred, 100)).toBe(100);
  });

  it('takes the slow tail, never an average: one slow request of twenty is the p99', () => {
    const times = [...Array.from({ length: 19 }, () => 10), 900];
    expect(percentile(times, 95)).toBe(10);
    expect(percentile(times, 99)).toBe(900);
  });

  it('answers for one value and for none', () => {
    expect(percentile([7], 50)).toBe(7);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 95)).toBe(0);
  });
});

describe('summarise', () => {
  it('sorts the times itself and counts requests per second over the whole measurement', () => {
    const figures = summarise([30, 10, 20, 40], 2);
    expect(figures).toMatchObject({ p50: 20, p95: 40, p99: 40, rps: 2, requests: 4, errors: 0 });
    expect(figures.failures).toBeUndefined();
  });

  it('adds up the failures by status', () => {
    const figures = summarise([5], 1, { 429: 3, error: 1 });
    expect(figures.errors).toBe(4);
    expect(figures.failures).toEqual({ 429: 3, error: 1 });
  });
});
