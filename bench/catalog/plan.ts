import { type DatasetCreateInput, FREQUENCIES, slugify } from '../../src/features/catalog/index.js';
import { createRng, type Rng } from '../lib/prng.js';
import { ORGANISATIONS, AREAS, type BenchOrganisation } from './organisations.js';
import { COMMITMENTS, CROSS_REFERENCES, DETAILS, OPENINGS, THEME_SENTENCES } from './phrases.js';
import { GENERAL_TAGS, TOPICS, type Topic } from './topics.js';

export interface PlannedResource {
  name: string;
  url: string;
  format: string;
}

export interface PlannedDataset {
  input: DatasetCreateInput & { slug: string };
  resources: PlannedResource[];
}

const THEMES = Object.keys(TOPICS);
const ALL_TOPICS = Object.values(TOPICS).flat();

const LICENCE_WEIGHTS = [
  ['OGL-UK-3.0', 70],
  ['CC-BY-4.0', 10],
  ['OGL-UK-2.0', 5],
  ['CC0-1.0', 5],
  ['ODbL-1.0', 4],
  ['CC-BY-SA-4.0', 3],
  ['other-open', 2],
  ['other-closed', 1],
] as const;

const FORMAT_WEIGHTS = [
  ['CSV', 45],
  ['XLSX', 20],
  ['JSON', 15],
  ['GEOJSON', 10],
  ['PDF', 10],
] as const;

const RESOURCE_NAMES: Readonly<Record<string, string>> = {
  CSV: 'Data',
  XLSX: 'Spreadsheet with charts',
  JSON: 'API extract',
  GEOJSON: 'Map layer',
  PDF: 'Methodology and data dictionary',
};

const QUALIFIERS = ['', '', ' by ward', ' by month', ' by LSOA', ' by quarter', ' by site'];

const ORGANISATION_WEIGHTS = ORGANISATIONS.map(
  (org) => [org, org.kind === 'council' ? 6 : org.kind === 'transport' ? 15 : 9] as const,
);

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => {
    const lower = key.toLowerCase();
    const value = values[lower] ?? key;
    return key === lower ? value : value.charAt(0).toUpperCase() + value.slice(1);
  });
}

function chooseTheme(rng: Rng, org: BenchOrganisation): string {
  if (org.themes.length > 0 && rng.chance(0.85)) return rng.pick(org.themes);
  // Councils publish a bit of everything, service requests and transport more than most.
  return rng.weighted(
    THEMES.map((t) => [t, t === 'service-requests' || t === 'transport' ? 3 : 2] as const),
  );
}

function describe(rng: Rng, topic: Topic, theme: string, values: Record<string, string>): string {
  const paragraphs = [fill(rng.pick(OPENINGS), values), THEME_SENTENCES[theme] ?? ''];
  const details = rng
    .sample(DETAILS, 1 + rng.int(2))
    .map((d) => fill(d, values))
    .join(' ');
  paragraphs.push(details);
  if (rng.chance(0.3)) {
    const other = rng.pick(ALL_TOPICS.filter((t) => t !== topic)).title.toLowerCase();
    paragraphs.push(fill(rng.pick(CROSS_REFERENCES), { ...values, other }));
  }
  if (rng.chance(0.2)) paragraphs.push(rng.pick(COMMITMENTS));
  return paragraphs.filter(Boolean).join('\n\n');
}

function resources(rng: Rng, theme: string, slug: string, orgSlug: string, period: string) {
  const count = rng.weighted([
    [0, 15],
    [1, 35],
    [2, 30],
    [3, 20],
  ] as const);
  return Array.from({ length: count }, (_, i): PlannedResource => {
    const format =
      theme === 'boundaries' && rng.chance(0.6) ? 'GEOJSON' : rng.weighted(FORMAT_WEIGHTS);
    const name = format === 'CSV' ? `${period} data` : (RESOURCE_NAMES[format] ?? 'Data');
    const url = `https://data.${orgSlug}.example.org/${slug}/${i + 1}.${format.toLowerCase()}`;
    return { name, url, format };
  });
}

/** The same `count` datasets for the same seed, every run, on every machine. */
export function planCatalogue(count: number, seed = 20240601): PlannedDataset[] {
  const rng = createRng(seed);
  const slugs = new Set<string>();
  const out: PlannedDataset[] = [];
  for (let i = 0; i < count; i++) {
    const org = rng.weighted(ORGANISATION_WEIGHTS);
    const theme = chooseTheme(rng, org);
    const topic = rng.pick(TOPICS[theme] ?? ALL_TOPICS);
    const year = 2015 + rng.int(11);
    const period = rng.chance(0.4)
      ? `${year}/${String((year + 1) % 100).padStart(2, '0')}`
      : `${year}`;
    const area = org.kind === 'council' || rng.chance(0.6) ? org.area : rng.pick(AREAS);
    const qualifier = rng.pick(QUALIFIERS);
    const title =
      area === 'Greater Calder'
        ? `${topic.title}${qualifier} ${period}`
        : `${topic.title}${qualifier}, ${area} ${period}`;
    const base = slugify(title);
    let slug = base;
    for (let n = 2; slugs.has(slug); n++) slug = `${base}-${n}`;
    slugs.add(slug);
    const values = { topic: topic.title.toLowerCase(), area, org: org.name, period };
    const themes = rng.chance(0.25) ? [theme, rng.pick(THEMES)] : [theme];
    out.push({
      input: {
        slug,
        title,
        description: describe(rng, topic, theme, values),
        organisation: org.slug,
        licence: rng.weighted(LICENCE_WEIGHTS),
        tags: [...topic.tags, ...rng.sample(GENERAL_TAGS, 1 + rng.int(3))],
        themes: [...new Set(themes)],
        state: rng.chance(0.05) ? 'draft' : 'active',
        visibility: rng.chance(0.1) ? 'private' : 'public',
        update_frequency: rng.pick(FREQUENCIES),
        temporal_coverage: { start: `${year}-01-01`, end: `${year}-12-31` },
        spatial_coverage: area,
        contact: { name: `${org.name} data team`, email: `data@${org.slug}.example.org` },
      },
      resources: resources(rng, theme, slug, org.slug, period),
    });
  }
  return out;
}
