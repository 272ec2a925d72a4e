import { BOROUGHS, populationShare, urbanity } from '../region/boroughs.js';
import { randomPointIn } from '../region/boundaries.js';
import { csv, winterness } from './files.js';
import { itemAt, rngFor } from '../region/random.js';

// [category, weight, seasonality (+ winter, - summer), fastest and slowest fix in days]
const CATEGORIES = [
  ['Pothole', 30, 0.5, 3, 40],
  ['Fly-tipping', 25, -0.2, 1, 7],
  ['Street light fault', 14, 0.4, 2, 21],
  ['Blocked drain or gully', 8, 0.3, 2, 25],
  ['Overgrown vegetation', 7, -0.8, 5, 30],
  ['Graffiti', 6, 0, 3, 30],
  ['Abandoned vehicle', 5, 0, 5, 30],
  ['Dog fouling', 5, 0, 1, 10],
] as const;

const CHANNELS = ['Web', 'App', 'Phone', 'Email'];
const CHANNEL_WEIGHTS = [46, 31, 18, 5];
// Reports by hour of day: few at night, most in the working day and early evening.
const HOURS = [1, 1, 1, 1, 1, 2, 4, 7, 9, 9, 8, 8, 8, 8, 7, 7, 7, 7, 7, 6, 5, 4, 3, 2];
const DAY_MS = 86_400_000;
/** When the extract was taken: later reports are still open or in progress. */
const EXTRACTED = Date.UTC(2025, 0, 6);

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 19) + 'Z';

export const SERVICE_REQUEST_ROWS = 5000;

export function serviceRequestsCsv(): string {
  const rng = rngFor('service-requests-sample');
  const boroughWeights = BOROUGHS.map((b) => populationShare(b) * Math.min(urbanity(b), 2) ** 0.3);
  const requests = Array.from({ length: SERVICE_REQUEST_ROWS }, () => {
    const [category, , season, fastest, slowest] = rng.weightedBy(CATEGORIES, (c) => c[1]);
    const month = rng.weighted(
      Array.from({ length: 12 }, (_, m) => m),
      Array.from({ length: 12 }, (_, m) => 1 + season * winterness(m + 1)),
    );
    const monthStart = Date.UTC(2024, month, 1);
    const days = (Date.UTC(2024, month + 1, 1) - monthStart) / DAY_MS;
    const hour = rng.weighted(
      HOURS.map((_, h) => h),
      HOURS,
    );
    const reported =
      monthStart + rng.int(0, days - 1) * DAY_MS + hour * 3_600_000 + rng.int(0, 3599) * 1000;
    // Most are acknowledged within two days, some wait a fortnight; a few fixes need a scheduled
    // works slot months away, so some old requests are still in progress.
    const ackDays = rng.chance(0.9) ? 2 : 14;
    const acknowledged = reported + rng.int(600, (ackDays * DAY_MS) / 1000) * 1000;
    const delay = rng.chance(0.03) ? 120 : rng.chance(0.1) ? 3 : 1;
    const closed = reported + rng.between(fastest, slowest) * DAY_MS * delay;
    const bi = rng.weighted(
      BOROUGHS.map((_, i) => i),
      boroughWeights,
    );
    const [lon, lat] = randomPointIn(rng, bi);
    const channel = rng.weighted(CHANNELS, CHANNEL_WEIGHTS);
    return { category, reported, acknowledged, closed, bi, lon, lat, channel };
  }).sort((a, b) => a.reported - b.reported);

  const rows = requests.map((r, n) => {
    const b = itemAt(BOROUGHS, r.bi);
    const isClosed = r.closed <= EXTRACTED;
    const isAcknowledged = r.acknowledged <= EXTRACTED;
    const status = isClosed ? 'closed' : isAcknowledged ? 'in progress' : 'open';
    return [
      `SR-2024-${String(n + 1).padStart(6, '0')}`,
      r.category,
      b.code,
      b.name,
      b.orgName,
      status,
      r.channel,
      iso(r.reported),
      isAcknowledged ? iso(r.acknowledged) : null,
      isClosed ? iso(Math.round(r.closed / 1000) * 1000) : null,
      r.lat,
      r.lon,
    ];
  });
  const header = ['request_id', 'category', 'area_code', 'borough', 'council', 'status', 'channel'];
  return csv([...header, 'reported_at', 'acknowledged_at', 'closed_at', 'lat', 'lon'], rows);
}
