import type { ImportedReport, ImportedUpdate } from '../../features/reports/index.js';
import { BOROUGHS, populationShare, urbanity } from '../region/boroughs.js';
import { randomPointIn } from '../region/boundaries.js';
import { rngFor, type Rng } from '../region/random.js';
import { winterness } from '../datasets/files.js';
import { describe } from './descriptions.js';

// Two years of synthetic citizen reports across the demo boroughs, as residents would have
// made them and the bodies answered them: each with a made-up description, a synthetic
// reporter, the body's updates at back-dated times (most fixed after some days, some closed
// without a fix, the latest still open) and a few "me too"s. The same reports every run of a
// day: the two years end at the start of the seeding day (UTC).

export const DEMO_REPORTS = 3000;
const DAY_MS = 86_400_000;
const YEARS = 2;

// [code, weight, seasonality (+ winter), fastest and slowest fix in days]
const CATEGORIES = [
  ['potholes', 30, 0.5, 2, 35],
  ['fly-tipping', 24, -0.2, 1, 7],
  ['street-lights', 14, 0.4, 2, 21],
  ['graffiti', 8, 0, 3, 30],
  ['overflowing-bins', 10, -0.4, 1, 5],
  ['bus-shelters', 8, 0, 3, 28],
  ['bus-stop-information', 6, 0, 2, 14],
] as const;

// Reports by hour of day: few at night, most in the working day and early evening.
const HOURS = [1, 1, 1, 1, 1, 2, 4, 7, 9, 9, 8, 8, 8, 8, 7, 7, 7, 7, 7, 6, 5, 4, 3, 2];

const OUTCOMES = [
  ['fixed', 82, 'Fixed. Thank you for reporting it.'],
  ['closed', 7, 'Inspected: no repair is needed at the moment.'],
  ['duplicate', 4, 'This was reported already; we are dealing with it on the earlier report.'],
  ['not_responsible', 3, 'This is on private land; we have written to the owner.'],
  ['stuck', 4, ''],
] as const;

type Code = (typeof CATEGORIES)[number][0];

function answersFor(rng: Rng, code: Code): Record<string, string> {
  if (code === 'potholes') return { blocking: rng.chance(0.2) ? 'yes' : 'no' };
  if (code === 'graffiti') return { offensive: rng.chance(0.1) ? 'yes' : 'no' };
  if (code === 'fly-tipping') return { size: rng.weighted(['bag', 'car', 'van'], [5, 3, 1]) };
  return {};
}

/** The body's updates from the report's time on, those that happened before `end`. */
function history(rng: Rng, created: number, fixDays: number, end: number): ImportedUpdate[] {
  const updates: ImportedUpdate[] = [];
  const add = (at: number, status: string | undefined, text: string) => {
    if (at < end) updates.push({ status, text, at: new Date(at).toISOString() });
  };
  const acknowledged = created + rng.between(0.05, 2) * DAY_MS;
  const done = created + fixDays * DAY_MS;
  if (rng.chance(0.7) && acknowledged < done) {
    add(acknowledged, 'investigating', 'Thank you: an officer will look at this.');
  }
  if (fixDays > 7 && rng.chance(0.5)) {
    add(acknowledged + (done - acknowledged) / 2, 'action_scheduled', 'The work is booked.');
  }
  const [outcome, , text] = rng.weightedBy(OUTCOMES, (o) => o[1]);
  if (outcome === 'stuck') {
    add(done, 'in_progress', 'This needs a contractor; we will update you when it is booked.');
  } else {
    add(done, outcome, text);
  }
  return updates;
}

/** The demo's reports, made in the two years before `end` (a time in ms). */
export function demoReports(end: number): ImportedReport[] {
  const rng = rngFor('demo-citizen-reports');
  const start = end - YEARS * 365 * DAY_MS;
  const boroughWeights = BOROUGHS.map((b) => populationShare(b) * Math.min(urbanity(b), 2) ** 0.3);
  // Some councils are quicker than others, so the boroughs compare.
  const speed = BOROUGHS.map(() => rng.between(0.6, 1.6));
  const days = (end - start) / DAY_MS;
  const reports: ImportedReport[] = [];
  for (let n = 1; n <= DEMO_REPORTS; n++) {
    const [code, , season, fastest, slowest] = rng.weightedBy(CATEGORIES, (c) => c[1]);
    // Seasonal categories are drawn again, by the month's weight, until one fits.
    let day = rng.int(0, Math.floor(days) - 1);
    while (
      !rng.chance((1 + season * winterness(new Date(start + day * DAY_MS).getUTCMonth() + 1)) / 2)
    ) {
      day = rng.int(0, Math.floor(days) - 1);
    }
    const hour = rng.weighted(
      HOURS.map((_, h) => h),
      HOURS,
    );
    const created = start + day * DAY_MS + hour * 3_600_000 + rng.int(0, 3599) * 1000;
    if (created >= end) continue;
    const bi = rng.weighted(
      BOROUGHS.map((_, i) => i),
      boroughWeights,
    );
    const [lon, lat] = randomPointIn(rng, bi);
    const delay = rng.chance(0.1) ? 3 : 1;
    const fixDays = rng.between(fastest, slowest) * (speed[bi] ?? 1) * delay;
    const id = String(n).padStart(4, '0');
    const supporters = rng.chance(0.08)
      ? Array.from({ length: rng.int(1, 4) }, (_, k) => ({
          email: `neighbour-${id}-${k + 1}@demo.metrodata.invalid`,
          at: new Date(created + (k + 1) * rng.between(0.1, 2) * DAY_MS).toISOString(),
        })).filter((s) => Date.parse(s.at) < end)
      : [];
    reports.push({
      category: code,
      lat,
      lon,
      description: describe(rng, code),
      attributes: answersFor(rng, code),
      reporter: {
        name: `Demo resident ${id} (synthetic)`,
        email: `resident-${id}@demo.metrodata.invalid`,
        showName: rng.chance(0.25),
      },
      createdAt: new Date(created).toISOString(),
      updates: history(rng, created, fixDays, end),
      supporters,
    });
  }
  return reports;
}
