import type { AppContext } from '../../context.js';
import { notFound } from '../../platform/errors.js';
import { pageFrom, pageOf, type PageInput } from '../../platform/paging.js';
import { authorise, type Actor } from '../accounts/index.js';
import { readableDatasetRecord } from '../catalog/index.js';
import { findOrganisation } from '../organisations/index.js';
import { NO_FIGURES, type BodyResponsiveness } from './body-responsiveness.js';
import { recheckSoon } from './link-check.repository.js';
import {
  brokenLinksOf,
  datasetScoresOf,
  organisationSummaries,
  snapshotsOf,
  staleOf,
} from './quality-aggregates.repository.js';
import { queueLinkCheck } from './quality-jobs.js';
import { scoreDatasets } from './quality-recompute.js';
import { findScore } from './quality.repository.js';
import {
  datasetQualityView,
  organisationScoreView,
  responsivenessView,
  trendPointView,
} from './quality.view.js';

// Reading the scores, for whoever may read the dataset; aggregates count public datasets only.

export const TREND_DAYS = 90;

/** A dataset's quality (scored now if it never was), or 404 when the actor may not read it. */
export async function datasetQuality(
  ctx: AppContext,
  actor: Actor,
  slug: string,
  now = new Date(),
) {
  const { dataset } = await readableDatasetRecord(ctx, actor, slug);
  let score = await findScore(ctx.db.kysely, dataset.id);
  if (!score) {
    await scoreDatasets(ctx, [dataset.id]);
    score = await findScore(ctx.db.kysely, dataset.id);
  }
  if (!score) throw notFound(`Dataset ${slug}`);
  return datasetQualityView(dataset, score, now);
}

/** The bodies compared: the best overall score (metadata and responsiveness) first. */
export async function leagueTable(
  ctx: AppContext,
  input: PageInput,
  requests: BodyResponsiveness,
  now = new Date(),
) {
  const summaries = await organisationSummaries(ctx.db.kysely, now.toISOString());
  const figures = await requests(
    ctx,
    summaries.map((s) => s.organisation_id),
    now,
  );
  const rows = summaries.map((s) => organisationScoreView(s, figures.get(s.organisation_id)));
  rows.sort(
    (a, b) =>
      b.overall_score - a.overall_score ||
      b.average_score - a.average_score ||
      b.average_stars - a.average_stars ||
      a.organisation.name.localeCompare(b.organisation.name),
  );
  return pageFrom(rows, input);
}

/**
 * An organisation's scores, trend, broken links, stale datasets, data requests, and its
 * datasets' scores.
 */
export async function organisationQuality(
  ctx: AppContext,
  slug: string,
  input: PageInput,
  requests: BodyResponsiveness,
  now = new Date(),
) {
  const org = await findOrganisation(ctx, slug);
  if (!org) throw notFound(`Organisation ${slug}`);
  const k = ctx.db.kysely;
  const at = now.toISOString();
  const { page, per_page } = pageOf(input);
  const [summary, trend, broken, stale, datasets, figures] = await Promise.all([
    organisationSummaries(k, at, org.id),
    snapshotsOf(k, org.id, TREND_DAYS),
    brokenLinksOf(k, org.id),
    staleOf(k, org.id, at),
    datasetScoresOf(k, org.id, per_page, (page - 1) * per_page),
    requests(ctx, [org.id], now),
  ]);
  const own = figures.get(org.id) ?? NO_FIGURES;
  const score = summary[0] ? organisationScoreView(summary[0], own) : null;
  return {
    organisation: org,
    total: score?.datasets ?? 0,
    page,
    per_page,
    results: datasets,
    score,
    // Apart from the score: a body without public datasets may still have requests.
    responsiveness: responsivenessView(own),
    trend: trend.map(trendPointView),
    broken_links: broken.map((b) => ({
      dataset: { slug: b.dataset_slug, title: b.dataset_title },
      resource: { id: b.resource_id, name: b.resource_name },
      url: b.url,
      status: b.status,
      error: b.error,
      checked_at: b.checked_at,
    })),
    stale_datasets: stale.flatMap((s) => (s.due_by ? [{ ...s, due_by: s.due_by }] : [])),
  };
}

/** Checks the dataset's links again soon (its publishers and site admins). */
export async function recheckLinks(ctx: AppContext, actor: Actor, slug: string) {
  const { dataset, resources } = await readableDatasetRecord(ctx, actor, slug);
  authorise(actor, { type: 'dataset:update', dataset }, 'You cannot re-check this dataset’s links');
  const linked = resources.filter((r) => r.url !== null).map((r) => r.id);
  await recheckSoon(ctx.db.kysely, linked);
  const queued = linked.length > 0 && (await queueLinkCheck(ctx));
  return { links: linked.length, queued };
}
