import type { AppContext } from '../../context.js';
import type { Actor } from '../accounts/index.js';
import {
  addLinkResource,
  createDataset,
  deleteDataset,
  deleteResource,
  getDataset,
  patchDataset,
  restoreDataset,
} from '../catalog/index.js';
import { datastoreResourceData } from '../datastore/index.js';
import { resourceDependents } from '../indicators/index.js';
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

async function addResources(ctx: AppContext, actor: Actor, slug: string, r: CatalogueRecord) {
  for (const res of r.resources) {
    await addLinkResource(ctx, actor, slug, {
      name: res.name,
      url: res.url,
      ...(res.format ? { format: res.format } : {}),
      ...(res.description ? { description: res.description } : {}),
    });
  }
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
  await addResources(ctx, actor, created.slug, record);
  return { id: created.id, slug: created.slug };
}

/**
 * The dataset brought in line with the source: its fields, and its links replaced when they
 * changed (a withdrawn dataset that came back is restored first).
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
  const current = (await getDataset(ctx, actor, slug)).resources;
  const links = current.filter((r) => r.kind === 'link');
  const same =
    links.length === record.resources.length &&
    links.every((l, i) => {
      const r = record.resources[i];
      return l.url === r?.url && l.name === r.name && l.description === r.description;
    });
  if (same) return;
  for (const l of links) await deleteResource(ctx, actor, l.id, extensions, { force: false });
  await addResources(ctx, actor, slug, record);
}

/** Soft-deletes a dataset that left its source (an administrator can restore it). */
export async function withdrawHarvested(ctx: AppContext, actor: Actor, slug: string) {
  await deleteDataset(ctx, actor, slug);
}
