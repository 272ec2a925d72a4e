import type { AppContext } from '../../context.js';
import { notFound } from '../../platform/errors.js';
import { type Actor, authorise, can } from '../accounts/index.js';
import { findChallengeBySlug, type ChallengeWithOrg } from './challenge.repository.js';

// Drafts are the organisation's own: to anyone else a draft does not exist (404, not 403).

export const canManageChallenge = (actor: Actor, c: { organisation_id: string }): boolean =>
  can(actor, { type: 'challenge:manage', organisationId: c.organisation_id });

export const canSeeUnpublished = (actor: Actor, c: { organisation_id: string }): boolean =>
  can(actor, { type: 'challenge:see-unpublished', organisationId: c.organisation_id });

/** A challenge the actor may see, or 404. */
export async function readableChallenge(
  ctx: AppContext,
  actor: Actor,
  slug: string,
): Promise<ChallengeWithOrg> {
  const row = await findChallengeBySlug(ctx.db.kysely, slug);
  if (!row || (row.state === 'draft' && !canSeeUnpublished(actor, row))) {
    throw notFound(`Challenge ${slug}`);
  }
  return row;
}

/** A challenge the actor may edit and judge, else 401, 403 or 404. */
export async function manageableChallenge(
  ctx: AppContext,
  actor: Actor,
  slug: string,
): Promise<ChallengeWithOrg> {
  const row = await readableChallenge(ctx, actor, slug);
  authorise(
    actor,
    { type: 'challenge:manage', organisationId: row.organisation_id },
    `Only editors of ${row.organisation_name} and site admins change this challenge`,
  );
  return row;
}
