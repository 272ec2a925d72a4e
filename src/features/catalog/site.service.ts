import type { AppContext } from '../../context.js';
import { anonymous, type Actor } from '../accounts/actor.js';
import { readableScope } from '../accounts/policy.js';
import {
  incrementDatasetViews,
  mostViewedDatasets,
  newestDatasets,
} from './dataset-views.repository.js';
import { listOrganisationsFor } from './organisation.service.js';
import {
  latestChangedDatasets,
  listDatasetLocations,
  listOrganisationLocations,
  listThemeSlugs,
} from './site-feed.repository.js';
import { listThemes } from './taxonomy.service.js';
import { findRegion } from '../region/region.repository.js';

/** What the region publishes, as this actor may see it: for the home page. */
export async function catalogueOverview(ctx: AppContext, actor: Actor, listLength: number) {
  const scope = readableScope(actor);
  const k = ctx.db.kysely;
  const [themes, organisations, newest, mostViewed] = await Promise.all([
    listThemes(ctx, actor),
    listOrganisationsFor(ctx, actor),
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
    listThemeSlugs(k),
  ]);
  return { datasets, organisations, themes };
}

/** The latest new or changed public datasets, and the region's name to title the feed. */
export async function feedEntries(ctx: AppContext, limit: number) {
  const [entries, region] = await Promise.all([
    latestChangedDatasets(ctx.db.kysely, publicScope(), limit),
    findRegion(ctx.db.kysely),
  ]);
  return { siteName: region?.name ?? 'Metrodata', entries };
}
