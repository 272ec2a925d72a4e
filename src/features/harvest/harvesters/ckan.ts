import { dataset, resource, type Harvester, type HarvestItem } from '../harvest-record.js';
import { byteSize, firstText, isoDate, parseJson, text, type JsonObject } from './source-values.js';

// CKAN (Data Mill North, data.gov.uk and their family): `package_search`, paged by start/rows
// in name order (stable while the catalogue changes under the harvest; CKAN's default order
// moves datasets between pages as they are edited). Filters are CKAN's own: fq on organisation
// and tags, q for text.

const ROWS = 100;

type Json = JsonObject;
const str = (v: unknown): string => text(v) ?? '';
function extra(pkg: Json, key: string): string | null {
  const extras = Array.isArray(pkg.extras) ? (pkg.extras as Json[]) : [];
  return text(extras.find((e) => e.key === key)?.value);
}

function quoted(value: string): string {
  return `"${value.replace(/["\\]/g, '\\$&')}"`;
}

/** One package of package_search as a harvested dataset (or why it cannot be one). */
export function ckanPackage(base: string, pkg: Json, index: number): HarvestItem {
  const identifier = str(pkg.id) || str(pkg.name);
  const title = str(pkg.title) || str(pkg.name);
  if (!identifier) return { identifier: null, error: `package ${index + 1} has no id or name` };
  if (!title) return { identifier, error: `package ${identifier} has no title` };
  const d = dataset(identifier, title);
  d.description = str(pkg.notes);
  d.licence = firstText(pkg.license_id, pkg.license_url);
  const tags = Array.isArray(pkg.tags) ? (pkg.tags as Json[]) : [];
  d.tags = tags.flatMap((t) => firstText(t.display_name, t.name) ?? []);
  const name = str(pkg.name);
  d.landingPage = name ? `${base}/dataset/${encodeURIComponent(name)}` : text(pkg.url);
  d.modified = isoDate(pkg.metadata_modified);
  const org = pkg.organization as Json | null | undefined;
  d.publisher = firstText(org?.title, org?.name);
  d.contactName = firstText(pkg.maintainer, pkg.author);
  d.contactEmail = firstText(pkg.maintainer_email, pkg.author_email);
  d.updateFrequency = text(pkg.frequency) ?? extra(pkg, 'frequency');
  d.temporalStart = text(pkg.temporal_start) ?? extra(pkg, 'temporal_start');
  d.temporalEnd = text(pkg.temporal_end) ?? extra(pkg, 'temporal_end');
  const resources = Array.isArray(pkg.resources) ? (pkg.resources as Json[]) : [];
  for (const r of resources) {
    const url = str(r.url);
    if (!url) continue;
    const res = resource(url, str(r.name) || url);
    res.description = str(r.description);
    res.format = text(r.format)?.toUpperCase() ?? null;
    res.mediaType = text(r.mimetype);
    res.size = byteSize(r.size);
    res.modified = isoDate(r.last_modified) ?? isoDate(r.metadata_modified);
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
    const body = parseJson(page.body, page.url) as Json;
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
