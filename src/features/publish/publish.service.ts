import type { AppContext } from '../../context.js';
import { forbidden } from '../../platform/errors.js';
import { type Actor, can } from '../accounts/index.js';
import { searchCatalogue } from '../catalog/index.js';
import { listOrganisationsFor } from '../organisations/index.js';

// What the publisher area shows. Every rule is the policy's; this only gathers the data.

/** The organisations the actor can publish for or manage, with what they may do in each. */
export async function publisherOrganisations(ctx: AppContext, actor: Actor) {
  if (!actor.user) return [];
  const all = await listOrganisationsFor(ctx, actor);
  return all
    .map((org) => ({
      org,
      canPublish: can(actor, { type: 'dataset:create', organisationId: org.id }),
      canManageMembers: can(actor, { type: 'organisation:manage-members', organisationId: org.id }),
      canManageCategories: can(actor, { type: 'category:manage', organisationId: org.id }),
    }))
    .filter((o) => o.canPublish || o.canManageMembers);
}

const PER_ORGANISATION = 100;

/**
 * The publisher's home: each of their organisations with its datasets, drafts included. Someone
 * who publishes nothing may still have other work here (a body's reports): `otherWork` says so,
 * and they get an empty list rather than a refusal.
 */
export async function publisherHome(ctx: AppContext, actor: Actor, otherWork = false) {
  const orgs = await publisherOrganisations(ctx, actor);
  if (orgs.length === 0 && !otherWork) {
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
