import { paginationFor, rangeText } from '../../../../platform/views/pagination.js';
import { excerpt } from './text.js';

interface FoundDataset {
  slug: string;
  title: string;
  description: string;
  organisation: { slug: string; name: string };
  formats: string[];
  modified_at: string;
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
