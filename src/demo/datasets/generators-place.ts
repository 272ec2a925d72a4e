import { BOROUGHS, REGION, populationShare, urbanity } from '../region/boroughs.js';
import { boroughPolygon, randomPointIn, regionPolygon } from '../region/boundaries.js';
import {
  clamp,
  csv,
  featureCollection,
  fixed,
  monthOf,
  months,
  pointCollection,
  quarters,
  winterness,
  type PointFeature,
} from './files.js';
import { itemAt, rngFor } from '../region/random.js';

const SITE_TYPES = ['Kerbside', 'Roadside', 'Urban background'] as const;
const TYPE_NO2: Record<(typeof SITE_TYPES)[number], number> = {
  Kerbside: 44,
  Roadside: 32,
  'Urban background': 18,
};

interface Site extends PointFeature {
  id: string;
  type: (typeof SITE_TYPES)[number];
  urban: number;
}

function airSites(): Site[] {
  const rng = rngFor('air-quality-sites');
  return Array.from({ length: 60 }, (_, i) => {
    const bi = i % BOROUGHS.length;
    const b = itemAt(BOROUGHS, bi);
    const [lon, lat] = randomPointIn(rng, bi);
    const type = rng.weighted(SITE_TYPES, [2, 5, 3]);
    const method = i < 20 ? 'Automatic analyser' : 'Diffusion tube';
    const id = `GM-NO2-${String(i + 1).padStart(3, '0')}`;
    const properties = { site_id: id, site_type: type, method, area_code: b.code, borough: b.name };
    return { id, type, urban: Math.min(urbanity(b), 2), lon, lat, properties };
  });
}

export const airSitesGeoJson = (): string => pointCollection(airSites());

export function no2ReadingsCsv(): string {
  const rng = rngFor('air-quality-no2');
  const ms = months('2022-01', '2024-12');
  const sites = airSites().map((s) => ({ ...s, level: TYPE_NO2[s.type] * (0.8 + 0.15 * s.urban) }));
  const rows = ms.flatMap((m, i) =>
    sites.map((s) => {
      const trend = 1 - (0.045 * i) / 12; // About 4.5% cleaner each year.
      const value =
        s.level * trend * (1 + 0.22 * winterness(monthOf(m))) * (1 + 0.08 * rng.normal());
      const capture = rng.chance(0.03) ? rng.int(40, 74) : rng.int(85, 100);
      return [s.id, m, fixed(clamp(value, 4, 90)), capture];
    }),
  );
  return csv(['site_id', 'month', 'no2_ugm3', 'data_capture_pct'], rows);
}

export function wiganWasteCsv(): string {
  const rng = rngFor('wigan-household-waste');
  const rows = months('2022-04', '2025-03').map((m) => {
    const summer = -winterness(monthOf(m));
    const residual = 4600 * (1 + 0.06 * rng.normal());
    const dry = 1900 * (1 + 0.05 * rng.normal()) * (monthOf(m) === 12 ? 1.2 : 1);
    const organic = 1900 * (1 + 0.45 * summer) * (1 + 0.06 * rng.normal());
    const rate = ((dry + organic) / (residual + dry + organic)) * 100;
    return [m, Math.round(residual), Math.round(dry), Math.round(organic), fixed(rate)];
  });
  const header = ['month', 'residual_tonnes', 'dry_recycling_tonnes', 'food_and_garden_tonnes'];
  return csv([...header, 'recycling_rate_pct'], rows);
}

export function housingCompletionsCsv(): string {
  const rng = rngFor('housing-completions');
  const rows = BOROUGHS.flatMap((b) => {
    const base = 6600 * populationShare(b) * Math.min(urbanity(b), 2.2) ** 1.2;
    return Array.from({ length: 10 }, (_, i) => {
      const year = `${2014 + i}-${String(15 + i).padStart(2, '0')}`;
      const covid = i === 6 ? 0.75 : 1; // 2020-21
      const net = Math.round(base * (0.7 + 0.06 * i) * covid * (1 + 0.15 * rng.normal()));
      const affordable = Math.round(net * rng.between(0.12, 0.3));
      const social = Math.round(affordable * rng.between(0.25, 0.55));
      return [year, b.code, b.name, net, affordable, social];
    });
  });
  const header = ['financial_year', 'area_code', 'borough', 'net_additional_dwellings'];
  return csv([...header, 'affordable_completions', 'social_rent_completions'], rows);
}

// Homelessness concentrates in the densest boroughs, temporary accommodation even more so.
const pressure = BOROUGHS.map((b) => populationShare(b) * Math.min(urbanity(b), 2.2));
const sharesOf = (power: number) => {
  const total = pressure.reduce((sum, p) => sum + p ** power, 0);
  return pressure.map((p) => p ** power / total);
};

export function homelessnessCsv(): string {
  const rng = rngFor('homelessness');
  const assessedShare = sharesOf(1);
  const taShare = sharesOf(1.8);
  const rows = quarters(2021, 2024)
    .slice(1)
    .flatMap((q, i) =>
      BOROUGHS.map((b, k) => {
        const assessed = rng.count(4600 * (assessedShare[k] ?? 0) * (1 + 0.02 * i));
        const prevention = Math.round(assessed * rng.between(0.42, 0.5));
        const relief = Math.round(assessed * rng.between(0.38, 0.46));
        const ta = rng.count(4300 * (taShare[k] ?? 0) * (1 + 0.035 * i));
        return [q, b.code, b.name, assessed, prevention, relief, ta, Math.round(ta * 0.58)];
      }),
    );
  const header = ['quarter', 'area_code', 'borough', 'households_assessed'];
  return csv(
    [
      ...header,
      'owed_prevention_duty',
      'owed_relief_duty',
      'households_in_temporary_accommodation',
    ].concat(['with_children']),
    rows,
  );
}

const HOUSEHOLDS = ['Single adult', 'Couple, no children', 'Lone parent', 'Couple with children'];

export function boltonTemporaryAccommodationCsv(): string {
  const rng = rngFor('bolton-temporary-accommodation');
  const rows = months('2024-01', '2024-12').flatMap((m) =>
    HOUSEHOLDS.map((h, k) => {
      const scale = [1, 0.2, 0.7, 0.35][k] ?? 1;
      const started = rng.count(38 * scale);
      const end = rng.count(210 * scale);
      return [m, h, started, end, Math.min(end, rng.count(9 * scale))];
    }),
  );
  const header = ['month', 'household_type', 'placements_started', 'households_at_month_end'];
  return csv([...header, 'in_bed_and_breakfast'], rows);
}

export const boroughBoundariesGeoJson = (): string =>
  featureCollection(
    BOROUGHS.map((b, i) => ({
      properties: { area_code: b.code, area_name: b.name, approximate: 'yes' },
      geometry: boroughPolygon(i),
    })),
  );

export const regionBoundaryGeoJson = (): string =>
  featureCollection([
    {
      properties: { area_code: REGION.code, area_name: REGION.name, approximate: 'yes' },
      geometry: regionPolygon(),
    },
  ]);
