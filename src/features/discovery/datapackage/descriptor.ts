import type { getDataset } from '../../catalog/index.js';
import type { Field } from '../../datastore/index.js';
import { CSV_DIALECT, tableSchema } from './table-schema.js';

// A dataset as a Frictionless Data Package (v1). A package whose every resource is tabular is a
// Tabular Data Package; the profile requires every resource to be a tabular one, so a dataset
// that also holds documents or links is a plain Data Package whose tabular resources are still
// Tabular Data Resources (with their Table Schema) and the others Data Resources.

export type DatasetDetail = Awaited<ReturnType<typeof getDataset>>;
type ResourceDetail = DatasetDetail['resources'][number];

/** A resource loaded in the datastore, as the package describes its CSV export. */
export interface TabularPart {
  resourceId: string;
  /** Unique in the package: the resource's table slug (the SQL endpoint's name for it). */
  name: string;
  title: string;
  description: string | null;
  fields: Field[];
  /** The export's columns: `_id` first when the URL can name them all (then the primary key). */
  columns: string[] | null;
}

export interface OtherPart {
  name: string;
  resource: ResourceDetail & { url: string };
}

export interface PackageParts {
  dataset: DatasetDetail;
  tabular: TabularPart[];
  others: OtherPart[];
}

/** Where a tabular resource's data is: its CSV export's URL, or a path inside the zip. */
export type PathOf = (part: TabularPart) => string;

const dayVersion = (iso: string) => {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return `${String(y)}.${String(m)}.${String(d)}`;
};

function tabularResource(part: TabularPart, path: string) {
  return {
    profile: 'tabular-data-resource',
    name: part.name,
    title: part.title,
    ...(part.description ? { description: part.description } : {}),
    path,
    format: 'csv',
    mediatype: 'text/csv',
    encoding: 'utf-8',
    dialect: CSV_DIALECT,
    schema: tableSchema(part.fields, part.columns !== null),
  };
}

/** A document or link: its own file, whose size and hash describe exactly what `path` serves. */
function dataResource({ name, resource: r }: OtherPart) {
  const exact = r.kind === 'file';
  return {
    profile: 'data-resource',
    name,
    title: r.name,
    ...(r.description ? { description: r.description } : {}),
    path: r.url,
    ...(r.format ? { format: r.format.toLowerCase() } : {}),
    ...(r.media_type && /^.+\/.+$/.test(r.media_type) ? { mediatype: r.media_type } : {}),
    ...(exact && r.size !== null ? { bytes: r.size } : {}),
    ...(exact && r.sha256 ? { hash: `sha256:${r.sha256}` } : {}),
  };
}

function contributors(d: DatasetDetail, baseUrl: string) {
  const publisher = {
    title: d.organisation.name,
    path: `${baseUrl}/organisations/${encodeURIComponent(d.organisation.slug)}`,
    role: 'publisher',
  };
  const c = d.contact;
  const title = c?.name ?? c?.email;
  if (!c || !title) return [publisher];
  return [publisher, { title, ...(c.email ? { email: c.email } : {}), role: 'maintainer' }];
}

/** The descriptor (`datapackage.json`) of a dataset's parts. */
export function packageDescriptor(parts: PackageParts, baseUrl: string, pathOf: PathOf) {
  const d = parts.dataset;
  const allTabular = parts.others.length === 0;
  return {
    profile: allTabular ? 'tabular-data-package' : 'data-package',
    name: d.slug.toLowerCase(),
    id: d.id,
    title: d.title,
    ...(d.description.trim() ? { description: d.description } : {}),
    homepage: `${baseUrl}/datasets/${encodeURIComponent(d.slug)}`,
    // Calendar versioning on the last change: a new day's change is a new version.
    version: dayVersion(d.modified_at),
    created: d.created_at,
    ...(d.tags.length ? { keywords: d.tags } : {}),
    licenses: [
      {
        name: d.licence.id,
        ...(d.licence.url ? { path: d.licence.url } : {}),
        title: d.licence.title,
      },
    ],
    ...(d.source_url ? { sources: [{ title: 'Original source', path: d.source_url }] } : {}),
    contributors: contributors(d, baseUrl),
    resources: [
      ...parts.tabular.map((p) => tabularResource(p, pathOf(p))),
      ...parts.others.map(dataResource),
    ],
  };
}

export type PackageDescriptor = ReturnType<typeof packageDescriptor>;
