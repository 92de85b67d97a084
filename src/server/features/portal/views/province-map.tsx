import { type ProvinceTopology, provinceShapes } from '#shared/dashboards';
import topology from '../../../../shared/th-provinces.topo.json' with { type: 'json' };
import { type Lang, nameIn, portalHref, say } from '../words';

/**
 * A ring's points at whole pixels, dropping those within 1.5 px of the last one kept: the map is 360 px wide, and
 * the full-precision paths weigh 232 KB (78 KB compressed) against 47 KB (16 KB) this way, on a phone's connection.
 */
export function coarsePath(d: string, step = 1.5): string {
  return d.replace(/M([^MZ]+)Z/g, (_ring, ring: string) => {
    const points = ring.split('L').map((point) => point.split(',').map(Number));
    const kept: number[][] = [];
    for (const [i, [x, y]] of points.entries()) {
      const last = kept.at(-1);
      if (last && i < points.length - 1 && Math.hypot(x - last[0], y - last[1]) < step) continue;
      kept.push([x, y]);
    }
    return kept.length < 3 ? '' : `M${kept.map(([x, y]) => `${Math.round(x)},${Math.round(y)}`).join('L')}Z`;
  });
}

/** Shapes drawn once per process: the geometry never changes, and drawing it costs ~30 ms. */
let drawn: ReturnType<typeof provinceShapes> | undefined;
const shapes = () => {
  if (!drawn) {
    const full = provinceShapes(topology as unknown as ProvinceTopology, 360);
    drawn = { ...full, shapes: full.shapes.map((shape) => ({ code: shape.code, d: coarsePath(shape.d) })) };
  }
  return drawn;
};

/** The provinces as links to their centers: a picture map that works without script, by keyboard too. */
export function ProvinceMap(props: {
  lang: Lang;
  provinces: { code: string; nameTh: string; nameEn: string; centers: number }[];
}) {
  const { lang } = props;
  const byCode = new Map(props.provinces.map((p) => [p.code, p]));
  const { width, height, shapes: paths } = shapes();
  return (
    <figure className="map">
      <figcaption className="muted">{say(lang, 'mapLabel')}</figcaption>
      <svg viewBox={`0 0 ${width} ${height}`}>
        <title>{say(lang, 'mapLabel')}</title>
        {paths.map((shape) => {
          const province = byCode.get(shape.code);
          if (!province) return <path key={shape.code} d={shape.d} className="empty" />;
          const label = `${nameIn(lang, province.nameTh, province.nameEn)}: ${say(lang, 'centerCount', { n: province.centers })}`;
          return (
            <a key={shape.code} href={portalHref(lang, '/portal/centers', { province: shape.code })} aria-label={label}>
              <title>{label}</title>
              <path d={shape.d} />
            </a>
          );
        })}
      </svg>
    </figure>
  );
}
