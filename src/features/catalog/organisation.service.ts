import type { AppContext } from '../../context.js';
import type { Organisation } from '../../platform/db/schema.js';
import { notFound, validationFailed } from '../../platform/http/errors.js';
import { newId, now } from '../../platform/ids.js';
import type { Actor } from '../accounts/actor.js';
import { authorise, readableScope } from '../accounts/policy.js';
import { insertActivity } from './activity.repository.js';
import type { OrganisationCreateInput } from './catalog.schemas.js';
import {
  findOrganisationBySlug,
  insertOrganisation,
  listOrganisations,
} from './organisation.repository.js';

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
  const rows = await listOrganisations(ctx.db.kysely, readableScope(actor));
  return rows.map((r) => view(r, ctx.config.baseUrl, r.dataset_count));
}

export async function getOrganisation(ctx: AppContext, actor: Actor, slug: string) {
  const all = await listOrganisations(ctx.db.kysely, readableScope(actor));
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
  await ctx.db.kysely.transaction().execute(async (trx) => {
    await insertOrganisation(trx, org);
    await insertActivity(trx, {
      actor_id: actor?.user?.id ?? null,
      action: 'organisation.created',
      subject_type: 'organisation',
      subject_id: org.id,
      dataset_id: null,
      organisation_id: org.id,
      diff: JSON.stringify({
        slug: { from: null, to: org.slug },
        name: { from: null, to: org.name },
        kind: { from: null, to: org.kind },
      }),
      created_at: at,
    });
  });
  return view(org, ctx.config.baseUrl, 0);
}
