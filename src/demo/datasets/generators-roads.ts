import { BOROUGHS, populationShare, urbanity } from '../region/boroughs.js';
import { randomPointIn } from '../region/boundaries.js';
import { csv, daysOf, pointFeature, type PointFeature } from './files.js';
import { itemAt, rngFor, type Rng } from '../region/random.js';

const boroughWeights = (power: number) =>
  BOROUGHS.map((b) => populationShare(b) * Math.min(urbanity(b), 2.5) ** power);

const pickBorough = (rng: Rng, weights: number[]): number =>
  rng.weighted(
    BOROUGHS.map((_, i) => i),
    weights,
  );

const EV_OPERATORS = ['Be.EV', 'GMEV', 'char.gy', 'Connected Kerbs', 'bp pulse', 'Pod Point'];
const EV_POWER = [7, 22, 50, 150] as const;

export function chargePoints(): PointFeature[] {
  const rng = rngFor('ev-charge-points');
  const weights = boroughWeights(0.5);
  return Array.from({ length: 640 }, (_, i) => {
    const bi = pickBorough(rng, weights);
    const b = itemAt(BOROUGHS, bi);
    const [lon, lat] = randomPointIn(rng, bi);
    const power = rng.weighted(EV_POWER, [45, 25, 20, 10]);
    const location =
      power >= 50
        ? rng.pick(['Rapid hub', 'Supermarket', 'Car park'])
        : rng.pick(['On-street', 'On-street', 'Car park', 'Leisure centre']);
    return pointFeature(lon, lat, {
      charge_point_id: `GMCP-${String(i + 1).padStart(5, '0')}`,
      operator:
        power === 7 ? rng.pick(['char.gy', 'Connected Kerbs', 'GMEV']) : rng.pick(EV_OPERATORS),
      location_type: location,
      area_code: b.code,
      borough: b.name,
      max_power_kw: power,
      connectors: power >= 50 ? 'CCS; CHAdeMO' : 'Type 2',
      sockets: power >= 50 ? rng.int(1, 2) : 2,
      status: rng.chance(0.94) ? 'In service' : 'Out of service',
      installed: `${rng.int(2014, 2024)}-${String(rng.int(1, 12)).padStart(2, '0')}`,
    });
  });
}

const DAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
// Collisions by hour of day: morning and evening peaks.
const HOURS = [1, 1, 1, 1, 1, 2, 3, 7, 9, 6, 5, 6, 6, 6, 7, 9, 10, 10, 7, 5, 4, 3, 2, 1];
const ROADS = ['A road', 'B road', 'Minor road', 'Motorway'];
const SPEEDS: Record<string, number[]> = {
  'A road': [30, 30, 40, 50],
  'B road': [20, 30, 30],
  'Minor road': [20, 20, 30],
  Motorway: [50, 70, 70],
};

export function collisionsCsv(): string {
  const rng = rngFor('road-traffic-collisions');
  const weights = boroughWeights(0.3);
  const days = daysOf(2023);
  const rows = Array.from({ length: 2450 }, () => {
    const j = rng.int(0, days.length - 1);
    const hour = rng.weighted(
      HOURS.map((_, h) => h),
      HOURS,
    );
    return { j, hour, minute: rng.int(0, 59) };
  })
    .sort((a, b) => a.j - b.j || a.hour - b.hour || a.minute - b.minute)
    .map(({ j, hour, minute }, n) => {
      const bi = pickBorough(rng, weights);
      const b = itemAt(BOROUGHS, bi);
      const [lon, lat] = randomPointIn(rng, bi);
      const road = rng.weighted(ROADS, [50, 12, 33, 5]);
      const severity = rng.weighted(['Fatal', 'Serious', 'Slight'], [1, 21, 78]);
      const dark = hour < 7 || hour >= 18;
      return [
        `2023GM${String(n + 1).padStart(5, '0')}`,
        itemAt(days, j),
        `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`,
        itemAt(DAY_NAMES, (j + 6) % 7), // 1 January 2023 was a Sunday.
        b.code,
        b.name,
        severity,
        rng.weighted([1, 2, 3, 4], [20, 62, 13, 5]),
        rng.weighted([1, 2, 3], [78, 16, 6]),
        road,
        rng.pick(SPEEDS[road] ?? [30]),
        dark ? rng.pick(['Darkness - lights lit', 'Darkness - no lighting']) : 'Daylight',
        rng.weighted(['Fine', 'Raining', 'Fog or mist', 'Snowing'], [74, 21, 3, 2]),
        lat,
        lon,
      ];
    });
  const header = ['collision_ref', 'date', 'time', 'day_of_week', 'area_code', 'borough'];
  return csv(
    [...header, 'severity', 'vehicles', 'casualties', 'road_type', 'speed_limit_mph'].concat([
      'light_conditions',
      'weather',
      'lat',
      'lon',
    ]),
    rows,
  );
}
