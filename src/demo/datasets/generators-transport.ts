import { BOROUGHS, urbanity } from '../region/boroughs.js';
import { randomPointIn } from '../region/boundaries.js';
import {
  clamp,
  csv,
  daysOf,
  fixed,
  monthOf,
  months,
  ofMonth,
  pointCollection,
  pointFeature,
  winterness,
  type PointFeature,
} from './files.js';
import { itemAt, rngFor } from '../region/random.js';

/** Town centres by borough, in BOROUGHS order: the first is the borough's main centre. */
const TOWNS: readonly (readonly string[])[] = [
  ['Bolton', 'Farnworth', 'Horwich', 'Westhoughton', 'Little Lever'],
  ['Bury', 'Radcliffe', 'Ramsbottom', 'Prestwich', 'Whitefield'],
  ['Manchester', 'Wythenshawe', 'Didsbury', 'Harpurhey', 'Gorton'],
  ['Oldham', 'Chadderton', 'Royton', 'Failsworth', 'Shaw'],
  ['Rochdale', 'Heywood', 'Middleton', 'Littleborough', 'Milnrow'],
  ['Salford', 'Eccles', 'Swinton', 'Walkden', 'Irlam'],
  ['Stockport', 'Cheadle', 'Hazel Grove', 'Marple', 'Bramhall'],
  ['Ashton-under-Lyne', 'Hyde', 'Stalybridge', 'Denton', 'Droylsden'],
  ['Altrincham', 'Sale', 'Stretford', 'Urmston', 'Partington'],
  ['Wigan', 'Leigh', 'Hindley', 'Atherton', 'Ashton-in-Makerfield'],
];

const OPERATORS = [
  'Go North West',
  'Diamond North West',
  'Stagecoach Manchester',
  'First Manchester',
];

export function busPunctualityCsv(): string {
  const rng = rngFor('bus-punctuality');
  const used = new Set<number>();
  const routes = BOROUGHS.flatMap((b, i) =>
    [1, 2, 3, 4].map((k) => {
      let number = rng.int(1, 600);
      while (used.has(number)) number = rng.int(1, 600);
      used.add(number);
      const towns = itemAt(TOWNS, i);
      const to = k === 1 ? 'Manchester' : itemAt(towns, k);
      const from = k === 1 && i === 2 ? 'Manchester Airport' : itemAt(towns, 0);
      const reliability = rng.between(-4, 4) - 2 * Math.min(urbanity(b), 2);
      return { number, name: `${from} – ${to}`, b, reliability, operator: rng.pick(OPERATORS) };
    }),
  );
  const rows = months('2023-01', '2024-12').flatMap((m) => {
    const winter = winterness(monthOf(m));
    return routes.map((r) => {
      const scheduled = 40 * rng.int(60, 180);
      const onTime = clamp(78 + r.reliability - 3 * winter + rng.normal() * 2, 55, 95);
      const early = clamp(3 + rng.normal(), 0.5, 8);
      const lost = clamp(1.2 + winter + rng.normal() * 0.5, 0, 6);
      const late = 100 - onTime - early;
      const pct = [onTime, early, late, lost].map((n) => fixed(n));
      return [m, r.number, r.name, r.operator, r.b.code, r.b.name, scheduled, ...pct];
    });
  });
  const header = ['month', 'route', 'route_name', 'operator', 'area_code', 'borough'];
  return csv(
    [...header, 'scheduled_departures', 'on_time_pct', 'early_pct', 'late_pct', 'lost_mileage_pct'],
    rows,
  );
}

const LINES = [
  ['Altrincham', 0.17],
  ['Bury', 0.15],
  ['East Didsbury', 0.13],
  ['Eccles and MediaCityUK', 0.08],
  ['Ashton-under-Lyne', 0.09],
  ['Oldham and Rochdale', 0.16],
  ['Manchester Airport', 0.13],
  ['Trafford Park', 0.05],
  ['City centre', 0.04],
] as const;

// December is busiest (Christmas markets), August quietest.
const TRAM_SEASON = [0.92, 0.95, 1.0, 0.98, 1.02, 0.99, 0.97, 0.9, 1.03, 1.06, 1.05, 1.1];

export function metrolinkCsv(): string {
  const rng = rngFor('metrolink-patronage');
  const ms = months('2022-04', '2025-03');
  const rows = ms.flatMap((m, i) => {
    const total = 3_050_000 * (1 + (0.16 * i) / ms.length) * ofMonth(TRAM_SEASON, m);
    return LINES.map(([line, share]) => {
      const journeys = Math.round(total * share * (1 + rng.normal() * 0.02));
      return [m, line, journeys, fixed(clamp(98.6 + rng.normal() * 0.6, 94, 99.9))];
    });
  });
  return csv(['month', 'line', 'journeys', 'service_reliability_pct'], rows);
}

const COUNTERS = [
  ['Oxford Road', 2, 2600, 'commuter'],
  ['Wilmslow Road, Rusholme', 2, 1900, 'commuter'],
  ['Chorlton Cycleway', 2, 1100, 'commuter'],
  ['Fallowfield Loop', 2, 420, 'leisure'],
  ['Deansgate', 2, 1300, 'commuter'],
  ['Hyde Road, Ardwick', 2, 380, 'commuter'],
  ['Regent Road, Salford', 5, 640, 'commuter'],
  ['Bolton Road, Pendleton', 5, 260, 'commuter'],
  ['Bridgewater Canal, Sale', 8, 520, 'leisure'],
  ['Chester Road, Stretford', 8, 450, 'commuter'],
  ['A6, Stockport', 6, 310, 'commuter'],
  ['Trans Pennine Trail, Reddish Vale', 6, 240, 'leisure'],
  ['Ashton Canal, Droylsden', 7, 210, 'leisure'],
  ['Rochdale Canal, Failsworth', 3, 170, 'leisure'],
  ['Bury Road, Whitefield', 1, 190, 'commuter'],
  ['Chorley New Road, Bolton', 0, 160, 'commuter'],
  ['Leigh Guided Busway', 9, 280, 'leisure'],
  ['Middleton Road, Heywood', 4, 120, 'commuter'],
] as const;

function counterSites(): PointFeature[] {
  const rng = rngFor('cycle-counter-sites');
  return COUNTERS.map(([site, bi, , kind], i) => {
    const b = itemAt(BOROUGHS, bi);
    const [lon, lat] = randomPointIn(rng, bi);
    const id = `CC${String(i + 1).padStart(2, '0')}`;
    return pointFeature(lon, lat, { counter_id: id, site, borough: b.name, kind });
  });
}

export const cycleCounterSitesGeoJson = (): string => pointCollection(counterSites());

export function cycleCountsCsv(): string {
  const rng = rngFor('cycle-counter-counts');
  const days = daysOf(2024);
  // One shared wet-day draw per date: rain falls on the whole region at once.
  const wet = days.map((d) => rng.chance(0.3 + 0.15 * winterness(monthOf(d))));
  const rows = COUNTERS.flatMap(([site, , base, kind], i) =>
    days.map((d, j) => {
      const weekday = j % 7 < 5; // 1 January 2024 was a Monday.
      const week = kind === 'commuter' ? (weekday ? 1.15 : 0.55) : weekday ? 0.85 : 1.45;
      const season = 1 - 0.3 * winterness(monthOf(d));
      const rain = wet[j] ? rng.between(0.45, 0.75) : 1;
      const id = `CC${String(i + 1).padStart(2, '0')}`;
      return [d, id, site, rng.count(base * week * season * rain)];
    }),
  );
  return csv(['date', 'counter_id', 'site', 'cycles'], rows);
}
