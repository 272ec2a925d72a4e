import type { AppContext } from '../../context.js';
import type { Dataset, Rollup } from '../../platform/db/schema.js';
import { recordActivity } from '../../platform/activity/record.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { notFound, validationFailed, type FieldError } from '../../platform/errors.js';
import { newId, now } from '../../platform/ids.js';
import { pageFrom, type PageInput } from '../../platform/paging.js';
import { authorise, can, type Actor } from '../accounts/index.js';
import {
  createDataset,
  datasetExists,
  datasetSlugFor,
  readableDataset,
  slugify,
} from '../catalog/index.js';
import { allOrganisations, findOrganisation } from '../organisations/index.js';
import { rollupNote } from './rollup-dataset.js';
import { queueRebuild } from './rollup-queue.js';
import {
  findRollupBySlug,
  insertExpected,
  insertRollup,
  listRollups,
} from './rollup.repository.js';
import { schemaErrors, type TableSchema } from './table-schema.js';

// Roll-ups: creating one (with its output dataset, owned by the combined authority), reading
// them. A roll-up is seen by whoever may read its output dataset, and changed by the owning
// organisation's administrators and site administrators.

export interface RollupInput {
  slug?: string | undefined;
  title: string;
  description?: string | undefined;
  /** The owning organisation's slug: a combined authority. */
  organisation: string;
  schema: TableSchema;
  /** Slugs of the organisations expected to contribute; all the councils when not given. */
  expected?: string[] | undefined;
  /** The output dataset's themes and contact (catalogues recommend both). */
  themes?: string[] | undefined;
  contact?: { name: string | null; email: string | null } | undefined;
  spatialCoverage?: string | undefined;
}

/** The roll-up with its output dataset, when the actor may read it; else 404. */
export async function readableRollup(
  ctx: AppContext,
  actor: Actor,
  slug: string,
): Promise<{ rollup: Rollup; dataset: Dataset }> {
  const rollup = await findRollupBySlug(ctx.db.kysely, slug);
  const datasetSlug = rollup ? await datasetSlugFor(ctx, rollup.dataset_id) : undefined;
  if (!rollup || !datasetSlug) throw notFound(`Roll-up ${slug}`);
  try {
    return { rollup, dataset: await readableDataset(ctx, actor, datasetSlug) };
  } catch {
    throw notFound(`Roll-up ${slug}`);
  }
}

/** The roll-up, for a change by the actor (its owner's administrators, site administrators). */
export async function changeableRollup(ctx: AppContext, actor: Actor, slug: string) {
  const found = await readableRollup(ctx, actor, slug);
  authorise(
    actor,
    { type: 'organisation:update', organisationId: found.rollup.organisation_id },
    'Only the owning organisation’s administrators change this roll-up',
  );
  return found;
}

/** Whether the actor may change roll-ups of this organisation (pages show the buttons). */
export const canChangeRollups = (actor: Actor, organisationId: string) =>
  can(actor, { type: 'organisation:update', organisationId });

/** The roll-ups the actor may read, by title. */
export async function rollupsFor(ctx: AppContext, actor: Actor, input: PageInput = {}) {
  const readable: Rollup[] = [];
  for (const rollup of await listRollups(ctx.db.kysely)) {
    const slug = await datasetSlugFor(ctx, rollup.dataset_id);
    if (!slug) continue;
    try {
      await readableDataset(ctx, actor, slug);
      readable.push(rollup);
    } catch {
      // Not readable by this actor: not listed.
    }
  }
  return pageFrom(readable, input);
}

/** The ids of the organisations named by slug (all the councils when none are given). */
export async function expectedIds(
  ctx: AppContext,
  slugs: string[] | undefined,
  errors: FieldError[],
) {
  const orgs = await allOrganisations(ctx);
  if (slugs === undefined) return orgs.filter((o) => o.kind === 'council').map((o) => o.id);
  const ids: string[] = [];
  for (const slug of new Set(slugs)) {
    const org = orgs.find((o) => o.slug === slug);
    if (org) ids.push(org.id);
    else
      errors.push({ field: 'expected_organisations', message: `${slug} is not an organisation` });
  }
  return ids;
}

/** Creates a roll-up and its (empty) output dataset; the first build waits for members. */
export async function createRollup(
  ctx: AppContext,
  actor: Actor,
  input: RollupInput,
): Promise<Rollup> {
  const org = await findOrganisation(ctx, input.organisation);
  if (!org) throw validationFailed([{ field: 'organisation', message: 'is not an organisation' }]);
  authorise(
    actor,
    { type: 'organisation:update', organisationId: org.id },
    `Only ${org.name}’s administrators create its roll-ups`,
  );
  const errors: FieldError[] = [...schemaErrors(input.schema)];
  if (org.kind !== 'combined-authority') {
    errors.push({
      field: 'organisation',
      message: 'must be a combined authority: a roll-up is a regional table',
    });
  }
  const title = input.title.trim();
  if (!title) errors.push({ field: 'title', message: 'is empty' });
  const slug = input.slug ?? slugify(title);
  if (!slug) errors.push({ field: 'slug', message: 'cannot be made from the title; give one' });
  else if (await findRollupBySlug(ctx.db.kysely, slug)) {
    errors.push({ field: 'slug', message: `${slug} is taken by another roll-up` });
  } else if (await datasetExists(ctx, slug)) {
    errors.push({ field: 'slug', message: `${slug} is taken by a dataset; choose another` });
  }
  const expected = await expectedIds(ctx, input.expected, errors);
  if (errors.length > 0) throw validationFailed(errors);
  const description = input.description?.trim() ?? '';
  // The catalogue writes the dataset in a transaction of its own, so it comes first; the
  // roll-up's rows follow in one transaction.
  const dataset = await createDataset(ctx, actor, {
    slug,
    title,
    organisation: org.slug,
    description: `${description}\n\n${rollupNote(slug)}`.trim(),
    tags: ['roll-up'],
    ...(input.themes ? { themes: input.themes } : {}),
    ...(input.contact ? { contact: input.contact } : {}),
    ...(input.spatialCoverage ? { spatial_coverage: input.spatialCoverage } : {}),
  });
  return inTransaction(ctx, async (tx) => {
    const at = now();
    const rollup: Rollup = {
      id: newId(),
      slug,
      title,
      description,
      table_schema: JSON.stringify(input.schema),
      organisation_id: org.id,
      dataset_id: dataset.id,
      resource_id: null,
      building_until: null,
      built_at: null,
      built_version: null,
      built_rows: null,
      build_error: null,
      created_by: actor.user?.id ?? null,
      created_at: at,
      updated_at: at,
    };
    await insertRollup(tx.db.kysely, rollup);
    await insertExpected(tx.db.kysely, rollup.id, expected);
    await recordActivity(tx.db.kysely, actor, {
      action: 'rollup.created',
      subject: { type: 'rollup', id: rollup.id },
      dataset: { id: dataset.id, organisation_id: org.id },
      diff: { slug: { from: null, to: slug }, title: { from: null, to: title } },
      at,
    });
    return rollup;
  });
}

/** Asks for a rebuild (202): false when one is already waiting. */
export async function requestRebuild(ctx: AppContext, actor: Actor, slug: string) {
  const { rollup } = await changeableRollup(ctx, actor, slug);
  return queueRebuild(ctx, rollup.id);
}
