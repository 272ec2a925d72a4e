import { randomPointIn } from '../region/boundaries.js';
import {
  clamp,
  csv,
  fixed,
  ofMonth,
  pointCollection,
  pointFeature,
  type PointFeature,
} from './files.js';
import {
  councilOf,
  dateOfDay,
  dayOf,
  idOf,
  pointNearCentre,
  streetName,
} from '../region/localities.js';
import { rngFor } from '../region/random.js';

// Grit bins, car parks and food hygiene: everyday council services, in their usual shapes.

const GRIT_REASONS = ['Steep hill', 'Junction on a hill', 'Near a school', 'Bus route', 'Footpath'];
const GRIT_REASON_WEIGHTS = [38, 22, 14, 10, 16];

export function gritBins(): PointFeature[] {
  const rng = rngFor('rochdale-grit-bins');
  const rochdale = councilOf('rochdale-borough-council');
  const autumn = dayOf('2024-10-01');
  return Array.from({ length: 520 }, (_, i) => {
    const [lon, lat] = randomPointIn(rng, rochdale.index);
    return pointFeature(lon, lat, {
      bin_id: idOf('RBC-GB', i + 1),
      location: `${streetName(rng)}, ${rng.pick(rochdale.localities)}`,
      reason: rng.weighted(GRIT_REASONS, GRIT_REASON_WEIGHTS),
      capacity_litres: rng.weighted([200, 350, 400], [3, 5, 2]),
      last_refilled: dateOfDay(autumn + rng.int(0, 75)),
      condition: rng.weighted(['Good', 'Damaged lid', 'Needs replacing'], [86, 10, 4]),
    });
  });
}

// [name, kind, spaces]: shopping car parks fill on Saturdays and in December, commuter ones on
// weekdays; district ones are steady.
const CAR_PARKS = [
  ['Stockport Town Centre North (multi-storey)', 'shopping', 1050],
  ['Stockport Town Centre South (multi-storey)', 'shopping', 720],
  ['Stockport Station Road', 'commuter', 180],
  ['Edgeley', 'district', 120],
  ['Cheadle Village', 'shopping', 140],
  ['Cheadle Hulme Station', 'commuter', 95],
  ['Bramhall Village', 'shopping', 160],
  ['Hazel Grove', 'district', 110],
  ['Marple Market Street', 'district', 130],
  ['Romiley Precinct', 'district', 90],
  ['Reddish Library', 'district', 45],
  ['Heaton Moor Road', 'commuter', 70],
] as const;

// By month, January first: Christmas shopping fills December, the summer holidays empty August.
const SHOPPING_SEASON = [0.85, 0.88, 0.93, 0.95, 0.97, 0.96, 0.95, 0.9, 0.94, 0.97, 1.05, 1.22];

function carParks(): PointFeature[] {
  const rng = rngFor('stockport-car-parks');
  const stockport = councilOf('stockport-council');
  return CAR_PARKS.map(([name, kind, spaces], i) => {
    const central = name.startsWith('Stockport');
    const [lon, lat] = central
      ? pointNearCentre(rng, stockport, 0.5)
      : randomPointIn(rng, stockport.index);
    const multi = name.includes('multi-storey');
    return pointFeature(lon, lat, {
      car_park_id: idOf('SMBC-CP', i + 1, 2),
      name,
      type: multi ? 'Multi-storey' : 'Surface',
      use: kind,
      spaces,
      disabled_bays: Math.max(2, Math.round(spaces * 0.06)),
      ev_charging_bays: multi ? 12 : rng.int(0, 4),
      opening_hours: multi ? '06:00-23:00' : '24 hours',
      tariff_first_hour_gbp: fixed(multi ? 1.8 : kind === 'commuter' ? 1.2 : 1, 2),
    });
  });
}

export const carParksGeoJson = (): string => pointCollection(carParks());

