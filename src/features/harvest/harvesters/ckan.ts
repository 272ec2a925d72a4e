import { dataset, resource, type Harvester, type HarvestItem } from '../harvest-record.js';

// CKAN (Data Mill North, data.gov.uk and their family): `package_search`, paged by start/rows
// in name order (stable while the catalogue changes under the harvest; CKAN's default order
// moves datasets between pages as they are edited). Filters are CKAN's own: fq on organisation
// and tags, q for text.

const ROWS = 100;

type Json = Record<string, unknown>;
const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');
const orNull = (v: unknown): string | null => text(v) || null;

/** CKAN writes UTC times without a zone (2024-01-31T10:00:00.123456). */
function isoTime(v: unknown): string | null {
  const t = text(v);
  if (!t) return null;
  const zoned = /[zZ]|[+-]\d\d:?\d\d$/.test(t) ? t : `${t}Z`;
  const ms = Date.parse(zoned);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

function extra(pkg: Json, key: string): string | null {
  const extras = Array.isArray(pkg.extras) ? (pkg.extras as Json[]) : [];
  return orNull(extras.find((e) => e.key === key)?.value);
}

function quoted(value: string): string {
  return `"${value.replace(/["\\]/g, '\\$&')}"`;
}

/** One package of package_search as a harvested dataset (or why it cannot be one). */
export function ckanPackage(base: string, pkg: Json, index: number): HarvestItem {
  const identifier = text(pkg.id) || text(pkg.name);
  const title = text(pkg.title) || text(pkg.name);
  if (!identifier) return { identifier: null, error: `package ${index + 1} has no id or name` };
  if (!title) return { identifier, error: `package ${identifier} has no title` };
  const d = dataset(identifier, title);
  d.description = text(pkg.notes);
  d.licence = orNull(pkg.license_id) ?? orNull(pkg.license_url);
  const tags = Array.isArray(pkg.tags) ? (pkg.tags as Json[]) : [];
  d.tags = tags.map((t) => text(t.display_name) || text(t.name)).filter((t) => t);
  const name = text(pkg.name);
  d.landingPage = name ? `${base}/dataset/${encodeURIComponent(name)}` : orNull(pkg.url);
  d.modified = isoTime(pkg.metadata_modified);
  const org = pkg.organization as Json | null | undefined;
  d.publisher = orNull(org?.title) ?? orNull(org?.name);
  d.contactName = orNull(pkg.maintainer) ?? orNull(pkg.author);
  d.contactEmail = orNull(pkg.maintainer_email) ?? orNull(pkg.author_email);
  d.updateFrequency = orNull(pkg.frequency) ?? extra(pkg, 'frequency');
  d.temporalStart = orNull(pkg.temporal_start) ?? extra(pkg, 'temporal_start');
  d.temporalEnd = orNull(pkg.temporal_end) ?? extra(pkg, 'temporal_end');
  const resources = Array.isArray(pkg.resources) ? (pkg.resources as Json[]) : [];
  for (const r of resources) {
    const url = text(r.url);
    if (!url) continue;
    const res = resource(url, text(r.name) || url);
    res.description = text(r.description);
    res.format = orNull(r.format)?.toUpperCase() ?? null;
    res.mediaType = orNull(r.mimetype);
    res.size = typeof r.size === 'number' && Number.isFinite(r.size) ? r.size : null;
    res.modified = isoTime(r.last_modified) ?? isoTime(r.metadata_modified);
    d.resources.push(res);
  }
  return { dataset: d };
}

export const ckanHarvester: Harvester = async function* ({ url, filters, fetcher }) {
  const base = url.replace(/\/+$/, '').replace(/\/api\/3(\/action)?$/, '');
  const fq = [
    ...(filters.organisation ? [`organization:${quoted(filters.organisation)}`] : []),
    ...(filters.tag ? [`tags:${quoted(filters.tag)}`] : []),
  ].join(' AND ');
  for (let start = 0; ; start += ROWS) {
    const query = new URLSearchParams({
      rows: String(ROWS),
      start: String(start),
      sort: 'name asc',
      ...(fq ? { fq } : {}),
      ...(filters.query ? { q: filters.query } : {}),
    });
    const page = await fetcher.get(
      `${base}/api/3/action/package_search?${query.toString()}`,
      'application/json',
    );
    let body: Json;
    try {
      body = JSON.parse(page.body) as Json;
    } catch {
      throw new Error(`${page.url} did not answer JSON`);
    }
    const result = body.result as Json | undefined;
    if (body.success !== true || !result || !Array.isArray(result.results)) {
      throw new Error(`${page.url} did not answer a CKAN package_search result`);
    }
    const packages = result.results as Json[];
    for (const [i, pkg] of packages.entries()) yield ckanPackage(base, pkg, start + i);
    const count = typeof result.count === 'number' ? result.count : 0;
    if (packages.length === 0 || start + packages.length >= count) return;
  }
};
