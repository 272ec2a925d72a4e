import { joinTransaction } from '../../platform/db/transaction.js';
import type { AppContext } from '../../context.js';
import type { Dataset, DatasetUpdate, Organisation } from '../../platform/db/schema.js';
import { notFound, validationFailed, type FieldError } from '../../platform/errors.js';
import { newId, now } from '../../platform/ids.js';
import { type Actor, authorise, can, readableScope } from '../accounts/index.js';
import { recordActivity } from '../../platform/activity/record.js';
import { newSlug, slugTaken } from '../../platform/db/slug.repository.js';
import type { DatasetCreateInput, DatasetPatchInput } from './catalog.schemas.js';
import { indexDataset } from './dataset-search.repository.js';
import {
  findDatasetBySlug,
  insertDataset,
  listResourcesOfDataset,
  listResourcesOfReadableDatasets,
  loadDatasetLists,
  addTags,
  addThemes,
  replaceTags,
  replaceThemes,
  updateDataset,
} from './dataset.repository.js';
import {
  datasetSnapshot,
  datasetSummary,
  noLists,
  resourceView,
  type DatasetLists,
} from './dataset.view.js';
import { diffOf, type Diff } from '../../platform/activity/diff.js';
import { DEFAULT_LICENCE, LICENCES } from './licences.js';
import { themeTitles } from './taxonomy.repository.js';
import { findPublisherById, findPublisherBySlug } from './publisher.repository.js';

export function slugify(title: string): string {
  return (
    title
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80)
      .replace(/-+$/, '') || 'dataset'
  );
}

const normaliseTags = (tags: string[]) =>
  [...new Set(tags.map((t) => t.trim().toLowerCase().replace(/\s+/g, ' ')).filter(Boolean))].sort();

async function checkReferences(
  ctx: AppContext,
  input: { licence?: string | undefined; themes?: string[] | undefined },
): Promise<void> {
  const errors: FieldError[] = [];
  if (input.licence !== undefined && !LICENCES.some((l) => l.id === input.licence)) {
    errors.push({
      field: 'licence',
      message: `is not one of ${LICENCES.map((l) => l.id).join(', ')}`,
    });
  }
  if (input.themes && input.themes.length > 0) {
    const known = await themeTitles(ctx.db.kysely);
    const unknown = input.themes.filter((t) => !known.has(t));
    if (unknown.length > 0)
      errors.push({ field: 'themes', message: `unknown theme ${unknown.join(', ')}` });
  }
  if (errors.length > 0) throw validationFailed(errors);
}

async function organisationOrFail(ctx: AppContext, slug: string): Promise<Organisation> {
  const org = await findPublisherBySlug(ctx.db.kysely, slug);
  if (!org) throw validationFailed([{ field: 'organisation', message: `no organisation ${slug}` }]);
  return org;
}

/** A dataset the actor may read, or 404 (never 403: private datasets do not reveal they exist). */
export async function readableDataset(
  ctx: AppContext,
  actor: Actor,
  slug: string,
): Promise<Dataset> {
  const dataset = await findDatasetBySlug(ctx.db.kysely, slug);
  if (!dataset || !can(actor, { type: 'dataset:read', dataset })) throw notFound(`Dataset ${slug}`);
  return dataset;
}

async function present(ctx: AppContext, dataset: Dataset, lists?: DatasetLists) {
  const k = ctx.db.kysely;
  const [org, allLists, titles] = await Promise.all([
    findPublisherById(k, dataset.organisation_id),
    lists ? Promise.resolve(null) : loadDatasetLists(k, [dataset.id]),
    themeTitles(k),
  ]);
  const l = lists ?? allLists?.get(dataset.id) ?? noLists();
  if (!org) throw new Error(`Organisation ${dataset.organisation_id} missing`);
  return { org, lists: l, summary: datasetSummary(dataset, org, l, titles, ctx.config.baseUrl) };
}

export async function getDataset(ctx: AppContext, actor: Actor, slug: string) {
  const dataset = await readableDataset(ctx, actor, slug);
  const [{ summary }, resources] = await Promise.all([
    present(ctx, dataset),
    listResourcesOfDataset(ctx.db.kysely, dataset.id),
  ]);
  return { ...summary, resources: resources.map((r) => resourceView(r, ctx.config.baseUrl)) };
}

/**
 * The resources of many datasets at once (a search's page), as the API shows them, keyed by
 * dataset id; datasets the actor may not read have none.
 */
export async function resourcesOfDatasets(ctx: AppContext, actor: Actor, datasetIds: string[]) {
  const rows = await listResourcesOfReadableDatasets(
    ctx.db.kysely,
    readableScope(actor),
    datasetIds,
  );
  const out = new Map<string, ReturnType<typeof resourceView>[]>();
  for (const r of rows) {
    const list = out.get(r.dataset_id) ?? [];
    list.push(resourceView(r, ctx.config.baseUrl));
    out.set(r.dataset_id, list);
  }
  return out;
}

/** A change to a dataset, in its history (and its organisation's), at its modification time. */
export function recordDatasetChange(
  k: AppContext['db']['kysely'],
  actor: Actor,
  dataset: Dataset,
  change: { action: string; diff: Diff },
): Promise<void> {
  return recordActivity(k, actor, {
    ...change,
    subject: { type: 'dataset', id: dataset.id },
    dataset,
    at: dataset.modified_at,
  });
}

