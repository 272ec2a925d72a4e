import { joinTransaction } from '../../platform/db/transaction.js';
import type { Organisation, Role } from '../../platform/db/schema.js';
import type { AppContext } from '../../context.js';
import { notFound, validationFailed } from '../../platform/errors.js';
import { newId, now } from '../../platform/ids.js';
import { addMember, type Actor, authorise } from '../accounts/index.js';
import { recordActivity } from '../../platform/activity/record.js';
import {
  findOrganisationBySlug,
  insertOrganisation,
  listAllOrganisations,
  updateOrganisationBoundary,
} from './organisation.repository.js';
import type { OrganisationCreateInput } from './organisation.schemas.js';
import { listPublishers } from '../catalog/index.js';

function view(org: Omit<Organisation, 'boundary'>, baseUrl: string, datasetCount: number) {
  return {
    id: org.id,
    slug: org.slug,
    name: org.name,
    kind: org.kind,
    description: org.description,
    url: org.url,
    area_code: org.area_code,
    dataset_count: datasetCount,
    created_at: org.created_at,
    links: {
      self: `${baseUrl}/api/v1/organisations/${org.slug}`,
      datasets: `${baseUrl}/api/v1/datasets?organisation=${org.slug}`,
    },
  };
}

export async function listOrganisationsFor(ctx: AppContext, actor: Actor) {
  const rows = await listPublishers(ctx, actor);
  return rows.map((r) => view(r, ctx.config.baseUrl, r.dataset_count));
}

export async function getOrganisation(ctx: AppContext, actor: Actor, slug: string) {
  const all = await listPublishers(ctx, actor);
  const summary = all.find((o) => o.slug === slug);
  const org = summary && (await findOrganisationBySlug(ctx.db.kysely, slug));
  if (!summary || !org) throw notFound(`Organisation ${slug}`);
  return {
    ...view(summary, ctx.config.baseUrl, summary.dataset_count),
    boundary: org.boundary ? (JSON.parse(org.boundary) as unknown) : null,
  };
}

/** Creates an organisation; `actor` null means the operator at the command line. */
export async function createOrganisation(
  ctx: AppContext,
  actor: Actor | null,
  input: OrganisationCreateInput,
) {
  if (actor) {
    authorise(
      actor,
      { type: 'organisation:create' },
      'Only site administrators can create organisations',
    );
  }
  if (await findOrganisationBySlug(ctx.db.kysely, input.slug)) {
    throw validationFailed([{ field: 'slug', message: `${input.slug} is already taken` }]);
  }
  const at = now();
  const org: Organisation = {
    id: newId(),
    slug: input.slug,
    name: input.name.trim(),
    kind: input.kind,
    description: input.description ?? '',
    url: input.url ?? null,
    boundary: null,
    area_code: null,
    created_at: at,
    updated_at: at,
  };
  await joinTransaction(ctx.db.kysely, async (trx) => {
    await insertOrganisation(trx, org);
    await recordActivity(trx, actor, {
      action: 'organisation.created',
      subject: { type: 'organisation', id: org.id },
      organisationId: org.id,
      diff: {
        slug: { from: null, to: org.slug },
        name: { from: null, to: org.name },
        kind: { from: null, to: org.kind },
      },
      at,
    });
  });
  return view(org, ctx.config.baseUrl, 0);
}

// Organisations are public, boundaries included: these reads need no policy check.

export const findOrganisation = (ctx: AppContext, slug: string) =>
  findOrganisationBySlug(ctx.db.kysely, slug);

/** Every organisation, with its boundary, by name. */
export const allOrganisations = (ctx: AppContext) => listAllOrganisations(ctx.db.kysely);

/** The combined authorities' ids: their editors edit the mayor's promises and indicators. */
export async function combinedAuthorityIds(ctx: AppContext): Promise<string[]> {
  return (await allOrganisations(ctx))
    .filter((o) => o.kind === 'combined-authority')
    .map((o) => o.id);
}

/** The organisation whose members a page manages (the policy is checked by each action). */
export async function organisationForMembers(ctx: AppContext, slug: string) {
  const org = await findOrganisation(ctx, slug);
  if (!org) throw notFound(`Organisation ${slug}`);
  return org;
}

/** Sets an organisation's boundary (GeoJSON geometry) and area code: the operator's seed. */
export async function setOrganisationBoundary(
  ctx: AppContext,
  id: string,
  boundary: string,
  areaCode: string | null,
): Promise<void> {
  await updateOrganisationBoundary(ctx.db.kysely, id, boundary, areaCode, now());
}

/** Gives an account a role in an organisation: the operator's command line, no policy check. */
export async function addMemberToOrganisation(
  ctx: AppContext,
  email: string,
  slug: string,
  role: Role,
): Promise<void> {
  const org = await organisationForMembers(ctx, slug);
  await addMember(ctx, email, org.id, role);
}
