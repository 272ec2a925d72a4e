import { BOROUGHS, populationShare, urbanity } from '../region/boroughs.js';
import { randomPointIn } from '../region/boundaries.js';
import {
  clamp,
  csv,
  fixed,
  months,
  ofMonth,
  quarters,
  pointFeature,
  type PointFeature,
} from './files.js';
import { rngFor } from '../region/random.js';

// Each builder seeds its own generator from its name, so files do not depend on build order.

export function fullFibreCsv(): string {
  const rng = rngFor('full-fibre-coverage');
  const qs = quarters(2020, 2024);
  const rows = BOROUGHS.flatMap((b) => {
    const u = Math.min(urbanity(b), 2);
    const fibreEnd = 58 + 12 * u + rng.between(-4, 4);
    const cableStart = 48 + 10 * u + rng.between(-3, 3);
    const gigabitEnd = 91 + 2 * u + rng.between(-1.5, 1.5);
    const premises = Math.round((b.population / 2.3) * 1.08);
    return qs.map((q, i) => {
      const t = i / (qs.length - 1);
      const fibre = 6 + (fibreEnd - 6) * t ** 1.25 + rng.between(-0.3, 0.3);
      const gigabit = Math.max(fibre, cableStart + (gigabitEnd - cableStart) * t ** 0.9);
      return [
        q,
        b.code,
        b.name,
        Math.round(premises * (1 + 0.004 * i)),
        fixed(clamp(fibre, 0, 100)),
        fixed(clamp(gigabit, 0, 99.8)),
        fixed(96.4 + 2.4 * t + rng.between(-0.2, 0.2)),
        fixed(Math.max(0.1, 1.1 - 0.8 * t + rng.between(-0.1, 0.1))),
      ];
    });
  });
  const header = ['quarter', 'area_code', 'borough', 'premises', 'full_fibre_pct', 'gigabit_pct'];
  return csv([...header, 'superfast_pct', 'below_10mbps_pct'], rows);
}

export function fiveGCsv(): string {
  const rng = rngFor('mobile-5g-coverage');
  const qs = quarters(2021, 2024);
  const rows = BOROUGHS.flatMap((b) => {
    const u = Math.min(urbanity(b), 2);
    return qs.map((q, i) => {
      const t = i / (qs.length - 1);
      const any = 30 + 10 * u + (67 - 10 * u) * t ** 0.8 + rng.between(-1.5, 1.5);
      const all = 3 + (55 + 10 * u) * t ** 1.4 + rng.between(-1, 1);
      const indoor = 80 + 12 * t + 2 * u;
      return [
        q,
        b.code,
        b.name,
        fixed(clamp(any, 0, 99.5)),
        fixed(clamp(all, 0, any)),
        fixed(indoor),
      ];
    });
  });
  return csv(
    [
      'quarter',
      'area_code',
      'borough',
      'outdoor_5g_any_operator_pct',
      'outdoor_5g_all_operators_pct',
      'indoor_4g_all_operators_pct',
    ],
    rows,
  );
}

const COURSES = [
  ['Essential digital skills', 1],
  ['Digital skills Level 1', 0.6],
  ['Digital skills Level 2', 0.35],
  ['Skills Bootcamp (Level 3)', 0.2],
] as const;

// By month, January first: enrolments peak in September and January and dip in August.
const TERM_SEASON = [1.3, 1.1, 1.0, 0.8, 0.9, 0.7, 0.6, 0.5, 1.5, 1.3, 1.1, 0.8];

export function enrolmentsCsv(): string {
  const rng = rngFor('digital-skills-enrolments');
  const rows = months('2023-04', '2025-03').flatMap((m) => {
    const season = ofMonth(TERM_SEASON, m);
    return BOROUGHS.flatMap((b) =>
      COURSES.map(([course, weight]) => {
        const enrolments = rng.count(1500 * populationShare(b) * weight * season);
        const completions = Math.round(enrolments * rng.between(0.62, 0.86));
        const older = Math.round(enrolments * rng.between(0.15, 0.35));
        return [m, b.code, b.name, course, enrolments, completions, older];
      }),
    );
  });
  const header = ['month', 'area_code', 'borough', 'course', 'enrolments', 'completions'];
  return csv([...header, 'learners_aged_50_plus'], rows);
}

const LOCALITIES = [
  ...['Ancoats', 'Ardwick', 'Baguley', 'Blackley', 'Burnage', 'Cheetham Hill', 'Chorlton'],
  ...['City Centre', 'Clayton', 'Crumpsall', 'Didsbury', 'Fallowfield', 'Gorton', 'Harpurhey'],
  ...['Hulme', 'Levenshulme', 'Longsight', 'Moss Side', 'Moston', 'Newton Heath', 'Northenden'],
  ...['Openshaw', 'Rusholme', 'Whalley Range', 'Withington', 'Wythenshawe'],
];
const VENUES = ['Library', 'Community Centre', 'Leisure Centre', 'Park', 'Bus Station'];
const VENUE_WEIGHTS = [4, 5, 2, 3, 1];

export function wifiSites(): PointFeature[] {
  const rng = rngFor('public-wifi-sites');
  const manchester = BOROUGHS.findIndex((b) => b.name === 'Manchester');
  const used = new Set<string>();
  return Array.from({ length: 140 }, (_, i) => {
    const venue = rng.weighted([...VENUES, 'Tram Stop'], [...VENUE_WEIGHTS, 3]);
    const base = `${rng.pick(LOCALITIES)} ${venue}`;
    let name = base;
    for (let n = 2; used.has(name); n++) name = `${base} ${n}`;
    used.add(name);
    const [lon, lat] = randomPointIn(rng, manchester);
    const transport = venue === 'Bus Station' || venue === 'Tram Stop';
    return pointFeature(lon, lat, {
      site_id: `MCC-WIFI-${String(i + 1).padStart(4, '0')}`,
      name,
      venue_type: venue,
      provider: transport ? 'Bee Network' : 'Manchester City Council',
      access: venue === 'Park' || venue === 'Tram Stop' ? '24 hours' : 'Opening hours',
      opened: `${rng.int(2016, 2024)}-${String(rng.int(1, 12)).padStart(2, '0')}`,
    });
  });
}

export function deviceDonationsCsv(): string {
  const rng = rngFor('device-lending');
  const rows = months('2024-01', '2024-12').flatMap((m) =>
    BOROUGHS.map((b) => {
      const devices = rng.count(260 * populationShare(b) * (1 + 0.4 * Math.min(urbanity(b), 2)));
      const sims = rng.count(devices * 1.6);
      const residents = Math.round((devices + sims) * rng.between(0.7, 0.9));
      return [m, b.code, b.name, devices, sims, residents];
    }),
  );
  const header = ['month', 'area_code', 'borough', 'devices_lent', 'sim_cards_given'];
  return csv([...header, 'residents_supported'], rows);
}
