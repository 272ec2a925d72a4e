import type {
  Dataset,
  DatasetRatingTable,
  Organisation,
  Resource,
} from '../../platform/db/schema.js';
import { licenceById } from './licences.js';

export interface DatasetLists {
  tags: string[];
  themes: string[];
  formats: string[];
  /** Openness stars and metadata quality, once the quality scores have rated the dataset. */
  rating: Pick<DatasetRatingTable, 'openness' | 'quality'> | null;
}

/** A dataset with nothing listed yet (new, or not found). */
export const noLists = (): DatasetLists => ({ tags: [], themes: [], formats: [], rating: null });

type OrgRef = Pick<Organisation, 'slug' | 'name' | 'kind'>;

/** The public JSON shape of a dataset (summary; `datasetDetail` adds resources). */
export function datasetSummary(
  d: Dataset,
  org: OrgRef,
  lists: DatasetLists,
  themeTitles: ReadonlyMap<string, string>,
  baseUrl: string,
) {
  const licence = licenceById(d.licence);
  return {
    id: d.id,
    slug: d.slug,
    title: d.title,
    description: d.description,
    organisation: { slug: org.slug, name: org.name, kind: org.kind },
    licence: { id: licence.id, title: licence.title, url: licence.url },
    tags: lists.tags,
    themes: lists.themes.map((slug) => ({ slug, title: themeTitles.get(slug) ?? slug })),
    formats: lists.formats,
    openness_stars: lists.rating?.openness ?? null,
    metadata_quality: lists.rating?.quality ?? null,
    state: d.state,
    visibility: d.visibility,
    update_frequency: d.update_frequency,
    temporal_coverage:
      d.temporal_start || d.temporal_end ? { start: d.temporal_start, end: d.temporal_end } : null,
    spatial_coverage: d.spatial_coverage,
    contact:
      d.contact_name || d.contact_email ? { name: d.contact_name, email: d.contact_email } : null,
    source_url: d.source_url,
    created_at: d.created_at,
    modified_at: d.modified_at,
    url: `${baseUrl}/api/v1/datasets/${d.slug}`,
  };
}

export function resourceView(r: Resource, baseUrl: string) {
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    format: r.format,
    media_type: r.media_type,
    size: r.size,
    sha256: r.sha256,
    // A file resource whose first file is still loading (or failed to) has neither file nor URL.
    kind: r.blob_key || r.url === null ? ('file' as const) : ('link' as const),
    url: r.blob_key ? `${baseUrl}/api/v1/resources/${r.id}/download` : r.url,
    created_at: r.created_at,
    modified_at: r.modified_at,
  };
}

/** What activity records as a dataset's state: the editable fields, as the API names them. */
export function datasetSnapshot(d: Dataset, org: Pick<Organisation, 'slug'>, lists: DatasetLists) {
  return {
    slug: d.slug,
    title: d.title,
    description: d.description,
    organisation: org.slug,
    licence: d.licence,
    tags: lists.tags,
    themes: lists.themes,
    state: d.state,
    visibility: d.visibility,
    update_frequency: d.update_frequency,
    temporal_start: d.temporal_start,
    temporal_end: d.temporal_end,
    spatial_coverage: d.spatial_coverage,
    contact_name: d.contact_name,
    contact_email: d.contact_email,
    source_url: d.source_url,
  };
}
