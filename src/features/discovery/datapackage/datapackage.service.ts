import type { AppContext } from '../../../context.js';
import { DomainError, notFound } from '../../../platform/errors.js';
import type { Actor } from '../../accounts/index.js';
import { getDataset, resourceSlugs } from '../../catalog/index.js';
import { ROW_ID, versionSource, type Field } from '../../datastore/index.js';
import type { OtherPart, PackageParts, TabularPart } from './descriptor.js';

/** Past this, the export URL naming every column is too long for some clients: no `_id` then. */
const MAX_COLUMNS_QUERY = 1500;

/** The fields of a resource's latest datastore version, or null when it has none. */
async function loadedFields(ctx: AppContext, actor: Actor, resourceId: string) {
  try {
    return (await versionSource(ctx, actor, resourceId, null)).fields;
  } catch (err) {
    if (err instanceof DomainError && err.code === 'not_loaded') return null;
    throw err;
  }
}

/**
 * The export's columns: `_id` and then every field, when `fields=` can name them (a name with a
 * comma or spaces at its ends cannot be); null for the plain export (no `_id`).
 */
function exportColumns(fields: Field[]): string[] | null {
  const names = fields.map((f) => f.name);
  const nameable = names.every((n) => !n.includes(',') && n.trim() === n && n !== ROW_ID);
  const columns = [ROW_ID, ...names];
  return nameable && columns.join(',').length <= MAX_COLUMNS_QUERY ? columns : null;
}

/**
 * A readable dataset's parts for its Data Package: each resource loaded in the datastore (as its
 * CSV export) and each other file or link. A deleted dataset, or one the actor may not read, is
 * a 404 (as its page is); one with nothing to package is a 404 too (a package needs a resource).
 */
export async function packageParts(
  ctx: AppContext,
  actor: Actor,
  slug: string,
): Promise<PackageParts & { restricted: boolean }> {
  const dataset = await getDataset(ctx, actor, slug);
  if (dataset.state === 'deleted') throw notFound(`Dataset ${slug}`);
  const names = resourceSlugs(dataset.resources);
  const fields = await Promise.all(dataset.resources.map((r) => loadedFields(ctx, actor, r.id)));
  const tabular: TabularPart[] = [];
  const others: OtherPart[] = [];
  dataset.resources.forEach((r, i) => {
    const name = names.get(r.id) ?? r.id;
    const f = fields[i];
    if (f) {
      tabular.push({
        resourceId: r.id,
        name,
        title: r.name,
        description: r.description,
        fields: f,
        columns: exportColumns(f),
      });
    } else if (r.url !== null) {
      others.push({ name, resource: { ...r, url: r.url } });
    }
  });
  if (tabular.length + others.length === 0) {
    throw notFound(`Files or data in dataset ${slug} (a data package needs at least one)`);
  }
  return {
    dataset,
    tabular,
    others,
    restricted: dataset.visibility !== 'public' || dataset.state !== 'active',
  };
}

/** The URL of a tabular part's CSV export, naming the columns when it can. */
export function exportUrl(baseUrl: string, part: TabularPart): string {
  const url = `${baseUrl}/api/v1/resources/${part.resourceId}/export.csv`;
  return part.columns ? `${url}?fields=${part.columns.map(encodeURIComponent).join(',')}` : url;
}
