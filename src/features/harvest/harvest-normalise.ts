import { createHash } from 'node:crypto';
import { DEFAULT_LICENCE, FREQUENCIES, LICENCES } from '../catalog/index.js';
import type { HarvestedDataset, HarvestedResource } from './harvest-record.js';

// A harvested record made safe and fit for the catalogue: text only (HTML tags dropped, as a
// source's description may carry markup and scripts), http(s) links only (a `javascript:` link
// is dropped), fields cut to the catalogue's limits, licences and update frequencies mapped to
// the catalogue's own lists. Its hash tells whether the source changed it since the last run.

/** What the catalogue stores of a harvested dataset. */
export interface CatalogueRecord {
  title: string;
  description: string;
  licence: string;
  tags: string[];
  sourceUrl: string | null;
  updateFrequency: (typeof FREQUENCIES)[number] | null;
  temporal: { start: string; end: string | null } | null;
  contact: { name: string | null; email: string | null } | null;
  resources: { url: string; name: string; description: string; format: string }[];
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

/** Text of an HTML fragment (or of plain text, unchanged): tags dropped, entities decoded. */
export function plainText(html: string): string {
  if (!/[<&]/.test(html)) return html.trim();
  return html
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<br\s*\/?>|<\/(p|div|li|h[1-6])>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#\d+|#x[0-9a-f]+|\w+);/gi, (m, e: string) => {
      if (e.startsWith('#x') || e.startsWith('#X'))
        return String.fromCodePoint(parseInt(e.slice(2), 16));
      if (e.startsWith('#')) return String.fromCodePoint(Number(e.slice(1)));
      return ENTITIES[e.toLowerCase()] ?? m;
    })
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** The link if it is http(s), else null. */
export function webLink(url: string | null): string | null {
  if (!url) return null;
  try {
    const u = new URL(url.trim());
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

const cut = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

/** Source licence ids and URLs as the catalogue's licences. */
const LICENCE_ALIASES: Record<string, string> = {
  'uk-ogl': 'OGL-UK-3.0',
  'ogl-uk-3.0': 'OGL-UK-3.0',
  'ogl-uk-2.0': 'OGL-UK-2.0',
  'open-government-licence': 'OGL-UK-3.0',
  'cc-by': 'CC-BY-4.0',
  'cc-by-4.0': 'CC-BY-4.0',
  'cc-by-sa': 'CC-BY-SA-4.0',
  'cc-by-sa-4.0': 'CC-BY-SA-4.0',
  'cc-zero': 'CC0-1.0',
  cc0: 'CC0-1.0',
  'cc0-1.0': 'CC0-1.0',
  'odc-odbl': 'ODbL-1.0',
  'odbl-1.0': 'ODbL-1.0',
  odbl: 'ODbL-1.0',
};

/** The catalogue's licence for a source's id or URL; `fallback` when it has none of ours. */
export function catalogueLicence(source: string | null, fallback: string | null): string {
  const value = (source ?? '').trim();
  const known = LICENCES.find(
    (l) => l.id.toLowerCase() === value.toLowerCase() || (l.url !== null && l.url === value),
  );
  if (known) return known.id;
  const alias = LICENCE_ALIASES[value.toLowerCase()];
  if (alias) return alias;
  if (/open-government-licence\/version\/3/i.test(value)) return 'OGL-UK-3.0';
  if (/creativecommons\.org\/licenses\/by\/4/i.test(value)) return 'CC-BY-4.0';
  if (/creativecommons\.org\/publicdomain\/zero/i.test(value)) return 'CC0-1.0';
  return fallback && LICENCES.some((l) => l.id === fallback) ? fallback : DEFAULT_LICENCE;
}

const FREQUENCY_WORDS: [RegExp, (typeof FREQUENCIES)[number]][] = [
  [/contin|real.?time|live/i, 'continual'],
  [/daily|day/i, 'daily'],
  [/week/i, 'weekly'],
  [/quarter/i, 'quarterly'],
  [/bian|semi.?annual|six.?month/i, 'biannual'],
  [/month/i, 'monthly'],
  [/annual|year/i, 'annual'],
  [/irregular|as.?needed|ad.?hoc/i, 'irregular'],
  [/never|not.?planned/i, 'never'],
];

function frequency(value: string | null): (typeof FREQUENCIES)[number] | null {
  if (!value) return null;
  return FREQUENCY_WORDS.find(([re]) => re.test(value))?.[1] ?? null;
}

const isoDate = (v: string | null) => (v && /^\d{4}-\d{2}-\d{2}/.test(v) ? v.slice(0, 10) : null);

function resourceOf(r: HarvestedResource) {
  const url = webLink(r.url);
  if (!url) return null;
  return {
    url,
    name: cut(plainText(r.name) || url, 200),
    description: cut(plainText(r.description), 5_000),
    format: cut((r.format ?? '').trim(), 50),
  };
}

/** The record as the catalogue will hold it. */
export function catalogueRecord(
  d: HarvestedDataset,
  defaultLicence: string | null,
): CatalogueRecord {
  const start = isoDate(d.temporalStart);
  const email = d.contactEmail?.replace(/^mailto:/i, '').trim() ?? null;
  return {
    title: cut(plainText(d.title), 200),
    description: cut(plainText(d.description), 50_000),
    licence: catalogueLicence(d.licence, defaultLicence),
    tags: [...new Set(d.tags.map((t) => cut(plainText(t), 50)).filter((t) => t))].slice(0, 30),
    sourceUrl: webLink(d.landingPage),
    updateFrequency: frequency(d.updateFrequency),
    temporal: start ? { start, end: isoDate(d.temporalEnd) } : null,
    contact:
      d.contactName || email
        ? {
            name: d.contactName ? cut(plainText(d.contactName), 200) : null,
            email: email && /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email) ? cut(email, 200) : null,
          }
        : null,
    resources: d.resources.flatMap((r) => resourceOf(r) ?? []),
  };
}

/** A fingerprint of what the catalogue would store: equal hashes, nothing to update. */
export function recordHash(record: CatalogueRecord): string {
  return createHash('sha256').update(JSON.stringify(record)).digest('hex');
}
