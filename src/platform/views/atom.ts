import { xml } from './xml.js';

/** An entry of an Atom feed; text as it is (it is escaped here), dates as ISO 8601. */
export interface AtomEntry {
  /** A URI that never changes for this entry (a tag URI on a row's id). */
  id: string;
  title: string;
  /** The page the entry is about. */
  link: string;
  published: string;
  updated: string;
  author: string;
  category?: { term: string; label: string };
  /** HTML: a summary of the page, or the whole of what the entry says. */
  summary?: string;
  content?: string;
}

export interface AtomFeedParts {
  id: string;
  title: string;
  updated: string;
  /** The feed's own URL, and the page it follows. */
  self: string;
  alternate: string;
  author: string;
  entries: AtomEntry[];
}

function entryXml(e: AtomEntry): string {
  return [
    '  <entry>',
    `    <id>${xml(e.id)}</id>`,
    `    <title>${xml(e.title)}</title>`,
    `    <link rel="alternate" type="text/html" href="${xml(e.link)}"/>`,
    `    <published>${xml(e.published)}</published>`,
    `    <updated>${xml(e.updated)}</updated>`,
    `    <author><name>${xml(e.author)}</name></author>`,
    ...(e.category
      ? [`    <category term="${xml(e.category.term)}" label="${xml(e.category.label)}"/>`]
      : []),
    ...(e.summary === undefined ? [] : [`    <summary type="html">${xml(e.summary)}</summary>`]),
    ...(e.content === undefined ? [] : [`    <content type="html">${xml(e.content)}</content>`]),
    '  </entry>',
  ].join('\n');
}

/** An Atom 1.0 feed (RFC 4287), its entries in the order given. */
export function atomFeed(f: AtomFeedParts): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${xml(f.id)}</id>`,
    `  <title>${xml(f.title)}</title>`,
    `  <updated>${xml(f.updated)}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${xml(f.self)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xml(f.alternate)}"/>`,
    `  <author><name>${xml(f.author)}</name></author>`,
    ...f.entries.map(entryXml),
    '</feed>',
    '',
  ].join('\n');
}

/** A tag URI (RFC 4151) for a row of this site: it stays the same when the row is renamed. */
export const tagUri = (baseUrl: string, kind: string, id: string): string =>
  `tag:${new URL(baseUrl).hostname},2026:${kind}:${id}`;
