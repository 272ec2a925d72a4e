import { isKnownFormat, isLandingPage, isMachineReadable, isOpenFormat } from './format-classes.js';
import { linkProblem, type DatasetInput, type ResourceInput } from './quality-input.js';

// The indicators of the European data portal's Metadata Quality Assessment (MQA), with its
// points, mapped to Metrodata's fields (docs/architecture.md, "Quality scores", has the table).
// An indicator over resources (the MQA's distributions) earns its points in proportion to the
// resources that meet it, as the MQA does.

export const DIMENSIONS = [
  'findability',
  'accessibility',
  'interoperability',
  'reusability',
  'contextuality',
] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export interface Check {
  dimension: Dimension;
  indicator: string;
  points: number;
  max: number;
  /** Why points are missing and how to earn them (null when all are earned). */
  reason: string | null;
  fix: string | null;
}

interface Indicator {
  dimension: Dimension;
  indicator: string;
  max: number;
  /** Per dataset: met or not. */
  dataset?: (d: DatasetInput) => boolean;
  /** Per resource: the resources that fail (the points are the share that pass). */
  failing?: (r: ResourceInput) => boolean;
  reason: string | ((r: ResourceInput) => string);
  fix: string;
}

const has = (v: string | null) => !!v && v.trim() !== '';
const linkFails = (r: ResourceInput) => linkProblem(r.link) !== null;
const downloadable = (r: ResourceInput) => !isLandingPage(r.format);

