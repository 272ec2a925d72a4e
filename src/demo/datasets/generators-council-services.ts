import { randomPointIn } from '../region/boundaries.js';
import { csv, featureCollection, winterness } from './files.js';
import {
  councilOf,
  dateOfDay,
  dayOf,
  idOf,
  streetName,
  uniqueNames,
} from '../region/localities.js';
import { rngFor, type Rng } from '../region/random.js';

// Street lighting faults and planning applications: case lists as councils publish them.

/** When the extracts were taken: later cases are still open. */
const EXTRACTED = dayOf('2025-01-06');
const YEAR_START = dayOf('2024-01-01');
const DAYS_2024 = Array.from({ length: 366 }, (_, d) => YEAR_START + d);

const seasonWeights = new Map<number, number[]>();

/** A day of 2024, weighted by season (+1 busier in winter, -1 busier in summer). */
function dayIn2024(rng: Rng, season: number): number {
  let weights = seasonWeights.get(season);
  if (!weights) {
    weights = DAYS_2024.map((_, d) => 1 + season * winterness(1 + (12 * d) / 366));
    seasonWeights.set(season, weights);
  }
  return rng.weighted(DAYS_2024, weights);
}

// [fault, weight, who repairs it, priority, fastest and slowest repair in days]
const LIGHT_FAULTS = [
  ['Lamp out', 52, 'Council', 'Routine', 2, 12],
  ['Lamp on in daytime', 12, 'Council', 'Routine', 2, 15],
  ['Flickering or cycling on and off', 14, 'Council', 'Routine', 2, 15],
  ['Several lamps out (supply fault)', 9, 'Electricity network operator', 'Routine', 7, 60],
  ['Column damaged or leaning', 6, 'Council', 'Emergency', 0, 2],
  ['Door missing or wires exposed', 4, 'Council', 'Emergency', 0, 1],
  ['Illuminated sign or bollard out', 3, 'Council', 'Routine', 3, 20],
] as const;

export const STREET_LIGHT_FAULT_ROWS = 1400;

export function boltonStreetLightingFaultsCsv(): string {
  const rng = rngFor('bolton-street-lighting-faults');
  const bolton = councilOf('bolton-council');
  const faults = Array.from({ length: STREET_LIGHT_FAULT_ROWS }, () => {
    const fault = rng.weightedBy(LIGHT_FAULTS, (f) => f[1]);
    // Dark evenings bring more reports, and a supply fault can take weeks to trace.
    const reported = dayIn2024(rng, 0.45);
    const repaired = reported + Math.round(rng.between(fault[4], fault[5]));
    const [lon, lat] = randomPointIn(rng, bolton.index);
    return { fault, reported, repaired, lon, lat, locality: rng.pick(bolton.localities) };
  }).sort((a, b) => a.reported - b.reported);
  const rows = faults.map((f, n) => {
    const [type, , responsible, priority] = f.fault;
    const done = f.repaired <= EXTRACTED;
    return [
      idOf('BOL-SLF-24', n + 1, 5),
      dateOfDay(f.reported),
      `${streetName(rng)}, ${f.locality}`,
      `BC${String(rng.int(1, 32_000)).padStart(5, '0')}`,
      type,
      priority,
      responsible,
      done ? 'Repaired' : 'Awaiting repair',
      done ? dateOfDay(f.repaired) : null,
      done ? f.repaired - f.reported : null,
      f.lat,
      f.lon,
    ];
  });
  const header = ['fault_ref', 'reported_date', 'location', 'column_ref', 'fault_type'];
  return csv(
    [...header, 'priority', 'repaired_by', 'status', 'repaired_date', 'days_to_repair'].concat([
      'lat',
      'lon',
    ]),
    rows,
  );
}

// [application type, reference suffix, weight, proposals; {n} is a number of new homes]
const APPLICATION_TYPES = [
  [
    'Householder',
    'HHA',
    44,
    [
      'Single storey rear extension',
      'Two storey side extension',
      'Loft conversion with rear dormer',
      'Front porch',
      'Detached garage',
    ],
  ],
  [
    'Full planning permission',
    'FUL',
    16,
    [
      'Erection of {n} dwellings with access and parking',
      'Change of use from shop (Class E) to hot food takeaway',
      'Change of use from dwelling to house in multiple occupation',
      'Erection of industrial unit (Class B8)',
    ],
  ],
  ['Outline planning permission', 'OUT', 2, ['Residential development of up to {n} dwellings']],
  ['Reserved matters', 'RES', 2, ['Appearance, landscaping, layout and scale for {n} dwellings']],
  [
    'Prior approval',
    'PAP',
    8,
    ['Change of use from offices to {n} flats', 'Larger home extension'],
  ],
  ['Lawful development certificate', 'LDC', 8, ['Proposed single storey rear extension']],
  ['Advertisement consent', 'ADV', 5, ['Illuminated fascia sign', 'Freestanding hoarding']],
  ['Listed building consent', 'LBC', 2, ['Replacement timber windows to match existing']],
  ['Works to protected trees', 'TPO', 9, ['Crown reduction of one oak', 'Felling of one sycamore']],
  ['Discharge of conditions', 'DIS', 4, ['Details of materials', 'Landscaping scheme']],
] as const;

export const PLANNING_APPLICATION_ROWS = 1000;

export function buryPlanningApplicationsGeoJson(): string {
  const rng = rngFor('bury-planning-applications');
  const bury = councilOf('bury-council');
  const unique = uniqueNames();
  const apps = Array.from({ length: PLANNING_APPLICATION_ROWS }, () => ({
    type: rng.weightedBy(APPLICATION_TYPES, (t) => t[2]),
    received: dayIn2024(rng, -0.15),
  })).sort((a, b) => a.received - b.received);
  const features = apps.map(({ type: [type, suffix, , proposals], received }, i) => {
    let proposal: string = rng.pick(proposals);
    const homes = proposal.includes('{n}')
      ? rng.chance(0.8)
        ? rng.int(1, 9)
        : rng.int(10, 160)
      : 0;
    proposal = proposal.replace('{n}', String(homes));
    const major = homes >= 10;
    // Decisions are due in 8 weeks (13 for major schemes); most are made in time.
    const target = major ? 91 : 56;
    const days = rng.chance(0.82) ? rng.int(20, target) : rng.int(target, target * 2);
    const decided = received + days;
    const withdrawn = rng.chance(0.05);
    const status = withdrawn ? 'Withdrawn' : decided <= EXTRACTED ? 'Decided' : 'Pending';
    const decision =
      status !== 'Decided' ? null : rng.chance(major ? 0.78 : 0.9) ? 'Approved' : 'Refused';
    const locality = rng.pick(bury.localities);
    const [lon, lat] = randomPointIn(rng, bury.index);
    const properties = {
      reference: `24/${String(i + 1).padStart(4, '0')}/${suffix}`,
      received_date: dateOfDay(received),
      application_type: type,
      proposal,
      address: unique(`${rng.int(1, 240)} ${streetName(rng)}, ${locality}`),
      locality,
      status,
      decision,
      decision_date: decision ? dateOfDay(decided) : null,
      decision_level: decision ? (major && rng.chance(0.6) ? 'Committee' : 'Delegated') : null,
      new_dwellings: homes,
      lat,
      lon,
    };
    return { properties, geometry: { type: 'Point', coordinates: [lon, lat] } };
  });
  return featureCollection(features);
}
