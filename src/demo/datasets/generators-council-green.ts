import { boroughIndexAt, randomPointIn } from '../region/boundaries.js';
import { featureCollection } from './files.js';
import {
  area,
  toGeoJsonPolygon,
  toKm,
  toLonLat,
  type Point,
  type Ring,
} from '../region/geometry.js';
import { councilOf, idOf, placeName, uniqueNames } from '../region/localities.js';
import { rngFor, type Rng } from '../region/random.js';

// Parks and green spaces as polygons: a rough, star-shaped outline of about the right area
// around a point, kept whole inside the borough and clear of the other sites.

// [site type, name suffix, weight, smallest and largest area in hectares]
const GREEN_SPACES = [
  ['Park', 'Park', 22, 3, 30],
  ['Recreation ground', 'Recreation Ground', 18, 1, 6],
  ['Local nature reserve', 'Local Nature Reserve', 7, 4, 40],
  ['Pocket park', 'Pocket Park', 16, 0.1, 0.6],
  ['Playing fields', 'Playing Fields', 14, 1.5, 8],
  ['Cemetery', 'Cemetery', 5, 2, 12],
  ['Allotments', 'Allotments', 12, 0.3, 2],
  ['Woodland', 'Wood', 6, 2, 25],
] as const;

export const GREEN_SPACE_COUNT = 120;

/** A star-shaped ring (so never self-crossing) of roughly `hectares` around `centre`, in km. */
function outline(rng: Rng, centre: Point, hectares: number): Ring {
  const radius = Math.sqrt(hectares / 100 / Math.PI);
  const steps = 12;
  const stretch = rng.between(0.7, 1.4);
  const turn = rng.between(0, Math.PI);
  return Array.from({ length: steps }, (_, i) => {
    const a = (2 * Math.PI * i) / steps;
    const r = radius * rng.between(0.8, 1.2);
    const [x, y] = [r * Math.cos(a) * stretch, (r * Math.sin(a)) / stretch];
    const rx = x * Math.cos(turn) - y * Math.sin(turn);
    const ry = x * Math.sin(turn) + y * Math.cos(turn);
    return [centre[0] + rx, centre[1] + ry] as const;
  });
}

export function tamesideGreenSpacesGeoJson(): string {
  const rng = rngFor('tameside-green-spaces');
  const tameside = councilOf('tameside-council');
  const unique = uniqueNames();
  const placed: { centre: Point; reach: number }[] = [];
  const features = Array.from({ length: GREEN_SPACE_COUNT }, (_, i) => {
    const [type, suffix, , min, max] = rng.weightedBy(GREEN_SPACES, (g) => g[2]);
    const hectares = min * (max / min) ** rng.next();
    let ring: Ring;
    let centre: Point;
    for (let tries = 1; ; tries++) {
      if (tries > 5000) throw new Error(`No room for green space ${i + 1}`);
      centre = toKm(...randomPointIn(rng, tameside.index));
      ring = outline(rng, centre, hectares);
      const reach = Math.sqrt(hectares / 100 / Math.PI) * 1.7;
      const c = centre;
      const inside = ring.every((p) => boroughIndexAt(...toLonLat(p)) === tameside.index);
      const clear = placed.every(
        (o) => Math.hypot(o.centre[0] - c[0], o.centre[1] - c[1]) > o.reach + reach,
      );
      if (inside && clear) {
        placed.push({ centre, reach });
        break;
      }
    }
    const locality = rng.pick(tameside.localities);
    const [lon, lat] = toLonLat(centre);
    const park = type === 'Park' || type === 'Recreation ground';
    const properties = {
      site_id: idOf('TMBC-GS', i + 1, 3),
      name: unique(`${rng.chance(0.4) ? locality : placeName(rng)} ${suffix}`),
      site_type: type,
      locality,
      area_ha: Math.round(area(ring) * 10_000) / 100,
      green_flag_award: type === 'Park' && rng.chance(0.3) ? 'Yes' : 'No',
      play_area: park && rng.chance(0.7) ? 'Yes' : 'No',
      friends_group: rng.chance(park ? 0.45 : 0.15) ? 'Yes' : 'No',
      centre_lat: lat,
      centre_lon: lon,
    };
    return { properties, geometry: toGeoJsonPolygon(ring) };
  });
  return featureCollection(features);
}
