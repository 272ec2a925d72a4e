import type { AppContext } from '../../context.js';
import { type Actor, authorise, can } from '../accounts/index.js';
import { getDataset, readableDataset } from './dataset.service.js';
import type { ResourceData } from './resource-data.js';
import { listPublishers } from './site.service.js';

// What the publisher area's dataset pages need. Every rule is the policy's.

/** The organisations the actor may create datasets for. */
export async function publishableOrganisations(ctx: AppContext, actor: Actor) {
  if (!actor.user) return [];
  const all = await listPublishers(ctx, actor);
  return all.filter((org) => can(actor, { type: 'dataset:create', organisationId: org.id }));
}

/** A dataset the actor may change (404 if they cannot see it, 403 if they cannot change it). */
export async function editableDataset(ctx: AppContext, actor: Actor, slug: string) {
  const dataset = await readableDataset(ctx, actor, slug);
  authorise(actor, { type: 'dataset:update', dataset }, 'You cannot change this dataset');
  return getDataset(ctx, actor, slug);
}

/** A dataset with, for each file resource, its datastore state (latest version and load). */
export async function datasetForPublisher(
  ctx: AppContext,
  actor: Actor,
  slug: string,
  data: ResourceData,
) {
  const dataset = await editableDataset(ctx, actor, slug);
  const summaries = await data.summaries(
    ctx,
    dataset.resources.filter((r) => r.kind === 'file').map((r) => r.id),
  );
  const resources = dataset.resources.map((r) => ({
    ...r,
    datastore: summaries.get(r.id) ?? null,
  }));
  return { ...dataset, resources };
}
