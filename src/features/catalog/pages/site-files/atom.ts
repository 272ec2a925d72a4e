import { renderMarkdown } from '../../../../platform/views/filters.js';
import { xml } from '../../../../platform/views/xml.js';

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
 * An Atom 1.0 feed (RFC 4287) of new and updated datasets, newest first. Entry ids are tag URIs
 * on the dataset's id, so an entry keeps its id when the dataset is renamed or its slug changes.
 */
export function atomFeed(baseUrl: string, siteName: string, entries: FeedEntry[]): string {
  const host = new URL(baseUrl).hostname;
  const updated = entries[0]?.modified_at ?? new Date(0).toISOString();
  const entry = (e: FeedEntry) => {
    const link = `${baseUrl}/datasets/${encodeURIComponent(e.slug)}`;
    return [
      '  <entry>',
      `    <id>tag:${xml(host)},2026:dataset:${xml(e.id)}</id>`,
      `    <title>${xml(e.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${xml(link)}"/>`,
      `    <published>${xml(e.created_at)}</published>`,
      `    <updated>${xml(e.modified_at)}</updated>`,
      `    <author><name>${xml(e.org_name)}</name></author>`,
      `    <summary type="html">${xml(renderMarkdown(e.description))}</summary>`,
      '  </entry>',
    ].join('\n');
  };
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${xml(baseUrl)}/datasets.atom</id>`,
    `  <title>New and updated datasets – ${xml(siteName)}</title>`,
    `  <updated>${xml(updated)}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${xml(baseUrl)}/datasets.atom"/>`,
    `  <link rel="alternate" type="text/html" href="${xml(baseUrl)}/datasets"/>`,
    `  <author><name>${xml(siteName)}</name></author>`,
    ...entries.map(entry),
    '</feed>',
    '',
  ].join('\n');
}
