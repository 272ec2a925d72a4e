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
  const host = new URL(baseUrl).hostname;
  // Entries are in the order the changes happened; the feed changed when the last was recorded.
  const updated =
    changes.reduce((max, c) => (c.created_at > max ? c.created_at : max), '') ||
    new Date(0).toISOString();
  const entry = (c: StatusChangeRow) => {
    const link = `${baseUrl}/promises/${encodeURIComponent(c.promise_slug)}`;
    const title = `${c.promise_title}: ${statusLabel(c.from_status)} → ${statusLabel(c.to_status)}`;
    return [
      '  <entry>',
      `    <id>tag:${xml(host)},2026:promise-status:${xml(c.id)}</id>`,
      `    <title>${xml(title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${xml(link)}"/>`,
      `    <published>${xml(c.changed_on)}T00:00:00Z</published>`,
      `    <updated>${xml(c.created_at)}</updated>`,
      `    <author><name>${xml(c.actor_name ?? siteName)}</name></author>`,
      `    <category term="${xml(c.to_status)}" label="${xml(statusLabel(c.to_status))}"/>`,
      `    <content type="html">${xml(entryHtml(c))}</content>`,
      '  </entry>',
    ].join('\n');
  };
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${xml(baseUrl + scope.self)}</id>`,
    `  <title>${xml(scope.title)} – ${xml(siteName)}</title>`,
    `  <updated>${xml(updated)}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${xml(baseUrl + scope.self)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xml(baseUrl + scope.alternate)}"/>`,
    `  <author><name>${xml(siteName)}</name></author>`,
    ...changes.map(entry),
    '</feed>',
    '',
  ].join('\n');
}
