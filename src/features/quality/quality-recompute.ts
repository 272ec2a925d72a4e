import type { AppContext } from '../../context.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { type Actor } from '../accounts/index.js';
import {
  licenceById,
  readableDatasetRecords,
  setDatasetRatings,
  type DatasetRecord,
} from '../catalog/index.js';
import { datastoreStatuses } from '../datastore/index.js';
import { linkChecksOf } from './link-check.repository.js';
import { metadataQuality } from './mqa.js';
import { openness } from './openness.js';
import type { DatasetInput, LinkCheckResult } from './quality-input.js';
import { saveScores } from './quality.repository.js';
import { linkProblem } from './quality-input.js';
import { dueBy } from './staleness.js';

// Computes and stores the scores of datasets that changed since their last score.

/** Reads every dataset, drafts and private ones included: their scores are shown only to
 * those who may read the dataset, and aggregates count public datasets only. */
const scorer: Actor = {
  user: {
    id: 'quality-scorer',
    name: 'Quality scores',
    email: 'quality@metrodata.invalid',
    isSiteAdmin: true,
    emailVerified: true,
  },
  roles: new Map(),
  scopes: new Set(['read']),
};

function inputOf(
  r: DatasetRecord,
  queryable: ReadonlySet<string>,
  links: ReadonlyMap<string, LinkCheckResult>,
): DatasetInput {
  const d = r.dataset;
  const licence = licenceById(d.licence);
  return {
    title: d.title,
    description: d.description,
    licence: {
      id: d.licence,
      open: licence.open,
      known: licence.url !== null,
    },
    tags: r.tags,
    themes: r.themes.map((t) => t.slug),
    spatial_coverage: d.spatial_coverage,
    temporal_start: d.temporal_start,
    temporal_end: d.temporal_end,
    contact_name: d.contact_name,
    contact_email: d.contact_email,
    publisher: r.organisation.name,
    update_frequency: d.update_frequency,
    created_at: d.created_at,
    modified_at: d.modified_at,
    resources: r.resources.map((res) => ({
      id: res.id,
      name: res.name,
      format: res.format,
      media_type: res.media_type,
      url: res.url,
      size: res.size,
      queryable: queryable.has(res.id),
      link: res.url ? (links.get(res.id) ?? null) : null,
    })),
  };
}

/** Scores these datasets now and stores the scores (in one transaction: one commit). */
export async function scoreDatasets(ctx: AppContext, ids: string[], at = new Date()) {
  return inTransaction(ctx, (tx) => scoreIn(tx, ids, at));
}

async function scoreIn(ctx: AppContext, ids: string[], at: Date) {
  const records = await readableDatasetRecords(ctx, scorer, ids);
  const resourceIds = records.flatMap((r) => r.resources.map((res) => res.id));
  const [statuses, checks] = await Promise.all([
    datastoreStatuses(ctx, resourceIds),
    linkChecksOf(ctx.db.kysely, resourceIds),
  ]);
  const links = new Map(checks.map((c) => [c.resource_id, c]));
  const queryable = new Set(statuses.keys());
  const rows = records.map((record) => {
    const input = inputOf(record, queryable, links);
    const stars = openness(input);
    const quality = metadataQuality(input);
    const withLinks = input.resources.filter((res) => res.url !== null);
    const due = dueBy(input.update_frequency, input.modified_at);
    return {
      dataset_id: record.dataset.id,
      organisation_id: record.dataset.organisation_id,
      stars: stars.stars,
      total: quality.total,
      rating: quality.rating,
      findability: quality.dimensions.findability.points,
      accessibility: quality.dimensions.accessibility.points,
      interoperability: quality.dimensions.interoperability.points,
      reusability: quality.dimensions.reusability.points,
      contextuality: quality.dimensions.contextuality.points,
      broken_links: withLinks.filter((res) => linkProblem(res.link) !== null).length,
      unchecked_links: withLinks.filter((res) => res.link === null).length,
      due_by: due ? due.toISOString() : null,
      report: JSON.stringify({ openness: stars.scale, checks: quality.checks }),
      computed_at: at.toISOString(),
    };
  });
  await saveScores(ctx.db.kysely, rows);
  // Search's openness and quality facets (the catalogue files only those that changed).
  await setDatasetRatings(
    ctx.db.kysely,
    rows.map((r) => ({ dataset_id: r.dataset_id, openness: r.stars, quality: r.rating })),
  );
  return records.length;
}
