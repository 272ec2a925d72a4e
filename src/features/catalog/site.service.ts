import type { AppContext } from '../../context.js';
import { anonymous, type Actor, readableScope } from '../accounts/index.js';
import {
  incrementDatasetViews,
  mostViewedDatasets,
  newestDatasets,
} from './dataset-views.repository.js';
import { notFound } from '../../platform/errors.js';
import {
  findPublisherBySlug,
  listPublishers as listPublisherRows,
} from './publisher.repository.js';
import {
  latestChangedDatasets,
  listDatasetLocations,
  listOrganisationLocations,
  listThemeLocations,
} from './site-feed.repository.js';
import { listThemes } from './taxonomy.service.js';
import { regionName } from '../region/index.js';

/** Every organisation with how many datasets the actor can see in the catalogue. */
export function listPublishers(ctx: AppContext, actor: Actor) {
  return listPublisherRows(ctx.db.kysely, readableScope(actor));
}

/** What the region publishes, as this actor may see it: for the home page. */
export async function catalogueOverview(ctx: AppContext, actor: Actor, listLength: number) {
  const scope = readableScope(actor);
  const k = ctx.db.kysely;
  const [themes, organisations, newest, mostViewed] = await Promise.all([
    listThemes(ctx, actor),
    listPublishers(ctx, actor),
    newestDatasets(k, scope, listLength),
    mostViewedDatasets(k, scope, listLength),
  ]);
  return {
    themes: themes.filter((t) => t.dataset_count > 0),
    organisations: organisations.filter((o) => o.dataset_count > 0),
    total: organisations.reduce((n, o) => n + o.dataset_count, 0),
    newest,
    mostViewed,
  };
}

/** Counts a view of a dataset page (the caller has already checked the actor may read it). */
export function recordDatasetView(ctx: AppContext, datasetId: string): Promise<void> {
  return incrementDatasetViews(ctx.db.kysely, datasetId);
}

// The sitemap and the feed are shared and cached by crawlers and readers, so they always list
// what an anonymous visitor may read, whoever asks.
const publicScope = () => readableScope(anonymous);

export async function sitemapEntries(ctx: AppContext) {
  const k = ctx.db.kysely;
  const [datasets, organisations, themes] = await Promise.all([
    listDatasetLocations(k, publicScope()),
    listOrganisationLocations(k),
    listThemeLocations(k, publicScope()),
  ]);
  return { datasets, organisations, themes };
}

/**
 * The latest new or changed public datasets (of one organisation, by slug, when given: a 404
 * if there is none), and the region's name to title the feed.
 */
export async function feedEntries(ctx: AppContext, limit: number, organisation?: string) {
  const org =
    organisation === undefined ? undefined : await findPublisherBySlug(ctx.db.kysely, organisation);
  if (organisation !== undefined && !org) throw notFound(`Organisation ${organisation}`);
  const [entries, siteName] = await Promise.all([
    latestChangedDatasets(ctx.db.kysely, publicScope(), limit, org?.id),
    regionName(ctx),
  ]);
  return {
    siteName,
    entries,
    organisation: org ? { slug: org.slug, name: org.name } : null,
  };
}
