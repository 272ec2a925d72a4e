import { renderMarkdown } from '../../../../platform/views/filters.js';
import { atomFeed, tagUri } from '../../../../platform/views/atom.js';

export interface FeedEntry {
  id: string;
  slug: string;
  title: string;
  description: string;
  created_at: string;
  modified_at: string;
  org_name: string;
}

/**
 * An Atom 1.0 feed of new and updated datasets, newest first. Entry ids are tag URIs on the
 * dataset's id, so an entry keeps its id when the dataset is renamed or its slug changes.
 */
export function datasetFeed(baseUrl: string, siteName: string, entries: FeedEntry[]): string {
  return atomFeed({
    id: `${baseUrl}/datasets.atom`,
    title: `New and updated datasets – ${siteName}`,
    updated: entries[0]?.modified_at ?? new Date(0).toISOString(),
    self: `${baseUrl}/datasets.atom`,
    alternate: `${baseUrl}/datasets`,
    author: siteName,
    entries: entries.map((e) => ({
      id: tagUri(baseUrl, 'dataset', e.id),
      title: e.title,
      link: `${baseUrl}/datasets/${encodeURIComponent(e.slug)}`,
      published: e.created_at,
      updated: e.modified_at,
      author: e.org_name,
      summary: renderMarkdown(e.description),
    })),
  });
}
