import type { AppContext } from '../../../../context.js';
import type { Actor } from '../../../accounts/index.js';
import { getDataset, LICENCES, resourceView } from '../../../catalog/index.js';
import { datastoreResourceData } from '../../../datastore/index.js';
import { findOrganisation } from '../../../organisations/index.js';

// MERGER: a minimal stand-in for `packageDict`/`resourceDict` of ckan-package.ts, which the
// catalogue reads build at the same time. What the write actions answer is CKAN's package and
// resource dicts; once ckan-package.ts is merged, replace `packageAnswer`/`resourceAnswer` by
// calls to it and delete this file.

type Dataset = Awaited<ReturnType<typeof getDataset>>;
type ResourceView = ReturnType<typeof resourceView>;

/** CKAN's timestamps: UTC without a zone letter, as `metadata_modified` is in CKAN. */
export const ckanTime = (iso: string) => iso.replace(/Z$/, '');

/** The extras this site keeps, by CKAN extra key: its own fields, named as its API names them. */
export const EXTRA_KEYS = [
  'update_frequency',
  'spatial_coverage',
  'temporal_start',
  'temporal_end',
] as const;

export function resourceAnswer(
  r: ResourceView,
  packageId: string,
  position: number,
  datastoreActive: boolean,
) {
  return {
    id: r.id,
    package_id: packageId,
    name: r.name,
    description: r.description,
    format: r.format,
    mimetype: r.media_type,
    size: r.size,
    hash: r.sha256 ?? '',
    url: r.url ?? '',
    url_type: r.kind === 'file' ? 'upload' : null,
    datastore_active: datastoreActive,
    position,
    state: 'active',
    created: ckanTime(r.created_at),
    last_modified: ckanTime(r.modified_at),
    metadata_modified: ckanTime(r.modified_at),
    resource_type: null,
    cache_url: null,
    cache_last_updated: null,
    mimetype_inner: null,
  };
}

/** Which of these resources have rows in the datastore (CKAN's `datastore_active`). */
export async function datastoreActive(ctx: AppContext, ids: string[]): Promise<Set<string>> {
  const summaries = await datastoreResourceData.summaries(ctx, ids);
  return new Set([...summaries].filter(([, s]) => s.version !== null).map(([id]) => id));
}

function extras(d: Dataset) {
  const values: Record<(typeof EXTRA_KEYS)[number], string | null> = {
    update_frequency: d.update_frequency,
    spatial_coverage: d.spatial_coverage,
    temporal_start: d.temporal_coverage?.start ?? null,
    temporal_end: d.temporal_coverage?.end ?? null,
  };
  return EXTRA_KEYS.flatMap((key) => {
    const value = values[key];
    return value === null ? [] : [{ key, value }];
  });
}

/** A dataset as CKAN's package dict, as the actor may see it (package_show's answer). */
export async function packageAnswer(ctx: AppContext, actor: Actor, slug: string) {
  const d = await getDataset(ctx, actor, slug);
  const [org, active] = await Promise.all([
    findOrganisation(ctx, d.organisation.slug),
    datastoreActive(
      ctx,
      d.resources.map((r) => r.id),
    ),
  ]);
  const licence = LICENCES.find((l) => l.id === d.licence.id);
  return {
    id: d.id,
    name: d.slug,
    title: d.title,
    notes: d.description,
    type: 'dataset',
    state: d.state,
    private: d.visibility === 'private',
    license_id: d.licence.id,
    license_title: d.licence.title,
    license_url: d.licence.url ?? '',
    isopen: licence?.open ?? false,
    owner_org: org?.id ?? null,
    organization: org
      ? {
          id: org.id,
          name: org.slug,
          title: org.name,
          type: 'organization',
          description: org.description,
          image_url: '',
          created: ckanTime(org.created_at),
          is_organization: true,
          approval_status: 'approved',
          state: 'active',
        }
      : null,
    author: null,
    author_email: null,
    maintainer: d.contact?.name ?? null,
    maintainer_email: d.contact?.email ?? null,
    url: d.source_url ?? '',
    version: null,
    metadata_created: ckanTime(d.created_at),
    metadata_modified: ckanTime(d.modified_at),
    tags: d.tags.map((name) => ({
      name,
      display_name: name,
      state: 'active',
      vocabulary_id: null,
    })),
    num_tags: d.tags.length,
    groups: d.themes.map((t) => ({
      name: t.slug,
      title: t.title,
      display_name: t.title,
      description: '',
      image_display_url: '',
    })),
    extras: extras(d),
    resources: d.resources.map((r, i) => resourceAnswer(r, d.id, i, active.has(r.id))),
    num_resources: d.resources.length,
    relationships_as_object: [],
    relationships_as_subject: [],
  };
}
