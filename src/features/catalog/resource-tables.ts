import type { AppContext } from '../../context.js';
import { notFound } from '../../platform/errors.js';
import { type Actor, readableScope } from '../accounts/index.js';
import { findDatasetById, listResourcesOfDataset } from './dataset.repository.js';
import { readableDataset, slugify } from './dataset.service.js';
import { findResourceById, listResourcesOfVisibleDatasets } from './resource.repository.js';

// Resources named as tables for the SQL endpoint: "<dataset-slug>/<resource-slug>". A resource
// has no slug of its own, so its name gives one (as a dataset's title does), numbered in the
// order of the dataset's resources when two names give the same: stable while names are.

/** Each resource's slug within its dataset, by resource id; `resources` in position order. */
export function resourceSlugs(resources: { id: string; name: string }[]): Map<string, string> {
  const used = new Set<string>();
  const out = new Map<string, string>();
  for (const r of resources) {
    const base = /[a-z0-9]/i.test(r.name.normalize('NFKD')) ? slugify(r.name) : 'resource';
    let slug = base;
    for (let n = 2; used.has(slug); n++) slug = `${base}-${String(n)}`;
    used.add(slug);
    out.set(r.id, slug);
  }
  return out;
}

export interface ResourceTable {
  resourceId: string;
  datasetSlug: string;
  datasetTitle: string;
  resourceName: string;
  resourceSlug: string;
}

/** A readable resource by its dataset's slug and its own (not a deleted dataset's), or 404. */
export async function readableResourceBySlugs(
  ctx: AppContext,
  actor: Actor,
  datasetSlug: string,
  resourceSlug: string,
): Promise<ResourceTable> {
  const dataset = await readableDataset(ctx, actor, datasetSlug);
  if (dataset.state === 'deleted') throw notFound(`Dataset ${datasetSlug}`);
  const resources = await listResourcesOfDataset(ctx.db.kysely, dataset.id);
  const slugs = resourceSlugs(resources);
  const resource = resources.find((r) => slugs.get(r.id) === resourceSlug);
  if (!resource) throw notFound(`Resource ${datasetSlug}/${resourceSlug}`);
  return {
    resourceId: resource.id,
    datasetSlug: dataset.slug,
    datasetTitle: dataset.title,
    resourceName: resource.name,
    resourceSlug,
  };
}

/** The table name parts of a resource, whoever may read it (the caller checks), or null. */
export async function resourceTableOf(
  ctx: AppContext,
  resourceId: string,
): Promise<ResourceTable | null> {
  const resource = await findResourceById(ctx.db.kysely, resourceId);
  const dataset = resource && (await findDatasetById(ctx.db.kysely, resource.dataset_id));
  if (!resource || !dataset) return null;
  const slugs = resourceSlugs(await listResourcesOfDataset(ctx.db.kysely, dataset.id));
  return {
    resourceId,
    datasetSlug: dataset.slug,
    datasetTitle: dataset.title,
    resourceName: resource.name,
    resourceSlug: slugs.get(resourceId) ?? 'resource',
  };
}

/** Every resource with a file that the actor may read, in dataset slug and position order. */
export async function readableResourceTables(
  ctx: AppContext,
  actor: Actor,
): Promise<ResourceTable[]> {
  const rows = await listResourcesOfVisibleDatasets(ctx.db.kysely, readableScope(actor));
  const byDataset = new Map<string, typeof rows>();
  for (const r of rows) {
    byDataset.set(r.dataset_slug, [...(byDataset.get(r.dataset_slug) ?? []), r]);
  }
  // Slugs count every resource of a dataset, links too, so they match readableResourceBySlugs.
  return [...byDataset].flatMap(([datasetSlug, of]) => {
    const slugs = resourceSlugs(of);
    return of
      .filter((r) => r.blob_key !== null)
      .map((r) => ({
        resourceId: r.id,
        datasetSlug,
        datasetTitle: r.dataset_title,
        resourceName: r.name,
        resourceSlug: slugs.get(r.id) ?? 'resource',
      }));
  });
}
