import type { DatasetCreateInput } from '../../features/catalog/index.js';
import { itemAt } from '../region/random.js';

/** A generated file uploaded as a resource; `build` must be deterministic. */
export interface DemoFile {
  fileName: string;
  name: string;
  format: 'CSV' | 'GeoJSON';
  description: string;
  build: () => string;
}

export interface DemoLink {
  name: string;
  url: string;
  format: string;
  description: string;
}

export interface DemoDataset {
  meta: DatasetCreateInput & { slug: string; description: string };
  files: DemoFile[];
  links?: DemoLink[];
}

/** Every demo description opens with the same unmistakable notice. */
export function synthetic(summary: string, details: string): string {
  return [
    summary,
    '> **SYNTHETIC demo data.** Metrodata generated these figures to show how the platform ' +
      'works. They look plausible but are not real statistics: do not use them for decisions.',
    details.trim(),
  ].join('\n\n');
}

type Cell = string | number | null;

const quote = (cell: Cell): string => {
  if (cell === null) return '';
  const s = String(cell);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** RFC 4180 CSV with a header row and a final newline. */
export function csv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return [header, ...rows].map((r) => r.map(quote).join(',')).join('\n') + '\n';
}

export interface PointFeature {
  lon: number;
  lat: number;
  properties: Record<string, Cell>;
}

/** A point whose properties end with its latitude and longitude, the last columns of its CSV. */
export const pointFeature = (
  lon: number,
  lat: number,
  properties: Record<string, Cell>,
): PointFeature => ({ lon, lat, properties: { ...properties, lat, lon } });

/** A GeoJSON FeatureCollection, one feature a line (readable and diff-friendly). */
export function featureCollection(
  features: readonly { geometry: unknown; properties: Record<string, Cell> }[],
): string {
  const lines = features.map((f) =>
    JSON.stringify({ type: 'Feature', properties: f.properties, geometry: f.geometry }),
  );
  return `{"type":"FeatureCollection","features":[\n${lines.join(',\n')}\n]}\n`;
}

export const pointCollection = (points: readonly PointFeature[]): string =>
  featureCollection(
    points.map((p) => ({
      properties: p.properties,
      geometry: { type: 'Point', coordinates: [p.lon, p.lat] },
    })),
  );

const pad = (n: number) => String(n).padStart(2, '0');

/** 'YYYY-MM' from `from` to `to` inclusive. */
export function months(from: string, to: string): string[] {
  const [fy = 0, fm = 1] = from.split('-').map(Number);
  const [ty = 0, tm = 1] = to.split('-').map(Number);
  const out: string[] = [];
  for (let i = fy * 12 + fm - 1; i <= ty * 12 + tm - 1; i++) {
    out.push(`${Math.floor(i / 12)}-${pad((i % 12) + 1)}`);
  }
  return out;
}

/** 'YYYY-Qn' for every quarter of the years given. */
export function quarters(fromYear: number, toYear: number): string[] {
  const out: string[] = [];
  for (let y = fromYear; y <= toYear; y++) for (let q = 1; q <= 4; q++) out.push(`${y}-Q${q}`);
  return out;
}

/** Every date of a year as 'YYYY-MM-DD' (fixed dates, so deterministic). */
export function daysOf(year: number): string[] {
  const out: string[] = [];
  for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += 86_400_000) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}

/** Month number (1-12) of 'YYYY-MM...' text. */
export const monthOf = (period: string): number => Number(period.slice(5, 7));

/** A seasonal profile's value for the month of 'YYYY-MM...' text (12 values, January first). */
export const ofMonth = (profile: readonly number[], period: string): number =>
  itemAt(profile, monthOf(period) - 1);

/** 1 in winter, -1 in summer: NO2, heating and some crimes follow the seasons. */
export const winterness = (month: number): number => Math.cos(((month - 1) / 12) * 2 * Math.PI);

export const fixed = (n: number, digits = 1): string => n.toFixed(digits);

export const clamp = (n: number, min: number, max: number): number =>
  Math.min(max, Math.max(min, n));

/** The same points as CSV, one column per property (properties must share their keys). */
export function pointsCsv(points: readonly PointFeature[]): string {
  const header = Object.keys(points[0]?.properties ?? {});
  return csv(
    header,
    points.map((p) => header.map((k) => p.properties[k] ?? null)),
  );
}
