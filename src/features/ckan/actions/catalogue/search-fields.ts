import type { Actor } from '../../../accounts/index.js';
import type { CatalogueScan } from '../../../catalog/index.js';
import type { AppContext } from '../../../../context.js';
import { ckanValidation, type CkanCall } from '../../ckan-action.js';
import { loadPackages } from '../../ckan-package.js';

// package_search's `fl`: which fields of each package to answer, as CKAN passes it to Solr
// (`fl=id,name`, commas or spaces, or a JSON list). Harvesters list a catalogue's identifiers
// this way; `id` and `name` alone are answered from the search index without loading packages.

const MAX_FIELDS = 50;
const FIELD = /^[A-Za-z_][\w.-]*$/;

/** The fields asked for, or null for whole packages (no fl). */
export function fieldList(call: CkanCall): string[] | null {
  const raw = call.params.fl;
  if (raw === undefined || raw === null || raw === '') return null;
  const list = Array.isArray(raw)
    ? raw
    : typeof raw === 'string'
      ? raw.split(/[\s,]+/).filter(Boolean)
      : null;
  if (
    !list ||
    list.length > MAX_FIELDS ||
    !list.every((f): f is string => typeof f === 'string' && FIELD.test(f))
  ) {
    throw ckanValidation('fl', 'Must be a list of field names, separated by commas or spaces');
  }
  return list.length > 0 ? list : null;
}

const pick = (pkg: Record<string, unknown>, fields: string[]) =>
  Object.fromEntries(fields.filter((f) => f in pkg).map((f) => [f, pkg[f]]));

/** The page's results: whole packages, or only the fields asked for. */
export async function searchResults(
  ctx: AppContext,
  actor: Actor,
  scan: CatalogueScan,
  page: number[],
  fields: string[] | null,
): Promise<unknown[]> {
  if (fields?.every((f) => f === 'id' || f === 'name')) {
    return page.map((p) => pick({ id: scan.id(p), name: scan.slug(p) }, fields));
  }
  const packages = await loadPackages(
    ctx,
    actor,
    page.map((p) => scan.id(p)),
  );
  return fields ? packages.map((pkg) => pick(pkg as Record<string, unknown>, fields)) : packages;
}
