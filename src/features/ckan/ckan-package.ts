import type { AppContext } from '../../context.js';
import type { Resource } from '../../platform/db/schema.js';
import type { Actor } from '../accounts/index.js';
import {
  licenceById,
  readableDatasetRecord,
  readableDatasetRecords,
  type DatasetRecord,
} from '../catalog/index.js';
import { datastoreStatuses, type DatastoreStatus } from '../datastore/index.js';
import { qualityExtras } from '../quality/index.js';
import { ckanTime, groupDict, organizationDict, tagDict } from './ckan-words.js';

// Our datasets and resources as CKAN 2.11's package and resource dictionaries (package_show,
// resource_show, package_search's results), with CKAN's field names. What CKAN has no field for
// (update frequency, temporal and spatial coverage) goes in `extras`, as CKAN sites keep it.

/** A resource as CKAN's resource dict; `datastore` is what the datastore holds of it, if any. */
export function resourceDict(r: Resource, datastore: DatastoreStatus | undefined, baseUrl: string) {
  const upload = r.blob_key !== null || r.url === null;
  return {
    id: r.id,
    package_id: r.dataset_id,
    name: r.name,
    description: r.description,
    format: r.format,
    // An uploaded file is served by our download URL; a link is the publisher's own URL.
    url: r.blob_key ? `${baseUrl}/api/v1/resources/${r.id}/download` : (r.url ?? ''),
    url_type: upload ? 'upload' : null,
    size: r.size,
    hash: r.sha256 ?? '',
    mimetype: r.media_type,
    mimetype_inner: null,
    cache_url: null,
    cache_last_updated: null,
    resource_type: null,
    created: ckanTime(r.created_at),
    last_modified: ckanTime(r.modified_at),
    metadata_modified: ckanTime(r.modified_at),
    datastore_active: datastore !== undefined,
    position: r.position,
    state: 'active',
  };
}

export type CkanResource = ReturnType<typeof resourceDict>;

/** The extras this site keeps, by CKAN extra key: its own fields, named as its API names them. */
export const EXTRA_KEYS = [
  'update_frequency',
  'spatial_coverage',
  'temporal_start',
  'temporal_end',
] as const;

function extrasOf(d: DatasetRecord['dataset']): { key: string; value: string }[] {
  const extras: [(typeof EXTRA_KEYS)[number], string | null][] = [
    ['update_frequency', d.update_frequency],
    ['spatial_coverage', d.spatial_coverage],
    ['temporal_start', d.temporal_start],
    ['temporal_end', d.temporal_end],
  ];
  return extras.flatMap(([key, value]) => (value === null || value === '' ? [] : [{ key, value }]));
}

/** A dataset as CKAN's package dict, resources in position order. */
export function packageDict(
  record: DatasetRecord,
  datastore: ReadonlyMap<string, DatastoreStatus>,
  baseUrl: string,
  computed: readonly { key: string; value: string }[] = [],
) {
  const { dataset: d, organisation } = record;
  const licence = licenceById(d.licence);
  return {
    id: d.id,
    name: d.slug,
    title: d.title,
    type: 'dataset',
    notes: d.description,
    url: d.source_url ?? `${baseUrl}/datasets/${d.slug}`,
    author: null,
    author_email: null,
    maintainer: d.contact_name,
    maintainer_email: d.contact_email,
    version: null,
    license_id: licence.id,
    license_title: licence.title,
    license_url: licence.url ?? '',
    isopen: licence.open,
    private: d.visibility === 'private',
    state: d.state,
    creator_user_id: d.created_by,
    metadata_created: ckanTime(d.created_at),
    metadata_modified: ckanTime(d.modified_at),
    owner_org: organisation.id,
    organization: organizationDict(organisation),
    num_resources: record.resources.length,
    num_tags: record.tags.length,
    tags: record.tags.map(tagDict),
    groups: record.themes.map(groupDict),
    extras: [...extrasOf(d), ...computed],
    resources: record.resources.map((r) => resourceDict(r, datastore.get(r.id), baseUrl)),
    relationships_as_subject: [],
    relationships_as_object: [],
  };
}

export type CkanPackage = ReturnType<typeof packageDict>;

/** These datasets as package dicts, in the order given, leaving out what the actor may not read. */
export async function loadPackages(
  ctx: AppContext,
  actor: Actor,
  ids: string[],
): Promise<CkanPackage[]> {
  const records = await readableDatasetRecords(ctx, actor, ids);
  const statuses = await datastoreStatuses(
    ctx,
    records.flatMap((r) => r.resources.map((x) => x.id)),
  );
  const quality = await qualityExtras(
    ctx,
    records.map((r) => r.dataset.id),
  );
  return records.map((r) =>
    packageDict(r, statuses, ctx.config.baseUrl, quality.get(r.dataset.id)),
  );
}

/** package_show's answer: a dataset by name (slug) or id, 404 when the actor may not read it. */
export async function showPackage(
  ctx: AppContext,
  actor: Actor,
  nameOrId: string,
): Promise<CkanPackage> {
  const record = await readableDatasetRecord(ctx, actor, nameOrId);
  const statuses = await datastoreStatuses(
    ctx,
    record.resources.map((r) => r.id),
  );
  const quality = await qualityExtras(ctx, [record.dataset.id]);
  return packageDict(record, statuses, ctx.config.baseUrl, quality.get(record.dataset.id));
}
