import { xml } from '../../../../platform/views/xml.js';
import type { AreaOutline } from '../../../areas/index.js';
import type { Point } from '../report-shared/journey.js';

// A map of the spot drawn on the server, with no tiles: the ward around the point (framed, with
// some margin), the borough's outline beyond it, and a pin. It works without JavaScript and
// without a tile server, and says in its title what it shows.

const WIDTH = 640;
const HEIGHT = 400;
const PAD = 24;

type Box = [west: number, south: number, east: number, north: number];

function boxOf(outline: AreaOutline): Box {
  const box: Box = [Infinity, Infinity, -Infinity, -Infinity];
  const rings =
    outline.geometry.type === 'Polygon'
      ? (outline.geometry.coordinates as number[][][])
      : (outline.geometry.coordinates as number[][][][]).flat();
  for (const ring of rings) {
    for (const [lon = 0, lat = 0] of ring) {
      box[0] = Math.min(box[0], lon);
      box[1] = Math.min(box[1], lat);
      box[2] = Math.max(box[2], lon);
      box[3] = Math.max(box[3], lat);
    }
  }
  return box;
}

/** The frame: the ward's box with a margin (else the body's, else ~1 km around the point). */
function frameOf(point: Point, ward: AreaOutline | null, body: AreaOutline | null): Box {
  const base = ward ? boxOf(ward) : body ? boxOf(body) : null;
  const [w, s, e, n] = base ?? [
    point.lon - 0.01,
    point.lat - 0.006,
    point.lon + 0.01,
    point.lat + 0.006,
  ];
  const mx = Math.max((e - w) * 0.15, 0.002);
  const my = Math.max((n - s) * 0.15, 0.0012);
  // The pin is always inside the frame, even where the files disagree by a hair.
  return [
    Math.min(w - mx, point.lon - mx),
    Math.min(s - my, point.lat - my),
    Math.max(e + mx, point.lon + mx),
    Math.max(n + my, point.lat + my),
  ];
}

function projection(frame: Box) {
  const [w, s, e, n] = frame;
  // Degrees of longitude shrink with latitude: a plain equirectangular view at the middle.
  const k = Math.cos((((s + n) / 2) * Math.PI) / 180);
  const scale = Math.min((WIDTH - 2 * PAD) / ((e - w) * k || 1), (HEIGHT - 2 * PAD) / (n - s || 1));
  const ox = (WIDTH - (e - w) * k * scale) / 2;
  const oy = (HEIGHT - (n - s) * scale) / 2;
  return (lon: number, lat: number): [number, number] => [
    Math.round((ox + (lon - w) * k * scale) * 10) / 10,
    Math.round((oy + (n - lat) * scale) * 10) / 10,
  ];
}

function pathOf(outline: AreaOutline, at: (lon: number, lat: number) => [number, number]): string {
  const polygons =
    outline.geometry.type === 'Polygon'
      ? [outline.geometry.coordinates as number[][][]]
      : (outline.geometry.coordinates as number[][][][]);
  return polygons
    .flatMap((rings) =>
      rings.map(
        (ring) => `M${ring.map(([lon = 0, lat = 0]) => at(lon, lat).join(',')).join('L')}Z`,
      ),
    )
    .join('');
}

export function mapSvg(input: {
  point: Point;
  ward: AreaOutline | null;
  body: AreaOutline | null;
  title: string;
}): string {
  const at = projection(frameOf(input.point, input.ward, input.body));
  const [px, py] = at(input.point.lon, input.point.lat);
  const shapes = [
    input.body
      ? `<path d="${pathOf(input.body, at)}" fill="#f3f2f1" stroke="#505a5f" stroke-width="2" fill-rule="evenodd"/>`
      : '',
    input.ward
      ? `<path d="${pathOf(input.ward, at)}" fill="#d2e2f1" stroke="#1d70b8" stroke-width="3" fill-rule="evenodd"/>`
      : '',
  ].join('');
  // A pin whose tip is on the point.
  const pin =
    `<path d="M${px},${py}l-11,-22a13,13 0 1,1 22,0z" fill="#d4351c" stroke="#ffffff" stroke-width="2"/>` +
    `<circle cx="${px}" cy="${py - 30}" r="5" fill="#ffffff"/>`;
  const label = input.ward
    ? `<text x="12" y="${HEIGHT - 12}" font-family="Arial, sans-serif" font-size="16" fill="#0b0c0c">${xml(input.ward.name)} ward</text>`
    : '';
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img">` +
    `<title>${xml(input.title)}</title>` +
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>` +
    `<clipPath id="frame"><rect width="${WIDTH}" height="${HEIGHT}"/></clipPath>` +
    `<g clip-path="url(#frame)">${shapes}</g>${label}${pin}</svg>`
  );
}