export const INDICATORS: Indicator[] = [
  {
    dimension: 'findability',
    indicator: 'Keywords',
    max: 30,
    dataset: (d) => d.tags.length > 0,
    reason: 'no keywords',
    fix: 'add a few tags people would search for',
  },
  {
    dimension: 'findability',
    indicator: 'Themes',
    max: 30,
    dataset: (d) => d.themes.length > 0,
    reason: 'no theme',
    fix: 'choose the themes the dataset belongs to',
  },
  {
    dimension: 'findability',
    indicator: 'Spatial coverage',
    max: 20,
    dataset: (d) => has(d.spatial_coverage),
    reason: 'no spatial coverage',
    fix: 'add a spatial coverage (the area the data covers)',
  },
  {
    dimension: 'findability',
    indicator: 'Temporal coverage',
    max: 20,
    dataset: (d) => has(d.temporal_start) || has(d.temporal_end),
    reason: 'no temporal coverage',
    fix: 'add a temporal coverage (the period the data covers)',
  },
  {
    dimension: 'accessibility',
    indicator: 'Access URL answers',
    max: 50,
    failing: linkFails,
    reason: (r) => `“${r.name}”: ${linkProblem(r.link) ?? ''}`,
    fix: 'mend or replace the broken link',
  },
  {
    dimension: 'accessibility',
    indicator: 'Download URL given',
    max: 20,
    failing: (r) => !downloadable(r),
    reason: (r) => `“${r.name}” links to a web page, not to the data`,
    fix: 'link to the file itself, or upload it',
  },
  {
    dimension: 'accessibility',
    indicator: 'Download URL answers',
    max: 30,
    failing: (r) => downloadable(r) && linkFails(r),
    reason: (r) => `“${r.name}”: ${linkProblem(r.link) ?? ''}`,
    fix: 'mend the download link',
  },
  {
    dimension: 'interoperability',
    indicator: 'Format given',
    max: 20,
    failing: (r) => r.format === '' || r.format === 'OTHER',
    reason: (r) => `“${r.name}” has no format`,
    fix: 'say which format the resource is in',
  },
  {
    dimension: 'interoperability',
    indicator: 'Media type given',
    max: 10,
    failing: (r) => !has(r.media_type) || r.media_type === 'application/octet-stream',
    reason: (r) => `“${r.name}” has no media type`,
    fix: 'give the format, so the media type follows from it',
  },
  {
    dimension: 'interoperability',
    indicator: 'Format from the vocabulary',
    max: 10,
    failing: (r) => !isKnownFormat(r.format),
    reason: (r) => `“${r.name}”: ${r.format} is not a recognised format`,
    fix: 'use a common format name (CSV, JSON, GeoJSON, XLSX, PDF …)',
  },
  {
    dimension: 'interoperability',
    indicator: 'Non-proprietary format',
    max: 20,
    dataset: (d) => d.resources.some((r) => isOpenFormat(r.format)),
    reason: 'no resource is in an open format',
    fix: 'add a CSV or JSON copy',
  },
  {
    dimension: 'interoperability',
    indicator: 'Machine-readable format',
    max: 20,
    dataset: (d) => d.resources.some((r) => isMachineReadable(r.format)),
    reason: 'no resource is machine-readable',
    fix: 'add the data itself, not only a document',
  },
  {
    dimension: 'interoperability',
    indicator: 'DCAT-AP compliance',
    max: 30,
    dataset: (d) => has(d.title) && has(d.description) && d.resources.length > 0,
    reason: 'DCAT-AP needs a description and at least one distribution',
    fix: 'write a description and add a resource',
  },
  {
    dimension: 'reusability',
    indicator: 'Access rights',
    max: 10,
    dataset: () => true,
    reason: '',
    fix: '',
  },
  {
    dimension: 'reusability',
    indicator: 'Access rights from the vocabulary',
    max: 5,
    dataset: () => true,
    reason: '',
    fix: '',
  },
  {
    dimension: 'reusability',
    indicator: 'Licence',
    max: 20,
    dataset: (d) => has(d.licence.id),
    reason: 'no licence',
    fix: 'choose a licence',
  },
  {
    dimension: 'reusability',
    indicator: 'Licence from the vocabulary',
    max: 10,
    dataset: (d) => d.licence.known,
    reason: 'the licence is not one of the known licences',
    fix: 'choose a named licence (OGL, CC BY …) rather than “other”',
  },
  {
    dimension: 'reusability',
    indicator: 'Contact point',
    max: 20,
    dataset: (d) => has(d.contact_email) || has(d.contact_name),
    reason: 'no contact point',
    fix: 'add a contact (a team name and email address)',
  },
  {
    dimension: 'reusability',
    indicator: 'Publisher',
    max: 10,
    dataset: (d) => has(d.publisher),
    reason: 'no publisher',
    fix: 'publish the dataset under an organisation',
  },
  {
    dimension: 'contextuality',
    indicator: 'Update frequency',
    max: 5,
    dataset: (d) => has(d.update_frequency),
    reason: 'no update frequency',
    fix: 'say how often the data is updated',
  },
  {
    dimension: 'contextuality',
    indicator: 'File size',
    max: 5,
    failing: (r) => r.size === null,
    reason: (r) => `“${r.name}” has no size`,
    fix: 'upload the file, or give its size',
  },
  {
    dimension: 'contextuality',
    indicator: 'Date of issue',
    max: 5,
    dataset: (d) => has(d.created_at),
    reason: 'no date of issue',
    fix: 'set when the data was first published',
  },
  {
    dimension: 'contextuality',
    indicator: 'Modification date',
    max: 5,
    dataset: (d) => has(d.modified_at),
    reason: 'no modification date',
    fix: 'set when the data last changed',
  },
];

/** One indicator's points for a dataset, with the reason and fix when points are missing. */
export function check(i: Indicator, d: DatasetInput): Check {
  const base = { dimension: i.dimension, indicator: i.indicator, max: i.max };
  if (i.failing) {
    if (d.resources.length === 0) {
      return { ...base, points: 0, reason: 'the dataset has no resources', fix: 'add a resource' };
    }
    const failing = d.resources.filter(i.failing);
    const points = Math.round((i.max * (d.resources.length - failing.length)) / d.resources.length);
    const first = failing[0];
    if (!first) return { ...base, points, reason: null, fix: null };
    const why = typeof i.reason === 'string' ? i.reason : failing.map(i.reason).join('; ');
    return { ...base, points, reason: why, fix: i.fix };
  }
  const met = i.dataset?.(d) ?? false;
  const reason = typeof i.reason === 'string' ? i.reason : '';
  return met
    ? { ...base, points: i.max, reason: null, fix: null }
    : { ...base, points: 0, reason, fix: i.fix };
}
