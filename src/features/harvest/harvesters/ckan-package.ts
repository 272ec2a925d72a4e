import { dataset, resource, type ReadItem } from '../harvest-record.js';
import { byteSize, firstText, isoDate, text, type JsonObject } from './source-values.js';

// One CKAN package dict (package_search's results, package_show's result) in Metrodata's terms.

type Json = JsonObject;
const str = (v: unknown): string => text(v) ?? '';
function extra(pkg: Json, key: string): string | null {
  const extras = Array.isArray(pkg.extras) ? (pkg.extras as Json[]) : [];
  return text(extras.find((e) => e.key === key)?.value);
}

/** One package of package_search as a harvested dataset (or why it cannot be one). */
export function ckanPackage(base: string, pkg: Json, index: number): ReadItem {
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
