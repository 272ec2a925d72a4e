import { atomFeed, tagUri } from '../../../platform/views/atom.js';
import { renderMarkdown } from '../../../platform/views/filters.js';

export interface FeedEntry {
  id: string;
  slug: string;
  title: string;
  description: string;
  created_at: string;
  modified_at: string;
  org_name: string;
}

export interface FeedOf {
  /** The feed's permanent id (a URL), its own URL as asked for, and the page it follows. */
  id: string;
  self: string;
  alternate: string;
  title: string;
}

/**
 * An Atom 1.0 feed (RFC 4287) of new and updated datasets, newest first. Entry ids are tag URIs
 * on the dataset's id, so an entry keeps its id when the dataset is renamed or its slug changes.
 */
export function datasetFeed(
  baseUrl: string,
  siteName: string,
  of: FeedOf,
  entries: FeedEntry[],
): string {
  return atomFeed({
    id: of.id,
    title: `${of.title} – ${siteName}`,
    updated: entries[0]?.modified_at ?? new Date(0).toISOString(),
    self: of.self,
    alternate: of.alternate,
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
