import type { DatasetCreateInput } from '../../features/catalog/index.js';
import {
  pointCollection,
  pointsCsv,
  synthetic,
  type DemoDataset,
  type DemoFile,
  type DemoLink,
  type PointFeature,
} from './files.js';

/** A generated file as a table lists it: its format follows from the file name's ending. */
export type FileEntry = Omit<DemoFile, 'format'>;

/**
 * A demo dataset's catalogue fields as the tables write them, a line a field: the catalogue's
 * own, except that the description comes in two parts (the synthetic-data notice goes between
 * them), the tags are one comma-separated list (as region/localities.ts writes its place names),
 * the temporal coverage an ISO 8601 interval and the contact a mailbox, 'Name <email>'.
 */
export interface MetaEntry extends Omit<
  DatasetCreateInput,
  'description' | 'tags' | 'temporal_coverage' | 'contact'
> {
  slug: string;
  summary: string;
  details: string;
  /** 'crime, policing, community safety'. */
  tags: string;
  /** 'YYYY-MM-DD/YYYY-MM-DD'. */
  period?: string;
  contact: string;
}

/** A table's entry: the dataset's fields with its generated files (and any links). */
export interface DatasetEntry extends MetaEntry {
  files: FileEntry[];
  links?: DemoLink[];
}

const formatOf = (fileName: string): DemoFile['format'] =>
  fileName.endsWith('.geojson') ? 'GeoJSON' : 'CSV';

function mailbox(contact: string): { name: string; email: string } {
  const m = /^(.+) <(.+)>$/.exec(contact);
  if (!m?.[1] || !m[2]) throw new Error(`Not a 'Name <email>' contact: ${contact}`);
  return { name: m[1], email: m[2] };
}

function coverage(period: string): { start: string; end: string } {
  const [start, end] = period.split('/');
  if (!start || !end) throw new Error(`Not a 'start/end' period: ${period}`);
  return { start, end };
}

/** The fields createDataset takes for an entry. */
export function datasetMeta(entry: MetaEntry): DemoDataset['meta'] {
  const { summary, details, tags, period, contact, ...fields } = entry;
  return {
    ...fields,
    description: synthetic(summary, details),
    tags: tags.split(', '),
    ...(period ? { temporal_coverage: coverage(period) } : {}),
    contact: mailbox(contact),
  };
}

/** The dataset a table entry describes, as the seed creates it. */
export function demoDataset(entry: DatasetEntry): DemoDataset {
  const { files, links, ...meta } = entry;
  return {
    meta: datasetMeta(meta),
    files: files.map((f) => ({ ...f, format: formatOf(f.fileName) })),
    ...(links ? { links } : {}),
  };
}

/** Points published twice, as a CSV table and as GeoJSON for maps, under one file stem. */
export interface PointFilesEntry {
  stem: string;
  /** What the files hold, e.g. 'Grit bins': the files are named '… (CSV)' and '… (GeoJSON)'. */
  name: string;
  /** One point, e.g. 'bin': 'One row per bin …', 'The same bins …'. */
  noun: string;
  points: () => PointFeature[];
  /** When the CSV's description is not the usual 'One row per … with latitude and longitude.' */
  csvDescription?: string;
}

export function pointFiles(entry: PointFilesEntry): FileEntry[] {
  const { stem, name, noun, points } = entry;
  return [
    {
      fileName: `${stem}.csv`,
      name: `${name} (CSV)`,
      description: entry.csvDescription ?? `One row per ${noun} with latitude and longitude.`,
      build: () => pointsCsv(points()),
    },
    {
      fileName: `${stem}.geojson`,
      name: `${name} (GeoJSON)`,
      description: `The same ${noun}s as points for maps.`,
      build: () => pointCollection(points()),
    },
  ];
}

// Coverage and contacts that several tables share.
export const WHOLE_REGION = 'Greater Manchester';
export const BY_BOROUGH = 'Greater Manchester, by borough';
export const GMCA_RESEARCH = 'GMCA Research team <research@gmca.example>';
export const GMCA_DIGITAL = 'GMCA Digital team <digital@gmca.example>';
