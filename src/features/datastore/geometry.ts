import type { Field, GeometryInfo } from './field.js';

const LAT = /^(lat|latitude|y_?coord(inate)?)$/i;
const LON = /^(lon|lng|long|longitude|x_?coord(inate)?)$/i;

/** A latitude/longitude pair of numeric fields whose values are WGS 84 degrees. */
export function detectLatLon(fields: Field[]): GeometryInfo | null {
  const numeric = fields.filter((f) => f.type === 'decimal' || f.type === 'integer');
  const lat = numeric.find((f) => LAT.test(f.name.trim()));
  const lon = numeric.find((f) => LON.test(f.name.trim()));
  if (!lat || !lon) return null;
  return { kind: 'latlon', lat: lat.name, lon: lon.name };
}

/** After stats: keep the pair only if the values are plausible degrees. */
export function plausibleLatLon(
  geometry: GeometryInfo | null,
  fields: Field[],
): GeometryInfo | null {
  if (geometry?.kind !== 'latlon') return geometry;
  const range = (name: string) => fields.find((f) => f.name === name)?.stats;
  const lat = range(geometry.lat);
  const lon = range(geometry.lon);
  const within = (s: typeof lat, limit: number) =>
    s &&
    typeof s.min === 'number' &&
    typeof s.max === 'number' &&
    s.min >= -limit &&
    s.max <= limit;
  return within(lat, 90) && within(lon, 180) ? geometry : null;
}
