import { geoMercator, geoPath } from 'd3-geo';
import type { FeatureCollection, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { z } from 'zod';
import { fiscalYearSchema, orgUnitCodeSchema } from './fields';
import { STAGES } from './groups';

/** `GET /api/dashboards`, `.xlsx`, `.pdf`: a unit of the caller's scope (default: their own), a fiscal year, a quarter. */
export const dashboardQuery = z.strictObject({
  unit: orgUnitCodeSchema.optional().describe('A unit of your scope (default: your own)'),
  fiscalYear: fiscalYearSchema.optional().describe('Default: the current fiscal year'),
  quarter: z.coerce.number().int().min(1).max(4).optional().describe('One quarter of the fiscal year (default: all of it)'),
});
export type DashboardQuery = z.infer<typeof dashboardQuery>;

/** The figures counted per unit one level down (and per month for the trend). Money in satang, as strings. */
const figures = {
  services: z.number().int(),
  activities: z.number().int(),
  /** People who attended the activities. */
  attendees: z.number().int(),
  salesSatang: z.string(),
};

export const dashboardChildSchema = z.object({
  code: z.string(),
  nameTh: z.string(),
  nameEn: z.string(),
  ...figures,
  fundingApproved: z.number().int(),
  fundingApprovedSatang: z.string(),
  certificatesExpiring: z.number().int(),
  budgetReceivedSatang: z.string(),
  budgetSpentSatang: z.string(),
});
export type DashboardChild = z.infer<typeof dashboardChildSchema>;

export const dashboardSchema = z.object({
  unit: z.string(),
  nameTh: z.string(),
  nameEn: z.string(),
  level: z.enum(['national', 'province', 'district']),
  fiscalYear: z.number().int(),
  quarter: z.number().int().nullable(),
  /** The period's first and last day. */
  from: z.string(),
  to: z.string(),
  /** One row per month of the period (`YYYY-MM`, October first). */
  months: z.array(z.object({ month: z.string(), ...figures })),
  /** The pipeline funnel of the fiscal year (counts per stage and moves into it). */
  funnel: z.array(z.object({ stage: z.enum(STAGES), count: z.number().int(), movedInPeriod: z.number().int() })),
  /** Takings per month and sales channel (market events under the channel of their kind). */
  salesByChannel: z.array(z.object({ month: z.string(), channelCode: z.string(), amountSatang: z.string() })),
  /** Per funding source: applications made in the period, approvals decided in it and the amount approved. */
  funding: z.array(
    z.object({ sourceCode: z.string(), applied: z.number().int(), approved: z.number().int(), approvedSatang: z.string() }),
  ),
  /** Certificates expiring within 90 days from today, and the next few. */
  certificates: z.object({
    expiring: z.number().int(),
    next: z.array(
      z.object({
        id: z.number().int(),
        subject: z.string(),
        standardCode: z.string(),
        expiresOn: z.string(),
        orgUnitCode: z.string(),
      }),
    ),
  }),
  /** The unit's budget of the fiscal year: received from the level above, and spent in the period by it and the units below. */
  budget: z.object({ receivedSatang: z.string(), spentSatang: z.string() }),
  /** Provinces of the nation, districts of a province; empty for a district. */
  children: z.array(dashboardChildSchema),
});
export type Dashboard = z.infer<typeof dashboardSchema>;

/** A sequential palette (ColorBrewer Greens, 5 classes) for the province map; provinces without data are grey. */
export const MAP_PALETTE = ['#edf8e9', '#bae4b3', '#74c476', '#31a354', '#006d2c'] as const;
export const NO_DATA_COLOR = '#d4d4d4';

/** Five equal classes from 0 to the largest value (a share in percent runs 0–100), each with its colour. */
export function mapClasses(values: number[], max = Math.max(0, ...values)): { from: number; to: number; color: string }[] {
  const top = max > 0 ? max : 1;
  const step = top / MAP_PALETTE.length;
  return MAP_PALETTE.map((color, i) => ({ from: i * step, to: (i + 1) * step, color }));
}

/** The class colour of a value, or grey when the province has no data. */
export function mapColor(classes: { from: number; to: number; color: string }[], value: number | null | undefined): string {
  if (value == null) return NO_DATA_COLOR;
  return (classes.find((c) => value <= c.to) ?? classes[classes.length - 1]).color;
}

/** The committed province shapes (scripts/build-province-map.ts): one geometry per province, `code` its DOPA code. */
export type ProvinceTopology = Topology<{ provinces: GeometryCollection<{ code: string }> }>;

export interface ProvinceShape {
  code: string;
  /** The SVG path. */
  d: string;
}

/**
 * The 77 provinces as SVG paths drawn in Mercator to fit `width` (the height follows Thailand's shape), for the web
 * map and the PDF alike.
 */
export function provinceShapes(
  topo: ProvinceTopology,
  width: number,
): { width: number; height: number; shapes: ProvinceShape[] } {
  const provinces = feature(topo, topo.objects.provinces) as FeatureCollection<Geometry, { code: string }>;
  const projection = geoMercator().fitWidth(width, provinces);
  const path = geoPath(projection);
  const [, [, bottom]] = path.bounds(provinces);
  return {
    width,
    height: Math.ceil(bottom),
    shapes: provinces.features.map((f) => ({ code: f.properties.code, d: path(f) ?? '' })),
  };
}
