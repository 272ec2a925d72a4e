import type { AppContext } from '../../../../context.js';
import { PER_PAGE } from '../../../../platform/views/page-query.js';
import { paginationFor, rangeText } from '../../../../platform/views/pagination.js';
import type { Actor } from '../../../accounts/index.js';
import { OPENNESS_GRADES, QUALITY_GRADES } from '../../dataset-ratings.js';
import { searchCatalogue } from '../../dataset-search.service.js';
import { excerpt } from './text.js';

/** A search result, as much of it as a list of datasets shows. */
export interface FoundDataset {
  slug: string;
  title: string;
  description: string;
  organisation: { slug: string; name: string };
  formats: string[];
  modified_at: string;
  openness_stars?: number | null;
  metadata_quality?: string | null;
}

/** "Openness: 3 stars · Metadata quality: good", or null before the dataset is rated. */
function ratingText(r: FoundDataset): string | null {
  if (r.openness_stars == null || r.metadata_quality == null) return null;
  const stars = OPENNESS_GRADES.find(([v]) => v === String(r.openness_stars))?.[1];
  const quality = QUALITY_GRADES.find(([v]) => v === r.metadata_quality)?.[1];
  return `Openness: ${stars ?? ''} · Metadata quality: ${(quality ?? '').toLowerCase()}`;
}

interface Found {
  total: number;
  page: number;
  per_page: number;
  results: FoundDataset[];
}

/** One search result as the dataset list macro shows it. */
export const datasetItem = (r: FoundDataset) => ({
  href: `/datasets/${r.slug}`,
  title: r.title,
  excerpt: excerpt(r.description),
  organisation: { name: r.organisation.name, href: `/organisations/${r.organisation.slug}` },
  formats: r.formats,
  modified_at: r.modified_at,
  rating: ratingText(r),
});

/** A page of search results as the dataset list and pagination show them. */
export function datasetResults(found: Found, pageHref: (page: number) => string) {
  return {
    total: found.total,
    range: rangeText(found.page, found.per_page, found.total),
    results: found.results.map(datasetItem),
    pagination: paginationFor(found.page, found.per_page, found.total, pageHref),
  };
}

/**
 * A theme's or a publisher's page of its datasets, by title: the results, the pages, and the
 * search that holds them all (where they can be filtered further).
 */
export async function datasetsWith(
  ctx: AppContext,
  actor: Actor,
  facet: 'theme' | 'organisation',
  slug: string,
  page: number,
) {
  const found = await searchCatalogue(ctx, actor, {
    [facet]: slug,
    sort: 'title',
    page,
    per_page: PER_PAGE,
  });
  const path = facet === 'theme' ? `/themes/${slug}` : `/organisations/${slug}`;
  return {
    searchHref: `/datasets?${facet}=${encodeURIComponent(slug)}`,
    ...datasetResults(found, (n) => `${path}${n > 1 ? `?page=${String(n)}` : ''}`),
  };
}