export function carParkOccupancyCsv(): string {
  const rng = rngFor('stockport-car-park-occupancy');
  const start = dayOf('2024-01-01');
  const rows = Array.from({ length: 366 }, (_, d) => start + d).flatMap((day, d) => {
    const date = dateOfDay(day);
    const weekday = d % 7; // 1 January 2024 was a Monday: 0 Monday ... 6 Sunday.
    const christmas = date.endsWith('12-25');
    return CAR_PARKS.map(([name, kind, spaces], i) => {
      const id = idOf('SMBC-CP', i + 1, 2);
      if (christmas) return [date, id, name, spaces, 0, fixed(0), null, 0, fixed(0, 2)];
      const week =
        kind === 'commuter'
          ? weekday < 5
            ? 0.92
            : 0.35
          : kind === 'shopping'
            ? [0.62, 0.6, 0.64, 0.66, 0.75, 0.95, 0.58][weekday]
            : 0.65;
      const season = kind === 'shopping' ? ofMonth(SHOPPING_SEASON, date) : 1;
      const share = clamp((week ?? 0.6) * season + 0.05 * rng.normal(), 0.05, 1);
      const occupied = Math.round(spaces * share);
      const peak = kind === 'commuter' ? rng.int(9, 11) : rng.int(11, 15);
      const tickets = Math.round(occupied * (kind === 'commuter' ? 1.1 : rng.between(1.8, 2.6)));
      const income = tickets * (kind === 'commuter' ? 4.2 : rng.between(2.1, 2.9));
      return [
        date,
        id,
        name,
        spaces,
        occupied,
        fixed((100 * occupied) / spaces),
        `${String(peak).padStart(2, '0')}:00`,
        tickets,
        fixed(income, 2),
      ];
    });
  });
  const header = ['date', 'car_park_id', 'car_park', 'spaces', 'peak_occupied'];
  return csv([...header, 'peak_occupancy_pct', 'peak_hour', 'tickets_sold', 'income_gbp'], rows);
}

// [business type, establishments per 10,000 residents, hygiene (above 1 scores better)]
const BUSINESS_TYPES = [
  ['Restaurant/Cafe/Canteen', 24, 1],
  ['Takeaway/sandwich shop', 20, 0.8],
  ['Pub/bar/nightclub', 9, 1],
  ['Retailers - supermarkets/hypermarkets', 2, 1.2],
  ['Retailers - other', 22, 0.9],
  ['Hospitals/Childcare/Caring Premises', 12, 1.25],
  ['School/college/university', 6, 1.3],
  ['Mobile caterer', 5, 0.9],
  ['Manufacturers/packers', 2, 1],
  ['Hotel/bed & breakfast/guest house', 1.2, 1],
] as const;
const RATINGS = [5, 4, 3, 2, 1, 0];

export function traffordFoodHygieneCsv(): string {
  const rng = rngFor('trafford-food-hygiene-ratings');
  const trafford = councilOf('trafford-council');
  const places = trafford.localities.map((locality) => ({
    locality,
    people: (trafford.borough.population / trafford.localities.length) * rng.between(0.6, 1.4),
  }));
  const rows = [2023, 2024, 2025].flatMap((year, i) =>
    places.flatMap(({ locality, people }) =>
      BUSINESS_TYPES.map(([type, per10k, hygiene]) => {
        const q = hygiene * (1 + 0.04 * i);
        const weights = [70 * q * q, 18, 7 / q, 2 / q, 2.5 / q, 0.5 / q];
        const counts = RATINGS.map(() => 0);
        const establishments = rng.count((per10k * people) / 10_000);
        let awaiting = 0;
        for (let e = 0; e < establishments; e++) {
          if (rng.chance(0.05)) awaiting++;
          else {
            const k = rng.weighted([0, 1, 2, 3, 4, 5], weights);
            counts[k] = (counts[k] ?? 0) + 1;
          }
        }
        const rated = establishments - awaiting;
        const good = (counts[0] ?? 0) + (counts[1] ?? 0);
        const pct = rated > 0 ? fixed((100 * good) / rated) : null;
        return [`${year}-03-31`, locality, type, establishments, ...counts, awaiting, pct];
      }),
    ),
  );
  const header = ['as_at', 'locality', 'business_type', 'establishments'];
  const rated = RATINGS.map((r) => `rated_${r}`);
  return csv([...header, ...rated, 'awaiting_inspection', 'rated_4_or_5_pct'], rows);
}
