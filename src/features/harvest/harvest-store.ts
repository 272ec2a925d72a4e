import type { AppContext } from '../../context.js';
import type { Actor } from '../accounts/index.js';
import {
  addLinkResource,
  createDataset,
  deleteDataset,
  deleteResource,
  getDataset,
  patchDataset,
  patchResource,
  restoreDataset,
} from '../catalog/index.js';
import { datastoreResourceData } from '../datastore/index.js';
import { resourceDependents } from '../indicators/index.js';
import { harvestFileUrls } from './harvest-files.repository.js';
import type { CatalogueRecord } from './harvest-normalise.js';

// Writing harvested records into the catalogue through its own services, so a harvested dataset
// is checked, indexed and logged in the activity like any publisher's (the actor is the
// harvest's automatic publisher).

const extensions = { data: datastoreResourceData, dependents: [resourceDependents] };

const fields = (r: CatalogueRecord) => ({
  title: r.title,
  description: r.description,
  licence: r.licence,
  tags: r.tags,
  source_url: r.sourceUrl,
  update_frequency: r.updateFrequency,
  temporal_coverage: r.temporal,
  contact: r.contact,
});

type RecordResource = CatalogueRecord['resources'][number];

const addLink = (ctx: AppContext, actor: Actor, slug: string, res: RecordResource) =>
  addLinkResource(ctx, actor, slug, {
    name: res.name,
    url: res.url,
    ...(res.format ? { format: res.format } : {}),
    ...(res.description ? { description: res.description } : {}),
  });

/** A resource the harvest made: a link, or a link whose file it has loaded. */
export interface HarvestedResource {
  id: string;
  /** The source's URL of it. */
  url: string;
  name: string;
  description: string;
  format: string;
}

/** The dataset's id and the resources the harvest made in it (not what people added). */
export async function harvestedResources(ctx: AppContext, actor: Actor, slug: string) {
  const dataset = await getDataset(ctx, actor, slug);
  const files = await harvestFileUrls(ctx.db.kysely, dataset.id);
  const resources = dataset.resources.flatMap((r): HarvestedResource[] => {
    const url = r.kind === 'link' ? r.url : files.get(r.id);
    return url
      ? [{ id: r.id, url, name: r.name, description: r.description, format: r.format }]
      : [];
  });
  return { datasetId: dataset.id, resources };
}

/** A new dataset of `organisation` from the record; its id and slug. */
export async function createHarvested(
  ctx: AppContext,
  actor: Actor,
  organisation: string,
  record: CatalogueRecord,
): Promise<{ id: string; slug: string }> {
  const created = await createDataset(ctx, actor, {
    ...fields(record),
    organisation,
    state: 'active',
    visibility: 'public',
  });
  for (const res of record.resources) await addLink(ctx, actor, created.slug, res);
  return { id: created.id, slug: created.slug };
}

/**
 * The dataset brought in line with the source: its fields, and its resources matched by URL, so
 * a resource the source still lists keeps its id (and its loaded data, and what refers to it)
 * and only has its words updated; new ones are added, gone ones removed (a withdrawn dataset
 * that came back is restored first).
 */
export async function updateHarvested(
  ctx: AppContext,
  actor: Actor,
  slug: string,
  record: CatalogueRecord,
  deleted: boolean,
): Promise<void> {
  if (deleted) await restoreDataset(ctx, actor, slug);
  await patchDataset(ctx, actor, slug, fields(record));
  const unmatched = (await harvestedResources(ctx, actor, slug)).resources;
  for (const res of record.resources) {
    const at = unmatched.findIndex((r) => r.url === res.url);
    const [match] = at < 0 ? [] : unmatched.splice(at, 1);
    if (!match) await addLink(ctx, actor, slug, res);
    else if (match.name !== res.name || match.description !== res.description) {
      await patchResource(ctx, actor, match.id, { name: res.name, description: res.description });
    }
  }
  for (const gone of unmatched) {
    await deleteResource(ctx, actor, gone.id, extensions, { force: false });
  }
}

/** Soft-deletes a dataset that left its source (an administrator can restore it). */
export async function withdrawHarvested(ctx: AppContext, actor: Actor, slug: string) {
  await deleteDataset(ctx, actor, slug);
}