function reindex(
  ctx: AppContext,
  k: AppContext['db']['kysely'],
  d: Dataset,
  org: Organisation,
  tags: string[],
) {
  return indexDataset(k, ctx.db.dialect, d.id, {
    title: d.title,
    tags,
    description: `${d.description} ${org.name}`,
  });
}

export async function createDataset(ctx: AppContext, actor: Actor, input: DatasetCreateInput) {
  const org = await organisationOrFail(ctx, input.organisation);
  authorise(
    actor,
    { type: 'dataset:create', organisationId: org.id },
    `You cannot publish datasets for ${org.name}`,
  );
  await checkReferences(ctx, input);
  const slug = await newSlug(ctx.db.kysely, 'datasets', input.slug, slugify(input.title));
  const at = now();
  const dataset: Dataset = {
    id: newId(),
    slug,
    title: input.title.trim(),
    description: input.description ?? '',
    organisation_id: org.id,
    licence: input.licence ?? DEFAULT_LICENCE,
    state: input.state ?? 'active',
    visibility: input.visibility ?? 'public',
    update_frequency: input.update_frequency ?? null,
    temporal_start: input.temporal_coverage?.start ?? null,
    temporal_end: input.temporal_coverage?.end ?? null,
    spatial_coverage: input.spatial_coverage ?? null,
    contact_name: input.contact?.name ?? null,
    contact_email: input.contact?.email ?? null,
    source_url: input.source_url ?? null,
    created_by: actor.user?.id ?? null,
    created_at: at,
    modified_at: at,
  };
  const lists: DatasetLists = {
    tags: normaliseTags(input.tags ?? []),
    themes: [...new Set(input.themes ?? [])].sort(),
    formats: [],
    rating: null,
  };
  await joinTransaction(ctx.db.kysely, async (trx) => {
    await insertDataset(trx, dataset);
    await addTags(trx, dataset.id, lists.tags);
    await addThemes(trx, dataset.id, lists.themes);
    await reindex(ctx, trx, dataset, org, lists.tags);
    await recordDatasetChange(trx, actor, dataset, {
      action: 'dataset.created',
      diff: diffOf({}, datasetSnapshot(dataset, org, lists)),
    });
  });
  return (await present(ctx, dataset, lists)).summary;
}

function changesFrom(input: DatasetPatchInput): DatasetUpdate {
  const c: DatasetUpdate = {};
  if (input.title !== undefined) c.title = input.title.trim();
  if (input.description !== undefined) c.description = input.description;
  if (input.licence !== undefined) c.licence = input.licence;
  if (input.state !== undefined) c.state = input.state;
  if (input.visibility !== undefined) c.visibility = input.visibility;
  if (input.update_frequency !== undefined) c.update_frequency = input.update_frequency;
  if (input.temporal_coverage !== undefined) {
    c.temporal_start = input.temporal_coverage?.start ?? null;
    c.temporal_end = input.temporal_coverage?.end ?? null;
  }
  if (input.spatial_coverage !== undefined) c.spatial_coverage = input.spatial_coverage;
  if (input.contact !== undefined) {
    c.contact_name = input.contact?.name ?? null;
    c.contact_email = input.contact?.email ?? null;
  }
  if (input.source_url !== undefined) c.source_url = input.source_url;
  return c;
}

export async function patchDataset(
  ctx: AppContext,
  actor: Actor,
  slug: string,
  input: DatasetPatchInput,
) {
  const before = await readableDataset(ctx, actor, slug);
  authorise(actor, { type: 'dataset:update', dataset: before }, 'You cannot change this dataset');
  await checkReferences(ctx, input);
  const { org: oldOrg, lists: oldLists } = await present(ctx, before);
  let org = oldOrg;
  const changes = changesFrom(input);
  if (input.organisation !== undefined && input.organisation !== oldOrg.slug) {
    org = await organisationOrFail(ctx, input.organisation);
    authorise(
      actor,
      { type: 'dataset:create', organisationId: org.id },
      `You cannot move datasets to ${org.name}`,
    );
    changes.organisation_id = org.id;
  }
  const lists: DatasetLists = {
    ...oldLists,
    tags: input.tags ? normaliseTags(input.tags) : oldLists.tags,
    themes: input.themes ? [...new Set(input.themes)].sort() : oldLists.themes,
  };
  const after: Dataset = { ...before, ...changes, modified_at: now() };
  const diff = diffOf(
    datasetSnapshot(before, oldOrg, oldLists),
    datasetSnapshot(after, org, lists),
  );
  if (Object.keys(diff).length === 0) return (await present(ctx, before, oldLists)).summary;
  await joinTransaction(ctx.db.kysely, async (trx) => {
    await updateDataset(trx, before.id, { ...changes, modified_at: after.modified_at });
    if (input.tags) await replaceTags(trx, before.id, lists.tags);
    if (input.themes) await replaceThemes(trx, before.id, lists.themes);
    await reindex(ctx, trx, after, org, lists.tags);
    await recordDatasetChange(trx, actor, after, { action: 'dataset.updated', diff });
  });
  return (await present(ctx, after, lists)).summary;
}

/** Whether a dataset has this slug, in any state (a slug is never reused). */
export function datasetExists(ctx: AppContext, slug: string): Promise<boolean> {
  return slugTaken(ctx.db.kysely, 'datasets', slug);
}
