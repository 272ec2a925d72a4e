import { atomFeed, tagUri } from '../../platform/views/atom.js';
import { xml } from '../../platform/views/xml.js';
import { renderMarkdown } from '../../platform/views/filters.js';
import type { StatusChangeRow } from './promise.repository.js';
import { statusLabel, type Evidence } from './promise-status.js';

export interface FeedScope {
  /** The feed's own path, e.g. /promises.atom or /promises/{slug}.atom. */
  self: string;
  /** The page it follows, e.g. /promises. */
  alternate: string;
  title: string;
}

function entryHtml(c: StatusChangeRow): string {
  const evidence = (JSON.parse(c.evidence) as Evidence[])
    .map((e) => `<li><a href="${xml(e.url)}">${xml(e.title)}</a> (${xml(e.kind)})</li>`)
    .join('');
  return renderMarkdown(c.rationale) + (evidence ? `<p>Evidence:</p><ul>${evidence}</ul>` : '');
}

/**
 * An Atom 1.0 feed (RFC 4287) of status changes, newest first. An entry's id is a tag URI on the
 * change's id, so it never changes; its date is the day the status changed.
 */
export function statusChangeFeed(
  baseUrl: string,
  siteName: string,
  scope: FeedScope,
  changes: StatusChangeRow[],
): string {
  return atomFeed({
    id: baseUrl + scope.self,
    title: `${scope.title} – ${siteName}`,
    // Entries are in the order the changes happened; the feed changed when the last was recorded.
    updated:
      changes.reduce((max, c) => (c.created_at > max ? c.created_at : max), '') ||
      new Date(0).toISOString(),
    self: baseUrl + scope.self,
    alternate: baseUrl + scope.alternate,
    author: siteName,
    entries: changes.map((c) => ({
      id: tagUri(baseUrl, 'promise-status', c.id),
      title: `${c.promise_title}: ${statusLabel(c.from_status)} → ${statusLabel(c.to_status)}`,
      link: `${baseUrl}/promises/${encodeURIComponent(c.promise_slug)}`,
      published: `${c.changed_on}T00:00:00Z`,
      updated: c.created_at,
      author: c.actor_name ?? siteName,
      category: { term: c.to_status, label: statusLabel(c.to_status) },
      content: entryHtml(c),
    })),
  });
}
