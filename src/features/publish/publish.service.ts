import type { AppContext } from '../../context.js';
import { forbidden } from '../../platform/http/errors.js';
import type { Actor } from '../accounts/actor.js';
import { authorise, can, readableScope } from '../accounts/policy.js';
import { searchCatalogue } from '../catalog/dataset-search.service.js';
import { getDataset, readableDataset } from '../catalog/dataset.service.js';
import { listOrganisations } from '../catalog/organisation.repository.js';
import { resourceWithDatastore } from '../datastore/datastore.service.js';

// What the publisher area shows. Every rule is the policy's; this only gathers the data.

/** The organisations the actor can publish for or manage, with what they may do in each. */
export async function publisherOrganisations(ctx: AppContext, actor: Actor) {
  if (!actor.user) return [];
  const all = await listOrganisations(ctx.db.kysely, readableScope(actor));
  return all
    .map((org) => ({
      org,
      canPublish: can(actor, { type: 'dataset:create', organisationId: org.id }),
      canManageMembers: can(actor, { type: 'organisation:manage-members', organisationId: org.id }),
    }))
    .filter((o) => o.canPublish || o.canManageMembers);
}

const PER_ORGANISATION = 100;

/** The publisher's home: each of their organisations with its datasets, drafts included. */
export async function publisherHome(ctx: AppContext, actor: Actor) {
  const orgs = await publisherOrganisations(ctx, actor);
  if (orgs.length === 0) {
    throw forbidden(
      'Your account does not publish for any organisation yet. Ask an administrator.',
    );
  }
  return Promise.all(
    orgs.map(async (o) => {
      const found = await searchCatalogue(ctx, actor, {
        organisation: o.org.slug,
        sort: 'title',
        per_page: PER_ORGANISATION,
      });
      return { ...o, datasets: found.results, total: found.total };
    }),
  );
}

/** A dataset the actor may change (404 if they cannot see it, 403 if they cannot change it). */
export async function editableDataset(ctx: AppContext, actor: Actor, slug: string) {
  const dataset = await readableDataset(ctx, actor, slug);
  authorise(actor, { type: 'dataset:update', dataset }, 'You cannot change this dataset');
  return getDataset(ctx, actor, slug);
}

/** A dataset with, for each file resource, its datastore state (latest version and load). */
export async function datasetForPublisher(ctx: AppContext, actor: Actor, slug: string) {
  const dataset = await editableDataset(ctx, actor, slug);
  const resources = await Promise.all(
    dataset.resources.map(async (r) =>
      r.kind === 'file'
        ? { ...r, datastore: (await resourceWithDatastore(ctx, actor, r.id)).datastore }
        : { ...r, datastore: null },
    ),
  );
  return { ...dataset, resources };
}
