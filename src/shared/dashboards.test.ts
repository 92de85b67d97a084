import { statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import orgUnits from '../server/db/seed/org-units.json' with { type: 'json' };
import { MAP_PALETTE, mapClasses, mapColor, NO_DATA_COLOR, type ProvinceTopology, provinceShapes } from './dashboards';
import topology from './th-provinces.topo.json' with { type: 'json' };

const topo = topology as unknown as ProvinceTopology;

describe('province map data', () => {
  it('has one shape for each of the 77 provinces of the org units seed, with nothing but its code', () => {
    const codes = topo.objects.provinces.geometries.map((g) => (g.properties as { code: string }).code);
    const seeded = (orgUnits as { code: string; level: string }[]).filter((u) => u.level === 'province').map((u) => u.code);
    expect(codes).toHaveLength(77);
    expect([...codes].sort()).toEqual([...seeded].sort());
    for (const g of topo.objects.provinces.geometries) expect(Object.keys(g.properties!)).toEqual(['code']);
  });

  it('stays small enough to load on a phone', () => {
    const size = statSync(new URL('./th-provinces.topo.json', import.meta.url)).size;
    expect(size).toBeLessThan(130_000);
    expect(size).toBeGreaterThan(60_000);
  });

  it('draws every province inside the frame, taller than wide as Thailand is', () => {
    const { width, height, shapes } = provinceShapes(topo, 400);
    expect(shapes).toHaveLength(77);
    expect(height).toBeGreaterThan(width);
    expect(height).toBeLessThan(width * 2.5);
    // A ring wound the wrong way fills the whole globe: its path would span the frame and beyond.
    for (const s of shapes) {
      const numbers = s.d.match(/-?\d+(\.\d+)?/g)!.map(Number);
      expect(Math.min(...numbers), s.code).toBeGreaterThanOrEqual(-1);
      expect(Math.max(...numbers), s.code).toBeLessThanOrEqual(height + 1);
    }
  });
});

describe('map colours', () => {
  it('splits 0..max into five classes and greys out provinces without data', () => {
    const classes = mapClasses([0, 50, 100]);
    expect(classes.map((c) => c.to)).toEqual([20, 40, 60, 80, 100]);
    expect(mapColor(classes, 0)).toBe(MAP_PALETTE[0]);
    expect(mapColor(classes, 41)).toBe(MAP_PALETTE[2]);
    expect(mapColor(classes, 100)).toBe(MAP_PALETTE[4]);
    expect(mapColor(classes, null)).toBe(NO_DATA_COLOR);
  });
});
